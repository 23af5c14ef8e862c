"""``kg serve`` as SPARQL clients and HTTP users meet it (GitHub issue 13).

One real ``kg serve`` subprocess over the shipped corpus, on a free port of 127.0.0.1. SPARQLWrapper
and rdflib's SPARQLStore query it and get the rows ``kg query`` prints; ``/queries/NAME`` gives
byte for byte what ``kg query --format json|csv`` gives; and the cases of the W3C SPARQL 1.1
Protocol test suite that apply to a read-only query endpoint are written out here (method, missing
or repeated query, syntax error, media types, UTF-8, updates, content negotiation, dataset).
"""

from __future__ import annotations

import csv
import io
import json
import urllib.parse

import pytest
from rdflib import Graph

from conftest import run_kg
from test_serve_support import QUESTIONS, json_rows, kg_query_args, kg_serve, request, sparql_get

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
PERSONS = "PREFIX kgo: <https://w3id.org/usru-space/ontology#> SELECT DISTINCT ?p WHERE { ?p a kgo:Person } ORDER BY ?p"
SEED_GRAPH = "https://w3id.org/usru-space/id/graph/doc/seed-nasa-roscosmos-talks"


@pytest.fixture(scope="module")
def server(built_corpus):
    out, _, _ = built_corpus
    with kg_serve(out, "--workers", "2", "--timeout", "60") as (base, _):
        yield base, out


def local_rows(out, name: str, params: dict[str, str], fmt: str = "json") -> str:
    result = run_kg(*kg_query_args(name, params), "-g", str(out), "--format", fmt)
    assert result.returncode == 0, result.stderr
    return result.stdout


# --- clients -----------------------------------------------------------------------------------


def test_sparqlwrapper_gets_the_rows_kg_query_prints(server):
    from SPARQLWrapper import JSON, SPARQLWrapper

    from kg.store.endpoint import with_values
    from kg.store.queries import MERGES, PARAM_PREFIX, bindings, get_query
    from kg.store.query_text import specialise

    base, out = server
    client = SPARQLWrapper(base + "sparql")
    client.setReturnFormat(JSON)
    checked = 0
    for name, params in QUESTIONS:
        if any(value != value.title() and key not in ("from", "to", "as_of", "document", "type", "status") for key, value in params.items()):
            continue  # a name in another case: kg query resolves the spelling first (see the endpoint tests)
        query = get_query(name)
        text = with_values(specialise(query.text, set(params)), bindings(query, params))
        # SPARQLWrapper guesses the query form by keywords and can take one in a comment for an
        # update (timeline's header reads as ADD): send the query without its header comment.
        client.setQuery("\n".join(line for line in text.splitlines() if not line.startswith("#")))
        result = client.query().convert()
        columns = [c for c in result["head"]["vars"] if not c.startswith(PARAM_PREFIX)]
        rows = [{c: b.get(c, {}).get("value", "") for c in columns} for b in result["results"]["bindings"]]
        if name in MERGES:  # the SPARQL gives each article's rows; kg merges those that tell one event
            rows = MERGES[name](columns, rows)[1]
        assert rows == json.loads(local_rows(out, name, params)), (name, params)
        checked += 1
    assert checked >= 15


def test_rdflib_sparqlstore_gets_the_rows_kg_query_prints(server):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    from kg.store.queries import PARAM_PREFIX, get_query
    from kg.store.query_text import specialise

    base, out = server
    store = SPARQLStore(base + "sparql", returnFormat="json")
    graph = Graph(store=store)
    for name in ("positions", "quotes", "involvement", "events", "met"):
        result = graph.query(specialise(get_query(name).text, set()))
        columns = [str(v) for v in result.vars if not str(v).startswith(PARAM_PREFIX)]
        rows = [{c: ("" if row[c] is None else str(row[c])) for c in columns} for row in result]
        assert rows == json.loads(local_rows(out, name, {})), name
    ask = graph.query("ASK { ?s a <https://w3id.org/usru-space/ontology#Meeting> }")
    assert ask.askAnswer is True


