"""The strategy view: what the registry holds for each point of the strategy, and the points with nothing."""

from dataclasses import replace

import pandas as pd

from registry import vocab
from registry.render.strategy_text import caveat_text, strategy_text
from registry.review.strategy import COUNCIL, ITEM_COLUMNS, strategy_items
from registry.review.strategy_view import STRATEGY_COLUMNS, indicator_status, planned_points, strategy_view, unserved_points
from tests import apps
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
        {
            "id": 1,
            "tie_id": None,
            "activity_id": "ex",
            "year": 2024,
            "kind": "plan",
            "amount": 20000,
            "currency": "NOK",
            "funder": "municipal",
        },
        {
            "id": 2,
            "tie_id": None,
            "activity_id": "ex",
            "year": 2024,
            "kind": "actual",
            "amount": 500,
            "currency": "EUR",
            "funder": "municipal",
        },
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
    # unused_consulate serves 1f;4e (registry.findings.FINDING_KINDS): two such findings count for both points.
    findings = pd.DataFrame({"kind": ["unused_consulate", "unused_consulate"]})
    view = strategy_view(Mini().snap(), as_of=DAY, home_id="home", findings=findings).set_index("point")
    assert (view.loc["1f", "findings"], view.loc["4e", "findings"], view.loc["1f", "finding_kinds"]) == (2, 2, "unused_consulate")


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


# --- issue 17: coverage that counts work ----------------------------------------------------------


def _action(id, status, points, start="2024", **attrs):
    return {
        "id": id,
        "title": id,
        "title_nb": None,
        "strategy_points": points,
        "status": status,
        "period_start": start,
        "period_end": None,
        "partners": (),
        "tie_ids": (),
        **attrs,
    }


def _indicator(id, points=None, action_id=None, values=(), direction="higher", target=None, **attrs):
    return {
        "id": id,
        "name": id,
        "name_en": None,
        "unit": None,
        "direction": direction,
        "baseline": None,
        "baseline_year": None,
        "target": target,
        "target_year": 2025,
        "action_id": action_id,
        "strategy_points": points,
        "values": tuple((y, v, "test") for y, v in values),
        **attrs,
    }


def test_three_states_from_actions_indicators_and_planned_ties():
    # 1a: an ongoing action -> work. 1b: a planned action, and an indicator of it with no value -> only planned.
    # 1g: a cancelled action -> nothing. 1h: an indicator measured in 2024 -> work. 1f: the home's forum
    # membership registered as 'uncertain' (planned, not documented in force) -> only planned.
    m = Mini()
    m.entity("forum", "forum", "NO")
    m.tie("home", "forum", "forum_member", status="uncertain", strategy_points="1f")
    snap = replace(
        m.snap(),
        plan_actions=(_action("a1", "ongoing", "1a"), _action("a2", "planned", "1b"), _action("a3", "cancelled", "1g")),
        indicators=(_indicator("i1", action_id="a2"), _indicator("i2", points="1h", values=[(2024, 3)])),
    )
    view = strategy_view(snap, as_of=DAY, home_id="home").set_index("point")
    assert view.loc[["1a", "1b", "1g", "1h", "1f"], "state"].tolist() == ["work", "planned", "nothing", "work", "planned"]
    assert (view.loc["1b", "actions"], view.loc["1b", "indicators"], view.loc["1b", "indicator_ids"]) == (1, 1, "i1")
    assert view.loc["1g", "nothing_registered"] and not view.loc["1b", "nothing_registered"]
    assert planned_points(view.reset_index()) == ["1b", "1f"]
    # An ongoing action whose period begins after the date is only planned.
    later = replace(snap, plan_actions=(_action("a1", "ongoing", "1a", start="2030"),))
    assert strategy_view(later, as_of=DAY, home_id="home").set_index("point").loc["1a", "state"] == "planned"


