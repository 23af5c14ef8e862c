"""Servers the serve, push and endpoint tests start and stop: ``kg serve`` and the Oxigraph server.

Each runs as a real subprocess on 127.0.0.1 (a free port), is waited for in a bounded loop and is
stopped (then killed if need be) when the test is done. This module holds no tests of its own
beyond checking that the helpers stop what they start.
"""

from __future__ import annotations

import json
import os
import select
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from conftest import KG

OXIGRAPH = Path(sys.executable).parent / "oxigraph"
"""The Oxigraph server command of the `oxigraph` package (test extra)."""
START_WAIT = 90.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(15)


@contextmanager
def kg_serve(out: Path, *args: str, env: dict | None = None):
    """``kg serve -g OUT --port 0 ARGS`` running; yields ``(base_url, process)``."""
    environment = {**os.environ, **(env or {})}
    process = subprocess.Popen([str(KG), "serve", "-g", str(out), "--port", "0", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, env=environment)
    try:
        ready, _, _ = select.select([process.stdout], [], [], START_WAIT)
        line = process.stdout.readline() if ready else ""
        if "serving" not in line:
            stop(process)
            raise AssertionError(f"kg serve did not start: {line!r} {process.stderr.read()!r}")
        base = line.split(" at ", 1)[1].split(" ", 1)[0]
        yield base, process
    finally:
        stop(process)


@contextmanager
def oxigraph_server(*args: str):
    """``oxigraph ARGS --bind 127.0.0.1:PORT`` running; yields its base URL."""
    port = free_port()
    process = subprocess.Popen([str(OXIGRAPH), *args, "--bind", f"127.0.0.1:{port}"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_WAIT
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"the Oxigraph server did not start: {process.stderr.read()!r}")
                time.sleep(0.1)
        yield base
    finally:
        stop(process)


def request(url: str, *, method: str = "GET", data: bytes | None = None, headers: dict | None = None, timeout: float = 60) -> tuple[int, dict, bytes]:
    """``(status, headers, body)`` of one HTTP request (errors are answers too)."""
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(req, timeout=timeout) as answer:
            return answer.status, {k.lower(): v for k, v in answer.headers.items()}, answer.read()
    except urllib.error.HTTPError as exc:
        return exc.code, {k.lower(): v for k, v in exc.headers.items()}, exc.read()


def sparql_get(base: str, query: str, *, accept: str = "application/sparql-results+json", **params: str) -> tuple[int, dict, bytes]:
    fields = urllib.parse.urlencode({"query": query, **params})
    return request(f"{base}sparql?{fields}", headers={"Accept": accept})


def json_rows(body: bytes) -> list[dict[str, str]]:
    document = json.loads(body)
    names = document["head"]["vars"]
    return [{n: b.get(n, {}).get("value", "") for n in names} for b in document["results"]["bindings"]]


def test_the_helpers_stop_the_servers_they_start(built_seed):
    out, _, _ = built_seed
    with kg_serve(out, "--workers", "1") as (base, process):
        status, _, body = sparql_get(base, "ASK { ?s ?p ?o }")
        assert status == 200 and json.loads(body)["boolean"] is True
    assert process.poll() is not None
    port = int(base.rsplit(":", 1)[1].strip("/"))
    with socket.socket() as sock:
        assert sock.connect_ex(("127.0.0.1", port)) != 0


QUESTIONS: list[tuple[str, dict[str, str]]] = [
    ("agency_country", {}),
    ("agency_country", {"agency": "roscosmos"}),
    ("cooperation", {"a": "NASA", "b": "Roscosmos"}),
    ("cooperation", {"a": "NASA"}),
    ("documents", {}),
    ("documents", {"document": "seed-nasa-roscosmos-talks.txt"}),
    ("entities", {}),
    ("entities", {"document": "seed-nasa-roscosmos-talks.txt", "type": "Person"}),
    ("events", {}),
    ("events", {"type": "Meeting", "status": "happened"}),
    ("evidence", {"entity": "Roscosmos"}),
    ("involvement", {}),
    ("involvement", {"party": "NASA"}),
    ("labels", {}),
    ("labels", {"name": "duffy"}),
    ("met", {}),
    ("met", {"person": "Sean Duffy"}),
    ("officials", {}),
    ("officials", {"organization": "NASA", "as_of": "2025"}),
    ("positions", {}),
    ("positions", {"person": "SEAN DUFFY"}),
    ("quotes", {}),
    ("quotes", {"speaker": "Dmitry Bakanov"}),
    ("timeline", {}),
    ("timeline", {"from": "1990", "to": "1999", "type": "Launch"}),
]
"""Every named query, as a listing and as a question with typical parameters of the shipped corpus
(a name in another case, closed-list values, dates)."""


def kg_query_args(name: str, params: dict[str, str]) -> list[str]:
    args = ["query", name]
    for key, value in params.items():
        args += ["--param", f"{key}={value}"]
    return args


def test_the_questions_cover_every_named_query():
    from kg.store.queries import named_queries

    assert {name for name, _ in QUESTIONS} == set(named_queries())
    assert all(params for name, params in QUESTIONS if name in ("cooperation", "evidence"))


DASK = Path(sys.executable).parent / "dask"
"""Dask's own command (``distributed``, the cluster extra): ``dask scheduler``, ``dask worker``."""


@contextmanager
def dask_cluster(workers: int, logs: Path):
    """A Dask scheduler and ``workers`` one-thread worker processes on 127.0.0.1, started with
    Dask's own commands; yields the scheduler address. Their logs go to ``logs``."""
    from distributed import Client

    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    logs.mkdir(parents=True, exist_ok=True)
    common = ["--no-dashboard"]
    processes = [subprocess.Popen([str(DASK), "scheduler", "--host", "127.0.0.1", "--port", str(port), *common],
                                  stdout=subprocess.DEVNULL, stderr=open(logs / "scheduler.log", "wb"))]
    try:
        for i in range(workers):
            processes.append(subprocess.Popen([str(DASK), "worker", address, "--host", "127.0.0.1", "--nworkers", "1", "--nthreads", "1", *common],
                                              stdout=subprocess.DEVNULL, stderr=open(logs / f"worker-{i}.log", "wb")))
        with Client(address, timeout=f"{START_WAIT}s") as client:
            client.wait_for_workers(workers, timeout=START_WAIT)
        yield address
    finally:
        for process in reversed(processes):
            stop(process)
