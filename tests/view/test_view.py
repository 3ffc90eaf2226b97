"""The network view: self-contained escaped HTML, physics and layout by size, aggregation, focus and paths."""

from __future__ import annotations

import copy
import json
import re

import networkx as nx
import pytest

from registry import view

EVIL = "<img src=x onerror=alert(1)>"
CLOSER = "</script><script>alert(2)</script>"


def star(n_leaves: int, country: str = "SE") -> nx.MultiDiGraph:
    """A home municipality with ``n_leaves`` sister cities in one country: n_leaves + 1 nodes, n_leaves ties."""
    g = nx.MultiDiGraph()
    g.add_node("home", kind="municipality", name="Home", country_code="NO")
    for i in range(n_leaves):
        g.add_node(f"c{i}", kind="city", name=f"City {i}", country_code=country)
        g.add_edge("home", f"c{i}", key=f"home--c{i}", kind="sister_city", start="1990", source="s")
    return g


def data_of(html: str) -> dict:
    m = re.search(r"window.registryData = (\{.*?\});\n", html)
    assert m
    return json.loads(m.group(1))


def rows(data: dict, what: str) -> list[dict]:
    """The page's compact node or edge rows as dicts keyed by their field names."""
    fields = data["nodeFields" if what == "nodes" else "edgeFields"]
    return [dict(zip(fields, r)) for r in data[what]]


def test_html_is_self_contained():
    html = view.network_html(star(3), "en", view.layout(star(3)))
    # Nothing is fetched: no src or href with an address, no external script or stylesheet.
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", html, re.I)
    assert "<link" not in html and "<script src" not in html
    js, css = view.vis_assets()
    assert js in html and css in html


def test_texts_from_the_registry_are_escaped():
    g = star(1)
    g.nodes["c0"]["name"] = EVIL
    g.nodes["home"]["name"] = CLOSER
    g.edges["home", "c0", "home--c0"]["source"] = EVIL
    html = view.network_html(g, "en")
    assert EVIL not in html and CLOSER not in html
    assert "alert(2)" not in html.split("window.registryData = ")[0]
    data = data_of(html)
    # vis-network draws labels on a canvas and the page writes tooltips with textContent,
    # so the JSON carries the raw text, safely encoded for a script element.
    assert {n["name"] for n in rows(data, "nodes")} == {EVIL, CLOSER}
    assert data["strings"][rows(data, "edges")[0]["source"]] == EVIL
    script = html[html.rindex("<script>") :]
    assert "textContent" in script and "innerHTML" not in script


def test_legend_lists_the_kinds_drawn():
    html = view.network_html(star(2), "nb")
    start = html.index('id="legend"')
    legend = html[start : html.index("</div>", start)]
    assert "Kommune" in legend and "By" in legend and "Vennskapsby" in legend
    assert "Konsulat" not in legend


def test_physics_only_for_small_graphs():
    small = data_of(view.network_html(star(10), "en"))
    assert small["options"]["physics"]["enabled"] is True
    big_graph = star(view.PHYSICS_MAX_NODES + 10)
    big = data_of(view.network_html(big_graph, "en", view.layout(big_graph)))
    assert big["options"]["physics"] == {"enabled": False}
    # With physics off every node has its precomputed place.
    assert all(n["x"] is not None and n["y"] is not None for n in rows(big, "nodes"))


def test_network_html_does_not_change_its_graph():
    g = star(5)
    before = (copy.deepcopy(dict(g.nodes(data=True))), sorted(g.edges(keys=True)))
    view.network_html(g, "en", view.layout(g), focus="home", highlight_nodes=["home", "c1"], highlight_ties=["home--c1"])
    assert (dict(g.nodes(data=True)), sorted(g.edges(keys=True))) == before


