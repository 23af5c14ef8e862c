"""The projection of the RDF graph into a typed networkx multigraph (kg.analytics.project)."""

from __future__ import annotations

import json
from collections import Counter

import networkx as nx
import pytest

from kg.analytics.evidence import edge_evidence
from kg.analytics.project import RELATIONS, to_networkx
from kg.ontology import KGR

DUFFY = str(KGR["person/sean-duffy"])
BAKANOV = str(KGR["person/dmitry-bakanov"])
NASA = str(KGR["agency/nasa"])
ROSCOSMOS = str(KGR["agency/roscosmos"])
USA = str(KGR["country/united-states"])
RUSSIA = str(KGR["country/russia"])
ARTEMIS = str(KGR["program/artemis"])


@pytest.fixture(scope="module")
def G(two_articles):
    return to_networkx(two_articles)


def relation_edges(G, relation):
    return {(u, v): d for u, v, d in G.edges(data=True) if d["relation"] == relation}


def test_entities_become_nodes_with_type_label_and_wikidata(G):
    assert sorted(G) == sorted([DUFFY, BAKANOV, NASA, ROSCOSMOS, USA, RUSSIA, ARTEMIS])
    assert G.nodes[DUFFY]["type"] == "Person"
    assert G.nodes[DUFFY]["label"] == "Sean Duffy"
    assert json.loads(G.nodes[DUFFY]["aliases"]) == ["Duffy"]
    assert G.nodes[NASA]["wikidata"] == "Q23548"
    assert "wikidata" not in G.nodes[DUFFY]


def test_node_counts_mentions_documents_and_quotations(G):
    assert (G.nodes[DUFFY]["mentions"], G.nodes[DUFFY]["documents"], G.nodes[DUFFY]["quotes"]) == (2, 1, 1)
    assert (G.nodes[NASA]["mentions"], G.nodes[NASA]["documents"], G.nodes[NASA]["quotes"]) == (3, 2, 0)


def test_an_entity_labelled_differently_keeps_one_label_and_the_other_as_alias(G):
    # "Roscosmos" in a.txt, "Roskosmos" in b.txt: one document each, so the alphabetical first wins
    assert G.nodes[ROSCOSMOS]["label"] == "Roscosmos"
    assert json.loads(G.nodes[ROSCOSMOS]["aliases"]) == ["Roskosmos"]


def test_positions_are_holds_post_edges_merged_across_documents(G):
    posts = relation_edges(G, "holds_post")
    assert set(posts) == {(DUFFY, NASA), (BAKANOV, ROSCOSMOS)}
    assert posts[(DUFFY, NASA)]["title"] == "acting administrator"
    assert posts[(DUFFY, NASA)]["acting"] is True
    bakanov = posts[(BAKANOV, ROSCOSMOS)]
    assert (bakanov["facts"], bakanov["evidence_count"]) == (2, 2)
    assert {e.document for e in edge_evidence(bakanov)} == {"a.txt", "b.txt"}
    assert G.has_edge(DUFFY, NASA, key="holds_post|acting administrator")


def test_involvement_and_agency_country_edges(G):
    assert set(relation_edges(G, "involved_in")) == {(NASA, ARTEMIS)}
    assert set(relation_edges(G, "based_in")) == {(NASA, USA), (ROSCOSMOS, RUSSIA)}
    (evidence,) = edge_evidence(relation_edges(G, "involved_in")[(NASA, ARTEMIS)])
    assert evidence.sentence == "NASA leads the Artemis program."
    assert evidence.document == "a.txt"


def test_every_pair_of_participants_is_linked_once_per_event(G):
    co = [(u, v, d) for u, v, d in G.edges(data=True) if d["relation"] == "co_participant"]
    meeting = [(u, v) for u, v, d in co if d["event_type"] == "Meeting"]
    assert len(meeting) == 6  # 4 participants
    assert all(u < v for u, v in meeting)  # a symmetric relation, stored from the smaller IRI
    launch = [d for _, _, d in co if d["event_type"] == "Launch"]
    assert len(launch) == 1 and launch[0]["status"] == "planned" and launch[0]["date"] == "2026"
    duffy_bakanov = [d for u, v, d in co if {u, v} == {DUFFY, BAKANOV}]
    assert duffy_bakanov[0]["date"] == "2025-07-31"
    assert "July 31st" in edge_evidence(duffy_bakanov[0])[0].sentence


