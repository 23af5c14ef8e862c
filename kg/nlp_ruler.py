"""kg's rulers in the spaCy pipeline: the gazetteer's (spaCy's EntityRuler, its word patterns looked
for by a PhraseMatcher) and the model's attribute rules (matched on arrays), each finding what
spaCy's ``Matcher`` finds, for less CPU.

``kg.nlp.ruler_patterns`` gives the ruler two kinds of pattern: names, matched as written (phrase
patterns), and descriptions ("Russia's space agency"), matched in any case (token patterns of
lower-case words). spaCy's ``Matcher`` tries every token pattern at every token, which took 1.5 ms
of a 500-word article for 42 descriptions; a ``PhraseMatcher`` on the ``LOWER`` attribute finds the
same matches, in the same order (``tests/test_nlp_ruler.py`` holds it to the ``Matcher`` on the
shipped corpora), at a hash lookup per token. Everything else is spaCy's ``EntityRuler``: how
matches are chosen (longest first, then earliest) and set as entities.

The ruler's entities carry kg's types (``Agency``, ``Spacecraft``...), which spaCy's NER does not
know: given them, it adds four moves per type to its transition system and rows to its output
layer, and then scores those moves at every step of every document (the NER took 43-44 ms of a
500-word article instead of 36). So ``hide_types``, between the ruler and the NER, gives each of the ruler's entities the
NER's own label for its type (``NER_LABELS``) and keeps the types on the ``Doc``, and
``restore_types``, after the NER, puts them back. The NER never changes an entity set before it
(each of its tokens allows one move only), and what it predicts elsewhere depends on where those
entities are, not on their labels, so the entities are the same as when the NER ran on the types
themselves (``tests/test_nlp_ruler.py`` holds them to it on the shipped corpora).

The model's own ``attribute_ruler`` (tag to part of speech and morphology, and a few exceptions
by word) is spaCy's ``AttributeRuler``, whose ``Matcher`` tries each of its 179 patterns at each
token: 11 ms of a 500-word article, more than the tagger. :class:`ArrayAttributeRuler` finds the
same matches by comparing each pattern with whole columns of the doc's token attributes (numpy),
then sets them as spaCy does (``tests/test_nlp_ruler.py`` holds its matches to the ``Matcher``'s).

Imported by ``kg.nlp.load_pipeline`` only (it imports spaCy).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import AttributeRuler, EntityRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

FACTORY = "kg_gazetteer_ruler"
ATTRIBUTE_FACTORY = "kg_attribute_ruler"

NER_LABELS = {
    "Agency": "ORG",
    "Program": "ORG",
    "Spacecraft": "PRODUCT",
    "Facility": "FAC",
    "Person": "PERSON",
    "Country": "GPE",
    "Place": "LOC",
}
"""The label of spaCy's NER that each of kg's entity types wears while the NER runs."""

_TYPES_KEY = "kg_gazetteer_types"
"""Where ``hide_types`` keeps the types on ``Doc.user_data`` for ``restore_types``."""


class GazetteerRuler(EntityRuler):
    """An ``EntityRuler`` whose token patterns are lower-case words, matched by a ``PhraseMatcher``."""

    def __init__(self, nlp: Language, name: str, **config) -> None:
        self._words = PhraseMatcher(nlp.vocab, attr="LOWER")
        super().__init__(nlp, name, **config)

    def add_patterns(self, patterns: list[dict]) -> None:
        """Add patterns as ``EntityRuler.add_patterns`` does, the phrase patterns made by the
        tokenizer alone (the ruler matches the words as written, which no component changes,
        and spaCy would otherwise run the tagger and parser over every name)."""
        with self.nlp.select_pipes(enable=[]):
            super().add_patterns(patterns)
        self._words = _lower_case_matcher(self.nlp.vocab, self.token_patterns)

    def match(self, doc: Doc) -> list[tuple[int, int, int]]:
        """The matches of ``EntityRuler.match``, longest first, then earliest."""
        self._require_patterns()
        matches = list(self._words(doc)) + list(self.phrase_matcher(doc))
        final = {(key, start, end) for key, start, end in matches if start != end}
        return sorted(final, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)


def _lower_case_matcher(vocab, token_patterns: dict[str, list[list[dict]]]) -> PhraseMatcher:
    """A ``PhraseMatcher`` of the token patterns, each a sequence of ``{"LOWER": word}``."""
    matcher = PhraseMatcher(vocab, attr="LOWER")
    for key, patterns in token_patterns.items():
        matcher.add(key, [Doc(vocab, words=list(_lower_words(pattern))) for pattern in patterns])
    return matcher


def _lower_words(pattern: list[dict]) -> Iterable[str]:
    for token in pattern:
        if set(token) != {"LOWER"} or not isinstance(token["LOWER"], str):
            raise ValueError(f"the gazetteer ruler takes token patterns of lower-case words only, not {pattern}")
        yield token["LOWER"]


def hide_types(doc: Doc) -> Doc:
    """Give each entity whose label is one of kg's types the NER's label for it (``NER_LABELS``);
    the types are kept on the doc until ``restore_types``."""
    kept, shown = [], []
    for ent in doc.ents:
        label = NER_LABELS.get(ent.label_)
        if label is not None:
            kept.append((ent.start, ent.end, ent.label))
            shown.append(Span(doc, ent.start, ent.end, label=label, kb_id=ent.kb_id))
    if kept:
        doc.set_ents(shown, default="unmodified")
        doc.user_data[_TYPES_KEY] = kept
    return doc


def restore_types(doc: Doc) -> Doc:
    """Put back the types ``hide_types`` took off the entities (which the NER keeps as they were)."""
    kept = doc.user_data.pop(_TYPES_KEY, None)
    if kept:
        doc.set_ents([Span(doc, start, end, label=label, kb_id=doc[start].ent_kb_id) for start, end, label in kept],
                     default="unmodified")
    return doc


_ARRAY_ATTRS = ("TAG", "LOWER", "DEP", "ORTH", "IS_SPACE")
"""The token attributes :class:`ArrayAttributeRuler` compares (the model's patterns use no other)."""


class ArrayAttributeRuler(AttributeRuler):
    """An ``AttributeRuler`` whose patterns are compared with columns of the doc's token attributes.

    A token of a pattern may give each attribute a value, or an ``IN``, ``NOT_IN`` or ``REGEX``
    predicate (a regular expression is tried on the strings of the tokens that pass the rest of
    the pattern, as spaCy's ``Matcher`` tries it: ``re.search``). A pattern with anything else (an
    operator, another predicate or attribute) leaves every match to spaCy's ``Matcher``, as before."""

    _compared: "list | None" = None

    def add_patterns(self, patterns) -> None:
        super().add_patterns(patterns)
        self._compared = _comparable(self.patterns, self.vocab)

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """The matches of ``AttributeRuler.match``: (pattern number, its key, start, end), sorted."""
        if self._compared is None:
            return super().match(doc)
        from spacy.attrs import IDS

        if not len(doc):
            return []
        columns = doc.to_array([IDS[name] for name in _ARRAY_ATTRS]).T
        present = [set(column.tolist()) for column in columns]
        strings = doc.vocab.strings
        matches = []
        for number, key, sequences in self._compared:
            found = []
            for tokens, needs in sequences:
                starts = len(doc) - len(tokens) + 1
                if starts < 1 or any(present[column].isdisjoint(values) for column, values in needs):
                    continue
                hit = numpy.ones(starts, dtype=bool)
                for offset, tests in enumerate(tokens):
                    for column, kind, values in tests:
                        cells = columns[column, offset : offset + starts]
                        if kind == "IN":
                            hit &= cells == values[0] if len(values) == 1 else numpy.isin(cells, values)
                        elif kind == "NOT_IN":
                            hit &= ~numpy.isin(cells, values)
                candidates = numpy.flatnonzero(hit).tolist()
                for offset, tests in enumerate(tokens):
                    for column, kind, regex in tests:
                        if kind == "REGEX" and candidates:
                            cells = columns[column, numpy.array(candidates) + offset].tolist()
                            passed = {cell for cell in set(cells) if regex.search(strings[cell])}
                            candidates = [i for i, cell in zip(candidates, cells) if cell in passed]
                found += [(number, key, start, start + len(tokens)) for start in candidates]
            # Starts come in order; two sequences of one pattern may both match a span.
            matches += found if len(sequences) == 1 else sorted(set(found))
        return matches


def _comparable(patterns: list[dict], vocab) -> list | None:
    """Each pattern as (number, key, token sequences), a sequence as its tokens, each a list of
    (column, predicate, values) tests, and the values it needs; ``None`` if a pattern is not a
    plain sequence of such tokens."""
    compared = []
    for number, pattern in enumerate(patterns):
        sequences = []
        for tokens in pattern["patterns"]:
            if not isinstance(tokens, list) or not tokens:
                return None
            sequence = []
            for token in tokens:
                tests = [_test(name, value) for name, value in token.items()]
                if None in tests:
                    return None
                sequence.append(tests)
            # Values of which the doc must hold one for a match: a doc without them is skipped.
            needs = [(column, frozenset(values.tolist())) for tests in sequence for column, kind, values in tests if kind == "IN"]
            sequences.append((sequence, needs))
        compared.append((number, vocab.strings.add(str(number)), sequences))
    return compared


def _test(name: str, value) -> tuple | None:
    """One attribute of a pattern's token as (column, predicate, values), or ``None``."""
    if name not in _ARRAY_ATTRS:
        return None
    kind = "IN"
    if isinstance(value, dict):
        if len(value) != 1:
            return None
        kind, value = next(iter(value.items()))
        if kind == "REGEX" and isinstance(value, str) and name not in ("IS_SPACE",):
            return _ARRAY_ATTRS.index(name), kind, re.compile(value)
        if kind not in ("IN", "NOT_IN") or not isinstance(value, list):
            return None
    else:
        value = [value]
    if not all(isinstance(v, bool) if name == "IS_SPACE" else isinstance(v, str) for v in value):
        return None
    ids = [int(v) if isinstance(v, bool) else get_string_id(v) for v in value]
    return _ARRAY_ATTRS.index(name), kind, numpy.array(ids, dtype="uint64")


def make_gazetteer_ruler(nlp: Language, name: str, overwrite_ents: bool) -> GazetteerRuler:
    return GazetteerRuler(nlp, name, phrase_matcher_attr=None, validate=False, overwrite_ents=overwrite_ents)


def make_attribute_ruler(nlp: Language, name: str) -> ArrayAttributeRuler:
    return ArrayAttributeRuler(nlp.vocab, name, validate=False)


def register() -> None:
    """Make the factories ``kg_gazetteer_ruler`` and ``kg_attribute_ruler`` and the components
    ``kg_hide_types`` and ``kg_restore_types`` known to spaCy (once per process)."""
    if FACTORY not in Language.factories:
        Language.factory(FACTORY, default_config={"overwrite_ents": True})(make_gazetteer_ruler)
    if ATTRIBUTE_FACTORY not in Language.factories:
        Language.factory(ATTRIBUTE_FACTORY)(make_attribute_ruler)
    for name, component in (("kg_hide_types", hide_types), ("kg_restore_types", restore_types)):
        if name not in Language.factories:
            Language.component(name)(component)
