"""Loader of ``kg/data/events.yaml``: the event rules kept as data — trigger patterns, status cues,
the roles an event type needs, and how a timeline label reads."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from spacy.matcher import DependencyMatcher
from spacy.vocab import Vocab

from kg.yaml_lines import load_shipped


@dataclass(frozen=True)
class EventRules:
    """The event rules of ``kg/data/events.yaml``: status cues (lower case, whole words), roles, labels."""

    no_event_before: tuple[str, ...]
    no_event_chain: tuple[str, ...]
    planned: tuple[str, ...]
    canceled: tuple[str, ...]
    required_participant: dict[str, str] = field(default_factory=dict)
    """event type -> entity type one of its participants must have"""
    cancel_decisions: frozenset[str] = frozenset()
    """event types that *are* a cancellation: their canceling cue means they happened"""
    min_participants: dict[str, int] = field(default_factory=dict)
    with_craft_type: dict[str, str] = field(default_factory=dict)
    """trigger lemma -> event type when a spacecraft or station takes part"""
    craft_nouns: frozenset[str] = frozenset()
    object_of_types: frozenset[str] = frozenset()
    labels: dict[str, str] = field(default_factory=dict)
    other_labels: dict[str, str] = field(default_factory=dict)


@functools.lru_cache(maxsize=1)
def load_event_rules(planned: tuple[str, ...] = (), canceled: tuple[str, ...] = ()) -> EventRules:
    """The shipped cues of ``kg/data/events.yaml``, with the lexicon's ``planned``/``canceled`` cues added."""
    def build(raw: dict) -> EventRules:
        return EventRules(
            no_event_before=tuple(raw["no_event_before"]),
            no_event_chain=tuple(raw["no_event_chain"]),
            planned=tuple(dict.fromkeys((*planned, *raw["planned_extra"]))),
            canceled=tuple(dict.fromkeys((*canceled, *raw["canceled_extra"]))),
            required_participant=dict(raw["required_participant"]),
            cancel_decisions=frozenset(raw["cancel_decisions"]),
            min_participants=dict(raw["min_participants"]),
            with_craft_type=dict(raw["with_craft_type"]),
            craft_nouns=frozenset(raw["craft_nouns"]),
            object_of_types=frozenset(raw["object_of_types"]),
            labels=dict(raw["labels"]),
            other_labels=dict(raw["other_labels"]),
        )

    return load_shipped("events.yaml", build, what="event cues")


TRIGGER_NODE = "trigger"
"""The pattern node that names the word opening the event."""


def _lemma_variants(pattern: list[dict]) -> list[list[dict]]:
    """The pattern, and (when its trigger node lists lemmas) the same pattern on the word as written
    ("talks", "met"); lemmas and words match in lower or capitalised case ("Summit")."""
    node = pattern[0]["RIGHT_ATTRS"]
    lemmas = node.get("LEMMA")
    if lemmas is None:
        return [pattern]
    words = lemmas["IN"] if isinstance(lemmas, dict) else [lemmas]
    cased = sorted({w for word in words for w in (word, word.capitalize())})
    out = []
    for attr in ("LEMMA", "LOWER"):
        attrs = {k: v for k, v in node.items() if k != "LEMMA"}
        attrs[attr] = {"IN": cased if attr == "LEMMA" else list(words)}
        out.append([{**pattern[0], "RIGHT_ATTRS": attrs}, *pattern[1:]])
    return out


@functools.lru_cache(maxsize=4)
def trigger_matcher(vocab: Vocab) -> tuple[DependencyMatcher, dict[int, str]]:
    """The trigger patterns of ``kg/data/events.yaml`` compiled once per vocabulary: the matcher and
    the event type of each match id (in the file's order, the first type a word matches wins)."""
    def build(raw: dict) -> tuple[DependencyMatcher, dict[int, str]]:
        matcher = DependencyMatcher(vocab)
        types: dict[int, str] = {}
        for event_type, patterns in raw["triggers"].items():
            variants = [v for p in patterns for v in _lemma_variants(p)]
            matcher.add(f"event:{event_type}", variants)
            types[vocab.strings[f"event:{event_type}"]] = event_type
        return matcher, types

    return load_shipped("events.yaml", build, what="trigger patterns")


def match_triggers(doc) -> dict[int, str]:
    """Token index of every trigger word of ``doc`` -> its event type."""
    matcher, types = trigger_matcher(doc.vocab)
    found: dict[int, tuple[int, str]] = {}
    order = list(types)
    for match_id, token_ids in matcher(doc):
        trigger = token_ids[0]  # the first node of every pattern is the trigger
        rank = order.index(match_id)
        if trigger not in found or rank < found[trigger][0]:
            found[trigger] = (rank, types[match_id])
    return {i: event_type for i, (_, event_type) in found.items()}
