"""The Registry page under AppTest: filter options with counts, and its tab, filters, searches and rows in the address.

Counts are checked against registry.edit.browse.facet_counts on the same file; an address
is checked by opening it in a new session and comparing what that session shows.
"""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from registry import connect
from registry.edit import browse
from tests.apps import address

ROOT = Path(__file__).resolve().parents[2]
PAGE = "app_pages/registry_browser.py"


def open_registry(params: dict | None = None, lang: str | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    if lang:
        at.session_state["lang"] = lang
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    return at


def test_filter_options_show_how_many_rows_each_finds(registry_db):
    at = open_registry(lang="en")
    conn = connect(registry_db)
    kinds = browse.facet_counts(conn, "entities", "kind")
    assert f"City ({kinds['city']})" in at.multiselect(key="reg_kinds").options
    at.multiselect(key="reg_countries").set_value(["SE"]).run()
    # The kinds now count Swedish entities only; the countries still count every country (their own choice set aside).
    swedish = browse.facet_counts(conn, "entities", "kind", filters={"country_code": ["SE"]})
    options = at.multiselect(key="reg_kinds").options
    assert f"City ({swedish['city']})" in options and "Municipality (0)" in options
    ties = browse.facet_counts(conn, "ties", "countries")
    assert f"Norway ({ties['NO']})" in at.multiselect(key="reg_tie_countries").options


def test_the_norwegian_page_counts_with_norwegian_labels(registry_db):
    at = open_registry(lang="nb")
    n = browse.facet_counts(connect(registry_db), "ties", "kind")["sister_city"]
    assert f"Vennskapsby ({n})" in at.multiselect(key="reg_tie_kinds").options


def test_a_chosen_filter_stays_chosen_when_its_count_changes(registry_db):
    at = open_registry(lang="en")
    at.multiselect(key="reg_kinds").set_value(["city"]).run()
    before = at.multiselect(key="reg_kinds").options
    at.text_input(key="reg_search").input("gr").run()  # fewer cities match: the option's text changes
    assert not at.exception
    assert at.multiselect(key="reg_kinds").options != before
    assert at.multiselect(key="reg_kinds").value == ["city"]
    rows = at.dataframe[0].value
    expected = browse.page_of(connect(registry_db), "entities", "gr", {"kind": ["city"]}, limit=None)[1]
    assert len(rows) == expected and expected > 0


def test_entity_filters_and_row_go_into_the_address_and_open_again(registry_db):
    at = open_registry(lang="en")
    at.multiselect(key="reg_kinds").set_value(["city"])
    at.multiselect(key="reg_countries").set_value(["SE"])
    at.text_input(key="reg_search").input("ö").run()
    at.selectbox(key="reg_entity").set_value("norrkoping").run()
    assert address(at) == {
        "lang": ["en"],
        "tab": ["entities"],
        "reg_kinds": ["city"],
        "reg_countries": ["SE"],
        "reg_search": ["ö"],
        "reg_entity": ["norrkoping"],
    }
    shared = open_registry(dict(at.query_params))
    assert shared.session_state["lang"] == "en"
    assert shared.multiselect(key="reg_kinds").value == ["city"] and shared.multiselect(key="reg_countries").value == ["SE"]
    assert shared.text_input(key="reg_search").value == "ö"
    assert shared.selectbox(key="reg_entity").value == "norrkoping"
    assert shared.dataframe[0].value.equals(at.dataframe[0].value)


def test_the_ties_tab_its_filters_and_another_tables_search_open_from_an_address(registry_db):
    params = {
        "lang": "nb",
        "tab": "ties",
        "reg_tie_kinds": ["sister_city"],
        "reg_sectors": ["culture"],
        "reg_tie_search": "graz",
        "reg_tie": "trondheim--graz",
        "reg_activities_search": "Graz",
    }
    at = open_registry(params)
    assert at.session_state["reg_tab_code"] == "ties"
    assert at.multiselect(key="reg_tie_kinds").value == ["sister_city"] and at.multiselect(key="reg_sectors").value == ["culture"]
    assert at.selectbox(key="reg_tie").value == "trondheim--graz"
    assert at.text_input(key="reg_activities_search").value == "Graz"
    ties = at.dataframe[1].value
    found = browse.page_of(connect(registry_db), "ties", "graz", {"kind": ["sister_city"], "sectors": ["culture"]})[0]
    assert ties["Id"].tolist() == found["id"].tolist() and "trondheim--graz" in found["id"].tolist()
    assert address(at) == {k: v if isinstance(v, list) else [v] for k, v in params.items()}


def test_an_address_with_unknown_values_opens_unfiltered(registry_db):
    at = open_registry({"lang": "en", "tab": "nonsense", "reg_kinds": "dragon", "reg_entity": "atlantis", "reg_plan_lines_row": "x"})
    assert at.multiselect(key="reg_kinds").value == [] and at.selectbox(key="reg_entity").value is None
    assert "reg_kinds" not in address(at) and "reg_entity" not in address(at)


def test_entity_names_in_the_registry_link_to_their_page(registry_db):
    at = open_registry(lang="en")
    names = at.dataframe[0].value["Name"]
    assert names.str.match(r"^entity\?id=[^&#]+&lang=en#").all()
    at.selectbox(key="reg_entity").set_value("graz").run()
    links = [p for p in at.get("page_link") if p.proto.page.endswith("entity")]
    assert links and "id=graz" in links[0].proto.query_string


def test_an_entity_named_in_another_table_links_to_its_page(registry_db):
    # The declared totals name their municipality: the column links to its page, in the page's language, by name.
    at = open_registry(lang="en")
    tables = [d.value for d in at.dataframe if "Entity" in d.value.columns and "Measure" in d.value.columns]
    assert len(tables) == 1
    assert "entity?id=trondheim&lang=en#Trondheim%20Municipality" in tables[0]["Entity"].tolist()
