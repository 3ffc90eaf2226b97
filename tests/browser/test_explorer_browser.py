"""The network page's explorer in Chromium: a click opens the profile panel and lights the neighbours; focus, path, play.

Runs the real app on the seed (``streamlit run`` on a free port, Debian's Chromium) with the
helpers of :mod:`tests.browser_kit`. Expected neighbours come from the registry graph itself.
"""

from __future__ import annotations

import re

import pytest

from registry import connect, load_seed
from registry.network.graph import build_graph
from tests.browser_kit import Watch, chromium, network_frame, serve, settle, until_in_frame  # noqa: F401 - chromium is the browser fixture

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# (nb, en) texts the tests look for.
TITLE = ("Nettverk", "Network")
FOCUS_HERE = ("Fokus her", "Focus here")
PATH_FROM_HERE = ("Vei herfra", "Path from here")
HINT = ("Ingenting valgt ennå. Et klikk på en node", "Nothing selected yet. A click on a node")
ENTITY_PAGE = ("Åpne aktørsiden", "Open the entity page")
PLAY, PAUSE = ("Spill av", "Play"), ("Pause", "Pause")


@pytest.fixture(scope="module")
def seed_server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("explorer")
    db = tmp / "registry.db"
    conn = connect(db)
    load_seed(conn)
    conn.close()
    with serve(db, tmp) as srv:
        yield srv


@pytest.fixture(scope="module")
def seed_graph(seed_server):
    conn = connect(seed_server.db)
    try:
        return build_graph(conn)
    finally:
        conn.close()


def click_node(page, frame, node: str) -> None:
    """Click ``node`` where vis-network draws it inside the network iframe."""
    box = page.locator("iframe[title='Nettverksdiagram over forbindelsene'], iframe[title='Network diagram of the ties']").bounding_box()
    spot = frame.locator("body").evaluate(
        f"() => {{ const n = window.registryNetwork; return n.canvasToDOM(n.getPositions([{node!r}])[{node!r}]); }}"
    )
    page.mouse.click(box["x"] + spot["x"], box["y"] + spot["y"])


LIT_STATE = """() => {
  const nodes = window.registryNetwork.body.data.nodes.get(), edges = window.registryNetwork.body.data.edges.get();
  return {lit: document.body.dataset.lit, faded: nodes.filter(n => n.faded).map(n => n.id),
          bright: nodes.filter(n => !n.faded).map(n => n.id), fadedEdges: edges.filter(e => e.faded).length,
          edges: edges.length};
}"""


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_click_opens_the_profile_lights_the_neighbours_and_focus_here_focuses(browser, seed_server, seed_graph, lang):
    i = 0 if lang == "nb" else 1
    context = browser.new_context(viewport={"width": 1400, "height": 1800})
    page = context.new_page()
    watch = Watch(page, seed_server.url)
    try:
        with seed_server.explained():
            page.goto(f"{seed_server.url}/network?lang={lang}")
            settle(page, TITLE[i])
            frame = network_frame(page)
            until_in_frame(
                frame,
                """() => document.body.dataset.drawn === "1" && document.body.dataset.stable === "1"
                && window.registryData.nodes.some(r => r[0] === "trondheim")""",
            )
            page.get_by_text(HINT[i]).wait_for(timeout=30000)
            click_node(page, frame, "trondheim")
            # The panel beside the drawing: name, ties, actions and a link to the entity page.
            panel = page.locator(".st-key-net_profile")
            panel.wait_for(timeout=30000)
            panel.get_by_text("Trondheim").first.wait_for(timeout=30000)
            undirected = seed_graph.to_undirected(as_view=True)
            drawn = set(frame.locator("body").evaluate("() => window.registryData.nodes.map(r => r[0])"))
            neighbours = set(undirected["trondheim"]) & drawn
            assert neighbours, "Trondheim has ties in the seed"
            link = panel.get_by_role("link", name=ENTITY_PAGE[i])
            assert link.get_attribute("href").endswith("entity?id=trondheim")
            assert "net_sel=trondheim" in page.url
            # In the drawing: Trondheim and its neighbours keep their colours, every other node fades.
            until_in_frame(frame, '() => document.body.dataset.lit === "trondheim"')
            state = frame.locator("body").evaluate(LIT_STATE)
            assert set(state["bright"]) == neighbours | {"trondheim"}
            assert set(state["faded"]) == drawn - neighbours - {"trondheim"}
            assert 0 < state["fadedEdges"] < state["edges"]

            panel.get_by_role("button", name=FOCUS_HERE[i]).click()
            settle(page, TITLE[i])
            page.wait_for_function("() => location.search.includes('net_focus=trondheim')", timeout=30000)
            # A new drawing of Trondheim's neighbourhood, in which Trondheim is lit again.
            until_in_frame(
                frame,
                """() => document.body.dataset.drawn === "1"
                && window.registryData.nodes.some(r => r[0] === "trondheim" && (r[7] & 2))
                && document.body.dataset.lit === "trondheim" """,
            )
            focused = set(frame.locator("body").evaluate("() => window.registryData.nodes.map(r => r[0])"))
            assert focused <= {
                "trondheim",
                *seed_graph.to_undirected(as_view=True)["trondheim"],
                *(m for n in undirected["trondheim"] for m in undirected[n]),
            }
            page.locator(".st-key-net_profile").get_by_text("Trondheim").first.wait_for(timeout=30000)
            assert not page.locator("[data-testid='stException']").count()
            assert not watch.errors, watch.errors
            assert not watch.foreign, watch.foreign
    finally:
        context.close()


