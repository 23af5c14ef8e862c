"""Ingest: article files to ``kg.model.Document``.

``load_document`` reads one file, choosing the reader by its suffix; ``iter_input_files``
turns the paths a user gives (files and directories) into the list of files to read.

- ``text``: ``.txt`` and Markdown, with optional YAML front matter (``title``, ``published``,
  ``source``); ``original`` is the decoded file.
- ``html``: saved web pages; ``original`` is the extracted main text.
- ``normalize``: typography and whitespace, with the offset map back to ``original``.
- ``forms``: real text forms, after normalising: hard wraps undone (``unwrap``), captions,
  credits, bylines and press-release boilerplate cut out (``boilerplate``, patterns in
  ``kg/data/boilerplate.yaml``), a wire dateline's capitalised place written as a name
  (``dateline``). The offset map still leads back to the file, so evidence quotes it as written.

Every problem with an input is an ``kg.errors.InputError`` naming the file.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from pathlib import Path

from kg.errors import InputError
from kg.model import Document

SUPPORTED_SUFFIXES: dict[str, str] = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
}
_GOLD_SUFFIX = ".gold.yaml"

__all__ = ["SUPPORTED_SUFFIXES", "iter_input_files", "load_document"]


def load_document(path: Path) -> Document:
    """Read one article file into a ``Document`` (``doc_id`` is the file name without suffix).

    Raises ``InputError`` for an unsupported suffix, a missing, unreadable, empty, binary or
    undecodable file, broken front matter, or a page without article text, and for a folder
    (``iter_input_files`` lists one it cannot read so that reading it reports why).
    """
    path = Path(path)
    if path.is_dir():
        raise _folder_error(path)
    kind = SUPPORTED_SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise InputError(path, f"unsupported file type {path.suffix or '(no suffix)'!r}", hint=f"supported: {_supported()}")
    if kind == "html":
        from kg.ingest.html import load_html

        return load_html(path)
    from kg.ingest.text import load_text

    return load_text(path, "md" if kind == "md" else "txt")


def iter_input_files(inputs: Sequence[Path]) -> list[Path]:
    """The article files named by ``inputs``, in order, each once.

    A directory stands for the supported files under it, recursively, sorted by path; hidden
    files and directories and gold annotations (``*.gold.yaml``) are skipped. A directory under
    it that cannot be listed (no permission) is in the list in its place, so that reading it
    (``load_document``) reports it as one failure while the other files still build. A file
    given explicitly must have a supported suffix.

    Raises ``InputError`` when a path does not exist or cannot be reached, or a file's type is
    not supported.
    """
    found: list[Path] = []
    seen: set[Path] = set()
    for given in inputs:
        path = Path(given)
        if _is_directory(path):
            candidates = _directory_files(path)
        else:
            if path.suffix.lower() not in SUPPORTED_SUFFIXES:
                raise InputError(path, f"unsupported file type {path.suffix or '(no suffix)'!r}", hint=f"supported: {_supported()}")
            candidates = [path]
        for candidate in candidates:
            key = candidate.resolve()
            if key not in seen:
                seen.add(key)
                found.append(candidate)
    return found


def _is_directory(path: Path) -> bool:
    """Whether ``path`` is a directory; ``InputError`` if it does not exist or cannot be reached."""
    try:
        return stat.S_ISDIR(path.stat().st_mode)
    except (FileNotFoundError, NotADirectoryError) as error:
        raise InputError(path, "no such file or directory", hint="check the path") from error
    except OSError as error:
        raise InputError(path, f"cannot reach the path: {error.strerror or error}", hint="check the permissions of the folders above it") from error


def _directory_files(directory: Path) -> list[Path]:
    """The article files under ``directory`` and the directories under it that cannot be listed."""
    found: list[Path] = []

    def unreadable(error: OSError) -> None:
        found.append(Path(error.filename))

    for folder, subfolders, names in os.walk(directory, onerror=unreadable):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        for name in names:
            path = Path(folder, name)
            if not name.startswith(".") and _is_article_name(name) and path.is_file():
                found.append(path)
    return sorted(found)


def _is_article_name(name: str) -> bool:
    lower = name.lower()
    return not lower.endswith(_GOLD_SUFFIX) and Path(lower).suffix in SUPPORTED_SUFFIXES


def _folder_error(path: Path) -> InputError:
    try:
        with os.scandir(path) as entries:
            next(entries, None)
    except OSError as error:
        return InputError(path, f"cannot list the folder: {error.strerror or error}", hint="check its permissions; the files outside it still build")
    return InputError(path, "is a folder, not a file", hint="pass the files inside it, or the folder as an input")


def _supported() -> str:
    return ", ".join(SUPPORTED_SUFFIXES)
