"""Gaps, overlaps and opportunities: each finding kind on a tiny registry with a known answer, and on the seed."""

import re
from dataclasses import replace

import networkx as nx
import pandas as pd
import pytest

from registry import analysis
from registry.analysis.articulation import cut_points
from registry.analysis.brokerage import burt
from registry.analysis.context import prepare
from registry.analysis.rows import number
from registry.graph import Snapshot
from registry.i18n import render
from registry.review.report import urgent_findings
from registry.rules import DEFAULT_RULES, FINDING_KINDS
from tests.mini import Mini

DAY = "2025-12-31"


def found(m: Mini, kind: str, **options) -> pd.DataFrame:
    df = analysis.findings(m.snap(), kind, as_of=DAY, options=analysis.Options(**options))
    assert list(df.columns) == list(analysis.FRAME_COLUMNS)
    assert (df["kind"] == kind).all()
    assert all(df["explanation_nb"].str.len() > 0) and all(df["explanation_en"].str.len() > 0)
    return df


def subjects(df: pd.DataFrame) -> list[str]:
    return sorted(df["subject"])


# --- gaps ---------------------------------------------------------------------------------------


def snap_with(m: Mini, **tables) -> Snapshot:
    """Return the Mini's snapshot with other tables (agreements, declared totals) added."""
    return replace(m.snap(), **tables)


def found_in(snap: Snapshot, kind: str, as_of: str = DAY) -> pd.DataFrame:
    df = analysis.findings(snap, kind, as_of=as_of)
    assert (df["kind"] == kind).all()
    return df


def test_thin_relation_one_row_per_relation():
    # x: only the twinning. y: twinning plus a university's exchange (another actor, no sectors agreed).
    # z: twinning agreed for culture and business; home's visit is culture: business has no activity.
    m = Mini()
    m.sister("x")
    m.sister("y")
    m.entity("uni", "university", "NO")
    m.tie("uni", "y", "exchange", start="2020")
    m.sister("z", sectors="culture;business")
    m.activity("visit", "visit", "2024", {"home": "visitor", "z": "host"}, ("home--z",), sectors="culture")
    df = found(m, "thin_relation").set_index("subject")
    assert sorted(df.index) == ["x", "z"]
    assert df.loc["x", "evidence"] == "home--x" and "nothing is registered" in df.loc["x", "explanation_en"]
    # z: one agreed sector without activity (business), and only the municipality as local actor.
    assert df.loc["z", "severity"] == "medium" and df.loc["z", "score"] == 2
    assert "no activity registered in business" in df.loc["z", "explanation_en"]
    assert "Only Home Municipality is registered as a local actor" in df.loc["z", "explanation_en"]
    assert "activity:visit" in df.loc["z", "evidence"].split(";")
    assert "Neste steg:" in df.loc["z", "explanation_nb"] and "Next:" in df.loc["z", "explanation_en"]


def test_thin_relation_finds_nothing_when_actors_and_agreed_sectors_are_there():
    # y: culture agreed; a voluntary organisation's culture exchange covers it and is another local actor.
    m = Mini()
    m.sister("y", sectors="culture")
    m.entity("friends", "voluntary_org", "NO")
    m.tie("friends", "y", "exchange", carrier_id="friends", sectors="culture")
    assert found(m, "thin_relation").empty


def test_thin_relation_asks_for_no_sector_where_none_is_agreed():
    # y: nothing agreed; a university took part in the municipality's visit, so y is not thin at all.
    m = Mini()
    m.sister("y")
    m.entity("uni", "university", "NO")
    m.activity("visit", "visit", "2024", {"home": "visitor", "uni": "visitor", "y": "host"}, ("home--y",))
    assert found(m, "thin_relation").empty
    # Without the university, the only thing said is that the municipality carries it alone (low).
    m2 = Mini()
    m2.sister("y")
    m2.activity("visit", "visit", "2024", {"home": "visitor", "y": "host"}, ("home--y",))
    df = found(m2, "thin_relation")
    assert df.iloc[0]["severity"] == "low" and "No sectors are agreed" in df.iloc[0]["explanation_en"]


def test_thin_relation_reads_the_sectors_of_the_agreement():
    # y's twinning names no sector, but its agreement (parties home and y) names research; the visit is culture.
    m = Mini()
    m.sister("y")
    m.activity("visit", "visit", "2024", {"home": "visitor", "y": "host"}, ("home--y",), sectors="culture")
    agreement = {"id": "charter", "kind": "twinning_charter", "title": "Charter", "signed_on": "1990",
                 "status": "active", "sectors": "research", "parties": (("home", "party"), ("y", "party"))}
    df = found_in(snap_with(m, agreements=(agreement,)), "thin_relation")
    assert "no activity registered in research" in df.iloc[0]["explanation_en"]
    assert "charter" in df.iloc[0]["evidence"].split(";")
    # An agreement ended before the date asks for nothing.
    ended = {**agreement, "ended_on": "2000"}
    df = found_in(snap_with(m, agreements=(ended,)), "thin_relation")
    assert "No sectors are agreed" in df.iloc[0]["explanation_en"]


def test_thin_relation_gathers_empty_relations_in_one_row():
    # a, b and c have nothing but the twinning: one summary row, not three.
    m = Mini()
    for c in ("a", "b", "c"):
        m.sister(c)
    df = found(m, "thin_relation")
    assert list(df["subject"]) == ["a;b;c"] and df.iloc[0]["score"] == 3
    assert df.iloc[0]["evidence"] == "home--a;home--b;home--c"
    assert df.iloc[0]["explanation_nb"].startswith("3 vennskapsbyer har ingenting registrert")


def test_coverage_matrices_count_ties_and_activities():
    # x: twinning (culture) and a university project in research;health; y: only the twinning.
    # A youth exchange at x with a voluntary organisation is registered as an activity.
    m = Mini()
    m.sister("x", sectors="culture")
    m.sister("y")
    m.entity("uni", "university", "NO").entity("club", "voluntary_org", "NO")
    m.tie("uni", "x", "project", sectors="research;health", start="2021")
    m.activity("camp", "exchange", "2022", {"club": "visitor", "x": "host"}, sectors="youth")
    ctx = prepare(m.snap(), DAY)
    sectors, actors = analysis.coverage(ctx)
    row = sectors.set_index("city_id").loc["x"]
    assert (row["culture"], row["research"], row["health"], row["education"], row["youth"]) == (1, 1, 1, 0, 1)
    assert actors.set_index("city_id").loc["x", ["municipality", "university", "voluntary_org"]].tolist() == [1, 1, 1]
    assert sectors.set_index("city_id").loc["y"].iloc[1:].sum() == 0


