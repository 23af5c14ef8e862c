"""What the relation extractors share about one document: the spaCy Doc and its resolved mentions."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from kg.extract.evidence import sentence_evidence
from kg.extract.resolve import Resolved
from kg.gazetteer import Gazetteer
from kg.lexicon import Lexicon
from kg.model import Document, Entity, Evidence

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
    _token_to_mention: dict[int, Resolved] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        self._starts = [r.mention.start for r in self.resolved]
        for r in self.resolved:
            span = self.doc.char_span(r.mention.start, r.mention.end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                self._token_to_mention.setdefault(token.i, r)

    @property
    def published(self) -> date | None:
        return self.document.published

    def mention_at(self, token: "Token") -> Resolved | None:
        """The mention covering ``token``, if any."""
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

    def type_of(self, key: str) -> str:
        return self.entities[key].type

    def span_of(self, r: Resolved) -> "Span":
        return self.doc.char_span(r.mention.start, r.mention.end, alignment_mode="expand")

    def evidence(self, sent: "Span") -> Evidence:
        return sentence_evidence(self.document, sent.start_char, sent.end_char)
