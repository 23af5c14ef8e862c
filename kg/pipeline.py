"""The build: article files -> documents -> extractions -> RDF dataset -> files.

``build`` composes the stages; the CLI and the Python API call it. A bad input file is reported
and skipped; the others still build.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset

from kg.store.folder import BuildFolder
from kg.errors import InputError, shown_path
from kg.model import Document, Extraction
from kg.ontology import document_graph
from kg.schema import FACT_KINDS


@dataclass
class BuildReport:
    """What a build read, extracted and wrote."""

    documents: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    facts: Counter = field(default_factory=Counter)
    entities: int = 0
    outputs: dict[str, Path] = field(default_factory=dict)
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
        }


def read_documents(inputs: Sequence[Path], report: BuildReport) -> list[Document]:
    """Load every input file; failures go to ``report`` and are skipped."""
    from kg.ingest import iter_input_files, load_document

    files: list[Path] = []
    for item in inputs:
        try:
            files.extend(iter_input_files([Path(item)]))
        except InputError as exc:
            report.failures.append(str(exc))
    documents: list[Document] = []
    seen: dict[str, Path] = {}
    for path in dict.fromkeys(files):
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
        documents.append(document)
    return documents


def extract_all(documents: Sequence[Document], *, on_document: Callable[[Document], None] | None = None) -> list[Extraction]:
    """Run the NLP pipeline and every extractor over the documents (long ones parsed in chunks)."""
    from kg.extract.document import extract_document
    from kg.gazetteer import load_gazetteer
    from kg.lexicon import load_lexicon
    from kg.nlp import load_pipeline, parse_texts

    if not documents:
        return []
    nlp = load_pipeline()
    gazetteer = load_gazetteer()
    lexicon = load_lexicon()
    out = []
    for document, doc in zip(documents, parse_texts(nlp, (d.text for d in documents), batch_size=8)):
        out.append(extract_document(document, doc, gazetteer, lexicon))
        if on_document is not None:
            on_document(document)
    return out


def to_dataset(extractions: Sequence[Extraction]) -> Dataset:
    from kg.emit import emit_document, emit_gazetteer, new_dataset
    from kg.gazetteer import load_gazetteer

    ds = new_dataset()
    reference = emit_gazetteer(ds, load_gazetteer())
    for extraction in extractions:
        emit_document(ds, extraction, reference)
    return ds


def summarize(extractions: Sequence[Extraction], report: BuildReport) -> None:
    keys: set[str] = set()
    for ex in extractions:
        report.documents.append(ex.document.source_name)
        report.warnings.extend(ex.warnings)
        keys.update(ex.entities)
        report.facts["mentions"] += len(ex.mentions)
        report.facts["positions"] += len(ex.positions)
        report.facts["events"] += len(ex.events)
        report.facts["involvement"] += len(ex.involvements)
        report.facts["agency_country"] += len(ex.agency_countries)
        report.facts["quotes"] += len(ex.quotes)
    report.entities = len(keys)


def build(
    inputs: Sequence[Path],
    out: Path | None,
    *,
    force: bool = False,
    on_document: Callable[[Document], None] | None = None,
    on_wait: Callable[[str], None] | None = None,
) -> tuple[Dataset, BuildReport]:
    """Build the graph of ``inputs``; write it as the build of the folder ``out`` unless ``out`` is
    None (``kg.store.folder``: graph.trig, graph.ttl, the store, its listings, build-report.json).

    When no input could be read, the folder keeps its earlier build and ``report.refused`` says
    why, unless ``force`` asks for a build with no documents. ``on_wait`` hears when another
    command is writing ``out`` and this one waits for it.
    """
    folder = BuildFolder(out) if out is not None else None
    if folder is not None:
        folder.check_writable()
    report = BuildReport()
    documents = read_documents(inputs, report)
    extractions = extract_all(documents, on_document=on_document)
    summarize(extractions, report)
    dataset = to_dataset(extractions)
    if folder is not None:
        write_build(folder, dataset, report, force=force, on_wait=on_wait)
    return dataset, report


def write_build(
    folder: BuildFolder, dataset: Dataset, report: BuildReport, *, force: bool = False, on_wait: Callable[[str], None] | None = None
) -> None:
    """Make ``dataset`` the build of ``folder``, as a whole: staged beside the old build, then switched in."""
    import json

    from kg.store import listings
    from kg.store.backends import OxigraphBackend
    from kg.store.files import atomic_write
    from kg.store.oxigraph import dataset_nquads, load_store, write_files_from_store

    if not report.documents and not force:
        kept = "keeps its earlier build" if folder.has_build() else "was not written"
        report.refused = f"{shown_path(folder.path)}: no document could be read, so {kept} (fix the inputs; force=True writes a graph with no documents)"
        return
    with folder.writing("kg build", on_wait=on_wait):
        staging = folder.stage()
        backend = OxigraphBackend.open(load_store(dataset_nquads(dataset), staging))
        try:
            write_files_from_store(backend.store, staging)
            listings.write(backend, staging)
        finally:
            backend.close()
        report.outputs = {"trig": folder.trig, "turtle": folder.turtle, "store": folder.store, "listings": folder.listings}
        atomic_write(staging / folder.report.name, json.dumps(report.to_dict(), indent=2))
        folder.switch_to(staging)


def evaluate_dir(gold_dir: Path):
    """Build the articles beside the gold files of ``gold_dir`` and score them (``kg.evaluate.Report``)."""
    from kg.evaluate import load_gold_dir, score
    from kg.store.queries import run_named

    golds = load_gold_dir(gold_dir)
    articles = [gold_dir / g.document for g in golds]
    dataset, report = build(articles, None)
    rows = {name: run_named(dataset, name) for name in FACT_KINDS}
    return score(golds, rows), report
