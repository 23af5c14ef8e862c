"""The build: article files -> documents -> extractions -> named graphs -> store -> files.

``build`` composes the stages, streaming one document at a time into a build folder; the CLI and
the Python API call it. ``build_dataset`` builds a few articles in memory. A bad input file is
reported and skipped; the others still build.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Dataset

from kg.store.folder import BuildFolder
from kg.errors import InputError, shown_path
from kg.model import Document, Extraction
from kg.ontology import document_graph
from kg.schema import FACT_KINDS
from kg.workers import DocumentGraph

if TYPE_CHECKING:
    from kg.store.graph_files import BlockSpool
    from kg.store.listing_rows import ListingRows


@dataclass
class BuildReport:
    """What a build read, extracted and wrote."""

    documents: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    facts: Counter = field(default_factory=Counter)
    entities: int = 0
    outputs: dict[str, Path] = field(default_factory=dict)
    seconds: Counter = field(default_factory=Counter)
    """Where the time went: ``extract`` (reading and extraction as the store waited for it),
    ``store`` (bulk loads), ``files`` (TriG and Turtle), ``listings``."""
    refused: str = ""
    """Why nothing was written (every input failed, and the build folder was kept as it was)."""

    @property
    def ok(self) -> bool:
        return not self.failures and not self.refused

    def to_dict(self) -> dict:
        return {
            "documents": self.documents,
            "failures": self.failures,
            "warnings": self.warnings,
            "entities": self.entities,
            "facts": dict(self.facts),
            "outputs": {k: str(v) for k, v in self.outputs.items()},
            "seconds": {k: round(v, 3) for k, v in self.seconds.items()},
        }


def read_documents(inputs: Sequence[Path], report: BuildReport) -> list[Document]:
    """Load every input file; failures go to ``report`` and are skipped."""
    return list(iter_documents(input_files(inputs, report), report))


def input_files(inputs: Sequence[Path], report: BuildReport) -> list[Path]:
    """The article files the inputs name, each once; inputs that cannot be listed go to ``report``."""
    from kg.ingest import iter_input_files

    files: list[Path] = []
    for item in inputs:
        try:
            files.extend(iter_input_files([Path(item)]))
        except InputError as exc:
            report.failures.append(str(exc))
    return list(dict.fromkeys(files))


def iter_documents(files: Iterable[Path], report: BuildReport) -> Iterator[Document]:
    """Load the files one at a time, as they are needed; failures go to ``report`` and are skipped."""
    from kg.ingest import load_document

    seen: dict[str, Path] = {}
    for path in files:
        try:
            document = load_document(path)
        except InputError as exc:
            report.failures.append(str(exc))
            continue
        graph = str(document_graph(document.doc_id))  # "Report A.txt" and "report_a.txt" share one
        if graph in seen:
            report.failures.append(
                str(InputError(path, f"has the same document name as {shown_path(seen[graph])}", hint="rename one; a document's name identifies its graph"))
            )
            continue
        seen[graph] = path
        yield document


def extract_all(documents: Sequence[Document]) -> list[Extraction]:
    """Run the NLP pipeline and every extractor over the documents, in this process."""
    from kg.workers import extractors

    return [extract() for extract in extractors(documents)]


def extracted(
    documents: Iterable[Document], *, jobs: int = 1, scheduler: str | None = None, blocks: bool = False, listings: bool = False
) -> Iterator[DocumentGraph]:
    """Each document's named graph, in document order: extracted here, by ``jobs`` worker
    processes, or on the Dask cluster whose scheduler is at ``scheduler`` (``kg.workers``); with
    its blocks of graph.trig and graph.ttl if ``blocks``, its rows of the listings if ``listings``."""
    from kg import workers

    if scheduler:
        return workers.run_dask(documents, scheduler, blocks, listings)
    if jobs > 1:
        return workers.run_processes(documents, jobs, blocks, listings)
    return workers.run_serial(documents, blocks, listings)


def counted(graphs: Iterable[DocumentGraph], report: BuildReport, on_document: Callable[[], None] | None = None) -> Iterator[DocumentGraph]:
    """Each document's graph that could be extracted, noting in ``report`` what each holds (or why it failed)."""
    entities: set[str] = set()
    for graph in graphs:
        if graph.failure:
            report.failures.append(graph.failure)
        else:
            report.documents.append(graph.source_name)
            report.warnings.extend(graph.warnings)
            report.facts.update(graph.facts)
            entities.update(graph.entities)
            report.entities = len(entities)
            yield graph
        if on_document is not None:
            on_document()


