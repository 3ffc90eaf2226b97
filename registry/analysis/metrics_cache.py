"""Metrics per entity kept on disk per registry version and as-of year: computed once, read by every session."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from ..network.graph import GraphFilter, Snapshot, filter_graph
from ..store import db
from . import metrics

__all__ = ["FORMAT", "Key", "registry_version", "cache_dir", "year_filter", "key_for", "load", "store", "year_metrics"]

#: Part of every key: raise it when :func:`~registry.analysis.metrics.entity_metrics` computes
#: something else, so that tables written by an older version are never read.
FORMAT = 1


@dataclass(frozen=True)
class Key:
    """What a metrics table depends on: the registry file, its version and the year graph's filter."""

    registry: str  # the registry file, resolved
    version: str  # :func:`registry_version`
    as_of: date | None  # None: the whole history
    skip_undated: bool = False

    def file_name(self) -> str:
        """Return the table's file name: the version first (stale files are found by it), then a digest of the rest."""
        rest = json.dumps([FORMAT, self.registry, self.as_of.isoformat() if self.as_of else None, self.skip_undated])
        return f"{self.version}.{hashlib.sha256(rest.encode()).hexdigest()[:16]}.parquet"


def registry_version(conn: sqlite3.Connection) -> str:
    """Return a text that changes with every write to the registry: its revision and a digest of the last audit row.

    The revision (:func:`registry.store.db.revision`) alone is the app's in-memory key; on disk a
    table outlives the app, and a registry rebuilt from scratch can reach the same revision
    with other rows. The last audit row (when and what was written) tells those apart.

    >>> from registry.store.db import connect
    >>> registry_version(connect(":memory:"))
    '0-none'
    """
    rev = db.revision(conn)
    row = conn.execute("SELECT at, actor, table_name, row_id, action, after FROM audit WHERE id = ?", (rev,)).fetchone()
    if row is None:
        return f"{rev}-none"
    return f"{rev}-{hashlib.sha256(json.dumps(list(row), default=str).encode()).hexdigest()[:12]}"


def cache_dir(db_path: str | Path) -> Path:
    """Return where the metrics tables of the registry at ``db_path`` are kept: a hidden folder beside it."""
    p = Path(db_path)
    return p.parent / f".{p.name}.metrics"


def year_filter(flt: GraphFilter) -> GraphFilter:
    """Return the filter of ``flt``'s whole year graph: its as-of date and undated rule, nothing else."""
    return GraphFilter(as_of=flt.as_of, skip_undated=flt.skip_undated and flt.as_of is not None)


def key_for(db_path: str | Path, version: str, flt: GraphFilter) -> Key:
    """Return the key of the metrics table behind a view filtered by ``flt`` (its year graph's)."""
    year = year_filter(flt)
    return Key(str(Path(db_path).resolve()), version, year.as_of, year.skip_undated)


def load(directory: Path, key: Key) -> pd.DataFrame | None:
    """Return the table stored for ``key`` in ``directory``; None when there is none or it cannot be read."""
    try:
        df = pd.read_parquet(directory / key.file_name())
    except (OSError, ValueError, ImportError):
        return None
    sampled = df.attrs.get("sampled")
    df.attrs = {"sampled": None if sampled is None else int(sampled)}
    return df


def store(directory: Path, key: Key, table: pd.DataFrame) -> bool:
    """Write ``table`` for ``key`` into ``directory``; return False when it could not be written.

    Written to a temporary file and renamed into place: a session reading at the same time
    sees the whole old file or the whole new one, never half of one, and two sessions writing
    the same table both write a whole file. Tables of an older version (the registry has
    changed since) are removed.
    """
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=".tmp-", suffix=".parquet")
        os.close(fd)
        try:
            table.to_parquet(tmp, index=False)
            os.replace(tmp, directory / key.file_name())
        finally:
            Path(tmp).unlink(missing_ok=True)
    except (OSError, ValueError, ImportError):
        return False  # a read-only folder or no parquet engine: the table is computed again next time
    for old in directory.glob("*.parquet"):
        if _stale(old.name, key.version):
            old.unlink(missing_ok=True)
    return True


def _stale(name: str, version: str) -> bool:
    """Return True when the table file ``name`` belongs to a registry older than ``version``, or to another one.

    A session still on an older revision that writes late does not remove a newer session's
    tables; another writer's temporary file is left alone.
    """
    if name.startswith(".tmp-"):
        return False
    theirs, ours = name.split(".")[0], version
    try:
        their_rev, our_rev = int(theirs.split("-")[0]), int(ours.split("-")[0])
    except ValueError:
        return True
    return their_rev < our_rev or (their_rev == our_rev and theirs != ours)


def year_metrics(
    snap: Snapshot,
    db_path: str | Path,
    version: str,
    flt: GraphFilter,
    directory: Path | None = None,
    compute: Callable[..., pd.DataFrame] | None = None,
) -> pd.DataFrame:
    """Return the metrics table of the whole registry in ``flt``'s year, read from disk or computed once and stored.

    ``snap`` is the registry at ``version`` (the snapshot the app holds); only ``flt``'s
    as-of date and undated rule count (:func:`year_filter`): every view of that year reads
    the same table, and :func:`registry.analysis.metrics.view_rows` picks its rows.
    ``directory`` defaults to :func:`cache_dir`; ``compute`` to ``entity_metrics``.
    """
    key = key_for(db_path, version, flt)
    folder = directory if directory is not None else cache_dir(db_path)
    found = load(folder, key)
    if found is not None:
        return found
    year = year_filter(flt)
    table = (compute or metrics.entity_metrics)(filter_graph(snap.graph, year), snap.activities, year.as_of)
    store(folder, key, table)
    return table
