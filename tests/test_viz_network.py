"""The network view's data: what is drawn, how it is selected, where nodes go (issue 4)."""

from __future__ import annotations

import math

import networkx as nx
import pytest

from kg.errors import GraphError

ENTITIES_REFERENCED = """PREFIX kgo: <https://w3id.org/usru-space/ontology#>
SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {
  GRAPH ?g {
    ?doc a kgo:Document .
    ?fact ?role ?e .
    ?e a ?class .
  }
  VALUES ?role { kgo:refersTo kgo:holder kgo:organization kgo:party kgo:program kgo:agency kgo:country kgo:participant kgo:place kgo:speaker }
  VALUES ?class { kgo:Person kgo:Agency kgo:Country kgo:Program kgo:Spacecraft kgo:Facility kgo:Place }
}"""
"""Entities some article states something about, counted by SPARQL, independently of the projection."""


def entity_count(dataset) -> int:
    from kg.store.queries import run_sparql

    return int(run_sparql(dataset, ENTITIES_REFERENCED)[0]["n"])


@pytest.fixture(scope="module")
def corpus_graph(built_corpus):
    from kg.analytics.project import to_networkx

    return to_networkx(built_corpus[1])


@pytest.fixture(scope="module")
def two_graph(two_articles):
    from kg.analytics.project import to_networkx

    return to_networkx(two_articles)


def test_one_node_per_entity_of_the_articles(built_corpus, corpus_graph):
    from kg.viz.network import network_data

    data = network_data(corpus_graph)
    assert len(data["nodes"]) == entity_count(built_corpus[1]) > 50
    assert sum(c["count"] for c in data["classes"]) == len(data["nodes"])
    assert data["summary"].startswith(f"{len(data['nodes'])} entities")


def test_every_fact_on_an_edge_carries_its_evidence(corpus_graph):
    from kg.viz.network import network_data

    data = network_data(corpus_graph)
    facts = [f for e in data["edges"] for f in e["facts"]]
    assert len(facts) == corpus_graph.number_of_edges()
    for fact in facts:
        assert fact["text"] and fact["evidence"], fact
        for ev in fact["evidence"]:
            assert ev["sentence"] and ev["document"].endswith((".txt", ".html", ".md"))


def test_parallel_facts_of_one_relation_share_one_edge(two_graph):
    from kg.viz.network import network_data

    data = network_data(two_graph)
    labels = {n["id"]: n["label"] for n in data["nodes"]}
    pairs = [(labels[e["from"]], labels[e["to"]], e["relation"]) for e in data["edges"]]
    assert len(pairs) == len(set(pairs))
    nasa_roscosmos = [e for e in data["edges"] if {labels[e["from"]], labels[e["to"]]} == {"NASA", "Roscosmos"} and e["relation"] == "co_participant"]
    assert len(nasa_roscosmos) == 1
    assert len(nasa_roscosmos[0]["facts"]) == 2  # the 2025 meeting and the planned 2026 launch
    assert nasa_roscosmos[0]["label"] == "2 events"
    assert not nasa_roscosmos[0]["directed"]


def test_edges_are_labelled_by_relation_in_words(two_graph):
    from kg.viz.network import network_data

    data = network_data(two_graph)
    labels = {n["id"]: n["label"] for n in data["nodes"]}
    by_edge = {(labels[e["from"]], labels[e["to"]], e["relation"]): e["label"] for e in data["edges"]}
    assert by_edge[("Sean Duffy", "NASA", "holds_post")] == "acting administrator"
    assert by_edge[("NASA", "Artemis program", "involved_in")] == "involved in"
    assert by_edge[("NASA", "United States", "based_in")] == "based in"
    assert by_edge[("NASA", "United States", "at_place")] == "at"
    assert by_edge[("Dmitry Bakanov", "Sean Duffy", "co_participant")] == "meeting"


def test_quotations_are_facts_of_their_speaker(two_articles, two_graph):
    from kg.viz.network import network_data, quotations

    data = network_data(two_graph, node_facts=quotations(two_articles))
    duffy = next(n for n in data["nodes"] if n["label"] == "Sean Duffy")
    assert [f["text"] for f in duffy["facts"]] == ["says “We will see.”"]
    assert duffy["facts"][0]["evidence"][0]["sentence"] == 'Duffy said: "We will see."'
    assert duffy["facts"][0]["evidence"][0]["where"].startswith("a.txt:")


# --- selecting what to draw -------------------------------------------------------------------


def test_types_keep_only_those_classes(corpus_graph):
    from kg.viz.network import select

    G = select(corpus_graph, types=["person", "Agency"])
    assert {d["type"] for _, d in G.nodes(data=True)} == {"Person", "Agency"}
    assert len(corpus_graph) > len(G) > 0


def test_types_given_comma_separated(corpus_graph):
    from kg.viz.network import select

    assert set(select(corpus_graph, types=["Person,Agency"])) == set(select(corpus_graph, types=["Person", "Agency"]))


def test_focus_and_depth_draw_a_neighbourhood(two_graph):
    from kg.viz.network import select

    one = {two_graph.nodes[n]["label"] for n in select(two_graph, focus="Duffy", depth=1)}
    assert one == {"Sean Duffy", "NASA", "Roscosmos", "Dmitry Bakanov", "United States"}
    zero = {two_graph.nodes[n]["label"] for n in select(two_graph, focus="sean duffy", depth=0)}
    assert zero == {"Sean Duffy"}
    two = select(two_graph, focus="Sean Duffy", depth=2)
    assert len(two) > len(one)


