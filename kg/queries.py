"""Named SPARQL queries shipped with the package (``kg/queries/*.rq``) and how to run them.

Each ``.rq`` file starts with a comment block: its first line ``# name: question``, then the
columns and the parameters it takes (``# Parameters: person (optional) - ...``). Parameters are
bound as initial bindings, never pasted into the query text.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from rdflib import Dataset, Literal, URIRef
from rdflib.query import Result

from kg.errors import QueryError


@dataclass(frozen=True)
class NamedQuery:
    name: str
    question: str
    parameters: tuple[str, ...]
    text: str


_PARAM_LINE = re.compile(r"^#\s*Parameters[^:]*:\s*(.*?)\.?$", re.MULTILINE)


def _parse(name: str, text: str) -> NamedQuery:
    first = text.splitlines()[0].lstrip("# ").strip()
    question = first.split(":", 1)[1].strip() if ":" in first else first
    params: tuple[str, ...] = ()
    m = _PARAM_LINE.search(text)
    if m and not m.group(1).lower().startswith("none"):
        params = tuple(p.strip() for p in m.group(1).split(",") if p.strip())
    return NamedQuery(name, question, params, text)


@functools.lru_cache(maxsize=1)
def named_queries() -> dict[str, NamedQuery]:
    """Every shipped query by name."""
    folder = resources.files("kg") / "queries"
    out = {}
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".rq"):
            name = item.name[:-3]
            out[name] = _parse(name, item.read_text(encoding="utf-8"))
    return out


def get_query(name: str) -> NamedQuery:
    queries = named_queries()
    if name not in queries:
        raise QueryError(f"unknown query {name!r}; known queries: {', '.join(queries)}")
    return queries[name]


def read_query_text(query_or_file: str) -> str:
    """SPARQL text from a string, or from a file if ``query_or_file`` names one."""
    path = Path(query_or_file)
    if len(query_or_file) < 512 and "\n" not in query_or_file and path.suffix in {".rq", ".sparql"}:
        if not path.is_file():
            raise QueryError(f"{path}: no such query file (give SPARQL text or the path of a .rq file)")
        return path.read_text(encoding="utf-8")
    return query_or_file


def bindings(query: NamedQuery, params: dict[str, str]) -> dict[str, Literal]:
    """Parameter values as initial bindings; unknown parameter names are an error."""
    unknown = sorted(set(params) - set(query.parameters))
    if unknown:
        allowed = ", ".join(query.parameters) or "none"
        raise QueryError(f"query {query.name!r} takes no parameter {', '.join(unknown)}; it takes: {allowed}")
    return {k: Literal(v) for k, v in params.items()}


def run_sparql(dataset: Dataset, text: str, init: dict | None = None) -> list[dict[str, str]]:
    """Run a SELECT query on ``dataset``; rows as dicts of plain strings (IRIs as strings)."""
    try:
        result: Result = dataset.query(text, initBindings=init or {})
    except Exception as exc:  # rdflib raises pyparsing and many other error types
        raise QueryError(f"SPARQL query failed: {exc}") from exc
    if result.type != "SELECT":
        raise QueryError("only SELECT queries give rows; use a SELECT query")
    names = [str(v) for v in result.vars]
    rows = []
    for row in result:
        rows.append({n: _plain(row[i]) for i, n in enumerate(names)})
    return rows


def _plain(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, (Literal, URIRef)):
        return str(term)
    return str(term)


def run_named(dataset: Dataset, name: str, params: dict[str, str] | None = None) -> list[dict[str, str]]:
    query = get_query(name)
    return run_sparql(dataset, query.text, bindings(query, params or {}))
