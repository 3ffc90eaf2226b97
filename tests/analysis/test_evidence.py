"""The record of activity behind a sister city: which activities count, the last contact, and the criteria they feed."""

from registry.analysis.context import prepare
from registry.analysis.evidence import activities_for
from registry.i18n import render
from registry.review import classify
from tests.mini import Mini

DAY = "2025-12-31"


def one(m: Mini, as_of=DAY) -> classify.Suggestion:
    (s,) = classify.suggest(m.snap(), as_of=as_of)
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


def test_an_old_activity_leaves_the_relation_without_recent_activity_and_is_cited_as_the_last():
    # home -- x; one visit in 1997, nothing since: no recent activity (a state; «hvilende» is the council's
    # choice), with the 1997 visit as the last confirmed activity.
    m = Mini()
    tie = m.sister("x", start="1960")
    m.activity("visit-1997", "visit", "1997", {"x": "visitor", "home": "host"}, ties=(tie,))
    s = one(m)
    assert s.suggested == "unclassified" and s.state == "no_recent_activity" and s.since == 1997
    (quiet,) = [r for r in s.because if r.criterion == "quiet_since"]
    assert quiet.evidence == ("activity:visit-1997",)
    assert s.last_contact.id == "visit-1997" and s.last_confirmed.how == "dated"
    assert render(s.role_message, "nb") == "Kommunens rolle er ikke registrert"


def test_an_ongoing_activity_counts_as_confirmed_up_to_verified_on():
    # Issue 16: an exchange that goes on «over the following decades» per its source was read as 1946 only.
    # home -- x; exchange from 1946, ongoing, its source read on 2024-05-02: confirmed up to that day, so
    # the relation has recent activity in 2025 (window 2020-2025) but not before the start.
    m = Mini()
    tie = m.sister("x", start="1945", municipal_role="active")
    m.activity("ex", "exchange", "1946", {"home": "visitor", "x": "host"}, ties=(tie,), ongoing=1, verified_on="2024-05-02")
    s = one(m)
    assert s.state == "recent_activity" and s.since == 2024
    assert (s.last_confirmed.how, s.last_confirmed.on, s.last_confirmed.capped) == ("ongoing", "2024-05-02", False)
    # The role is seen on dated rows: the source says the exchange goes on, not who takes part in it now.
    assert render(s.role_message, "nb") == "Kommunen hadde en aktiv rolle, sist 1946"

    assert render(s.last_message, "en").startswith("Last confirmed 2024-05-02: ex (ongoing per its source")
    # As of 2010 the same source confirms it up to the date of the view, and says so.
    old = one(m, as_of="2010-12-31")
    assert (old.last_confirmed.how, old.last_confirmed.on, old.last_confirmed.capped) == ("ongoing", "2010-12-31", True)
    assert old.state == "recent_activity"
    # Without its being ongoing the same row is the year 1946 only.
    m.activities[0]["ongoing"] = 0
    assert one(m).state == "no_recent_activity" and one(m).since == 1946


def test_an_undated_activity_does_not_count_before_its_source_was_read():
    # An unknown date is not there before anything dates it: read in 2024, it is not in a 2010 view.
    m = Mini()
    tie = m.sister("x", start="1945")
    m.activity("u", "visit", None, {"home": "visitor", "x": "host"}, ties=(tie,), verified_on="2024-01-10")
    assert [a.id for a in one(m).activities] == ["u"]
    assert one(m, as_of=2010).activities == ()


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
    m.activity("p", "project", "2023", {"home": "partner", "x": "partner"}, ties=(tie,), goals="g", indicators="i", end="2026-06")
    s = one(m)
    assert s.suggested == "project"
    assert s.because[0].evidence == ("activity:p",)


def test_a_project_that_has_ended_is_no_basis_for_the_project_category():
    # Issue 16: «bygger på konkrete prosjektavtaler» — a project that ended last year (a 2023–2024 span,
    # viewed at the end of 2025) is history, not a project in force.
    m = Mini()
    tie = m.sister("x")
    m.activity("p", "project", "2023", {"home": "partner", "x": "partner"}, ties=(tie,), goals="g", indicators="i", end="2024-12")
    s = one(m)
    assert s.suggested != "project" and "project_tie" not in {r.criterion for r in s.met}
    assert one(m, as_of="2024-06-30").suggested == "project"


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
        1,
        "2024-06-01",
        "visit",
        "https://example.org/v",
    )