def test_participants_link_to_the_place_and_parallel_facts_are_kept(G):
    assert set(relation_edges(G, "at_place")) == {(DUFFY, USA), (BAKANOV, USA), (NASA, USA), (ROSCOSMOS, USA)}
    # NASA -> United States is both based_in and at_place: two parallel edges
    assert sorted(d["relation"] for d in G.get_edge_data(NASA, USA).values()) == ["at_place", "based_in"]


def test_graph_records_documents_and_facts(G):
    assert G.graph["documents"] == 2
    assert {k: G.graph[k] for k in ("positions", "events", "involvement", "agency_country", "quotes")} == {
        "positions": 3, "events": 2, "involvement": 1, "agency_country": 2, "quotes": 1,
    }
    assert G.graph["mentions"] == 12
    assert Counter(d["relation"] for *_, d in G.edges(data=True)) == {
        "holds_post": 2, "involved_in": 1, "based_in": 2, "co_participant": 7, "at_place": 4,
    }
    assert set(RELATIONS) == {d["relation"] for *_, d in G.edges(data=True)}


def test_graphml_round_trip_keeps_evidence(G, tmp_path):
    path = tmp_path / "g.graphml"
    nx.write_graphml(G, path)
    back = nx.read_graphml(path, force_multigraph=True)
    assert back.number_of_nodes() == G.number_of_nodes() and back.number_of_edges() == G.number_of_edges()
    data = back.get_edge_data(DUFFY, NASA)["holds_post|acting administrator"]
    assert edge_evidence(data) == edge_evidence(G.get_edge_data(DUFFY, NASA)["holds_post|acting administrator"])


def test_the_same_input_gives_the_same_graph(two_articles, G):
    again = to_networkx(two_articles)
    assert list(again.nodes(data=True)) == list(G.nodes(data=True))
    assert list(again.edges(keys=True, data=True)) == list(G.edges(keys=True, data=True))


def test_an_empty_dataset_gives_an_empty_graph():
    from rdflib import Dataset

    G = to_networkx(Dataset())
    assert G.number_of_nodes() == 0 and G.graph["documents"] == 0


# --- the shipped corpus ---------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus(built_corpus):
    out, dataset, report = built_corpus
    return out, dataset, report, to_networkx(dataset)


def test_corpus_projection_counts_the_built_documents_and_facts(corpus):
    _, _, report, G = corpus
    assert G.graph["documents"] == len(report.documents)
    assert G.graph["mentions"] == report.facts["mentions"]
    assert G.graph["quotes"] == report.facts["quotes"]


def test_the_union_turtle_file_gives_the_same_projection(corpus):
    out, _, _, G = corpus
    from rdflib import Graph

    from kg.store.oxigraph import load_dataset

    for union in (to_networkx(Graph().parse(out / "graph.ttl")), to_networkx(load_dataset(out / "graph.ttl"))):
        assert sorted(union.edges(keys=True)) == sorted(G.edges(keys=True))
        assert sorted(union) == sorted(G)  # labels may differ: a union cannot tell the gazetteer's label apart


def test_gazetteer_facts_are_added_only_when_asked_and_carry_no_evidence(corpus):
    _, dataset, _, G = corpus
    with_gazetteer = to_networkx(dataset, include_gazetteer=True)
    assert set(G) < set(with_gazetteer)
    reference = [d for *_, d in with_gazetteer.edges(data=True) if d["source"] == "gazetteer"]
    assert reference and all(d["evidence_count"] == 0 and edge_evidence(d) == () for d in reference)
    assert all(d["source"] == "documents" and d["evidence_count"] >= 1 for *_, d in G.edges(data=True))


def test_evidence_offsets_point_at_the_sentence_in_the_file(corpus):
    from kg.resources import default_corpus_dir

    _, _, _, G = corpus
    seed = (default_corpus_dir() / "seed-nasa-roscosmos-talks.txt").read_text(encoding="utf-8")
    checked = 0
    for *_, d in G.edges(data=True):
        for ev in edge_evidence(d):
            if ev.document == "seed-nasa-roscosmos-talks.txt":
                assert seed[ev.start : ev.end] == ev.sentence
                checked += 1
    assert checked
