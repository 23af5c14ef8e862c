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
    failed_attempt: tuple[str, ...] = ()
    """words right before a trigger of ``attempt_types`` that make it a failed attempt (canceled)"""
    attempt_types: frozenset[str] = frozenset()
    after_docking: frozenset[str] = frozenset()
    """trigger lemmas of what a docked crew does next (a hatch opening takes the docking's people)"""
    stopped_attempts: frozenset[str] = frozenset()
    """trigger lemmas whose event is an attempt that did not happen ("the countdown was halted")"""
    planned_before: tuple[str, ...] = ()
    """words right before a trigger that make it a hoped-for plan ("a hoped-for summit")"""
    required_participant: dict[str, frozenset[str]] = field(default_factory=dict)
    """event type -> entity types one of which one of its participants must have"""
    never_planned: frozenset[str] = frozenset()
    """event types whose plans are no event ("it would report within a month")"""
    cancel_decisions: frozenset[str] = frozenset()
    """event types that *are* a cancellation: their canceling cue means they happened"""
    min_participants: dict[str, int] = field(default_factory=dict)
    with_craft_type: dict[str, str] = field(default_factory=dict)
    """trigger lemma -> event type when a spacecraft or station takes part"""
    craft_nouns: frozenset[str] = frozenset()
    object_of_types: frozenset[str] = frozenset()
    things_of_other_events: frozenset[str] = frozenset()
    """noun trigger types that, as the object of a trigger of another type, are its thing ("signed a statement")"""
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
    social_media: frozenset[str] = frozenset()
    """where a post is made ("wrote on social media", "on Telegram"): a post is a statement, quoted or not"""
    announced_events: frozenset[str] = frozenset()
    """event nouns that, as a statement verb's object, are the news ("announced his resignation")"""
    earthbound_destinations: dict[str, frozenset[str]] = field(default_factory=dict)
    """"lemma/Type" -> entity types of a destination that make the trigger a trip on Earth ("flew to Downey")"""
    excluded_with: dict[str, frozenset[str]] = field(default_factory=dict)
    """trigger lemma -> dependent words that mean no event of its type ("flew around the station")"""
    excluded_relations: dict[str, frozenset[str]] = field(default_factory=dict)
    """"lemma/Type" -> dependency labels of the trigger's children that mean no event of its type
    ("called Rogozin a showman")"""
    country_participants: frozenset[str] = frozenset()
    """trigger lemmas whose participants may be countries ("Russia annexed Crimea")"""
    participant_types: dict[str, frozenset[str]] = field(default_factory=dict)
    """trigger lemma -> the only entity types that take part ("collide": spacecraft)"""
    subject_types: dict[str, frozenset[str]] = field(default_factory=dict)
    """verb lemma -> the types its subject must name for an event ("collapse": a country)"""
    no_participants_needed: frozenset[str] = frozenset()
    """trigger lemmas that are events with nobody named ("the collapse of the Soviet Union")"""
    craft_subjects: frozenset[str] = frozenset()
    one_craft_plurals: frozenset[str] = frozenset()
    """nouns that, as a subject ("the orbiter undocked"), stand for the spacecraft named last"""
    person_argument: frozenset[str] = frozenset()
    """trigger lemmas that need a person as their subject or object ("replaced Borisov")"""
    person_object: frozenset[str] = frozenset()
    """of those, the lemmas whose person must be the object ("the Senate confirmed Griffin")"""
    office_holder_needed: frozenset[str] = frozenset()
    """"lemma/Type" of triggers whose person taken over from, or relieved, must have held a post"""
    carried_argument: frozenset[str] = frozenset()
    aboard_verbs: frozenset[str] = frozenset()
    """verbs after which a "carrying ..." participle says who was aboard, no launch"""
    """trigger lemmas that are a launch only when their object names a person or a craft"""
    generic_plural_markers: frozenset[str] = frozenset()
    """words that make a plural noun trigger a kind of event ("seven shuttle visits")"""
    people_of_sentence: frozenset[str] = frozenset()
    """event types whose clause names no person take the people of the whole sentence"""
    reference_verbs: frozenset[str] = frozenset()
    """verbs whose object names an event told elsewhere ("watched the docking")"""
    publication_day: frozenset[str] = frozenset()
    """noun triggers cited without a date ("said in a statement"): the news of the publication day"""
    scheduled_nouns: frozenset[str] = frozenset()
    """subjects of a sentence that only dates a plan ("The joint flight is set for July 15")"""
    anchor_nouns: dict[str, str] = field(default_factory=dict)
    """noun -> event type, for dates told from an event ("two hours after contact": the docking's day)"""
    group_subjects: dict[str, frozenset[str]] = field(default_factory=dict)
    """plural noun of a "the two ..."/"both ..." subject -> the types of the pair it names"""
    launcher_words: frozenset[str] = frozenset()
    """words in a craft's names that make it the vehicle launching another, left out of labels beside it"""
    return_words: frozenset[str] = frozenset()
    """dependents that make a launch trigger a return ("carry the crew home")"""
    occurrence_verbs: frozenset[str] = frozenset()
    """verbs whose subject, an event noun, is told as happening ("docking occurred at 1:11 p.m.")"""
    occasion_nouns: frozenset[str] = frozenset()
    misparsed_participles: frozenset[str] = frozenset()
    """participles the parser takes for the head noun after an event noun ("a message read to the crews")"""
    """nouns after "at" that take the modality of the verb they hang from ("is to speak at a news conference")"""


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
            failed_attempt=tuple(raw.get("failed_attempt", ())),
            attempt_types=frozenset(raw.get("attempt_types", ())),
            stopped_attempts=frozenset(raw.get("stopped_attempts", ())),
            after_docking=frozenset(raw.get("after_docking", ())),
            required_participant={k: frozenset(v) for k, v in raw["required_participant"].items()},
            never_planned=frozenset(raw.get("never_planned", ())),
            cancel_decisions=frozenset(raw["cancel_decisions"]),
            min_participants=dict(raw["min_participants"]),
            with_craft_type=dict(raw["with_craft_type"]),
            craft_nouns=frozenset(raw["craft_nouns"]),
            object_of_types=frozenset(raw["object_of_types"]),
            things_of_other_events=frozenset(raw.get("things_of_other_events", ())),
            labels=dict(raw["labels"]),
            labels_by_name_type={k: dict(v) for k, v in raw.get("labels_by_name_type", {}).items()},
            label_preps={k: frozenset(v) for k, v in raw.get("label_preps", {}).items()},
            other_labels=dict(raw["other_labels"]),
            lemma_labels=dict(raw.get("lemma_labels", {})),
            needs_attached_date=frozenset(raw.get("needs_attached_date", ())),
            social_media=frozenset(raw.get("social_media", ())),
            announced_events=frozenset(raw.get("announced_events", ())),
            excluded_with={k: frozenset(v) for k, v in raw.get("excluded_with", {}).items()},
            excluded_relations={k: frozenset(v) for k, v in raw.get("excluded_relations", {}).items()},
            earthbound_destinations={k: frozenset(v) for k, v in raw.get("earthbound_destinations", {}).items()},
            country_participants=frozenset(raw.get("country_participants", ())),
            participant_types={k: frozenset(v) for k, v in raw.get("participant_types", {}).items()},
            subject_types={k: frozenset(v) for k, v in raw.get("subject_types", {}).items()},
            no_participants_needed=frozenset(raw.get("no_participants_needed", ())),
            people_of_sentence=frozenset(raw.get("people_of_sentence", ())),
            person_argument=frozenset(raw.get("person_argument", ())),
            person_object=frozenset(raw.get("person_object", ())),
            office_holder_needed=frozenset(raw.get("office_holder_needed", ())),
            carried_argument=frozenset(raw.get("carried_argument", ())),
            aboard_verbs=frozenset(raw.get("aboard_verbs", ())),
            craft_subjects=frozenset(raw.get("craft_subjects", ())),
            one_craft_plurals=frozenset(raw.get("one_craft_plurals", ())),
            generic_plural_markers=frozenset(raw.get("generic_plural_markers", ())),
            anchor_nouns=dict(raw.get("anchor_nouns", {})),
            scheduled_nouns=frozenset(raw.get("scheduled_nouns", ())),
            publication_day=frozenset(raw.get("publication_day", ())),
            reference_verbs=frozenset(raw.get("reference_verbs", ())),
            occasion_nouns=frozenset(raw.get("occasion_nouns", ())),
            misparsed_participles=frozenset(raw.get("misparsed_participles", ())),
            occurrence_verbs=frozenset(raw.get("occurrence_verbs", ())),
            return_words=frozenset(raw.get("return_words", ())),
            launcher_words=frozenset(raw.get("launcher_words", ())),
            group_subjects={word: frozenset(group["types"]) for group in raw.get("group_subjects", ())
                            for word in group["words"]},
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


