"""The benchmark's output: the records as a plain-text table or JSON, and the machine they ran on."""

from __future__ import annotations

import json
import os
import platform
import sqlite3
from pathlib import Path
from typing import Any

from .measure import Record

__all__ = ["format_table", "machine", "write_json"]


def _fmt(value: float | None, spec: str) -> str:
    """Return ``value`` formatted by ``spec``, or '-' when there is none."""
    return "-" if value is None else format(value, spec)


def format_table(records: list[Record]) -> str:
    """Return the records as a plain-text table, one line per size and stage."""
    head = ("size", "stage", "seconds", "baseline s", "ratio", "target", "peak MB", "result")
    lines = [head]
    for r in records:
        if r.skipped:
            verdict = r.skipped
        elif r.met:
            verdict = "met"
        elif r.met is None:
            verdict = "-"
        else:
            verdict = f"MISSED: {r.missed_by}"
        limit = r.extra.get("target_ratio")
        lines.append(
            (
                f"{r.size:,}",
                r.stage,
                _fmt(r.seconds, ".3f"),
                _fmt(r.baseline_seconds, ".3f"),
                "-" if r.ratio is None else f"{r.ratio:.2f}x",
                "-" if limit is None else f"<= {limit:g}x",
                _fmt(r.peak_mb, ".1f"),
                verdict,
            )
        )
    widths = [max(len(row[i]) for row in lines) for i in range(len(head) - 1)]
    out = []
    for row in lines:
        cells = [c.rjust(w) if i not in (1,) else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths))]
        out.append("  ".join(cells + [row[-1]]))
    out.insert(1, "-" * len(out[0]))
    return "\n".join(out)


def machine() -> dict[str, Any]:
    """Return a description of this machine: CPU model, cores, memory, Python and library versions."""
    import networkx
    import pandas

    cpu = platform.processor() or platform.machine()
    mem_gb = None
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem_gb = round(int(line.split()[1]) / 1024**2, 1)
                break
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": mem_gb,
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "networkx": networkx.__version__,
        "pandas": pandas.__version__,
        "system": platform.system(),
    }


def write_json(records: list[Record], path: str | Path) -> None:
    """Write the records as a JSON list to ``path`` (one object per size and stage); return nothing."""
    Path(path).write_text(json.dumps([r.as_dict() for r in records], indent=2) + "\n", encoding="utf-8")
