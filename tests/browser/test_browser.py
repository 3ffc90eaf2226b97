"""The app in a real browser: `streamlit run app.py` on a free port, driven by Debian's Chromium.

Visits every page in both languages and checks: no page errors, no request to any
host but the app's, the network canvas drawn inside its iframe, and an entity named
``<img src=x onerror=alert(1)>`` shown as text everywhere (no dialog, no image
element). Screenshots of every page go to ``screenshots/`` (git-ignored). When a
check fails, the server's log is added to the failure.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from registry import connect, load_seed
from registry.store import writes as store
from tests.browser_kit import (  # noqa: F401 - names kept importable from here; `chromium` is the `browser` fixture
    CHROMIUM,
    ROOT,
    SHOTS,
    Server,
    Watch,
    choose,
    chromium,
    free_port,
    map_frame,
    network_frame,
    opened,
    serve,
    settle,
    tabs,
    until_in_frame,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

EVIL = "<img src=x onerror=alert(1)>"
# url path -> title in (nb, en)
PAGES = {
    "": ("Oversikt", "Overview"),
    "network": ("Nettverk", "Network"),
    "map": ("Kart", "Map"),
    "sister_cities": ("Vennskapsbyer", "Sister cities"),
    "gaps": ("Hull og overlapp", "Gaps and overlaps"),
    "strategy": ("Strategien punkt for punkt", "The strategy point by point"),
    "annual_report": ("Årsrapport", "Annual report"),
    "registry": ("Register", "Registry"),
    "import_export": ("Import og eksport", "Import and export"),
}

if not Path(CHROMIUM).exists():
    pytest.skip("Debian's chromium is not installed (.ci/run installs it)", allow_module_level=True)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("browser")
    db = tmp / "registry.db"
    conn = connect(db)
    load_seed(conn)
    store.insert(
        conn,
        "entities",
        {"id": "evil", "kind": "voluntary_org", "name": EVIL, "name_en": EVIL, "country_code": "NO", "source": EVIL},
        actor="test",
    )
    store.insert(
        conn,
        "ties",
        {"id": "evil--trondheim", "from_id": "evil", "to_id": "trondheim", "kind": "partnership", "source": EVIL, "goals": EVIL},
        actor="test",
    )
    conn.close()
    # Local single-user editing (registry.auth), so the edit forms are shown.
    with serve(db, tmp, REGISTRY_EDITOR="Browser test") as srv:
        yield srv


@pytest.fixture
def page(browser, server):
    with opened(browser) as pg:
        yield pg


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_every_page_loads_without_errors_or_other_hosts(page, server, lang):
    SHOTS.mkdir(exist_ok=True)
    watch = Watch(page, server.url)
    with server.explained():
        for path, titles in PAGES.items():
            title = titles[0] if lang == "nb" else titles[1]
            page.goto(f"{server.url}/{path}?lang={lang}")
            settle(page, title)
            assert not page.locator("[data-testid='stException']").count(), f"exception on /{path}"
            if lang != "nb":
                continue
            # Screenshots once, in Norwegian, after the drawings are done.
            if path == "map":
                map_frame(page).locator("body[data-drawn='1'] canvas").wait_for(timeout=60000)
            if path == "network":
                network_frame(page).locator("body[data-stable='1']").wait_for(timeout=30000)
            page.wait_for_timeout(1000)  # late widgets (file uploader, tables) finish drawing
            page.screenshot(path=str(SHOTS / f"{path or 'overview'}.png"), full_page=True)
        assert not watch.errors, watch.errors
        assert not watch.foreign, watch.foreign
        assert not watch.dialogs, watch.dialogs


def test_network_canvas_is_drawn(page, server):
    watch = Watch(page, server.url)
    with server.explained():
        page.goto(f"{server.url}/network?lang=en")
        settle(page, "Network")
        frame = network_frame(page)
        frame.locator("body[data-stable='1']").wait_for(timeout=30000)
        coloured = frame.locator("canvas").evaluate(
            """c => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;
                      for (let i = 0; i < d.length; i += 4) if (d[i+3] > 0 && (d[i] < 240 || d[i+1] < 240 || d[i+2] < 240)) n++;
                      return n; }"""
        )
        # Dozens of nodes and ties: many thousands of drawn pixels, not an empty canvas.
        assert coloured > 5000, coloured
        assert not watch.errors and not watch.foreign


def test_hostile_name_is_shown_as_text(page, server):
    watch = Watch(page, server.url)
    with server.explained():
        # In the registry page the name is in the entity picker and the editor's form.
        page.goto(f"{server.url}/registry?lang=en")
        settle(page, "Registry")
        choose(page, "Choose an entity", EVIL)
        # Shown as text: in the picker and in the heading of the edit form.
        page.get_by_text(f"{EVIL} (evil)").first.wait_for(timeout=30000)
        page.locator("[data-testid='stForm']").first.wait_for(timeout=30000)
        values = page.locator("input, textarea").evaluate_all("els => els.map(e => e.value)")
        assert EVIL in values  # the name field of the edit form holds the text itself
        assert page.locator("img[src='x']").count() == 0

        # In the network, focused on it: canvas label, and a tooltip when hovered.
        page.goto(f"{server.url}/network?lang=en")
        settle(page, "Network")
        choose(page, "Focus on", EVIL)
        settle(page, "Network")
        page.get_by_text(EVIL).first.wait_for(timeout=30000)
        frame = network_frame(page)
        # The drawing focused on it (not the whole network drawn before), drawn and still.
        until_in_frame(
            frame,
            """() => document.body.dataset.drawn === "1" && document.body.dataset.stable === "1"
            && window.registryData.nodes.some(r => r[0] === "evil" && (r[7] & 2))""",
        )
        box = page.locator("iframe[title='Network diagram of the ties']").bounding_box()
        spot = frame.locator("body").evaluate(
            "() => { const n = window.registryNetwork; const p = n.getPositions(['evil']).evil; return n.canvasToDOM(p); }"
        )
        page.mouse.move(box["x"] + spot["x"] + 1, box["y"] + spot["y"] + 1)
        tooltip = frame.locator("#tooltip")
        tooltip.wait_for(state="visible", timeout=10000)
        assert EVIL in tooltip.inner_text()
        assert tooltip.locator("img").count() == 0
        assert frame.locator("img").count() == 0
        assert not watch.dialogs, watch.dialogs
        assert not watch.errors, watch.errors


def test_language_switch_in_the_frame(page, server):
    watch = Watch(page, server.url)
    with server.explained():
        page.goto(f"{server.url}/network")
        settle(page, "Nettverk")
        page.locator("[data-testid='stMultiSelect']").filter(has_text="Typer forbindelser").click()
        page.keyboard.type("Vennskapsby")
        page.keyboard.press("Enter")
        page.keyboard.press("Escape")
        settle(page, "Nettverk")
        page.locator("[data-testid='stSidebar']").get_by_text("English", exact=True).click()
        settle(page, "Network")
        # The chosen filter stays chosen and is shown in the new language.
        chips = page.locator("[data-testid='stMultiSelect']").filter(has_text="Tie kinds")
        chips.get_by_text("Sister city", exact=True).wait_for(timeout=30000)
        page.get_by_role("link", name="Sister cities").first.click()
        settle(page, "Sister cities")
        # The heading shows before the rest of the page has run: wait for the form, not a count taken at once.
        page.get_by_text("Record a decision").first.wait_for(timeout=30000)
        assert not watch.errors, watch.errors


def test_council_summary_downloads(page, server):
    watch = Watch(page, server.url)
    with server.explained():
        page.goto(f"{server.url}/sister_cities?lang=en")
        settle(page, "Sister cities")
        button = page.get_by_role("button", name="Printable summary (HTML)")
        button.wait_for(timeout=30000)
        # One click is enough: a download click no longer reruns the page (issue 19, D9), so no rerun can lose it.
        with page.expect_download(timeout=30000) as info:
            button.click()
        path = info.value.path()
        assert path, f"no download; browser console: {watch.console}"
        html = Path(path).read_text(encoding="utf-8")
        assert html.startswith("<!DOCTYPE html>")
        # The seed's eleven sister cities, each under its category.
        assert html.count("<h3>") == 11 and "Graz" in html
        assert not watch.errors and not watch.foreign


QUICK_DOWNLOADS = {
    # page -> (title, [(button, file name)]): five clicks each, every deferred button (made when clicked) among
    # them. The one clicked twice holds a finished file: a deferred button shows a spinner and takes no click
    # while its file is being made (Streamlit's DownloadButton), so a second click on it is no second download.
    "sister_cities": (
        "Sister cities",
        [
            ("Summary (Markdown)", "sister-cities-en.md"),
            ("Printable summary (HTML)", "sister-cities-en.html"),
            ("Download CSV", "sister-cities.csv"),
            ("Council case on the sister cities (Word)", "case"),
            ("Download CSV", "sister-cities.csv"),
        ],
    ),
    "import_export": (
        "Import and export",
        [
            ("The network (GraphML)", "international-ties.graphml"),
            ("All tables (zip)", "registry-csv.zip"),
            ("The network (GEXF)", "international-ties.gexf"),
            ("Download the table (CSV)", "entities.csv"),
            ("All tables (zip)", "registry-csv.zip"),
        ],
    ),
}


@pytest.mark.parametrize("where", list(QUICK_DOWNLOADS))
def test_five_downloads_clicked_within_a_second_all_arrive(page, server, where):
    # Issue 19, D9: a click used to rerun the page, and the rerun revoked the ids of the deferred
    # downloads the browser still held: a second click within half a second got "Deferred file not
    # found" and no file (GraphML lost in 3 of 3 quick runs).
    from registry.documents import case

    title, clicks = QUICK_DOWNLOADS[where]
    watch = Watch(page, server.url)
    arrived = []
    page.on("download", lambda d: arrived.append(d))
    missing = []  # what the server answered 404 for, to name in a failure
    page.on("response", lambda r: missing.append(f"{r.request.method} {r.url}") if r.status == 404 else None)
    with server.explained():
        page.goto(f"{server.url}/{where}?lang=en")
        settle(page, title)
        buttons = [page.get_by_role("button", name=name, exact=True) for name, _ in clicks]
        for button in buttons:
            button.wait_for(timeout=30000)
        started = time.monotonic()
        for button in buttons:
            # A click event without Playwright's checks before each real click (0.2 s each on a busy machine):
            # five clicks inside a second, like a reader who clicks them in a row.
            button.dispatch_event("click")
        clicking = time.monotonic() - started
        assert clicking < 1.0, f"the five clicks took {clicking:.2f} s"
        deadline = time.monotonic() + 60
        while len(arrived) < len(clicks) and time.monotonic() < deadline:
            page.wait_for_timeout(200)
        got = sorted(d.suggested_filename for d in arrived)
        expected = sorted(case.case_filename("docx", "en") if file == "case" else file for _, file in clicks)
        assert got == expected, f"{len(arrived)} of {len(clicks)} downloads arrived: {got}; not found: {missing}"
        assert all(Path(d.path()).stat().st_size > 0 for d in arrived)
        if where == "sister_cities":
            # The table's CSV as a spreadsheet wants it: a BOM, the page's column labels, "No decision" (item 6, D10).
            data = Path(next(d for d in arrived if d.suggested_filename == "sister-cities.csv").path()).read_bytes()
            assert data.startswith(b"\xef\xbb\xbf") and "Assigned category" in data.decode("utf-8-sig").splitlines()[0]
            assert "No decision" in data.decode("utf-8-sig") and "unclassified" not in data.decode("utf-8-sig")
        assert "Deferred file not found" not in server.log_text()
        assert not watch.errors and not watch.foreign


# --- issue 11: edits, forms, drawings, the map ---------------------------------------------------


def edit_form(page):
    """The shown edit form of the chosen row (its submit button says 'Save the changes')."""
    return page.locator("[data-testid='stForm']").filter(has=page.get_by_role("button", name="Save the changes")).first


def field(scope, label: str):
    """The text field labelled ``label`` in ``scope``."""
    return scope.locator(f"input[aria-label='{label}'], textarea[aria-label='{label}']")


def open_for_edit(pg, server, option: str, typed: str) -> None:
    """Show the Registry page on ``pg`` with the entity ``option`` chosen (typing ``typed``) and its edit form."""
    pg.goto(f"{server.url}/registry?lang=en")
    settle(pg, "Registry")
    choose(pg, "Choose an entity", option, typed=typed)
    field(edit_form(pg), "English name").wait_for(timeout=30000)


def save(pg, said: str) -> None:
    """Click the edit form's save button and wait until the page says ``said`` (saved, or refused)."""
    edit_form(pg).get_by_role("button", name="Save the changes").click()
    pg.get_by_text(said).wait_for(timeout=30000)


