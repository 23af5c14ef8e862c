"""The Oxigraph store a build writes beside its TriG, how it is replaced, and which backend a folder opens."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.store.listings import ListedBackend
from kg.store.backends import MemoryBackend, OxigraphBackend, open_backend
from kg.errors import GraphError
from kg.store.oxigraph import STORE_NAME, load_dataset, store_dir, write_store

QUADS = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"


def _quads(backend) -> set[tuple[str, ...]]:
    return {tuple(row.values()) for row in backend.select(QUADS).rows}


def test_build_writes_a_store_holding_the_same_quads_as_the_trig(built_corpus, corpus_backends):
    out, _, report = built_corpus
    assert report.outputs["store"] == out / STORE_NAME and store_dir(out) == out / STORE_NAME
    memory, oxigraph = _quads(corpus_backends["memory"]), _quads(corpus_backends["oxigraph"])
    assert memory == oxigraph and len(memory) > 5000
    assert len(corpus_backends["oxigraph"].graph_names()) == 8  # seven documents and the gazetteer


def test_a_new_store_replaces_the_old_one_whole(tmp_path, built_seed):
    out, _, _ = built_seed
    write_store(out / "graph.trig", tmp_path)
    small = tmp_path / "small.nq"
    small.write_text("<urn:a> <urn:b> <urn:c> <urn:g> .\n", encoding="utf-8")
    write_store(small, tmp_path)
    backend = OxigraphBackend.open(tmp_path / STORE_NAME)
    try:
        assert _quads(backend) == {("urn:a", "urn:b", "urn:c", "urn:g")}
    finally:
        backend.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["small.nq", STORE_NAME]


def test_a_failed_load_keeps_the_old_store_and_leaves_no_temporary_folder(tmp_path, built_seed):
    out, _, _ = built_seed
    write_store(out / "graph.trig", tmp_path)
    broken = tmp_path / "broken.nq"
    broken.write_text("<urn:a> <urn:b> \"unterminated .\n", encoding="utf-8")
    with pytest.raises(GraphError, match="broken.nq"):
        write_store(broken, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.nq", STORE_NAME]
    backend = OxigraphBackend.open(tmp_path / STORE_NAME)
    try:
        assert len(backend.graph_names()) == 2  # the seed document and the gazetteer
    finally:
        backend.close()


def test_auto_opens_the_store_of_a_build_folder_and_a_trig_file_in_memory(built_seed):
    out, _, _ = built_seed
    folder = open_backend(out)
    try:
        assert isinstance(folder, ListedBackend) and isinstance(folder.backend, OxigraphBackend)
        assert folder.folder == out  # the listings beside the store answer listings
    finally:
        folder.close()
    assert isinstance(open_backend(out / "graph.trig"), MemoryBackend)
    assert isinstance(open_backend(out, backend="memory"), MemoryBackend)


def test_asking_for_the_store_of_a_folder_without_one_says_how_to_get_it(tmp_path, built_seed):
    out, dataset, _ = built_seed
    (tmp_path / "graph.trig").write_bytes((out / "graph.trig").read_bytes())
    with pytest.raises(GraphError, match="kg build"):
        open_backend(tmp_path, backend="oxigraph")
    assert isinstance(open_backend(tmp_path), MemoryBackend)  # auto falls back to the TriG


def test_queries_cannot_write_to_the_store(built_seed):
    from kg.errors import QueryError

    out, _, _ = built_seed
    backend = OxigraphBackend.open(out / STORE_NAME)
    try:
        before = _quads(backend)
        update = "INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> <urn:c> } }"
        with pytest.raises(QueryError, match="SPARQL query failed"):
            backend.select(update)
        with pytest.raises(RuntimeError, match="read-write"):  # opened read-only for queries
            backend.store.update(update)
        assert _quads(backend) == before
    finally:
        backend.close()


def test_the_rdflib_view_of_the_store_reads_the_same_graph(built_seed):
    out, _, _ = built_seed
    backend = OxigraphBackend.open(out / STORE_NAME)
    try:
        view = {(str(s), str(p), str(o), str(g)) for s, p, o, g in backend.dataset.quads((None, None, None, None))}
        memory = {(str(s), str(p), str(o), str(g.identifier if hasattr(g, "identifier") else g))
                  for s, p, o, g in load_dataset(out).quads((None, None, None, None))}
        assert view == memory
    finally:
        backend.close()


def test_load_dataset_reports_an_unreadable_graph(tmp_path):
    bad = tmp_path / "graph.trig"
    bad.write_text("this is not TriG {", encoding="utf-8")
    with pytest.raises(GraphError, match="cannot read the graph"):
        load_dataset(Path(tmp_path))
