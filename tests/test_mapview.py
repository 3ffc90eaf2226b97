"""The map data: places (own or where located), arcs between placed ends, a deck with no base map."""

from __future__ import annotations

import json

import networkx as nx

from registry import mapview


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
