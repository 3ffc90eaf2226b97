"""Importing CSV files: detect the table, validate every row, then write all or nothing."""

from __future__ import annotations

import csv
import io
import itertools
import re
import sqlite3
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from .db import transaction
from .errors import ImportFailed, Problem
from .schema import DATA_TABLES, TABLES, Table
from .store import apply_rows, check_references
from .validate import clean_row, garbled, load_vocabularies

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_ROWS",
    "IMPORT_CACHE_SIZE",
    "ImportReport",
    "CsvFile",
    "read_csv",
    "detect_table",
    "import_files",
    "import_texts",
    "slugify",
]

#: Explicit limits; an import over either is refused with a message naming the limit.
MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_ROWS = 1_000_000
#: SQLite page cache during an import (negative: KiB), 256 MiB; the connection's own setting returns after.
IMPORT_CACHE_SIZE = -256 * 1024
_TRACK = {"version", "updated_at", "updated_by"}
WIKIDATA_COLUMNS = ("city", "cityLabel", "twin", "twinLabel", "twinCountryCode", "start", "end")
_ENTITY_IRI = re.compile(r"^https?://www\.wikidata\.org/entity/(Q[1-9][0-9]*)$")
# A cell written "spreadsheet-safe" by export: a quote before a formula character (after any
# further quotes, which export adds to text that started with quotes). One quote is dropped.
_NEUTRALISED = re.compile(r"^'(?='*[=+\-@\t\r])")


@dataclass
class CsvFile:
    """A decoded CSV: its name, header and data rows (row 2 is the first data row)."""

    name: str
    header: list[str]
    rows: list[dict[str, str]]
    encoding: str


@dataclass
class ImportReport:
    """What an import did (or, with ``dry_run``, would do), per table."""

    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    dry_run: bool = False
    files: dict[str, str] = field(default_factory=dict)  # file -> detected table

    def total(self, key: str) -> int:
        """Return the sum of one count (inserted, updated, unchanged) over all tables."""
        return sum(c.get(key, 0) for c in self.counts.values())


def _decode(data: bytes, name: str) -> tuple[str, str]:
    # A byte order mark promises an encoding: bytes that break the promise are refused, not guessed.
    for bom, codec, encoding, label in ((b"\xef\xbb\xbf", "utf-8", "utf-8-sig", "UTF-8"),
                                        (b"\xff\xfe", "utf-16-le", "utf-16", "UTF-16"),
                                        (b"\xfe\xff", "utf-16-be", "utf-16", "UTF-16")):
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec), encoding
            except UnicodeDecodeError as exc:
                raise ImportFailed(
                    [Problem(name, 0, "", f"the file starts with a {label} byte order mark but is not valid "
                             f"{label} at byte {exc.start + len(bom)} ({exc.reason})")]
                ) from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        # Spreadsheets on Windows save CSV as Windows-1252; it decodes Norwegian letters right.
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError as exc:
            raise ImportFailed(
                [Problem(name, 0, "", f"cannot read the file as UTF-8, UTF-16 or Windows-1252 ({exc.reason})")]
            ) from None


