"""CSV import: detection, validation with row and column, all or nothing, idempotence."""

from pathlib import Path

import pytest

from registry import import_files, import_texts
from registry.errors import ImportFailed
from registry.io.ingest import detect_table, slugify
from tests.conftest import table_snapshot

FIX = Path(__file__).parent.parent / "fixtures"


def test_valid_files_import_completely(conn):
    report = import_files(conn, [FIX / "ties_ok.csv", FIX / "entities_ok.csv"], actor="test")
    assert report.counts["entities"]["inserted"] == 2
    assert report.counts["ties"]["inserted"] == 1
    tie = conn.execute("SELECT sectors, start, [end], status FROM ties").fetchone()
    assert tie == ("culture;youth", "1989-06", "2022-03-03", "ended")


def test_reimport_changes_nothing(conn):
    files = [FIX / "entities_ok.csv", FIX / "ties_ok.csv"]
    import_files(conn, files, actor="test")
    before = table_snapshot(conn)
    report = import_files(conn, files, actor="test")
    assert report.total("inserted") == report.total("updated") == 0
    assert table_snapshot(conn) == before


def test_changed_row_is_updated_with_audit(conn):
    import_files(conn, [FIX / "entities_ok.csv"], actor="test")
    changed = (FIX / "entities_ok.csv").read_bytes().replace(b"Test row", b"Changed")
    report = import_texts(conn, [("entities.csv", changed)], actor="kari")
    assert report.counts["entities"]["updated"] == 1
    row = conn.execute("SELECT notes, version FROM entities WHERE id = 'bergen'").fetchone()
    assert row == ("Changed", 2)
    assert conn.execute("SELECT actor, action FROM audit ORDER BY id DESC LIMIT 1").fetchone() == ("kari", "update")


def test_invalid_file_lists_every_problem_and_writes_nothing(seeded):
    import_files(seeded, [FIX / "entities_ok.csv"], actor="test")
    before = table_snapshot(seeded)
    with pytest.raises(ImportFailed) as exc:
        import_files(seeded, [FIX / "ties_bad.csv"], actor="test")
    found = {(p.row, p.column) for p in exc.value.problems}
    # Rows counted as in a spreadsheet: the header is row 1.
    assert (3, "to_id") in found  # atlantis does not exist
    assert (4, "start") in found  # month 13
    assert (5, "end") in found  # ends before it starts
    assert (6, "kind") in found and (6, "sectors") in found
    assert (7, "source") in found
    assert not any(p.row == 2 for p in exc.value.problems)  # the good row is not blamed
    assert table_snapshot(seeded) == before


def test_problem_text_names_file_row_and_column(conn):
    with pytest.raises(ImportFailed) as exc:
        import_files(conn, [FIX / "ties_bad.csv"], actor="test")
    assert any(str(p).startswith("ties_bad.csv:3: to_id:") for p in exc.value.problems)


def test_one_bad_file_blocks_the_good_one(conn):
    with pytest.raises(ImportFailed):
        import_files(conn, [FIX / "entities_ok.csv", FIX / "ties_bad.csv"], actor="test")
    assert conn.execute("SELECT count(*) FROM entities").fetchone()[0] == 0


def test_dry_run_counts_but_writes_nothing(conn):
    report = import_files(conn, [FIX / "entities_ok.csv"], actor="test", dry_run=True)
    assert report.counts["entities"]["inserted"] == 2 and report.dry_run
    assert conn.execute("SELECT count(*) FROM entities").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM audit").fetchone()[0] == 0


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty"),
        (b"foo,bar\n1,2\n", "cannot tell which table"),
        (b"id,kind,name,source,colour\nx,city,X,s,red\n", "unknown column"),
        (b"id,kind,name\nx,city,X\n", "required column is missing"),
        (b"id,kind,name,source\nx,city,X,s\nx,city,Y,s\n", "also on row 2"),
        (b"id,kind,name,source\nx,city,X\n", "fields"),
        (b"id,kind,name,source,country_code\nx,city,X,s,ZZ\n", "ISO 3166"),
        (b"id,kind,name,source,lat\nx,city,X,s,91\n", "outside"),
    ],
)
def test_bad_input_gets_a_clear_reason(conn, data, reason):
    with pytest.raises(ImportFailed) as exc:
        import_texts(conn, [("in.csv", data)], actor="test")
    assert any(reason in p.reason for p in exc.value.problems), exc.value.problems
    assert conn.execute("SELECT count(*) FROM entities").fetchone()[0] == 0


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_norwegian_letters_survive_every_encoding(conn, encoding):
    text = "id,kind,name,source\nbodo,city,Bodø æøå ÆØÅ,kilde\n"
    import_texts(conn, [("in.csv", text.encode(encoding))], actor="test")
    assert conn.execute("SELECT name FROM entities").fetchone()[0] == "Bodø æøå ÆØÅ"


