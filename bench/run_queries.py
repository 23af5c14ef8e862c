"""Benchmark of the store and the named queries: Oxigraph against plain rdflib on ~1M triples.

Run:  .venv/bin/python bench/run_queries.py [--triples 1000000] [--seed 0] [--rdflib-timeout 60]

It writes (once, then reuses) the synthetic graph of ``kg.synthetic`` under ``bench/out/`` (the
file name carries a hash of the generator and emit code, so a change writes a new one),
then runs one worker process per backend, so each one's peak memory is its own:

- **oxigraph**: load the N-Quads into a new store on disk (``kg.store.write_store``: bulk load,
  then the atomic rename), open it read-only, run every named query;
- **rdflib**: parse the N-Quads into an in-memory ``rdflib.Dataset`` and run every named query,
  each under a timeout (SIGALRM interrupts rdflib's pure-Python evaluation; the parent also
  kills a worker that overruns its whole budget); a query that runs out reports ">N s".

Each named query runs as a question (with typical parameters: one person, one agency, a decade,
two parties...; the required ones for evidence and cooperation) on both backends; those without
a required parameter also as the whole listing (up to 10^5 rows) on both, and as its first page
(``limit=100``) on Oxigraph. A few extra questions (``EXTRA``) show a case-insensitive name and a
less popular pair of parties. Oxigraph timings are the best of up to three runs (one run when a
run takes over 2 s); rdflib runs each query once, with a timeout of ``--rdflib-timeout`` seconds
(60 by default) or 10.5 times Oxigraph's time if that is longer, so that a timeout still shows
whether rdflib is at least 10 times slower. Then ``kg path``:
the networkx projection of the backend's dataset (``kg.analytics.project.to_networkx``) and
``kg.analytics.paths.shortest_fact_paths`` between fixed pairs of entities, if present.

Peak memory is the worker's maximum resident set size (``resource.getrusage``), which counts
Oxigraph's native allocations too (tracemalloc would not). Nothing here is asserted; the figures
go to stdout as a Markdown table (and to ``--json``).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kg import synthetic as synth

HERE = Path(__file__).resolve().parent

PARAMS: dict[str, dict[str, str]] = {
    "agency_country": {"agency": "Space Agency 1"},
    "cooperation": {"a": "Country 0", "b": "Country 1"},
    "documents": {"document": "synth-000100.txt"},
    "entities": {"document": "synth-000100.txt"},
    "events": {"type": "Meeting", "status": "planned"},
    "evidence": {"entity": "Space Agency 3"},
    "involvement": {"party": "Space Agency 0"},
    "labels": {"name": synth.person_name(7)},
    "met": {"person": synth.person_name(0)},
    "officials": {"organization": "Space Agency 0", "as_of": "1990"},
    "positions": {"person": synth.person_name(0)},
    "quotes": {"speaker": synth.person_name(0)},
    "timeline": {"from": "1990", "to": "1999", "type": "Launch"},
}
"""Typical parameters of each query, drawn from the synthetic data (popular entities)."""
EXTRA: list[tuple[str, dict[str, str]]] = [
    ("positions", {"person": synth.person_name(0).upper()}),
    ("cooperation", {"a": "Space Agency 17", "b": "Country 5"}),
    ("cooperation", {"a": "Country 3"}),
]
"""More questions: a name typed in another case (resolved by a scan of the labels), a less popular
pair of parties, and one party alone (every partner it has)."""
JOIN_HEAVY = ("cooperation", "entities", "events", "evidence", "met", "officials", "timeline")


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class _Timeout(BaseException):
    """Raised by SIGALRM; a BaseException, so the backends' error handling does not swallow it."""


def _alarm(_signum, _frame):
    raise _Timeout


