"""Evidence for a fact: the sentence it was read from, with offsets into the original file."""

from __future__ import annotations

from kg.model import Document, Evidence


def sentence_evidence(document: Document, start: int, end: int) -> Evidence:
    """Evidence for the sentence spanning ``document.text[start:end]``.

    The sentence text is taken from the original file, so that
    ``document.original[ev.start:ev.end] == ev.sentence`` always holds.
    """
    text = document.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    o_start, o_end = document.to_original(start, end)
    return Evidence(document.doc_id, document.original[o_start:o_end], o_start, o_end)
