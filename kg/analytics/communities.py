"""Groups of entities more linked to each other than to the rest (Louvain, with a fixed seed)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx


def communities(G: "nx.Graph", *, seed: int = 0, resolution: float = 1.0) -> list[frozenset[str]]:
    """Louvain communities of the weighted simple view; the same graph and seed give the same answer.

    Parameters
    ----------
    G : networkx graph
        A projection (its :func:`~kg.analytics.views.simple_view` is used) or a simple graph.
    seed : int, default 0
        Seed of the Louvain node order.
    resolution : float, default 1.0
        Above 1 favours smaller communities, below 1 larger ones.

    Returns
    -------
    list of frozenset
        Largest community first (ties: by the smallest node IRI). Every node is in exactly one.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("c", "a"), ("x", "y"), ("y", "z"), ("z", "x"), ("c", "x")])
    >>> [sorted(c) for c in communities(G)]
    [['a', 'b', 'c'], ['x', 'y', 'z']]
    """
    import networkx as nx

    from kg.analytics.centrality import _simple

    H = _simple(G)
    found = nx.community.louvain_communities(H, weight="weight", resolution=resolution, seed=seed)
    return sorted((frozenset(c) for c in found), key=lambda c: (-len(c), min(map(str, c))))
