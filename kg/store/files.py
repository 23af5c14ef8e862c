"""Where kg writes files: atomically, with the old file's mode or the umask, never through a
symbolic link or onto a device; folders created as ``mkdir -p`` would and replaced whole.

An interrupted write never leaves a half-written file behind: data goes to a temporary file in
the target folder and is renamed into place.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from kg.errors import OutputError


def atomic_write(path: Path, data: bytes | str) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename (see :func:`atomic_writer`)."""
    with atomic_writer(path) as fh:
        fh.write(data.encode("utf-8") if isinstance(data, str) else data)


@contextlib.contextmanager
def atomic_writer(path: Path) -> Iterator[BinaryIO]:
    """A binary file to write ``path`` with: a temporary file, renamed into place when the block ends.

    The file gets the mode an ordinary write would give it (the old file's, else what the umask
    allows). A path that exists but is not a regular file (a folder, a device, a symbolic link) is
    refused rather than replaced; an unwritable place is an ``OutputError`` naming it. If the block
    fails, the old file stays and the temporary one is deleted.
    """
    _check_file_target(path)
    make_dir(path.parent)
    mode = path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~_umask()
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(path, f"cannot write here ({exc.strerror})", hint="choose a place you can write to") from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(path, f"cannot write it ({exc.strerror})", hint="check the disk and the permissions") from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _check_file_target(path: Path) -> None:
    if str(path) in ("", "."):
        raise OutputError(path, "is not a file name", hint="name the file to write")
    if path.is_symlink():
        raise OutputError(path, "is a symbolic link; kg does not replace links", hint="name a regular file")
    if path.exists() and not stat.S_ISREG(path.stat().st_mode):
        kind = "a folder" if path.is_dir() else "not a regular file"
        raise OutputError(path, f"is {kind}; kg writes only regular files", hint="name a file to write")


def make_dir(path: Path) -> Path:
    """Create the folder ``path`` (and its parents) as ``mkdir -p`` would; an ``OutputError`` if
    that is not possible."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except FileExistsError as exc:
        raise OutputError(path, "is not a folder", hint="choose another path") from exc
    except OSError as exc:
        raise OutputError(path, f"cannot create this folder ({exc.strerror})", hint="choose a place you can write to") from exc
    return path


def make_temp_dir(parent: Path, prefix: str) -> Path:
    """A new empty folder in ``parent`` with the mode ``mkdir`` would give it (not ``mkdtemp``'s 0700)."""
    make_dir(parent)
    try:
        path = Path(tempfile.mkdtemp(prefix=prefix, suffix=".tmp", dir=parent))
    except OSError as exc:
        raise OutputError(parent, f"cannot write here ({exc.strerror})", hint="choose a place you can write to") from exc
    os.chmod(path, 0o777 & ~_umask())
    return path


@functools.lru_cache(maxsize=1)
def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def swap_in(new: Path, final: Path) -> None:
    """Rename the folder ``new`` to ``final``, replacing (then deleting) any folder there."""
    if not final.exists():
        os.replace(new, final)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{final.name}.", suffix=".old", dir=final.parent))
    os.replace(final, old / final.name)
    try:
        os.replace(new, final)
    except BaseException:
        os.replace(old / final.name, final)
        raise
    finally:
        shutil.rmtree(old, ignore_errors=True)

