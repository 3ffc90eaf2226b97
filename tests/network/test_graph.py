"""The registry as a graph: as-of and kind/sector/country filters, filtering in memory, snapshots, export."""

from datetime import date

import networkx as nx
import pytest

from registry.network.gexf import write_graph
from registry.network.graph import GraphFilter, build_graph, filter_graph, snapshot, tie_active, to_simple_graph
from registry.store import writes as store

A = "test"


def _registry(conn):
    """home (NO) -- a (SE city) since 1990, ended 2000; home -- b (DE city) from 2010, sector culture;
    uni (NO university) -- b partnership with no start, sectors research;education; uni -- c suspended."""
    for id, kind, cc in (
        ("home", "municipality", "NO"),
        ("a", "city", "SE"),
        ("b", "city", "DE"),
        ("uni", "university", "NO"),
        ("c", "city", "DE"),
    ):
        store.insert(conn, "entities", {"id": id, "kind": kind, "name": id, "country_code": cc, "source": "s"}, actor=A)
    ties = [
        {"id": "home--a", "from_id": "home", "to_id": "a", "kind": "sister_city", "start": "1990", "end": "2000", "status": "ended"},
        {"id": "home--b", "from_id": "home", "to_id": "b", "kind": "sister_city", "start": "2010", "sectors": "culture"},
        {"id": "uni--b", "from_id": "uni", "to_id": "b", "kind": "partnership", "sectors": "research;education"},
        {"id": "uni--c", "from_id": "uni", "to_id": "c", "kind": "exchange", "start": "2005-06", "status": "suspended"},
    ]
    for t in ties:
        store.insert(conn, "ties", {**t, "source": "s"}, actor=A)
    return conn


@pytest.mark.parametrize(
    "start, end, status, day, expected",
    [
        ("1990", None, "active", date(1990, 1, 1), True),  # starts within the year: counts from its first day
        ("1990-06", None, "active", date(1990, 5, 31), False),  # not begun yet
        (None, None, "active", date(1900, 1, 1), True),  # unknown start counts (unknown, not absent)
        ("1990", "2000", "ended", date(2000, 12, 31), True),  # counts through its end year
        ("1990", "2000", "ended", date(2001, 1, 1), False),
        ("1990", None, "ended", date(1995, 1, 1), False),  # ended without a date: ended
        ("1990", None, "ended", None, True),  # no date: the whole history
    ],
)
def test_tie_active(start, end, status, day, expected):
    assert tie_active(start, end, status, day) is expected


def test_build_graph_as_of_a_date(conn):
    _registry(conn)
    assert set(build_graph(conn).edges(keys=True)) >= {("home", "a", "home--a"), ("home", "b", "home--b")}
    g1995 = build_graph(conn, GraphFilter.make(as_of=1995))
    # 1995: home--a runs (1990-2000), home--b not begun, the undated partnership counts, uni--c not begun.
    assert sorted(k for _, _, k in g1995.edges(keys=True)) == ["home--a", "uni--b"]
    g2020 = build_graph(conn, GraphFilter.make(as_of="2020-01"))
    assert sorted(k for _, _, k in g2020.edges(keys=True)) == ["home--b", "uni--b", "uni--c"]
    assert g2020.number_of_nodes() == 5  # entities stay; only ties are dated


def test_build_graph_by_kind_sector_and_country(conn):
    _registry(conn)
    assert [k for *_, k in build_graph(conn, GraphFilter.make(tie_kinds=["partnership"])).edges(keys=True)] == ["uni--b"]
    by_sector = build_graph(conn, GraphFilter.make(sectors=["education", "culture"]))
    assert sorted(k for *_, k in by_sector.edges(keys=True)) == ["home--b", "uni--b"]
    no_cities = build_graph(conn, GraphFilter.make(entity_kinds=["municipality", "university"]))
    assert set(no_cities) == {"home", "uni"} and no_cities.number_of_edges() == 0
    german = build_graph(conn, GraphFilter.make(countries=["DE", "NO"]))
    assert "a" not in german and sorted(k for *_, k in german.edges(keys=True)) == ["home--b", "uni--b", "uni--c"]


