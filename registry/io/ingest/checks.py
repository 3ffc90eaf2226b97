"""The checks of an import across its files and against the registry: references, ids, history, versions, items, settings."""

from __future__ import annotations

import sqlite3
from typing import Any

from ...errors import Problem
from ...store.schema import DATA_TABLES, TABLES
from ...store.writes import check_references

__all__ = ["TRACKING", "cross_checks"]

#: The columns the store sets on every write; an import never compares or writes them.
TRACKING = frozenset({"version", "updated_at", "updated_by"})


def cross_checks(conn: sqlite3.Connection, batches: dict[str, list[dict[str, Any]]], origin: dict[str, list[str]]) -> list[Problem]:
    """Return the problems of the cleaned ``batches`` (rows by table; ``origin``: each row's file) taken together.

    References (also to rows of the same import), an id in two files, changed append-only
    rows, stale exported versions, Wikidata items on two entities, settings as ``settings set``
    checks them, and category decisions on ties that are no sister-city ties.
    """
    problems: list[Problem] = []
    pending = {name: {str(r.get(TABLES[name].pk)) for r in rows if r.get(TABLES[name].pk) is not None} for name, rows in batches.items()}
    for name, rows in batches.items():
        t = TABLES[name]
        seen: dict[Any, tuple[str, int]] = {}
        for r, fname in zip(rows, origin[name]):
            n = int(r.get("__row__", 0))
            for col, reason in check_references(conn, t, r, pending):
                problems.append(Problem(fname, n, col, reason))
            key = r.get(t.pk)
            if key is not None and key in seen and seen[key][0] != fname:
                problems.append(Problem.of(fname, n, t.pk, "id_in_other_file", id=key, file=seen[key][0], row=seen[key][1]))
            if key is not None:
                seen[key] = (fname, n)
    problems += _append_only_problems(conn, batches, origin)
    problems += _stale_problems(conn, batches, origin)
    problems += _wikidata_clashes(conn, batches["entities"], origin["entities"])
    problems += _settings_problems(conn, batches, origin)
    # Category decisions name sister-city ties, also ones added in the same batch; budget lines
    # and other decisions may follow any relation (as in store.check_references).
    # .get: a row whose id was refused (say, too long) has none, and its problem is already listed.
    kinds = {r.get("id"): r.get("kind") for r in batches["ties"] if r.get("id") is not None}
    for name in ("decisions",):
        for r, fname in zip(batches[name], origin[name]):
            if r.get("kind") not in (None, "category"):
                continue
            kind = kinds.get(r.get("tie_id"))
            if kind is not None and kind != "sister_city":
                problems.append(Problem.of(fname, int(r["__row__"]), "tie_id", "not_sister_tie", tie=r["tie_id"], kind=kind))
    return problems


def _settings_problems(conn: sqlite3.Connection, batches: dict[str, list[dict[str, Any]]], origin: dict[str, list[str]]) -> list[Problem]:
    """Return the problems of the imported settings rows, as ``settings set`` finds them."""
    # A setting is checked as ``settings set`` checks it: a home that is no municipality, or a
    # time zone that is none, would otherwise be imported and break the review on the next page.
    from ... import settings  # local: settings builds on the store, which builds on this module's peers

    kinds = {r["id"]: r.get("kind") for r in batches["entities"] if r.get("id") is not None}
    problems = []
    for r, fname in zip(batches["settings"], origin["settings"]):
        if r.get("key") is None:
            continue  # refused already (a required column)
        for p in settings.setting_problems(conn, r["key"], r.get("value"), kinds):
            problems.append(Problem(fname, int(r.get("__row__", 0)), "key" if p.column == "key" else "value", p.message))
    return problems


def _append_only_problems(
    conn: sqlite3.Connection, batches: dict[str, list[dict[str, Any]]], origin: dict[str, list[str]]
) -> list[Problem]:
    """Return a problem for each row of an append-only table that would change a stored row."""
    # Stored decisions are history: a row with a stored id must repeat it exactly. Checked
    # here, with the row, rather than left to apply_rows, which can only refuse the batch.
    problems = []
    for t in DATA_TABLES:
        if not t.append_only:
            continue
        for r, fname in zip(batches[t.name], origin[t.name]):
            if r.get(t.pk) is None:
                continue
            cur = conn.execute(f"SELECT * FROM [{t.name}] WHERE [{t.pk}] = ?", (r[t.pk],))
            stored = cur.fetchone()
            if stored is None:
                continue
            before = dict(zip([d[0] for d in cur.description], stored))
            changed = [c for c in t.names if c in r and c != t.pk and c not in TRACKING and r[c] != before[c]]
            if changed:
                problems.append(
                    Problem.of(fname, int(r["__row__"]), t.pk, "append_only", table=t.name, id=r[t.pk], columns=", ".join(changed))
                )
    return problems


