"""Where the files that ship with kg live: ontology, shapes, queries, gazetteer, the shipped corpora.

The repository's top-level ``ontology/`` and ``data/corpus/`` directories are the source of
truth; ``pyproject.toml`` installs them as the packages ``kg._ontology`` and ``kg._corpus``, so
:mod:`importlib.resources` finds them the same way in an editable install and in a wheel.
Every function returns an existing path or raises :class:`~kg.errors.DataError`.

>>> ontology_path().name
'kg.ttl'
>>> (default_corpus_dir() / "seed-nasa-roscosmos-talks.txt").is_file()
True
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from kg.errors import DataError

_REINSTALL = "reinstall kg: `pip install -e .` in a checkout, or `pip install --force-reinstall kg`"


def _shipped(package: str, *parts: str) -> Path:
    try:
        root = resources.files(package)
    except ModuleNotFoundError as error:
        raise DataError(f"the package {package} that holds kg's shipped files is missing ({_REINSTALL})") from error
    path = Path(str(root.joinpath(*parts)))
    if not path.exists():
        raise DataError(f"{path}: shipped file is missing ({_REINSTALL})")
    return path


def ontology_path() -> Path:
    """The OWL ontology, ``ontology/kg.ttl``."""
    return _shipped("kg._ontology", "kg.ttl")


def shapes_path() -> Path:
    """The SHACL shapes every built graph must satisfy, ``ontology/shapes.ttl``."""
    return _shipped("kg._ontology", "shapes.ttl")


def queries_dir() -> Path:
    """The directory of named SPARQL queries, ``kg/store/queries/*.rq``."""
    return _shipped("kg.store", "queries")


def gazetteer_path() -> Path:
    """The reference gazetteer, ``kg/data/gazetteer.yaml``."""
    return _shipped("kg", "data", "gazetteer.yaml")


def default_corpus_dir() -> Path:
    """The first development corpus, ``data/corpus/dev``: the seed article and six more, with their gold."""
    return _shipped("kg._corpus", "dev")


SHIPPED_CORPORA = ("dev", "news-dev", "news-dev-2", "news-dev-3", "news-dev-4", "news-dev-5", "news-dev-6",
                   "news-dev-7", "news-dev-8", "news-dev-9", "news-dev-10", "news-dev-11", "news-dev-12",
                   "news-dev-13", "news-dev-14", "news-dev-15")
"""The development corpora that ship with kg (``data/corpus/<name>``); their articles together tell
the history of the cooperation, 1957 to 2025. The held-out corpora do not ship."""

def shipped_articles() -> list[Path]:
    """The default input of ``kg build``: every article of the shipped corpora (a file beside its
    ``.gold.yaml``; the corpora's README files are not articles), in order."""
    from kg.ingest import SUPPORTED_SUFFIXES

    articles = []
    for name in SHIPPED_CORPORA:
        folder = _shipped("kg._corpus", name)
        articles += sorted(p for p in folder.iterdir() if p.suffix.lower() in SUPPORTED_SUFFIXES and (folder / f"{p.stem}.gold.yaml").is_file())
    return articles
