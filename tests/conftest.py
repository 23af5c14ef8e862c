"""Shared fixtures. The shipped corpus is built once per test session (it takes a few seconds)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
KG = Path(sys.executable).parent / "kg"
"""The installed ``kg`` command, as a user runs it (the entry point of this environment)."""
DEV_CORPUS = REPO / "data" / "corpus" / "dev"
NEWS_DEV_CORPUS = REPO / "data" / "corpus" / "news-dev"
SEED = DEV_CORPUS / "seed-nasa-roscosmos-talks.txt"


def run_kg(*args: str, cwd: Path = REPO, env: dict | None = None, timeout: float = 600, **kwargs) -> subprocess.CompletedProcess:
    """Run the installed ``kg`` command in a subprocess; its output as text."""
    import os

    environment = {**os.environ, **(env or {})}
    return subprocess.run([str(KG), *args], capture_output=True, text=True, cwd=cwd, env=environment, timeout=timeout, **kwargs)


def events_of(extraction, event_type: str) -> list:
    """The events of ``event_type`` an extraction found."""
    return [e for e in extraction.events if e.type == event_type]


def participant_names(extraction, event) -> set[str]:
    """The labels of an event's participants."""
    return {extraction.entities[p].label for p in event.participants}


def quotes_shown(extraction) -> list[tuple[str, str]]:
    """(speaker label, quoted text) of an extraction's quotes, in order."""
    return [(extraction.entities[q.speaker].label, q.text) for q in extraction.quotes]


def positions_shown(extraction) -> set[tuple[str, str, str | None]]:
    """(person, title, organization) of an extraction as ``kg query positions`` shows them: an
    organization the text does not name (taken from the gazetteer) goes by the gazetteer's label."""
    from kg.gazetteer import load_gazetteer

    def label(key):
        return extraction.entities[key].label if key in extraction.entities else load_gazetteer().get(key).label

    return {(label(p.person), p.title, label(p.organization) if p.organization else None)
            for p in extraction.positions}


@pytest.fixture(scope="session")
def built_corpus(tmp_path_factory):
    """``(out_dir, dataset, report)`` of the shipped default corpus, built once."""
    from kg.pipeline import build
    from kg.resources import default_corpus_dir

    from kg.store.oxigraph import load_dataset

    out = tmp_path_factory.mktemp("corpus-build")
    report = build([default_corpus_dir()], out)
    return out, load_dataset(out), report


@pytest.fixture(scope="session")
def built_seed(tmp_path_factory):
    """``(out_dir, dataset, report)`` of the seed article alone."""
    from kg.pipeline import build

    from kg.store.oxigraph import load_dataset

    out = tmp_path_factory.mktemp("seed-build")
    report = build([SEED], out)
    return out, load_dataset(out), report


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


