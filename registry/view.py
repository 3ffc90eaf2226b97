"""The network view: what to draw (focus, paths, country aggregation), where (layout) and as what HTML.

The HTML is self-contained: vis-network's script and stylesheet are inlined from
the files the pyvis package ships, so the page loads nothing from any other
host (the app may point it at the same files on its own server instead). Every
text that comes from the registry reaches the page either as JSON data
(vis-network draws labels on a canvas; the page writes tooltips with
``textContent``) or through :func:`html.escape`; nothing from the database is
ever written into the page as markup.
"""

from __future__ import annotations

import html
import json
import math
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping, NamedTuple

import networkx as nx
import numpy as np
import pandas as pd

from . import dates, i18n, vocab

__all__ = [
    "Style",
    "KIND_STYLES",
    "GROUP_STYLE",
    "TIE_COLOURS",
    "PHYSICS_MAX_NODES",
    "MAX_DRAWN_NODES",
    "MAX_DRAWN_TIES",
    "EXACT_LAYOUT_MAX_NODES",
    "display_name",
    "year_range",
    "restrict_categories",
    "neighbourhood",
    "shortest_path",
    "path_ties",
    "aggregate_by_country",
    "drawable",
    "layout",
    "network_html",
    "NODE_FIELDS",
    "EDGE_FIELDS",
    "entity_ties",
    "ENTITY_TIE_COLUMNS",
    "vis_assets",
]

#: Above this many drawn nodes physics is off and the precomputed layout is final.
#: Measured in headless Chromium on this project's 2-core machine (page load to settled
#: drawing, random scale-free graphs, precomputed start positions): physics added
#: 0.3-0.5 s up to 100 nodes, 0.7 s at 150, 1.1 s at 300 and 3.0 s at 500, while a fixed
#: layout drew 1,500 nodes in 1.5 s in all. 150 keeps the settling under a second.
PHYSICS_MAX_NODES = 150
#: Past this many nodes the view collapses entities into one node per country.
MAX_DRAWN_NODES = 1500
#: An aggregated view draws at most this many group edges (the heaviest): at 10k entities
#: the ~260 country groups are joined by ~11,000 group edges, a 3 MB page nobody can read.
MAX_DRAWN_TIES = 1500
#: Up to this size the layout is networkx's exact Fruchterman-Reingold; past it, a
#: sampled version (networkx's sparse variant takes ~13 s at 1,500 nodes, this ~1 s).
EXACT_LAYOUT_MAX_NODES = 300


class Style(NamedTuple):
    """How one entity kind is drawn: fill colour and vis-network shape."""

    colour: str
    shape: str


# Colours from the Okabe-Ito and Tableau palettes, paired with distinct shapes so the
# kinds stay apart for colour-blind readers and in greyscale print.
KIND_STYLES: dict[str, Style] = {
    "municipality": Style("#c0392b", "star"),
    "city": Style("#0072b2", "dot"),
    "country": Style("#56b4e9", "square"),
    "consulate": Style("#e69f00", "diamond"),
    "university": Style("#009e73", "triangle"),
    "business_body": Style("#8c564b", "triangle"),
    "public_agency": Style("#7f7f7f", "square"),
    "county": Style("#bcbd22", "square"),
    "eu_office": Style("#17becf", "diamond"),
    "student_org": Style("#cc79a7", "triangleDown"),
    "voluntary_org": Style("#d55e00", "triangleDown"),
    "network": Style("#6a3d9a", "hexagon"),
    "forum": Style("#1f9e89", "hexagon"),
    "funding_programme": Style("#2ca02c", "star"),
}
_DEFAULT_STYLE = Style("#999999", "dot")
#: A country group (aggregated view).
GROUP_STYLE = Style("#a6bddb", "dot")

TIE_COLOURS: dict[str, str] = {
    "sister_city": "#c0392b",
    "partnership": "#0072b2",
    "membership": "#6a3d9a",
    "consular": "#e69f00",
    "located_in": "#b0b0b0",
    "forum_member": "#1f9e89",
    "project": "#009e73",
    "funding": "#2ca02c",
    "exchange": "#cc79a7",
}

_VIS_DIR = ("templates", "lib", "vis-9.1.2")


@lru_cache(maxsize=1)
def vis_assets() -> tuple[str, str]:
    """Return ``(javascript, css)`` of vis-network as shipped inside the pyvis package."""
    import pyvis

    folder = Path(pyvis.__file__).resolve().parent.joinpath(*_VIS_DIR)
    js = (folder / "vis-network.min.js").read_text(encoding="utf-8")
    css = (folder / "vis-network.css").read_text(encoding="utf-8")
    # Inlined text must not be able to close its own element.
    assert "</script" not in js.lower() and "</style" not in css.lower()
    return js, css


