"""The vocabulary every stage shares, spelled once: entity types, event types, statuses, date
precisions, the kinds of fact and the columns of the competency queries.

Each closed list is a ``Literal`` type (for annotations) and the tuple of its values (for code
that checks or iterates), the tuple read from the type, so the two cannot drift apart. The
ontology (``kg.ontology``) maps these names to IRIs; nothing else spells them.

>>> ENTITY_TYPES[:3]
('Person', 'Agency', 'Country')
>>> "Other" in EVENT_TYPES and "Other" not in EVENT_CLASSES
True
"""

from __future__ import annotations

from typing import Literal, get_args

EntityType = Literal["Person", "Agency", "Country", "Program", "Spacecraft", "Facility", "Place"]
ENTITY_TYPES: tuple[EntityType, ...] = get_args(EntityType)
CRAFT_TYPES: frozenset[EntityType] = frozenset({"Spacecraft", "Program"})
"""The types of what flies and what a crew serves on: a craft, or a mission or expedition."""

EventType = Literal[
    "Meeting", "Launch", "Docking", "Landing", "Agreement", "Appointment", "Spacewalk",
    "Suspension", "Cancellation", "Announcement", "Other",
]
EVENT_TYPES: tuple[EventType, ...] = get_args(EventType)
OTHER_EVENT: EventType = "Other"
"""The type of an event of none of the ontology's event classes (a plain ``kgo:Event``)."""
EVENT_CLASSES: tuple[EventType, ...] = tuple(t for t in EVENT_TYPES if t != OTHER_EVENT)
"""Event types that are classes of the ontology (every type but "Other")."""

Status = Literal["happened", "planned", "canceled"]
STATUSES: tuple[Status, ...] = get_args(Status)

Precision = Literal["year", "month", "day"]
PRECISIONS: tuple[Precision, ...] = get_args(Precision)

FactKind = Literal["entities", "positions", "events", "involvement", "agency_country", "quotes"]
FACT_KINDS: tuple[FactKind, ...] = get_args(FactKind)
"""The kinds of fact a build extracts and the scorer compares; each is also the name of its
competency query, in report order (the headline macro-F1 is the mean over all of them)."""

QUERY_COLUMNS: dict[FactKind, tuple[str, ...]] = {
    "entities": ("label", "type", "document"),
    "positions": ("person", "title", "organization", "document"),
    "events": ("event", "type", "label", "date", "place", "participant", "status", "document"),
    "involvement": ("program", "party", "document"),
    "agency_country": ("agency", "country", "document"),
    "quotes": ("speaker", "text", "document"),
}
"""The columns of each competency query (``kg query NAME --format json``): the contract."""

__all__ = [
    "ENTITY_TYPES", "EVENT_CLASSES", "EVENT_TYPES", "FACT_KINDS", "OTHER_EVENT", "PRECISIONS",
    "QUERY_COLUMNS", "STATUSES", "EntityType", "EventType", "FactKind", "Precision", "Status",
]
