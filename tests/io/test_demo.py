"""The fictional demo registry: labelled fictional everywhere, valid, and it shows every rule and finding."""

import csv

import pytest

from registry import analysis
from registry.findings import FINDING_KINDS
from registry.io import demo
from registry.io.seed import DATA_DIR
from registry.review import classify


@pytest.fixture
def demo_conn(conn):
    demo.load(conn)
    return conn


def test_every_row_is_labelled_fictional(demo_conn):
    for table in ("entities", "ties", "decisions", "plan_lines"):
        sources = {r[0] for r in demo_conn.execute(f"SELECT source FROM [{table}]")}
        assert sources == {demo.SOURCE}, table
    assert demo.is_demo(demo_conn)


def test_the_demo_is_not_the_seed_and_shares_no_place(seeded):
    assert not demo.is_demo(seeded)
    with open(DATA_DIR / "entities.csv", encoding="utf-8") as fh:
        seed_ids = {r["id"] for r in csv.DictReader(fh)}
    assert not seed_ids & {e["id"] for e in demo.ENTITIES}


def test_load_goes_through_the_audited_import(demo_conn):
    report_counts = {
        t: demo_conn.execute(f"SELECT count(*) FROM [{t}]").fetchone()[0] for t in ("entities", "ties", "decisions", "plan_lines")
    }
    assert report_counts == {
        "entities": len(demo.ENTITIES),
        "ties": len(demo.TIES),
        "decisions": len(demo.DECISIONS),
        "plan_lines": len(demo.PLAN_LINES),
    }
    actors = {r[0] for r in demo_conn.execute("SELECT DISTINCT actor FROM audit")}
    assert actors == {demo.ACTOR}
    again = demo.load(demo_conn)  # loading twice changes nothing
    assert again.total("inserted") == 0 and again.total("updated") == 0


def test_build_writes_a_fresh_file(tmp_path):
    path = tmp_path / "demo.db"
    path.write_bytes(b"not a database")
    assert demo.build(path) == path
    from registry import connect

    c = connect(path)
    assert demo.is_demo(c) and c.execute("SELECT count(*) FROM ties").fetchone()[0] == len(demo.TIES)


def test_the_classification_table_in_the_docstring(demo_conn):
    # The table in registry/io/demo.py's docstring, row by row.
    got = {s.city_id: (s.suggested, s.assigned, s.agreement) for s in classify.suggest(demo_conn, as_of=demo.AS_OF)}
    assert got == {
        "musterstadt": ("project", "project", "agree"),
        "ejemplopolis": ("political_focus", "political_focus", "agree"),
        "daemibaer": ("solidarity", "unclassified", "unclassified"),
        "przykladowo": ("unclassified", "solidarity", "disagree"),
        # No recent activity (last: 2012) is a state, not «hvilende»: only a decision makes a city dormant.
        "esimerkkila": ("unclassified", "project", "disagree"),
        "exampleville": ("not_enough_data", "unclassified", "unclassified"),
        "exempelstad": ("unclassified", "unclassified", "unclassified"),
    }


@pytest.mark.parametrize("as_of", [demo.AS_OF, "2028-06-30"])
def test_the_answers_hold_for_later_dates_too(demo_conn, as_of):
    got = {s.city_id: s for s in classify.suggest(demo_conn, as_of=as_of)}
    assert got["musterstadt"].suggested == "project"
    assert (got["esimerkkila"].suggested, got["esimerkkila"].state) == ("unclassified", "no_recent_activity")


def test_every_finding_kind_has_something_to_show(demo_conn):
    result = analysis.analyse(demo_conn, as_of=demo.AS_OF)
    counts = dict(zip(result.summary["kind"], result.summary["count"]))
    assert set(counts) == {k.code for k in FINDING_KINDS}
    assert all(counts.values()), {k: c for k, c in counts.items() if not c}
    found = {k: set(df["subject"]) for k, df in result.findings.items()}
    # Each as the demo was drawn (see the comments in registry/io/demo.py).
    assert found["thin_relation"] == {"esimerkkila", "exampleville"}
    assert found["documentation_gap"] == {"consulates"}  # 2 of the 5 the fictional strategy counts
    assert found["unused_consulate"] == {"konsulat-portugal"}
    assert found["one_way_solidarity"] == {"przykladowo"}
    assert found["went_dormant"] == {"esimerkkila"}
    assert found["isolated"] == {"eksempelprogrammet", "utvekslingslaget-eksempelby"}
    assert "studentfestivalen-eksempelby" in found["single_point_of_failure"]
    assert "eksempelby-naeringsforening;eksempelby-universitet" in found["shared_partner"]
    assert found["likely_duplicate"] == {"exempelstad;exempelstaden", "musterstadt-university;universitaet-musterstadt"}
    assert list(result.findings["opportunity"]["subject"]) == ["beispielheim", "country:NL"]
    assert "musterstadt" in found["many_channels"]
