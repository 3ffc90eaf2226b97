"""The command line, run as users run it: ``python -m registry ...`` in a subprocess."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIX = Path(__file__).parent.parent / "fixtures"


def run(*args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "registry", *map(str, args)], capture_output=True, text=True, cwd=ROOT, env={**os.environ, **(env or {})}
    )


def test_init_then_check_reports_no_errors(tmp_path):
    db = tmp_path / "r.db"
    assert run("init", "--db", db).returncode == 0
    r = run("check", "--db", db)
    assert r.returncode == 0, r.stdout
    assert "0 error(s)" in r.stdout


def test_registry_db_environment_variable(tmp_path):
    db = tmp_path / "env.db"
    assert run("init", env={"REGISTRY_DB": str(db)}).returncode == 0
    assert db.exists()


def test_import_bad_file_exits_2_with_row_and_column(tmp_path):
    db = tmp_path / "r.db"
    run("init", "--db", db)
    r = run("import", FIX / "ties_bad.csv", "--db", db)
    assert r.returncode == 2
    assert "ties_bad.csv:3: to_id:" in r.stderr
    assert "nothing was written" in r.stderr


def test_import_dry_run_and_real(tmp_path):
    db = tmp_path / "r.db"
    run("init", "--db", db)
    r = run("import", FIX / "entities_ok.csv", "--db", db, "--dry-run")
    assert r.returncode == 0 and "would add 2" in r.stdout
    r = run("import", FIX / "entities_ok.csv", "--db", db)
    assert "added 2" in r.stdout
    r = run("import", FIX / "entities_ok.csv", "--db", db)
    assert "added 0" in r.stdout and "unchanged 2" in r.stdout


def test_import_from_wikidata(tmp_path):
    db = tmp_path / "r.db"
    run("init", "--db", db)
    r = run("import", "--from", "wikidata", FIX / "wikidata_trondheim.csv", "--db", db)
    assert r.returncode == 0, r.stderr
    r = run("import", "--from", "wikidata", FIX / "entities_ok.csv", "--db", db)
    assert r.returncode == 2


def test_export_csv_and_graph_formats(tmp_path):
    db = tmp_path / "r.db"
    run("init", "--db", db)
    assert run("export", tmp_path / "csv", "--db", db).returncode == 0
    assert (tmp_path / "csv" / "entities.csv").read_text(encoding="utf-8").count("\n") > 50
    for fmt in ("graphml", "gexf"):
        assert run("export", tmp_path / fmt, "--db", db, "--format", fmt).returncode == 0
        text = (tmp_path / fmt / f"registry.{fmt}").read_text(encoding="utf-8")
        assert "Trøndelags Europakontor" in text


def test_check_exits_1_on_errors(tmp_path):
    import sqlite3

    db = tmp_path / "r.db"
    run("init", "--db", db)
    c = sqlite3.connect(db)
    c.execute("UPDATE entities SET source = '' WHERE id = 'graz'")
    c.commit()
    r = run("check", "--db", db)
    assert r.returncode == 1 and "graz" in r.stdout


def test_commands_that_read_a_registry_refuse_a_missing_one(tmp_path, capsys, monkeypatch):
    from registry.cli import commands as cli

    typo = tmp_path / "typo.db"
    commands = [
        ["check"],
        ["export", tmp_path / "out"],
        ["export", tmp_path / "out", "--format", "gexf"],
        ["classify"],
        ["analyse", "--out", tmp_path / "a"],
        ["strategy"],
        ["erase", "c1"],
        ["import", FIX / "entities_ok.csv"],
    ]
    for args in commands:
        assert cli.main([*map(str, args), "--db", str(typo)]) == 2, args
        err = capsys.readouterr().err
        assert err == f"{args[0]}: no registry at {typo}: create one with python -m registry init --db {typo}\n"
        assert not typo.exists()  # a mistyped path no longer becomes a new, empty registry
    # No --db: the default path ($REGISTRY_DB here) is refused the same way when nothing is there.
    monkeypatch.setenv("REGISTRY_DB", str(tmp_path / "default.db"))
    assert cli.main(["check"]) == 2
    assert "no registry at" in capsys.readouterr().err and not (tmp_path / "default.db").exists()


def test_unreadable_and_unwritable_places_are_one_line_messages(tmp_path):
    # A path below a plain file can be neither read nor created, whoever runs the test (root too).
    db = tmp_path / "r.db"
    assert run("init", "--db", db).returncode == 0
    plain = tmp_path / "plain.txt"
    plain.write_text("x")
    cases = [
        (("import", "--from", "wikidata", tmp_path / "missing.csv", "--db", db), "missing.csv:0: cannot read the file"),
        (("import", "--from", "wikidata", tmp_path, "--db", db), f"{tmp_path.name}:0: cannot read the file"),
        (("init", "--db", plain / "r.db"), "cannot open or create a registry there"),
        (("export", plain / "out", "--db", db), "export: "),
        (("export", plain / "out", "--db", db, "--format", "gexf"), "export: "),
        (("backup", plain / "copy.db", "--db", db), "cannot write there"),
        (("check", "--db", plain), "check: "),  # a file that is not a registry
    ]
    for args, message in cases:
        r = run(*args)
        assert r.returncode == 2, (args, r.stderr)
        assert message in r.stderr and "Traceback" not in r.stderr, (args, r.stderr)
        assert len(r.stderr.strip().splitlines()) <= 2, r.stderr  # the message (and the import's count line)


def test_import_from_wikidata_reads_utf16_like_plain_import(tmp_path, capsys):
    # A Wikidata export saved as UTF-16 by a spreadsheet: the plain import reads it, so must --from wikidata.
    from registry.cli import commands as cli

    db = tmp_path / "r.db"
    assert cli.main(["init", "--db", str(db)]) == 0
    text = (
        "city,cityLabel,twin,twinLabel,twinCountryCode,start,end\n"
        "http://www.wikidata.org/entity/Q26793,Bergen,http://www.wikidata.org/entity/Q25287,Göteborg,SE,,\n"
    )
    f = tmp_path / "bergen.csv"
    f.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    capsys.readouterr()
    assert cli.main(["import", "--from", "wikidata", str(f), "--db", str(db)]) == 0, capsys.readouterr().err


def test_synth_builds_a_large_fictional_registry_and_refuses_to_overwrite(tmp_path, capsys):
    from registry import connect
    from registry.cli import commands as cli

    db = tmp_path / "big.db"
    assert cli.main(["synth", "--size", "300", "--db", str(db)]) == 0
    assert "300 entities" in capsys.readouterr().out
    c = connect(db)
    assert c.execute("SELECT count(*) FROM entities").fetchone()[0] == 300
    assert c.execute("SELECT count(*) FROM activities").fetchone()[0] > 0
    assert {r[0] for r in c.execute("SELECT DISTINCT actor FROM audit")} == {"synth"}
    c.close()
    assert cli.main(["synth", "--size", "300", "--db", str(db)]) == 2
    assert "exists" in capsys.readouterr().err
    assert cli.main(["synth", "--size", "200", "--db", str(db), "--force"]) == 0