def save_over_a_stale_form(a, b, server, row: str, name: str, name_en: str, note: str) -> None:
    """Open entity ``row`` (``name``, picked by its first five letters) in two sessions, A and B.

    A saves ``name_en`` as the English name; then B, not reloaded, saves ``note`` and is refused.
    Returns when B's page has settled on the refusal.
    """
    for pg in (a, b):
        open_for_edit(pg, server, f"{name} ({row})", name[:5])
    field(edit_form(a), "English name").fill(name_en)
    save(a, f"“{row}” is saved")
    field(edit_form(b), "Notes").fill(note)
    save(b, "Someone else changed this row")
    settle(b, "Registry")


def test_a_save_over_an_edit_made_in_another_tab_is_refused_and_keeps_the_typing(browser, server):
    import sqlite3

    # Two browser contexts are two sessions: two people (or two tabs) with Graz open in the edit form.
    with tabs(browser) as (a, b), server.explained():
        version = sqlite3.connect(server.db).execute("SELECT version FROM entities WHERE id = 'graz'").fetchone()[0]
        # A saves a new English name; B, not reloaded, saves a note over the row as it was: refused, and the
        # note is still in the form.
        note = "Twinned since the 1990s; see the council case"
        save_over_a_stale_form(a, b, server, "graz", "Graz", "Graz (Styria)", note)
        assert field(edit_form(b), "Notes").input_value() == note
        assert not b.get_by_text("“graz” is saved").count()
        # A second try from the same form is refused too.
        save(b, "Someone else changed this row")
        settle(b, "Registry")
        assert field(edit_form(b), "Notes").input_value() == note

        row = sqlite3.connect(server.db).execute("SELECT name_en, notes, version FROM entities WHERE id = 'graz'").fetchone()
        assert row == ("Graz (Styria)", None, version + 1)


