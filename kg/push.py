"""``kg push``: copy a build's named graphs to a triple store server (SPARQL 1.1 Graph Store Protocol).

Each document's named graph and the gazetteer graph go up as one ``PUT`` each
(``PUT ENDPOINT?graph=IRI`` with an N-Triples body written by Oxigraph's serialiser), which
replaces that graph on the server and nothing else: pushing a changed document again replaces
its own graph only. The endpoint is the server's Graph Store Protocol URL: the Oxigraph
server's ``http://host:7878/store``, Fuseki's ``http://host:3030/DATASET/data``, GraphDB's
``http://host:7200/repositories/REPO/rdf-graphs/service``.

Credentials come from the environment (``kg.store.endpoint.credentials``): ``KG_ENDPOINT_TOKEN``, or
``KG_ENDPOINT_USER`` and ``KG_ENDPOINT_PASSWORD``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from kg.errors import GraphError

N_TRIPLES = "application/n-triples"


@dataclass(frozen=True)
class Pushed:
    """One graph sent: its IRI, what it holds (a document's file name or "gazetteer"), its size."""

    graph: str
    source: str
    triples: int


def graph_url(endpoint: str, graph: str) -> str:
    """The Graph Store Protocol URL of ``graph`` at ``endpoint`` (indirect identification)."""
    return f"{endpoint}{'&' if '?' in endpoint else '?'}graph={quote(graph, safe='')}"


def _graphs(backend, documents: Sequence[str]) -> list[tuple[str, str]]:
    """``(graph IRI, source)`` of the graphs to push: all of them, or the documents named."""
    from kg.ontology import GAZETTEER_GRAPH
    from kg.store.queries import run_query

    rows = run_query(backend, "documents").rows
    sources = {row["graph"]: row["document"] for row in rows}
    sources[str(GAZETTEER_GRAPH)] = "gazetteer"
    if not documents:
        stored = set(backend.graph_names())
        return [(graph, sources.get(graph, graph)) for graph in sorted(stored)]
    chosen = []
    for document in documents:
        wanted = document.strip().lower()
        matches = [(g, s) for g, s in sources.items() if wanted in {g.lower(), s.lower(), Path(s).stem.lower()}]
        if not matches:
            names = ", ".join(sorted(s for s in sources.values())) or "none"
            raise GraphError(f'no document "{document}" in this build; its graphs: {names}')
        chosen.extend(m for m in matches if m not in chosen)
    return chosen


def push(*, graph: Path, endpoint: str, documents: Sequence[str] = (), timeout: float = 300.0) -> list[Pushed]:
    """Send the named graphs of the build folder ``graph`` to ``endpoint``, one ``PUT`` per graph.

    ``documents`` (file names, names without suffix, or graph IRIs; ``gazetteer`` for the
    gazetteer) limits the push to those graphs. Returns what was sent, in order; a refused
    request is a ``GraphError`` naming the graph (the graphs sent before it stay sent).
    """
    import pyoxigraph as ox

    from kg.store.backends import open_backend
    from kg.store.endpoint import check_url, credentials, http

    check_url(endpoint)
    headers = {**credentials(), "Content-Type": N_TRIPLES}
    backend = open_backend(Path(graph), backend="oxigraph")
    pushed = []
    try:
        for iri, source in _graphs(backend, documents):
            triples = [ox.Triple(q.subject, q.predicate, q.object) for q in backend.store.quads_for_pattern(None, None, None, ox.NamedNode(iri))]
            body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
            try:
                http("PUT", graph_url(endpoint, iri), body=body, headers=headers, timeout=timeout, error=GraphError)
            except GraphError as exc:
                raise GraphError(f"pushing {source} ({iri}): {exc}") from exc
            pushed.append(Pushed(iri, source, len(triples)))
    finally:
        backend.close()
    return pushed