def test_unused_consulate():
    # Two consulates in home; Denmark's is in the forum, Estonia's has only its own ties, and Estonia no relation.
    m = Mini()
    for c, country, code in (("c-dk", "denmark", "DK"), ("c-ee", "estonia", "EE")):
        m.entity(c, "consulate", "NO").entity(country, "country", code)
        m.tie(c, country, "consular")
        m.tie(c, "home", "located_in")
    m.entity("forum", "forum", "NO")
    m.tie("c-dk", "forum", "forum_member")
    df = found(m, "unused_consulate")
    assert subjects(df) == ["c-ee"] and df.iloc[0]["severity"] == "medium"
    assert "no other active relation" in df.iloc[0]["explanation_en"]
    # What to do next, in the strategy's words (the council's decision, point 7).
    assert "invite the consul to the international forum" in df.iloc[0]["explanation_en"]
    assert "«Konsulene inviteres til å delta" in df.iloc[0]["explanation_nb"]
    # A sister city in Estonia makes the same finding milder: the country has a relation to build on.
    m.sister("tartu-like", "EE")
    assert found(m, "unused_consulate").iloc[0]["severity"] == "low"
    m.tie("c-ee", "forum", "forum_member")
    assert found(m, "unused_consulate").empty


def test_a_consulate_in_a_recent_activity_is_in_use():
    # The Estonian consul co-hosted a visit in 2024 (within five years of 2025): in use. One in 2010 is not.
    m = Mini()
    m.entity("c-ee", "consulate", "NO").entity("estonia", "country", "EE")
    m.tie("c-ee", "estonia", "consular")
    m.tie("c-ee", "home", "located_in")
    m.activity("visit", "visit", "2024", {"home": "host", "c-ee": "host"})
    assert found(m, "unused_consulate").empty
    m.activities[0]["start"] = "2010"
    assert subjects(found(m, "unused_consulate")) == ["c-ee"]


def test_forum_isolated():
    # Forum of home, uni and biz; uni works a sister city, biz works nothing abroad.
    m = Mini()
    m.sister("x")
    m.entity("forum", "forum", "NO").entity("uni", "university", "NO").entity("biz", "business_body", "NO")
    for n in ("home", "uni", "biz"):
        m.tie(n, "forum", "forum_member")
    m.tie("uni", "x", "exchange")
    assert subjects(found(m, "forum_isolated")) == ["biz"]
    m.entity("p", "city", "DK")
    m.tie("biz", "p", "partnership")  # a partner city counts too
    assert found(m, "forum_isolated").empty


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


def test_one_way_solidarity():
    # friends -> x one-way; club -> y unknown; fans -> z two-way; a one-way tie of a university is not solidarity.
    m = Mini()
    for org, city, rec in (("friends", "x", "one_way"), ("club", "y", None), ("fans", "z", "two_way")):
        m.entity(org, "voluntary_org", "NO").entity(city, "city", "ER")
        m.tie(org, city, "partnership", reciprocity=rec)
    m.entity("uni", "university", "NO").entity("w", "city", "ER")
    m.tie("uni", "w", "partnership", reciprocity="one_way")
    df = found(m, "one_way_solidarity").set_index("subject")
    assert sorted(df.index) == ["x", "y"]
    assert (df.loc["x", "severity"], df.loc["y", "severity"]) == ("medium", "low")


def test_one_way_solidarity_finds_nothing_when_two_way():
    m = Mini()
    m.entity("friends", "voluntary_org", "NO").entity("x", "city", "ER")
    m.tie("friends", "x", "partnership", reciprocity="one_way")
    m.tie("friends", "x", "exchange", reciprocity="two_way")
    assert found(m, "one_way_solidarity").empty


def test_went_dormant():
    # x had an exchange 2001-2012; y never had activity; z's partnership was suspended long ago.
    m = Mini()
    m.sister("x")
    m.tie("home", "x", "exchange", id="old", start="2001", end="2012", status="ended")
    m.sister("y")
    m.entity("z", "city", "DK")
    m.tie("home", "z", "partnership", start="1999", status="suspended")
    df = found(m, "went_dormant").set_index("subject")
    assert sorted(df.index) == ["x", "z"]  # y never was active
    assert df.loc["x", "evidence"] == "old" and "2012" in df.loc["x", "explanation_en"]
    assert (df.loc["x", "severity"], df.loc["z", "severity"]) == ("medium", "low")  # sister city vs partner city
    # Within fifteen years of 2025 the 2012 exchange is recent; z's suspended 1999 partnership is not.
    assert subjects(found(m, "went_dormant", rules=DEFAULT_RULES.with_values(dormant_years=15))) == ["z"]
    m2 = Mini()
    m2.sister("x")
    m2.tie("home", "x", "exchange", start="2024")
    assert found(m2, "went_dormant").empty


def test_went_dormant_counts_registered_activities():
    # x: an exchange tie ended in 2012, and a visit registered in 2024: active, not listed.
    # y: only activities, the last in 2009, and one without a date: listed, and it says so.
    m = Mini()
    m.sister("x")
    m.tie("home", "x", "exchange", id="old", start="2001", end="2012", status="ended")
    m.activity("visit-x", "visit", "2024", {"home": "visitor", "x": "host"}, ("home--x",))
    m.sister("y")
    m.activity("visit-y", "visit", "2009", {"home": "visitor", "y": "host"}, ("home--y",))
    m.activity("talks-y", "meeting", None, {"home": "partner", "y": "partner"}, ("home--y",))
    df = found(m, "went_dormant").set_index("subject")
    assert list(df.index) == ["y"] and df.loc["y", "score"] == 2009
    assert "1 registered activity has no date" in df.loc["y", "explanation_en"]
    assert "not that the contact has stopped" in df.loc["y", "explanation_en"]
    # Only undated activity: nothing to date the quiet from, so nothing is said.
    m2 = Mini()
    m2.sister("y")
    m2.activity("talks-y", "meeting", None, {"home": "partner", "y": "partner"}, ("home--y",))
    assert found(m2, "went_dormant").empty