def test_a_refused_decision_keeps_every_field(page, server):
    import sqlite3

    watch = Watch(page, server.url)
    with server.explained():
        page.goto(f"{server.url}/sister_cities?lang=en")
        settle(page, "Sister cities")
        form = page.locator("[data-testid='stForm']").filter(has=page.get_by_role("button", name="Save the decision"))
        choose(page, "Sister city", "Graz", typed="Graz", within=form)
        choose(page, "Category", "Dormant", typed="Dormant", within=form)
        reason = "Ingen kontakt siden 2019; " + "kommunen har ikke midler til å følge opp vennskapet. " * 8
        field(form, "Decided on").fill("5. mars 2026")  # not a date the registry reads: refused
        field(form, "Case reference").fill("2026/4711")
        field(form, "Reason").fill(reason)
        before = sqlite3.connect(server.db).execute("SELECT count(*) FROM decisions").fetchone()[0]
        form.get_by_role("button", name="Save the decision").click()
        page.get_by_text("nothing was saved").first.wait_for(timeout=30000)
        settle(page, "Sister cities")
        # Every field still holds what was entered, so a second try records it against the same city.
        boxes = form.locator("[data-testid='stSelectbox']")
        shown = boxes.evaluate_all("bs => bs.map(b => b.innerText + ' ' + [...b.querySelectorAll('input')].map(i => i.value).join(' '))")
        # The boxes: city, kind of decision, category.
        assert "Graz" in shown[0] and any("Dormant" in b for b in shown[1:]), shown
        assert field(form, "Decided on").input_value() == "5. mars 2026"
        assert field(form, "Case reference").input_value() == "2026/4711"
        assert field(form, "Reason").input_value() == reason
        assert sqlite3.connect(server.db).execute("SELECT count(*) FROM decisions").fetchone()[0] == before

        # Corrected and saved: recorded for Graz, and the form is empty again.
        field(form, "Decided on").fill("2026-03-05")
        form.get_by_role("button", name="Save the decision").click()
        page.get_by_text("The decision on Graz is saved").wait_for(timeout=30000)
        settle(page, "Sister cities")
        stored = (
            sqlite3.connect(server.db)
            .execute("SELECT tie_id, category, decided_on, case_ref FROM decisions ORDER BY rowid DESC LIMIT 1")
            .fetchone()
        )
        assert stored == ("trondheim--graz", "dormant", "2026-03-05", "2026/4711")
        assert field(form, "Case reference").input_value() == ""
        assert not watch.errors, watch.errors