def test_an_indicator_shows_its_latest_value_against_its_target():
    # Values 2023: 10, 2024: 25, 2026: 50; as of 2025 the latest is 2024's 25, short of the target 40.
    # 'lower is better': 4 against a target of 3 is not reached, 2 is. Without a value, or a target: None.
    snap = replace(
        Mini().snap(),
        indicators=(
            _indicator("up", values=[(2023, 10), (2024, 25), (2026, 50)], target=40),
            _indicator("down", values=[(2024, 4)], direction="lower", target=3),
            _indicator("down2", values=[(2024, 2)], direction="lower", target=3),
            _indicator("none", target=3),
            _indicator("no_target", values=[(2024, 1)]),
        ),
    )
    got = indicator_status(snap, as_of=DAY).set_index("id")
    assert (got.loc["up", "latest_year"], got.loc["up", "latest_value"], got.loc["up", "reached"]) == (2024, 25, False)
    assert got.loc["down", "reached"] is False and got.loc["down2", "reached"] is True
    assert got.loc["none", "reached"] is None and got.loc["no_target", "reached"] is None
    assert indicator_status(snap, as_of="2026-12-31").set_index("id").loc["up", "reached"] is True


def test_4e_counts_consulates_that_are_used_not_consulates_as_such():
    # Two consulates in the home city, each with its own consular and located_in ties tagged 4e (as in the seed).
    # c2 took part in a 2024 meeting; c3's consul is a (planned) member of the forum: decision point 7.
    m = Mini()
    m.entity("forum", "forum", "NO")
    for c, country in (("c1", "DK"), ("c2", "FI"), ("c3", "IT")):
        m.entity(c, "consulate", "NO")
        m.entity(country.lower(), "country", country)
        m.tie(c, country.lower(), "consular", strategy_points="4e")
        m.tie(c, "home", "located_in", strategy_points="4e")
    m.activity("meet", "meeting", "2024-03", {"home": "host", "c2": "visitor"})
    m.tie("c3", "forum", "forum_member", status="uncertain")
    items = strategy_items(m.snap(), as_of=DAY, home_id="home")
    e4 = items[items["point"] == "4e"]
    assert sorted(zip(e4["kind"], e4["id"], e4["state"])) == [("activity", "meet", "work"), ("tie", "c3--forum", "planned")]
    view = strategy_view(m.snap(), as_of=DAY, home_id="home").set_index("point")
    assert (view.loc["4e", "state"], view.loc["4e", "ties"], view.loc["4e", "activities"]) == ("work", 1, 1)
    assert (view.loc["v7", "state"], view.loc["v7", "tie_ids"]) == ("planned", "c3--forum")
    # Without the meeting and the forum tie, the six tagged ties serve nothing.
    bare = Mini()
    bare.entity("c1", "consulate", "NO").entity("dk", "country", "DK")
    bare.tie("c1", "dk", "consular", strategy_points="4e")
    bare.tie("c1", "home", "located_in", strategy_points="4e")
    assert strategy_view(bare.snap(), as_of=DAY, home_id="home").set_index("point").loc["4e", "state"] == "nothing"