def spooled(graphs: Iterable[DocumentGraph], spool: "BlockSpool | None", rows: "ListingRows | None" = None) -> Iterator[bytes]:
    """The N-Quads of each graph, its blocks of the files kept in ``spool`` and its rows of the
    listings in ``rows`` (if any)."""
    for graph in graphs:
        if spool is not None and graph.blocks is not None:
            spool.add(graph.graph, graph.blocks)
        if rows is not None:
            rows.add(graph.listings)
        yield graph.nquads


def gazetteer_nquads(spool: "BlockSpool | None" = None, rows: "ListingRows | None" = None) -> bytes:
    """The N-Quads of the gazetteer's graph (its blocks of the files kept in ``spool``, its rows of
    the listings in ``rows``, if any)."""
    from kg.emit import emit_gazetteer, new_dataset
    from kg.gazetteer import load_gazetteer
    from kg.store.listing_rows import gazetteer_rows
    from kg.store.oxigraph import dataset_nquads

    ds = new_dataset()
    graph = emit_gazetteer(ds, load_gazetteer())
    nquads = dataset_nquads(ds)
    if spool is not None:
        spool.add_nquads(nquads)
    if rows is not None:
        rows.add(gazetteer_rows(graph))
    return nquads


def build(
    inputs: Sequence[Path],
    out: Path,
    *,
    force: bool = False,
    jobs: int | None = 1,
    scheduler: str | None = None,
    files: bool = True,
    progress: Callable[[int, int], None] | None = None,
    on_wait: Callable[[str], None] | None = None,
) -> BuildReport:
    """Build the graph of ``inputs`` as the build of the folder ``out`` (``kg.store.folder``:
    graph.trig and graph.ttl unless ``files`` is false, the store, its listings, build-report.json).

    Documents stream through: each is read, extracted (``jobs`` processes, or the Dask cluster at
    ``scheduler``) and its named graph loaded into the new store, so memory does not grow with the
    corpus. The new build replaces the old one as a whole. When no input could be read, the folder
    keeps its earlier build and ``report.refused`` says why, unless ``force`` asks for a build with
    no documents. ``jobs=1`` (the default) extracts in this process, which any caller can do (a
    notebook, a script without a ``__main__`` guard); ``jobs=None`` uses the machine's cores, as
    many as there are batches of documents to share out (what ``kg build`` does).
    ``progress(done, total)`` hears of each file as it is done; ``on_wait`` hears when another
    command is writing ``out`` and this one waits for it.
    """
    from contextlib import nullcontext

    from kg.store import listings
    from kg.store.graph_files import BlockSpool
    from kg.store.listing_rows import ListingRows
    from kg.store.oxigraph import load_store

    folder = BuildFolder(out)
    folder.check_writable()
    report = BuildReport()
    with folder.writing("kg build", on_wait=on_wait):
        staging = folder.stage()
        with BlockSpool(staging) if files else nullcontext() as spool:
            try:
                paths = input_files(inputs, report)
                tick = _ticker(len(paths), progress)
                tick()
                # The listings' rows come with each graph, unless the build will not write them.
                rows = ListingRows() if listings.written_by_build(len(paths)) else None
                graphs = extracted(iter_documents(paths, report), jobs=auto_jobs(len(paths)) if jobs is None else jobs,
                                   scheduler=scheduler, blocks=files, listings=rows is not None)
                chunks = chunked(chain([gazetteer_nquads(spool, rows)], spooled(counted(graphs, report, tick), spool, rows)))
                load_store(timed(chunks, report.seconds, produce="extract", consume="store"), staging)
            except BaseException:
                folder.discard(staging)
                raise
            if not report.documents and not force:
                kept = "keeps its earlier build" if folder.has_build() else "was not written"
                report.refused = f"{shown_path(folder.path)}: no document could be read, so {kept} (fix the inputs; force=True writes a graph with no documents)"
                folder.discard(staging)
                return report
            finish_build(folder, staging, report, files=spool or files, rows=rows)
    return report


