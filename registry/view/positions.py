"""Where nodes start on the page: a deterministic force-directed layout in screen pixels, nudged until no two labels overlap."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np

__all__ = [
    "EXACT_LAYOUT_MAX_NODES",
    "LABEL_FONT_SIZE",
    "LABEL_SPACING_MAX_NODES",
    "MAX_LABEL_CHARS",
    "label_text",
    "label_boxes",
    "label_overlaps",
    "layout",
    "node_size",
    "spread_labels",
    "text_width",
]

#: Up to this size the layout is networkx's exact Fruchterman-Reingold; past it, a
#: sampled version (networkx's sparse variant takes ~13 s at 1,500 nodes, this ~1 s).
EXACT_LAYOUT_MAX_NODES = 300

#: The drawing's label font size in pixels (vis-network's ``nodes.font.size`` in page.py);
#: vis-network scales labels with the zoom, so boxes apart in layout pixels stay apart on screen.
LABEL_FONT_SIZE = 13
#: The page script cuts a longer name to this many characters (the last an ellipsis).
MAX_LABEL_CHARS = 40
#: Up to this many nodes the layout moves nodes until no two labels overlap; past it the
#: drawing is too dense to read every label anyway (vis-network hides them when zoomed out).
LABEL_SPACING_MAX_NODES = 300
# Free pixels kept between two labels, and between a node's shape and its label (vis-network's 3).
_LABEL_GAP = 3.0
_LABEL_DROP = 3.0
# Character widths in ems, rounded up from DejaVu Sans (what system-ui and sans-serif resolve to
# here, in Chromium and in matplotlib): an estimate a little wider than the real text.
_NARROW = frozenset("'ijlIJ\u00cd\u00ed\u00ec .,:;|!")
_SLIM = frozenset('/frt-()[]"')
_WIDE = frozenset("mwMW\u00e6\u00c6\u0153\u0152")


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


def text_width(text: str, size: float = LABEL_FONT_SIZE) -> float:
    """Return the estimated width in pixels of ``text`` set in a sans-serif font of ``size`` pixels.

    >>> text_width("Oslo") > text_width("Illi")
    True
    """
    em = 0.0
    for ch in text:
        if ch in _NARROW:
            em += 0.34
        elif ch in _SLIM:
            em += 0.41
        elif ch in _WIDE:
            em += 1.0
        elif ch.isupper() or ch.isdigit() or ch == "&":
            em += 0.8
        else:
            em += 0.65
    return em * size


def label_text(name: str) -> str:
    """Return ``name`` as the drawing labels it: cut to :data:`MAX_LABEL_CHARS` with an ellipsis (network.js)."""
    return name if len(name) <= MAX_LABEL_CHARS else name[: MAX_LABEL_CHARS - 1] + "\u2026"


def node_size(ties: int, municipality: bool = False) -> float:
    """Return the radius in pixels the drawing gives a node with ``ties`` ties (network.js's formula)."""
    return min(10 + 3 * math.sqrt(ties) + (8 if municipality else 0), 45)


def _label_sizes(g: nx.Graph, nodes: list) -> np.ndarray:
    """Return an ``(n, 3)`` array: each node's label width and height and its shape's radius, in pixels.

    The width is that of the wider of the entity's names (Norwegian and English), so one
    layout serves both languages.
    """
    out = np.zeros((len(nodes), 3))
    for i, v in enumerate(nodes):
        a = g.nodes[v]
        names = [str(a.get(k)) for k in ("name", "name_en") if a.get(k)] or [str(v)]
        out[i] = (
            max(text_width(label_text(x)) for x in names),
            1.25 * LABEL_FONT_SIZE,
            node_size(g.degree(v), a.get("kind") == "municipality"),
        )
    return out


def _boxes(arr: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """Return ``(n, 4)`` label boxes ``x0, y0, x1, y1`` (y down, as on screen) for nodes at ``arr``: centred under each shape."""
    top = arr[:, 1] + sizes[:, 2] + _LABEL_DROP
    half = sizes[:, 0] / 2
    return np.column_stack([arr[:, 0] - half, top, arr[:, 0] + half, top + sizes[:, 1]])


def _overlapping(boxes: np.ndarray, gap: float = 0.0) -> np.ndarray:
    """Return the index pairs ``(i, j)``, ``i < j``, of boxes closer than ``gap`` on both axes, in order."""
    ox = np.minimum(boxes[:, None, 2], boxes[None, :, 2]) - np.maximum(boxes[:, None, 0], boxes[None, :, 0]) + gap
    oy = np.minimum(boxes[:, None, 3], boxes[None, :, 3]) - np.maximum(boxes[:, None, 1], boxes[None, :, 1]) + gap
    hit = np.triu((ox > 0) & (oy > 0), k=1)
    return np.argwhere(hit)


def spread_labels(arr: np.ndarray, sizes: np.ndarray, rounds: int = 600) -> np.ndarray:
    """Return a copy of the ``(n, 2)`` positions ``arr`` moved so that no two label boxes overlap.

    ``sizes`` holds each node's label width, label height and shape radius (pixels). A node
    and its label take up one box (so a label covers no other node either). Each round
    finds every overlapping pair and pushes the two apart by their overlap (plus a pixel),
    sideways unless they overlap only a little from above; a node's pushes are added and
    divided by the square root of their number, so a crowded node does not fly off.
    Deterministic; it stops when nothing overlaps or after ``rounds`` rounds.

    >>> sizes = np.array([[40.0, 16, 10], [40.0, 16, 10]])
    >>> two = spread_labels(np.array([[0.0, 0.0], [5.0, 0.0]]), sizes)
    >>> len(_overlapping(_boxes(two, sizes))), bool(two[0, 0] < two[1, 0])
    (0, True)
    """
    pos = np.array(arr, dtype=float)
    n = len(pos)
    # Each node's footprint: its shape and the label under it, so no label covers another node either.
    half_w = np.maximum(sizes[:, 0] / 2, sizes[:, 2])
    half_h = (2 * sizes[:, 2] + _LABEL_DROP + sizes[:, 1]) / 2
    drop = (_LABEL_DROP + sizes[:, 1]) / 2  # the footprint's centre lies this far below the node
    # Half a pixel more than the gap, so that rounding to 0.1 px cannot close it again.
    gap = _LABEL_GAP + 0.5
    first, second = np.triu_indices(n, 1)
    for _ in range(rounds):
        cy = pos[:, 1] + drop
        dx, dy = pos[first, 0] - pos[second, 0], cy[first] - cy[second]
        ox = half_w[first] + half_w[second] + gap - np.abs(dx)
        oy = half_h[first] + half_h[second] + gap - np.abs(dy)
        hit = (ox > 0.5) & (oy > 0.5)
        if not hit.any():
            break
        i, j, dx, dy, ox, oy = first[hit], second[hit], dx[hit], dy[hit], ox[hit], oy[hit]
        # Labels are wide and flat: a vertical push only when it is the small one, which keeps
        # the picture closest to the layout (measured on the seed and on random graphs: all
        # pushes at once settle in 40-80 rounds up to 150 nodes, ~350 for 260 country groups).
        up = oy <= 0.3 * ox
        step = np.where(up, oy, ox) + 1
        # Ties are broken by index (i < j always), so equal positions part the same way each time.
        sign = np.where(np.where(up, dy, dx) < 0, -1.0, 1.0)
        push = np.zeros_like(pos)
        for axis, on in ((0, ~up), (1, up)):
            np.add.at(push[:, axis], i[on], step[on] * sign[on])
            np.add.at(push[:, axis], j[on], -step[on] * sign[on])
        crowd = np.bincount(np.concatenate([i, j]), minlength=n)
        pos += push / np.sqrt(np.maximum(crowd, 1))[:, None]
    return pos


def label_boxes(g: nx.Graph, positions: dict) -> dict:
    """Return ``{node: (x0, y0, x1, y1)}``: the estimated box of each positioned node's label, in layout pixels."""
    nodes = [v for v in g.nodes if v in positions]
    if not nodes:
        return {}
    boxes = _boxes(np.array([positions[v] for v in nodes], dtype=float), _label_sizes(g, nodes))
    return {v: tuple(float(c) for c in b) for v, b in zip(nodes, boxes)}


def label_overlaps(boxes: dict) -> list[tuple]:
    """Return the pairs of nodes whose boxes in ``boxes`` (as from :func:`label_boxes`) intersect.

    >>> label_overlaps({"a": (0, 0, 10, 10), "b": (5, 5, 15, 15), "c": (20, 0, 30, 10)})
    [('a', 'b')]
    """
    names = list(boxes)
    if not names:
        return []
    return [(names[i], names[j]) for i, j in _overlapping(np.array([boxes[v] for v in names], dtype=float))]


def layout(g: nx.Graph, seed: int = 1, labels: bool = True) -> dict[str, tuple[float, float]]:
    """Return ``{node: (x, y)}`` in screen pixels, centred on 0, for drawing with physics off.

    Deterministic for a given graph and seed, so a cached layout and a fresh one agree.
    With ``labels`` (and at most :data:`LABEL_SPACING_MAX_NODES` nodes), nodes are then
    nudged apart until no two labels overlap (estimated boxes, see :func:`spread_labels`).

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
        simple: nx.Graph = nx.Graph()
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
    if labels and n <= LABEL_SPACING_MAX_NODES:
        arr = spread_labels(arr, _label_sizes(g, nodes))
    return {v: (round(float(x), 1), round(float(y), 1)) for v, (x, y) in zip(nodes, arr)}