def test_points_served_by_what_they_are_about():
    # 2c: the sister-city tie is in the review, and a 2024 category decision on it. 3d: the strategy adopted.
    # 1c: a youth exchange (untagged); a gift in the youth sector is not participation. fm: a budget line of the
    # sister city (the financing plan). g3: a relation carried by a voluntary organisation. Money of an action
    # counts for its points.
    m = Mini()
    tie = m.sister("x")
    m.entity("assoc", "voluntary_org", "NO")
    m.entity("y", "city", "ER")
    m.tie("home", "y", "partnership", carrier_id="assoc")
    m.decision(tie, "dormant", "2024-06-01", kind="category")
    m.decisions.append(
        {
            "id": 2,
            "kind": "adopt_strategy",
            "tie_id": None,
            "category": None,
            "title": "Strategi",
            "decided_on": "2010-01-28",
            "decided_by": "Bystyret",
            "reason": "test",
            "source": "test",
        }
    )
    m.activity("pupils", "exchange", "2024-04", {"home": "host", "x": "visitor"}, sectors="youth")
    m.activity("toys", "gift", "2024-05", {"home": "host", "x": "visitor"}, sectors="youth")
    m.plan(tie, 2025, 15000)
    m.plan_lines.append(
        {
            "id": 2,
            "tie_id": None,
            "activity_id": None,
            "action_id": "a1",
            "year": 2025,
            "kind": "actual",
            "amount": 7000,
            "currency": "NOK",
            "funder": "municipal",
            "purpose": "test",
        }
    )
    snap = replace(m.snap(), plan_actions=(_action("a1", "completed", "3e"),))
    items = strategy_items(snap, as_of=DAY, home_id="home")
    by = {p: sorted(zip(g["kind"], g["id"], g["via"])) for p, g in items.groupby("point")}
    assert by["2c"] == [("decision", "1", "review_decision"), ("tie", tie, "sister_review")]
    assert by["3d"] == [("decision", "2", "anchoring")]
    assert by["1c"] == [("activity", "pupils", "youth")]
    assert by["fm"] == [("plan_line", "1", "financing_plan")]
    assert by["g3"] == [("tie", "home--y", "solidarity")]
    view = strategy_view(snap, as_of=DAY, home_id="home").set_index("point")
    assert (view.loc["fm", "state"], view.loc["fm", "planned_nok"]) == ("work", 15000)
    assert (view.loc["3e", "state"], view.loc["3e", "actual_nok"]) == ("work", 7000)
    # Before the decision was taken, 2c rests on the review alone; 3d is nothing before the strategy.
    early = strategy_items(snap, as_of="2009-12-31", home_id="home")
    assert "3d" not in set(early["point"]) and ("decision", "1") not in set(zip(early["kind"], early["id"]))


def test_the_goals_decision_point_7_and_the_majority_remark_are_points_with_the_councils_marks():
    codes = [t.code for t in vocab.STRATEGY_POINTS]
    assert codes[:3] == ["g1", "g2", "g3"] and codes[-2:] == ["v7", "fm"]
    helps = {t.code: t.help for t in vocab.STRATEGY_POINTS}
    assert "solidaritetsperspektiv" in helps["g3"] and "vedtakspunkt 6b" in helps["g3"]
    assert "finansieringsplan" in helps["fm"] and "konsulene inviteres" in helps["v7"].lower()
    # Decision point 5's remarks, as the decision says (they were unmarked before).
    assert all("vedtakspunkt 5" in helps[p] for p in ("1d", "3b", "1f", "4b"))
    view = strategy_view(Mini().snap(), as_of=DAY, home_id="home").set_index("point")
    assert (view.loc["g3", "council_mark"], view.loc["g3", "council_point"]) == ("addition", "6b")
    assert (view.loc["v7", "council_mark"], view.loc["fm", "council_mark"], view.loc["1d", "council_mark"]) == (
        "decision",
        "majority_remark",
        "remark",
    )
    assert pd.isna(view.loc["1a", "council_mark"]) and set(COUNCIL) <= set(codes)


def test_the_text_says_what_nothing_registered_may_mean_in_both_languages():
    view = strategy_view(Mini().snap(), as_of=DAY, home_id="home")
    nb, en = strategy_text(view, "nb"), strategy_text(view, "en")
    assert "kan bety at arbeidet ikke er gjort, eller at det ikke er registrert" in nb
    assert "may mean that the work was not done, or that it was not registered" in en
    assert "Ingenting registrert for 39 av 39 punkter" in nb and "Nothing registered" not in nb
    assert caveat_text("en") in en


