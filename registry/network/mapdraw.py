"""The map drawn as one self-contained HTML page: a 2D canvas, no WebGL, no script or tile from another host.

The Map page showed a pydeck (deck.gl) chart. At 10,000 entities its first view kept headless
Chromium's main thread busy for 1-2 s in single tasks: deck.gl's module evaluated on each page
load, its spec (every place with its tooltip) handled by the page's React, and the first WebGL
frame read back in one go without a graphics card. Here the places, lines and land are a compact
JSON block drawn on a plain canvas in a few milliseconds; drag pans, the wheel zooms, and the
hovered place or line is named in a tooltip set as text, never as HTML.
"""

from __future__ import annotations

import json
from typing import Any

import pandas as pd

from . import mapview

__all__ = ["MAP_HEIGHT", "map_data", "map_html"]

#: The drawing's height in pixels (the page's iframe is as high).
MAP_HEIGHT = 560


def _rings(geojson: dict[str, Any]) -> list[list[float]]:
    """Return every polygon ring of ``geojson`` as a flat ``[lon, lat, lon, lat, ...]`` list, to 2 decimals."""
    rings = []
    for feature in geojson.get("features", []):
        geometry = feature.get("geometry") or {}
        polygons = geometry.get("coordinates", [])
        if geometry.get("type") == "Polygon":
            polygons = [polygons]
        elif geometry.get("type") != "MultiPolygon":
            continue
        for polygon in polygons:
            for ring in polygon:
                # Natural Earth's 1:110m land is drawn at 0.1 degree at best: two decimals lose nothing visible.
                rings.append([round(float(c), 2) for point in ring for c in point[:2]])
    return rings


def map_data(points: pd.DataFrame, lines: pd.DataFrame, view: tuple[float, float, float]) -> dict[str, Any]:
    """Return what the drawing needs, as JSON-ready lists: places, lines, land rings, graticule and the first view.

    ``points`` are :func:`registry.network.mapview.map_points` rows (only those with a radius are
    drawn), ``lines`` :data:`registry.network.mapview.ARC_COLUMNS` or ``LINE_COLUMNS`` rows, ``view``
    ``(latitude, longitude, zoom)`` as :func:`registry.network.mapview.fit_view` returns it.

    >>> pts = pd.DataFrame({"lon": [10.4], "lat": [63.4], "colour": [[1, 2, 3, 220]], "radius": [5], "tooltip": ["Home"]})
    >>> data = map_data(pts, pd.DataFrame(columns=list(mapview.ARC_COLUMNS)), (63.4, 10.4, 3.0))
    >>> data["places"], data["lines"], data["view"]
    ([[10.4, 63.4, 1, 2, 3, 220, 5, 'Home']], [], [63.4, 10.4, 3.0])
    """
    drawn = points[points["radius"] > 0]
    places = [
        [float(lon), float(lat), *map(int, colour), int(radius), str(tip)]
        for lon, lat, colour, radius, tip in zip(drawn["lon"], drawn["lat"], drawn["colour"], drawn["radius"], drawn["tooltip"])
    ]
    widths = lines["width"] if "width" in lines else [2.0] * len(lines)
    ties = [
        [float(a), float(b), float(c), float(d), *map(int, colour), float(w), str(tip)]
        for a, b, c, d, colour, w, tip in zip(
            lines["from_lon"], lines["from_lat"], lines["to_lon"], lines["to_lat"], lines["colour"], widths, lines["tooltip"]
        )
    ]
    grid = [[*g["source"], *g["target"]] for g in mapview.graticule()]
    return {"places": places, "lines": ties, "land": _rings(mapview.land()), "graticule": grid, "view": list(view)}


def map_html(points: pd.DataFrame, lines: pd.DataFrame, view: tuple[float, float, float], *, title: str = "") -> str:
    """Return the map as a self-contained HTML page (see :func:`map_data` for the arguments); ``title`` names the canvas.

    The data sits in a ``application/json`` block with every ``<`` escaped, so no text of the
    registry can end it; tooltips are set with ``textContent``.
    """
    data = json.dumps(map_data(points, lines, view), ensure_ascii=False, separators=(",", ":"))
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    label = json.dumps(title).replace("<", "\\u003c")
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><style>"
        "html,body{margin:0;padding:0;overflow:hidden;font-family:sans-serif}"
        f"canvas{{display:block;width:100%;height:{MAP_HEIGHT}px;cursor:grab}}"
        "#tip{position:absolute;pointer-events:none;display:none;background:rgba(255,255,255,.95);border:1px solid #ccc;"
        "border-radius:4px;padding:4px 8px;font-size:12px;white-space:pre-line;max-width:360px;color:#222}"
        "</style></head><body><canvas id='map' role='img'></canvas><div id='tip'></div>"
        f"<script type='application/json' id='map-data'>{data}</script>"
        f"<script>var MAP_TITLE={label};{_JS}</script></body></html>"
    )


