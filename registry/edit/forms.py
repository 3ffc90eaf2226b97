"""Editing any data table from its declaration: its rows, the rows that belong to one, labels, new ids.

The registry page builds its browse tables, pickers and forms for activities,
agreements, contacts, declared totals and budget lines from these functions and
:mod:`registry.store.schema`; writes still go through :mod:`registry.store.writes`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import Any

import pandas as pd

from .. import cells, i18n, vocab
from ..store.schema import DATA_TABLES, TABLES, Table
from .editing import TRACKING, suggest_id

__all__ = [
    "EDITABLE",
    "LABEL_COLUMNS",
    "ID_FROM",
    "visible_columns",
    "row_count",
    "rows_frame",
    "children",
    "child_rows",
    "filter_rows",
    "row_label",
    "reference_labels",
    "display_frame",
    "fill_id",
]

#: Tables the registry page edits with the generic form (entities and ties have their own tabs), in tab order.
EDITABLE: tuple[str, ...] = ("activities", "agreements", "contacts", "declared_totals", "plan_lines", "plan_actions", "indicators")

#: The columns that name a row in a picker, per table (references shown by name, codes by label).
LABEL_COLUMNS: dict[str, tuple[str, ...]] = {
    "entities": ("name",),
    "ties": ("from_id", "to_id", "kind"),
    "agreements": ("title", "signed_on"),
    "agreement_parties": ("entity_id", "role"),
    "activities": ("title", "start"),
    "activity_participants": ("entity_id", "role"),
    "activity_ties": ("tie_id",),
    "decisions": ("decided_on", "category", "title"),
    "plan_lines": ("year", "kind", "amount", "currency", "purpose"),
    "contacts": ("office", "entity_id"),
    "declared_totals": ("entity_id", "measure", "total", "as_of"),
    "settings": ("key", "value"),
    "plan_actions": ("title", "period_start"),
    "action_partners": ("entity_id", "role"),
    "action_ties": ("tie_id",),
    "indicators": ("name", "unit"),
    "indicator_values": ("year", "value"),
}

#: The columns a new row's id is made from when the editor leaves it empty (tables with text ids).
ID_FROM: dict[str, tuple[str, ...]] = {
    "entities": ("name",),
    "ties": ("from_id", "to_id", "kind"),
    "agreements": ("title", "signed_on"),
    "activities": ("title", "start"),
    "contacts": ("entity_id", "office"),
    "declared_totals": ("entity_id", "measure", "as_of"),
    "plan_actions": ("title", "period_start"),
    "indicators": ("name",),
}


def _table(table: str) -> Table:
    t = TABLES[table]
    if t not in DATA_TABLES:
        raise KeyError(f"{table!r} is not a data table")
    return t


def visible_columns(table: str, *, personal: bool = False) -> list[str]:
    """Return the names of ``table``'s columns to show: no tracking columns, personal ones only with ``personal``.

    >>> visible_columns("contacts")
    ['id', 'entity_id', 'office', 'purpose', 'retain_until', 'source', 'notes', 'verified_on']
    """
    return [c.name for c in _table(table).columns if c.name not in TRACKING and (personal or not c.personal)]


def row_count(conn: sqlite3.Connection, table: str) -> int:
    """Return the number of rows of ``table`` (pickers list every row only up to a limit)."""
    return int(conn.execute(f"SELECT count(*) FROM [{_table(table).name}]").fetchone()[0])


def rows_frame(conn: sqlite3.Connection, table: str, *, personal: bool = False) -> pd.DataFrame:
    """Return every row of ``table`` in primary-key order, with its version; personal columns only with ``personal``."""
    t = _table(table)
    cols = visible_columns(table, personal=personal) + ["version"]
    # Identifiers come from the schema, never from the caller's text.
    cur = conn.execute(f"SELECT {', '.join(f'[{c}]' for c in cols)} FROM [{t.name}] ORDER BY [{t.pk}]")
    return pd.DataFrame(cur.fetchall(), columns=cols)


def children(table: str) -> tuple[tuple[str, str], ...]:
    """Return ``(child table, column)`` for each link table whose rows belong to one row of ``table``.

    A link table has generated ids and a required reference to ``table``.

    >>> children("activities")
    (('activity_participants', 'activity_id'), ('activity_ties', 'activity_id'))
    >>> children("agreements"), children("contacts")
    ((('agreement_parties', 'agreement_id'),), ())
    """
    return tuple(
        (t.name, c.name)
        for t in DATA_TABLES
        if t.id_generated and not t.append_only
        for c in t.columns
        if c.required and c.references == table
    )


def entity_columns(table: str) -> list[str]:
    """Return the columns of ``table`` that name an entity (the app shows them as links to its page), in declared order.

    >>> entity_columns("plan_lines"), entity_columns("activity_participants"), entity_columns("indicators")
    (['funder_id'], ['entity_id'], [])
    """
    return [c.name for c in _table(table).columns if c.references == "entities"]


def child_rows(conn: sqlite3.Connection, child: str, column: str, parent_id: Any) -> pd.DataFrame:
    """Return the rows of ``child`` whose ``column`` is ``parent_id``, in id order, with their versions."""
    t = _table(child)
    t.column(column)  # KeyError for a column the table does not have
    cols = visible_columns(child, personal=True) + ["version"]
    cur = conn.execute(f"SELECT {', '.join(f'[{c}]' for c in cols)} FROM [{t.name}] WHERE [{column}] = ? ORDER BY [{t.pk}]", (parent_id,))
    return pd.DataFrame(cur.fetchall(), columns=cols)


def filter_rows(frame: pd.DataFrame, text: str = "") -> pd.DataFrame:
    """Return the rows of ``frame`` with ``text`` in any cell (case ignored); all rows for empty text.

    >>> df = pd.DataFrame({"id": ["a", "b"], "title": ["Visit to Graz", "Meeting"], "year": [2024, None]})
    >>> filter_rows(df, "graz")["id"].tolist(), len(filter_rows(df, " "))
    (['a'], 2)
    """
    needle = text.strip().casefold()
    if not needle or frame.empty:
        return frame.reset_index(drop=True)
    keep = pd.Series(False, index=frame.index)
    for name in frame.columns:  # column by column: vectorised, where joining each row would be a Python loop
        cells = frame[name].astype(object).where(frame[name].notna(), "").astype(str).str.casefold()
        keep |= cells.str.contains(needle, regex=False)
    return frame[keep].reset_index(drop=True)


def _empty(value: Any) -> bool:
    return cells.blank(value)


def _shown(t: Table, name: str, value: Any, labels: Mapping[str, Mapping[Any, str]], lang: str) -> str:
    col = t.column(name)
    if col.references:
        return labels.get(col.references, {}).get(value, str(value))
    if col.vocabulary:
        return ", ".join(vocab.label(col.vocabulary, c, lang) for c in str(value).split(";") if c)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # pandas reads a column of whole numbers with gaps as floats
    return str(value)


def row_label(table: str, row: Mapping[str, Any], labels: Mapping[str, Mapping[Any, str]] | None = None, lang: str = "en") -> str:
    """Return a short text naming one row for a picker: its :data:`LABEL_COLUMNS`, joined by ' · '.

    References are shown by their labels in ``labels`` (table -> id -> text) and
    codes by their vocabulary labels; a row with none of them is named by its id.

    >>> row_label("plan_lines", {"id": 3, "year": 2025, "kind": "actual", "amount": 1200, "currency": "EUR", "purpose": "Fee"})
    '2025 · Actual · 1200 · EUR · Fee'
    >>> row_label("activity_participants", {"id": 1, "entity_id": "graz", "role": "host"}, {"entities": {"graz": "Graz"}}, "nb")
    'Graz · Vert'
    """
    t = _table(table)
    parts = [_shown(t, name, row.get(name), labels or {}, lang) for name in LABEL_COLUMNS.get(table, ()) if not _empty(row.get(name))]
    return " · ".join(parts) or str(row.get(t.pk))


def _by_ids(conn: sqlite3.Connection, sql: str, ids: tuple[Any, ...] | None) -> list[tuple[Any, ...]]:
    if ids is None:
        return conn.execute(sql + " ORDER BY id").fetchall()
    out: list[tuple[Any, ...]] = []
    for i in range(0, len(ids), 500):  # SQLite caps the parameters of one statement
        chunk = ids[i : i + 500]
        out += conn.execute(f"{sql} WHERE id IN ({', '.join('?' * len(chunk))}) ORDER BY id", chunk).fetchall()
    return out


def reference_labels(conn: sqlite3.Connection, table: str, lang: str = "en", ids: tuple[Any, ...] | None = None) -> dict[Any, str]:
    """Return ``{id: label}`` for the rows of ``table`` (only ``ids`` when given), for pickers and references.

    Entities by name (the English one in English, where there is one); ties as
    'from – to (kind)'; other tables by :func:`row_label`, their entities by name.
    """
    t = _table(table)

    def names(which: tuple[Any, ...] | None) -> dict[Any, str]:
        return {i: (en if lang == "en" and en else nb) for i, nb, en in _by_ids(conn, "SELECT id, name, name_en FROM entities", which)}

    if table == "entities":
        return names(ids)
    if table == "ties":
        rows = _by_ids(conn, "SELECT id, from_id, to_id, kind FROM ties", ids)
        ends = names(tuple({e for r in rows for e in r[1:3]}) if ids is not None else None)
        return {tid: f"{ends.get(a, a)} – {ends.get(b, b)} ({vocab.label('tie_kinds', k, lang)})" for tid, a, b, k in rows}
    cols = LABEL_COLUMNS.get(table, ())
    rows = _by_ids(conn, f"SELECT {', '.join(f'[{c}]' for c in (t.pk, *cols))} FROM [{t.name}]", ids)
    found = [dict(zip((t.pk, *cols), r)) for r in rows]
    refs = {c: ref for c in cols if (ref := t.column(c).references)}
    labels = {ref: reference_labels(conn, ref, lang, tuple({r[c] for r in found if r[c] is not None})) for c, ref in refs.items()}
    return {r[t.pk]: row_label(table, r, labels, lang) for r in found}


def display_frame(frame: pd.DataFrame, table: str, labels: Mapping[str, Mapping[Any, str]] | None = None, lang: str = "en") -> pd.DataFrame:
    """Return ``frame`` ready to show: codes as labels, references by name, headings in ``lang``; no version.

    >>> df = pd.DataFrame({"id": ["v1"], "kind": ["visit"], "title": ["Graz"], "version": [1]})
    >>> display_frame(df, "activities", lang="nb").columns.tolist(), display_frame(df, "activities", lang="nb").iloc[0, 1]
    (['Id', 'Type', 'Tittel'], 'Besøk')
    """
    t = _table(table)
    out = pd.DataFrame(index=frame.index)
    for name in frame.columns:
        if name in TRACKING:
            continue
        values = frame[name]
        col = t.column(name)
        if col.references or col.vocabulary:
            values = values.map(lambda v, n=name: "" if _empty(v) else _shown(t, n, v, labels or {}, lang))
        out[i18n.field_label(name, lang)] = values
    return out.reset_index(drop=True)


def fill_id(table: str, values: Mapping[str, Any]) -> dict[str, Any]:
    """Return ``values`` with an id made from the row's own columns (:data:`ID_FROM`) when it has none.

    Tables with generated ids, and rows whose first id column is empty, are returned as they are.

    >>> fill_id("activities", {"id": "", "title": "Besøk fra Graz", "start": "2025-06"})["id"]
    'besok-fra-graz--2025-06'
    >>> fill_id("declared_totals", {"entity_id": "trondheim", "measure": "consulates", "as_of": "2010"})["id"]
    'trondheim--consulates--2010'
    """
    out = dict(values)
    parts = ID_FROM.get(table)
    if not parts or not _empty(out.get(_table(table).pk)) or _empty(out.get(parts[0])):
        return out
    out[_table(table).pk] = suggest_id(*(None if _empty(out.get(p)) else str(out[p]) for p in parts))
    return out
