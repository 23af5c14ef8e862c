"""Trigger matching (kg.extract.event_rules): one-word patterns are looked up, the others go to
spaCy's DependencyMatcher, and the result is what a DependencyMatcher over every pattern gives.

The reference here is the plain matcher: every pattern of an event type under one match id, and a
word matched by patterns of several types takes the type listed first. Sentences are written for
these tests; the corpus test parses the shipped development articles.
"""

from __future__ import annotations

import pytest

from kg.extract.event_rules import compile_triggers, match_triggers, trigger_matcher, trigger_patterns


@pytest.fixture(scope="module")
def nlp():
    from kg.nlp import load_pipeline

    return load_pipeline()


def dependency_matcher_triggers(doc, patterns: dict[str, list[list[dict]]]) -> dict[int, str]:
    """Token index -> event type as one spaCy DependencyMatcher over all ``patterns`` finds them."""
    from spacy.matcher import DependencyMatcher

    matcher = DependencyMatcher(doc.vocab)
    order = list(patterns)
    for event_type, variants in patterns.items():
        matcher.add(f"reference:{event_type}", variants)
    found: dict[int, int] = {}
    for match_id, token_ids in matcher(doc):
        rank = order.index(doc.vocab.strings[match_id].removeprefix("reference:"))
        found[token_ids[0]] = min(rank, found.get(token_ids[0], rank))
    return {i: order[rank] for i, rank in found.items()}


@pytest.mark.slow
def test_event_rules_triggers_equal_a_dependency_matcher_over_all_patterns_on_the_shipped_corpora(nlp):
    from kg.ingest import load_document
    from kg.nlp import parse_texts
    from kg.resources import shipped_articles

    texts = [load_document(path).text for path in shipped_articles()]
    patterns = trigger_patterns()
    matched = 0
    for doc in parse_texts(nlp, texts):
        expected = dependency_matcher_triggers(doc, patterns)
        assert match_triggers(doc) == expected, doc.text[:80]
        matched += len(expected)
    assert matched > 100  # the corpora open events of many kinds; a matcher that finds none is broken


def test_event_rules_one_word_patterns_are_looked_up_not_matched_by_spacy(nlp):
    compiled = trigger_matcher(nlp.vocab)
    looked_up = {form for forms in compiled.words.values() for form in forms}
    assert {"meet", "Meet", "talks", "launch", "dock", "announce"} <= looked_up
    assert compiled.matcher is not None  # "lifted off", "signed an agreement" need the parse


PATTERNS = {
    # a multi-word pattern of the first type beats a one-word pattern of a later type
    "Launch": [[{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": "lift", "POS": "VERB"}},
                {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "off", "RIGHT_ATTRS": {"LOWER": "off"}}]],
    "Other": [[{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": {"IN": ["lift", "visit"]}}}],
              # a one-word pattern testing the dependency is left to spaCy
              [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LOWER": "hatch", "DEP": "nsubj"}}]],
    # a later type never takes a word an earlier one has, nor a part of speech it does not allow
    "Meeting": [[{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LOWER": {"IN": ["visit", "talks"]}, "POS": "NOUN"}}]],
    # a pattern of part of speech only is left to spaCy too
    "Any": [[{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"POS": "PROPN"}}]],
}


@pytest.mark.parametrize("sentence, word, expected", [
    ("The rocket lifted off from the pad at dawn.", "lifted", "Launch"),
    ("The crane lifted the capsule onto the truck.", "lifted", "Other"),
    ("The visit ended with talks in Moscow.", "visit", "Other"),
    ("The visit ended with talks in Moscow.", "talks", "Meeting"),
    ("The hatch swung open at noon.", "hatch", "Other"),
    ("The visit ended with talks in Moscow.", "Moscow", "Any"),
    ("The visit ended with talks in Moscow.", "ended", None),
])
def test_event_rules_lookups_and_matcher_share_first_type_wins(nlp, sentence, word, expected):
    doc = nlp(sentence)
    compiled = compile_triggers(nlp.vocab, PATTERNS)
    index = next(t.i for t in doc if t.text == word)
    assert compiled(doc).get(index) == expected
    assert compiled(doc) == dependency_matcher_triggers(doc, PATTERNS)
