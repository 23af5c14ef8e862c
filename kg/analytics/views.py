"""Views of the projection: the simple undirected weighted graph, and ego networks.

Most graph measures want a simple graph; :func:`simple_view` folds the parallel facts between
two entities into one undirected edge whose ``weight`` is their evidence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.errors import GraphError

if TYPE_CHECKING:
    import networkx as nx


def _fold_facts(G: "nx.Graph", H: "nx.Graph") -> dict[tuple, set[str]]:
    """Add each fact of ``G`` (but self-loops) to the edge of its pair in ``H``: its evidence to
    ``weight`` (at least 1), one to ``facts``; returns the relations of each pair."""
    relations: dict[tuple, set[str]] = {}
    edges = G.edges(data=True)
    for u, v, data in edges:
        if u == v:
            continue
        weight = max(int(data.get("evidence_count", 1)), 1)
        if H.has_edge(u, v):
            edge = H[u][v]
            edge["weight"] += weight
            edge["facts"] += 1
        else:
            H.add_edge(u, v, weight=weight, facts=1)
        pair = (u, v) if str(u) <= str(v) else (v, u)
        relations.setdefault(pair, set()).add(str(data.get("relation", "")))
    return relations


def simple_view(G: "nx.Graph") -> "nx.Graph":
    """The undirected simple graph of ``G``: one edge per linked pair, weighted by evidence.

    Parameters
    ----------
    G : networkx graph
        A projection (``to_networkx``) or any graph whose edges may carry ``evidence_count``.

    Returns
    -------
    networkx.Graph
        A new graph with the nodes (and node attributes) of ``G``. Each edge has ``weight``: the
        sum over the facts between the two entities, in either direction, of their
        ``evidence_count`` (a fact without evidence, such as a gazetteer reference fact, counts
        1); ``facts``: how many facts; ``relations``: their relations, sorted, comma-separated.
        Self-loops are dropped.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("a", "b", key="based_in", relation="based_in", evidence_count=2)
    >>> _ = G.add_edge("b", "a", key="holds_post|x", relation="holds_post", evidence_count=1)
    >>> H = simple_view(G)
    >>> dict(H["a"]["b"])
    {'weight': 3, 'facts': 2, 'relations': 'based_in,holds_post'}
    """
    import networkx as nx

    H = nx.Graph()
    H.graph.update(G.graph)
    H.add_nodes_from(G.nodes(data=True))
    relations = _fold_facts(G, H)
    for (u, v), names in relations.items():
        H[u][v]["relations"] = ",".join(sorted(n for n in names if n))
    return H


def ego(G: "nx.Graph", node: str, radius: int = 1) -> "nx.Graph":
    """The entities within ``radius`` facts of ``node`` (either direction), and the facts among them.

    Parameters
    ----------
    G : networkx graph
        A projection.
    node : str
        The entity IRI (use :func:`kg.analytics.lookup.find_node` to find it from a label).
    radius : int, default 1
        How many facts away to go.

    Returns
    -------
    networkx graph
        A new graph of the same class as ``G`` with copies of the attributes.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph([("a", "b"), ("c", "b"), ("c", "d")])
    >>> sorted(ego(G, "a"))
    ['a', 'b']
    >>> sorted(ego(G, "a", radius=2))
    ['a', 'b', 'c']
    """
    import networkx as nx

    if node not in G:
        raise GraphError(f"no entity {node!r} in the graph; find one by label with kg.analytics.lookup.find_node")
    if radius < 0:
        raise GraphError(f"radius must be 0 or more, not {radius}")
    return nx.ego_graph(G, node, radius=radius, undirected=True).copy()