def test_focus_and_path_draw_every_stop_of_the_path(page, server):
    import sqlite3

    from registry import view
    from registry.network.graph import GraphFilter, build_graph

    watch = Watch(page, server.url)
    g = build_graph(sqlite3.connect(server.db), GraphFilter.make(as_of=time.localtime().tm_year))
    # NTNU to Darmstadt takes three steps (e.g. via Mid-Norway European Office and Trondheim), one more
    # than the focus on NTNU reaches.
    assert len(view.shortest_path(g, "ntnu", "darmstadt")) == 4 and "darmstadt" not in view.neighbourhood(g, "ntnu", 2)
    with server.explained():
        page.goto(f"{server.url}/network?lang=en")
        settle(page, "Network")
        choose(page, "Focus on", "NTNU", typed="NTNU")
        settle(page, "Network")
        choose(page, "Shortest path from", "NTNU", typed="NTNU")
        settle(page, "Network")
        choose(page, "to", "Darmstadt", typed="Darmstadt")
        settle(page, "Network")
        page.get_by_text("(3 steps)").first.wait_for(timeout=30000)
        frame = network_frame(page)
        until_in_frame(
            frame,
            """() => document.body.dataset.drawn === "1" && document.body.dataset.stable === "1"
            && window.registryData.nodes.some(r => r[0] === "ntnu" && (r[7] & 2))""",
        )
        # The path as the page marked it (lit nodes and ties), and what vis-network holds to draw.
        drawn = frame.locator("body").evaluate(
            """() => { const d = window.registryNetwork.body.data, R = window.registryData;
                       return {nodes: d.nodes.getIds(), edges: d.edges.getIds(),
                               stops: R.nodes.filter(r => r[7] & 1).map(r => r[0]),
                               ties: R.edges.filter(e => e[4] & 1).map(e => [e[0], R.nodes[e[1]][0], R.nodes[e[2]][0]])}; }"""
        )
        stops, ties = set(drawn["stops"]), drawn["ties"]
        assert len(stops) == 4 and {"ntnu", "darmstadt"} <= stops, stops
        assert len(ties) == 3 and {end for _, *ends in ties for end in ends} == stops, ties
        assert stops <= set(drawn["nodes"]), stops - set(drawn["nodes"])
        assert {tie for tie, *_ in ties} <= set(drawn["edges"])
        assert not watch.errors, watch.errors


