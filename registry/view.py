"""The network view: what to draw (focus, paths, country aggregation), where (layout) and as what HTML.

The HTML is self-contained: vis-network's script and stylesheet are inlined from
the files the pyvis package ships, so the page loads nothing from any other
host. Every text that comes from the registry reaches the page either as JSON
data (vis-network draws labels on a canvas and sets tooltips with
``innerText``) or through :func:`html.escape`; nothing from the database is
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
_HIGHLIGHT = "#ff7f00"

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
    return h


def neighbourhood(g: nx.MultiDiGraph, node: str, steps: int) -> nx.MultiDiGraph:
    """Return the part of ``g`` within ``steps`` ties of ``node``, whatever the ties' direction.

    >>> g = nx.MultiDiGraph([("a", "b"), ("c", "b"), ("c", "d")])
    >>> sorted(neighbourhood(g, "a", 2))
    ['a', 'b', 'c']
    """
    if node not in g:
        return nx.MultiDiGraph()
    reach = nx.single_source_shortest_path_length(g.to_undirected(as_view=True), node, cutoff=steps)
    return g.subgraph(reach).copy()


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


def aggregate_by_country(g: nx.MultiDiGraph, lang: str, keep: Iterable[str] = ()) -> nx.MultiDiGraph:
    """Return ``g`` with its entities merged into one node per country (and per kind when no country).

    Municipalities and the nodes in ``keep`` stay themselves. A group node has
    ``kind='group'``, a ``name`` like 'Sweden (34)' and ``size``; an edge between
    two groups (from the smaller id to the larger, keyed 'u|v') has ``kind='group'``,
    ``weight`` (ties merged) and ``kinds`` (a Counter of tie kinds). Ties inside one
    group are dropped.

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
    for u, v, a in g.edges(data=True):
        gu, gv = group[u], group[v]
        if gu == gv:
            continue
        weights[(gu, gv) if gu < gv else (gv, gu)][a.get("kind", "")] += 1
    h.add_edges_from(
        (u, v, f"{u}|{v}", {"kind": "group", "weight": sum(c.values()), "kinds": c}) for (u, v), c in weights.items()
    )
    return h


def drawable(g: nx.MultiDiGraph, lang: str, keep: Iterable[str] = (), max_nodes: int = MAX_DRAWN_NODES) -> tuple[nx.MultiDiGraph, bool]:
    """Return ``(graph to draw, aggregated?)``: ``g`` itself, or its country aggregate when it is too big."""
    if g.number_of_nodes() <= max_nodes:
        return g, False
    return aggregate_by_country(g, lang, keep), True


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


def _node_title(n: str, a: Mapping[str, Any], degree: int, lang: str) -> str:
    if a.get("kind") == "group":
        return f"{a.get('name', n)}\n{i18n.t('view.group_help', lang)}"
    lines = [display_name(a, lang, n), vocab.label("entity_kinds", a.get("kind"), lang)]
    if a.get("country_code"):
        lines.append(i18n.country_name(a["country_code"], lang))
    lines.append(i18n.t("view.ties_count", lang, n=degree))
    return "\n".join(lines)