def _time_query(backend, name: str, params: dict, *, timeout: float, repeat: int, limit: int | None = None) -> dict:
    from kg.store.queries import run_query

    best, rows = None, 0
    for _ in range(repeat):
        if timeout:
            signal.setitimer(signal.ITIMER_REAL, timeout)
        start = time.perf_counter()
        try:
            rows = len(run_query(backend, name, params, limit=limit).rows)
        except _Timeout:
            return {"seconds": None, "rows": None}
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        took = time.perf_counter() - start
        best = took if best is None else min(best, took)
        if took > 2:
            break
    return {"seconds": best, "rows": rows}


def _path_figures(dataset, *, pairs: int, seed: int, timeout: float) -> dict:
    try:
        from kg.analytics.paths import shortest_fact_paths
        from kg.analytics.project import to_networkx
    except ImportError:
        return {}
    if timeout:
        signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        start = time.perf_counter()
        G = to_networkx(dataset)
        project_s = time.perf_counter() - start
    except _Timeout:
        return {"project_s": None}
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    rng = random.Random(seed)
    nodes = sorted(G)
    timings = []
    for _ in range(pairs):
        a, b = rng.sample(nodes, 2)
        start = time.perf_counter()
        shortest_fact_paths(G, a, b, max_paths=3)
        timings.append(time.perf_counter() - start)
    return {"project_s": project_s, "path_mean_s": sum(timings) / len(timings), "path_max_s": max(timings),
            "nodes": G.number_of_nodes(), "edges": G.number_of_edges()}


def worker(kind: str, data: Path, *, timeout: float, pairs: int, seed: int, timeouts: dict[str, float] | None = None) -> dict:
    """Load ``data`` with one backend and time everything; returns the figures.

    ``timeouts`` gives some queries a longer timeout than ``timeout`` (rdflib only).
    """
    from kg.store.queries import named_queries

    signal.signal(signal.SIGALRM, _alarm)
    figures: dict = {"backend": kind}
    tmp = None
    start = time.perf_counter()
    if kind == "oxigraph":
        from kg.store.backends import OxigraphBackend
        from kg.store.oxigraph import write_store

        tmp = Path(tempfile.mkdtemp(prefix="kg-bench-"))
        backend = OxigraphBackend.open(write_store(data, tmp))
        repeat, query_timeout = 3, 0.0
    else:
        from rdflib import Dataset

        from kg.store.backends import MemoryBackend

        dataset = Dataset()
        dataset.parse(data, format="nquads")
        backend = MemoryBackend(dataset)
        repeat, query_timeout = 1, timeout
    figures["load_s"] = time.perf_counter() - start
    figures["rss_after_load_mb"] = _rss_mb()
    figures["queries"] = {}
    try:
        questions = [(name, PARAMS[name]) for name in named_queries()] + EXTRA
        for i, (name, params) in enumerate(questions):
            query = named_queries()[name]
            key = name if i < len(named_queries()) else f"{name} " + ", ".join(f"{k}={v}" for k, v in params.items())
            entry: dict = {"name": name, "params": params}
            limit = max(query_timeout, (timeouts or {}).get(key, 0.0)) if query_timeout else 0.0
            entry["question"] = _time_query(backend, name, params, timeout=limit, repeat=repeat)
            entry["timeout"] = limit
            if i < len(named_queries()) and not query.required:
                limit_all = max(query_timeout, (timeouts or {}).get(name + " (all)", 0.0)) if query_timeout else 0.0
                entry["all"] = _time_query(backend, name, {}, timeout=limit_all, repeat=repeat)
                entry["all_timeout"] = limit_all
                if kind == "oxigraph":
                    entry["page"] = _time_query(backend, name, {}, timeout=0.0, repeat=repeat, limit=100)
            figures["queries"][key] = entry
            print(f"[{kind}] {key}: {entry}", file=sys.stderr, flush=True)
        if kind == "oxigraph":
            # The listings as `kg build` leaves them: written beside the store (kg.store.listings).
            from kg.store import listings

            start = time.perf_counter()
            listings.write(backend, tmp)
            figures["listings_s"] = time.perf_counter() - start
            listed = listings.ListedBackend(backend, tmp)  # what a build folder opens as
            for entry in figures["queries"].values():
                if "all" in entry:
                    entry["stored"] = _time_query(listed, entry["name"], {}, timeout=0.0, repeat=repeat)
                    print(f"[{kind}] {entry['name']} stored: {entry['stored']}", file=sys.stderr, flush=True)
        figures["path"] = _path_figures(backend.dataset, pairs=pairs, seed=seed, timeout=300.0 if query_timeout else 0.0)
    finally:
        figures["peak_rss_mb"] = _rss_mb()
        backend.close()
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    return figures


