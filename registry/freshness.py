"""Freshness: which active facts rest on a source nobody has checked for longer than the registry allows."""

from __future__ import annotations

import sqlite3
from datetime import date

from . import dates
from .settings import setting

__all__ = ["DEFAULT_STALE_AFTER_YEARS", "stale_after_years", "stale_rows", "unchecked_counts"]

#: The settings table's default, declared there once.
DEFAULT_STALE_AFTER_YEARS: int = setting("stale_after_years").default

#: Tables whose rows state a running fact, and the SQL condition that the row is still active.
_ACTIVE: dict[str, str] = {
    "ties": "coalesce(status, 'active') NOT IN ('ended', 'suspended') AND [end] IS NULL",
    "agreements": "coalesce(status, 'active') NOT IN ('ended', 'suspended') AND ended_on IS NULL",
    "entities": "dissolved IS NULL",
    "contacts": "1",
}


def stale_after_years(conn: sqlite3.Connection) -> int:
    """Return the setting ``stale_after_years`` (how old a checked source may be), or its declared default."""
    row = conn.execute("SELECT value FROM settings WHERE key = 'stale_after_years'").fetchone()
    try:
        return int(row[0]) if row and row[0] is not None else DEFAULT_STALE_AFTER_YEARS
    except ValueError:
        return DEFAULT_STALE_AFTER_YEARS


def stale_rows(conn: sqlite3.Connection, today: date | None = None) -> list[tuple[str, str, str, int]]:
    """Return ``(table, row id, verified_on, years)`` for active rows whose source was last checked too long ago.

    ``years`` is the threshold in force. Rows never checked (no ``verified_on``)
    are counted by :func:`unchecked_counts` instead: their age is unknown.
    """
    today = today or date.today()
    years = stale_after_years(conn)
    try:
        limit = today.replace(year=today.year - years)
    except ValueError:  # 29 February
        limit = today.replace(year=today.year - years, day=28)
    out = []
    for table, active in _ACTIVE.items():
        sql = f"SELECT id, verified_on FROM [{table}] WHERE verified_on IS NOT NULL AND {active} ORDER BY id"
        for rid, checked in conn.execute(sql):
            if dates.is_partial_date(checked) and dates.latest(checked) < limit:
                out.append((table, str(rid), checked, years))
    return out


def unchecked_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Return ``{table: number of active rows with no verified_on}`` for the tables with active facts."""
    return {
        table: conn.execute(f"SELECT count(*) FROM [{table}] WHERE verified_on IS NULL AND {active}").fetchone()[0]
        for table, active in _ACTIVE.items()
    }
