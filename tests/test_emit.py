"""kg.emit writes a document's graph as N-Triples terms itself: they must be the terms Oxigraph
reads and prints, or the store, graph.trig and graph.ttl would disagree with the extraction."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import URIRef
from rdflib import namespace

from kg.emit import Lit, Triples, document_triples, emit_document, new_dataset
from kg.model import Document, Entity, Evidence, Extraction, Mention, Quote
from kg.store.graph_files import blocks_of_sorted, graph_blocks
from kg.store.oxigraph import dataset_nquads

AWKWARD = [
    "plain",
    'a "quoted" word',
    "a back\\slash",
    "line one\nline two\r\n",
    "tab\tand form\ffeed and \bbackspace",
    "control \x00\x01\x1f\x7f characters",
    "Roskosmos — Роскосмос, café, 宇宙, 🚀",
    "\u2028 line and paragraph \u2029 separators",
    "",
]


@pytest.mark.parametrize("text", AWKWARD)
def test_a_string_literal_is_written_as_oxigraph_prints_it(text):
    assert Lit.of(text).n3() == str(ox.Literal(text))


def test_every_character_below_0x100_is_escaped_as_oxigraph_escapes_it():
    for code in range(0x100):
        text = f"a{chr(code)}b"
        assert Lit.of(text).n3() == str(ox.Literal(text)), hex(code)


@pytest.mark.parametrize("value, datatype", [(True, namespace.XSD.boolean), (False, namespace.XSD.boolean), (0, namespace.XSD.integer), (1972, namespace.XSD.integer), (-5, namespace.XSD.integer)])
def test_booleans_and_integers_are_typed_literals(value, datatype):
    lit = Lit.of(value)
    assert lit.n3() == str(ox.Literal(lit.lexical, datatype=ox.NamedNode(str(datatype))))
    assert lit.rdflib().toPython() == value


def test_a_true_and_a_one_are_two_objects():
    g = Triples(URIRef("urn:g"))
    g.add(URIRef("urn:s"), URIRef("urn:p"), True)
    g.add(URIRef("urn:s"), URIRef("urn:p"), 1)
    g.add(URIRef("urn:s"), URIRef("urn:p"), 1)
    assert len(g) == 2
    assert (URIRef("urn:s"), URIRef("urn:p"), True) in g


def awkward_extraction() -> Extraction:
    text = " ".join(f'Sean Duffy said: "{t}".' for t in AWKWARD[:-1])
    doc = Document("awkward", Path("awkward.txt"), "txt", None, date(2025, 8, 1), text, text, tuple(range(len(text) + 1)))
    entities = {"person:sean duffy": Entity("person:sean duffy", "Person", "Sean Duffy", {'Duffy "the minister"'})}
    quotes, mentions, start = [], [], 0
    for t in AWKWARD[:-1]:
        sentence = f'Sean Duffy said: "{t}".'
        start = text.index(sentence, start)
        evidence = Evidence("awkward", sentence, start, start + len(sentence))
        mentions.append(Mention("Sean Duffy", start, start + 10, "Person", "person:sean duffy", evidence))
        quotes.append(Quote("person:sean duffy", t, evidence))
        start += len(sentence)
    return Extraction(doc, entities, mentions, [], [], [], [], quotes)


def test_the_written_graph_is_the_graph_rdflib_holds():
    extraction = awkward_extraction()
    ds = new_dataset()
    emit_document(ds, extraction)
    written = set(ox.parse(document_triples(extraction).nquads(), format=ox.RdfFormat.N_QUADS))
    assert written == set(ox.parse(dataset_nquads(ds), format=ox.RdfFormat.N_QUADS))
    assert len(written) > 40


def test_blocks_of_the_sorted_terms_are_the_blocks_of_the_parsed_quads():
    triples = document_triples(awkward_extraction())
    key = f"<{triples.identifier}>"
    quads = list(ox.parse(triples.nquads(), format=ox.RdfFormat.N_QUADS))
    assert blocks_of_sorted(key, triples.nquads()) == graph_blocks(ox.NamedNode(str(triples.identifier)), quads)
    assert blocks_of_sorted(key, b"") == graph_blocks(ox.NamedNode(str(triples.identifier)), [])
