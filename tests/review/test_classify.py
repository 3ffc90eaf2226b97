"""The four-category review: each rule on a tiny registry whose answer is known, then the seed and the writes."""

from datetime import date, timedelta

import pytest

from registry import rules as R
from registry.errors import InvalidRow
from registry.i18n import render
from registry.render import labels
from registry.review import classify
from registry.store import writes as store
from registry.thresholds import DEFAULT_RULES
from tests.mini import Mini

DAY = "2025-12-31"


def one(m: Mini, **kw) -> classify.Suggestion:
    (s,) = classify.suggest(m.snap(), as_of=kw.pop("as_of", DAY), **kw)
    return s


def met(s: classify.Suggestion) -> set[str]:
    return {r.criterion for r in s.met}


def test_project_needs_a_running_project_with_goals_and_indicators():
    # Strategy 2c: «Relasjoner som bygger på konkrete prosjektavtaler med konkrete mål og krav til
    # måloppnåelse». home -- x (sister); home -- x project with goals and indicators since 2020.
    m = Mini()
    m.sister("x")
    m.tie("home", "x", "project", id="p", start="2020", goals="g", indicators="i")
    s = one(m)
    assert s.suggested == "project"
    assert {"project_tie", "project_goals", "project_indicators"} <= met(s)
    assert [r.evidence for r in s.because] == [("p",), ("p",), ("p",)]


def test_project_without_indicators_is_not_enough():
    # As above but no indicators: the project criteria are partly met; the activity keeps it from dormant.
    m = Mini()
    m.sister("x")
    m.tie("home", "x", "project", id="p", start="2020", goals="g")
    s = one(m)
    assert s.suggested == "unclassified"
    assert {"project_tie", "project_goals"} <= met(s) and "project_indicators" not in met(s)
    assert s.because and "No category fits fully" in render(s.explanation_message, "en")


def test_a_suspended_project_does_not_count():
    m = Mini()
    m.sister("x")
    m.tie("home", "x", "project", start="2020", goals="g", indicators="i", status="suspended")
    assert "project_tie" not in met(one(m))


def test_ties_of_institutions_located_in_the_city_count_for_it():
    # uni (NO) -- inst (DE university located in x): the project is x's.
    m = Mini()
    m.sister("x", "DE")
    m.entity("uni", "university", "NO").entity("inst", "university", "DE")
    m.tie("inst", "x", "located_in")
    m.tie("uni", "inst", "project", id="p", start="2022", goals="g", indicators="i")
    s = one(m)
    assert s.suggested == "project" and s.because[0].evidence == ("p",)


def test_political_focus_needs_a_focus_decision_and_external_funding_or_national_coordination():
    # Decided political focus in 2023, with an external plan line for 2025.
    m = Mini()
    tie = m.sister("x")
    m.decision(tie, "political_focus", "2023-04-01")
    m.plan(tie, 2025, 100, funder="Nordic fund")
    s = one(m)
    assert s.suggested == "political_focus" and s.assigned == "political_focus" and s.agreement == "agree"
    assert dict((r.criterion, r.evidence) for r in s.because) == {"focus_decision": ("decision:1",), "external_funding": ("plan_line:1",)}


def test_political_focus_through_national_coordination():
    m = Mini()
    tie = m.sister("x")
    m.entity("agency", "public_agency", "NO")
    m.tie("agency", "x", "project", id="n", start="2024")
    m.decision(tie, "political_focus", "2024")
    s = one(m)
    assert s.suggested == "political_focus" and "national_coordination" in met(s)


def test_political_focus_decision_without_means_agrees():
    # Strategy 2c: «Relasjoner som politisk kan defineres som særskilte fokusområder og som åpner for
    # samhandlet innsats … og som gir muligheter for ekstern finansiering». Opening for and giving
    # possibilities is not money received: a focus decision is never contradicted for lack of it.
    m = Mini()
    tie = m.sister("x")
    m.decision(tie, "political_focus", "2023")
    m.plan(tie, 2025, 100, funder="municipal")
    s = one(m)
    assert s.suggested == "political_focus" and s.assigned == "political_focus" and s.agreement == "agree"
    assert "external_funding" not in met(s) and "focus_decision" in met(s)


