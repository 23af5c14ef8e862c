"""The timeline's data: every event, on the 1975-to-today axis, with participants and evidence (issue 4)."""

from __future__ import annotations

import datetime as dt

EVENTS = """PREFIX kgo: <https://w3id.org/usru-space/ontology#>
SELECT DISTINCT ?e ?date WHERE {
  GRAPH ?g { ?doc a kgo:Document . ?e kgo:status ?s . OPTIONAL { ?e kgo:date ?date . } }
}"""


def test_every_event_of_the_corpus_is_on_the_timeline_once(built_corpus):
    """Each article's event is on the timeline in exactly one entry; an event several articles
    tell is one entry (issue 11: the shipped corpus retells Apollo-Soyuz, Zarya...)."""
    from kg.store.queries import run_sparql
    from kg.viz.timeline import timeline_data

    _, dataset, _ = built_corpus
    data = timeline_data(dataset)
    every = run_sparql(dataset, EVENTS)
    told = [e for record in data["events"] for e in record["events"]]
    assert sorted(told) == sorted({row["e"] for row in every}) and len(told) == len(set(told))
    assert {e for record in data["events"] if record["date"] for e in record["events"]} == {row["e"] for row in every if row["date"]}
    assert 10 < len(data["events"]) < len(told)
    retold = sum(1 for record in data["events"] if len(record["documents"]) > 1)
    assert retold and data["summary"].endswith(f"; {retold} told by several articles")
    assert sum(t["count"] for t in data["types"]) == len(data["events"])
    assert sum(s["count"] for s in data["statuses"]) == len(data["events"])


def test_every_event_carries_its_evidence_sentence(built_corpus):
    from kg.viz.timeline import timeline_data

    for event in timeline_data(built_corpus[1])["events"]:
        assert event["evidence"], event["label"]
        for ev in event["evidence"]:
            assert ev["sentence"] and ev["document"] in event["documents"]
            assert ev["where"].startswith(ev["document"] + ":")


def test_axis_runs_from_1975_to_today(built_corpus):
    from kg.viz.timeline import timeline_data

    data = timeline_data(built_corpus[1], today=dt.date(2031, 5, 1))
    assert data["start"] <= 1975
    assert data["end"] == 2032
    assert data["today"] == "2031-05-01"


def test_events_are_in_date_order_with_undated_last(built_corpus):
    from kg.viz.timeline import timeline_data

    events = timeline_data(built_corpus[1])["events"]
    keys = [e["date"] or "9999" for e in events]
    assert keys == sorted(keys)
    assert [e["id"] for e in events] == list(range(len(events)))


def test_status_precision_and_participants(two_articles):
    from kg.viz.timeline import timeline_data

    events = {e["type"]: e for e in timeline_data(two_articles, today=dt.date(2025, 8, 1))["events"]}
    meeting, launch = events["Meeting"], events["Launch"]
    assert (meeting["date"], meeting["precision"], meeting["status"]) == ("2025-07-31", "day", "happened")
    assert (launch["date"], launch["precision"], launch["status"]) == ("2026", "year", "planned")
    assert meeting["participants"] == ["Dmitry Bakanov", "NASA", "Roscosmos", "Sean Duffy"]
    assert meeting["place"] == "United States"
    assert meeting["evidence"][0]["sentence"].startswith("The July 31st meeting")


def test_an_empty_graph_gives_an_empty_timeline():
    from kg.emit import new_dataset
    from kg.viz.timeline import timeline_data

    data = timeline_data(new_dataset(), today=dt.date(2025, 1, 1))
    assert data["events"] == [] and data["start"] == 1975 and data["end"] == 2026
