"""The build folder keeps what a user had (issue 10): a failed build does not replace a good one,
writers exclude each other, a killed command never leaves a mix of two builds, the same input
gives the same bytes, and kg writes only where it may. Commands run as the installed ``kg``."""

from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import time
from pathlib import Path

import pytest

from conftest import DEV_CORPUS, KG, SEED, run_kg

NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--inh-caps=-all", "--bounding-set=-all"]


def quads_of_trig(out) -> set[tuple[str, ...]]:
    import pyoxigraph as ox

    with open(out / "graph.trig", "rb") as fh:
        return {tuple(str(t) for t in q) for q in ox.parse(fh, format=ox.RdfFormat.TRIG)}


def quads_of_store(out) -> set[tuple[str, ...]]:
    import pyoxigraph as ox

    store = ox.Store.read_only(str(out / "store"))
    return {tuple(str(t) for t in (q.subject, q.predicate, q.object, q.graph_name)) for q in store}


def documents_of(out) -> set[str]:
    result = run_kg("query", "documents", "-g", str(out), "--format", "json")
    assert result.returncode == 0, result.stderr
    return {row["document"] for row in json.loads(result.stdout)}


def assert_consistent(out) -> None:
    """One build: the TriG holds exactly the store's quads, and the listings agree with the store."""
    assert quads_of_trig(out) == quads_of_store(out)
    listed = run_kg("query", "entities", "-g", str(out), "--format", "json")
    from kg.store.backends import OxigraphBackend
    from kg.store.queries import run_query

    backend = OxigraphBackend.open(out / "store")
    try:
        live = run_query(backend, "entities", listings=False).rows
    finally:
        backend.close()
    assert json.loads(listed.stdout) == live


# -- a failed build keeps the good one ----------------------------------------------------------


@pytest.mark.parametrize("case", ["typo", "empty file", "pdfs"])
def test_a_build_whose_every_input_fails_keeps_the_earlier_build(seed_build_copy, tmp_path, case):
    before = (seed_build_copy / "graph.trig").read_bytes()
    if case == "typo":
        inputs = [str(tmp_path / "artcles")]
    elif case == "empty file":
        (tmp_path / "empty.txt").write_text("")
        inputs = [str(tmp_path / "empty.txt")]
    else:
        (tmp_path / "pdfs").mkdir()
        (tmp_path / "pdfs" / "a.pdf").write_bytes(b"%PDF-1.7\n")
        inputs = [str(tmp_path / "pdfs")]
    result = run_kg("build", *inputs, "-o", str(seed_build_copy))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "keeps its earlier build" in result.stderr and "--force" in result.stderr
    assert (seed_build_copy / "graph.trig").read_bytes() == before
    assert documents_of(seed_build_copy) == {SEED.name}


def test_force_replaces_a_build_with_an_empty_one(seed_build_copy, tmp_path):
    result = run_kg("build", str(tmp_path / "nothing-here"), "-o", str(seed_build_copy), "--force")
    assert result.returncode == 1  # an input failed
    assert documents_of(seed_build_copy) == set()


