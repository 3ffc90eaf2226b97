"""The action plan as data: actions, their partners and ties, indicators and their yearly values, budget lines
for an action — imported, exported, edited and audited like every table, and carried by migration 008."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from registry import check, connect, vocab
from registry.errors import ImportFailed, InvalidRow
from registry.io import export
from registry.io.ingest import detect_table, import_texts
from registry.network.graph import snapshot
from registry.store import writes as store
from registry.store.schema import TABLES

TRACK = ("version", "updated_at", "updated_by")

# A small plan: two actions (one tagged 1c, one 3d;4e), one with a partner and a tie; two indicators, each
# measured in three years; a budget line planned for each action. The entities and the tie it needs come first.
ENTITIES = """id,kind,name,source
home,municipality,Home kommune,test
x,city,X,test
uni,university,Uni,test
"""
TIES = """id,from_id,to_id,kind,status,source
home--x,home,x,sister_city,active,test
"""
ACTIONS = """id,title,title_nb,strategy_points,responsible,period_start,period_end,status,source
school-exchange,Skoleutveksling med X,,1c,Oppvekst,2024,2025,ongoing,test
consul-meetings,Møter med konsulene,,3d;4e,Rådmannens fagstab,2025,2026,planned,test
"""
PARTNERS = """action_id,entity_id,role
school-exchange,uni,partner
"""
ACTION_TIES = """action_id,tie_id
school-exchange,home--x
"""
INDICATORS = """id,name,name_en,unit,direction,baseline,baseline_year,target,target_year,action_id,strategy_points,source
pupils,Elever på utveksling,Pupils on exchange,elever,higher,10,2023,40,2025,school-exchange,,test
complaints,Klager,Complaints,klager,lower,9,2023,3,2025,,4b,test
"""
VALUES = """indicator_id,year,value,source
pupils,2023,10,test
pupils,2024,25,test
pupils,2025,42,test
complaints,2023,9,test
complaints,2024,6,test
complaints,2025,4,test
"""
LINES = """action_id,year,kind,amount,funder,purpose,source
school-exchange,2025,plan,30000,municipal,Reiser,test
consul-meetings,2025,plan,5000,municipal,Møter,test
"""
FILES = [
    ("entities.csv", ENTITIES),
    ("ties.csv", TIES),
    ("plan_actions.csv", ACTIONS),
    ("partners.csv", PARTNERS),
    ("action_ties.csv", ACTION_TIES),
    ("indicators.csv", INDICATORS),
    ("values.csv", VALUES),
    ("lines.csv", LINES),
]
NEW = ("plan_actions", "action_partners", "action_ties", "indicators", "indicator_values", "plan_lines")


def _errors(conn: sqlite3.Connection) -> list[str]:
    return [str(f) for f in check(conn) if f.level == "error"]


def _import(conn: sqlite3.Connection, files=FILES, actor: str = "tester"):
    return import_texts(conn, [(n, text.encode("utf-8")) for n, text in files], actor=actor)


def _data(conn: sqlite3.Connection, table: str) -> list[tuple]:
    cols = [c for c in TABLES[table].names if c not in TRACK]
    return conn.execute(f"SELECT {', '.join(f'[{c}]' for c in cols)} FROM [{table}] ORDER BY 1").fetchall()


def test_each_file_is_told_by_its_header():
    heads = {name: text.splitlines()[0].split(",") for name, text in FILES}
    assert [detect_table(heads[n]) for n, _ in FILES[2:]] == [
        "plan_actions",
        "action_partners",
        "action_ties",
        "indicators",
        "indicator_values",
        "plan_lines",
    ]
    # An exported file has every column: still the same tables.
    for t in NEW:
        assert detect_table(TABLES[t].names) == t, t


def test_import_writes_every_row_and_an_audit_row_for_each(conn):
    report = _import(conn)
    # Counted from the files above: 2 actions, 1 partner, 1 tie link, 2 indicators, 6 values, 2 lines.
    assert {t: report.counts[t]["inserted"] for t in NEW} == {
        "plan_actions": 2,
        "action_partners": 1,
        "action_ties": 1,
        "indicators": 2,
        "indicator_values": 6,
        "plan_lines": 2,
    }
    for t in NEW:
        audited = conn.execute(
            "SELECT count(*) FROM audit WHERE table_name = ? AND action = 'insert' AND actor = 'tester'", (t,)
        ).fetchone()[0]
        assert audited == report.counts[t]["inserted"], t
    assert _errors(conn) == []


def test_export_then_import_into_an_empty_registry_gives_the_same_rows(conn, tmp_path):
    _import(conn)
    files = [(f"{t}.csv", export.csv_text(conn, t)) for t in ("entities", "ties", *NEW)]
    other = connect(tmp_path / "other.db")
    _import(other, files)
    for t in NEW:
        assert _data(other, t) == _data(conn, t), t
    # And once more into the first: the rows are its own, so nothing changes.
    again = _import(conn, files)
    assert all(again.counts[t]["inserted"] == again.counts[t]["updated"] == 0 for t in NEW)
    other.close()


def test_edits_are_versioned_and_audited(conn):
    _import(conn)
    after = store.update(conn, "plan_actions", "consul-meetings", {"status": "ongoing"}, actor="editor", expected_version=1)
    assert (after["status"], after["version"]) == ("ongoing", 2)
    value_id = conn.execute("SELECT id FROM indicator_values WHERE indicator_id = 'pupils' AND year = 2025").fetchone()[0]
    store.delete(conn, "indicator_values", value_id, actor="editor")
    log = conn.execute("SELECT table_name, row_id, action FROM audit WHERE actor = 'editor' ORDER BY id").fetchall()
    assert log == [("plan_actions", "consul-meetings", "update"), ("indicator_values", str(value_id), "delete")]
    assert _errors(conn) == []


def test_the_rows_are_checked(conn):
    _import(conn)
    with pytest.raises(InvalidRow) as exc:
        store.insert(
            conn,
            "plan_actions",
            {"id": "late", "title": "T", "status": "done", "period_start": "2026", "period_end": "2025", "source": "test"},
            actor="t",
        )
    columns = sorted(p.column for p in exc.value.problems)
    assert columns == ["period_end", "status"]  # an end before the start; 'done' is no action status
    with pytest.raises(InvalidRow):
        store.insert(conn, "indicators", {"id": "i", "name": "I", "direction": "up", "source": "test"}, actor="t")
    with pytest.raises(InvalidRow):  # a partner that is no entity
        store.insert(conn, "action_partners", {"action_id": "school-exchange", "entity_id": "nobody"}, actor="t")
    # A budget line may name only an action.
    line = store.insert(
        conn, "plan_lines", {"action_id": "consul-meetings", "year": 2026, "amount": 1, "funder": "municipal", "purpose": "p"}, actor="t"
    )
    assert line["action_id"] == "consul-meetings"
    with pytest.raises(ImportFailed):  # a second value for the same indicator and year
        _import(conn, [("values.csv", "indicator_id,year,value,source\npupils,2024,26,other\n")])


def test_the_snapshot_carries_the_plan(conn):
    _import(conn)
    snap = snapshot(conn)
    actions = {a["id"]: a for a in snap.plan_actions}
    assert actions["school-exchange"]["partners"] == (("uni", "partner"),)
    assert actions["school-exchange"]["tie_ids"] == ("home--x",)
    pupils = {i["id"]: i for i in snap.indicators}["pupils"]
    assert [(y, v) for y, v, _s in pupils["values"]] == [(2023, 10.0), (2024, 25.0), (2025, 42.0)]
    assert {p["action_id"] for p in snap.plan_lines} == {"school-exchange", "consul-meetings"}


FIXTURE = Path(__file__).parent / "fixtures" / "registry_schema3.sqlite"


def test_migration_008_carries_an_old_registry_forward(tmp_path):
    path = tmp_path / "old.db"
    shutil.copy(FIXTURE, path)
    conn = connect(path)
    assert "008_action_plan" in {r[0] for r in conn.execute("SELECT name FROM migrations")}
    for t in NEW:
        stored = {r[1] for r in conn.execute(f"PRAGMA table_info([{t}])")}
        assert set(TABLES[t].names) <= stored, t
    codes = {r[0]: r[1] for r in conn.execute("SELECT code, help FROM strategy_points")}
    assert {"g1", "g2", "g3", "v7", "fm"} <= set(codes)
    # The help as shipped gains the council's mark (decision point 5).
    assert codes["1d"] == {t.code: t.help for t in vocab.STRATEGY_POINTS}["1d"] and "vedtakspunkt 5" in codes["1d"]
    assert {r[0] for r in conn.execute("SELECT code FROM action_statuses")} == {t.code for t in vocab.ACTION_STATUSES}
    assert _errors(conn) == []
    conn.close()


def test_the_seed_holds_no_invented_action(seeded):
    # Decision 4 (the formannskap's action programme of 2013-10-22) is in the seed, but its source does not
    # give the programme's actions: none is registered (data/README.md says so).
    assert seeded.execute("SELECT count(*) FROM plan_actions").fetchone()[0] == 0
    assert seeded.execute("SELECT count(*) FROM indicators").fetchone()[0] == 0


def test_the_registry_page_edits_the_plan_with_its_generic_forms():
    from registry.edit import forms

    assert {"plan_actions", "indicators"} <= set(forms.EDITABLE)
    # Partners and ties belong to an action, measured values to an indicator: shown and edited under them.
    assert forms.children("plan_actions") == (("action_partners", "action_id"), ("action_ties", "action_id"))
    assert forms.children("indicators") == (("indicator_values", "indicator_id"),)
    assert forms.fill_id("plan_actions", {"id": "", "title": "Møter med konsulene", "period_start": "2025"})["id"] == (
        "moter-med-konsulene--2025"
    )
    assert forms.row_label("indicator_values", {"id": 1, "year": 2024, "value": 25.0}) == "2024 · 25"