def display_name(attrs: Mapping[str, Any], lang: str, fallback: str = "") -> str:
    """Return an entity's name in ``lang``: ``name_en`` in English when set, else ``name``."""
    if lang == "en" and attrs.get("name_en"):
        return str(attrs["name_en"])
    return str(attrs.get("name") or fallback)


def year_range(g: nx.MultiDiGraph, default: int) -> tuple[int, int]:
    """Return ``(first start year, default)``: the span an as-of slider should cover.

    >>> g = nx.MultiDiGraph(); g.add_edge("a", "b", key="t", start="1946-05")
    't'
    >>> year_range(g, 2025)
    (1946, 2025)
    """
    years = [dates.year_of(a.get("start")) for _, _, a in g.edges(data=True)]
    known = [y for y in years if y is not None]
    return (min(min(known), default) if known else default, default)


def restrict_categories(
    g: nx.MultiDiGraph, categories: Mapping[str, str], keep: Iterable[str]
) -> nx.MultiDiGraph:
    """Return a copy of ``g`` whose sister-city ties are only those assigned a category in ``keep``.

    ``categories`` maps sister-city tie ids to their category; a tie missing from
    it counts as 'unclassified'. Partner nodes left with no tie by this are
    dropped too; other ties are untouched.

    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("home", "a", key="t1", kind="sister_city")
    't1'
    >>> g.add_edge("home", "b", key="t2", kind="sister_city")
    't2'
    >>> sorted(restrict_categories(g, {"t1": "dormant"}, {"dormant"}).nodes)
    ['a', 'home']
    """
    keep = set(keep)
    h = nx.MultiDiGraph()
    h.add_nodes_from(g.nodes(data=True))
    h.add_edges_from(
        (u, v, k, a)
        for u, v, k, a in g.edges(keys=True, data=True)
        if a.get("kind") != "sister_city" or categories.get(k, "unclassified") in keep
    )
    lost = [n for n in h if h.degree(n) == 0 and g.degree(n) > 0]
    h.remove_nodes_from(lost)
    h.graph.update(g.graph)  # what the filter said about the graph (undated ties left out) still holds
    return h


def neighbourhood(g: nx.MultiDiGraph, node: str, steps: int, keep: Iterable[str] = ()) -> nx.MultiDiGraph:
    """Return the part of ``g`` within ``steps`` ties of ``node`` (either direction), plus the nodes in ``keep``.

    With a path's nodes in ``keep``, the whole path is there with its ties (a path may
    leave the neighbourhood).

    >>> g = nx.MultiDiGraph([("a", "b"), ("c", "b"), ("c", "d")])
    >>> sorted(neighbourhood(g, "a", 2)), sorted(neighbourhood(g, "a", 2, keep=["c", "d"]).edges())
    (['a', 'b', 'c'], [('a', 'b'), ('c', 'b'), ('c', 'd')])
    """
    if node not in g:
        return nx.MultiDiGraph()
    reach = nx.single_source_shortest_path_length(g.to_undirected(as_view=True), node, cutoff=steps)
    return g.subgraph([*reach, *(n for n in keep if n in g)]).copy()


def shortest_path(g: nx.MultiDiGraph, source: str, target: str) -> list[str]:
    """Return the nodes of a shortest path between two entities, ignoring direction; [] if none.

    >>> g = nx.MultiDiGraph([("a", "b"), ("c", "b")])
    >>> shortest_path(g, "a", "c")
    ['a', 'b', 'c']
    """
    if source not in g or target not in g:
        return []
    try:
        return list(nx.shortest_path(g.to_undirected(as_view=True), source, target))
    except nx.NetworkXNoPath:
        return []


def path_ties(g: nx.MultiDiGraph, path: list[str]) -> list[str]:
    """Return one tie id for each step of ``path`` (the first in id order between the two nodes)."""
    out = []
    for a, b in zip(path, path[1:]):
        keys = sorted(list(g.get_edge_data(a, b, default={})) + list(g.get_edge_data(b, a, default={})))
        if keys:
            out.append(keys[0])
    return out


def _group_of(n: str, attrs: Mapping[str, Any], keep: set[str]) -> str:
    if n in keep or attrs.get("kind") == "municipality":
        return n
    cc = attrs.get("country_code")
    return f"country:{cc}" if cc else f"kind:{attrs.get('kind', 'unknown')}"