def _stale_problems(conn: sqlite3.Connection, batches: dict[str, list[dict[str, Any]]], origin: dict[str, list[str]]) -> list[Problem]:
    """Return a problem for each exported row older than its stored row that would change it."""
    # A row carrying the version it was exported at, older than the stored one, would undo a
    # change made since (a colleague's edit): refused, as store.update refuses a stale edit.
    problems = []
    for t in DATA_TABLES:
        data_cols = [c for c in t.names if c not in TRACKING and c != t.pk]
        sql = f"SELECT * FROM [{t.name}] WHERE [{t.pk}] = ?"
        for r, fname in zip(batches[t.name], origin[t.name]):
            version = r.get("__version__")
            if version is None or r.get(t.pk) is None:
                continue
            cur = conn.execute(sql, (r[t.pk],))
            stored = cur.fetchone()
            if stored is None:
                continue
            before = dict(zip([d[0] for d in cur.description], stored))
            if version >= before["version"] or all(r[c] == before[c] for c in data_cols if c in r):
                continue  # current, or changes nothing
            problems.append(
                Problem.of(
                    fname,
                    int(r["__row__"]),
                    "version",
                    "stale_row",
                    version=version,
                    table=t.name,
                    id=r[t.pk],
                    now=before["version"],
                    by=before["updated_by"],
                    at=str(before["updated_at"])[:16],
                )
            )
    return problems


def _wikidata_clashes(conn: sqlite3.Connection, rows: list[dict[str, Any]], origin: list[str]) -> list[Problem]:
    """Return a problem for each Wikidata item the entity ``rows`` would give to two entities."""
    # entities.wikidata_id is unique in the database; report a clash with its row before
    # SQLite refuses the write with a bare IntegrityError.
    problems = []
    moved = {r.get("id"): r.get("wikidata_id") for r in rows if "wikidata_id" in r}
    # Where each entity's row is in the batch: apply_rows updates stored rows in batch order.
    place = {r.get("id"): (i, fname, int(r["__row__"])) for i, (r, fname) in enumerate(zip(rows, origin))}
    seen: dict[str, tuple[str, int]] = {}
    for i, (r, fname) in enumerate(zip(rows, origin)):
        q = r.get("wikidata_id")
        if not q:
            continue
        n = int(r["__row__"])
        if q in seen:
            problems.append(Problem.of(fname, n, "wikidata_id", "wikidata_twice", q=q, file=seen[q][0], row=seen[q][1]))
            continue
        seen[q] = (fname, n)
        hit = conn.execute("SELECT id FROM entities WHERE wikidata_id = ? AND id != ?", (q, r.get("id"))).fetchone()
        if hit is not None and moved.get(hit[0], q) == q:  # unless this import gives that entity another item
            problems.append(Problem.of(fname, n, "wikidata_id", "wikidata_taken", q=q, entity=hit[0]))
        elif hit is not None and place[hit[0]][0] > i and _stored_id(conn, r.get("id")):
            # The other entity lets go of the item only on a later row: this update would briefly
            # give two entities one item, which the unique index refuses (a dry run writes nothing,
            # so the check is here, where both see it).
            _, other_file, other_row = place[hit[0]]
            problems.append(
                Problem.of(
                    fname,
                    n,
                    "wikidata_id",
                    "wikidata_later",
                    q=q,
                    entity=hit[0],
                    file=other_file,
                    row=other_row,
                    why="UNIQUE constraint failed: entities.wikidata_id",
                )
            )
    return problems


def _stored_id(conn: sqlite3.Connection, entity_id: Any) -> bool:
    """Return whether an entity with ``entity_id`` is stored."""
    return conn.execute("SELECT 1 FROM entities WHERE id = ?", (entity_id,)).fetchone() is not None
