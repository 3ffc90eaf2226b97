"""The map: where the registry's places are and the ties between them, drawn without a tile server.

Entities are placed by their own coordinates, or else where they are located
(a consulate ``located_in`` Trondheim sits in Trondheim). :mod:`registry.network.mapdraw` draws
them with no base map; the land outline is Natural Earth's 1:110m land, shipped in
``data/geo/``. Tooltips are plain text, never HTML.
"""

from __future__ import annotations

import html
import json
import math
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Any, NamedTuple

import networkx as nx
import pandas as pd

from .. import i18n, vocab
from ..store.db import PROJECT_ROOT
from ..view import KIND_STYLES, TIE_COLOURS, display_name

__all__ = [
    "OCEAN",
    "LAND_FILE",
    "POINT_COLUMNS",
    "ARC_COLUMNS",
    "LINE_COLUMNS",
    "MAX_MAP_TIES",
    "MAX_MAP_LINES",
    "MapLines",
    "PlaceCounts",
    "place_of",
    "map_points",
    "place_counts",
    "map_arcs",
    "map_lines",
    "fit_view",
    "land",
    "graticule",
    "legend_html",
]

#: The whole Web-Mercator world as one polygon: the sea under the land.
OCEAN = [{"polygon": [[-180, -85], [180, -85], [180, 85], [-180, 85]]}]
LAND_FILE = PROJECT_ROOT / "data" / "geo" / "land-110m.geojson"
POINT_COLUMNS = ("id", "name", "kind", "kind_label", "country", "lat", "lon", "placed_by", "colour", "radius", "tooltip")
ARC_COLUMNS = ("tie_id", "kind", "kind_label", "from_id", "to_id", "from_lat", "from_lon", "to_lat", "to_lon", "colour", "tooltip")
#: The lines drawn: ties (:data:`ARC_COLUMNS`) or merged ties, with how many ties each holds and its width in pixels.
LINE_COLUMNS = (*ARC_COLUMNS, "weight", "width")
#: Up to this many ties are drawn one by one. Past it they are merged into one line per pair of
#: countries (municipalities stay themselves), as the network view does: at 10k entities the
#: 8,700 single lines covered the map and kept headless Chromium busy for 6-7 s in one task.
MAX_MAP_TIES = 600
#: An aggregated map draws at most this many lines, the heaviest.
MAX_MAP_LINES = 400


def _rgb(hex_colour: str, alpha: int = 220) -> list[int]:
    h = hex_colour.lstrip("#")
    return [int(h[i : i + 2], 16) for i in (0, 2, 4)] + [alpha]


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
        rows.append(
            {
                "id": n,
                "name": name,
                "kind": kind,
                "kind_label": vocab.label("entity_kinds", kind, lang),
                "country": i18n.country_name(a.get("country_code"), lang),
                "lat": lat,
                "lon": lon,
                "placed_by": by,
                "colour": _rgb(KIND_STYLES[kind].colour if kind in KIND_STYLES else "#999999"),
                "radius": 4 + min(degree.get(n, 0), 16) // 2 if by == n else 0,
                "tooltip": "\n".join(tip),
            }
        )
    return pd.DataFrame(rows, columns=list(POINT_COLUMNS))


class PlaceCounts(NamedTuple):
    """What the Map counts, each number named for what it counts."""

    entities: int  #: entities with a known place: the rows of the places table
    places: int  #: the dots drawn; entities placed at another's place (consulates in a city) share its dot
    unplaced: int  #: entities of the graph without a known place, not on the map


def place_counts(g: nx.MultiDiGraph, points: pd.DataFrame) -> PlaceCounts:
    """Return the entities, the places (dots) and the unplaced entities of ``points`` (:func:`map_points` of ``g``).

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("oslo", lat=59.9, lon=10.7); g.add_node("consulate"); g.add_node("nowhere")
    >>> _ = g.add_edge("consulate", "oslo", kind="located_in")
    >>> place_counts(g, map_points(g, "en"))
    PlaceCounts(entities=2, places=1, unplaced=1)
    """
    return PlaceCounts(
        entities=len(points), places=int((points["placed_by"] == points["id"]).sum()), unplaced=g.number_of_nodes() - len(points)
    )


