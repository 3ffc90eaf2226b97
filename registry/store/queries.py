"""Read-only questions the app, CLI and notebook ask of a registry."""

from __future__ import annotations

import sqlite3
from typing import Any

import pandas as pd

__all__ = ["counts", "entity_counts", "tie_counts", "entities_frame", "ties_frame", "history", "sister_city_ties"]


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Return the number of rows in each data table and the audit log."""
    return {t: conn.execute(f"SELECT count(*) FROM [{t}]").fetchone()[0] for t in ("entities", "ties", "decisions", "plan_lines", "audit")}


def entity_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Return ``{entity kind: count}``, largest first."""
    rows = conn.execute("SELECT kind, count(*) FROM entities GROUP BY kind ORDER BY count(*) DESC, kind")
    return dict(rows.fetchall())


def tie_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Return ``{tie kind: count}``, largest first."""
    rows = conn.execute("SELECT kind, count(*) FROM ties GROUP BY kind ORDER BY count(*) DESC, kind")
    return dict(rows.fetchall())


def _frame(conn: sqlite3.Connection, sql: str, params: tuple[Any, ...] = ()) -> pd.DataFrame:
    cur = conn.execute(sql, params)
    return pd.DataFrame(cur.fetchall(), columns=[d[0] for d in cur.description])


def entities_frame(conn: sqlite3.Connection) -> pd.DataFrame:
    """Return all entities as a DataFrame in id order."""
    return _frame(conn, "SELECT * FROM entities ORDER BY id")


def ties_frame(conn: sqlite3.Connection) -> pd.DataFrame:
    """Return all ties as a DataFrame in id order."""
    return _frame(conn, "SELECT * FROM ties ORDER BY id")


def sister_city_ties(conn: sqlite3.Connection) -> pd.DataFrame:
    """Return the sister-city ties with the home and partner names, by partner name."""
    return _frame(
        conn,
        "SELECT t.id AS tie_id, t.from_id AS home_id, h.name AS home_name, t.to_id AS city_id, "
        "c.name AS city_name, c.country_code, t.start, t.start_certainty, t.[end], t.status "
        "FROM ties t JOIN entities h ON h.id = t.from_id JOIN entities c ON c.id = t.to_id "
        "WHERE t.kind = 'sister_city' ORDER BY c.name",
    )


def history(conn: sqlite3.Connection, table: str | None = None, row_id: str | None = None, limit: int = 200) -> pd.DataFrame:
    """Return audit rows, newest first, optionally for one table and row."""
    sql, params = "SELECT * FROM audit", list[Any]()
    where = []
    if table:
        where.append("table_name = ?")
        params.append(table)
    if row_id is not None:
        where.append("row_id = ?")
        params.append(str(row_id))
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY id DESC LIMIT ?"
    params.append(limit)
    return _frame(conn, sql, tuple(params))
