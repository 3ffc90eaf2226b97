"""Metrics per entity: ties by kind, what an entity is tied to, betweenness, last activity."""

from datetime import date
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

from registry.analysis import metrics, metrics_cache
from registry.analysis.metrics import betweenness, entity_metrics, last_activity, view_rows
from registry.network.graph import GraphFilter, build_graph, filter_graph, snapshot
from tests import apps


def tiny() -> nx.MultiDiGraph:
    """home (NO municipality) -> a (SE city) sister city t1; home -> b (DE city) sister city t2 and partnership t3
    (two ties, one pair); uni (NO university) -> b partnership t4; home -> net (network, no country) membership t5.

    Undirected and without parallels: a - home - b - uni, and home - net.
    """
    g = nx.MultiDiGraph()
    for n, kind, cc in (
        ("home", "municipality", "NO"),
        ("a", "city", "SE"),
        ("b", "city", "DE"),
        ("uni", "university", "NO"),
        ("net", "network", None),
    ):
        g.add_node(n, name=n.title(), name_en=f"{n.title()} (en)", kind=kind, **({"country_code": cc} if cc else {}))
    for u, v, k, kind in (
        ("home", "a", "t1", "sister_city"),
        ("home", "b", "t2", "sister_city"),
        ("home", "b", "t3", "partnership"),
        ("uni", "b", "t4", "partnership"),
        ("home", "net", "t5", "membership"),
    ):
        g.add_edge(u, v, key=k, kind=kind)
    return g


ACTIVITIES = [
    {"start": "2019-05", "participants": (("home", "host"),), "tie_ids": ()},
    {"start": "2021", "end": "2022-03", "participants": (), "tie_ids": ("t4",)},  # counts for both ends of t4
    {"start": "2024", "participants": (), "tie_ids": ("t1",)},
    {"start": None, "participants": (("net", "member"),), "tie_ids": ()},  # no date: no last activity from it
]


def test_ties_by_kind_neighbours_countries_and_cities():
    m = entity_metrics(tiny(), ACTIVITIES).set_index("id")
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
    # Names as registered (a page puts on its language's); the most tied first.
    assert m.loc["a", "name"] == "A" and list(m.index[:2]) == ["home", "b"]


def test_betweenness_is_the_share_of_shortest_paths_through_a_node():
    m = entity_metrics(tiny(), ACTIVITIES).set_index("id")
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
    m = entity_metrics(g, ACTIVITIES).set_index("id")
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


# --- the metrics table computed once per registry version and as-of year (issue 19) --------------


def test_view_rows_pick_the_view_s_entities_and_keep_the_year_s_numbers():
    table = entity_metrics(tiny(), ACTIVITIES)
    view = tiny().subgraph(["a", "uni"])  # a filter keeping two entities and no tie between them
    rows = view_rows(table, view).set_index("id")
    # The numbers are those of the whole graph (a has 1 tie, uni 1), not of the view (0 each).
    assert list(rows.index) == ["a", "uni"] and rows["ties"].tolist() == [1, 1]
    assert view_rows(table, view).attrs == table.attrs


@pytest.fixture
def counted(monkeypatch):
    """Count the calls of entity_metrics (the cache looks it up on the module at each miss)."""
    calls = []
    original = metrics.entity_metrics

    def counting(*args, **kwargs):
        calls.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(metrics, "entity_metrics", counting)
    return calls


