"""Shared fixtures. The shipped corpus is built once per test session (it takes a few seconds)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DEV_CORPUS = REPO / "data" / "corpus" / "dev"
HELDOUT_CORPUS = REPO / "data" / "corpus" / "heldout"
SEED = DEV_CORPUS / "seed-nasa-roscosmos-talks.txt"


@pytest.fixture(scope="session")
def built_corpus(tmp_path_factory):
    """``(out_dir, dataset, report)`` of the shipped default corpus, built once."""
    from kg.pipeline import build
    from kg.resources import default_corpus_dir

    out = tmp_path_factory.mktemp("corpus-build")
    dataset, report = build([default_corpus_dir()], out)
    return out, dataset, report


@pytest.fixture(scope="session")
def built_seed(tmp_path_factory):
    """``(out_dir, dataset, report)`` of the seed article alone."""
    from kg.pipeline import build

    out = tmp_path_factory.mktemp("seed-build")
    dataset, report = build([SEED], out)
    return out, dataset, report


@pytest.fixture(scope="session")
def extract_text():
    """Extract one article given as text: ``extract_text(body, published="2025-08-01") -> Extraction``."""
    from datetime import date

    from kg.extract.document import extract_document
    from kg.gazetteer import load_gazetteer
    from kg.lexicon import load_lexicon
    from kg.model import Document
    from kg.nlp import load_pipeline

    nlp = load_pipeline()

    def run(body: str, published: str | None = "2025-08-01"):
        document = Document(
            doc_id="t",
            path=Path("t.txt"),
            kind="txt",
            title=None,
            published=date.fromisoformat(published) if published else None,
            text=body,
            original=body,
            offsets=tuple(range(len(body) + 1)),
        )
        return extract_document(document, nlp(body), load_gazetteer(), load_lexicon())

    return run
