import sqlite3

import pytest

from registry import connect
from registry.store.migrations import MIGRATIONS, migrate, schema_version
from registry.store.schema import TABLES


def test_connect_creates_every_table(db_path):
    conn = connect(db_path)
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert set(TABLES) <= names
    assert {"entity_kinds", "tie_kinds", "sectors", "categories"} <= names
    assert schema_version(conn) == len(MIGRATIONS)


def test_connection_settings(conn):
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_migrate_twice_applies_nothing(conn):
    assert migrate(conn) == []


def test_failed_migration_leaves_no_trace(monkeypatch):
    conn = sqlite3.connect(":memory:", isolation_level=None)

    def broken(db):
        db["half_done"].create({"a": int})
        raise RuntimeError("boom")

    monkeypatch.setattr("registry.store.migrations.MIGRATIONS", [("000_broken", broken)])
    with pytest.raises(RuntimeError):
        migrate(conn)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "half_done" not in tables
    assert conn.execute("SELECT count(*) FROM migrations").fetchone()[0] == 0


def test_foreign_keys_enforced(conn):
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO ties (id, from_id, to_id, kind, source) VALUES ('x', 'nowhere', 'nowhere2', 'sister_city', 's')")


def test_vocabulary_codes_are_foreign_keys(conn):
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO entities (id, kind, name, source) VALUES ('x', 'spaceship', 'X', 's')")
