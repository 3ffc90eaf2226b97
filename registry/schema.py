"""The registry's tables, declared as data, and the ordered migrations that build them."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Callable

import sqlite_utils

from . import vocab

__all__ = ["Column", "Table", "TABLES", "DATA_TABLES", "MIGRATIONS", "migrate", "schema_version"]


@dataclass(frozen=True)
class Column:
    name: str
    type: str = "TEXT"  # TEXT, INTEGER or REAL
    required: bool = False
    references: str | None = None  # "table" (by its primary key)
    vocabulary: str | None = None  # vocabulary table for coded values
    multi: bool = False  # ';'-separated codes from ``vocabulary``
    date: bool = False  # a partial date
    help: str = ""


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    pk: str = "id"
    append_only: bool = False  # rows are never updated or deleted
    id_generated: bool = False  # integer id assigned by SQLite
    help: str = ""
    extra: tuple[str, ...] = field(default_factory=tuple)  # extra SQL (indexes)

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]


_TRACKING = (
    Column("version", "INTEGER", help="Row version, raised by every update (optimistic concurrency)"),
    Column("updated_at", help="UTC time of the last change"),
    Column("updated_by", help="Who made the last change"),
)

ENTITIES = Table(
    "entities",
    (
        Column("id", required=True, help="Stable slug, e.g. 'dunfermline'"),
        Column("kind", required=True, vocabulary="entity_kinds"),
        Column("name", required=True, help="Name (Norwegian where it differs)"),
        Column("name_en", help="English name where it differs"),
        Column("country_code", help="ISO 3166-1 alpha-2 code"),
        Column("lat", "REAL", help="Latitude (WGS84)"),
        Column("lon", "REAL", help="Longitude (WGS84)"),
        Column("url", help="Web address"),
        Column("wikidata_id", help="Wikidata item id, e.g. Q1234"),
        Column("notes"),
        Column("source", required=True, help="One or more addresses, or the strategy document"),
    )
    + _TRACKING,
    help="Places, institutions, networks and programmes",
    extra=(
        "CREATE UNIQUE INDEX IF NOT EXISTS entities_wikidata ON entities(wikidata_id) WHERE wikidata_id IS NOT NULL",
        "CREATE INDEX IF NOT EXISTS entities_kind ON entities(kind)",
    ),
)

TIES = Table(
    "ties",
    (
        Column("id", required=True, help="Stable slug, e.g. 'trondheim--dunfermline'"),
        Column("from_id", required=True, references="entities"),
        Column("to_id", required=True, references="entities"),
        Column("kind", required=True, vocabulary="tie_kinds"),
        Column("directed", "INTEGER", help="1 when the direction matters, else 0"),
        Column("sectors", vocabulary="sectors", multi=True, help="';'-separated sector codes"),
        Column("start", date=True, help="YYYY, YYYY-MM or YYYY-MM-DD"),
        Column("start_certainty", vocabulary="certainties"),
        Column("end", date=True),
        Column("status", vocabulary="statuses"),
        Column("carrier_id", references="entities", help="The local actor that carries the contact"),
        Column("municipal_role", vocabulary="municipal_roles"),
        Column("reciprocity", vocabulary="reciprocities"),
        Column("goals"),
        Column("indicators"),
        Column("funding"),
        Column("strategy_points", help="';'-separated strategy points, e.g. '2a;4e'"),
        Column("source", required=True),
        Column("notes"),
    )
    + _TRACKING,
    help="Typed, dated relations between entities",
    extra=(
        "CREATE INDEX IF NOT EXISTS ties_from ON ties(from_id)",
        "CREATE INDEX IF NOT EXISTS ties_to ON ties(to_id)",
        "CREATE INDEX IF NOT EXISTS ties_kind ON ties(kind)",
    ),
)

DECISIONS = Table(
    "decisions",
    (
        Column("id", "INTEGER"),
        Column("tie_id", required=True, references="ties", help="The sister-city tie decided on"),
        Column("category", required=True, vocabulary="categories"),
        Column("decided_on", required=True, date=True),
        Column("decided_by", required=True, help="Body or person, e.g. 'Bystyret'"),
        Column("case_ref", help="Council case reference"),
        Column("reason", required=True),
        Column("source"),
    )
    + _TRACKING,
    append_only=True,
    id_generated=True,
    help="Sister-city category decisions; history is kept, never overwritten",
    extra=("CREATE INDEX IF NOT EXISTS decisions_tie ON decisions(tie_id)",),
)

PLAN_LINES = Table(
    "plan_lines",
    (
        Column("id", "INTEGER"),
        Column("tie_id", required=True, references="ties", help="The sister-city tie financed"),
        Column("year", "INTEGER", required=True),
        Column("amount_nok", "INTEGER", required=True),
        Column("funder", required=True, help="'municipal' or the name of an external programme"),
        Column("funder_id", references="entities", help="The funding programme, when registered"),
        Column("purpose", required=True),
        Column("source"),
    )
    + _TRACKING,
    id_generated=True,
    help="Financing plan lines per sister city",
    extra=("CREATE INDEX IF NOT EXISTS plan_lines_tie ON plan_lines(tie_id)",),
)

AUDIT = Table(
    "audit",
    (
        Column("id", "INTEGER"),
        Column("at", required=True),
        Column("actor", required=True),
        Column("table_name", required=True),
        Column("row_id", required=True),
        Column("action", required=True),
        Column("before"),
        Column("after"),
    ),
    append_only=True,
    id_generated=True,
    help="Every insert, update and delete, with before and after as JSON",
)

#: Tables users edit, in dependency order (parents first).
DATA_TABLES: tuple[Table, ...] = (ENTITIES, TIES, DECISIONS, PLAN_LINES)
TABLES: dict[str, Table] = {t.name: t for t in DATA_TABLES + (AUDIT,)}


def _create(db: sqlite_utils.Database, table: Table) -> None:
    types = {"TEXT": str, "INTEGER": int, "REAL": float}
    columns = {c.name: types[c.type] for c in table.columns}
    fks = [(c.name, c.references, "id") for c in table.columns if c.references]
    fks += [(c.name, c.vocabulary, "code") for c in table.columns if c.vocabulary and not c.multi]
    not_null = {c.name for c in table.columns if c.required and c.name != table.pk}
    defaults = {"version": 1} if "version" in columns else {}
    db[table.name].create(columns, pk=table.pk, foreign_keys=fks, not_null=not_null, defaults=defaults)
    for sql in table.extra:
        db.execute(sql)


def _m001_vocabularies(db: sqlite_utils.Database) -> None:
    for name, terms in vocab.VOCABULARIES.items():
        db[name].create({"code": str, "label_nb": str, "label_en": str, "help": str}, pk="code")
        db.conn.executemany(
            f"INSERT INTO [{name}] (code, label_nb, label_en, help) VALUES (?, ?, ?, ?)",
            [tuple(t) for t in terms],
        )


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


#: Ordered; each runs once, in its own transaction, and is recorded in ``migrations``.
MIGRATIONS: list[tuple[str, Callable[[sqlite_utils.Database], None]]] = [
    ("001_vocabularies", _m001_vocabularies),
    ("002_tables", _m002_tables),
    ("003_audit_append_only", _m003_audit_append_only),
]


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply pending migrations; return the names of those applied now."""
    db = sqlite_utils.Database(conn)
    conn.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
    done = {r[0] for r in conn.execute("SELECT name FROM migrations")}
    applied = []
    for name, fn in MIGRATIONS:
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
            conn.execute(
                "INSERT INTO migrations (name, applied_at) VALUES (?, datetime('now'))", (name,)
            )
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
