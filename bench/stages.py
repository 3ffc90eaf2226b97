"""The import, graph and analysis stages, each with the raw baseline it is timed against."""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from registry.store.db import connect
from registry.store.schema import DATA_TABLES

from . import measure
from .measure import TARGETS, Context, Record, best, judge, pair, record, skipped, timed, traced

__all__ = ["ACTOR", "TRACE_ANALYSIS_MAX", "raw_import", "raw_fetch", "stage_import", "stage_graph", "stage_analysis"]

ACTOR = "bench"
_TRACK_DEFAULTS = {"version": 1, "updated_at": "1970-01-01T00:00:00+00:00", "updated_by": ACTOR}


def _fresh_db(workdir: Path, name: str) -> sqlite3.Connection:
    """Return a connection to a new, empty registry ``name``.db in ``workdir`` (any old one removed)."""
    path = workdir / f"{name}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return connect(path)


# --- import ---------------------------------------------------------------------------------


def raw_import(conn: sqlite3.Connection, paths: list[Path]) -> int:
    """Return the rows written by the baseline: pandas ``read_csv`` + ``executemany`` in one transaction.

    Same files (each to the table it is named after, in the schema's order), same
    schema, same connection settings (the import's page cache too), same tracking
    values; no validation, no audit.
    """
    import pandas as pd

    from registry.io.ingest import IMPORT_CACHE_SIZE

    total = 0
    # The library's import enlarges SQLite's page cache while it runs; the baseline gets the same,
    # so the ratio measures validation and audit, not a pragma.
    conn.execute(f"PRAGMA cache_size = {IMPORT_CACHE_SIZE}")
    # Every file the library imports, by its table, parents first: the same rows on both sides.
    by_table = {Path(p).stem: Path(p) for p in paths}
    unknown = set(by_table) - {t.name for t in DATA_TABLES}
    if unknown:
        raise ValueError(f"no data table for {', '.join(sorted(unknown))}")
    conn.execute("BEGIN IMMEDIATE")
    for t in DATA_TABLES:
        if t.name not in by_table:
            continue
        df = pd.read_csv(by_table[t.name], dtype=str, keep_default_na=False, na_values=[""])
        if df.empty:
            continue
        for k, v in _TRACK_DEFAULTS.items():
            df[k] = v
        cols = list(df.columns)
        # Empty cells are NaN in pandas and must be NULL here (coded columns have foreign keys).
        rows = df.astype(object).where(df.notna(), None).itertuples(index=False, name=None)
        sql = f"INSERT INTO [{t.name}] ({', '.join(f'[{c}]' for c in cols)}) VALUES ({', '.join('?' * len(cols))})"
        total += conn.executemany(sql, rows).rowcount
    conn.execute("COMMIT")
    return total


def _with_fresh(workdir: Path, name: str, fn: Callable[[Any], Any], timer: Callable[..., Any]) -> Any:
    """Return what ``timer`` returns for ``fn`` run on a fresh registry ``name``.db."""
    # Creating the file is not measured: connect() migrates a new registry first.
    conn = _fresh_db(workdir, name)
    try:
        return timer(lambda: fn(conn))
    finally:
        conn.close()


def stage_import(ctx: Context) -> Record:
    """Return the import record; leaves the library's registry at ``ctx.db``."""
    from registry.io.ingest import import_files

    def lib(conn: sqlite3.Connection) -> Any:
        return import_files(conn, ctx.paths, actor=ACTOR)

    def raw(conn: sqlite3.Connection) -> int:
        return raw_import(conn, ctx.paths)

    libs, raws = [], []
    for _ in range(ctx.repeat):
        libs.append(_with_fresh(ctx.workdir, "library", lib, timed))
        raws.append(_with_fresh(ctx.workdir, "raw", raw, timed))
    best_lib, best_raw = best(libs), best(raws)
    rec = record(
        ctx.size,
        "import",
        best_lib,
        best_raw,
        "pandas read_csv + executemany into the same schema; no validation, no audit",
        rows=best_lib.result.total("inserted"),
        raw_rows=best_raw.result,
        tables={name: c.get("inserted", 0) for name, c in best_lib.result.counts.items()},
    )
    if ctx.memory:
        rec.peak_mb = round(_with_fresh(ctx.workdir, "library", lib, traced)[0], 1)
    ctx.db = ctx.workdir / "library.db"
    return judge(rec)


