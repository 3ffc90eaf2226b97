"""Writing tables as CSV: UTF-8, a header row, the schema's column order."""

from __future__ import annotations

import csv
import io
import os
import re
import sqlite3
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import RegistryError
from ..store.schema import TABLES, personal_columns
from ..vocab import VOCABULARIES

__all__ = [
    "EXPORT_TABLES",
    "table_rows",
    "csv_text",
    "rows_to_csv",
    "export_csv",
    "neutralise",
    "zip_bytes",
    "graph_bytes",
    "frame_csv",
    "write_atomic",
    "BOM",
    "NotXml",
    "xml_problems",
    "graph_xml_problems",
]

#: Excel reads a CSV as UTF-8 only when it starts with this mark (else "Klaksvík" comes out garbled).
BOM = "\ufeff"

#: Tables written by ``export``: data, vocabularies and the audit log.
EXPORT_TABLES: tuple[str, ...] = (*TABLES, *VOCABULARIES)  # TABLES: every data table, then audit
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Text that import reads as already neutralised (quotes, then a formula character): import
# drops its first quote, so every export writes it with one more.
_QUOTED_FORMULA = re.compile(r"^'+[=+\-@\t\r]")


def table_rows(conn: sqlite3.Connection, table: str, *, personal: bool = True) -> tuple[list[str], list[tuple[Any, ...]]]:
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


def frame_csv(frame: Any, *, spreadsheet_safe: bool = True, bom: bool = True) -> bytes:
    r"""Return a table shown in the app (a DataFrame) as the CSV bytes its download gives.

    Spreadsheet-safe by default (a cell starting ``= + - @`` gets a quote, so LibreOffice and
    Excel show it instead of running it) and UTF-8 with a byte-order mark, which Excel needs
    to read the file as UTF-8. Empty values (None, NaN) are empty cells.

    >>> import pandas as pd
    >>> frame_csv(pd.DataFrame({"a": ["=1+1", None], "b": [1.5, float("nan")]}))
    b"\xef\xbb\xbfa,b\n'=1+1,1.5\n,\n"
    """
    import pandas as pd  # local: the CLI's export does not need it

    # pandas' missing values (None, NaN, NA, NaT) are empty cells, as DataFrame.to_csv writes them.
    rows = (
        [None if not isinstance(v, (list, tuple)) and pd.isna(v) else v for v in row] for row in frame.itertuples(index=False, name=None)
    )
    text = rows_to_csv([str(c) for c in frame.columns], rows, spreadsheet_safe=spreadsheet_safe)
    return ((BOM if bom else "") + text).encode("utf-8")


def write_atomic(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file beside it; return the path.

    A full disk or a killed process leaves no partial file under the final name: the
    temporary file is removed on failure and renamed into place only when complete.
    """
    target = Path(path)
    tmp = target.with_name(f".{target.name}.partial-{os.getpid()}")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def export_csv(conn: sqlite3.Connection, directory: str | Path, *, spreadsheet_safe: bool = True) -> list[Path]:
    """Write every table to ``directory/<table>.csv``; return the paths written.

    Spreadsheet-safe unless asked otherwise (``export --raw``); each file appears under its
    name only when complete (:func:`write_atomic`).
    """
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for table in EXPORT_TABLES:
        # Bytes as is: on Windows "\n" inside a cell would otherwise become "\r\n".
        data = csv_text(conn, table, spreadsheet_safe=spreadsheet_safe).encode("utf-8")
        paths.append(write_atomic(out / f"{table}.csv", data))
    return paths


def zip_bytes(conn: sqlite3.Connection, *, spreadsheet_safe: bool = False, personal: bool = True, bom: bool = False) -> bytes:
    """Return a zip archive holding ``<table>.csv`` for every exported table (the files ``export_csv`` writes).

    ``bom`` starts each file with a byte-order mark, for Excel (the app's download).
    """
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for table in EXPORT_TABLES:
            text = csv_text(conn, table, spreadsheet_safe=spreadsheet_safe, personal=personal)
            z.writestr(f"{table}.csv", (BOM if bom else "") + text)
    return buf.getvalue()


class NotXml(RegistryError):
    """A value holds a character XML cannot carry, so no GraphML or GEXF file was written: fix the row."""


# XML 1.0 has no way to write these, escaped or not: a file holding one is broken for every reader.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_problems(g: Any) -> list[str]:
    """Return one line per node or edge value XML cannot carry: the row (entity or tie id), the column, the character.

    Checked on the graph itself, whatever wrote the rows (the library refuses control
    characters, but plain SQL or another tool may not have).
    """
    out = []
    items = [("entities", n, a) for n, a in g.nodes(data=True)]
    items += [("ties", a.get("id", k), a) for _u, _v, k, a in g.edges(keys=True, data=True)]
    for table, rid, attrs in items:
        for col, value in [("id", rid), *attrs.items()]:
            hit = _NOT_XML.search(value) if isinstance(value, str) else None
            if hit:
                out.append(f"{table} {rid!r} {col}: holds the control character U+{ord(hit.group()):04X}")
    return out


def graph_xml_problems(conn: sqlite3.Connection) -> list[str]:
    """Return :func:`xml_problems` of the registry's whole graph (what the app checks before offering GraphML/GEXF)."""
    from ..network.graph import build_graph  # local: the CSV export needs no graph

    return xml_problems(build_graph(conn))


def graph_bytes(g: Any, fmt: str) -> bytes:
    """Return the graph ``g`` as GraphML or GEXF bytes (what ``gexf.write_graph`` writes to a file).

    GEXF is shaped for Gephi by :func:`registry.network.gexf.write_gexf` (names as labels,
    undirected ties, kind colours, a timeline of full dates). Raises NotXml, naming
    each row, when a value holds a character XML cannot carry.
    """
    from ..network.gexf import write_graph  # local: the CSV export needs no graph

    bad = xml_problems(g)
    if bad:
        raise NotXml(f"{'; '.join(bad[:10])}{' …' if len(bad) > 10 else ''}: " + (NotXml.__doc__ or ""))
    buf = io.BytesIO()
    write_graph(g, buf, fmt)
    return buf.getvalue()
