"""The six kinds of fact the scorer compares, as plain dataclasses shared by gold and system output.

A gold file (:class:`~kg.evaluate.gold.Gold`) and the system's query rows for one document
(:class:`Facts`) hold the same fact classes, so each matching rule compares like with like.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EntityFact:
    name: str
    type: str
    aliases: tuple[str, ...] = ()

    def describe(self) -> str:
        return f"{self.name} ({self.type})"


@dataclass(frozen=True)
class PositionFact:
    person: str
    title: str
    organization: str = ""

    def describe(self) -> str:
        return f"{self.person}: {self.title}" + (f" at {self.organization}" if self.organization else "")


@dataclass(frozen=True)
class EventFact:
    type: str
    label: str = ""
    date: str = ""
    place: str = ""
    participants: tuple[str, ...] = ()
    status: str = ""

    def describe(self) -> str:
        return f"{self.type} {self.date or '(no date)'} [{', '.join(self.participants)}] {self.label}".rstrip()


@dataclass(frozen=True)
class InvolvementFact:
    program: str
    party: str

    def describe(self) -> str:
        return f"{self.party} -> {self.program}"


@dataclass(frozen=True)
class AgencyCountryFact:
    agency: str
    country: str

    def describe(self) -> str:
        return f"{self.agency} -> {self.country}"


@dataclass(frozen=True)
class QuoteFact:
    speaker: str
    text: str

    def describe(self) -> str:
        return f'{self.speaker}: "{self.text}"'


@dataclass(frozen=True)
class Facts:
    """What the system says about one document (read from the competency-query rows)."""

    document: str
    entities: tuple[EntityFact, ...] = ()
    positions: tuple[PositionFact, ...] = ()
    events: tuple[EventFact, ...] = ()
    involvement: tuple[InvolvementFact, ...] = ()
    agency_country: tuple[AgencyCountryFact, ...] = ()
    quotes: tuple[QuoteFact, ...] = ()
