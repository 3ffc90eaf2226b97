"""Decisions that act (end, suspend, resume a twinning) and the financing plan per relation, on small registries."""

import pytest

from registry import check
from registry.errors import InvalidRow
from registry.i18n import render
from registry.render import summary
from registry.review import classify
from registry.review import summary as summary_facts
from registry.store import writes as store
from tests.mini import Mini

DAY = "2025-12-31"


def cities(m: Mini, as_of=DAY) -> list[str]:
    return [s.city_id for s in classify.suggest(m.snap(), as_of=as_of)]


def two_twins() -> tuple[Mini, str, str]:
    # home -- x (since 1950), home -- y (since 1960); a visit from each in 2024.
    m = Mini()
    tx = m.sister("x", start="1950")
    ty = m.sister("y", start="1960")
    m.activity("vx", "visit", "2024", {"x": "visitor", "home": "host"}, ties=(tx,))
    m.activity("vy", "visit", "2024", {"y": "visitor", "home": "host"}, ties=(ty,))
    return m, tx, ty


def test_an_end_decision_removes_the_city_from_the_review_and_the_totals_from_its_date():
    # Issue 16: a council decision to end a twinning changed nothing. Ended 2024-06-20 by Bystyret.
    m, tx, _ = two_twins()
    m.decision(tx, None, "2024-06-20", kind="end_twinning", case_ref="24/99", reason="Ingen aktivitet")
    assert cities(m, as_of="2024-06-19") == ["x", "y"]  # before its date the decision does not act
    assert cities(m) == ["y"]
    counts = summary_facts.category_counts(classify.suggest(m.snap(), as_of=DAY))
    assert int(counts["suggested"].sum()) == 1 and int(counts["assigned"].sum()) == 1
    (gone,) = classify.ended(m.snap(), as_of=DAY)
    assert (gone.tie_id, gone.ended_on, gone.decision.case_ref) == (tx, "2024-06-20", "24/99")
    assert render(gone.message, "nb") == "Avsluttet 2024-06-20 (Bystyret 2024-06-20, 24/99): Ingen aktivitet"
    assert classify.ended(m.snap(), as_of="2024-01-01") == []


def test_a_tie_ended_by_hand_is_listed_as_ended_without_a_decision():
    m, tx, _ = two_twins()
    m.g.edges["home", "x", tx].update(status="ended", end="2023")
    assert cities(m) == ["y"]
    (gone,) = classify.ended(m.snap(), as_of=DAY)
    assert gone.decision is None and render(gone.message, "en").startswith("Ended 2023 (recorded on the relation")


def test_a_suspended_twinning_shows_as_suspended_until_resumed():
    # Suspended 2024-03 (scope: municipal funding and visits; review 2026-03), resumed 2025-10.
    m, tx, _ = two_twins()
    m.decision(tx, None, "2024-03", kind="suspend_twinning", scope="kommunale midler og besøk", review_on="2026-03")
    m.decision(tx, None, "2025-10", kind="resume_twinning")
    at = {s.city_id: s for s in classify.suggest(m.snap(), as_of="2024-12-31")}
    assert at["x"].suspended and not at["y"].suspended
    assert render(at["x"].status_message, "nb") == (
        "Fryst fra 2024-03 (Bystyret 2024-03). Omfang: kommunale midler og besøk. Ny vurdering: 2026-03."
    )
    assert cities(m, as_of="2024-12-31") == ["x", "y"]  # a suspended twinning stays in the review
    now = {s.city_id: s for s in classify.suggest(m.snap(), as_of=DAY)}
    assert not now["x"].suspended and now["x"].status_message is None
    assert classify.frame(list(at.values()))["status"].tolist() == ["suspended", "active"]


def test_the_summary_shows_the_suspension_and_the_ended_twinning(seeded):
    # On the seed: Graz ended by the council, Vallejo suspended; the summary says both and counts ten cities.
    store.insert(
        seeded,
        "decisions",
        {
            "kind": "end_twinning",
            "tie_id": "trondheim--graz",
            "decided_on": "2025-02-01",
            "decided_by": "Bystyret",
            "case_ref": "25/7",
            "reason": "Avsluttet etter vurdering",
        },
        actor="t",
    )
    classify.record_decision(
        seeded,
        "trondheim--vallejo",
        None,
        "2025-03",
        "Bystyret",
        "25/8",
        "Fryst",
        actor="t",
        kind="suspend_twinning",
        scope="besøk",
        review_on="2027",
    )
    cases = summary_facts.gather(seeded)
    assert "graz" not in [c.suggestion.city_id for c in cases] and len(cases) == 10
    text = summary.summary_for(seeded, "nb")
    assert "Laget " in text and "10 vennskapsbyer" in text
    assert "## Avsluttede vennskapsbyer" in text and "Graz (Østerrike): Avsluttet 2025-02-01 (Bystyret 2025-02-01, 25/7)" in text
    assert "Fryst fra 2025-03 (Bystyret 2025-03, 25/8). Omfang: besøk. Ny vurdering: 2027." in text
    assert "| Fryst (omfang: besøk; ny vurdering: 2027) |" in text  # the decision history says it too
    hist = classify.decision_history(seeded, "trondheim--vallejo")
    assert (hist.iloc[-1]["scope"], hist.iloc[-1]["review_on"]) == ("besøk", "2027")


