"""What a query worker does (``kg.serve.pool`` runs these in worker processes).

A worker holds the build's store open read-only and answers one task at a time:

- ``sparql``: run a query, stop reading solutions past the row cap, write the results in the
  negotiated format; returns ``(status, content type, body)``;
- ``named``: a named query with bound parameters (:func:`kg.store.queries.run_query`, the code
  ``kg query`` runs, so the rows are the same), returns the rows as JSON or CSV bytes;
- ``search``, ``entity``, ``graph``: the explorer's (:mod:`kg.serve.explorer`).

The store is opened again when the build changes under it (``kg build`` switches in a new store
folder, ``kg add``/``kg remove`` write into it), so a running server answers from the current build.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from kg.errors import KgError, QueryError
from kg.serve.protocol import GRAPH_TYPES, SELECT_TYPES, ProtocolError, names_its_dataset, negotiate


class TooManyRows(QueryError):
    """A result past the server's row cap."""


def _signature(path: Path) -> tuple[int, int]:
    try:
        st = path.stat()
    except OSError:
        return (0, 0)
    return (st.st_ino, st.st_mtime_ns)


class WorkerState:
    """The store of one build folder, opened read-only, and what is computed from it."""

    def __init__(self, out: Path, *, max_rows: int):
        self.out = Path(out)
        self.max_rows = max_rows
        self._backend = None
        self._signature: tuple[int, int] | None = None
        self._index = None

    @property
    def backend(self):
        from kg.store.backends import OxigraphBackend
        from kg.store.listings import ListedBackend

        store = self.out / "store"
        signature = _signature(store)
        if self._backend is None or signature != self._signature:
            if self._backend is not None:
                self._backend.close()
            self._backend = ListedBackend(OxigraphBackend.open(store), self.out)
            self._signature = signature
            self._index = None
        return self._backend

    @property
    def index(self):
        from kg.serve.explorer import search_index

        store = self.backend.store
        if self._index is None:
            self._index = search_index(store)
        return self._index


def run_task(state: WorkerState, task: str, args: dict[str, Any]) -> Any:
    """Do ``task`` with ``args``; a KgError says what went wrong."""
    if task == "sparql":
        return sparql(state, **args)
    if task == "named":
        from kg.store.queries import run_query

        table = run_query(state.backend, args["name"], args["params"], limit=args.get("limit"), offset=args.get("offset"))
        if len(table.rows) > state.max_rows:
            raise TooManyRows(f"the answer has {len(table.rows)} rows, more than this server's cap of {state.max_rows}; ask for a page with limit= and offset=")
        return rows_csv(list(table.columns), table.rows) if args.get("csv") else rows_json(table.rows)
    if task == "search":
        from kg.serve.explorer import search

        return search(state.index, args["text"])
    if task == "entity":
        from kg.serve.explorer import entity_page

        return entity_page(state.backend.store, args["iri"])
    if task == "graph":
        from kg.serve.explorer import network_page

        return network_page(state.backend.store, args["iri"], depth=args["depth"])
    if task == "ping":
        return os.getpid()
    raise QueryError(f"unknown task {task!r}")


def rows_csv(columns: list[str], rows: list[dict[str, str]]) -> bytes:
    """Rows as ``kg query --format csv`` prints them."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return (buffer.getvalue().rstrip("\n") + "\n").encode("utf-8")


def rows_json(rows: list[dict[str, str]]) -> bytes:
    """Rows as ``kg query --format json`` prints them (the same JSON; ``<``, ``>``, ``&`` escaped)."""
    from kg.serve.web import json_text

    return (json_text(rows, indent=2) + "\n").encode("utf-8")


def _is_update(text: str) -> bool:
    try:
        from rdflib.plugins.sparql.parser import parseUpdate

        parseUpdate(text)
    except Exception:  # noqa: BLE001 - any failure means: not an update either
        return False
    return True


def _one_line(exc: Exception) -> str:
    """An exception's message with its white space folded to single spaces."""
    return " ".join(str(exc).split())