def _edge_title(a: Mapping[str, Any], names: tuple[str, str], lang: str) -> str:
    if a.get("kind") == "group":
        kinds = ", ".join(f"{vocab.label('tie_kinds', k, lang)}: {c}" for k, c in sorted(a["kinds"].items()))
        return f"{names[0]} – {names[1]}\n{i18n.t('view.ties_count', lang, n=a['weight'])}\n{kinds}"
    span = f"{a.get('start') or '?'}–{a.get('end') or ''}"
    lines = [f"{names[0]} → {names[1]}", f"{vocab.label('tie_kinds', a.get('kind'), lang)} ({span})"]
    if a.get("status"):
        lines.append(vocab.label("statuses", a["status"], lang))
    if a.get("sectors"):
        lines.append(", ".join(vocab.label("sectors", s, lang) for s in a["sectors"].split(";") if s))
    if a.get("source"):
        lines.append(f"{i18n.t('view.source', lang)}: {a['source']}")
    return "\n".join(lines)


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
    title = html.escape(i18n.t("view.legend", lang))
    return f'<div class="legend" id="legend"><strong>{title}</strong><ul>{"".join(rows)}</ul></div>'


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
) -> str:
    """Return a self-contained HTML page drawing ``g`` with vis-network, with a legend.

    ``positions`` (from :func:`layout`) fix where nodes start; nodes missing from
    it are placed by vis-network. Physics is on only for graphs of at most
    :data:`PHYSICS_MAX_NODES` nodes (unless ``physics`` says otherwise) and stops
    once the layout has settled. The page sets ``data-drawn="1"`` on its body
    after the first complete draw, for tests. ``g`` is not changed.
    """
    positions = positions or {}
    hi_nodes, hi_ties = set(highlight_nodes), set(highlight_ties)
    n = g.number_of_nodes()
    use_physics = n <= PHYSICS_MAX_NODES if physics is None else physics
    degree = dict(g.degree())
    nodes = []
    for v, a in g.nodes(data=True):
        kind = a.get("kind")
        style = GROUP_STYLE if kind == "group" else KIND_STYLES.get(kind, _DEFAULT_STYLE)
        size = 10 + 3 * math.sqrt(a["size"] if kind == "group" else degree.get(v, 0))
        if kind == "municipality":
            size += 8
        label = display_name(a, lang, str(v))
        node: dict[str, Any] = {
            "id": str(v),
            "label": label if len(label) <= 40 else label[:39] + "…",
            "title": _node_title(str(v), a, degree.get(v, 0), lang),
            "shape": style.shape,
            "size": round(min(size, 45), 1),
            "color": {"background": style.colour, "border": "#333333" if v in hi_nodes or v == focus else style.colour},
            "borderWidth": 4 if v in hi_nodes or v == focus else 1,
        }
        if v == focus:
            node["font"] = {"size": 18, "bold": True}
        if v in positions:
            node["x"], node["y"] = positions[v]
        nodes.append(node)
    names = {v: display_name(a, lang, str(v)) for v, a in g.nodes(data=True)}
    edges = []
    parallel: Counter[tuple[str, str]] = Counter()
    for u, v, k, a in g.edges(keys=True, data=True):
        pair = (u, v) if str(u) <= str(v) else (v, u)
        i = parallel[pair]
        parallel[pair] += 1
        lit = k in hi_ties
        kind = a.get("kind")
        edge: dict[str, Any] = {
            "id": str(k),
            "from": str(u),
            "to": str(v),
            "title": _edge_title(a, (names[u], names[v]), lang),
            "color": {"color": _HIGHLIGHT if lit else TIE_COLOURS.get(kind, "#888888")},
            "width": 5 if lit else (1 + math.log2(a["weight"]) if kind == "group" else (3 if kind == "sister_city" else 1.5)),
            "dashes": a.get("status") in ("ended", "suspended", "uncertain"),
        }
        if str(a.get("directed")) == "1":
            edge["arrows"] = {"to": {"enabled": True, "scaleFactor": 0.5}}
        if i:
            edge["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.15 * i}
        edges.append(edge)
    options = {
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
    js, css = vis_assets()
    data = _script_json({"nodes": nodes, "edges": edges, "options": options, "physics": use_physics})
    caption = html.escape(i18n.t("view.caption", lang, nodes=n, ties=g.number_of_edges()))
    return f"""<!DOCTYPE html>
<html lang="{'nb' if lang == 'nb' else 'en'}"><head><meta charset="utf-8">
<style>{css}</style>
<style>
html, body {{ margin: 0; padding: 0; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }}
#net {{ width: 100%; height: {int(height)}px; border: 1px solid #d9dde3; border-radius: 6px; background: #ffffff; }}
.legend {{ display: flex; flex-wrap: wrap; align-items: center; gap: 2px 14px; padding: 6px 4px 0; font-size: 12px; color: #333; }}
.legend strong {{ margin-right: 4px; }}
.legend ul {{ display: contents; list-style: none; }}
.legend li {{ display: inline-flex; align-items: center; gap: 5px; line-height: 18px; }}
div.vis-tooltip {{ white-space: pre-line; font-family: system-ui, sans-serif; font-size: 12px; max-width: 360px; }}
</style>
<script>{js}</script>
</head><body>
<div id="net" role="img" aria-label="{caption}"></div>
{_legend(g, lang)}
<script>
(function () {{
  var data = {data};
  var network = new vis.Network(document.getElementById("net"),
    {{nodes: new vis.DataSet(data.nodes), edges: new vis.DataSet(data.edges)}}, data.options);
  network.once("afterDrawing", function () {{ document.body.setAttribute("data-drawn", "1"); }});
  if (data.physics) {{
    network.once("stabilizationIterationsDone", function () {{
      network.setOptions({{physics: {{enabled: false}}}});
      document.body.setAttribute("data-stable", "1");
    }});
  }} else {{
    network.fit();
    document.body.setAttribute("data-stable", "1");
  }}
  window.registryNetwork = network;
}})();
</script>
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