def test_political_focus_is_suggested_from_its_signals_without_a_decision():
    # Both signals the strategy names: national partners and external funding. One alone is not enough.
    m = Mini()
    tie = m.sister("x")
    m.entity("agency", "public_agency", "NO")
    m.tie("agency", "x", "project", id="n", start="2024")
    assert one(m).suggested != "political_focus"
    m.plan(tie, 2025, 100, funder="Interreg")
    s = one(m)
    assert s.suggested == "political_focus" and s.agreement == "unclassified"
    assert {"national_coordination", "external_funding"} <= met(s)


def test_external_funding_older_than_the_window_does_not_count():
    m = Mini()
    tie = m.sister("x")
    m.decision(tie, "political_focus", "2015")
    m.plan(tie, 2015, 100, funder="EU")
    assert "external_funding" not in met(one(m))  # 2015 < 2025 - 5


def test_solidarity_rests_on_a_two_way_relation():
    # Strategy 2c: «Det bør imidlertid være et krav om en toveis relasjon». The voluntary carrier
    # («gjerne også drives av andre») is a reason given, not a condition.
    m = Mini()
    m.sister("x")
    m.entity("friends", "voluntary_org", "NO")
    m.tie("friends", "x", "exchange", id="v", start="2022", reciprocity="two_way")
    s = one(m)
    assert s.suggested == "solidarity" and s.agreement == "unclassified" and not s.notes
    assert dict((r.criterion, r.evidence) for r in s.because) == {"two_way": ("v",), "voluntary_carrier": ("v",)}
    assert s.role == "others" and s.carriers == ("friends",)


def test_a_municipality_led_funded_school_exchange_is_not_solidarity():
    # Issue 16: a municipality-led, municipality-funded 2025 school exchange with a twin was suggested
    # «Solidaritet». Strategy 2c: reciprocity «som jo er førende for vennskapsbysamarbeidet» guides every
    # twinning; what marks solidarity is that «aktiviteten gjerne også drives av andre for eksempel
    # frivillige organisasjoner og foreninger». home visits x's school and x's pupils come back, both
    # led by the municipality, with a municipal budget line on the exchange.
    m = Mini()
    tie = m.sister("x")
    m.entity("school", "public_agency", "GB")
    m.activity("to-x", "exchange", "2025-03", {"home": "visitor", "x": "host"}, ties=(tie,), municipal_role="active")
    m.activity("to-home", "exchange", "2025-09", {"x": "visitor", "home": "host"}, ties=(tie,), municipal_role="active")
    m.plan_lines.append(
        {
            "id": 1,
            "tie_id": None,
            "activity_id": "to-x",
            "year": 2025,
            "amount": 120_000,
            "funder": "municipal",
            "purpose": "school exchange",
            "source": "test",
        }
    )
    s = one(m)
    assert s.suggested != "solidarity" and s.role == "active"
    assert "two_way" in met(s) and "voluntary_carrier" not in met(s)
    assert render(s.role_message, "en") == "The municipality has an active role (last 2025)"


def test_a_foreign_association_carrying_a_two_way_relation_is_solidarity():
    # The twinning association in x (a voluntary organisation located in x) hosts home's visitors and
    # visits home in turn: carried by others, and two-way.
    m = Mini()
    tie = m.sister("x", "GB")
    m.entity("assoc", "voluntary_org", "GB", name="X Twinning Association")
    m.tie("assoc", "x", "located_in")
    m.activity("to-x", "visit", "2024-05", {"home": "visitor", "assoc": "host"}, ties=(tie,))
    m.activity("to-home", "visit", "2025-06", {"assoc": "visitor", "home": "host"}, ties=(tie,))
    s = one(m)
    assert s.suggested == "solidarity"
    assert {"two_way", "voluntary_carrier"} <= met(s)
    assert "X Twinning Association" in render(s.role_message, "en") or "assoc" in s.evidence or s.because


