"""The audit log read back: every data table rebuilt from the log alone, where it disagrees, and each change told.

:func:`history` is the Registry page's change history: every entry with the row's name and
what changed as :class:`~registry.i18n.Message` facts (field labels, names of referenced rows
and vocabulary labels in the page's language), never ids, JSON or Python's ``None``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import Any

import pandas as pd

from .. import cells, i18n, vocab
from ..errors import KeyMissing
from ..i18n import Message
from ..store import privacy
from ..store.schema import DATA_TABLES, TABLES

__all__ = ["replay", "unrecorded", "history", "row_name", "change_messages"]

Rows = dict[str, dict[str, dict[str, Any]]]


def replay(conn: sqlite3.Connection) -> tuple[Rows, list[tuple[str, str, Message]]]:
    """Return ``({table: {row id: row}}, breaks)``: the tables as the audit log alone leaves them.

    ``breaks`` lists ``(table, row id, message)`` wherever an entry does not start
    from the row the log last left: a change made behind the log's back breaks the
    chain there even when a later logged change hides it in the final state.
    Entries with action ``erase`` record an erasure (``privacy.erase``), not a row, and are
    skipped. Personal columns are in the log as digests, and so are they in the result.

    >>> from registry.store.db import connect
    >>> replay(connect(":memory:"))[1]
    []
    """
    state: Rows = {t.name: {} for t in DATA_TABLES}
    breaks: list[tuple[str, str, Message]] = []
    for aid, table, row_id, action, before, after in conn.execute(
        "SELECT id, table_name, row_id, action, before, after FROM audit ORDER BY id"
    ):
        if action == "erase":
            continue
        rows = state.setdefault(table, {})
        old = json.loads(before) if before else None
        new = json.loads(after) if after else None
        if not _same(rows.get(row_id), old):
            breaks.append((table, row_id, Message("problem.audit_chain", {"entry": aid, "what": action})))
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


def unrecorded(conn: sqlite3.Connection) -> list[tuple[str, str, Message]]:
    """Return ``(table, row id, message)`` for every row the audit log does not account for.

    A row stored but never logged, logged but gone, or stored with other values
    than the log's last entry was written past the library (plain SQL, another
    tool). An empty list means the log rebuilds every data table exactly.
    """
    state, out = replay(conn)
    try:
        tables = list(_stored(conn))
    except KeyMissing as exc:
        # Without the key the digests in the log cannot be compared with the rows: say so, once.
        return out + [("contacts", "*", Message("problem.key_missing", {"why": str(exc)}))]
    for table, stored in tables:
        logged = state.get(table, {})
        for rid in sorted(stored.keys() - logged.keys()):
            out.append((table, rid, Message("problem.unaudited_row")))
        for rid in sorted(logged.keys() - stored.keys()):
            out.append((table, rid, Message("problem.unaudited_delete")))
        for rid in sorted(rid for rid in stored.keys() & logged.keys() if not _same(stored[rid], logged[rid])):
            now, then = stored[rid], logged[rid]
            changed = sorted(k for k in now.keys() | then.keys() if now.get(k) != then.get(k))
            out.append((table, rid, Message("problem.unaudited_change", {"columns": ", ".join(changed)})))
    return out


#: Columns every row carries for the store's bookkeeping: not a change anyone made.
_TRACKING = {"version", "updated_at", "updated_by", "created_at"}


def _blank(value: Any) -> bool:
    return cells.blank(value)


def _rows(value: Any) -> dict[str, Any]:
    # Missing JSON arrives as None or, through pandas, as NaN.
    return json.loads(value) if isinstance(value, str) and value else {}


def _references(conn: sqlite3.Connection, entries: list[tuple[str, dict[str, Any]]], lang: str) -> dict[str, dict[Any, str]]:
    """Return ``{referenced table: {id: label}}`` for every reference the rows in ``entries`` hold, one query per table."""
    from . import forms  # local: forms imports editing, which imports the ingest package that imports this module's users

    wanted: dict[str, set[Any]] = {}
    for table, row in entries:
        if table not in TABLES:
            continue
        for col in TABLES[table].columns:
            if col.references and not _blank(row.get(col.name)):
                wanted.setdefault(col.references, set()).add(row[col.name])
    return {ref: forms.reference_labels(conn, ref, lang, tuple(sorted(ids, key=str))) for ref, ids in wanted.items()}


def row_name(table: str, row: dict[str, Any], labels: dict[str, dict[Any, str]], lang: str) -> str:
    """Return the name of a logged row in ``lang``: its picker label, with the rows it belongs to (a plan line's tie).

    ``labels`` maps a referenced table to ``{id: label}`` (:func:`registry.edit.forms.reference_labels`).

    >>> row_name("plan_lines", {"id": 5, "tie_id": "t", "year": 2026, "amount": 1000, "currency": "NOK"},
    ...          {"ties": {"t": "Trondheim – Graz (Sister city)"}}, "en")
    '2026 · 1000 · NOK (Trondheim – Graz (Sister city))'
    """
    from . import forms

    if table not in TABLES:
        return str(row.get("id", ""))
    if table == "settings" and row.get("key") is not None:
        return f"{row['key']} = {row.get('value')}"
    own = forms.row_label(table, row, labels, lang)
    if table == "decisions" and row.get("kind") and _blank(row.get("category")):
        # A decision that ends, suspends or adopts something has a kind, not a category.
        own += " · " + vocab.label("decision_kinds", row["kind"], lang)
    shown = set(forms.LABEL_COLUMNS.get(table, ()))
    parents = [
        labels.get(c.references, {}).get(row[c.name], str(row[c.name]))
        for c in TABLES[table].columns
        if c.references and c.name not in shown and not _blank(row.get(c.name))
    ]
    return own + (f" ({', '.join(parents)})" if parents else "")


def _value(table: str, name: str, value: Any, labels: dict[str, dict[Any, str]], lang: str) -> str:
    col = TABLES[table].column(name) if table in TABLES and name in TABLES[table].names else None
    if col is not None and col.references:
        return labels.get(col.references, {}).get(value, str(value))
    if col is not None and col.vocabulary:
        return ", ".join(vocab.label(col.vocabulary, c, lang) for c in str(value).split(";") if c)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def change_messages(
    table: str, action: str, before: dict[str, Any], after: dict[str, Any], labels: dict[str, dict[Any, str]], lang: str
) -> list[Message]:
    """Return what one audit entry did, as messages: the row added or deleted by name, or each field changed.

    A field that was empty and got a value is *set*, one emptied is *cleared* (no "None → …");
    personal fields, held in the log as digests, are said to have changed without their values.

    >>> [m.code for m in change_messages("entities", "update", {"name": "A", "notes": None}, {"name": "B", "notes": "x"}, {}, "en")]
    ['history.changed', 'history.set']
    """
    if action == "erase":
        return [Message("history.erased")]
    if action in ("insert", "delete"):
        row = after if action == "insert" else before
        return [Message("history.inserted" if action == "insert" else "history.deleted", {"what": row_name(table, row, labels, lang)})]
    personal = {c.name for c in TABLES[table].columns if c.personal} if table in TABLES else set()
    out = []
    for name in sorted(set(before) | set(after)):
        old, new = before.get(name), after.get(name)
        if name in _TRACKING or old == new or (_blank(old) and _blank(new)):
            continue
        field = i18n.field_label(name, lang)
        if name in personal:
            out.append(Message("history.changed_hidden", {"field": field}))
        elif _blank(old):
            out.append(Message("history.set", {"field": field, "new": _value(table, name, new, labels, lang)}))
        elif _blank(new):
            out.append(Message("history.cleared", {"field": field, "old": _value(table, name, old, labels, lang)}))
        else:
            out.append(
                Message(
                    "history.changed",
                    {"field": field, "old": _value(table, name, old, labels, lang), "new": _value(table, name, new, labels, lang)},
                )
            )
    return out


def history(
    conn: sqlite3.Connection, table: str | None = None, row_id: str | None = None, limit: int = 200, lang: str = "en"
) -> pd.DataFrame:
    """Return the audit entries, newest first (one table's, one row's when given), each told in ``lang``.

    Columns: the log's own (``id``, ``at``, ``actor``, ``table_name``, ``row_id``, ``action``,
    ``before``, ``after``), plus ``name`` (the row's name) and ``changes`` (a list of
    :class:`~registry.i18n.Message`, rendered with :func:`registry.message.render`).
    """
    from ..store.queries import history as entries

    frame = entries(conn, table, row_id, limit)
    parsed = [(tb, _rows(b), _rows(a)) for tb, b, a in zip(frame["table_name"], frame["before"], frame["after"])]
    labels = _references(conn, [(tb, r) for tb, b, a in parsed for r in (b, a)], lang)
    frame["name"] = [row_name(tb, a or b, labels, lang) if (a or b) else str(rid) for (tb, b, a), rid in zip(parsed, frame["row_id"])]
    frame["changes"] = [change_messages(tb, action, b, a, labels, lang) for (tb, b, a), action in zip(parsed, frame["action"])]
    return frame
