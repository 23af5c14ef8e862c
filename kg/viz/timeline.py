"""Cooperation events on a time axis as one offline HTML page (``kg timeline``).

The events come from the ``timeline`` named query (one row per event, however many articles tell
it: type, label, date, place, participants, status, documents); their evidence sentences, from
every article that tells them, from :func:`kg.viz.evidence.fact_evidence`. The page's own script draws an SVG timeline (no
library): one lane per event type, colour by type, and the status in the marker (happened:
filled; planned: hollow and dashed; canceled: faded and crossed out). A year- or month-precise
date is drawn as a bar over the whole year or month.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import TYPE_CHECKING

from kg.schema import EVENT_TYPES, STATUSES
from kg.store.history import SEPARATOR
from kg.viz.page import Page, asset, render
from kg.viz.style import EVENT_COLORS, STATUS_LABELS

if TYPE_CHECKING:
    from rdflib import Dataset

AXIS_START = 1975
"""The axis starts at Apollo-Soyuz (or earlier, if an event is earlier)."""


def _precision(date: str) -> str:
    return {4: "year", 7: "month", 10: "day"}.get(len(date), "day") if date else ""


def _split(joined: str) -> list[str]:
    return joined.split(SEPARATOR) if joined else []


def _event_of(row: dict) -> dict:
    """An event's record from its row of the ``timeline`` query (one row per event, however
    many articles tell it)."""
    events = _split(row["events"])
    return {
        "iri": events[0],
        "events": events,
        "type": row["type"],
        "label": row["label"],
        "date": row["date"],
        "precision": _precision(row["date"]),
        "status": row["status"],
        "place": row["place"],
        "participants": _split(row["participants"]),
        "documents": _split(row["documents"]),
    }


def _numbered(dataset: "Dataset", rows: list[dict]) -> list[dict]:
    """The timeline's rows (in the query's order: by date, undated last) as numbered records,
    each with the evidence sentences of every article that tells it."""
    from rdflib import URIRef

    from kg.viz.evidence import fact_evidence

    records = [_event_of(row) for row in rows]
    evidence = {str(k): v for k, v in fact_evidence(dataset, {URIRef(e) for r in records for e in r["events"]}).items()}
    for i, record in enumerate(records):
        record["id"] = i
        record["evidence"] = [ev for e in record["events"] for ev in evidence.get(e, [])]
    return records


def _summary(ordered: list[dict], dated: int) -> str:
    """"857 events, 817 dated; 93 told by several articles"."""
    retold = sum(1 for e in ordered if len(e["documents"]) > 1)
    summary = f"{len(ordered)} event{'s' * (len(ordered) != 1)}, {dated} dated"
    return summary + (f"; {retold} told by several articles" if retold else "")


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
    """The JSON-able data the timeline page draws: one record per event (however many articles
    tell it), with the evidence of each."""
    from kg.store.queries import run_named

    ordered = _numbered(dataset, run_named(dataset, "timeline"))
    today = today or dt.date.today()
    years = [int(e["date"][:4]) for e in ordered if e["date"]]
    dated = sum(1 for e in ordered if e["date"])
    return {
        "title": title,
        "summary": _summary(ordered, dated),
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
