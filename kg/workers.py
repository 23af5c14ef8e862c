"""Where documents are extracted: in this process, in worker processes, or on a Dask cluster.

The unit of work is a batch of documents, and what comes back is plain data: for each document,
the N-Quads of its named graph, its blocks of graph.trig and graph.ttl (serialised where the work
is shared out, not in the one process that writes the files), its rows of the listings (computed
from its own triples, instead of by queries over the whole store at the end) and the counts the
build report needs (:class:`DocumentGraph`). A worker loads the spaCy pipeline, the gazetteer and the lexicon
once, on its first batch, and keeps them. Whatever runs the batches, results are handed back in the order of the documents, with a
bounded number of batches in flight, so memory does not grow with the corpus.

- :func:`run_serial`: in this process;
- :func:`run_processes`: ``jobs`` worker processes on this machine (``kg build -j N``);
- :func:`run_dask`: the workers of a running Dask distributed cluster (``kg build --scheduler``),
  started with Dask's own ``dask scheduler`` and ``dask worker`` commands on machines that have kg
  installed. Texts go out, N-Quads come back; no file is read on a worker.
"""

from __future__ import annotations

import functools
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kg.errors import KgError
from kg.model import Document, Extraction

if TYPE_CHECKING:
    from kg.store.graph_files import GraphBlocks
    from kg.store.listing_rows import GraphRows

BATCH_SIZE = 8
"""Documents per batch: spaCy's ``nlp.pipe`` batches them, and one batch is one task."""


class ClusterError(KgError):
    """The Dask scheduler cannot be reached, or its workers cannot run kg."""


@dataclass(frozen=True)
class DocumentGraph:
    """One document, extracted: its named graph as N-Quads and what the build report counts.

    ``failure`` is set (and the graph empty) when the document could not be extracted. ``blocks``
    are its blocks of graph.trig and graph.ttl (``kg.store.graph_files``), ``listings`` its rows of
    each listing (``kg.store.listing_rows``), when they are asked for.
    """

    source_name: str
    nquads: bytes = b""
    graph: str = ""
    """the key of its graph's blocks (``<IRI>``)"""
    blocks: "GraphBlocks | None" = None
    listings: "GraphRows | None" = None
    warnings: tuple[str, ...] = ()
    entities: frozenset[str] = frozenset()
    facts: dict[str, int] = field(default_factory=dict)
    failure: str = ""


@functools.lru_cache(maxsize=1)
def _tools():
    """The spaCy pipeline, gazetteer, lexicon and gazetteer graph, loaded once per process."""
    from kg.emit import gazetteer_graph
    from kg.gazetteer import load_gazetteer
    from kg.lexicon import load_lexicon
    from kg.nlp import load_pipeline

    gazetteer = load_gazetteer()
    return load_pipeline(), gazetteer, load_lexicon(), gazetteer_graph(gazetteer)


def extract_batch(documents: Sequence[Document], blocks: bool = False, listings: bool = False) -> list[DocumentGraph]:
    """Parse and extract ``documents`` and emit each one's named graph, with its blocks of the
    files if ``blocks`` and its rows of the listings if ``listings`` (the task a worker runs)."""
    reference = _tools()[3]
    out = []
    for document, extract in zip(documents, extractors(documents)):
        try:
            out.append(document_graph(extract(), reference, blocks=blocks, listings=listings))
        except Exception as exc:  # one document's bug must not sink the batch or the build
            out.append(DocumentGraph(document.source_name, failure=f"{document.path}: could not be extracted ({type(exc).__name__}: {exc}); this is a bug in kg, please report it"))
    return out


def extractors(documents: Sequence[Document]) -> Iterator[Callable[[], Extraction]]:
    """For each document (parsed in batches by spaCy), a call that extracts its facts."""
    from kg.extract.document import extract_document
    from kg.nlp import parse_texts

    nlp, gazetteer, lexicon, _ = _tools()
    for document, doc in zip(documents, parse_texts(nlp, (d.text for d in documents), batch_size=BATCH_SIZE)):
        yield functools.partial(extract_document, document, doc, gazetteer, lexicon)


def document_graph(extraction: Extraction, reference, *, blocks: bool = False, listings: bool = False) -> DocumentGraph:
    """The named graph of one extraction as N-Quads, with its counts (and its blocks of the files,
    and its rows of the listings)."""
    from kg.emit import document_triples
    from kg.store.graph_files import blocks_of_sorted
    from kg.store.listing_rows import graph_rows

    graph = document_triples(extraction, reference)
    nquads = graph.nquads()
    key = f"<{graph.identifier}>"
    return DocumentGraph(
        source_name=extraction.document.source_name,
        nquads=nquads,
        graph=key,
        blocks=blocks_of_sorted(key, nquads) if blocks else None,
        listings=graph_rows(graph) if listings else None,
        warnings=tuple(extraction.warnings),
        entities=frozenset(extraction.entities),
        facts=fact_counts(extraction),
    )


def fact_counts(extraction: Extraction) -> dict[str, int]:
    return dict(Counter({
        "mentions": len(extraction.mentions),
        "positions": len(extraction.positions),
        "events": len(extraction.events),
        "involvement": len(extraction.involvements),
        "agency_country": len(extraction.agency_countries),
        "quotes": len(extraction.quotes),
    }))


def batches(documents: Iterable[Document], size: int = BATCH_SIZE) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for document in documents:
        batch.append(document)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def run_serial(documents: Iterable[Document], blocks: bool = False, listings: bool = False) -> Iterator[DocumentGraph]:
    for batch in batches(documents):
        yield from extract_batch(batch, blocks, listings)


def run_processes(documents: Iterable[Document], jobs: int, blocks: bool = False, listings: bool = False) -> Iterator[DocumentGraph]:
    """Extract in ``jobs`` worker processes (started fresh, each loading the model once)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn")) as pool:
        yield from in_order(lambda batch: pool.submit(extract_batch, batch, blocks, listings), batches(documents), window=2 * jobs)


def run_dask(documents: Iterable[Document], scheduler: str, blocks: bool = False, listings: bool = False) -> Iterator[DocumentGraph]:
    """Extract on the workers of the Dask cluster whose scheduler listens at ``scheduler``."""
    client = _dask_client(scheduler)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        submit = functools.partial(client.submit, extract_batch, blocks=blocks, listings=listings, pure=False)
        yield from in_order(submit, batches(documents), window=2 * workers)
    finally:
        client.close()


def _dask_client(scheduler: str):
    try:
        from distributed import Client
    except ImportError as exc:
        raise ClusterError("a Dask cluster needs the `distributed` package: pip install 'kg[cluster]'") from exc
    try:
        return Client(scheduler, timeout="10s", set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {scheduler} ({exc}); start one with `dask scheduler` and workers with `dask worker {scheduler}`") from exc


def in_order(submit: Callable[[list[Document]], object], work: Iterable[list[Document]], *, window: int) -> Iterator[DocumentGraph]:
    """Submit batches with at most ``window`` in flight; yield their results in submission order.

    ``submit`` returns a future (``concurrent.futures`` or Dask's: both have ``result()``).
    """
    pending: deque = deque()
    for batch in work:
        pending.append(submit(batch))
        if len(pending) >= window:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()