def test_one_way_activity_alone_fits_no_category():
    m = Mini()
    tie = m.sister("x")
    m.activity("to-x", "visit", "2024", {"home": "visitor", "x": "host"}, ties=(tie,))
    s = one(m)
    assert s.suggested == "unclassified" and "two_way" not in met(s)


def test_a_carrier_counts_as_the_voluntary_actor():
    # The municipality's own exchange, carried by a voluntary organisation.
    m = Mini()
    m.sister("x")
    m.entity("friends", "voluntary_org", "NO")
    m.tie("home", "x", "exchange", id="v", start="2010", carrier_id="friends", reciprocity="two_way")
    assert one(m).suggested == "solidarity"


@pytest.mark.parametrize("reciprocity, text", [("one_way", "One-way solidarity"), (None, "not registered")])
def test_one_way_solidarity_is_a_finding_not_a_category(reciprocity, text):
    m = Mini()
    tie = m.sister("x")
    m.entity("friends", "voluntary_org", "NO")
    m.tie("friends", "x", "exchange", id="v", start="2022", reciprocity=reciprocity)
    m.decision(tie, "solidarity", "2018")
    s = one(m)
    assert s.suggested == "unclassified" and s.agreement == "disagree"
    assert [n.kind for n in s.notes] == ["one_way_solidarity"] and text in s.notes[0].text_en
    assert s.notes[0].evidence == ("v",)


def test_no_recent_activity_is_a_state_never_a_suggested_dormant():
    # Strategy 2c: «Hvilende relasjoner hvor aktivitet ikke prioriteres, men hvor det likevel er ønskelig å
    # opprettholde forbindelse» — a priority the council chooses. Issue 16: evidence cannot suggest it;
    # "no recent activity registered (last: YEAR)" is a state of the registry.
    m = Mini()
    m.sister("x", start="1950")
    m.tie("home", "x", "exchange", id="old", start="2001", end="2012", status="ended")
    s = one(m)
    assert s.suggested == "unclassified" and s.state == "no_recent_activity" and s.since == 2012
    (quiet,) = [r for r in s.because if r.criterion == "quiet_since"]
    assert quiet.met and quiet.evidence == ("old",)
    assert quiet.text_en.startswith("No recent activity registered in the last 5 years (last: 2012")
    assert render(s.state_message, "en") == "No recent activity registered in the last 5 years (last: 2012)"
    assert render(s.state_message, "nb") == "Ingen aktivitet registrert siste 5 år (sist: 2012)"
    assert "hvilende" not in render(s.explanation_message, "nb").lower() and "dormant" not in render(s.explanation_message, "en").lower()


def test_a_dormant_decision_is_a_choice_the_review_respects():
    m = Mini()
    tie = m.sister("x")
    m.decision(tie, "dormant", "2020")
    s = one(m)
    assert (s.suggested, s.agreement) == ("dormant", "agree")
    assert dict((r.criterion, r.evidence) for r in s.because) == {"dormant_decision": ("decision:1",)}


def test_dormancy_threshold_is_a_rule():
    m = Mini()
    m.sister("x")
    m.tie("home", "x", "exchange", id="old", start="2001", end="2012", status="ended")
    rules = DEFAULT_RULES.with_values(dormant_years=20)
    assert one(m, rules=rules).suggested == "unclassified"  # 2012 is within twenty years of 2025


def test_activity_in_the_window_is_not_dormant_and_future_ties_do_not_count():
    m = Mini()
    m.sister("x")
    m.tie("home", "x", "exchange", id="recent", start="2001", end="2022", status="ended")
    m.tie("home", "x", "project", id="future", start="2030", goals="g", indicators="i")
    s = one(m)
    assert s.suggested == "unclassified"
    (r,) = [r for r in s.reasons if r.criterion == "quiet_since"]
    assert not r.met and r.evidence == ("recent",)
    assert "project_tie" not in met(s)


