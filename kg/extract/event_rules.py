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
    planned_before: tuple[str, ...] = ()
    """words right before a trigger that make it a hoped-for plan ("a hoped-for summit")"""
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
    labels_by_name_type: dict[str, dict[str, str]] = field(default_factory=dict)
    """event type -> entity type of the names a label leads with -> label ("Launch carrying {who}")"""
    label_preps: dict[str, frozenset[str]] = field(default_factory=dict)
    """event type (or "default") -> prepositions whose object a label names ("docked with Mir")"""
    other_labels: dict[str, str] = field(default_factory=dict)
    lemma_labels: dict[str, str] = field(default_factory=dict)
    """trigger lemma -> label of any type ("removed Rogozin": "Removal of Dmitry Rogozin")"""
    needs_attached_date: frozenset[str] = frozenset()
    """trigger lemmas that open an event only with a date of their own ("said on June 25")"""
    excluded_with: dict[str, frozenset[str]] = field(default_factory=dict)
    """trigger lemma -> dependent words that mean no event of its type ("flew around the station")"""
    country_participants: frozenset[str] = frozenset()
    """trigger lemmas whose participants may be countries ("Russia annexed Crimea")"""
    no_participants_needed: frozenset[str] = frozenset()
    """trigger lemmas that are events with nobody named ("the collapse of the Soviet Union")"""
    craft_subjects: frozenset[str] = frozenset()
    """nouns that, as a subject ("the orbiter undocked"), stand for the spacecraft named last"""
    person_argument: frozenset[str] = frozenset()
    """trigger lemmas that need a person as their subject or object ("replaced Borisov")"""
    generic_plural_markers: frozenset[str] = frozenset()
    """words that make a plural noun trigger a kind of event ("seven shuttle visits")"""
    people_of_sentence: frozenset[str] = frozenset()
    """event types whose clause names no person take the people of the whole sentence"""
    reference_verbs: frozenset[str] = frozenset()
    """verbs whose object names an event told elsewhere ("watched the docking")"""
    publication_month: frozenset[str] = frozenset()
    """noun triggers cited without a date ("said in a statement") that took place in the publication's month"""
    anchor_nouns: dict[str, str] = field(default_factory=dict)
    """noun -> event type, for dates told from an event ("two hours after contact": the docking's day)"""


@functools.lru_cache(maxsize=1)
def load_event_rules(planned: tuple[str, ...] = (), canceled: tuple[str, ...] = ()) -> EventRules:
    """The shipped cues of ``kg/data/events.yaml``, with the lexicon's ``planned``/``canceled`` cues added."""
    def build(raw: dict) -> EventRules:
        return EventRules(
            no_event_before=tuple(raw["no_event_before"]),
            no_event_chain=tuple(raw["no_event_chain"]),
            planned=tuple(dict.fromkeys((*planned, *raw["planned_extra"]))),
            canceled=tuple(dict.fromkeys((*canceled, *raw["canceled_extra"]))),
            planned_before=tuple(raw.get("planned_before", ())),
            required_participant=dict(raw["required_participant"]),
            cancel_decisions=frozenset(raw["cancel_decisions"]),
            min_participants=dict(raw["min_participants"]),
            with_craft_type=dict(raw["with_craft_type"]),
            craft_nouns=frozenset(raw["craft_nouns"]),
            object_of_types=frozenset(raw["object_of_types"]),
            labels=dict(raw["labels"]),
            labels_by_name_type={k: dict(v) for k, v in raw.get("labels_by_name_type", {}).items()},
            label_preps={k: frozenset(v) for k, v in raw.get("label_preps", {}).items()},
            other_labels=dict(raw["other_labels"]),
            lemma_labels=dict(raw.get("lemma_labels", {})),
            needs_attached_date=frozenset(raw.get("needs_attached_date", ())),
            excluded_with={k: frozenset(v) for k, v in raw.get("excluded_with", {}).items()},
            country_participants=frozenset(raw.get("country_participants", ())),
            no_participants_needed=frozenset(raw.get("no_participants_needed", ())),
            people_of_sentence=frozenset(raw.get("people_of_sentence", ())),
            person_argument=frozenset(raw.get("person_argument", ())),
            craft_subjects=frozenset(raw.get("craft_subjects", ())),
            generic_plural_markers=frozenset(raw.get("generic_plural_markers", ())),
            anchor_nouns=dict(raw.get("anchor_nouns", {})),
            publication_month=frozenset(raw.get("publication_month", ())),
            reference_verbs=frozenset(raw.get("reference_verbs", ())),
        )

    return load_shipped("events.yaml", build, what="event cues")


