"""The network view's HTML page: vis-network, the page's data and script, the legend and tooltips.

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
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from .. import i18n
from .encode import MIN_SIZE, NO_VALUE, RAMP, Encoding, Scale
from .rows import page_data
from .style import legend

__all__ = ["PHYSICS_MAX_NODES", "METRIC_TEXT", "vis_assets", "network_html"]

#: Above this many drawn nodes physics is off and the precomputed layout is final.
#: Measured in headless Chromium on this project's 2-core machine (page load to settled
#: drawing, random scale-free graphs, precomputed start positions): physics added
#: 0.3-0.5 s up to 100 nodes, 0.7 s at 150, 1.1 s at 300 and 3.0 s at 500, while a fixed
#: layout drew 1,500 nodes in 1.5 s in all. 150 keeps the settling under a second.
PHYSICS_MAX_NODES = 150

_VIS_DIR = ("templates", "lib", "vis-9.1.2")

#: The text key naming each thing node size or colour can encode (the legend's and the page's pickers' words).
METRIC_TEXT = {
    "kind": "view.metric_kind",
    "ties": "view.metric_ties",
    "betweenness": "view.metric_betweenness",
    "last_activity": "view.metric_last_activity",
}

# The page script lives in its own file so it can be read (and linted) as JavaScript;
# it is inlined into every page, so it is read once, here.
_PAGE_SCRIPT = resources.files(__package__).joinpath("network.js").read_text(encoding="utf-8")
assert "</script" not in _PAGE_SCRIPT.lower()  # inlined, so it must not be able to close its own element


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


def _script_json(data: Any) -> str:
    """Return ``data`` as JSON that is safe to write inside a ``<script>`` element."""
    # Escape the characters that could end the element or open a comment.
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _options(n: int, use_physics: bool) -> dict[str, Any]:
    """Return vis-network's options for a drawing of ``n`` nodes, with physics on or off."""
    return {
        "autoResize": True,
        "nodes": {"font": {"size": 13, "face": "system-ui, sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"}},
        "edges": {"smooth": False, "selectionWidth": 2},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": n > PHYSICS_MAX_NODES, "navigationButtons": False},
        "physics": (
            {
                "enabled": True,
                "solver": "forceAtlas2Based",
                "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 110},
                "stabilization": {"enabled": True, "iterations": 150, "fit": True},
            }
            if use_physics
            else {"enabled": False}
        ),
        "layout": {"improvedLayout": False, "randomSeed": 1},
    }


def _encode_data(rows: list[list[Any]], enc: Encoding) -> dict[str, Any]:
    """Return the page's ``encode`` data: per node row a size and a colour index (None: drawn as by default), and the colours."""
    palette: list[str] = [NO_VALUE]
    at: dict[str, int] = {NO_VALUE: 0}
    size: list[float | None] = []
    colour: list[int | None] = []
    for r in rows:
        node, group = r[0], r[2] == 1  # a country group (aggregated view) has no metrics: drawn as it is
        if enc.size_scale is None or group:
            size.append(None)
        else:
            size.append(enc.sizes.get(node, MIN_SIZE))
        if enc.colour_scale is None or group:
            colour.append(None)
            continue
        c = enc.colours.get(node, NO_VALUE)
        if c not in at:
            at[c] = len(palette)
            palette.append(c)
        colour.append(at[c])
    return {"size": size, "colour": colour, "palette": palette}


def _value(metric: str, value: float) -> str:
    """Return a metric's value as the legend writes it: years and counts whole, betweenness with three decimals."""
    return f"{value:.3f}" if metric == "betweenness" else f"{value:.0f}"