@pytest.fixture(scope="session")
def two_articles():
    """A dataset emitted from two hand-written extractions, for exact checks of the analytics.

    a.txt: Sean Duffy (acting administrator of NASA) and Dmitry Bakanov (director general of
    Roscosmos) meet on 2025-07-31 in the United States with both agencies; NASA takes part in
    Artemis and is based in the United States; Duffy says "We will see." b.txt: Bakanov is
    director general of "Roskosmos" again; a launch of 2026 by NASA and Roscosmos is planned;
    Roscosmos is based in Russia.
    """
    from datetime import date

    from kg.emit import emit_document, new_dataset
    from kg.model import AgencyCountry, DateValue, Document, Entity, Event, Evidence, Extraction, Involvement, Mention, Position, Quote

    def document(doc_id: str, text: str) -> Document:
        return Document(doc_id, Path(f"{doc_id}.txt"), "txt", None, date(2025, 8, 1), text, text, tuple(range(len(text) + 1)))

    def sentence(doc: Document, text: str) -> Evidence:
        start = doc.text.index(text)
        return Evidence(doc.doc_id, text, start, start + len(text))

    def mentions(doc: Document, ev: Evidence, *names: tuple[str, str, str]) -> list[Mention]:
        out = []
        for surface, type_name, key in names:
            start = doc.text.index(surface, ev.start)
            out.append(Mention(surface, start, start + len(surface), type_name, key, ev))
        return out

    s1 = "The July 31st meeting brought together NASA's Acting Administrator Sean Duffy and Roscosmos Director General Dmitry Bakanov in the United States."
    s2 = "NASA leads the Artemis program."
    s3 = 'Duffy said: "We will see."'
    a = document("a", f"{s1} {s2} {s3}")
    e1, e2, e3 = sentence(a, s1), sentence(a, s2), sentence(a, s3)
    duffy, bakanov = "person:sean duffy", "person:dmitry bakanov"
    nasa, roscosmos, usa, russia, artemis = "nasa", "roscosmos", "united-states", "russia", "artemis"
    ex_a = Extraction(
        a,
        entities={
            duffy: Entity(duffy, "Person", "Sean Duffy", {"Duffy"}),
            bakanov: Entity(bakanov, "Person", "Dmitry Bakanov"),
            nasa: Entity(nasa, "Agency", "NASA", wikidata="Q23548"),
            roscosmos: Entity(roscosmos, "Agency", "Roscosmos"),
            usa: Entity(usa, "Country", "United States"),
            artemis: Entity(artemis, "Program", "Artemis program"),
        },
        mentions=mentions(a, e1, ("NASA", "Agency", nasa), ("Sean Duffy", "Person", duffy), ("Roscosmos", "Agency", roscosmos),
                          ("Dmitry Bakanov", "Person", bakanov), ("United States", "Country", usa))
        + mentions(a, e2, ("NASA", "Agency", nasa), ("Artemis program", "Program", artemis))
        + mentions(a, e3, ("Duffy", "Person", duffy)),
        positions=[Position(duffy, "acting administrator", nasa, e1, acting=True), Position(bakanov, "director general", roscosmos, e1)],
        events=[Event("Meeting", "Meeting: The July 31st meeting", DateValue.of(2025, 7, 31), usa, (duffy, bakanov, nasa, roscosmos), "happened", e1)],
        involvements=[Involvement(artemis, nasa, e2)],
        agency_countries=[AgencyCountry(nasa, usa, e1)],
        quotes=[Quote(duffy, "We will see.", e3)],
    )
    t1 = "Roskosmos director general Dmitry Bakanov said a launch with NASA is planned for 2026."
    t2 = "Roskosmos is the Russian space agency."
    b = document("b", f"{t1} {t2}")
    f1, f2 = sentence(b, t1), sentence(b, t2)
    ex_b = Extraction(
        b,
        entities={
            bakanov: Entity(bakanov, "Person", "Dmitry Bakanov"),
            nasa: Entity(nasa, "Agency", "NASA", wikidata="Q23548"),
            roscosmos: Entity(roscosmos, "Agency", "Roskosmos"),
            russia: Entity(russia, "Country", "Russia"),
        },
        mentions=mentions(b, f1, ("Roskosmos", "Agency", roscosmos), ("Dmitry Bakanov", "Person", bakanov), ("NASA", "Agency", nasa))
        + mentions(b, f2, ("Roskosmos", "Agency", roscosmos)),
        positions=[Position(bakanov, "director general", roscosmos, f1)],
        events=[Event("Launch", "Launch: a launch with NASA", DateValue.of(2026), None, (roscosmos, nasa), "planned", f1)],
        agency_countries=[AgencyCountry(roscosmos, russia, f2)],
    )
    ds = new_dataset()
    emit_document(ds, ex_a)
    emit_document(ds, ex_b)
    return ds


INJECTION = "<img src=x onerror=alert(1)>"
"""Markup a page must show as text and never run (guards issue 4, see tests/test_viz_browser.py)."""
INJECTED_QUOTE = 'We said </script><script>alert(2)</script> and <b onmouseover=alert(3)>more</b>\u2028then stopped.'