def test_the_path_takes_sure_ties_and_the_uncertain_alternative_is_dashed(page, server):
    # Issue 19, item 4. NTNU and Trondheim are two steps apart through Mid-Norway European Office (active,
    # sourced ties) and through International Forum (NTNU's membership uncertain and undated, data/ties.csv).
    watch = Watch(page, server.url)
    lit = """() => { const R = window.registryData;
                     return R.edges.filter(e => e[4] & 1).map(e => [e[0], (e[4] & 4) > 0]); }"""
    with server.explained():
        page.goto(f"{server.url}/network?lang=en")
        settle(page, "Network")
        choose(page, "Shortest path from", "NTNU", typed="NTNU")
        settle(page, "Network")
        choose(page, "to", "Trondheim", typed="Trondheim")
        settle(page, "Network")
        page.get_by_text("(2 steps)").first.wait_for(timeout=30000)
        frame = network_frame(page)
        until_in_frame(
            frame,
            """() => document.body.dataset.stable === "1"
            && window.registryData.edges.some(e => e[0] === "ntnu--trondelags-europakontor" && (e[4] & 1))""",
        )
        assert dict(frame.locator("body").evaluate(lit)) == {
            "ntnu--trondelags-europakontor": False,
            "trondheim--trondelags-europakontor": False,
        }
        # The alternative through the forum: drawn on request, its uncertain tie lit and dashed, and named.
        page.get_by_text("Path 2: 2 steps").click()
        settle(page, "Network")
        page.get_by_text("The path goes through a tie that is uncertain").wait_for(timeout=30000)
        until_in_frame(
            frame,
            """() => document.body.dataset.stable === "1"
            && window.registryData.edges.some(e => e[0] === "ntnu--internasjonalt-forum" && (e[4] & 1))""",
        )
        assert dict(frame.locator("body").evaluate(lit))["ntnu--internasjonalt-forum"] is True
        assert not watch.errors, watch.errors


#: Records how long each task kept the page's main thread busy (tasks over 50 ms), from the first script on.
LONG_TASKS = """window.__tasks = [];
new PerformanceObserver(l => l.getEntries().forEach(e => window.__tasks.push(Math.round(e.duration))))
  .observe({type: "longtask", buffered: true});"""


@pytest.fixture(scope="module")
def large_db(tmp_path_factory):
    """A registry of 10,000 synthetic entities (about 30,000 ties), made once for the tests that read it."""
    from registry.io.ingest import import_files
    from registry.io.synth import synthetic_files

    tmp = tmp_path_factory.mktemp("large")
    db = tmp / "large.db"
    conn = connect(db)
    import_files(conn, synthetic_files(10_000, tmp / "csv"), actor="test")
    conn.close()
    return db


