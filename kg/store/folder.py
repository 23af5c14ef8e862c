"""A build folder (``kg build -o OUT``): its layout, who may write it, and how it changes as a whole.

What a build leaves in ``OUT``::

    graph.trig  graph.ttl  store/  listings/  build-report.json   the build, consistent with itself
    .graph.trig.index  .graph.ttl.index                            where each graph's block of the files starts
    .kg.lock                                                       held by the command writing OUT

and, only while a command runs or after one was killed::

    .staging-TOKEN/   a new build being written; nothing outside it changes until it is complete
    .switch           written once the staged build is complete: "replace the build by .staging-TOKEN"
    .pending          written before kg add / kg remove change the store: "the files lag the store"

Guarantees (``tests/test_build_folder.py``):

- **One writer at a time.** ``kg build``, ``kg add`` and ``kg remove`` hold an exclusive lock on
  ``OUT/.kg.lock``; a second writer waits for the first (and says so), then runs.
- **A build switches as a whole.** A new build is written into ``.staging-TOKEN/``; ``.switch`` is
  written when it is complete, then each item replaces the old one. A command killed before
  ``.switch`` leaves the old build untouched; killed after, the next command on ``OUT`` finishes
  the switch. Either way ``OUT`` never stays a mix of two builds.
- **Files follow the store.** ``kg add``/``kg remove`` change the store in place (one transaction
  per document); ``.pending`` says the files (TriG, Turtle, listings) must be written again from
  the store, which the command does last and the next command does if it was killed.
- Stale temporaries of killed commands are deleted by the next writer.
- Files and folders the user put in ``OUT`` (``graph.html`` from ``kg viz``, say) are kept.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from kg.errors import GraphError, OutputError
from kg.store.listings import LISTINGS_NAME
from kg.store.files import make_dir
from kg.store.graph_files import INDEX_NAMES
from kg.store.oxigraph import STORE_NAME, TRIG_NAME, TURTLE_NAME

REPORT_NAME = "build-report.json"
ITEMS = (TRIG_NAME, TURTLE_NAME, *INDEX_NAMES, STORE_NAME, LISTINGS_NAME, REPORT_NAME)
"""What one build consists of, in the order a switch replaces them."""

LOCK_NAME = ".kg.lock"
SWITCH_NAME = ".switch"
PENDING_NAME = ".pending"
STAGING_PREFIX = ".staging-"
RETIRED_PREFIX = ".old-"
STALE_PATTERNS = (
    f"{STAGING_PREFIX}*",
    f"{RETIRED_PREFIX}*",
    ".store.*.tmp",
    ".store.*.old",
    ".listings.*.tmp",
    ".listings.*.old",
    *(f".{name}.*.tmp" for name in (TRIG_NAME, TURTLE_NAME, *INDEX_NAMES, REPORT_NAME)),
)
"""Temporaries that kg's writers leave only when killed; the next writer deletes them."""


@dataclass(frozen=True)
class BuildFolder:
    """The build folder at ``path`` (which need not exist yet)."""

    path: Path

    @property
    def trig(self) -> Path:
        return self.path / TRIG_NAME

    @property
    def turtle(self) -> Path:
        return self.path / TURTLE_NAME

    @property
    def store(self) -> Path:
        return self.path / STORE_NAME

    @property
    def listings(self) -> Path:
        return self.path / LISTINGS_NAME

    @property
    def report(self) -> Path:
        return self.path / REPORT_NAME

    def has_build(self) -> bool:
        return self.trig.is_file() or self.store.is_dir()

    def needs_repair(self) -> bool:
        """A killed command left a switch to finish or files to bring up to date."""
        return (self.path / SWITCH_NAME).exists() or (self.path / PENDING_NAME).exists()

    def check_writable(self) -> None:
        """Refuse a path that is not a folder (a regular file, a device, a link to either)."""
        if self.path.exists() and not self.path.is_dir():
            raise OutputError(self.path, "is not a folder", hint="give -o a folder to write the build into")

    # -- the lock ---------------------------------------------------------------------------

    @contextmanager
    def writing(self, command: str, *, on_wait: Callable[[str], None] | None = None) -> Iterator["BuildFolder"]:
        """Hold the folder's write lock (waiting for another writer), repair what a killed command
        left, and yield the folder."""
        self.check_writable()
        make_dir(self.path)
        with _exclusive_lock(self.path / LOCK_NAME, command, on_wait):
            self.repair()
            yield self

    @contextmanager
    def if_free(self, command: str) -> Iterator[bool]:
        """For readers that would write a cache (a listing): hold the write lock if no writer holds
        it and the build is consistent, and say whether it is held; never waits."""
        try:
            lock = _try_lock(self.path / LOCK_NAME, command) if not self.needs_repair() else None
        except OSError:  # a folder the reader may not write to
            lock = None
        try:
            yield lock is not None
        finally:
            if lock is not None:
                lock.close()

    def repair_if_free(self) -> None:
        """For readers: repair what a killed command left, unless a writer is at work (it will)."""
        if not self.needs_repair():
            return
        lock = _try_lock(self.path / LOCK_NAME, "repair")
        if lock is None:
            return
        try:
            self.repair()
        finally:
            lock.close()

    # -- switching builds -------------------------------------------------------------------

    def stage(self) -> Path:
        """A new, empty staging folder for a build (call while holding the lock)."""
        return make_dir(self.path / f"{STAGING_PREFIX}{secrets.token_hex(6)}")

    def switch_to(self, staging: Path) -> None:
        """Make the complete build in ``staging`` this folder's build (call while holding the lock)."""
        items = [name for name in ITEMS if (staging / name).exists()]
        _write_marker(self.path / SWITCH_NAME, {"staging": staging.name, "items": items})
        self._finish_switch(staging, items)

    def discard(self, staging: Path) -> None:
        """Delete a staged build that will not be switched in (the folder keeps its build)."""
        _remove(staging)

    def _finish_switch(self, staging: Path, items: list[str]) -> None:
        """Move ``items`` of the staged build in (those a killed switch moved already are not in
        ``staging`` any more); an item the new build has not (graph.trig of a build without files)
        goes."""
        for name in ITEMS:
            if name not in items:
                _remove(self.path / name)
            elif (staging / name).exists():
                _replace(staging / name, self.path / name)
        shutil.rmtree(staging, ignore_errors=True)
        (self.path / SWITCH_NAME).unlink(missing_ok=True)

    # -- changing the store in place (kg add, kg remove) -------------------------------------

    @contextmanager
    def changing_store(self) -> Iterator[None]:
        """Mark the files as lagging the store while the body changes it; the body ends by writing
        them (``refresh``), and the mark goes only then."""
        _write_marker(self.path / PENDING_NAME, {"since": "store changed, files not yet written"})
        yield
        (self.path / PENDING_NAME).unlink(missing_ok=True)

    # -- repair ----------------------------------------------------------------------------

    def repair(self) -> None:
        """Finish a switch a killed command began, bring files up to date, delete stale temporaries."""
        switch = self.path / SWITCH_NAME
        if switch.exists():
            marker = _read_marker(switch)
            staging = self.path / str(marker.get("staging", ""))
            items = marker.get("items", list(ITEMS))
            if staging.name.startswith(STAGING_PREFIX) and staging.is_dir() and isinstance(items, list):
                self._finish_switch(staging, [str(name) for name in items])
            switch.unlink(missing_ok=True)
        for pattern in STALE_PATTERNS:
            for stale in self.path.glob(pattern):
                _remove(stale)
        if (self.path / PENDING_NAME).exists():
            from kg.store.backends import OxigraphBackend

            if self.store.is_dir():
                backend = OxigraphBackend.open(self.store, writable=True)
                try:
                    refresh(self, backend)
                finally:
                    backend.close()
            (self.path / PENDING_NAME).unlink(missing_ok=True)


