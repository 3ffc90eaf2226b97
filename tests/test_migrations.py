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

from registry import check, connect, store
from registry.schema import MIGRATIONS

FIXTURE = Path(__file__).parent / "fixtures" / "registry_schema3.sqlite"


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
    assert conn.execute("SELECT tie_id, category, decided_on FROM decisions").fetchall() == [
        ("trondheim--graz", "dormant", "2024-03-05")]
    # amount_nok became amount; the line keeps its value.
    assert conn.execute("SELECT tie_id, year, amount, funder FROM plan_lines").fetchall() == [
        ("trondheim--graz", 2026, 50000, "municipal")]
    assert conn.execute("SELECT notes, version FROM entities WHERE id = 'graz'").fetchone() == (
        "edited before the migration", 2)
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
        assert raw.execute("SELECT label_nb, label_en FROM municipal_roles WHERE code = 'none'").fetchone() == (
            "Ingen", "None")
    conn = connect(old_copy)
    assert conn.execute("SELECT label_nb, label_en FROM municipal_roles WHERE code = 'none'").fetchone() == (
        "Ingen rolle", "No role")
    conn.close()
    own = tmp_path / "own.db"
    shutil.copy(FIXTURE, own)
    with sqlite3.connect(own) as raw:
        raw.execute("UPDATE municipal_roles SET label_en = 'Not involved' WHERE code = 'none'")
    conn = connect(own)
    assert conn.execute("SELECT label_nb, label_en FROM municipal_roles WHERE code = 'none'").fetchone() == (
        "Ingen", "Not involved")
