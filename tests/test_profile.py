"""registry.profile: an entity's facts and the rows that name it, on a tiny hand-made registry and on the seed."""

from __future__ import annotations

from datetime import date

import pytest

from registry import load_seed
from registry.errors import NotFound
from registry.profile import SECTIONS, as_of_date, entity_profile, readable
from registry.store import writes as store


def add(conn, table, **row):
    return store.insert(conn, table, row, actor="test")


@pytest.fixture
def tiny(conn):
    """Home and four others; every table names home once or twice, so each expected row can be read off here.

    home --sister_city (1990-, active, agreement ag)--> aaby (city, SE)
    bebu --partnership (2000-2005, ended)-->            home
    home --membership (undated)-->                      net (network)
    aaby --sister_city-->                               bebu   (not home's: must not appear)
    """
    add(conn, "entities", id="home", kind="municipality", name="Heim kommune", name_en="Home Municipality", country_code="NO", source="s")
    add(conn, "entities", id="aaby", kind="city", name="Åby", country_code="SE", source="s")
    add(conn, "entities", id="bebu", kind="city", name="Bébu", name_en="Bebu", country_code="FR", source="s")
    add(conn, "entities", id="net", kind="network", name="Nettverket", source="s")
    add(conn, "agreements", id="ag", kind="twinning_charter", title="Charter", title_nb="Charteret", signed_on="1990-05", source="s")
    add(conn, "agreement_parties", agreement_id="ag", entity_id="aaby", role="party")  # home is named through the tie only
    add(conn, "agreements", id="ag2", kind="memorandum", title="Memo", signed_on="2010", source="s")
    add(conn, "agreement_parties", agreement_id="ag2", entity_id="home", role="party")
    add(
        conn,
        "ties",
        id="home--aaby",
        from_id="home",
        to_id="aaby",
        kind="sister_city",
        start="1990",
        status="active",
        agreement_id="ag",
        sectors="culture;youth",
        source="s",
    )
    add(
        conn,
        "ties",
        id="bebu--home",
        from_id="bebu",
        to_id="home",
        kind="partnership",
        start="2000",
        end="2005",
        status="ended",
        source="s",
    )
    add(conn, "ties", id="home--net", from_id="home", to_id="net", kind="membership", source="s")
    add(conn, "ties", id="aaby--bebu", from_id="aaby", to_id="bebu", kind="sister_city", start="1970", source="s")
    # v1: home takes part; v2: on the ended partnership only; v3: neither (aaby and bebu).
    add(conn, "activities", id="v1", kind="visit", title="Visit", title_nb="Besøk", start="1995", source="s")
    add(conn, "activity_participants", activity_id="v1", entity_id="home", role="host")
    add(conn, "activity_participants", activity_id="v1", entity_id="aaby", role="visitor")
    add(conn, "activity_ties", activity_id="v1", tie_id="home--aaby")
    add(conn, "activities", id="v2", kind="project", title="Project", start="2003", source="s")
    add(conn, "activity_ties", activity_id="v2", tie_id="bebu--home")
    add(conn, "activities", id="v3", kind="visit", title="Other visit", start="2001", source="s")
    add(conn, "activity_participants", activity_id="v3", entity_id="aaby", role="host")
    add(
        conn,
        "decisions",
        kind="category",
        tie_id="home--aaby",
        category="project",
        decided_on="2011-03-01",
        decided_by="Bystyret",
        case_ref="sak 1/11",
        reason="Active exchange",
        source="s",
    )
    add(
        conn,
        "decisions",
        kind="category",
        tie_id="aaby--bebu",
        category="dormant",
        decided_on="2011",
        decided_by="X",
        reason="not home's",
        source="s",
    )
    add(conn, "plan_actions", id="act", title="Forum", status="ongoing", period_start="2004", source="s")
    add(conn, "action_ties", action_id="act", tie_id="bebu--home")
    add(conn, "plan_lines", tie_id="home--aaby", year=2020, kind="plan", amount=100, funder="municipal", purpose="Fee")
    add(conn, "plan_lines", activity_id="v1", year=1995, kind="actual", amount=50, currency="EUR", funder="municipal", purpose="Trip")
    add(conn, "plan_lines", action_id="act", year=2004, kind="plan", amount=30, funder="municipal", purpose="Forum")
    add(conn, "plan_lines", activity_id="v3", year=2001, kind="actual", amount=7, funder="Net", funder_id="home", purpose="Gift")
    add(conn, "plan_lines", activity_id="v3", year=2001, kind="actual", amount=9, funder="EU", purpose="Not home's")
    return conn


