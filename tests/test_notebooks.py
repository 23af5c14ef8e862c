"""The notebooks (GitHub issue 5) run top to bottom, offline, and show what their text promises.

Each notebook in ``notebooks/`` is executed once with nbclient, in a Python kernel of this very
interpreter (so it imports the ``kg`` under test), with ``notebooks/`` as its working directory
and a first cell that refuses any network connection. A cell that raises fails the test. The
checks then read the outputs of the cells tagged ``check-...`` in the notebooks, so adding or
moving cells does not break them. The committed notebooks must carry no outputs.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import nbformat
import pytest

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
NAMES = sorted(p.name for p in NOTEBOOKS.glob("*.ipynb"))
QUICKSTART = "01-quickstart.ipynb"
NETWORK = "02-cooperation-network.ipynb"
TIMELINE = "03-timeline-and-sparql.ipynb"
ADD = "04-add-your-own-articles.ipynb"

OFFLINE = '''
import socket as _socket

_LOCAL = {"127.0.0.1", "::1", "localhost"}


def _refuse(host):
    raise OSError(f"tests/test_notebooks.py: the notebooks must work offline, yet a cell reached for {host!r}")


def _connect(self, address, _original=_socket.socket.connect):
    if self.family in (_socket.AF_INET, _socket.AF_INET6) and address[0] not in _LOCAL:
        _refuse(address[0])
    return _original(self, address)


def _connect_ex(self, address, _original=_socket.socket.connect_ex):
    if self.family in (_socket.AF_INET, _socket.AF_INET6) and address[0] not in _LOCAL:
        _refuse(address[0])
    return _original(self, address)


def _getaddrinfo(host, *args, _original=_socket.getaddrinfo, **kwargs):
    if host is not None and str(host) not in _LOCAL:
        _refuse(host)
    return _original(host, *args, **kwargs)


_socket.socket.connect = _connect
_socket.socket.connect_ex = _connect_ex
_socket.getaddrinfo = _getaddrinfo
'''
"""The first cell of every executed notebook: Python-level connections go to this machine only."""
KERNEL = "kg-tests-python"
"""The kernel the tests write a spec for: ``sys.executable``, the interpreter running the tests."""


def _kernel_manager(kernel_dir: Path):
    """A manager of a kernel that runs ipykernel on ``sys.executable``, whatever kernels Jupyter knows of."""
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import KernelManager

    spec = kernel_dir / KERNEL
    spec.mkdir(parents=True, exist_ok=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    (spec / "kernel.json").write_text(json.dumps({"argv": argv, "display_name": KERNEL, "language": "python"}))
    return KernelManager(kernel_name=KERNEL, kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(kernel_dir)]))


def _execute(name: str, work: Path) -> nbformat.NotebookNode:
    """Run the notebook ``name``; its kernel spec and temporary files go under ``work``."""
    from nbclient import NotebookClient

    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    nb.cells.insert(0, nbformat.v4.new_code_cell(OFFLINE))
    km = _kernel_manager(work / "kernels")
    (work / "tmp").mkdir()
    client = NotebookClient(nb, km=km, timeout=300, resources={"metadata": {"path": str(NOTEBOOKS)}})
    try:
        client.execute(env={**os.environ, "TMPDIR": str(work / "tmp")})  # the notebooks build in tempfile folders
    finally:
        if km.has_kernel:  # nbclient leaves a kernel it was handed running
            km.shutdown_kernel(now=True)
    return nb


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    """``executed(name)``: the notebook run once (per test module), with its outputs."""
    done: dict[str, nbformat.NotebookNode] = {}

    def run(name: str) -> nbformat.NotebookNode:
        if name not in done:
            done[name] = _execute(name, tmp_path_factory.mktemp("notebook"))
        return done[name]

    return run


def tagged(nb: nbformat.NotebookNode, tag: str) -> nbformat.NotebookNode:
    cells = [c for c in nb.cells if tag in c.get("metadata", {}).get("tags", [])]
    assert len(cells) == 1, f"expected one cell tagged {tag!r}, found {len(cells)}"
    return cells[0]


def text(cell: nbformat.NotebookNode) -> str:
    """What a cell printed and displayed as text (streams and text/plain)."""
    parts = []
    for out in cell.get("outputs", []):
        if out.output_type == "stream":
            parts.append(out.text)
        elif out.output_type in ("execute_result", "display_data"):
            parts.append(out.data.get("text/plain", ""))
    return "\n".join(parts)


def html(cell: nbformat.NotebookNode) -> str:
    return "\n".join(out.data.get("text/html", "") for out in cell.get("outputs", []) if "data" in out)


def assert_interactive_page(cell: nbformat.NotebookNode) -> str:
    markup = html(cell)
    assert '<iframe srcdoc="' in markup, "the interactive page is not shown inline"
    assert "&lt;script" in markup, "the page inside the iframe has no script"
    return markup


# --- every notebook ---------------------------------------------------------------------


def test_notebooks_are_the_four_of_issue_5():
    assert NAMES == [QUICKSTART, NETWORK, TIMELINE, ADD]


@pytest.mark.parametrize("name", NAMES)
def test_notebook_committed_without_outputs(name):
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{name}: strip the outputs before committing (cell {cell.source[:40]!r})"
            assert cell.execution_count is None, f"{name}: clear the execution counts before committing"
    assert nb.metadata["kernelspec"]["name"] == "python3"


@pytest.mark.parametrize("name", NAMES)
def test_notebook_uses_the_public_api_only(name):
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    source = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert not re.search(r"^\s*[!%]", source, re.MULTILINE), f"{name}: no shell escapes or magics"
    assert "subprocess" not in source and "os.system" not in source, f"{name}: do not shell out"
    assert not re.search(r"\bkg(\.\w+)*\._\w+|from kg(\.\w+)* import _\w+", source), f"{name}: private kg names"


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_notebook_runs_offline_without_warnings_and_leaves_nothing_behind(name, executed):
    before = sorted(p.name for p in NOTEBOOKS.iterdir())
    nb = executed(name)  # a cell that raises fails here
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            assert out.output_type != "error"
            assert not (out.output_type == "stream" and out.name == "stderr"), f"{name} wrote to stderr: {out.text}"
    assert sorted(p.name for p in NOTEBOOKS.iterdir()) == before


# --- what each notebook shows -----------------------------------------------------------


@pytest.mark.slow
def test_quickstart_positions_name_sean_duffy_acting_administrator_of_nasa(executed):
    nb = executed(QUICKSTART)
    assert re.search(r"Sean Duffy\s+acting administrator\s+NASA", text(tagged(nb, "check-positions")))


@pytest.mark.slow
def test_quickstart_shows_a_fact_with_its_evidence_sentence(executed):
    shown = text(tagged(executed(QUICKSTART), "check-evidence"))
    assert re.search(r"sentence: .*Sean Duffy", shown)
    assert re.search(r"source: +[\w-]+\.(txt|md|html):\d+-\d+", shown)


@pytest.mark.slow
def test_quickstart_shows_the_interactive_graph(executed):
    assert "Sean Duffy" in assert_interactive_page(tagged(executed(QUICKSTART), "check-network"))


@pytest.mark.slow
def test_network_ranks_entities_and_finds_a_path_between_the_two_officials(executed):
    nb = executed(NETWORK)
    assert "NASA" in text(tagged(nb, "check-central"))
    path = text(tagged(nb, "check-path"))
    assert re.search(r"Path 1 \(\d+ facts?\): Sean Duffy -> (.+ -> )?Dmitry Bakanov", path)
    assert "no chain" not in path


@pytest.mark.slow
def test_network_links_two_people_across_documents(executed):
    shown = text(tagged(executed(NETWORK), "check-cross-document"))
    assert re.search(r"Path 1 \(\d+ facts?\): Bill Nelson -> .+ -> Dmitry Bakanov", shown)
    documents = re.search(r"the chain draws on: (.+)", shown).group(1).split(", ")
    assert len(documents) >= 2


@pytest.mark.slow
def test_network_shows_communities_a_static_plot_and_an_ego_network(executed):
    nb = executed(NETWORK)
    assert re.search(r"^1\. \(\d+ entities\) ", text(tagged(nb, "check-communities")), re.MULTILINE)
    assert any("image/png" in out.get("data", {}) for out in tagged(nb, "check-plot").outputs)
    ego = tagged(nb, "check-ego")
    assert re.search(r"Roscosmos and \d+ neighbours", text(ego))
    assert "Roscosmos and its neighbours" in assert_interactive_page(ego)


@pytest.mark.slow
def test_timeline_is_sorted_and_lies_within_the_space_age_and_the_articles(executed):
    """The shipped articles run from the first flights (Gagarin's 1961 launch, recalled in a
    retrospective) to 2025: no event before Sputnik, nothing that happened after the newest article
    (plans told in 2025 may lie ahead of it, "through next year")."""
    nb = executed(TIMELINE)
    shown = text(tagged(nb, "check-timeline"))
    first, last = re.search(r"dated: from (\d{4}(?:-\d\d){0,2}) to (\d{4}(?:-\d\d){0,2})", shown).groups()
    assert 1957 <= int(first[:4]) <= int(last[:4])
    first_done, last_done = re.search(r"happened: from (\d{4}(?:-\d\d){0,2}) to (\d{4}(?:-\d\d){0,2})", shown).groups()
    assert 1957 <= int(first_done[:4]) <= int(last_done[:4]) <= 2025
    assert first <= first_done and last_done <= last
    assert_interactive_page(tagged(nb, "check-timeline-html"))


@pytest.mark.slow
def test_timeline_shows_the_federated_wikidata_query_without_running_it(executed):
    cell = tagged(executed(TIMELINE), "check-federated")
    assert "SERVICE <https://query.wikidata.org/sparql>" in text(cell)
    assert "sparql(" not in cell.source and "query(" not in cell.source


@pytest.mark.slow
def test_add_your_own_articles_adds_inspects_scores_and_removes(executed):
    nb = executed(ADD)
    assert "added" in text(tagged(nb, "check-added"))
    assert re.search(r"Jared Isaacman\s+administrator\s+NASA", text(tagged(nb, "check-positions")))
    assert "2026-03-12-nasa-roscosmos-moscow-talks.md:" in text(tagged(nb, "check-evidence"))
    table = text(tagged(nb, "check-evaluation"))
    assert re.search(r"^type\s+P\s+R\s+F1", table, re.MULTILINE)
    assert 0.0 < float(re.search(r"macro-F1\s+(\d\.\d+)", table).group(1)) <= 1.0
    first = re.search(r"the graph holds (\d+) documents", text(tagged(nb, "check-before")))
    removed = text(tagged(nb, "check-removed"))
    assert "'removed'" in removed
    assert first and re.search(rf"the graph holds {first.group(1)} documents again", removed)
