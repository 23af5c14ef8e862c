"""Where queries run: the Oxigraph store of a build folder, or an rdflib dataset in memory.

Both backends answer a SELECT query the same way (``tests/test_queries.py`` runs every named
query on both and compares the rows):

- the default graph is the union of all graphs, and ``GRAPH ?g`` reaches each named graph;
- parameters are bound as initial values of variables (rdflib ``initBindings``, Oxigraph
  ``substitutions``), never pasted into the query text; Oxigraph substitutes only variables the
  query projects, so a named query projects its parameter variables (``kg.store.queries`` drops them);
- every value comes back as a plain string: an IRI as the IRI, a literal as its lexical form,
  an unbound variable as ``""``.

``open_backend`` picks the store when the build folder has one (``auto``, with the listings
stored beside it: ``kg.store.listings.ListedBackend``), else reads the TriG into memory. The Oxigraph store is opened read-only for queries, so a query cannot change it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeVar, Union

from rdflib import BNode, Dataset, URIRef
from rdflib import Literal as RdfLiteral
from rdflib.term import Node

from kg.errors import GraphError, QueryError, QueryTimeout
from kg.ontology import PREFIXES
from kg.store.oxigraph import STORE_NAME, load_dataset, store_dir

if TYPE_CHECKING:
    import pyoxigraph as ox

    from kg.store.endpoint import SparqlEndpointBackend
    from kg.store.listings import ListedBackend

T = TypeVar("T")

BackendName = Literal["auto", "oxigraph", "memory"]
"""``auto``: the Oxigraph store if the build folder has one, else the TriG in memory."""


@dataclass(frozen=True)
class Table:
    """The answer of a SELECT query: its columns, and one dict of strings per row."""

    columns: tuple[str, ...]
    rows: list[dict[str, str]]

    def without(self, prefix: str) -> "Table":
        """The same table without the columns whose name starts with ``prefix``."""
        keep = tuple(c for c in self.columns if not c.startswith(prefix))
        if keep == self.columns:
            return self
        return Table(keep, [{c: row[c] for c in keep} for row in self.rows])


def _bound_dataset(dataset: Dataset) -> Dataset:
    for prefix, ns in PREFIXES.items():
        dataset.bind(prefix, ns)
    return dataset


class MemoryBackend:
    """An rdflib dataset in memory: small graphs, tests, inference results."""

    name = "memory"

    def __init__(self, dataset: Dataset):
        self._dataset = dataset
        # A second handle on the same triples whose default graph is the union; the caller's
        # dataset object is left as it was.
        self._union = Dataset(store=dataset.store, default_union=True)

    @property
    def dataset(self) -> Dataset:
        return self._dataset

    def select(self, text: str, bindings: Mapping[str, Node] | None = None, *, timeout: float | None = None) -> Table:
        return within(timeout, lambda: self._select(text, bindings))

    def _select(self, text: str, bindings: Mapping[str, Node] | None) -> Table:
        try:
            result = self._union.query(text, initBindings=dict(bindings or {}))
        except Exception as exc:  # rdflib raises pyparsing and many other error types
            raise QueryError(f"SPARQL query failed: {_one_line(exc)}") from exc
        if result.type != "SELECT":
            raise QueryError("only SELECT queries give rows; use a SELECT query")
        columns = tuple(str(v) for v in result.vars)
        rows = [{c: ("" if term is None else str(term)) for c, term in zip(columns, row)} for row in result]
        return Table(columns, rows)

    def to_memory(self) -> Dataset:
        return self._dataset

    def close(self) -> None:
        pass


class OxigraphBackend:
    """An Oxigraph store on disk (``OUT/store``), queried through pyoxigraph directly.

    ``dataset`` is an rdflib view of the same store (through oxrdflib) for code that speaks rdflib.
    """

    name = "oxigraph"

    def __init__(self, store: "ox.Store", path: Path | None = None):
        self._store = store
        self.path = path
        self._view: Dataset | None = None

    @classmethod
    def open(cls, path: Path, *, writable: bool = False) -> "OxigraphBackend":
        """Open the store folder ``path`` (read-only unless ``writable``)."""
        import pyoxigraph as ox

        if not path.is_dir():
            raise GraphError(f"{path}: no Oxigraph store here; run `kg build -o {path.parent}` first")
        try:
            store = ox.Store(str(path)) if writable else ox.Store.read_only(str(path))
        except OSError as exc:
            raise GraphError(
                f"{path}: cannot open the store ({_one_line(exc)}); if another kg command is writing it, "
                "wait for it to finish, else rebuild with `kg build`"
            ) from exc
        except RuntimeError as exc:  # RocksDB reports damaged files as RuntimeError("Corruption: ...")
            raise GraphError(f"{path}: the store is damaged ({_one_line(exc)[:200]}); rebuild it with `kg build`") from exc
        return cls(store, path)

    @property
    def store(self) -> "ox.Store":
        return self._store

    @property
    def dataset(self) -> Dataset:
        if self._view is None:
            from oxrdflib import OxigraphStore

            self._view = _bound_dataset(Dataset(store=OxigraphStore(store=self._store)))
        return self._view

    def select(self, text: str, bindings: Mapping[str, Node] | None = None, *, timeout: float | None = None) -> Table:
        return within(timeout, lambda: self._select(text, bindings))

    def _select(self, text: str, bindings: Mapping[str, Node] | None) -> Table:
        columns, rows = self.select_rows(text, bindings)
        return Table(columns, [dict(zip(columns, row)) for row in rows])

    def select_rows(self, text: str, bindings: Mapping[str, Node] | None = None) -> tuple[tuple[str, ...], Iterator[list[str]]]:
        """The columns of a SELECT query and its rows (lists of strings, "" for unbound), read from
        the store one at a time as they are asked for: a listing of the whole graph is written
        without holding its rows in memory."""
        import pyoxigraph as ox

        substitutions = {ox.Variable(name): _to_ox(value) for name, value in (bindings or {}).items()}
        try:
            result = self._store.query(text, use_default_graph_as_union=True, substitutions=substitutions)
        except (SyntaxError, ValueError, RuntimeError, OSError) as exc:
            raise QueryError(f"SPARQL query failed: {_one_line(exc)}") from exc
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("only SELECT queries give rows; use a SELECT query")
        columns = tuple(v.value for v in result.variables)
        return columns, self._rows(result, len(columns))

    def _rows(self, result: "ox.QuerySolutions", width: int) -> Iterator[list[str]]:
        try:
            for solution in result:
                yield ["" if value is None else value.value for value in (solution[i] for i in range(width))]
        except (RuntimeError, OSError) as exc:  # evaluation is lazy: a damaged store shows here
            raise GraphError(f"{self.path}: reading the store failed ({_one_line(exc)[:200]}); rebuild it with `kg build`") from exc

    def to_memory(self) -> Dataset:
        """A copy of the whole store as an rdflib dataset in memory."""
        import pyoxigraph as ox

        data = self._store.dump(format=ox.RdfFormat.N_QUADS)
        ds = _bound_dataset(Dataset())
        ds.parse(data=data, format="nquads")
        return ds

    def graph_names(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs())

    def replace_graph(self, name: URIRef, triples: Iterable[tuple[Node, Node, Node]]) -> int:
        """Replace the named graph ``name`` by ``triples`` in one transaction; returns how many were written.

        One SPARQL update (``DROP`` then ``INSERT DATA``), which Oxigraph applies all or nothing: a
        crash leaves the old graph or the new one, never neither. The triples are written by
        Oxigraph's own N-Triples serializer, so no value is pasted into the update by hand.
        """
        import pyoxigraph as ox

        return self._replace_graph(ox.NamedNode(str(name)), [ox.Triple(_to_ox(s), _to_ox(p), _to_ox(o)) for s, p, o in triples])

    def _replace_graph(self, graph: "ox.NamedNode", data: list) -> int:
        import pyoxigraph as ox

        body = ox.serialize(data, format=ox.RdfFormat.N_TRIPLES).decode("utf-8") if data else ""
        self._store.update(f"DROP SILENT GRAPH {graph} ;\nINSERT DATA {{ GRAPH {graph} {{\n{body}}} }}")
        return len(data)

    def replace_graph_nquads(self, name: URIRef, nquads: bytes) -> int:
        """Replace the named graph ``name`` by the quads of ``nquads`` that are in it (one transaction)."""
        import pyoxigraph as ox

        graph = ox.NamedNode(str(name))
        quads = ox.parse(nquads, format=ox.RdfFormat.N_QUADS)
        return self._replace_graph(graph, [ox.Triple(q.subject, q.predicate, q.object) for q in quads if q.graph_name == graph])

    def remove_graph(self, name: URIRef) -> int:
        """Remove the named graph ``name``; returns how many triples it held."""
        import pyoxigraph as ox

        graph = ox.NamedNode(str(name))
        count = sum(1 for _ in self._store.quads_for_pattern(None, None, None, graph))
        self._store.remove_graph(graph)
        return count

    def flush(self) -> None:
        self._store.flush()

    def close(self) -> None:
        self._view = None
        self._store = None  # type: ignore[assignment]  # dropping the last reference closes it


Backend = Union[MemoryBackend, OxigraphBackend, "ListedBackend", "SparqlEndpointBackend"]
"""Where a query runs; ``SparqlEndpointBackend`` (``kg.store.endpoint``) is a remote SPARQL endpoint,
``ListedBackend`` (``kg.store.listings``) a build folder's store with its stored listings."""