TRIGGER_NODE = "trigger"
"""The pattern node that names the word opening the event."""


def _lemma_variants(pattern: list[dict], word_forms: frozenset[str]) -> list[list[dict]]:
    """The pattern with its trigger's lemmas in lower or capitalised case ("Summit"), and, when the
    trigger lists words of ``word_forms`` ("talks", "met"), the same pattern on those words as
    written. Only those: each pattern is matched against every word of a text."""
    node = pattern[0]["RIGHT_ATTRS"]
    lemmas = node.get("LEMMA")
    if lemmas is None:
        return [pattern]
    words = lemmas["IN"] if isinstance(lemmas, dict) else [lemmas]
    cased = sorted({w for word in words for w in (word, word.capitalize())})
    variants = {"LEMMA": cased, "LOWER": [w for w in words if w in word_forms]}
    out = []
    for attr, values in variants.items():
        if values:
            attrs = {k: v for k, v in node.items() if k != "LEMMA"}
            attrs[attr] = {"IN": values}
            out.append([{**pattern[0], "RIGHT_ATTRS": attrs}, *pattern[1:]])
    return out


@functools.lru_cache(maxsize=1)
def trigger_patterns() -> dict[str, list[list[dict]]]:
    """Event type -> its trigger patterns of ``kg/data/events.yaml``, in the file's order, each
    expanded into its lemma variants (``_lemma_variants``): what a ``DependencyMatcher`` would match."""
    def build(raw: dict) -> dict[str, list[list[dict]]]:
        word_forms = frozenset(raw.get("word_forms", ()))
        return {event_type: [v for p in patterns for v in _lemma_variants(p, word_forms)]
                for event_type, patterns in raw["triggers"].items()}

    return load_shipped("events.yaml", build, what="trigger patterns")


WORD_ATTRS = {"LEMMA": "lemma_", "LOWER": "lower_", "POS": "pos_"}
"""The token attributes a one-word pattern may test and still be matched by a lookup: pattern
attribute -> ``Token`` attribute holding the string spaCy's matcher compares."""


def _word_test(pattern: list[dict]) -> dict[str, frozenset[str]] | None:
    """The attributes a one-word ``pattern`` tests, each with the strings it allows, when it is
    nothing but a word (lemma, lower case, part of speech) given as a string or ``{IN: [...]}``;
    None for any other pattern (more words, other attributes or operators), left to spaCy.

    >>> _word_test([{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": {"IN": ["meet"]}, "POS": "VERB"}}])
    {'LEMMA': frozenset({'meet'}), 'POS': frozenset({'VERB'})}
    >>> _word_test([{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LOWER": "hatch", "DEP": "nsubj"}}]) is None
    True
    """
    if len(pattern) != 1 or not isinstance(pattern[0], dict) or set(pattern[0]) != {"RIGHT_ID", "RIGHT_ATTRS"}:
        return None
    attrs = pattern[0]["RIGHT_ATTRS"]
    if not isinstance(attrs, dict) or not attrs or not set(attrs) <= WORD_ATTRS.keys():
        return None
    test = {}
    for attr, value in attrs.items():
        if isinstance(value, dict) and set(value) == {"IN"} and isinstance(value["IN"], list):
            values = value["IN"]
        else:
            values = [value]
        if not all(isinstance(v, str) for v in values):
            return None
        test[attr] = frozenset(values)
    return test


