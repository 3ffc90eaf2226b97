"""The view stage: the network view's HTML against ``json.dumps``, and its drawing timed in Chromium."""

from __future__ import annotations

import importlib.util
import json
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

from registry.store.db import connect

from . import measure
from .measure import Context, Record, judge, pair, record, skipped, timed, traced

__all__ = ["VIEW_MAX_NODES", "VIEW_MAX_BYTES", "CHROMIUM", "VIEW_MAX_TASK_SECONDS", "view_json", "browser_timing", "stage_view"]

VIEW_MAX_NODES = 1500
VIEW_MAX_BYTES = 1_200_000


def _default_view(conn: sqlite3.Connection, lang: str = "nb") -> tuple[Any, bool, dict[Any, tuple[float, float]], float, float]:
    """Return ``(graph to draw, aggregated?, positions, seconds to aggregate, seconds to lay out)``.

    The network page's default view: the registry as of this year, no other filter,
    with positions as the app computes (and caches) them.
    """
    from registry import view
    from registry.network.graph import GraphFilter, build_graph, filter_graph

    whole = build_graph(conn)
    full = filter_graph(whole, GraphFilter.make(as_of=date.today().year))
    agg = timed(lambda: view.drawable(full, lang))
    drawn, aggregated = agg.result
    if not aggregated and whole.number_of_nodes() <= view.MAX_DRAWN_NODES:
        placed = timed(lambda: view.layout(whole))
    else:
        placed = timed(lambda: view.layout(drawn))
    return drawn, aggregated, placed.result, agg.wall, placed.wall


def view_json(g: Any) -> str:
    """Return the baseline's JSON: the drawn graph's nodes and edges with their attributes, ``json.dumps``."""
    return json.dumps({"nodes": list(g.nodes(data=True)), "edges": list(g.edges(keys=True, data=True))}, ensure_ascii=False, default=str)


#: Debian's Chromium, driven by Playwright, for the view's drawing time.
CHROMIUM = "/usr/bin/chromium"
#: The view's target for the longest main-thread task while the default view draws (issue 6).
VIEW_MAX_TASK_SECONDS = 0.5

# Registered before the page's own scripts: every long task (> 50 ms) on the main thread,
# and when the page marked itself drawn and stable (see view.network_html).
_OBSERVE_JS = """
window.__tasks = [];
window.__marks = {};
try {
  new PerformanceObserver(function (list) {
    list.getEntries().forEach(function (e) { window.__tasks.push(e.duration); });
  }).observe({type: "longtask", buffered: true});
} catch (e) { window.__noLongtask = String(e); }
new MutationObserver(function () {
  var b = document.body;
  if (!b) return;
  ["drawn", "stable"].forEach(function (k) {
    if (b.getAttribute("data-" + k) && !(k in window.__marks)) window.__marks[k] = performance.now();
  });
}).observe(document, {attributes: true, subtree: true, attributeFilter: ["data-drawn", "data-stable"]});
"""


def browser_timing(page_path: Path, timeout_s: float = 120.0) -> dict[str, Any]:
    """Return how the page at ``page_path`` draws in headless Chromium: long tasks and draw times.

    Keys: ``longest_task_seconds`` (the longest main-thread task, 0 when none passed
    50 ms), ``long_tasks``, ``drawn_seconds`` and ``stable_seconds`` (from navigation
    start). One browser launch. ``{"browser_skipped": why}`` when Playwright or
    Chromium is missing or the page does not draw.
    """
    if importlib.util.find_spec("playwright") is None:
        return {"browser_skipped": "playwright is not installed"}
    if not Path(CHROMIUM).exists():
        return {"browser_skipped": f"{CHROMIUM} is not installed"}
    from playwright.sync_api import Error, sync_playwright

    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
            )
            try:
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                page.add_init_script(_OBSERVE_JS)
                page.goto(page_path.resolve().as_uri(), wait_until="load", timeout=timeout_s * 1000)
                page.wait_for_selector("body[data-stable='1']", timeout=timeout_s * 1000)
                # Two frames more: the first complete draw is done, and long tasks are reported.
                page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 100))))")
                found = page.evaluate("() => ({tasks: window.__tasks, marks: window.__marks, error: window.__noLongtask || null})")
            finally:
                browser.close()
    except Error as exc:
        return {"browser_skipped": f"the page did not draw in Chromium: {str(exc).splitlines()[0]}"}
    if found["error"]:
        return {"browser_skipped": f"no long-task timing in this browser: {found['error']}"}
    tasks = found["tasks"]
    marks = found["marks"]
    return {
        "longest_task_seconds": round(max(tasks, default=0.0) / 1000, 3),
        "long_tasks": len(tasks),
        "drawn_seconds": round(marks["drawn"] / 1000, 3) if "drawn" in marks else None,
        "stable_seconds": round(marks["stable"] / 1000, 3) if "stable" in marks else None,
    }


def stage_view(ctx: Context) -> Record:
    """Return the view record: the network view's HTML against ``json.dumps`` of the same nodes and edges."""
    # Looked up on the module, so that a test can make the view unavailable.
    network_html = measure.available("registry.view", "network_html")
    if network_html is None:
        return skipped(ctx, "view")
    from registry import view

    conn = connect(ctx.db)
    try:
        drawn, aggregated, positions, agg_s, layout_s = _default_view(conn)
    finally:
        conn.close()
    network_html(drawn, "nb", positions)  # once untimed: the first call reads the vis-network assets
    lib, raw = pair(ctx.repeat, lambda: network_html(drawn, "nb", positions), lambda: view_json(drawn))
    html_bytes = len(lib.result.encode("utf-8"))
    js, css = view.vis_assets()
    n = drawn.number_of_nodes()
    rec = record(
        ctx.size,
        "view",
        lib,
        raw,
        "json.dumps of the drawn nodes and edges",
        html_bytes=html_bytes,
        json_bytes=len(raw.result.encode("utf-8")),
        asset_bytes=len(js.encode("utf-8")) + len(css.encode("utf-8")),
        drawn_nodes=n,
        drawn_ties=drawn.number_of_edges(),
        aggregated=aggregated,
        physics=n <= view.PHYSICS_MAX_NODES,
        aggregate_seconds=agg_s,
        layout_seconds=layout_s,
    )
    if ctx.memory:
        rec.peak_mb = round(traced(lambda: len(network_html(drawn, "nb", positions)))[0], 1)
    checks = [("drawn nodes", n, VIEW_MAX_NODES), ("HTML bytes", html_bytes, VIEW_MAX_BYTES)]
    page = ctx.workdir / "view.html"
    page.write_text(lib.result, encoding="utf-8")
    drawing = browser_timing(page)
    rec.extra.update(drawing)
    if "longest_task_seconds" in drawing:
        checks.append(("longest task ms", round(drawing["longest_task_seconds"] * 1000), VIEW_MAX_TASK_SECONDS * 1000))
    return judge(rec, checks)
