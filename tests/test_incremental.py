"""``kg add`` and ``kg remove``: one document's graph changes; the rest, and the files, follow."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from conftest import DEV_CORPUS, REPO, SEED
from kg.store.backends import OxigraphBackend
from kg.errors import GraphError
from kg.incremental import add_documents, remove_document
from kg.ontology import GAZETTEER_GRAPH, document_graph
from kg.store.oxigraph import STORE_NAME, load_dataset

APOLLO = DEV_CORPUS / "dev-01-apollo-soyuz.txt"
QUADS = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"


def store_quads(out) -> set[tuple[str, ...]]:
    backend = OxigraphBackend.open(out / STORE_NAME)
    try:
        return {tuple(row.values()) for row in backend.select(QUADS).rows}
    finally:
        backend.close()


def file_quads(out) -> set[tuple[str, ...]]:
    return {(str(s), str(p), str(o), str(g)) for s, p, o, g in load_dataset(out).quads((None, None, None, None))}


def graph_of(quads, graph) -> set[tuple[str, ...]]:
    return {q for q in quads if q[3] == str(graph)}


def test_adding_a_document_adds_its_graph_and_touches_nothing_else(seed_build_copy):
    before = store_quads(seed_build_copy)
    update = add_documents([APOLLO], seed_build_copy)
    assert [(c.document, c.action) for c in update.changes] == [(APOLLO.name, "added")]
    after = store_quads(seed_build_copy)
    apollo = graph_of(after, document_graph("dev-01-apollo-soyuz"))
    assert apollo and len(apollo) == update.changes[0].triples
    assert after - apollo == before
    assert file_quads(seed_build_copy) == after  # graph.trig rewritten to match the store


def test_adding_an_unchanged_file_is_skipped(seed_build_copy):
    trig = (seed_build_copy / "graph.trig").read_bytes()
    update = add_documents([SEED], seed_build_copy)
    assert [(c.document, c.action) for c in update.changes] == [(SEED.name, "unchanged")]
    assert update.outputs == {} and (seed_build_copy / "graph.trig").read_bytes() == trig


def test_a_changed_file_replaces_its_old_facts(seed_build_copy, tmp_path):
    changed = tmp_path / SEED.name
    changed.write_text(SEED.read_text(encoding="utf-8").replace("Dmitry Bakanov", "Yuri Borisov"), encoding="utf-8")
    gazetteer = graph_of(store_quads(seed_build_copy), GAZETTEER_GRAPH)
    update = add_documents([changed], seed_build_copy)
    assert [(c.document, c.action) for c in update.changes] == [(SEED.name, "replaced")]
    quads = store_quads(seed_build_copy)
    seed = graph_of(quads, document_graph(SEED.stem))
    objects = {o for _, _, o, _ in seed}
    assert "Yuri Borisov" in objects and "Dmitry Bakanov" not in objects
    assert graph_of(quads, GAZETTEER_GRAPH) == gazetteer
    assert file_quads(seed_build_copy) == quads


def test_removing_a_document_deletes_its_facts_and_nothing_else(seed_build_copy):
    add_documents([APOLLO], seed_build_copy)
    before = store_quads(seed_build_copy)
    update = remove_document("seed-nasa-roscosmos-talks", seed_build_copy)
    assert [(c.document, c.action) for c in update.changes] == [(SEED.name, "removed")]
    after = store_quads(seed_build_copy)
    assert after == before - graph_of(before, document_graph(SEED.stem))
    assert len(before) - len(after) == update.changes[0].triples > 0
    assert file_quads(seed_build_copy) == after
    ttl = (seed_build_copy / "graph.ttl").read_text(encoding="utf-8")
    assert "seed-nasa-roscosmos-talks" not in ttl and "dev-01-apollo-soyuz" in ttl


@pytest.mark.parametrize("name", [SEED.name, SEED.stem.upper(), f"  {SEED.name}  ", str(document_graph(SEED.stem)).upper()])
def test_a_document_is_removed_by_its_file_name_or_name_or_graph_without_listing_the_others(seed_build_copy, monkeypatch, name):
    """issue 12: kg remove looks up the graphs the name can be in; it lists every document of the
    build only when none of them holds it (to suggest one)."""
    import kg.incremental

    def listing(backend):
        raise AssertionError("listed every document")

    monkeypatch.setattr(kg.incremental, "_stored_documents", listing)
    update = remove_document(name, seed_build_copy)
    assert [(c.document, c.action) for c in update.changes] == [(SEED.name, "removed")]


def test_removing_an_unknown_document_suggests_the_right_one(seed_build_copy):
    with pytest.raises(GraphError, match='no document "seed-nasa-roscosmos" .*did you mean "seed-nasa-roscosmos-talks.txt"'):
        remove_document("seed-nasa-roscosmos", seed_build_copy)


def test_a_folder_without_a_store_gets_one(seed_build_copy):
    shutil.rmtree(seed_build_copy / STORE_NAME)
    add_documents([APOLLO], seed_build_copy)
    assert store_quads(seed_build_copy) == file_quads(seed_build_copy)


def test_another_file_with_the_same_document_name_is_refused(seed_build_copy, tmp_path):
    other = tmp_path / f"{SEED.stem}.md"
    other.write_text("A different article about NASA.\n", encoding="utf-8")
    update = add_documents([other], seed_build_copy)
    assert not update.ok and update.changes == []
    assert "already has a document named" in update.failures[0] and "kg remove" in update.failures[0]


def test_adding_to_a_folder_without_a_graph_says_to_build(tmp_path):
    with pytest.raises(GraphError, match="kg build"):
        add_documents([SEED], tmp_path)


def test_cli_add_and_remove(seed_build_copy):
    def kg(*args):
        return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, cwd=REPO)

    added = kg("add", str(APOLLO), "-g", str(seed_build_copy))
    assert added.returncode == 0, added.stderr
    assert added.stdout.splitlines()[0].startswith(f"added: {APOLLO.name} (")
    removed = kg("remove", APOLLO.name, "-g", str(seed_build_copy))
    assert removed.returncode == 0 and removed.stdout.startswith(f"removed: {APOLLO.name}")
    missing = kg("remove", "nothing-like-it", "-g", str(seed_build_copy))
    assert missing.returncode == 1 and missing.stderr.count("\n") == 1


def test_a_store_being_written_by_another_command_is_reported(seed_build_copy):
    busy = OxigraphBackend.open(seed_build_copy / STORE_NAME, writable=True)
    try:
        with pytest.raises(GraphError, match="another kg command is writing it"):
            add_documents([APOLLO], seed_build_copy)
    finally:
        busy.close()


class _CrashingStore:
    """A store whose writes fail as a crash would, after reads went through."""

    def __init__(self, store):
        self._store = store

    def __getattr__(self, name):
        if name in {"update", "remove_graph", "extend", "add", "remove", "clear_graph", "bulk_extend"}:
            def crash(*args, **kwargs):
                raise OSError("simulated crash")

            return crash
        return getattr(self._store, name)


def test_replacing_a_graph_is_one_write_so_a_crash_keeps_the_old_graph():
    import pyoxigraph as ox
    from rdflib import Literal, URIRef

    store = ox.Store()
    backend = OxigraphBackend(store)
    graph = URIRef("https://example.org/graph/doc")
    old = [(URIRef("https://example.org/s"), URIRef("https://example.org/p"), Literal("old"))]
    backend.replace_graph(graph, old)
    before = set(store)

    first_write = {"seen": False}

    class FailOnSecondWrite(_CrashingStore):
        def __getattr__(self, name):
            # The first write succeeds; any further write in the same replacement crashes.
            target = getattr(self._store, name)
            if name not in {"update", "remove_graph", "extend", "add", "remove", "clear_graph", "bulk_extend"}:
                return target
            if not first_write["seen"]:
                first_write["seen"] = True
                return target
            return super().__getattr__(name)

    crashing = OxigraphBackend(_CrashingStore(store))
    new = [(URIRef("https://example.org/s"), URIRef("https://example.org/p"), Literal('new "quoted" } DROP ALL'))]
    with pytest.raises(OSError, match="simulated crash"):
        crashing.replace_graph(graph, new)
    assert set(store) == before

    # A replacement that can make only one write still completes: it needs no second one.
    OxigraphBackend(FailOnSecondWrite(store)).replace_graph(graph, new)
    assert {q.object.value for q in store} == {'new "quoted" } DROP ALL'}


def test_add_and_remove_write_the_bytes_a_fresh_build_writes(tmp_path):
    """issue 12: kg add serialises only the changed graph into graph.trig and copies the rest;
    the file must be the one a build from scratch of the same articles writes."""
    from kg.pipeline import build

    seed, apollo = DEV_CORPUS / "seed-nasa-roscosmos-talks.txt", DEV_CORPUS / "dev-01-apollo-soyuz.txt"
    build([seed], tmp_path / "grown")
    alone = {name: (tmp_path / "grown" / name).read_bytes() for name in ("graph.trig", "graph.ttl")}
    add_documents([apollo], tmp_path / "grown")
    build([seed, apollo], tmp_path / "fresh")
    for name in ("graph.trig", "graph.ttl"):
        assert (tmp_path / "grown" / name).read_bytes() == (tmp_path / "fresh" / name).read_bytes(), name
    remove_document(apollo.name, tmp_path / "grown")
    for name in ("graph.trig", "graph.ttl"):
        assert (tmp_path / "grown" / name).read_bytes() == alone[name], name


def test_add_to_a_build_whose_files_have_another_layout_writes_them_whole(tmp_path):
    """A build folder from an older kg (graph.ttl the union predicate by predicate, no
    ``# graph`` marks) or with an edited file: kg add cannot splice it, so it writes the file
    whole, the bytes a fresh build writes, never the old triples beside the new ones."""
    from rdflib import Dataset

    from kg.pipeline import build

    seed, apollo = DEV_CORPUS / "seed-nasa-roscosmos-talks.txt", DEV_CORPUS / "dev-01-apollo-soyuz.txt"
    build([seed], tmp_path / "old")
    union = Dataset()
    union.parse(tmp_path / "old" / "graph.trig", format="trig")
    (tmp_path / "old" / "graph.ttl").write_text(union.serialize(format="nt"), encoding="utf-8")  # no marks
    trig = (tmp_path / "old" / "graph.trig").read_text(encoding="utf-8")
    (tmp_path / "old" / "graph.trig").write_text(trig.replace("> {\n", ">\n{\n", 1), encoding="utf-8")  # one block unmarked
    add_documents([apollo], tmp_path / "old")
    build([seed, apollo], tmp_path / "fresh")
    for name in ("graph.trig", "graph.ttl"):
        assert (tmp_path / "old" / name).read_bytes() == (tmp_path / "fresh" / name).read_bytes(), name
