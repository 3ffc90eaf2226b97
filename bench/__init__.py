"""The benchmark: each stage of the registry timed against a raw baseline in the same run.

For every size, a synthetic registry (:mod:`registry.io.synth`) goes through the
stages below. Each stage is timed next to a baseline doing the same work with
the plain stack, so the ratio holds on any machine; peak memory is measured in a
separate pass under ``tracemalloc`` (Python allocations; SQLite's own page cache
is not counted), because tracing slows allocation-heavy code several times.

========  ===========================================  =====================================
stage     the registry                                 the baseline
========  ===========================================  =====================================
import    validated, audited, all-or-nothing import    pandas ``read_csv`` + ``executemany``
graph     ``build_graph`` (fetch + networkx build)     ``SELECT ... fetchall()`` of the rows
analysis  the full analysis of the registry            the graph build
view      network view HTML for the default view       ``json.dumps`` of its nodes and edges
app       AppTest rerun of the network page after a    the page's floor: ``build_graph`` +
          new year, cold and warm (``app``)            the default view's HTML, beside it
          of the Registry page after a search          AppTest rerun of a bare page
          (``app:registry``) and of the Gaps page
          after a search (``app:gaps``)
map       the Map page opened in headless Chromium:    none: its longest main-thread task
          its longest main-thread task                 against 0.3 s
pages     every page's first view, empty caches        none: measured (only when named:
          (``pages:<page>``)                           ``--stages pages``, for 100k)
========  ===========================================  =====================================

The parts: :mod:`~bench.measure` (timers, records, targets),
:mod:`~bench.stages` (import, graph, analysis), :mod:`~bench.browser`
(view), :mod:`~bench.apptest` (app), :mod:`~bench.map_page` (map), :mod:`~bench.pages` (pages),
:mod:`~bench.report` (table, JSON).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from registry.io import synth

from .apptest import stage_app
from .browser import stage_view
from .map_page import stage_map
from .measure import TARGETS, Context, Record, Target, max_rss_mb
from .pages import stage_pages
from .report import format_table, machine, write_json
from .stages import stage_analysis, stage_graph, stage_import

__all__ = ["STAGES", "DEFAULT_STAGES", "DEFAULT_SIZES", "Target", "TARGETS", "Record", "run", "format_table", "write_json", "machine"]

STAGES = ("import", "graph", "analysis", "view", "app", "map", "pages")
#: Run when no stage is named: every stage but ``pages`` (each page opened cold: for the 100k check).
DEFAULT_STAGES = tuple(s for s in STAGES if s != "pages")
DEFAULT_SIZES = (1000, 10_000, 100_000)

_STAGE_FUNCS: dict[str, Callable[[Context], Record | list[Record]]] = {
    "import": stage_import,
    "graph": stage_graph,
    "analysis": stage_analysis,
    "view": stage_view,
    "app": stage_app,
    "map": stage_map,
    "pages": stage_pages,
}


def run(
    sizes: Iterable[int] = DEFAULT_SIZES,
    *,
    stages: Iterable[str] = DEFAULT_STAGES,
    seed: int = 0,
    repeat: int | None = None,
    memory: bool = True,
    seed_app: bool = True,
    workdir: str | Path | None = None,
    progress: Callable[[Record], None] | None = None,
) -> list[Record]:
    """Return one :class:`Record` per size and stage, each timed against its baseline in this run.

    ``repeat`` is how many times each side runs (best time kept); by default 3 up
    to 10k entities and 1 above. With ``seed_app`` and the app stage, the app is
    also measured on the seed data of ``data/`` (its own target), as a record whose
    ``data`` is 'seed'. ``progress`` is called with each record as it is done.
    Stages run in :data:`STAGES` order; the import always runs, as it writes the
    registry the others read.
    """
    wanted = set(stages)
    unknown = wanted - set(STAGES)
    if unknown:
        raise ValueError(f"unknown stage(s) {', '.join(sorted(unknown))}; expected {', '.join(STAGES)}")
    sizes = list(sizes)
    if any(n < 50 for n in sizes):
        raise ValueError("sizes must be at least 50 entities")
    wanted.add("import")
    records: list[Record] = []

    def done(rec: Record) -> None:
        rec.extra["max_rss_mb"] = max_rss_mb()
        records.append(rec)
        if progress:
            progress(rec)

    own = workdir is None
    base = Path(tempfile.mkdtemp(prefix="registry-bench-")) if own else Path(workdir)  # type: ignore[arg-type]
    try:
        for size in sizes:
            work = base / str(size)
            work.mkdir(parents=True, exist_ok=True)
            paths = synth.synthetic_files(size, work / "csv", seed=seed)
            ctx = Context(size, work, paths, repeat or (3 if size <= 10_000 else 1), memory)
            for stage in STAGES:
                if stage in wanted:
                    result = _STAGE_FUNCS[stage](ctx)
                    for rec in result if isinstance(result, list) else [result]:
                        done(rec)
        if "app" in wanted and seed_app:
            from registry.io.seed import init

            work = base / "seed"
            work.mkdir(parents=True, exist_ok=True)
            report = init(work / "seed.db", force=True)
            ctx = Context(
                report.counts.get("entities", {}).get("inserted", 0), work, [], repeat or 3, memory, db=work / "seed.db", data="seed"
            )
            for rec in stage_app(ctx):
                done(rec)
    finally:
        if own:
            shutil.rmtree(base, ignore_errors=True)
    return records
