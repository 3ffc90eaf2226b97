"""Unused actors (registry.analysis.unused_actors): consulates with no other active relation, forum members that work
nothing abroad.
"""

from tests.analysis.graphs import found, subjects
from tests.mini import Mini


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
