"""kg's own spaCy components (``kg.nlp_ruler``, ``kg.nlp._line_breaks``) against the plain versions
they replace, on the shipped articles and on text made to be hard for them (issue 12: same
entities and sentences, less CPU); the gazetteer's types hidden from the NER
(``kg.nlp_ruler.hide_types``/``restore_types``) against the NER run on the types themselves; the
model's attribute rules matched on arrays (``kg.nlp_ruler.ArrayAttributeRuler``) against spaCy's
``Matcher``."""

from __future__ import annotations

import pytest

from kg.nlp import MAX_RUN_TOKENS, _line_breaks, load_pipeline, ruler_patterns

HARD = (
    "Russia's space agency and RUSSIA'S SPACE AGENCY met the Russian space agency's chief.\n"
    "The U.S. space agency, the US space agency and the United States space agency: "
    "the american space agency. China's space agency, China's National Space Agency.\n\n"
    "It lifted off at 10:53 a.m. Moscow time on Tuesday and landed at 4 p.m. EDT. "
    "At 9 a.m. Officials spoke; at 9 A.M. local time they left.\n"
    + " ".join(["word"] * (2 * MAX_RUN_TOKENS + 10))
    + "\nthe academy of sciences; The Academy of Sciences."
)


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


@pytest.fixture(scope="module")
def texts():
    from kg.ingest import load_document
    from kg.resources import shipped_articles

    return [load_document(path).text for path in shipped_articles()] + [HARD]


def test_descriptions_are_the_matches_of_spacys_matcher_in_its_order(nlp, texts):
    ruler = nlp.get_pipe("gazetteer_ruler")
    found = 0
    for text in texts:
        doc = nlp.make_doc(text)
        expected = list(ruler.matcher(doc))
        assert list(ruler._words(doc)) == expected
        found += len(expected)
    assert found > 20


def test_the_ruler_sets_the_entities_spacys_entity_ruler_sets(nlp, texts):
    from spacy.pipeline import EntityRuler

    from kg.gazetteer import load_gazetteer

    plain = EntityRuler(nlp, "plain_ruler", overwrite_ents=True)
    plain.add_patterns(ruler_patterns(load_gazetteer()))
    ours = nlp.get_pipe("gazetteer_ruler")
    for text in texts:
        expected, doc = plain(nlp.make_doc(text)), ours(nlp.make_doc(text))
        assert [(e.start, e.end, e.label_, e.ent_id_) for e in doc.ents] == [(e.start, e.end, e.label_, e.ent_id_) for e in expected.ents]


def plain_line_breaks(doc):
    """``_line_breaks`` as it was written first: a Token per word (then the same timeline entries)."""
    from kg.lexicon import load_lexicon
    from kg.nlp import _CLOCK_SUFFIXES, _SENTENCE_ENDS, _join_date_headings, _names_time_zone

    run = 0
    for token in doc[1:]:
        prev = doc[token.i - 1]
        run += 1
        if "\n" in prev.text or "\n" in prev.whitespace_ or run >= MAX_RUN_TOKENS:
            token.is_sent_start = True
            run = 0
        elif prev.lower_ in _CLOCK_SUFFIXES and _names_time_zone(token):
            token.is_sent_start = False
        elif prev.text in load_lexicon().name_prefixes:
            token.is_sent_start = False
        elif prev.text[-1:].isalpha() and prev.text not in _SENTENCE_ENDS and token.text[:1].isupper() \
                and token.text[-1:].isalpha():
            token.is_sent_start = False
        elif prev.text in _SENTENCE_ENDS:
            run = 0
    _join_date_headings(doc)
    return doc


def test_line_breaks_start_the_sentences_the_token_by_token_loop_starts(nlp, texts):
    for text in texts + ["", "one", "a.m.\nEDT", "\n"]:
        ours, plain = _line_breaks(nlp.make_doc(text)), plain_line_breaks(nlp.make_doc(text))
        assert [t.is_sent_start for t in ours] == [t.is_sent_start for t in plain]
    hard = _line_breaks(nlp.make_doc(HARD))
    assert [t.i for t in hard if t.is_sent_start is False] and sum(1 for t in hard if t.is_sent_start) > 5


OUR_TYPES = {"Agency", "Country", "Facility", "Person", "Place", "Program", "Spacecraft"}


def _entities(doc):
    return [(t.ent_iob_, t.ent_type_, t.ent_id_, t.ent_kb_id_) for t in doc]


def test_every_gazetteer_type_wears_a_label_the_ner_knows(nlp):
    from kg.gazetteer import load_gazetteer
    from kg.nlp_ruler import NER_LABELS

    types = {entry.type for _, entry, _ in load_gazetteer().iter_surface_forms()}
    assert types <= set(NER_LABELS)
    assert set(NER_LABELS.values()) <= set(nlp.get_pipe("ner").labels)