def test_kg_open_of_the_server_url_answers_like_the_build_folder(server):
    import kg

    base, out = server
    with kg.open(base + "sparql") as remote, kg.open(out) as local:
        assert remote.backend == "endpoint"
        for name, params in QUESTIONS[:8]:
            assert remote.query(name, **params).equals(local.query(name, **params)), name


# --- named queries over HTTP -------------------------------------------------------------------


@pytest.mark.parametrize("name,params", QUESTIONS, ids=[f"{n}-{'-'.join(p)}" for n, p in QUESTIONS])
def test_queries_endpoint_gives_what_kg_query_prints(server, name, params):
    base, out = server
    url = f"{base}queries/{name}?{urllib.parse.urlencode(params)}"
    status, headers, body = request(url)
    assert status == 200 and headers["content-type"].startswith("application/json")
    assert json.loads(body) == json.loads(local_rows(out, name, params))
    status, headers, body = request(url, headers={"Accept": "text/csv"})
    assert status == 200 and headers["content-type"].startswith("text/csv")
    assert body.decode("utf-8") == local_rows(out, name, params, "csv")


def test_queries_lists_every_named_query_with_its_parameters(server):
    from kg.store.queries import named_queries

    base, _ = server
    status, _, body = request(base + "queries")
    listing = {q["name"]: q for q in json.loads(body)}
    assert status == 200 and set(listing) == set(named_queries())
    assert {p["name"]: p["required"] for p in listing["cooperation"]["parameters"]} == {"a": True, "b": False}
    assert "Meeting" in next(p for p in listing["timeline"]["parameters"] if p["name"] == "type")["choices"]
    status, headers, body = request(base + "queries?format=csv")
    rows = list(csv.DictReader(io.StringIO(body.decode())))
    assert headers["content-type"].startswith("text/csv") and {r["name"] for r in rows} == set(named_queries())


def test_queries_page_with_limit_and_offset(server):
    base, out = server
    everything = json.loads(local_rows(out, "entities", {}))
    status, _, body = request(base + "queries/entities?limit=5&offset=5")
    assert status == 200 and json.loads(body) == everything[5:10]


@pytest.mark.parametrize(
    "path,status,words",
    [
        ("queries/nosuch", 404, "known queries"),
        ("queries/positions?colour=red", 400, "takes no parameter colour"),
        ("queries/cooperation", 400, "needs a"),
        ("queries/timeline?from=1990-13", 400, "ISO date"),
        ("queries/positions?person=a&person=b", 400, "given 2 times"),
        ("queries/positions?person=", 400, "no value"),
        ("queries/entities?limit=-1", 400, "whole number"),
        ("queries/entities?format=xml", 400, "json or csv"),
    ],
)
def test_queries_errors_say_what_to_do(server, path, status, words):
    base, _ = server
    got, headers, body = request(base + path)
    assert got == status and headers["content-type"].startswith("application/json")
    assert words in json.loads(body)["error"]


# --- the W3C SPARQL 1.1 Protocol cases of a read-only query endpoint -----------------------------


def test_query_get(server):
    base, _ = server
    status, headers, body = sparql_get(base, COUNT)
    assert status == 200 and headers["content-type"].startswith("application/sparql-results+json")
    assert int(json_rows(body)[0]["n"]) > 1000


