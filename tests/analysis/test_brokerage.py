"""Structural holes (registry.analysis.brokerage): local actors whose contacts do not know each other, and Burt's
measures against networkx.
"""

import networkx as nx
import pytest

from registry.analysis.brokerage import burt
from tests.analysis.graphs import found, subjects
from tests.mini import Mini


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


@pytest.mark.parametrize("seed", range(5))
def test_burt_agrees_with_networkx(seed):
    g = nx.relabel_nodes(nx.gnm_random_graph(30, 60, seed=seed), str)
    ours = burt(g, list(g))
    es, c = nx.effective_size(g), nx.constraint(g)
    for n in g:
        if g.degree(n):
            assert ours[n].effective_size == pytest.approx(es[n])
            assert ours[n].constraint == pytest.approx(c[n])