def map_arcs(g: nx.MultiDiGraph, lang: str) -> pd.DataFrame:
    """Return one row per tie whose two ends are placed apart (:data:`ARC_COLUMNS`)."""
    places = place_of(g)
    rows = []
    for u, v, k, a in g.edges(keys=True, data=True):
        if u not in places or v not in places or places[u][:2] == places[v][:2]:
            continue
        kind = a.get("kind")
        span = f"{a.get('start') or '?'}–{a.get('end') or ''}"
        rows.append(
            {
                "tie_id": k,
                "kind": kind,
                "kind_label": vocab.label("tie_kinds", kind, lang),
                "from_id": u,
                "to_id": v,
                "from_lat": places[u][0],
                "from_lon": places[u][1],
                "to_lat": places[v][0],
                "to_lon": places[v][1],
                "colour": _rgb(TIE_COLOURS.get(kind or "", "#888888"), 200),
                "tooltip": f"{display_name(g.nodes[u], lang, u)} → {display_name(g.nodes[v], lang, v)}\n"
                f"{vocab.label('tie_kinds', kind, lang)} ({span})",
            }
        )
    return pd.DataFrame(rows, columns=list(ARC_COLUMNS))


class MapLines(NamedTuple):
    """The lines of the map and what they stand for."""

    frame: pd.DataFrame  # :data:`LINE_COLUMNS`
    aggregated: bool  # one line per pair of countries
    ties: int  # ties with both ends placed apart
    omitted_lines: int  # merged lines left out (the lightest)
    omitted_ties: int  # ties inside them


def _group(n: str, attrs: dict[str, Any]) -> str:
    if attrs.get("kind") == "municipality" or not attrs.get("country_code"):
        return n
    return f"country:{attrs['country_code']}"


