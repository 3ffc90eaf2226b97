"""Backup and restore: a copy taken while writers run is consistent; restore brings back every table.

Expected contents come from the registry as it was when the backup was taken (read
before anything else changes it), compared table by table, every column.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from registry import connect, insert, load_seed, update
from registry.backup import NotARegistry, Unprotected, backup, restore, verify
from registry.checks import audit_protection, check
from registry.cli import commands as cli
from registry.errors import RegistryError
from registry.store.migrations import MIGRATIONS
from tests.edit.test_audit_trail import replay, tables

ROOT = Path(__file__).resolve().parent.parent


def everything(path) -> dict[str, list[tuple]]:  # type: ignore[no-untyped-def]
    """Return every table of the file (vocabularies, migrations and audit too), all rows, sorted."""
    conn = sqlite3.connect(str(path))
    try:
        names = [n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {n: sorted(conn.execute(f"SELECT * FROM [{n}]").fetchall(), key=repr) for n in names}
    finally:
        conn.close()


@pytest.fixture
def registry(db_path):
    conn = connect(db_path)
    load_seed(conn)
    insert(
        conn,
        "decisions",
        {
            "tie_id": "trondheim--graz",
            "category": "dormant",
            "decided_on": "2026-02",
            "decided_by": "Bystyret",
            "reason": "Hvilende – ingen aktivitet",
        },
        actor="kari",
    )
    conn.close()
    return db_path


def test_backup_then_restore_gives_back_every_table(registry, tmp_path):
    expected = everything(registry)
    copy = backup(registry, tmp_path / "copy.db")
    assert everything(copy.path) == expected
    # The seed has 56 entities, 51 ties and 4 decisions (data/README.md); the fixture added one decision.
    assert (copy.counts["entities"], copy.counts["ties"], copy.counts["decisions"]) == (56, 51, 5)

    conn = connect(registry)  # change the registry in every way
    update(conn, "entities", "graz", {"notes": "changed after the backup"}, actor="ola")
    insert(conn, "entities", {"id": "narvik", "kind": "city", "name": "Narvik", "source": "s"}, actor="ola")
    conn.close()
    assert everything(registry) != expected

    done = restore(copy.path, registry)
    assert everything(registry) == expected
    assert done.registry.counts == copy.counts
    # The registry it replaced was kept, with the later changes in it.
    kept = everything(done.previous)
    assert ("narvik",) in [r[:1] for r in kept["entities"]]


def test_backup_is_one_self_contained_file(registry, tmp_path):
    dest = tmp_path / "sub" / "copy.db"
    backup(registry, dest)
    # No -wal, -shm or .partial; the audit key beside it (it lives outside the file: privacy.salt).
    assert sorted(p.name for p in dest.parent.iterdir()) == ["copy.db", "copy.db.key"]
    with sqlite3.connect(str(dest)) as c:
        assert c.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_open_readers_see_the_restored_registry(registry, tmp_path):
    copy = backup(registry, tmp_path / "copy.db")
    conn = connect(registry)
    update(conn, "entities", "graz", {"notes": "after"}, actor="ola")
    reader = connect(registry)  # a session with the file open during the restore
    assert reader.execute("SELECT notes FROM entities WHERE id = 'graz'").fetchone() == ("after",)
    restore(copy.path, registry)
    assert reader.execute("SELECT notes FROM entities WHERE id = 'graz'").fetchone() == (None,)
    assert reader.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    # And the writer's connection can go on writing to the restored registry.
    update(conn, "entities", "graz", {"notes": "after restore"}, actor="ola", expected_version=1)
    assert replay(reader) == tables(reader)


#: Another process writing: inserts w0, w1, ... until the stop file appears or it reaches the limit,
#: printing how many it has written after each one.
_WRITER = """
import sys
from pathlib import Path
from registry import connect, insert
conn = connect(sys.argv[1])
stop = Path(sys.argv[2])
i = 0
while not stop.exists() and i < int(sys.argv[3]):
    insert(conn, "entities", {"id": f"w{i}", "kind": "city", "name": f"W{i}", "source": "s"}, actor="writer")
    i += 1
    print(i, flush=True)