def test_a_city_with_only_the_twinning_is_not_enough_data():
    # Honest absence: no activity registered is not a category stated as fact.
    m = Mini()
    m.sister("x")
    s = one(m)
    assert s.suggested == "not_enough_data" and s.records == 0 and s.because == ()
    assert render(s.explanation_message, "en").startswith("Not enough data: the registry holds 0 activity records")
    assert render(s.explanation_message, "nb").startswith("Ikke nok data: registeret har 0 aktivitetsoppføringer")


def test_precedence_project_then_political_focus_then_solidarity():
    m = Mini()
    tie = m.sister("x")
    m.entity("friends", "voluntary_org", "NO")
    m.tie("friends", "x", "exchange", start="2022", reciprocity="two_way")
    assert one(m).suggested == "solidarity"
    m.decision(tie, "political_focus", "2021")
    assert one(m).suggested == "political_focus"
    m.tie("home", "x", "project", start="2020", goals="g", indicators="i")
    assert one(m).suggested == "project"


def test_assigned_is_the_latest_decision_by_the_date():
    m = Mini()
    tie = m.sister("x")
    m.decision(tie, "solidarity", "2010")
    m.decision(tie, "dormant", "2020-05")
    m.decision(tie, "project", "2030")  # after the date: not yet taken
    s = one(m)
    assert (s.assigned, s.assigned_on, s.agreement) == ("dormant", "2020-05", "agree")
    assert one(m, as_of=2015).assigned == "solidarity"


def test_only_sister_ties_that_count_on_the_date_are_listed():
    m = Mini()
    m.sister("old", start="1950", end="1990", status="ended")
    m.sister("new", start="2030")
    m.sister("now", start="2000")
    assert [s.city_id for s in classify.suggest(m.snap(), as_of=DAY)] == ["now"]
    assert [s.city_id for s in classify.suggest(m.snap(), as_of=1980)] == ["old"]


def test_nothing_to_classify():
    m = Mini()
    m.entity("x", "city", "SE")
    m.tie("home", "x", "partnership")
    assert classify.suggest(m.snap(), as_of=DAY) == []
    assert list(classify.frame([]).columns) == list(classify.FRAME_COLUMNS)


def test_every_suggestion_lists_every_criterion_with_texts_in_both_languages():
    m = Mini()
    tie = m.sister("x")
    m.activity("v", "visit", "2010", {"home": "visitor"}, ties=(tie,))
    s = one(m)
    assert len(s.reasons) == len(R.CRITERIA) and len(s.met) + len(s.unmet) == len(R.CRITERIA)
    assert s.suggested == "unclassified" and s.reasons[0].category == "project"  # no category fits: rule order
    assert all(r.text_nb and r.text_en and r.text_nb != r.text_en for r in s.reasons)
    assert all(r.message.code.startswith(f"criterion.{r.criterion}.") for r in s.reasons)  # reasons are data


def test_frame_keeps_codes_and_adds_labels_on_request():
    m = Mini()
    tie = m.sister("x")
    m.activity("v", "visit", "2010", {"home": "visitor"}, ties=(tie,))
    m.decision(tie, "project", "2020")
    df = labels.sister_frame(classify.suggest(m.snap(), as_of=DAY), "nb")
    rec = df.iloc[0]
    assert (rec["suggested"], rec["assigned"], rec["agreement"]) == ("unclassified", "project", "disagree")
    assert (rec["suggested_label"], rec["assigned_label"], rec["agreement_label"]) == ("Ikke kategorisert", "Prosjekt", "Avviker")
    assert rec["reason_nb"].startswith("Ingen kategori passer helt: Ingen aktivitet registrert siste 5 år (sist: 2010")
    assert rec["reason_en"].startswith("No category fits fully: No recent activity registered")
    assert rec["criteria_met"] == "quiet_since"
    assert (rec["state"], rec["last_confirmed_on"], rec["last_confirmed_how"]) == ("no_recent_activity", "2010", "dated")


