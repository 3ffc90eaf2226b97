"""Where nodes start on the page: a deterministic force-directed layout in screen pixels."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np

__all__ = [
    "EXACT_LAYOUT_MAX_NODES",
    "layout",
]

#: Up to this size the layout is networkx's exact Fruchterman-Reingold; past it, a
#: sampled version (networkx's sparse variant takes ~13 s at 1,500 nodes, this ~1 s).
EXACT_LAYOUT_MAX_NODES = 300


def _sampled_layout(n: int, edges: np.ndarray, seed: int, iterations: int = 100, sample: int = 64) -> np.ndarray:
    """Return an ``(n, 2)`` array of positions for nodes ``0..n-1`` joined by the index pairs in ``edges``.

    Fruchterman-Reingold with the repulsion of each node estimated from a random
    sample of the others (scaled up): O(n * sample) per step instead of O(n^2).
    """
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2))
    k = 1 / math.sqrt(n)
    m = min(sample, n - 1)
    scale = (n - 1) / m
    temp = 0.1
    cool = temp / (iterations + 1)
    src, dst = (edges[:, 0], edges[:, 1]) if len(edges) else (np.zeros(0, int), np.zeros(0, int))
    for _ in range(iterations):
        others = rng.integers(0, n, size=(n, m))
        delta = pos[:, None, :] - pos[others]
        d2 = np.maximum((delta * delta).sum(-1), 1e-9)
        disp = (delta * ((k * k) / d2)[..., None]).sum(1) * scale
        de = pos[src] - pos[dst]
        force = de * np.sqrt((de * de).sum(1))[:, None] / k
        np.add.at(disp, src, -force)
        np.add.at(disp, dst, force)
        length = np.maximum(np.sqrt((disp * disp).sum(1)), 1e-9)
        pos += disp * (np.minimum(length, temp) / length)[:, None]
        temp -= cool
    return pos


def layout(g: nx.Graph, seed: int = 1) -> dict[str, tuple[float, float]]:
    """Return ``{node: (x, y)}`` in screen pixels, centred on 0, for drawing with physics off.

    Deterministic for a given graph and seed, so a cached layout and a fresh one agree.

    >>> pos = layout(nx.path_graph(3))
    >>> sorted(pos), all(isinstance(x, float) for xy in pos.values() for x in xy)
    ([0, 1, 2], True)
    """
    nodes = list(g.nodes)
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    if n <= EXACT_LAYOUT_MAX_NODES:
        simple = nx.Graph()
        simple.add_nodes_from(nodes)
        simple.add_edges_from((u, v) for u, v in g.edges() if u != v)
        raw = nx.spring_layout(simple, seed=seed)
        arr = np.array([raw[v] for v in nodes], dtype=float)
    else:
        index = {v: i for i, v in enumerate(nodes)}
        edges = np.array(sorted({(index[u], index[v]) for u, v in g.edges() if u != v}), dtype=np.int64).reshape(-1, 2)
        arr = _sampled_layout(n, edges, seed)
    arr -= arr.mean(axis=0)
    spread = float(np.abs(arr).max()) or 1.0
    # About 90 px of room per node along each axis keeps labels of a sparse graph apart.
    radius = 120 + 45 * math.sqrt(n)
    arr *= radius / spread
    return {v: (round(float(x), 1), round(float(y), 1)) for v, (x, y) in zip(nodes, arr)}
