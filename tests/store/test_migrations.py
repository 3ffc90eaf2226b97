"""Migrations carry an old registry forward: nothing lost, and the audit log still accounts for every row.

The fixture ``registry_schema3.sqlite`` was made by the previous schema (migrations 001-003):
the seed (53 entities, 46 ties), then one category decision for Graz, one plan line of
50,000 (then ``amount_nok``) and an edit of Graz's notes, each through the library.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from registry import check, connect
from registry.store import writes as store
from registry.store.migrations import MIGRATIONS, migrate

FIXTURE = Path(__file__).parent.parent / "fixtures" / "registry_schema3.sqlite"


@pytest.fixture
def old_copy(tmp_path):
    path = tmp_path / "registry.db"
    shutil.copy(FIXTURE, path)
    return path


def _rows(path: Path, table: str) -> dict[str, tuple]:
    with sqlite3.connect(path) as raw:
        return {str(r[0]): r for r in raw.execute(f"SELECT * FROM [{table}]")}


def test_the_fixture_is_a_schema_3_registry(old_copy):
    with sqlite3.connect(old_copy) as raw:
        applied = [n for (n,) in raw.execute("SELECT name FROM migrations ORDER BY name")]
    assert applied == [n for n, _ in MIGRATIONS[:3]]


def test_every_row_survives_and_check_finds_no_error(old_copy):
    entities, ties = _rows(old_copy, "entities"), _rows(old_copy, "ties")
    conn = connect(old_copy)
    assert conn.execute("SELECT count(*) FROM migrations").fetchone() == (len(MIGRATIONS),)
    assert {r[0] for r in conn.execute("SELECT id FROM entities")} == set(entities) and len(entities) == 53
    assert {r[0] for r in conn.execute("SELECT id FROM ties")} == set(ties) and len(ties) == 46
    assert conn.execute("SELECT tie_id, category, decided_on FROM decisions").fetchall() == [("trondheim--graz", "dormant", "2024-03-05")]
    # amount_nok became amount; the line keeps its value.
    assert conn.execute("SELECT tie_id, year, amount, funder FROM plan_lines").fetchall() == [("trondheim--graz", 2026, 50000, "municipal")]
    assert conn.execute("SELECT notes, version FROM entities WHERE id = 'graz'").fetchone() == ("edited before the migration", 2)
    # Columns migration 004 added hold None in old rows and are missing from old log entries:
    # the replay counts that as the same row.
    assert [str(f) for f in check(conn) if f.level == "error"] == []


def test_writes_after_the_migration_are_accounted_for(old_copy):
    conn = connect(old_copy)
    # Each update starts from a row logged before the migration, without the new columns.
    store.update(conn, "entities", "graz", {"notes": "edited after the migration", "founded": "1128"}, actor="t")
    store.update(conn, "plan_lines", 1, {"amount": 45000, "currency": "EUR"}, actor="t")
    store.update(conn, "ties", "trondheim--graz", {"notes": "renewed"}, actor="t")
    assert [str(f) for f in check(conn) if f.level == "error"] == []
    # The check still catches a write past the library on a migrated registry.
    conn.execute("UPDATE entities SET founded = '1200' WHERE id = 'graz'")
    assert [(f.table, f.row_id) for f in check(conn) if f.level == "error"] == [("entities", "graz")]


def test_opening_again_migrates_nothing(old_copy):
    connect(old_copy).close()
    # Migration 007 moved the audit key out of the file into the key file beside it; it stays there.
    key = old_copy.with_name(old_copy.name + ".key").read_text()
    conn = connect(old_copy)
    assert conn.execute("SELECT value FROM registry_meta WHERE key = 'audit_salt'").fetchone() is None
    assert old_copy.with_name(old_copy.name + ".key").read_text() == key
    assert conn.execute("SELECT count(*) FROM migrations").fetchone() == (len(MIGRATIONS),)


def test_the_municipal_role_none_is_relabelled_unless_the_registry_renamed_it(old_copy, tmp_path):
    # Issue 11, item 6: the label "None" of the role 'none' read as an empty cell.
    with sqlite3.connect(old_copy) as raw:
        assert raw.execute("SELECT label_nb, label_en FROM municipal_roles WHERE code = 'none'").fetchone() == ("Ingen", "None")
    conn = connect(old_copy)
    assert conn.execute("SELECT label_nb, label_en FROM municipal_roles WHERE code = 'none'").fetchone() == ("Ingen rolle", "No role")
    conn.close()
    own = tmp_path / "own.db"
    shutil.copy(FIXTURE, own)
    with sqlite3.connect(own) as raw:
        raw.execute("UPDATE municipal_roles SET label_en = 'Not involved' WHERE code = 'none'")
    conn = connect(own)
    assert conn.execute("SELECT label_nb, label_en FROM municipal_roles WHERE code = 'none'").fetchone() == ("Ingen", "Not involved")


# --- An upgrade from every earlier version ------------------------------------------------------
#
# A file at version k is built by applying migrations 1..k (``migrate(conn, upto=k)``), given
# representative rows written with their audit entries (as the store writes them), then opened
# with today's library. Every row must survive, the schema must be a fresh file's, and ``check``
# must find no error.


ROWS: dict[str, list[dict]] = {
    "entities": [
        {"id": "home", "name": "Home", "kind": "municipality", "country_code": "NO", "source": "test"},
        {"id": "twin", "name": "Twin", "kind": "city", "country_code": "SE", "source": "test"},
    ],
    "ties": [{"id": "home--twin", "from_id": "home", "to_id": "twin", "kind": "sister_city", "start": "1950", "source": "test"}],
    "decisions": [
        {
            "id": 1,
            "tie_id": "home--twin",
            "kind": "category",
            "category": "dormant",
            "decided_on": "2024-03-05",
            "decided_by": "bystyret",
            "reason": "test",
        }
    ],
}


def _write_rows(raw: sqlite3.Connection) -> None:
    """Insert :data:`ROWS` and log each as an insert, the way the store does (the row as stored)."""
    import json

    for table, rows in ROWS.items():
        for r in rows:
            cur = raw.execute(
                f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in r)}) VALUES ({', '.join('?' for _ in r)})", tuple(r.values())
            )
            stored = raw.execute(f"SELECT * FROM [{table}] WHERE rowid = ?", (cur.lastrowid,))
            row = dict(zip([d[0] for d in stored.description], stored.fetchone()))
            raw.execute(
                "INSERT INTO audit (at, actor, table_name, row_id, action, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    "2024-01-01T00:00:00+00:00",
                    "test",
                    table,
                    str(row["id"]),
                    "insert",
                    None,
                    json.dumps(row, ensure_ascii=False, sort_keys=True),
                ),
            )
    raw.commit()


def _schema(path: Path) -> dict[str, object]:
    """Return the file's schema, normalised: tables' columns (name, type, not null, default, pk),
    foreign keys, index and trigger definitions, ignoring how SQLite spelt each CREATE statement."""
    with sqlite3.connect(path) as raw:
        out: dict[str, object] = {}
        for kind, name, tbl, sql in raw.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name"):
            if name.startswith("sqlite_autoindex"):
                continue
            if kind == "table":
                # Sorted: ALTER TABLE ADD COLUMN can only append, so an upgraded old file holds the
                # newer columns last (the schema-3 file's entities and ties) where a fresh file has
                # them in declared order. The library names its columns; the set is what must agree.
                cols = sorted(tuple(r[1:]) for r in raw.execute(f"PRAGMA table_info([{name}])"))
                fks = sorted(tuple(r[2:5]) for r in raw.execute(f"PRAGMA foreign_key_list([{name}])"))
                out[f"table {name}"] = (cols, fks)
            else:
                out[f"{kind} {name}"] = (tbl, " ".join(str(sql).split()).replace("IF NOT EXISTS ", ""))
    return out


@pytest.fixture(scope="module")
def fresh_schema(tmp_path_factory) -> dict[str, object]:
    path = tmp_path_factory.mktemp("fresh") / "fresh.db"
    connect(path).close()
    return _schema(path)


@pytest.mark.parametrize("k", range(2, len(MIGRATIONS)))
def test_a_registry_of_every_earlier_version_upgrades_to_the_fresh_schema(k, tmp_path, fresh_schema):
    path = tmp_path / f"v{k}.db"
    with sqlite3.connect(path, isolation_level=None) as raw:
        assert migrate(raw, upto=k) == [n for n, _ in MIGRATIONS[:k]]
    with sqlite3.connect(path) as raw:
        _write_rows(raw)
    conn = connect(path)
    assert [n for (n,) in conn.execute("SELECT name FROM migrations ORDER BY name")] == [n for n, _ in MIGRATIONS]
    for table, rows in ROWS.items():
        key = "id"
        stored = conn.execute(f"SELECT * FROM [{table}] ORDER BY rowid")
        names = [d[0] for d in stored.description]
        got = [dict(zip(names, r)) for r in stored]
        assert [g[key] for g in got] == [r[key] for r in rows]
        for g, r in zip(got, rows):
            assert {c: g[c] for c in r} == r
    assert [str(f) for f in check(conn) if f.level == "error"] == []
    conn.close()
    assert _schema(path) == fresh_schema


def test_a_version_1_registry_has_vocabularies_only_and_upgrades(tmp_path, fresh_schema):
    # Version 1 holds only the vocabularies: there is no table to put a row in yet.
    path = tmp_path / "v1.db"
    with sqlite3.connect(path, isolation_level=None) as raw:
        migrate(raw, upto=1)
        assert raw.execute("SELECT count(*) FROM sqlite_master WHERE name = 'entities'").fetchone() == (0,)
    conn = connect(path)
    assert [str(f) for f in check(conn) if f.level == "error"] == []
    conn.close()
    assert _schema(path) == fresh_schema


def test_the_schema_3_fixture_upgrades_to_the_fresh_schema(old_copy, fresh_schema):
    # A file made by the library of its own time (migrations 001-003), not rebuilt by today's.
    connect(old_copy).close()
    assert _schema(old_copy) == fresh_schema


def test_migrate_stops_at_the_version_asked_for(tmp_path):
    with sqlite3.connect(tmp_path / "r.db", isolation_level=None) as raw:
        assert migrate(raw, upto=3) == [n for n, _ in MIGRATIONS[:3]]
        assert migrate(raw, upto=3) == []
        assert migrate(raw) == [n for n, _ in MIGRATIONS[3:]]


def _fingerprint(schema: dict[str, object]) -> str:
    import hashlib
    import json

    return hashlib.sha256(json.dumps(schema, sort_keys=True, default=str).encode()).hexdigest()[:16]


#: The schema a file has after each number of migrations, fingerprinted (tables, columns, keys, indexes,
#: triggers; see :func:`_schema`). Migration 002 builds today's declared tables, so a change to
#: ``registry/store/schema.py`` changes a fresh file at once, while a file already at the last version keeps
#: its old shape: a schema change needs a new migration that brings such a file forward, and then a
#: new line here.
SCHEMA_AT_VERSION: dict[int, str] = {8: "49810430bba895fd"}


def test_a_schema_change_comes_with_a_migration(fresh_schema):
    assert SCHEMA_AT_VERSION.get(len(MIGRATIONS)) == _fingerprint(fresh_schema), (
        "the declared schema changed without a new migration: add one to registry/migrations.py that "
        "brings a file of the last version forward, then record the new fingerprint in SCHEMA_AT_VERSION"
    )


def test_the_schema_module_does_not_import_the_migrations():
    # Imports go one way (migrations -> schema), so the declared tables load without the code that builds them.
    import ast

    root = Path(__file__).resolve().parents[2] / "registry" / "store"
    for name in ("schema.py", "tables.py"):
        tree = ast.parse((root / name).read_text(encoding="utf-8"))
        imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)} | {
            a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names
        }
        assert not {m for m in imported if m and m.split(".")[-1] == "migrations"}, name


# --- Files made by the library of their own time -----------------------------------------------
#
# registry_v4..v7.sqlite.gz were written by the library at versions 4 to 7 (the commits are named in
# fixtures/make_old_registry.py, which made them): three entities, two ties, a decision, a budget line,
# an activity with a participant, a contact with a person's name, and one edit, all through that
# version's store. Version 7 keeps its audit key beside the file, as that version does.

OLD_FILES = {v: FIXTURE.with_name(f"registry_v{v}.sqlite.gz") for v in (4, 5, 6, 7)}


def _unpack(version: int, tmp_path: Path) -> Path:
    import gzip

    path = tmp_path / "registry.db"
    path.write_bytes(gzip.decompress(OLD_FILES[version].read_bytes()))
    key = OLD_FILES[version].with_name(f"registry_v{version}.sqlite.key")
    if key.exists():
        shutil.copy(key, path.with_name(path.name + ".key"))
    return path


def _all_rows(path: Path) -> dict[str, dict[str, dict]]:
    with sqlite3.connect(path) as raw:
        tables = [n for (n,) in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        out = {}
        for t in tables:
            cur = raw.execute(f"SELECT rowid, * FROM [{t}]")
            names = [d[0] for d in cur.description]
            out[t] = {str(r[0]): dict(zip(names, r)) for r in cur}
        return out


@pytest.mark.parametrize("version", sorted(OLD_FILES))
def test_a_file_made_by_an_earlier_version_upgrades_with_every_row(version, tmp_path, fresh_schema):
    path = _unpack(version, tmp_path)
    before = _all_rows(path)
    assert len(before["migrations"]) == version
    assert len(before["entities"]) == 3 and len(before["contacts"]) == 1
    conn = connect(path)
    assert [n for (n,) in conn.execute("SELECT name FROM migrations ORDER BY name")] == [n for n, _ in MIGRATIONS]
    conn.close()
    after = _all_rows(path)
    # Every row of every table the old file had is still there, each old column with its value
    # (vocabulary rows may gain labels a later migration corrects: 005 relabels the role 'none').
    relabelled = {("municipal_roles", "label_nb"), ("municipal_roles", "label_en"), ("strategy_points", "help")}
    for table, rows in before.items():
        if table in ("migrations", "registry_meta"):
            continue  # registry_meta: migration 007 moves the audit key out of the file (below)
        assert after[table].keys() >= rows.keys(), table
        for rid, row in rows.items():
            kept = {c: v for c, v in after[table][rid].items() if c in row and (table, c) not in relabelled}
            assert kept == {c: v for c, v in row.items() if (table, c) not in relabelled}, (table, rid)
    assert "audit_salt" not in {r["key"] for r in after["registry_meta"].values()}
    assert path.with_name(path.name + ".key").exists()
    assert _schema(path) == fresh_schema
    conn = connect(path)
    assert [str(f) for f in check(conn) if f.level == "error"] == []
    # The library goes on writing to it, and the audit log still accounts for every row.
    store.update(conn, "entities", "twin", {"notes": "edited after the upgrade"}, actor="t")
    store.update(conn, "contacts", "c1", {"office": "deputy mayor"}, actor="t")
    assert [str(f) for f in check(conn) if f.level == "error"] == []