TOKEN_ATTRS = {"LEMMA": "lemma_", "LOWER": "lower_", "POS": "pos_", "TAG": "tag_", "DEP": "dep_", "ENT_TYPE": "ent_type_",
               "SHAPE": "shape_"}
"""The token attributes a pattern may test and still be matched in Python: pattern attribute ->
``Token`` attribute holding the string spaCy's matcher compares."""


def _root(token):
    while token.head.i != token.i:
        token = token.head
    return token


def _next_in_tree(token) -> tuple:
    """The next word, when it hangs from the same root: spaCy's ``.`` ("immediately precedes")."""
    doc, i = token.doc, token.i + 1
    return (doc[i],) if i < len(doc) and _root(doc[i]).i == _root(token).i else ()


RELATIONS = {
    ">": lambda token: token.children,
    "<": lambda token: () if token.head.i == token.i else (token.head,),
    ">>": lambda token: (t for t in token.subtree if t.i != token.i),
    ".": _next_in_tree,
}
"""The ``REL_OP`` operators a pattern may use and still be matched in Python: operator -> the
words a word is in that relation with, as spaCy's ``DependencyMatcher`` defines them."""


@dataclass(frozen=True)
class _Node:
    """A node of a pattern: what the word must be, and the nodes hanging from it."""

    test: tuple[tuple[str, frozenset[str]], ...]
    """``Token`` attribute -> the strings it may be"""
    edges: tuple[tuple[str, _Node], ...] = ()
    """operator of ``RELATIONS`` -> the node a word in that relation must match"""

    def holds(self, token) -> bool:
        """Whether ``token`` matches this node and, for every edge, some word related to it the
        edge's node (patterns are trees and spaCy lets nodes share a word, so edges are independent)."""
        return (all(getattr(token, attr) in values for attr, values in self.test)
                and all(any(node.holds(t) for t in RELATIONS[op](token)) for op, node in self.edges))


