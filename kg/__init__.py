"""kg: a knowledge graph of US-Russian space cooperation, built from news articles.

``kg.open(OUT)`` opens a built graph (:mod:`kg.api`). Importing ``kg`` imports nothing else;
each name below is loaded when first used.
"""

from __future__ import annotations

__all__ = ["open", "from_dataset", "KnowledgeGraph"]


def __getattr__(name: str):
    if name == "__version__":  # one source of truth: pyproject.toml, through the installed metadata
        from importlib.metadata import version

        return version("kg")
    if name in __all__:
        from kg import api

        return getattr(api, name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
