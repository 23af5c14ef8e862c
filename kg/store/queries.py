"""Named SPARQL queries shipped with the package (``kg/store/queries/*.rq``) and how to run them.

Each ``.rq`` file starts with a comment block: its first line ``# name: question``, then the
columns, then ``# Parameters (bound as literals): a, b (required).``. A parameter ``a`` is the
variable ``?param_a`` of the query: bound as an initial value (rdflib ``initBindings``, Oxigraph
``substitutions``), never pasted into the text, and unbound when not given. The query projects
it (Oxigraph substitutes projected variables only) and :func:`run_query` drops it from the rows.

A parameter that names something (an entity, a document) sits in a triple pattern of the query
(``?person rdfs:label ?param_person``), so the store starts from it: a question about one entity
reads that entity's facts, not the whole graph. Names compare case-insensitively: the value is
first resolved to the labels the graph spells that way (an exact match costs one index lookup;
only a differently cased name scans the labels), and the query runs once per spelling found.

Other values are checked before the query runs: ``from``, ``to`` and ``as_of`` are a year or an
ISO date (``1990``, ``1990-07``, ``1990-07-15``); ``type`` and ``status`` come from the
ontology's closed lists. A name that matches nothing gives no rows, and :mod:`kg.diagnose` says
why. ``limit`` and ``offset`` page through a long listing (SPARQL ``LIMIT``/``OFFSET``).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import RDFS, SKOS

from kg.errors import QueryError
from kg.store import history
from kg.store.query_text import check_page, code_only, lead_with, page, specialise
from kg.ontology import KGO, STATUS_IRI
from kg.schema import ENTITY_TYPES, EVENT_TYPES, STATUSES
from kg.temporal import is_date

if TYPE_CHECKING:
    from kg.store.backends import Backend, OxigraphBackend, Table
    from kg.store.inference import Entailment

PARAM_PREFIX = "param_"
"""A parameter ``a`` is the query variable ``?param_a``."""
DATE_PARAMETERS = frozenset({"from", "to", "as_of"})
"""Parameters that take a year or an ISO date, compared at the precision given."""
CHOICE_PARAMETERS: dict[str, tuple[str, ...]] = {
    "type": (*ENTITY_TYPES, *EVENT_TYPES),
    "status": STATUSES,
}
"""Parameters whose value comes from a closed list (compared case-insensitively)."""
IRI_PARAMETERS: dict[str, dict[str, URIRef]] = {"status": STATUS_IRI}
"""Closed-list parameters bound as the IRI the graph uses for the value (``planned`` ->
``kgo:Planned``), so that a query can start from the pattern that holds it."""
MERGES: dict[str, Callable[[Iterable[str], Iterable[Mapping[str, str]]], tuple[tuple[str, ...], list[dict[str, str]]]]] = {
    "timeline": history.merge,
}
"""Named queries whose rows are folded once more after the SPARQL (what one SPARQL query cannot
do): ``timeline`` gives one row per event of each article, :func:`kg.store.history.merge` one row
per event told by several articles. A page (``limit``/``offset``) is taken of the merged rows."""


@dataclass(frozen=True)
class NamedQuery:
    name: str
    question: str
    parameters: tuple[str, ...]
    text: str
    required: tuple[str, ...] = ()

    @property
    def listed_as(self) -> str:
        """What a stored listing of this query records it was made by: the query's text, and
        for a merged query the source of its merge step."""
        merge = MERGES.get(self.name)
        return self.text if merge is None else f"{self.text}\n# merged by {merge.__module__}: {_source_hash(merge.__module__)}"


@functools.lru_cache(maxsize=None)
def _source_hash(module: str) -> str:
    """The sha256 of a module's source: a stored listing made by another version of a merge step is
    not used."""
    import hashlib
    import inspect
    import sys

    return hashlib.sha256(inspect.getsource(sys.modules[module]).encode("utf-8")).hexdigest()


_PARAM_LINE = re.compile(r"^#\s*Parameters[^:]*:\s*(.*?)\.?$", re.MULTILINE)
_REQUIRED = " (required)"


def _parse(name: str, text: str) -> NamedQuery:
    first = text.splitlines()[0].lstrip("# ").strip()
    question = first.split(":", 1)[1].strip() if ":" in first else first
    params: list[str] = []
    required: list[str] = []
    m = _PARAM_LINE.search(text)
    if m and not m.group(1).lower().startswith("none"):
        for item in (p.strip() for p in m.group(1).split(",")):
            if item.endswith(_REQUIRED):
                item = item[: -len(_REQUIRED)].strip()
                required.append(item)
            if item:
                params.append(item)
    return NamedQuery(name, question, tuple(params), text, tuple(required))


@functools.lru_cache(maxsize=1)
def named_queries() -> dict[str, NamedQuery]:
    """Every shipped query by name."""
    folder = resources.files("kg.store") / "queries"
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
    """``value`` of the parameter ``name`` if it is well formed, else a QueryError saying what to give.

    A value from a closed list comes back in the list's own spelling (``meeting`` -> ``Meeting``).
    """
    if name in DATE_PARAMETERS:
        if not is_date(value):
            raise QueryError(f"parameter {name}={value!r}: give a year or an ISO date, e.g. {name}=1990, {name}=1990-07 or {name}=1990-07-15")
    choices = CHOICE_PARAMETERS.get(name)
    if choices:
        spelled = {c.lower(): c for c in choices}
        if value.lower() not in spelled:
            raise QueryError(f"parameter {name}={value!r}: not a known {name}; use one of {', '.join(choices)}")
        return spelled[value.lower()]
    return value


def bindings(query: NamedQuery, params: Mapping[str, object]) -> dict[str, Literal | URIRef]:
    """Parameter values as initial bindings of ``?param_<name>``; unknown names, missing required
    ones and bad values are errors. Names are bound as given (see :func:`spellings`)."""
    unknown = sorted(set(params) - set(query.parameters))
    if unknown:
        allowed = ", ".join(query.parameters) or "none"
        raise QueryError(f"query {query.name!r} takes no parameter {', '.join(unknown)}; it takes: {allowed}")
    missing = [p for p in query.required if p not in params]
    if missing:
        example = " ".join(f'--param {p}="..."' for p in missing)
        raise QueryError(f"query {query.name!r} needs {', '.join(missing)}: e.g. kg query {query.name} {example}")
    bound: dict[str, Literal | URIRef] = {}
    for k, v in params.items():
        value = check_value(k, str(v))
        bound[PARAM_PREFIX + k] = IRI_PARAMETERS[k][value] if k in IRI_PARAMETERS else Literal(value)
    return bound


def is_name_parameter(name: str) -> bool:
    """Whether the parameter ``name`` names something in the graph (compared with its labels)."""
    return name not in DATE_PARAMETERS and name not in CHOICE_PARAMETERS


def _name_pattern(parameter: str) -> str:
    """The triple pattern (subject ``?s``, value ``?v``) that holds the names ``parameter`` compares with."""
    if parameter == "document":
        return f"?s <{KGO.sourceFile}> ?v ."
    label = f"{{ ?s <{RDFS.label}> ?v . }}"
    if parameter == "name":
        return label + f" UNION {{ ?s <{SKOS.altLabel}> ?v . }}"
    return label


def spellings(backend: "Backend", parameter: str, value: Literal) -> list[Literal]:
    """How the graph spells the name ``value`` of ``parameter``: itself if some node has exactly that
    name (one index lookup), else every name equal to it ignoring case (a scan of the names);
    ``[value]`` when nothing matches, so that the query still runs and gives no rows."""
    pattern = _name_pattern(parameter)
    exact = backend.select(f"SELECT ?v WHERE {{ GRAPH ?g {{ {pattern} }} }} LIMIT 1", {"v": value}).rows
    if exact:
        return [value]
    found = backend.select(
        f"SELECT DISTINCT ?v ?q WHERE {{ GRAPH ?g {{ {pattern} }} FILTER(LCASE(STR(?v)) = LCASE(STR(?q))) }}",
        {"q": value},
    ).rows
    return sorted({Literal(row["v"]) for row in found}, key=str) or [value]


def _backend(source: "Backend | Dataset", infer: "Entailment | None") -> "Backend":
    from kg.store.backends import MemoryBackend, as_backend

    backend = as_backend(source)
    if infer is None:
        return backend
    from kg.store.inference import infer as closure

    return MemoryBackend(closure(backend.to_memory(), entailment=infer))


def run_query(
    source: "Backend | Dataset",
    name: str,
    params: Mapping[str, object] | None = None,
    *,
    infer: "Entailment | None" = None,
    limit: int | None = None,
    offset: int | None = None,
    listings: bool = True,
) -> "Table":
    """Run the named query ``name`` on ``source`` (a backend or an rdflib dataset).

    ``infer`` (``"rdfs"`` or ``"owl-rl"``) first closes a copy of the graph under the ontology.
    ``limit``/``offset`` return one page of the rows (in the query's order). Asked with no
    parameter of a backend with stored listings (``kg.store.listings.ListedBackend``, what a build
    folder opens as), the rows come from its listing when there is one, unless ``listings`` is False.
    """
    from kg.store.backends import Table
    from kg.store.listings import ListedBackend

    query = get_query(name)
    init = bindings(query, params or {})
    backend = _backend(source, infer)
    if listings and not init and isinstance(backend, ListedBackend):
        check_page(limit, offset)
        table = backend.listing(name, query.listed_as, lambda: run_query(backend.backend, name))
        return Table(table.columns, _rows_of_page(table.rows, limit, offset))
    choices: list[list[tuple[str, Literal | URIRef]]] = []
    for variable, value in init.items():
        parameter = variable[len(PARAM_PREFIX):]
        if is_name_parameter(parameter):
            choices.append([(variable, v) for v in spellings(backend, parameter, value)])
        else:
            choices.append([(variable, value)])
    combinations = [dict(c) for c in itertools.product(*choices)]
    given = {variable[len(PARAM_PREFIX):] for variable in init}
    text = lead_with(specialise(query.text, given), set(init))
    merge = MERGES.get(name)
    if len(combinations) == 1 and merge is None:
        return backend.select(page(text, limit, offset), combinations[0]).without(PARAM_PREFIX)
    # Several spellings of a name, or rows to merge: every row, then the page.
    check_page(limit, offset)
    tables = [backend.select(text, c) for c in combinations]
    table = Table(tables[0].columns, [row for t in tables for row in t.rows]).without(PARAM_PREFIX)
    if merge is not None:
        table = Table(*merge(table.columns, table.rows))
    return Table(table.columns, _rows_of_page(table.rows, limit, offset))


def listing_rows(backend: "OxigraphBackend", name: str) -> tuple[tuple[str, ...], Iterator[list[str]]]:
    """The columns of the named query ``name`` asked with no parameter, and its rows read one at a
    time from the store (what ``run_query(backend, name)`` gives, without holding the rows but
    for a merged query, whose rows are merged in memory)."""
    return merged_rows(name, *sparql_rows(backend, name))


def sparql_rows(backend: "OxigraphBackend", name: str) -> tuple[tuple[str, ...], Iterator[list[str]]]:
    """The columns and rows of the SPARQL of the named query ``name`` asked with no parameter, read
    one at a time from the store (before any merge, :data:`MERGES`)."""
    text = lead_with(specialise(get_query(name).text, set()), set())
    columns, rows = backend.select_rows(text)
    keep = [i for i, column in enumerate(columns) if not column.startswith(PARAM_PREFIX)]
    if len(keep) == len(columns):
        return columns, rows
    return tuple(columns[i] for i in keep), ([row[i] for i in keep] for row in rows)


def merged_rows(name: str, columns: tuple[str, ...], rows: Iterable[Sequence[str]]) -> tuple[tuple[str, ...], Iterator[list[str]]]:
    """The rows of the named query ``name`` from the rows its SPARQL gives (``columns``, ``rows``):
    the same for most queries, merged for those of :data:`MERGES`."""
    merge = MERGES.get(name)
    if merge is None:
        return columns, (list(row) for row in rows)
    merged_columns, merged = merge(columns, (dict(zip(columns, row, strict=True)) for row in rows))
    return merged_columns, ([row[c] for c in merged_columns] for row in merged)


def _rows_of_page(rows: list[dict[str, str]], limit: int | None, offset: int | None) -> list[dict[str, str]]:
    start = offset or 0
    return rows[start:] if limit is None else rows[start:start + limit]


def run_select(
    source: "Backend | Dataset",
    text: str,
    *,
    infer: "Entailment | None" = None,
    allow_service: bool = False,
    timeout: float | None = None,
) -> "Table":
    """Run an ad hoc SELECT query on ``source``.

    A query that calls a remote endpoint (``SERVICE <...>``) is refused unless ``allow_service``:
    kg sends no requests to other hosts by itself. ``timeout`` (seconds) gives up a query that
    runs longer (``QueryTimeout``).
    """
    if not allow_service:
        refuse_service(text)
    return _backend(source, infer).select(text, timeout=timeout)


_SERVICE = re.compile(r"(?<![\w:?$])SERVICE\b", re.IGNORECASE)


def refuse_service(text: str) -> None:
    """Raise ``FederatedQueryRefused`` if the SPARQL ``text`` has a ``SERVICE`` clause (strings,
    IRIs and comments that merely mention the word do not count)."""
    from kg.errors import FederatedQueryRefused

    if _SERVICE.search(code_only(text)):
        raise FederatedQueryRefused(
            "the query asks another endpoint (SERVICE), and kg sends no requests to other hosts unless allowed"
        )


def run_sparql(dataset: "Backend | Dataset", text: str, init: dict | None = None) -> list[dict[str, str]]:
    """Run a SELECT query; rows as dicts of plain strings (IRIs as strings)."""
    from kg.store.backends import as_backend

    return as_backend(dataset).select(text, init or {}).rows


def run_named(dataset: "Backend | Dataset", name: str, params: Mapping[str, object] | None = None) -> list[dict[str, str]]:
    """Rows of the named query ``name`` (see :func:`run_query`)."""
    return run_query(dataset, name, params).rows
