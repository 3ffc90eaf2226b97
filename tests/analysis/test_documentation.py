"""Documentation against declared totals (registry.analysis.documentation): the table and the documentation_gap
finding.
"""

from registry import analysis
from registry.analysis.context import prepare
from tests.analysis.graphs import found_in, snap_with
from tests.mini import Mini


def test_documentation_counts_what_is_documented_against_declared_totals():
    # home with two consulates located in it (one ended) and one sister city; a source declares
    # 22 consulates and 13 twin towns. Documented: 1 consulate now, 1 sister city.
    from registry.network.graph import Snapshot

    m = Mini()
    m.entity("c1", "consulate", "NO").entity("c2", "consulate", "NO")
    m.tie("c1", "home", "located_in")
    m.tie("c2", "home", "located_in", end="2019", status="ended")
    m.sister("x")
    totals = (
        {"id": "a", "entity_id": "home", "measure": "consulates", "total": 22, "as_of": "2010-01-28", "source": "s"},
        {"id": "b", "entity_id": "home", "measure": "sister_cities", "total": 13, "as_of": None, "source": "s"},
        {"id": "c", "entity_id": "other", "measure": "consulates", "total": 99, "as_of": None, "source": "s"},
    )
    snap = m.snap()
    snap = Snapshot(snap.graph, declared_totals=totals)
    df = analysis.documentation(prepare(snap, "2025-12-31", home_id="home"))
    assert df[["measure", "documented", "declared", "missing"]].values.tolist() == [["consulates", 1, 22, 21], ["sister_cities", 1, 13, 12]]
    assert list(df["text_nb"]) == ["1 av 22 konsulater er dokumentert", "1 av 13 vennskapsbyer er dokumentert"]
    assert list(df["text_en"]) == ["1 of 22 consulates are documented", "1 of 13 twin towns are documented"]


def test_documentation_gap_from_declared_totals():
    # home documents 1 consulate of a declared 22 (less than half: medium) and its only twin town of a
    # declared 1 (nothing missing: no row).
    m = Mini()
    m.entity("c1", "consulate", "NO")
    m.tie("c1", "home", "located_in")
    m.sister("x")
    totals = (
        {"id": "a", "entity_id": "home", "measure": "consulates", "total": 22, "as_of": "2010-01-28", "source": "s"},
        {"id": "b", "entity_id": "home", "measure": "sister_cities", "total": 1, "as_of": None, "source": "s"},
    )
    df = found_in(snap_with(m, declared_totals=totals), "documentation_gap")
    assert list(df["subject"]) == ["consulates"] and df.iloc[0]["severity"] == "medium" and df.iloc[0]["score"] == 21
    assert df.iloc[0]["explanation_en"].startswith("1 of 22 consulates are documented (source: s, as of 2010-01-28)")
    assert "invite each consul to the international forum" in df.iloc[0]["explanation_en"]
    # Two of three twin towns documented: more than half, so low.
    m.sister("y")
    three = (totals[1] | {"total": 3},)
    df = found_in(snap_with(m, declared_totals=three), "documentation_gap")
    assert (df.iloc[0]["subject"], df.iloc[0]["severity"], df.iloc[0]["score"]) == ("sister_cities", "low", 1)
    assert found_in(snap_with(m, declared_totals=(totals[1] | {"total": 2},)), "documentation_gap").empty