def test_highlighted_path_is_drawn_apart():
    data = data_of(view.network_html(star(3), "en", highlight_nodes=["home", "c1"], highlight_ties=["home--c1"]))
    lit = {e["id"]: e["flags"] & view.LIT for e in rows(data, "edges")}
    assert lit == {"home--c0": 0, "home--c1": view.LIT, "home--c2": 0}
    marked = {n["id"]: n["flags"] for n in rows(data, "nodes")}
    assert marked["home"] == marked["c1"] == view.LIT and marked["c0"] == 0


def test_layout_is_deterministic_and_spread():
    g = star(20)
    a, b = view.layout(g), view.layout(g)
    assert a == b and set(a) == set(g)
    assert len({xy for xy in a.values()}) == len(a)


@pytest.mark.slow
def test_large_layout_places_every_node_apart():
    # The sampled layout at the drawing limit (its time is the benchmark's view stage, not a test's).
    g = nx.barabasi_albert_graph(view.MAX_DRAWN_NODES, 2, seed=1)
    pos = view.layout(g)
    assert set(pos) == set(g)
    assert len(set(pos.values())) == view.MAX_DRAWN_NODES


def test_aggregation_merges_by_country_and_keeps_the_municipality():
    g = star(4, "SE")
    g.add_node("net", kind="network", name="A network")
    g.add_edge("home", "net", key="home--net", kind="membership")
    h = view.aggregate_by_country(g, "en")
    # home stays; the four Swedish cities become one node; the network (no country) a kind group.
    assert sorted(h.nodes) == ["country:SE", "home", "kind:network"]
    assert h.nodes["country:SE"]["name"] == "Sweden (4)"
    assert h.edges["country:SE", "home", "country:SE|home"]["weight"] == 4


def test_drawable_aggregates_only_past_the_limit():
    g = star(30)
    same, aggregated = view.drawable(g, "en", max_nodes=31)
    assert same is g and not aggregated
    small, aggregated = view.drawable(g, "en", max_nodes=30)
    assert aggregated and small.number_of_nodes() == 2
    kept, _ = view.drawable(g, "en", keep=["c3"], max_nodes=30)
    assert "c3" in kept


def test_neighbourhood_and_shortest_path_ignore_direction():
    # a -> b <- c -> d: a chain whose middle tie points backwards.
    g = nx.MultiDiGraph()
    g.add_edge("a", "b", key="ab")
    g.add_edge("c", "b", key="cb")
    g.add_edge("c", "d", key="cd")
    assert sorted(view.neighbourhood(g, "b", 1)) == ["a", "b", "c"]
    assert sorted(view.neighbourhood(g, "a", 3)) == ["a", "b", "c", "d"]
    assert view.neighbourhood(g, "zz", 2).number_of_nodes() == 0
    path = view.shortest_path(g, "a", "d")
    assert path == ["a", "b", "c", "d"]
    assert view.path_ties(g, path) == ["ab", "cb", "cd"]
    g.add_node("lonely")
    assert view.shortest_path(g, "a", "lonely") == []


def test_restrict_categories_keeps_other_ties():
    g = star(2)
    g.add_node("uni", kind="university", name="Uni")
    g.add_edge("uni", "c1", key="uni--c1", kind="exchange")
    h = view.restrict_categories(g, {"home--c0": "dormant", "home--c1": "project"}, {"dormant"})
    assert sorted(k for _, _, k in h.edges(keys=True)) == ["home--c0", "uni--c1"]
    # c1 keeps its exchange tie, so it stays.
    assert "c1" in h


def test_entity_ties_lists_both_directions_with_sources():
    g = star(2)
    g.add_node("cons", kind="consulate", name="Consulate")
    g.add_edge("cons", "home", key="cons--home", kind="located_in", source="src", directed="1")
    df = view.entity_ties(g, "home", "nb")
    assert list(df.columns) == list(view.ENTITY_TIE_COLUMNS)
    assert sorted(df["tie_id"]) == ["cons--home", "home--c0", "home--c1"]
    assert dict(zip(df["tie_id"], df["direction"]))["cons--home"] == "←"
    # A twinning has no direction: no arrow in the table, as in the drawing (the tester saw "←" for Dunfermline).
    assert dict(zip(df["tie_id"], df["direction"]))["home--c0"] == "↔"
    assert dict(zip(df["tie_id"], df["kind"]))["home--c0"] == "Vennskapsby"
    assert view.entity_ties(g, "missing", "en").empty


