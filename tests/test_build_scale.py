"""issue 12: the streaming build, worker processes and a real Dask cluster give the same graph.

The build streams one document at a time into the store (``kg.pipeline.build``); these tests hold
it to the quads the whole-corpus emission gives, and ``-j 2`` and ``--scheduler`` (a scheduler and
two workers started here with Dask's own commands, on 127.0.0.1) to the bytes of a serial build.
Speed and memory are measured in ``bench/scale.py``, not here.
"""

from __future__ import annotations

import shutil

import pytest

from conftest import DEV_CORPUS, NEWS_DEV_CORPUS, run_kg
from test_serve_support import dask_cluster

BUILD_FILES = ("graph.trig", "graph.ttl")


@pytest.fixture(scope="module")
def articles(tmp_path_factory):
    """Eighteen articles (three batches of work): the dev corpus and news-dev's first eleven."""
    folder = tmp_path_factory.mktemp("articles")
    sources = sorted(p for p in DEV_CORPUS.iterdir() if p.suffix in (".txt", ".html"))
    sources += sorted(p for p in NEWS_DEV_CORPUS.iterdir() if p.suffix in (".txt", ".html", ".md") and p.name.startswith("nd-"))[:11]
    for source in sources:
        shutil.copy(source, folder / source.name)
    return folder


@pytest.fixture(scope="module")
def serial_build(articles, tmp_path_factory):
    out = tmp_path_factory.mktemp("serial") / "out"
    result = run_kg("build", str(articles), "-o", str(out), "-j", "1")
    assert result.returncode == 0, result.stderr
    return out


def assert_same_build(a, b):
    for name in BUILD_FILES:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    assert sorted(p.name for p in (a / "listings").iterdir()) == sorted(p.name for p in (b / "listings").iterdir())
    for listing in (a / "listings").iterdir():
        assert listing.read_bytes() == (b / "listings" / listing.name).read_bytes(), listing.name


def test_the_streamed_store_holds_the_quads_of_the_whole_corpus_emitted_at_once(tmp_path):
    import pyoxigraph as ox

    from kg.emit import emit_document, emit_gazetteer, new_dataset
    from kg.gazetteer import load_gazetteer
    from kg.pipeline import BuildReport, build, extract_all, read_documents
    from kg.resources import shipped_articles
    from kg.store.oxigraph import dataset_nquads

    whole = new_dataset()
    reference = emit_gazetteer(whole, load_gazetteer())
    for extraction in extract_all(read_documents(shipped_articles(), BuildReport())):
        emit_document(whole, extraction, reference)
    build(shipped_articles(), tmp_path / "out")

    streamed = set(ox.Store.read_only(str(tmp_path / "out" / "store")).quads_for_pattern(None, None, None, None))
    assert streamed == set(ox.parse(dataset_nquads(whole), format=ox.RdfFormat.N_QUADS))
    assert set(ox.parse(path=str(tmp_path / "out" / "graph.trig"))) == streamed


def test_the_files_joined_from_the_workers_blocks_are_the_files_of_the_store(serial_build, tmp_path):
    """graph.trig and graph.ttl of a build are joined from blocks serialised where each document
    was extracted; they must be the bytes written from the store the build loaded."""
    import pyoxigraph as ox

    from kg.store.graph_files import write_files_from_store

    store = ox.Store.read_only(str(serial_build / "store"))
    write_files_from_store(store, tmp_path)
    for name in BUILD_FILES:
        assert (tmp_path / name).read_bytes() == (serial_build / name).read_bytes(), name
    assert not list(serial_build.glob(".*.blocks")), "the blocks were left behind"


def test_two_worker_processes_give_the_bytes_of_a_serial_build(articles, serial_build, tmp_path):
    result = run_kg("build", str(articles), "-o", str(tmp_path / "out"), "-j", "2")
    assert result.returncode == 0, result.stderr
    assert "documents: 18" in result.stdout and "documents/s" in result.stdout
    assert_same_build(serial_build, tmp_path / "out")