@pytest.fixture(scope="session")
def hostile_graph(tmp_path_factory):
    """A build folder whose article text is markup: a person named ``INJECTION``, who says
    ``INJECTED_QUOTE`` and holds a post at an agency, at a planned meeting labelled with the
    payload; every evidence sentence carries the payload. Emitted through ``kg.emit``."""
    from datetime import date

    from kg.emit import emit_document, new_dataset
    from kg.store.folder import BuildFolder
    from kg.model import DateValue, Document, Entity, Event, Evidence, Extraction, Mention, Position, Quote
    from kg.pipeline import BuildReport, write_build

    s1 = f"NASA chief {INJECTION} met Roscosmos on July 31."
    s2 = f'"{INJECTED_QUOTE}," {INJECTION} said.'
    text = f"{s1} {s2}"
    doc = Document("hostile", Path("hostile.txt"), "txt", "Hostile", date(2025, 8, 1), text, text, tuple(range(len(text) + 1)))
    e1 = Evidence("hostile", s1, 0, len(s1))
    e2 = Evidence("hostile", s2, len(s1) + 1, len(text))
    person, nasa, roscosmos = "person:hostile", "nasa", "roscosmos"
    p1 = text.index(INJECTION)
    extraction = Extraction(
        doc,
        entities={
            person: Entity(person, "Person", INJECTION),
            nasa: Entity(nasa, "Agency", "NASA"),
            roscosmos: Entity(roscosmos, "Agency", "Roscosmos"),
        },
        mentions=[
            Mention(INJECTION, p1, p1 + len(INJECTION), "Person", person, e1),
            Mention("NASA", 0, 4, "Agency", nasa, e1),
            Mention("Roscosmos", text.index("Roscosmos"), text.index("Roscosmos") + 9, "Agency", roscosmos, e1),
        ],
        positions=[Position(person, "chief", nasa, e1)],
        events=[Event("Meeting", f"Meeting: {INJECTION}", DateValue.of(2025, 7, 31), None, (person, nasa, roscosmos), "planned", e1)],
        quotes=[Quote(person, INJECTED_QUOTE, e2)],
    )
    ds = new_dataset()
    emit_document(ds, extraction)
    out = tmp_path_factory.mktemp("hostile-build")
    write_build(BuildFolder(out), ds, BuildReport(documents=["hostile.txt"]))
    return out


@pytest.fixture(scope="session")
def chromium_browser():
    """Headless Chromium for the ``browser`` tests; they FAIL (not skip) without /usr/bin/chromium."""
    from kg.viz.browser import CHROMIUM, chromium

    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: the browser tests need Debian's chromium (`apt-get install -y chromium`; .ci/run installs it)")
    with chromium() as browser:
        yield browser


@pytest.fixture
def offline_tab(chromium_browser):
    """A fresh page of ``chromium_browser`` with every outside request aborted and recorded."""
    from kg.viz.browser import new_offline_page

    tab = new_offline_page(chromium_browser)
    yield tab
    tab.page.context.close()


@pytest.fixture(scope="session")
def corpus_backends(built_corpus):
    """The built default corpus opened both ways: ``{"memory": ..., "oxigraph": ...}`` (kg.store.backends)."""
    from kg.store.backends import MemoryBackend, OxigraphBackend
    from kg.store.oxigraph import load_dataset

    out, _, _ = built_corpus
    backends = {"memory": MemoryBackend(load_dataset(out)), "oxigraph": OxigraphBackend.open(out / "store")}
    yield backends
    for backend in backends.values():
        backend.close()


@pytest.fixture(scope="session")
def inferred_corpus(built_corpus):
    """The default corpus closed under the ontology (RDFS), as a ``MemoryBackend``; computed once."""
    from kg.store.backends import MemoryBackend
    from kg.store.inference import infer
    from kg.store.oxigraph import load_dataset

    out, _, _ = built_corpus
    return MemoryBackend(infer(load_dataset(out), entailment="rdfs"))


@pytest.fixture
def seed_build_copy(built_seed, tmp_path):
    """A private copy of the seed-only build folder (graph.trig, graph.ttl, store/) to change."""
    import shutil

    out, _, _ = built_seed
    copy = tmp_path / "out"
    shutil.copytree(out, copy)
    return copy