def map_lines(g: nx.MultiDiGraph, lang: str, max_ties: int = MAX_MAP_TIES, max_lines: int = MAX_MAP_LINES) -> MapLines:
    """Return the lines to draw for ``g``'s ties between placed entities (``located_in`` ties are never drawn).

    Up to ``max_ties`` ties each is a line. Past it, entities are merged by country (a
    municipality, or an entity with no country, stays itself) and each pair of groups is one
    line from the middle of one group's places to the other's, as wide as it has ties and
    coloured by its most common tie kind; ties within one group are not drawn, and only the
    ``max_lines`` heaviest lines are kept.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("home", kind="municipality", country_code="NO", lat=63.4, lon=10.4)
    >>> for i in range(3):
    ...     g.add_node(f"c{i}", kind="city", country_code="SE", lat=59.0 + i, lon=18.0)
    ...     _ = g.add_edge("home", f"c{i}", key=f"t{i}", kind="sister_city")
    >>> lines = map_lines(g, "en", max_ties=2)
    >>> lines.aggregated, lines.ties, lines.frame[["from_id", "to_id", "weight", "to_lat"]].values.tolist()
    (True, 3, [['country:SE', 'home', 3, 63.4]])
    """
    arcs = map_arcs(g, lang)
    arcs = arcs[arcs["kind"] != "located_in"].reset_index(drop=True)
    if len(arcs) <= max_ties:
        return MapLines(arcs.assign(weight=1, width=2.0)[list(LINE_COLUMNS)], False, len(arcs), 0, 0)
    places = place_of(g)
    group = {n: _group(n, g.nodes[n]) for n in places}
    spots: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for n, (lat, lon, by) in places.items():
        if by == n:
            spots[group[n]].append((lat, lon))
    kinds: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for u, v, kind in zip(arcs["from_id"], arcs["to_id"], arcs["kind"]):
        gu, gv = group[u], group[v]
        if gu != gv and spots[gu] and spots[gv]:
            kinds[(gu, gv) if gu < gv else (gv, gu)][kind] += 1
    merged = sorted(kinds.items(), key=lambda e: (-sum(e[1].values()), e[0]))
    kept, left = merged[:max_lines], merged[max_lines:]

    def middle(grp: str) -> tuple[float, float]:
        # The median place: a country's middle without its outliers (overseas territories).
        lats, lons = sorted(p[0] for p in spots[grp]), sorted(p[1] for p in spots[grp])
        return lats[len(lats) // 2], lons[len(lons) // 2]

    def name(grp: str) -> str:
        prefix, _, code = grp.partition(":")
        if prefix == "country" and grp not in g:
            return i18n.country_name(code, lang)
        return display_name(g.nodes[grp], lang, grp)

    rows = []
    for (a, b), counts in kept:
        (alat, alon), (blat, blon) = middle(a), middle(b)
        weight = sum(counts.values())
        top = counts.most_common(1)[0][0]
        by_count = sorted(counts.items(), key=lambda x: (-x[1], x[0]))
        listed = ", ".join(f"{vocab.label('tie_kinds', k, lang)}: {n}" for k, n in by_count)
        rows.append(
            {
                "tie_id": f"{a}|{b}",
                "kind": top,
                "kind_label": vocab.label("tie_kinds", top, lang),
                "from_id": a,
                "to_id": b,
                "from_lat": alat,
                "from_lon": alon,
                "to_lat": blat,
                "to_lon": blon,
                "colour": _rgb(TIE_COLOURS.get(top, "#888888"), 170),
                "tooltip": f"{name(a)} – {name(b)}\n{i18n.t('view.ties_count', lang, n=weight)}\n{listed}",
                "weight": weight,
                "width": round(1 + math.log2(weight), 1),
            }
        )
    frame = pd.DataFrame(rows, columns=list(LINE_COLUMNS))
    return MapLines(frame, True, len(arcs), len(left), sum(sum(c.values()) for _, c in left))


def fit_view(points: pd.DataFrame, width: int = 800, height: int = 560) -> tuple[float, float, float]:
    """Return ``(latitude, longitude, zoom)`` of a Web-Mercator view showing every drawn point of ``points``.

    ``width`` and ``height`` are the map's size in pixels; the zoom leaves a margin and stays
    between 0.5 (the world) and 6. The width is that of a narrow window: a wider map shows more
    around the places. No points: the world, centred on Europe.

    >>> fit_view(pd.DataFrame({"lat": [63.4, 47.1], "lon": [10.4, 15.4], "radius": [5, 5]}))
    (56.1, 12.9, 3.4)
    """
    drawn = points[points["radius"] > 0] if "radius" in points else points
    if drawn.empty:
        return (45.0, 5.0, 1.3)
    lat = drawn["lat"].clip(-80, 80)
    south, north, west, east = float(lat.min()), float(lat.max()), float(drawn["lon"].min()), float(drawn["lon"].max())

    def y(deg: float) -> float:  # Mercator, in radians of the world's 2*pi width
        return math.log(math.tan(math.pi / 4 + math.radians(deg) / 2))

    # At zoom z the world is 512 * 2**z pixels wide; fit both spans with a margin of a third.
    span_x = max(east - west, 0.5) / 360
    span_y = max(y(north) - y(south), 0.01) / (2 * math.pi)
    zoom = min(math.log2(width / (512 * span_x)), math.log2(height / (512 * span_y))) - math.log2(1.3)
    middle = math.degrees(2 * math.atan(math.exp((y(north) + y(south)) / 2)) - math.pi / 2)
    return (round(middle, 1), round((west + east) / 2, 1), round(min(max(zoom, 0.5), 6.0), 1))


@lru_cache(maxsize=1)
def land() -> dict[str, Any]:
    """Return the shipped land outline as GeoJSON (an empty collection when the file is missing)."""
    if not LAND_FILE.exists():
        return {"type": "FeatureCollection", "features": []}
    return json.loads(LAND_FILE.read_text(encoding="utf-8"))


def graticule(step: int = 30) -> list[dict[str, Any]]:
    """Return meridians and parallels every ``step`` degrees as straight segments of ``[lon, lat]`` ends.

    Both are straight lines on a Web-Mercator map, so one segment each suffices.

    >>> graticule(90)[0], len(graticule(90))
    ({'source': [-180, -80], 'target': [-180, 80]}, 7)
    """
    lines = [{"source": [lon, -80], "target": [lon, 80]} for lon in range(-180, 181, step)]
    lines += [{"source": [-180, lat], "target": [180, lat]} for lat in range(-60, 61, step)]
    return lines


def legend_html(entity_kinds: list[str], tie_kinds: list[str], lang: str) -> str:
    """Return a small HTML legend of the point colours (entity kinds) and arc colours (tie kinds), escaped."""
    items = [
        f'<span style="display:inline-flex;align-items:center;gap:4px;margin-right:14px">'
        f'<span style="width:11px;height:11px;border-radius:50%;background:{KIND_STYLES[k].colour}"></span>'
        f"{html.escape(vocab.label('entity_kinds', k, lang))}</span>"
        for k in entity_kinds
        if k in KIND_STYLES
    ]
    items += [
        f'<span style="display:inline-flex;align-items:center;gap:4px;margin-right:14px">'
        f'<span style="width:18px;height:3px;background:{TIE_COLOURS.get(k, "#888888")}"></span>'
        f"{html.escape(vocab.label('tie_kinds', k, lang))}</span>"
        for k in tie_kinds
    ]
    return f'<div style="font-size:0.85rem;line-height:1.8">{"".join(items)}</div>'