def test_year_range_starts_at_the_first_start():
    g = star(1)
    g.add_edge("home", "c0", key="old", start="1946-05-01")
    assert view.year_range(g, 2026) == (1946, 2026)
    assert view.year_range(nx.MultiDiGraph(), 2026) == (2026, 2026)


def test_styles_and_texts_are_given_once():
    # 40 sister cities of one kind, one country and one source: one style row per kind,
    # the country name and the source each once in the text table.
    data = data_of(view.network_html(star(40), "en"))
    assert data["kinds"][rows(data, "nodes")[1]["kind"]][:3] == ["#0072b2", "dot", "City"]
    assert data["strings"].count("Sweden") == 1 and data["strings"].count("s") == 1
    assert len({e["kind"] for e in rows(data, "edges")}) == 1
    # The tie count shown in a node's tooltip: 40 for the home, 1 for each sister city.
    counts = {n["id"]: n["n"] for n in rows(data, "nodes")}
    assert counts["home"] == 40 and set(counts.values()) == {40, 1}


def test_aggregate_draws_only_the_heaviest_group_edges():
    # Home ties to 3 cities in SE, 2 in DK and 1 in FI: three group edges of weight 3, 2, 1.
    g = star(3, "SE")
    for i, cc in enumerate(["DK", "DK", "FI"]):
        g.add_node(f"x{i}", kind="city", name=f"X {i}", country_code=cc)
        g.add_edge("home", f"x{i}", key=f"home--x{i}", kind="partnership")
    h = view.aggregate_by_country(g, "en", max_ties=2)
    assert sorted(a["weight"] for _, _, a in h.edges(data=True)) == [2, 3]
    assert (h.graph["omitted_ties"], h.graph["omitted_weight"]) == (1, 1)
    assert h.number_of_nodes() == 4  # every group is still drawn
    # A kept node's ties come first, however light.
    kept = view.aggregate_by_country(g, "en", keep=["x2"], max_ties=1)
    assert [k for _, _, k in kept.edges(keys=True)] == ["home|x2"]
    html = view.network_html(h, "en")
    assert "1 lighter links between countries (1 single ties) are not drawn." in html


def test_assets_can_come_from_the_app_server():
    html = view.network_html(star(3), "en", assets="app/static/")
    js, css = view.vis_assets()
    assert js not in html and css not in html
    assert '<script src="app/static/vis-network.min.js"></script>' in html
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", html, re.I)


def test_a_path_leaving_the_focus_is_drawn_whole():
    # A chain home – c0 – x – y: focused on c0 at one step, the path c0 → y leaves the neighbourhood at x.
    g = star(2)
    g.add_node("x", kind="city", name="X", country_code="DE")
    g.add_node("y", kind="city", name="Y", country_code="DE")
    g.add_edge("c0", "x", key="c0--x", kind="partnership")
    g.add_edge("y", "x", key="y--x", kind="partnership")
    route = view.shortest_path(g, "c0", "y")
    assert route == ["c0", "x", "y"] and "y" not in view.neighbourhood(g, "c0", 1)
    near = view.neighbourhood(g, "c0", 1, keep=route)
    assert {"home", "c0", "x", "y"} == set(near) and {"c0--x", "y--x"} <= {k for _, _, k in near.edges(keys=True)}
    # Aggregated (a limit of two nodes), the path's nodes and ties stay themselves, under their own ids.
    drawn, aggregated = view.drawable(near, "en", keep=route, max_nodes=2, keep_ties=view.path_ties(g, route))
    assert aggregated
    assert set(route) <= set(drawn) and {"c0--x", "y--x"} <= {k for _, _, k in drawn.edges(keys=True)}
    assert not drawn.has_node("country:DE")  # both Germans are on the path: no group is left for them