def test_query_post_form(server):
    base, _ = server
    data = urllib.parse.urlencode({"query": PERSONS}).encode()
    status, _, body = request(base + "sparql", method="POST", data=data, headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200 and any(r["p"].endswith("/sean-duffy") for r in json_rows(body))


def test_query_post_direct(server):
    base, _ = server
    status, _, body = request(base + "sparql", method="POST", data=PERSONS.encode(), headers={"Content-Type": "application/sparql-query"})
    assert status == 200 and any(r["p"].endswith("/sean-duffy") for r in json_rows(body))


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
def test_bad_query_method(server, method):
    base, _ = server
    status, headers, body = request(base + "sparql?" + urllib.parse.urlencode({"query": COUNT}), method=method, data=b"")
    assert status == 405 and headers["allow"] == "GET, POST" and b"GET or POST" in body


def test_bad_query_missing_query(server):
    base, _ = server
    assert request(base + "sparql")[0] == 400
    status, _, body = request(base + "sparql", method="POST", data=b"other=1", headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 400 and b"no query" in body


def test_bad_multiple_queries(server):
    base, _ = server
    status, _, body = request(base + "sparql?" + urllib.parse.urlencode([("query", COUNT), ("query", PERSONS)]))
    assert status == 400 and b"more than one query" in body
    status, _, _ = request(base + "sparql?" + urllib.parse.urlencode({"query": COUNT}), method="POST", data=urllib.parse.urlencode({"query": PERSONS}).encode(),
                           headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 400


def test_bad_query_syntax(server):
    base, _ = server
    status, headers, body = sparql_get(base, "SELECT * WHERE { ?s ?p }")
    assert status == 400 and headers["content-type"].startswith("text/plain") and b"not valid SPARQL" in body


def test_bad_query_wrong_media_type(server):
    base, _ = server
    status, _, _ = request(base + "sparql", method="POST", data=PERSONS.encode(), headers={"Content-Type": "text/plain"})
    assert status == 415


def test_bad_query_missing_form_type(server):
    base, _ = server
    status, _, body = request(base + "sparql", method="POST", data=urllib.parse.urlencode({"query": PERSONS}).encode(), headers={"Content-Type": ""})
    assert status == 400 and b"Content-Type" in body


def test_bad_query_non_utf8(server):
    base, _ = server
    query = 'SELECT ?s WHERE { ?s ?p "Zürich" }'.encode("iso-8859-1")
    status, _, _ = request(base + "sparql", method="POST", data=query, headers={"Content-Type": "application/sparql-query"})
    assert status == 400
    status, _, _ = request(base + "sparql", method="POST", data=query, headers={"Content-Type": "application/sparql-query; charset=iso-8859-1"})
    assert status == 400


@pytest.mark.parametrize(
    "how",
    ["get-update", "form-update", "direct-update", "update-as-query"],
)
def test_update_refused(server, how):
    base, out = server
    update = f"DROP GRAPH <{SEED_GRAPH}>"
    if how == "get-update":
        answer = request(base + "sparql?" + urllib.parse.urlencode({"update": update}))
    elif how == "form-update":
        answer = request(base + "sparql", method="POST", data=urllib.parse.urlencode({"update": update}).encode(), headers={"Content-Type": "application/x-www-form-urlencoded"})
    elif how == "direct-update":
        answer = request(base + "sparql", method="POST", data=update.encode(), headers={"Content-Type": "application/sparql-update"})
    else:
        answer = sparql_get(base, update)
    assert answer[0] == 403 and b"read-only" in answer[2]
    assert int(json_rows(sparql_get(base, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{SEED_GRAPH}> {{ ?s ?p ?o }} }}")[2])[0]["n"]) > 100


@pytest.mark.parametrize(
    "accept,media",
    [
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("application/json", "application/sparql-results+json"),
        ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/html,application/xhtml+xml,*/*;q=0.8", "application/sparql-results+json"),
        ("", "application/sparql-results+json"),
    ],
)
def test_query_content_type_select(server, accept, media):
    base, _ = server
    status, headers, body = sparql_get(base, PERSONS, accept=accept)
    assert status == 200 and headers["content-type"].split(";")[0] == media and headers["vary"] == "Accept"
    text = body.decode("utf-8")
    duffy = "https://w3id.org/usru-space/id/person/sean-duffy"
    if media.endswith("json"):
        assert {"p": duffy} in json_rows(body)
    elif media.endswith("xml"):
        import xml.etree.ElementTree as ET

        ns = "{http://www.w3.org/2005/sparql-results#}"
        uris = [u.text for u in ET.fromstring(body).iter(f"{ns}uri")]
        assert duffy in uris
    elif media == "text/csv":
        assert text.startswith("p\r\n") and f"{duffy}\r\n" in text
    else:
        assert text.startswith("?p\n") and f"<{duffy}>\n" in text


@pytest.mark.parametrize("accept", ["application/sparql-results+json", "application/sparql-results+xml", "text/csv", "text/tab-separated-values"])
def test_query_content_type_ask(server, accept):
    base, _ = server
    status, headers, body = sparql_get(base, "ASK { ?s a <https://w3id.org/usru-space/ontology#Meeting> }", accept=accept)
    assert status == 200 and headers["content-type"].startswith(accept)
    assert b"true" in body


@pytest.mark.parametrize(
    "accept,rdflib_format",
    [("text/turtle", "turtle"), ("application/n-triples", "nt"), ("application/ld+json", "json-ld"), ("application/rdf+xml", "xml"), ("", "turtle")],
)
def test_query_content_type_construct_and_describe(server, accept, rdflib_format):
    base, _ = server
    duffy = "https://w3id.org/usru-space/id/person/sean-duffy"
    for query in (f"CONSTRUCT {{ <{duffy}> ?p ?o }} WHERE {{ <{duffy}> ?p ?o }}", f"DESCRIBE <{duffy}>"):
        status, headers, body = sparql_get(base, query, accept=accept)
        assert status == 200, body
        assert headers["content-type"].split(";")[0] == (accept or "text/turtle")
        graph = Graph().parse(data=body.decode("utf-8"), format=rdflib_format)
        assert len(graph) >= 2 and any(str(s) == duffy for s in graph.subjects())


def test_query_not_acceptable(server):
    base, _ = server
    status, _, body = sparql_get(base, PERSONS, accept="image/png")
    assert status == 406 and b"accept one of" in body
    assert sparql_get(base, f"DESCRIBE <{SEED_GRAPH}>", accept="text/csv")[0] == 406


def test_query_dataset_default_and_named_graphs(server):
    base, _ = server
    gazetteer = "https://w3id.org/usru-space/id/graph/gazetteer"
    everything = int(json_rows(sparql_get(base, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[2])[0]["n"])
    seed_only = int(json_rows(sparql_get(base, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", **{"default-graph-uri": SEED_GRAPH})[2])[0]["n"])
    assert 0 < seed_only < everything
    status, _, body = sparql_get(base, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", **{"named-graph-uri": gazetteer})
    assert status == 200 and json_rows(body) == [{"g": gazetteer}]
    from_clause = f"SELECT (COUNT(*) AS ?n) FROM <{SEED_GRAPH}> WHERE {{ ?s ?p ?o }}"
    assert int(json_rows(sparql_get(base, from_clause)[2])[0]["n"]) == seed_only


def test_explorer_page_and_files_are_served_with_a_policy(server):
    base, _ = server
    status, headers, body = request(base)
    assert status == 200 and headers["content-type"].startswith("text/html")
    policy = headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert headers["x-content-type-options"] == "nosniff"
    for name in ("explorer.js", "explorer.css", "dom.js", "common.css", "types.css"):
        assert request(base + "static/" + name)[0] == 200
    assert request(base + "static/..%2f..%2fpyproject.toml")[0] == 404
    assert request(base + "static/app.py")[0] == 404
    status, headers, body = request(base + "graph?iri=" + urllib.parse.quote("https://w3id.org/usru-space/id/person/sean-duffy", safe="") + "&depth=1")
    assert status == 200 and "script-src 'sha256-" in headers["content-security-policy"] and "frame-ancestors 'self'" in headers["content-security-policy"]
    assert b"Dmitry Bakanov" in body
