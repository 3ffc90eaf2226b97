"""Importing CSV files: detect the table, validate every row, then write all or nothing."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...errors import ImportFailed, Problem
from ...store.db import transaction
from ...store.person import refused
from ...store.schema import DATA_TABLES, TABLES, personal_columns
from ...store.validate import load_vocabularies
from ...store.writes import apply_rows
from .checks import cross_checks
from .csvfile import MAX_FILE_BYTES, MAX_ROWS, CsvFile, read_csv, width_reason
from .dryrun import reading, would_apply
from .headers import ALIASES, SIGNATURES, WIKIDATA_COLUMNS, apply_aliases, detect_table, unknown_header
from .rows import validate_file
from .slugs import slugify

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_ROWS",
    "IMPORT_CACHE_SIZE",
    "ImportReport",
    "CsvFile",
    "read_csv",
    "width_reason",
    "WIKIDATA_COLUMNS",
    "SIGNATURES",
    "ALIASES",
    "detect_table",
    "apply_aliases",
    "import_files",
    "import_texts",
    "slugify",
]

#: SQLite page cache during an import (negative: KiB), 256 MiB; the connection's own setting returns after.
IMPORT_CACHE_SIZE = -256 * 1024


@dataclass
class ImportReport:
    """What an import did (or, with ``dry_run``, would do), per table."""

    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    dry_run: bool = False
    files: dict[str, str] = field(default_factory=dict)  # file -> detected table

    def total(self, key: str) -> int:
        """Return the sum of one count (inserted, updated, unchanged) over all tables."""
        return sum(c.get(key, 0) for c in self.counts.values())


def import_texts(
    conn: sqlite3.Connection,
    files: list[tuple[str, bytes]],
    *,
    actor: str,
    dry_run: bool = False,
    expect: str | None = None,
    personal: bool = True,
) -> ImportReport:
    """Import CSV contents ``[(name, bytes)]``; return what was (or would be) written.

    All files are validated first; any problem raises ImportFailed listing every
    problem (file, row, column, reason) and nothing is written. Otherwise all files
    apply in one transaction, parents before children. With ``dry_run`` the same
    checks run in a read transaction and the counts come from looking rows up:
    nothing is written and the write lock is never taken, so editors are not held
    up by a preview. ``expect`` ('wikidata', 'entities', ...) refuses files of any
    other table. Every file's table is in ``counts``, with zeros when nothing changes.

    ``personal=False`` (a dry run for someone who may not see personal data) leaves the
    personal columns out of every comparison, so the preview answers the same whether a
    guessed name, e-mail or phone is right or wrong.
    """
    if dry_run:
        return _import(conn, files, actor=actor, dry_run=True, expect=expect, personal=personal)
    if not personal:
        raise ValueError("only a dry run can leave personal columns out")
    # A bulk import touches many more pages than SQLite's default 2 MB page cache holds; each
    # one spilled and read back costs a write and a read. The cache grows only as pages are used.
    cache_size = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute(f"PRAGMA cache_size = {IMPORT_CACHE_SIZE}")
    try:
        return _import(conn, files, actor=actor, dry_run=False, expect=expect)
    finally:
        conn.execute(f"PRAGMA cache_size = {int(cache_size)}")


def _import(
    conn: sqlite3.Connection, files: list[tuple[str, bytes]], *, actor: str, dry_run: bool, expect: str | None, personal: bool = True
) -> ImportReport:
    """Return the report of importing ``files`` (see :func:`import_texts`); raise ImportFailed on any problem."""
    parsed: list[tuple[CsvFile, str]] = []
    problems: list[Problem] = []
    for name, data in files:
        try:
            # This package's limits, read at each import: a test lowers them on ``registry.io.ingest``.
            f = read_csv(data, name, max_bytes=MAX_FILE_BYTES, max_rows=MAX_ROWS)
        except ImportFailed as exc:
            problems += exc.problems
            continue
        table = detect_table(f.header)
        if table is None:
            problems.append(Problem(name, 1, "", unknown_header(f.header)))
            continue
        if expect is not None and table != expect:
            problems.append(Problem.of(name, 1, "header", "wrong_table", expect=expect, table=table))
            continue
        apply_aliases(f, table)
        parsed.append((f, table))
    if problems:
        raise ImportFailed(problems)

    report = ImportReport(dry_run=dry_run, files={f.name: t for f, t in parsed})
    # A header-only file, or a Wikidata export already imported, still says what it was read as.
    for _f, table in parsed:
        for name in ("entities", "ties") if table == "wikidata" else (table,):
            report.counts.setdefault(name, {"inserted": 0, "updated": 0, "unchanged": 0})
    if dry_run:
        with reading(conn):
            batches, origin = _validated_batches(conn, parsed, personal=personal)
            if personal:
                # What the import would refuse as erased data, the preview says now. Not for a viewer:
                # that would confirm a guessed name was once in the registry.
                erased = [
                    Problem(origin[t.name][i], int(batches[t.name][i]["__row__"]), col, reason)
                    for t in DATA_TABLES
                    for i, col, reason in refused(conn, t.name, batches[t.name])
                ]
                if erased:
                    raise ImportFailed(erased)
            for t in DATA_TABLES:
                if batches[t.name]:
                    report.counts[t.name] = would_apply(conn, t, batches[t.name])
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
                    raise ImportFailed([Problem.of(origin[t.name][0], 0, "", "db_refused", why=exc)]) from None
    return report


def _validated_batches(
    conn: sqlite3.Connection, parsed: list[tuple[CsvFile, str]], *, personal: bool = True
) -> tuple[dict[str, list[dict[str, Any]]], dict[str, list[str]]]:
    """Return ``(rows by table, file of each row)``, checked against ``conn``; raise ImportFailed on any problem.

    The one validation a real import and a dry run share, so both report the same problems.
    """
    from . import wikidata  # local: wikidata builds on this package's modules

    problems: list[Problem] = []
    # Looked up in this module at each import, so a test can replace ``registry.io.ingest.load_vocabularies``.
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
            rows, file_problems = validate_file(f, TABLES[table], vocabularies)
            problems += file_problems
            batches[table] += rows
            origin[table] += [f.name] * len(rows)
        # The cleaned rows are all that is read from here on: free the raw ones on a big import.
        f.rows = []
    if not personal:
        # No oracle: a viewer's preview must not tell a right guess from a wrong one, so the
        # personal columns take no part in any comparison with the stored rows.
        for t in DATA_TABLES:
            hidden = personal_columns(t.name)
            for r in batches[t.name] if hidden else ():
                for c in hidden:
                    r.pop(c, None)
    problems += cross_checks(conn, batches, origin)
    if problems:
        raise ImportFailed(problems)
    return batches, origin


def import_files(
    conn: sqlite3.Connection, paths: Sequence[str | Path], *, actor: str, dry_run: bool = False, expect: str | None = None
) -> ImportReport:
    """Import CSV files from disk; return the report. See :func:`import_texts`."""
    files = []
    problems = []
    for p in paths:
        path = Path(p)
        try:
            files.append((path.name, path.read_bytes()))
        except OSError as exc:
            problems.append(Problem.of(path.name, 0, "", "unreadable_file", why=exc.strerror))
    if problems:
        raise ImportFailed(problems)
    return import_texts(conn, files, actor=actor, dry_run=dry_run, expect=expect)