def aggregate_by_country(
    g: nx.MultiDiGraph, lang: str, keep: Iterable[str] = (), max_ties: int | None = None, keep_ties: Iterable[str] = (),
) -> nx.MultiDiGraph:
    """Return ``g`` with its entities merged into one node per country (and per kind when no country).

    Municipalities and the nodes in ``keep`` stay themselves. A group node has
    ``kind='group'``, a ``name`` like 'Sweden (34)' and ``size``; an edge between
    two groups (from the smaller id to the larger, keyed 'u|v') has ``kind='group'``,
    ``weight`` (ties merged) and ``kinds`` (a Counter of tie kinds). Ties inside one
    group are dropped. With ``max_ties``, only that many group edges are kept: those
    touching a node in ``keep`` first, then the heaviest; the graph's ``omitted_ties``
    and ``omitted_weight`` say how many group edges, holding how many ties, were left out.
    The ties in ``keep_ties`` whose two ends stay themselves (a path's, with its nodes in
    ``keep``) are drawn as they are, under their own ids, and never left out.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("home", kind="municipality", country_code="NO")
    >>> for i in range(3):
    ...     g.add_node(f"c{i}", kind="city", country_code="SE")
    ...     _ = g.add_edge("home", f"c{i}", key=f"t{i}", kind="sister_city")
    >>> h = aggregate_by_country(g, "en")
    >>> sorted(h.nodes), h.edges["country:SE", "home", "country:SE|home"]["weight"]
    (['country:SE', 'home'], 3)
    """
    keep = set(keep)
    group = {n: _group_of(n, a, keep) for n, a in g.nodes(data=True)}
    members: dict[str, list[str]] = defaultdict(list)
    for n, grp in group.items():
        members[grp].append(n)
    h = nx.MultiDiGraph()
    for grp, ns in members.items():
        if grp in g and grp == ns[0] and len(ns) == 1:
            h.add_node(grp, **g.nodes[grp])
            continue
        prefix, _, code = grp.partition(":")
        base = i18n.country_name(code, lang) if prefix == "country" else vocab.label("entity_kinds", code, lang)
        h.add_node(grp, kind="group", name=f"{base} ({len(ns)})", size=len(ns), country_code=code if prefix == "country" else None)
    weights: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    own = set(keep_ties)
    for u, v, k, a in g.edges(keys=True, data=True):
        gu, gv = group[u], group[v]
        if k in own and gu == u and gv == v:
            h.add_edge(u, v, k, **a)
            continue
        if gu == gv:
            continue
        weights[(gu, gv) if gu < gv else (gv, gu)][a.get("kind", "")] += 1
    merged = [(u, v, sum(c.values()), c) for (u, v), c in weights.items()]
    h.graph["omitted_ties"] = h.graph["omitted_weight"] = 0
    if max_ties is not None and len(merged) > max_ties:
        # Ties of the kept nodes (focus, path) first, then the heaviest; ids break ties, so the choice is stable.
        kept_nodes = {n for n in keep if n in h}
        merged.sort(key=lambda e: (e[0] not in kept_nodes and e[1] not in kept_nodes, -e[2], e[0], e[1]))
        h.graph["omitted_ties"] = len(merged) - max_ties
        h.graph["omitted_weight"] = sum(e[2] for e in merged[max_ties:])
        del merged[max_ties:]
    h.add_edges_from((u, v, f"{u}|{v}", {"kind": "group", "weight": w, "kinds": c}) for u, v, w, c in merged)
    return h


def drawable(
    g: nx.MultiDiGraph, lang: str, keep: Iterable[str] = (), max_nodes: int = MAX_DRAWN_NODES,
    max_ties: int = MAX_DRAWN_TIES, keep_ties: Iterable[str] = (),
) -> tuple[nx.MultiDiGraph, bool]:
    """Return ``(graph to draw, aggregated?)``: ``g`` itself, or its country aggregate when it is too big.

    The aggregate keeps at most ``max_ties`` group edges, the nodes in ``keep`` and the ties
    in ``keep_ties`` as themselves (see :func:`aggregate_by_country`).
    """
    if g.number_of_nodes() <= max_nodes:
        return g, False
    return aggregate_by_country(g, lang, keep, max_ties=max_ties, keep_ties=keep_ties), True


def _sampled_layout(n: int, edges: np.ndarray, seed: int, iterations: int = 100, sample: int = 64) -> np.ndarray:
    # Fruchterman-Reingold with the repulsion of each node estimated from a random
    # sample of the others (scaled up): O(n * sample) per step instead of O(n^2).
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


