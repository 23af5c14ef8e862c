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

from kg.errors import InputError
from kg.model import Document, Extraction


@dataclass
class BuildReport:
    """What a build read, extracted and wrote."""

    documents: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    facts: Counter = field(default_factory=Counter)
    entities: int = 0
    outputs: dict[str, Path] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.failures

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
        if document.doc_id in seen:
            report.failures.append(
                f"{path}: same document name as {seen[document.doc_id]} (rename one; a document's name identifies its graph)"
            )
            continue
        seen[document.doc_id] = path
        documents.append(document)
    return documents


def extract_all(documents: Sequence[Document], *, on_document: Callable[[Document], None] | None = None) -> list[Extraction]:
    """Run the NLP pipeline and every extractor over the documents."""
    from kg.extract.document import extract_document
    from kg.gazetteer import load_gazetteer
    from kg.lexicon import load_lexicon
    from kg.nlp import load_pipeline

    if not documents:
        return []
    nlp = load_pipeline()
    gazetteer = load_gazetteer()
    lexicon = load_lexicon()
    out = []
    for document, doc in zip(documents, nlp.pipe((d.text for d in documents), batch_size=8)):
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
    on_document: Callable[[Document], None] | None = None,
) -> tuple[Dataset, BuildReport]:
    """Build the graph of ``inputs``; write it under ``out`` unless ``out`` is None (the files, the
    store and the listings beside it, ``kg.listings``)."""
    from kg import listings
    from kg.backends import OxigraphBackend
    from kg.store import write_graph

    report = BuildReport()
    documents = read_documents(inputs, report)
    extractions = extract_all(documents, on_document=on_document)
    summarize(extractions, report)
    dataset = to_dataset(extractions)
    if out is not None:
        listings.discard(out)
        report.outputs = write_graph(dataset, out)
        backend = OxigraphBackend.open(report.outputs["store"])
        try:
            report.outputs["listings"] = listings.write(backend, out)
        finally:
            backend.close()
    return dataset, report


COMPETENCY_QUERIES = ("entities", "positions", "events", "involvement", "agency_country", "quotes")


def evaluate_dir(gold_dir: Path):
    """Build the articles beside the gold files of ``gold_dir`` and score them (``kg.evaluate.Report``)."""
    from kg.evaluate import load_gold_dir, score
    from kg.queries import run_named

    golds = load_gold_dir(gold_dir)
    articles = [gold_dir / g.document for g in golds]
    dataset, report = build(articles, None)
    rows = {name: run_named(dataset, name) for name in COMPETENCY_QUERIES}
    return score(golds, rows), report