def auto_jobs(documents: int) -> int:
    """Worker processes for ``documents``: the machine's cores, but no more than there are batches
    (one batch is done faster in this process than by starting a worker)."""
    import os

    from kg.workers import BATCH_SIZE

    return max(1, min(os.cpu_count() or 1, -(-documents // BATCH_SIZE)))


def _ticker(total: int, progress: Callable[[int, int], None] | None) -> Callable[[], None]:
    """A callback counting finished documents (failures included) towards ``total``."""
    done = -1

    def tick() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total)

    return tick


def timed(items: Iterable[bytes], seconds: Counter, *, produce: str, consume: str) -> Iterator[bytes]:
    """``items``, adding to ``seconds`` the time spent making each (``produce``) and the time the
    consumer spends on it before asking for the next (``consume``)."""
    import time

    clock = time.perf_counter()
    for item in items:
        now = time.perf_counter()
        seconds[produce] += now - clock
        yield item
        clock = time.perf_counter()
        seconds[consume] += clock - now


def chunked(parts: Iterable[bytes], size: int = 8 << 20) -> Iterator[bytes]:
    """Join small byte strings into chunks of about ``size`` bytes (one bulk load each)."""
    buffer: list[bytes] = []
    length = 0
    for part in parts:
        buffer.append(part)
        length += len(part)
        if length >= size:
            yield b"".join(buffer)
            buffer, length = [], 0
    if buffer:
        yield b"".join(buffer)


def finish_build(folder: BuildFolder, staging: Path, report: BuildReport, *, files: "bool | BlockSpool", rows: "ListingRows | None" = None) -> None:
    """Write the files, listings and report of the staged store, then switch the build in whole.
    ``files`` is whether to write graph.trig and graph.ttl, or the spool that holds their blocks
    (else they are written from the store); ``rows`` are the listings' rows the documents gave
    (else the listings are queried from the store)."""
    import json

    from kg.store import listings
    from kg.store.backends import OxigraphBackend
    from kg.store.files import atomic_write
    from kg.store.graph_files import BlockSpool, write_files_from_store

    backend = OxigraphBackend.open(staging / folder.store.name)
    try:
        if files:
            with stopwatch(report.seconds, "files"):
                if isinstance(files, BlockSpool):
                    files.write(staging)
                else:
                    write_files_from_store(backend.store, staging)
            report.outputs.update(trig=folder.trig, turtle=folder.turtle)
        report.outputs.update(store=folder.store)
        if listings.written_by_build(len(report.documents)):
            with stopwatch(report.seconds, "listings"):
                listings.write(backend, staging, rows)
            report.outputs.update(listings=folder.listings)
    finally:
        backend.close()
    atomic_write(staging / folder.report.name, json.dumps(report.to_dict(), indent=2))
    folder.switch_to(staging)


def write_build(folder: BuildFolder, dataset: Dataset, report: BuildReport, *, on_wait: Callable[[str], None] | None = None) -> None:
    """Make an rdflib ``dataset`` the build of ``folder``, as a whole (staged, then switched in)."""
    from kg.store.oxigraph import dataset_nquads, load_store

    with folder.writing("kg build", on_wait=on_wait):
        staging = folder.stage()
        load_store(dataset_nquads(dataset), staging)
        finish_build(folder, staging, report, files=True)


@contextmanager
def stopwatch(seconds: Counter, name: str) -> Iterator[None]:
    import time

    start = time.perf_counter()
    try:
        yield
    finally:
        seconds[name] += time.perf_counter() - start


def build_dataset(inputs: Sequence[Path]) -> tuple[Dataset, BuildReport]:
    """Build the graph of ``inputs`` in memory, as an rdflib ``Dataset`` (for a few articles:
    evaluation, notebooks, tests); the same quads a folder build writes."""
    from kg.emit import new_dataset

    report = BuildReport()
    dataset = new_dataset()
    documents = iter_documents(input_files(inputs, report), report)
    for nquads in chain([gazetteer_nquads()], (graph.nquads for graph in counted(extracted(documents), report))):
        dataset.parse(data=nquads, format="nquads")
    return dataset, report


def evaluate_dir(gold_dir: Path):
    """Build the articles beside the gold files of ``gold_dir`` and score them (``kg.evaluate.Report``)."""
    from kg.evaluate import load_gold_dir, score
    from kg.store.queries import run_named

    golds = load_gold_dir(gold_dir)
    articles = [gold_dir / g.document for g in golds]
    dataset, report = build_dataset(articles)
    rows = {name: run_named(dataset, name) for name in FACT_KINDS}
    return score(golds, rows), report
