"""``kg viz`` and ``kg timeline`` from the command line: files written, errors as one line (issue 4)."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from conftest import REPO


def kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, cwd=REPO)


@pytest.fixture
def seed_copy(built_seed, tmp_path):
    """A private copy of the seed build folder (the commands write into it)."""
    out, _, _ = built_seed
    target = tmp_path / "build"
    shutil.copytree(out, target)
    return target


def test_viz_writes_graph_html_into_the_build_folder(seed_copy):
    result = kg("viz", "-g", str(seed_copy))
    assert result.returncode == 0, result.stderr
    page = seed_copy / "graph.html"
    assert result.stdout.strip() == f"wrote network: {page}"
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_timeline_writes_timeline_html_into_the_build_folder(seed_copy):
    result = kg("timeline", "-g", str(seed_copy))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"wrote timeline: {seed_copy / 'timeline.html'}"
    assert "Meeting" in (seed_copy / "timeline.html").read_text(encoding="utf-8")


def test_viz_selection_options_narrow_the_page(seed_copy, tmp_path):
    import json
    import re

    page = tmp_path / "people.html"
    result = kg("viz", "-g", str(seed_copy), "-o", str(page), "--focus", "Sean Duffy", "--depth", "1", "--types", "Person,Agency", "--since", "2025")
    assert result.returncode == 0, result.stderr
    data = json.loads(re.search(r'id="kg-data">(.*?)</script>', page.read_text(encoding="utf-8"), re.S).group(1))
    assert {n["type"] for n in data["nodes"]} <= {"Person", "Agency"}
    assert "Sean Duffy" in {n["label"] for n in data["nodes"]}
    assert "Steven Ciscelof" not in {n["label"] for n in data["nodes"]}


@pytest.mark.parametrize(
    "args, message",
    [
        (["--types", "Planet"], "unknown class"),
        (["--focus", "Sean Dufy"], 'did you mean "Sean Duffy"'),
        (["--since", "last year"], "YYYY"),
    ],
)
def test_viz_errors_are_one_line_with_what_to_do(seed_copy, args, message):
    result = kg("viz", "-g", str(seed_copy), *args)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: ") and message in result.stderr
    assert "Traceback" not in result.stderr
    assert not (seed_copy / "graph.html").exists()


@pytest.mark.parametrize("command", ["viz", "timeline"])
def test_missing_graph_is_one_line_error(command, tmp_path):
    result = kg(command, "-g", str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert result.stderr.startswith("error: ") and "kg build" in result.stderr and result.stderr.count("\n") == 1


def test_screenshot_without_chromium_says_how_to_install_it(seed_copy, tmp_path):
    import os

    env = dict(os.environ, KG_CHROMIUM=str(tmp_path / "no-chromium"))
    result = subprocess.run(
        [sys.executable, "-m", "kg", "viz", "-g", str(seed_copy), "--screenshot", str(tmp_path / "x.png")],
        capture_output=True, text=True, cwd=REPO, env=env,
    )
    assert result.returncode == 1
    assert "Chromium not found" in result.stderr and "apt-get install -y chromium" in result.stderr
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize("command", ["viz", "timeline"])
def test_help_has_examples(command):
    result = kg(command, "--help")
    assert result.returncode == 0
    assert f"kg {command}" in result.stdout and "Examples" in result.stdout
