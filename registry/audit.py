"""The audit log read back: every data table rebuilt from the log alone, and where it disagrees."""

from __future__ import annotations

import json
import sqlite3
from typing import Any, Iterator

from . import privacy
from .schema import DATA_TABLES

__all__ = ["replay", "unrecorded"]

Rows = dict[str, dict[str, dict[str, Any]]]


def replay(conn: sqlite3.Connection) -> tuple[Rows, list[tuple[str, str, str]]]:
    """Return ``({table: {row id: row}}, breaks)``: the tables as the audit log alone leaves them.

    ``breaks`` lists ``(table, row id, message)`` wherever an entry does not start
    from the row the log last left: a change made behind the log's back breaks the
    chain there even when a later logged change hides it in the final state.
    Entries with action ``erase`` record an erasure (``privacy.erase``), not a row, and are
    skipped. Personal columns are in the log as digests, and so are they in the result.

    >>> from registry.db import connect
    >>> replay(connect(":memory:"))[1]
    []
    """
    state: Rows = {t.name: {} for t in DATA_TABLES}
    breaks: list[tuple[str, str, str]] = []
    for aid, table, row_id, action, before, after in conn.execute(
        "SELECT id, table_name, row_id, action, before, after FROM audit ORDER BY id"
    ):
        if action == "erase":
            continue
        rows = state.setdefault(table, {})
        old = json.loads(before) if before else None
        new = json.loads(after) if after else None
        if not _same(rows.get(row_id), old):
            breaks.append((table, row_id, f"audit entry {aid} ({action}) does not start from the row the log last left"))
        if new is None:
            rows.pop(row_id, None)
        else:
            rows[row_id] = new
    return state, breaks


def _same(a: dict[str, Any] | None, b: dict[str, Any] | None) -> bool:
    """Return True when two rows hold the same values, a missing column counting as None.

    Migration 004 added columns to existing tables: a row logged before then lacks
    them, while the stored row holds None there, and that is no change.

    >>> _same({"id": "a", "notes": None}, {"id": "a"}), _same({"id": "a", "notes": "x"}, {"id": "a"})
    (True, False)
    """
    if a is None or b is None:
        return a is b
    return a == b or all(a.get(k) == b.get(k) for k in a.keys() | b.keys())


def _stored(conn: sqlite3.Connection) -> Iterator[tuple[str, dict[str, dict[str, Any]]]]:
    for t in DATA_TABLES:
        cur = conn.execute(f"SELECT * FROM [{t.name}]")
        names = [d[0] for d in cur.description]
        pk = names.index(t.pk)
        # The log holds personal columns as digests: compare the stored rows the same way.
        hide = privacy.redactor(conn, t.name)
        if hide is None:
            yield t.name, {str(r[pk]): dict(zip(names, r)) for r in cur}
        else:
            yield t.name, {str(r[pk]): hide(dict(zip(names, r))) for r in cur}  # type: ignore[misc]


def unrecorded(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    """Return ``(table, row id, message)`` for every row the audit log does not account for.

    A row stored but never logged, logged but gone, or stored with other values
    than the log's last entry was written past the library (plain SQL, another
    tool). An empty list means the log rebuilds every data table exactly.
    """
    state, out = replay(conn)
    try:
        tables = list(_stored(conn))
    except privacy.KeyMissing as exc:
        # Without the key the digests in the log cannot be compared with the rows: say so, once.
        return out + [("contacts", "*", str(exc))]
    for table, stored in tables:
        logged = state.get(table, {})
        for rid in sorted(stored.keys() - logged.keys()):
            out.append((table, rid, "row is not in the audit log (written past the library)"))
        for rid in sorted(logged.keys() - stored.keys()):
            out.append((table, rid, "row was deleted without an audit entry"))
        for rid in sorted(rid for rid in stored.keys() & logged.keys() if not _same(stored[rid], logged[rid])):
            now, then = stored[rid], logged[rid]
            changed = sorted(k for k in now.keys() | then.keys() if now.get(k) != then.get(k))
            out.append((table, rid, f"{', '.join(changed)} changed without an audit entry"))
    return out
