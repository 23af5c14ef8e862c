"""The simple weighted view, ego networks and entity lookup (kg.analytics.views, kg.analytics.lookup)."""

from __future__ import annotations

import networkx as nx
import pytest

from kg.analytics.lookup import find_node
from kg.analytics.views import ego, simple_view
from kg.errors import GraphError


def small():
    G = nx.MultiDiGraph()
    G.add_node("p", type="Person", label="Sean Duffy", aliases='["Duffy"]')
    G.add_node("n", type="Agency", label="NASA", aliases='["National Aeronautics and Space Administration"]')
    G.add_node("u", type="Country", label="United States", aliases="[]")
    G.add_node("r", type="Agency", label="Roscosmos", aliases='["Roskosmos"]')
    G.add_edge("p", "n", key="holds_post|administrator", relation="holds_post", evidence_count=2)
    G.add_edge("n", "p", key="co_participant|e1", relation="co_participant", evidence_count=1)
    G.add_edge("n", "u", key="based_in", relation="based_in", evidence_count=0, source="gazetteer")
    G.add_edge("r", "r", key="x", relation="co_participant", evidence_count=5)
    return G


def test_simple_view_sums_evidence_of_parallel_facts_in_both_directions():
    H = simple_view(small())
    assert not H.is_directed() and not H.is_multigraph()
    assert dict(H["p"]["n"]) == {"weight": 3, "facts": 2, "relations": "co_participant,holds_post"}


def test_simple_view_counts_a_fact_without_evidence_as_one_and_drops_self_loops():
    H = simple_view(small())
    assert H["n"]["u"]["weight"] == 1
    assert not H.has_edge("r", "r")
    assert "r" in H and H.nodes["r"]["label"] == "Roscosmos"


def test_simple_view_does_not_change_the_projection():
    G = small()
    simple_view(G)["p"]["n"]["weight"] = 99
    assert G.number_of_edges() == 4 and "weight" not in G["p"]["n"]["holds_post|administrator"]


def test_ego_follows_facts_in_either_direction():
    G = small()
    assert sorted(ego(G, "u")) == ["n", "u"]
    assert sorted(ego(G, "u", radius=2)) == ["n", "p", "u"]
    assert ego(G, "u", radius=2).number_of_edges() == 3
    assert sorted(ego(G, "u", radius=0)) == ["u"]


def test_ego_of_an_unknown_node_is_a_graph_error():
    with pytest.raises(GraphError, match="find_node"):
        ego(small(), "nowhere")


@pytest.mark.parametrize("text", ["Sean Duffy", "sean duffy", "  SEAN   duffy ", "Duffy", "p"])
def test_find_node_matches_label_alias_or_iri_ignoring_case_and_spaces(text):
    assert find_node(small(), text) == "p"


def test_find_node_suggests_the_closest_name():
    with pytest.raises(GraphError) as info:
        find_node(small(), "Sean Dufy")
    assert str(info.value) == 'no entity matches "Sean Dufy"; did you mean "Sean Duffy"?'


def test_find_node_suggests_the_label_of_a_close_alias():
    with pytest.raises(GraphError, match='did you mean "Roscosmos"'):
        find_node(small(), "Roskosmoss")


def test_find_node_without_anything_close_says_how_to_list_entities():
    with pytest.raises(GraphError, match='no entity matches "zzzz"; `kg query entities`'):
        find_node(small(), "zzzz")


def test_a_label_match_wins_over_an_alias_match():
    G = small()
    G.add_node("q", type="Person", label="Duffy", aliases="[]")
    assert find_node(G, "duffy") == "q"


def test_a_name_shared_by_two_entities_lists_both_iris():
    G = small()
    G.add_node("n2", type="Facility", label="NASA", aliases="[]")
    with pytest.raises(GraphError) as info:
        find_node(G, "nasa")
    message = str(info.value)
    assert message.startswith('"nasa" names 2 entities')
    assert "NASA (Agency, n)" in message and "NASA (Facility, n2)" in message
    assert find_node(G, "n2") == "n2"