def test_the_year_table_is_computed_once_per_version_and_year_and_read_back(seeded, db_path, counted):
    snap = snapshot(seeded)
    version = metrics_cache.registry_version(seeded)
    flt = GraphFilter.make(as_of=2020, skip_undated=True)
    first = metrics_cache.year_metrics(snap, db_path, version, flt)
    assert len(counted) == 1
    # Another view of the same year (other filters) reads the file: no computation.
    other = GraphFilter.make(as_of=2020, skip_undated=True, entity_kinds=["city"], hide_isolated=True)
    again = metrics_cache.year_metrics(snap, db_path, version, other)
    assert len(counted) == 1
    pd.testing.assert_frame_equal(again, first)
    assert again.attrs == first.attrs == {"sampled": None}
    # The same numbers as a direct computation on the year's whole graph.
    direct = entity_metrics(filter_graph(snap.graph, GraphFilter.make(as_of=2020, skip_undated=True)), snap.activities, date(2020, 12, 31))
    pd.testing.assert_frame_equal(again, direct)
    # Another year, or the whole history, is another table.
    metrics_cache.year_metrics(snap, db_path, version, GraphFilter.make(as_of=2021, skip_undated=True))
    metrics_cache.year_metrics(snap, db_path, version, GraphFilter())
    assert len(counted) == 3
    assert len(list(metrics_cache.cache_dir(db_path).glob("*.parquet"))) == 3


def test_a_write_to_the_registry_makes_a_new_version_and_drops_the_old_tables(seeded, db_path, counted):
    from registry.store import writes as store

    flt = GraphFilter.make(as_of=2020)
    before = metrics_cache.registry_version(seeded)
    metrics_cache.year_metrics(snapshot(seeded), db_path, before, flt)
    home = seeded.execute("SELECT id FROM entities WHERE kind = 'municipality' ORDER BY id").fetchone()[0]
    store.update(seeded, "entities", home, {"notes": "changed"}, actor="test")
    after = metrics_cache.registry_version(seeded)
    assert after != before
    metrics_cache.year_metrics(snapshot(seeded), db_path, after, flt)
    assert len(counted) == 2
    # Only the new version's table is kept: a table of the old registry is never read again.
    assert [p.name.split(".")[0] for p in metrics_cache.cache_dir(db_path).glob("*.parquet")] == [after]
    # A session still on the old version that writes late leaves the newer table in place.
    metrics_cache.store(metrics_cache.cache_dir(db_path), metrics_cache.key_for(db_path, before, GraphFilter()), entity_metrics(tiny()))
    names = sorted(p.name.split(".")[0] for p in metrics_cache.cache_dir(db_path).glob("*.parquet"))
    assert names == sorted([before, after])


def test_a_rebuilt_registry_at_the_same_revision_is_another_version(tmp_path):
    # Two registries with the same number of audit rows but other writes: the revision alone would match.
    from registry import connect

    a, b = connect(tmp_path / "a.db"), connect(tmp_path / "b.db")
    for c, name in ((a, "Aa"), (b, "Bb")):
        c.execute(
            "INSERT INTO audit (at, actor, table_name, row_id, action, after) VALUES (?, ?, ?, ?, ?, ?)",
            ("2026-01-01T00:00:00+00:00", "test", "entities", "x", "insert", f'{{"name": "{name}"}}'),
        )
    assert metrics_cache.registry_version(a).split("-")[0] == metrics_cache.registry_version(b).split("-")[0] == "1"
    assert metrics_cache.registry_version(a) != metrics_cache.registry_version(b)


def test_a_failed_write_leaves_the_old_table_whole_and_no_temporary_file(tmp_path, monkeypatch):
    # Written to a temporary file and renamed: a reader never sees half a table.
    key = metrics_cache.Key("reg.db", "1-x", date(2020, 12, 31))
    table = entity_metrics(tiny(), ACTIVITIES)
    assert metrics_cache.store(tmp_path, key, table)

    def half(self, path, **kwargs):
        Path(path).write_bytes(b"PAR1 half a file")
        raise OSError("disk full")

    monkeypatch.setattr(pd.DataFrame, "to_parquet", half)
    assert not metrics_cache.store(tmp_path, key, table.head(1))
    pd.testing.assert_frame_equal(metrics_cache.load(tmp_path, key), table)
    assert [p.name for p in tmp_path.iterdir()] == [key.file_name()]