@pytest.mark.parametrize(
    "flt",
    [
        GraphFilter.make(as_of=1995),
        GraphFilter.make(as_of="2020"),
        GraphFilter.make(tie_kinds=["sister_city"], as_of=2020),
        GraphFilter.make(sectors=["research"]),
        GraphFilter.make(countries=["DE"]),
        GraphFilter.make(entity_kinds=["city", "municipality"]),
    ],
)
def test_filter_graph_in_memory_agrees_with_build_graph(conn, flt):
    _registry(conn)
    whole = build_graph(conn)
    built, filtered = build_graph(conn, flt), filter_graph(whole, flt)
    assert set(built.nodes) == set(filtered.nodes)
    assert set(built.edges(keys=True)) == set(filtered.edges(keys=True))
    assert whole.number_of_edges() == 4  # the whole graph is not changed by filtering


def test_filter_graph_on_the_seed_agrees_with_build_graph(seeded):
    whole = build_graph(seeded)
    assert (whole.number_of_nodes(), whole.number_of_edges()) == (56, 51)  # data/entities.csv, data/ties.csv
    for flt in (GraphFilter.make(as_of=1950), GraphFilter.make(as_of=2011), GraphFilter.make(tie_kinds=["consular"])):
        assert set(filter_graph(whole, flt).edges(keys=True)) == set(build_graph(seeded, flt).edges(keys=True))
    # Before 1950 only the ties from the 1940s count, and those without a start date.
    g1950 = filter_graph(whole, GraphFilter.make(as_of=1950))
    assert {"trondheim--dunfermline", "trondheim--tampere"} <= {k for *_, k in g1950.edges(keys=True)}
    assert "trondheim--darmstadt" not in {k for *_, k in g1950.edges(keys=True)}


def test_filter_graph_without_a_filter_is_the_graph_itself(conn):
    g = build_graph(_registry(conn))
    assert filter_graph(g) is g and filter_graph(g, GraphFilter()) is g


def test_snapshot_holds_decisions_and_plan_lines(seeded):
    tie = "trondheim--dunfermline"
    store.insert(
        seeded, "decisions", {"tie_id": tie, "category": "dormant", "decided_on": "2024", "decided_by": "Test", "reason": "test"}, actor=A
    )
    store.insert(seeded, "plan_lines", {"tie_id": tie, "year": 2025, "amount": 1000, "funder": "municipal", "purpose": "test"}, actor=A)
    snap = snapshot(seeded)
    assert snap.graph.number_of_edges() == 51
    assert [(d["tie_id"], d["category"]) for d in snap.decisions if d["kind"] == "category"] == [(tie, "dormant")]
    assert [(p["year"], p["amount"]) for p in snap.plan_lines] == [(2025, 1000)]


def test_simple_graph_lists_parallel_ties(conn):
    g = build_graph(_registry(conn))
    g.add_edge("b", "home", key="b--home", kind="project")
    h = to_simple_graph(g)
    assert isinstance(h, nx.Graph) and sorted(h["home"]["b"]["ties"]) == ["b--home", "home--b"]


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_write_graph_round_trips(conn, tmp_path, fmt, read):
    g = build_graph(_registry(conn))
    path = tmp_path / f"g.{fmt}"
    write_graph(g, str(path), fmt)
    back = read(path)
    assert set(back.nodes) == set(g.nodes) and back.number_of_edges() == g.number_of_edges()
    with pytest.raises(ValueError, match="unknown graph format"):
        write_graph(g, str(path), "dot")


def _reference_graph(conn, flt):
    """The graph as networkx's own add_nodes_from/add_edges_from build it, for comparison."""
    from registry.network.graph import _ENTITY_COLS, _TIE_COLS, _end_with_dissolved, _keep_edge, _keep_node

    g = nx.MultiDiGraph()
    for row in conn.execute(f"SELECT {', '.join(_ENTITY_COLS)} FROM entities"):
        attrs = {k: v for k, v in zip(_ENTITY_COLS[1:], row[1:]) if v is not None}
        if _keep_node(attrs, flt):
            g.add_node(row[0], **attrs)
    for row in conn.execute(f"SELECT {', '.join(f'[{c}]' for c in _TIE_COLS)} FROM ties"):
        attrs = {k: v for k, v in zip(_TIE_COLS, row) if v is not None}
        if attrs["from_id"] in g and attrs["to_id"] in g:
            _end_with_dissolved(attrs, g.nodes[attrs["from_id"]], g.nodes[attrs["to_id"]])
        if attrs["from_id"] in g and attrs["to_id"] in g and _keep_edge(attrs, flt):
            g.add_edges_from([(attrs["from_id"], attrs["to_id"], attrs["id"], attrs)])
    return g


