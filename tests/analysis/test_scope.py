"""The home's network (registry.analysis.scope): each home municipality sees and is analysed on its own network."""

from dataclasses import replace

from registry import analysis
from tests.analysis.graphs import DAY
from tests.mini import Mini


def _two_homes() -> Mini:
    # home (the registry's own, configured) and berg, both Norwegian municipalities:
    #   home -- uni (partnership), uni -- lab (DE, partnership), home -- graz, home -- darm (twins),
    #   graz -- darm (their own twinning: a leg between two of home's twins)
    #   berg -- club (partnership), club -- seat (US, partnership), berg -- got (twin)
    #   agency works with both (a partnership with each); fest has no tie at all.
    m = Mini()
    m.entity("berg", "municipality", "NO", name="Berg kommune")
    for n, k, c in [
        ("uni", "university", "NO"),
        ("lab", "university", "DE"),
        ("club", "voluntary_org", "NO"),
        ("seat", "city", "US"),
        ("agency", "public_agency", "NO"),
        ("fest", "student_org", "NO"),
    ]:
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