def test_one_tie_is_singular_in_the_hover_text():
    # The page script fills in the count: "1 tie" / "1 forbindelse", "2 ties" / "2 forbindelser".
    for lang, one, many in (("en", "{n} tie", "{n} ties"), ("nb", "{n} forbindelse", "{n} forbindelser")):
        page = view.network_html(star(1), lang)
        text = data_of(page)["text"]
        assert (text["tie"], text["ties"]) == (one, many)
        assert 'T.ties.replace("{n}"' not in page and "n === 1 ? T.tie : T.ties" in page
    assert 'aria-label="Network of 2 nodes and 1 tie"' in view.network_html(star(1), "en")


def test_the_drawing_can_be_saved_as_png_and_a_click_selects_an_entity():
    page = view.network_html(star(2), "en")
    assert '<button id="save" type="button">Save as image (PNG)</button>' in page
    assert 'toDataURL("image/png")' in page and data_of(page)["text"]["file"] == "network.png"
    # A click tells the page around the drawing which entity, as a message; never for a country group.
    assert 'tell({type: "registry-select", id: r[0]})' in page and "r[2] === 1) return" in page
    # It listens for the page's choice only from its own parent, and asks for it once drawn.
    assert "e.source !== window.parent" in page and 'tell({type: "registry-ready"})' in page


# --- issue 19, item 7: the click panel's profile and the year play control -------------------------


def test_profile_counts_ties_both_ways_and_lists_the_most_tied_neighbours_first():
    # home -> c0 twice (parallel ties), c1 -> home once, home -> c2 once, and a self-loop on home.
    g = star(3)
    g.add_edge("home", "c0", key="second", kind="partnership")
    g.add_edge("c1", "home", key="back", kind="partnership")
    g.add_edge("home", "home", key="loop", kind="partnership")
    p = view.profile(g, "home", {"home": "2024-05", "c0": "2001"})
    # 3 sister-city ties + 1 parallel + 1 back + the self-loop counted out and in (as entity_metrics counts it): 7.
    assert p.ties == 7
    assert p.neighbours == (("c0", 2), ("c1", 2), ("c2", 1))  # ties with each, then by id; home itself is no neighbour
    assert (p.kind, p.country_code, p.last_activity) == ("municipality", "NO", "2024-05")
    assert view.profile(g, "c2").last_activity is None
    assert view.profile(g, "nowhere") is None


def test_profile_ties_match_the_metrics_table(seeded):
    from registry.analysis import metrics
    from registry.network.graph import build_graph

    g = build_graph(seeded)
    table = metrics.entity_metrics(g).set_index("id")
    for node in ("trondheim", "graz"):
        p = view.profile(g, node, table["last_activity"].to_dict())
        assert p.ties == table.loc[node, "ties"] and len(p.neighbours) == table.loc[node, "neighbours"]
        assert p.last_activity == table.loc[node, "last_activity"]


def test_a_play_starts_where_the_slider_is_and_stops_at_the_last_year():
    assert view.play_start(2026, 1946, 2026) == 1946  # from the end: start over
    assert view.play_start(1980, 1946, 2026) == 1980
    assert view.play_start(1900, 1946, 2026) == 1946  # out of range: from the start
    years, y = [], view.play_start(2023, 1946, 2026)
    while y is not None:
        years.append(y)
        y = view.play_step(y, 2026)
    assert years == [2023, 2024, 2025, 2026]


def test_restricting_categories_keeps_what_the_filter_said():
    g = star(2)
    g.graph["undated_left_out"] = 3
    assert view.restrict_categories(g, {}, {"dormant"}).graph["undated_left_out"] == 3


# --- issue 19, item 4: paths by tie quality


