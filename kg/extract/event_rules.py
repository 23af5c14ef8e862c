"""Loader of ``kg/data/events.yaml``: the event rules kept as data — status cues, the roles an
event type needs, and how a timeline label reads."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources

import yaml

from kg.errors import DataError


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
    source = resources.files("kg") / "data" / "events.yaml"
    try:
        raw = yaml.safe_load(source.read_text(encoding="utf-8"))
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
    except (yaml.YAMLError, KeyError, TypeError) as exc:
        raise DataError(f"{source}: malformed event cues ({exc}); restore it from the repository") from exc