def refresh(folder: BuildFolder, backend, changed: list[str] | None = None) -> dict[str, Path]:
    """Write the folder's TriG and Turtle again from its store (``backend``), if it has them (a
    build without files stays without): only the ``changed`` graphs are serialised anew, the
    other graphs' blocks are copied. Its listings were deleted before the store changed; each is
    written again by the first query that asks for it (``kg.store.listings.ListedBackend``), so a
    change costs what the changed documents cost, not a walk of the whole graph."""
    from kg.store.graph_files import splice_files, write_files_from_store

    backend.flush()
    if not folder.trig.exists():
        return {}
    if changed is None:  # after a killed command: which graphs changed is not known
        return write_files_from_store(backend.store, folder.path)
    return splice_files(backend.store, folder.path, changed)


# -- helpers ------------------------------------------------------------------------------


class _Lock:
    def __init__(self, fd: int):
        self.fd = fd

    def close(self) -> None:
        os.close(self.fd)  # closing the descriptor releases the flock


def _open_lock_file(path: Path) -> int:
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as exc:
        raise OutputError(path.parent, f"cannot write here ({exc.strerror})", hint="choose a folder you can write to") from exc


def _holder(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        record = json.loads(os.read(fd, 4096) or b"{}")
        return f"{record.get('command', 'kg')} (pid {record.get('pid', '?')})"
    except (OSError, ValueError, AttributeError):
        return "another kg command"


def _record_holder(fd: int, command: str) -> None:
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, json.dumps({"pid": os.getpid(), "command": command}).encode())


def _try_lock(path: Path, command: str) -> _Lock | None:
    import fcntl

    fd = _open_lock_file(path)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    _record_holder(fd, command)
    return _Lock(fd)


@contextmanager
def _exclusive_lock(path: Path, command: str, on_wait: Callable[[str], None] | None) -> Iterator[None]:
    import fcntl

    lock = _try_lock(path, command)
    if lock is None:
        fd = _open_lock_file(path)
        if on_wait is not None:
            on_wait(f"{path.parent}: {_holder(fd)} is writing this build folder; waiting for it to finish")
        fcntl.flock(fd, fcntl.LOCK_EX)
        _record_holder(fd, command)
        lock = _Lock(fd)
    try:
        yield
    finally:
        lock.close()


def _write_marker(path: Path, record: dict) -> None:
    from kg.store.files import atomic_write

    atomic_write(path, json.dumps(record))


def _read_marker(path: Path) -> dict:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return record if isinstance(record, dict) else {}


def _replace(new: Path, final: Path) -> None:
    """Put ``new`` (a file or folder) at ``final``, replacing what is there."""
    if new.is_dir() and final.exists():
        retired = final.parent / f"{RETIRED_PREFIX}{secrets.token_hex(6)}"
        os.replace(final, retired)
        os.replace(new, final)
        _remove(retired)
    else:
        os.replace(new, final)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def open_folder(path: Path) -> BuildFolder:
    """The build folder at ``path`` for reading: what a killed writer left is repaired first (when
    no writer is at work)."""
    folder = BuildFolder(path)
    if path.is_dir():
        folder.repair_if_free()
    elif not path.exists():
        raise GraphError(f"{path}: no built graph here; run `kg build -o {path}` first")
    return folder


__all__ = ["BuildFolder", "ITEMS", "open_folder", "refresh"]