# Web Mercator as deck.gl has it: at zoom z the world is 512 * 2**z pixels wide.
_JS = """
(function () {
  var D = JSON.parse(document.getElementById("map-data").textContent);
  var cv = document.getElementById("map"), tip = document.getElementById("tip"), cx = cv.getContext("2d");
  cv.setAttribute("aria-label", MAP_TITLE);
  var W = 0, H = 0, R = window.devicePixelRatio || 1;
  function wx(lon) { return (lon + 180) / 360; }
  function wy(lat) { lat = Math.max(-85, Math.min(85, lat)); var s = Math.sin(lat * Math.PI / 180);
    return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI); }
  var zoom = D.view[2], mx = wx(D.view[1]), my = wy(D.view[0]);
  function scale() { return 512 * Math.pow(2, zoom); }
  function px(x) { return (x - mx) * scale() + W / 2; }
  function py(y) { return (y - my) * scale() + H / 2; }
  function rgba(c, a) { return "rgba(" + c[0] + "," + c[1] + "," + c[2] + "," + (a / 255) + ")"; }
  // Projected once: redraws only scale and shift.
  var land = D.land.map(function (r) { var o = []; for (var i = 0; i < r.length; i += 2) o.push(wx(r[i]), wy(r[i + 1])); return o; });
  var places = D.places.map(function (p) { return {x: wx(p[0]), y: wy(p[1]), c: rgba(p.slice(2), p[5]), r: p[6], t: p[7]}; });
  var lines = D.lines.map(function (l) { return {x1: wx(l[0]), y1: wy(l[1]), x2: wx(l[2]), y2: wy(l[3]),
    c: rgba(l.slice(4), l[7]), w: l[8], t: l[9]}; });
  var grid = D.graticule.map(function (g) { return [wx(g[0]), wy(g[1]), wx(g[2]), wy(g[3])]; });
  var dot = places.length > 500 ? 0.5 : 1;  // thousands of places: smaller dots
  var pending = false;
  function draw() {
    pending = false;
    cx.setTransform(R, 0, 0, R, 0, 0);
    cx.fillStyle = "rgb(207,224,236)"; cx.fillRect(0, 0, W, H);
    cx.fillStyle = "rgb(250,250,248)"; cx.beginPath();
    land.forEach(function (r) { cx.moveTo(px(r[0]), py(r[1])); for (var i = 2; i < r.length; i += 2) cx.lineTo(px(r[i]), py(r[i + 1])); cx.closePath(); });
    cx.fill("evenodd");
    cx.strokeStyle = "rgba(206,212,218,.63)"; cx.lineWidth = 1; cx.beginPath();
    grid.forEach(function (g) { cx.moveTo(px(g[0]), py(g[1])); cx.lineTo(px(g[2]), py(g[3])); });
    cx.stroke();
    lines.forEach(function (l) { cx.strokeStyle = l.c; cx.lineWidth = l.w; cx.beginPath();
      cx.moveTo(px(l.x1), py(l.y1)); cx.lineTo(px(l.x2), py(l.y2)); cx.stroke(); });
    cx.strokeStyle = "#fff"; cx.lineWidth = 1;
    places.forEach(function (p) { var x = px(p.x), y = py(p.y);
      if (x < -20 || y < -20 || x > W + 20 || y > H + 20) return;
      cx.fillStyle = p.c; cx.beginPath(); cx.arc(x, y, p.r * dot, 0, 2 * Math.PI); cx.fill(); cx.stroke(); });
    document.body.setAttribute("data-drawn", "1");
  }
  function redraw() { if (!pending) { pending = true; requestAnimationFrame(draw); } }
  function size() { W = cv.clientWidth; H = cv.clientHeight; cv.width = Math.round(W * R); cv.height = Math.round(H * R); draw(); }
  function near(ex, ey) {
    var best = null, bd = 1e9;
    places.forEach(function (p) { var dx = px(p.x) - ex, dy = py(p.y) - ey, d = Math.sqrt(dx * dx + dy * dy);
      if (d <= p.r * dot + 3 && d < bd) { best = p; bd = d; } });
    if (best) return best;
    lines.forEach(function (l) { var x1 = px(l.x1), y1 = py(l.y1), x2 = px(l.x2), y2 = py(l.y2), vx = x2 - x1, vy = y2 - y1;
      var t = Math.max(0, Math.min(1, ((ex - x1) * vx + (ey - y1) * vy) / (vx * vx + vy * vy || 1)));
      var dx = x1 + t * vx - ex, dy = y1 + t * vy - ey, d = Math.sqrt(dx * dx + dy * dy);
      if (d <= l.w / 2 + 3 && d < bd) { best = l; bd = d; } });
    return best;
  }
  var drag = null;
  cv.addEventListener("mousedown", function (e) { drag = [e.clientX, e.clientY, mx, my]; cv.style.cursor = "grabbing"; });
  window.addEventListener("mouseup", function () { drag = null; cv.style.cursor = "grab"; });
  cv.addEventListener("mousemove", function (e) {
    if (drag) { mx = drag[2] - (e.clientX - drag[0]) / scale(); my = drag[3] - (e.clientY - drag[1]) / scale(); tip.style.display = "none"; redraw(); return; }
    var hit = near(e.offsetX, e.offsetY);
    if (!hit) { tip.style.display = "none"; return; }
    tip.textContent = hit.t; tip.style.display = "block";
    tip.style.left = Math.min(e.offsetX + 12, W - 200) + "px"; tip.style.top = (e.offsetY + 12) + "px";
  });
  cv.addEventListener("mouseleave", function () { tip.style.display = "none"; });
  cv.addEventListener("wheel", function (e) {
    e.preventDefault();
    var ox = mx + (e.offsetX - W / 2) / scale(), oy = my + (e.offsetY - H / 2) / scale();
    zoom = Math.max(0.5, Math.min(8, zoom - e.deltaY / 300));
    mx = ox - (e.offsetX - W / 2) / scale(); my = oy - (e.offsetY - H / 2) / scale(); redraw();
  }, {passive: false});
  window.addEventListener("resize", size);
  size();
})();
"""
