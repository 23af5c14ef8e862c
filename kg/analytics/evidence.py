"""The evidence a fact carries: the sentence it was read from, its document and offsets.

Edges of the projection keep their evidence as a JSON string (GraphML holds only plain values);
:func:`edge_evidence` turns it back into records.

>>> e = Evidence(document="seed.txt", start=10, end=42, sentence="NASA met Roscosmos.")
>>> edge_evidence({"evidence": evidence_json([e])}) == (e,)
True
>>> e.where
'seed.txt:10-42'
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Evidence:
    """One sentence that states a fact; offsets are characters into the original file."""

    document: str
    start: int
    end: int
    sentence: str

    @property
    def where(self) -> str:
        """``document:start-end``, for a reader to find the sentence."""
        return f"{self.document}:{self.start}-{self.end}"


def evidence_json(items: Iterable[Evidence]) -> str:
    """The evidence list as a JSON string (a list of objects with the fields of :class:`Evidence`)."""
    rows = [{"document": e.document, "start": e.start, "end": e.end, "sentence": e.sentence} for e in sorted(set(items))]
    return json.dumps(rows, ensure_ascii=False)


def edge_evidence(data: Mapping[str, object]) -> tuple[Evidence, ...]:
    """The evidence of an edge's attribute dict (empty when it has none)."""
    raw = data.get("evidence")
    if not raw:
        return ()
    return tuple(Evidence(**item) for item in json.loads(str(raw)))
