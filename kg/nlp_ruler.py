"""The gazetteer's ruler: spaCy's EntityRuler, with its word patterns looked for by a PhraseMatcher.

``kg.nlp.ruler_patterns`` gives the ruler two kinds of pattern: names, matched as written (phrase
patterns), and descriptions ("Russia's space agency"), matched in any case (token patterns of
lower-case words). spaCy's ``Matcher`` tries every token pattern at every token, which took 1.5 ms
of a 500-word article for 42 descriptions; a ``PhraseMatcher`` on the ``LOWER`` attribute finds the
same matches, in the same order (``tests/test_nlp_ruler.py`` holds it to the ``Matcher`` on the
shipped corpora), at a hash lookup per token. Everything else is spaCy's ``EntityRuler``: how
matches are chosen (longest first, then earliest) and set as entities.

The ruler's entities carry kg's types (``Agency``, ``Spacecraft``...), which spaCy's NER does not
know: given them, it adds four moves per type to its transition system and rows to its output
layer, and then scores those moves at every step of every document (about 5 ms of a 500-word
article). So ``hide_types``, between the ruler and the NER, gives each of the ruler's entities the
NER's own label for its type (``NER_LABELS``) and keeps the types on the ``Doc``, and
``restore_types``, after the NER, puts them back. The NER never changes an entity set before it
(each of its tokens allows one move only), and what it predicts elsewhere depends on where those
entities are, not on their labels, so the entities are the same as when the NER ran on the types
themselves (``tests/test_nlp_ruler.py`` holds them to it on the shipped corpora).

Imported by ``kg.nlp.load_pipeline`` only (it imports spaCy).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc, Span

FACTORY = "kg_gazetteer_ruler"

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


def make_gazetteer_ruler(nlp: Language, name: str, overwrite_ents: bool) -> GazetteerRuler:
    return GazetteerRuler(nlp, name, phrase_matcher_attr=None, validate=False, overwrite_ents=overwrite_ents)


def register() -> None:
    """Make the factory ``kg_gazetteer_ruler`` and the components ``kg_hide_types`` and
    ``kg_restore_types`` known to spaCy (once per process)."""
    if FACTORY not in Language.factories:
        Language.factory(FACTORY, default_config={"overwrite_ents": True})(make_gazetteer_ruler)
    for name, component in (("kg_hide_types", hide_types), ("kg_restore_types", restore_types)):
        if name not in Language.factories:
            Language.component(name)(component)
