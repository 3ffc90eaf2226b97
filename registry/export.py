"""Writing tables as CSV: UTF-8, a header row, the schema's column order."""

from __future__ import annotations

import csv
import io
import re
import zipfile
import sqlite3
from pathlib import Path
from typing import Any, Iterable

from .schema import TABLES, personal_columns
from .vocab import VOCABULARIES

__all__ = ["EXPORT_TABLES", "table_rows", "csv_text", "rows_to_csv", "export_csv", "neutralise", "zip_bytes", "graph_bytes"]

#: Tables written by ``export``: data, vocabularies and the audit log.
EXPORT_TABLES: tuple[str, ...] = (*TABLES, *VOCABULARIES)  # TABLES: every data table, then audit
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Text that import reads as already neutralised (quotes, then a formula character): import
# drops its first quote, so every export writes it with one more.
_QUOTED_FORMULA = re.compile(r"^'+[=+\-@\t\r]")


def table_rows(
    conn: sqlite3.Connection, table: str, *, personal: bool = True
) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Return ``(columns, rows)`` of ``table`` in primary-key order.

    With ``personal=False`` the columns holding personal data (names, e-mail,
    phone of contacts) are kept in the header but left empty: what a viewer who
    is not an editor may download.
    """
    if table not in EXPORT_TABLES:
        raise KeyError(f"no table {table!r}")
    if table in TABLES:
        t = TABLES[table]
        cols, order = t.names, t.pk
    else:
        cols, order = ["code", "label_nb", "label_en", "help"], "rowid"
    hidden = set() if personal else set(personal_columns(table))
    select = ", ".join("NULL" if c in hidden else f"[{c}]" for c in cols)
    sql = f"SELECT {select} FROM [{table}] ORDER BY [{order}]"
    return cols, conn.execute(sql).fetchall()


def neutralise(value: Any) -> Any:
    """Return ``value`` made safe for a spreadsheet: text starting ``= + - @`` gets a leading quote.

    Numbers stay numbers. Text that already starts with quotes before one of those
    characters gets one more quote too. Import strips one quote from a cell that
    starts with quotes and a formula character, so a round trip restores the
    original text.

    >>> neutralise("=1+1"), neutralise("'=1+1"), neutralise(-3.5), neutralise("'quoted")
    ("'=1+1", "''=1+1", -3.5, "'quoted")
    """
    if isinstance(value, str) and (value.startswith(_FORMULA_START) or _QUOTED_FORMULA.match(value)):
        return "'" + value
    return value


def _keep_quotes(value: Any) -> Any:
    # Without spreadsheet_safe only text import would misread needs the extra quote.
    if isinstance(value, str) and _QUOTED_FORMULA.match(value):
        return "'" + value
    return value


def rows_to_csv(columns: list[str], rows: Iterable[Iterable[Any]], *, spreadsheet_safe: bool = False) -> str:
    """Return CSV text with a header; None becomes an empty cell."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    # The writer quotes a cell holding "\n" (its line terminator) but not a bare "\r", which
    # every reader takes as the end of a line: rows with one are written fully quoted.
    quoted = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_ALL)
    w.writerow(columns)
    for row in rows:
        cells = ["" if v is None else v for v in row]
        cells = [neutralise(v) for v in cells] if spreadsheet_safe else [_keep_quotes(v) for v in cells]
        (quoted if any(isinstance(v, str) and "\r" in v for v in cells) else w).writerow(cells)
    return buf.getvalue()


def csv_text(conn: sqlite3.Connection, table: str, *, spreadsheet_safe: bool = False, personal: bool = True) -> str:
    """Return one table as CSV text (the same bytes the CLI and the app write); see :func:`table_rows` for ``personal``."""
    cols, rows = table_rows(conn, table, personal=personal)
    return rows_to_csv(cols, rows, spreadsheet_safe=spreadsheet_safe)


def export_csv(
    conn: sqlite3.Connection, directory: str | Path, *, spreadsheet_safe: bool = False
) -> list[Path]:
    """Write every table to ``directory/<table>.csv``; return the paths written."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for table in EXPORT_TABLES:
        path = out / f"{table}.csv"
        # newline="": written as is; on Windows "\n" inside a cell would otherwise become "\r\n".
        path.write_text(csv_text(conn, table, spreadsheet_safe=spreadsheet_safe), encoding="utf-8", newline="")
        paths.append(path)
    return paths


def zip_bytes(conn: sqlite3.Connection, *, spreadsheet_safe: bool = False, personal: bool = True) -> bytes:
    """Return a zip archive holding ``<table>.csv`` for every exported table (the files ``export_csv`` writes)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for table in EXPORT_TABLES:
            z.writestr(f"{table}.csv", csv_text(conn, table, spreadsheet_safe=spreadsheet_safe, personal=personal))
    return buf.getvalue()


def graph_bytes(g: Any, fmt: str) -> bytes:
    """Return the graph ``g`` as GraphML or GEXF bytes (what ``graph.write_graph`` writes to a file).

    GEXF is shaped for Gephi by :func:`registry.gexf.write_gexf` (names as labels,
    undirected ties, kind colours, a timeline of full dates).
    """
    import networkx as nx

    from .gexf import write_gexf

    buf = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(g, buf)
    elif fmt == "gexf":
        write_gexf(g, buf)
    else:
        raise ValueError(f"unknown graph format {fmt!r}; use graphml or gexf")
    return buf.getvalue()