def read_csv(data: bytes, name: str) -> CsvFile:
    """Return the decoded CSV in ``data``; raise ImportFailed when it cannot be read."""
    if len(data) > MAX_FILE_BYTES:
        raise ImportFailed([Problem(name, 0, "", f"file is {len(data)} bytes; the limit is {MAX_FILE_BYTES}")])
    text, encoding = _decode(data, name)
    if "\x00" in text:
        raise ImportFailed([Problem(name, 0, "", "the file contains NUL characters; is it a CSV file?")])
    if text.startswith("\ufeff"):
        # decode() took one byte order mark; a second one would become part of the first column's name.
        raise ImportFailed([Problem(name, 0, "", "the file starts with two byte order marks (U+FEFF); "
                                    "save it again as CSV UTF-8")])
    csv.field_size_limit(MAX_FILE_BYTES)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
        if header is None or not any(h.strip() for h in header):
            raise ImportFailed([Problem(name, 1, "", "the file is empty: expected a header row")])
        header = [h.strip() for h in header]
        # Rows carry their number and width under these keys; a column of that name would overwrite them.
        reserved = [Problem(name, 1, h, "column names starting with '__' are reserved") for h in header if h.startswith("__")]
        if reserved:
            raise ImportFailed(reserved)
        rows: list[dict[str, str]] = []
        first_line = last_line = reader.line_num
        for i, values in enumerate(reader, start=2):
            # Lines, not rows: a quoted cell may hold line breaks. Kept to name an unclosed quote.
            first_line, last_line = last_line + 1, reader.line_num
            # Joined, the cells are blank only when each one is (one call instead of one per cell).
            if not "".join(values).strip():
                continue
            if len(rows) >= MAX_ROWS:
                raise ImportFailed([Problem(name, i, "", f"more than {MAX_ROWS} rows; the limit is {MAX_ROWS}")])
            if len(values) != len(header):
                rows.append({"__row__": str(i), "__width__": str(len(values)),
                             "__lines__": f"{first_line}-{last_line}" if last_line > first_line else ""})
                continue
            row = {"__row__": str(i)}
            if "'" in "".join(values):
                row.update((h, _NEUTRALISED.sub("", v)) for h, v in zip(header, values))
            else:  # no cell can be neutralised: skip the regex, the common case by far
                row.update(zip(header, values))
            rows.append(row)
    except csv.Error as exc:
        raise ImportFailed([Problem(name, reader.line_num, "", f"not valid CSV: {exc}")]) from None
    if rows and last_line > first_line and _open_quote_at_end(text, first_line):
        # The lenient reader ends a quote left open at the end of the file: the rest of the file
        # would be one cell, and may even fit the header's width.
        raise ImportFailed([Problem(name, int(rows[-1]["__row__"]), "",
                                    f"a quote opened in this row is never closed: lines {first_line}-{last_line} "
                                    "(the rest of the file) would be one cell")])
    if encoding == "cp1252" and garbled(text):
        # Read as Windows-1252 because some bytes are not UTF-8, yet other rows are UTF-8: no one
        # reading can be right. (Garbled text in a file of one encoding is refused by clean_row.)
        raise ImportFailed(_mixed_problems(CsvFile(name, header, rows, encoding)))
    return CsvFile(name, header, rows, encoding)


def _open_quote_at_end(text: str, first_line: int) -> bool:
    # Read the last row again, strictly: only an open quote makes it run out of data.
    lines = itertools.islice(io.StringIO(text, newline=""), first_line - 1, None)
    try:
        for _ in csv.reader(lines, strict=True):
            pass
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False


def _mixed_problems(f: CsvFile) -> list[Problem]:
    """Return a problem for each cell of a Windows-1252 file that is UTF-8 ("TromsÃ¸" for "Tromsø")."""
    cp1252_row = None
    for r in f.rows:  # the first row with bytes that are not UTF-8, to name it
        if any(not v.isascii() and _not_utf8(v) for k, v in r.items() if not k.startswith("__")):
            cp1252_row = r["__row__"]
            break
    other = f"row {cp1252_row} is" if cp1252_row else "other rows are"
    problems = []
    cells = [(1, h, h) for h in f.header]
    cells += [(int(r["__row__"]), k, v) for r in f.rows for k, v in r.items() if not k.startswith("__")]
    for n, column, value in cells:
        seq = garbled(value)
        if seq:
            meant = seq.encode("cp1252").decode("utf-8", errors="replace")
            problems.append(Problem(f.name, n, column, f"{seq!r} is {meant!r} in UTF-8, but {other} Windows-1252: "
                                    "the file mixes two encodings; save it again as CSV UTF-8"))
    return problems


def _not_utf8(value: str) -> bool:
    try:
        value.encode("cp1252").decode("utf-8")
    except UnicodeError:
        return True
    return False


