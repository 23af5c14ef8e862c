"""Figures of a projection: its size, its parts, and how many facts of each kind it holds."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kg.schema import FACT_KINDS

if TYPE_CHECKING:
    import networkx as nx

COUNTED = ("mentions", *(kind for kind in FACT_KINDS if kind != "entities"))
"""The fact counts a projection records in ``G.graph``."""


@dataclass(frozen=True)
class GraphStats:
    nodes: int
    edges: int
    nodes_by_type: dict[str, int]
    edges_by_relation: dict[str, int]
    components: int
    largest_component: int
    density: float
    documents: int
    facts: dict[str, int] = field(default_factory=dict)


def graph_stats(G: "nx.Graph") -> GraphStats:
    """Counts of a projection.

    ``components`` and ``density`` are those of the simple undirected view (facts read in either
    direction); ``documents`` and ``facts`` come from ``G.graph`` (0 when absent).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from([("a", {"type": "Person"}), ("b", {"type": "Agency"}), ("c", {"type": "Person"})])
    >>> _ = G.add_edge("a", "b", relation="holds_post")
    >>> s = graph_stats(G)
    >>> s.nodes, s.edges, s.components, s.largest_component, s.nodes_by_type
    (3, 1, 2, 2, {'Person': 2, 'Agency': 1})
    """
    import networkx as nx

    from kg.analytics.views import simple_view

    H = simple_view(G)
    parts = [len(c) for c in nx.connected_components(H)]
    types = Counter(str(d.get("type", "")) for _, d in G.nodes(data=True))
    relations = Counter(str(d.get("relation", "")) for *_, d in G.edges(data=True))
    return GraphStats(
        nodes=G.number_of_nodes(),
        edges=G.number_of_edges(),
        nodes_by_type=dict(types.most_common()),
        edges_by_relation=dict(relations.most_common()),
        components=len(parts),
        largest_component=max(parts, default=0),
        density=nx.density(H) if len(H) > 1 else 0.0,
        documents=int(G.graph.get("documents", 0)),
        facts={kind: int(G.graph.get(kind, 0)) for kind in COUNTED},
    )
