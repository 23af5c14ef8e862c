"""The timeline page in a real browser, offline (headless Chromium via playwright). Guards issue 4."""

from __future__ import annotations

import pytest

from conftest import INJECTION
from test_viz_browser import assert_clean

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def corpus_timeline(built_corpus, tmp_path_factory):
    from kg.viz.export import write_timeline

    out, _, _ = built_corpus
    return write_timeline(graph=out, out=tmp_path_factory.mktemp("corpus-tl") / "timeline.html").html


@pytest.fixture(scope="module")
def hostile_timeline(hostile_graph, tmp_path_factory):
    from kg.viz.export import write_timeline

    return write_timeline(graph=hostile_graph, out=tmp_path_factory.mktemp("hostile-tl") / "timeline.html").html


def event_marker(page, status: str) -> dict:
    """How the first marker of an event with ``status`` is drawn (its circle, and any cross)."""
    return page.evaluate(
        """status => {
            const data = JSON.parse(document.getElementById('kg-data').textContent);
            const e = data.events.find(e => e.status === status && e.date);
            const g = document.querySelector(`.kg-event[data-id="${e.id}"]`);
            const c = g.querySelector('circle.kg-mark');
            return {fill: c.getAttribute('fill'), dash: c.getAttribute('stroke-dasharray'),
                    opacity: c.getAttribute('fill-opacity'), cross: g.querySelectorAll('path').length};
        }""",
        status,
    )


def test_every_dated_event_gets_a_marker_offline(offline_tab, corpus_timeline, built_corpus):
    from kg.store.queries import run_query

    rows = run_query(built_corpus[1], "timeline").rows  # one row per event, however many articles tell it
    offline_tab.open(corpus_timeline)
    page = offline_tab.page
    assert page.evaluate("document.querySelectorAll('.kg-event').length") == sum(1 for r in rows if r["date"]) > 10
    assert page.evaluate("document.querySelectorAll('#kg-list li').length") == len(rows)
    ticks = page.evaluate("[...document.querySelectorAll('.kg-tick text')].map(t => t.textContent)")
    assert "1975" in ticks and "2025" in ticks
    assert_clean(offline_tab)


def test_planned_and_canceled_events_look_different(offline_tab, corpus_timeline):
    offline_tab.open(corpus_timeline)
    happened = event_marker(offline_tab.page, "happened")
    planned = event_marker(offline_tab.page, "planned")
    canceled = event_marker(offline_tab.page, "canceled")
    assert happened["fill"] != "#fff" and happened["dash"] is None and happened["cross"] == 0
    assert planned["fill"] == "#fff" and planned["dash"]  # hollow and dashed
    assert canceled["cross"] == 1 and float(canceled["opacity"]) < 0.5  # crossed out and faded
    legend = offline_tab.page.inner_text("#kg-legend")
    assert "planned" in legend and "canceled" in legend


def test_clicking_an_event_shows_participants_and_evidence(offline_tab, corpus_timeline):
    page = offline_tab.page
    offline_tab.open(corpus_timeline)
    event = page.evaluate(
        "JSON.parse(document.getElementById('kg-data').textContent).events.find(e => e.date && e.participants.length >= 2 && e.evidence.length)"
    )
    page.click(f'.kg-event[data-id="{event["id"]}"]')
    page.wait_for_selector("#kg-details", state="visible")
    details = " ".join(page.inner_text("#kg-details").split())
    assert page.inner_text("#kg-details h2") == event["label"]
    assert all(p in details for p in event["participants"])
    assert " ".join(event["evidence"][0]["sentence"].split()) in details
    assert event["evidence"][0]["document"] in details
    # a participant leads to all of their events
    name = event["participants"][0]
    page.click(f"#kg-details button.kg-link >> text={name}")
    shown = page.evaluate("[...document.querySelectorAll('.kg-event:not(.kg-dim)')].map(g => +g.dataset.id)")
    with_name = page.evaluate(
        "name => JSON.parse(document.getElementById('kg-data').textContent).events.filter(e => e.date && e.participants.includes(name)).map(e => e.id)",
        name,
    )
    assert sorted(shown) == sorted(with_name) and event["id"] in shown
    assert name in page.inner_text("#kg-filter")
    assert_clean(offline_tab)


def test_hovering_an_event_shows_its_evidence(offline_tab, corpus_timeline):
    page = offline_tab.page
    offline_tab.open(corpus_timeline)
    event = page.evaluate("JSON.parse(document.getElementById('kg-data').textContent).events.find(e => e.date && e.evidence.length)")
    page.hover(f'.kg-event[data-id="{event["id"]}"] circle')
    page.wait_for_selector("#kg-tooltip", state="visible")
    assert " ".join(event["evidence"][0]["sentence"].split()) in " ".join(page.inner_text("#kg-tooltip").split())


def test_search_filters_the_events(offline_tab, corpus_timeline):
    page = offline_tab.page
    offline_tab.open(corpus_timeline)
    page.fill("#kg-search", "Leonov")
    listed = page.evaluate("[...document.querySelectorAll('#kg-list li:not(.kg-dim)')].map(li => li.textContent)")
    assert listed and all("Leonov" in text for text in listed)
    assert page.inner_text("#kg-results li >> nth=0")
    page.fill("#kg-search", "")
    assert page.evaluate("document.querySelectorAll('#kg-list li.kg-dim').length") == 0
    assert_clean(offline_tab)


def test_zooming_narrows_the_axis(offline_tab, corpus_timeline):
    page = offline_tab.page
    offline_tab.open(corpus_timeline)
    before = page.evaluate("[...document.querySelectorAll('.kg-tick text')].map(t => t.textContent)")
    page.click("#kg-zoom-in")
    page.click("#kg-zoom-in")
    after = page.evaluate("[...document.querySelectorAll('.kg-tick text')].map(t => +t.textContent.slice(0, 4))")
    assert max(after) - min(after) < int(before[-1]) - int(before[0])
    page.click("#kg-zoom-reset")
    assert page.evaluate("[...document.querySelectorAll('.kg-tick text')].map(t => t.textContent)") == before


def test_injected_markup_in_an_event_shows_as_text(offline_tab, hostile_timeline):
    page = offline_tab.page
    offline_tab.open(hostile_timeline)
    page.click(".kg-event")
    page.wait_for_selector("#kg-details", state="visible")
    assert page.inner_text("#kg-details h2") == f"Meeting: {INJECTION}"
    assert INJECTION in page.inner_text("#kg-details")
    assert INJECTION in page.inner_text("#kg-list")
    page.wait_for_timeout(300)
    assert page.evaluate("document.querySelectorAll('img, [onerror]').length") == 0
    assert_clean(offline_tab)
