"""The pure parts of ``kg serve``: reading SPARQL Protocol requests, negotiating formats, writing
results (``kg.serve.protocol``, ``kg.serve.results``, ``kg.serve.settings``, ``kg.serve.web``)."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest

from kg.serve.protocol import GRAPH_TYPES, SELECT_TYPES, ProtocolError, names_its_dataset, negotiate, sparql_request
from kg.serve.results import ask_body, select_body
from kg.serve.settings import allowed_hosts_for, is_loopback
from kg.serve.web import host_name

FORM = "application/x-www-form-urlencoded"


@pytest.mark.parametrize(
    "method,query_string,content_type,body,status",
    [
        ("PUT", b"query=ASK{}", None, b"", 405),
        ("GET", b"", None, b"", 400),
        ("GET", b"query=", None, b"", 400),
        ("GET", b"query=ASK{}&query=ASK{}", None, b"", 400),
        ("GET", b"update=CLEAR+ALL", None, b"", 403),
        ("POST", b"", FORM, b"update=CLEAR+ALL", 403),
        ("POST", b"", "application/sparql-update", b"CLEAR ALL", 403),
        ("POST", b"", "text/plain", b"ASK {}", 415),
        ("POST", b"", None, b"query=ASK{}", 400),
        ("POST", b"", "application/sparql-query", "ASK { ?s ?p 'é' }".encode("latin-1"), 400),
        ("POST", b"", "application/sparql-query; charset=ISO-8859-1", b"ASK {}", 400),
        ("POST", b"query=ASK{}", "application/sparql-query", b"ASK {}", 400),
        ("POST", b"query=ASK{}", FORM, b"query=ASK{}", 400),
        ("GET", b"query=%FF", None, b"", 400),
    ],
)
def test_refused_requests_say_why_with_their_status(method, query_string, content_type, body, status):
    with pytest.raises(ProtocolError) as refused:
        sparql_request(method, query_string, content_type, body)
    assert refused.value.status == status and str(refused.value)


def test_the_three_ways_of_sending_a_query():
    assert sparql_request("GET", b"query=ASK+%7B%7D", None, b"").query == "ASK {}"
    assert sparql_request("POST", b"", FORM + "; charset=UTF-8", b"query=ASK+%7B%7D").query == "ASK {}"
    asked = sparql_request("POST", b"default-graph-uri=urn%3Aa&named-graph-uri=urn%3Ab", "application/sparql-query; charset=utf-8", "ASK { ?s ?p 'é' }".encode())
    assert asked.query == "ASK { ?s ?p 'é' }" and asked.default_graphs == ("urn:a",) and asked.named_graphs == ("urn:b",)


@pytest.mark.parametrize(
    "accept,offered,chosen",
    [
        (None, SELECT_TYPES, "application/sparql-results+json"),
        ("*/*", GRAPH_TYPES, "text/turtle"),
        ("text/*", SELECT_TYPES, "text/csv"),
        ("application/json", SELECT_TYPES, "application/sparql-results+json"),
        ("text/xml", SELECT_TYPES, "application/sparql-results+xml"),
        ("text/plain", GRAPH_TYPES, "application/n-triples"),
        ("application/ld+json;q=0.9, text/turtle;q=0.1", GRAPH_TYPES, "application/ld+json"),
        ("text/csv;q=0, */*", SELECT_TYPES, "application/sparql-results+json"),
        ("application/sparql-results+json;q=0", SELECT_TYPES, None),
        ("text/csv", GRAPH_TYPES, None),
        ("garbage", SELECT_TYPES, None),
    ],
)
def test_negotiate(accept, offered, chosen):
    assert negotiate(accept, offered) == chosen


def test_a_from_clause_is_told_from_the_word_in_a_string():
    assert names_its_dataset("SELECT * FROM <urn:g> WHERE { ?s ?p ?o }")
    assert not names_its_dataset('SELECT * WHERE { ?s ?p "FROM" } # FROM')


def terms():
    import pyoxigraph as ox

    return ["s", "o", "n"], [
        [ox.NamedNode("urn:a"), ox.Literal("tab\there", language="en"), None],
        [ox.BlankNode("b0"), ox.Literal("7", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")), ox.Literal('a "quoted", \x1b line\n<b>')],
    ]


def test_select_results_in_the_four_formats():
    variables, rows = terms()
    document = json.loads(select_body(variables, rows, "application/sparql-results+json"))
    assert document["head"]["vars"] == variables
    first, second = document["results"]["bindings"]
    assert first == {"s": {"type": "uri", "value": "urn:a"}, "o": {"type": "literal", "value": "tab\there", "xml:lang": "en"}}
    assert second["s"] == {"type": "bnode", "value": "b0"} and second["o"]["datatype"].endswith("#integer") and "datatype" not in second["n"]
    root = ET.fromstring(select_body(variables, rows, "application/sparql-results+xml"))
    ns = "{http://www.w3.org/2005/sparql-results#}"
    assert [v.get("name") for v in root.iter(f"{ns}variable")] == variables
    assert root.find(f".//{ns}literal[@{{http://www.w3.org/XML/1998/namespace}}lang='en']").text == "tab\there"
    assert "\ufffd" in [lit.text for lit in root.iter(f"{ns}literal")][-1]  # ESC cannot be in XML
    table = list(csv.reader(io.StringIO(select_body(variables, rows, "text/csv").decode(), newline="")))
    assert table == [variables, ["urn:a", "tab\there", ""], ["_:b0", "7", 'a "quoted", \x1b line\n<b>']]
    tsv = select_body(variables, rows, "text/tab-separated-values").decode().split("\n")
    assert tsv[0] == "?s\t?o\t?n" and tsv[1] == '<urn:a>\t"tab\\there"@en\t'
    assert len(tsv[2].split("\t")) == 3


def test_ask_results():
    assert json.loads(ask_body(True, "application/sparql-results+json")) == {"head": {}, "boolean": True}
    assert b"<boolean>false</boolean>" in ask_body(False, "application/sparql-results+xml")


@pytest.mark.parametrize(
    "host,loopback",
    [("127.0.0.1", True), ("127.1.2.3", True), ("::1", True), ("[::1]", True), ("localhost", True), ("0.0.0.0", False), ("192.168.1.5", False), ("example.org", False)],
)
def test_loopback_hosts(host, loopback):
    assert is_loopback(host) is loopback
    assert (allowed_hosts_for(host) is None) is (not loopback)


@pytest.mark.parametrize("header,name", [("127.0.0.1:8000", "127.0.0.1"), ("LOCALHOST", "localhost"), ("[::1]:8000", "::1"), ("evil.example:80", "evil.example")])
def test_host_header_names(header, name):
    assert host_name(header) == name
