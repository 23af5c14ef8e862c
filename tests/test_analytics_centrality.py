"""Centrality, communities and graph figures (kg.analytics.centrality, .communities, .stats)."""

from __future__ import annotations

import networkx as nx
import pytest

from kg.analytics.centrality import betweenness_centrality, central_entities, degree_centrality, pagerank
from kg.analytics.communities import communities
from kg.analytics.stats import graph_stats


def projection(edges, labels=None):
    """A MultiDiGraph like the projection: ``edges`` are (u, v, evidence_count)."""
    G = nx.MultiDiGraph()
    for u, v, count in edges:
        for n in (u, v):
            G.add_node(n, label=(labels or {}).get(n, n.upper()), type="Agency")
        G.add_edge(u, v, key=f"r{G.number_of_edges()}", relation="co_participant", evidence_count=count)
    return G


def test_degree_counts_distinct_neighbours_not_parallel_facts():
    G = projection([("a", "b", 1), ("b", "a", 1), ("a", "b", 4), ("a", "c", 1)])
    assert degree_centrality(G) == {"a": 1.0, "b": 0.5, "c": 0.5}


def test_betweenness_of_a_path_is_all_on_the_middle():
    G = projection([("a", "b", 1), ("b", "c", 1), ("c", "d", 1)])
    assert betweenness_centrality(G) == pytest.approx({"a": 0.0, "b": 2 / 3, "c": 2 / 3, "d": 0.0})


def test_betweenness_estimate_with_a_seed_is_repeatable():
    G = projection([(f"n{i}", f"n{(i * 7 + 3) % 40}", 1) for i in range(40)])
    assert betweenness_centrality(G, sources=10, seed=1) == betweenness_centrality(G, sources=10, seed=1)


def test_pagerank_of_a_path_matches_the_hand_computed_fixed_point():
    # x_a = 0.05 + 0.85 x_b / 2 and x_b = 0.05 + 0.85 (x_a + x_c): x_b = 0.135 / 0.2775
    ranks = pagerank(projection([("a", "b", 1), ("b", "c", 1)]))
    assert ranks["b"] == pytest.approx(0.135 / 0.2775, abs=1e-9)
    assert ranks["a"] == pytest.approx(0.05 + 0.425 * 0.135 / 0.2775, abs=1e-9)
    assert sum(ranks.values()) == pytest.approx(1.0)


def test_pagerank_follows_evidence():
    # weights 3 and 1 around b: x_a = 0.05 + 0.85 * 3/4 x_b, x_c = 0.05 + 0.85 * 1/4 x_b
    ranks = pagerank(projection([("a", "b", 3), ("b", "c", 1)]))
    b = 0.135 / 0.2775
    assert ranks["a"] == pytest.approx(0.05 + 0.6375 * b, abs=1e-9)
    assert ranks["c"] == pytest.approx(0.05 + 0.2125 * b, abs=1e-9)


def test_pagerank_spreads_the_rank_of_an_isolated_entity():
    G = projection([("a", "b", 1)])
    G.add_node("z", label="Z")
    ranks = pagerank(G)
    # x_z = 0.05 + 0.85 x_z / 3
    assert ranks["z"] == pytest.approx(0.05 / (1 - 0.85 / 3), abs=1e-9)
    assert ranks["a"] == pytest.approx((1 - ranks["z"]) / 2, abs=1e-9)


def test_pagerank_of_an_empty_graph_is_empty():
    assert pagerank(nx.MultiDiGraph()) == {}


def test_central_entities_rank_by_the_chosen_measure_with_all_three():
    G = projection([("hub", "a", 1), ("hub", "b", 1), ("hub", "c", 1), ("c", "d", 1)])
    top = central_entities(G, top=2, by="degree")
    assert [e.node for e in top] == ["hub", "c"]
    assert top[0].label == "HUB" and top[0].type == "Agency"
    assert top[0].degree == 0.75 and top[0].betweenness == pytest.approx(5 / 6) and top[0].pagerank > 0.2


def test_central_entities_break_ties_by_label():
    G = projection([("x", "y", 1)], labels={"x": "Zeta", "y": "Alpha"})
    assert [e.label for e in central_entities(G, by="pagerank")] == ["Alpha", "Zeta"]


def test_central_entities_reject_an_unknown_measure():
    with pytest.raises(ValueError, match="degree, betweenness or pagerank"):
        central_entities(projection([("a", "b", 1)]), by="closeness")  # type: ignore[arg-type]


def test_communities_split_two_triangles_joined_by_one_fact_and_cover_every_node():
    G = projection([("a", "b", 2), ("b", "c", 2), ("c", "a", 2), ("x", "y", 2), ("y", "z", 2), ("z", "x", 2), ("c", "x", 1)])
    G.add_node("alone", label="ALONE")
    found = communities(G)
    assert [sorted(c) for c in found] == [["a", "b", "c"], ["x", "y", "z"], ["alone"]]
    assert communities(G) == found


def test_graph_stats_count_types_relations_components_and_facts():
    G = projection([("a", "b", 1), ("b", "a", 1), ("c", "d", 2)])
    G.nodes["a"]["type"] = "Person"
    G.add_node("e", type="Country", label="E")
    G.graph.update(documents=3, mentions=10, positions=2)
    s = graph_stats(G)
    assert (s.nodes, s.edges, s.components, s.largest_component) == (5, 3, 3, 2)
    assert s.nodes_by_type == {"Agency": 3, "Person": 1, "Country": 1}
    assert s.edges_by_relation == {"co_participant": 3}
    assert s.density == pytest.approx(2 / 10)
    assert s.documents == 3
    assert s.facts["mentions"] == 10 and s.facts["positions"] == 2 and s.facts["quotes"] == 0