def test_on_the_seed_2c_3d_and_1c_are_served_and_4e_is_not_by_unused_consulates(seeded):
    # Issue 17's done-when. Each of the seed's six consulates has its consular and located_in ties tagged 4e:
    # those never count. 4e counts only a consulate with registered use (an activity it took part in, or a tie
    # beyond its own), so a consulate the analysis calls unused serves nothing.
    view = strategy_view(seeded, as_of=DAY).set_index("point")
    assert {p: view.loc[p, "state"] for p in ("2c", "3d", "1c")} == {"2c": "work", "3d": "work", "1c": "work"}
    assert view.loc["2c", "ties"] == 11  # the eleven sister cities in the review (data/ties.csv)
    assert view.loc["3d", "decision_ids"] == "1;4"  # sak 3/10 and the 2013 action programme (data/decisions.csv)
    assert "dunfermline-youth-visit-1946" in view.loc["1c", "activity_ids"].split(";")
    assert view.loc["4e", "ties"] == 0
    items = strategy_items(seeded, as_of=DAY)
    e4 = items[items["point"] == "4e"]
    used = {
        a
        for (a,) in seeded.execute(
            "SELECT DISTINCT p.activity_id FROM activity_participants p JOIN entities e ON e.id = p.entity_id WHERE e.kind = 'consulate'"
        )
    }
    assert set(e4["kind"]) <= {"activity"} and set(e4["id"]) == used and set(e4["via"]) <= {"consulate_use"}
    assert view.loc["4e", "state"] == ("work" if used else "nothing")
    assert {"g1", "g2", "g3", "v7", "fm"} <= set(view.index)