def test_since_until_keep_the_events_of_the_window_and_their_participants(two_graph):
    from kg.viz.network import select

    G = select(two_graph, since="2026")
    labels = {G.nodes[n]["label"] for n in G}
    assert labels == {"NASA", "Roscosmos"}
    relations = {d["relation"] for *_, d in G.edges(data=True)}
    assert relations == {"co_participant"}
    assert {d["date"] for *_, d in G.edges(data=True)} == {"2026"}
    H = select(two_graph, until="2025-12")
    assert {d["date"] for *_, d in H.edges(data=True) if d.get("event")} == {"2025-07-31"}
    assert "Sean Duffy" in {H.nodes[n]["label"] for n in H}


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"types": ["Persn"]}, "unknown class"),
        ({"since": "1990s"}, "YYYY"),
        ({"since": "2020", "until": "2010"}, "swap them"),
        ({"focus": "Sean Dufy"}, "did you mean"),
        ({"focus": "Sean Duffy", "types": ["Agency"]}, "left out"),
        ({"focus": "NASA", "depth": -1}, "--depth"),
    ],
)
def test_bad_selections_say_what_to_do(two_graph, kwargs, message):
    from kg.viz.network import select

    with pytest.raises(GraphError, match=message):
        select(two_graph, **kwargs)


def test_selecting_does_not_change_the_projection(two_graph):
    from kg.viz.network import select

    before = (two_graph.number_of_nodes(), two_graph.number_of_edges())
    select(two_graph, types=["Person"], since="2026")
    assert (two_graph.number_of_nodes(), two_graph.number_of_edges()) == before


@pytest.mark.parametrize(
    "date, since, until, inside",
    [
        ("1975", "1975-07", None, True),  # the year overlaps July 1975
        ("1975-07-17", "1976", None, False),
        ("1975-07", None, "1975-07-01", True),
        ("1998-11-20", "1998-11-20", "1998-11-20", True),
        ("", None, "2000", False),  # an undated event is in no window
        ("", None, None, True),
    ],
)
def test_partial_dates_overlap_the_window(date, since, until, inside):
    from kg.temporal import in_window

    assert in_window(date, since, until) is inside


# --- layout ---------------------------------------------------------------------------------


def test_layout_is_the_same_every_time(corpus_graph):
    from kg.viz.layout import layout

    assert layout(corpus_graph) == layout(corpus_graph)


def test_layout_places_every_node_and_keeps_labels_apart(corpus_graph):
    from kg.viz.layout import LABEL_HEIGHT, LABEL_WIDTH, layout

    pos = layout(corpus_graph)
    assert set(pos) == set(corpus_graph)
    points = list(pos.values())
    assert all(math.isfinite(c) for p in points for c in p)
    for i, (x1, y1) in enumerate(points):
        for x2, y2 in points[i + 1 :]:
            # label boxes (ellipses of LABEL_WIDTH x LABEL_HEIGHT) do not overlap
            assert ((x1 - x2) / LABEL_WIDTH) ** 2 + ((y1 - y2) / LABEL_HEIGHT) ** 2 >= 0.95


def test_islands_are_packed_beside_the_main_component():
    from kg.viz.layout import layout

    G = nx.path_graph(30)
    G.add_nodes_from(["lone-a", "lone-b"])
    pos = layout(G)
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys))
    # the lone nodes stay within the drawing, not flung far out
    assert span < 30 * 200
    assert pos["lone-a"] != pos["lone-b"]


def test_large_layout_keeps_linked_nodes_and_communities_together():
    import random

    from kg.viz.layout import SMALL, layout

    G = nx.random_partition_graph([150] * 4, 0.08, 0.0005, seed=3)
    G = G.subgraph(max(nx.connected_components(G), key=len)).copy()
    assert len(G) >= SMALL  # the sampled force layout, not the small-graph one
    pos = layout(G)
    rng = random.Random(1)
    pairs = [tuple(rng.sample(sorted(G), 2)) for _ in range(2000)]

    def mean(values):
        return sum(values) / len(values)

    linked = mean([math.dist(pos[u], pos[v]) for u, v in G.edges()])
    anyone = mean([math.dist(pos[a], pos[b]) for a, b in pairs])
    same = mean([math.dist(pos[a], pos[b]) for a, b in pairs if G.nodes[a]["block"] == G.nodes[b]["block"]])
    other = mean([math.dist(pos[a], pos[b]) for a, b in pairs if G.nodes[a]["block"] != G.nodes[b]["block"]])
    assert linked < anyone / 2
    assert same < other / 2


# --- style --------------------------------------------------------------------------------------


def test_every_class_has_its_own_colour_and_shape():
    from kg.ontology import ENTITY_TYPES
    from kg.viz.style import node_style

    styles = [node_style(t) for t in ENTITY_TYPES]
    assert len({s.color for s in styles}) == len(ENTITY_TYPES)
    assert len({s.shape for s in styles}) == len(ENTITY_TYPES)


def test_every_event_type_and_status_has_a_look():
    from kg.schema import EVENT_TYPES, STATUSES
    from kg.viz.style import EVENT_COLORS, STATUS_LABELS

    assert set(EVENT_COLORS) == set(EVENT_TYPES)
    assert len(set(EVENT_COLORS.values())) == len(EVENT_COLORS)
    assert set(STATUS_LABELS) == set(STATUSES)
