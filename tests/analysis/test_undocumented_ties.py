"""Undocumented ties (registry.analysis.undocumented_ties): projects without goals or indicators, cooperation without
a source.
"""

from tests.analysis.graphs import found, found_in, snap_with
from tests.mini import Mini


def test_undocumented_tie():
    # Strategy 2a asks goals and indicators of project-based engagements: of project ties and ties resting
    # on a project agreement. A twinning is not one (before, every 1945 friendship bond was asked for
    # indicators); any cooperation tie still needs a source.
    m = Mini()
    m.sister("x")  # a twinning without goals: not a project, has a source
    m.sister("z", source="")  # a twinning without a source
    m.entity("uni", "university", "NO").entity("lab", "university", "DE").entity("org", "voluntary_org", "DE")
    m.tie("home", "lab", "project", goals="g", indicators="i")  # documented
    m.tie("home", "uni", "project", goals="g")  # no indicators
    m.tie("home", "org", "project", source="")  # nothing at all
    m.tie("uni", "lab", "partnership", agreement_id="pa")  # rests on a project agreement; an activity has goals
    m.activity("joint", "visit", "2024", {"uni": "party", "lab": "party"}, ("uni--lab",), goals="g")
    m.tie("home", "x", "membership")  # not a kind that needs goals
    m.activity("garden", "project", "2007", {"home": "party", "x": "party"}, ("home--x",))  # a project under a twinning
    snap = snap_with(m, agreements=({"id": "pa", "kind": "project_agreement", "parties": ()},))
    df = found_in(snap, "undocumented_tie").set_index("subject")
    assert sorted(df.index) == ["home--org", "home--uni", "home--z", "uni--lab"]
    assert df["severity"].to_dict() == {"home--org": "high", "home--uni": "low", "home--z": "high", "uni--lab": "low"}
    assert "no source" in df.loc["home--z", "explanation_en"] and "indicator" not in df.loc["home--z", "explanation_en"]
    assert "prosjektsamarbeid som mangler indikatorer" in df.loc["home--uni", "explanation_nb"]
    # Names, not ids, in the text.
    assert "home--uni" not in df.loc["home--uni", "explanation_nb"] and "kommune – Uni" in df.loc["home--uni", "explanation_nb"]
    m2 = Mini()
    m2.sister("x", goals="g", indicators="i")
    assert found(m2, "undocumented_tie").empty
