"""Measuring a stage: the targets, the timers and the memory tracer, records and their judging."""

from __future__ import annotations

import gc
import importlib
import time
import tracemalloc
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

__all__ = [
    "Target",
    "TARGETS",
    "Record",
    "Run",
    "Context",
    "MIN_TIMED_SECONDS",
    "timed",
    "traced",
    "best",
    "pair",
    "record",
    "max_rss_mb",
    "judge",
    "available",
    "skipped",
]


@dataclass(frozen=True)
class Target:
    """A stage's goal: the ratio to its baseline (tighter at small sizes) and a memory cap."""

    ratio: float
    small_ratio: float | None = None  # applies at sizes up to ``small_up_to``
    small_up_to: int = 10_000
    peak_mb: float | None = None
    text: str = ""

    def ratio_at(self, size: int) -> float:
        """Return the ratio the stage must stay under at ``size``."""
        if self.small_ratio is not None and size <= self.small_up_to:
            return self.small_ratio
        return self.ratio


#: The targets of issue 6 (set for 100k entities / ~300k ties unless said).
TARGETS: dict[str, Target] = {
    "import": Target(3.0, text="validated import <= 3x raw executemany"),
    "graph": Target(4.0, 3.0, peak_mb=250, text="fetch + build <= 4x raw fetch (<= 3x at 10k and below), <= 250 MB"),
    "analysis": Target(20.0, text="full analysis <= 20x graph build"),
    "view": Target(2.0, text="<= 2x json.dumps, <= 1,500 drawn nodes, HTML <= 1.2 MB"),
    "app": Target(4.0, text="year step <= 4x (graph build + view) cold, <= 2x warm (issue 19)"),
}


@dataclass
class Record:
    """One stage at one size: the time, its baseline in the same run, and whether the target held."""

    size: int
    stage: str
    seconds: float | None = None
    baseline_seconds: float | None = None
    ratio: float | None = None
    peak_mb: float | None = None
    target: str = ""
    met: bool | None = None
    missed_by: str | None = None
    baseline: str = ""
    skipped: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """Return the record as a flat JSON-ready dict (``extra`` fields at the top level)."""
        d = asdict(self)
        d.update(d.pop("extra"))
        return d


@dataclass
class Context:
    """What the stages of one size share: the files and the registry the library imported."""

    size: int
    workdir: Path
    paths: list[Path]
    repeat: int
    memory: bool
    db: Path | None = None
    data: str = "synthetic"


class Run(NamedTuple):
    """One timed run: wall seconds, CPU seconds and what the function returned."""

    wall: float
    cpu: float
    result: Any


def timed(fn: Callable[[], Any]) -> Run:
    """Return the :class:`Run` of one call of ``fn``, after a garbage collection."""
    gc.collect()
    w0, c0 = time.perf_counter(), time.process_time()
    result = fn()
    return Run(time.perf_counter() - w0, time.process_time() - c0, result)


def traced(fn: Callable[[], Any]) -> tuple[float, float, Any]:
    """Return ``(peak MB, MB still held afterwards, result)`` of ``fn`` under tracemalloc."""
    gc.collect()
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        result = fn()
        current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return (peak - base) / 1e6, (current - base) / 1e6, result


def best(runs: list[Run]) -> Run:
    """Return the best wall and best CPU time, each over ``runs``, with the result of the last run."""
    return Run(min(r.wall for r in runs), min(r.cpu for r in runs), runs[-1].result)


#: Quick stages repeat until the library side has run this long (at most 10 times), so that
#: their best times are not one unlucky moment on a busy machine.
MIN_TIMED_SECONDS = 2.0


def pair(repeat: int, lib: Callable[[], Any], raw: Callable[[], Any]) -> tuple[Run, Run]:
    """Return the best ``(library run, baseline run)`` of ``repeat`` or more runs of each."""
    # Interleaved: both sides see the same machine state.
    libs, raws = [], []
    while len(libs) < repeat or (sum(r.wall for r in libs) < MIN_TIMED_SECONDS and len(libs) < 10):
        libs.append(timed(lib))
        raws.append(timed(raw))
    return best(libs), best(raws)


def record(size: int, stage: str, lib: Run, raw: Run, baseline: str, **extra: Any) -> Record:
    """Return a record of ``lib`` against ``raw``; the ratio is wall time over wall time, CPU time beside it."""
    extra.update(cpu_seconds=lib.cpu, baseline_cpu_seconds=raw.cpu, cpu_ratio=lib.cpu / raw.cpu if raw.cpu else None)
    return Record(size, stage, lib.wall, raw.wall, lib.wall / raw.wall, baseline=baseline, extra=extra)


def max_rss_mb() -> float | None:
    """Return this process's peak resident memory so far in MB, or None where it cannot be read."""
    try:
        import resource
    except ImportError:  # pragma: no cover - not on Windows
        return None
    # Linux reports kilobytes: the process's high-water mark so far, SQLite's cache included.
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def judge(rec: Record, checks: Iterable[tuple[str, float, float]] = (), limit: float | None = None) -> Record:
    """Fill ``met`` and ``missed_by`` from the ratio target (or ``limit``) and the ``(what, value, cap)`` checks.

    Returns ``rec`` itself.
    """
    target = TARGETS[rec.stage]
    limit = target.ratio_at(rec.size) if limit is None else limit
    rec.target = target.text
    rec.extra["target_ratio"] = limit
    misses = []
    if rec.ratio is not None and rec.ratio > limit:
        misses.append(f"ratio {rec.ratio:.2f}x > {limit:g}x (by {rec.ratio / limit:.2f}x)")
    for what, value, cap in checks:
        if value > cap:
            shown = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
            misses.append(f"{what} {shown} > {cap:,.0f} (by {value / cap:.2f}x)")
    rec.met = not misses if rec.ratio is not None else None
    rec.missed_by = "; ".join(misses) or None
    return rec


def available(module: str, name: str) -> Any | None:
    """Return ``module.name`` when it can be imported, else None (the stage is then skipped)."""
    try:
        return getattr(importlib.import_module(module), name, None)
    except ImportError:
        return None


def skipped(ctx: Context, stage: str, why: str = "not available") -> Record:
    """Return the record of a stage that did not run at ``ctx``'s size, saying why."""
    return Record(ctx.size, stage, skipped=f"skipped: {why}", target=TARGETS[stage].text if stage in TARGETS else "")
