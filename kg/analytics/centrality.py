"""Which entities are central: degree, betweenness and PageRank of the simple view.

Each measure takes the projection and works on :func:`kg.analytics.views.simple_view` (one
undirected edge per linked pair, ``weight`` = evidence), or on a simple undirected graph given
directly. Degree and betweenness count facts as hops (a path is as short as its number of facts);
PageRank follows edges in proportion to their weight, so well-evidenced ties count more.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    import networkx as nx

Measure = Literal["degree", "betweenness", "pagerank"]


def _simple(G: "nx.Graph") -> "nx.Graph":
    if G.is_directed() or G.is_multigraph():
        from kg.analytics.views import simple_view

        return simple_view(G)
    return G


def degree_centrality(G: "nx.Graph") -> dict[str, float]:
    """The share of the other entities each entity has a fact with.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph([("a", "b"), ("a", "b"), ("c", "a")])
    >>> degree_centrality(G)
    {'a': 1.0, 'b': 0.5, 'c': 0.5}
    """
    import networkx as nx

    return nx.degree_centrality(_simple(G))


def betweenness_centrality(G: "nx.Graph", *, sources: int | None = None, seed: int = 0) -> dict[str, float]:
    """How often an entity lies on the shortest chains of facts between two others (normalised).

    Parameters
    ----------
    G : networkx graph
        A projection or a simple undirected graph.
    sources : int or None, default None
        Estimate from this many source entities drawn with ``seed`` (for large graphs);
        None computes it exactly (time grows with nodes x edges).
    seed : int, default 0
        Seed of the sample, so the estimate is the same each run.

    Examples
    --------
    >>> import networkx as nx
    >>> betweenness_centrality(nx.path_graph(["a", "b", "c"]))
    {'a': 0.0, 'b': 1.0, 'c': 0.0}
    """
    import networkx as nx

    H = _simple(G)
    k = sources if sources is not None and sources < len(H) else None
    return nx.betweenness_centrality(H, k=k, seed=seed if k else None, normalized=True)


def pagerank(G: "nx.Graph", *, alpha: float = 0.85, tol: float = 1e-10, max_iter: int = 500) -> dict[str, float]:
    """PageRank of the weighted simple view (a random walk that follows evidence).

    The same quantity as ``networkx.pagerank`` (uniform teleport, isolated entities spread
    their rank uniformly), computed by power iteration in pure Python, so it needs no scipy.

    Parameters
    ----------
    G : networkx graph
        A projection or a simple undirected graph with ``weight`` on its edges.
    alpha : float, default 0.85
        Damping: the chance to follow an edge rather than jump to a random entity.
    tol, max_iter
        Stop when the total change of one iteration is below ``len(G) * tol``, or after
        ``max_iter`` iterations.

    Examples
    --------
    >>> import networkx as nx
    >>> ranks = pagerank(nx.path_graph(["a", "b", "c"]))
    >>> {n: round(r, 4) for n, r in ranks.items()}
    {'a': 0.2568, 'b': 0.4865, 'c': 0.2568}
    """
    H = _simple(G)
    nodes = list(H)
    n = len(nodes)
    if n == 0:
        return {}
    strength = {u: sum(float(d.get("weight", 1)) for d in H[u].values()) for u in nodes}
    rank = dict.fromkeys(nodes, 1.0 / n)
    for _ in range(max_iter):
        dangling = sum(rank[u] for u in nodes if strength[u] == 0)
        base = (1.0 - alpha) / n + alpha * dangling / n
        new = dict.fromkeys(nodes, base)
        for u in nodes:
            if strength[u]:
                share = alpha * rank[u] / strength[u]
                for v, d in H[u].items():
                    new[v] += share * float(d.get("weight", 1))
        change = sum(abs(new[u] - rank[u]) for u in nodes)
        rank = new
        if change < n * tol:
            break
    return rank


@dataclass(frozen=True)
class CentralEntity:
    """One entity and its three centralities."""

    node: str
    label: str
    type: str
    degree: float
    betweenness: float
    pagerank: float


def central_entities(
    G: "nx.Graph",
    *,
    top: int = 10,
    by: Measure = "pagerank",
    betweenness_sources: int | None = None,
    seed: int = 0,
) -> list[CentralEntity]:
    """The ``top`` entities ranked by one measure, with all three measures.

    Parameters
    ----------
    G : networkx graph
        A projection.
    top : int, default 10
        How many entities to return.
    by : {"degree", "betweenness", "pagerank"}, default "pagerank"
        The measure to rank by (ties: by label).
    betweenness_sources, seed
        Passed to :func:`betweenness_centrality`.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph([("a", "b"), ("b", "c")])
    >>> [(e.node, e.degree) for e in central_entities(G, top=1, by="degree")]
    [('b', 1.0)]
    """
    if by not in ("degree", "betweenness", "pagerank"):
        raise ValueError(f"unknown measure {by!r}; use degree, betweenness or pagerank")
    H = _simple(G)
    measures = {
        "degree": degree_centrality(H),
        "betweenness": betweenness_centrality(H, sources=betweenness_sources, seed=seed),
        "pagerank": pagerank(H),
    }
    label = lambda n: str(H.nodes[n].get("label", n))  # noqa: E731
    ranked = sorted(H, key=lambda n: (-measures[by][n], label(n), n))[: max(top, 0)]
    return [
        CentralEntity(n, label(n), str(H.nodes[n].get("type", "")), measures["degree"][n], measures["betweenness"][n], measures["pagerank"][n])
        for n in ranked
    ]