#: Header signatures, most specific first: the columns that tell a table's file apart.
SIGNATURES: tuple[tuple[frozenset[str], str], ...] = (
    (frozenset({"city", "twin"}), "wikidata"),
    (frozenset({"from_id", "to_id", "kind"}), "ties"),
    (frozenset({"decided_on", "decided_by"}), "decisions"),
    (frozenset({"tie_id", "category"}), "decisions"),
    (frozenset({"year", "amount", "funder"}), "plan_lines"),
    (frozenset({"year", "amount_nok", "funder"}), "plan_lines"),
    (frozenset({"tie_id", "amount_nok"}), "plan_lines"),
    (frozenset({"activity_id", "entity_id", "role"}), "activity_participants"),
    (frozenset({"activity_id", "tie_id"}), "activity_ties"),
    (frozenset({"agreement_id", "entity_id"}), "agreement_parties"),
    (frozenset({"measure", "total"}), "declared_totals"),
    (frozenset({"entity_id", "purpose", "id"}), "contacts"),
    (frozenset({"key", "value"}), "settings"),
    (frozenset({"id", "kind", "title", "signed_on"}), "agreements"),
    (frozenset({"id", "kind", "title", "signatories"}), "agreements"),
    (frozenset({"id", "kind", "title"}), "activities"),
    (frozenset({"id", "kind", "name"}), "entities"),
)

#: Old column names still read on import: (table, old name) -> new name.
ALIASES: dict[tuple[str, str], str] = {("plan_lines", "amount_nok"): "amount"}


def detect_table(header: Iterable[str]) -> str | None:
    """Return the table a CSV header belongs to ('entities', 'ties', ... or 'wikidata'), or None.

    >>> detect_table(["id", "kind", "title", "start", "source"])
    'activities'
    >>> detect_table(["tie_id", "year", "amount_nok", "funder", "purpose"])
    'plan_lines'
    """
    cols = set(header)
    for needed, table in SIGNATURES:
        if needed <= cols:
            return table
    return None


_SEPARATORS = {";": "semicolons", "\t": "tabs", "|": "vertical bars"}


def _unknown_header(header: list[str]) -> str:
    """Return why no table has ``header``, naming the separator when the file is not comma-separated."""
    line = ",".join(header)
    for sep, word in _SEPARATORS.items():
        table = detect_table(h.strip() for h in line.split(sep)) if sep in line else None
        if table is not None:
            # Excel saves "CSV" with semicolons where the decimal separator is a comma (Norway).
            return (f"cannot tell which table this is: its columns are separated by {word}, not commas "
                    f"(split at {word} it would be {table}); save it as CSV with commas (CSV UTF-8)")
    return "cannot tell which table this is: the header needs " + ", ".join(
        f"{','.join(sorted(cols))} ({table})" for cols, table in SIGNATURES)


def apply_aliases(f: CsvFile, table: str) -> None:
    """Rename old column names of ``f`` to the table's current ones, in place (e.g. amount_nok -> amount)."""
    for i, h in enumerate(f.header):
        new = ALIASES.get((table, h))
        if new is None or new in f.header:
            continue
        f.header[i] = new
        for row in f.rows:
            if h in row:
                row[new] = row.pop(h)


def _header_problems(f: CsvFile, t: Table) -> list[Problem]:
    problems = []
    seen = set()
    for h in f.header:
        if h in seen:
            problems.append(Problem(f.name, 1, h, "column appears twice in the header"))
        seen.add(h)
        if h not in t.names:
            problems.append(Problem(f.name, 1, h, f"unknown column for {t.name}; expected {', '.join(t.names)}"))
    for c in t.columns:
        if c.required and c.name not in seen and not (t.id_generated and c.name == t.pk):
            problems.append(Problem(f.name, 1, c.name, "required column is missing from the header"))
    return problems


def _validate_file(conn, f: CsvFile, t: Table, vocabularies, pending) -> tuple[list[dict[str, Any]], list[Problem]]:  # type: ignore[no-untyped-def]
    problems = _header_problems(f, t)
    if problems:
        return [], problems
    rows: list[dict[str, Any]] = []
    seen_ids: dict[Any, int] = {}
    for raw in f.rows:
        n = int(raw["__row__"])
        if "__width__" in raw:
            problems.append(Problem(f.name, n, "", width_reason(raw, len(f.header))))
            continue
        # clean_row reads only the table's own columns and never the tracking ones: no copy needed.
        row, row_problems = clean_row(t, raw, vocabularies, file=f.name, row=n)
        problems += row_problems
        version = raw.get("version")
        if version is not None and version.strip():
            # An exported row says which version it was read at: import applies it only over that one.
            try:
                row["__version__"] = int(version)
            except ValueError:
                problems.append(Problem(f.name, n, "version", f"{version!r} is not a row version (a whole number)"))
        key = row.get(t.pk)
        if key is not None:
            if key in seen_ids:
                problems.append(Problem(f.name, n, t.pk, f"id {key!r} also on row {seen_ids[key]}"))
            seen_ids[key] = n
        row["__row__"] = n
        rows.append(row)
    return rows, problems


