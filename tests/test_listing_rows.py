"""Listings computed from each graph's own triples (kg.store.listing_rows) are exactly what the
listing queries give on the store, or are left to the queries (issue 12: a build's listings cost
a walk of the whole store that grew faster than the corpus)."""

from __future__ import annotations

import json

import pytest
from rdflib import URIRef
from rdflib import namespace as ns

from conftest import DEV_CORPUS, SEED
from kg.emit import Lit, Triples
from kg.ontology import KGO
from kg.store import listing_rows, listings
from kg.store.backends import OxigraphBackend
from kg.store.queries import listing_rows as listed_rows
from kg.store.queries import sparql_rows as queried_rows
from kg.store.queries import named_queries


def graphs_of(store_dir) -> tuple[OxigraphBackend, list[Triples | None]]:
    """The store of a build folder and each of its named graphs as a ``Triples`` (None for a graph
    holding a term a ``Triples`` cannot: a blank node, a literal with a language)."""
    import pyoxigraph as ox

    backend = OxigraphBackend.open(store_dir)
    graphs: list[Triples | None] = []
    for name in backend.store.named_graphs():
        triples: Triples | None = Triples(URIRef(name.value))
        for quad in backend.store.quads_for_pattern(None, None, None, name):
            o = quad.object
            if isinstance(quad.subject, ox.BlankNode) or isinstance(o, ox.BlankNode) or (isinstance(o, ox.Literal) and o.language):
                triples = None
                break
            if isinstance(o, ox.Literal):
                datatype = None if o.datatype.value == str(ns.XSD.string) else URIRef(o.datatype.value)
                value = Lit(o.value, datatype)
            else:
                value = URIRef(o.value)
            triples.add(URIRef(quad.subject.value), URIRef(quad.predicate.value), value)
        graphs.append(triples)
    return backend, graphs


def gathered(graphs: list[Triples | None]) -> listing_rows.ListingRows:
    rows = listing_rows.ListingRows()
    for triples in graphs:
        rows.add(None if triples is None else listing_rows.graph_rows(triples))
    return rows


def listing_names() -> list[str]:
    return [name for name, query in named_queries().items() if not query.required]


def test_every_listing_is_computed_for_the_text_of_its_query():
    """A changed .rq file needs its function in kg/store/listing_rows.py changed too (then its hash);
    until then the build runs the query on the store, and this test says so."""
    assert set(listing_rows.LISTINGS) == set(listing_names())
    stale = [name for name in listing_names() if listing_rows.MIRRORED[name] != listings.text_hash(named_queries()[name].text)]
    assert stale == [], f"update the functions of {stale} in kg/store/listing_rows.py to their queries, then MIRRORED"


@pytest.mark.parametrize("name", listing_names())
def test_listing_rows_of_the_shipped_corpus_equal_the_query_on_the_store(built_corpus, name):
    out, _, _ = built_corpus
    backend, graphs = graphs_of(out / "store")
    try:
        table = gathered(graphs).table(name, listings.text_hash(named_queries()[name].text))
        columns, rows = queried_rows(backend, name)
        assert table is not None, "the shipped corpus needs no query: no unmodelled term, no two rows with one key"
        assert table == (columns, [tuple(row) for row in rows])
    finally:
        backend.close()


@pytest.mark.parametrize("name", listing_names())
def test_listing_rows_of_markup_text_equal_the_query_on_the_store(hostile_graph, name):
    backend, graphs = graphs_of(hostile_graph / "store")
    try:
        table = gathered(graphs).table(name, listings.text_hash(named_queries()[name].text))
        columns, rows = queried_rows(backend, name)
        assert table is not None
        assert table == (columns, [tuple(row) for row in rows])
    finally:
        backend.close()


