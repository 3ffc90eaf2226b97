"""The map data: places (own or where located), arcs between placed ends, and the map drawn on a 2D canvas."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

from registry.network import mapdraw, mapview


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


def test_the_drawing_holds_the_shown_places_and_lines_and_is_self_contained():
    g = small()
    points, lines = mapview.map_points(g, "en"), mapview.map_lines(g, "en")
    data = mapdraw.map_data(points, lines.frame, mapview.fit_view(points))
    # Two dots (the consulate sits in Home's), two lines (home--city, cons--city drawn from Home), the land's rings.
    assert [p[-1].split("\n")[0] for p in data["places"]] == ["City", "Home"]
    assert len(data["lines"]) == 2 and data["land"] and len(data["land"][0]) % 2 == 0
    page = mapdraw.map_html(points, lines.frame, mapview.fit_view(points), title="Map")
    # Nothing from another host; the registry's text cannot close the data block or add markup.
    assert "http://" not in page and "https://" not in page and "<b>" not in page
    assert "Consulate \\u003cb\\u003e" in page and "innerHTML" not in page and "textContent" in page
    block = page.split("<script type='application/json' id='map-data'>")[1].split("</script>")[0]
    assert json.loads(block)["places"] == json.loads(json.dumps(data["places"]))


CHROMIUM = "/usr/bin/chromium"


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (.ci/run installs it)")
def test_the_drawing_draws_and_names_the_hovered_place_in_chromium(tmp_path):
    from playwright.sync_api import sync_playwright

    g = small()
    points, lines = mapview.map_points(g, "en"), mapview.map_lines(g, "en")
    view = (60.0, 4.0, 3.0)
    page_file = tmp_path / "map.html"
    page_file.write_text(mapdraw.map_html(points, lines.frame, view, title="Map"), encoding="utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page(viewport={"width": 800, "height": 600})
            page.goto(page_file.as_uri())
            page.wait_for_selector("body[data-drawn='1']")
            # Home's pixel: Web Mercator as in the page (512 * 2**zoom pixels round the world), from the view's middle.
            spot = page.evaluate("""() => { const c = document.getElementById('map'), s = 512 * 2 ** 3;
                const wx = l => (l + 180) / 360, wy = l => { const t = Math.sin(l * Math.PI / 180);
                return 0.5 - Math.log((1 + t) / (1 - t)) / (4 * Math.PI); };
                return [(wx(10.4) - wx(4.0)) * s + c.clientWidth / 2, (wy(63.4) - wy(60.0)) * s + c.clientHeight / 2]; }""")
            # The canvas holds Home's colour there (drawn, not only laid out).
            pixel = page.evaluate(
                """([x, y]) => Array.from(document.getElementById('map').getContext('2d')
                .getImageData(Math.round(x * devicePixelRatio), Math.round(y * devicePixelRatio), 1, 1).data)""",
                spot,
            )
            home_colour = points.set_index("id").loc["home", "colour"][:3]
            assert all(abs(a - b) < 40 for a, b in zip(pixel[:3], home_colour)), (pixel, home_colour)
            page.mouse.move(spot[0], spot[1])
            tip = page.locator("#tip")
            tip.wait_for(state="visible")
            assert tip.inner_text().startswith("Home") and "Also here: Consulate <b>" in tip.inner_text()
            assert page.locator("#tip b").count() == 0  # text, not markup
        finally:
            browser.close()
