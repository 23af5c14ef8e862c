"""One document through every extractor: mentions -> entities -> positions, events, involvement, quotes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.context import DocContext
from kg.extract.events import extract_events
from kg.extract.involvement import extract_agency_countries, extract_involvement
from kg.extract.mentions import find_mentions
from kg.extract.positions import extract_positions
from kg.extract.quotes import extract_quotes, quoted_spans
from kg.extract.resolve import resolve_mentions
from kg.gazetteer import Gazetteer
from kg.ingest.dateline import text_dateline_spans
from kg.lexicon import Lexicon
from kg.model import Document, Extraction, Mention
from kg.nlp import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc


def extract_document(document: Document, doc: "Doc", gazetteer: Gazetteer, lexicon: Lexicon) -> Extraction:
    """Every fact of ``document``; ``doc`` is the spaCy parse of ``document.text``."""
    datelines = text_dateline_spans(document.original, document.offsets)
    raw = find_mentions(doc, gazetteer, lexicon, document.published, datelines)
    quoted = quoted_spans(doc_text(doc))
    entities, resolved = resolve_mentions(raw, gazetteer, document.published, lexicon.anaphora,
                                          quoted=[span.inner for span in quoted])
    ctx = DocContext(document, doc, gazetteer, lexicon, entities, resolved)
    ctx.quoted = quoted
    ctx.datelines = datelines
    mentions = []
    for r in resolved:
        span = ctx.span_of(r)
        if span is None:
            continue
        mentions.append(Mention(r.mention.text, r.mention.start, r.mention.end, entities[r.key].type, r.key, ctx.evidence(span.sent)))
    result = Extraction(document=document, entities=entities, mentions=mentions)
    result.positions = extract_positions(ctx)
    result.events = extract_events(ctx, result.positions)
    result.involvements = extract_involvement(ctx)
    result.agency_countries = extract_agency_countries(ctx)
    quotes = extract_quotes(doc, document, mentions, positions=result.positions, gazetteer=gazetteer, context=ctx)
    result.quotes = [q for q in quotes if q.speaker in entities]
    if document.published is None:
        result.warnings.append(f"{document.path}: no publication date; relative dates were not resolved")
    return result