def test_a_suspension_date_to_review_must_be_a_date(seeded):
    with pytest.raises(InvalidRow) as exc:
        classify.record_decision(
            seeded, "trondheim--vallejo", None, "2025", "Bystyret", None, "r", actor="t", kind="suspend_twinning", review_on="next spring"
        )
    assert [p.column for p in exc.value.problems] == ["review_on"]


def test_check_warns_where_a_ties_status_contradicts_its_latest_decision(seeded):
    store.insert(
        seeded,
        "decisions",
        {"kind": "end_twinning", "tie_id": "trondheim--graz", "decided_on": "2025", "decided_by": "Bystyret", "reason": "r"},
        actor="t",
    )
    found = [f for f in check(seeded) if f.column == "status"]
    assert [(f.level, f.row_id) for f in found] == [("warning", "trondheim--graz")]
    assert render(found[0].data, "nb") == "status «Aktiv» strider mot siste vedtak om vennskapsbyen: Avslutte vennskapsby 2025"
    store.update(seeded, "ties", "trondheim--graz", {"status": "ended", "end": "2025"}, actor="t")
    assert [f for f in check(seeded) if f.column == "status"] == []


def test_activity_budget_lines_appear_in_the_financing_plan(seeded):
    # Issue 16: 205 000 NOK on Dunfermline's exchange, yet «Ingen finansieringsplan registrert». The exchange
    # is linked to the twinning (activity_ties); its lines are the relation's, with those on the tie itself.
    tie = "trondheim--dunfermline"
    for row in (
        {"activity_id": "dunfermline-exchange-visits", "year": 2025, "amount": 205_000, "funder": "municipal"},
        {"activity_id": "dunfermline-exchange-visits", "year": 2025, "kind": "actual", "amount": 190_000, "funder": "municipal"},
        {"tie_id": tie, "year": 2026, "amount": 40_000, "funder": "Erasmus+"},
        {"activity_id": "ring-exchanges-since-1968", "year": 2025, "amount": 999, "funder": "municipal"},
    ):
        store.insert(seeded, "plan_lines", {**row, "purpose": "p"}, actor="t")
    plan = classify.financing_plan(seeded, tie)
    assert sorted(plan["amount"]) == [40_000, 190_000, 205_000]  # Graz's line is not Dunfermline's
    assert list(plan["via"]) == ["activity", "activity", "tie"]
    table = classify.financing_table(plan)
    assert table.to_dict("records") == [
        {"year": 2025, "funder": "municipal", "external": False, "planned": 205_000, "actual": 190_000},
        {"year": 2026, "funder": "Erasmus+", "external": True, "planned": 40_000, "actual": 0},
    ]
    assert classify.financing_sums(plan) == {
        "planned": 245_000,
        "actual": 190_000,
        "planned_external": 40_000,
        "planned_municipal": 205_000,
    }
    (s,) = [s for s in classify.suggest(seeded, as_of=2026) if s.tie_id == tie]
    assert sorted(s.financing["amount"]) == [40_000, 190_000, 205_000]  # the review's own data
    text = summary.summary_for(seeded, "nb")
    dunfermline = text[text.index("### Dunfermline") :]
    dunfermline = dunfermline[: dunfermline.index("###", 4)]
    assert "Ingen finansieringsplan" not in dunfermline
    assert "| 2025 | Kommunalt | 205\u202f000 | 190\u202f000 |" in dunfermline
    assert "| Sum |  | 245\u202f000 | 190\u202f000 |" in dunfermline


def test_activity_budget_lines_in_a_snapshot_count_for_the_relation():
    m = Mini()
    tie = m.sister("x")
    m.activity("ex", "exchange", "2025", {"home": "visitor", "x": "host"}, ties=(tie,))
    m.plan_lines.append(
        {"id": 1, "tie_id": None, "activity_id": "ex", "year": 2025, "amount": 5_000, "funder": "municipal", "purpose": "p", "source": "s"}
    )
    (s,) = classify.suggest(m.snap(), as_of=DAY)
    assert s.financing["amount"].tolist() == [5_000]
    assert classify.frame([s])["planned_nok"].tolist() == [5_000]


def test_an_end_decision_takes_the_city_out_of_the_gaps_but_not_out_of_what_is_documented():
    # Issue 16: ending a twinning left it in the gaps, and ending it by hand made documentation_gap
    # say "1 of 2 ... 1 missing". A source (date unknown) declares 2 twin towns; x is ended in 2024.
    import dataclasses

    from registry import analysis
    from registry.analysis.context import prepare
    from registry.analysis.documentation import documentation

    m, tx, _ = two_twins()
    m.decision(tx, None, "2024-06-20", kind="end_twinning", reason="Ingen aktivitet")
    declared = ({"id": "d", "entity_id": "home", "measure": "sister_cities", "total": 2, "as_of": None, "source": "test"},)
    snap = dataclasses.replace(m.snap(), declared_totals=declared)
    ctx = prepare(snap, DAY)
    assert [t.v for t in ctx.sister_ties] == ["y"]
    found = analysis.analyse(snap, as_of=DAY).all()
    assert "x" not in " ".join(found["subject"].astype(str))
    (doc,) = documentation(ctx).to_dict("records")
    assert (doc["documented"], doc["missing"]) == (2, 0)
    # Counted on a date after the end, the ended twinning is not among what the source declared.
    later = ({**declared[0], "as_of": "2025-01-01"},)
    (doc,) = documentation(prepare(dataclasses.replace(m.snap(), declared_totals=later), DAY)).to_dict("records")
    assert (doc["documented"], doc["missing"]) == (1, 1)
