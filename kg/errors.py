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
        where = f"{self.path}:{line}" if line else str(self.path)
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
