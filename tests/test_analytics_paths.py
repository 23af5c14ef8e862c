"""The shortest chains of facts between two entities (kg.analytics.paths)."""

from __future__ import annotations

import json
import random

import networkx as nx
import pytest

from kg.analytics.paths import render_paths, shortest_fact_paths
from kg.errors import GraphError


def edge(G, u, v, relation, count=1, sentence="", **attrs):
    evidence = json.dumps([{"document": "d.txt", "start": 0, "end": len(sentence), "sentence": sentence}] if sentence else [])
    G.add_edge(u, v, key=f"{relation}|{G.number_of_edges()}", relation=relation, evidence_count=count, evidence=evidence, **attrs)


def labelled(*nodes):
    G = nx.MultiDiGraph()
    for n in nodes:
        G.add_node(n, label=n.title())
    return G


def test_a_direct_fact_is_a_one_hop_path_with_its_evidence():
    G = labelled("duffy", "bakanov")
    edge(G, "bakanov", "duffy", "co_participant", sentence="The July 31st meeting ...", event_type="Meeting", date="2025-07-31", status="happened")
    (path,) = shortest_fact_paths(G, "duffy", "bakanov")
    (hop,) = path.hops
    assert (hop.source, hop.target, hop.relation, hop.direction) == ("duffy", "bakanov", "co_participant", "symmetric")
    assert hop.text == "Duffy and Bakanov took part in the meeting of 2025-07-31"
    assert hop.evidence[0].sentence == "The July 31st meeting ..."
    assert path.nodes == ["duffy", "bakanov"]


def test_hops_say_in_which_direction_each_fact_is_stated():
    G = labelled("p", "org", "c")
    edge(G, "p", "org", "holds_post", title="head")
    edge(G, "org", "c", "based_in")
    (path,) = shortest_fact_paths(G, "c", "p")
    assert [(h.source, h.target, h.direction) for h in path.hops] == [("c", "org", "backward"), ("org", "p", "backward")]
    assert [h.text for h in path.hops] == ["Org is based in C", "P: head of Org"]


def test_paths_come_fewest_facts_first_and_max_paths_limits_them():
    G = labelled("a", "b", "c", "x", "y", "d")
    for u, v in [("a", "b"), ("b", "d"), ("a", "c"), ("c", "d"), ("a", "x"), ("x", "y"), ("y", "d")]:
        edge(G, u, v, "involved_in")
    assert [p.nodes for p in shortest_fact_paths(G, "a", "d", max_paths=2)] in (
        [["a", "b", "d"], ["a", "c", "d"]],
        [["a", "c", "d"], ["a", "b", "d"]],
    )
    three = shortest_fact_paths(G, "a", "d", max_paths=3)
    assert [len(p) for p in three] == [2, 2, 3]
    assert len(shortest_fact_paths(G, "a", "d", max_paths=10)) == 3


def test_among_equally_short_paths_the_better_evidenced_comes_first():
    G = labelled("a", "weak", "strong", "d")
    edge(G, "a", "weak", "involved_in", count=1)
    edge(G, "weak", "d", "involved_in", count=1)
    edge(G, "a", "strong", "involved_in", count=5)
    edge(G, "strong", "d", "involved_in", count=5)
    assert shortest_fact_paths(G, "a", "d", max_paths=2)[0].nodes == ["a", "strong", "d"]


def test_a_hop_shows_the_best_evidenced_fact_and_counts_the_others():
    G = labelled("a", "b")
    edge(G, "a", "b", "based_in", count=1)
    edge(G, "b", "a", "involved_in", count=3, sentence="B takes part in A.")
    (hop,) = shortest_fact_paths(G, "a", "b")[0].hops
    assert (hop.relation, hop.direction, hop.alternatives) == ("involved_in", "backward", 1)


def test_no_chain_gives_an_empty_list_and_a_clear_message():
    G = labelled("a", "b", "c")
    edge(G, "a", "b", "based_in")
    assert shortest_fact_paths(G, "a", "c") == []
    assert render_paths([], source_label="A", target_label="C") == 'no chain of facts links "A" and "C" in this graph'


@pytest.mark.parametrize(
    ("a", "b", "max_paths", "message"),
    [("a", "nowhere", 3, "no entity 'nowhere'"), ("a", "a", 3, "two different entities"), ("a", "b", 0, "max_paths must be 1 or more")],
)
def test_bad_requests_are_graph_errors(a, b, max_paths, message):
    G = labelled("a", "b")
    edge(G, "a", "b", "based_in")
    with pytest.raises(GraphError, match=message):
        shortest_fact_paths(G, a, b, max_paths=max_paths)


@pytest.mark.parametrize("seed", range(8))
def test_path_lengths_match_networkx_k_shortest_simple_paths(seed):
    rng = random.Random(seed)
    nodes = [f"n{i}" for i in range(14)]
    G = labelled(*nodes)
    for _ in range(22):
        u, v = rng.sample(nodes, 2)
        edge(G, u, v, rng.choice(["based_in", "involved_in", "co_participant"]))
    simple = nx.Graph(G.to_undirected())
    a, b = "n0", "n1"
    if not nx.has_path(simple, a, b):
        assert shortest_fact_paths(G, a, b) == []
        return
    expected = [len(p) - 1 for _, p in zip(range(4), nx.shortest_simple_paths(simple, a, b))]
    found = shortest_fact_paths(G, a, b, max_paths=4)
    assert [len(p) for p in found] == expected
    assert len({tuple(p.nodes) for p in found}) == len(found)
    for p in found:
        assert p.nodes[0] == a and p.nodes[-1] == b and len(set(p.nodes)) == len(p.nodes)
        assert all(simple.has_edge(u, v) for u, v in zip(p.nodes, p.nodes[1:]))


def test_render_paths_shows_each_fact_with_its_sentence_and_source():
    G = labelled("duffy", "bakanov")
    edge(G, "duffy", "bakanov", "co_participant", sentence="The July 31st meeting\n brought them together.", event_type="Meeting", date="2025-07-31", status="happened")
    text = render_paths(shortest_fact_paths(G, "duffy", "bakanov"), source_label="Duffy", target_label="Bakanov")
    assert text.splitlines()[0] == '1 chain of facts from "Duffy" to "Bakanov", shortest first'
    assert "Path 1 (1 fact): Duffy -> Bakanov" in text
    assert '"The July 31st meeting brought them together."' in text
    assert "d.txt:0-" in text


# --- the shipped corpus ---------------------------------------------------------------


def test_sean_duffy_and_dmitry_bakanov_are_linked_by_their_july_31_meeting(built_corpus):
    from kg.analytics.lookup import find_node
    from kg.analytics.project import to_networkx

    _, dataset, _ = built_corpus
    G = to_networkx(dataset)
    a, b = find_node(G, "Sean Duffy"), find_node(G, "Dmitry Bakanov")
    first = shortest_fact_paths(G, a, b)[0]
    assert len(first) == 1
    (hop,) = first.hops
    assert hop.relation == "co_participant" and hop.attributes["event_type"] == "Meeting"
    assert hop.attributes["date"] == "2025-07-31"
    assert any("July 31st" in e.sentence and e.document == "seed-nasa-roscosmos-talks.txt" for e in hop.evidence)