def test_sessions_writing_and_reading_at_once_read_whole_tables(tmp_path):
    # Four threads (the app's sessions) store and load the same table at once: every load is the whole table.
    import threading

    key = metrics_cache.Key("reg.db", "3-x", date(2020, 12, 31))
    table = entity_metrics(tiny(), ACTIVITIES)
    seen, failures = [], []

    def session():
        for _ in range(15):
            try:
                metrics_cache.store(tmp_path, key, table)
                found = metrics_cache.load(tmp_path, key)
                if found is not None:
                    pd.testing.assert_frame_equal(found, table)
                    seen.append(1)
            except Exception as exc:  # noqa: BLE001 - collected and reported below
                failures.append(exc)

    threads = [threading.Thread(target=session) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures and len(seen) == 60
    assert [p.name for p in tmp_path.iterdir()] == [key.file_name()]  # no temporary file left


def test_an_unreadable_table_is_computed_again(tmp_path, counted):
    g = tiny()
    snap = type("Snap", (), {"graph": g, "activities": tuple(ACTIVITIES)})()
    flt = GraphFilter()
    key = metrics_cache.key_for(tmp_path / "reg.db", "1-x", flt)
    folder = tmp_path / "cache"
    folder.mkdir()
    (folder / key.file_name()).write_bytes(b"not parquet")
    found = metrics_cache.year_metrics(snap, tmp_path / "reg.db", "1-x", flt, directory=folder)
    assert len(counted) == 1 and found["id"].tolist()[0] == "home"
    assert metrics_cache.load(folder, key) is not None  # written anew, whole


def test_the_network_page_computes_the_metrics_per_year_not_per_filter(tmp_path, monkeypatch, counted):
    from streamlit.testing.v1 import AppTest

    db = tmp_path / "app.db"
    monkeypatch.setenv("REGISTRY_DB", str(db))
    at = AppTest.from_file(apps.APP, default_timeout=60)
    at.session_state["lang"] = "en"
    at.run()
    at.switch_page("app_pages/network.py").run()
    assert not at.exception and len(counted) == 1
    rows = lambda: next(df.value for df in at.dataframe if "Betweenness" in df.value.columns)  # noqa: E731
    everyone = rows()
    # Filters change the rows shown, not the numbers: no new computation.
    at.multiselect(key="net_kinds").set_value(["city"]).run()
    cities = rows()
    assert len(counted) == 1 and 0 < len(cities) < len(everyone)
    assert set(cities["Kind"]) == {"City"}
    same = everyone.set_index("Id").loc[cities["Id"], "Ties"]
    assert cities["Ties"].tolist() == same.tolist()
    at.toggle(key="net_isolated").set_value(True).run()
    assert len(counted) == 1
    # A new year is a new table; back to a year seen is not.
    year = at.slider(key="net_year").value
    at.multiselect(key="net_kinds").set_value([]).run()
    at.slider(key="net_year").set_value(year - 5).run()
    assert len(counted) == 2
    at.slider(key="net_year").set_value(year).run()
    assert len(counted) == 2 and not at.exception


def test_the_sampled_caption_counts_the_year_s_entities_not_the_view_s(tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from registry import connect

    monkeypatch.setattr(metrics, "EXACT_BETWEENNESS_MAX_NODES", 3)
    monkeypatch.setattr(metrics, "BETWEENNESS_SAMPLE", 4)
    db = tmp_path / "app.db"
    monkeypatch.setenv("REGISTRY_DB", str(db))
    at = AppTest.from_file(apps.APP, default_timeout=60)
    at.session_state["lang"] = "en"
    at.run()
    at.switch_page("app_pages/network.py").run()
    at.multiselect(key="net_kinds").set_value(["city"]).run()
    year = at.slider(key="net_year").value
    # The sample is drawn from the whole registry in that year: its entity count, not the cities shown.
    n = build_graph(connect(db), GraphFilter.make(as_of=year)).number_of_nodes()
    captions = [c.value for c in at.caption]
    assert f"Betweenness is estimated from 4 randomly chosen start nodes (of {n}); the exact computation takes too long." in captions