def test_the_ner_learns_no_label_from_the_gazetteer(nlp, texts):
    ner = nlp.get_pipe("ner")
    moves = ner.moves.n_moves
    docs = list(nlp.pipe(texts[:5] + [HARD]))
    assert {e.label_ for doc in docs for e in doc.ents} >= {"Agency", "Country", "Spacecraft"}
    assert ner.moves.n_moves == moves and not OUR_TYPES & set(ner.labels)


@pytest.mark.slow
def test_hiding_the_types_from_the_ner_keeps_every_entity(nlp, texts):
    """Type, IOB, id and KB id of every token as when the NER is given kg's types themselves."""
    from kg.nlp import load_pipeline, parse_texts

    plain = load_pipeline.__wrapped__()
    plain.remove_pipe("kg_hide_types")
    plain.remove_pipe("kg_restore_types")
    seen = set()
    for ours, expected in zip(parse_texts(nlp, texts), parse_texts(plain, texts), strict=True):
        assert _entities(ours) == _entities(expected)
        assert not ours.user_data
        seen |= {e.label_ for e in ours.ents}
    assert seen >= OUR_TYPES


def _tagged(nlp, texts):
    """``texts`` parsed up to the attribute rules (tagger and parser), no further."""
    later = ["attribute_ruler", "lemmatizer", "gazetteer_ruler", "kg_hide_types", "ner", "kg_restore_types"]
    return list(nlp.pipe(texts, disable=later)) + [nlp.make_doc(t) for t in ("", "not", " \n ")]


def test_the_models_attribute_rules_are_matched_on_arrays(nlp):
    from kg.nlp_ruler import ArrayAttributeRuler

    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, ArrayAttributeRuler) and ruler._compared is not None


def test_attribute_rules_match_what_spacys_matcher_matches(nlp, texts):
    from spacy.pipeline import AttributeRuler

    plain = AttributeRuler(nlp.vocab, "plain")
    plain.add_patterns(nlp.get_pipe("attribute_ruler").patterns)
    ours = nlp.get_pipe("attribute_ruler")
    found = 0
    for doc in _tagged(nlp, texts):
        expected = plain.match(doc)
        assert ours.match(doc) == expected
        found += len(expected)
    assert found > 10_000


PREDICATES = [
    {"patterns": [[{"TAG": {"IN": ["NN", "NNS"]}, "LOWER": {"NOT_IN": ["agency", ""]}}]], "attrs": {"MORPH": "Case=A"}},
    {"patterns": [[{"LOWER": {"REGEX": "^s[a-z]+e$"}}, {"DEP": "prep"}]], "attrs": {"LEMMA": "regex"}, "index": -1},
    {"patterns": [[{"IS_SPACE": True}], [{"ORTH": "."}]], "attrs": {"POS": "X"}},
    {"patterns": [[{"TAG": "DT"}, {"LOWER": {"REGEX": "space"}}, {"TAG": {"NOT_IN": ["NN"]}}]], "attrs": {"MORPH": "Case=B"}, "index": 1},
]


def test_attribute_rules_with_every_predicate_set_what_spacys_ruler_sets(nlp, texts):
    from spacy.pipeline import AttributeRuler

    from kg.nlp_ruler import ArrayAttributeRuler

    plain, ours = AttributeRuler(nlp.vocab, "plain"), ArrayAttributeRuler(nlp.vocab, "ours")
    plain.add_patterns(PREDICATES)
    ours.add_patterns(PREDICATES)
    assert ours._compared is not None
    attributes = lambda doc: [(t.pos_, str(t.morph), t.lemma_) for t in doc]  # noqa: E731
    counts = [0] * len(PREDICATES)
    for doc in _tagged(nlp, texts):
        expected = plain(doc.copy())
        assert attributes(ours(doc)) == attributes(expected)
        for number, *_ in plain.match(doc):
            counts[number] += 1
    assert all(counts), counts


def test_attribute_rules_it_cannot_compare_are_left_to_spacys_matcher(nlp, texts):
    from spacy.pipeline import AttributeRuler

    from kg.nlp_ruler import ArrayAttributeRuler

    patterns = [*PREDICATES, {"patterns": [[{"TAG": "DT"}, {"TAG": "JJ", "OP": "*"}, {"TAG": "NN"}]], "attrs": {"POS": "X"}}]
    plain, ours = AttributeRuler(nlp.vocab, "plain"), ArrayAttributeRuler(nlp.vocab, "ours")
    plain.add_patterns(patterns)
    ours.add_patterns(patterns)
    assert ours._compared is None
    doc = _tagged(nlp, texts[:1])[0]
    matches = ours.match(doc)
    assert matches == plain.match(doc) and {number for number, *_ in matches} >= {0, len(PREDICATES)}
