"""The one place that writes: every change is validated, versioned and audited in one transaction."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from ..errors import ImportFailed, InvalidRow, NotFound, Problem, ReadOnlyTable, RegistryError, StaleVersion
from ..message import Message
from . import person, privacy
from .db import transaction
from .schema import TABLES, Table
from .validate import Vocabularies, clean_row, load_vocabularies

__all__ = ["now", "get", "insert", "update", "touch", "delete", "apply_rows", "check_references"]

_TRACK = ("version", "updated_at", "updated_by")


def now() -> str:
    """Return the current UTC time as ISO 8601 with microseconds (sorts as text)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _table(name: str) -> Table:
    try:
        return TABLES[name]
    except KeyError:
        raise NotFound(f"no table {name!r}") from None


def get(conn: sqlite3.Connection, table: str, row_id: Any) -> dict[str, Any] | None:
    """Return the row with primary key ``row_id`` as a dict, or None."""
    t = _table(table)
    cur = conn.execute(f"SELECT * FROM [{t.name}] WHERE [{t.pk}] = ?", (row_id,))
    row = cur.fetchone()
    if row is None:
        return None
    return dict(zip([d[0] for d in cur.description], row))


def _need_actor(actor: str) -> None:
    # Every audit entry says who made the change; an empty actor would make it anonymous.
    if not isinstance(actor, str) or not actor.strip():
        raise RegistryError("every change needs an actor: who is making it")


def _changeable(table: str, actor: str) -> Table:
    # An update or a delete: the table must allow changing its rows, and someone must be making the change.
    t = _table(table)
    _need_actor(actor)
    if t.append_only:
        raise ReadOnlyTable(ReadOnlyTable.__doc__)
    return t


# One encoder for every audit row: json.dumps with options builds a new encoder per call,
# which was a visible share of a bulk import. The text is the same as json.dumps gives.
_encode = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode


def _audit_rows(conn: sqlite3.Connection, actor: str, at: str, table: str, items: Iterable[tuple[Any, str, Any, Any]]) -> list[tuple]:
    hide = privacy.redactor(conn, table)
    if hide is not None:
        # The log is append-only: a name written there in clear could never be erased, so
        # personal columns go in as salted digests. Tables without them skip this entirely.
        items = [(rid, action, hide(b), hide(a)) for rid, action, b, a in items]
    return [
        (at, actor, table, str(rid), action, None if b is None else _encode(b), None if a is None else _encode(a))
        for rid, action, b, a in items
    ]


def _write_audit(conn: sqlite3.Connection, rows: list[tuple]) -> None:
    conn.executemany("INSERT INTO audit (at, actor, table_name, row_id, action, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)", rows)


_NONE: frozenset[str] = frozenset()
_REFERENCES: dict[int, tuple[Table, tuple[tuple[str, str], ...]]] = {}


def _reference_columns(t: Table) -> tuple[tuple[str, str], ...]:
    # Worked out once per table: check_references runs once per imported row.
    hit = _REFERENCES.get(id(t))
    if hit is None or hit[0] is not t:
        hit = _REFERENCES[id(t)] = (t, tuple((c.name, c.references) for c in t.columns if c.references))
    return hit[1]


def check_references(
    conn: sqlite3.Connection, t: Table, row: Mapping[str, Any], pending: Mapping[str, set[str]] | None = None
) -> list[tuple[str, Message]]:
    """Return ``(column, message)`` for each reference in ``row`` to a row that does not exist.

    ``pending`` holds ids being written in the same batch, so a file may refer to
    rows it adds itself.
    """
    missing = []
    for name, references in _reference_columns(t):
        value = row.get(name)
        if value is None:
            continue
        if pending and str(value) in pending.get(references, _NONE):
            continue
        target = TABLES[references]
        hit = conn.execute(f"SELECT 1 FROM [{target.name}] WHERE [{target.pk}] = ?", (value,)).fetchone()
        if hit is None:
            missing.append((name, Message("problem.dangling", {"table": references, "value": value})))
    if t.name == "decisions" and row.get("tie_id") is not None and row.get("kind") in (None, "category"):
        # Categories are the sister-city review's (strategy 2c); budgets may follow any relation.
        kind = conn.execute("SELECT kind FROM ties WHERE id = ?", (row["tie_id"],)).fetchone()
        if kind is not None and kind[0] != "sister_city":
            missing.append(("tie_id", Message("problem.not_sister_tie", {"tie": row["tie_id"], "kind": kind[0]})))
    return missing


