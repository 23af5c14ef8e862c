"""Cooperation events on a time axis as one offline HTML page (``kg timeline``).

The events come from the ``events`` named query (type, label, date, place, participants,
status, document); their evidence sentences from :func:`kg.viz.evidence.fact_evidence`. The page's own script draws an SVG timeline (no
library): one lane per event type, colour by type, and the status in the marker (happened:
filled; planned: hollow and dashed; canceled: faded and crossed out). A year- or month-precise
date is drawn as a bar over the whole year or month.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import TYPE_CHECKING

from kg.schema import EVENT_TYPES, STATUSES
from kg.viz.page import Page, asset, render
from kg.viz.style import EVENT_COLORS, STATUS_LABELS

if TYPE_CHECKING:
    from rdflib import Dataset

AXIS_START = 1975
"""The axis starts at Apollo-Soyuz (or earlier, if an event is earlier)."""


def _precision(date: str) -> str:
    return {4: "year", 7: "month", 10: "day"}.get(len(date), "day") if date else ""


def _new_event(row: dict) -> dict:
    """An event's record from its first row of the ``events`` query (participants and documents
    are gathered from all its rows)."""
    return {
        "iri": row["event"],
        "type": row["type"],
        "label": row["label"],
        "date": row["date"],
        "precision": _precision(row["date"]),
        "status": row["status"],
        "place": row["place"],
        "participants": [],
        "documents": [],
    }


def _events_of(rows: list[dict]) -> dict[str, dict]:
    """The ``events`` query's rows (one per event, participant and document) as one record per event."""
    events: dict[str, dict] = {}
    for row in rows:
        event = events.setdefault(row["event"], _new_event(row))
        if row["participant"] and row["participant"] not in event["participants"]:
            event["participants"].append(row["participant"])
        if row["document"] not in event["documents"]:
            event["documents"].append(row["document"])
    return events


def _in_order(dataset: "Dataset", events: dict[str, dict]) -> list[dict]:
    """The events by date (undated last), then label: numbered, participants sorted, each with
    its evidence sentences."""
    from rdflib import URIRef

    from kg.viz.evidence import fact_evidence

    evidence = {str(k): v for k, v in fact_evidence(dataset, {URIRef(e) for e in events}).items()}
    ordered = sorted(events.values(), key=lambda e: (e["date"] or "9999", e["label"], e["iri"]))
    for i, event in enumerate(ordered):
        event["id"] = i
        event["participants"].sort()
        event["evidence"] = evidence.get(event["iri"], [])
    return ordered


def _types_legend(ordered: list[dict]) -> list[dict]:
    """The event types that have events, in schema order, with their colours and counts."""
    counts = Counter(e["type"] for e in ordered)
    return [
        {"name": t, "color": EVENT_COLORS[t], "count": counts[t]}
        for t in EVENT_TYPES
        if counts[t]
    ]


def _statuses_legend(ordered: list[dict]) -> list[dict]:
    """Every status with its label and how many events have it."""
    statuses = Counter(e["status"] for e in ordered)
    return [{"name": s, "label": STATUS_LABELS[s], "count": statuses[s]} for s in STATUSES]


def timeline_data(dataset: "Dataset", *, title: str = "US–Russian space cooperation: events", today: dt.date | None = None) -> dict:
    """The JSON-able data the timeline page draws: one record per event, with its evidence."""
    from kg.store.queries import run_named

    ordered = _in_order(dataset, _events_of(run_named(dataset, "events")))
    today = today or dt.date.today()
    years = [int(e["date"][:4]) for e in ordered if e["date"]]
    dated = sum(1 for e in ordered if e["date"])
    return {
        "title": title,
        "summary": f"{len(ordered)} event{'s' * (len(ordered) != 1)}, {dated} dated",
        "start": min([AXIS_START, *years]),
        "end": max([today.year, *years]) + 1,
        "today": today.isoformat(),
        "types": _types_legend(ordered),
        "statuses": _statuses_legend(ordered),
        "events": ordered,
        "empty": "No events in this graph.",
    }


def timeline_html(dataset: "Dataset", *, title: str = "US–Russian space cooperation: events", today: dt.date | None = None) -> str:
    """The self-contained HTML page of the timeline (what ``kg timeline`` writes)."""
    page = Page(
        title=title,
        body=asset("timeline.html"),
        data=timeline_data(dataset, title=title, today=today),
        scripts=(asset("dom.js"), asset("timeline.js")),
        styles=(asset("common.css"), asset("timeline.css")),
    )
    return render(page)