def test_the_map_of_a_large_registry_keeps_the_browser_responsive(browser, large_db, tmp_path):
    # 10,000 synthetic entities with ~8,700 ties between placed ends. Drawn one by one (as arcs) they kept
    # headless Chromium busy for 5.7-7.4 s in one task (issue 11); merged per pair of countries, about 1 s with
    # deck.gl (WebGL read back without a graphics card); on a 2D canvas (registry.network.mapdraw) about 0.1 s.
    db = large_db
    with opened(browser) as page:
        page.add_init_script(LONG_TASKS)
        watch = Watch(page, "http://127.0.0.1")
        with serve(db, tmp_path) as srv, srv.explained():
            page.goto(f"{srv.url}/map?lang=en")
            settle(page, "Map")
            map_frame(page).locator("body[data-drawn='1'] canvas").wait_for(timeout=60000)
            page.wait_for_timeout(2000)  # the table and legend below the map
            tasks = page.evaluate("window.__tasks")
            assert tasks and max(tasks) < 3000, sorted(tasks)[-5:]
            page.get_by_text("too many to draw one by one").wait_for(timeout=30000)
            assert not watch.errors, watch.errors


# --- issue 11, item 9: click a node to select it, save the drawing as an image ---------------------


def test_a_click_on_a_node_shows_its_ties_and_the_drawing_saves_as_png(page, server):
    watch = Watch(page, server.url)
    with server.explained():
        page.goto(f"{server.url}/network?lang=en")
        settle(page, "Network")
        frame = network_frame(page)
        until_in_frame(
            frame,
            """() => document.body.dataset.drawn === "1" && document.body.dataset.stable === "1"
            && window.registryData.nodes.some(r => r[0] === "graz")""",
        )
        assert page.get_by_text("Click a node in the drawing").count() == 1  # nothing selected yet
        box = page.locator("iframe[title='Network diagram of the ties']").bounding_box()
        spot = frame.locator("body").evaluate(
            "() => { const n = window.registryNetwork; return n.canvasToDOM(n.getPositions(['graz']).graz); }"
        )
        page.mouse.click(box["x"] + spot["x"], box["y"] + spot["y"])
        # The page (outside the iframe) now shows Graz's ties, and the address keeps the selection.
        page.get_by_text("Selected in the drawing").wait_for(timeout=30000)
        # An earlier test in the same server renames Graz in English ("Graz (Styria)"): match either name.
        heading = page.locator("[data-testid='stMarkdownContainer']").filter(has_text=re.compile(r"Graz[^·]*·")).first
        heading.wait_for(timeout=30000)
        assert "1 tie" in heading.inner_text()
        assert "net_sel=graz" in page.url

        button = frame.get_by_role("button", name="Save as image (PNG)")
        with page.expect_download(timeout=30000) as info:
            button.click()
        download = info.value
        assert download.suggested_filename == "network.png"
        data = Path(download.path()).read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10000  # a drawn picture, not an empty canvas
        assert not watch.errors, watch.errors
        assert not watch.foreign, watch.foreign


# --- issue 17, item 4: the calendar panel on the Overview ------------------------------------------


