"""Ordered, transactional migrations that build the declared tables and carry old registries forward.

Each migration runs once per file, in its own transaction, and is recorded by name in
the ``migrations`` table; a file's version is how many have run (:func:`schema_version`).

The rule every migration after 002 must keep
--------------------------------------------
Migration 002 builds the data tables from the schema as declared *today*
(:data:`registry.store.schema.DATA_TABLES`), not as it was when 002 was written. So a fresh
file already has every column and table that later migrations add to old files, and
a later migration meets two kinds of file:

* an old file, made when 002 built fewer columns: the migration adds what is missing;
* a fresh file, made by today's 002: everything is there already.

Therefore every migration after 002 is idempotent with respect to the schema: it
creates a table only if it does not exist (``_create_missing``), adds a column only if
it is missing (``_add_missing_columns``), creates indexes and triggers with ``IF NOT
EXISTS``, rebuilds a table only when the old shape is detected (004: ``amount_nok``,
a NOT NULL ``decisions.tie_id``), and changes data only where the value as shipped
is still there (005, 008). A new migration follows the same rule; a migration that
cannot (a rename, a type change) must detect the old shape itself, as 004 does.
``tests/test_migrations.py`` upgrades a file of every earlier version (built by
migrations 1..k, then given rows) and the schema-3 file made by the library of its
time, and checks the rows, the schema (equal to a fresh file's) and ``check``.

Imports go one way: this module reads :mod:`registry.store.schema`; the schema does not
import the migrations (``registry.db`` runs :func:`migrate` when it opens a file).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from datetime import UTC

import sqlite_utils

from .. import vocab
from .schema import AUDIT, DATA_TABLES, ERASURE_GUARDS, ERASURES, Table

__all__ = ["MIGRATIONS", "migrate", "schema_version"]


def _create(db: sqlite_utils.Database, table: Table) -> None:
    types = {"TEXT": str, "INTEGER": int, "REAL": float}
    columns = {c.name: types[c.type] for c in table.columns}
    fks = [(c.name, c.references, "id") for c in table.columns if c.references]
    fks += [(c.name, c.vocabulary, "code") for c in table.columns if c.vocabulary and not c.multi]
    not_null = {c.name for c in table.columns if c.required and c.name != table.pk}
    defaults = {"version": 1} if "version" in columns else {}
    db.table(table.name).create(columns, pk=table.pk, foreign_keys=fks, not_null=not_null, defaults=defaults)
    for sql in table.extra:
        db.execute(sql)


def _m001_vocabularies(db: sqlite_utils.Database) -> None:
    for name, terms in vocab.VOCABULARIES.items():
        db.table(name).create({"code": str, "label_nb": str, "label_en": str, "help": str}, pk="code")
        db.conn.executemany(f"INSERT INTO [{name}] (code, label_nb, label_en, help) VALUES (?, ?, ?, ?)", [tuple(t) for t in terms])


def _m002_tables(db: sqlite_utils.Database) -> None:
    for table in DATA_TABLES + (AUDIT,):
        _create(db, table)
    db.execute("CREATE INDEX IF NOT EXISTS audit_row ON audit(table_name, row_id)")


def _m003_audit_append_only(db: sqlite_utils.Database) -> None:
    # The log is the registry's memory of who changed what: the database itself refuses to
    # change or remove an entry, whichever program opens the file.
    for action in ("UPDATE", "DELETE"):
        db.execute(
            f"CREATE TRIGGER IF NOT EXISTS audit_no_{action.lower()} BEFORE {action} ON audit "
            "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
        )


def _sync_vocabularies(db: sqlite_utils.Database) -> None:
    # New vocabularies and new codes of old ones; a registry's own added codes stay.
    for name, terms in vocab.VOCABULARIES.items():
        if not db[name].exists():
            db.table(name).create({"code": str, "label_nb": str, "label_en": str, "help": str}, pk="code")
        db.conn.executemany(
            f"INSERT OR IGNORE INTO [{name}] (code, label_nb, label_en, help) VALUES (?, ?, ?, ?)", [tuple(t) for t in terms]
        )


def _columns(db: sqlite_utils.Database, name: str) -> dict[str, bool]:
    """Return ``{column: not null}`` of a stored table."""
    return {r[1]: bool(r[3]) for r in db.conn.execute(f"PRAGMA table_info([{name}])")}


def _rebuild(db: sqlite_utils.Database, t: Table, select: dict[str, str]) -> None:
    # Only for tables nothing refers to: SQLite cannot relax NOT NULL in place, so copy into
    # the declared shape. ``select`` maps each new column to an expression over the old table.
    tmp = f"{t.name}__new"
    _create(db, Table(tmp, t.columns, t.pk, t.append_only, t.id_generated, t.help))
    cols = [c for c in t.names if c in select]
    db.execute(f"INSERT INTO [{tmp}] ({', '.join(f'[{c}]' for c in cols)}) SELECT {', '.join(select[c] for c in cols)} FROM [{t.name}]")
    db.execute(f"DROP TABLE [{t.name}]")
    db.execute(f"ALTER TABLE [{tmp}] RENAME TO [{t.name}]")
    for sql in t.extra:
        db.execute(sql)


def _rows(db: sqlite_utils.Database, name: str) -> dict[str, dict]:
    cur = db.conn.execute(f"SELECT * FROM [{name}]")
    names = [d[0] for d in cur.description]
    return {str(r[0]): dict(zip(names, r)) for r in cur}


def _m004_evidence_model(db: sqlite_utils.Database) -> None:
    """Activities, agreements, contacts, declared totals and settings; organisations over time;
    decisions of any kind; budget lines for any relation in any currency."""
    import json
    import secrets
    from datetime import datetime

    _sync_vocabularies(db)
    db.execute("CREATE TABLE IF NOT EXISTS registry_meta (key TEXT PRIMARY KEY, value TEXT)")
    db.conn.execute("INSERT OR IGNORE INTO registry_meta (key, value) VALUES ('audit_salt', ?)", (secrets.token_hex(16),))
    old_plan = _rows(db, "plan_lines") if "amount_nok" in _columns(db, "plan_lines") else {}
    for t in DATA_TABLES:
        if not db[t.name].exists():
            _create(db, t)
            continue
        stored = _columns(db, t.name)
        if t.name == "plan_lines" and "amount_nok" in stored:
            _rebuild(db, t, {**{c: f"[{c}]" for c in stored if c != "amount_nok"}, "amount": "[amount_nok]"})
        elif t.name == "decisions" and stored.get("tie_id"):
            _rebuild(db, t, {c: f"[{c}]" for c in stored})
        else:
            for c in t.columns:
                if c.name not in stored:
                    ref = f" REFERENCES [{c.references}](id)" if c.references else ""
                    db.execute(f"ALTER TABLE [{t.name}] ADD COLUMN [{c.name}] {c.type}{ref}")
            for sql in t.extra:
                db.execute(sql)
    if old_plan:
        # The renamed column is a change to every row: the audit log says so, or the replay
        # in ``check`` would find rows that differ from the log.
        at = datetime.now(UTC).isoformat(timespec="microseconds")
        new = _rows(db, "plan_lines")
        enc = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode
        db.conn.executemany(
            "INSERT INTO audit (at, actor, table_name, row_id, action, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(at, "migration 004_evidence_model", "plan_lines", rid, "update", enc(old_plan[rid]), enc(new[rid])) for rid in old_plan],
        )


def _m005_role_label(db: sqlite_utils.Database) -> None:
    # The municipal role 'none' was labelled "None"/"Ingen", which a reader takes for an empty
    # cell. Only the label as shipped is replaced: a registry that renamed it keeps its own.
    _sync_vocabularies(db)
    db.execute(
        "UPDATE municipal_roles SET label_nb = 'Ingen rolle', label_en = 'No role' "
        "WHERE code = 'none' AND label_nb = 'Ingen' AND label_en = 'None'"
    )


def _add_missing_columns(db: sqlite_utils.Database) -> None:
    # A fresh file's migration 002 already made these from today's schema; an older file lacks them.
    # A table the file does not have yet is left to the migration that creates it (008 makes the
    # action plan's tables): a file of version 4 or 5 reaching 006 has none of them.
    for t in DATA_TABLES:
        stored = _columns(db, t.name)
        if not stored:
            continue
        for c in t.columns:
            if c.name not in stored:
                ref = f" REFERENCES [{c.references}](id)" if c.references else ""
                db.execute(f"ALTER TABLE [{t.name}] ADD COLUMN [{c.name}] {c.type}{ref}")


def _create_missing(db: sqlite_utils.Database, tables: Iterable[Table]) -> None:
    # A fresh file's migration 002 already made today's tables; an older file lacks the newer ones.
    for t in tables:
        if not db[t.name].exists():
            _create(db, t)


def _m006_council_case(db: sqlite_utils.Database) -> None:
    """Norwegian titles beside the source's own, ongoing activities, and decisions that suspend
    or resume a twinning (with scope and re-review date)."""
    _sync_vocabularies(db)
    _add_missing_columns(db)


def _m007_erasure(db: sqlite_utils.Database) -> None:
    """Erasure as a durable event (a record and guards against writing erased values back), and the
    audit key moved out of the file into a key file beside it."""
    from . import privacy  # privacy reads the schema; imported here, when the migration runs

    _create_missing(db, (ERASURES, ERASURE_GUARDS))
    privacy.adopt_key(db.conn)


def _m008_action_plan(db: sqlite_utils.Database) -> None:
    """The action plan as data: actions, their partners and ties, indicators and their yearly values;
    budget lines for an action; the Mål bullets, decision point 7 and the majority remark as strategy points."""
    _sync_vocabularies(db)
    _create_missing(db, DATA_TABLES)
    _add_missing_columns(db)
    db.execute("CREATE INDEX IF NOT EXISTS plan_lines_action ON plan_lines(action_id)")
    # The points whose text now says which of the council's decision points it comes from: the help as
    # shipped before (the same text without that mark) is replaced; a registry's own wording stays.
    for term in vocab.STRATEGY_POINTS:
        if term.code in _MARKED_IN_008:
            old = term.help[: term.help.rindex(" (")]
            db.execute("UPDATE strategy_points SET help = ? WHERE code = ? AND help = ?", (term.help, term.code, old))


#: Strategy points whose help gained the council's mark in migration 008 (vedtakspunkt 4a and 5).
_MARKED_IN_008 = frozenset({"1", "1d", "1f", "3b", "4b"})


#: Ordered; each runs once, in its own transaction, and is recorded in ``migrations``.
MIGRATIONS: list[tuple[str, Callable[[sqlite_utils.Database], None]]] = [
    ("001_vocabularies", _m001_vocabularies),
    ("002_tables", _m002_tables),
    ("003_audit_append_only", _m003_audit_append_only),
    ("004_evidence_model", _m004_evidence_model),
    ("005_role_label", _m005_role_label),
    ("006_council_case", _m006_council_case),
    ("007_erasure", _m007_erasure),
    ("008_action_plan", _m008_action_plan),
]


def migrate(conn: sqlite3.Connection, upto: int | None = None) -> list[str]:
    """Return the names of the migrations applied now: the pending ones among the first ``upto`` (default all).

    ``upto`` builds a file of an earlier version (the tests upgrade from each one).
    """
    db = sqlite_utils.Database(conn)
    conn.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
    done = {r[0] for r in conn.execute("SELECT name FROM migrations")}
    applied = []
    for name, fn in MIGRATIONS[:upto]:
        if name in done:
            continue
        # One transaction per migration: a failure leaves the schema as it was.
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Another process opening the same new file may have applied it while we
            # waited for the write lock; ``done`` was read before that.
            if conn.execute("SELECT 1 FROM migrations WHERE name = ?", (name,)).fetchone():
                conn.execute("ROLLBACK")
                continue
            fn(db)
            conn.execute("INSERT INTO migrations (name, applied_at) VALUES (?, datetime('now'))", (name,))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(name)
    return applied


def schema_version(conn: sqlite3.Connection) -> int:
    """Return how many migrations have been applied."""
    try:
        return conn.execute("SELECT count(*) FROM migrations").fetchone()[0]
    except sqlite3.OperationalError:
        return 0