def _svg_swatch(style: Style) -> str:
    c = style.colour
    shapes = {
        "dot": f'<circle cx="8" cy="8" r="6" fill="{c}"/>',
        "square": f'<rect x="2" y="2" width="12" height="12" fill="{c}"/>',
        "diamond": f'<polygon points="8,1 15,8 8,15 1,8" fill="{c}"/>',
        "triangle": f'<polygon points="8,1 15,15 1,15" fill="{c}"/>',
        "triangleDown": f'<polygon points="1,1 15,1 8,15" fill="{c}"/>',
        "star": f'<polygon points="8,1 10,6 15,6 11,9 13,15 8,11 3,15 5,9 1,6 6,6" fill="{c}"/>',
        "hexagon": f'<polygon points="4,1 12,1 15,8 12,15 4,15 1,8" fill="{c}"/>',
    }
    return f'<svg width="16" height="16" aria-hidden="true">{shapes.get(style.shape, shapes["dot"])}</svg>'


def _legend(g: nx.MultiDiGraph, lang: str) -> str:
    kinds = sorted({a.get("kind") for _, a in g.nodes(data=True)} - {None}, key=lambda k: list(KIND_STYLES).index(k) if k in KIND_STYLES else 99)
    ties = sorted({a.get("kind") for _, _, a in g.edges(data=True)} - {None, "group"}, key=lambda k: list(TIE_COLOURS).index(k) if k in TIE_COLOURS else 99)
    rows = []
    for k in kinds:
        style = GROUP_STYLE if k == "group" else KIND_STYLES.get(k, _DEFAULT_STYLE)
        text = i18n.t("view.group", lang) if k == "group" else vocab.label("entity_kinds", k, lang)
        rows.append(f"<li>{_svg_swatch(style)}<span>{html.escape(text)}</span></li>")
    for k in ties:
        colour = TIE_COLOURS.get(k, "#888888")
        line = f'<svg width="16" height="16" aria-hidden="true"><line x1="1" y1="8" x2="15" y2="8" stroke="{colour}" stroke-width="3"/></svg>'
        rows.append(f"<li>{line}<span>{html.escape(vocab.label('tie_kinds', k, lang))}</span></li>")
    if any(a.get("status") in _DASHED_STATUSES for _, _, a in g.edges(data=True)):
        line = ('<svg width="16" height="16" aria-hidden="true"><line x1="1" y1="8" x2="15" y2="8" stroke="#888888" '
                'stroke-width="2" stroke-dasharray="3 2"/></svg>')
        rows.append(f"<li>{line}<span>{html.escape(i18n.t('view.dashed', lang))}</span></li>")
    title = html.escape(i18n.t("view.legend", lang))
    return f'<div class="legend" id="legend"><strong>{title}</strong><ul>{"".join(rows)}</ul></div>'


#: Columns of the node and edge rows in the page's data (also in the data, as ``nodeFields`` and
#: ``edgeFields``). Texts are indexes into ``strings``, styles into ``kinds`` and ``ties``; a group
#: edge has its tie count in ``start`` and, in ``end``, its tie kinds and their counts as a flat list.
NODE_FIELDS = ("id", "name", "kind", "country", "n", "x", "y", "flags")
EDGE_FIELDS = ("id", "from", "to", "kind", "flags", "curve", "start", "end", "status", "sectors", "source")
#: Bits of ``flags``.
LIT, FOCUS, DASHED, DIRECTED = 1, 2, 4, 8
_DASHED_STATUSES = frozenset(("ended", "suspended", "uncertain"))


class _Strings:
    """A table of texts, each stored once; ``index(text)`` is its place (0 is the empty text)."""

    def __init__(self) -> None:
        self.texts: list[str] = [""]
        self.at: dict[Any, int] = {"": 0, None: 0}

    def index(self, text: Any) -> int:
        i = self.at.get(text)
        if i is None:
            i = self.at[text] = len(self.texts)
            self.texts.append(str(text))
        return i


