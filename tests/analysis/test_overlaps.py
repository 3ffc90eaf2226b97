"""Overlaps (registry.analysis.overlaps): shared partners, many channels to one place, likely duplicates and
opportunities.
"""

import pytest

from registry import analysis
from registry.analysis.rows import number
from registry.i18n import render
from registry.thresholds import DEFAULT_RULES
from tests.analysis.graphs import found, subjects
from tests.mini import Mini


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
