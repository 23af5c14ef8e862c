"""Evaluation: score the system's competency-query rows against hand-made gold annotations.

Pure: nothing here builds a graph or loads a model; the caller runs the queries and passes
their rows. Modules, in the order data flows:

- ``facts``: the six fact dataclasses shared by gold and system output;
- ``gold``: :func:`load_gold` / :func:`load_gold_dir` read ``*.gold.yaml`` files;
- ``rows``: query rows -> facts per document, and :func:`rows_from_gold` (the perfect output);
- ``normalise``: comparison keys (names, types, title head words, dates, quote text);
- ``match``: the per-type matching rules and the one-to-one pairing;
- ``report``: :class:`Counts`, :class:`DocumentScore`, :class:`Report` (table and dict);
- ``score``: :func:`score` ties them together.

>>> from kg.evaluate import Gold, EntityFact, score
>>> gold = Gold(document="a.txt", entities=(EntityFact("NASA", "Agency"), EntityFact("Russia", "Country")))
>>> report = score([gold], {"entities": [{"label": "NASA\u2019s", "type": "Agency", "document": "a.txt"}]})
>>> c = report.totals["entities"]
>>> (c.tp, c.fp, c.fn, round(c.f1, 3))
(1, 0, 1, 0.667)
"""

from kg.schema import FACT_KINDS
from kg.evaluate.facts import (
    AgencyCountryFact,
    EntityFact,
    EventFact,
    Facts,
    InvolvementFact,
    PositionFact,
    QuoteFact,
)
from kg.evaluate.gold import Gold, load_gold, load_gold_dir
from kg.evaluate.report import Counts, DocumentScore, Report
from kg.evaluate.rows import COLUMNS, facts_from_rows, rows_from_gold
from kg.evaluate.score import score

__all__ = [
    "COLUMNS",
    "FACT_KINDS",
    "AgencyCountryFact",
    "Counts",
    "DocumentScore",
    "EntityFact",
    "EventFact",
    "Facts",
    "Gold",
    "InvolvementFact",
    "PositionFact",
    "QuoteFact",
    "Report",
    "facts_from_rows",
    "load_gold",
    "load_gold_dir",
    "rows_from_gold",
    "score",
]
