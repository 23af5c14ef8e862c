"""Domain exceptions. Each message names the file (and line where it applies) and what to do.

The CLI prints ``str(error)`` as one line and exits non-zero; nothing else formats errors.
"""

from __future__ import annotations

from pathlib import Path


class KgError(Exception):
    """Base class of every error a user can act on."""


class InputError(KgError):
    """An input file is missing, unreadable or malformed."""

    def __init__(self, path: Path | str, problem: str, *, line: int | None = None, hint: str = ""):
        self.path = Path(path)
        self.problem = problem
        self.line = line
        self.hint = hint
        where = f"{shown_path(self.path)}:{line}" if line else shown_path(self.path)
        message = f"{where}: {problem}"
        if hint:
            message += f" ({hint})"
        super().__init__(message)


class DataError(KgError):
    """Shipped or user-supplied reference data (gazetteer, gold files, queries) is malformed."""


class GraphError(KgError):
    """A built graph is missing, unreadable, or does not hold what was asked for."""


class QueryError(KgError):
    """A named query or SPARQL text is unknown, malformed, or given bad parameters."""


class OutputError(KgError):
    """A place kg was asked to write cannot take the output (not a regular file, not writable...)."""

    def __init__(self, path: Path | str, problem: str, *, hint: str = ""):
        self.path = Path(path)
        message = f"{shown_path(self.path)}: {problem}"
        if hint:
            message += f" ({hint})"
        super().__init__(message)


def shown_path(path: Path | str) -> str:
    """A path as a message shows it: as is, or quoted with escapes when it holds a control character
    (a newline in a file name must not start a new line of output)."""
    text = str(path)
    if text == "":
        return "''"
    if any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in text):
        return repr(text)
    return text


class QueryTimeout(QueryError):
    """A query ran past its time limit and was given up."""


class FederatedQueryRefused(QueryError):
    """A query asks a remote endpoint (``SERVICE``), which kg does not do unless allowed."""