def open_backend(out: Path, *, backend: BackendName = "auto") -> Backend:
    """The backend of a build folder (or of a .trig/.nq/.ttl file, which is read into memory)."""
    if backend not in ("auto", "oxigraph", "memory"):
        raise QueryError(f"unknown backend {backend!r}; use auto, oxigraph or memory")
    if out.is_dir():
        from kg.store.folder import BuildFolder

        BuildFolder(out).repair_if_free()
    store = store_dir(out)
    if backend == "oxigraph" or (backend == "auto" and store is not None):
        if store is None:
            where = out / STORE_NAME if out.is_dir() else out
            raise GraphError(f"{where}: no Oxigraph store here; run `kg build -o {out}` to write one")
        from kg.store.listings import ListedBackend

        return ListedBackend(OxigraphBackend.open(store), store.parent)
    return MemoryBackend(load_dataset(out))


def as_backend(source: Backend | Dataset) -> Backend:
    """A backend for ``source``: itself, or an rdflib dataset wrapped in a ``MemoryBackend``."""
    from kg.store.listings import ListedBackend

    if isinstance(source, (MemoryBackend, OxigraphBackend, ListedBackend)):
        return source
    from kg.store.endpoint import SparqlEndpointBackend

    if isinstance(source, SparqlEndpointBackend):
        return source
    if isinstance(source, Dataset):
        return MemoryBackend(source)
    raise TypeError(f"expected a backend or an rdflib Dataset, not {type(source).__name__}")


def within(seconds: float | None, work: Callable[[], T]) -> T:
    """``work()``, given up with ``QueryTimeout`` when it runs longer than ``seconds`` (None: no limit).

    The work runs in a daemon thread (Oxigraph evaluates without holding the GIL, so the wait here
    is real); a query given up keeps its thread busy until it ends or the process exits, which is
    what the ``kg`` commands do right after.
    """
    if seconds is None:
        return work()
    import threading

    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["value"] = work()
        except BaseException as exc:  # handed to the caller's thread below
            outcome["error"] = exc

    thread = threading.Thread(target=run, name="kg-query", daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        raise QueryTimeout(f"the query ran longer than {seconds:g} s and was given up; narrow it (a LIMIT, more specific patterns) or allow more time")
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]


def _to_ox(term: Node):
    import pyoxigraph as ox

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, RdfLiteral):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot store {term!r} in Oxigraph")


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())
