"""Row checks of the evidence model: strategy points, currencies, budget lines, decisions, agreements, organisations."""

import pytest

from registry.errors import InvalidRow
from registry.store import writes as store


def problems(fn) -> list[str]:
    with pytest.raises(InvalidRow) as exc:
        fn()
    return [f"{p.column}: {p.reason}" for p in exc.value.problems]


def test_strategy_point_1i_is_valid_and_an_unknown_point_is_refused(seeded):
    # The council added point i to strategy 1 (bystyresak 3/10); the old pattern stopped at h.
    store.update(seeded, "ties", "trondheim--icorn", {"strategy_points": "1i;4e"}, actor="t")
    assert store.get(seeded, "ties", "trondheim--icorn")["strategy_points"] == "1i;4e"
    got = problems(lambda: store.update(seeded, "ties", "trondheim--icorn", {"strategy_points": "5z"}, actor="t"))
    assert got == ["strategy_points: '5z' is not a strategy point of the strategy (e.g. 1i, 2a, 4e, m1)"]


def test_a_membership_fee_is_a_budget_line_in_any_currency(seeded):
    # The ICORN membership fee was refused when plan lines were for sister cities only.
    row = store.insert(
        seeded,
        "plan_lines",
        {
            "tie_id": "trondheim--icorn",
            "year": 2026,
            "kind": "plan",
            "amount": 1500,
            "currency": "EUR",
            "funder": "municipal",
            "purpose": "Membership fee",
        },
        actor="t",
    )
    assert (row["amount"], row["currency"]) == (1500, "EUR")
    got = problems(
        lambda: store.insert(
            seeded,
            "plan_lines",
            {"tie_id": "trondheim--icorn", "year": 2026, "amount": 1, "currency": "EURO", "funder": "x", "purpose": "p"},
            actor="t",
        )
    )
    assert got == ["currency: 'EURO' is not an ISO 4217 currency code like NOK or EUR"]


def test_a_budget_line_names_what_it_finances(seeded):
    got = problems(
        lambda: store.insert(seeded, "plan_lines", {"year": 2026, "amount": 1, "funder": "municipal", "purpose": "p"}, actor="t")
    )
    assert got == ["tie_id: a budget line needs a tie_id, an activity_id or an action_id"]


def test_a_strategy_decision_needs_no_tie_but_a_category_decision_does(seeded):
    row = store.insert(
        seeded,
        "decisions",
        {
            "kind": "adopt_strategy",
            "title": "Store lille Trondheim i verden",
            "decided_on": "2010-01-28",
            "decided_by": "Bystyret",
            "case_ref": "sak 3/10",
            "reason": "Adopted",
        },
        actor="t",
    )
    assert row["tie_id"] is None and row["kind"] == "adopt_strategy"
    got = problems(lambda: store.insert(seeded, "decisions", {"decided_on": "2020", "decided_by": "Bystyret", "reason": "r"}, actor="t"))
    assert got == [
        "tie_id: a category decision needs a sister-city tie_id and a category",
        "category: a category decision needs a sister-city tie_id and a category",
    ]


def test_an_agreement_cannot_end_before_it_was_signed_and_a_body_before_it_was_founded(seeded):
    got = problems(
        lambda: store.insert(
            seeded,
            "agreements",
            {"id": "a", "kind": "letter_of_intent", "title": "t", "signed_on": "2012-02-02", "ended_on": "2011", "source": "s"},
            actor="t",
        )
    )
    assert got == ["ended_on: ends (2011) before it starts (2012-02-02)"]
    got = problems(lambda: store.update(seeded, "entities", "trondheim", {"founded": "1838", "dissolved": "1837"}, actor="t"))
    assert got == ["dissolved: dissolved (1837) before it was founded (1838)"]


def test_word_line_breaks_become_newlines_and_control_characters_are_refused(seeded):
    # Word's manual line break is a vertical tab, its page break a form feed: both pasted into an
    # edit form. Every text column may hold "\n", so they are stored as one (issue 12, item 1).
    store.update(seeded, "entities", "graz", {"notes": "first\x0bsecond\x0cthird"}, actor="t")
    assert store.get(seeded, "entities", "graz")["notes"] == "first\nsecond\nthird"
    # ESC (a terminal colour code) and BEL cannot be written in XML 1.0: GraphML and GEXF exports
    # would be unreadable, so the edit is refused with the character's code point.
    got = problems(lambda: store.update(seeded, "entities", "graz", {"name": "Graz\x1b[31m"}, actor="t"))
    assert got == ["name: contains the control character U+001B (ESC) at character 5; remove it"]
    got = problems(
        lambda: store.insert(seeded, "entities", {"id": "x", "kind": "city", "name": "X", "source": "s\x07", "notes": "\ufffe"}, actor="t")
    )
    assert got == [
        "notes: contains the non-character U+FFFE at character 1; remove it",
        "source: contains the control character U+0007 (BEL) at character 2; remove it",
    ]
    assert store.get(seeded, "entities", "x") is None


def test_garbled_text_is_refused_in_edits_as_on_import(seeded):
    # "TromsÃ¸" is Tromsø in UTF-8 read as Windows-1252: pasted from a garbled file into a form, it
    # is refused as on import (tests/io/test_trust_import.py), so a stored row always exports and imports back.
    got = problems(lambda: store.update(seeded, "entities", "graz", {"notes": "Vennskap med TromsÃ¸"}, actor="t"))
    assert got == ["notes: 'Ã¸' looks like 'ø' garbled (UTF-8 read as Windows-1252 and saved again); correct the text"]
    store.update(seeded, "entities", "graz", {"notes": "Vennskap med Tromsø, Å og SÃO PAULO"}, actor="t")


@pytest.mark.parametrize("year", [99999, 1899, 2201, -5])
def test_a_budget_year_out_of_range_is_refused(seeded, year):
    # Issue 18: budget lines took the year 99999; the range check sat under declared_totals' check and never ran.
    line = {"tie_id": "trondheim--vallejo", "year": year, "amount": 10, "funder": "municipal", "purpose": "p"}
    assert problems(lambda: store.insert(seeded, "plan_lines", line, actor="t")) == [f"year: {year} is not a plausible year"]
    store.insert(seeded, "plan_lines", {**line, "year": 2027}, actor="t")  # in range: taken