def _page_data(
    g: nx.MultiDiGraph, lang: str, positions: Mapping[Any, tuple[float, float]], focus: str | None,
    hi_nodes: set[str], hi_ties: set[str],
) -> dict[str, Any]:
    # Compact rows, styles and texts given once per kind: the page script expands them into
    # vis-network's objects and builds a tooltip only when one is hovered. Per-object style
    # dicts and preformatted tooltips made the page 2-3x larger and its generation 2-3x slower.
    strings = _Strings()
    kinds: list[list[Any]] = []
    kind_at: dict[Any, int] = {}
    for k in [None, "group", *KIND_STYLES]:
        kind_at[k] = len(kinds)
        style = GROUP_STYLE if k == "group" else KIND_STYLES.get(k, _DEFAULT_STYLE)  # type: ignore[arg-type]
        text = i18n.t("view.group", lang) if k == "group" else vocab.label("entity_kinds", k, lang) if k else ""
        kinds.append([style.colour, style.shape, text, 1 if k == "municipality" else 0])
    ties: list[list[Any]] = []
    tie_at: dict[Any, int] = {}
    for k in [None, "group", *TIE_COLOURS]:
        tie_at[k] = len(ties)
        width = 3 if k == "sister_city" else 1.5
        ties.append([TIE_COLOURS.get(k, "#888888") if k else "#888888", vocab.label("tie_kinds", k, lang) if k and k != "group" else "", width])

    def tie_of(kind: Any) -> int:
        if kind not in tie_at:
            tie_at[kind] = len(ties)
            ties.append(["#888888", vocab.label("tie_kinds", kind, lang), 1.5])
        return tie_at[kind]

    countries: dict[Any, int] = {}
    index: dict[Any, int] = {}
    nodes = []
    for v, a in g.nodes(data=True):
        index[v] = len(nodes)
        kind = a.get("kind")
        k = kind_at.get(kind)
        if k is None:
            k = kind_at[kind] = len(kinds)
            kinds.append([_DEFAULT_STYLE.colour, _DEFAULT_STYLE.shape, vocab.label("entity_kinds", kind, lang), 0])
        cc = a.get("country_code")
        c = countries.get(cc)
        if c is None:
            c = countries[cc] = strings.index(i18n.country_name(cc, lang)) if cc and kind != "group" else 0
        xy = positions.get(v)
        flags = (LIT if v in hi_nodes else 0) | (FOCUS if v == focus else 0)
        nodes.append([
            str(v), display_name(a, lang, str(v)), k, c, a["size"] if kind == "group" else 0,
            xy[0] if xy else None, xy[1] if xy else None, flags,
        ])
    statuses: dict[Any, int] = {}
    sectors: dict[Any, int] = {}
    degree = [0] * len(nodes)
    edges = []
    parallel: Counter[tuple[Any, Any]] = Counter()
    for u, v, key, a in g.edges(keys=True, data=True):
        pair = (u, v) if str(u) <= str(v) else (v, u)
        curve = parallel[pair]
        parallel[pair] = curve + 1
        iu, iv = index[u], index[v]
        degree[iu] += 1
        degree[iv] += 1
        kind = a.get("kind")
        t = tie_of(kind)
        status = a.get("status")
        flags = (LIT if key in hi_ties else 0) | (DASHED if status in _DASHED_STATUSES else 0)
        if str(a.get("directed")) == "1":
            flags |= DIRECTED
        if kind == "group":
            merged = []
            for x, count in sorted(a["kinds"].items()):
                merged += (tie_of(x), count)
            edges.append([str(key), iu, iv, t, flags, curve, a["weight"], merged, 0, 0, 0])
            continue
        s = statuses.get(status)
        if s is None:
            s = statuses[status] = strings.index(vocab.label("statuses", status, lang) if status else "")
        raw = a.get("sectors")
        sec = sectors.get(raw)
        if sec is None:
            sec = sectors[raw] = strings.index(
                ", ".join(vocab.label("sectors", x, lang) for x in raw.split(";") if x) if raw else ""
            )
        edges.append([
            str(key), iu, iv, t, flags, curve, strings.index(a.get("start")), strings.index(a.get("end")),
            s, sec, strings.index(a.get("source")),
        ])
    for row, d in zip(nodes, degree):
        if row[4] == 0:  # an entity's tie count (a group's size is already there)
            row[4] = d
    text = {
        "ties": i18n.t("view.ties_count", lang, n="{n}"),
        "tie": i18n.t("view.ties_count_one", lang, n="{n}"),
        "file": i18n.t("view.png_file", lang),
        "source": i18n.t("view.source", lang),
        "groupHelp": i18n.t("view.group_help", lang),
    }
    return {
        "nodeFields": NODE_FIELDS, "edgeFields": EDGE_FIELDS, "nodes": nodes, "edges": edges,
        "kinds": kinds, "ties": ties, "strings": strings.texts, "text": text,
    }


