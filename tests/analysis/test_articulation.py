"""Single points of failure (registry.analysis.articulation): actors whose loss cuts others off from the home, and
the cut points against removing each node.
"""

import networkx as nx
import pytest

from registry import analysis
from registry.analysis.articulation import cut_points
from registry.thresholds import DEFAULT_RULES
from tests.analysis.graphs import DAY, found, subjects
from tests.mini import Mini


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


@pytest.mark.parametrize("seed", range(5))
def test_cut_points_agree_with_removing_each_node(seed):
    g = nx.relabel_nodes(nx.gnm_random_graph(30, 35, seed=seed), str)
    comp = nx.node_connected_component(g, "0")
    cuts = cut_points(g, "0")
    for v in comp - {"0"}:
        lost = comp - {v} - nx.node_connected_component(g.subgraph(comp - {v}), "0")
        assert set(cuts[v].cut_off if v in cuts else ()) == lost