def _validated(conn: sqlite3.Connection, t: Table, raw: Mapping[str, Any], vocabularies: Vocabularies | None) -> dict[str, Any]:
    row, problems = clean_row(t, raw, vocabularies or load_vocabularies(conn), file=t.name, row=1)
    problems += [Problem(t.name, 1, c, r) for c, r in check_references(conn, t, row)]
    if t.name == "entities" and row.get("wikidata_id"):
        # The unique index would refuse it with a bare IntegrityError; say which entity has it.
        hit = conn.execute("SELECT id FROM entities WHERE wikidata_id = ? AND id != ?", (row["wikidata_id"], row.get("id"))).fetchone()
        if hit is not None:
            problems.append(Problem.of(t.name, 1, "wikidata_id", "wikidata_taken", q=row["wikidata_id"], entity=hit[0]))
    if problems:
        raise InvalidRow(problems)
    return row


def _not_erased(conn: sqlite3.Connection, t: Table, rows: list[Mapping[str, Any]], first_row: int = 1) -> None:
    """Raise InvalidRow when a row would write back a name, e-mail or phone that ``erase`` removed."""
    hits = person.refused(conn, t.name, rows)
    if hits:
        raise InvalidRow([Problem(t.name, first_row + i, c, reason) for i, c, reason in hits])


def insert(
    conn: sqlite3.Connection, table: str, row: Mapping[str, Any], *, actor: str, vocabularies: Vocabularies | None = None
) -> dict[str, Any]:
    """Insert one row and its audit record; return the row as stored.

    Raises InvalidRow (with every problem) or RegistryError when the id is taken.
    """
    t = _table(table)
    _need_actor(actor)
    with transaction(conn):
        clean = _validated(conn, t, row, vocabularies)
        _not_erased(conn, t, [clean])
        if "directed" in t.names:
            # Import reads a missing or empty 'directed' as 0; an insert without it means the same.
            clean.setdefault("directed", 0)
        if t.id_generated:
            clean.pop(t.pk, None) if clean.get(t.pk) is None else None
        elif get(conn, t.name, clean[t.pk]) is not None:
            raise InvalidRow([Problem.of(t.name, 1, t.pk, "id_exists", id=clean[t.pk])])
        at = now()
        clean.update(version=1, updated_at=at, updated_by=actor)
        cols = list(clean)
        cur = conn.execute(
            f"INSERT INTO [{t.name}] ({', '.join(f'[{c}]' for c in cols)}) VALUES ({', '.join('?' * len(cols))})", [clean[c] for c in cols]
        )
        rid = clean.get(t.pk) if not t.id_generated or clean.get(t.pk) is not None else cur.lastrowid
        stored = get(conn, t.name, rid)
        _write_audit(conn, _audit_rows(conn, actor, at, t.name, [(rid, "insert", None, stored)]))
        return stored  # type: ignore[return-value]


