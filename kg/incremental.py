"""Adding, replacing and removing documents of a build folder without rebuilding the rest.

Each document is one named graph (``kg.ontology.document_graph``), so a change is local:

- :func:`add_documents` reads and extracts only the files given and writes each one's graph into
  the store, replacing the graph of an earlier version of the same file; a file whose SHA-256
  equals the ``kgo:contentHash`` already stored is skipped without running the NLP pipeline.
- :func:`remove_document` drops one document's graph: its facts, and nothing else (the
  gazetteer and the other documents' graphs stay as they were).

The Oxigraph store (``OUT/store``) is the state that changes; afterwards ``graph.trig`` (only the
changed documents' graphs are serialised; the rest is copied) and ``graph.ttl`` (likewise) are
written again from it (each atomically), so the files match the store, and the listings are left
to the queries that ask for them (``kg.store.listings``). A build folder that has no store yet
gets one from its TriG first. Both hold the
folder's write lock (``kg.store.folder``): a second writer waits. Each document's graph is
replaced in one store transaction (``OxigraphBackend.replace_graph``), so an interrupted change
leaves every document either as it was or as it is now; the folder is marked as changing before
the store changes, so the next command (running the same one again, say) writes the files again
even when it finds nothing else to do. The listings are deleted before the store changes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from rdflib import URIRef

from kg.store import listings
from kg.store.backends import OxigraphBackend
from kg.store.folder import BuildFolder, refresh
from kg.errors import GraphError
from kg.model import Document
from kg.pipeline import BuildReport, read_documents
from kg.store.queries import run_query
from kg.store.oxigraph import write_store

Action = Literal["added", "replaced", "unchanged", "removed"]


@dataclass(frozen=True)
class Change:
    """What happened to one document."""

    document: str
    graph: str
    action: Action
    triples: int = 0


@dataclass
class Update:
    """The changes an add or remove made, and the inputs that failed (each a one-line message)."""

    changes: list[Change] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    outputs: dict[str, Path] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.failures


def _built_folder(out: Path) -> BuildFolder:
    folder = BuildFolder(out)
    if not folder.has_build():
        raise GraphError(f"{out}: no built graph here; build one first with `kg build FILE... -o {out}`")
    return folder


def _open_store(folder: BuildFolder) -> OxigraphBackend:
    store = folder.store if folder.store.is_dir() else write_store(folder.trig, folder.path)
    return OxigraphBackend.open(store, writable=True)


def _stored_documents(backend: OxigraphBackend) -> dict[str, dict[str, str]]:
    """The documents in the store by graph IRI: ``{graph: {document, hash, ...}}``."""
    return {row["graph"]: row for row in run_query(backend, "documents").rows}


STORED_IN_GRAPHS = """SELECT ?graph ?document ?hash WHERE {
  VALUES ?graph { %s }
  GRAPH ?graph { ?doc <%s> ?document . OPTIONAL { ?doc <%s> ?hashValue . } }
  BIND(COALESCE(STR(?hashValue), "") AS ?hash)
}"""
"""The document, and its content hash, that each of some graphs holds (the graphs' IRIs, then
the properties ``kgo:sourceFile`` and ``kgo:contentHash``)."""


def _stored_in_graphs(backend: OxigraphBackend, documents: Sequence[Document]) -> dict[str, dict[str, str]]:
    """The stored documents of the graphs ``documents`` would go to, by graph IRI (``{graph:
    {document, hash}}``): an index lookup each, however large the build."""
    from kg.ontology import KGO, document_graph

    if not documents:
        return {}
    graphs = " ".join(document_graph(d.doc_id).n3() for d in documents)
    query = STORED_IN_GRAPHS % (graphs, KGO.sourceFile, KGO.contentHash)
    return {row["graph"]: row for row in backend.select(query).rows}


def add_documents(
    paths: Sequence[Path], out: Path, *, force: bool = False, on_wait: Callable[[str], None] | None = None
) -> Update:
    """Add article files (or folders of them) to the build folder ``out``, or replace their old version.

    ``force`` re-extracts a file even when its content hash is unchanged; ``on_wait`` hears when
    another command is writing ``out`` and this one waits for it.
    """
    update = Update()
    report = BuildReport()
    documents = read_documents([Path(p) for p in paths], report)
    update.failures.extend(report.failures)
    folder = _built_folder(out)
    with folder.writing("kg add", on_wait=on_wait):
        backend = _open_store(folder)
        try:
            todo = _to_extract(documents, _stored_in_graphs(backend, documents), update, out, force=force)
            if todo:
                with folder.changing_store():
                    listings.discard(out)
                    _write_documents(backend, todo, update)
                    update.outputs = refresh(folder, backend, _changed(update))
        finally:
            backend.close()
    return update


def _to_extract(
    documents: Sequence[Document], stored: dict[str, dict[str, str]], update: Update, out: Path, *, force: bool
) -> list[tuple[Document, Action]]:
    """The documents to extract, each with what will happen to it; the others are noted in ``update``."""
    from kg.ontology import document_graph

    todo: list[tuple[Document, Action]] = []
    for document in documents:
        graph = str(document_graph(document.doc_id))
        old = stored.get(graph)
        if old is not None and old["document"] != document.source_name:
            update.failures.append(
                f"{document.path}: {out} already has a document named {document.doc_id!r} from {old['document']}; "
                f"rename the file, or remove the other first (`kg remove {old['document']} -g {out}`)"
            )
        elif old is not None and old["hash"] == document.sha256 and not force:
            update.changes.append(Change(document.source_name, graph, "unchanged"))
        else:
            todo.append((document, "replaced" if old is not None else "added"))
    return todo


def _write_documents(backend: OxigraphBackend, todo: list[tuple[Document, Action]], update: Update) -> None:
    """Extract the documents and replace each one's graph in the store."""
    from kg.ontology import document_graph
    from kg.workers import extract_batch

    for graph, (document, action) in zip(extract_batch([d for d, _ in todo]), todo):
        if graph.failure:
            update.failures.append(graph.failure)
            continue
        name = document_graph(document.doc_id)
        count = backend.replace_graph_nquads(name, graph.nquads)
        update.changes.append(Change(document.source_name, str(name), action, count))


