"""Metrics per entity: ties by kind, what an entity is tied to, betweenness, last activity."""

from datetime import date

import networkx as nx
import pandas as pd
import pytest

from registry.analysis import metrics
from registry.analysis.metrics import betweenness, entity_metrics, last_activity


def tiny() -> nx.MultiDiGraph:
    """home (NO municipality) -> a (SE city) sister city t1; home -> b (DE city) sister city t2 and partnership t3
    (two ties, one pair); uni (NO university) -> b partnership t4; home -> net (network, no country) membership t5.

    Undirected and without parallels: a - home - b - uni, and home - net.
    """
    g = nx.MultiDiGraph()
    for n, kind, cc in (("home", "municipality", "NO"), ("a", "city", "SE"), ("b", "city", "DE"),
                        ("uni", "university", "NO"), ("net", "network", None)):
        g.add_node(n, name=n.title(), name_en=f"{n.title()} (en)", kind=kind, **({"country_code": cc} if cc else {}))
    for u, v, k, kind in (("home", "a", "t1", "sister_city"), ("home", "b", "t2", "sister_city"),
                          ("home", "b", "t3", "partnership"), ("uni", "b", "t4", "partnership"),
                          ("home", "net", "t5", "membership")):
        g.add_edge(u, v, key=k, kind=kind)
    return g


ACTIVITIES = [
    {"start": "2019-05", "participants": (("home", "host"),), "tie_ids": ()},
    {"start": "2021", "end": "2022-03", "participants": (), "tie_ids": ("t4",)},  # counts for both ends of t4
    {"start": "2024", "participants": (), "tie_ids": ("t1",)},
    {"start": None, "participants": (("net", "member"),), "tie_ids": ()},  # no date: no last activity from it
]


def test_ties_by_kind_neighbours_countries_and_cities():
    m = entity_metrics(tiny(), "en", ACTIVITIES).set_index("id")
    # The tie kinds of the graph in vocabulary order, one column each.
    assert [c for c in m.columns if c.startswith("ties_")] == ["ties_sister_city", "ties_partnership", "ties_membership"]
    # home: t1, t2, t3, t5 -> 4 ties (2 sister city, 1 partnership, 1 membership); tied to a, b, net (3);
    # countries SE and DE (net has none) -> 2; cities a and b -> 2.
    home = m.loc["home"]
    assert (home.ties, home.ties_sister_city, home.ties_partnership, home.ties_membership) == (4, 2, 1, 1)
    assert (home.neighbours, home.countries, home.cities) == (3, 2, 2)
    # b: t2, t3 in and t4 in -> 3 ties; tied to home and uni (both NO) -> 1 country; one municipality -> 1 city.
    b = m.loc["b"]
    assert (b.ties, b.neighbours, b.countries, b.cities) == (3, 2, 1, 1)
    assert m.loc["net"].ties == 1 and m.loc["net"].countries == 1  # tied to home (NO)
    # Names in the language asked for; the most tied first.
    assert m.loc["a", "name"] == "A (en)" and list(m.index[:2]) == ["home", "b"]
    assert entity_metrics(tiny(), "nb").set_index("id").loc["a", "name"] == "A"


def test_betweenness_is_the_share_of_shortest_paths_through_a_node():
    m = entity_metrics(tiny(), "en", ACTIVITIES).set_index("id")
    # 5 nodes: 6 pairs of other nodes for each. home lies on every path between two others except b-uni: 5/6.
    # b lies on the paths from uni to home, a and net: 3/6. The leaves a, uni and net lie on none.
    assert m.loc["home", "betweenness"] == pytest.approx(5 / 6, abs=1e-4)
    assert m.loc["b", "betweenness"] == pytest.approx(0.5)
    assert m.loc[["a", "uni", "net"], "betweenness"].tolist() == [0, 0, 0]
    assert m.attrs["sampled"] is None


def test_betweenness_is_sampled_past_the_limit_and_says_so(monkeypatch):
    monkeypatch.setattr(metrics, "EXACT_BETWEENNESS_MAX_NODES", 3)
    monkeypatch.setattr(metrics, "BETWEENNESS_SAMPLE", 4)
    scores, k = betweenness(tiny())
    assert k == 4 and set(scores) == set(tiny())
    assert entity_metrics(tiny()).attrs["sampled"] == 4


def test_last_activity_counts_participants_and_both_ends_of_a_tie():
    g = tiny()
    # home: 2019-05 (host) and 2024 (an activity of t1); uni and b: 2022-03 (the end of an activity of t4).
    assert last_activity(g, ACTIVITIES) == {"home": "2024", "a": "2024", "uni": "2022-03", "b": "2022-03"}
    # As of 2020, the later activities had not begun.
    assert last_activity(g, ACTIVITIES, as_of=date(2020, 12, 31)) == {"home": "2019-05"}
    m = entity_metrics(g, "en", ACTIVITIES).set_index("id")
    assert m.loc["home", "last_activity"] == "2024" and pd.isna(m.loc["net", "last_activity"])


def _random_registry(seed: int, n: int, ties: int) -> nx.MultiDiGraph:
    """A random MultiDiGraph with parallel ties, ties both ways, self-loops, isolated nodes and several components."""
    import random

    rng = random.Random(seed)
    g = nx.MultiDiGraph()
    g.add_nodes_from(f"e{i}" for i in range(n))
    for t in range(ties):
        # Most ties inside the first two thirds (one big component), a few among the rest.
        top = n * 2 // 3 if t % 5 else n
        u, v = f"e{rng.randrange(top)}", f"e{rng.randrange(top)}"
        g.add_edge(u, v, key=f"t{t}")
    return g


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_betweenness_is_networkx_s_exact_and_sampled(monkeypatch, seed):
    # The expected numbers are networkx's own, on the undirected simple graph the docstring describes.
    from registry.network.graph import to_simple_graph

    g = _random_registry(seed, 120, 160)
    simple = to_simple_graph(g)
    scores, sampled = betweenness(g)
    expected = nx.betweenness_centrality(simple)
    assert sampled is None and scores == pytest.approx(expected, abs=1e-12)
    # Sampled: the same start nodes as networkx draws with the same seed, the same scaling.
    monkeypatch.setattr(metrics, "EXACT_BETWEENNESS_MAX_NODES", 50)
    monkeypatch.setattr(metrics, "BETWEENNESS_SAMPLE", 30)
    scores, sampled = betweenness(g, seed=seed)
    assert sampled == 30
    assert scores == pytest.approx(nx.betweenness_centrality(simple, k=30, seed=seed), abs=1e-12)
    assert betweenness(simple, seed=seed)[0] == pytest.approx(scores, abs=1e-12)
