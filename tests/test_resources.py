"""Shipped files (kg.resources) and the package list that ships them (pyproject.toml)."""

from __future__ import annotations

import doctest
import tomllib
from pathlib import Path

import pytest
from rdflib import Graph

import kg
from kg import resources
from kg.errors import DataError

REPO = Path(kg.__file__).parent.parent
PYPROJECT = REPO / "pyproject.toml"


def setuptools_config() -> dict:
    return tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["setuptools"]


def test_ontology_and_shapes_are_the_top_level_files_and_parse():
    assert resources.ontology_path().resolve() == (REPO / "ontology" / "kg.ttl").resolve()
    assert resources.shapes_path().resolve() == (REPO / "ontology" / "shapes.ttl").resolve()
    assert len(Graph().parse(resources.ontology_path())) > 100
    assert len(Graph().parse(resources.shapes_path())) > 100


def test_default_corpus_holds_articles_and_their_gold():
    corpus = resources.default_corpus_dir()
    assert corpus.resolve() == (REPO / "data" / "corpus" / "dev").resolve()
    articles = [p for p in corpus.iterdir() if p.suffix in {".txt", ".md", ".html"}]
    assert articles
    for article in articles:
        assert (corpus / (article.stem + ".gold.yaml")).is_file(), f"{article.name} has no gold file"


def test_the_shipped_articles_are_the_development_corpora_without_their_readmes():
    articles = resources.shipped_articles()
    assert {a.parent.name for a in articles} == {"dev", "news-dev", *(f"news-dev-{n}" for n in range(2, 16))}
    assert len(articles) == len(list((REPO / "data" / "corpus").glob("*dev*/*.gold.yaml")))
    assert all(a.with_name(a.stem + ".gold.yaml").is_file() and a.name != "README.md" for a in articles)


def test_queries_and_gazetteer_are_found():
    assert sorted(resources.queries_dir().glob("*.rq"))
    assert resources.gazetteer_path().name == "gazetteer.yaml"
    assert resources.gazetteer_path().is_file()


def test_a_missing_shipped_file_is_reported_with_what_to_do(monkeypatch, tmp_path):
    monkeypatch.setattr(resources.resources, "files", lambda package: tmp_path)
    with pytest.raises(DataError, match=r"kg\.ttl: shipped file is missing \(reinstall kg"):
        resources.ontology_path()


def test_docstring_examples_run():
    assert doctest.testmod(resources).failed == 0


def test_every_subpackage_of_kg_ships_in_the_wheel():
    """The package list is explicit (two packages live outside kg/), so a new subpackage must be added."""
    listed = set(setuptools_config()["packages"])
    package_root = REPO / "kg"
    subpackages = {
        ".".join(("kg", *d.relative_to(package_root).parts))
        for d in package_root.rglob("*")
        if d.is_dir() and d.name != "__pycache__" and any(d.glob("*.py"))
    }
    missing = sorted(subpackages - listed)
    assert not missing, f"add {missing} to [tool.setuptools] packages in pyproject.toml"


def test_top_level_data_directories_are_mapped_into_the_package():
    config = setuptools_config()
    assert config["package-dir"] == {"kg._ontology": "ontology", "kg._corpus": "data/corpus"}
    assert "*.ttl" in config["package-data"]["kg._ontology"]
    for package, directory in config["package-dir"].items():
        assert package in config["packages"]
        assert (REPO / directory / "__init__.py").is_file(), f"{directory}/__init__.py makes {package} importable"
