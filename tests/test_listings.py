"""Listings written beside the store (kg.store.listings): used when present, rewritten with every change, never stale."""

from __future__ import annotations

import json

import pytest

from conftest import DEV_CORPUS, run_kg
from kg.store import listings
from kg.store.backends import OxigraphBackend, open_backend
from kg.incremental import add_documents, remove_document
from kg.store.queries import named_queries, run_query

APOLLO = DEV_CORPUS / "dev-01-apollo-soyuz.txt"
APOLLO_FILE = APOLLO.name
SEED_FILE = "seed-nasa-roscosmos-talks.txt"


def answers(out, name: str, **kwargs):
    backend = open_backend(out)
    try:
        return run_query(backend, name, **kwargs)
    finally:
        backend.close()


def documents_of(out, name: str = "entities", **kwargs) -> set[str]:
    return {row["document"] for row in answers(out, name, **kwargs).rows}


def test_a_build_writes_one_listing_per_query_without_a_required_parameter(seed_build_copy):
    written = {p.stem for p in listings.listings_dir(seed_build_copy).glob("*.json")}
    assert written == {name for name, q in named_queries().items() if not q.required}


def test_a_listing_is_answered_from_its_file(seed_build_copy):
    path = listings.listings_dir(seed_build_copy) / "entities.json"
    record = json.loads(path.read_text())
    record["rows"] = [["Somebody", "Person", "elsewhere.txt"]]
    path.write_text(json.dumps(record))
    assert answers(seed_build_copy, "entities").rows == [{"label": "Somebody", "type": "Person", "document": "elsewhere.txt"}]
    assert documents_of(seed_build_copy, listings=False) == {SEED_FILE}  # the store itself is unchanged


def test_a_listing_written_for_another_text_of_the_query_is_ignored(seed_build_copy):
    path = listings.listings_dir(seed_build_copy) / "entities.json"
    record = json.loads(path.read_text())
    record["query"] = listings.text_hash("an older entities.rq")
    record["rows"] = [["Somebody", "Person", "elsewhere.txt"]]
    path.write_text(json.dumps(record))
    assert documents_of(seed_build_copy) == {SEED_FILE}


def test_parameters_are_never_answered_from_a_listing(seed_build_copy):
    path = listings.listings_dir(seed_build_copy) / "entities.json"
    record = json.loads(path.read_text())
    record["rows"] = [["Somebody", "Person", "elsewhere.txt"]]
    path.write_text(json.dumps(record))
    assert documents_of(seed_build_copy, params={"document": SEED_FILE}) == {SEED_FILE}


def test_adding_and_removing_a_document_rewrites_the_listings(seed_build_copy):
    add_documents([APOLLO], seed_build_copy)
    for name in ("entities", "events", "timeline"):
        assert answers(seed_build_copy, name).rows == answers(seed_build_copy, name, listings=False).rows
    assert documents_of(seed_build_copy) == {SEED_FILE, APOLLO_FILE}
    remove_document(APOLLO_FILE, seed_build_copy)
    assert documents_of(seed_build_copy) == {SEED_FILE}
    assert answers(seed_build_copy, "entities").rows == answers(seed_build_copy, "entities", listings=False).rows


def test_an_interrupted_change_leaves_no_listings_rather_than_stale_ones(seed_build_copy, monkeypatch):
    def crash(self, graph, nquads):
        raise OSError("disk full")

    monkeypatch.setattr(OxigraphBackend, "replace_graph_nquads", crash)
    with pytest.raises(OSError):
        add_documents([APOLLO], seed_build_copy)
    assert not listings.listings_dir(seed_build_copy).exists()
    assert documents_of(seed_build_copy) == {SEED_FILE}  # answered by the store
    monkeypatch.undo()
    add_documents([APOLLO], seed_build_copy)  # the same command again completes it
    assert documents_of(seed_build_copy) == {SEED_FILE, APOLLO_FILE}
    assert (listings.listings_dir(seed_build_copy) / "entities.json").is_file()  # written by that query


def test_a_change_leaves_each_listing_to_the_first_query_that_asks_for_it(seed_build_copy):
    """issue 12: kg add to a large build must not walk the whole graph for every listing."""
    add_documents([APOLLO], seed_build_copy)
    assert not listings.listings_dir(seed_build_copy).exists()
    first = answers(seed_build_copy, "events")
    path = listings.listings_dir(seed_build_copy) / "events.json"
    assert path.is_file() and not (listings.listings_dir(seed_build_copy) / "entities.json").exists()
    assert answers(seed_build_copy, "events").rows == first.rows == answers(seed_build_copy, "events", listings=False).rows


def test_a_query_does_not_write_a_listing_while_a_writer_holds_the_folder(seed_build_copy):
    from kg.store.folder import BuildFolder

    listings.discard(seed_build_copy)
    with BuildFolder(seed_build_copy).writing("kg add"):
        assert documents_of(seed_build_copy) == {SEED_FILE}
    assert not listings.listings_dir(seed_build_copy).exists()


@pytest.mark.parametrize("damage", ["not json", json.dumps([1, 2]), "{}", "ROWS"])
def test_a_damaged_listing_is_ignored(seed_build_copy, damage):
    path = listings.listings_dir(seed_build_copy) / "entities.json"
    if damage == "ROWS":
        record = json.loads(path.read_text())
        record["rows"] = [["only one value"]]
        damage = json.dumps(record)
    path.write_text(damage)
    assert answers(seed_build_copy, "entities").rows == answers(seed_build_copy, "entities", listings=False).rows


def test_a_build_past_the_limit_leaves_the_listings_to_the_queries(tmp_path, monkeypatch):
    """issue 12: a listing is grouped and sorted in memory, so a large build does not write them:
    its memory must not grow with the corpus. Queries still answer, and write each listing."""
    from kg.pipeline import build

    monkeypatch.setattr(listings, "BUILD_WRITES_UP_TO", 1)
    out = tmp_path / "out"
    articles = [DEV_CORPUS / SEED_FILE, APOLLO]
    report = build(articles, out)
    assert len(report.documents) == 2 and "listings" not in report.outputs
    assert not listings.listings_dir(out).exists()
    first = answers(out, "events")
    assert (listings.listings_dir(out) / "events.json").is_file()
    assert first.rows == answers(out, "events").rows == answers(out, "events", listings=False).rows
    monkeypatch.setattr(listings, "BUILD_WRITES_UP_TO", 2)
    assert "listings" in build(articles, out).outputs


def test_the_kg_command_says_when_a_large_build_leaves_the_listings_to_the_queries(tmp_path):
    """issue 12, as a user meets it: a build of more than BUILD_WRITES_UP_TO articles says in one line
    that the listings are left to the queries, and the first query answers and writes its listing."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(listings.BUILD_WRITES_UP_TO + 1):
        (corpus / f"note-{i:05d}.txt").write_text("NASA and Roscosmos held talks.\n")
    out = tmp_path / "out"
    result = run_kg("build", str(corpus), "-o", str(out), "-j", "2")
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("listings:")]
    assert lines == [f"listings: left to the first query that asks for each (more than "
                     f"{listings.BUILD_WRITES_UP_TO:,} documents)"]
    assert not listings.listings_dir(out).exists()
    query = run_kg("query", "agency_country", "-g", str(out), "--format", "json")
    assert query.returncode == 0, query.stderr
    assert (listings.listings_dir(out) / "agency_country.json").is_file()