def _encoding_legend(enc: Encoding | None, lang: str) -> str:
    """Return the legend lines of a metric encoding (size: a small and a large dot; colour: the ramp), escaped; '' for none."""
    if enc is None:
        return ""
    parts: list[str] = []
    s: Scale | None = enc.size_scale
    if s is not None:
        name = html.escape(i18n.t(METRIC_TEXT[s.metric], lang))
        parts.append(
            f'<div class="scale" id="size-legend"><strong>{html.escape(i18n.t("view.size_by", lang, metric=name))}</strong>'
            f'<svg width="10" height="16" aria-hidden="true"><circle cx="5" cy="8" r="3" fill="#777"/></svg>'
            f"<span>{html.escape(_value(s.metric, s.low))}</span>"
            f'<svg width="22" height="22" aria-hidden="true"><circle cx="11" cy="11" r="10" fill="#777"/></svg>'
            f"<span>{html.escape(_value(s.metric, s.high))}</span></div>"
        )
    c: Scale | None = enc.colour_scale
    if c is not None:
        name = html.escape(i18n.t(METRIC_TEXT[c.metric], lang))
        stops = "".join(f'<stop offset="{i / (len(RAMP) - 1):.2f}" stop-color="{x}"/>' for i, x in enumerate(RAMP))
        missing = (
            (
                f'<svg width="14" height="14" aria-hidden="true"><circle cx="7" cy="7" r="6" fill="{NO_VALUE}"/></svg>'
                f"<span>{html.escape(i18n.t('view.no_value', lang))}</span>"
            )
            if c.missing
            else ""
        )
        parts.append(
            f'<div class="scale" id="colour-legend"><strong>{html.escape(i18n.t("view.colour_by", lang, metric=name))}</strong>'
            f"<span>{html.escape(_value(c.metric, c.low))}</span>"
            f'<svg width="90" height="12" aria-hidden="true"><defs><linearGradient id="ramp">{stops}</linearGradient></defs>'
            f'<rect width="90" height="12" fill="url(#ramp)"/></svg>'
            f"<span>{html.escape(_value(c.metric, c.high))}</span>{missing}</div>"
        )
    return "\n".join(parts)


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
    encoding: Encoding | None = None,
) -> str:
    """Return an HTML page drawing ``g`` with vis-network, with a legend and tooltips on hover.

    ``positions`` (from :func:`layout`) fix where nodes start; nodes missing from
    it are placed by vis-network. Physics is on only for graphs of at most
    :data:`PHYSICS_MAX_NODES` nodes that are not all placed by ``positions``
    (unless ``physics`` says otherwise) and stops
    once the layout has settled. The page sets ``data-drawn="1"`` on its body
    after the first complete draw and ``data-stable="1"`` once nodes stay put, for
    tests. An aggregated graph whose lighter group edges were left out (see
    :func:`aggregate_by_country`) says so under the drawing. ``g`` is not changed.

    By default the page is self-contained (vis-network's script and style inlined).
    ``assets`` names a folder URL on the page's own server holding
    ``vis-network.min.js`` and ``vis-network.css`` instead (the app passes its
    static folder, so each rerun does not send the 700 KB script again).

    ``encoding`` (from :func:`~.encode.encoding`) sizes and colours the entities by a
    metric instead of by ties drawn and kind; the legend then shows its scales.
    A click on an entity lights it and its neighbours (the rest fades) and tells the
    page around the drawing; the page can light an entity by a ``registry-highlight``
    message (the drawing asks for it with ``registry-ready`` once drawn).
    """
    positions = positions or {}
    n = g.number_of_nodes()
    # A full precomputed layout already keeps labels apart (positions.layout); physics would undo it.
    placed = bool(positions) and all(node in positions for node in g)
    use_physics = (n <= PHYSICS_MAX_NODES and not placed) if physics is None else physics
    data = page_data(g, lang, positions, focus, set(highlight_nodes), set(highlight_ties))
    data["physics"] = use_physics
    data["options"] = _options(n, use_physics)
    if encoding is not None:
        data["encode"] = _encode_data(data["nodes"], encoding)
    if assets is None:
        js, css = vis_assets()
        head = f"<style>{css}</style>\n<script>{js}</script>"
    else:
        folder = html.escape(assets.rstrip("/"), quote=True)
        head = f'<link rel="stylesheet" href="{folder}/vis-network.css">\n<script src="{folder}/vis-network.min.js"></script>'
    caption = html.escape(
        i18n.t(
            "view.caption", lang, nodes=i18n.t("view.nodes_count", lang, n=n), ties=i18n.t("view.ties_count", lang, n=g.number_of_edges())
        )
    )
    save = html.escape(i18n.t("view.save_png", lang))
    omitted = g.graph.get("omitted_ties") or 0
    note = (
        f'<p class="note">{html.escape(i18n.t("view.omitted", lang, n=omitted, ties=g.graph.get("omitted_weight", 0)))}</p>'
        if omitted
        else ""
    )
    return f"""<!DOCTYPE html>
<html lang="{"nb" if lang == "nb" else "en"}"><head><meta charset="utf-8">
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
.by-metric .legend li svg circle, .by-metric .legend li svg rect, .by-metric .legend li svg polygon {{ fill: #9a9a9a; }}
.scale {{ display: flex; flex-wrap: wrap; align-items: center; gap: 2px 8px; padding: 4px 4px 0; font-size: 12px; color: #333; }}
.scale strong {{ margin-right: 2px; }}
.note {{ margin: 4px; font-size: 12px; color: #555; }}
#save {{ position: absolute; top: 6px; right: 6px; z-index: 4; font: 12px system-ui, sans-serif; padding: 3px 8px; color: #333;
  background: #ffffffe0; border: 1px solid #c4c9d0; border-radius: 4px; cursor: pointer; }}
#save:hover {{ background: #f0f2f6; }}
</style>
</head><body>
<div id="wrap"><div id="net" role="img" aria-label="{caption}"></div><div id="tooltip" role="tooltip"></div>
<button id="save" type="button">{save}</button></div>
<div class="{"by-metric" if encoding is not None and encoding.colour_scale else ""}">{legend(g, lang)}</div>
{_encoding_legend(encoding, lang)}
{note}
<script>
window.registryData = {_script_json(data)};
</script>
<script>
{_PAGE_SCRIPT}</script>
</body></html>"""
