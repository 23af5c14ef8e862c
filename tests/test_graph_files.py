"""graph.trig and graph.ttl of a build folder: their block indexes, and splicing one graph in or out
(``kg.store.graph_files``, what ``kg add`` and ``kg remove`` do to the files; issue 12).

The graphs here are made by hand in an in-memory Oxigraph store, so no article is parsed: a
splice must write the bytes a fresh write of the same store writes, whether it found the blocks
with the index or by reading the file, and an interrupted one must leave the old files.
"""

from __future__ import annotations

import os

import pytest

from kg.store import graph_files
from kg.store.graph_files import KINDS, index_path, splice_files, write_files_from_store

FILES = ("graph.trig", "graph.ttl")
EX = "https://example.org/"


def graph(name: str) -> str:
    return f"{EX}graph/{name}"


def store_of(*names: str):
    """A store whose named graphs ``names`` each hold a few triples (one literal with a line break
    and one that looks like the line opening a block), plus a default-graph triple."""
    import pyoxigraph as ox

    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode(f"{EX}s"), ox.NamedNode(f"{EX}p"), ox.Literal("default"), ox.DefaultGraph()))
    for name in names:
        add_graph(store, name)
    return store


def add_graph(store, name: str, text: str = "") -> None:
    import pyoxigraph as ox

    g = ox.NamedNode(graph(name))
    for number, value in enumerate((f"first {name} {text}", f"line\nbreak\n<{graph(name)}> {{", f"# graph <{graph(name)}>")):
        store.add(ox.Quad(ox.NamedNode(f"{EX}{name}/{number}"), ox.NamedNode(f"{EX}says"), ox.Literal(value), g))


def drop_graph(store, name: str) -> None:
    import pyoxigraph as ox

    store.remove_graph(ox.NamedNode(graph(name)))


def files(folder) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in FILES}


def fresh_files(store, tmp_path) -> dict[str, bytes]:
    """The files a write from scratch of ``store`` gives."""
    folder = tmp_path / "fresh"
    write_files_from_store(store, folder)
    return files(folder)


def scanned(path):
    with open(path, "rb") as fh:
        return graph_files._block_spans(fh, graph_files.OPENERS["trig" if path.suffix == ".trig" else "turtle"])


@pytest.fixture
def scans(monkeypatch):
    """Counts the times a file is read to find its blocks."""
    count = {"scans": 0}
    real = graph_files._block_spans

    def counting(*args, **kwargs):
        count["scans"] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(graph_files, "_block_spans", counting)
    return count


def test_the_files_are_written_with_an_index_of_where_each_block_starts(tmp_path):
    write_files_from_store(store_of("b", "a", "c"), tmp_path)
    for name in FILES:
        path = tmp_path / name
        assert index_path(path).name == f".{name}.index"
        assert graph_files._indexed_spans(path) == scanned(path)
        assert [key for key, _, _ in scanned(path)] == ["", *(f"<{graph(n)}>" for n in "abc")]


@pytest.mark.parametrize(
    "written, removed",
    [("a", ""), ("c", ""), ("g", ""), ("d", ""), ("", "b"), ("", "f"), ("ade", "f"), ("", "bdf")],
    ids=["add first", "add between", "add last", "replace", "remove first", "remove last", "several", "remove all"],
)
def test_a_splice_with_the_index_writes_the_bytes_of_a_fresh_write_without_reading_the_file(tmp_path, scans, written, removed):
    store = store_of("b", "d", "f")
    out = tmp_path / "out"
    write_files_from_store(store, out)
    for name in written:
        drop_graph(store, name)
        add_graph(store, name, text="new")
    for name in removed:
        drop_graph(store, name)
    splice_files(store, out, [graph(name) for name in written + removed])
    assert files(out) == fresh_files(store, tmp_path)
    assert scans["scans"] == 0
    for name in FILES:  # and the new index describes the new file
        assert graph_files._indexed_spans(out / name) == scanned(out / name)


