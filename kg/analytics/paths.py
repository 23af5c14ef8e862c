"""The shortest chains of facts that link two entities.

A chain is a path in the projection read in either direction: each hop is one fact (an edge)
with its relation, the direction it is stated in, a readable sentence and its evidence. Paths
are the fewest-facts paths first (Yen's k shortest simple paths over breadth-first searches, so
no copy of the graph is made); among paths of the same length the better evidenced comes first.
"""

from __future__ import annotations

import heapq
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from kg.analytics.evidence import Evidence, edge_evidence
from kg.analytics.project import SYMMETRIC
from kg.analytics.wording import edge_text
from kg.errors import GraphError

if TYPE_CHECKING:
    import networkx as nx

Direction = Literal["forward", "backward", "symmetric"]


@dataclass(frozen=True)
class Hop:
    """One fact of a chain, from ``source`` to ``target`` in the order the chain is read."""

    source: str
    target: str
    source_label: str
    target_label: str
    relation: str
    direction: Direction
    """``forward`` when the fact is stated source -> target, ``backward`` when target -> source,
    ``symmetric`` when the relation has no direction (co-participation)."""
    text: str
    evidence: tuple[Evidence, ...]
    key: str
    attributes: dict = field(compare=False, repr=False)
    alternatives: int = 0
    """How many other facts link the same two entities (the hop shows the best evidenced)."""


@dataclass(frozen=True)
class FactPath:
    """A chain of facts from the first entity to the second."""

    hops: tuple[Hop, ...]

    @property
    def nodes(self) -> list[str]:
        return [self.hops[0].source, *(h.target for h in self.hops)] if self.hops else []

    @property
    def evidence_count(self) -> int:
        return sum(len(h.evidence) for h in self.hops)

    def __len__(self) -> int:
        return len(self.hops)


def _neighbors(G: "nx.Graph") -> Callable[[str], Iterable[str]]:
    if G.is_directed():
        succ, pred = G.succ, G.pred
        return lambda n: (*succ[n], *pred[n])
    adj = G.adj
    return lambda n: adj[n]


def _bfs(neighbors: Callable[[str], Iterable[str]], source: str, target: str, ignore_nodes: set, ignore_edges: set) -> list[str] | None:
    """A fewest-hops path by bidirectional breadth-first search, avoiding some nodes and edges."""
    if source in ignore_nodes or target in ignore_nodes:
        return None
    if source == target:
        return [source]
    forward: dict[str, str | None] = {source: None}
    backward: dict[str, str | None] = {target: None}
    front, back = [source], [target]

    def allowed(x: str, y: str) -> bool:
        return y not in ignore_nodes and (x, y) not in ignore_edges and (y, x) not in ignore_edges

    while front and back:
        if len(front) <= len(back):
            level = []
            for x in front:
                for y in neighbors(x):
                    if y not in forward and allowed(x, y):
                        forward[y] = x
                        if y in backward:
                            return _join(forward, backward, y)
                        level.append(y)
            front = level
        else:
            level = []
            for x in back:
                for y in neighbors(x):
                    if y not in backward and allowed(x, y):
                        backward[y] = x
                        if y in forward:
                            return _join(forward, backward, y)
                        level.append(y)
            back = level
    return None


def _join(forward: dict, backward: dict, meet: str) -> list[str]:
    path = []
    node = meet
    while node is not None:
        path.append(node)
        node = forward[node]
    path.reverse()
    node = backward[meet]
    while node is not None:
        path.append(node)
        node = backward[node]
    return path


def _facts_between(G: "nx.Graph", u: str, v: str) -> list[tuple[str, str, str, dict]]:
    """Every edge between ``u`` and ``v`` in either direction as ``(from, to, key, data)``."""
    found = []
    for a, b in ((u, v), (v, u)) if G.is_directed() else ((u, v),):
        if G.has_edge(a, b):
            if G.is_multigraph():
                found += [(a, b, str(k), d) for k, d in G[a][b].items()]
            else:
                found.append((a, b, "", G[a][b]))
    return found


def _best(facts: list[tuple[str, str, str, dict]]) -> tuple[str, str, str, dict]:
    return min(facts, key=lambda f: (-int(f[3].get("evidence_count", 0)), f[2], f[0]))


def _hop(G: "nx.Graph", u: str, v: str) -> Hop:
    facts = _facts_between(G, u, v)
    a, b, key, data = _best(facts)
    relation = str(data.get("relation", key.split("|", 1)[0]))
    if relation in SYMMETRIC or not G.is_directed():
        direction: Direction = "symmetric"
        a, b = u, v
    else:
        direction = "forward" if a == u else "backward"
    label = lambda n: str(G.nodes[n].get("label", n))  # noqa: E731
    text = edge_text(label(a), label(b), data)
    return Hop(u, v, label(u), label(v), relation, direction, text, edge_evidence(data), key, dict(data), len(facts) - 1)


def _strength(G: "nx.Graph", path: list[str]) -> int:
    return sum(max(int(d.get("evidence_count", 0)) for *_, d in _facts_between(G, u, v)) for u, v in zip(path, path[1:]))


def _check_ends(G: "nx.Graph", a: str, b: str, max_paths: int) -> None:
    """An error unless ``a`` and ``b`` are two different nodes of ``G`` and ``max_paths`` >= 1."""
    for node in (a, b):
        if node not in G:
            raise GraphError(f"no entity {node!r} in the graph; find one by its label with kg.analytics.lookup.find_node")
    if a == b:
        raise GraphError("give two different entities to link")
    if max_paths < 1:
        raise GraphError(f"max_paths must be 1 or more, not {max_paths}")