def remove_document(document: str, out: Path, *, on_wait: Callable[[str], None] | None = None) -> Update:
    """Remove one document from ``out``: by file name (``a.txt``), name without suffix, or graph IRI."""
    folder = _built_folder(out)
    with folder.writing("kg remove", on_wait=on_wait):
        backend = _open_store(folder)
        try:
            matches = _matching_documents(document, _stored_in_named_graphs(backend, document))
            if not matches:  # then it is not in this graph; the message names the closest document
                stored = _stored_documents(backend)
                matches = _matching_documents(document, stored)
                if not matches:
                    raise GraphError(f'{out}: no document "{document}" in this graph; {_suggestion(document, stored)}')
            update = Update()
            with folder.changing_store():
                listings.discard(out)
                for graph, row in matches:
                    count = backend.remove_graph(URIRef(graph))
                    update.changes.append(Change(row["document"], graph, "removed", count))
                update.outputs = refresh(folder, backend, _changed(update))
        finally:
            backend.close()
    return update


def _changed(update: Update) -> list[str]:
    return [change.graph for change in update.changes if change.action != "unchanged"]


def _stored_in_named_graphs(backend: OxigraphBackend, document: str) -> dict[str, dict[str, str]]:
    """The stored documents of the graphs a document named ``document`` (file name, name without
    suffix, or graph IRI) would be in: an index lookup each, however large the build. Every
    document :func:`_matching_documents` would match is among them, since a document's graph is
    named by its file name without suffix (``kg.ontology.document_graph``)."""
    from kg.ontology import KGO, document_graph

    wanted = document.strip().lower()
    names = {Path(wanted).stem, wanted}
    prefix = str(document_graph("x"))[:-1].lower()  # the IRI of a document graph, less its name
    if wanted.startswith(prefix):
        names.add(wanted[len(prefix):])
    graphs = " ".join(sorted({document_graph(name).n3() for name in names}))
    query = STORED_IN_GRAPHS % (graphs, KGO.sourceFile, KGO.contentHash)
    return {row["graph"]: row for row in backend.select(query).rows}


def _matching_documents(document: str, stored: dict[str, dict[str, str]]) -> list[tuple[str, dict[str, str]]]:
    wanted = document.strip().lower()
    return [
        (graph, row)
        for graph, row in stored.items()
        if wanted in {graph.lower(), row["document"].lower(), Path(row["document"]).stem.lower()}
    ]


def _suggestion(document: str, stored: dict[str, dict[str, str]]) -> str:
    import difflib

    names = sorted(row["document"] for row in stored.values())
    close = difflib.get_close_matches(document, names, n=1)
    return f'did you mean "{close[0]}"?' if close else f"documents: {', '.join(names) or 'none'}"