def test_every_table_lists_the_rows_that_name_the_entity(tiny):
    p = entity_profile(tiny, "home")
    assert p.entity["name"] == "Heim kommune" and "version" not in p.entity
    # Both directions, the other end named; aaby--bebu is not home's.
    assert dict(zip(p.ties["tie_id"], p.ties["direction"])) == {"home--aaby": "out", "bebu--home": "in", "home--net": "out"}
    assert dict(zip(p.ties["tie_id"], p.ties["other_id"])) == {"home--aaby": "aaby", "bebu--home": "bebu", "home--net": "net"}
    # v1 as host and through its tie (one row), v2 through the partnership only; v3 names home nowhere.
    acts = p.activities.set_index("activity_id")
    assert set(acts.index) == {"v1", "v2"}
    assert (acts.loc["v1", "roles"], acts.loc["v1", "tie_ids"]) == ("host", "home--aaby")
    assert (acts.loc["v2", "roles"], acts.loc["v2", "tie_ids"]) == ("", "bebu--home")
    # ag through the sister-city tie it rests on, ag2 as a party.
    assert dict(zip(p.agreements["agreement_id"], p.agreements["roles"])) == {"ag": "", "ag2": "party"}
    assert p.decisions[["tie_id", "other_id", "case_ref"]].values.tolist() == [["home--aaby", "aaby", "sak 1/11"]]
    assert p.actions["action_id"].tolist() == ["act"]
    # The four lines of home: by tie, by activity, by action, and the one it funds; not EU's gift to v3.
    assert dict(zip(p.plan_lines["purpose"], p.plan_lines["via"])) == {
        "Trip": "activity",
        "Gift": "funder",
        "Forum": "action",
        "Fee": "tie",
    }
    assert p.plan_lines.set_index("purpose").loc["Fee", "currency"] == "NOK"  # empty currency is NOK


def test_as_of_keeps_the_ties_of_that_day_and_what_was_dated_by_then(tiny):
    p = entity_profile(tiny, "home", as_of=2002)
    # The partnership (2000-2005) and the undated membership count in 2002; so does the sister tie (1990-).
    assert set(p.ties["tie_id"]) == {"home--aaby", "bebu--home", "home--net"}
    assert set(p.activities["activity_id"]) == {"v1"}  # v2 starts 2003
    assert set(p.agreements["agreement_id"]) == {"ag"}  # ag2 signed 2010
    assert p.decisions.empty  # decided 2011
    assert set(p.plan_lines["purpose"]) == {"Trip", "Gift"}
    later = entity_profile(tiny, "home", as_of="2011-06")
    # The partnership ended in 2005: its project, plan action and their lines go with it.
    assert set(later.ties["tie_id"]) == {"home--aaby", "home--net"}
    assert set(later.activities["activity_id"]) == {"v1"}
    assert later.actions.empty and list(later.actions.columns)  # empty, with its columns for the page
    assert len(later.decisions) == 1


def test_an_entity_with_nothing_has_empty_tables_with_their_columns(tiny):
    add(tiny, "entities", id="alone", kind="city", name="Alone", source="s")
    p = entity_profile(tiny, "alone")
    for section in SECTIONS:
        assert p.table(section).empty and len(p.table(section).columns) > 3, section


def test_an_unknown_id_raises_not_found(tiny):
    with pytest.raises(NotFound):
        entity_profile(tiny, "nowhere")


def test_readable_names_and_labels_in_the_language(tiny):
    p = entity_profile(tiny, "home")
    nb, en = readable(p, "ties", "nb"), readable(p, "ties", "en")
    assert dict(zip(nb["other_id"], nb["other_name"]))["bebu"] == "Bébu"
    assert dict(zip(en["other_id"], en["other_name"]))["bebu"] == "Bebu"  # name_en on the English page
    assert "other_name_en" not in en
    row = en.set_index("tie_id").loc["home--aaby"]
    assert (row["kind"], row["sectors"], row["other_kind"]) == ("Sister city", "Culture, Youth", "City")
    assert readable(p, "ties", "nb").set_index("tie_id").loc["home--aaby", "kind"] == "Vennskapsby"
    acts = readable(p, "activities", "nb").set_index("activity_id")
    assert acts.loc["v1", "title"] == "Besøk" and readable(p, "activities", "en").set_index("activity_id").loc["v1", "title"] == "Visit"
    assert readable(p, "actions", "en")["status"].tolist() == ["Ongoing"]
    assert readable(p, "decisions", "en")["category"].tolist() == ["Project"]


def test_on_the_seed_a_sister_city_and_the_home(conn):
    load_seed(conn)
    graz = entity_profile(conn, "graz")
    # The seed registers one tie of Graz's (with Trondheim) and its ring charter.
    assert graz.ties["other_id"].tolist() == ["trondheim"]
    assert "ring-charter-1968" in set(graz.agreements["agreement_id"])
    # Every activity Graz takes part in is listed (read straight from the participants table).
    taking_part = {r[0] for r in conn.execute("SELECT activity_id FROM activity_participants WHERE entity_id = 'graz'")}
    assert taking_part <= set(graz.activities["activity_id"])
    home = entity_profile(conn, "trondheim")
    n = conn.execute("SELECT count(*) FROM ties WHERE from_id = 'trondheim' OR to_id = 'trondheim'").fetchone()[0]
    assert len(home.ties) == n and home.ties["tie_id"].is_unique
    assert home.activities["activity_id"].is_unique


def test_as_of_date():
    assert as_of_date(2010) == date(2010, 12, 31)
    assert as_of_date("1989-02") == date(1989, 2, 28)
    assert as_of_date(date(2000, 1, 1)) == date(2000, 1, 1)
    with pytest.raises(TypeError):
        as_of_date(True)