# --- graph ----------------------------------------------------------------------------------


def raw_fetch(conn: sqlite3.Connection) -> int:
    """Return the rows the baseline fetched: the graph's entity and tie columns, ``fetchall()``."""
    from registry.network.graph import _ENTITY_COLS, _TIE_COLS

    nodes = conn.execute(f"SELECT {', '.join(_ENTITY_COLS)} FROM entities").fetchall()
    edges = conn.execute(f"SELECT {', '.join(f'[{c}]' for c in _TIE_COLS)} FROM ties").fetchall()
    return len(nodes) + len(edges)


def stage_graph(ctx: Context) -> Record:
    """Return the graph record: ``build_graph`` against a raw fetch of the same rows."""
    from registry.network.graph import build_graph

    conn = connect(ctx.db)
    try:
        raw_fetch(conn)  # warm the OS cache for both sides
        lib, raw = pair(ctx.repeat, lambda: build_graph(conn), lambda: raw_fetch(conn))
        g = lib.result
        rec = record(
            ctx.size,
            "graph",
            lib._replace(result=None),
            raw,
            "SELECT of the same columns, fetchall()",
            nodes=g.number_of_nodes(),
            edges=g.number_of_edges(),
            raw_rows=raw.result,
        )
        del g, lib
        checks = []
        if ctx.memory:
            peak, held, g = traced(lambda: build_graph(conn))
            del g
            rec.peak_mb = round(peak, 1)
            rec.extra["graph_mb"] = round(held, 1)
            checks.append(("graph MB", held, TARGETS["graph"].peak_mb or math.inf))
    finally:
        conn.close()
    return judge(rec, checks)


# --- analysis: a module that may not have landed yet ------------------------------------------

#: Above this size the analysis is not traced for memory: tracing slows it several times over.
TRACE_ANALYSIS_MAX = 10_000


def stage_analysis(ctx: Context) -> Record:
    """Return the analysis record: the full ``analyse`` against a graph build, and each finding kind's share."""
    # Looked up on the module, so that a test can make the analysis unavailable.
    analyse = measure.available("registry.analysis", "analyse")
    if analyse is None:
        return skipped(ctx, "analysis")
    from registry.network.graph import build_graph

    conn = connect(ctx.db)
    try:
        lib, raw = pair(ctx.repeat, lambda: analyse(conn), lambda: build_graph(conn).number_of_nodes())
        summary = lib.result.summary
        kinds = list(summary["kind"])
        seconds = dict(zip(kinds, summary["seconds"]))
        rec = record(
            ctx.size,
            "analysis",
            lib._replace(result=None),
            raw,
            "build_graph of the same registry",
            # The summary rounds each kind to the millisecond: on a small registry the rounded
            # parts can add up to more than the measured whole, so shares never exceed it.
            shares={k: round(seconds[k] / max(lib.wall, sum(seconds.values())), 3) for k in kinds},
            kind_seconds=seconds,
            methods=dict(zip(kinds, summary["method"])),
            counts={k: int(c) for k, c in zip(kinds, summary["count"])},
            outside_kinds_seconds=round(lib.wall - sum(seconds.values()), 3),
        )
        if ctx.memory and ctx.size <= TRACE_ANALYSIS_MAX:
            rec.peak_mb = round(traced(lambda: analyse(conn).summary.shape)[0], 1)
        elif ctx.memory:
            rec.extra["peak_note"] = f"not traced above {TRACE_ANALYSIS_MAX:,} entities; see max_rss_mb"
    finally:
        conn.close()
    return judge(rec)