_PAGE_SCRIPT = r"""
(function () {
  var data = window.registryData, S = data.strings, K = data.kinds, TK = data.ties, T = data.text;
  var LIT = 1, FOCUS = 2, DASHED = 4, DIRECTED = 8, CHUNK = 250;
  var rows = data.nodes, nodes = new Array(rows.length), at = {};
  for (var i = 0; i < rows.length; i++) {
    var r = rows[i], k = K[r[2]], name = r[1], marked = r[7] & (LIT | FOCUS);
    var node = {
      id: r[0], label: name.length <= 40 ? name : name.slice(0, 39) + "\u2026", shape: k[1],
      size: Math.round(Math.min(10 + 3 * Math.sqrt(r[4]) + (k[3] ? 8 : 0), 45) * 10) / 10,
      color: {background: k[0], border: marked ? "#333333" : k[0]}, borderWidth: marked ? 4 : 1
    };
    if (r[7] & FOCUS) node.font = {size: 18, bold: true};
    if (r[5] !== null) { node.x = r[5]; node.y = r[6]; }
    nodes[i] = node;
    at[r[0]] = i;
  }
  var erows = data.edges, edges = new Array(erows.length), eat = {};
  for (var j = 0; j < erows.length; j++) {
    var e = erows[j], tk = TK[e[3]], lit = e[4] & LIT, group = e[3] === 1;
    var edge = {
      id: e[0], from: rows[e[1]][0], to: rows[e[2]][0], color: {color: lit ? "#ff7f00" : tk[0]},
      width: lit ? 5 : (group ? 1 + Math.log2(e[6]) : tk[2]), dashes: !!(e[4] & DASHED)
    };
    if (e[4] & DIRECTED) edge.arrows = {to: {enabled: true, scaleFactor: 0.5}};
    if (e[5]) edge.smooth = {enabled: true, type: "curvedCW", roundness: 0.15 * e[5]};
    edges[j] = edge;
    eat[e[0]] = j;
  }
  function count(n) { return (n === 1 ? T.tie : T.ties).replace("{n}", n); }
  // Tooltips are written as text (textContent), built when hovered.
  function nodeText(i) {
    var r = rows[i], k = K[r[2]];
    if (r[2] === 1) return r[1] + "\n" + T.groupHelp;
    var lines = [r[1], k[2]];
    if (r[3]) lines.push(S[r[3]]);
    lines.push(count(r[4]));
    return lines.join("\n");
  }
  function edgeText(j) {
    var e = erows[j], a = rows[e[1]][1], b = rows[e[2]][1];
    if (e[3] === 1) {
      var kinds = [];
      for (var i = 0; i < e[7].length; i += 2) kinds.push(TK[e[7][i]][1] + ": " + e[7][i + 1]);
      return a + " \u2013 " + b + "\n" + count(e[6]) + "\n" + kinds.join(", ");
    }
    var lines = [a + " \u2192 " + b, TK[e[3]][1] + " (" + (S[e[6]] || "?") + "\u2013" + S[e[7]] + ")"];
    if (e[8]) lines.push(S[e[8]]);
    if (e[9]) lines.push(S[e[9]]);
    if (e[10]) lines.push(T.source + ": " + S[e[10]]);
    return lines.join("\n");
  }
  var box = document.getElementById("net"), tip = document.getElementById("tooltip");
  function show(text, p) {
    tip.textContent = text;
    tip.style.display = "block";
    var x = Math.min(p.x + 14, box.clientWidth - tip.offsetWidth - 4), y = p.y + 14;
    if (y + tip.offsetHeight > box.clientHeight) y = Math.max(p.y - tip.offsetHeight - 8, 0);
    tip.style.left = Math.max(x, 0) + "px";
    tip.style.top = y + "px";
  }
  function hide() { tip.style.display = "none"; }
  var nodeSet = new vis.DataSet(), edgeSet = new vis.DataSet();
  if (data.physics) {
    nodeSet.add(nodes);
    edgeSet.add(edges);
  }
  var network = new vis.Network(box, {nodes: nodeSet, edges: edgeSet}, data.options);
  window.registryNetwork = network;
  network.on("hoverNode", function (p) { show(nodeText(at[p.node]), p.pointer.DOM); });
  network.on("hoverEdge", function (p) { show(edgeText(eat[p.edge]), p.pointer.DOM); });
  network.on("blurNode", hide);
  network.on("blurEdge", hide);
  network.on("dragStart", hide);
  network.on("zoom", hide);
  // A click on an entity selects it on the page around the drawing: the page listens for this
  // message (same origin only) and shows the entity's ties. Country groups are not entities.
  network.on("click", function (p) {
    if (!p.nodes.length) return;
    var r = rows[at[p.nodes[0]]];
    if (!r || r[2] === 1) return;
    document.body.setAttribute("data-selected", r[0]);
    if (window.parent !== window) window.parent.postMessage({type: "registry-select", id: r[0]}, "*");
  });
  // The drawing as a PNG file, made in the browser from vis-network's canvas on a white ground.
  document.getElementById("save").addEventListener("click", function () {
    var src = box.querySelector("canvas");
    if (!src) return;
    var c = document.createElement("canvas");
    c.width = src.width;
    c.height = src.height;
    var ctx = c.getContext("2d");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, c.width, c.height);
    ctx.drawImage(src, 0, 0);
    var a = document.createElement("a");
    a.href = c.toDataURL("image/png");
    a.download = T.file;
    document.body.appendChild(a);
    a.click();
    a.remove();
  });
  function drawn() { document.body.setAttribute("data-drawn", "1"); }
  if (data.physics) {
    network.once("afterDrawing", drawn);
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({physics: {enabled: false}});
      document.body.setAttribute("data-stable", "1");
    });
    return;
  }
  // A fixed layout is handed over in parts, one task each, with drawing held until the
  // end: vis-network spends ~0.1 ms setting up each node and edge, which in one go kept
  // the browser busy for 0.5 s at 1,000 nodes (measured in headless Chromium).
  var parts = [];
  for (var a = 0; a < nodes.length; a += CHUNK) parts.push([nodeSet, nodes.slice(a, a + CHUNK)]);
  for (var b = 0; b < edges.length; b += 2 * CHUNK) parts.push([edgeSet, edges.slice(b, b + 2 * CHUNK)]);
  network.body.emitter.emit("_blockRedraw");
  function next(i) {
    if (i < parts.length) {
      parts[i][0].add(parts[i][1]);
      setTimeout(function () { next(i + 1); }, 0);
      return;
    }
    network.body.emitter.emit("_allowRedraw");
    network.once("afterDrawing", drawn);
    network.fit();
    network.redraw();
    document.body.setAttribute("data-stable", "1");
  }
  next(0);
})();
"""


