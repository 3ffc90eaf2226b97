"""The strategy view: what the registry holds for each point of the strategy, and the points with nothing."""

import pandas as pd

from registry.graph import Snapshot
from registry.review.strategy import STRATEGY_COLUMNS, strategy_view, unserved_points
from registry import vocab
from tests.mini import Mini

DAY = "2025-12-31"


def test_each_point_lists_its_ties_activities_and_money():
    # home -- x sister tie tagged 2c; a 2024 exchange tagged 1c;2a with a 20,000 NOK plan line and
    # a 500 EUR line (not summed); a foreign-only tie tagged 1a (not home's); a future visit tagged 4g.
    m = Mini()
    tie = m.sister("x", strategy_points="2c")
    m.entity("y", "city", "DE")
    m.tie("x", "y", "partnership", strategy_points="1a")
    m.activity("ex", "exchange", "2024-05", {"home": "host", "x": "visitor"}, ties=(tie,), strategy_points="1c;2a")
    m.activity("later", "visit", "2030", {"home": "host"}, strategy_points="4g")
    m.plan_lines += [
        {"id": 1, "tie_id": None, "activity_id": "ex", "year": 2024, "kind": "plan", "amount": 20000,
         "currency": "NOK", "funder": "municipal"},
        {"id": 2, "tie_id": None, "activity_id": "ex", "year": 2024, "kind": "actual", "amount": 500,
         "currency": "EUR", "funder": "municipal"},
    ]
    view = strategy_view(m.snap(), as_of=DAY, home_id="home").set_index("point")
    assert list(view.reset_index().columns) == list(STRATEGY_COLUMNS)
    assert list(view.index) == [t.code for t in vocab.STRATEGY_POINTS]
    assert (view.loc["2c", "ties"], view.loc["2c", "tie_ids"]) == (1, tie)
    assert (view.loc["2a", "activities"], view.loc["2a", "planned_nok"], view.loc["2a", "actual_nok"]) == (1, 20000, 0)
    assert view.loc["2a", "last_activity_on"] == "2024-05"  # the month as registered, no day made up
    assert view.loc["1a", "nothing_registered"]  # the foreign-only tie is not the home's
    assert view.loc["4g", "state"] == "planned"  # registered, but not begun by the date
    assert "2a" not in unserved_points(view.reset_index()) and "1a" in unserved_points(view.reset_index())


def test_findings_count_for_the_points_their_kind_serves():
    # unused_consulate serves 1f;4e (registry.rules.FINDING_KINDS): two such findings count for both points.
    findings = pd.DataFrame({"kind": ["unused_consulate", "unused_consulate"]})
    view = strategy_view(Mini().snap(), as_of=DAY, home_id="home", findings=findings).set_index("point")
    assert (view.loc["1f", "findings"], view.loc["4e", "findings"], view.loc["1f", "finding_kinds"]) == (
        2, 2, "unused_consulate")


def test_the_seed_serves_some_points_and_not_others(seeded):
    view = strategy_view(seeded, as_of=DAY)
    assert view["nothing_registered"].any() and not view["nothing_registered"].all()


def test_last_activity_is_the_latest_start_shown_as_registered():
    # 3e: a visit on 2017-03-15 and an exchange registered only as "2017-08"; the August one is later
    # and keeps its month precision. 2a: "2016-12-31" and "2017" (a year, later by its first day) -> "2017".
    m = Mini()
    m.entity("x", "city", "SE")
    m.activity("v", "visit", "2017-03-15", {"home": "host", "x": "visitor"}, strategy_points="3e")
    m.activity("ex", "exchange", "2017-08", {"home": "host", "x": "visitor"}, strategy_points="3e")
    m.activity("a", "visit", "2016-12-31", {"home": "host"}, strategy_points="2a")
    m.activity("b", "visit", "2017", {"home": "host"}, strategy_points="2a")
    view = strategy_view(m.snap(), as_of=DAY, home_id="home").set_index("point")
    assert (view.loc["3e", "last_activity_on"], view.loc["2a", "last_activity_on"]) == ("2017-08", "2017")
