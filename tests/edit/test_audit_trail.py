"""The audit log is complete: replaying it rebuilds every data table, whichever path wrote.

The registry is written through every path a user has (the library, the CLI, CSV and
Wikidata import, a re-import that changes a row); the test then replays the audit log
from nothing and compares the result with the tables, column for column. The app
writes through the same ``store`` functions (see tests/app/test_auth_app.py for its actor).
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from registry import connect, delete, import_files, import_texts, insert, update
from registry.cli import commands as cli
from registry.errors import InvalidRow, RegistryError, StaleVersion
from registry.store.queries import history
from registry.store.schema import DATA_TABLES

FIX = Path(__file__).parent.parent / "fixtures"


def replay(conn) -> dict[str, dict[str, dict]]:  # type: ignore[no-untyped-def]
    """Return ``{table: {row id: row}}`` rebuilt from the audit log alone.

    Every update and delete must start from the row the log last left (its ``before``),
    so a change made behind the log's back breaks the chain as well as the final state.
    """
    state: dict[str, dict[str, dict]] = {t.name: {} for t in DATA_TABLES}
    for aid, table, row_id, action, before, after in conn.execute(
        "SELECT id, table_name, row_id, action, before, after FROM audit ORDER BY id"
    ):
        rows = state[table]
        before = json.loads(before) if before else None
        after = json.loads(after) if after else None
        if action == "insert":
            assert row_id not in rows and before is None, aid
            rows[row_id] = after
        elif action == "update":
            assert rows.get(row_id) == before, f"audit {aid}: {table} {row_id} changed outside the log"
            assert after["version"] == before["version"] + 1, aid
            rows[row_id] = after
        elif action == "delete":
            assert rows.get(row_id) == before, f"audit {aid}: {table} {row_id} changed outside the log"
            del rows[row_id]
        else:
            raise AssertionError(f"audit {aid}: unknown action {action!r}")
    return state


def tables(conn) -> dict[str, dict[str, dict]]:  # type: ignore[no-untyped-def]
    """Return ``{table: {row id: row}}`` as stored, personal columns as the log holds them (digests)."""
    from registry.store import privacy

    out = {}
    for t in DATA_TABLES:
        cur = conn.execute(f"SELECT * FROM [{t.name}]")
        names = [d[0] for d in cur.description]
        hide = privacy.redactor(conn, t.name) or (lambda r: r)
        out[t.name] = {str(r[0]): hide(dict(zip(names, r))) for r in cur}
    return out


@pytest.fixture
def written(db_path, monkeypatch):
    """A registry written through every path, each with its own actor; returns its path."""
    # CLI: init loads the seed (actor 'seed'), import records $REGISTRY_ACTOR.
    assert cli.main(["init", "--db", str(db_path)]) == 0
    monkeypatch.setenv("REGISTRY_ACTOR", "cli:ola")
    assert cli.main(["import", str(FIX / "entities_ok.csv"), str(FIX / "ties_ok.csv"), "--db", str(db_path)]) == 0
    assert cli.main(["import", str(FIX / "wikidata_trondheim.csv"), "--db", str(db_path)]) == 0
    conn = connect(db_path)
    # Library: insert, update, delete on every data table.
    insert(conn, "entities", {"id": "narvik", "kind": "city", "name": "Narvik", "source": "s"}, actor="lib:kari")
    update(conn, "entities", "bergen", {"notes": "First edit"}, actor="lib:kari", expected_version=1)
    insert(
        conn, "ties", {"id": "bergen--narvik", "from_id": "bergen", "to_id": "narvik", "kind": "project", "source": "s"}, actor="lib:kari"
    )
    update(conn, "ties", "bergen--narvik", {"sectors": "culture;education"}, actor="lib:kari")
    delete(conn, "ties", "bergen--narvik", actor="lib:kari")
    delete(conn, "entities", "narvik", actor="lib:kari")
    insert(
        conn,
        "decisions",
        {
            "tie_id": "trondheim--graz",
            "category": "dormant",
            "decided_on": "2026-02",
            "decided_by": "Bystyret",
            "reason": "No current activity",
        },
        actor="lib:kari",
    )
    line = insert(
        conn,
        "plan_lines",
        {"tie_id": "trondheim--graz", "year": 2027, "amount": 50000, "funder": "municipal", "purpose": "Visit"},
        actor="lib:kari",
    )
    update(conn, "plan_lines", line["id"], {"amount": 40000}, actor="lib:kari")
    # Import: a changed row updates, new rows insert, an unchanged file changes nothing.
    changed = (FIX / "entities_ok.csv").read_bytes().replace(b"First edit", b"").replace(b"Test row", b"Second edit")
    import_texts(conn, [("entities.csv", changed)], actor="import:per")
    import_texts(conn, [("entities.csv", changed)], actor="import:per")
    import_texts(conn, [("plan.csv", b"tie_id,year,amount_nok,funder,purpose\ntrondheim--graz,2028,1,municipal,x\n")], actor="import:per")
    import_files(conn, [FIX / "entities_ok.csv"], actor="import:per")  # back to 'Test row'
    conn.close()
    return db_path


def test_replaying_the_audit_log_rebuilds_every_table(written):
    conn = connect(written)
    assert replay(conn) == tables(conn)
    # Every path left its actor in the log (the fixture's writers).
    actors = {a for (a,) in conn.execute("SELECT DISTINCT actor FROM audit")}
    assert actors == {"seed", "cli:ola", "lib:kari", "import:per"}
    # Each data table saw every action it allows (decisions are append-only).
    done = set(conn.execute("SELECT DISTINCT table_name, action FROM audit").fetchall())
    for t in ("entities", "ties", "plan_lines"):
        assert {(t, "insert"), (t, "update")} <= done
    assert ("entities", "delete") in done and ("ties", "delete") in done
    assert ("decisions", "insert") in done


def test_one_rows_history_from_the_log(written):
    conn = connect(written)
    log = [
        (json.loads(after)["version"], actor, action, json.loads(after)["notes"])
        for actor, action, after in conn.execute(
            "SELECT actor, action, after FROM audit WHERE table_name = 'entities' AND row_id = 'bergen' ORDER BY id"
        )
    ]
    # The fixture's writes to 'bergen', in order: CLI import, library edit, import, re-import
    # of the original file. The unchanged second import left no entry.
    assert log == [
        (1, "cli:ola", "insert", "Test row"),
        (2, "lib:kari", "update", "First edit"),
        (3, "import:per", "update", "Second edit"),
        (4, "import:per", "update", "Test row"),
    ]
    # queries.history (the app's history view) shows the same entries, newest first.
    frame = history(conn, "entities", "bergen")
    assert list(frame["actor"]) == [a for _, a, _, _ in reversed(log)]
    assert conn.execute("SELECT version, updated_by FROM entities WHERE id = 'bergen'").fetchone() == (4, "import:per")


def test_a_write_behind_the_logs_back_is_detected(written):
    # Shows the comparison can fail: one UPDATE that bypasses store breaks the replay.
    conn = connect(written)
    conn.execute("UPDATE entities SET notes = 'sneaky' WHERE id = 'tromso'")
    assert replay(conn) != tables(conn)


def test_a_refused_write_leaves_no_audit_row(written):
    conn = connect(written)
    before = conn.execute("SELECT count(*) FROM audit").fetchone()[0]
    with pytest.raises(StaleVersion):
        update(conn, "entities", "bergen", {"notes": "late"}, actor="lib:kari", expected_version=1)
    with pytest.raises(InvalidRow):
        insert(conn, "entities", {"id": "bergen", "kind": "city", "name": "B", "source": "s"}, actor="lib:kari")
    assert cli.main(["import", str(FIX / "ties_bad.csv"), "--db", str(written)]) == 2
    assert conn.execute("SELECT count(*) FROM audit").fetchone()[0] == before
    assert replay(conn) == tables(conn)


def test_the_database_refuses_to_change_the_log(written):
    # Migration 003: even plain SQL, bypassing the library, cannot rewrite or drop entries.
    conn = connect(written)
    n = conn.execute("SELECT count(*) FROM audit").fetchone()[0]
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("UPDATE audit SET actor = 'someone else'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("DELETE FROM audit WHERE table_name = 'entities'")
    assert conn.execute("SELECT count(*) FROM audit").fetchone()[0] == n


@pytest.mark.parametrize("actor", ["", "   ", None])
def test_every_write_names_its_actor(conn, actor):
    with pytest.raises(RegistryError, match="needs an actor"):
        insert(conn, "entities", {"id": "x", "kind": "city", "name": "X", "source": "s"}, actor=actor)
    with pytest.raises(RegistryError, match="needs an actor"):
        import_texts(conn, [("e.csv", b"id,kind,name,source\nx,city,X,s\n")], actor=actor)
    assert conn.execute("SELECT count(*) FROM entities").fetchone()[0] == 0