@pytest.mark.parametrize("flt", [GraphFilter(), GraphFilter.make(as_of=2005), GraphFilter.make(entity_kinds=["city", "municipality"])])
def test_build_graph_fills_the_structure_networkx_would(seeded, flt):
    # build_graph fills networkx's dicts directly for speed (issue 6); the result must be the
    # same graph, in the same order, as the public API builds from the seed.
    store.insert(
        seeded,
        "ties",
        {"id": "trondheim--dunfermline--2", "from_id": "trondheim", "to_id": "dunfermline", "kind": "partnership", "source": "s"},
        actor=A,
    )  # a parallel tie
    got, want = build_graph(seeded, flt), _reference_graph(seeded, flt)
    assert got.number_of_edges() > 0
    assert list(got.nodes(data=True)) == list(want.nodes(data=True))
    assert list(got.edges(keys=True, data=True)) == list(want.edges(keys=True, data=True))
    assert list(got.in_edges(keys=True)) == list(want.in_edges(keys=True))
    assert got.number_of_edges("trondheim", "dunfermline") == want.number_of_edges("trondheim", "dunfermline")
    assert nx.utils.graphs_equal(got, want)


@pytest.mark.parametrize(
    "flt",
    [
        GraphFilter.make(as_of=2005),
        GraphFilter.make(entity_kinds=["city", "municipality"]),
        GraphFilter.make(tie_kinds=["consular"], countries=["NO", "DK"]),
    ],
)
def test_filter_graph_fills_the_structure_networkx_would(seeded, flt):
    # filter_graph fills networkx's dicts directly (issue 6): the same graph, in the same order,
    # as add_nodes_from/add_edges_from build from g, with g's attribute dicts shared (documented).
    from registry.network.graph import _keep_edge, _keep_node

    store.insert(
        seeded,
        "ties",
        {"id": "trondheim--dunfermline--2", "from_id": "trondheim", "to_id": "dunfermline", "kind": "partnership", "source": "s"},
        actor=A,
    )  # a parallel tie
    g = build_graph(seeded)
    want = nx.MultiDiGraph()
    want.add_nodes_from((n, a) for n, a in g.nodes(data=True) if _keep_node(a, flt))
    want.add_edges_from((u, v, k, a) for u, v, k, a in g.edges(keys=True, data=True) if u in want and v in want and _keep_edge(a, flt))
    got = filter_graph(g, flt)
    assert got.number_of_edges() > 0
    assert list(got.nodes(data=True)) == list(want.nodes(data=True))
    assert list(got.edges(keys=True, data=True)) == list(want.edges(keys=True, data=True))
    assert list(got.in_edges(keys=True)) == list(want.in_edges(keys=True))
    assert nx.utils.graphs_equal(got, want)
    u, v, k = next(iter(got.edges(keys=True)))
    assert got.edges[u, v, k] is g.edges[u, v, k]


def test_tie_attributes_share_one_key_table_and_stay_ordinary_dicts(seeded):
    import sys

    g = build_graph(seeded)
    attrs = next(iter(g.edges(data=True)))[2]
    plain = dict(attrs)
    # A split-table dict holds only its values; an equal plain dict also holds the keys.
    assert type(attrs) is dict and attrs == plain
    assert sys.getsizeof(attrs) < sys.getsizeof(plain)
    attrs["weight_for_a_test"] = 1  # a key outside the columns still works
    assert attrs["weight_for_a_test"] == 1 and build_graph(seeded).edges[next(iter(g.edges(keys=True)))].get("weight_for_a_test") is None


def test_ties_of_a_dissolved_body_end_with_it(conn):
    # county (dissolved 2017-12-31, successor new-county) -- home membership since 2000, no end of its own.
    for eid, kind, extra in (
        ("home", "municipality", {}),
        ("new-county", "county", {"founded": "2018-01-01"}),
        ("county", "county", {"dissolved": "2017-12-31", "successor_id": "new-county"}),
    ):
        store.insert(conn, "entities", {"id": eid, "kind": kind, "name": eid, "source": "s", **extra}, actor="t")
    store.insert(
        conn,
        "ties",
        {"id": "home--county", "from_id": "home", "to_id": "county", "kind": "membership", "start": "2000", "source": "s"},
        actor="t",
    )
    assert "home--county" in {k for *_, k in build_graph(conn, GraphFilter.make(as_of="2017-12-31")).edges(keys=True)}
    assert build_graph(conn, GraphFilter.make(as_of="2018-01-01")).number_of_edges() == 0
    attrs = snapshot(conn).graph.edges["home", "county", "home--county"]
    # The stored tie keeps no end of its own; the graph says why it ends.
    assert (attrs["end"], attrs["ended_by"]) == ("2017-12-31", "dissolved")
    assert store.get(conn, "ties", "home--county")["end"] is None