def _node_test(attrs) -> tuple[tuple[str, frozenset[str]], ...] | None:
    """The tests of a node's ``RIGHT_ATTRS`` when each is a string or ``{IN: [...]}`` of strings
    on an attribute of ``TOKEN_ATTRS``; None otherwise."""
    if not isinstance(attrs, dict) or not set(attrs) <= TOKEN_ATTRS.keys():
        return None
    test = []
    for attr, value in attrs.items():
        values = value["IN"] if isinstance(value, dict) and set(value) == {"IN"} else [value]
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            return None
        test.append((TOKEN_ATTRS[attr], frozenset(values)))
    return tuple(test)


def _tree(pattern: list[dict]) -> _Node | None:
    """``pattern``'s first node (the trigger) with the others hanging from it, when every node tests
    only what ``_node_test`` reads and links to an earlier one by an operator of ``RELATIONS``;
    None for any other pattern, left to spaCy.

    >>> _tree([{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": {"IN": ["meet"]}, "POS": "VERB"}}])
    _Node(test=(('lemma_', frozenset({'meet'})), ('pos_', frozenset({'VERB'}))), edges=())
    >>> _tree([{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": "lift"}},
    ...        {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "off", "RIGHT_ATTRS": {"LOWER": "off"}}])
    _Node(test=(('lemma_', frozenset({'lift'})),), edges=(('>', _Node(test=(('lower_', frozenset({'off'})),), edges=())),))
    >>> _tree([{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": "lift"}},
    ...        {"LEFT_ID": "trigger", "REL_OP": ";", "RIGHT_ID": "off", "RIGHT_ATTRS": {"LOWER": "off"}}]) is None
    True
    """
    tests: dict[str, tuple] = {}
    edges: dict[str, list[tuple[str, str]]] = {}
    for index, node in enumerate(pattern):
        keys = {"RIGHT_ID", "RIGHT_ATTRS"} | ({"LEFT_ID", "REL_OP"} if index else set())
        if not isinstance(node, dict) or set(node) != keys or node["RIGHT_ID"] in tests:
            return None
        test = _node_test(node["RIGHT_ATTRS"])
        if test is None:
            return None
        if index:
            if node["REL_OP"] not in RELATIONS or node["LEFT_ID"] not in tests:
                return None
            edges.setdefault(node["LEFT_ID"], []).append((node["REL_OP"], node["RIGHT_ID"]))
        tests[node["RIGHT_ID"]] = test

    def build(name: str) -> _Node:
        return _Node(tests[name], tuple((op, build(right)) for op, right in edges.get(name, ())))

    return build(pattern[0]["RIGHT_ID"]) if pattern else None