def test_isolated():
    # fund: no ties. a -- b: tied to each other, but not to home. x: home's sister city.
    m = Mini()
    m.sister("x")
    m.entity("fund", "funding_programme").entity("a", "voluntary_org", "NO").entity("b", "city", "ER")
    m.tie("a", "b", "partnership")
    df = found(m, "isolated").set_index("subject")
    assert sorted(df.index) == ["a", "b", "fund"]
    assert df.loc["fund", "severity"] == "medium" and "3e" in df.loc["fund", "explanation_en"]
    assert "no path to Home Municipality" in df.loc["a", "explanation_en"]
    m.tie("home", "a", "membership")
    m.tie("fund", "home", "funding")
    assert found(m, "isolated").empty


def test_isolated_counts_carriers_and_leaves_out_bodies_that_do_not_exist():
    # friends carries home's tie to k; old-county was dissolved in 2017 and has no ties; new-agency is founded 2030.
    m = Mini()
    m.entity("k", "city", "ER").entity("friends", "voluntary_org", "NO")
    m.tie("home", "k", "partnership", carrier_id="friends")
    m.entity("old-county", "county", "NO", dissolved="2017-12-31", successor_id="county")
    m.entity("county", "county", "NO").entity("c", "city", "CN")
    m.tie("old-county", "c", "partnership", end="2017-12-31", ended_by="dissolved")
    m.entity("new-agency", "public_agency", "NO", founded="2030")
    df = found(m, "isolated").set_index("subject")
    # friends is connected; old-county is gone; new-agency is not yet there; c's tie ended with old-county.
    assert sorted(df.index) == ["c", "county"]
    said = df.loc["county", "explanation_en"]
    assert "successor of Old County (dissolved 2017-12-31), which had registered ties" in said
    # In 2010 the old county still exists: it and c are tied to each other, but not to home.
    assert subjects(analysis.findings(m.snap(), "isolated", as_of="2010")) == ["c", "county", "old-county"]


def test_isolated_counts_a_recent_shared_activity_as_contact():
    # festival has no tie, but hosted the municipality at an event in 2023: connected. In 2010 it was not.
    m = Mini()
    m.entity("festival", "student_org", "NO")
    m.activity("event", "event", "2023", {"festival": "host", "home": "visitor"})
    assert found(m, "isolated").empty
    m.activities[0]["start"] = "2010"
    assert subjects(found(m, "isolated")) == ["festival"]


def test_isolated_says_where_a_tie_ended_with_a_dissolved_body():
    # The county's twinning with c ended with the county (as the graph ends it); its successor is named.
    m = Mini()
    m.entity("c", "city", "CN")
    m.entity("new-county", "county", "NO")
    m.entity("old-county", "county", "NO", dissolved="2017-12-31", successor_id="new-county")
    m.tie("old-county", "c", "partnership", start="2007", end="2017-12-31", ended_by="dissolved")
    m.tie("home", "new-county", "membership")
    df = found(m, "isolated").set_index("subject")
    assert list(df.index) == ["c"]
    assert "whether New County continued it is not registered" in df.loc["c", "explanation_en"]


def test_single_point_of_failure():
    # home -- agency -- {uni, biz}; uni -- inst (abroad). The agency cuts three off; uni cuts inst (one, below 2).
    m = Mini()
    m.entity("agency", "public_agency", "NO").entity("uni", "university", "NO").entity("biz", "business_body", "NO")
    m.entity("inst", "university", "DE")
    m.tie("home", "agency", "partnership")
    m.tie("uni", "agency", "project")
    m.tie("biz", "agency", "project")
    m.tie("uni", "inst", "partnership")
    df = found(m, "single_point_of_failure")
    assert subjects(df) == ["agency"] and df.iloc[0]["score"] == 3
    assert "single tie itself (Home Municipality – Agency)" in df.iloc[0]["explanation_en"]  # its own link to home is one tie, named
    # A second path from home to uni: now only biz hangs on the agency, which is below the threshold.
    m.tie("home", "uni", "partnership")
    assert found(m, "single_point_of_failure").empty


def test_single_point_of_failure_runs_only_through_real_channels():
    # home -- forum -- {uni, biz}, but uni's and biz's memberships are only planned (status uncertain):
    # the forum is no channel to them, so nothing is cut off through it.
    m = Mini()
    m.entity("forum", "forum", "NO").entity("uni", "university", "NO").entity("biz", "business_body", "NO")
    m.tie("home", "forum", "forum_member")
    m.tie("uni", "forum", "forum_member", status="uncertain")
    m.tie("biz", "forum", "forum_member", status="uncertain")
    assert found(m, "single_point_of_failure").empty
    # Real partnerships, but biz was dissolved in 2017: only uni is cut off, below the threshold of two.
    m2 = Mini()
    m2.entity("agency", "public_agency", "NO").entity("uni", "university", "NO")
    m2.entity("biz", "business_body", "NO", dissolved="2017")
    for n in ("home", "uni", "biz"):
        m2.tie(n, "agency", "partnership")
    assert found(m2, "single_point_of_failure").empty
    assert subjects(analysis.findings(m2.snap(), "single_point_of_failure", as_of="2016")) == ["agency"]
    # A consulate located in home is no channel to the country it represents, even counting a single entity.
    m3 = Mini()
    m3.entity("c", "consulate", "NO").entity("dk", "country", "DK")
    m3.tie("c", "home", "located_in")
    m3.tie("c", "dk", "consular")
    assert found(m3, "single_point_of_failure", rules=DEFAULT_RULES.with_values(min_cut_off=1)).empty


def test_a_body_is_no_single_point_of_failure_to_its_members():
    # The seed's case: Trondheim and NTNU are both members of Trøndelags Europakontor (Brussels), and the
    # county's partnership runs through it. Before, the office was "the only registered channel" between
    # Trondheim and NTNU; members meet in the body, it does not stand between them.
    m = Mini()
    m.entity("office", "eu_office", "BE").entity("ntnu", "university", "NO").entity("county", "county", "NO")
    m.tie("home", "office", "membership")
    m.tie("ntnu", "office", "membership")
    m.tie("county", "office", "membership")
    assert found(m, "single_point_of_failure", rules=DEFAULT_RULES.with_values(min_cut_off=1)).empty
    # A member that alone reaches others beyond the body is still one (the demo's student festival).
    m.entity("lab", "university", "DE")
    m.tie("ntnu", "lab", "partnership")
    df = found(m, "single_point_of_failure", rules=DEFAULT_RULES.with_values(min_cut_off=1))
    assert subjects(df) == ["ntnu"] and df.iloc[0]["evidence"].endswith("lab")


