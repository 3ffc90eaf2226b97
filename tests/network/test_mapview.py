"""The map data: places (own or where located), arcs between placed ends, a deck with no base map."""

from __future__ import annotations

import json

import networkx as nx

from registry.network import mapview


def small() -> nx.MultiDiGraph:
    """Home (63.4, 10.4), a city abroad (56.1, -3.5), a consulate located in Home, a network with no place."""
    g = nx.MultiDiGraph()
    g.add_node("home", kind="municipality", name="Home", lat=63.4, lon=10.4, country_code="NO")
    g.add_node("city", kind="city", name="City", lat=56.1, lon=-3.5, country_code="GB")
    g.add_node("cons", kind="consulate", name="Consulate <b>")
    g.add_node("net", kind="network", name="Net")
    g.add_edge("home", "city", key="home--city", kind="sister_city", start="1946")
    g.add_edge("cons", "home", key="cons--home", kind="located_in")
    g.add_edge("cons", "city", key="cons--city", kind="consular")
    g.add_edge("home", "net", key="home--net", kind="membership")
    return g


def test_places_come_from_coordinates_or_location():
    places = mapview.place_of(small())
    assert places["home"] == (63.4, 10.4, "home")
    assert places["cons"] == (63.4, 10.4, "home")
    assert "net" not in places


def test_points_draw_only_own_places_and_list_what_sits_there():
    points = mapview.map_points(small(), "en")
    assert list(points.columns) == list(mapview.POINT_COLUMNS)
    drawn = points[points["radius"] > 0]
    assert sorted(drawn["id"]) == ["city", "home"]
    home_tip = points.set_index("id").loc["home", "tooltip"]
    assert "Also here: Consulate <b>" in home_tip


def test_arcs_join_placed_ends_only():
    arcs = mapview.map_arcs(small(), "en")
    # home--city, and the consulate's consular tie drawn from Home; located_in joins one place; net has none.
    assert sorted(arcs["tie_id"]) == ["cons--city", "home--city"]
    row = arcs.set_index("tie_id").loc["home--city"]
    assert (row.from_lat, row.to_lon) == (63.4, -3.5)


def test_deck_has_no_base_map_and_text_tooltips():
    g = small()
    d = mapview.deck(mapview.map_points(g, "en"), mapview.map_arcs(g, "en"))
    deck = json.loads(d.to_json())
    # pydeck's sentinel for "no base map"; Streamlit then loads no tiles or style.
    assert deck["mapStyle"] == "__MAP_STYLE__"
    assert "http" not in json.dumps(deck)
    # Streamlit sends pydeck's tooltip beside the spec; a "text" tooltip is set as text, never HTML.
    from streamlit.elements.deck_gl_json_chart import _get_pydeck_tooltip

    assert _get_pydeck_tooltip(d) == {"text": "{tooltip}"}
    places = next(layer for layer in deck["layers"] if layer["id"] == "places")
    assert places["radiusUnits"] == "pixels"


def test_land_outline_is_shipped():
    land = mapview.land()
    assert land["features"] and land["features"][0]["geometry"]["type"] == "MultiPolygon"


def many(n_countries: int, per_country: int) -> nx.MultiDiGraph:
    """Home (NO) tied to ``per_country`` cities in each of ``n_countries`` countries: n * per ties, n groups."""
    g = nx.MultiDiGraph()
    g.add_node("home", kind="municipality", name="Home", lat=63.4, lon=10.4, country_code="NO")
    codes = ["SE", "DK", "DE", "FR", "PL", "AT", "IT", "ES"][:n_countries]
    for c, code in enumerate(codes):
        for i in range(per_country):
            g.add_node(f"{code}{i}", kind="city", name=f"{code} {i}", lat=40.0 + c + i / 10, lon=float(c), country_code=code)
            g.add_edge("home", f"{code}{i}", key=f"home--{code}{i}", kind="sister_city" if i == 0 else "partnership")
    return g


def test_few_ties_are_drawn_one_by_one():
    lines = mapview.map_lines(small(), "en")
    assert not lines.aggregated and lines.ties == 2
    assert sorted(lines.frame["tie_id"]) == ["cons--city", "home--city"]
    assert list(lines.frame.columns) == list(mapview.LINE_COLUMNS)


def test_many_ties_are_merged_per_country_pair_and_capped():
    # 4 countries x 5 cities = 20 ties, over a limit of 10: one line from Home to each country, the heaviest 3 kept.
    g = many(4, 5)
    g.add_edge("home", "SE1", key="home--SE1-b", kind="exchange")  # Sweden holds 6 ties: the heaviest line
    lines = mapview.map_lines(g, "en", max_ties=10, max_lines=3)
    assert lines.aggregated and lines.ties == 21
    assert len(lines.frame) == 3 and (lines.omitted_lines, lines.omitted_ties) == (1, 5)
    top = lines.frame.iloc[0]
    assert (top.from_id, top.to_id, top.weight) == ("country:SE", "home", 6)
    # Coloured by its most common kind (4 partnerships, 1 sister city, 1 exchange), from the middle of Sweden's places.
    assert top.kind == "partnership" and top.from_lat == 40.2
    assert "Sweden – Home" in top.tooltip and "Partnership/agreement: 4" in top.tooltip
    assert top.width > lines.frame.iloc[-1].width


def test_the_view_fits_the_places():
    points = mapview.map_points(many(2, 2), "en")
    lat, lon, zoom = mapview.fit_view(points)
    # Places between 40.0 and 63.4 north, 0 and 10.4 east: centred between them, closer than the world (zoom 1.3).
    assert 45 < lat < 58 and 4 < lon < 6 and zoom > 2
    assert mapview.fit_view(points.iloc[0:0]) == (45.0, 5.0, 1.3)


def test_the_deck_draws_lines_and_sends_only_what_it_shows():
    g = small()
    points, lines = mapview.map_points(g, "en"), mapview.map_lines(g, "en")
    deck = json.loads(mapview.deck(points, lines.frame, view=mapview.fit_view(points)).to_json())
    kinds = {layer["id"]: layer["@@type"] for layer in deck["layers"]}
    # Three layer kinds (each costs the browser a shader program): no arcs, no paths.
    assert set(kinds.values()) == {"SolidPolygonLayer", "GeoJsonLayer", "LineLayer", "ScatterplotLayer"}
    ties = next(layer for layer in deck["layers"] if layer["id"] == "ties")
    assert set(ties["data"][0]) == {"from_lon", "from_lat", "to_lon", "to_lat", "colour", "width", "tooltip"}
    assert deck["initialViewState"]["zoom"] > 1.3