def _run_worker(kind: str, data: Path, args: argparse.Namespace, budget: float, timeouts: dict[str, float] | None = None) -> dict:
    cmd = [sys.executable, __file__, "--worker", kind, "--data", str(data), "--rdflib-timeout", str(args.rdflib_timeout),
           "--pairs", str(args.pairs), "--seed", str(args.seed), "--timeouts", json.dumps(timeouts or {})]
    try:
        done = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, timeout=budget)
    except subprocess.TimeoutExpired:
        return {"backend": kind, "error": f"killed after {budget:.0f} s"}
    if done.returncode != 0:
        return {"backend": kind, "error": f"worker failed with status {done.returncode}"}
    return json.loads(done.stdout)


def _cell(result: dict, timeout: float) -> str:
    if result["seconds"] is None:
        return f">{result.get('timeout') or timeout:.0f} s"
    return f"{result['seconds']:.3f} s"


def _speed(fast: dict, slow: dict | None, slow_timeout: float) -> str:
    if not fast or not fast.get("seconds") or slow is None:
        return ""
    if slow.get("seconds"):
        return f"{slow['seconds'] / fast['seconds']:.0f}×"
    return f">{slow_timeout / fast['seconds']:.0f}×"


def table(ox: dict, rd: dict, timeout: float) -> str:
    from kg.store.queries import named_queries

    REQUIRED_BY_NAME = {name for name, q in named_queries().items() if q.required}
    lines = [
        "| query | parameters | rows | Oxigraph | rdflib | speed-up | listing rows | Oxigraph listing | first 100 rows | stored listing | rdflib listing |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    have_rdflib = "queries" in rd
    for key, q in ox.get("queries", {}).items():
        r = rd.get("queries", {}).get(key, {})
        mark = " (join-heavy)" if q["name"] in JOIN_HEAVY else ""
        params = ", ".join(f"{k}={v}" for k, v in q["params"].items())
        rq = r.get("question") if have_rdflib else None
        cells = [f"{q['name']}{mark}", params, f"{q['question']['rows']:,}" if q["question"]["rows"] is not None else "",
                 _cell(q["question"], timeout),
                 _cell({**rq, "timeout": r.get("timeout")}, timeout) if rq else "n/a",
                 _speed(q["question"], rq, r.get("timeout") or timeout)]
        if "all" in q:
            ra = r.get("all") if have_rdflib else None
            cells += [f"{q['all']['rows']:,}", _cell(q["all"], timeout), _cell(q["page"], timeout),
                      _cell(q["stored"], timeout) if "stored" in q else "",
                      (_cell({**ra, "timeout": r.get("all_timeout")}, timeout) + f" ({_speed(q['all'], ra, r.get('all_timeout') or timeout)})") if ra else "n/a"]
        elif q["name"] in REQUIRED_BY_NAME and "," not in key and " " not in key:
            cells += ["needs a parameter", "", "", "", ""]
        else:
            cells += ["", "", "", "", ""]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def summary(ox: dict, rd: dict) -> str:
    def fig(d: dict, key: str, unit: str, fmt: str = ".1f") -> str:
        value = d.get(key)
        return "n/a" if value is None else f"{value:{fmt}} {unit}"

    rows = ["| | Oxigraph store | rdflib in memory |", "|---|---:|---:|"]
    rows.append(f"| load 1M triples | {fig(ox, 'load_s', 's')} | {fig(rd, 'load_s', 's')} |")
    rows.append(f"| write the listings beside the store (`kg build` does) | {fig(ox, 'listings_s', 's')} | n/a |")
    rows.append(f"| memory after load (max RSS) | {fig(ox, 'rss_after_load_mb', 'MB', '.0f')} | {fig(rd, 'rss_after_load_mb', 'MB', '.0f')} |")
    rows.append(f"| peak memory (max RSS) | {fig(ox, 'peak_rss_mb', 'MB', '.0f')} | {fig(rd, 'peak_rss_mb', 'MB', '.0f')} |")
    po, pr = ox.get("path", {}), rd.get("path", {})
    rows.append(f"| `kg path`: projection to networkx | {fig(po, 'project_s', 's')} | {fig(pr, 'project_s', 's')} |")
    rows.append(f"| `kg path`: shortest paths, mean / max per pair | {fig(po, 'path_mean_s', 's', '.3f')} / {fig(po, 'path_max_s', 's', '.3f')} "
                f"| {fig(pr, 'path_mean_s', 's', '.3f')} / {fig(pr, 'path_max_s', 's', '.3f')} |")
    return "\n".join(rows)


def _generator_digest() -> str:
    """A short hash of the code that writes the synthetic graph, so a changed generator or emit
    stage writes a new file instead of reusing an old one."""
    import hashlib

    import kg

    package = Path(kg.__file__).parent
    sources = [package / "synthetic.py", package / "emit.py", package / "derive.py", package / "ontology.py"]
    return hashlib.sha256(b"".join(p.read_bytes() for p in sources)).hexdigest()[:8]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--rdflib-timeout", type=float, default=60.0, help="seconds per rdflib query")
    parser.add_argument("--pairs", type=int, default=20, help="entity pairs for shortest_fact_paths")
    parser.add_argument("--skip-rdflib", action="store_true")
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--worker", choices=("oxigraph", "rdflib"), help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--timeouts", default="{}", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.worker:
        figures = worker(args.worker, args.data, timeout=args.rdflib_timeout, pairs=args.pairs, seed=args.seed,
                         timeouts=json.loads(args.timeouts))
        json.dump(figures, sys.stdout)
        return

    data = HERE / "out" / f"synth-{args.triples}-{args.seed}-{_generator_digest()}.nq"
    if not data.exists():
        start = time.perf_counter()
        made = synth.write_synthetic(data, triples=args.triples, seed=args.seed)
        print(f"wrote {data}: {made['documents']} documents, {made['triples']} triples in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    with data.open("rb") as fh:
        triples = sum(1 for line in fh if line.strip())
    started = time.perf_counter()
    ox = _run_worker("oxigraph", data, args, budget=900)
    # rdflib gets at least 10x Oxigraph's time on each query, so ">N s" shows whether 10x holds
    longer = {key: 10.5 * q["question"]["seconds"] for key, q in ox.get("queries", {}).items() if q["question"]["seconds"]}
    longer.update({f"{key} (all)": 10.5 * q["all"]["seconds"] for key, q in ox.get("queries", {}).items() if q.get("all", {}).get("seconds")})
    rd = {} if args.skip_rdflib else _run_worker("rdflib", data, args, budget=60 * 60, timeouts=longer)
    elapsed = time.perf_counter() - started
    print(f"{triples:,} triples ({data.name}); Python {sys.version.split()[0]}, {os.cpu_count()} cores; bench took {elapsed / 60:.1f} min\n")
    print(summary(ox, rd) + "\n")
    print(table(ox, rd, args.rdflib_timeout))
    for result in (ox, rd):
        if "error" in result:
            print(f"\n{result['backend']}: {result['error']}")
    if args.json:
        args.json.write_text(json.dumps({"triples": triples, "oxigraph": ox, "rdflib": rd}, indent=2))


if __name__ == "__main__":
    main()
