"""The pages stage: every page's first view under AppTest, each with empty caches (issue 19: at 100k they open)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from .apptest import PROJECT_ROOT
from .measure import Context, Record, skipped

__all__ = ["PAGES", "PAGES_TARGET", "PAGES_CHILD", "page_records", "stage_pages"]

#: The app's pages, as ``app.py`` lists them (the navigation order).
PAGES = ("overview", "network", "map", "sister_cities", "gaps", "strategy", "annual_report", "registry_browser", "import_export")
PAGES_TARGET = "every page's first view opens (issue 19): measured, no time target"
PAGES_CHILD = Path(__file__).with_name("pages_child.py")


def page_records(ctx: Context, out: dict[str, Any]) -> list[Record]:
    """Return one record per page (``pages:<page>``) from the child's output: its first view's seconds, and whether it opened."""
    records = []
    for name in PAGES:
        found = out.get(f"app_pages/{name}.py")
        stage = f"pages:{name}"
        if found is None:
            records.append(skipped(ctx, stage, "not measured"))
            continue
        rec = Record(
            ctx.size,
            stage,
            seconds=round(found["wall"], 3),
            target=PAGES_TARGET,
            baseline="none: the first view's wall time",
            extra={"cpu_seconds": round(found["cpu"], 3), "title": found.get("title")},
        )
        rec.met = not found["errors"]
        if found["errors"]:
            rec.missed_by = f"the page showed an error: {found['errors'][0].splitlines()[0][:200]}"
            rec.extra["errors"] = found["errors"]
        records.append(rec)
    return records


def stage_pages(ctx: Context) -> list[Record]:
    """Return the pages records: each page of the app opened once, with empty caches, in a child process."""
    if not (PROJECT_ROOT / "app.py").exists():
        return [skipped(ctx, f"pages:{n}", "no app.py beside bench/") for n in PAGES]
    if importlib.util.find_spec("streamlit") is None:
        return [skipped(ctx, f"pages:{n}", "streamlit is not installed") for n in PAGES]
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            PAGES_CHILD.read_text(encoding="utf-8"),
            str(PROJECT_ROOT),
            str(ctx.db),
            *(f"app_pages/{n}.py" for n in PAGES),
        ],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
    )
    out: dict[str, Any] = {}
    for line in proc.stdout.splitlines():
        try:
            found = json.loads(line)
        except ValueError:
            continue  # a page's own print, not a measurement
        if isinstance(found, dict):
            out.update(found)
    if not out:
        tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        return [skipped(ctx, f"pages:{n}", f"the app run failed: {tail}") for n in PAGES]
    return page_records(ctx, out)
