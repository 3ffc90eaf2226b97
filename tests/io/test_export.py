"""CSV export: every table, stable columns, and a round trip into an empty registry."""

import csv

import pytest

from registry import connect, export_csv, import_files
from registry.io.export import EXPORT_TABLES, csv_text, neutralise
from registry.store.schema import DATA_TABLES, TABLES

DATA = tuple(t.name for t in DATA_TABLES)


def rows(conn, table):
    cols = [c for c in TABLES[table].names if c not in ("version", "updated_at", "updated_by")]
    return conn.execute(f"SELECT {', '.join(f'[{c}]' for c in cols)} FROM [{table}] ORDER BY 1").fetchall()


def test_export_writes_every_table_with_header(seeded, tmp_path):
    paths = export_csv(seeded, tmp_path)
    assert {p.stem for p in paths} == set(EXPORT_TABLES)
    with open(tmp_path / "ties.csv", encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    assert header == TABLES["ties"].names


def test_round_trip_into_empty_registry_gives_same_rows(seeded, tmp_path):
    from registry.store import writes as store

    store.insert(
        seeded,
        "decisions",
        {
            "tie_id": "trondheim--vallejo",
            "category": "dormant",
            "decided_on": "2026-03-01",
            "decided_by": "Bystyret",
            "case_ref": "PS 0001/26",
            "reason": "Hvilende – ærlig",
        },
        actor="t",
    )
    store.insert(
        seeded,
        "plan_lines",
        {"tie_id": "trondheim--vallejo", "year": 2027, "amount": 10000, "funder": "municipal", "purpose": "=SUM(A1)"},
        actor="t",
    )
    export_csv(seeded, tmp_path, spreadsheet_safe=True)
    fresh = connect(tmp_path / "fresh.db")
    import_files(fresh, [tmp_path / f"{t}.csv" for t in DATA], actor="t")
    for t in DATA:
        assert rows(fresh, t) == rows(seeded, t), t
    assert fresh.execute("SELECT purpose FROM plan_lines").fetchone()[0] == "=SUM(A1)"


def test_spreadsheet_safe_neutralises_formulas():
    assert neutralise("=cmd|' /C calc'!A0") == "'=cmd|' /C calc'!A0"
    assert neutralise("@SUM(1)") == "'@SUM(1)"
    assert neutralise(-5.5) == -5.5  # numbers stay numbers
    assert neutralise("Trondheim") == "Trondheim"


def test_csv_text_is_utf8_with_norwegian_letters(seeded):
    text = csv_text(seeded, "entities")
    assert "Trøndelags Europakontor" in text
    assert text.splitlines()[0].startswith("id,kind,name")


def test_personal_columns_are_left_empty_for_viewers(seeded):
    # The seed's contacts hold the consuls' names (data/contacts.csv); a viewer's download has none.
    full = csv_text(seeded, "contacts")
    viewer = csv_text(seeded, "contacts", personal=False)
    names = [r[0] for r in seeded.execute("SELECT person_name FROM contacts WHERE person_name IS NOT NULL")]
    assert names and all(n in full for n in names)
    assert not any(n in viewer for n in names)
    assert viewer.splitlines()[0] == full.splitlines()[0]  # same header, same importable shape
    assert csv_text(seeded, "entities", personal=False) == csv_text(seeded, "entities")


def test_the_default_export_is_spreadsheet_safe_and_raw_is_verbatim(seeded, tmp_path, db_path):
    # Issue 18 item 9: the CLI's default export opened as live formulas.
    from registry.cli import commands as cli
    from registry.store import writes as store

    store.update(seeded, "entities", "klaksvik", {"notes": '=HYPERLINK("http://x")'}, actor="t")
    assert cli.main(["export", str(tmp_path / "safe"), "--db", str(db_path)]) == 0
    assert cli.main(["export", str(tmp_path / "raw"), "--db", str(db_path), "--raw"]) == 0
    for table in EXPORT_TABLES:
        with open(tmp_path / "safe" / f"{table}.csv", encoding="utf-8", newline="") as fh:
            assert not [c for row in csv.reader(fh) for c in row if live(c)], table
    raw = (tmp_path / "raw" / "entities.csv").read_text(encoding="utf-8")
    assert '"=HYPERLINK(""http://x"")"' in raw
    assert not list((tmp_path / "safe").glob(".*partial*"))


def live(cell: str) -> bool:
    """Return True when a spreadsheet would run ``cell`` as a formula: it starts = + - @ and is not a number."""
    if not cell.startswith(("=", "+", "-", "@", "\t", "\r")):
        return False
    try:
        float(cell)
        return False  # -3.46, a longitude: a number, not a formula
    except ValueError:
        return True


def test_a_full_disk_leaves_no_partial_file(seeded, tmp_path, monkeypatch):
    # Issue 18: an export on a full disk left a truncated CSV under its final name.
    import builtins
    import errno

    import pytest

    from registry.io import export

    class FullDisk:
        """A file that takes 100 bytes, then reports the disk full, as write(2) does."""

        def __init__(self, path, mode):
            self.fh = builtins.open(path, mode)

        def write(self, data):
            self.fh.write(data[:100])
            raise OSError(errno.ENOSPC, "No space left on device")

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

    monkeypatch.setattr(export, "open", FullDisk, raising=False)
    with pytest.raises(OSError, match="No space"):
        export_csv(seeded, tmp_path / "out")
    assert list((tmp_path / "out").iterdir()) == []  # neither the final name nor a partial file


@__import__("pytest").mark.parametrize("fmt", ["graphml", "gexf"])
def test_a_control_character_written_past_the_library_stops_a_graph_export(seeded, db_path, tmp_path, capsys, fmt):
    # Issue 18: a control character written by plain SQL still gave broken GraphML with exit 0.
    from registry.cli import commands as cli

    seeded.execute("UPDATE entities SET notes = 'bell\a' WHERE id = 'klaksvik'")
    seeded.execute("UPDATE ties SET notes = 'esc\x1b' WHERE id = (SELECT min(id) FROM ties)")
    tie = seeded.execute("SELECT min(id) FROM ties").fetchone()[0]
    assert cli.main(["export", str(tmp_path / "out"), "--db", str(db_path), "--format", fmt]) == 2
    err = capsys.readouterr().err
    assert "entities 'klaksvik' notes: holds the control character U+0007" in err
    assert f"ties '{tie}' notes" in err and len(err.strip().splitlines()) == 1
    assert list((tmp_path / "out").iterdir()) == []


def _calc_reads(data: bytes, tmp_path) -> list[list[str]]:
    """Return the cells LibreOffice Calc shows for a CSV (opened headless, saved again as CSV of shown values)."""
    import shutil
    import subprocess

    office = shutil.which("soffice") or shutil.which("libreoffice")
    tmp_path.mkdir(parents=True, exist_ok=True)
    src = tmp_path / "in.csv"
    src.write_bytes(data)
    out_dir = tmp_path / "out"
    run = subprocess.run(
        [
            office,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--infilter=CSV:44,34,76,1",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1",
            "--outdir",
            str(out_dir),
            str(src),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    out = out_dir / "in.csv"
    assert run.returncode == 0 and out.exists(), run.stdout + run.stderr
    return list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))


@pytest.mark.skipif(
    not (__import__("shutil").which("soffice") or __import__("shutil").which("libreoffice")),
    reason="LibreOffice (soffice/libreoffice) is not installed on this machine",
)
def test_libreoffice_opens_an_app_download_and_the_default_export_with_no_live_formula(seeded, tmp_path):
    # Issue 18: CSVs opened as live formulas in LibreOffice. Each cell below would compute (2, 3, …) if Calc
    # took it for a formula; neutralised, Calc shows the typed text.
    import pandas as pd

    from registry.io.export import frame_csv

    hostile = ["=1+1", "+1+2", "-1+4", "@SUM(1;2)"]
    app = frame_csv(pd.DataFrame({"notes": hostile}))
    shown = [row[0] for row in _calc_reads(app, tmp_path / "app")[1:]]
    assert [s.lstrip("'") for s in shown] == hostile, shown
    from registry.store import writes as store

    cities = ["graz", "darmstadt", "vallejo", "odense"]
    for city, h in zip(cities, hostile):
        store.update(seeded, "entities", city, {"notes": h}, actor="test")
    export_csv(seeded, tmp_path / "export")  # the CLI's default: spreadsheet-safe
    rows = _calc_reads((tmp_path / "export" / "entities.csv").read_bytes(), tmp_path / "calc")
    notes = rows[0].index("notes")
    shown = {r[0]: r[notes] for r in rows[1:]}
    assert [shown[c].lstrip("'") for c in cities] == hostile, [shown[c] for c in cities]
