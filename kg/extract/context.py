"""What the relation extractors share about one document: the spaCy Doc and its resolved mentions."""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from kg.extract.evidence import sentence_evidence
from kg.extract.quotes import QuotedSpan, quoted_spans
from kg.extract.resolve import Resolved
from kg.extract.speakers import is_speaker_label
from kg.gazetteer import Gazetteer
from kg.ingest.dateline import text_dateline_spans
from kg.lexicon import Lexicon
from kg.model import Document, Entity, Evidence
from kg.nlp import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


@dataclass
class DocContext:
    document: Document
    doc: "Doc"
    gazetteer: Gazetteer
    lexicon: Lexicon
    entities: dict[str, Entity]
    resolved: list[Resolved]
    _starts: list[int] = field(default_factory=list, init=False)
    _in_lines: list[Resolved] = field(default_factory=list, init=False)
    """the resolved mentions but interviewees' labels (``_is_speaker_label``)"""
    _token_to_mention: dict[int, Resolved] = field(default_factory=dict, init=False)
    _sentences: list["Span"] | None = field(default=None, init=False)
    _sentence_starts: list[int] = field(default_factory=list, init=False)
    _sentence_keys: dict[str, list[int]] | None = field(default=None, init=False)
    _typed_mentions: dict[frozenset[str], tuple[list[int], list[Resolved]]] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        self._starts = [r.mention.start for r in self.resolved]
        self._in_lines = [r for r in self.resolved if not self._is_speaker_label(r)]
        for r in self._in_lines:
            span = self.doc.char_span(r.mention.start, r.mention.end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                self._token_to_mention.setdefault(token.i, r)

    @property
    def published(self) -> date | None:
        return self.document.published

    @functools.cached_property
    def datelines(self) -> list[tuple[int, int, tuple[int, int] | None]]:
        """The text's wire datelines ("ADELAIDE, Australia, Sept. 28 (APA) -- ") with their news
        agencies (``text_dateline_spans``)."""
        return text_dateline_spans(self.document.original, self.document.offsets)

    def in_dateline(self, token: "Token") -> bool:
        return any(start <= token.idx < end for start, end, _ in self.datelines)

    @property
    def text(self) -> str:
        """``doc.text``, read once per document (``kg.nlp.doc_text``)."""
        return doc_text(self.doc)

    @functools.cached_property
    def quoted(self) -> list[QuotedSpan]:
        """The pairs of quote marks of the text (``kg.extract.quotes.quoted_spans``), in order."""
        return quoted_spans(self.text)

    def mention_at(self, token: "Token") -> Resolved | None:
        """The mention covering ``token``, if any (a speaker's label is none: it tells who speaks the
        line, it takes no part in what the line says)."""
        return self._token_to_mention.get(token.i)

    def mentions_in(self, start: int, end: int) -> list[Resolved]:
        """Mentions inside the character range ``[start, end)``."""
        lo = bisect.bisect_left(self._starts, start)
        out = []
        for r in self.resolved[lo:]:
            if r.mention.start >= end:
                break
            if r.mention.end <= end:
                out.append(r)
        return out

    def mentions_before(self, offset: int, types: frozenset[str]) -> Iterator[Resolved]:
        """Mentions of an entity of one of ``types`` that end by ``offset``, the latest first; not a
        speaker's label in an interview ("Vasko: She launched on Soyuz TMA-11": "she" is not Vasko)."""
        if types not in self._typed_mentions:
            chosen = [r for r in self._in_lines if self.type_of(r.key) in types]
            self._typed_mentions[types] = ([r.mention.start for r in chosen], chosen)
        starts, chosen = self._typed_mentions[types]
        for index in range(bisect.bisect_left(starts, offset) - 1, -1, -1):
            if chosen[index].mention.end <= offset:
                yield chosen[index]

    def _is_speaker_label(self, r: Resolved) -> bool:
        """A name alone at the start of a line, before a colon: who speaks the line, not one it names."""
        return is_speaker_label(self.text, r.mention.start, r.mention.end)

    @property
    def sentences(self) -> list["Span"]:
        """The document's sentences, in order."""
        if self._sentences is None:
            self._sentences = list(self.doc.sents)
            self._sentence_starts = [sent.start for sent in self._sentences]
        return self._sentences

    def sentence_index(self, sent: "Span") -> int | None:
        """The position of ``sent`` in ``sentences``, or ``None`` if it is not one of them."""
        sentences = self.sentences
        index = bisect.bisect_left(self._sentence_starts, sent.start)
        return index if index < len(sentences) and sentences[index].start == sent.start else None

    def first_shared_sentence(self, a: str, b: str) -> "Span | None":
        """The first sentence that mentions both entity keys ``a`` and ``b``."""
        if self._sentence_keys is None:
            self._sentence_keys = {}
            for index, sent in enumerate(self.sentences):
                for r in self.mentions_in(sent.start_char, sent.end_char):
                    indices = self._sentence_keys.setdefault(r.key, [])
                    if not indices or indices[-1] != index:
                        indices.append(index)
        shared = set(self._sentence_keys.get(a, ())).intersection(self._sentence_keys.get(b, ()))
        return self.sentences[min(shared)] if shared else None

    def type_of(self, key: str) -> str:
        return self.entities[key].type

    def names_class_of(self, general: str, specific: str) -> bool:
        """Whether entity ``general`` is the class name of entity ``specific``, of the same type:
        "Soyuz" of "Soyuz TMA-11", "Apollo" of "Apollo 11"; a generic name in a text that names the
        flight stands for it."""
        if general == specific or self.type_of(general) != self.type_of(specific):
            return False
        return (self.entities[specific].label.lower().startswith(self.entities[general].label.lower() + " ")
                or (general, specific) in self._named_with_class)

    @functools.cached_property
    def _named_with_class(self) -> frozenset[tuple[str, str]]:
        """(class, craft) where the text names a craft right after its class: "the Crew Dragon capsule
        Endurance" (only spaces between the two mentions)."""
        pairs = set()
        for a, b in zip(self.resolved, self.resolved[1:]):
            if a.key != b.key and not self.text[a.mention.end:b.mention.start].strip():
                pairs.add((a.key, b.key))
        return frozenset(pairs)

    def span_of(self, r: Resolved) -> "Span":
        return self.doc.char_span(r.mention.start, r.mention.end, alignment_mode="expand")

    def evidence(self, sent: "Span") -> Evidence:
        return sentence_evidence(self.document, sent.start_char, sent.end_char)
