"""Trigger matching (kg.extract.event_rules): patterns of the words, attributes and operators
kg reads are tried on the words their trigger lists, walking the parse; others go to spaCy's
DependencyMatcher; and the result is what a DependencyMatcher over every pattern gives.

The reference here is the plain matcher: every pattern of an event type under one match id, and a
word matched by patterns of several types takes the type listed first. Sentences are written for
these tests, or built by hand (words, parts of speech, dependencies and heads) where a test is
about the operators, so that it does not hang on the model's parse; the corpus tests parse the
shipped development articles and articles generated from them (bench/articles.py).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from kg.extract.event_rules import compile_triggers, match_triggers, trigger_matcher, trigger_patterns

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def nlp():
    from kg.nlp import load_pipeline

    return load_pipeline()


def dependency_matcher_triggers(doc, patterns: dict[str, list[list[dict]]]) -> dict[int, str]:
    """Token index -> event type as one spaCy DependencyMatcher over all ``patterns`` finds them."""
    from spacy.matcher import DependencyMatcher

    matcher = DependencyMatcher(doc.vocab)
    order = list(patterns)
    for event_type, variants in patterns.items():  # a pattern naming arguments first, then by type
        for size, group in (("one", [v for v in variants if len(v) == 1]), ("more", [v for v in variants if len(v) > 1])):
            if group:
                matcher.add(f"reference:{size}:{event_type}", group)
    found: dict[int, tuple[bool, int]] = {}
    for match_id, token_ids in matcher(doc):
        _, size, event_type = doc.vocab.strings[match_id].split(":")
        key = (size == "one", order.index(event_type))
        found[token_ids[0]] = min(key, found.get(token_ids[0], key))
    return {i: order[rank] for i, (_, rank) in found.items()}


def _shipped_texts(tmp_path: Path) -> list[str]:
    from kg.ingest import load_document
    from kg.resources import shipped_articles

    return [load_document(path).text for path in shipped_articles()]


def _generated_texts(tmp_path: Path) -> list[str]:
    """Two rounds of bench/articles.py: the development articles about other people, places, years."""
    from kg.ingest import load_document

    spec = importlib.util.spec_from_file_location("bench_articles", REPO / "bench" / "articles.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while building the class
    spec.loader.exec_module(module)
    count = 2 * len(module.load_sources())
    return [load_document(path).text for path in module.generate(count, tmp_path, seed=3)]


@pytest.mark.slow
@pytest.mark.parametrize("texts", [_shipped_texts, _generated_texts], ids=["shipped", "generated"])
def test_event_rules_triggers_equal_a_dependency_matcher_over_all_patterns_on_the_corpora(nlp, texts, tmp_path):
    from kg.nlp import parse_texts

    patterns = trigger_patterns()
    matched = 0
    for doc in parse_texts(nlp, texts(tmp_path)):
        expected = dependency_matcher_triggers(doc, patterns)
        assert match_triggers(doc) == expected, doc.text[:80]
        matched += len(expected)
    assert matched > 100  # the corpora open events of many kinds; a matcher that finds none is broken


def test_event_rules_shipped_patterns_are_all_matched_without_spacy(nlp):
    compiled = trigger_matcher(nlp.vocab)
    looked_up = {form for forms in compiled.index.values() for form in forms}
    assert {"meet", "Meet", "talks", "launch", "dock", "lift", "sign", "hatch"} <= looked_up
    assert compiled.matcher is None  # "lifted off", "signed an agreement" too: a walk of the parse


PATTERNS = {
    # a multi-word pattern of the first type beats a one-word pattern of a later type
    "Launch": [[{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": "lift", "POS": "VERB"}},
                {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "off", "RIGHT_ATTRS": {"LOWER": "off"}}]],
    "Other": [[{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": {"IN": ["lift", "visit"]}}}],
              [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LOWER": "hatch", "DEP": "nsubj"}}]],
    # a later type never takes a word an earlier one has, nor a part of speech it does not allow
    "Meeting": [[{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LOWER": {"IN": ["visit", "talks"]}, "POS": "NOUN"}}]],
    # a pattern of part of speech only is tried on every word
    "Any": [[{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"POS": "PROPN"}}]],
    # a pattern with an operator kg does not walk is left to spaCy; naming an argument, it beats
    # the bare words of earlier types ("talks")
    "Follows": [[{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LOWER": {"IN": ["talks", "ended"]}}},
                 {"LEFT_ID": "trigger", "REL_OP": ";", "RIGHT_ID": "before", "RIGHT_ATTRS": {"LOWER": {"IN": ["with", "visit"]}}}]],
}


@pytest.mark.parametrize("sentence, word, expected", [
    ("The rocket lifted off from the pad at dawn.", "lifted", "Launch"),
    ("The crane lifted the capsule onto the truck.", "lifted", "Other"),
    ("The visit ended with talks in Moscow.", "visit", "Other"),
    ("The visit ended with talks in Moscow.", "talks", "Follows"),  # a pattern naming arguments beats a bare word
    ("The hatch swung open at noon.", "hatch", "Other"),
    ("The visit ended with talks in Moscow.", "Moscow", "Any"),
    ("The visit ended with talks in Moscow.", "ended", "Follows"),
    ("The visit ended with talks in Moscow.", "with", None),
])
def test_event_rules_lookups_and_matcher_share_one_precedence(nlp, sentence, word, expected):
    doc = nlp(sentence)
    compiled = compile_triggers(nlp.vocab, PATTERNS)
    assert compiled.matcher is not None  # "Follows" only
    index = next(t.i for t in doc if t.text == word)
    assert compiled(doc).get(index) == expected
    assert compiled(doc) == dependency_matcher_triggers(doc, PATTERNS)


def parsed(vocab, tokens: str):
    """A Doc built by hand from ``word/POS/dep/head`` tokens (head: the index of the head word;
    a word that is its own head is the root of a sentence), lemma the word in lower case, and
    ``ORG`` entities for the words written in capitals."""
    from spacy.tokens import Doc

    words, pos, deps, heads = zip(*(token.split("/") for token in tokens.split()))
    ents = ["B-ORG" if w.isupper() else "O" for w in words]
    return Doc(vocab, words=list(words), pos=list(pos), deps=list(deps), heads=[int(h) for h in heads],
               lemmas=[w.lower() for w in words], ents=ents)


MOVED = "the/DET/det/1 crew/NOUN/nsubj/2 moved/VERB/ROOT/2 supplies/NOUN/dobj/2 into/ADP/prep/2 the/DET/det/6 station/NOUN/pobj/4"
SENTENCES = "crews/NOUN/nsubj/1 set/VERB/ROOT/1 down/ADV/advmod/3 went/VERB/ROOT/3"
WITH_NASA = "NASA/PROPN/nsubj/1 moved/VERB/ROOT/1 supplies/NOUN/dobj/1"


def pattern(trigger: str, *edges: tuple[str, str, str, dict]) -> list[dict]:
    """A pattern on the word ``trigger``; each edge (left node, operator, node, its attributes)."""
    nodes = [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LOWER": trigger}}]
    return nodes + [{"LEFT_ID": left, "REL_OP": op, "RIGHT_ID": right, "RIGHT_ATTRS": attrs}
                    for left, op, right, attrs in edges]


@pytest.mark.parametrize("tokens, rule, expected", [
    # ">": a child, not a grandchild
    (MOVED, pattern("moved", ("trigger", ">", "x", {"LOWER": "supplies"})), True),
    (MOVED, pattern("moved", ("trigger", ">", "x", {"LOWER": "station"})), False),
    (MOVED, pattern("into", ("trigger", ">", "x", {"LOWER": "moved"})), False),
    # ">>": any descendant, never the word itself nor an ancestor
    (MOVED, pattern("moved", ("trigger", ">>", "x", {"LOWER": "station"})), True),
    (MOVED, pattern("moved", ("trigger", ">>", "x", {"LOWER": "moved"})), False),
    (MOVED, pattern("station", ("trigger", ">>", "x", {"LOWER": "into"})), False),
    # "<": the head, which the root of a sentence does not have
    (MOVED, pattern("station", ("trigger", "<", "x", {"LOWER": "into"})), True),
    (MOVED, pattern("into", ("trigger", "<", "x", {"LOWER": "station"})), False),
    (MOVED, pattern("station", ("trigger", "<", "x", {"LOWER": "moved"})), False),
    (MOVED, pattern("moved", ("trigger", "<", "x", {"LOWER": "moved"})), False),
    # ".": the next word, in the same sentence (tree)
    (MOVED, pattern("moved", ("trigger", ".", "x", {"LOWER": "supplies"})), True),
    (MOVED, pattern("supplies", ("trigger", ".", "x", {"LOWER": "moved"})), False),
    (MOVED, pattern("crew", ("trigger", ".", "x", {"LOWER": "supplies"})), False),
    (SENTENCES, pattern("down", ("trigger", ".", "x", {"LOWER": "went"})), True),
    (SENTENCES, pattern("set", ("trigger", ".", "x", {"LOWER": "down"})), False),
    # chains, and several edges from one node: each must hold
    (MOVED, pattern("moved", ("trigger", ">", "in", {"LOWER": "into"}), ("in", ">", "x", {"LOWER": "station"})), True),
    (MOVED, pattern("moved", ("trigger", ">", "in", {"LOWER": "into"}), ("in", ">", "x", {"LOWER": "supplies"})), False),
    (MOVED, pattern("moved", ("trigger", ">", "a", {"LOWER": "supplies"}), ("trigger", ">", "b", {"LOWER": "into"})), True),
    (MOVED, pattern("moved", ("trigger", ">", "a", {"LOWER": "supplies"}), ("trigger", ">", "b", {"LOWER": "station"})), False),
    # the attributes: dependency, part of speech, entity type, lemma, as a string or a list
    (MOVED, pattern("moved", ("trigger", ">", "x", {"DEP": {"IN": ["dobj", "nsubjpass"]}, "POS": "NOUN"})), True),
    (MOVED, pattern("moved", ("trigger", ">", "x", {"DEP": "dobj", "POS": "VERB"})), False),
    (WITH_NASA, pattern("moved", ("trigger", ">", "x", {"ENT_TYPE": "ORG", "DEP": "nsubj"})), True),
    (WITH_NASA, pattern("moved", ("trigger", ">", "x", {"ENT_TYPE": {"IN": ["GPE"]}})), False),
    (WITH_NASA, pattern("moved", ("trigger", ">", "x", {"LEMMA": "nasa"})), True),
])
def test_event_rules_operators_walk_the_parse_as_spacy_does(nlp, tokens, rule, expected):
    doc = parsed(nlp.vocab, tokens)
    patterns = {"Event": [rule]}
    compiled = compile_triggers(nlp.vocab, patterns)
    assert compiled.matcher is None
    trigger = next(t.i for t in doc if t.lower_ == rule[0]["RIGHT_ATTRS"]["LOWER"])
    assert (trigger in compiled(doc)) is expected
    assert compiled(doc) == dependency_matcher_triggers(doc, patterns)


@pytest.mark.parametrize("rule", [
    pattern("moved", ("trigger", ";", "x", {"LOWER": "crew"})),  # an operator kg does not walk
    pattern("moved", ("trigger", ">", "x", {"ORTH": "into"})),  # an attribute kg does not read
    pattern("moved", ("trigger", ">", "x", {"LOWER": {"NOT_IN": ["into"]}})),  # a predicate other than IN
])
def test_event_rules_patterns_kg_does_not_read_go_to_spacy(nlp, rule):
    doc = parsed(nlp.vocab, MOVED)
    patterns = {"Event": [rule]}
    compiled = compile_triggers(nlp.vocab, patterns)
    assert compiled.matcher is not None and not compiled.index and not compiled.everywhere
    assert compiled(doc) == dependency_matcher_triggers(doc, patterns)


def test_the_shipped_word_lists_hold_words_not_yaml_booleans():
    """YAML reads a bare on/off/yes/no as a boolean: a word list holding one silently loses the word
    ("replace: [aboard, on, in]" never matched "on"), so every list item of the rule files is a string."""
    from kg.yaml_lines import load_shipped

    def booleans(node, path):
        if isinstance(node, dict):
            return [b for key, value in node.items() for b in booleans(value, f"{path}/{key}")]
        if isinstance(node, list):
            return [path for item in node if isinstance(item, bool)] + [b for item in node for b in booleans(item, path)]
        return []

    for name in ("events.yaml", "lexicon.yaml", "attribution.yaml"):
        raw = load_shipped(name, lambda raw: raw, what=name)
        assert booleans(raw, name) == [], f"quote the word in {name}"
