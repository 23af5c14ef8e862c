"""The command line: the JSON contract of the competency queries, errors as one line, docs."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, SEED

CONTRACT = {
    "entities": ["label", "type", "document"],
    "positions": ["person", "title", "organization", "document"],
    "events": ["event", "type", "label", "date", "place", "participant", "status", "document"],
    "involvement": ["program", "party", "document"],
    "agency_country": ["agency", "country", "document"],
    "quotes": ["speaker", "text", "document"],
}


def kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, cwd=REPO)


@pytest.mark.parametrize("name", sorted(CONTRACT))
def test_query_json_rows_have_exactly_the_contract_keys(built_seed, name):
    out, _, _ = built_seed
    result = kg("query", name, "-g", str(out), "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows
    for row in rows:
        assert list(row) == CONTRACT[name]
        assert row["document"] == SEED.name


def test_query_csv_has_a_header_line(built_seed):
    out, _, _ = built_seed
    result = kg("query", "quotes", "-g", str(out), "--format", "csv")
    assert result.stdout.splitlines()[0] == "speaker,text,document"


def test_sparql_runs_ad_hoc_queries(built_seed):
    out, _, _ = built_seed
    q = "PREFIX kgo: <https://w3id.org/usru-space/ontology#> SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?d a kgo:Document } }"
    result = kg("sparql", q, "-g", str(out), "--format", "json")
    assert json.loads(result.stdout) == [{"n": "1"}]


def test_build_exits_nonzero_and_names_the_bad_file(tmp_path):
    bad = tmp_path / "broken.md"
    bad.write_text("---\ntitle: [unclosed\n---\nBody text.\n")
    result = kg("build", str(bad), str(SEED), "-o", str(tmp_path / "out"), "-q")
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "broken.md" in errors[0]
    assert "Traceback" not in result.stderr
    assert "documents: 1" in result.stdout


def test_query_on_a_missing_graph_is_one_line(tmp_path):
    result = kg("query", "positions", "-g", str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0 and "kg build" in result.stderr


def test_unknown_query_name_lists_the_known_ones(built_seed):
    out, _, _ = built_seed
    result = kg("query", "nosuch", "-g", str(out))
    assert result.returncode == 1 and "positions" in result.stderr


def test_validate_passes_on_the_seed(built_seed):
    out, _, _ = built_seed
    result = kg("validate", "-g", str(out))
    assert result.returncode == 0, result.stdout
    assert "conforms" in result.stdout


def test_readme_documents_every_command():
    from kg.cli import app
    import typer.main

    commands = typer.main.get_command(app).commands
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    missing = [name for name in commands if not re.search(rf"`kg {re.escape(name)}\b", readme)]
    assert not missing, f"README does not document: {missing}"