def _dataset_options(query: str, default_graphs: tuple[str, ...], named_graphs: tuple[str, ...]) -> dict[str, Any]:
    """The store's query options for the request's dataset: the graphs it names, else (when the
    query names none either) the union of all graphs as the default graph."""
    import pyoxigraph as ox

    options: dict[str, Any] = {}
    if default_graphs or named_graphs:
        try:
            options["default_graph"] = [ox.NamedNode(g) for g in default_graphs] or ox.DefaultGraph()
            options["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        except ValueError as exc:
            raise ProtocolError(400, f"a default-graph-uri or named-graph-uri is not an IRI ({exc})") from exc
    elif not names_its_dataset(query):
        options["use_default_graph_as_union"] = True
    return options


def _evaluate(state: WorkerState, query: str, options: dict[str, Any]):
    """Start ``query`` on the store; an update is refused (403), invalid text is a 400."""
    try:
        return state.backend.store.query(query, **options)
    except SyntaxError as exc:
        if _is_update(query):
            raise ProtocolError(403, "this endpoint is read-only: SPARQL updates are refused") from exc
        raise ProtocolError(400, f"the query is not valid SPARQL: {_one_line(exc)}") from exc
    except (ValueError, OSError, RuntimeError) as exc:
        raise ProtocolError(400, f"the query failed: {_one_line(exc)}") from exc


def _select_answer(result, accept: str | None, max_rows: int) -> tuple[int, str, bytes]:
    """The solutions of a SELECT query, at most ``max_rows``, in the negotiated format."""
    from kg.serve.results import select_body

    media = _media(accept, SELECT_TYPES, "SELECT")
    variables = [v.value for v in result.variables]
    width = range(len(variables))
    rows = []
    for solution in result:
        if len(rows) == max_rows:
            raise TooManyRows(f"the answer has more than {max_rows} rows, this server's cap; add a LIMIT (and OFFSET to page)")
        rows.append([solution[i] for i in width])
    return 200, media, select_body(variables, rows, media)


def _graph_answer(result, accept: str | None, max_rows: int) -> tuple[int, str, bytes]:
    """The triples of a CONSTRUCT or DESCRIBE query, at most ``max_rows``, in the negotiated format."""
    from kg.ontology import PREFIXES
    from kg.serve.results import graph_body

    media = _media(accept, GRAPH_TYPES, "CONSTRUCT and DESCRIBE")
    triples = []
    for triple in result:
        if len(triples) == max_rows:
            raise TooManyRows(f"the answer has more than {max_rows} triples, this server's cap; add a LIMIT")
        triples.append(triple)
    return 200, media, graph_body(triples, media, prefixes={p: str(ns) for p, ns in PREFIXES.items() if p != "kgr"})


def _answer(result, accept: str | None, max_rows: int) -> tuple[int, str, bytes]:
    """``(status, content type, body)`` of a query's result, by its form (SELECT, ASK, graph)."""
    import pyoxigraph as ox

    from kg.serve.results import ask_body

    if isinstance(result, ox.QuerySolutions):
        return _select_answer(result, accept, max_rows)
    if isinstance(result, ox.QueryBoolean):
        media = _media(accept, SELECT_TYPES, "ASK")
        return 200, media, ask_body(bool(result), media)
    return _graph_answer(result, accept, max_rows)


def sparql(state: WorkerState, *, query: str, default_graphs: tuple[str, ...] = (), named_graphs: tuple[str, ...] = (), accept: str | None = None) -> tuple[int, str, bytes]:
    """Run ``query`` on the store; ``(status, content type, body)`` of the answer."""
    options = _dataset_options(query, default_graphs, named_graphs)
    result = _evaluate(state, query, options)
    try:
        return _answer(result, accept, state.max_rows)
    except (ValueError, OSError, RuntimeError) as exc:  # evaluation is lazy: errors show while reading
        raise ProtocolError(400, f"the query failed: {_one_line(exc)}") from exc


def _media(accept: str | None, offered: tuple[str, ...], form: str) -> str:
    media = negotiate(accept, offered)
    if media is None:
        wanted = ", ".join(t for t in offered if "json" in t or "turtle" in t or "csv" in t or "xml" in t or "tab" in t or "n-triples" in t)
        raise ProtocolError(406, f"cannot answer a {form} query as {accept}; accept one of {wanted}")
    return media


def status_of(error: KgError) -> int:
    """The HTTP status for an error a task raised."""
    if isinstance(error, ProtocolError):
        return error.status
    from kg.errors import GraphError

    if isinstance(error, GraphError) and "no entity" in str(error):
        return 404
    if isinstance(error, QueryError) and str(error).startswith("unknown query"):
        return 404
    return 400