def test_single_point_of_failure_is_skipped_without_a_home():
    m = Mini()
    m.g.nodes["home"]["kind"] = "city"
    result = analysis.analyse(m.snap(), as_of=DAY, options=analysis.Options(kinds=("single_point_of_failure",)))
    assert result.summary.iloc[0]["method"] == "skipped"


def test_structural_hole():
    # uni has three contacts that are not tied to each other; biz has three that are all tied together.
    m = Mini()
    m.entity("uni", "university", "NO").entity("biz", "business_body", "NO")
    for i in range(3):
        m.entity(f"u{i}", "university", "DE").entity(f"b{i}", "city", "DK")
        m.tie("uni", f"u{i}", "partnership")
        m.tie("biz", f"b{i}", "partnership")
    m.tie("b0", "b1", "partnership")
    m.tie("b1", "b2", "partnership")
    m.tie("b0", "b2", "partnership")
    df = found(m, "structural_hole").set_index("subject")
    assert list(df.index) == ["uni"]
    assert df.loc["uni", "score"] == 3.0  # effective size 3 - 2*0/3
    # Said in plain words, with a decimal comma in Norwegian, and no method named without explanation.
    assert "3.0 of 3 contacts do not already know each other" in df.loc["uni", "explanation_en"]
    assert "3,0 av 3 kontakter kjenner ikke hverandre fra før" in df.loc["uni", "explanation_nb"]
    assert "Burt" not in df.loc["uni", "explanation_en"] + df.loc["uni", "explanation_nb"]


def test_structural_hole_leaves_out_home_consulates_planned_ties_and_members():
    # home has three unrelated contacts: never reported. biz has two partners, a planned partnership and
    # a consulate located at it: two real contacts, below three. office has three members only: they meet
    # in it, so it holds no hole between them.
    m = Mini()
    for i in range(3):
        m.entity(f"h{i}", "city", "DK")
        m.tie("home", f"h{i}", "partnership")
    m.entity("biz", "business_body", "NO").entity("c", "consulate", "NO").entity("office", "eu_office", "BE")
    for i in range(3):
        m.entity(f"b{i}", "city", "SE")
    m.tie("biz", "b0", "partnership")
    m.tie("biz", "b1", "partnership")
    m.tie("biz", "b2", "partnership", status="uncertain")
    m.tie("c", "biz", "located_in")
    for i in range(3):
        m.entity(f"m{i}", "university", "NO")
        m.tie(f"m{i}", "office", "membership")
    assert found(m, "structural_hole").empty
    # The planned partnership made real: biz has three contacts that do not know each other.
    m.g.edges["biz", "b2", "biz--b2"]["status"] = "active"
    assert subjects(found(m, "structural_hole")) == ["biz"]


def test_shared_partner():
    # uni and biz both work city x (uni through an institute located in x); they are not tied to each other.
    m = Mini()
    m.entity("x", "city", "DE").entity("inst", "university", "DE")
    m.entity("uni", "university", "NO").entity("biz", "business_body", "NO")
    m.tie("inst", "x", "located_in")
    m.tie("uni", "inst", "partnership", id="t1")
    m.tie("biz", "x", "exchange", id="t2")
    df = found(m, "shared_partner")
    assert subjects(df) == ["biz;uni"] and df.iloc[0]["severity"] == "medium"
    assert set(df.iloc[0]["evidence"].split(";")) == {"biz", "uni", "t1", "t2"}
    assert "X" in df.iloc[0]["explanation_en"] and "Germany" not in df.iloc[0]["explanation_en"]
    m.tie("uni", "biz", "partnership")
    assert found(m, "shared_partner").empty


def test_shared_partner_not_for_a_carrier_or_a_shared_activity():
    # friends carries home's tie to k: they work k together. home and uni signed at p in one activity.
    m = Mini()
    m.entity("k", "city", "ER").entity("friends", "voluntary_org", "NO")
    m.tie("home", "k", "partnership", carrier_id="friends")
    m.entity("p", "city", "PL").entity("uni", "university", "NO")
    m.tie("home", "p", "partnership")
    m.tie("uni", "p", "exchange")
    m.activity("signing", "signing", "2012", {"home": "party", "uni": "party", "p": "party"})
    assert found(m, "shared_partner").empty
    # Without the shared signing, home and uni do not know of each other at p.
    m.activities.clear()
    assert subjects(found(m, "shared_partner")) == ["home;uni"]


def test_shared_partner_in_a_country_only():
    # uni works a Polish institute, biz a Polish city: they share the country, not a city.
    m = Mini()
    m.entity("uni", "university", "NO").entity("biz", "business_body", "NO")
    m.entity("inst", "university", "PL").entity("k", "city", "PL")
    m.tie("uni", "inst", "partnership")
    m.tie("biz", "k", "partnership")
    df = found(m, "shared_partner")
    assert df.iloc[0]["severity"] == "low" and "Poland" in df.iloc[0]["explanation_en"]


def test_many_channels():
    # x is worked by home, uni and biz; its country adds nobody, so only the city is listed.
    m = Mini()
    m.sister("x", "DE")
    m.entity("uni", "university", "NO").entity("biz", "business_body", "NO")
    m.tie("uni", "x", "exchange")
    m.tie("biz", "x", "exchange")
    df = found(m, "many_channels")
    assert subjects(df) == ["x"] and df.iloc[0]["score"] == 3
    assert found(m, "many_channels", rules=DEFAULT_RULES.with_values(many_channels_min_actors=4)).empty


def test_likely_duplicate():
    # a and b: the same city 1.1 km apart; c: same name as a in another country; d and e: one name, folded.
    m = Mini()
    m.entity("a", "city", "SE", name="Exempelstad", lat=59.0, lon=16.0)
    m.entity("b", "city", "SE", name="Exempelstaden", lat=59.01, lon=16.0)
    m.entity("c", "city", "DK", name="Exempelstad", lat=59.0, lon=16.001)
    m.entity("d", "university", "PL", name="Kraków University")
    m.entity("e", "university", "PL", name="Krakow  university")
    df = found(m, "likely_duplicate").set_index("subject")
    assert sorted(df.index) == ["a;b", "d;e"]
    assert "1.1 km" in df.loc["a;b", "explanation_en"] and "same name" in df.loc["d;e", "explanation_en"]
    assert "1,1 km" in df.loc["a;b", "explanation_nb"]


