"""Precomputed node positions, so the browser draws the network without running physics.

Each connected component is laid out on its own. One of fewer than ``SMALL`` nodes gets
:func:`stress_layout` (stress majorization, as Graphviz's neato: even spacing, readable labels),
then :func:`spread` pushes apart any labels that still overlap. A larger one gets
:func:`sampled_force_layout`: Fruchterman-Reingold with attraction along every edge and repulsion
estimated from a random sample of nodes at each step, so a step costs O(n·sample + edges)
instead of O(n²) and 5,000 nodes take a few seconds (networkx's own layouts need scipy for
graphs this size, which kg does not depend on). numpy does the arithmetic throughout.

Positions are pixels for vis-network, scaled so that a typical edge is long enough to read its
label. The same graph always gets the same layout.

>>> import networkx as nx
>>> pos = layout(nx.path_graph(3))
>>> sorted(pos) == [0, 1, 2] and all(len(p) == 2 for p in pos.values())
True
>>> layout(nx.path_graph(3)) == pos
True
"""

from __future__ import annotations

import math
from collections.abc import Hashable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx

SMALL = 400
"""Components below this many nodes get the stress layout; from here on, the sampled force one."""
EDGE_LENGTH = 170.0
"""Median length of an edge, in pixels: room for both labels and the edge's own."""
LABEL_WIDTH = 160.0
LABEL_HEIGHT = 80.0
"""The box a node and its label need; :func:`spread` keeps small graphs' boxes from overlapping."""
SPACING = 180.0
"""Room around each piece when packing; also the width of a lone node's slot."""
SEED = 7


def layout(graph: "nx.Graph", *, seed: int = SEED) -> dict[Hashable, tuple[float, float]]:
    """Positions in pixels for every node of ``graph`` (directions and parallel edges ignored).

    Each connected component is laid out on its own, sized by its node count, and the pieces are
    packed in rows, largest first, so small islands neither fly off nor hide under the big one.
    """
    import networkx as nx

    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes)
    simple.add_edges_from((u, v) for u, v in graph.edges() if u != v)
    pieces = []
    for component in sorted(nx.connected_components(simple), key=lambda c: (-len(c), sorted(map(str, c))[0])):
        sub = simple.subgraph(component)
        piece = _to_pixels(_component_layout(sub, seed=seed), sub)
        pieces.append(spread(piece) if len(piece) < SMALL else piece)
    return _pack(pieces)


def _component_layout(graph: "nx.Graph", *, seed: int) -> dict[Hashable, tuple[float, float]]:
    n = graph.number_of_nodes()
    if n == 1:
        return {next(iter(graph.nodes)): (0.0, 0.0)}
    if n < SMALL:
        return stress_layout(graph, seed=seed)
    return sampled_force_layout(graph, seed=seed)


def stress_layout(graph: "nx.Graph", *, seed: int = SEED, iterations: int = 300) -> dict[Hashable, tuple[float, float]]:
    """Stress majorization (as Graphviz's ``neato``) of a connected graph; numpy only, O(n²) a step.

    Places nodes so that their distances match their graph distances (in hops), weighting near
    pairs most; starts from classical MDS, so the result does not depend on a random start.
    Evenly spread, with short edges of nearly equal length: what labels need.
    """
    import networkx as nx
    import numpy as np

    nodes = sorted(graph.nodes, key=str)
    n = len(nodes)
    index = {node: i for i, node in enumerate(nodes)}
    D = np.zeros((n, n))
    for source, lengths in nx.all_pairs_shortest_path_length(graph):
        row = D[index[source]]
        for target, hops in lengths.items():
            row[index[target]] = hops
    W = np.zeros_like(D)
    np.divide(1.0, D * D, out=W, where=D > 0)
    centering = np.eye(n) - 1.0 / n
    B = -0.5 * centering @ (D * D) @ centering
    values, vectors = np.linalg.eigh(B)
    X = vectors[:, -2:] * np.sqrt(np.maximum(values[-2:], 1e-9))
    X += np.random.default_rng(seed).normal(scale=1e-3, size=X.shape)
    wsum = W.sum(axis=1)
    for _ in range(iterations):
        dx = X[:, 0, None] - X[None, :, 0]
        dy = X[:, 1, None] - X[None, :, 1]
        dist = np.sqrt(dx * dx + dy * dy)
        np.fill_diagonal(dist, 1.0)
        M = W * D / np.maximum(dist, 1e-9)
        new = (W @ X + M.sum(axis=1)[:, None] * X - M @ X) / wsum[:, None]
        moved = np.abs(new - X).max()
        X = new
        if moved < 1e-3:
            break
    return {node: (float(X[i, 0]), float(X[i, 1])) for i, node in enumerate(nodes)}