def update(
    conn: sqlite3.Connection,
    table: str,
    row_id: Any,
    changes: Mapping[str, Any],
    *,
    actor: str,
    expected_version: int | None = None,
    vocabularies: Vocabularies | None = None,
) -> dict[str, Any]:
    """Apply ``changes`` to one row; return the row as stored after the change.

    With ``expected_version`` the update is refused with StaleVersion when the row
    has changed since that version was read (optimistic concurrency).
    """
    t = _changeable(table, actor)
    with transaction(conn):
        before = _current(conn, t, row_id, expected_version)
        merged = {k: v for k, v in before.items() if k not in _TRACK}
        merged.update({k: v for k, v in changes.items() if k not in _TRACK})
        merged[t.pk] = before[t.pk]
        clean = _validated(conn, t, merged, vocabularies)
        if all(clean.get(k) == before.get(k) for k in clean):
            return before
        _not_erased(conn, t, [{k: v for k, v in clean.items() if v != before.get(k)}])
        at = now()
        clean.update(version=before["version"] + 1, updated_at=at, updated_by=actor)
        cols = [c for c in clean if c != t.pk]
        cur = conn.execute(
            f"UPDATE [{t.name}] SET {', '.join(f'[{c}] = ?' for c in cols)} WHERE [{t.pk}] = ? AND version = ?",
            [clean[c] for c in cols] + [row_id, before["version"]],
        )
        if cur.rowcount != 1:  # pragma: no cover - the write lock makes this unreachable
            raise StaleVersion(StaleVersion.__doc__)
        after = get(conn, t.name, row_id)
        _write_audit(conn, _audit_rows(conn, actor, at, t.name, [(row_id, "update", before, after)]))
        return after  # type: ignore[return-value]


def touch(conn: sqlite3.Connection, table: str, row_id: Any, *, actor: str) -> dict[str, Any]:
    """Raise one row's version without changing its content; return the row as stored after.

    Audited as an update. ``erasure.erase`` uses it for every row it rewrote, so a form or
    an export made before the erase carries an older version and is refused as stale.
    """
    t = _table(table)
    _need_actor(actor)
    with transaction(conn):
        before = _current(conn, t, row_id, None)
        at = now()
        conn.execute(
            f"UPDATE [{t.name}] SET version = version + 1, updated_at = ?, updated_by = ? WHERE [{t.pk}] = ?", (at, actor, before[t.pk])
        )
        after = get(conn, t.name, before[t.pk])
        _write_audit(conn, _audit_rows(conn, actor, at, t.name, [(before[t.pk], "update", before, after)]))
        return after  # type: ignore[return-value]


def _current(conn: sqlite3.Connection, t: Table, row_id: Any, expected_version: int | None) -> dict[str, Any]:
    """Return the stored row about to change; NotFound when missing, StaleVersion when it moved on."""
    before = get(conn, t.name, row_id)
    if before is None:
        raise NotFound(f"{t.name}: no row with id {row_id!r}")
    if expected_version is not None and before["version"] != expected_version:
        raise StaleVersion(
            f"{t.name} {row_id!r} is at version {before['version']}, not {expected_version}: " + (StaleVersion.__doc__ or "")
        )
    return before


def delete(conn: sqlite3.Connection, table: str, row_id: Any, *, actor: str, expected_version: int | None = None) -> dict[str, Any]:
    """Delete one row; return it as it was. Refused while other rows refer to it."""
    t = _changeable(table, actor)
    with transaction(conn):
        before = _current(conn, t, row_id, expected_version)
        try:
            conn.execute(f"DELETE FROM [{t.name}] WHERE [{t.pk}] = ?", (row_id,))
        except sqlite3.IntegrityError:
            raise InvalidRow([Problem.of(t.name, 1, t.pk, "still_referred", id=row_id)]) from None
        _write_audit(conn, _audit_rows(conn, actor, now(), t.name, [(row_id, "delete", before, None)]))
        return before