def test_likely_duplicate_finds_nothing_in_distinct_entities():
    m = Mini()
    m.entity("a", "city", "SE", name="Exempelstad", lat=59.0, lon=16.0)
    m.entity("b", "city", "SE", name="Annanstad", lat=59.2, lon=16.0)  # 22 km away
    assert found(m, "likely_duplicate").empty


def test_opportunity():
    # uni and biz are active in y; only club in z (country level); home is in x and nowhere else.
    m = Mini()
    m.sister("x", "DE")
    m.entity("y", "city", "DE").entity("club", "voluntary_org", "NO").entity("zorg", "voluntary_org", "KE")
    m.entity("uni", "university", "NO").entity("biz", "business_body", "NO")
    m.tie("uni", "y", "exchange")
    m.tie("biz", "y", "exchange")
    m.tie("club", "zorg", "partnership")
    df = found(m, "opportunity")
    assert list(df["subject"]) == ["y", "country:KE"]  # ranked by Adamic-Adar
    # y: uni and biz each have one tie, plus the link to home: 2 * 1/log(2).
    assert df.iloc[0]["score"] == pytest.approx(2 / 0.6931, rel=1e-3)
    assert df.iloc[0]["severity"] == "medium" and df.iloc[1]["severity"] == "low"
    # The ranking is explained, not named; Norwegian numbers have a decimal comma.
    assert "Adamic" not in df.iloc[0]["explanation_en"] + df.iloc[0]["explanation_nb"]
    assert f"Rangering {render(number(2 / 0.6931, 2), 'nb')}" in df.iloc[0]["explanation_nb"]
    assert "Rangering 2,89" in df.iloc[0]["explanation_nb"] and "Ranking 2.89" in df.iloc[0]["explanation_en"]
    assert "fewer other ties" in df.iloc[0]["explanation_en"]


def test_opportunity_leaves_out_a_body_that_no_longer_exists():
    # A county dissolved in 2017 had a twinning with c (drawn without an end, so only the county's dissolution
    # can end it): an opportunity in 2010, nothing in 2025.
    m = Mini()
    m.sister("x", "DE")
    m.entity("c", "city", "CN").entity("county", "county", "NO", dissolved="2017-12-31")
    m.tie("county", "c", "partnership", start="2007")
    assert subjects(analysis.findings(m.snap(), "opportunity", as_of="2010")) == ["c"]
    assert found(m, "opportunity").empty


def test_opportunity_finds_nothing_where_the_municipality_is_present():
    m = Mini()
    m.sister("x", "DE")
    m.entity("uni", "university", "NO")
    m.tie("uni", "x", "exchange")
    assert found(m, "opportunity").empty
    # Present through a registered activity counts too: home visited y, where uni works.
    m.entity("y", "city", "DE")
    m.tie("uni", "y", "exchange")
    m.activity("visit", "visit", "2020", {"home": "visitor", "y": "host"})
    assert found(m, "opportunity").empty


def test_what_is_not_a_channel_uses_known_codes():
    from registry import rules as R, vocab

    assert R.NOT_CHANNEL_TIE_KINDS | R.MEMBER_TIE_KINDS <= {t.code for t in vocab.TIE_KINDS}
    assert R.NOT_CHANNEL_STATUSES <= {t.code for t in vocab.STATUSES}


# --- structure helpers against networkx and brute force ---------------------------------------


@pytest.mark.parametrize("seed", range(5))
def test_burt_agrees_with_networkx(seed):
    g = nx.relabel_nodes(nx.gnm_random_graph(30, 60, seed=seed), str)
    ours = burt(g, list(g))
    es, c = nx.effective_size(g), nx.constraint(g)
    for n in g:
        if g.degree(n):
            assert ours[n].effective_size == pytest.approx(es[n])
            assert ours[n].constraint == pytest.approx(c[n])


@pytest.mark.parametrize("seed", range(5))
def test_cut_points_agree_with_removing_each_node(seed):
    g = nx.relabel_nodes(nx.gnm_random_graph(30, 35, seed=seed), str)
    comp = nx.node_connected_component(g, "0")
    cuts = cut_points(g, "0")
    for v in comp - {"0"}:
        lost = comp - {v} - nx.node_connected_component(g.subgraph(comp - {v}), "0")
        assert set(cuts[v].cut_off if v in cuts else ()) == lost


# --- the whole analysis -------------------------------------------------------------------------


