"""The map stage: the app's Map page opened in headless Chromium, its longest main-thread task against 0.3 s."""

from __future__ import annotations

import importlib.util
import time
from pathlib import Path
from typing import Any

from .apptest import PROJECT_ROOT
from .browser import CHROMIUM
from .measure import Context, Record, skipped
from .server import serve

__all__ = ["MAP_MAX_TASK_SECONDS", "MAP_TARGET", "map_timing", "map_record", "stage_map"]

#: Issue 19: while the Map page opens at 10k entities, no main-thread task may take longer.
MAP_MAX_TASK_SECONDS = 0.3
MAP_TARGET = "the Map page's longest browser task <= 0.3 s (issue 19)"

# Registered before the page's own scripts: every main-thread task over 50 ms, the page's and its frames'.
_LONG_TASKS = """window.__tasks = [];
try {
  new PerformanceObserver(l => l.getEntries().forEach(e => window.__tasks.push(e.duration)))
    .observe({type: "longtask", buffered: true});
} catch (e) { window.__noLongtask = String(e); }"""


def map_timing(url: str, settle_s: float = 4.0, timeout_s: float = 300.0) -> dict[str, Any]:
    """Return how the Map page at ``url`` opens in headless Chromium: its long tasks and when the map appeared.

    Keys: ``longest_task_seconds`` (0 when no task passed 50 ms), ``long_tasks``, ``tasks_ms``
    (the five longest), ``canvas_seconds`` (from navigation to the map's canvas). The map is
    given ``settle_s`` after its canvas appears: deck.gl sets up and draws after that.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
        )
        try:
            page = browser.new_context(viewport={"width": 1400, "height": 1800}).new_page()
            page.add_init_script(_LONG_TASKS)
            start = time.perf_counter()
            page.goto(f"{url}/map?lang=en", wait_until="load", timeout=timeout_s * 1000)
            page.wait_for_selector("[data-testid='stDeckGlJsonChart'] canvas", timeout=timeout_s * 1000)
            canvas = time.perf_counter() - start
            page.wait_for_timeout(settle_s * 1000)
            found = page.evaluate("() => ({tasks: window.__tasks, error: window.__noLongtask || null})")
        finally:
            browser.close()
    if found["error"]:
        return {"browser_skipped": f"no long-task timing in this browser: {found['error']}"}
    tasks = sorted(found["tasks"])
    return {
        "longest_task_seconds": round(max(tasks, default=0.0) / 1000, 3), "long_tasks": len(tasks),
        "tasks_ms": [round(t) for t in tasks[-5:]], "canvas_seconds": round(canvas, 3),
    }


def map_record(ctx: Context, timing: dict[str, Any]) -> Record:
    """Return the map record of ``timing`` (see :func:`map_timing`): its seconds are the longest task's."""
    if "longest_task_seconds" not in timing:
        return skipped(ctx, "map", timing.get("browser_skipped", "not measured"))
    longest = timing["longest_task_seconds"]
    rec = Record(ctx.size, "map", seconds=longest, target=MAP_TARGET, baseline="none: an absolute cap", extra=dict(timing))
    rec.extra["target_seconds"] = MAP_MAX_TASK_SECONDS
    rec.met = longest <= MAP_MAX_TASK_SECONDS
    if not rec.met:
        rec.missed_by = f"longest task {longest * 1000:,.0f} ms > {MAP_MAX_TASK_SECONDS * 1000:,.0f} (by {longest / MAP_MAX_TASK_SECONDS:.2f}x)"
    return rec


def stage_map(ctx: Context) -> Record:
    """Return the map record: the Map page of ``ctx``'s registry served and opened once in headless Chromium."""
    if not (PROJECT_ROOT / "app.py").exists():
        return skipped(ctx, "map", "no app.py beside bench/")
    if importlib.util.find_spec("playwright") is None or importlib.util.find_spec("streamlit") is None:
        return skipped(ctx, "map", "playwright or streamlit is not installed")
    if not Path(CHROMIUM).exists():
        return skipped(ctx, "map", f"{CHROMIUM} is not installed")
    try:
        with serve(ctx.db, ctx.workdir / "map-server.log") as url:
            timing = map_timing(url)
    except Exception as exc:  # noqa: BLE001 - Playwright's errors and a server that did not start: the record says why
        return skipped(ctx, "map", f"the Map page did not open: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}")
    return map_record(ctx, timing)
