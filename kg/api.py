"""The Python API: ``kg.open(OUT)`` and the thin handle it returns.

A :class:`KnowledgeGraph` runs named queries and SPARQL and hands back pandas DataFrames (every
value a string, "" for none), gives the rdflib dataset, and projects the graph into networkx
(``kg.analytics.project.to_networkx``). It holds a query backend (``kg.store.backends``) and nothing
else; the work is done by the modules it delegates to.

Example (``out`` is a build folder, as ``kg build -o out`` writes)::

    import kg

    with kg.open("out") as graph:
        graph.query("positions", person="Sean Duffy")
        graph.query("timeline", from_=1990, to=1999)   # from_ stands for the parameter from
        graph.sparql("SELECT ?s WHERE { ?s a <https://w3id.org/usru-space/ontology#Person> }")
        G = graph.to_networkx()
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kg.store.backends import Backend, BackendName, MemoryBackend, Table, open_backend

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd
    from rdflib import Dataset

    from kg.store.inference import Entailment


def _frame(table: Table) -> "pd.DataFrame":
    import pandas as pd

    return pd.DataFrame(table.rows, columns=list(table.columns), dtype=object)


class KnowledgeGraph:
    """A handle on a built graph. Open one with :func:`kg.open`; close it (or use ``with``) when done."""

    def __init__(self, backend: Backend):
        self._backend = backend

    @property
    def backend(self) -> str:
        """``"oxigraph"`` (the store of a build folder), ``"memory"`` (rdflib) or ``"endpoint"`` (a SPARQL endpoint)."""
        return self._backend.name

    @property
    def dataset(self) -> "Dataset":
        """The graph as an rdflib ``Dataset`` (for the store, a view through oxrdflib)."""
        return self._backend.dataset

    def query(
        self,
        name: str,
        /,
        *,
        infer: "Entailment | None" = None,
        limit: int | None = None,
        offset: int | None = None,
        **params: object,
    ) -> "pd.DataFrame":
        """Rows of the named query ``name`` (``kg query --list``), parameters bound safely.

        A parameter whose name is a Python keyword takes a trailing underscore: ``from_=1990``.
        ``infer`` (``"rdfs"`` or ``"owl-rl"``) queries a closed copy of the graph; ``limit`` and
        ``offset`` return one page of a long listing. A query asked with no parameter is answered
        from the listings written beside the store (``kg.store.listings``) when there are some.
        """
        from kg.store.queries import run_query

        bound = {key[:-1] if key.endswith("_") else key: value for key, value in params.items()}
        return _frame(run_query(self._backend, name, bound, infer=infer, limit=limit, offset=offset))

    def sparql(self, text: str, /, *, infer: "Entailment | None" = None) -> "pd.DataFrame":
        """Rows of a SELECT query; the default graph is the union of all graphs."""
        from kg.store.queries import run_select

        return _frame(run_select(self._backend, text, infer=infer))

    def to_networkx(self) -> "nx.MultiDiGraph":
        """The networkx projection of the graph (``kg.analytics.project.to_networkx``)."""
        from kg.analytics.project import to_networkx

        return to_networkx(self.dataset)

    def close(self) -> None:
        self._backend.close()

    def __enter__(self) -> "KnowledgeGraph":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        where = getattr(self._backend, "path", None)
        return f"<KnowledgeGraph {self.backend}{f' {where}' if where else ''}>"


def open(out: str | Path = "out", *, backend: BackendName = "auto") -> KnowledgeGraph:  # noqa: A001
    """Open a build folder (or a .trig file): its Oxigraph store if it has one, else the TriG in memory.

    ``out`` may also be the URL of a SPARQL 1.1 query endpoint (``http://127.0.0.1:7878/query``,
    ``kg serve``'s ``http://127.0.0.1:8000/sparql``): queries then run there
    (:class:`kg.store.endpoint.SparqlEndpointBackend`; credentials from ``KG_ENDPOINT_TOKEN`` or
    ``KG_ENDPOINT_USER``/``KG_ENDPOINT_PASSWORD``).
    """
    from kg.store.endpoint import SparqlEndpointBackend, is_endpoint_url

    if is_endpoint_url(out):
        return KnowledgeGraph(SparqlEndpointBackend(str(out)))
    return KnowledgeGraph(open_backend(Path(out), backend=backend))


def from_dataset(dataset: "Dataset") -> KnowledgeGraph:
    """A handle on an rdflib dataset in memory (small graphs, tests, notebooks)."""
    return KnowledgeGraph(MemoryBackend(dataset))
