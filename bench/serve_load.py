"""Load test of ``kg serve``: concurrent clients on 127.0.0.1 mixing named queries and SPARQL.

Run:  .venv/bin/python bench/serve_load.py [--graph corpus|synthetic] [--clients 16] [--seconds 60]

For each graph (the shipped corpus, built into a temporary folder; and/or the synthetic graph of
about 1,000,000 triples of ``bench/run_queries.py``, loaded into a store with its listings) it
starts ``kg serve`` as a subprocess on a free port of 127.0.0.1 and measures:

1. **quiet**: ``--clients`` clients (threads, one keep-alive connection each) for ``--seconds``
   seconds, each looping over a fixed mix of requests: named questions and listings through
   ``/queries/NAME`` and SPARQL through ``/sparql``. Throughput, p50/p99 latency, errors, and the
   server's memory (resident set of the server and its workers, sampled each second: first and
   last sample, and the peak).
   A warm-up of half a phase (at most 30 s) comes first, so the store's caches are filled.
2. **named queries: HTTP against in-process**: each named question, best of 10, through
   ``/queries/NAME`` and in this process (``kg.store.queries.run_query`` on the store, then the rows as
   the JSON the server sends); the transport is what HTTP adds to the lightest question (one
   document by name: a request, a hop to a worker process and back, one index lookup).
   Target: HTTP <= 1.2 x in-process + transport.
3. **one runaway client**: the same clients, one of which sends a cartesian product that runs
   into the server's time limit again and again; the others' p99 against the quiet p99.
   Target: within 2x.

Every loop is bounded (by count and by time); the server is stopped at the end. Nothing is
asserted; the figures go to stdout as Markdown (and to ``--json``).
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import select
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

HERE = Path(__file__).resolve().parent
KG = Path(sys.executable).parent / "kg"
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
SPARQL = [
    "PREFIX kgo: <https://w3id.org/usru-space/ontology#> SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?m a kgo:Meeting } }",
    "PREFIX kgo: <https://w3id.org/usru-space/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
    "SELECT ?p ?label WHERE { GRAPH ?g { ?p a kgo:Person ; rdfs:label ?label } } LIMIT 100",
    "ASK { ?s ?p ?o }",
]
CORPUS_QUESTIONS = [
    ("positions", {"person": "Sean Duffy"}),
    ("met", {"person": "Sean Duffy"}),
    ("cooperation", {"a": "NASA", "b": "Roscosmos"}),
    ("evidence", {"entity": "Roscosmos"}),
    ("timeline", {"from": "1990", "to": "1999"}),
    ("officials", {"organization": "NASA", "as_of": "2025"}),
    ("involvement", {"party": "NASA"}),
    ("quotes", {"speaker": "Dmitry Bakanov"}),
    ("events", {"type": "Meeting", "status": "happened"}),
    ("labels", {"name": "duffy"}),
    ("agency_country", {"agency": "Roscosmos"}),
    ("entities", {"document": "seed-nasa-roscosmos-talks.txt"}),
    ("documents", {"document": "seed-nasa-roscosmos-talks.txt"}),
]
LISTINGS = [("positions", {"limit": "100"}), ("events", {"limit": "100"}), ("timeline", {"limit": "100"})]


def synthetic_questions() -> list[tuple[str, dict[str, str]]]:
    sys.path.insert(0, str(HERE))
    from run_queries import PARAMS

    return sorted(PARAMS.items())


# --- the graphs -----------------------------------------------------------------------------


def corpus_build(work: Path) -> Path:
    from kg.pipeline import build
    from kg.resources import default_corpus_dir

    out = work / "corpus"
    build([default_corpus_dir()], out)
    return out


def synthetic_build(work: Path, *, triples: int) -> Path:
    sys.path.insert(0, str(HERE))
    from run_queries import _generator_digest

    from kg import synthetic
    from kg.store import listings
    from kg.store.backends import OxigraphBackend
    from kg.store.oxigraph import write_store

    data = HERE / "out" / f"synth-{triples}-0-{_generator_digest()}.nq"
    if not data.exists():
        data.parent.mkdir(parents=True, exist_ok=True)
        synthetic.write_synthetic(data, triples=triples, seed=0)
    out = work / "synthetic"
    out.mkdir()
    write_store(data, out)
    backend = OxigraphBackend.open(out / "store")
    listings.write(backend, out)
    backend.close()
    return out


# --- the server -----------------------------------------------------------------------------


class Server:
    def __init__(self, out: Path, *, workers: int, timeout: float):
        self.process = subprocess.Popen([str(KG), "serve", "-g", str(out), "--port", "0", "--workers", str(workers), "--timeout", str(timeout),
                                         "--max-rows", "200000"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        ready, _, _ = select.select([self.process.stdout], [], [], 180)
        line = self.process.stdout.readline() if ready else ""
        if "serving" not in line:
            self.stop()
            raise SystemExit(f"kg serve did not start: {line!r}")
        base = line.split(" at ", 1)[1].split(" ", 1)[0]
        parts = urllib.parse.urlsplit(base)
        self.host, self.port = parts.hostname, parts.port

    def rss_mb(self) -> float:
        """Resident memory of the server and its children (workers), in MB."""
        total = 0
        for pid in [self.process.pid, *self.children()]:
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            except OSError:
                pass
        return total / 1024

    def children(self) -> list[int]:
        found = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == self.process.pid:
                        found.append(int(entry.name))
                except (OSError, ValueError, IndexError):
                    pass
        return found

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(20)


def path_of(name: str, params: dict[str, str]) -> str:
    return f"/queries/{name}?{urllib.parse.urlencode(params)}"


def requests_mix(questions) -> list[tuple[str, str, bytes | None]]:
    """``(method, path, body)`` of the mix: every question, three listing pages, three SPARQL queries."""
    mix = [("GET", path_of(n, p), None) for n, p in questions]
    mix += [("GET", path_of(n, p), None) for n, p in LISTINGS]
    mix += [("POST", "/sparql", urllib.parse.urlencode({"query": q}).encode()) for q in SPARQL]
    return mix


def send(conn: http.client.HTTPConnection, method: str, path: str, body: bytes | None) -> tuple[int, float]:
    start = time.perf_counter()
    headers = {"Accept": "application/sparql-results+json"}
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    conn.request(method, path, body=body, headers=headers)
    answer = conn.getresponse()
    answer.read()
    return answer.status, time.perf_counter() - start


def load(server: Server, mix, *, clients: int, seconds: float, runaway: bool = False, max_requests: int = 1_000_000) -> dict:
    """``clients`` clients looping over ``mix`` for ``seconds``; with ``runaway``, client 0 sends
    the cartesian query instead. Latencies are of the other clients."""
    latencies: list[float] = []
    errors: list[str] = []
    runaway_answers: list[int] = []
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds
    memory: list[float] = []

    def client(index: int) -> None:
        rng = random.Random(index)
        conn = http.client.HTTPConnection(server.host, server.port, timeout=120)
        sent = 0
        while time.monotonic() < stop_at and sent < max_requests:
            sent += 1
            if runaway and index == 0:
                status, _ = send(conn, "POST", "/sparql", urllib.parse.urlencode({"query": CARTESIAN}).encode())
                with lock:
                    runaway_answers.append(status)
                continue
            method, path, body = mix[rng.randrange(len(mix))]
            try:
                status, took = send(conn, method, path, body)
            except (OSError, http.client.HTTPException) as exc:
                conn.close()
                conn = http.client.HTTPConnection(server.host, server.port, timeout=120)
                status, took = 0, 0.0
                with lock:
                    errors.append(f"{path}: {exc}")
            with lock:
                if status == 200:
                    latencies.append(took)
                elif status:
                    errors.append(f"{path}: HTTP {status}")
        conn.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    while any(t.is_alive() for t in threads) and time.monotonic() < stop_at + 180:
        memory.append(server.rss_mb())
        time.sleep(1.0)
    for thread in threads:
        thread.join(180)
    elapsed = time.monotonic() - started
    latencies.sort()
    return {
        "requests": len(latencies),
        "throughput": len(latencies) / elapsed,
        "p50_ms": 1000 * percentile(latencies, 50),
        "p99_ms": 1000 * percentile(latencies, 99),
        "errors": len(errors),
        "error_examples": errors[:5],
        "memory_mb": [memory[min(len(memory) - 1, len(memory) * q // 4)] for q in (1, 2, 3)] + [memory[-1]] if memory else [],
        "memory_peak_mb": max(memory) if memory else 0,
        "runaway_answers": dict((s, runaway_answers.count(s)) for s in set(runaway_answers)),
    }


def percentile(sorted_values: list[float], p: float) -> float:
    if not sorted_values:
        return float("nan")
    k = max(0, min(len(sorted_values) - 1, round(p / 100 * (len(sorted_values) - 1))))
    return sorted_values[k]


def named_overhead(server: Server, out: Path, questions, *, probe: tuple[str, dict[str, str]], repeat: int = 10) -> list[dict]:
    """Each question's best time in process (the rows and their JSON, as the server makes them)
    and over HTTP; the transport is what HTTP adds to the lightest question, ``probe``."""
    from kg.store.backends import OxigraphBackend
    from kg.store.queries import run_query
    from kg.serve.tasks import rows_json

    backend = OxigraphBackend.open(out / "store")

    def in_process(name, params) -> float:
        return min(_timed(lambda: rows_json(run_query(backend, name, params).rows)) for _ in range(repeat))

    def over_http(name, params) -> float:  # a fresh connection: the last one may have idled out
        fresh = http.client.HTTPConnection(server.host, server.port, timeout=120)
        try:
            return min(send(fresh, "GET", path_of(name, params), None)[1] for _ in range(repeat))
        finally:
            fresh.close()

    transport = max(0.0, over_http(*probe) - in_process(*probe))
    rows = []
    for name, params in questions:
        local, remote = in_process(name, params), over_http(name, params)
        rows.append({"query": name, "params": params, "in_process_ms": 1000 * local, "http_ms": 1000 * remote, "transport_ms": 1000 * transport,
                     "within_target": remote <= 1.2 * local + transport})
    backend.close()
    return rows


def _timed(work) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def report(name: str, triples: int, quiet: dict, runaway: dict, overhead: list[dict], args) -> str:
    lines = [f"### {name} ({triples:,} triples), {args.clients} clients, {args.seconds:g} s per phase, {args.workers} workers, --timeout {args.timeout:g}", ""]
    lines += ["| phase | requests | throughput | p50 | p99 | errors | memory at 1/4, 1/2, 3/4, end (peak) |", "|---|---:|---:|---:|---:|---:|---|"]
    for label, r in (("quiet", quiet), ("one client runs into the time limit", runaway)):
        memory = " / ".join(f"{m:.0f}" for m in r["memory_mb"])
        lines.append(f"| {label} | {r['requests']:,} | {r['throughput']:.1f}/s | {r['p50_ms']:.1f} ms | {r['p99_ms']:.1f} ms | {r['errors']} | "
                     f"{memory} MB ({r['memory_peak_mb']:.0f}) |")
    lines += ["", f"runaway answers: {runaway['runaway_answers']}; others' p99 {runaway['p99_ms'] / quiet['p99_ms']:.2f}x the quiet p99", ""]
    lines += ["| query | parameters | in process | HTTP | transport | HTTP <= 1.2x + transport |", "|---|---|---:|---:|---:|---|"]
    for r in overhead:
        params = ", ".join(f"{k}={v}" for k, v in r["params"].items())
        lines.append(f"| {r['query']} | {params} | {r['in_process_ms']:.1f} ms | {r['http_ms']:.1f} ms | {r['transport_ms']:.1f} ms | {'yes' if r['within_target'] else 'NO'} |")
    return "\n".join(lines)


def count_triples(out: Path) -> int:
    import pyoxigraph as ox

    store = ox.Store.read_only(str(out / "store"))
    return len(store)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--graph", choices=["corpus", "synthetic", "both"], default="both")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--timeout", type=float, default=5.0)
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    results = {}
    with tempfile.TemporaryDirectory(prefix="kg-serve-bench-") as tmp:
        work = Path(tmp)
        graphs = []
        if args.graph in ("corpus", "both"):
            graphs.append(("shipped corpus", corpus_build(work), CORPUS_QUESTIONS, ("documents", {"document": "seed-nasa-roscosmos-talks.txt"})))
        if args.graph in ("synthetic", "both"):
            start = time.perf_counter()
            out = synthetic_build(work, triples=args.triples)
            print(f"synthetic store and listings ready in {time.perf_counter() - start:.1f} s", file=sys.stderr)
            graphs.append(("synthetic graph", out, synthetic_questions(), ("documents", {"document": "synth-000100.txt"})))
        for name, out, questions, probe in graphs:
            server = Server(out, workers=args.workers, timeout=args.timeout)
            try:
                mix = requests_mix(questions)
                load(server, mix, clients=args.clients, seconds=min(30.0, args.seconds / 2))  # warm up: caches and page cache filled
                quiet = load(server, mix, clients=args.clients, seconds=args.seconds)
                overhead = named_overhead(server, out, questions, probe=probe)
                runaway = load(server, mix, clients=args.clients, seconds=args.seconds, runaway=True)
            finally:
                server.stop()
            results[name] = {"quiet": quiet, "runaway": runaway, "overhead": overhead}
            print(report(name, count_triples(out), quiet, runaway, overhead, args))
            print()
            sys.stdout.flush()
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