def test_two_files_whose_names_give_one_graph_are_not_both_kept_silently(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "Report A.txt").write_text(text, encoding="utf-8")
    (tmp_path / "in" / "report_a.txt").write_text(text.replace("Duffy", "Duffey"), encoding="utf-8")
    result = run_kg("build", str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "documents: 1 " in result.stdout
    assert "same document name" in result.stderr and "rename one" in result.stderr
    assert len(documents_of(tmp_path / "out")) == 1


# -- one writer at a time ---------------------------------------------------------------------


def test_a_second_writer_waits_for_the_first(seed_build_copy, tmp_path):
    import fcntl

    article = tmp_path / "dev-04.txt"
    shutil.copy(DEV_CORPUS / "dev-04-seat-swap.txt", article)
    with open(seed_build_copy / ".kg.lock", "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        adder = subprocess.Popen([str(KG), "add", str(article), "-g", str(seed_build_copy)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(5)
        assert adder.poll() is None, "the second writer did not wait"
        fcntl.flock(lock, fcntl.LOCK_UN)
    stdout, stderr = adder.communicate(timeout=120)
    assert adder.returncode == 0, stderr
    assert "is writing this build folder; waiting" in stderr
    assert documents_of(seed_build_copy) == {SEED.name, article.name}
    assert_consistent(seed_build_copy)


def test_add_during_a_rebuild_of_the_same_folder_leaves_a_working_store(seed_build_copy, tmp_path):
    article = tmp_path / "dev-05.txt"
    shutil.copy(DEV_CORPUS / "dev-05-soyuz-ms10-abort.txt", article)
    builder = subprocess.Popen([str(KG), "build", str(DEV_CORPUS), "-o", str(seed_build_copy), "-q"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(1.5)
    adder = subprocess.run([str(KG), "add", str(article), "-g", str(seed_build_copy)], capture_output=True, text=True, timeout=300)
    builder.communicate(timeout=300)
    assert builder.returncode == 0 and adder.returncode == 0, adder.stderr
    assert_consistent(seed_build_copy)
    assert {p.name for p in DEV_CORPUS.glob("*.txt")} <= documents_of(seed_build_copy) | {article.name}


# -- a killed command ---------------------------------------------------------------------------


def _run_dying(args: list[str], target: str, after: int) -> int:
    """Run ``kg ARGS`` in a process that dies (``os._exit``, as under SIGKILL: no cleanup) when
    ``target`` (``module:function``) is called for the ``after``-th time."""
    module, function = target.split(":")
    code = (
        "import os, sys, importlib\n"
        f"m = importlib.import_module({module!r}); real = getattr(m, {function!r}); calls = [0]\n"
        "def dying(*a, **k):\n"
        "    calls[0] += 1\n"
        f"    if calls[0] >= {after}: os._exit(9)\n"
        "    return real(*a, **k)\n"
        f"setattr(m, {function!r}, dying)\n"
        f"sys.argv = ['kg', *{args!r}]\n"
        "from kg.cli import main; main()\n"
    )
    return subprocess.run([str(KG.parent / "python"), "-c", code], capture_output=True, timeout=300).returncode


@pytest.mark.parametrize("after", [1, 2, 3, 4, 5])
def test_a_build_killed_while_switching_is_finished_by_the_next_command(seed_build_copy, after):
    assert _run_dying(["build", str(DEV_CORPUS), "-o", str(seed_build_copy), "-q"], "kg.store.folder:_replace", after) == 9
    assert (seed_build_copy / ".switch").exists()
    assert documents_of(seed_build_copy) == {p.name for p in DEV_CORPUS.iterdir() if not p.name.endswith(".yaml")}
    assert not (seed_build_copy / ".switch").exists() and not list(seed_build_copy.glob(".staging-*"))
    assert_consistent(seed_build_copy)


def test_a_build_killed_before_its_switch_leaves_the_old_build(seed_build_copy):
    before = (seed_build_copy / "graph.trig").read_bytes()
    assert _run_dying(["build", str(DEV_CORPUS), "-o", str(seed_build_copy), "-q"], "kg.store.listings:write", 1) == 9
    assert list(seed_build_copy.glob(".staging-*"))
    assert (seed_build_copy / "graph.trig").read_bytes() == before
    assert documents_of(seed_build_copy) == {SEED.name}
    assert run_kg("remove", "nothing-like-this", "-g", str(seed_build_copy)).returncode == 1  # a writer cleans up
    assert not list(seed_build_copy.glob(".staging-*")) and not list(seed_build_copy.glob(".*.tmp"))


def test_add_rerun_after_a_crash_brings_the_files_up_to_date(seed_build_copy, tmp_path):
    article = tmp_path / "dev-06.txt"
    shutil.copy(DEV_CORPUS / "dev-06-exomars-suspension.txt", article)
    assert _run_dying(["add", str(article), "-g", str(seed_build_copy)], "kg.store.folder:refresh", 1) == 9
    assert quads_of_trig(seed_build_copy) != quads_of_store(seed_build_copy)  # the files lag the store
    again = run_kg("add", str(article), "-g", str(seed_build_copy))
    assert again.returncode == 0 and "unchanged" in again.stdout
    assert_consistent(seed_build_copy)


@pytest.mark.slow
@pytest.mark.parametrize("delay", [0.8, 1.6, 2.4, 3.2, 4.0, 4.8])
def test_a_build_killed_at_any_moment_leaves_one_whole_build(seed_build_copy, delay):
    old = {SEED.name}
    new = {p.name for p in DEV_CORPUS.iterdir() if not p.name.endswith(".yaml")}
    process = subprocess.Popen([str(KG), "build", str(DEV_CORPUS), "-o", str(seed_build_copy), "-q"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    assert documents_of(seed_build_copy) in (old, new)
    assert_consistent(seed_build_copy)


# -- the same input, the same bytes --------------------------------------------------------------


def test_the_same_input_gives_the_same_bytes_whatever_the_hash_seed(tmp_path):
    for seed in ("1", "2"):
        result = run_kg("build", "-o", str(tmp_path / seed), "-q", env={"PYTHONHASHSEED": seed})
        assert result.returncode == 0, result.stderr
    for name in ("graph.trig", "graph.ttl", *(f"listings/{p.name}" for p in (tmp_path / "1" / "listings").iterdir())):
        assert (tmp_path / "1" / name).read_bytes() == (tmp_path / "2" / name).read_bytes(), name


# -- modes and places ---------------------------------------------------------------------------


@pytest.mark.parametrize("umask, file_mode, dir_mode", [(0o022, 0o644, 0o755), (0o077, 0o600, 0o700)])
def test_written_files_follow_the_umask(tmp_path, umask, file_mode, dir_mode):
    out = tmp_path / "out"
    result = subprocess.run([str(KG), "build", str(SEED), "-o", str(out), "-q"], capture_output=True, text=True, preexec_fn=lambda: os.umask(umask))
    assert result.returncode == 0, result.stderr
    for name in ("graph.trig", "graph.ttl", "build-report.json", "listings/entities.json"):
        assert stat.S_IMODE((out / name).stat().st_mode) == file_mode, name
    for name in ("store", "listings"):
        assert stat.S_IMODE((out / name).stat().st_mode) == dir_mode, name


def test_overwriting_a_file_keeps_its_mode(built_seed, tmp_path):
    out, _, _ = built_seed
    page = tmp_path / "page.html"
    page.write_text("old")
    page.chmod(0o644)
    assert run_kg("viz", "-g", str(out), "-o", str(page)).returncode == 0
    assert stat.S_IMODE(page.stat().st_mode) == 0o644 and page.read_text() != "old"


def test_stale_temporaries_of_killed_commands_are_deleted_by_the_next_writer(seed_build_copy):
    for name in (".store.abc123.tmp", ".listings.abc123.tmp", ".staging-0123456789ab"):
        (seed_build_copy / name).mkdir()
    (seed_build_copy / ".graph.trig.x1y2.tmp").write_text("half")
    (seed_build_copy / "graph.html").write_text("the user's page")
    assert run_kg("add", str(SEED), "-g", str(seed_build_copy)).returncode == 0
    assert sorted(p.name for p in seed_build_copy.iterdir() if p.name.startswith(".")) == [".graph.trig.index", ".graph.ttl.index", ".kg.lock"]
    assert (seed_build_copy / "graph.html").read_text() == "the user's page"


@pytest.mark.parametrize(
    "make_target",
    ["regular file for build", "symlink", "fifo", "folder for viz", "empty export path", "proc"],
)
def test_a_bad_output_path_is_one_line_and_nothing_is_replaced(built_seed, tmp_path, make_target):
    out, _, _ = built_seed
    if make_target == "regular file for build":
        target = tmp_path / "file"
        target.write_text("keep me")
        args = ["build", str(SEED), "-o", str(target)]
    elif make_target == "symlink":
        target = tmp_path / "link.html"
        target.symlink_to(tmp_path / "elsewhere.html")
        args = ["viz", "-g", str(out), "-o", str(target)]
    elif make_target == "fifo":
        target = tmp_path / "pipe"
        os.mkfifo(target)
        args = ["export", "--format", "nt", "-g", str(out), "-o", str(target)]
    elif make_target == "folder for viz":
        target = tmp_path / "dir"
        target.mkdir()
        args = ["viz", "-g", str(out), "-o", str(target)]
    elif make_target == "empty export path":
        target = None
        args = ["export", "--format", "ttl", "-g", str(out), "-o", ""]
    else:
        target = None
        args = ["export", "--format", "ttl", "-g", str(out), "-o", "/proc/kg-test/graph.ttl"]
    result = run_kg(*args, cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert len([line for line in result.stderr.splitlines() if line.startswith("error: ")]) == 1
    if make_target == "regular file for build":
        assert target.read_text() == "keep me"
    if make_target == "symlink":
        assert target.is_symlink() and not (tmp_path / "elsewhere.html").exists()
    if make_target == "fifo":
        assert stat.S_ISFIFO(target.stat().st_mode)


def as_plain_user() -> list[str]:
    """The prefix that runs a command without root's permission override (none needed if not root)."""
    return NOBODY if os.geteuid() == 0 else []


@pytest.fixture
def open_place(built_seed):
    """A world-readable folder holding a copy of the seed build's TriG (pytest's own are 0700)."""
    import tempfile

    out, _, _ = built_seed
    place = Path(tempfile.mkdtemp(prefix="kg-test-"))
    place.chmod(0o755)
    shutil.copy(out / "graph.trig", place / "graph.trig")
    (place / "graph.trig").chmod(0o644)
    yield place
    shutil.rmtree(place, ignore_errors=True)


@pytest.mark.parametrize("command", ["viz", "build"])
def test_a_read_only_folder_is_one_line(open_place, command):
    locked = open_place / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    if command == "viz":
        args = ["viz", "-g", str(open_place / "graph.trig"), "-o", str(locked / "g.html")]
    else:
        shutil.copy(SEED, open_place / SEED.name)
        (open_place / SEED.name).chmod(0o644)
        args = ["build", str(open_place / SEED.name), "-o", str(locked / "out")]
    result = subprocess.run([*as_plain_user(), str(KG), *args], capture_output=True, text=True, timeout=300)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1 and "locked" in errors[0]


def test_unreadable_input_is_one_line_and_the_rest_builds(open_place):
    good = open_place / "good.txt"
    shutil.copy(SEED, good)
    good.chmod(0o644)
    secret = open_place / "secret.txt"
    secret.write_text("NASA and Roscosmos met.")
    secret.chmod(0o000)
    out = open_place / "out"
    out.mkdir()
    out.chmod(0o777)
    result = subprocess.run([*as_plain_user(), str(KG), "build", str(good), str(secret), "-o", str(out)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "secret.txt" in result.stderr and "documents: 1 " in result.stdout