def test_the_cli_shows_the_states_and_the_caveat(seeded, db_path, capsys):
    from registry.cli.commands import main

    assert main(["strategy", "--db", str(db_path), "--as-of", DAY, "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Work registered" in out and "may mean that the work was not done" in out
    assert main(["strategy", "--db", str(db_path), "--as-of", DAY, "--format", "csv"]) == 0
    got = capsys.readouterr()
    assert got.out.startswith("point,title_nb,title_en,council_mark") and "kan bety at arbeidet" in got.err


def test_the_text_lists_each_points_indicators_with_latest_value_and_target():
    # One indicator on 1c: 25 pupils in 2024 against a target of 40 by 2025.
    snap = replace(Mini().snap(), indicators=(_indicator("pupils", points="1c", values=[(2024, 25)], target=40),))
    view = strategy_view(snap, as_of=DAY, home_id="home")
    text = strategy_text(view, "en", indicator_status(snap, as_of=DAY))
    assert "  pupils: pupils – latest 25 (2024), target 40 by 2025" in text.splitlines()
    assert "siste 25 (2024), mål 40 innen 2025" in strategy_text(view, "nb", indicator_status(snap, as_of=DAY))


def test_the_page_shows_states_items_and_indicators(tmp_path, monkeypatch):
    # The seed plus a planned action on 4c and an indicator on 1g measured in 2024 (13 against a target of 20);
    # the seed itself serves neither point.

    from streamlit.testing.v1 import AppTest

    from registry import connect, load_seed
    from registry.io.ingest import import_texts

    path = tmp_path / "app.db"
    conn = connect(path)
    load_seed(conn)
    import_texts(
        conn,
        [
            ("a.csv", b"id,title,strategy_points,responsible,status,source\nhosts,Host role plan,4c,Office,planned,test\n"),
            (
                "i.csv",
                b"id,name,name_en,direction,target,target_year,strategy_points,source\n"
                b"students,Studenter,Students,higher,20,2026,1g,test\n",
            ),
            ("v.csv", b"indicator_id,year,value,source\nstudents,2024,13,test\n"),
        ],
        actor="test",
    )
    conn.close()
    monkeypatch.setenv("REGISTRY_DB", str(path))
    at = AppTest.from_file(apps.APP, default_timeout=60)
    at.session_state["lang"] = "en"
    at.run()
    at.switch_page("app_pages/strategy.py").run()
    assert not at.exception
    (table,) = [df.value for df in at.dataframe if "Point" in df.value.columns]
    table = table.set_index("Point")
    assert (table.loc["4c", "State"], table.loc["4c", "Actions"]) == ("Only planned", 1)
    assert (table.loc["1g", "State"], table.loc["1g", "Indicators"]) == ("Work registered", 1)
    at.selectbox(key="strategy_point").set_value("1g").run()
    (items,) = [df.value for df in at.dataframe if "Counted because" in df.value.columns]
    assert list(zip(items["What"], items["Row"])) == [("Indicators", "Students")]
    (indicators,) = [df.value for df in at.dataframe if "Latest value" in df.value.columns]
    assert (indicators.iloc[0]["Indicators"], indicators.iloc[0]["Latest value"], indicators.iloc[0]["Reached"]) == ("Students", 13, False)
    assert any("may mean that the work was not done" in c.value for c in at.caption)


def test_a_counted_row_is_named_in_both_tongues_and_the_edge_picks_one(seeded):
    # Issue 20: the review returns facts (both titles); registry.render writes the reader's one.
    from registry.render.strategy_text import items_in

    items = strategy_items(seeded, as_of=DAY)
    assert list(items.columns) == list(ITEM_COLUMNS)
    graz = items[(items["kind"] == "tie") & (items["id"] == "trondheim--graz")].iloc[0]
    # The seed's entity names (data/entities.csv) and the tie kind's labels (registry.vocab).
    assert (graz["title_nb"], graz["title_en"]) == ("Trondheim kommune – Graz (Vennskapsby)", "Trondheim Municipality – Graz (Sister city)")
    for lang in ("nb", "en"):
        shown = items_in(items, lang)
        assert list(shown.columns) == ["point", "kind", "id", "state", "via", "title", "on"]
        assert list(shown["title"]) == list(items[f"title_{lang}"])


def _with_bergen(conn):
    """Add a second municipality, Bergen, sister city of Graz with the tie tagged 1a (test rows, not seed facts)."""
    from registry.store import writes as store

    store.insert(
        conn,
        "entities",
        {"id": "bergen", "name": "Bergen kommune", "kind": "municipality", "country_code": "NO", "source": "test"},
        actor="test",
    )
    tie = {"id": "bergen--graz", "from_id": "bergen", "to_id": "graz", "kind": "sister_city", "start": "2000", "status": "active"}
    store.insert(conn, "ties", {**tie, "strategy_points": "1a", "source": "test"}, actor="test")


def test_a_second_municipalitys_strategy_counts_its_own_ties(seeded):
    # The view handed its context down to the items without the home, and they were read for the configured
    # home: Bergen's strategy listed Trondheim's eleven sister cities under 2c.
    from registry.analysis.context import prepare
    from registry.review.strategy_view import strategy_for

    _with_bergen(seeded)
    for view in (strategy_for(seeded, home_id="bergen"), strategy_view(prepare(seeded, home_id="bergen"))):
        counted = view[view["ties"] > 0].set_index("point")["tie_ids"].to_dict()
        assert counted == {"1a": "bergen--graz", "2c": "bergen--graz"}
    theirs = strategy_for(seeded, home_id="trondheim")
    assert "bergen--graz" not in ";".join(theirs["tie_ids"]) and theirs.set_index("point").loc["2c", "ties"] == 11
    # A context keeps its home when handed on, and gives way to a home named outright.
    ctx = prepare(seeded, home_id="bergen")
    assert prepare(ctx) is ctx and prepare(ctx, home_id="trondheim").home == "trondheim"


def test_the_page_shows_the_chosen_homes_strategy(registry_db):
    # A second municipality beside the seed's Trondheim: the page's three tables share one prepared registry per
    # home, and show the chosen home's, as the library does.
    from registry import connect, load_seed
    from registry.review.strategy_view import strategy_for

    conn = connect(registry_db)
    load_seed(conn)
    _with_bergen(conn)
    at = apps.start("en")
    for home in ("trondheim", "bergen"):
        at.selectbox(key="home").set_value(home).run()
        at.switch_page("app_pages/strategy.py").run()
        assert not at.exception, at.exception
        (table,) = [df.value for df in at.dataframe if "Point" in df.value.columns]
        expected = strategy_for(conn, home_id=home)
        assert table["Relations"].tolist() == expected["ties"].tolist(), home
        assert table["Findings"].tolist() == expected["findings"].tolist(), home
    assert strategy_for(conn, home_id="bergen")["ties"].tolist() != strategy_for(conn, home_id="trondheim")["ties"].tolist()