def test_suggest_reads_a_connection_the_same_way(seeded):
    # The real seed: eleven sister cities; the documented activity gives different suggestions.
    out = classify.suggest(seeded, as_of=2025)
    assert len(out) == 11
    assert len({s.suggested for s in out}) > 1
    for s in out:
        assert s.home_id == "trondheim"
        assert s.suggested == "not_enough_data" or (s.because and all(r.text_en and r.text_nb for r in s.because))
    assert [s.city_id for s in out][:2] == ["darmstadt", "dunfermline"]  # by name


def test_record_decision_validates_and_keeps_history(seeded):
    tie = "trondheim--graz"
    first = classify.record_decision(seeded, tie, "dormant", "2024-02", "Bystyret", "24/1", "No activity", actor="t")
    classify.record_decision(seeded, tie, "project", "2025-03-01", "Bystyret", None, "Climate project", actor="t")
    # Entered later, decided earlier: history is by decision date.
    classify.record_decision(seeded, tie, "solidarity", "2023", "Formannskapet", None, "Friends' work", actor="t")
    assert first["id"] and first["updated_by"] == "t"
    hist = classify.decision_history(seeded, tie)
    assert list(hist["category"]) == ["solidarity", "dormant", "project"]
    assert classify.suggest(seeded, as_of=2025)[2].assigned == "project"  # Graz is third by name


@pytest.mark.parametrize(
    "tie, category, decided_on, by, reason, column",
    [
        ("trondheim--krakow", "project", "2024", "B", "r", "tie_id"),  # a partnership, not a twinning
        ("nope", "project", "2024", "B", "r", "tie_id"),
        ("trondheim--graz", "great", "2024", "B", "r", "category"),
        ("trondheim--graz", "not_enough_data", "2024", "B", "r", "category"),  # a suggestion, not a decision
        ("trondheim--graz", "project", "24.01.2024", "B", "r", "decided_on"),
        ("trondheim--graz", "project", (date.today() + timedelta(days=400)).isoformat(), "B", "r", "decided_on"),
        ("trondheim--graz", "project", "2024", " ", "r", "decided_by"),
        ("trondheim--graz", "project", "2024", "B", "", "reason"),
    ],
)
def test_record_decision_refuses_bad_input(seeded, tie, category, decided_on, by, reason, column):
    before = seeded.execute("SELECT count(*) FROM decisions").fetchone()[0]
    with pytest.raises(InvalidRow) as exc:
        classify.record_decision(seeded, tie, category, decided_on, by, None, reason, actor="t")
    assert [p.column for p in exc.value.problems] == [column]
    assert seeded.execute("SELECT count(*) FROM decisions").fetchone()[0] == before


def test_financing_plan_and_totals(seeded):
    tie = "trondheim--vallejo"
    for year, amount, funder in ((2026, 50_000, "municipal"), (2025, 100_000, "municipal"), (2025, 40_000, "EU")):
        store.insert(seeded, "plan_lines", {"tie_id": tie, "year": year, "amount": amount, "funder": funder, "purpose": "p"}, actor="t")
    plan = classify.financing_plan(seeded, tie)
    assert list(plan["year"]) == [2025, 2025, 2026] and list(plan["external"]) == [False, True, False]
    totals = classify.financing_totals(plan)
    assert totals.to_dict("records") == [
        {"year": 2025, "municipal": 100_000, "external": 40_000, "total": 140_000},
        {"year": 2026, "municipal": 50_000, "external": 0, "total": 50_000},
    ]
    empty = classify.financing_plan(seeded, "trondheim--graz")
    assert empty.empty and list(classify.financing_totals(empty).columns) == ["year", "municipal", "external", "total"]