def test_analyse_on_the_seed_writes_every_kind(seeded, tmp_path):
    result = analysis.analyse(seeded, as_of=2025)
    paths = analysis.write_csv(result, tmp_path)
    assert {p.name for p in paths} == {f"{k.code}.csv" for k in FINDING_KINDS} | {
        "summary.csv", "coverage_sectors.csv", "coverage_actors.csv", "documentation.csv"}
    summary = pd.read_csv(tmp_path / "summary.csv").set_index("kind")
    assert list(summary.index) == [k.code for k in FINDING_KINDS]
    # Where each count comes from (data/*.csv, data/README.md), as of 2025-12-31:
    expected = {
        # Odense, Tampere, Kópavogur and Klaksvík have nothing but the twinning and the Nordic Platform
        # (one summary row); Dunfermline, Darmstadt, Graz, Norrköping (the 2016 jubilee), Vallejo and Petah
        # Tikva have activities, all with Trondheim kommune as the only local actor; Ramallah too, and its
        # memorandum's business and research have no activity (activities.csv has youth, culture and other there).
        "thin_relation": 8,
        # The six consulates have only their consular and located_in ties.
        "unused_consulate": 6,
        # Næringsforeningen and Trøndelags Europakontor are planned forum members (status uncertain) with
        # no tie to or activity in a sister or partner city; NTNU has Kraków; the county is dissolved.
        "forum_isolated": 2,
        # Strategy 2a asks goals and indicators of projects only: the EU/EEA and Interreg projects
        # (ties.csv, kind project) have none. The 11 twinnings and the partnerships all have a source.
        "undocumented_tie": 2,
        # declared_totals.csv: 6 of 22 consulates, 11 of 13 twin towns.
        "documentation_gap": 2,
        # Keren: the association's relation has reciprocity 'unknown' and no visits either way.
        "one_way_solidarity": 1,
        # Last dated activity: Darmstadt and Graz 1974, Vallejo 1997, Ramallah 2009, Norrköping 2016 (the
        # jubilee, norrkoping.se) - none in 2021-2025; Dunfermline's 80th anniversary (2025) keeps it off;
        # Petah Tikva's one activity has no date.
        "went_dormant": 5,
        # DU, KS, Norad, Nordisk ministerråd, ISFiT and IAESTE have no ties; Innovasjon Norge Trøndelag has none
        # (its predecessor's planned forum membership ended with it); Chongqing's twinning ended with the
        # dissolved Sør-Trøndelag fylkeskommune. The Keren association carries Trondheim's tie: not isolated.
        "isolated": 8,
        # SØT-samarbeidet and Trøndelags Europakontor reach Sundsvall, Östersund, NTNU and Trøndelag
        # fylkeskommune only as bodies they are members of: a body is no channel between its members.
        "single_point_of_failure": 0,
        # Without consulates, planned ties, Trondheim itself and a body's own members, no local actor has
        # three contacts.
        "structural_hole": 0,
        # NTNU and Trondheim signed their Kraków letters of intent in one activity; the Keren association
        # carries Trondheim's own tie. Neither is 'same partner, no contact'.
        "shared_partner": 0,
        # Trondheim is present at every place a local actor works, and the county that had Chongqing is gone.
        "opportunity": 0,
    }
    for kind, count in expected.items():
        assert summary.loc[kind, "count"] == count, kind
    for kind, rec in summary.iterrows():
        frame = pd.read_csv(tmp_path / f"{kind}.csv")
        assert len(frame) == rec["count"]
        if rec["count"] == 0:
            assert rec["note_en"].startswith("none found in this data"), kind
    thin = pd.read_csv(tmp_path / "thin_relation.csv").set_index("subject")
    assert "klaksvik;kopavogur;odense;tampere" in thin.index  # Norrköping has its 2016 jubilee
    assert thin.loc["ramallah", "severity"] == "medium"
    assert "no activity registered in research and business" in thin.loc["ramallah", "explanation_en"]
    docs = pd.read_csv(tmp_path / "documentation_gap.csv").set_index("subject")
    assert docs.loc["consulates", "explanation_en"].startswith("6 of 22 consulates are documented")
    assert docs.loc["sister_cities", "explanation_nb"].startswith("11 av 13 vennskapsbyer er dokumentert")


def test_no_finding_on_the_seed_contradicts_its_sources(seeded):
    # data/README.md: Sør-Trøndelag fylkeskommune was dissolved 2017-12-31 and Innovasjon Norge Sør-Trøndelag
    # in 2016; the Keren association runs Trondheim's solidarity relation; Dunfermline's 80th anniversary
    # was in 2025; the 2010 forum composition is planned (status uncertain).
    df = analysis.analyse(seeded, as_of=2025).all()
    named = {n for col in ("subject", "evidence") for v in df[col] for n in str(v).split(";")}
    assert not named & {"sor-trondelag-fylkeskommune", "innovasjon-norge-sor-trondelag"}
    assert "dunfermline" not in set(df.loc[df["kind"] == "went_dormant", "subject"])
    assert "vennskap-trondheim-keren" not in set(df.loc[df["kind"].isin(["isolated", "shared_partner"]), "subject"])
    forum = df[df["kind"] == "forum_isolated"]
    assert forum["explanation_en"].str.contains("planned member").all()
    structural = df[df["kind"].isin(["structural_hole", "single_point_of_failure"])]
    assert not any(str(v).startswith("consulate-") for v in structural["evidence"].str.split(";").explode())


def test_findings_say_what_to_do_next_in_plain_words(seeded):
    # Every explanation ends with a next step in both languages; Norwegian numbers have a decimal comma;
    # method names never reach the text. Checked on the seed and on a drawing with a hole and a duplicate.
    m = Mini()
    m.entity("uni", "university", "NO")
    for i in range(3):
        m.entity(f"u{i}", "university", "DE")
        m.tie("uni", f"u{i}", "partnership")
    m.entity("a", "city", "SE", name="Exempelstad", lat=59.0, lon=16.0)
    m.entity("b", "city", "SE", name="Exempelstaden", lat=59.01, lon=16.0)
    frames = [analysis.analyse(seeded, as_of=2025).all(), analysis.analyse(m.snap(), as_of=DAY).all()]
    df = pd.concat(frames, ignore_index=True)
    assert {"structural_hole", "likely_duplicate", "thin_relation"} <= set(df["kind"])
    for rec in df.itertuples():
        assert "Neste steg:" in rec.explanation_nb and "Next:" in rec.explanation_en, rec.kind
        assert not re.search(r"\d\.\d", rec.explanation_nb), rec.explanation_nb
        for name in ("Burt", "Adamic"):
            assert name not in rec.explanation_nb and name not in rec.explanation_en


def test_the_overviews_urgent_list_shows_different_kinds(seeded):
    findings = analysis.analyse(seeded, as_of=2025).all()
    rank = {"high": 0, "medium": 1, "low": 2, "info": 3}
    findings = findings.sort_values("severity", key=lambda c: c.map(rank), kind="stable")  # as the review sorts
    urgent = urgent_findings(findings, limit=8)
    assert len(urgent) == 8 and urgent["kind"].value_counts().max() == 1  # more than eight kinds to show
    assert urgent_findings(findings, limit=30)["kind"].value_counts().max() == 2
    ranks = urgent["severity"].map({"high": 0, "medium": 1, "low": 2}).tolist()
    assert ranks == sorted(ranks)


def test_analyse_of_an_empty_registry_says_none_found(conn):
    result = analysis.analyse(conn, as_of=2025)
    assert result.all().empty and (result.summary["count"] == 0).all()
    assert set(result.summary["method"]) <= {"exact", "skipped"}


def test_analyse_takes_a_subset_of_kinds_and_refuses_unknown_ones(seeded):
    result = analysis.analyse(seeded, as_of=2025, options=analysis.Options(kinds=("isolated",)))
    assert list(result.findings) == ["isolated"] and len(result.summary) == 1
    with pytest.raises(KeyError, match="nope"):
        analysis.analyse(seeded, options=analysis.Options(kinds=("nope",)))