@dataclass(frozen=True)
class TriggerMatcher:
    """Trigger patterns compiled for one vocabulary (:func:`compile_triggers`); called on a parsed
    ``Doc``, it gives the token index of every trigger word -> its event type, in token order.

    A one-word pattern (:func:`_word_test`) is found by looking the token's lemma or lower-case
    form up in ``words``; every other pattern goes to spaCy's ``DependencyMatcher`` (``matcher``,
    None when there is none), which evaluates each ``IN`` of every pattern on every token. Where
    patterns of several types match a word, the type listed first wins, whichever kind matched it.
    """

    order: tuple[str, ...]
    """the event types in the order of the patterns: a word takes the first one it matches"""
    words: dict[str, dict[str, tuple[tuple[int, dict[str, frozenset[str]]], ...]]]
    """``LEMMA``/``LOWER`` -> form -> (rank of the event type, the pattern's other tests), by rank"""
    matcher: DependencyMatcher | None
    ranks: dict[int, int]
    """match id of ``matcher`` -> rank of its event type"""

    def __call__(self, doc) -> dict[int, str]:
        found: dict[int, int] = {}
        lookups = [(WORD_ATTRS[key], forms) for key, forms in self.words.items()]
        for token in doc:
            for attr, forms in lookups:
                for rank, rest in forms.get(getattr(token, attr), ()):  # by rank: the first that holds wins
                    if all(getattr(token, WORD_ATTRS[a]) in values for a, values in rest.items()):
                        if rank < found.get(token.i, rank + 1):
                            found[token.i] = rank
                        break
        if self.matcher is not None:
            for match_id, token_ids in self.matcher(doc):
                trigger = token_ids[0]  # the first node of every pattern is the trigger
                rank = self.ranks[match_id]
                if rank < found.get(trigger, rank + 1):
                    found[trigger] = rank
        return {i: self.order[found[i]] for i in sorted(found)}


def compile_triggers(vocab: Vocab, patterns: dict[str, list[list[dict]]]) -> TriggerMatcher:
    """``patterns`` (event type -> its ``DependencyMatcher`` patterns, in order of precedence)
    compiled for ``vocab``: one-word patterns into lookup tables, the others into a matcher."""
    words: dict[str, dict[str, list[tuple[int, dict[str, frozenset[str]]]]]] = {}
    matcher = DependencyMatcher(vocab)
    ranks: dict[int, int] = {}
    for rank, (event_type, variants) in enumerate(patterns.items()):
        others = []
        for pattern in variants:
            test = _word_test(pattern)
            key = next((a for a in ("LEMMA", "LOWER") if test and a in test), None)
            if test is None or key is None:
                others.append(pattern)
                continue
            rest = {a: v for a, v in test.items() if a != key}
            for form in test[key]:
                words.setdefault(key, {}).setdefault(form, []).append((rank, rest))
        if others:
            label = f"event:{event_type}"
            matcher.add(label, others)
            ranks[vocab.strings[label]] = rank
    return TriggerMatcher(
        order=tuple(patterns),
        words={key: {form: tuple(sorted(found, key=lambda c: c[0])) for form, found in forms.items()}
               for key, forms in words.items()},
        matcher=matcher if ranks else None,
        ranks=ranks,
    )


@functools.lru_cache(maxsize=4)
def trigger_matcher(vocab: Vocab) -> TriggerMatcher:
    """The trigger patterns of ``kg/data/events.yaml`` compiled once per vocabulary."""
    return compile_triggers(vocab, trigger_patterns())


def match_triggers(doc) -> dict[int, str]:
    """Token index of every trigger word of ``doc`` -> its event type (in token order)."""
    return trigger_matcher(doc.vocab)(doc)