def spread(
    pos: dict[Hashable, tuple[float, float]], *, width: float = LABEL_WIDTH, height: float = LABEL_HEIGHT, rounds: int = 300
) -> dict[Hashable, tuple[float, float]]:
    """Push apart nodes whose label boxes (``width`` x ``height`` pixels) overlap; O(n²) a round.

    Events make cliques of their participants, which a force layout packs into a knot; this
    pass moves each overlapping pair apart along the line between them until the labels clear.

    >>> pos = spread({"a": (0.0, 0.0), "b": (1.0, 0.0)})
    >>> pos["b"][0] - pos["a"][0] >= LABEL_WIDTH - 1
    True
    """
    import numpy as np

    nodes = list(pos)
    xy = np.array([pos[n] for n in nodes], dtype=float)
    n = len(nodes)
    if n < 2:
        return dict(pos)
    jitter = np.random.default_rng(SEED).normal(scale=1e-3, size=xy.shape)
    xy += jitter
    norm = np.array([width, height])
    for _ in range(rounds):
        delta = (xy[:, None, :] - xy[None, :, :]) / norm  # in label boxes
        dist = np.sqrt(np.einsum("ijk,ijk->ij", delta, delta))
        np.fill_diagonal(dist, np.inf)
        overlap = np.clip(1.0 - dist, 0.0, None)
        if overlap.max() < 0.01:
            break
        push = np.einsum("ijk,ij->ik", delta, overlap / np.maximum(dist, 1e-9)) * norm * 0.5
        xy += push
    return {node: (float(xy[i, 0]), float(xy[i, 1])) for i, node in enumerate(nodes)}


def _pack(pieces: list[dict[Hashable, tuple[float, float]]]) -> dict[Hashable, tuple[float, float]]:
    """Shelf packing: pieces left to right in rows; the whole is roughly as wide as it is high."""
    if not pieces:
        return {}
    boxes = []
    for piece in pieces:
        xs = [p[0] for p in piece.values()]
        ys = [p[1] for p in piece.values()]
        boxes.append((min(xs), min(ys), max(xs) - min(xs) + SPACING, max(ys) - min(ys) + SPACING / 2))
    row_width = max(max(b[2] for b in boxes), 1.3 * math.sqrt(sum(b[2] * b[3] for b in boxes)))
    out: dict[Hashable, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for piece, (x0, y0, w, h) in zip(pieces, boxes):
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for node, (px, py) in piece.items():
            out[node] = (round(px - x0 + x, 1), round(py - y0 + y, 1))
        x += w
        row_height = max(row_height, h)
    return out


def sampled_force_layout(
    graph: "nx.Graph", *, seed: int = SEED, iterations: int = 120, sample: int = 256
) -> dict[Hashable, tuple[float, float]]:
    """Fruchterman-Reingold with sampled repulsion, in the unit square; numpy only.

    Each step every node is pushed away from ``sample`` randomly chosen nodes (the push scaled
    by ``n / sample``, an unbiased estimate of the all-pairs repulsion) and pulled towards its
    neighbours; a weak pull to the centre keeps the piece round; the step size cools linearly.
    """
    import numpy as np

    nodes = list(graph.nodes)
    n = len(nodes)
    index = {node: i for i, node in enumerate(nodes)}
    edges = np.array([(index[u], index[v]) for u, v in graph.edges()], dtype=np.int64).reshape(-1, 2)
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2))
    k = 1.0 / math.sqrt(n)
    sample = min(sample, n)
    scale = n / sample
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        chosen = rng.choice(n, size=sample, replace=False)
        delta = pos[:, None, :] - pos[None, chosen, :]  # n x sample x 2
        dist2 = np.einsum("ijk,ijk->ij", delta, delta)
        np.maximum(dist2, 1e-6, out=dist2)
        force = np.einsum("ijk,ij->ik", delta, (k * k) / dist2) * scale
        if len(edges):
            d = pos[edges[:, 0]] - pos[edges[:, 1]]
            length = np.sqrt(np.einsum("ij,ij->i", d, d))
            pull = d * (length / k)[:, None]
            force[:, 0] -= np.bincount(edges[:, 0], pull[:, 0], minlength=n) - np.bincount(edges[:, 1], pull[:, 0], minlength=n)
            force[:, 1] -= np.bincount(edges[:, 0], pull[:, 1], minlength=n) - np.bincount(edges[:, 1], pull[:, 1], minlength=n)
        force -= (pos - pos.mean(axis=0)) * 0.2
        length = np.sqrt(np.einsum("ij,ij->i", force, force))
        np.maximum(length, 1e-9, out=length)
        pos += force * (np.minimum(length, temperature) / length)[:, None]
        temperature -= cooling
    return {node: (float(pos[i, 0]), float(pos[i, 1])) for i, node in enumerate(nodes)}


def _to_pixels(coords: dict[Hashable, tuple[float, float]], graph: "nx.Graph") -> dict[Hashable, tuple[float, float]]:
    """Scale a unit layout so that the median edge is ``EDGE_LENGTH`` pixels long."""
    if len(coords) == 1:
        return {node: (0.0, 0.0) for node in coords}
    lengths = sorted(math.dist(coords[u], coords[v]) for u, v in graph.edges())
    median = lengths[len(lengths) // 2] if lengths else 0.0
    factor = EDGE_LENGTH / median if median > 0 else SPACING
    return {node: (x * factor, y * factor) for node, (x, y) in coords.items()}
