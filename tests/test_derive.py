"""``kgo:standsFor``: the agencies and countries each entity of a document graph acts for (kg.derive)."""

from __future__ import annotations

import doctest

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

import kg.derive
from conftest import DEV_CORPUS
from kg.derive import stands_for
from kg.incremental import add_documents
from kg.ontology import GAZETTEER_GRAPH, KGO, document_graph
from kg.store.oxigraph import load_dataset

X = "urn:test:"
NASA, USA, ROSCOSMOS, RUSSIA, DUFFY, BAKANOV, ISS, POST, POST2 = (
    URIRef(X + n) for n in ("nasa", "usa", "roscosmos", "russia", "duffy", "bakanov", "iss", "post", "post2"))


def graph(*triples) -> Graph:
    g = Graph()
    for triple in triples:
        g.add(triple)
    return g


def labelled(*nodes: URIRef) -> list[tuple]:
    return [(n, RDFS.label, Literal(str(n)[len(X):])) for n in nodes]


def test_docstring_example_runs():
    assert doctest.testmod(kg.derive).failed == 0


def test_an_agency_or_country_stands_for_itself_and_its_countries():
    doc = graph(*labelled(NASA, USA, ISS), (NASA, RDF.type, KGO.Agency), (USA, RDF.type, KGO.Country),
                (ISS, RDF.type, KGO.Program), (NASA, KGO.hasCountry, USA))
    assert stands_for(doc) == {(NASA, NASA), (NASA, USA), (USA, USA)}


def test_a_person_stands_for_the_organization_of_a_post_and_its_country_from_the_gazetteer():
    doc = graph(*labelled(BAKANOV, ROSCOSMOS), (ROSCOSMOS, RDF.type, KGO.Agency),
                (POST, KGO.holder, BAKANOV), (POST, KGO.organization, ROSCOSMOS))
    reference = graph((ROSCOSMOS, RDF.type, KGO.Agency), (RUSSIA, RDF.type, KGO.Country), (ROSCOSMOS, KGO.hasCountry, RUSSIA))
    assert stands_for(doc) == {(ROSCOSMOS, ROSCOSMOS), (BAKANOV, ROSCOSMOS)}
    assert stands_for(doc, reference) == {(ROSCOSMOS, ROSCOSMOS), (ROSCOSMOS, RUSSIA), (BAKANOV, ROSCOSMOS), (BAKANOV, RUSSIA)}


def test_a_post_the_gazetteer_records_counts_for_an_entity_the_document_names():
    doc = graph(*labelled(DUFFY), (DUFFY, RDF.type, KGO.Person))
    reference = graph((POST2, KGO.holder, DUFFY), (POST2, KGO.organization, NASA), (NASA, RDF.type, KGO.Agency),
                      (NASA, KGO.hasCountry, USA))
    assert stands_for(doc, reference) == {(DUFFY, NASA), (DUFFY, USA)}


def test_a_post_at_something_that_is_no_party_and_an_unlabelled_node_give_nothing():
    doc = graph(*labelled(DUFFY, ISS), (ISS, RDF.type, KGO.Program), (POST, KGO.holder, DUFFY), (POST, KGO.organization, ISS),
                (NASA, RDF.type, KGO.Agency))  # NASA has no label in the document: not one of its entities
    assert stands_for(doc) == set()


def test_every_link_of_the_built_corpus_goes_from_an_entity_of_its_graph_to_a_party(built_corpus):
    _, dataset, _ = built_corpus
    gazetteer = dataset.graph(GAZETTEER_GRAPH)
    links = list(dataset.quads((None, KGO.standsFor, None, None)))
    assert links
    for node, _, party, g in links:
        assert g != GAZETTEER_GRAPH
        doc = dataset.graph(g)
        assert doc.value(node, RDFS.label) is not None
        assert any((party, RDF.type, cls) in source for source in (doc, gazetteer) for cls in (KGO.Agency, KGO.Country))


def test_every_holder_of_a_post_at_an_agency_stands_for_it(built_corpus):
    _, dataset, _ = built_corpus
    checked = 0
    for post, _, org, g in dataset.quads((None, KGO.organization, None, None)):
        doc = dataset.graph(g)
        if g == GAZETTEER_GRAPH or (org, RDF.type, KGO.Agency) not in doc:
            continue
        for holder in doc.objects(post, KGO.holder):
            assert (holder, KGO.standsFor, org) in doc
            checked += 1
    assert checked > 10


def test_kg_add_derives_the_same_links_as_a_build(seed_build_copy, built_corpus):
    apollo = document_graph("dev-01-apollo-soyuz")
    add_documents([DEV_CORPUS / "dev-01-apollo-soyuz.txt"], seed_build_copy)
    added = set(load_dataset(seed_build_copy).graph(apollo).triples((None, KGO.standsFor, None)))
    _, dataset, _ = built_corpus
    built = set(dataset.graph(apollo).triples((None, KGO.standsFor, None)))
    assert added and added == built
