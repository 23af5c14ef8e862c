"""Querying any SPARQL 1.1 endpoint: ``kg.store.endpoint`` (GitHub issue 13).

Parameters travel as RDF terms in a ``VALUES`` block (written by Oxigraph's serialiser), never as
pasted text: a hostile value parses back to exactly itself. ``kg.open(URL)``, ``kg query
--endpoint`` and ``kg sparql --endpoint`` answer as the build folder does (against the Oxigraph
server, started here); an endpoint that is down, asks for a login, redirects or hangs is one line.
"""

from __future__ import annotations

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from rdflib import Literal, URIRef

from conftest import run_kg
from test_serve_support import oxigraph_server

HOSTILE = [
    'Sean Duffy" } UNION { ?s ?p ?o } #',
    "a'b\"c\\d",
    'x"""y',
    'ends with a quote"',
    'ends with a backslash\\',
    "new\nline\rand\ttab",
    "} } } ; DROP ALL",
    "\u2028\u2029\x00\x1b[31m",
]


@pytest.fixture(scope="module")
def endpoint(built_corpus):
    out, _, _ = built_corpus
    with oxigraph_server("serve-read-only", "--location", str(out / "store"), "--union-default-graph") as base:
        yield base + "/query", out


@pytest.mark.parametrize("value", HOSTILE)
def test_a_value_parses_back_to_itself(value):
    from rdflib.plugins.sparql import prepareQuery

    from kg.store.endpoint import with_values

    text = with_values("SELECT ?x WHERE { ?x <urn:p> ?v }", {"v": Literal(value)})
    query = prepareQuery(text)  # rdflib's own parser reads the block back
    assert list(_values_rows(query.algebra)) == [{"v": Literal(value)}], text


def _walk(node):
    yield node
    if isinstance(node, dict):
        for child in node.values():
            yield from _walk(child)
    elif isinstance(node, list):
        for child in node:
            yield from _walk(child)


def _values_rows(algebra):
    for node in _walk(algebra):
        if getattr(node, "name", "") == "ToMultiSet":
            for row in node.p.res:
                yield {str(k): v for k, v in row.items()}


def test_values_go_to_the_start_of_every_where_group():
    from kg.store.endpoint import with_values

    text = 'SELECT ?a WHERE { { SELECT ?a ?x WHERE { ?a <urn:p> ?x . FILTER(?x != "WHERE {") } } # WHERE {\n ?a <urn:q> <urn:WHERE> }'
    sent = with_values(text, {"x": URIRef("urn:v")})
    assert sent.count("VALUES (?x) { (<urn:v>) }") == 2
    assert '"WHERE {"' in sent and "# WHERE {\n" in sent
    assert with_values("ASK { ?s ?p ?o }", {"o": Literal(1)}).endswith('VALUES (?o) { ("1"^^<http://www.w3.org/2001/XMLSchema#integer>) }')
    assert with_values(text, {}) == text


def test_bad_variable_names_and_blank_nodes_are_refused():
    from rdflib import BNode

    from kg.store.endpoint import with_values
    from kg.errors import QueryError

    with pytest.raises(QueryError):
        with_values("SELECT * WHERE { ?s ?p ?o }", {"o) } #": Literal("x")})
    with pytest.raises(QueryError):
        with_values("SELECT * WHERE { ?s ?p ?o }", {"o": BNode()})


@pytest.mark.parametrize("value", HOSTILE[:5])
def test_hostile_values_through_an_endpoint_match_nothing(endpoint, value):
    from kg.store.endpoint import SparqlEndpointBackend
    from kg.store.queries import run_query

    url, _ = endpoint
    backend = SparqlEndpointBackend(url)
    assert run_query(backend, "positions", {"person": value}).rows == []
    assert run_query(backend, "evidence", {"entity": value}).rows == []


def test_kg_open_an_endpoint(endpoint):
    import kg

    url, out = endpoint
    with kg.open(url) as remote, kg.open(out) as local:
        assert remote.backend == "endpoint" and local.backend == "oxigraph"
        assert remote.query("positions", person="Sean Duffy").equals(local.query("positions", person="Sean Duffy"))
        assert remote.query("timeline", from_=1990, to=1999).equals(local.query("timeline", from_=1990, to=1999))
        assert remote.query("entities", limit=5, offset=5).equals(local.query("entities", limit=5, offset=5))
        query = "SELECT ?s WHERE { GRAPH ?g { ?s a <https://w3id.org/usru-space/ontology#Person> } } ORDER BY ?s"
        assert remote.sparql(query).equals(local.sparql(query))
        assert len(remote.dataset) == len(local.dataset)


def test_kg_sparql_through_an_endpoint(endpoint):
    url, out = endpoint
    query = "PREFIX kgo: <https://w3id.org/usru-space/ontology#> SELECT ?p ?t WHERE { GRAPH ?g { ?x kgo:holder ?p ; kgo:title ?t } } ORDER BY ?p ?t"
    local = run_kg("sparql", query, "-g", str(out), "--format", "csv")
    remote = run_kg("sparql", query, "--endpoint", url, "--format", "csv")
    assert remote.returncode == 0 and remote.stdout == local.stdout
    refused = run_kg("sparql", "SELECT * WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }", "--endpoint", url)
    assert refused.returncode == 1 and "SERVICE" in refused.stderr


class Answers(BaseHTTPRequestHandler):
    status = 401
    location = ""

    def do_POST(self) -> None:  # noqa: N802
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(Answers.status)
        if Answers.location:
            self.send_header("Location", Answers.location)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"no entry")

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def answering():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Answers)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/query"
    server.shutdown()
    server.server_close()


def test_a_login_needed_says_how_to_give_one(answering):
    Answers.status, Answers.location = 401, ""
    result = run_kg("query", "positions", "--endpoint", answering)
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert "401" in result.stderr and "KG_ENDPOINT_TOKEN" in result.stderr


def test_redirects_are_not_followed(answering):
    Answers.status, Answers.location = 307, "http://127.0.0.1:1/elsewhere"
    result = run_kg("query", "positions", "--endpoint", answering, env={"KG_ENDPOINT_TOKEN": "secret"})
    assert result.returncode == 1 and "redirects to http://127.0.0.1:1/elsewhere" in result.stderr


def test_an_endpoint_that_hangs_is_given_up():
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/query"
        result = run_kg("sparql", "SELECT * WHERE { ?s ?p ?o }", "--endpoint", url, "--timeout", "1")
    assert result.returncode == 1 and "did not answer within 1 s" in result.stderr


def test_an_endpoint_that_is_down_is_one_line():
    from test_serve_support import free_port

    result = run_kg("query", "positions", "--endpoint", f"http://127.0.0.1:{free_port()}/query")
    assert result.returncode == 1 and result.stderr.count("\n") == 1 and "cannot reach" in result.stderr
    result = run_kg("query", "positions", "--endpoint", "127.0.0.1:7878/query")
    assert result.returncode == 1 and "not an endpoint URL" in result.stderr