def diamond() -> nx.MultiDiGraph:
    """a – m1 – b and a – m2 – b, two steps each; a – m1 is uncertain and undated, the other ties active and sourced.
    A third, longer way a – x – y – b is active and sourced throughout."""
    g = nx.MultiDiGraph()
    sure = {"status": "active", "start": "2001", "start_certainty": "sourced"}
    g.add_edge("a", "m1", key="a-m1", status="uncertain")
    for u, v in (("m1", "b"), ("a", "m2"), ("b", "m2"), ("a", "x"), ("x", "y"), ("y", "b")):
        g.add_edge(u, v, key=f"{u}-{v}", **sure)
    return g


def test_paths_prefer_sure_ties_and_name_the_doubtful_ones():
    g = diamond()
    paths = view.best_paths(g, "a", "b")
    # Costs (registry/view/paths.py): a sure tie 1; a-m1 uncertain 1 + 0.5 and undated 0.25 more.
    # a-m2-b: 2.0; a-m1-b: 2.75; a-x-y-b: 3.0. Direction is ignored (b -> m2 points backwards).
    assert [(p.nodes, p.cost) for p in paths] == [(("a", "m2", "b"), 2.0), (("a", "m1", "b"), 2.75), (("a", "x", "y", "b"), 3.0)]
    assert [p.doubtful for p in paths] == [(), ("a-m1",), ()]
    assert paths[0].ties == ("a-m2", "b-m2")
    # The plain shortest path knows no quality: it may take the uncertain tie.
    assert len(view.shortest_path(g, "a", "b")) == 3
    # The step table: a row per step of each path; the uncertain tie's doubts as codes.
    table = view.path_table(g, paths)
    assert list(table.columns) == list(view.PATH_COLUMNS) and len(table) == 2 + 2 + 3
    assert table.loc[table["tie_id"] == "a-m1", "doubts"].item() == "uncertain;unsourced"
    assert table.loc[table["tie_id"] == "a-m2", "doubts"].item() == ""
    assert view.best_paths(g, "a", "a") == [] and view.best_paths(g, "a", "nowhere") == []
    assert len(view.best_paths(g, "a", "b", k=1)) == 1


def test_a_path_takes_the_surest_of_parallel_ties_and_ended_ties_count_as_doubtful():
    g = nx.MultiDiGraph()
    g.add_edge("a", "b", key="a-b-1", status="ended", start="1990", start_certainty="sourced")
    g.add_edge("b", "a", key="a-b-2", status="active", start="1995", start_certainty="sourced")
    g.add_edge("b", "c", key="b-c", status="active", start="1995", end="2001", start_certainty="sourced")
    (path,) = view.best_paths(g, "a", "c")
    assert path.ties == ("a-b-2", "b-c") and view.path_ties(g, list(path.nodes)) == ["a-b-2", "b-c"]
    # b-c ended by its end date (2001, past) although its status says active.
    assert path.doubtful == ("b-c",) and path.cost == 1.0 + 2.0


def test_on_the_seed_the_path_avoids_the_uncertain_forum_membership(seeded):
    # NTNU's membership of Internasjonalt forum is uncertain and undated (data/ties.csv); NTNU and
    # Trondheim are also two steps apart through Trøndelags Europakontor, over active, sourced ties.
    from datetime import date

    from registry.network.graph import GraphFilter, build_graph

    g = build_graph(seeded, GraphFilter.make(as_of=date.today().year))
    assert g.edges["ntnu", "internasjonalt-forum", "ntnu--internasjonalt-forum"]["status"] == "uncertain"
    paths = view.best_paths(g, "ntnu", "trondheim")
    assert paths[0].nodes == ("ntnu", "trondelags-europakontor", "trondheim") and paths[0].doubtful == ()
    # The forum is an alternative, with its uncertain tie named.
    assert paths[1].nodes == ("ntnu", "internasjonalt-forum", "trondheim")
    assert paths[1].doubtful == ("ntnu--internasjonalt-forum",)
    assert len(paths) == view.MAX_PATHS
