"""What the ``kg stats``, ``kg explain`` and ``kg path`` commands compute, as plain functions.

Each loads a build folder (or graph file), projects it, and returns plain data; the commands
only print it. The renderers live beside the data they print.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kg.analytics.centrality import CentralEntity, Measure
from kg.analytics.explain import Explanation
from kg.analytics.paths import FactPath
from kg.analytics.stats import GraphStats

if TYPE_CHECKING:
    import networkx as nx
    from rdflib import Dataset

EXACT_BETWEENNESS_UP_TO = 1000
"""Betweenness is exact up to this many entities; above, it is estimated from ``SAMPLED_SOURCES``."""
SAMPLED_SOURCES = 100


def load_projection(graph: Path, *, include_gazetteer: bool = False) -> tuple["Dataset", "nx.MultiDiGraph"]:
    """The dataset of a build folder (or .trig/.nq/.ttl file) and its projection.

    A build folder with an Oxigraph store is read through the store (no parsing); otherwise the
    graph file is read into memory (``kg.store.backends.open_backend``).
    """
    from kg.analytics.project import to_networkx
    from kg.store.backends import open_backend

    dataset = open_backend(Path(graph)).dataset
    return dataset, to_networkx(dataset, include_gazetteer=include_gazetteer)


@dataclass(frozen=True)
class Summary:
    """The figures ``kg stats`` prints."""

    stats: GraphStats
    central: list[CentralEntity]
    ranked_by: str
    communities: int
    betweenness_sources: int | None


def summarize(
    *,
    graph: Path,
    top: int = 10,
    by: Measure = "pagerank",
    betweenness_sources: int | None = None,
    include_gazetteer: bool = False,
    seed: int = 0,
) -> Summary:
    """Graph figures and the ``top`` most central entities of a built graph.

    ``betweenness_sources=None`` computes betweenness exactly up to ``EXACT_BETWEENNESS_UP_TO``
    entities and estimates it from ``SAMPLED_SOURCES`` sources (drawn with ``seed``) above.
    """
    from kg.analytics.centrality import central_entities
    from kg.analytics.communities import communities
    from kg.analytics.stats import graph_stats
    from kg.analytics.views import simple_view

    _, G = load_projection(graph, include_gazetteer=include_gazetteer)
    H = simple_view(G)
    if betweenness_sources is None and len(H) > EXACT_BETWEENNESS_UP_TO:
        betweenness_sources = SAMPLED_SOURCES
    central = central_entities(H, top=top, by=by, betweenness_sources=betweenness_sources, seed=seed)
    return Summary(graph_stats(G), central, by, len(communities(H, seed=seed)), betweenness_sources)


def render_summary(summary: Summary) -> str:
    s = summary.stats
    pct = lambda part: f"{100 * part / s.nodes:.0f}%" if s.nodes else "0%"  # noqa: E731
    lines = [
        f"documents: {s.documents}",
        "facts: " + ", ".join(f"{kind} {n}" for kind, n in s.facts.items()),
        f"entities: {s.nodes} (" + ", ".join(f"{t} {n}" for t, n in s.nodes_by_type.items()) + ")",
        f"edges: {s.edges} (" + ", ".join(f"{r} {n}" for r, n in s.edges_by_relation.items()) + ")",
        f"components: {s.components} (largest: {s.largest_component} entities, {pct(s.largest_component)})",
        f"density: {s.density:.4f}",
        f"communities: {summary.communities} (Louvain, seed 0)",
    ]
    how = "exact" if summary.betweenness_sources is None else f"estimated from {summary.betweenness_sources} sources"
    lines += ["", f"Most central entities, by {summary.ranked_by} (betweenness {how}):"]
    rows = [("#", "entity", "type", "degree", "betweenness", "pagerank")]
    for i, e in enumerate(summary.central, 1):
        rows.append((str(i), e.label, e.type, f"{e.degree:.3f}", f"{e.betweenness:.3f}", f"{e.pagerank:.4f}"))
    widths = [max(len(r[c]) for r in rows) for c in range(len(rows[0]))]
    for r in rows:
        cells = [r[c].ljust(widths[c]) if c in (1, 2) else r[c].rjust(widths[c]) for c in range(len(r))]
        lines.append("  " + "  ".join(cells).rstrip())
    return "\n".join(lines)


def explain_entity(*, graph: Path, entity: str) -> Explanation:
    """Everything the documents of a built graph say about the entity named ``entity``.

    Raises ``kg.errors.GraphError`` when no entity matches (with a suggestion).
    """
    from kg.analytics.explain import explain
    from kg.analytics.lookup import find_node

    dataset, G = load_projection(graph)
    node = find_node(G, entity)
    data = G.nodes[node]
    return Explanation(
        node=node,
        label=str(data.get("label", node)),
        type=str(data.get("type", "")),
        wikidata=str(data.get("wikidata", "")),
        aliases=tuple(json.loads(data.get("aliases") or "[]")),
        facts=tuple(explain(dataset, node)),
    )


@dataclass(frozen=True)
class PathReport:
    """The chains ``kg path`` prints, and the two entities they link."""

    source: str
    target: str
    source_label: str
    target_label: str
    paths: list[FactPath]
    cut_short: bool = False
    """The search for more chains ran out of time."""


def find_paths(
    *, graph: Path, source: str, target: str, max_paths: int = 3, include_gazetteer: bool = False, time_limit: float | None = None
) -> PathReport:
    """The shortest chains of facts between two entities named by label, alias or IRI; the search
    for more chains stops after ``time_limit`` seconds (``PathReport.cut_short`` then says so)."""
    import time

    from kg.analytics.lookup import find_node
    from kg.analytics.paths import shortest_fact_paths

    _, G = load_projection(graph, include_gazetteer=include_gazetteer)
    a, b = find_node(G, source), find_node(G, target)
    deadline = None if time_limit is None else time.monotonic() + time_limit
    paths = shortest_fact_paths(G, a, b, max_paths=max_paths, deadline=deadline)
    cut_short = deadline is not None and len(paths) < max_paths and time.monotonic() >= deadline
    return PathReport(a, b, str(G.nodes[a].get("label", a)), str(G.nodes[b].get("label", b)), paths, cut_short)
