"""``kg push`` to a triple store server, and kg's queries against it (GitHub issue 13).

The Oxigraph server (``oxigraph serve``, from the ``oxigraph`` package) is started by the tests on
a free port of 127.0.0.1. ``kg push`` uploads the shipped corpus; every named query through
``--endpoint`` then gives what it gives on the build folder; pushing again after one document
changed replaces that document's graph and no other. ``oxigraph serve-read-only`` serves a build's
store as it is. A recording server shows the requests themselves: one PUT per graph, N-Triples,
credentials from the environment.
"""

from __future__ import annotations

import shutil
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from conftest import DEV_CORPUS, run_kg
from test_serve_support import QUESTIONS, kg_query_args, oxigraph_server, request

GAZETTEER = "https://w3id.org/usru-space/id/graph/gazetteer"


def graph_contents(store_url: str) -> dict[str, bytes]:
    """Every named graph on the server, as sorted N-Triples lines (Graph Store Protocol GETs)."""
    status, _, body = request(store_url.replace("/store", "/query") + "?" + urllib.parse.urlencode({"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"}),
                              headers={"Accept": "text/csv"})
    assert status == 200
    graphs = body.decode().split("\r\n")[1:-1]
    out = {}
    for graph in graphs:
        status, _, data = request(f"{store_url}?graph={urllib.parse.quote(graph, safe='')}", headers={"Accept": "application/n-triples"})
        assert status == 200
        out[graph] = b"\n".join(sorted(data.splitlines()))
    return out


def same_answers(out, endpoint: str) -> None:
    for name, params in QUESTIONS:
        local = run_kg(*kg_query_args(name, params), "-g", str(out), "--format", "json")
        remote = run_kg(*kg_query_args(name, params), "--endpoint", endpoint, "--format", "json")
        assert local.returncode == 0 and remote.returncode == 0, remote.stderr
        assert remote.stdout == local.stdout, (name, params)


def test_push_then_every_named_query_through_the_endpoint_equals_the_local_answer(built_corpus, tmp_path):
    out, _, _ = built_corpus
    with oxigraph_server("serve", "--location", str(tmp_path / "server"), "--union-default-graph") as base:
        result = run_kg("push", "-g", str(out), "--endpoint", base + "/store")
        assert result.returncode == 0, result.stderr
        documents = sorted(p.name for p in DEV_CORPUS.iterdir() if p.suffix in (".txt", ".md", ".html"))
        assert f"{len(documents) + 1} graphs pushed" in result.stdout
        assert set(graph_contents(base + "/store")) == {GAZETTEER} | {
            f"https://w3id.org/usru-space/id/graph/doc/{name.rsplit('.', 1)[0]}" for name in documents
        }
        same_answers(out, base + "/query")


def test_pushing_again_after_an_edit_replaces_exactly_one_graph(built_corpus, tmp_path):
    out, _, _ = built_corpus
    build = tmp_path / "out"
    shutil.copytree(out, build)
    with oxigraph_server("serve", "--location", str(tmp_path / "server"), "--union-default-graph") as base:
        assert run_kg("push", "-g", str(build), "--endpoint", base + "/store").returncode == 0
        before = graph_contents(base + "/store")
        # one article changes: its new version is added to the build, then the build is pushed again
        edited = tmp_path / "articles" / "seed-nasa-roscosmos-talks.txt"
        edited.parent.mkdir()
        text = (DEV_CORPUS / edited.name).read_text(encoding="utf-8")
        edited.write_text(text + "\nNASA Administrator Jim Bridenstine met Roscosmos head Dmitry Rogozin in Moscow on October 10, 2018.\n", encoding="utf-8")
        added = run_kg("add", str(edited), "-g", str(build))
        assert added.returncode == 0, added.stderr
        pushed = run_kg("push", "-g", str(build), "--endpoint", base + "/store")
        assert pushed.returncode == 0, pushed.stderr
        after = graph_contents(base + "/store")
        changed = sorted(g for g in after if before.get(g) != after[g])
        assert set(after) == set(before)
        assert changed == ["https://w3id.org/usru-space/id/graph/doc/seed-nasa-roscosmos-talks"]
        assert b"Bridenstine" in after[changed[0]] and b"Bridenstine" not in before[changed[0]]
        # pushing the one document alone sends one graph
        one = run_kg("push", "seed-nasa-roscosmos-talks.txt", "-g", str(build), "--endpoint", base + "/store")
        assert one.returncode == 0 and "1 graph pushed" in one.stdout
        assert graph_contents(base + "/store") == after


def test_the_oxigraph_server_reads_a_kg_store(built_corpus):
    out, _, _ = built_corpus
    with oxigraph_server("serve-read-only", "--location", str(out / "store"), "--union-default-graph") as base:
        same_answers(out, base + "/query")


class Recorder(BaseHTTPRequestHandler):
    requests: list = []

    def do_PUT(self) -> None:  # noqa: N802
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        Recorder.requests.append((self.command, self.path, dict(self.headers), body))
        self.send_response(201 if len(Recorder.requests) % 2 else 204)
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def recorder():
    Recorder.requests = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/store", Recorder.requests
    server.shutdown()
    server.server_close()


def test_one_put_per_graph_as_n_triples_with_credentials_from_the_environment(built_seed, recorder):
    from rdflib import Graph

    out, _, _ = built_seed
    url, seen = recorder
    result = run_kg("push", "-g", str(out), "--endpoint", url, env={"KG_ENDPOINT_USER": "alice", "KG_ENDPOINT_PASSWORD": "s3cret"})
    assert result.returncode == 0, result.stderr
    assert "s3cret" not in result.stdout + result.stderr
    graphs = [urllib.parse.parse_qs(urllib.parse.urlsplit(path).query)["graph"][0] for _, path, _, _ in seen]
    assert [method for method, *_ in seen] == ["PUT", "PUT"]
    assert sorted(graphs) == sorted([GAZETTEER, "https://w3id.org/usru-space/id/graph/doc/seed-nasa-roscosmos-talks"])
    for _, _, headers, body in seen:
        assert headers["Content-Type"] == "application/n-triples"
        assert headers["Authorization"] == "Basic YWxpY2U6czNjcmV0"
        assert len(Graph().parse(data=body.decode("utf-8"), format="nt")) > 100
    Recorder.requests.clear()
    assert run_kg("push", "-g", str(out), "--endpoint", url, env={"KG_ENDPOINT_TOKEN": "t0ken"}).returncode == 0
    assert {headers["Authorization"] for _, _, headers, _ in seen} == {"Bearer t0ken"}


def test_push_errors_are_one_line(built_seed, tmp_path):
    out, _, _ = built_seed
    from test_serve_support import free_port

    nobody = f"http://127.0.0.1:{free_port()}/store"
    for args, words in (
        (["--endpoint", nobody], "cannot reach"),
        ([], "needs --endpoint"),
        (["--endpoint", "ftp://x/store"], "not an endpoint URL"),
        (["nosuch.txt", "--endpoint", nobody], 'no document "nosuch.txt"'),
    ):
        result = run_kg("push", "-g", str(out), *args)
        assert result.returncode == 1 and result.stderr.count("\n") == 1 and words in result.stderr, result.stderr
    result = run_kg("push", "-g", str(out), "--endpoint", nobody, env={"KG_ENDPOINT_USER": "alice"})
    assert result.returncode == 1 and "KG_ENDPOINT_PASSWORD" in result.stderr