def test_mixed_newlines_and_quoted_fields(conn):
    data = b'id,kind,name,source\r\na,city,"Line one\nline two",s\nb,city,B,s\r\n'
    import_texts(conn, [("in.csv", data)], actor="test")
    assert conn.execute("SELECT name FROM entities WHERE id='a'").fetchone()[0] == "Line one\nline two"


def test_decisions_file_refers_to_sister_city_tie(seeded):
    data = b"tie_id,category,decided_on,decided_by,reason\ntrondheim--graz,dormant,2026-02,Bystyret,No current activity\n"
    report = import_texts(seeded, [("decisions.csv", data)], actor="test")
    assert report.counts["decisions"]["inserted"] == 1
    again = import_texts(seeded, [("decisions.csv", data)], actor="test")
    assert again.counts["decisions"]["unchanged"] == 1
    bad = data.replace(b"dormant", b"sleepy")
    with pytest.raises(ImportFailed, match="1 problem"):
        import_texts(seeded, [("decisions.csv", bad)], actor="test")


def test_detect_table():
    assert detect_table(["id", "kind", "name", "source"]) == "entities"
    assert detect_table(["id", "from_id", "to_id", "kind"]) == "ties"
    assert detect_table(["city", "cityLabel", "twin"]) == "wikidata"
    assert detect_table(["a"]) is None


def test_slugify():
    assert slugify("Kópavogur") == "kopavogur"
    assert slugify("Østersund ÆØÅ") == "ostersund-aeoa"
    assert slugify("Petah Tikva") == "petah-tikva"


# --- issue 12, item 9: files that are not what they seem say why ----------------------------


@pytest.mark.parametrize("sep, word", [(";", "semicolons"), ("\t", "tabs")])
def test_a_file_separated_by_semicolons_or_tabs_says_so(conn, sep, word):
    # Excel in Norwegian saves "CSV" with semicolons; a copy from a spreadsheet is tab-separated.
    data = sep.join(["id", "kind", "name", "source"]).encode() + b"\n" + sep.join("a city A s".split()).encode() + b"\n"
    with pytest.raises(ImportFailed) as exc:
        import_texts(conn, [("semi.csv", data)], actor="test")
    [p] = exc.value.problems
    assert (p.row, p.column) == (1, "")
    assert f"separated by {word}, not commas (split at {word} it would be entities)" in p.reason


def test_a_double_byte_order_mark_is_named(conn):
    data = b"\xef\xbb\xbf\xef\xbb\xbfid,kind,name,source\na,city,A,s\n"
    with pytest.raises(ImportFailed) as exc:
        import_texts(conn, [("bom.csv", data)], actor="test")
    assert [str(p) for p in exc.value.problems] == [
        "bom.csv:0: the file starts with two byte order marks (U+FEFF); save it again as CSV UTF-8"
    ]


def test_a_quote_left_open_is_named_not_counted_as_fields(conn):
    # The quote opened on row 3 runs to the end of the file: read leniently, rows 3-4 became one
    # row of 3 fields ("row has 3 fields"), or, with the quote in the last column, one long cell.
    data = b'id,kind,name,source\na,city,A,s\nb,city,"B,s\nc,city,C,s\n'
    with pytest.raises(ImportFailed) as exc:
        import_texts(conn, [("q.csv", data)], actor="test")
    assert [str(p) for p in exc.value.problems] == [
        "q.csv:3: a quote opened in this row is never closed: lines 3-4 (the rest of the file) would be one cell"
    ]
    fits = b'id,kind,name,source\na,city,A,s\nb,city,B,"s\nc,city,C,s\n'
    with pytest.raises(ImportFailed) as exc:
        import_texts(conn, [("fits.csv", fits)], actor="test")
    assert [p.row for p in exc.value.problems if "never closed" in p.reason] == [3]
    assert conn.execute("SELECT count(*) FROM entities").fetchone()[0] == 0
    # Closed again further down, the row that swallowed the lines names them.
    closed = b'id,kind,name,source\nb,"city,B,s\nc,city,C",s\nd,city,D,s\n'
    with pytest.raises(ImportFailed) as exc:
        import_texts(conn, [("closed.csv", closed)], actor="test")
    assert [str(p) for p in exc.value.problems] == [
        "closed.csv:2: row has 3 fields; the header has 4 (it runs over lines 2-3: is a quote left open?)"
    ]


def test_a_header_only_file_reports_its_table_with_zero_counts(conn):
    report = import_texts(conn, [("empty.csv", b"id,kind,name,source\n")], actor="test")
    assert report.counts == {"entities": {"inserted": 0, "updated": 0, "unchanged": 0}}
    dry = import_texts(conn, [("empty.csv", b"id,kind,name,source\n")], actor="test", dry_run=True)
    assert dry.counts == report.counts


def test_expect_refuses_a_file_of_another_table(conn):
    with pytest.raises(ImportFailed) as exc:
        import_files(conn, [FIX / "entities_ok.csv"], actor="test", expect="wikidata")
    assert [str(p) for p in exc.value.problems] == ["entities_ok.csv:1: header: not a wikidata file; it has the header of entities"]
