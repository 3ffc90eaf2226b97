"""The record of activity behind a sister city: which activities count, the last contact, and the criteria they feed."""

from registry.review import classify
from registry.review.evidence import activities_for
from registry.analysis.context import prepare
from tests.mini import Mini

DAY = "2025-12-31"


def one(m: Mini) -> classify.Suggestion:
    (s,) = classify.suggest(m.snap(), as_of=DAY)
    return s


def test_an_activity_linked_to_the_twinning_is_recent_activity():
    # home -- x (sister since 1945, nothing else as ties); a 2025 anniversary linked to the twinning.
    m = Mini()
    tie = m.sister("x", start="1945")
    m.activity("x-80", "anniversary", "2025-05", {"home": "host", "x": "visitor"}, ties=(tie,))
    s = one(m)
    assert s.suggested != "dormant"
    assert [a.id for a in s.activities] == ["x-80"]
    assert s.last_contact is not None and s.last_contact.start == "2025-05"
    quiet = next(r for r in s.reasons if r.criterion == "quiet_since")
    assert not quiet.met and quiet.evidence == ("activity:x-80",)
    assert "x 80 (2025)" in quiet.text_en  # described by title and year, not by id


def test_an_old_activity_leaves_the_relation_dormant_and_is_cited_as_earlier_activity():
    # home -- x; one visit in 1997, nothing since: dormant, with the 1997 visit as the earlier activity.
    m = Mini()
    tie = m.sister("x", start="1960")
    m.activity("visit-1997", "visit", "1997", {"x": "visitor", "home": "host"}, ties=(tie,))
    s = one(m)
    assert s.suggested == "dormant"
    assert s.because[0].evidence == ("activity:visit-1997",)
    assert s.last_contact.id == "visit-1997"


def test_activity_at_the_city_counts_only_with_a_local_actor():
    # x's own activity with y (both foreign, not linked) is not the home's relation; with a local
    # university taking part it is.
    m = Mini()
    m.sister("x")
    m.entity("y", "city", "DE")
    m.entity("uni", "university", "NO")
    m.activity("x-y", "exchange", "2024", {"x": "host", "y": "visitor"})
    assert one(m).activities == ()
    m.activity("x-uni", "exchange", "2024", {"x": "host", "uni": "visitor"})
    assert [a.id for a in one(m).activities] == ["x-uni"]


def test_activities_after_the_date_do_not_count_yet_and_undated_ones_sort_last():
    m = Mini()
    tie = m.sister("x")
    m.activity("later", "visit", "2030", {"home": "visitor"}, ties=(tie,))
    m.activity("undated", "exchange", None, {"home": "partner"}, ties=(tie,))
    m.activity("earlier", "visit", "2020-03", {"home": "visitor"}, ties=(tie,))
    ctx = prepare(m.snap(), DAY)
    refs = activities_for(ctx, ctx.sister_ties[0])
    assert [r.id for r in refs] == ["earlier", "undated"]


def test_a_project_activity_with_goals_and_indicators_suggests_project():
    m = Mini()
    tie = m.sister("x")
    m.activity("p", "project", "2023", {"home": "partner", "x": "partner"}, ties=(tie,), goals="g", indicators="i")
    s = one(m)
    assert s.suggested == "project"
    assert s.because[0].evidence == ("activity:p",)


def test_a_foreign_association_carrying_a_two_way_exchange_meets_the_solidarity_criteria():
    # x's own association carries exchanges both ways: voluntary carrier and two-way are met
    # (the strategy does not ask the association to be local).
    m = Mini()
    tie = m.sister("x", country="PS")
    m.entity("x-friends", "voluntary_org", "PS")
    m.tie("x-friends", "x", "located_in")
    m.activity("to-x", "exchange", "2023", {"home": "visitor", "x": "host", "x-friends": "carrier"}, ties=(tie,))
    m.activity("to-home", "exchange", "2024", {"x": "visitor", "home": "host"}, ties=(tie,))
    s = one(m)
    assert {"voluntary_carrier", "two_way"} <= {r.criterion for r in s.met}
    assert s.suggested == "solidarity"


def test_frame_carries_the_last_documented_contact():
    m = Mini()
    tie = m.sister("x")
    m.activity("v", "visit", "2024-06-01", {"home": "visitor"}, ties=(tie,), source="https://example.org/v")
    df = classify.frame(classify.suggest(m.snap(), as_of=DAY))
    row = df.iloc[0]
    assert (row["activities"], row["last_contact_on"], row["last_contact_kind"], row["last_contact_source"]) == (
        1, "2024-06-01", "visit", "https://example.org/v")
