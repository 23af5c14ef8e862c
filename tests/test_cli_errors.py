"""What a user meets at the command line when something is wrong (issue 10): one line on stderr,
a non-zero exit status, never a traceback; nothing printed reaches the terminal as a control
sequence. Every test runs the installed ``kg`` command in a subprocess, as a user would, so a
dependency upgrade that breaks this (typer 0.29 did) fails here."""

from __future__ import annotations

import os
import pty
import re
import shutil
import subprocess

import pytest

from conftest import KG, SEED, run_kg


def assert_one_error_line(result: subprocess.CompletedProcess, *needles: str, status: int | None = None) -> str:
    assert result.returncode != 0, result.stdout
    if status is not None:
        assert result.returncode == status
    assert "Traceback" not in result.stderr, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1, result.stderr
    for needle in needles:
        assert needle in errors[0], errors[0]
    return errors[0]


@pytest.mark.parametrize(
    "args, needle",
    [
        (["frobnicate"], "No such command 'frobnicate'"),
        (["build", "--bogus"], "No such option: --bogus"),
        (["query", "positions", "--format", "xml"], "'xml' is not one of"),
        (["path", "Sean Duffy"], "Missing argument"),
        (["query", "entities", "--limit", "abc"], "--limit"),
        (["build", "-o"], "requires an argument"),
        (["path", "a", "b", "--max", "1000000"], "--max"),
    ],
)
def test_a_usage_mistake_is_one_line_and_exit_status_2(args, needle):
    assert_one_error_line(run_kg(*args), needle, status=2)


def test_kg_alone_shows_the_help_and_a_line_saying_what_is_missing():
    result = run_kg()
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "Commands" in result.stdout and result.stderr.strip() == "error: kg needs a command or argument (see 'kg --help')"


def test_version():
    from importlib.metadata import version

    result = run_kg("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"kg {version('kg')}"


def test_an_unexpected_error_is_one_line_naming_a_bug(tmp_path):
    # A bug cannot be provoked through kg's own interface on purpose, so the entry point is run
    # with one command replaced by a failing one: what the user sees is the point.
    code = (
        "import sys, kg.store.backends\n"
        "def boom(*a, **k): raise ZeroDivisionError('simulated bug')\n"
        "kg.store.backends.open_backend = boom\n"
        "sys.argv = ['kg', 'sparql', 'SELECT * WHERE { ?s ?p ?o }', '-g', sys.argv[1]]\n"
        "from kg.cli import main; main()\n"
    )
    result = subprocess.run([str(KG.parent / "python"), "-c", code, str(tmp_path)], capture_output=True, text=True)
    assert result.returncode == 70 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "bug in kg" in result.stderr


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "select * { service silent <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    ],
)
def test_sparql_refuses_federated_queries_unless_allowed(built_seed, query):
    out, _, _ = built_seed
    assert_one_error_line(run_kg("sparql", query, "-g", str(out)), "SERVICE", "--allow-service")
    assert_one_error_line(run_kg("sparql", query, "-g", str(out), "--backend", "memory"), "SERVICE")


def test_the_word_service_in_a_string_or_iri_is_not_a_federated_query(built_seed):
    out, _, _ = built_seed
    result = run_kg("sparql", 'SELECT ?service WHERE { BIND("SERVICE <http://x/>" AS ?service) }', "-g", str(out), "--format", "json")
    assert result.returncode == 0, result.stderr


def test_a_cartesian_sparql_query_is_given_up_after_the_timeout(built_seed):
    out, _, _ = built_seed
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    result = run_kg("sparql", query, "-g", str(out), "--timeout", "1", timeout=60)
    assert_one_error_line(result, "longer than 1 s")


def test_a_damaged_store_is_named_with_what_to_do(seed_build_copy):
    for table in (seed_build_copy / "store").glob("*.sst"):
        table.write_bytes(os.urandom(4096))
    shutil.rmtree(seed_build_copy / "listings")
    line = assert_one_error_line(run_kg("query", "entities", "-g", str(seed_build_copy)), "store", "kg build")
    assert "damaged" in line or "Corruption" in line