def width_reason(raw: dict[str, str], width: int) -> str:
    """Return the reason for a row of ``raw['__width__']`` fields under a header of ``width``."""
    reason = f"row has {raw['__width__']} fields; the header has {width}"
    if raw.get("__lines__"):
        reason += f" (it runs over lines {raw['__lines__']}: is a quote left open?)"
    return reason


def import_texts(
    conn: sqlite3.Connection,
    files: list[tuple[str, bytes]],
    *,
    actor: str,
    dry_run: bool = False,
    expect: str | None = None,
) -> ImportReport:
    """Import CSV contents ``[(name, bytes)]``; return what was (or would be) written.

    All files are validated first; any problem raises ImportFailed listing every
    problem (file, row, column, reason) and nothing is written. Otherwise all files
    apply in one transaction, parents before children. With ``dry_run`` the same
    checks run in a read transaction and the counts come from looking rows up:
    nothing is written and the write lock is never taken, so editors are not held
    up by a preview. ``expect`` ('wikidata', 'entities', ...) refuses files of any
    other table. Every file's table is in ``counts``, with zeros when nothing changes.
    """
    if dry_run:
        return _import(conn, files, actor=actor, dry_run=True, expect=expect)
    # A bulk import touches many more pages than SQLite's default 2 MB page cache holds; each
    # one spilled and read back costs a write and a read. The cache grows only as pages are used.
    cache_size = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute(f"PRAGMA cache_size = {IMPORT_CACHE_SIZE}")
    try:
        return _import(conn, files, actor=actor, dry_run=False, expect=expect)
    finally:
        conn.execute(f"PRAGMA cache_size = {int(cache_size)}")


