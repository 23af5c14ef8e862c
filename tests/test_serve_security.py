"""``kg serve``'s safety defaults (GitHub issue 13): what a hostile or careless client cannot do.

A real ``kg serve`` over the shipped corpus with a short time limit and a small row cap: values
sent to ``/queries`` stay values; bodies past the limit are refused; a cartesian product is stopped
at the time limit (its worker process killed and replaced) while other clients are answered;
``SERVICE`` sends nothing anywhere; updates change nothing; the Host header is checked; CORS is
off unless allowed; the command refuses what it cannot do in one line.
"""

from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

import pytest

from conftest import run_kg
from test_serve_support import json_rows, kg_serve, request, sparql_get

CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
TIMEOUT = 2.0


@pytest.fixture(scope="module")
def server(built_corpus):
    out, _, _ = built_corpus
    with kg_serve(out, "--workers", "2", "--timeout", str(TIMEOUT), "--max-rows", "1000") as (base, process):
        yield base, out, process


def triples(base: str) -> int:
    return int(json_rows(sparql_get(base, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")[2])[0]["n"])


def workers_of(pid: int) -> set[int]:
    """The query worker processes of the server ``pid`` (multiprocessing's spawned children)."""
    children = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid and b"spawn_main" in (entry / "cmdline").read_bytes():
                children.add(int(entry.name))
    return children


INJECTIONS = [
    'Sean Duffy" } UNION { ?h ?p ?o } #',
    "Sean Duffy' } ; DROP ALL ; #",
    'x\\" . ?s ?p ?o . FILTER(true) #',
    'Sean Duffy"""\n} INSERT DATA { <a:b> <a:b> <a:b> } #',
    "<https://w3id.org/usru-space/id/person/sean-duffy>",
    "?param_person",
]


@pytest.mark.parametrize("value", INJECTIONS)
def test_injections_through_queries_parameters_are_just_names(server, value):
    base, _, _ = server
    before = triples(base)
    status, _, body = request(f"{base}queries/positions?{urllib.parse.urlencode({'person': value})}")
    assert status == 200 and json.loads(body) == []
    status, _, body = request(f"{base}queries/evidence?{urllib.parse.urlencode({'entity': value})}")
    assert status == 200 and json.loads(body) == []
    assert triples(base) == before


def test_closed_list_and_date_parameters_refuse_anything_else(server):
    base, _, _ = server
    for path in ("queries/events?status=" + urllib.parse.quote('planned" } #'), "queries/timeline?from=" + urllib.parse.quote("1990) } #")):
        status, _, body = request(base + path)
        assert status == 400 and "error" in json.loads(body)


def test_oversized_bodies_are_refused(server):
    base, _, _ = server
    host, port = base.split("//")[1].strip("/").split(":")
    # a Content-Length past the limit: refused before a byte of the body is read
    conn = http.client.HTTPConnection(host, int(port), timeout=30)
    conn.putrequest("POST", "/sparql")
    conn.putheader("Content-Type", "application/sparql-query")
    conn.putheader("Content-Length", str(64 << 20))
    conn.endheaders()
    answer = conn.getresponse()
    assert answer.status == 413 and b"more than this server takes" in answer.read()
    conn.close()
    # no Content-Length (chunked): counted while it arrives
    conn = http.client.HTTPConnection(host, int(port), timeout=30)
    chunks = (b"#" + b"x" * 65535 for _ in range(17))
    conn.request("POST", "/sparql", body=chunks, headers={"Content-Type": "application/sparql-query"}, encode_chunked=True)
    answer = conn.getresponse()
    assert answer.status == 413 and b"longer than this server takes" in answer.read()
    conn.close()
    # just under the limit is a query like any other
    query = ("ASK { ?s ?p ?o } #" + "x" * ((1 << 20) - 100)).encode()
    assert request(base + "sparql", method="POST", data=query, headers={"Content-Type": "application/sparql-query"})[0] == 200


def test_a_cartesian_query_is_stopped_and_other_clients_are_answered(server):
    base, _, process = server
    before = workers_of(process.pid)
    assert len(before) == 2
    outcome = {}

    def slow() -> None:
        start = time.monotonic()
        outcome["answer"] = sparql_get(base, CARTESIAN)
        outcome["seconds"] = time.monotonic() - start

    thread = threading.Thread(target=slow)
    thread.start()
    time.sleep(0.3)
    quick = []
    deadline = time.monotonic() + 30
    while thread.is_alive() and time.monotonic() < deadline:
        start = time.monotonic()
        status, _, body = sparql_get(base, "ASK { ?s a <https://w3id.org/usru-space/ontology#Person> }")
        quick.append((status, time.monotonic() - start))
        time.sleep(0.05)
    thread.join(30)
    status, headers, body = outcome["answer"]
    assert status == 503 and f"longer than {TIMEOUT:g} s and was stopped" in body.decode()
    assert TIMEOUT <= outcome["seconds"] < TIMEOUT + 5
    assert quick and all(s == 200 for s, _ in quick) and max(t for _, t in quick) < TIMEOUT
    # the runaway's worker was killed (not left computing) and replaced
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(workers_of(process.pid)) != 2:
        time.sleep(0.2)
    after = workers_of(process.pid)
    assert len(after) == 2 and after != before
    assert sparql_get(base, "ASK { ?s ?p ?o }")[0] == 200


def test_answers_past_the_row_cap_are_refused(server):
    base, _, _ = server
    status, _, body = sparql_get(base, "SELECT * WHERE { ?s ?p ?o }")
    assert status == 400 and b"cap" in body and b"LIMIT" in body
    assert sparql_get(base, "SELECT * WHERE { ?s ?p ?o } LIMIT 1000")[0] == 200
    status, _, body = request(base + "queries/labels")  # 1,200 rows in the shipped corpus
    assert status == 400 and "limit=" in json.loads(body)["error"]
    assert len(json.loads(request(base + "queries/labels?limit=1000")[2])) == 1000


def test_service_is_refused_and_sends_nothing(server):
    base, _, _ = server
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        listener.settimeout(1.0)
        remote = f"http://127.0.0.1:{listener.getsockname()[1]}/sparql"
        status, _, body = sparql_get(base, f"SELECT * WHERE {{ SERVICE <{remote}> {{ ?s ?p ?o }} }}")
        assert status == 400 and b"SERVICE" in body
        with pytest.raises(socket.timeout):
            listener.accept()
    # the word in a string or an IRI is no SERVICE clause
    assert sparql_get(base, 'SELECT * WHERE { ?s ?p "SERVICE" }')[0] == 200


def test_updates_change_nothing(server):
    base, _, _ = server
    before = triples(base)
    for update in ("INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> <urn:c> } }", "CLEAR ALL", "LOAD <http://127.0.0.1:1/x>"):
        assert sparql_get(base, update)[0] == 403
        data = urllib.parse.urlencode({"update": update}).encode()
        assert request(base + "sparql", method="POST", data=data, headers={"Content-Type": "application/x-www-form-urlencoded"})[0] == 403
    assert triples(base) == before


def test_other_host_headers_are_refused(server):
    base, _, _ = server
    status, _, body = request(base + "queries", headers={"Host": "attacker.example"})
    assert status == 400 and b"Host" in body
    assert request(base.replace("127.0.0.1", "localhost") + "queries")[0] == 200


def test_cors_is_off_by_default(server):
    base, _, _ = server
    status, headers, _ = request(base + "queries", headers={"Origin": "https://elsewhere.example"})
    assert status == 200 and "access-control-allow-origin" not in headers
    status, headers, _ = request(base + "sparql", method="OPTIONS", headers={"Origin": "https://elsewhere.example", "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in headers


def test_cors_allows_only_the_origins_given(built_seed):
    out, _, _ = built_seed
    with kg_serve(out, "--workers", "1", "--allow-origin", "https://yasgui.example") as (base, _):
        status, headers, _ = request(base + "queries", headers={"Origin": "https://yasgui.example"})
        assert headers.get("access-control-allow-origin") == "https://yasgui.example"
        status, headers, _ = request(base + "queries", headers={"Origin": "https://elsewhere.example"})
        assert "access-control-allow-origin" not in headers


def test_hostile_text_comes_back_as_json_strings(hostile_graph):
    from conftest import INJECTION

    with kg_serve(hostile_graph, "--workers", "1") as (base, _):
        status, headers, body = request(base + "api/search?q=" + urllib.parse.quote("img"))
        assert headers["content-type"] == "application/json" and headers["x-content-type-options"] == "nosniff"
        found = json.loads(body)
        assert found[0]["label"] == INJECTION
        status, headers, body = request(base + "api/entity?iri=" + urllib.parse.quote(found[0]["iri"], safe=""))
        assert status == 200 and headers["content-security-policy"].startswith("default-src 'none'")
        assert b"<img" not in body and b"\\u003cimg" in body  # still JSON, but no markup even if sniffed
        assert json.loads(body)["label"] == INJECTION


def test_a_non_loopback_host_is_warned_about(built_seed):
    out, _, _ = built_seed
    # 192.0.2.1 (TEST-NET-1) is no address of this machine: the warning comes, then one error line.
    result = run_kg("serve", "-g", str(out), "--host", "192.0.2.1", "--port", "0", timeout=120)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith("warning: kg serve listens on 192.0.2.1")
    assert len(lines) == 2 and lines[1].startswith("error: cannot listen on 192.0.2.1")


def test_a_port_in_use_is_one_line(built_seed):
    out, _, _ = built_seed
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        result = run_kg("serve", "-g", str(out), "--port", str(taken.getsockname()[1]), timeout=120)
    assert result.returncode == 1 and result.stderr.count("\n") == 1 and "already in use" in result.stderr


def test_a_folder_without_a_store_is_one_line(tmp_path):
    result = run_kg("serve", "-g", str(tmp_path / "nothing"), "--port", "0", timeout=120)
    assert result.returncode == 1 and result.stderr.count("\n") == 1 and "kg build" in result.stderr


def test_without_the_web_libraries_kg_serve_says_what_to_install(built_seed):
    out, _, _ = built_seed
    code = "import sys; sys.modules['starlette'] = None; sys.argv = ['kg', 'serve', '-g', sys.argv[1]]; from kg.cli import main; main()"
    result = subprocess.run([sys.executable, "-c", code, str(out)], capture_output=True, text=True, timeout=120, env={**os.environ})
    assert result.returncode == 1
    assert result.stderr.strip() == "error: kg serve needs starlette, not installed here: pip install starlette uvicorn (or reinstall kg)"
