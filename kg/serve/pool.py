"""Query workers: processes that each hold the store open, so a runaway query can be stopped.

Oxigraph evaluates a query in native code that cannot be interrupted, and a query given up in a
thread (``kg.store.backends.within``) would keep a core busy until it ends: on a small server, one
cartesian product would slow every other client for hours. So every query runs in one of a few
worker processes (:mod:`kg.serve.tasks`); a task that outlives its time limit has its worker
killed and replaced, and its client gets a clear error at once. The other workers go on
answering the other clients meanwhile.

The web server (asyncio) hands a task to an idle worker from a thread of its own, so the event
loop never waits on a worker. A request that finds every worker busy waits for one, within the
same time limit.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import GraphError, KgError, QueryTimeout

START_TIMEOUT = 120.0
"""Seconds a new worker may take to import kg and open the store."""
QUEUE_TIMEOUT = 120.0
"""Seconds a request may wait for an idle worker before the server says it is too busy."""


class TaskError(KgError):
    """A task failed in its worker: the message for the client and the HTTP status."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.headers = headers or {}


def _worker_main(conn, out: str, max_rows: int) -> None:  # runs in the worker process
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the server, which stops us
    from kg.serve.tasks import WorkerState, run_task, status_of

    state = WorkerState(Path(out), max_rows=max_rows)
    try:
        state.backend  # noqa: B018 - open the store now, so a failure shows at start
        conn.send(("ready", None))
    except KgError as exc:
        conn.send(("failed", str(exc)))
        return
    while True:
        try:
            task, args = conn.recv()
        except (EOFError, OSError):  # the server is gone
            return
        try:
            reply = ("ok", run_task(state, task, args))
        except KgError as exc:
            reply = ("error", status_of(exc), str(exc), getattr(exc, "headers", {}))
        except Exception as exc:  # noqa: BLE001 - a bug: the client gets a 500, the worker lives on
            reply = ("error", 500, f"unexpected {type(exc).__name__} in kg serve: {exc}; please report it", {})
        try:
            conn.send(reply)
        except (EOFError, OSError, BrokenPipeError):
            return


@dataclass
class _Worker:
    process: Any
    conn: Any


class WorkerPool:
    """``size`` worker processes over the build folder ``out``; start with :meth:`start`."""

    def __init__(self, out: Path, *, size: int = 2, max_rows: int = 50_000):
        if size < 1:
            raise GraphError(f"--workers {size}: give 1 or more")
        self.out = Path(out)
        self.size = size
        self.max_rows = max_rows
        self._context = multiprocessing.get_context("spawn")
        self._idle: asyncio.Queue | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._workers: list[_Worker] = []
        self._lock = threading.Lock()
        self._executor = ThreadPoolExecutor(max_workers=size + 2, thread_name_prefix="kg-serve")
        self.restarts = 0
        self._closed = False

    # -- life cycle ------------------------------------------------------------------------

    def _spawn(self) -> _Worker:
        parent, child = self._context.Pipe()
        process = self._context.Process(target=_worker_main, args=(child, str(self.out), self.max_rows), daemon=True, name="kg-serve-worker")
        process.start()
        child.close()
        if not parent.poll(START_TIMEOUT):
            process.kill()
            raise GraphError(f"{self.out}: a query worker did not start within {START_TIMEOUT:g} s")
        try:
            kind, detail = parent.recv()
        except EOFError as exc:
            raise GraphError(f"{self.out}: a query worker stopped while opening the store (exit code {process.exitcode})") from exc
        if kind != "ready":
            process.join(5)
            raise GraphError(str(detail))
        worker = _Worker(process, parent)
        with self._lock:
            self._workers.append(worker)
        return worker

    def start(self) -> None:
        """Start the workers (in parallel) and wait until each has opened the store."""
        from concurrent.futures import ThreadPoolExecutor as Starter

        with Starter(max_workers=self.size) as starter:
            futures = [starter.submit(self._spawn) for _ in range(self.size)]
            errors = [f.exception() for f in futures]
        failed = [e for e in errors if e is not None]
        if failed:
            self.close()
            raise failed[0]

    async def attach(self) -> None:
        """Put the started workers at the disposal of the running event loop."""
        self._loop = asyncio.get_running_loop()
        self._idle = asyncio.Queue()
        for worker in list(self._workers):
            self._idle.put_nowait(worker)

    def close(self) -> None:
        """Stop every worker."""
        self._closed = True
        with self._lock:
            workers, self._workers = self._workers, []
        for worker in workers:
            _stop(worker)
        self._executor.shutdown(wait=False, cancel_futures=True)

    # -- tasks -----------------------------------------------------------------------------

    async def run(self, task: str, args: dict[str, Any], *, timeout: float, queue_timeout: float = QUEUE_TIMEOUT) -> Any:
        """The result of ``task`` in a worker; ``QueryTimeout`` when it runs longer than ``timeout``
        seconds (the worker is then replaced) or finds no idle worker within ``queue_timeout``
        seconds, ``TaskError`` when the task failed. The time limit counts from the moment a
        worker takes the task, so a busy server makes clients wait, not fail."""
        assert self._idle is not None and self._loop is not None, "attach() the pool first"
        loop = self._loop
        try:
            worker = await asyncio.wait_for(self._idle.get(), queue_timeout)
        except asyncio.TimeoutError as exc:
            raise QueryTimeout(f"every query worker stayed busy for {queue_timeout:g} s; try again later") from exc
        reply = await loop.run_in_executor(self._executor, self._exchange, worker, task, args, timeout)
        if reply[0] == "ok":
            return reply[1]
        if reply[0] == "timeout":
            raise QueryTimeout(f"the query ran longer than {timeout:g} s and was stopped; narrow it (a LIMIT, more specific patterns)")
        if reply[0] == "crashed":
            raise TaskError(500, "the query worker stopped unexpectedly; try again, and report it if it happens again")
        _, status, message, headers = reply
        raise TaskError(status, message, headers)

    def _exchange(self, worker: _Worker, task: str, args: dict[str, Any], timeout: float) -> tuple:
        """In an executor thread: send the task, wait for the answer, give the worker back (or
        replace it when it ran out of time or died)."""
        try:
            worker.conn.send((task, args))
            if worker.conn.poll(timeout):
                reply = worker.conn.recv()
                self._give_back(worker)
                return reply
            outcome: tuple = ("timeout",)
        except (EOFError, OSError):
            outcome = ("crashed",)
        self._replace(worker)
        return outcome

    def _give_back(self, worker: _Worker) -> None:
        if self._loop is not None and self._idle is not None and not self._closed:
            self._loop.call_soon_threadsafe(self._idle.put_nowait, worker)

    def _replace(self, worker: _Worker) -> None:
        with self._lock:
            if worker in self._workers:
                self._workers.remove(worker)
        _stop(worker)
        self.restarts += 1
        if self._closed:
            return
        try:
            fresh = self._spawn()
        except KgError:
            return  # the store went away; the remaining workers keep answering or failing
        self._give_back(fresh)

    def pids(self) -> list[int]:
        with self._lock:
            return [w.process.pid for w in self._workers]


def _stop(worker: _Worker) -> None:
    try:
        worker.conn.close()
    except OSError:
        pass
    if worker.process.is_alive():
        worker.process.kill()
    worker.process.join(10)
