"""The entity page and the Registry's shareable address in a real browser (Debian's Chromium), in nb and en.

Uses the server and browser set-up of tests/browser/test_browser.py: the seed plus an entity
named ``<img src=x onerror=alert(1)>`` tied to Graz, which must show as text.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from registry import connect, load_seed
from registry.store import writes as store
from tests.browser.test_browser import EVIL
from tests.browser_kit import Watch, chromium, serve, settle  # noqa: F401 - chromium is the browser fixture

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TITLES = {"entity": ("Aktør eller sted", "Entity"), "registry": ("Register", "Registry")}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("entity_browser")
    db = tmp / "registry.db"
    conn = connect(db)
    load_seed(conn)
    store.insert(conn, "entities", {"id": "evil", "kind": "voluntary_org", "name": EVIL, "notes": EVIL, "source": EVIL}, actor="test")
    store.insert(conn, "ties", {"id": "evil--graz", "from_id": "evil", "to_id": "graz", "kind": "partnership", "source": "s"}, actor="test")
    conn.close()
    with serve(db, tmp) as srv:
        yield srv


@pytest.fixture
def page(browser, server):  # noqa: F811
    context = browser.new_context(viewport={"width": 1400, "height": 1800})
    pg = context.new_page()
    yield pg
    context.close()


def tags(page, label: str):
    """The chosen options (tags) of the visible multiselect labelled ``label``."""
    box = page.locator("[data-testid='stMultiSelect']").filter(has_text=label).locator("visible=true").first
    return box.locator(".react-aria-ComboBox [data-tag]")


def clean(watch: Watch, page) -> None:
    assert not page.locator("[data-testid='stException']").count()
    assert not watch.errors, watch.errors
    assert not watch.foreign, watch.foreign
    assert not watch.dialogs, watch.dialogs


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_an_entity_address_opens_its_page_and_its_tie_opens_the_other_end(page, server, lang):
    watch = Watch(page, server.url)
    nb = lang == "nb"
    with server.explained():
        page.goto(f"{server.url}/entity?id=graz&lang={lang}")
        settle(page, TITLES["entity"][not nb])
        page.get_by_role("heading", name="Graz", exact=True).wait_for(timeout=10000)
        page.get_by_role("heading", name="Forbindelser (2)" if nb else "Ties (2)").wait_for(timeout=10000)
        page.locator("td[role=gridcell]", has_text="Vennskapsby" if nb else "Sister city").first.wait_for(state="attached", timeout=10000)
        # The hostile name is a counterpart of Graz: text in the grid, never an element or a dialog.
        assert not page.locator("img[src='x']").count()
        # A click on the counterpart's name opens its page in a new tab, in the same language.
        grid = page.locator("[data-testid='stDataFrame']").first
        box = grid.bounding_box()
        assert box
        for row in range(2):
            y = box["y"] + 35 + 17 + row * 35  # header row, then one row of 35 px each
            page.mouse.move(box["x"] + 60, y)
            page.wait_for_timeout(300)
            with page.context.expect_page(timeout=10000) as opened:
                page.mouse.click(box["x"] + 60, y)
            other = opened.value
            other.wait_for_load_state()
            query = parse_qs(urlparse(other.url).query)
            assert query["lang"] == [lang] and query["id"][0] in {"trondheim", "evil"}
            if query["id"] == ["trondheim"]:
                settle(other, TITLES["entity"][not nb])
                other.get_by_role("heading", name="Trondheim kommune" if nb else "Trondheim Municipality").wait_for(timeout=10000)
            other.close()
        clean(watch, page)


@pytest.mark.parametrize("lang, text", [("nb", "ingen aktør eller sted med id «atlantis»"), ("en", "no entity with id “atlantis”")])
def test_an_unknown_id_is_said_in_the_pages_language(page, server, lang, text):
    watch = Watch(page, server.url)
    with server.explained():
        page.goto(f"{server.url}/entity?id=atlantis&lang={lang}")
        settle(page, TITLES["entity"][lang == "en"])
        page.get_by_text(text).wait_for(timeout=10000)
        clean(watch, page)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_registry_address_opens_the_ties_tab_with_its_filters(page, server, lang):
    watch = Watch(page, server.url)
    nb = lang == "nb"
    with server.explained():
        page.goto(f"{server.url}/registry?lang={lang}&tab=ties&reg_tie_kinds=sister_city&reg_tie_search=graz")
        settle(page, TITLES["registry"][not nb])
        assert page.get_by_role("tab", selected=True).inner_text().strip() == ("Forbindelser" if nb else "Ties")
        chip = tags(page, "Typer forbindelser" if nb else "Tie kinds")
        chip.first.wait_for(timeout=10000)
        assert chip.count() == 1 and chip.first.inner_text().startswith("Vennskapsby (" if nb else "Sister city (")
        # The ties tab's own search, by its placeholder, and waited for: under load the first visible text input
        # could still be the entities tab's while the page settled on the tab the address names.
        search = page.get_by_placeholder("Navn, id, mål eller kilde" if nb else "Name, id, goal or source")
        expect(search).to_have_value("graz", timeout=10000)
        clean(watch, page)


def test_a_chosen_kind_stays_chosen_when_a_search_changes_its_count_and_the_address_follows(page, server):
    watch = Watch(page, server.url)
    with server.explained():
        page.goto(f"{server.url}/registry?lang=en")
        settle(page, "Registry")
        page.locator("[data-testid='stMultiSelect']").filter(has_text="Entity kinds").first.click()
        page.keyboard.type("City")
        page.get_by_role("option").filter(has_text="City (").first.click()
        page.keyboard.press("Escape")
        settle(page, "Registry")
        before = tags(page, "Entity kinds").inner_text()
        search = page.locator("[data-testid='stTextInput'] input").locator("visible=true").first
        search.fill("gr")
        search.press("Enter")
        page.wait_for_function("() => location.search.includes('reg_search=gr')", timeout=30000)
        settle(page, "Registry")
        after = tags(page, "Entity kinds")
        assert after.count() == 1 and after.inner_text().startswith("City (") and after.inner_text() != before
        query = parse_qs(urlparse(page.url).query)
        assert query["reg_kinds"] == ["city"] and query["reg_search"] == ["gr"] and query["tab"] == ["entities"]
        # One more change after the count changed: the choice is still there (the browser sent the old text).
        page.get_by_role("tab", name="Ties", exact=True).click()
        settle(page, "Registry")
        page.get_by_role("tab", name="Entities", exact=True).click()
        settle(page, "Registry")
        assert parse_qs(urlparse(page.url).query)["reg_kinds"] == ["city"]
        clean(watch, page)


def test_a_hostile_name_is_shown_as_text_on_its_own_page(page, server):
    watch = Watch(page, server.url)
    with server.explained():
        page.goto(f"{server.url}/entity?id=evil&lang=en")
        settle(page, "Entity")
        page.get_by_role("heading", name=EVIL).wait_for(timeout=10000)  # the name as written, as text
        assert page.get_by_text(EVIL).count() >= 2  # the heading and the notes
        assert not page.locator("img[src='x']").count()
        clean(watch, page)
