"""Thin relations (registry.analysis.thin_relations): relations that hold nothing beyond their agreement, or miss
agreed sectors and local actors.
"""

from tests.analysis.graphs import found, found_in, snap_with
from tests.mini import Mini


def test_thin_relation_one_row_per_relation():
    # x: only the twinning. y: twinning plus a university's exchange (another actor, no sectors agreed).
    # z: twinning agreed for culture and business; home's visit is culture: business has no activity.
    m = Mini()
    m.sister("x")
    m.sister("y")
    m.entity("uni", "university", "NO")
    m.tie("uni", "y", "exchange", start="2020")
    m.sister("z", sectors="culture;business")
    m.activity("visit", "visit", "2024", {"home": "visitor", "z": "host"}, ("home--z",), sectors="culture")
    df = found(m, "thin_relation").set_index("subject")
    assert sorted(df.index) == ["x", "z"]
    assert df.loc["x", "evidence"] == "home--x" and "nothing is registered" in df.loc["x", "explanation_en"]
    # z: one agreed sector without activity (business), and only the municipality as local actor.
    assert df.loc["z", "severity"] == "medium" and df.loc["z", "score"] == 2
    assert "no activity registered in business" in df.loc["z", "explanation_en"]
    assert "Only Home Municipality is registered as a local actor" in df.loc["z", "explanation_en"]
    assert "activity:visit" in df.loc["z", "evidence"].split(";")
    assert "Neste steg:" in df.loc["z", "explanation_nb"] and "Next:" in df.loc["z", "explanation_en"]


def test_thin_relation_finds_nothing_when_actors_and_agreed_sectors_are_there():
    # y: culture agreed; a voluntary organisation's culture exchange covers it and is another local actor.
    m = Mini()
    m.sister("y", sectors="culture")
    m.entity("friends", "voluntary_org", "NO")
    m.tie("friends", "y", "exchange", carrier_id="friends", sectors="culture")
    assert found(m, "thin_relation").empty


def test_thin_relation_asks_for_no_sector_where_none_is_agreed():
    # y: nothing agreed; a university took part in the municipality's visit, so y is not thin at all.
    m = Mini()
    m.sister("y")
    m.entity("uni", "university", "NO")
    m.activity("visit", "visit", "2024", {"home": "visitor", "uni": "visitor", "y": "host"}, ("home--y",))
    assert found(m, "thin_relation").empty
    # Without the university, the only thing said is that the municipality carries it alone (low).
    m2 = Mini()
    m2.sister("y")
    m2.activity("visit", "visit", "2024", {"home": "visitor", "y": "host"}, ("home--y",))
    df = found(m2, "thin_relation")
    assert df.iloc[0]["severity"] == "low" and "No sectors are agreed" in df.iloc[0]["explanation_en"]


def test_thin_relation_reads_the_sectors_of_the_agreement():
    # y's twinning names no sector, but its agreement (parties home and y) names research; the visit is culture.
    m = Mini()
    m.sister("y")
    m.activity("visit", "visit", "2024", {"home": "visitor", "y": "host"}, ("home--y",), sectors="culture")
    agreement = {
        "id": "charter",
        "kind": "twinning_charter",
        "title": "Charter",
        "signed_on": "1990",
        "status": "active",
        "sectors": "research",
        "parties": (("home", "party"), ("y", "party")),
    }
    df = found_in(snap_with(m, agreements=(agreement,)), "thin_relation")
    assert "no activity registered in research" in df.iloc[0]["explanation_en"]
    assert "charter" in df.iloc[0]["evidence"].split(";")
    # An agreement ended before the date asks for nothing.
    ended = {**agreement, "ended_on": "2000"}
    df = found_in(snap_with(m, agreements=(ended,)), "thin_relation")
    assert "No sectors are agreed" in df.iloc[0]["explanation_en"]


def test_thin_relation_gathers_empty_relations_in_one_row():
    # a, b and c have nothing but the twinning: one summary row, not three.
    m = Mini()
    for c in ("a", "b", "c"):
        m.sister(c)
    df = found(m, "thin_relation")
    assert list(df["subject"]) == ["a;b;c"] and df.iloc[0]["score"] == 3
    assert df.iloc[0]["evidence"] == "home--a;home--b;home--c"
    assert df.iloc[0]["explanation_nb"].startswith("3 vennskapsbyer har ingenting registrert")
