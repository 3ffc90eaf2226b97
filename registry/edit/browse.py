"""One page of a data table at a time: search and facet filters run in SQLite, only the shown rows leave it.

The registry page lists entities, ties and the other data tables through
:func:`page_of` (the rows on screen and how many match) and :func:`matches_csv`
(every match, for the download), so a search over 10,000 entities sends 50 rows
to the browser, not 10,000.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from .. import vocab
from ..store.schema import DATA_TABLES, TABLES
from .editing import TRACKING

__all__ = ["PAGE_SIZE", "SEARCHED", "page_of", "matches_csv", "distinct_values", "facet_counts", "like_pattern"]

#: Rows on one page of the registry page's tables.
PAGE_SIZE = 50

#: The columns a search looks in, per table (others: every shown column). Ties are searched by the
#: names of their ends as shown in the page's language, as the table shows them.
SEARCHED: dict[str, tuple[str, ...]] = {
    "entities": ("id", "name", "name_en", "notes"),
    "ties": ("id", "from_name", "to_name", "goals", "notes", "source"),
}

Filters = Mapping[str, Iterable[str]] | Iterable[tuple[str, Iterable[str]]]


def _fold(value: Any) -> str | None:
    # SQLite's LIKE ignores case for ASCII letters only: 'ø' would not find 'Ø'.
    return None if value is None else str(value).casefold()


def like_pattern(text: str) -> str:
    r"""Return a LIKE pattern (escape character ``\``) finding ``text`` anywhere, case folded.

    >>> like_pattern("50%_Øst")
    '%50\\%\\_øst%'
    """
    escaped = text.strip().casefold().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _columns(table: str, personal: bool) -> list[str]:
    t = TABLES[table]
    if t not in DATA_TABLES:
        raise KeyError(f"{table!r} is not a data table")
    if table in SEARCHED:  # entities and ties: every column, as their CSV always had
        return t.names
    return [c.name for c in t.columns if c.name not in TRACKING and (personal or not c.personal)] + ["version"]


def _query(table: str, text: str, filters: Filters, personal: bool, lang: str) -> tuple[str, list[str], str, list[Any]]:
    """Return ``(FROM clause, selected expressions, WHERE clause, parameters)``; identifiers only from the schema."""
    t = TABLES[table]
    cols = _columns(table, personal)
    select = [f"a.[{c}]" for c in cols]
    source = f"[{t.name}] a"
    exprs = {c: f"a.[{c}]" for c in cols}
    if table == "ties":
        # The ends' names in the page's language: the English one where there is one.
        name = "coalesce(nullif({0}.name_en, ''), {0}.name)" if lang == "en" else "{0}.name"
        source += " LEFT JOIN entities f ON f.id = a.from_id LEFT JOIN entities e ON e.id = a.to_id"
        exprs["from_name"] = f"coalesce({name.format('f')}, a.from_id)"
        exprs["to_name"] = f"coalesce({name.format('e')}, a.to_id)"
        select += [f"{exprs['from_name']} AS from_name", f"{exprs['to_name']} AS to_name"]
    where: list[str] = []
    params: list[Any] = []
    for key, values in filters.items() if isinstance(filters, Mapping) else filters:
        chosen = [v for v in dict.fromkeys(values) if v]
        if not chosen:
            continue  # an empty selection means 'all'
        marks = ", ".join("?" * len(chosen))
        if table == "ties" and key == "countries":
            # A tie passes when either end is in one of the countries.
            where.append(f"(f.country_code IN ({marks}) OR e.country_code IN ({marks}))")
            params += chosen * 2
            continue
        col = t.column(key)  # KeyError for a column the table does not have
        if col.multi:  # ';'-separated codes: any of the chosen
            where.append("(" + " OR ".join(f"(';' || coalesce(a.[{key}], '') || ';') LIKE ?" for _ in chosen) + ")")
            params += [f"%;{v};%" for v in chosen]
        else:
            where.append(f"a.[{key}] IN ({marks})")
            params += chosen
    if text.strip():
        searched = SEARCHED.get(table, tuple(c for c in cols if c != "version"))
        where.append("(" + " OR ".join(f"registry_fold({exprs[c]}) LIKE ? ESCAPE '\\'" for c in searched) + ")")
        params += [like_pattern(text)] * len(searched)
    return source, select, (" WHERE " + " AND ".join(where)) if where else "", params


def page_of(
    conn: sqlite3.Connection,
    table: str,
    text: str = "",
    filters: Filters = (),
    offset: int = 0,
    limit: int | None = PAGE_SIZE,
    *,
    personal: bool = False,
    lang: str = "en",
) -> tuple[pd.DataFrame, int]:
    """Return ``(the rows of one page, how many rows match)`` of ``table``, in primary-key order.

    ``text`` is looked for in the table's :data:`SEARCHED` columns (every shown column
    for the other tables), case ignored; ``filters`` maps a column to the codes it may
    have (any of them for ';'-separated codes; an empty selection is 'all'), and for
    ties ``countries`` to the countries either end may be in. Entities and ties come
    with every column, ties also with ``from_name``, ``to_name`` (in ``lang``) and
    ``kind_label``; other tables with their shown columns (personal ones only with
    ``personal``) and ``version``. ``limit`` None returns every match.
    """
    conn.create_function("registry_fold", 1, _fold, deterministic=True)
    source, select, where, params = _query(table, text, filters, personal, lang)
    total = int(conn.execute(f"SELECT count(*) FROM {source}{where}", params).fetchone()[0])
    sql = f"SELECT {', '.join(select)} FROM {source}{where} ORDER BY a.[{TABLES[table].pk}]"
    page = list(params)
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        page += [int(limit), max(0, int(offset))]
    cur = conn.execute(sql, page)
    frame = pd.DataFrame(cur.fetchall(), columns=[d[0] for d in cur.description])
    if table == "ties":
        frame["kind_label"] = [vocab.label("tie_kinds", k, lang) for k in frame["kind"]]
    return frame, total


def matches_csv(
    conn: sqlite3.Connection, table: str, text: str = "", filters: Filters = (), *, personal: bool = False, lang: str = "en"
) -> bytes:
    """Return every row of ``table`` that :func:`page_of` finds, as UTF-8 CSV with a header (no version, no names added)."""
    frame, _ = page_of(conn, table, text, filters, 0, None, personal=personal, lang=lang)
    drop = [c for c in ("from_name", "to_name", "kind_label") if c in frame] + ([] if table in SEARCHED else ["version"])
    # What the Registry page's download gives: spreadsheet-safe, UTF-8 with BOM (export.frame_csv).
    from ..io.export import frame_csv

    return frame_csv(frame.drop(columns=drop))


def distinct_values(conn: sqlite3.Connection, table: str, column: str) -> list[str]:
    """Return the distinct non-empty values of ``column`` in ``table`` (for a facet's options), sorted."""
    t = TABLES[table]
    t.column(column)  # KeyError for a column the table does not have
    sql = f"SELECT DISTINCT [{column}] FROM [{t.name}] WHERE [{column}] IS NOT NULL AND [{column}] != '' ORDER BY 1"
    return [r[0] for r in conn.execute(sql)]


def facet_counts(
    conn: sqlite3.Connection, table: str, facet: str, text: str = "", filters: Filters = (), *, lang: str = "en"
) -> dict[str, int]:
    """Return ``{code: how many rows match}`` for each value of ``facet``, under ``text`` and the *other* ``filters``.

    What a filter's options show beside each value: the rows :func:`page_of` would
    find if that value were the facet's only choice, the facet's own selection left
    aside (so choosing one value does not zero the others). ``facet`` is a column of
    ``table`` (each code of a ';'-separated column counts its rows), or ``countries``
    for ties (a tie counts once for each country either end is in). Values with no
    match are left out; empty values are not counted.
    """
    conn.create_function("registry_fold", 1, _fold, deterministic=True)
    items = filters.items() if isinstance(filters, Mapping) else filters
    others = [(key, values) for key, values in items if key != facet]
    source, _select, where, params = _query(table, text, others, False, lang)
    counts: dict[str, int] = {}
    if table == "ties" and facet == "countries":
        sql = f"SELECT f.country_code, e.country_code, count(*) FROM {source}{where} GROUP BY 1, 2"
        for a, b, n in conn.execute(sql, params):
            for code in {a, b} - {None, ""}:
                counts[code] = counts.get(code, 0) + n
        return counts
    col = TABLES[table].column(facet)  # KeyError for a column the table does not have
    sql = f"SELECT a.[{col.name}], count(*) FROM {source}{where} GROUP BY 1"
    for value, n in conn.execute(sql, params):
        if value is None or value == "":
            continue
        for code in dict.fromkeys(str(value).split(";")) if col.multi else (str(value),):
            if code:
                counts[code] = counts.get(code, 0) + n
    return counts