def build_quote(tmp_path, words: str):
    """Build an article in which Sean Duffy says ``words``; the build folder."""
    article = tmp_path / "article.txt"
    article.write_text(
        "---\npublished: 2025-08-01\n---\n"
        f'NASA administrator Sean Duffy spoke in Houston. "We will fly together {words} again," Duffy said.\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert run_kg("build", str(article), "-o", str(out), "-q").returncode == 0
    return out


@pytest.mark.parametrize("markup", ["[/bold]", "[sic]", "[link=http://x]y[/link]"])
def test_rich_markup_in_article_text_is_shown_as_text(tmp_path, markup):
    out = build_quote(tmp_path, markup)
    for args in (["query", "quotes"], ["query", "evidence", "--param", "entity=Sean Duffy"]):
        result = run_kg(*args, "-g", str(out))
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
        assert markup in result.stdout


ESCAPES = {
    "OSC 52 (clipboard)": "\x1b]52;c;ZWNobyBwd25lZA==\x07",
    "OSC 8 (hyperlink)": "\x1b]8;;http://evil.example/\x1b\\click\x1b]8;;\x1b\\",
    "OSC 0 (title)": "\x1b]0;pwned\x07",
    "C1 CSI": "\x9b31m",
}


@pytest.mark.parametrize("name", sorted(ESCAPES))
def test_escape_sequences_in_article_text_never_reach_the_terminal(tmp_path, name):
    out = build_quote(tmp_path, ESCAPES[name])
    for args in (["explain", "Sean Duffy"], ["query", "quotes"], ["query", "evidence", "--param", "entity=Sean Duffy"]):
        result = run_kg(*args, "-g", str(out))
        assert result.returncode == 0, result.stderr
        assert not re.search(r"[\x1b\x07\x9b]", result.stdout + result.stderr), (args, result.stdout)


def test_a_file_name_with_a_newline_cannot_forge_an_error_line(tmp_path):
    bad = tmp_path / "evil\nerror: forged.txt"
    bad.write_bytes(b"")
    result = run_kg("build", str(bad), "-o", str(tmp_path / "out"))
    assert result.returncode == 1
    assert not any(line.startswith("error: forged") for line in result.stderr.splitlines()), result.stderr


def test_tables_fit_the_terminal_and_are_whole_when_piped(built_corpus):
    out, _, _ = built_corpus
    piped = run_kg("query", "events", "-g", str(out))
    assert piped.returncode == 0
    assert max(len(line) for line in piped.stdout.splitlines()) > 100  # never folded to a fixed width
    labels = [line for line in piped.stdout.splitlines() if "2025-07-31" in line]
    assert labels and all("Meeting" in line for line in labels[:1])

    main, child = pty.openpty()
    env = {**os.environ, "COLUMNS": "80", "LINES": "40"}
    process = subprocess.Popen([str(KG), "query", "positions", "-g", str(out)], stdin=child, stdout=child, stderr=child, env=env)
    os.close(child)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    assert process.wait(timeout=120) == 0
    screen = b"".join(chunks).decode("utf-8", "replace")
    widths = [len(line) for line in screen.replace("\r", "").splitlines()]
    assert widths and max(widths) <= 80, max(widths)


@pytest.mark.parametrize("option, value", [("--since", "2025-13"), ("--until", "1975-02-30"), ("--since", "soon")])
def test_viz_checks_its_dates(built_seed, tmp_path, option, value):
    out, _, _ = built_seed
    assert_one_error_line(run_kg("viz", "-g", str(out), "-o", str(tmp_path / "g.html"), option, value), option)
    assert not (tmp_path / "g.html").exists()


def test_a_parameter_given_twice_is_an_error(built_seed):
    out, _, _ = built_seed
    assert_one_error_line(run_kg("query", "positions", "-g", str(out), "-p", "person=Sean Duffy", "-p", "person=NASA"), "twice")
