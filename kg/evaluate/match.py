"""The matching rules: which system fact may count for which gold fact, and the one-to-one pairing.

Per document and fact type, every (gold, system) pair that satisfies the type's rule is an
edge; the pairing is a maximum one-to-one matching over these edges, so the counts never depend
on row order (a greedy pairing could give a lenient gold fact, e.g. an undated event without
participants, a system fact that a stricter gold fact needed).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from kg.evaluate.facts import (
    AgencyCountryFact,
    EntityFact,
    EventFact,
    InvolvementFact,
    PositionFact,
    QuoteFact,
)
from kg.evaluate.gold import Gold
from kg.evaluate.normalise import QUOTE_THRESHOLD, date_matches, head_word, key, quote_similarity, type_key


class Aliases:
    """The surface forms of a gold document's entities: a referenced name -> all keys of its entity.

    A name that is not a gold entity of the document stands for itself.
    """

    def __init__(self, gold: Gold):
        self._keys: dict[str, frozenset[str]] = {}
        for entity in gold.entities:  # canonical names win over aliases of another entity
            self._keys.setdefault(key(entity.name), entity_keys(entity))
        for entity in gold.entities:
            for alias in entity.aliases:
                self._keys.setdefault(key(alias), entity_keys(entity))

    def keys(self, name: str) -> frozenset[str]:
        name_key = key(name)
        return self._keys.get(name_key, frozenset({name_key}))

    def same(self, gold_name: str, system_name: str) -> bool:
        """Does the system's label name the entity the gold names?"""
        system_key = key(system_name)
        return bool(system_key) and system_key in self.keys(gold_name)


def entity_keys(entity: EntityFact) -> frozenset[str]:
    return frozenset(k for k in map(key, (entity.name, *entity.aliases)) if k)


def rule_for(fact_type: str, aliases: Aliases) -> Callable[[object, object], bool]:
    """The predicate ``(gold_fact, system_fact) -> bool`` of one fact type."""

    def entities(g: EntityFact, s: EntityFact) -> bool:
        return type_key(g.type) == type_key(s.type) and key(s.name) in entity_keys(g)

    def positions(g: PositionFact, s: PositionFact) -> bool:
        if not aliases.same(g.person, s.person) or head_word(g.title) != head_word(s.title):
            return False
        if not g.organization or not key(s.organization):
            return not g.organization and not key(s.organization)
        return aliases.same(g.organization, s.organization)

    def events(g: EventFact, s: EventFact) -> bool:
        if type_key(g.type) != type_key(s.type) or not date_matches(g.date, s.date):
            return False
        return not g.participants or any(
            aliases.same(gp, sp) for gp in g.participants for sp in s.participants
        )

    def involvement(g: InvolvementFact, s: InvolvementFact) -> bool:
        return aliases.same(g.program, s.program) and aliases.same(g.party, s.party)

    def agency_country(g: AgencyCountryFact, s: AgencyCountryFact) -> bool:
        return aliases.same(g.agency, s.agency) and aliases.same(g.country, s.country)

    def quotes(g: QuoteFact, s: QuoteFact) -> bool:
        return aliases.same(g.speaker, s.speaker) and quote_similarity(g.text, s.text) >= QUOTE_THRESHOLD

    rules = {
        "entities": entities, "positions": positions, "events": events,
        "involvement": involvement, "agency_country": agency_country, "quotes": quotes,
    }
    return rules[fact_type]  # type: ignore[return-value]


@dataclass(frozen=True)
class Pairing:
    """The outcome of matching one fact type in one document."""

    matched: tuple[tuple[int, int], ...]
    """(gold index, system index) pairs, in gold order."""
    missed: tuple[int, ...]
    """Gold indexes no system fact matched (false negatives)."""
    spurious: tuple[int, ...]
    """System indexes that matched no gold fact (false positives)."""


def pair(gold: Sequence[object], system: Sequence[object], rule: Callable[[object, object], bool]) -> Pairing:
    """A maximum one-to-one matching of ``gold`` to ``system`` facts under ``rule`` (augmenting paths)."""
    edges = [[j for j, s in enumerate(system) if rule(g, s)] for g in gold]
    owner: list[int | None] = [None] * len(system)  # system index -> gold index

    def assign(i: int, visited: set[int]) -> bool:
        for j in edges[i]:
            if j not in visited:
                visited.add(j)
                current = owner[j]
                if current is None or assign(current, visited):
                    owner[j] = i
                    return True
        return False

    for i in range(len(gold)):
        assign(i, set())
    by_gold = {i: j for j, i in enumerate(owner) if i is not None}
    return Pairing(
        matched=tuple(sorted(by_gold.items())),
        missed=tuple(i for i in range(len(gold)) if i not in by_gold),
        spurious=tuple(j for j, i in enumerate(owner) if i is None),
    )