def test_a_build_writes_its_listings_from_the_documents_rows_without_a_query(tmp_path, monkeypatch):
    """The listings of a build are the rows its documents gave, the same bytes as the queries write."""
    from kg.pipeline import build
    from kg.store import queries

    articles = [SEED, DEV_CORPUS / "dev-01-apollo-soyuz.txt"]
    queried = tmp_path / "queried"
    monkeypatch.setattr(listing_rows, "MIRRORED", {})  # every listing by its query
    build(articles, queried)
    monkeypatch.undo()

    def no_query(*args, **kwargs):
        raise AssertionError("a listing was queried from the store")

    monkeypatch.setattr(queries, "listing_rows", no_query)
    computed = tmp_path / "computed"
    report = build(articles, computed)
    assert "listings" in report.outputs
    for name in listing_names():
        assert (computed / "listings" / f"{name}.json").read_bytes() == (queried / "listings" / f"{name}.json").read_bytes(), name


def _graph(*triples) -> Triples:
    g = Triples(URIRef("https://example.org/graph/a"))
    for triple in triples:
        g.add(*triple)
    return g


DOC = URIRef("https://example.org/doc/a")
NASA = URIRef("https://example.org/agency/nasa")


def _entities_hash() -> str:
    return listings.text_hash(named_queries()["entities"].text)


def test_a_label_that_is_not_a_plain_string_leaves_the_listing_to_the_query():
    mention = URIRef("https://example.org/mention/1")
    g = _graph((DOC, KGO.sourceFile, "a.txt"), (mention, KGO.refersTo, NASA), (NASA, ns.RDF.type, KGO.Agency),
               (NASA, ns.RDFS.label, Lit("NASA", ns.XSD.token)))
    rows = listing_rows.ListingRows()
    rows.add(listing_rows.graph_rows(g))
    assert rows.table("entities", _entities_hash()) is None
    assert rows.table("documents", listings.text_hash(named_queries()["documents"].text)) is not None


def test_two_rows_with_one_sort_key_leave_the_listing_to_the_query():
    """Oxigraph orders rows with equal keys as it meets them, which no computation can promise."""
    event = URIRef("https://example.org/event/1")
    g = _graph((DOC, KGO.sourceFile, "a.txt"), (event, KGO.status, KGO.Happened), (event, KGO.document, DOC),
               (event, ns.RDFS.label, "Launch"), (event, KGO.place, NASA), (NASA, ns.RDFS.label, "Baikonur"),
               (NASA, ns.RDFS.label, "Tyuratam"))  # two places: two timeline rows, one key
    rows = listing_rows.ListingRows()
    rows.add(listing_rows.graph_rows(g))
    assert rows.table("timeline", listings.text_hash(named_queries()["timeline"].text)) is None
    assert rows.table("events", listings.text_hash(named_queries()["events"].text)) is not None  # place is in its key


def test_another_query_text_or_a_graph_without_rows_leaves_the_listing_to_the_query():
    mention = URIRef("https://example.org/mention/1")
    g = _graph((DOC, KGO.sourceFile, "a.txt"), (mention, KGO.refersTo, NASA), (NASA, ns.RDF.type, KGO.Agency), (NASA, ns.RDFS.label, "NASA"))
    rows = listing_rows.ListingRows()
    rows.add(listing_rows.graph_rows(g))
    assert rows.table("entities", _entities_hash()) == (("label", "type", "document"), [("NASA", "Agency", "a.txt")])
    assert rows.table("entities", listings.text_hash("an edited entities.rq")) is None
    rows.add(None)
    assert rows.table("entities", _entities_hash()) is None


def test_the_listings_of_the_shipped_corpus_build_are_the_queries_rows(built_corpus):
    """What the build wrote (from its documents' rows) is what each query gives on its store."""
    out, _, _ = built_corpus
    backend = OxigraphBackend.open(out / "store")
    try:
        for name in listing_names():
            record = json.loads((out / "listings" / f"{name}.json").read_text(encoding="utf-8"))
            columns, rows = listed_rows(backend, name)
            assert (tuple(record["columns"]), record["rows"]) == (columns, [list(row) for row in rows]), name
    finally:
        backend.close()
