"""One-way solidarity (registry.analysis.solidarity): solidarity relations that are not (known to be) two-way."""

from tests.analysis.graphs import found
from tests.mini import Mini


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