Candidates = tuple[tuple[int, _Node], ...]
"""Patterns that may match a word: (precedence, the pattern's trigger node), by precedence."""


@dataclass(frozen=True)
class TriggerMatcher:
    """Trigger patterns compiled for one vocabulary (:func:`compile_triggers`); called on a parsed
    ``Doc``, it gives the token index of every trigger word -> its event type, in token order.

    A pattern that :func:`_tree` reads is tried only on the words whose lemma or lower-case form its
    trigger lists (``index``; every word when it lists neither, ``everywhere``), walking the parse
    from there. Any other pattern goes to spaCy's ``DependencyMatcher`` (``matcher``, None when
    there is none), which evaluates each ``IN`` of every pattern on every token. Where patterns of
    several types match a word, one that names arguments beats a bare word ("flew past Venus" is a
    flyby, though "fly" alone is a launch word), then the type listed first wins, whichever way it
    was matched (:func:`_precedence`).
    """

    order: tuple[str, ...]
    """the event types in the order of the patterns"""
    index: dict[str, dict[str, Candidates]]
    """``Token`` attribute (``lemma_``, ``lower_``) -> its value -> the patterns whose trigger lists it"""
    everywhere: Candidates
    matcher: DependencyMatcher | None
    ranks: dict[int, int]
    """match id of ``matcher`` -> precedence of its patterns"""

    def __call__(self, doc) -> dict[int, str]:
        found: dict[int, int] = {}
        none = 2 * len(self.order)
        for token in doc:
            best = none
            for candidates in (*(forms.get(getattr(token, attr), ()) for attr, forms in self.index.items()),
                               self.everywhere):
                for precedence, node in candidates:  # by precedence: the first that holds wins
                    if precedence >= best:
                        break
                    if node.holds(token):
                        best = precedence
                        break
            if best < none:
                found[token.i] = best
        if self.matcher is not None:
            for match_id, token_ids in self.matcher(doc):
                trigger = token_ids[0]  # the first node of every pattern is the trigger
                precedence = self.ranks[match_id]
                if precedence < found.get(trigger, none):
                    found[trigger] = precedence
        return {i: self.order[found[i] % len(self.order)] for i in sorted(found)}


def _precedence(rank: int, pattern: list[dict], types: int) -> int:
    """Which of the patterns matching one word decides its type, lowest first: those that name an
    argument of the trigger (more than one node) before bare trigger words, each by its type's
    ``rank`` in the rules (the first type listed first)."""
    return rank if len(pattern) > 1 else rank + types


def compile_triggers(vocab: Vocab, patterns: dict[str, list[list[dict]]]) -> TriggerMatcher:
    """``patterns`` (event type -> its ``DependencyMatcher`` patterns, in order of precedence)
    compiled for ``vocab``: those :func:`_tree` reads into lookup tables, the others into a matcher."""
    index: dict[str, dict[str, list[tuple[int, _Node]]]] = {"lemma_": {}, "lower_": {}}
    everywhere: list[tuple[int, _Node]] = []
    matcher = DependencyMatcher(vocab)
    ranks: dict[int, int] = {}
    others: dict[int, list[list[dict]]] = {}
    for rank, (event_type, variants) in enumerate(patterns.items()):
        for pattern in variants:
            precedence = _precedence(rank, pattern, len(patterns))
            node = _tree(pattern)
            if node is None:
                others.setdefault(precedence, []).append(pattern)
                continue
            key, forms = next(((a, v) for a, v in node.test if a in index), (None, ()))
            if key is None:
                everywhere.append((precedence, node))
            for form in forms:
                index[key].setdefault(form, []).append((precedence, node))
    for precedence, group in others.items():
        label = f"event:{precedence}"
        matcher.add(label, group)
        ranks[vocab.strings[label]] = precedence
    return TriggerMatcher(
        order=tuple(patterns),
        index={attr: {form: tuple(sorted(found, key=lambda c: c[0])) for form, found in forms.items()}
               for attr, forms in index.items() if forms},
        everywhere=tuple(sorted(everywhere, key=lambda c: c[0])),
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
