"""Walks of the dependency parse that several extractors share."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

_VERB_POS = frozenset({"VERB", "AUX"})

PERSON_LABELS = frozenset({"Person", "PERSON"})
"""The entity labels of a person on a token: the gazetteer's and the NER's."""
PERSON_PRONOUNS = frozenset({"he", "him", "she", "her"})
"""The pronouns that stand for one person."""
PERSON_POSSESSIVES = {"his": "he", "her": "she"}
"""The possessives that stand for one person, with the pronoun each is the possessive of."""


def clause_verb(token: "Token") -> "Token":
    """The verb whose clause holds ``token``: the token itself if it is one, else the nearest verb
    above it (the sentence root when there is none)."""
    node = token
    while node.pos_ not in _VERB_POS and node.head != node:
        node = node.head
    return node


def governing_verb(token: "Token") -> "Token":
    """The nearest verb above ``token`` (the sentence root when there is none)."""
    return clause_verb(token.head)
