"""The map: where the registry's places are and the ties between them, drawn without a tile server.

Entities are placed by their own coordinates, or else where they are located
(a consulate ``located_in`` Trondheim sits in Trondheim). The deck has no base
map (pydeck's ``map_provider=None``); the land outline is Natural Earth's 1:110m land, shipped
in ``data/geo/``. Tooltips are plain text, never HTML.
"""

from __future__ import annotations

import html
import json
from functools import lru_cache
from typing import Any

import networkx as nx
import pandas as pd

from . import i18n, vocab
from .db import PROJECT_ROOT
from .view import KIND_STYLES, TIE_COLOURS, display_name

__all__ = ["OCEAN", "LAND_FILE", "POINT_COLUMNS", "ARC_COLUMNS", "place_of", "map_points", "map_arcs", "land", "graticule", "deck", "legend_html"]

#: The whole Web-Mercator world as one polygon: the sea under the land.
OCEAN = [{"polygon": [[-180, -85], [180, -85], [180, 85], [-180, 85]]}]
LAND_FILE = PROJECT_ROOT / "data" / "geo" / "land-110m.geojson"
POINT_COLUMNS = ("id", "name", "kind", "kind_label", "country", "lat", "lon", "placed_by", "colour", "radius", "tooltip")
ARC_COLUMNS = ("tie_id", "kind", "kind_label", "from_id", "to_id", "from_lat", "from_lon", "to_lat", "to_lon", "colour", "tooltip")


def _rgb(hex_colour: str, alpha: int = 220) -> list[int]:
    h = hex_colour.lstrip("#")
    return [int(h[i:i + 2], 16) for i in (0, 2, 4)] + [alpha]


def place_of(g: nx.MultiDiGraph) -> dict[str, tuple[float, float, str]]:
    """Return ``{entity id: (lat, lon, placed_by)}`` for every entity that has a place.

    ``placed_by`` is the entity's own id when it has coordinates, or the id of the
    entity it is ``located_in`` (one step) when it has none.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("home", lat=63.4, lon=10.4); g.add_node("consulate")
    >>> g.add_edge("consulate", "home", key="c--h", kind="located_in")
    'c--h'
    >>> place_of(g)["consulate"]
    (63.4, 10.4, 'home')
    """
    out: dict[str, tuple[float, float, str]] = {}
    for n, a in g.nodes(data=True):
        if a.get("lat") is not None and a.get("lon") is not None:
            out[n] = (float(a["lat"]), float(a["lon"]), n)
    for u, v, a in g.edges(data=True):
        if a.get("kind") == "located_in" and u not in out and v in out:
            out[u] = (out[v][0], out[v][1], v)
    return out


def map_points(g: nx.MultiDiGraph, lang: str) -> pd.DataFrame:
    """Return one row per placed entity (:data:`POINT_COLUMNS`), with colour and radius for drawing.

    Entities placed at another entity's position (consulates in a city) are listed
    but drawn by that entity's point; the tooltip of a point lists what sits there.
    """
    places = place_of(g)
    here: dict[str, list[str]] = {}
    for n, (_, _, by) in places.items():
        if by != n:
            here.setdefault(by, []).append(display_name(g.nodes[n], lang, n))
    degree = dict(g.degree())
    rows = []
    for n, (lat, lon, by) in sorted(places.items()):
        a = g.nodes[n]
        kind = a.get("kind")
        name = display_name(a, lang, n)
        tip = [name, vocab.label("entity_kinds", kind, lang)]
        if a.get("country_code"):
            tip.append(i18n.country_name(a["country_code"], lang))
        tip.append(i18n.t("view.ties_count", lang, n=degree.get(n, 0)))
        if here.get(n):
            tip.append(i18n.t("map.also_here", lang) + ": " + ", ".join(sorted(here[n])))
        rows.append({
            "id": n, "name": name, "kind": kind, "kind_label": vocab.label("entity_kinds", kind, lang),
            "country": i18n.country_name(a.get("country_code"), lang), "lat": lat, "lon": lon, "placed_by": by,
            "colour": _rgb(KIND_STYLES[kind].colour if kind in KIND_STYLES else "#999999"),
            "radius": 4 + min(degree.get(n, 0), 16) // 2 if by == n else 0,
            "tooltip": "\n".join(tip),
        })
    return pd.DataFrame(rows, columns=list(POINT_COLUMNS))


