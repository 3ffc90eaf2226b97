"""The app stage: AppTest reruns of the network, Registry and Gaps pages against a bare page's rerun."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from .measure import Context, Record, Run, best, judge, record, skipped

__all__ = ["CHILD_SCRIPT", "FLOOR", "APP_WARM_RATIO", "network_record", "page_record", "stage_app"]

#: The app stage's baseline (issue 19): the network page's own floor.
FLOOR = "build_graph + the default view's network_html, timed beside each year step"
#: A year step back to a year the session has drawn: at most this many times the floor.
APP_WARM_RATIO = 2.0

# The app stage runs in a child process: registry/ never imports streamlit, and the
# app's caches and memory stay out of this process. It prints one JSON object.
CHILD_SCRIPT = Path(__file__).with_name("apptest_child.py")
#: The checkout the benchmark sits in, beside ``app.py`` and ``app_pages/``: the app it drives.
PROJECT_ROOT = Path(__file__).resolve().parent.parent


def page_record(ctx: Context, name: str, page: dict[str, Any]) -> Record:
    """Return the record of one more page (``app:<name>``): a rerun after a new search against a bare page's rerun."""
    stage = f"app:{name}"
    if not page.get("lib"):
        return skipped(ctx, stage, f"the page raised: {(page.get('error') or ['?'])[0]}")
    lib = best([Run(w, c, None) for w, c in page["lib"]])
    raw = best([Run(w, c, None) for w, c in page["raw"]])
    rec = record(
        ctx.size,
        stage,
        lib,
        raw,
        "AppTest rerun of a bare page (one st.write)",
        data=ctx.data,
        page=name,
        first_view_seconds=page["first_view"][0],
        first_view_bytes=page["first_view_bytes"],
        rerun_bytes=page["rerun_bytes"],
    )
    if page.get("error"):
        rec.extra["errors"] = page["error"]
    # Issue 11 sets no ratio for these pages: the record is the measurement (met stays None).
    rec.target = "no target: measured (issue 11, item 5)"
    return rec


def network_record(ctx: Context, out: dict[str, Any]) -> Record:
    """Return the network page's record (``app``) from the child's output: the cold year step against the page's floor.

    Issue 19: the floor is building the graph and the default view's HTML, timed beside
    each step; the cold step (a year not drawn yet) must stay within 4x of it and the
    warm step (back to a year drawn before) within :data:`APP_WARM_RATIO` times.
    """
    lib = best([Run(w, c, None) for w, c in out["lib"]])
    bare = best([Run(w, c, None) for w, c in out["raw"]])
    floor = best([Run(w, c, None) for w, c in out["floor"]])
    warm = best([Run(w, c, None) for w, c in out["warm"]])
    rec = record(
        ctx.size,
        "app",
        lib,
        floor,
        FLOOR,
        data=ctx.data,
        warm_seconds=warm.wall,
        warm_ratio=warm.wall / floor.wall,
        bare_seconds=bare.wall,
        bare_ratio=lib.wall / bare.wall,
        first_run_seconds=out["first_run"][0],
        network_first_seconds=out["network_first"][0],
        unchanged_rerun_seconds=out["unchanged"][0],
        html_bytes=out.get("html_bytes"),
        child_max_rss_mb=None if out.get("max_rss_mb") is None else round(out["max_rss_mb"], 1),
    )
    if out.get("peak_mb") is not None:
        rec.peak_mb = round(out["peak_mb"], 1)
    if out.get("error"):
        rec.extra["errors"] = out["error"]
    return judge(rec, [("warm ratio", round(warm.wall / floor.wall, 2), APP_WARM_RATIO)])


def stage_app(ctx: Context) -> list[Record]:
    """Return the app records: AppTest reruns of the network page (against its floor), the Registry and Gaps pages.

    Network (``app``): the filter change moves the as-of year, so each rerun misses
    the page's caches (cold), timed against the page's floor (the graph build and the
    default view's HTML, timed beside it; see :func:`network_record`). Registry and Gaps
    (``app:registry``, ``app:gaps``): a new search on each rerun, after the page's first
    view (timed too, with the bytes of its elements), against a bare page's rerun (a
    Streamlit script that writes one line).
    """
    records = [skipped(ctx, stage) for stage in ("app", "app:registry", "app:gaps")]
    if not (PROJECT_ROOT / "app.py").exists() or not (PROJECT_ROOT / "app_pages" / "network.py").exists():
        return records
    if importlib.util.find_spec("streamlit") is None:
        return [skipped(ctx, r.stage, "streamlit is not installed") for r in records]
    # Given to ``python -c`` as text: ``-m`` would import the registry package (pandas, networkx)
    # before the app does, skewing the first run and the memory, and running the file would put
    # bench/ on the child's sys.path.
    script = CHILD_SCRIPT.read_text(encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-c", script, str(PROJECT_ROOT), str(ctx.db), str(ctx.repeat), "1" if ctx.memory else "0"],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
    )
    lines = proc.stdout.strip().splitlines()
    try:
        out = json.loads(lines[-1])
    except (IndexError, ValueError):
        tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        return [skipped(ctx, r.stage, f"the app run failed: {tail}") for r in records]
    if out.get("error") and "lib" not in out:
        return [skipped(ctx, r.stage, f"the network page raised: {out['error'][0]}") for r in records]
    pages = out.get("pages", {})
    return [network_record(ctx, out)] + [
        page_record(ctx, name, pages.get(name, {"error": ["not measured"]})) for name in ("registry", "gaps")
    ]
