"""Import of a Wikidata Query Service twin-town export (P190 with P580/P582)."""

from pathlib import Path

from registry import import_files, import_texts
from registry.io.ingest.wikidata import item_id, wikidata_date
from tests.conftest import table_snapshot

FILE = Path(__file__).parent.parent / "fixtures" / "wikidata_trondheim.csv"


def test_dates_and_items():
    assert wikidata_date("1968-10-05T00:00:00Z") == "1968-10-05"
    assert wikidata_date("1970-01-01T00:00:00Z") == "1970"  # year precision
    assert wikidata_date("") is None
    assert item_id("http://www.wikidata.org/entity/Q25804") == "Q25804"
    assert item_id("Trondheim") is None


def test_import_merges_with_seed_and_second_run_changes_nothing(seeded):
    report = import_files(seeded, [FILE], actor="wd")
    # Trondheim and Darmstadt exist by name: they gain Q-ids instead of being duplicated.
    assert seeded.execute("SELECT wikidata_id FROM entities WHERE id = 'darmstadt'").fetchone()[0] == "Q2867"
    assert seeded.execute("SELECT count(*) FROM entities WHERE name = 'Darmstadt'").fetchone()[0] == 1
    # The existing twinning is not duplicated; two new twins are added.
    assert seeded.execute("SELECT count(*) FROM ties WHERE kind='sister_city' AND to_id='darmstadt'").fetchone()[0] == 1
    assert report.counts["ties"]["inserted"] == 2
    new = seeded.execute("SELECT id, country_code, wikidata_id FROM entities WHERE name = 'Østfjordvik'").fetchone()
    assert new == ("ostfjordvik", None, "Q3999999")
    ended = seeded.execute("SELECT start, [end], status FROM ties WHERE to_id = 'fiktivby'").fetchone()
    assert ended == ("1970", "1999-06-30", "ended")
    before = table_snapshot(seeded)
    again = import_files(seeded, [FILE], actor="wd")
    assert again.total("inserted") == again.total("updated") == 0
    assert table_snapshot(seeded) == before


def test_import_into_empty_registry_creates_entities(conn):
    import_files(conn, [FILE], actor="wd")
    assert conn.execute("SELECT count(*) FROM entities").fetchone()[0] == 4
    assert conn.execute("SELECT count(*) FROM ties").fetchone()[0] == 3
    assert conn.execute("SELECT source FROM ties LIMIT 1").fetchone()[0].startswith("https://www.wikidata.org/wiki/Q25804")


def test_a_utf16_export_imports_as_wikidata_like_any_other_file(conn):
    # Plain import read UTF-16 but `import --from wikidata` refused it: the check of the header now
    # reads the file as import does (expect="wikidata"), whatever its encoding.
    from registry import import_texts

    text = FILE.read_text(encoding="utf-8")
    for encoding in ("utf-16", "utf-8-sig"):
        report = import_texts(conn, [("wd.csv", text.encode(encoding))], actor="wd", expect="wikidata")
        assert report.files == {"wd.csv": "wikidata"}
    assert conn.execute("SELECT count(*) FROM ties").fetchone()[0] == 3


def test_a_repeated_import_still_reports_its_tables(seeded):
    # The second run changes nothing; its report said nothing at all (an empty counts dict).
    import_files(seeded, [FILE], actor="wd")
    again = import_files(seeded, [FILE], actor="wd")
    assert set(again.counts) == {"entities", "ties"}
    assert again.total("inserted") == again.total("updated") == 0


def test_the_exported_city_gets_its_country(conn):
    # cityCountryCode (the query's P17 of ?city) gives the exported municipality its country: a new one
    # is created with it; one an older export made without a country gains it; a recorded one stays.
    head = "city,cityLabel,cityCountryCode,twin,twinLabel,twinCountryCode,start,end\n"
    bergen = "http://www.wikidata.org/entity/Q26793,Bergen,NO,http://www.wikidata.org/entity/Q25287,Göteborg,SE,,\n"
    import_texts(conn, [("wd.csv", (head + bergen).encode())], actor="wd")
    assert conn.execute("SELECT kind, country_code FROM entities WHERE id = 'bergen'").fetchone() == ("municipality", "NO")
    import_files(conn, [FILE], actor="wd")  # the older query: Trondheim without a country
    assert conn.execute("SELECT country_code FROM entities WHERE id = 'trondheim'").fetchone() == (None,)
    tro = "http://www.wikidata.org/entity/Q25804,Trondheim,NO,http://www.wikidata.org/entity/Q2867,Darmstadt,DE,,\n"
    import_texts(conn, [("new.csv", (head + tro).encode())], actor="wd")
    assert conn.execute("SELECT country_code FROM entities WHERE id = 'trondheim'").fetchone() == ("NO",)
    other = "http://www.wikidata.org/entity/Q25804,Trondheim,SE,http://www.wikidata.org/entity/Q2867,Darmstadt,DE,,\n"
    import_texts(conn, [("other.csv", (head + other).encode())], actor="wd")
    assert conn.execute("SELECT country_code FROM entities WHERE id = 'trondheim'").fetchone() == ("NO",)