def _push_spurs(G: "nx.Graph", neighbors: Callable[[str], Iterable[str]], found: list[list[str]], target: str,
                seen: set, candidates: list[tuple[int, int, tuple[str, ...]]]) -> None:
    """Yen's step: from each node of the last path found, the fewest-hops path to ``target`` that
    leaves the paths found so far there; each new one joins the heap of ``candidates``
    (shortest, then best evidenced, first)."""
    previous = found[-1]
    for i in range(len(previous) - 1):
        root = previous[: i + 1]
        ignore_edges = {(p[i], p[i + 1]) for p in found if len(p) > i + 1 and p[: i + 1] == root}
        spur = _bfs(neighbors, previous[i], target, set(root[:-1]), ignore_edges)
        if spur is None:
            continue
        path = tuple(root[:-1] + spur)
        if path not in seen:
            seen.add(path)
            heapq.heappush(candidates, (len(path), -_strength(G, list(path)), path))


def _k_shortest(G: "nx.Graph", neighbors: Callable[[str], Iterable[str]], first: list[str], target: str,
                max_paths: int, deadline: float | None) -> list[list[str]]:
    """``first`` and the next shortest simple paths to ``target`` (Yen), until there are
    ``max_paths``, no more, or the ``deadline`` has passed."""
    found: list[list[str]] = [first]
    seen = {tuple(first)}
    candidates: list[tuple[int, int, tuple[str, ...]]] = []
    while len(found) < max_paths and (deadline is None or time.monotonic() < deadline):
        _push_spurs(G, neighbors, found, target, seen, candidates)
        if not candidates:
            break
        found.append(list(heapq.heappop(candidates)[2]))
    return found


def shortest_fact_paths(G: "nx.Graph", a: str, b: str, *, max_paths: int = 3, deadline: float | None = None) -> list[FactPath]:
    """The shortest chains of facts linking entity ``a`` to entity ``b``.

    Parameters
    ----------
    G : networkx graph
        A projection (``to_networkx``); edges are followed in either direction.
    a, b : str
        Node IRIs (``kg.analytics.lookup.find_node`` finds them from labels).
    max_paths : int, default 3
        At most this many paths: the fewest-facts path first, then the next shortest simple
        paths (which may be longer); among equal lengths, the one with more evidence first.
    deadline : float, optional
        A ``time.monotonic()`` value after which no more paths are searched: the paths found
        by then are returned (fewer than ``max_paths``).

    Returns
    -------
    list of FactPath
        Empty when no chain of facts links them.

    Raises
    ------
    kg.errors.GraphError
        When ``a`` or ``b`` is not in the graph, they are the same, or ``max_paths`` < 1.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from([("d", {"label": "Duffy"}), ("n", {"label": "NASA"}), ("b", {"label": "Bakanov"})])
    >>> _ = G.add_edge("d", "n", key="holds_post|administrator", relation="holds_post", title="administrator", evidence_count=0)
    >>> _ = G.add_edge("b", "d", key="co_participant|m", relation="co_participant", event_type="Meeting",
    ...                date="2025-07-31", status="happened", evidence_count=0)
    >>> [hop.text for hop in shortest_fact_paths(G, "n", "b")[0].hops]
    ['Duffy: administrator of NASA', 'Duffy and Bakanov took part in the meeting of 2025-07-31']
    >>> [hop.direction for hop in shortest_fact_paths(G, "n", "b")[0].hops]
    ['backward', 'symmetric']
    """
    _check_ends(G, a, b, max_paths)
    neighbors = _neighbors(G)
    first = _bfs(neighbors, a, b, set(), set())
    if first is None:
        return []
    found = _k_shortest(G, neighbors, first, b, max_paths, deadline)
    found.sort(key=lambda p: (len(p), -_strength(G, p)))
    return [FactPath(tuple(_hop(G, u, v) for u, v in zip(path, path[1:]))) for path in found]


def render_paths(paths: list[FactPath], *, source_label: str, target_label: str, max_evidence: int = 2) -> str:
    """The chains as text: each fact, its evidence sentence(s) and where to find them.

    Examples
    --------
    >>> render_paths([], source_label="Sean Duffy", target_label="Apollo")
    'no chain of facts links "Sean Duffy" and "Apollo" in this graph'
    """
    if not paths:
        return f'no chain of facts links "{source_label}" and "{target_label}" in this graph'
    plural = "s" if len(paths) != 1 else ""
    lines = [f'{len(paths)} chain{plural} of facts from "{source_label}" to "{target_label}", shortest first']
    for number, path in enumerate(paths, 1):
        route = " -> ".join([path.hops[0].source_label, *(h.target_label for h in path.hops)])
        lines += ["", f"Path {number} ({len(path)} fact{'s' if len(path) != 1 else ''}): {route}"]
        for step, hop in enumerate(path.hops, 1):
            more = f"  [+{hop.alternatives} more fact{'s' if hop.alternatives != 1 else ''} between them]" if hop.alternatives else ""
            lines.append(f"  {step}. {hop.text}  ({hop.relation}, {hop.direction}){more}")
            if not hop.evidence:
                lines.append("      evidence: none (a reference fact of the gazetteer)")
            for ev in hop.evidence[:max_evidence]:
                lines.append(f'      "{" ".join(ev.sentence.split())}"')
                lines.append(f"        - {ev.where}")
            if len(hop.evidence) > max_evidence:
                lines.append(f"      ... and {len(hop.evidence) - max_evidence} more sentences")
    return "\n".join(lines)