def test_findings_are_sorted_by_severity(seeded):
    df = analysis.analyse(seeded, as_of=2025).all()
    assert len(df) > 0
    for _, part in df.groupby("kind", sort=False):
        order = part["severity"].map({"high": 0, "medium": 1, "low": 2, "info": 3}).tolist()
        assert order == sorted(order)


def test_a_context_is_shared_not_rebuilt(seeded):
    ctx = prepare(seeded, 2025)
    assert prepare(ctx, 2025) is ctx
    assert prepare(ctx, 2024) is not ctx and prepare(ctx, 2024).snap is ctx.snap


def test_cli_analyse_writes_the_csv_files(seeded, db_path, tmp_path, capsys):
    from registry import cli

    out = tmp_path / "out"
    assert cli.main(["analyse", "--db", str(db_path), "--as-of", "2025", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "none found in this data" in printed and str(out) in printed
    assert {p.name for p in out.iterdir()} >= {"summary.csv", "thin_relation.csv", "opportunity.csv"}
    assert len(pd.read_csv(out / "thin_relation.csv")) == 8  # as in test_analyse_on_the_seed_writes_every_kind


def test_caps_are_reported_in_the_summary():
    # Three local actors with three contacts each; measuring only one is a sample, and the summary says so.
    m = Mini()
    m.entity("x", "city", "DE")
    for a in ("a", "b", "c"):
        m.entity(a, "university", "NO")
        for i in range(3):
            m.entity(f"{a}{i}", "university", "DE")
            m.tie(a, f"{a}{i}", "partnership")
        m.tie(a, "x", "exchange")
    rules = DEFAULT_RULES.with_values(hole_max_actors=1, shared_partner_max_actors=2)
    result = analysis.analyse(m.snap(), as_of=DAY, options=analysis.Options(rules=rules))
    summary = result.summary.set_index("kind")
    assert summary.loc["structural_hole", "method"] == "sampled"
    assert "best-connected" in summary.loc["structural_hole", "note_en"]
    assert len(result.findings["structural_hole"]) == 1
    # x is worked by three actors, above the pairwise cap of two: listed under many_channels instead.
    assert result.findings["shared_partner"].empty
    assert "many channels" in summary.loc["shared_partner", "note_en"]
    assert "mange kanaler" in summary.loc["shared_partner", "note_nb"]  # the note is written in each language
    assert list(result.findings["many_channels"]["subject"]) == ["x"]


def test_documentation_counts_what_is_documented_against_declared_totals():
    # home with two consulates located in it (one ended) and one sister city; a source declares
    # 22 consulates and 13 twin towns. Documented: 1 consulate now, 1 sister city.
    from registry.graph import Snapshot

    m = Mini()
    m.entity("c1", "consulate", "NO").entity("c2", "consulate", "NO")
    m.tie("c1", "home", "located_in")
    m.tie("c2", "home", "located_in", end="2019", status="ended")
    m.sister("x")
    totals = (
        {"id": "a", "entity_id": "home", "measure": "consulates", "total": 22, "as_of": "2010-01-28", "source": "s"},
        {"id": "b", "entity_id": "home", "measure": "sister_cities", "total": 13, "as_of": None, "source": "s"},
        {"id": "c", "entity_id": "other", "measure": "consulates", "total": 99, "as_of": None, "source": "s"},
    )
    snap = m.snap()
    snap = Snapshot(snap.graph, declared_totals=totals)
    df = analysis.documentation(prepare(snap, "2025-12-31", home_id="home"))
    assert df[["measure", "documented", "declared", "missing"]].values.tolist() == [
        ["consulates", 1, 22, 21], ["sister_cities", 1, 13, 12]]
    assert list(df["text_nb"]) == ["1 av 22 konsulater er dokumentert", "1 av 13 vennskapsbyer er dokumentert"]
    assert list(df["text_en"]) == ["1 of 22 consulates are documented", "1 of 13 twin towns are documented"]


def test_documentation_gap_from_declared_totals():
    # home documents 1 consulate of a declared 22 (less than half: medium) and its only twin town of a
    # declared 1 (nothing missing: no row).
    m = Mini()
    m.entity("c1", "consulate", "NO")
    m.tie("c1", "home", "located_in")
    m.sister("x")
    totals = (
        {"id": "a", "entity_id": "home", "measure": "consulates", "total": 22, "as_of": "2010-01-28", "source": "s"},
        {"id": "b", "entity_id": "home", "measure": "sister_cities", "total": 1, "as_of": None, "source": "s"},
    )
    df = found_in(snap_with(m, declared_totals=totals), "documentation_gap")
    assert list(df["subject"]) == ["consulates"] and df.iloc[0]["severity"] == "medium" and df.iloc[0]["score"] == 21
    assert df.iloc[0]["explanation_en"].startswith("1 of 22 consulates are documented (source: s, as of 2010-01-28)")
    assert "invite each consul to the international forum" in df.iloc[0]["explanation_en"]
    # Two of three twin towns documented: more than half, so low.
    m.sister("y")
    three = (totals[1] | {"total": 3},)
    df = found_in(snap_with(m, declared_totals=three), "documentation_gap")
    assert (df.iloc[0]["subject"], df.iloc[0]["severity"], df.iloc[0]["score"]) == ("sister_cities", "low", 1)
    assert found_in(snap_with(m, declared_totals=(totals[1] | {"total": 2},)), "documentation_gap").empty


# --- findings worth reading: facts as messages, written only in registry/i18n -------------------


def test_findings_are_messages_rendered_in_i18n(seeded):
    # Every row a finding kind returns carries its explanation as a message whose code the analysis' i18n parts
    # (findings, suggestions) declare; the table's explanation columns are that message written in each language.
    from registry.analysis import FUNCTIONS
    from registry.i18n import Message
    from registry.i18n.findings import TEMPLATES as _FINDINGS
    from registry.i18n.suggestions import TEMPLATES as _SUGGESTIONS

    FINDING_TEMPLATES = {**_FINDINGS, **_SUGGESTIONS}

    ctx = prepare(seeded, 2025)
    seen = 0
    for kind, fn in FUNCTIONS.items():
        for r in fn(ctx).rows:
            assert isinstance(r["message"], Message) and r["message"].code in FINDING_TEMPLATES, kind
            assert "explanation_nb" not in r  # text is made at the edge, not by the finding kind
            seen += 1
    assert seen > 20
    df = analysis.analyse(seeded, as_of=2025).all()
    rows = [r for k, fn in FUNCTIONS.items() for r in fn(ctx).rows]
    assert list(df["explanation_nb"]) == [render(r["message"], "nb") for r in _sorted_like(df, rows)]


def _sorted_like(df: pd.DataFrame, rows: list[dict]) -> list[dict]:
    """Return ``rows`` in the order of ``df`` (by kind and subject; the table is sorted by severity within a kind)."""
    by = {(r["kind"], r["subject"]): r for r in rows}
    return [by[(k, s)] for k, s in zip(df["kind"], df["subject"])]


def test_no_function_of_the_analysis_takes_a_language():
    # Text is written in registry/i18n alone: no finding kind, helper or output of the analysis is given a
    # language. The one exception is Roles.name, which the review package still calls with one.
    import inspect
    import pkgutil

    import registry.analysis as pkg

    found_lang = []
    for info in pkgutil.iter_modules(pkg.__path__):
        mod = __import__(f"registry.analysis.{info.name}", fromlist=["_"])
        for name, obj in vars(mod).items():
            members = [(name, obj)] + ([(f"{name}.{m}", f) for m, f in vars(obj).items()] if inspect.isclass(obj) else [])
            for qual, f in members:
                if inspect.isfunction(f) and f.__module__ == mod.__name__ and "lang" in inspect.signature(f).parameters:
                    found_lang.append(f"{info.name}.{qual}")
    assert sorted(set(found_lang)) == ["roles.Roles.name"]


def test_seed_findings_name_things_and_quote_the_strategy(seeded):
    # No technical id in prose (names instead); one row per subject and kind; «bør» where the strategy says «bør».
    import csv as _csv

    from registry import seed as _seed

    ids = set()
    for table in ("entities.csv", "ties.csv"):
        with open(_seed.DATA_DIR / table, encoding="utf-8") as fh:
            ids |= {r["id"] for r in _csv.DictReader(fh) if "-" in r["id"]}
    df = analysis.analyse(seeded, as_of=2025).all()
    for text in list(df["explanation_nb"]) + list(df["explanation_en"]) + list(df["subject_name"]):
        words = set(re.findall(r"[a-z0-9]+(?:-+[a-z0-9]+)+", text))
        assert not words & ids, (words & ids, text[:120])
    assert not df.duplicated(["kind", "subject"]).any()
    sol = df[df["kind"] == "one_way_solidarity"].iloc[0]
    assert "«Det bør imidlertid være et krav om en toveis relasjon»" in sol["explanation_nb"]
    assert "krever" not in " ".join(df["explanation_nb"])
    # The subject's name is written in each language from the same data (no translation of a Norwegian name).
    thin = df[df["kind"] == "thin_relation"].set_index("subject")
    # Norrköping has its 2016 jubilee (norrkoping.se), so four cities hold nothing beyond their agreement.
    assert thin.loc["klaksvik;kopavogur;odense;tampere", ["subject_name", "subject_name_en"]].tolist() == [
        "4 vennskapsbyer", "4 sister cities"]
    assert "should, however, be a requirement" in sol["explanation_en"]
    # 2a is asked of the two projects only, not of the 1945 friendship bonds.
    undocumented = df[df["kind"] == "undocumented_tie"]
    assert sorted(undocumented["subject"]) == ["trondheim--eu-eos-programmer", "trondheim--interreg"]
    assert df[df["kind"] == "single_point_of_failure"].empty  # no Brussels office as "the only channel" to NTNU


# --- the home's network (registry.analysis.scope) -----------------------------------------------


def _two_homes() -> Mini:
    # home (the registry's own, configured) and berg, both Norwegian municipalities:
    #   home -- uni (partnership), uni -- lab (DE, partnership), home -- graz, home -- darm (twins),
    #   graz -- darm (their own twinning: a leg between two of home's twins)
    #   berg -- club (partnership), club -- seat (US, partnership), berg -- got (twin)
    #   agency works with both (a partnership with each); fest has no tie at all.
    m = Mini()
    m.entity("berg", "municipality", "NO", name="Berg kommune")
    for n, k, c in [("uni", "university", "NO"), ("lab", "university", "DE"), ("club", "voluntary_org", "NO"),
                    ("seat", "city", "US"), ("agency", "public_agency", "NO"), ("fest", "student_org", "NO")]:
        m.entity(n, k, c)
    m.sister("graz", "AT")
    m.sister("darm", "DE")
    m.tie("graz", "darm", "sister_city")
    m.tie("home", "uni", "partnership")
    m.tie("uni", "lab", "partnership")
    m.entity("got", "city", "SE")
    m.tie("berg", "got", "sister_city")
    m.tie("berg", "club", "partnership")
    m.tie("club", "seat", "partnership")
    m.tie("home", "agency", "partnership")
    m.tie("berg", "agency", "partnership")
    return m


def test_each_home_sees_its_own_network():
    from registry.analysis.scope import home_scope

    snap = replace(_two_homes().snap(), settings={"home_id": "home"})
    mine = home_scope(snap, "home")
    theirs = home_scope(snap, "berg")
    # The actors each works with, their partners, and the agency both work with; what no municipality
    # reaches (fest) is the registry's own home's; the twins' own leg (graz -- darm) is nobody's here.
    assert set(mine.graph) == {"home", "uni", "lab", "graz", "darm", "agency", "fest"}
    assert set(theirs.graph) == {"berg", "club", "seat", "got", "agency"}
    assert ("graz", "darm") not in {(u, v) for u, v in mine.graph.edges()}
    assert {k for *_, k in theirs.graph.edges(keys=True)} == {"berg--got", "berg--club", "club--seat", "berg--agency"}
    # The analysis for berg speaks of berg's network only.
    result = analysis.analyse(snap, as_of=DAY, options=analysis.Options(home_id="berg"))
    named = set(";".join(result.all()["evidence"]).split(";")) | set(";".join(result.all()["subject"]).split(";"))
    assert not named & {"home", "uni", "lab", "graz", "darm", "fest", "graz--darm"}
    assert "fest" in set(analysis.analyse(snap, as_of=DAY).findings["isolated"]["subject"])