def test_a_past_year_can_leave_out_undated_ties_and_says_how_many(conn):
    _registry(conn)
    past = GraphFilter.make(as_of=1995, skip_undated=True)
    for g in (build_graph(conn, past), filter_graph(build_graph(conn), past)):
        # 1995 without undated ties: only home--a (1990-2000); uni--b has no start and is the one left out.
        assert sorted(k for _, _, k in g.edges(keys=True)) == ["home--a"]
        assert g.graph["undated_left_out"] == 1
    # Filtered to sister cities, the undated partnership is not among what is asked for: nothing is left out for it.
    sisters = filter_graph(build_graph(conn), GraphFilter.make(as_of=1995, tie_kinds=["sister_city"], skip_undated=True))
    assert sisters.graph["undated_left_out"] == 0
    # Without the option (the review and analysis, and today's view) the undated tie counts as before.
    assert "uni--b" in {k for *_, k in build_graph(conn, GraphFilter.make(as_of=1995)).edges(keys=True)}
    assert "undated_left_out" not in build_graph(conn, GraphFilter.make(as_of=1995)).graph
    assert tie_active(None, None, "active", date(1995, 12, 31), undated=False) is False
    assert tie_active("1990", None, "active", date(1995, 12, 31), undated=False) is True


def test_hide_isolated_drops_entities_without_a_tie(conn):
    _registry(conn)
    # 1995: home--a and uni--b run; c (its exchange starts 2005) has no tie, and b is tied by the undated uni--b.
    flt = GraphFilter.make(as_of=1995, hide_isolated=True)
    for g in (build_graph(conn, flt), filter_graph(build_graph(conn), flt)):
        assert sorted(g) == ["a", "b", "home", "uni"]
    # Leaving out undated ties too isolates b and uni as well.
    both = filter_graph(build_graph(conn), GraphFilter.make(as_of=1995, skip_undated=True, hide_isolated=True))
    assert sorted(both) == ["a", "home"]
    assert sorted(build_graph(conn, GraphFilter.make(as_of=1995))) == ["a", "b", "c", "home", "uni"]


def test_a_year_shows_only_the_bodies_that_existed_in_it(conn):
    # old (dissolved 2017-12-31) -- home and new (founded 2018-01-01) -- home, both undated ties;
    # young (founded "2016": the whole year) and gone (dissolved "2016-06") partial; undated keeps no dates.
    for eid, extra in (
        ("home", {}),
        ("old", {"dissolved": "2017-12-31"}),
        ("new", {"founded": "2018-01-01"}),
        ("young", {"founded": "2016"}),
        ("gone", {"dissolved": "2016-06"}),
        ("undated", {}),
    ):
        store.insert(conn, "entities", {"id": eid, "kind": "county", "name": eid, "source": "s", **extra}, actor=A)
    for other in ("old", "new"):
        store.insert(
            conn, "ties", {"id": f"home--{other}", "from_id": "home", "to_id": other, "kind": "membership", "source": "s"}, actor=A
        )
    whole = build_graph(conn)
    expected = {
        1970: ["gone", "home", "old", "undated"],  # new and young not founded yet
        2016: ["gone", "home", "old", "undated", "young"],  # gone lived into June 2016, young from some day of 2016
        2017: ["home", "old", "undated", "young"],  # old exists through its last day, 2017-12-31
        2018: ["home", "new", "undated", "young"],  # old is gone, new founded on the year's first day
    }
    for year, nodes in expected.items():
        for g in (build_graph(conn, GraphFilter.make(as_of=year)), filter_graph(whole, GraphFilter.make(as_of=year))):
            assert sorted(g) == nodes, year
            # The ties of a body that did not exist go with it: 1970 and 2017 have home--old only, 2018 home--new.
            assert {k for *_, k in g.edges(keys=True)} == {f"home--{o}" for o in ("old", "new") if o in nodes}
    assert sorted(whole) == ["gone", "home", "new", "old", "undated", "young"]  # the whole history keeps all six
