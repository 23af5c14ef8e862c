"""Loader of ``kg/data/attribution.yaml``: the cues quote attribution looks for, kept as data."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from kg.yaml_lines import load_shipped


@dataclass(frozen=True)
class AttributionCues:
    statement_nouns: frozenset[str]
    official_words: frozenset[str]
    spokesperson_nouns: frozenset[str]
    entourage_nouns: frozenset[str]
    description_heads: frozenset[str]
    generic_heads: frozenset[str]
    top_titles: frozenset[str]
    chain_verbs: frozenset[str]
    wording_verbs: frozenset[str]
    caption_starts: tuple[str, ...]


@functools.lru_cache(maxsize=1)
def load_attribution_cues() -> AttributionCues:
    """The shipped attribution cues (cached).

    >>> "statement" in load_attribution_cues().statement_nouns
    True
    """
    return load_shipped("attribution.yaml", _cues, what="attribution cues")


def _cues(raw: dict) -> AttributionCues:
    words = {key: frozenset(str(w).lower() for w in raw[key]) for key in (
        "statement_nouns", "official_words", "spokesperson_nouns", "entourage_nouns", "description_heads", "generic_heads",
        "top_titles", "chain_verbs", "wording_verbs")}
    return AttributionCues(**words, caption_starts=tuple(raw["caption_starts"]))
