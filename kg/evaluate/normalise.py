"""The comparison keys the matching rules use: names, types, title head words, dates, quote text.

Names use :func:`kg.names.name_key`, the project's one normaliser: it ignores case, punctuation,
dashes, a leading "the", a possessive "'s" and curly-vs-straight quotes, exactly as the scoring
rules ask, and also folds common transliteration variants (Dmitry/Dmitriy). That last fold is
slightly more lenient than the written rules, but only ever equates spellings of the same name,
and using one normaliser keeps the scorer and the resolver in agreement.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

from kg.names import fold_quotes, name_key

QUOTE_THRESHOLD = 0.9
"""Minimum :func:`quote_similarity` for a system quotation to match a gold one."""

_PREPOSITIONS = frozenset({"for", "of", "at", "to", "in", "on", "with"})
_EDGE = " \t\r\n\"'.,;:!?()[]{}<>\u00ab\u00bb\u2026\u2013\u2014-"


@lru_cache(maxsize=8192)
def key(name: str) -> str:
    """The comparison key of a name (cached :func:`kg.names.name_key`).

    >>> key("the Kennedy Space Center") == key("Kennedy Space Center")
    True
    >>> key("NASA\u2019s") == key("NASA")
    True
    """
    return name_key(name)


def type_key(value: str) -> str:
    """Compare types case-insensitively; an IRI counts by its local name.

    >>> type_key("https://w3id.org/usru-space/ontology#Person") == type_key("person")
    True
    """
    value = value.strip()
    if "://" in value or value.startswith("urn:"):
        value = re.split(r"[#/:]", value)[-1]
    return value.casefold()


def head_word(title: str) -> str:
    """The word a title is about: the last word before any prepositional phrase.

    A trailing "general" is a modifier, so the word before it is the head ("director general"
    and "general director" are both directors).

    >>> head_word("acting administrator")
    'administrator'
    >>> head_word("director general"), head_word("general director")
    ('director', 'director')
    >>> head_word("associate administrator for space operations")
    'administrator'
    """
    words = re.findall(r"[^\W\d_]+", fold_quotes(title).casefold())
    for i, word in enumerate(words):
        if i > 0 and word in _PREPOSITIONS:
            words = words[:i]
            break
    if len(words) > 1 and words[-1] == "general":
        return words[-2]
    return words[-1] if words else ""


def date_matches(gold: str, system: str) -> bool:
    """True if ``system``, cut to the gold's precision, equals ``gold``; a gold without date matches any.

    >>> date_matches("2025-07", "2025-07-31"), date_matches("2025-07-31", "2025")
    (True, False)
    """
    gold = gold.strip()
    return system.strip()[: len(gold)] == gold


def quote_text(text: str) -> str:
    """Quotation text for comparison: straight quotes, one space, no surrounding punctuation, lower case.

    >>> quote_text("\u201cWe\u2019ll see how it unfolds.\u201d")
    "we'll see how it unfolds"
    """
    return " ".join(fold_quotes(text).split()).strip(_EDGE).casefold()


def quote_similarity(gold: str, system: str) -> float:
    """:class:`difflib.SequenceMatcher` ratio of the normalised texts (no junk heuristic)."""
    return SequenceMatcher(None, quote_text(gold), quote_text(system), autojunk=False).ratio()