"""


def _writing(registry: Path, stop: Path, limit: int) -> subprocess.Popen:
    """Start :data:`_WRITER` on ``registry`` and return it once 20 of its rows are in."""
    writer = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(registry), str(stop), str(limit)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        conn = connect(registry)
        deadline = time.monotonic() + 60
        while conn.execute("SELECT count(*) FROM entities WHERE id LIKE 'w%'").fetchone()[0] < 20:
            assert time.monotonic() < deadline and writer.poll() is None, writer.stderr.read() if writer.poll() else ""
            time.sleep(0.05)
        conn.close()
    except BaseException:
        stop.touch()
        writer.kill()
        writer.communicate()
        raise
    return writer


@pytest.mark.slow
def test_backup_while_another_process_writes(registry, tmp_path):
    stop = tmp_path / "stop"
    writer = _writing(registry, stop, 5000)
    try:
        copies = [backup(registry, tmp_path / f"copy{i}.db") for i in range(3)]
    finally:
        stop.touch()
        out, err = writer.communicate(timeout=60)
    assert writer.returncode == 0, err  # the writer never saw "database is locked"
    written = int(out.split()[-1])
    for copy in copies:
        c = connect(copy.path)
        # Each copy is one moment: its audit log replays into exactly its tables, and it holds
        # the seed plus a prefix w0..wN-1 of the writer's rows.
        assert replay(c) == tables(c)
        ids = {r[0] for r in c.execute("SELECT id FROM entities WHERE id LIKE 'w%'")}
        assert ids == {f"w{i}" for i in range(len(ids))}
        assert 20 <= len(ids) <= written
        c.close()


@pytest.mark.parametrize(
    "make, reason",
    [
        (lambda p: p.write_text("id,kind,name\n"), "not an SQLite database"),
        (lambda p: p.write_bytes(b""), "not an SQLite database"),
        (lambda p: sqlite3.connect(str(p)).execute("CREATE TABLE x (a)"), "no migrations table"),
        (lambda p: _registry_with(p, "INSERT INTO migrations VALUES ('999_future', '2099-01-01')"), "newer version"),
        (lambda p: _registry_with(p, "CREATE VIEW v AS SELECT 1"), "views or triggers"),
        (lambda p: _registry_with(p, "CREATE TRIGGER t AFTER INSERT ON entities BEGIN DELETE FROM ties; END"), "views or triggers"),
        (lambda p: _registry_with(p, "ALTER TABLE ties DROP COLUMN notes"), "lacks the columns notes"),
        (lambda p: _damaged(p), "integrity check|damaged"),
    ],
)
def test_restore_refuses_what_is_not_a_registry_and_changes_nothing(registry, tmp_path, make, reason):
    bad = tmp_path / "bad.db"
    make(bad)
    expected = everything(registry)
    with pytest.raises(NotARegistry, match=reason):
        restore(bad, registry)
    assert everything(registry) == expected
    assert not list(tmp_path.glob("*before-restore*"))  # refused before anything was copied


def _registry_with(path: Path, sql: str) -> None:
    conn = connect(path)
    conn.execute(sql)
    conn.close()


def _damaged(path: Path) -> None:
    conn = connect(path)
    load_seed(conn)
    conn.close()
    backup(path, path.with_name("clean.db"))
    data = bytearray(path.with_name("clean.db").read_bytes())
    data[4096 * 3 : 4096 * 3 + 200] = b"\xff" * 200  # a page in the middle, past the header
    path.unlink()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.write_bytes(bytes(data))


def test_restore_of_an_older_backup_is_migrated(registry, tmp_path):
    old = tmp_path / "old.db"
    backup(registry, old)
    # Make it look like a backup taken before migration 003 made the audit log append-only.
    names = [name for name, _ in MIGRATIONS if name >= "003"]
    with sqlite3.connect(str(old)) as c:
        c.execute("DROP TRIGGER IF EXISTS audit_no_update")
        c.execute("DROP TRIGGER IF EXISTS audit_no_delete")
        c.executemany("DELETE FROM migrations WHERE name = ?", [(n,) for n in names])
    restore(old, registry)
    conn = connect(registry)
    assert conn.execute("SELECT count(*) FROM migrations").fetchone()[0] == len(MIGRATIONS)
    assert audit_protection(conn) == {}  # the migration made the triggers


def test_backup_refuses_a_missing_registry_and_itself(tmp_path, registry):
    with pytest.raises(NotARegistry, match="no such registry"):
        backup(tmp_path / "missing.db", tmp_path / "copy.db")
    assert not (tmp_path / "missing.db").exists()  # not created by trying
    with pytest.raises(RegistryError, match="itself"):
        backup(registry, registry)
    with pytest.raises(RegistryError, match="itself"):
        restore(registry, registry)


def test_verify_counts_rows(registry):
    snap = verify(registry)
    # Row counts of data/*.csv (data/README.md's table); the fixture adds one decision and its audit row.
    assert snap.summary() == (
        "56 entities, 9 agreements, 23 agreement_parties, 51 ties, 38 activities, 82 activity_participants, "
        "43 activity_ties, 5 decisions, 0 plan_actions, 0 action_partners, 0 action_ties, 0 indicators, "
        "0 indicator_values, 0 plan_lines, 5 contacts, 2 declared_totals, 3 settings, 317 audit"
    )  # 316 seed rows + 1


def test_cli_backup_and_restore(registry, tmp_path, capsys, monkeypatch):
    dest = tmp_path / "cli-copy.db"
    assert cli.main(["backup", str(dest), "--db", str(registry)]) == 0
    assert f"{dest}: 56 entities" in capsys.readouterr().out
    expected = everything(registry)
    conn = connect(registry)
    update(conn, "entities", "graz", {"notes": "x"}, actor="ola")
    conn.close()
    # Not interactive and no --yes: refused, nothing changed.
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False, raising=False)
    assert cli.main(["restore", str(dest), "--db", str(registry)]) == 2
    assert "--yes" in capsys.readouterr().err
    assert everything(registry) != expected
    assert cli.main(["restore", str(dest), "--db", str(registry), "--yes"]) == 0
    out = capsys.readouterr().out
    assert "kept at" in out and everything(registry) == expected
    # A file that is not a registry: exit 2 and a message, no traceback.
    junk = tmp_path / "junk.db"
    junk.write_text("hello")
    assert cli.main(["restore", str(junk), "--db", str(registry), "--yes"]) == 2
    assert "not an SQLite database" in capsys.readouterr().err


def test_cli_restore_asks_when_interactive(registry, tmp_path, monkeypatch, capsys):
    dest = tmp_path / "copy.db"
    backup(registry, dest)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    assert cli.main(["restore", str(dest), "--db", str(registry)]) == 1
    monkeypatch.setattr("builtins.input", lambda prompt: "ja")
    assert cli.main(["restore", str(dest), "--db", str(registry)]) == 0


def test_no_partial_file_is_left_when_the_copy_fails(registry, tmp_path, monkeypatch):
    import registry.backup as b

    def broken(path, **options):  # noqa: ANN001, ANN003
        raise NotARegistry("simulated failure while checking the copy")

    monkeypatch.setattr(b, "verify", broken)
    with pytest.raises(NotARegistry):
        backup(registry, tmp_path / "copy.db")
    assert [p.name for p in tmp_path.iterdir() if "copy" in p.name] == []


# The definitions a backup's triggers may have been given instead of migration 003's.
_WEAKENED = "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit WHEN 0 BEGIN SELECT RAISE(ABORT, 'no'); END"


@pytest.mark.parametrize(
    "tamper, state",
    [
        (["DROP TRIGGER audit_no_update"], {"audit_no_update": "missing"}),
        (["DROP TRIGGER audit_no_delete"], {"audit_no_delete": "missing"}),
        (["DROP TRIGGER audit_no_update", _WEAKENED], {"audit_no_update": "changed"}),
    ],
)
def test_restore_refuses_a_backup_whose_audit_log_lost_its_protection(registry, tmp_path, tamper, state):
    copy = backup(registry, tmp_path / "copy.db").path
    with sqlite3.connect(str(copy)) as c:
        for sql in tamper:
            c.execute(sql)
    expected = everything(registry)
    with pytest.raises(Unprotected, match=next(iter(state))):
        restore(copy, registry)
    assert everything(registry) == expected
    assert not list(tmp_path.glob("*before-restore*"))
    # The live registry keeps refusing edits to its log with plain SQL.
    with sqlite3.connect(str(registry)) as c, pytest.raises(sqlite3.IntegrityError, match="append-only"):
        c.execute("UPDATE audit SET actor = 'someone else' WHERE id = 1")
    # check reports the copy's missing or changed trigger as an error.
    conn = connect(copy)
    assert [(f.level, f.table, f.row_id) for f in check(conn) if f.column == "trigger"] == [("error", "audit", name) for name in state]
    assert audit_protection(conn) == state
    # A backup of such a registry is still written (it holds the data), says so, and exits 1.
    assert backup(copy, tmp_path / "again.db").unprotected == state
    assert cli.main(["backup", str(tmp_path / "again2.db"), "--db", str(copy)]) == 1


def test_check_of_an_intact_registry_reports_no_trigger(registry):
    conn = connect(registry)
    assert audit_protection(conn) == {} and not [f for f in check(conn) if f.column == "trigger"]


def test_restore_over_a_registry_that_lost_its_protection_brings_it_back(registry, tmp_path):
    copy = backup(registry, tmp_path / "copy.db").path
    with sqlite3.connect(str(registry)) as c:
        c.execute("DROP TRIGGER audit_no_delete")
    done = restore(copy, registry)
    assert audit_protection(connect(registry)) == {}
    assert audit_protection(connect(done.previous)) == {"audit_no_delete": "missing"}  # kept as it was


@pytest.mark.slow
def test_restore_while_another_process_writes_reports_what_happened(registry, tmp_path, capsys):
    # Writes land in the old registry up to the moment of the restore and in the restored one
    # after it: every committed write must be in one of them, and the restore reports success.
    copy = backup(registry, tmp_path / "copy.db").path
    stop = tmp_path / "stop"
    writer = _writing(registry, stop, 20000)
    outs = []
    try:
        for _ in range(3):
            status = cli.main(["restore", str(copy), "--db", str(registry), "--yes"])
            outs.append((status, capsys.readouterr()))
            time.sleep(0.2)
    finally:
        stop.touch()
        out, err = writer.communicate(timeout=120)
    assert writer.returncode == 0, err
    for status, captured in outs:
        assert status == 0, captured.err
        assert "restored from" in captured.out and "kept at" in captured.out
    written = {f"w{i}" for i in range(int(out.split()[-1]))}
    kept = set()
    for path in [registry, *tmp_path.glob("registry.before-restore-*.db")]:
        c = sqlite3.connect(str(path))
        kept |= {r[0] for r in c.execute("SELECT id FROM entities WHERE id LIKE 'w%'")}
        c.close()
    assert len(list(tmp_path.glob("registry.before-restore-*.db"))) == 3
    assert written - kept == set()  # no committed write was lost between the saved copy and the restore
    final = connect(registry)
    assert replay(final) == tables(final)


def test_a_write_landing_right_after_the_copy_is_no_failure(registry, tmp_path, monkeypatch, capsys):
    # Deterministic form of the race above: another session writes between the copy and the
    # restore's own look at the result. The restore happened; it must say so and exit 0.
    import registry.backup as b

    copy = backup(registry, tmp_path / "copy.db").path
    real = b.connect

    def connect_then_someone_writes(path, *, migrate=True):  # noqa: ANN001, ANN202
        if migrate:  # the restore opens the restored file again to migrate and count it
            other = real(path)
            insert(other, "entities", {"id": "late", "kind": "city", "name": "Late", "source": "s"}, actor="ola")
            other.close()
        return real(path, migrate=migrate)

    monkeypatch.setattr(b, "connect", connect_then_someone_writes)
    assert cli.main(["restore", str(copy), "--db", str(registry), "--yes"]) == 0
    out = capsys.readouterr().out
    assert "restored from" in out and "57 entities" in out  # the seed's 56, and the late write
    assert connect(registry).execute("SELECT name FROM entities WHERE id = 'late'").fetchone() == ("Late",)


def test_a_killed_backup_leaves_no_hidden_copy(registry, tmp_path):
    # Issue 18: killed backups left hidden full copies .DEST.partial-PID beside the destination.
    import subprocess
    import sys

    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        dest = tmp_path / "copy.db"
        stale = tmp_path / f".copy.db.partial-{dead.pid}"
        stale.write_bytes(registry.read_bytes())
        running = tmp_path / f".copy.db.partial-{alive.pid}"  # a backup still running: left alone
        running.write_bytes(b"x")
        backup(registry, dest)
        assert not stale.exists() and running.exists()
    finally:
        alive.kill()
        alive.wait()
