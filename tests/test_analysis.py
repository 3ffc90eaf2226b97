"""Gaps, overlaps and opportunities: each finding kind on a tiny registry with a known answer, and on the seed."""

import networkx as nx
import pandas as pd
import pytest

from registry import analysis
from registry.analysis.context import prepare
from registry.analysis.structure import burt, cut_points
from registry.rules import DEFAULT_RULES, FINDING_KINDS
from tests.mini import Mini

DAY = "2025-12-31"


def found(m: Mini, kind: str, **options) -> pd.DataFrame:
    df = analysis.findings(m.snap(), kind, as_of=DAY, options=analysis.Options(**options))
    assert list(df.columns) == list(analysis.FINDING_COLUMNS)
    assert (df["kind"] == kind).all()
    assert all(df["explanation_nb"].str.len() > 0) and all(df["explanation_en"].str.len() > 0)
    return df


def subjects(df: pd.DataFrame) -> list[str]:
    return sorted(df["subject"])


# --- gaps ---------------------------------------------------------------------------------------


def test_municipal_only():
    # x: only the twinning. y: twinning plus a university's exchange.
    m = Mini()
    m.sister("x")
    m.sister("y")
    m.entity("uni", "university", "NO")
    m.tie("uni", "y", "exchange", start="2020")
    df = found(m, "municipal_only")
    assert subjects(df) == ["x"] and df.iloc[0]["evidence"] == "home--x"


def test_municipal_only_finds_nothing_when_every_sister_city_has_another_actor():
    m = Mini()
    m.sister("y")
    m.entity("friends", "voluntary_org", "NO")
    m.tie("friends", "y", "exchange", carrier_id="friends")
    assert found(m, "municipal_only").empty


def test_coverage_matrices_and_their_gaps():
    # x: twinning (culture) and a university project in research;health. y: only the twinning.
    m = Mini()
    m.sister("x", sectors="culture")
    m.sister("y")
    m.entity("uni", "university", "NO")
    m.tie("uni", "x", "project", sectors="research;health", start="2021")
    ctx = prepare(m.snap(), DAY)
    sectors, actors = analysis.coverage(ctx)
    row = sectors.set_index("city_id").loc["x"]
    assert (row["culture"], row["research"], row["health"], row["education"]) == (1, 1, 1, 0)
    assert actors.set_index("city_id").loc["x", ["municipality", "university", "voluntary_org"]].tolist() == [1, 1, 0]
    gaps = found(m, "sector_gap").set_index("subject")
    assert gaps.loc["x", "score"] == 2 and gaps.loc["x", "severity"] == "low"  # education, business missing
    assert gaps.loc["y", "score"] == 5 and gaps.loc["y", "severity"] == "medium"  # none covered
    assert "education, business" in gaps.loc["x", "explanation_en"]
    agaps = found(m, "actor_gap").set_index("subject")
    assert agaps.loc["x", "score"] == 3 and agaps.loc["y", "score"] == 4


def test_coverage_gaps_find_nothing_when_everything_is_covered():
    m = Mini()
    m.sister("x", sectors="education;research;health;culture;business")
    for kind in ("university", "business_body", "student_org", "voluntary_org"):
        m.entity(kind, kind, "NO")
        m.tie(kind, "x", "exchange")
    assert found(m, "sector_gap").empty and found(m, "actor_gap").empty


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
    # A sister city in Estonia makes the same finding milder: the country has a relation to build on.
    m.sister("tartu-like", "EE")
    assert found(m, "unused_consulate").iloc[0]["severity"] == "low"
    m.tie("c-ee", "forum", "forum_member")
    assert found(m, "unused_consulate").empty


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
    m = Mini()
    m.sister("x", goals="g", indicators="i")  # documented
    m.sister("y", goals="g")  # no indicators
    m.sister("z", source="")  # nothing at all
    m.tie("home", "x", "membership")  # not a kind that needs goals
    df = found(m, "undocumented_tie").set_index("subject")
    assert sorted(df.index) == ["home--y", "home--z"]
    assert (df.loc["home--y", "severity"], df.loc["home--z", "severity"]) == ("low", "high")
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


def test_single_point_of_failure():
    # home -- forum -- {uni, biz}; uni -- inst (abroad). The forum cuts three off; uni cuts inst (one, below 2).
    m = Mini()
    m.entity("forum", "forum", "NO").entity("uni", "university", "NO").entity("biz", "business_body", "NO")
    m.entity("inst", "university", "DE")
    m.tie("home", "forum", "forum_member")
    m.tie("uni", "forum", "forum_member")
    m.tie("biz", "forum", "forum_member")
    m.tie("uni", "inst", "partnership")
    df = found(m, "single_point_of_failure")
    assert subjects(df) == ["forum"] and df.iloc[0]["score"] == 3
    assert "single tie" in df.iloc[0]["explanation_en"]  # its own link to home is one tie (a bridge)
    # A second path from home to uni: now only biz hangs on the forum, which is below the threshold.
    m.tie("home", "uni", "partnership")
    assert found(m, "single_point_of_failure").empty


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
    assert "efficiency 1.00" in df.loc["uni", "explanation_en"]


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


def test_opportunity_finds_nothing_where_the_municipality_is_present():
    m = Mini()
    m.sister("x", "DE")
    m.entity("uni", "university", "NO")
    m.tie("uni", "x", "exchange")
    assert found(m, "opportunity").empty


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
    # Known from data/: 11 sister cities, each only with Trondheim's own tie; 6 consulates and nothing else;
    # 11 twinnings + 4 partnerships without goals; Keren's association has undocumented reciprocity;
    # 5 funding programmes and ISFiT and IAESTE without ties, Keren and its association apart from Trondheim.
    expected = {"municipal_only": 11, "sector_gap": 11, "actor_gap": 11, "unused_consulate": 6,
                "undocumented_tie": 15, "one_way_solidarity": 1, "isolated": 9, "opportunity": 2}
    for kind, count in expected.items():
        assert summary.loc[kind, "count"] == count, kind
    for kind, rec in summary.iterrows():
        frame = pd.read_csv(tmp_path / f"{kind}.csv")
        assert len(frame) == rec["count"]
        if rec["count"] == 0:
            assert rec["note_en"].startswith("none found in this data"), kind
    assert sorted(pd.read_csv(tmp_path / "opportunity.csv")["subject"]) == ["chongqing", "keren"]
    shared = pd.read_csv(tmp_path / "shared_partner.csv")
    assert list(shared["subject"]) == ["ntnu;trondheim"] and "Poland" in shared.iloc[0]["explanation_en"]


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
    assert {p.name for p in out.iterdir()} >= {"summary.csv", "municipal_only.csv", "opportunity.csv"}
    assert len(pd.read_csv(out / "municipal_only.csv")) == 11


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
    assert "many_channels" in summary.loc["shared_partner", "note_en"]
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