@pytest.fixture(scope="module")
def calendar_server(tmp_path_factory):
    """The seed with an agreement review 40 days ahead and a contact kept past retain_until."""
    from datetime import date, timedelta

    tmp = tmp_path_factory.mktemp("calendar")
    db = tmp / "registry.db"
    conn = connect(db)
    load_seed(conn)
    store.update(conn, "agreements", "ring-charter-1968", {"review_on": (date.today() + timedelta(days=40)).isoformat()}, actor="test")
    store.update(conn, "contacts", "consul-denmark", {"retain_until": "2025-12-31"}, actor="test")
    conn.close()
    with serve(db, tmp) as srv:
        yield srv


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_calendar_panel_lists_what_is_due_and_downloads_an_ics(browser, calendar_server, lang):
    import icalendar

    srv = calendar_server
    with opened(browser, 1400, 2400, accept_downloads=True) as page:
        watch = Watch(page, srv.url)
        nb = lang == "nb"
        with srv.explained():
            page.goto(f"{srv.url}/?lang={lang}")
            settle(page, "Oversikt" if nb else "Overview")
            page.get_by_role("heading", name="Hva forfaller" if nb else "What is due").wait_for(timeout=30000)
            page.get_by_text("2 punkter, 1 av dem forfalt" if nb else "2 items, 1 of them overdue").wait_for(timeout=30000)
            button = page.get_by_role("button", name="Last ned som kalender (.ics)" if nb else "Download as a calendar (.ics)")
            path = None
            for _ in range(2):  # a click that lands while the page reruns can be lost
                try:
                    with page.expect_download(timeout=30000) as info:
                        button.click()
                    path = info.value.path()
                    break
                except Exception:  # noqa: BLE001 - Playwright's timeout; retried once
                    settle(page, "Oversikt" if nb else "Overview")
            assert path, f"no download; browser console: {watch.console}"
            cal = icalendar.Calendar.from_ical(Path(path).read_bytes())
            summaries = [str(e["SUMMARY"]) for e in cal.walk("VEVENT")]
            review = "Avtalen «Dokument om vennskapet" if nb else "The agreement “Urkunde"  # title_nb in Norwegian
            overdue = "Forfalt: Personopplysningene" if nb else "Overdue: The personal data"
            assert len(summaries) == 2 and any(s.startswith(review) for s in summaries), summaries
            assert any(s.startswith(overdue) for s in summaries), summaries
            page.wait_for_timeout(1000)  # late widgets (tables) finish drawing
            SHOTS.mkdir(exist_ok=True)
            page.screenshot(path=str(SHOTS / f"overview-calendar-{lang}.png"), full_page=True)
            assert not page.locator("[data-testid='stException']").count()
            assert not watch.errors, watch.errors
            assert not watch.foreign, watch.foreign


# --- issue 19, item 1: a year step on a large registry says it is running, and ends in time -------------------


def test_a_year_step_on_a_large_registry_shows_it_is_running(browser, large_db, tmp_path):
    # 10,000 synthetic entities: a year step works out the year's graph, its drawing and the metrics table
    # (about 1 s on a quiet 2-core machine, 2.2x the graph build and view in the benchmark), well over the
    # 0.3 s after which the page says it is working.
    db = large_db
    with opened(browser) as page:
        watch = Watch(page, "http://127.0.0.1")
        with serve(db, tmp_path) as srv, srv.explained():
            page.goto(f"{srv.url}/network?lang=en")
            settle(page, "Network")
            network_frame(page).locator("body[data-stable='1']").wait_for(timeout=60000)
            thumb = page.locator("[data-testid='stSlider'] input[type='range']").first
            thumb.wait_for(state="attached", timeout=30000)
            year = int(thumb.input_value())
            started = time.monotonic()
            thumb.focus()
            page.keyboard.press("ArrowLeft")
            notice = page.get_by_text("Working out the view, the drawing and the metrics")
            notice.wait_for(timeout=10000)  # seen while the step runs
            notice.wait_for(state="detached", timeout=60000)
            settle(page, "Network")
            took = time.monotonic() - started
            assert int(thumb.input_value()) == year - 1
            assert took < 20, took  # the test's own limit, for a loaded machine (about 1-4 s here)
            assert not page.locator("[data-testid='stException']").count()
            assert not watch.errors, watch.errors


