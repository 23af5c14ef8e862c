"""Installs that stay working (GitHub issue 10).

pyproject.toml declares every third-party package the code imports and nothing it does not;
requirements/lock.txt pins each of them (and everything they need) to the tested version, with
hashes, for `make run` and `make test`; the package ships its LICENSE and ``py.typed``.
Imports are read from the source (``ast``), not by importing it, so these checks are fast.
"""

from __future__ import annotations

import ast
import importlib.metadata
import importlib.resources
import json
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

from packaging.requirements import Requirement

REPO = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
LOCK = REPO / "requirements" / "lock.txt"

EXTRA_ONLY = {"kg/viz/notebook.py": "notebooks", "kg/workers.py": "cluster"}
"""Modules of kg whose third-party imports an extra covers: used only inside a notebook
(``notebooks``), or only when asked for (``cluster``: ``kg build --scheduler``, imported inside the
function that needs it)."""
INDIRECT = {
    "lxml-html-clean": "justext (through trafilatura) imports lxml.html.clean, which lives in lxml_html_clean "
    "since lxml 5.2; lxml 6.2 dropped the html_clean extra that justext asks for",
}
"""Runtime dependencies that kg does not import itself, and why they are declared all the same."""


def normalize(name: str) -> str:
    """A distribution's name as PyPI compares them (PEP 503): ``lxml_html_clean`` -> ``lxml-html-clean``."""
    return re.sub(r"[-_.]+", "-", name).lower()


def declared(*groups: str) -> dict[str, Requirement]:
    """pyproject's requirements by normalized name: ``dependencies`` plus the named extras."""
    lines = list(PYPROJECT["project"]["dependencies"])
    for group in groups:
        lines += PYPROJECT["project"]["optional-dependencies"][group]
    return {normalize(req.name): req for req in map(Requirement, lines)}


def module_names(source: str) -> set[str]:
    """Top-level names of the absolute imports in ``source``, and of ``find_spec("name")`` look-ups."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", None)) == "find_spec":
            if node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                names.add(node.args[0].value.split(".")[0])
    return names


def notebook_source(path: Path) -> str:
    """The code cells of a notebook, without IPython's ``%magic`` and ``!shell`` lines."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    code = ["".join(cell["source"]) for cell in cells if cell["cell_type"] == "code"]
    lines = "\n".join(code).splitlines()
    return "\n".join(line for line in lines if not line.lstrip().startswith(("%", "!")))


def third_party(paths: list[Path]) -> dict[str, set[str]]:
    """The distributions imported by ``paths``: normalized name -> files (relative to the repo).

    The standard library, kg itself and modules beside the importing file (``conftest``) are left out.
    """
    providers = importlib.metadata.packages_distributions()
    found: dict[str, set[str]] = {}
    for path in paths:
        source = notebook_source(path) if path.suffix == ".ipynb" else path.read_text(encoding="utf-8")
        for name in module_names(source):
            if name in sys.stdlib_module_names or name == "kg" or (path.parent / f"{name}.py").exists():
                continue
            where = str(path.relative_to(REPO))
            assert name in providers, f"{where} imports {name}, which no installed distribution provides: declare it in pyproject.toml and run `make lock`"
            for dist in providers[name]:
                found.setdefault(normalize(dist), set()).add(where)
    return found


def files(folder: str, pattern: str = "*.py") -> list[Path]:
    """The files matching ``pattern`` anywhere under the repository's ``folder``."""
    return sorted((REPO / folder).rglob(pattern))


def assert_declared(imported: dict[str, set[str]], allowed: dict[str, Requirement], where: str) -> None:
    missing = [f"{dist} (imported by {', '.join(sorted(users))})" for dist, users in sorted(imported.items()) if dist not in allowed]
    assert not missing, f"not declared in pyproject.toml's {where}: " + "; ".join(missing)


def test_every_package_kg_imports_is_a_runtime_dependency():
    extra_only = {REPO / path for path in EXTRA_ONLY}
    runtime = [path for path in files("kg") if path not in extra_only]
    assert_declared(third_party(runtime), declared(), "dependencies")
    for path, extra in EXTRA_ONLY.items():
        assert_declared(third_party([REPO / path]), declared(extra), f"dependencies or {extra} extra")