@contextmanager
def _reading(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    # A deferred transaction that only reads sees one snapshot and, in WAL mode, neither waits
    # for a writer nor holds one up. It is rolled back: there is nothing to keep.
    if conn.in_transaction:
        yield conn
        return
    conn.execute("BEGIN DEFERRED")
    try:
        yield conn
    finally:
        conn.execute("ROLLBACK")


def _import(
    conn: sqlite3.Connection, files: list[tuple[str, bytes]], *, actor: str, dry_run: bool, expect: str | None
) -> ImportReport:
    parsed: list[tuple[CsvFile, str]] = []
    problems: list[Problem] = []
    for name, data in files:
        try:
            f = read_csv(data, name)
        except ImportFailed as exc:
            problems += exc.problems
            continue
        table = detect_table(f.header)
        if table is None:
            problems.append(Problem(name, 1, "", _unknown_header(f.header)))
            continue
        if expect is not None and table != expect:
            problems.append(Problem(name, 1, "header", f"not a {expect} file; it has the header of {table}"))
            continue
        apply_aliases(f, table)
        parsed.append((f, table))
    if problems:
        raise ImportFailed(problems)

    report = ImportReport(dry_run=dry_run, files={f.name: t for f, t in parsed})
    # A header-only file, or a Wikidata export already imported, still says what it was read as.
    for _f, table in parsed:
        for name in (("entities", "ties") if table == "wikidata" else (table,)):
            report.counts.setdefault(name, {"inserted": 0, "updated": 0, "unchanged": 0})
    if dry_run:
        with _reading(conn):
            batches, origin = _validated_batches(conn, parsed)
            for t in DATA_TABLES:
                if batches[t.name]:
                    report.counts[t.name] = _would_apply(conn, t, batches[t.name])
        return report
    with transaction(conn):
        # A table may refer to itself (an entity's successor further down the file): references
        # are checked at commit, after every row is in, and were validated above with the batch.
        conn.execute("PRAGMA defer_foreign_keys = ON")
        batches, origin = _validated_batches(conn, parsed)
        for t in DATA_TABLES:
            rows = batches[t.name]
            for r in rows:
                r.pop("__row__", None)  # in place: the batches are not read again
                r.pop("__version__", None)
            if rows:
                try:
                    report.counts[t.name] = apply_rows(conn, t.name, rows, actor=actor)
                except sqlite3.IntegrityError as exc:
                    # The checks above should leave nothing for SQLite to refuse; if they missed
                    # something, the transaction rolls back and the user still gets a problem list.
                    raise ImportFailed([Problem(origin[t.name][0], 0, "", f"the database refused the rows: {exc}")]) from None
    return report


def _validated_batches(
    conn: sqlite3.Connection, parsed: list[tuple[CsvFile, str]]
) -> tuple[dict[str, list[dict[str, Any]]], dict[str, list[str]]]:
    """Return ``(rows by table, file of each row)``, checked against ``conn``; raise ImportFailed on any problem.

    The one validation a real import and a dry run share, so both report the same problems.
    """
    from . import wikidata  # local: wikidata builds on this module

    problems: list[Problem] = []
    vocabularies = load_vocabularies(conn)
    batches: dict[str, list[dict[str, Any]]] = {t.name: [] for t in DATA_TABLES}
    origin: dict[str, list[str]] = {t.name: [] for t in DATA_TABLES}
    for f, table in parsed:
        if table == "wikidata":
            wd_batches, wd_problems = wikidata.plan(conn, f, vocabularies)
            problems += wd_problems
            for tname, rows in wd_batches.items():
                batches[tname] += rows
                origin[tname] += [f.name] * len(rows)
        else:
            rows, file_problems = _validate_file(conn, f, TABLES[table], vocabularies, None)
            problems += file_problems
            batches[table] += rows
            origin[table] += [f.name] * len(rows)
        # The cleaned rows are all that is read from here on: free the raw ones on a big import.
        f.rows = []
    problems += _cross_checks(conn, batches, origin)
    if problems:
        raise ImportFailed(problems)
    return batches, origin


def _would_apply(conn: sqlite3.Connection, t: Table, rows: list[dict[str, Any]]) -> dict[str, int]:
    """Return the counts ``apply_rows`` would give for ``rows``, found by looking each row up (no writes).

    One row at a time rather than ``apply_rows``' whole table in memory: a preview's memory
    grows with the file, not with the registry.
    """
    counts = {"inserted": 0, "updated": 0, "unchanged": 0}
    data_cols = [c for c in t.names if c not in _TRACK]
    natural = [c for c in data_cols if c != t.pk]
    by_key = f"SELECT * FROM [{t.name}] WHERE [{t.pk}] = ?"
    # A row without a generated id is taken as the stored row it equals (as apply_rows does).
    by_value = f"SELECT * FROM [{t.name}] WHERE " + " AND ".join(f"[{c}] IS ?" for c in natural) + " LIMIT 1"
    for r in rows:
        if t.id_generated and r.get(t.pk) is None:
            cur = conn.execute(by_value, [r.get(c) for c in natural])
        else:
            cur = conn.execute(by_key, (r.get(t.pk),))
        stored = cur.fetchone()
        if stored is None:
            counts["inserted"] += 1
            continue
        before = dict(zip([d[0] for d in cur.description], stored))
        same = all(r[c] == before.get(c) for c in natural if c in r)
        counts["unchanged" if same else "updated"] += 1
    return counts


def _cross_checks(conn, batches, origin) -> list[Problem]:  # type: ignore[no-untyped-def]
    problems: list[Problem] = []
    pending = {name: {str(r.get(TABLES[name].pk)) for r in rows if r.get(TABLES[name].pk) is not None}
               for name, rows in batches.items()}
    for name, rows in batches.items():
        t = TABLES[name]
        seen: dict[Any, tuple[str, int]] = {}
        for r, fname in zip(rows, origin[name]):
            n = int(r.get("__row__", 0))
            for col, reason in check_references(conn, t, r, pending):
                problems.append(Problem(fname, n, col, reason))
            key = r.get(t.pk)
            if key is not None and key in seen and seen[key][0] != fname:
                problems.append(Problem(fname, n, t.pk, f"id {key!r} also in {seen[key][0]} row {seen[key][1]}"))
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
                problems.append(Problem(fname, int(r["__row__"]), "tie_id", f"tie {r['tie_id']!r} is a {kind} tie, not a sister-city tie"))
    return problems


def _settings_problems(conn, batches, origin) -> list[Problem]:  # type: ignore[no-untyped-def]
    # A setting is checked as ``settings set`` checks it: a home that is no municipality, or a
    # time zone that is none, would otherwise be imported and break the review on the next page.
    from . import settings  # local: settings builds on the store, which builds on this module's peers

    kinds = {r["id"]: r.get("kind") for r in batches["entities"] if r.get("id") is not None}
    problems = []
    for r, fname in zip(batches["settings"], origin["settings"]):
        if r.get("key") is None:
            continue  # refused already (a required column)
        for p in settings.setting_problems(conn, r["key"], r.get("value"), kinds):
            problems.append(Problem(fname, int(r.get("__row__", 0)), "key" if p.column == "key" else "value", p.reason))
    return problems


def _append_only_problems(conn, batches, origin) -> list[Problem]:  # type: ignore[no-untyped-def]
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
            changed = [c for c in t.names if c in r and c != t.pk and c not in _TRACK and r[c] != before[c]]
            if changed:
                problems.append(Problem(
                    fname, int(r["__row__"]), t.pk,
                    f"{t.name} {r[t.pk]} is stored and never changed ({', '.join(changed)} differ); "
                    "add a new row without an id instead",
                ))
    return problems


def _stale_problems(conn, batches, origin) -> list[Problem]:  # type: ignore[no-untyped-def]
    # A row carrying the version it was exported at, older than the stored one, would undo a
    # change made since (a colleague's edit): refused, as store.update refuses a stale edit.
    problems = []
    for t in DATA_TABLES:
        data_cols = [c for c in t.names if c not in _TRACK and c != t.pk]
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
            problems.append(Problem(
                fname, int(r["__row__"]), "version",
                f"this row is version {version} of {t.name} {r[t.pk]!r}, but the registry has version "
                f"{before['version']} ({before['updated_by']}, {str(before['updated_at'])[:16]}): importing it "
                "would undo that change; export again and make your change there",
            ))
    return problems


def _wikidata_clashes(conn, rows, origin) -> list[Problem]:  # type: ignore[no-untyped-def]
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
            problems.append(Problem(fname, n, "wikidata_id", f"{q} is also on {seen[q][0]} row {seen[q][1]}"))
            continue
        seen[q] = (fname, n)
        hit = conn.execute("SELECT id FROM entities WHERE wikidata_id = ? AND id != ?", (q, r.get("id"))).fetchone()
        if hit is not None and moved.get(hit[0], q) == q:  # unless this import gives that entity another item
            problems.append(Problem(fname, n, "wikidata_id", f"{q} already belongs to entity {hit[0]!r}"))
        elif hit is not None and place[hit[0]][0] > i and _stored_id(conn, r.get("id")):
            # The other entity lets go of the item only on a later row: this update would briefly
            # give two entities one item, which the unique index refuses (a dry run writes nothing,
            # so the check is here, where both see it).
            _, other_file, other_row = place[hit[0]]
            problems.append(Problem(fname, n, "wikidata_id", (
                f"{q} still belongs to entity {hit[0]!r} until {other_file} row {other_row}, which comes later "
                "(UNIQUE constraint failed: entities.wikidata_id); put that row first, or for a swap clear "
                "one item in an earlier import")))
    return problems


def _stored_id(conn: sqlite3.Connection, entity_id: Any) -> bool:
    return conn.execute("SELECT 1 FROM entities WHERE id = ?", (entity_id,)).fetchone() is not None


def import_files(
    conn: sqlite3.Connection, paths: list[str | Path], *, actor: str, dry_run: bool = False,
    expect: str | None = None,
) -> ImportReport:
    """Import CSV files from disk; return the report. See :func:`import_texts`."""
    files = []
    problems = []
    for p in paths:
        path = Path(p)
        try:
            files.append((path.name, path.read_bytes()))
        except OSError as exc:
            problems.append(Problem(path.name, 0, "", f"cannot read the file: {exc.strerror}"))
    if problems:
        raise ImportFailed(problems)
    return import_texts(conn, files, actor=actor, dry_run=dry_run, expect=expect)


def slugify(text: str) -> str:
    """Return a lower-case ASCII id for ``text`` ('Kópavogur' -> 'kopavogur', 'Østersund' -> 'ostersund')."""
    text = text.replace("ø", "o").replace("Ø", "o").replace("æ", "ae").replace("Æ", "ae").replace("ß", "ss")
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")
    return slug[:120] or "x"