def map_arcs(g: nx.MultiDiGraph, lang: str) -> pd.DataFrame:
    """Return one row per tie whose two ends are placed apart (:data:`ARC_COLUMNS`)."""
    places = place_of(g)
    rows = []
    for u, v, k, a in g.edges(keys=True, data=True):
        if u not in places or v not in places or places[u][:2] == places[v][:2]:
            continue
        kind = a.get("kind")
        span = f"{a.get('start') or '?'}–{a.get('end') or ''}"
        rows.append({
            "tie_id": k, "kind": kind, "kind_label": vocab.label("tie_kinds", kind, lang), "from_id": u, "to_id": v,
            "from_lat": places[u][0], "from_lon": places[u][1], "to_lat": places[v][0], "to_lon": places[v][1],
            "colour": _rgb(TIE_COLOURS.get(kind, "#888888"), 200),
            "tooltip": f"{display_name(g.nodes[u], lang, u)} → {display_name(g.nodes[v], lang, v)}\n"
                       f"{vocab.label('tie_kinds', kind, lang)} ({span})",
        })
    return pd.DataFrame(rows, columns=list(ARC_COLUMNS))


@lru_cache(maxsize=1)
def land() -> dict[str, Any]:
    """Return the shipped land outline as GeoJSON (an empty collection when the file is missing)."""
    if not LAND_FILE.exists():
        return {"type": "FeatureCollection", "features": []}
    return json.loads(LAND_FILE.read_text(encoding="utf-8"))


def graticule(step: int = 30) -> list[dict[str, Any]]:
    """Return meridians and parallels every ``step`` degrees as paths of ``[lon, lat]`` points."""
    lines = [{"path": [[lon, lat] for lat in range(-80, 81, 5)]} for lon in range(-180, 181, step)]
    lines += [{"path": [[lon, lat] for lon in range(-180, 181, 5)]} for lat in range(-60, 61, step)]
    return lines


def deck(points: pd.DataFrame, arcs: pd.DataFrame, *, centre: tuple[float, float] = (45.0, 5.0), zoom: float = 1.3) -> Any:
    """Return a pydeck Deck drawing land, a graticule, the ties as arcs and the places as points.

    No base map and so no tile server; tooltips are text
    (``{tooltip}`` of the hovered row), never HTML.
    """
    import pydeck as pdk

    # pydeck reads a bare string as an accessor expression; quoted, it passes the text 'pixels'.
    layers = [
        pdk.Layer("SolidPolygonLayer", OCEAN, id="sea", get_polygon="polygon", get_fill_color=[207, 224, 236, 255], pickable=False),
        pdk.Layer("GeoJsonLayer", land(), id="land", stroked=True, filled=True, get_fill_color=[250, 250, 248, 255],
                  get_line_color=[160, 170, 180, 255], line_width_min_pixels=1, pickable=False),
        pdk.Layer("PathLayer", graticule(), id="graticule", get_path="path", get_color=[206, 212, 218, 160],
                  width_min_pixels=1, pickable=False),
        pdk.Layer("ArcLayer", arcs, id="ties", get_source_position=["from_lon", "from_lat"],
                  get_target_position=["to_lon", "to_lat"], get_source_color="colour", get_target_color="colour",
                  get_width=2, get_height=0.25, great_circle=False, pickable=True),
        pdk.Layer("ScatterplotLayer", points[points["radius"] > 0], id="places", get_position=["lon", "lat"],
                  get_fill_color="colour", get_radius="radius", radius_units="'pixels'", stroked=True,
                  get_line_color=[255, 255, 255, 255], line_width_min_pixels=1, pickable=True),
    ]
    view = pdk.ViewState(latitude=centre[0], longitude=centre[1], zoom=zoom, min_zoom=0.5, max_zoom=8)
    # map_provider=None with map_style left at pydeck's default is pydeck's "no base map";
    # Streamlit then draws no basemap either (an explicit None or "" makes it fill in one
    # from a third-party host).
    return pdk.Deck(layers=layers, initial_view_state=view, map_provider=None,
                    tooltip={"text": "{tooltip}"}, views=[pdk.View(type="MapView", controller=True)])


def legend_html(entity_kinds: list[str], tie_kinds: list[str], lang: str) -> str:
    """Return a small HTML legend of the point colours (entity kinds) and arc colours (tie kinds), escaped."""
    items = [
        f'<span style="display:inline-flex;align-items:center;gap:4px;margin-right:14px">'
        f'<span style="width:11px;height:11px;border-radius:50%;background:{KIND_STYLES[k].colour}"></span>'
        f"{html.escape(vocab.label('entity_kinds', k, lang))}</span>"
        for k in entity_kinds if k in KIND_STYLES
    ]
    items += [
        f'<span style="display:inline-flex;align-items:center;gap:4px;margin-right:14px">'
        f'<span style="width:18px;height:3px;background:{TIE_COLOURS.get(k, "#888888")}"></span>'
        f"{html.escape(vocab.label('tie_kinds', k, lang))}</span>"
        for k in tie_kinds
    ]
    return f'<div style="font-size:0.85rem;line-height:1.8">{"".join(items)}</div>'