def apply_rows(conn: sqlite3.Connection, table: str, rows: list[dict[str, Any]], *, actor: str) -> dict[str, int]:
    """Upsert already-validated rows by primary key inside the caller's transaction.

    Returns counts ``{"inserted", "updated", "unchanged"}``. Rows identical to the
    stored ones are skipped, so re-importing a file changes nothing. For tables with
    generated ids, a row without an id that equals a stored row is taken as that row.
    """
    t = _table(table)
    _need_actor(actor)
    at = now()
    data_cols = [c for c in t.names if c not in _TRACK]
    counts = {"inserted": 0, "updated": 0, "unchanged": 0}
    existing = _existing(conn, t, rows)
    inserts: list[dict[str, Any]] = []
    audits: list[tuple[Any, str, Any, Any]] = []
    # Into an empty table every row is new: no need to look each one up.
    for row in rows if existing else ():
        before = existing.get(_key(t, row))
        if before is None:
            inserts.append(row)
            continue
        if all(row.get(c) == before.get(c) for c in data_cols if c in row and c != t.pk):
            counts["unchanged"] += 1
            continue
        if t.append_only:
            raise InvalidRow([Problem.of(t.name, 0, t.pk, "never_changed", table=t.name, id=before[t.pk])])
        after = {**before, **{c: row[c] for c in data_cols if c in row}}
        after.update(version=before["version"] + 1, updated_at=at, updated_by=actor)
        cols = [c for c in after if c != t.pk]
        conn.execute(
            f"UPDATE [{t.name}] SET {', '.join(f'[{c}] = ?' for c in cols)} WHERE [{t.pk}] = ?", [after[c] for c in cols] + [before[t.pk]]
        )
        audits.append((before[t.pk], "update", before, after))
        counts["updated"] += 1
    if not existing:
        inserts = list(rows)
    # Nothing erased comes back through an import either: an export made before an erase, or a
    # hand-made file with the old name, is refused whole.
    checked = inserts + [{k: v for k, v in a.items() if v != b.get(k)} for _, _, b, a in audits]
    hits = person.refused(conn, t.name, checked)
    if hits:
        raise ImportFailed([Problem(t.name, 0, c, reason) for _, c, reason in hits])
    if inserts:
        cols = [c for c in data_cols if not (t.id_generated and c == t.pk)] + list(_TRACK)
        if t.id_generated:
            with_id = [r for r in inserts if r.get(t.pk) is not None]
            without = [r for r in inserts if r.get(t.pk) is None]
            _insert_many(conn, t, [t.pk] + cols, with_id, at, actor, audits)
            _insert_many(conn, t, cols, without, at, actor, audits, generated=True)
        else:
            _insert_many(conn, t, cols, inserts, at, actor, audits)
        counts["inserted"] += len(inserts)
    _write_audit(conn, _audit_rows(conn, actor, at, t.name, audits))
    return counts


def _insert_many(conn, t, cols, rows, at, actor, audits, generated=False):
    if not rows:
        return
    sql = f"INSERT INTO [{t.name}] ({', '.join(f'[{c}]' for c in cols)}) VALUES ({', '.join('?' * len(cols))})"
    track = {"version": 1, "updated_at": at, "updated_by": actor}
    data = [c for c in cols if c not in track]
    if cols[len(data) :] == list(track) and not generated:
        # The bulk path: one tuple per row, built in C, and the audit's row from the same tuple.
        tail = tuple(track.values())
        values = [(*map(r.get, data), *tail) for r in rows]
        conn.executemany(sql, values)
        pk = cols.index(t.pk)
        audits.extend((v[pk], "insert", None, dict(zip(cols, v))) for v in values)
        return
    full = [{**{c: r.get(c) for c in cols if c not in track}, **track} for r in rows]
    if generated:
        # Generated ids are only known one row at a time.
        for r in full:
            cur = conn.execute(sql, [r[c] for c in cols])
            r[t.pk] = cur.lastrowid
            audits.append((r[t.pk], "insert", None, r))
        return
    conn.executemany(sql, [[r[c] for c in cols] for r in full])
    audits.extend((r[t.pk], "insert", None, r) for r in full)


def _key(t: Table, row: Mapping[str, Any]) -> Any:
    if t.id_generated and row.get(t.pk) is None:
        return tuple(row.get(c) for c in t.names if c not in _TRACK and c != t.pk)
    return row.get(t.pk)


def _existing(conn: sqlite3.Connection, t: Table, rows: list[dict[str, Any]]) -> dict[Any, dict[str, Any]]:
    cur = conn.execute(f"SELECT * FROM [{t.name}]")
    names = [d[0] for d in cur.description]
    found: dict[Any, dict[str, Any]] = {}
    natural = t.id_generated and any(r.get(t.pk) is None for r in rows)
    for values in cur:
        stored = dict(zip(names, values))
        found[stored[t.pk]] = stored
        if natural:
            found.setdefault(_key(t, {**stored, t.pk: None}), stored)
    return found
