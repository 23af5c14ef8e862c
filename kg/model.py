"""Plain data passed between the stages: ingest -> extract -> resolve -> emit.

No stage builds RDF but ``emit``; these dataclasses are all the stages share.
Offsets are character offsets: ``Document.text`` offsets inside the extraction stages,
translated to offsets into the original file (``Document.to_original``) when evidence is made.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from kg.schema import EntityType, EventType, Status
from kg.temporal import DateValue  # noqa: F401  (the date type of every fact)


@dataclass(frozen=True)
class Document:
    """One ingested article.

    ``text`` is the normalised body the extractors read; ``offsets[i]`` is the offset in
    ``original`` of ``text[i]`` (one entry more than ``len(text)``, for end offsets).
    For HTML, ``original`` is the main text trafilatura extracted (markup has no offsets that
    a reader could use), which the evidence says through ``Document.kind``.
    """

    doc_id: str
    path: Path
    kind: Literal["txt", "md", "html"]
    title: str | None
    published: date | None
    text: str
    original: str
    offsets: tuple[int, ...]
    source: str | None = None
    sha256: str = ""

    @property
    def source_name(self) -> str:
        return self.path.name

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` span of ``text`` to the span of ``original`` it came from."""
        if end <= start:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: the sentence, with offsets into the original document."""

    doc_id: str
    sentence: str
    start: int
    end: int


@dataclass
class Entity:
    """A resolved real-world entity (one per document; the same ``key`` across documents is one node)."""

    key: str
    type: EntityType
    label: str
    aliases: set[str] = field(default_factory=set)
    wikidata: str | None = None
    gazetteer_id: str | None = None


@dataclass(frozen=True)
class Mention:
    """A span of ``Document.text`` that names an entity."""

    text: str
    start: int
    end: int
    type: EntityType
    entity_key: str
    evidence: Evidence


@dataclass(frozen=True)
class Position:
    person: str
    title: str
    organization: str | None
    evidence: Evidence
    acting: bool = False
    start: DateValue | None = None
    end: DateValue | None = None


@dataclass(frozen=True)
class Event:
    """One event of a document; ``evidence`` holds every sentence that mentions it, in text order
    (a single :class:`Evidence` given to the constructor becomes a one-sentence tuple)."""

    type: EventType
    label: str
    date: DateValue | None
    place: str | None
    participants: tuple[str, ...]
    status: Status
    evidence: tuple[Evidence, ...]
    trigger: str = ""
    """The lemma of the word that told the event ("undock", "hatch"): what an "Other" event is."""

    def __post_init__(self) -> None:
        if isinstance(self.evidence, Evidence):
            object.__setattr__(self, "evidence", (self.evidence,))


@dataclass(frozen=True)
class Involvement:
    program: str
    party: str
    evidence: Evidence


@dataclass(frozen=True)
class AgencyCountry:
    agency: str
    country: str
    evidence: Evidence


@dataclass(frozen=True)
class Quote:
    speaker: str
    text: str
    evidence: Evidence


@dataclass
class Extraction:
    """Everything extracted from one document, entities resolved to keys."""

    document: Document
    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    involvements: list[Involvement] = field(default_factory=list)
    agency_countries: list[AgencyCountry] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