@pytest.mark.parametrize("damage", ["missing", "older kg", "file edited", "not an index", "offsets wrong"])
def test_an_index_that_does_not_describe_the_file_is_not_used(tmp_path, scans, damage):
    """The file is read instead (a scan), the result is the same bytes, and the index is written
    again for the new file."""
    store = store_of("a", "c")
    out = tmp_path / "out"
    write_files_from_store(store, out)
    for name in FILES:
        path, index = out / name, index_path(out / name)
        if damage == "missing":
            index.unlink()
        elif damage == "older kg":
            index.write_text(index.read_text().replace("kg block index 1", "kg block index 0"))
        elif damage == "file edited":  # the same size, a later time
            time = path.stat().st_mtime_ns
            path.write_bytes(path.read_bytes().replace(b"first c", b"First c"))  # in the block the splice drops
            os.utime(path, ns=(time, time + 1_000_000))
        elif damage == "not an index":
            index.write_bytes(b"\xff\xfe garbage")
        else:  # the signature of the file, but every block said to start 3 bytes late
            spans = graph_files._indexed_spans(path)
            graph_files._write_index(path, [(key, start + 3) for key, start, _ in spans[1:]])
    add_graph(store, "b")
    drop_graph(store, "c")
    splice_files(store, out, [graph("b"), graph("c")])
    assert files(out) == fresh_files(store, tmp_path)
    assert scans["scans"] == len(FILES)
    for name in FILES:
        assert graph_files._indexed_spans(out / name) == scanned(out / name)


def test_the_cuts_of_a_splice_are_checked_against_the_file(tmp_path):
    """An index can describe the file's size, time and inode and still be wrong (an edit of the
    same size in the same clock tick): every offset a splice cuts at must open the block the index
    says."""
    store = store_of("a", "c", "e")
    out = tmp_path / "out"
    write_files_from_store(store, out)
    for kind, name in zip(KINDS, FILES):
        path = out / name
        spans = graph_files._indexed_spans(path)
        fresh = {f"<{graph('b')}>": b"new"}
        with open(path, "rb") as fh:
            assert graph_files._cuts_checked(fh.fileno(), kind, spans, fresh, set(fresh))
            swapped = [spans[0], (spans[2][0], spans[1][1], spans[1][2]), (spans[1][0], spans[2][1], spans[2][2]), spans[3]]
            assert not graph_files._cuts_checked(fh.fileno(), kind, swapped, fresh, set(fresh))


def test_an_interrupted_splice_leaves_the_old_files_and_the_next_one_writes_the_right_bytes(tmp_path, monkeypatch):
    store = store_of("a", "c")
    out = tmp_path / "out"
    write_files_from_store(store, out)
    before = files(out)
    add_graph(store, "b")

    def crash(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(graph_files, "_copy_range", crash)
    with pytest.raises(KeyboardInterrupt):
        splice_files(store, out, [graph("b")])
    assert files(out) == before
    assert sorted(p.name for p in out.iterdir() if p.name.endswith(".tmp")) == []
    for name in FILES:  # the index is gone or still right: never one for another version of the file
        spans = graph_files._indexed_spans(out / name)
        assert spans is None or spans == scanned(out / name)

    monkeypatch.undo()
    splice_files(store, out, [graph("b")])
    assert files(out) == fresh_files(store, tmp_path)


def test_a_build_folder_has_the_index_of_its_files_and_kg_add_keeps_it(seed_build_copy, scans):
    from conftest import DEV_CORPUS
    from kg.incremental import add_documents, remove_document

    for name in FILES:
        assert graph_files._indexed_spans(seed_build_copy / name) == scanned(seed_build_copy / name)
    scans["scans"] = 0
    apollo = DEV_CORPUS / "dev-01-apollo-soyuz.txt"
    add_documents([apollo], seed_build_copy)
    remove_document(apollo.name, seed_build_copy)
    assert scans["scans"] == 0
    for name in FILES:
        assert graph_files._indexed_spans(seed_build_copy / name) == scanned(seed_build_copy / name)


def test_an_export_leaves_no_index_beside_the_file(tmp_path):
    store = store_of("a")
    graph_files.write_trig(store, tmp_path / "copy.trig")
    graph_files.write_turtle(store, tmp_path / "copy.ttl")
    assert sorted(os.listdir(tmp_path)) == ["copy.trig", "copy.ttl"]
