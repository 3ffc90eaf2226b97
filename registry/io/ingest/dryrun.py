"""A dry run of an import: one read-only snapshot, and the counts the import would give found by lookup."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ...store.schema import Table
from .checks import TRACKING

__all__ = ["reading", "would_apply"]


@contextmanager
def reading(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Yield ``conn`` inside a read transaction (or the caller's transaction), rolled back after."""
    # A deferred transaction that only reads sees one snapshot and, in WAL mode, neither waits
    # for a writer nor holds one up. It is rolled back: there is nothing to keep.
    if conn.in_transaction:
        yield conn
        return
    conn.execute("BEGIN DEFERRED")
    try:
        yield conn
    finally:
        conn.execute("ROLLBACK")


def would_apply(conn: sqlite3.Connection, t: Table, rows: list[dict[str, Any]]) -> dict[str, int]:
    """Return the counts ``apply_rows`` would give for ``rows``, found by looking each row up (no writes).

    One row at a time rather than ``apply_rows``' whole table in memory: a preview's memory
    grows with the file, not with the registry.
    """
    counts = {"inserted": 0, "updated": 0, "unchanged": 0}
    data_cols = [c for c in t.names if c not in TRACKING]
    natural = [c for c in data_cols if c != t.pk]
    by_key = f"SELECT * FROM [{t.name}] WHERE [{t.pk}] = ?"
    # A row without a generated id is taken as the stored row it equals (as apply_rows does).
    by_value = f"SELECT * FROM [{t.name}] WHERE " + " AND ".join(f"[{c}] IS ?" for c in natural) + " LIMIT 1"
    for r in rows:
        if t.id_generated and r.get(t.pk) is None:
            cur = conn.execute(by_value, [r.get(c) for c in natural])
        else:
            cur = conn.execute(by_key, (r.get(t.pk),))
        stored = cur.fetchone()
        if stored is None:
            counts["inserted"] += 1
            continue
        before = dict(zip([d[0] for d in cur.description], stored))
        same = all(r[c] == before.get(c) for c in natural if c in r)
        counts["unchanged" if same else "updated"] += 1
    return counts