def test_cli_classify_table_and_csv(db_path, capsys):
    from registry.cli import commands as cli
    from registry.io import demo

    demo.build(db_path)
    assert cli.main(["classify", "--db", str(db_path), "--as-of", demo.AS_OF, "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Musterstadt" in out and "Suggested: Project." in out and "2 disagree" in out
    assert "Last documented contact" not in out or "last documented contact" in out
    # Norwegian is the default, as in the app.
    assert cli.main(["classify", "--db", str(db_path), "--as-of", demo.AS_OF]) == 0
    out = capsys.readouterr().out
    assert "Forslag: Prosjekt." in out and "2 avviker" in out and "Aktiviteter registrert" in out
    assert cli.main(["classify", "--db", str(db_path), "--as-of", demo.AS_OF, "--format", "csv", "--lang", "nb"]) == 0
    import io

    import pandas as pd

    df = pd.read_csv(io.StringIO(capsys.readouterr().out))
    # The demo's quiet city is no longer suggested «hvilende»: without a decision that is a state, not a category.
    assert set(df["suggested"]) == {"project", "political_focus", "solidarity", "unclassified", "not_enough_data"}
    assert "no_recent_activity" in set(df["state"])
    assert len(df) == 7


def test_cli_classify_refuses_a_bad_date(db_path, capsys):
    from registry.cli import commands as cli

    with pytest.raises(SystemExit) as exc:
        cli.main(["classify", "--db", str(db_path), "--as-of", "31.12.2025"])
    assert exc.value.code == 2 and "is not a date" in capsys.readouterr().err


def test_a_three_party_charter_is_one_agreement_and_each_city_is_reviewed_once():
    # The 1968 ring charter: one agreement, parties home, d and g; the twinnings home--d and home--g rest
    # on it. Entering it must not put a city twice into the home's review.
    from registry.network.graph import Snapshot

    m = Mini()
    td = m.sister("d", "DE", agreement_id="ring")
    tg = m.sister("g", "AT", agreement_id="ring")
    m.tie("d", "g", "sister_city", agreement_id="ring")  # the third pair: not the home's
    ring = {
        "id": "ring",
        "kind": "twinning_charter",
        "title": "Ring charter",
        "signed_on": "1968-10-05",
        "source": "s",
        "parties": (("home", "party"), ("d", "party"), ("g", "party")),
    }
    snap = m.snap()
    snap = Snapshot(snap.graph, agreements=(ring,))
    out = classify.suggest(snap, as_of=DAY)
    assert [s.tie_id for s in out] == [td, tg]
    assert [s.city_id for s in out] == ["d", "g"]


def test_a_missing_two_way_relation_says_it_is_looked_for_in_recent_years(seeded):
    # The seed holds reciprocal visits with Ramallah (before the window) and exchanges both ways with
    # Dunfermline in 1946: "No two-way relation registered" contradicted the registry's own cited rows.
    by_city = {s.tie_id: s for s in classify.suggest(seeded, as_of=2026)}
    for tie in ("trondheim--ramallah", "trondheim--dunfermline"):
        (two_way,) = [r for r in by_city[tie].reasons if r.criterion == "two_way"]
        assert not two_way.met
        assert render(two_way.message, "en") == "No two-way relation, and no visits or exchanges both ways in the last 5 years"
        assert render(two_way.message, "nb").endswith("siste 5 år")


def test_no_decision_is_not_a_decision_of_unclassified():
    # The cards said "Assigned category: Unclassified" with "No decisions recorded": a reader could not tell
    # a decided "unclassified" (a choice in the decision form) from no decision at all.
    m = Mini()
    tie = m.sister("x")
    m.activity("v", "visit", "2010", {"home": "visitor"}, ties=(tie,))
    s = one(m)
    assert not s.decided and s.assigned_group == classify.NO_DECISION and s.agreement == "unclassified"
    assert (labels.category_label(s.assigned_group, "nb"), labels.category_label(s.assigned_group, "en")) == ("Ikke vedtatt", "No decision")
    assert labels.agreement_label(s.agreement, "nb") == "Ikke vedtatt"
    m.decision(tie, "unclassified", "2020")
    s = one(m)
    assert s.decided and s.assigned_group == "unclassified" and s.assigned_on == "2020"
    assert (labels.category_label(s.assigned_group, "nb"), labels.category_label(s.assigned_group, "en")) == (
        "Ikke kategorisert",
        "Unclassified",
    )
    assert s.agreement == "agree"  # a decided category is compared with the suggestion (no category fits)
    assert labels.category_label(classify.NO_DECISION, "en") == "No decision"
    df = labels.sister_frame([s, one(m, as_of=2015)], "en")
    assert list(df["assigned_label"]) == ["Unclassified", "No decision"]


def test_a_decision_without_a_suggestion_neither_agrees_nor_disagrees():
    # Deciding a category for a city with "not enough data" showed "Disagrees": nothing to disagree with.
    m = Mini()
    tie = m.sister("x")
    m.decision(tie, "solidarity", "2020")
    s = one(m)
    assert s.suggested == "not_enough_data" and s.decided and s.assigned == "solidarity"
    assert s.agreement is None and labels.agreement_label(s.agreement, "en") == labels.agreement_label(s.agreement, "nb") == ""
    rec = labels.sister_frame([s], "nb").iloc[0]
    assert not rec["agreement"] and rec["agreement_label"] == "" and rec["assigned_label"] == "Solidaritet"


def test_on_the_seed_no_city_is_suggested_dormant_without_a_decision(seeded):
    # Issue 16: Darmstadt, Graz, Ramallah and Vallejo were «Hvilende» from silence alone. Now the registry
    # states it, and the role is in the past tense with its year (Vallejo's last dated row with the
    # municipality is the 1997 jubilee visit, vallejosistercity.org).
    out = {s.city_id: s for s in classify.suggest(seeded, as_of=2026)}
    assert not [c for c, s in out.items() if s.suggested == "dormant"]
    assert out["vallejo"].state == "no_recent_activity" and out["vallejo"].since == 1997
    assert render(out["vallejo"].role_message, "nb") == "Kommunen hadde en aktiv rolle, sist 1997"
    assert render(out["vallejo"].state_message, "nb") == "Ingen aktivitet registrert siste 5 år (sist: 1997)"


def test_a_twinning_without_a_start_is_not_in_force_before_anything_dates_it():
    # home -- x with no start; its source was read in 2020 and nothing else dates it: not in a 2010 view,
    # in a 2025 one. With nothing at all to date it, its date is unknown (not absent) and it counts.
    m = Mini()
    m.sister("x", verified_on="2020-03-01")
    m.sister("y")
    assert [s.city_id for s in classify.suggest(m.snap(), as_of=2010)] == ["y"]
    assert [s.city_id for s in classify.suggest(m.snap(), as_of=DAY)] == ["x", "y"]


def test_the_nordic_cities_are_read_from_their_agreement_not_as_lacking_any_record(seeded):
    # data/agreements.csv: the Nordic Platform (norrkoping.se) binds the five Nordic twin towns; it is
    # undated, so no category fits fully, but the relation is not "not enough data" for want of a record.
    by_city = {s.city_id: s for s in classify.suggest(seeded, as_of="2026-12-01")}
    for city in ("odense", "tampere", "kopavogur", "klaksvik"):
        s = by_city[city]
        assert s.suggested == "unclassified", city
        assert any("nordic-platform" in e for r in s.met for e in r.evidence), city


def test_an_ongoing_activity_whose_source_has_no_read_date_is_named_as_such(seeded):
    # ring-exchanges-since-1968 is ongoing per its source but has no verified_on: the review counts it
    # only in 1968 and says why, instead of hiding it behind "last: 1974".
    s = next(s for s in classify.suggest(seeded, as_of="2026-12-01") if s.city_id == "darmstadt")
    (note,) = [n for n in s.notes if n.kind == "ongoing_unverified"]
    assert note.evidence == ("activity:ring-exchanges-since-1968",)
    assert "verified_on" in render(note.message, "en") and "siden 1968" in render(note.message, "nb")
