"""CPU per document of what kg does after spaCy: trigger matching, extraction, emission.

Usage::

    .venv/bin/python bench/extract_cpu.py N [--repeat R] [--profile FILE] [--work DIR]

Generates N articles (``bench/articles.py``), reads them (``kg.ingest``) and parses them once
with kg's pipeline (the parses are cached in DIR as a ``DocBin``, keyed by N), then times, over
every document, with process CPU time (best of R runs, so other jobs on the machine count less):

- **triggers**: ``kg.extract.event_rules.match_triggers`` alone (it also runs inside extraction);
- **extract**: ``kg.extract.document.extract_document``;
- **emit**: ``kg.workers.document_graph`` with the blocks of graph.trig/graph.ttl, as a build does;
- **ingest**: ``kg.ingest.load_document`` of each file.

``--profile FILE`` writes a cProfile of one pass of extract + emit (read it with ``pstats``).
"""

from __future__ import annotations

import argparse
import cProfile
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def _parses(paths: list[Path], documents: list, cache: Path) -> list:
    from spacy.tokens import DocBin

    from kg.nlp import parse_texts
    from kg.workers import _tools

    nlp = _tools()[0]
    if cache.exists():
        return list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    docs = list(parse_texts(nlp, (d.text for d in documents)))
    DocBin(store_user_data=True, docs=docs).to_disk(cache)
    return docs


def _best(run, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", type=Path)
    parser.add_argument("--work", type=Path, default=Path("/tmp/kg-extract-cpu"))
    args = parser.parse_args(argv)

    from articles import generate

    from kg.extract.document import extract_document
    from kg.extract.event_rules import match_triggers
    from kg.ingest import load_document
    from kg.workers import _tools, document_graph

    folder = args.work / f"articles-{args.count}"
    paths = sorted(folder.glob("a-*")) if folder.exists() else generate(args.count, folder)
    documents = [load_document(p) for p in paths]
    docs = _parses(paths, documents, args.work / f"parses-{args.count}.spacy")
    _, gazetteer, lexicon, reference = _tools()
    extractions = [extract_document(d, doc, gazetteer, lexicon) for d, doc in zip(documents, docs)]

    def triggers() -> None:
        for doc in docs:
            match_triggers(doc)

    def extract() -> None:
        for document, doc in zip(documents, docs):
            extract_document(document, doc, gazetteer, lexicon)

    def emit() -> None:
        for extraction in extractions:
            document_graph(extraction, reference, blocks=True)

    def ingest() -> None:
        for path in paths:
            load_document(path)

    n = len(docs)
    for name, run in (("triggers", triggers), ("extract", extract), ("emit", emit), ("ingest", ingest)):
        print(f"{name:9} {1000 * _best(run, args.repeat) / n:7.2f} ms/doc CPU (best of {args.repeat}, {n} documents)")
    if args.profile:
        profile = cProfile.Profile()
        profile.runcall(lambda: (extract(), emit()))
        profile.dump_stats(args.profile)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
