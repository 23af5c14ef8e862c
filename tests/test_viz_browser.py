"""The network page in a real browser, offline: headless Chromium (/usr/bin/chromium) via playwright.

Every request that is not for a local file is aborted and counted; the tests fail if the page
made one, logged an error, or opened a dialog. Guards issue 4.
"""

from __future__ import annotations

import struct
import subprocess
import sys

import pytest

from conftest import INJECTED_QUOTE, INJECTION, REPO
from test_viz_network import entity_count

pytestmark = pytest.mark.browser

SEED_POSITION_EVIDENCE = """PREFIX kgo: <https://w3id.org/usru-space/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?sentence WHERE { GRAPH ?g {
  ?p a kgo:Position ; kgo:holder ?h ; kgo:evidence ?ev . ?h rdfs:label "Sean Duffy" . ?ev kgo:sentence ?sentence } }"""


def _squash(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def seed_html(built_seed, tmp_path_factory):
    from kg.viz.export import write_network

    out, _, _ = built_seed
    return write_network(graph=out, out=tmp_path_factory.mktemp("seed-net") / "graph.html").html


@pytest.fixture(scope="module")
def corpus_html(built_corpus, tmp_path_factory):
    from kg.viz.export import write_network

    out, _, _ = built_corpus
    return write_network(graph=out, out=tmp_path_factory.mktemp("corpus-net") / "graph.html").html


@pytest.fixture(scope="module")
def hostile_html(hostile_graph, tmp_path_factory):
    from kg.viz.export import write_network

    return write_network(graph=hostile_graph, out=tmp_path_factory.mktemp("hostile-net") / "graph.html").html


def assert_clean(tab) -> None:
    assert tab.outside_requests == [], f"the page tried to reach the network: {tab.outside_requests}"
    assert tab.console_errors == [], f"console errors: {tab.console_errors}"
    assert tab.dialogs == [], f"dialogs opened: {tab.dialogs}"


def node_point(tab, label: str) -> tuple[float, float]:
    """Where on the page the node labelled ``label`` is drawn."""
    p = tab.page.evaluate(
        """label => {
            const n = kg.nodes.get().find(n => n.label === label);
            const dom = kg.network.canvasToDOM(kg.network.getPositions([n.id])[n.id]);
            const box = document.getElementById('kg-network').getBoundingClientRect();
            return [box.left + dom.x, box.top + dom.y];
        }""",
        label,
    )
    return p[0], p[1]


def test_seed_graph_draws_one_node_per_entity_offline(offline_tab, seed_html, built_seed):
    offline_tab.open(seed_html)
    drawn = offline_tab.page.evaluate("kg.nodes.length")
    assert drawn == entity_count(built_seed[1]) > 5
    labels = offline_tab.page.evaluate("kg.nodes.get().map(n => n.label)")
    assert {"Sean Duffy", "Dmitry Bakanov", "NASA", "Roscosmos"} <= set(labels)
    assert offline_tab.page.evaluate("kg.edges.length") > 5
    legend = offline_tab.page.inner_text("#kg-legend")
    assert "Person" in legend and "Agency" in legend
    assert_clean(offline_tab)


def test_corpus_graph_draws_one_node_per_entity_offline(offline_tab, corpus_html, built_corpus):
    offline_tab.open(corpus_html)
    assert offline_tab.page.evaluate("kg.nodes.length") == entity_count(built_corpus[1]) > 50
    assert_clean(offline_tab)


def test_hovering_a_node_shows_its_facts_and_evidence(offline_tab, seed_html, built_seed):
    from kg.store.queries import run_sparql

    sentence = run_sparql(built_seed[1], SEED_POSITION_EVIDENCE)[0]["sentence"]
    offline_tab.open(seed_html)
    assert offline_tab.page.is_hidden("#kg-tooltip")
    offline_tab.page.mouse.move(*node_point(offline_tab, "Sean Duffy"))
    offline_tab.page.wait_for_selector("#kg-tooltip", state="visible")
    text = _squash(offline_tab.page.inner_text("#kg-tooltip"))
    assert "Sean Duffy" in text and "acting administrator of NASA" in text
    assert _squash(sentence) in text
    assert "seed-nasa-roscosmos-talks.txt" in text
    assert_clean(offline_tab)


def test_clicking_a_node_opens_the_details_panel(offline_tab, seed_html, built_seed):
    from kg.store.queries import run_sparql

    sentence = run_sparql(built_seed[1], SEED_POSITION_EVIDENCE)[0]["sentence"]
    offline_tab.open(seed_html)
    assert offline_tab.page.is_hidden("#kg-details")
    offline_tab.page.mouse.click(*node_point(offline_tab, "Sean Duffy"))
    offline_tab.page.wait_for_selector("#kg-details", state="visible")
    assert offline_tab.page.inner_text("#kg-details h2") == "Sean Duffy"
    details = _squash(offline_tab.page.inner_text("#kg-details"))
    assert "acting administrator of NASA" in details and _squash(sentence) in details
    # the details link to the other end of each fact
    offline_tab.page.click("#kg-details button.kg-link >> text=NASA")
    assert offline_tab.page.inner_text("#kg-details h2") == "NASA"
    assert_clean(offline_tab)


def test_search_finds_a_node_and_selects_it(offline_tab, seed_html):
    offline_tab.open(seed_html)
    offline_tab.page.fill("#kg-search", "bakan")
    assert offline_tab.page.inner_text("#kg-results li >> nth=0").startswith("Dmitry Bakanov")
    offline_tab.page.press("#kg-search", "Enter")
    selected = offline_tab.page.evaluate("kg.network.getSelectedNodes().map(id => kg.nodes.get(id).label)")
    assert selected == ["Dmitry Bakanov"]
    assert offline_tab.page.inner_text("#kg-details h2") == "Dmitry Bakanov"
    offline_tab.page.fill("#kg-search", "no such entity")
    assert offline_tab.page.inner_text("#kg-results") == "No match"
    assert_clean(offline_tab)


def test_search_finds_a_node_by_alias(offline_tab, seed_html):
    offline_tab.open(seed_html)
    offline_tab.page.fill("#kg-search", "ISS")  # the seed says "ISS" for the International Space Station
    assert offline_tab.page.inner_text("#kg-results li >> nth=0").startswith("International Space Station")


def test_class_filter_hides_and_shows_a_class(offline_tab, seed_html):
    offline_tab.open(seed_html)
    people = offline_tab.page.evaluate("kg.nodes.get().filter(n => JSON.parse(document.getElementById('kg-data').textContent).nodes[n.id].type === 'Person').length")
    assert people >= 2
    offline_tab.page.uncheck("#kg-legend input[data-type=Person]")
    assert offline_tab.page.evaluate("kg.nodes.get({filter: n => n.hidden}).length") == people
    offline_tab.page.check("#kg-legend input[data-type=Person]")
    assert offline_tab.page.evaluate("kg.nodes.get({filter: n => n.hidden}).length") == 0
    assert_clean(offline_tab)


def test_injected_markup_shows_as_text_and_runs_nothing(offline_tab, hostile_html):
    page = offline_tab.page
    offline_tab.open(hostile_html)
    page.mouse.move(*node_point(offline_tab, INJECTION))
    page.wait_for_selector("#kg-tooltip", state="visible")
    assert INJECTION in page.inner_text("#kg-tooltip")
    page.mouse.click(*node_point(offline_tab, INJECTION))
    page.wait_for_selector("#kg-details", state="visible")
    assert page.inner_text("#kg-details h2") == INJECTION
    details = page.inner_text("#kg-details")
    assert "We said </script><script>alert(2)</script> and <b onmouseover=alert(3)>more</b>" in details
    page.fill("#kg-search", "<img")
    assert page.inner_text("#kg-results li >> nth=0").startswith(INJECTION)
    page.hover("#kg-details")
    page.wait_for_timeout(300)  # time for an onerror/onmouseover to fire, were there one
    assert page.evaluate("document.querySelectorAll('img, b, [onerror], [onmouseover]').length") == 0
    assert page.evaluate("document.querySelectorAll('script').length") == 4  # data + vis + dom + network
    assert_clean(offline_tab)  # no alert dialog among them
    assert INJECTED_QUOTE.split("\u2028")[1] in details


def test_notebook_iframe_draws_the_graph(offline_tab, seed_html, built_seed):
    from kg.viz.notebook import show

    markup = show(seed_html.read_text(encoding="utf-8"), height=500)._repr_html_()
    offline_tab.page.set_content(f"<!DOCTYPE html><html><body><h1>Notebook</h1>{markup}</body></html>")
    frame = offline_tab.page.frame_locator("iframe")
    frame.locator("#kg-legend label").first.wait_for()
    inner = next(f for f in offline_tab.page.frames if f != offline_tab.page.main_frame)
    inner.wait_for_function("window.kg && window.kg.ready")
    assert inner.evaluate("kg.nodes.length") == entity_count(built_seed[1])
    assert offline_tab.page.evaluate("document.querySelector('iframe').getBoundingClientRect().height") == 500
    assert_clean(offline_tab)


def _png_size(path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", "a PNG file"
    return struct.unpack(">II", head[16:24])


def test_viz_command_takes_a_screenshot(built_seed, tmp_path):
    from PIL import Image

    out, _, _ = built_seed
    png = tmp_path / "seed.png"
    result = subprocess.run(
        [sys.executable, "-m", "kg", "viz", "-g", str(out), "-o", str(tmp_path / "g.html"), "--screenshot", str(png)],
        capture_output=True, text=True, cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    assert f"wrote screenshot: {png}" in result.stdout
    assert _png_size(png) == (1400, 900)
    colours = Image.open(png).convert("RGB").getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 50  # a drawing, not a blank page