def test_every_package_the_tests_benchmarks_and_notebooks_import_is_declared():
    assert_declared(third_party(files("tests")), declared("test"), "dependencies or test extra")
    assert_declared(third_party(files("bench")), declared(), "dependencies")
    notebooks = files("notebooks", "*.ipynb") + [REPO / "kg/viz/notebook.py"]
    assert_declared(third_party(notebooks), declared("notebooks"), "dependencies or notebooks extra")
    # The notebooks run in the test suite too (tests/test_notebooks.py).
    assert_declared(third_party(notebooks), declared("test"), "dependencies or test extra")


def test_every_runtime_dependency_is_used():
    used = set(third_party(files("kg")))
    unused = set(declared()) - used - set(INDIRECT)
    assert unused == set(), f"declared in pyproject.toml but never imported under kg/: {sorted(unused)}"


def test_the_indirect_dependencies_are_needed():
    """lxml_html_clean: trafilatura, which kg's HTML ingest uses, loads it (fails if lxml_html_clean is missing)."""
    code = "import sys, trafilatura; print('lxml_html_clean' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "True"
    assert set(INDIRECT) <= set(declared())


def lock_entries() -> list[str]:
    """The requirement lines of the lock file, continuation lines joined, comments dropped."""
    text = LOCK.read_text(encoding="utf-8").replace("\\\n", " ")
    lines = (" ".join(re.sub(r"(^|\s)#.*", "", line).split()) for line in text.splitlines())
    return [line for line in lines if line]


def locked() -> dict[str, str]:
    """The lock file's pins: normalized name -> version."""
    return {normalize(entry.split("==")[0]): entry.split("==")[1].split()[0] for entry in lock_entries()}


def test_every_lock_entry_is_pinned_with_hashes():
    entry = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*==[^\s;=]+( ; [^-]+)?( --hash=sha256:[0-9a-f]{64})+")
    entries = lock_entries()
    assert len(entries) > 50
    assert [line for line in entries if not entry.fullmatch(line)] == []
    assert len(locked()) == len(entries), "a package is pinned twice"


def test_every_declared_dependency_is_locked_within_its_range():
    pins = locked()
    missing = sorted(set(declared("test", "notebooks")) - set(pins))
    assert not missing, f"in pyproject.toml but not in requirements/{LOCK.name}: {missing}; run `make lock`"
    outside = [f"{name}=={pins[name]} ({req})" for name, req in declared("test", "notebooks").items() if not req.specifier.contains(pins[name], prereleases=True)]
    assert not outside, f"locked outside pyproject's range: {outside}; run `make lock`"


def test_license_is_the_mit_license_pyproject_names():
    assert PYPROJECT["project"]["license"] == "MIT"
    text = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License")
    assert "the kg authors" in text


def test_py_typed_ships_with_the_package():
    assert "py.typed" in PYPROJECT["tool"]["setuptools"]["package-data"]["kg"]
    assert importlib.resources.files("kg").joinpath("py.typed").is_file()


def test_the_wheel_holds_py_typed_the_license_and_the_dependencies(tmp_path):
    """Builds the wheel as `pip install .` would (with the setuptools the lock pins), from a copy of the tree."""
    setuptools = importlib.metadata.version("setuptools")  # `make install` installs the one the lock pins
    assert int(setuptools.split(".")[0]) >= 77, f"setuptools {setuptools} is older than pyproject's build-system asks for; run `make install`"
    source = tmp_path / "src"
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
    for name in ("kg", "ontology", "data/corpus"):
        shutil.copytree(REPO / name, source / name, ignore=ignore)
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(REPO / name, source / name)
    command = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", str(tmp_path / "dist"), str(source)]
    subprocess.run(command, check=True, capture_output=True, text=True)
    (wheel,) = (tmp_path / "dist").glob("kg-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        metadata = archive.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    assert "kg/py.typed" in names
    assert "kg/_corpus/news-dev/nd-01-nixon-kosygin-space-pact.txt" in names  # the shipped articles (kg build's default)
    assert not any("heldout" in n for n in names)  # the held-out corpora never ship
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert "License-Expression: MIT" in metadata.splitlines()
    requires = {normalize(Requirement(line.split(": ", 1)[1]).name) for line in metadata.splitlines() if line.startswith("Requires-Dist: ") and "extra ==" not in line}
    assert requires == set(declared())
