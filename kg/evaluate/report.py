"""Scores: counts, precision/recall/F1 per fact type and per document, as a table or a dict.

Convention: a type with nothing in the gold and nothing in the output scores 1.0 (there was
nothing to find and nothing was wrongly found); otherwise a ratio with a zero denominator is 0.0.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from kg.schema import FACT_KINDS


@dataclass(frozen=True)
class Counts:
    """True positives, false positives and false negatives of one fact type."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def empty(self) -> bool:
        return self.tp == self.fp == self.fn == 0

    @property
    def precision(self) -> float:
        if self.empty:
            return 1.0
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        if self.empty:
            return 1.0
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        if self.empty:
            return 1.0
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn)

    def to_dict(self) -> dict[str, float | int]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1,
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


def macro_f1(counts: Mapping[str, Counts]) -> float:
    """The mean F1 over the six fact types (a type absent from ``counts`` counts as empty)."""
    return sum(counts.get(t, Counts()).f1 for t in FACT_KINDS) / len(FACT_KINDS)


@dataclass(frozen=True)
class DocumentScore:
    """The scores of one document, with the facts that went wrong (described in words)."""

    document: str
    counts: dict[str, Counts]
    missed: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Per type, the gold facts the output lacks."""
    spurious: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Per type, the output facts that match no gold fact."""

    @property
    def macro_f1(self) -> float:
        return macro_f1(self.counts)

    def to_dict(self) -> dict[str, object]:
        return {
            "document": self.document,
            "macro_f1": self.macro_f1,
            "types": {t: self.counts.get(t, Counts()).to_dict() for t in FACT_KINDS},
            "missed": {t: list(self.missed.get(t, ())) for t in FACT_KINDS},
            "spurious": {t: list(self.spurious.get(t, ())) for t in FACT_KINDS},
        }


@dataclass(frozen=True)
class Report:
    """Scores over a set of gold documents: micro-averaged per type, and macro-F1 over the types."""

    documents: tuple[DocumentScore, ...]
    unscored_documents: tuple[str, ...] = ()
    """Documents that appear in the rows but have no gold file (their rows were not scored)."""

    @property
    def totals(self) -> dict[str, Counts]:
        """Counts per fact type, summed over documents (micro-average)."""
        totals = {t: Counts() for t in FACT_KINDS}
        for doc in self.documents:
            for t in FACT_KINDS:
                totals[t] = totals[t] + doc.counts.get(t, Counts())
        return totals

    @property
    def macro_f1(self) -> float:
        return macro_f1(self.totals)

    def to_dict(self) -> dict[str, object]:
        return {
            "macro_f1": self.macro_f1,
            "types": {t: c.to_dict() for t, c in self.totals.items()},
            "documents": [d.to_dict() for d in self.documents],
            "unscored_documents": list(self.unscored_documents),
        }

    def to_table(self, *, per_document: bool = False) -> str:
        """A fixed-width table: one line per fact type, then the macro-F1.

        With ``per_document``, a second table gives each document's F1 per type.
        """
        width = max(len(t) for t in FACT_KINDS) + 2
        lines = [f"{'type':<{width}}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]
        for t, c in self.totals.items():
            lines.append(f"{t:<{width}}{c.precision:>7.3f}{c.recall:>7.3f}{c.f1:>7.3f}{c.tp:>6}{c.fp:>6}{c.fn:>6}")
        lines.append(f"{'macro-F1':<{width}}{'':>14}{self.macro_f1:>7.3f}")
        if per_document and self.documents:
            name_width = max(len("document"), *(len(d.document) for d in self.documents)) + 2
            columns = [*FACT_KINDS, "macro"]
            lines += ["", f"{'document':<{name_width}}" + "".join(f"{c:>{len(c) + 2}}" for c in columns)]
            for doc in self.documents:
                scores = [doc.counts.get(t, Counts()).f1 for t in FACT_KINDS] + [doc.macro_f1]
                lines.append(f"{doc.document:<{name_width}}"
                             + "".join(f"{s:>{len(c) + 2}.3f}" for c, s in zip(columns, scores)))
        if self.unscored_documents:
            lines += ["", "not scored (no gold file): " + ", ".join(self.unscored_documents)]
        return "\n".join(lines)