# --- issue 19, item 3 (D5): cards a council member can read ----------------------------------------


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_sister_citys_decisions_and_plan_read_without_sideways_scrolling_at_1024_px(browser, tmp_path, lang):
    from registry.review import classify

    # A decision with a long reason and a plan line on Graz: the card in a column of four was 120 px wide
    # at 1024 px and showed them in a grid that scrolled sideways.
    db = tmp_path / "cards.db"
    conn = connect(db)
    load_seed(conn)
    reason = "Felles satsing på klima og kultur med nasjonal støtte; " * 6
    classify.record_decision(conn, "trondheim--graz", "political_focus", "2025-06-19", "Formannskapet", "2025/0042", reason, actor="test")
    store.insert(
        conn,
        "plan_lines",
        {
            "tie_id": "trondheim--graz",
            "year": 2026,
            "amount": 150000,
            "funder": "municipal",
            "purpose": "Ungdomsutveksling og kulturuke",
            "source": "test",
        },
        actor="test",
    )
    conn.close()
    with opened(browser, 1024, 1400) as page:
        watch = Watch(page, "http://127.0.0.1")
        title = PAGES["sister_cities"][0 if lang == "nb" else 1]
        with serve(db, tmp_path) as srv, srv.explained():
            page.goto(f"{srv.url}/sister_cities?lang={lang}")
            settle(page, title)
            table = page.locator("[data-testid='stTable']").filter(has_text="2025/0042").first
            table.wait_for(timeout=30000)
            # The table, every box inside it and every box around it up to the page's main block: nothing
            # wider than what shows it (a scrolling box has scrollWidth > clientWidth).
            widths = table.evaluate(
                """t => { const out = [];
                          for (let e = t; e && e.getAttribute('data-testid') !== 'stMain'; e = e.parentElement)
                            out.push([e.getAttribute('data-testid') || e.tagName, e.scrollWidth, e.clientWidth]);
                          for (const e of t.querySelectorAll('*')) if (e.clientWidth) out.push([e.tagName, e.scrollWidth, e.clientWidth]);
                          return out; }"""
            )
            assert all(scroll <= client for _, scroll, client in widths), widths
            # The card: the bordered block holding the decision.
            card = page.locator("[data-testid='stVerticalBlock']").filter(has=table).filter(has_text="Graz").last
            # Every fact of the decision is on screen, the reason whole.
            text = table.inner_text()
            for fact in ("2025-06-19", "Formannskapet", "2025/0042"):
                assert fact in text, fact
            assert reason.strip().split("; ")[0] in text
            assert page.locator("[data-testid='stTable']").filter(has_text="150000").count()
            box = table.bounding_box()
            assert box and box["width"] > 500, box  # a readable table, not a 120 px grid
            SHOTS.mkdir(exist_ok=True)
            card.screenshot(path=str(SHOTS / f"sister-card-1024-{lang}.png"))
            assert not watch.errors, watch.errors


# --- issue 19, item 5 (D6): a save on the Registry page stays on its tab and row ----------------------------


def test_a_save_stays_on_the_registry_tab_and_its_row(page, server):
    watch = Watch(page, server.url)
    with server.explained():
        page.goto(f"{server.url}/registry?lang=en")
        settle(page, "Registry")
        page.get_by_role("tab", name="Activities").click()
        settle(page, "Registry")
        panel = page.get_by_role("tabpanel").filter(has_text="Choose a row")
        choose(page, "Choose a row", "dunfermline-80-years-2025", typed="Dunfermline", within=panel)
        form = edit_form(page)
        field(form, "Notes").fill("Tidskapselen ble gravd opp")
        form.get_by_role("button", name="Save the changes").click()
        page.get_by_text("“dunfermline-80-years-2025” is saved").wait_for(timeout=30000)
        settle(page, "Registry")
        # Before: the first tab (Entities) showed, the row's form out of sight.
        assert page.get_by_role("tab", selected=True).inner_text().strip() == "Activities"
        assert field(edit_form(page), "Notes").input_value() == "Tidskapselen ble gravd opp"
        assert edit_form(page).is_visible()
        assert not watch.errors, watch.errors


# --- issue 19, item 5 (D7): a stale edit shows the stored version beside the typed text ------------------


def test_a_stale_edit_compares_and_builds_on_the_stored_version(browser, server):
    import sqlite3

    with tabs(browser) as (a, b), server.explained():
        note = "Vennskapsby siden 1946; se bystyresaken"
        save_over_a_stale_form(a, b, server, "norrkoping", "Norrköping", "Norrkoping (Östergötland)", note)
        # The stored version beside the typed text, no advice to reload.
        compared = b.locator("[data-testid='stTable']").filter(has_text="Your text")
        compared.wait_for(timeout=30000)
        assert "Norrkoping (Östergötland)" in compared.inner_text() and note in compared.inner_text()
        assert not b.get_by_text("Reload the page").count()
        SHOTS.mkdir(exist_ok=True)
        b.screenshot(path=str(SHOTS / "registry-stale-compare.png"), full_page=True)
        b.get_by_role("button", name="Build on the current version").click()
        settle(b, "Registry")
        # The rerun that fills the fields can land after the page looks settled: wait for the values, not a moment.
        from playwright.sync_api import expect

        expect(field(edit_form(b), "English name")).to_have_value("Norrkoping (Östergötland)", timeout=30000)
        expect(field(edit_form(b), "Notes")).to_have_value(note, timeout=30000)
        save(b, "“norrkoping” is saved")
        row = sqlite3.connect(server.db).execute("SELECT name_en, notes FROM entities WHERE id = 'norrkoping'").fetchone()
        assert row == ("Norrkoping (Östergötland)", note)
