"""Evidence records of facts the projection has no edge for (quotations, events), for the pages.

Triple patterns over the dataset with the predicate bound (no query text is assembled), one
pass per predicate, so the cost is linear in the graph whatever the number of facts asked for.
An evidence record is ``{"sentence", "document", "where"}``, ``where`` being
``document:start-end`` (as :attr:`kg.analytics.evidence.Evidence.where`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from kg.ontology import KGO

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.term import Node


def _pairs(dataset: "Graph", predicate: "Node") -> Iterable[tuple["Node", "Node"]]:
    quads = getattr(dataset, "quads", None)
    if quads is not None:
        for s, _, o, _ in quads((None, predicate, None, None)):
            yield s, o
    else:
        yield from dataset.subject_objects(predicate)


def fact_evidence(dataset: "Graph", facts: Iterable["Node"]) -> dict["Node", list[dict[str, str]]]:
    """The evidence records of each of ``facts`` (fact nodes), sorted by where they are."""
    wanted = set(facts)
    evidence_nodes: dict = defaultdict(set)
    for fact, ev in _pairs(dataset, KGO.evidence):
        if fact in wanted:
            evidence_nodes[fact].add(ev)
    needed = {ev for evs in evidence_nodes.values() for ev in evs}
    fields: dict = {name: {} for name in ("sentence", "document", "start", "end")}
    for name in fields:
        for ev, value in _pairs(dataset, KGO[name]):
            if ev in needed:
                fields[name][ev] = value
    files = {doc: str(name) for doc, name in _pairs(dataset, KGO.sourceFile)}
    out: dict = {}
    for fact, evs in evidence_nodes.items():
        records = []
        for ev in evs:
            if ev not in fields["sentence"]:
                continue
            doc = fields["document"].get(ev)
            document = files.get(doc, str(doc or ""))
            start, end = fields["start"].get(ev, ""), fields["end"].get(ev, "")
            records.append({"sentence": str(fields["sentence"][ev]), "document": document, "where": f"{document}:{start}-{end}"})
        out[fact] = sorted({tuple(r.items()): r for r in records}.values(), key=lambda r: (r["document"], _offset(r["where"])))
    return out


def _offset(where: str) -> int:
    try:
        return int(where.rsplit(":", 1)[1].split("-")[0])
    except (IndexError, ValueError):
        return 0
