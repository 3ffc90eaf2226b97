"""Relations gone dormant (registry.analysis.dormancy): the last tie or registered activity lies too far back."""

from registry.thresholds import DEFAULT_RULES
from tests.analysis.graphs import found, subjects
from tests.mini import Mini


def test_went_dormant():
    # x had an exchange 2001-2012; y never had activity; z's partnership was suspended long ago.
    m = Mini()
    m.sister("x")
    m.tie("home", "x", "exchange", id="old", start="2001", end="2012", status="ended")
    m.sister("y")
    m.entity("z", "city", "DK")
    m.tie("home", "z", "partnership", start="1999", status="suspended")
    df = found(m, "went_dormant").set_index("subject")
    assert sorted(df.index) == ["x", "z"]  # y never was active
    assert df.loc["x", "evidence"] == "old" and "2012" in df.loc["x", "explanation_en"]
    assert (df.loc["x", "severity"], df.loc["z", "severity"]) == ("medium", "low")  # sister city vs partner city
    # Within fifteen years of 2025 the 2012 exchange is recent; z's suspended 1999 partnership is not.
    assert subjects(found(m, "went_dormant", rules=DEFAULT_RULES.with_values(dormant_years=15))) == ["z"]
    m2 = Mini()
    m2.sister("x")
    m2.tie("home", "x", "exchange", start="2024")
    assert found(m2, "went_dormant").empty


def test_went_dormant_counts_registered_activities():
    # x: an exchange tie ended in 2012, and a visit registered in 2024: active, not listed.
    # y: only activities, the last in 2009, and one without a date: listed, and it says so.
    m = Mini()
    m.sister("x")
    m.tie("home", "x", "exchange", id="old", start="2001", end="2012", status="ended")
    m.activity("visit-x", "visit", "2024", {"home": "visitor", "x": "host"}, ("home--x",))
    m.sister("y")
    m.activity("visit-y", "visit", "2009", {"home": "visitor", "y": "host"}, ("home--y",))
    m.activity("talks-y", "meeting", None, {"home": "partner", "y": "partner"}, ("home--y",))
    df = found(m, "went_dormant").set_index("subject")
    assert list(df.index) == ["y"] and df.loc["y", "score"] == 2009
    assert "1 registered activity has no date" in df.loc["y", "explanation_en"]
    assert "not that the contact has stopped" in df.loc["y", "explanation_en"]
    # Only undated activity: nothing to date the quiet from, so nothing is said.
    m2 = Mini()
    m2.sister("y")
    m2.activity("talks-y", "meeting", None, {"home": "partner", "y": "partner"}, ("home--y",))
    assert found(m2, "went_dormant").empty