def _script_json(data: Any) -> str:
    # JSON inside <script>: escape the characters that could end the element or open a comment.
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def network_html(
    g: nx.MultiDiGraph,
    lang: str,
    positions: Mapping[Any, tuple[float, float]] | None = None,
    *,
    focus: str | None = None,
    highlight_nodes: Iterable[str] = (),
    highlight_ties: Iterable[str] = (),
    height: int = 640,
    physics: bool | None = None,
    assets: str | None = None,
) -> str:
    """Return an HTML page drawing ``g`` with vis-network, with a legend and tooltips on hover.

    ``positions`` (from :func:`layout`) fix where nodes start; nodes missing from
    it are placed by vis-network. Physics is on only for graphs of at most
    :data:`PHYSICS_MAX_NODES` nodes (unless ``physics`` says otherwise) and stops
    once the layout has settled. The page sets ``data-drawn="1"`` on its body
    after the first complete draw and ``data-stable="1"`` once nodes stay put, for
    tests. An aggregated graph whose lighter group edges were left out (see
    :func:`aggregate_by_country`) says so under the drawing. ``g`` is not changed.

    By default the page is self-contained (vis-network's script and style inlined).
    ``assets`` names a folder URL on the page's own server holding
    ``vis-network.min.js`` and ``vis-network.css`` instead (the app passes its
    static folder, so each rerun does not send the 700 KB script again).
    """
    positions = positions or {}
    n = g.number_of_nodes()
    use_physics = n <= PHYSICS_MAX_NODES if physics is None else physics
    data = _page_data(g, lang, positions, focus, set(highlight_nodes), set(highlight_ties))
    data["physics"] = use_physics
    data["options"] = {
        "autoResize": True,
        "nodes": {"font": {"size": 13, "face": "system-ui, sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"}},
        "edges": {"smooth": False, "selectionWidth": 2},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": n > PHYSICS_MAX_NODES, "navigationButtons": False},
        "physics": (
            {"enabled": True, "solver": "forceAtlas2Based", "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 110},
             "stabilization": {"enabled": True, "iterations": 150, "fit": True}}
            if use_physics else {"enabled": False}
        ),
        "layout": {"improvedLayout": False, "randomSeed": 1},
    }
    if assets is None:
        js, css = vis_assets()
        head = f"<style>{css}</style>\n<script>{js}</script>"
    else:
        folder = html.escape(assets.rstrip("/"), quote=True)
        head = f'<link rel="stylesheet" href="{folder}/vis-network.css">\n<script src="{folder}/vis-network.min.js"></script>'
    caption = html.escape(i18n.t(
        "view.caption", lang, nodes=i18n.t("view.nodes_count", lang, n=n), ties=i18n.t("view.ties_count", lang, n=g.number_of_edges()),
    ))
    save = html.escape(i18n.t("view.save_png", lang))
    omitted = g.graph.get("omitted_ties") or 0
    note = (
        f'<p class="note">{html.escape(i18n.t("view.omitted", lang, n=omitted, ties=g.graph.get("omitted_weight", 0)))}</p>'
        if omitted else ""
    )
    return f"""<!DOCTYPE html>
<html lang="{'nb' if lang == 'nb' else 'en'}"><head><meta charset="utf-8">
{head}
<style>
html, body {{ margin: 0; padding: 0; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }}
#wrap {{ position: relative; }}
#net {{ width: 100%; height: {int(height)}px; border: 1px solid #d9dde3; border-radius: 6px; background: #ffffff; box-sizing: border-box; }}
#tooltip {{ display: none; position: absolute; z-index: 5; pointer-events: none; white-space: pre-line; max-width: 360px;
  padding: 5px 7px; font-size: 12px; color: #000; background: #f5f4ed; border: 1px solid #808074; border-radius: 3px;
  box-shadow: 3px 3px 10px rgba(0, 0, 0, 0.2); }}
.legend {{ display: flex; flex-wrap: wrap; align-items: center; gap: 2px 14px; padding: 6px 4px 0; font-size: 12px; color: #333; }}
.legend strong {{ margin-right: 4px; }}
.legend ul {{ display: contents; list-style: none; }}
.legend li {{ display: inline-flex; align-items: center; gap: 5px; line-height: 18px; }}
.note {{ margin: 4px; font-size: 12px; color: #555; }}
#save {{ position: absolute; top: 6px; right: 6px; z-index: 4; font: 12px system-ui, sans-serif; padding: 3px 8px; color: #333;
  background: #ffffffe0; border: 1px solid #c4c9d0; border-radius: 4px; cursor: pointer; }}
#save:hover {{ background: #f0f2f6; }}
</style>
</head><body>
<div id="wrap"><div id="net" role="img" aria-label="{caption}"></div><div id="tooltip" role="tooltip"></div>
<button id="save" type="button">{save}</button></div>
{_legend(g, lang)}
{note}
<script>
window.registryData = {_script_json(data)};
</script>
<script>{_PAGE_SCRIPT}</script>
</body></html>"""