def test_path_from_here_and_a_click_on_the_background_clears(browser, seed_server):
    context = browser.new_context(viewport={"width": 1400, "height": 1800})
    page = context.new_page()
    watch = Watch(page, seed_server.url)
    try:
        with seed_server.explained():
            page.goto(f"{seed_server.url}/network?lang=en&net_sel=trondheim")
            settle(page, "Network")
            frame = network_frame(page)
            # A shared address with a selection lights it once the drawing is ready.
            until_in_frame(frame, '() => document.body.dataset.lit === "trondheim"')
            page.locator(".st-key-net_profile").get_by_role("button", name="Path from here").click()
            settle(page, "Network")
            picker = page.get_by_role("combobox", name="Shortest path from")
            page.wait_for_function(
                "() => (document.querySelector('input[aria-label=\"Shortest path from\"]') || {}).value?.startsWith('Trondheim')",
                timeout=30000,
            )
            assert picker.input_value().startswith("Trondheim")
            # A click where no node is clears the selection, in the drawing and on the page.
            until_in_frame(frame, '() => document.body.dataset.drawn === "1"')
            empty = frame.locator("body").evaluate(
                """() => { const n = window.registryNetwork, c = document.querySelector('#net canvas');
                  for (let y = 20; y < c.clientHeight; y += 20) for (let x = 20; x < c.clientWidth; x += 20) {
                    if (n.getNodeAt({x, y}) === undefined && n.getEdgeAt({x, y}) === undefined) return {x, y}; }
                  return null; }"""
            )
            assert empty
            ibox = page.locator("iframe[title='Network diagram of the ties']").bounding_box()
            page.mouse.click(ibox["x"] + empty["x"], ibox["y"] + empty["y"])
            page.get_by_text(HINT[1]).wait_for(timeout=30000)
            until_in_frame(frame, '() => document.body.dataset.lit === ""')
            assert "net_sel" not in page.url
            assert not watch.errors, watch.errors
    finally:
        context.close()


def test_the_play_control_steps_the_years_and_pauses(browser, seed_server):
    context = browser.new_context(viewport={"width": 1400, "height": 1800})
    page = context.new_page()
    watch = Watch(page, seed_server.url)
    try:
        with seed_server.explained():
            page.goto(f"{seed_server.url}/network?lang=nb")
            settle(page, "Nettverk")
            page.get_by_role("button", name=PLAY[0]).click()
            # Each step says where the play is: "Spiller av: <year> (av <first>–<last>)".
            shown = page.get_by_text(re.compile(r"Spiller av: \d{4}"))
            shown.wait_for(timeout=30000)
            first = int(re.search(r"(\d{4})", shown.inner_text()).group(1))
            page.wait_for_function(
                f"() => [...document.querySelectorAll('[data-testid=stCaptionContainer]')].some(e => "
                f"(m => m && +m[1] >= {first + 2})(e.innerText.match(/Spiller av: (\\d{{4}})/)))",
                timeout=60000,
            )
            page.get_by_role("button", name=PAUSE[0]).click()
            paused = page.get_by_text(re.compile(r"Satt på pause ved \d{4}"))
            paused.wait_for(timeout=30000)
            year = paused.inner_text()
            page.wait_for_timeout(4000)  # three play steps' time: nothing moves
            assert paused.inner_text() == year
            assert page.get_by_role("button", name=PLAY[0]).count() == 1
            assert not page.locator("[data-testid='stException']").count()
            assert not watch.errors, watch.errors
    finally:
        context.close()
