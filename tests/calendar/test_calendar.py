"""The calendar: jubilee arithmetic, the window, each kind of due date, the CLI, the iCalendar file and the Overview panel.

The hand-made registries are a home municipality ``home`` with a few partners; each
test says what it adds and which dates it expects, worked out by hand from those rows.
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import icalendar
import pytest

from registry import connect, load_seed
from registry.calendar import formats as calendar_formats
from registry.calendar import items as calendar
from registry.calendar import windows
from registry.errors import NotAHome
from registry.store import writes as store
from tests import apps

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 12, 7)  # the calendar's "today" in the hand-made tests (decides what is overdue)


def make(conn):
    """home (a municipality) and three cities; no ties yet."""
    for eid, kind, name in (
        ("home", "municipality", "Home kommune"),
        ("alpha", "city", "Alpha"),
        ("beta", "city", "Beta"),
        ("gamma", "city", "Gamma"),
    ):
        store.insert(conn, "entities", {"id": eid, "kind": kind, "name": name, "source": "test"}, actor="test")
    store.insert(conn, "settings", {"key": "home_id", "value": "home"}, actor="test")
    return conn


@pytest.fixture
def reg(conn):
    return make(conn)


def tie(conn, partner, start=None, certainty="sourced", **extra):
    row = {
        "id": f"home--{partner}",
        "from_id": "home",
        "to_id": partner,
        "kind": "sister_city",
        "start": start,
        "start_certainty": certainty,
        "status": "active",
        "source": f"source of {partner}",
        **extra,
    }
    return store.insert(conn, "ties", row, actor="test")["id"]


def agreement(conn, aid, parties=("home", "alpha"), **extra):
    row = {"id": aid, "kind": "cooperation_agreement", "title": f"Agreement {aid}", "source": f"source of {aid}", **extra}
    store.insert(conn, "agreements", row, actor="test")
    for p in parties:
        store.insert(conn, "agreement_parties", {"agreement_id": aid, "entity_id": p, "role": "party"}, actor="test")
    return aid


def kinds(found):
    return [(e.on, e.kind, e.row_id) for e in found]


# --- jubilee arithmetic --------------------------------------------------------------------------


def test_round_years_are_the_ones_celebrated():
    assert [n for n in range(1, 101) if windows.is_round_year(n)] == [10, 25, 50, 60, 70, 75, 80, 90, 100]


def test_a_full_date_gives_its_anniversary_and_the_window_ends_are_included():
    # 1968-10-05 + 60 years = 2028-10-05: in a window that starts or ends on that very day, not a day either side.
    assert windows.jubilees("1968-10-05", date(2028, 10, 5), date(2029, 1, 1)) == [("2028-10-05", 60)]
    assert windows.jubilees("1968-10-05", date(2028, 1, 1), date(2028, 10, 5)) == [("2028-10-05", 60)]
    assert windows.jubilees("1968-10-05", date(2028, 10, 6), date(2029, 10, 4)) == []
    assert windows.jubilees("1968-10-05", date(2027, 10, 6), date(2028, 10, 4)) == []


def test_a_year_only_start_gives_a_year_only_jubilee():
    # 1945 + 80 = 2025, as a year: it meets any window that holds a day of 2025.
    assert windows.jubilees("1945", date(2025, 12, 31), date(2026, 6, 1)) == [("2025", 80)]
    assert windows.jubilees("1945", date(2026, 1, 1), date(2026, 12, 31)) == []


def test_a_month_only_start_and_29_february():
    assert windows.jubilees("2001-01", date(2026, 1, 31), date(2026, 2, 1)) == [("2026-01", 25)]
    # 1976-02-29 + 50 years: 2026 has no 29 February, so the 28th.
    assert windows.jubilees("1976-02-29", date(2026, 1, 1), date(2026, 12, 31)) == [("2026-02-28", 50)]


def test_several_jubilees_in_a_long_window():
    assert windows.jubilees("1950", date(2000, 1, 1), date(2050, 12, 31)) == [
        ("2000", 50),
        ("2010", 60),
        ("2020", 70),
        ("2025", 75),
        ("2030", 80),
        ("2040", 90),
        ("2050", 100),
    ]


# --- each kind of due date on hand-made rows -------------------------------------------------------


def test_twinning_jubilee_counts_from_a_sourced_start_only(reg):
    tie(reg, "alpha", "1977")  # sourced, year only: the 50th is "2027"
    tie(reg, "beta", "1977-03-02", certainty="inferred")  # inferred: never counted from
    found = calendar.events(reg, date(2027, 1, 1), date(2027, 12, 31), today=TODAY)
    assert kinds(found) == [("2027", "tie_jubilee", "home--alpha")]
    e = found[0]
    assert e.params["years"] == 50 and e.params["counted_from"] == "1977" and e.params["basis"] == "tie"
    assert e.source == "source of alpha" and not e.exact
    assert calendar_formats.summary(e, "nb") == "Alpha: 50 år som vennskapsby (bare 2027 er kjent, ikke dagen)"
    assert calendar_formats.summary(e, "en") == "Alpha: 50 years as sister city (only 2027 is known, not the day)"
    assert "1977" in calendar_formats.details(e, "en") and "source of alpha" in calendar_formats.details(e, "en")


def test_a_charter_inside_the_tie_start_is_counted_from_and_not_repeated(reg):
    # The tie began "1977" (sourced); its charter was signed 1977-05-06 (sourced): the same beginning, told exactly.
    agreement(reg, "charter", signed_on="1977-05-06", signed_certainty="sourced")
    tie(reg, "alpha", "1977", agreement_id="charter")
    # An agreement no twinning counts from has its own jubilee: 2017-06-01 + 10 = 2027-06-01.
    agreement(reg, "loi", parties=("home", "beta"), signed_on="2017-06-01", signed_certainty="sourced")
    found = calendar.events(reg, date(2027, 1, 1), date(2027, 12, 31), today=TODAY)
    assert kinds(found) == [("2027-05-06", "tie_jubilee", "home--alpha"), ("2027-06-01", "agreement_jubilee", "loi")]
    assert found[0].params["basis"] == "agreement" and found[0].source == "source of charter"
    assert "Agreement charter" in calendar_formats.details(found[0], "en")
    assert calendar_formats.summary(found[1], "en") == "“Agreement loi”: 10 years since it was signed"


def test_a_tie_start_that_disagrees_with_its_charter_is_counted_from_itself(reg):
    agreement(reg, "charter", signed_on="1978-05-06", signed_certainty="sourced")
    tie(reg, "alpha", "1977-01-10", agreement_id="charter")
    found = calendar.events(reg, date(2027, 1, 1), date(2028, 12, 31), today=TODAY)
    assert ("2027-01-10", "tie_jubilee", "home--alpha") in kinds(found)
    assert found[0].params["basis"] == "tie"


def test_an_ended_twinning_has_no_jubilee(reg):
    tie(reg, "alpha", "1977", end="1990", status="ended")
    assert calendar.events(reg, date(2027, 1, 1), date(2027, 12, 31), today=TODAY) == []


def test_agreement_review_and_expiry_on_the_window_ends(reg):
    first, last = date(2027, 1, 1), date(2027, 12, 31)
    agreement(reg, "on-first", review_on="2027-01-01")
    agreement(reg, "on-last", review_on="2027-12-31")
    agreement(reg, "after", review_on="2028-01-01")
    agreement(reg, "before", review_on="2026-12-31")  # after today, before the window: not due in it, not overdue
    agreement(reg, "expires", ended_on="2027-06-30")
    agreement(reg, "not-ours", parties=("alpha", "beta"), review_on="2027-03-01")  # home is no party
    found = calendar.events(reg, first, last, today=TODAY)
    assert kinds(found) == [
        ("2027-01-01", "agreement_review", "on-first"),
        ("2027-06-30", "agreement_expiry", "expires"),
        ("2027-12-31", "agreement_review", "on-last"),
    ]
    assert calendar_formats.summary(found[0], "nb") == "Avtalen «Agreement on-first» skal revideres"


def test_a_past_review_of_an_agreement_in_force_is_overdue(reg):
    agreement(reg, "late", review_on="2025-03-01")
    agreement(reg, "done", review_on="2025-03-01", ended_on="2026-01-01", status="ended")
    found = calendar.events(reg, date(2027, 1, 1), date(2027, 12, 31), today=TODAY)
    assert kinds(found) == [("2025-03-01", "agreement_review", "late")]
    assert found[0].overdue
    assert calendar_formats.summary(found[0], "en").startswith("Overdue: The agreement")


def suspend(conn, tie_id, decided_on, review_on, kind="suspend_twinning"):
    row = {
        "kind": kind,
        "tie_id": tie_id,
        "decided_on": decided_on,
        "decided_by": "Bystyret",
        "reason": "test",
        "source": "the council's minutes",
        "scope": "municipal funding and visits" if review_on else None,
        "review_on": review_on,
    }
    store.insert(conn, "decisions", row, actor="test")


def test_a_suspended_tie_shows_its_review_date_until_it_is_resumed(reg):
    t = tie(reg, "gamma", "2000", certainty="unknown")
    suspend(reg, t, "2024-03-01", "2027-03-01")
    found = calendar.events(reg, date(2027, 1, 1), date(2027, 12, 31), today=TODAY)
    assert kinds(found) == [("2027-03-01", "freeze_review", found[0].row_id)]
    e = found[0]
    assert e.source == "the council's minutes" and e.entities == ("gamma",) and not e.overdue
    assert calendar_formats.summary(e, "nb") == ("Frysingen av vennskapsbyen Gamma skal vurderes på nytt (vedtatt 2024-03-01 av Bystyret)")
    # Past its review date and still frozen: overdue, shown in a later window too.
    later = calendar.events(reg, date(2028, 1, 1), date(2028, 12, 31), today=date(2027, 6, 1))
    assert [x.kind for x in later] == ["freeze_review"] and later[0].overdue
    # Lifted: nothing to review.
    suspend(reg, t, "2025-01-10", None, kind="resume_twinning")
    assert calendar.events(reg, date(2027, 1, 1), date(2027, 12, 31), today=TODAY) == []


def test_a_contact_past_retain_until_is_overdue_while_its_personal_data_is_held(reg):
    for cid, name, until in (
        ("kept", "A Person", "2026-01-31"),
        ("erased", None, "2026-01-31"),
        ("later", "B Person", "2027-05-01"),
        ("far", "C Person", "2030-01-01"),
    ):
        store.insert(
            reg,
            "contacts",
            {"id": cid, "entity_id": "alpha", "person_name": name, "purpose": "test", "retain_until": until, "source": "test"},
            actor="test",
        )
    found = calendar.events(reg, date(2027, 1, 1), date(2027, 12, 31), today=TODAY)
    assert kinds(found) == [("2026-01-31", "retention", "kept"), ("2027-05-01", "retention", "later")]
    assert [e.overdue for e in found] == [True, False]
    text = calendar_formats.summary(found[0], "nb")
    assert text == "Forfalt: Personopplysningene om kontakten kept (Alpha) skal slettes"
    assert "A Person" not in calendar_formats.table_text(found, "nb")  # never the person's name


def test_a_source_checked_long_ago_falls_due_for_re_checking(reg):
    # stale_after_years defaults to 5: checked 2022-03-01, due 2027-03-01.
    store.update(reg, "entities", "beta", {"verified_on": "2022-03-01"}, actor="test")
    found = calendar.events(reg, date(2027, 1, 1), date(2027, 12, 31), today=TODAY)
    assert kinds(found) == [("2027-03-01", "recheck", "beta")]
    assert calendar_formats.summary(found[0], "en") == (
        "The source of the entity beta is due for re-checking (last checked 2022-03-01; the limit is 5 years)"
    )
    assert found[0].source == "test"


def test_an_indicator_year_without_a_value_is_due_on_its_last_day(reg):
    # pupils: baseline 2022, target 2026, values for 2023 and 2024 -> reported 2023..2026; 2025 and 2026 are open.
    # meetings: no baseline or target, a value for 2024 -> the next value, 2025, is due.
    # dropped: its action is cancelled; bare: neither target year nor value. Neither is ever due.
    for aid, status in (("kept", "ongoing"), ("gone", "cancelled")):
        store.insert(reg, "plan_actions", {"id": aid, "title": aid, "status": status, "source": "test"}, actor="test")
    for iid, extra in (
        ("pupils", {"baseline_year": 2022, "target": 40, "target_year": 2026, "action_id": "kept"}),
        ("meetings", {}),
        ("dropped", {"target_year": 2026, "action_id": "gone"}),
        ("bare", {}),
    ):
        row = {"id": iid, "name": f"Navn {iid}", "name_en": f"Name {iid}", "direction": "higher", "source": f"plan {iid}"}
        store.insert(reg, "indicators", {**row, **extra}, actor="test")
    for iid, year in (("pupils", 2023), ("pupils", 2024), ("meetings", 2024)):
        value = {"indicator_id": iid, "year": year, "value": 1, "source": "test"}
        store.insert(reg, "indicator_values", value, actor="test")
    found = calendar.events(reg, date(2026, 12, 1), date(2027, 11, 30), today=TODAY)
    assert kinds(found) == [
        ("2025-12-31", "indicator_report", "meetings"),
        ("2025-12-31", "indicator_report", "pupils"),
        ("2026-12-31", "indicator_report", "pupils"),
    ]
    assert [e.overdue for e in found] == [True, True, False]  # TODAY is 2026-12-07
    assert calendar_formats.summary(found[1], "nb") == ("Forfalt: Indikatoren «Navn pupils»: verdien for 2025 skal registreres")
    assert calendar_formats.summary(found[2], "en") == "Indicator “Name pupils”: the value for 2026 is due"
    assert found[2].source == "plan pupils" and len({e.uid for e in found}) == 3  # one item per indicator and year
    # The 2025 value registered: that year is done.
    value = {"indicator_id": "pupils", "year": 2025, "value": 30, "source": "test"}
    store.insert(reg, "indicator_values", value, actor="test")
    assert [(e.on, e.row_id) for e in calendar.events(reg, date(2026, 12, 1), date(2027, 11, 30), today=TODAY)] == [
        ("2025-12-31", "meetings"),
        ("2026-12-31", "pupils"),
    ]
    ics = icalendar.Calendar.from_ical(calendar_formats.to_ics(found, "nb"))
    assert sorted(str(e["UID"]) for e in ics.walk("VEVENT"))[0] == (
        "indicator_report.indicators.meetings.2025@international-relations-registry"
    )


def test_the_default_window_is_the_next_twelve_months(reg):
    assert windows.default_window(date(2026, 12, 7)) == (date(2026, 12, 7), date(2027, 12, 7))
    agreement(reg, "soon", review_on="2027-12-07")
    agreement(reg, "too-late", review_on="2027-12-08")
    assert [e.row_id for e in calendar.events(reg, today=date(2026, 12, 7))] == ["soon"]


def test_the_home_must_be_a_municipality(reg):
    with pytest.raises(NotAHome):
        calendar.events(reg, home_id="alpha")


# --- the iCalendar file ----------------------------------------------------------------------------


def test_ics_round_trip_all_day_events_with_stable_uids(reg):
    tie(reg, "alpha", "1977")
    agreement(reg, "charter", review_on="2027-06-15")
    found = calendar.events(reg, date(2027, 1, 1), date(2027, 12, 31), today=TODAY)
    first = icalendar.Calendar.from_ical(calendar_formats.to_ics(found, "en"))
    again = icalendar.Calendar.from_ical(
        calendar_formats.to_ics(calendar.events(reg, date(2027, 1, 1), date(2027, 12, 31), today=TODAY), "nb")
    )
    events = first.walk("VEVENT")
    assert [str(e["UID"]) for e in events] == [str(e["UID"]) for e in again.walk("VEVENT")]
    assert len({str(e["UID"]) for e in events}) == 2
    by_summary = {str(e["SUMMARY"]): e for e in events}
    review = by_summary["The agreement “Agreement charter” is due for review"]
    assert review.decoded("DTSTART") == date(2027, 6, 15) and review.decoded("DTEND") == date(2027, 6, 16)
    assert "DTSTAMP" in review and "source of charter" in str(review["DESCRIPTION"])
    # The year-only jubilee sits on 1 January and says it is only a year.
    jubilee = by_summary["Alpha: 50 years as sister city (only 2027 is known, not the day)"]
    assert jubilee.decoded("DTSTART") == date(2027, 1, 1)
    assert str(again.walk("VEVENT")[0]["SUMMARY"]).startswith("Alpha: 50 år")
    # A review moved to another day is the same item: a calendar that imported it updates it.
    store.update(reg, "agreements", "charter", {"review_on": "2027-07-01"}, actor="test")
    moved = calendar.events(reg, date(2027, 1, 1), date(2027, 12, 31), today=TODAY)
    assert {e.uid for e in moved} == {str(e["UID"]) for e in events}


# --- the command line on the seed ------------------------------------------------------------------


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "registry", *map(str, args)], capture_output=True, text=True, cwd=ROOT, env=os.environ.copy()
    )


@pytest.fixture
def seed_db(tmp_path):
    """The seed with two review dates on its agreements and one contact kept past retain_until."""
    path = tmp_path / "seed.db"
    c = connect(path)
    load_seed(c)
    store.update(c, "agreements", "ring-charter-1968", {"review_on": "2028-06-30"}, actor="test")
    store.update(c, "agreements", "vallejo-trondheim-1960", {"review_on": "2027-09-01"}, actor="test")
    store.update(c, "contacts", "consul-denmark", {"retain_until": "2025-12-31"}, actor="test")
    reviews = [r[0] for r in c.execute("SELECT review_on FROM agreements WHERE review_on IS NOT NULL ORDER BY 1")]
    c.close()
    return path, reviews


def test_cli_ics_holds_the_ring_jubilees_and_every_review_date(seed_db, tmp_path):
    path, reviews = seed_db
    out = tmp_path / "due.ics"
    r = run("calendar", "--db", path, "--from", "2027-01-01", "--to", "2028-12-31", "--format", "ics", "--lang", "en", "--out", out)
    assert r.returncode == 0, r.stderr
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    events = [(e.decoded("DTSTART"), str(e["SUMMARY"])) for e in cal.walk("VEVENT")]
    assert (date(2028, 10, 5), "Darmstadt: 60 years as sister city") in events
    assert (date(2028, 10, 5), "Graz: 60 years as sister city") in events
    starts = {d for d, _ in events}
    assert reviews == ["2027-09-01", "2028-06-30"] and all(date.fromisoformat(r) in starts for r in reviews)
    darmstadt = next(e for e in cal.walk("VEVENT") if str(e["SUMMARY"]).startswith("Darmstadt"))
    assert "1968-10-05" in str(darmstadt["DESCRIPTION"]) and "dablog.hypotheses.org" in str(darmstadt["DESCRIPTION"])


def test_cli_table_shows_the_contact_past_retain_until(seed_db):
    path, _ = seed_db
    r = run("calendar", "--db", path)  # the next twelve months from today: the contact is overdue
    assert r.returncode == 0, r.stderr
    line = next(x for x in r.stdout.splitlines() if "consul-denmark" in x)
    assert line.startswith("2025-12-31") and "Forfalt:" in line
    assert "Trond Lykke" not in r.stdout  # the contact's name is personal data


def test_cli_csv_keeps_the_codes_and_refuses_bad_dates(seed_db):
    path, _ = seed_db
    r = run("calendar", "--db", path, "--from", "2028", "--to", "2028", "--format", "csv", "--lang", "en")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    jubilees = [x for x in rows if x["kind"] == "tie_jubilee"]
    assert {x["row_id"] for x in jubilees} == {"trondheim--darmstadt", "trondheim--graz"}
    assert all(x["counted_from"] == "1968-10-05" and x["date"] == "2028-10-05" for x in jubilees)
    assert run("calendar", "--db", path, "--from", "5 May").returncode == 2
    bad = run("calendar", "--db", path, "--from", "2028", "--to", "2027")
    assert bad.returncode == 2 and "before" in bad.stderr


# --- the Overview panel ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_overview_panel_lists_what_is_due_with_downloads(tmp_path, monkeypatch, lang):
    from streamlit.testing.v1 import AppTest

    path = tmp_path / "app.db"
    c = connect(path)
    load_seed(c)
    soon = (date.today() + timedelta(days=40)).isoformat()
    store.update(c, "agreements", "ring-charter-1968", {"review_on": soon}, actor="test")
    store.update(c, "contacts", "consul-denmark", {"retain_until": "2025-12-31"}, actor="test")
    c.close()
    monkeypatch.setenv("REGISTRY_DB", str(path))
    at = AppTest.from_file(apps.APP, default_timeout=60)
    at.session_state["lang"] = lang
    at.run()
    assert not at.exception
    title = "Hva forfaller" if lang == "nb" else "What is due"
    assert title in [s.value for s in at.subheader]
    table = next(d.value for d in at.dataframe if ("Hva forfaller" if lang == "nb" else "What is due") in d.value.columns)
    what = list(table["Hva forfaller" if lang == "nb" else "What is due"])
    # The Norwegian text names the charter by its Norwegian title (title_nb), the English by its own.
    review = "Avtalen «Dokument om vennskapet" if lang == "nb" else "The agreement “Urkunde"
    assert any(w.startswith(review) for w in what)
    overdue = "Forfalt: Personopplysningene" if lang == "nb" else "Overdue: The personal data"
    assert any(w.startswith(overdue) for w in what)
    assert at.download_button(key="calendar_ics") and at.download_button(key="calendar_csv")