#: Columns of :func:`entity_ties`, in order.
ENTITY_TIE_COLUMNS = (
    "tie_id", "kind", "direction", "other_id", "other", "other_kind", "start", "end", "status", "sectors",
    "municipal_role", "carrier_id", "source",
)


def entity_ties(g: nx.MultiDiGraph, node: str, lang: str) -> pd.DataFrame:
    """Return the ties of ``node`` in ``g`` with labels in ``lang`` and their sources, by kind and start.

    ``direction`` is '→' for ties from ``node`` and '←' for ties to it.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", name="A"); g.add_node("b", name="B", kind="city")
    >>> g.add_edge("a", "b", key="a--b", kind="sister_city", start="1946", source="s")
    'a--b'
    >>> entity_ties(g, "b", "en")[["tie_id", "direction", "other", "kind"]].values.tolist()
    [['a--b', '←', 'A', 'Sister city']]
    """
    rows = []
    if node in g:
        for direction, edges in (("→", g.out_edges(node, keys=True, data=True)), ("←", g.in_edges(node, keys=True, data=True))):
            for u, v, k, a in edges:
                other = v if direction == "→" else u
                oa = g.nodes[other]
                rows.append({
                    "tie_id": k,
                    "kind": vocab.label("tie_kinds", a.get("kind"), lang),
                    "direction": direction,
                    "other_id": other,
                    "other": display_name(oa, lang, str(other)),
                    "other_kind": vocab.label("entity_kinds", oa.get("kind"), lang),
                    "start": a.get("start"),
                    "end": a.get("end"),
                    "status": vocab.label("statuses", a.get("status"), lang),
                    "sectors": ", ".join(vocab.label("sectors", s, lang) for s in (a.get("sectors") or "").split(";") if s),
                    "municipal_role": vocab.label("municipal_roles", a.get("municipal_role"), lang),
                    "carrier_id": a.get("carrier_id"),
                    "source": a.get("source"),
                })
    df = pd.DataFrame(rows, columns=list(ENTITY_TIE_COLUMNS))
    return df.sort_values(["kind", "start", "other"], na_position="last", kind="stable").reset_index(drop=True)