@pytest.mark.slow
def test_a_dask_cluster_of_two_workers_gives_the_bytes_of_a_serial_build(articles, serial_build, tmp_path):
    with dask_cluster(2, tmp_path / "logs") as scheduler:
        result = run_kg("build", str(articles), "-o", str(tmp_path / "out"), "--scheduler", scheduler)
    assert result.returncode == 0, result.stderr
    assert "documents: 18" in result.stdout
    assert_same_build(serial_build, tmp_path / "out")


def test_an_unreachable_scheduler_is_one_line_and_the_old_build_stays(built_seed, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(built_seed[0], out)
    before = (out / "graph.trig").read_bytes()
    result = run_kg("build", str(DEV_CORPUS), "-o", str(out), "--scheduler", "tcp://127.0.0.1:9")
    assert result.returncode == 1
    assert result.stderr.startswith("error: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert "dask scheduler" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert (out / "graph.trig").read_bytes() == before
    assert not list(out.glob(".staging-*"))


def test_a_build_without_files_answers_queries_and_drops_the_old_files(built_seed, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(built_seed[0], out)
    result = run_kg("build", str(DEV_CORPUS), "-o", str(out), "--no-files")
    assert result.returncode == 0, result.stderr
    assert not (out / "graph.trig").exists() and not (out / "graph.ttl").exists()  # never a stale file beside a new store
    assert not list(out.glob(".graph.*.index"))  # nor the index of one
    assert "wrote trig" not in result.stdout
    documents = run_kg("query", "documents", "-g", str(out), "--format", "json")
    assert documents.returncode == 0, documents.stderr
    assert "dev-02-shuttle-mir.txt" in documents.stdout
    added = run_kg("add", str(DEV_CORPUS / "seed-nasa-roscosmos-talks.txt"), "-g", str(out))
    assert added.returncode == 0, added.stderr
    assert not (out / "graph.trig").exists()  # kg add keeps a build without files without them


def test_the_progress_bar_stays_off_a_pipe(built_seed, tmp_path):
    result = run_kg("build", str(DEV_CORPUS / "seed-nasa-roscosmos-talks.txt"), "-o", str(tmp_path / "out"))
    assert result.returncode == 0
    assert "extracting" not in result.stderr and "\x1b" not in result.stderr + result.stdout
    assert result.stdout.splitlines()[-1].startswith("built 1 document in ")


def test_a_terminal_gets_a_progress_bar_with_documents_per_second(tmp_path):
    """On a terminal, kg build shows how far it is (documents, documents/s, time left); the bar
    goes when the build ends."""
    import os
    import pty
    import select
    import subprocess

    from conftest import KG

    leader, follower = pty.openpty()
    process = subprocess.Popen([str(KG), "build", str(DEV_CORPUS), "-o", str(tmp_path / "out"), "-j", "1"],
                               stdin=follower, stdout=follower, stderr=follower, env={**os.environ, "COLUMNS": "120", "TERM": "xterm"})
    os.close(follower)
    seen = b""
    try:
        while True:
            ready, _, _ = select.select([leader], [], [], 300)
            if not ready:
                break
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed: the command ended
                break
            if not chunk:
                break
            seen += chunk
    finally:
        process.wait(timeout=300)
        os.close(leader)
    text = seen.decode("utf-8", "replace")
    assert process.returncode == 0, text
    assert "extracting" in text and "/7" in text.replace(" ", "")
    assert "docs/s" in text
    assert "built 7 documents in" in text


def test_the_python_api_builds_in_its_own_process_from_a_script_without_a_main_guard(articles, serial_build, tmp_path):
    """A script (or a notebook) that calls ``kg.pipeline.build`` on many articles with no
    ``if __name__ == "__main__"`` guard: worker processes would re-run it, so the library extracts
    in the caller's process unless asked for ``jobs``; the graph is the one ``kg build`` writes."""
    import subprocess
    import sys

    out = tmp_path / "out"
    script = tmp_path / "build_it.py"
    script.write_text(
        "from pathlib import Path\n"
        "from kg.pipeline import build\n"
        f"report = build([Path({str(articles)!r})], Path({str(out)!r}))\n"
        "print(len(report.documents), report.ok)\n"
    )
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["18", "True"]
    assert_same_build(serial_build, out)
