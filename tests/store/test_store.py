"""Every write goes through the store: validated, versioned and audited."""

import json

import pytest

from registry.errors import InvalidRow, NotFound, ReadOnlyTable, StaleVersion
from registry.store import writes as store
from tests.damage import damage_ties

CITY = {"id": "tromso", "kind": "city", "name": "Tromsø", "country_code": "NO", "source": "https://example.org/a"}


def audit(conn):
    return conn.execute("SELECT table_name, row_id, action, before, after, actor FROM audit ORDER BY id").fetchall()


def test_insert_writes_row_and_audit(conn):
    row = store.insert(conn, "entities", CITY, actor="ola")
    assert row["version"] == 1 and row["updated_by"] == "ola" and row["name"] == "Tromsø"
    [(table, rid, action, before, after, actor)] = audit(conn)
    assert (table, rid, action, before, actor) == ("entities", "tromso", "insert", None, "ola")
    assert json.loads(after)["name"] == "Tromsø"


def test_update_bumps_version_and_audits_before_after(conn):
    store.insert(conn, "entities", CITY, actor="ola")
    row = store.update(conn, "entities", "tromso", {"name_en": "Tromso"}, actor="kari", expected_version=1)
    assert row["version"] == 2 and row["name_en"] == "Tromso"
    _, rid, action, before, after, actor = audit(conn)[-1]
    assert action == "update" and actor == "kari"
    assert json.loads(before)["name_en"] is None and json.loads(after)["name_en"] == "Tromso"


def test_update_without_change_writes_nothing(conn):
    store.insert(conn, "entities", CITY, actor="ola")
    store.update(conn, "entities", "tromso", {"name": "Tromsø"}, actor="kari")
    assert len(audit(conn)) == 1


def test_stale_update_is_refused(conn):
    store.insert(conn, "entities", CITY, actor="ola")
    store.update(conn, "entities", "tromso", {"notes": "first"}, actor="a", expected_version=1)
    with pytest.raises(StaleVersion):
        store.update(conn, "entities", "tromso", {"notes": "second"}, actor="b", expected_version=1)
    assert store.get(conn, "entities", "tromso")["notes"] == "first"


def test_delete_audits_and_refuses_referenced_rows(conn):
    store.insert(conn, "entities", CITY, actor="ola")
    store.insert(conn, "entities", {**CITY, "id": "bodo", "name": "Bodø"}, actor="ola")
    store.insert(conn, "ties", {"id": "t1", "from_id": "tromso", "to_id": "bodo", "kind": "partnership", "source": "s"}, actor="ola")
    with pytest.raises(InvalidRow, match="referred to"):
        store.delete(conn, "entities", "bodo", actor="ola")
    store.delete(conn, "ties", "t1", actor="ola")
    _, rid, action, before, after, _ = audit(conn)[-1]
    assert (rid, action, after) == ("t1", "delete", None) and json.loads(before)["to_id"] == "bodo"
    with pytest.raises(NotFound):
        store.delete(conn, "ties", "t1", actor="ola")


def test_invalid_row_lists_every_problem_and_writes_nothing(conn):
    with pytest.raises(InvalidRow) as exc:
        store.insert(conn, "entities", {"id": "Bad Id", "kind": "planet", "name": "", "source": ""}, actor="x")
    columns = {p.column for p in exc.value.problems}
    assert {"id", "kind", "name", "source"} <= columns
    assert conn.execute("SELECT count(*) FROM entities").fetchone()[0] == 0
    assert audit(conn) == []


def test_decisions_are_append_only(seeded):
    d = store.insert(
        seeded,
        "decisions",
        {"tie_id": "trondheim--graz", "category": "dormant", "decided_on": "2026-01", "decided_by": "Bystyret", "reason": "No activity"},
        actor="ola",
    )
    with pytest.raises(ReadOnlyTable):
        store.update(seeded, "decisions", d["id"], {"category": "project"}, actor="ola")
    with pytest.raises(ReadOnlyTable):
        store.delete(seeded, "decisions", d["id"], actor="ola")


def test_decision_must_concern_a_sister_city_tie(seeded):
    with pytest.raises(InvalidRow, match="not a sister-city tie"):
        store.insert(
            seeded,
            "decisions",
            {"tie_id": "trondheim--icorn", "category": "dormant", "decided_on": "2026", "decided_by": "x", "reason": "y"},
            actor="ola",
        )


def test_plan_line_insert_and_update_are_audited(seeded):
    line = store.insert(
        seeded,
        "plan_lines",
        {"tie_id": "trondheim--darmstadt", "year": 2027, "amount": 150000, "funder": "municipal", "purpose": "Youth exchange"},
        actor="ola",
    )
    store.update(seeded, "plan_lines", line["id"], {"amount": 175000}, actor="kari")
    actions = [r[2] for r in audit(seeded) if r[0] == "plan_lines"]
    assert actions == ["insert", "update"]


def test_failed_write_in_transaction_rolls_back_everything(conn):
    from registry.store.db import transaction

    with pytest.raises(InvalidRow):
        with transaction(conn):
            store.insert(conn, "entities", CITY, actor="ola")
            store.insert(conn, "entities", {**CITY, "id": "bad id"}, actor="ola")
    assert conn.execute("SELECT count(*) FROM entities").fetchone()[0] == 0
    assert audit(conn) == []


def test_a_damaged_file_refuses_every_write(seeded, db_path, tmp_path, capsys):
    # Issue 18: where integrity_check failed, import, erase and settings set wrote and exited 0.
    from registry import connect as _connect
    from registry.cli import commands as cli
    from registry.errors import Damaged

    seeded.close()
    damage_ties(db_path)
    before = db_path.read_bytes()
    csv_file = tmp_path / "entities.csv"
    csv_file.write_text("id,kind,name,source\nnew-place,city,New Place,s\n", encoding="utf-8")
    for argv in (["import", str(csv_file)], ["settings", "set", "time_zone", "UTC"], ["erase", "c1"]):
        assert cli.main([*argv, "--db", str(db_path)]) == 2, argv
        err = capsys.readouterr().err
        assert "damaged" in err and len(err.strip().splitlines()) == 1, err
    conn = _connect(db_path)
    with pytest.raises(Damaged):
        store.insert(conn, "entities", {"id": "x", "kind": "city", "name": "X", "source": "s"}, actor="t")
    conn.close()
    assert db_path.read_bytes() == before
