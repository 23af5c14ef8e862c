"""Between competency-query rows and facts: read the system's rows, or write gold facts as rows.

Rows are what ``kg query NAME --format json`` prints: one dict per row, values are labels,
``document`` is the source file's name. A missing query counts as no rows (every gold fact of
that type is then missed); a row lacking a column the scorer needs is a :class:`DataError`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from kg.errors import DataError
from kg.evaluate.facts import (
    AgencyCountryFact,
    EntityFact,
    EventFact,
    Facts,
    InvolvementFact,
    PositionFact,
    QuoteFact,
)
from kg.evaluate.gold import Gold
from kg.schema import FACT_KINDS, QUERY_COLUMNS

COLUMNS: dict[str, tuple[str, ...]] = dict(QUERY_COLUMNS)
"""The columns of each competency query, as the scorer reads them (``kg.schema``)."""

_OPTIONAL = frozenset({"organization", "label", "date", "place", "participant", "status"})
"""Columns that may be left out of a row (read as "")."""

Rows = Mapping[str, Sequence[Mapping[str, object]]]


def document_name(value: str) -> str:
    """The file name a ``document`` value refers to (a path or IRI counts by its last segment)."""
    return value.strip().replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]


def facts_from_rows(rows: Rows) -> dict[str, Facts]:
    """Group the rows of the six queries into one :class:`Facts` per document.

    Identical rows count once. Event rows sharing an ``event`` IRI are one event: its
    participants are the non-empty ``participant`` values, and each other field is the first
    non-empty value among its rows.
    """
    per_doc: dict[str, dict[str, list]] = {}

    def bucket(document: str, fact_type: str) -> list:
        return per_doc.setdefault(document, {t: [] for t in FACT_KINDS})[fact_type]

    for fact_type in FACT_KINDS:
        events: dict[tuple[str, str], list[tuple[str, ...]]] = {}
        for values in _unique(fact_type, rows.get(fact_type, ())):
            *fields, document = values
            doc = document_name(document)
            if fact_type == "entities":
                bucket(doc, fact_type).append(EntityFact(name=fields[0], type=fields[1]))
            elif fact_type == "positions":
                bucket(doc, fact_type).append(PositionFact(*fields))
            elif fact_type == "events":
                events.setdefault((doc, fields[0]), []).append(tuple(fields[1:]))
            elif fact_type == "involvement":
                bucket(doc, fact_type).append(InvolvementFact(*fields))
            elif fact_type == "agency_country":
                bucket(doc, fact_type).append(AgencyCountryFact(*fields))
            else:
                bucket(doc, fact_type).append(QuoteFact(*fields))
        for (doc, _iri), event_rows in events.items():
            bucket(doc, "events").append(_event(event_rows))
    return {
        doc: Facts(document=doc, **{t: tuple(items) for t, items in buckets.items()})
        for doc, buckets in per_doc.items()
    }


def _event(event_rows: list[tuple[str, ...]]) -> EventFact:
    def first(i: int) -> str:
        return next((r[i] for r in event_rows if r[i]), "")

    participants = tuple(dict.fromkeys(r[4] for r in event_rows if r[4]))
    return EventFact(type=first(0), label=first(1), date=first(2), place=first(3),
                     participants=participants, status=first(5))


def _unique(fact_type: str, rows: object) -> Iterable[tuple[str, ...]]:
    """The rows of one query as tuples of :data:`COLUMNS` values, exact duplicates dropped."""
    columns = COLUMNS[fact_type]
    if isinstance(rows, (str, bytes, Mapping)) or not isinstance(rows, Iterable):
        raise DataError(f"rows of query {fact_type!r} must be a list of objects, not {type(rows).__name__}")
    seen: set[tuple[str, ...]] = set()
    for number, row in enumerate(rows, start=1):
        if not isinstance(row, Mapping):
            raise DataError(f"query {fact_type!r} row {number} is not an object: {row!r}")
        values = []
        for column in columns:
            if column not in row and column not in _OPTIONAL:
                raise DataError(
                    f"query {fact_type!r} row {number} has no column {column!r}; "
                    f"pass rows as `kg query {fact_type} --format json` prints them ({', '.join(columns)})"
                )
            value = row.get(column)
            values.append("" if value is None else str(value).strip())
        item = tuple(values)
        if item not in seen:
            seen.add(item)
            yield item


def rows_from_gold(golds: Iterable[Gold]) -> dict[str, list[dict[str, str]]]:
    """The rows a perfect system would return for these gold files (scores F1 = 1 against them).

    Useful to check a scoring set-up end to end, and as a template of the row format. Event
    IRIs are opaque placeholders (``gold:<document>#event<N>``).
    """
    out: dict[str, list[dict[str, str]]] = {t: [] for t in FACT_KINDS}
    for gold in golds:
        doc = gold.document
        out["entities"] += [{"label": e.name, "type": e.type, "document": doc} for e in gold.entities]
        out["positions"] += [
            {"person": p.person, "title": p.title, "organization": p.organization, "document": doc}
            for p in gold.positions
        ]
        for number, event in enumerate(gold.events, start=1):
            base = {"event": f"gold:{doc}#event{number}", "type": event.type, "label": event.label,
                    "date": event.date, "place": event.place, "status": event.status, "document": doc}
            out["events"] += [{**base, "participant": p} for p in event.participants or ("",)]
        out["involvement"] += [{"program": i.program, "party": i.party, "document": doc} for i in gold.involvement]
        out["agency_country"] += [
            {"agency": a.agency, "country": a.country, "document": doc} for a in gold.agency_country
        ]
        out["quotes"] += [{"speaker": q.speaker, "text": q.text, "document": doc} for q in gold.quotes]
    return out
