"""Isolated entities (registry.analysis.isolation): entities with no path to the home municipality."""

from registry import analysis
from tests.analysis.graphs import found, subjects
from tests.mini import Mini


def test_isolated():
    # fund: no ties. a -- b: tied to each other, but not to home. x: home's sister city.
    m = Mini()
    m.sister("x")
    m.entity("fund", "funding_programme").entity("a", "voluntary_org", "NO").entity("b", "city", "ER")
    m.tie("a", "b", "partnership")
    df = found(m, "isolated").set_index("subject")
    assert sorted(df.index) == ["a", "b", "fund"]
    assert df.loc["fund", "severity"] == "medium" and "3e" in df.loc["fund", "explanation_en"]
    assert "no path to Home Municipality" in df.loc["a", "explanation_en"]
    m.tie("home", "a", "membership")
    m.tie("fund", "home", "funding")
    assert found(m, "isolated").empty


def test_isolated_counts_carriers_and_leaves_out_bodies_that_do_not_exist():
    # friends carries home's tie to k; old-county was dissolved in 2017 and has no ties; new-agency is founded 2030.
    m = Mini()
    m.entity("k", "city", "ER").entity("friends", "voluntary_org", "NO")
    m.tie("home", "k", "partnership", carrier_id="friends")
    m.entity("old-county", "county", "NO", dissolved="2017-12-31", successor_id="county")
    m.entity("county", "county", "NO").entity("c", "city", "CN")
    m.tie("old-county", "c", "partnership", end="2017-12-31", ended_by="dissolved")
    m.entity("new-agency", "public_agency", "NO", founded="2030")
    df = found(m, "isolated").set_index("subject")
    # friends is connected; old-county is gone; new-agency is not yet there; c's tie ended with old-county.
    assert sorted(df.index) == ["c", "county"]
    said = df.loc["county", "explanation_en"]
    assert "successor of Old County (dissolved 2017-12-31), which had registered ties" in said
    # In 2010 the old county still exists: it and c are tied to each other, but not to home.
    assert subjects(analysis.findings(m.snap(), "isolated", as_of="2010")) == ["c", "county", "old-county"]


def test_isolated_counts_a_recent_shared_activity_as_contact():
    # festival has no tie, but hosted the municipality at an event in 2023: connected. In 2010 it was not.
    m = Mini()
    m.entity("festival", "student_org", "NO")
    m.activity("event", "event", "2023", {"festival": "host", "home": "visitor"})
    assert found(m, "isolated").empty
    m.activities[0]["start"] = "2010"
    assert subjects(found(m, "isolated")) == ["festival"]


def test_isolated_says_where_a_tie_ended_with_a_dissolved_body():
    # The county's twinning with c ended with the county (as the graph ends it); its successor is named.
    m = Mini()
    m.entity("c", "city", "CN")
    m.entity("new-county", "county", "NO")
    m.entity("old-county", "county", "NO", dissolved="2017-12-31", successor_id="new-county")
    m.tie("old-county", "c", "partnership", start="2007", end="2017-12-31", ended_by="dissolved")
    m.tie("home", "new-county", "membership")
    df = found(m, "isolated").set_index("subject")
    assert list(df.index) == ["c"]
    assert "whether New County continued it is not registered" in df.loc["c", "explanation_en"]
