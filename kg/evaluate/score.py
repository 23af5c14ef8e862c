"""Score the system's competency-query rows against gold files."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from kg.errors import DataError
from kg.evaluate.facts import Facts
from kg.schema import FACT_KINDS
from kg.evaluate.gold import Gold
from kg.evaluate.match import Aliases, pair, rule_for
from kg.evaluate.report import Counts, DocumentScore, Report
from kg.evaluate.rows import Rows, document_name, facts_from_rows


def score(golds: Sequence[Gold], rows: Rows) -> Report:
    """Compare the rows of the six competency queries with the gold facts, document by document.

    ``rows`` maps a query name (``entities``, ``positions``, ``events``, ``involvement``,
    ``agency_country``, ``quotes``) to its rows as ``kg query NAME --format json`` prints them.
    Only rows whose ``document`` names a gold document count; a missing query counts as no rows.
    """
    if not isinstance(rows, Mapping):
        raise DataError(f"rows must map query names ({', '.join(FACT_KINDS)}) to lists of rows, "
                        f"not {type(rows).__name__}")
    names = [document_name(g.document) for g in golds]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise DataError(f"gold documents annotated twice: {', '.join(duplicates)}; keep one gold file per article")
    system = facts_from_rows(rows)
    scores = tuple(_score_document(gold, system.get(name, Facts(document=name)))
                   for gold, name in zip(golds, names))
    return Report(documents=scores, unscored_documents=tuple(sorted(set(system) - set(names))))


def _score_document(gold: Gold, system: Facts) -> DocumentScore:
    aliases = Aliases(gold)
    counts: dict[str, Counts] = {}
    missed: dict[str, tuple[str, ...]] = {}
    spurious: dict[str, tuple[str, ...]] = {}
    for fact_type in FACT_KINDS:
        gold_facts, system_facts = getattr(gold, fact_type), getattr(system, fact_type)
        pairing = pair(gold_facts, system_facts, rule_for(fact_type, aliases))
        counts[fact_type] = Counts(tp=len(pairing.matched), fp=len(pairing.spurious), fn=len(pairing.missed))
        missed[fact_type] = tuple(gold_facts[i].describe() for i in pairing.missed)
        spurious[fact_type] = tuple(system_facts[j].describe() for j in pairing.spurious)
    return DocumentScore(document=gold.document, counts=counts, missed=missed, spurious=spurious)
