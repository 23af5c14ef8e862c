"""Ingest: article files to ``kg.model.Document``.

``load_document`` reads one file, choosing the reader by its suffix; ``iter_input_files``
turns the paths a user gives (files and directories) into the list of files to read.

- ``text``: ``.txt`` and Markdown, with optional YAML front matter (``title``, ``published``,
  ``source``); ``original`` is the decoded file.
- ``html``: saved web pages; ``original`` is the extracted main text.
- ``normalize``: typography and whitespace, with the offset map back to ``original``.

Every problem with an input is an ``kg.errors.InputError`` naming the file.
"""

from __future__ import annotations

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

    Raises ``InputError`` for an unsupported suffix, a missing, empty, binary or undecodable
    file, broken front matter, or a page without article text.
    """
    path = Path(path)
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
    files and directories and gold annotations (``*.gold.yaml``) are skipped. A file given
    explicitly must have a supported suffix.

    Raises ``InputError`` when a path does not exist or a file's type is not supported.
    """
    found: list[Path] = []
    seen: set[Path] = set()
    for given in inputs:
        path = Path(given)
        if path.is_dir():
            candidates = _directory_files(path)
        elif path.exists():
            if path.suffix.lower() not in SUPPORTED_SUFFIXES:
                raise InputError(path, f"unsupported file type {path.suffix or '(no suffix)'!r}", hint=f"supported: {_supported()}")
            candidates = [path]
        else:
            raise InputError(path, "no such file or directory", hint="check the path")
        for candidate in candidates:
            key = candidate.resolve()
            if key not in seen:
                seen.add(key)
                found.append(candidate)
    return found


def _directory_files(directory: Path) -> list[Path]:
    try:
        paths = sorted(directory.rglob("*"))
    except OSError as error:
        raise InputError(directory, f"cannot list the directory: {error.strerror or error}", hint="check its permissions") from error
    files = []
    for path in paths:
        relative = path.relative_to(directory)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.name.lower().endswith(_GOLD_SUFFIX) or path.suffix.lower() not in SUPPORTED_SUFFIXES:
            continue
        if path.is_file():
            files.append(path)
    return files


def _supported() -> str:
    return ", ".join(SUPPORTED_SUFFIXES)
