"""Named SPARQL queries shipped with the package (``kg/queries/*.rq``) and how to run them.

Each ``.rq`` file starts with a comment block: its first line ``# name: question``, then the
columns, then ``# Parameters (all optional, bound as literals): a, b.``. A parameter ``a`` is the
variable ``?param_a`` of the query: bound as an initial value (rdflib ``initBindings``, Oxigraph
``substitutions``), never pasted into the text, and unbound when not given. The query projects
it (Oxigraph substitutes projected variables only) and :func:`run_query` drops it from the rows.

Parameter values are checked before the query runs: ``from``, ``to`` and ``as_of`` are a year or
an ISO date (``1990``, ``1990-07``, ``1990-07-15``); ``type`` and ``status`` come from the
ontology's closed lists. Other parameters are labels (entities, documents) and any text is
allowed; a label that matches nothing gives no rows, and :mod:`kg.diagnose` says why.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Dataset, Literal

from kg.errors import QueryError
from kg.ontology import ENTITY_TYPES, EVENT_TYPES, STATUSES

if TYPE_CHECKING:
    from kg.backends import Backend, Table
    from kg.inference import Entailment

PARAM_PREFIX = "param_"
"""A parameter ``a`` is the query variable ``?param_a``."""
DATE_PARAMETERS = frozenset({"from", "to", "as_of"})
"""Parameters that take a year or an ISO date, compared at the precision given."""
CHOICE_PARAMETERS: dict[str, tuple[str, ...]] = {
    "type": (*ENTITY_TYPES, *EVENT_TYPES, "Other"),
    "status": STATUSES,
}
"""Parameters whose value comes from a closed list (compared case-insensitively)."""


@dataclass(frozen=True)
class NamedQuery:
    name: str
    question: str
    parameters: tuple[str, ...]
    text: str


_PARAM_LINE = re.compile(r"^#\s*Parameters[^:]*:\s*(.*?)\.?$", re.MULTILINE)
_ISO_PREFIX = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


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


def check_value(name: str, value: str) -> str:
    """``value`` of the parameter ``name`` if it is well formed, else a QueryError saying what to give."""
    if name in DATE_PARAMETERS:
        ok = bool(_ISO_PREFIX.match(value))
        if ok:
            parts = [int(p) for p in value.split("-")]
            try:
                date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
            except ValueError:
                ok = False
        if not ok:
            raise QueryError(f"parameter {name}={value!r}: give a year or an ISO date, e.g. {name}=1990, {name}=1990-07 or {name}=1990-07-15")
    choices = CHOICE_PARAMETERS.get(name)
    if choices and value.lower() not in {c.lower() for c in choices}:
        raise QueryError(f"parameter {name}={value!r}: not a known {name}; use one of {', '.join(choices)}")
    return value


def bindings(query: NamedQuery, params: Mapping[str, object]) -> dict[str, Literal]:
    """Parameter values as initial bindings of ``?param_<name>``; unknown names and bad values are errors."""
    unknown = sorted(set(params) - set(query.parameters))
    if unknown:
        allowed = ", ".join(query.parameters) or "none"
        raise QueryError(f"query {query.name!r} takes no parameter {', '.join(unknown)}; it takes: {allowed}")
    return {PARAM_PREFIX + k: Literal(check_value(k, str(v))) for k, v in params.items()}


def _backend(source: "Backend | Dataset", infer: "Entailment | None") -> "Backend":
    from kg.backends import MemoryBackend, as_backend

    backend = as_backend(source)
    if infer is None:
        return backend
    from kg.inference import infer as closure

    return MemoryBackend(closure(backend.to_memory(), entailment=infer))


def run_query(
    source: "Backend | Dataset",
    name: str,
    params: Mapping[str, object] | None = None,
    *,
    infer: "Entailment | None" = None,
) -> "Table":
    """Run the named query ``name`` on ``source`` (a backend or an rdflib dataset).

    ``infer`` (``"rdfs"`` or ``"owl-rl"``) first closes a copy of the graph under the ontology.
    """
    query = get_query(name)
    init = bindings(query, params or {})
    return _backend(source, infer).select(query.text, init).without(PARAM_PREFIX)


def run_select(source: "Backend | Dataset", text: str, *, infer: "Entailment | None" = None) -> "Table":
    """Run an ad hoc SELECT query on ``source``."""
    return _backend(source, infer).select(text)


def run_sparql(dataset: "Backend | Dataset", text: str, init: dict | None = None) -> list[dict[str, str]]:
    """Run a SELECT query; rows as dicts of plain strings (IRIs as strings)."""
    from kg.backends import as_backend

    return as_backend(dataset).select(text, init or {}).rows


def run_named(dataset: "Backend | Dataset", name: str, params: Mapping[str, object] | None = None) -> list[dict[str, str]]:
    """Rows of the named query ``name`` (see :func:`run_query`)."""
    return run_query(dataset, name, params).rows
