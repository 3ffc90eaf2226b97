"""The Streamlit app under AppTest: every page in both languages, filters, a decision, a CSV download.

Each test runs the real ``app.py`` against a fresh registry seeded from ``data/``
(``REGISTRY_DB`` points at a temporary file). Expected numbers come from the
registry functions the pages call, so the test checks the page shows what the
library says.
"""

from __future__ import annotations

import csv
import io
import json
import re
import tomllib

import pytest
from streamlit.testing.v1 import AppTest

from registry import connect, view
from registry.network.graph import GraphFilter, build_graph
from registry.store import queries
from tests import apps
from tests.apps import PAGES, ROOT, address, content, start
from tests.damage import damage_ties


def network_data(at: AppTest) -> dict:
    """The nodes and edges the network page drew (the JSON inside the iframe's page)."""
    srcdoc = at.get("iframe")[0].proto.srcdoc
    m = re.search(r"window.registryData = (\{.*?\});\n", srcdoc)
    assert m, "no network data in the page"
    data = json.loads(m.group(1))
    data["edges"] = [dict(zip(data["edgeFields"], e)) for e in data["edges"]]
    return data


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_every_page_opens_without_exceptions(registry_db, lang):
    at = start(lang, editor="Kari")
    titles = []
    for page in PAGES:
        at.switch_page(f"app_pages/{page}.py").run()
        assert not at.exception, (page, [e.value for e in at.exception])
        titles.append(at.title[0].value)
    # Every page has its own title, in the chosen language.
    assert len(set(titles)) == len(PAGES)
    assert ("Oversikt" in titles) == (lang == "nb")


def test_overview_counts_come_from_the_registry(registry_db):
    at = start("en")
    conn = connect(registry_db)
    counts = queries.counts(conn)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Entities"] == str(counts["entities"])
    assert metrics["Ties"] == str(counts["ties"])
    assert metrics["Sister cities"] == str(queries.tie_counts(conn)["sister_city"])
    # Every decision of the table (the seed's are on the strategy, none a category): not "Category decisions".
    assert metrics["Decisions"] == str(counts["decisions"])


def test_network_filters_change_the_drawing(registry_db):
    at = start("en")
    at.switch_page("app_pages/network.py").run()
    conn = connect(registry_db)
    this_year = at.slider(key="net_year").value
    everything = network_data(at)
    expected = build_graph(conn, GraphFilter.make(as_of=this_year))
    assert len(everything["nodes"]) == expected.number_of_nodes()
    assert len(everything["edges"]) == expected.number_of_edges()

    at.multiselect(key="net_tie_kinds").set_value(["sister_city"]).run()
    assert not at.exception
    sisters = network_data(at)
    expected = build_graph(conn, GraphFilter.make(as_of=this_year, tie_kinds=["sister_city"]))
    assert len(sisters["edges"]) == expected.number_of_edges() == queries.tie_counts(conn)["sister_city"]
    assert {e["id"] for e in sisters["edges"]} == {k for _, _, k in expected.edges(keys=True)}

    # Back in 1950 fewer sister cities had been twinned (the seed dates them 1946 onwards); a past year
    # leaves out the ties with no known start.
    at.slider(key="net_year").set_value(1950).run()
    early = network_data(at)
    expected = build_graph(conn, GraphFilter.make(as_of=1950, tie_kinds=["sister_city"], skip_undated=True))
    assert len(early["edges"]) == expected.number_of_edges() < len(sisters["edges"])


def test_network_page_loads_vis_network_from_the_apps_static_folder(registry_db):
    at = start("en")
    at.switch_page("app_pages/network.py").run()
    srcdoc = at.get("iframe")[0].proto.srcdoc
    # Same-origin and relative (works under a base URL path); nothing inlined, nothing from another host.
    assert '<script src="app/static/vis-network.min.js"></script>' in srcdoc
    assert '<link rel="stylesheet" href="app/static/vis-network.css">' in srcdoc
    js, css = view.vis_assets()
    assert js not in srcdoc and len(srcdoc) < len(js)
    # The served files are pyvis's own (so they cannot drift from the inlined ones), and served.
    assert (ROOT / "static" / "vis-network.min.js").read_text(encoding="utf-8") == js
    assert (ROOT / "static" / "vis-network.css").read_text(encoding="utf-8") == css
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["enableStaticServing"] is True


def test_pickers_of_a_large_registry_list_the_matches_of_a_search(registry_db, monkeypatch):
    import app_pages._common as common

    # The seed's ~50 entities count as "large" here; past the limit the pickers start empty.
    monkeypatch.setattr(common, "MAX_PICKER_OPTIONS", 10)
    at = start("en")
    at.switch_page("app_pages/network.py").run()
    assert at.selectbox(key="net_focus").options == []
    at.text_input(key="net_find").input("trond").run()
    found = at.selectbox(key="net_focus").options
    assert "Trondheim Municipality" in found and all("trond" in o.casefold() for o in found)
    at.selectbox(key="net_focus").set_value("trondheim").run()
    # A new search keeps the chosen entity listed and chosen.
    at.text_input(key="net_find").input("graz").run()
    assert not at.exception
    assert at.selectbox(key="net_focus").value == "trondheim"
    assert set(at.selectbox(key="net_focus").options) == {"Graz", "Trondheim Municipality"}


def test_focus_shows_the_entity_ties_and_a_path(registry_db, downloads):
    at = start("en")
    at.switch_page("app_pages/network.py").run()
    at.selectbox(key="net_focus").set_value("trondheim").run()
    assert not at.exception
    conn = connect(registry_db)
    g = build_graph(conn, GraphFilter.make(as_of=at.slider(key="net_year").value))
    table = at.dataframe[0].value
    assert len(table) == g.degree("trondheim")
    rows = list(csv.DictReader(io.StringIO(content(at, downloads, "net_ties_csv").decode("utf-8-sig"))))
    # The header in the page's language (issue 19, item 6).
    assert {r["Tie"] for r in rows} == {k for _, _, k in g.edges("trondheim", keys=True)} | {
        k for _, _, k in g.in_edges("trondheim", keys=True)
    }
    assert all(r["Source"] for r in rows)

    at.selectbox(key="net_from").set_value("graz").run()
    at.selectbox(key="net_to").set_value("norrkoping").run()
    assert not at.exception
    # Graz and Norrköping are both Trondheim's sister cities: two steps via Trondheim.
    assert any("(2 steps)" in i.value and "Trondheim" in i.value for i in at.info)


def test_the_path_avoids_an_uncertain_tie_and_offers_alternatives_with_their_doubts(registry_db, downloads):
    # Issue 19, item 4. On the seed NTNU and Trondheim are two steps apart through Internasjonalt forum
    # (NTNU's membership is uncertain and undated) and through Trøndelags Europakontor (active, sourced).
    at = start("en")
    at.switch_page("app_pages/network.py").run()
    at.selectbox(key="net_from").set_value("ntnu").run()
    at.selectbox(key="net_to").set_value("trondheim").run()
    assert not at.exception
    assert any("(2 steps)" in i.value and "European Office" in i.value for i in at.info)
    assert not at.warning
    assert at.radio(key="net_path").options == ["Path 1: 2 steps", "Path 2: 2 steps", "Path 3: 3 steps"]
    (table,) = [df.value for df in at.dataframe if "Doubts" in df.value.columns]
    assert "uncertain, start not sourced" in set(table["Doubts"])
    rows = list(csv.DictReader(io.StringIO(content(at, downloads, "net_paths_csv").decode("utf-8-sig"))))
    assert {r["Tie"] for r in rows if r["Path"] == "1"} == {"ntnu--trondelags-europakontor", "trondheim--trondelags-europakontor"}
    # The second path, drawn on request, is the forum's: its uncertain tie is named.
    at.radio(key="net_path").set_value(1).run()
    assert any("International Forum" in i.value for i in at.info)
    assert any("uncertain" in w.value and "International Forum" in w.value for w in at.warning)


def test_recording_a_decision_shows_it_in_the_history(registry_db):
    at = start("en", editor="Kari Nordmann")
    at.switch_page("app_pages/sister_cities.py").run()
    at.selectbox(key="dec_tie").set_value("trondheim--graz")
    at.selectbox(key="dec_category").set_value("political_focus")
    at.text_input(key="dec_date").input("2025-06-19")
    at.text_input(key="dec_case").input("2025/0042")
    at.text_area(key="dec_reason").input("Felles satsing på klima med nasjonal støtte")
    at.button(key="FormSubmitter:decision_form-Save the decision").click().run()
    assert not at.exception
    assert any("Graz" in s.value for s in at.success)
    # The history is a plain table that wraps (issue 19 D5), not a scrolling grid.
    histories = [df.value for df in at.table if "Reason" in df.value.index]
    assert any((df.loc["Reason"] == "Felles satsing på klima med nasjonal støtte").any() for df in histories)
    stored = connect(registry_db).execute("SELECT category, case_ref, updated_by FROM decisions WHERE tie_id IS NOT NULL").fetchall()
    assert stored == [("political_focus", "2025/0042", "app:Kari Nordmann")]


def test_a_decision_without_a_reason_is_refused(registry_db):
    at = start("en", editor="Kari")
    at.switch_page("app_pages/sister_cities.py").run()
    at.selectbox(key="dec_tie").set_value("trondheim--graz")
    at.text_input(key="dec_date").input("2025-06-19")
    at.button(key="FormSubmitter:decision_form-Save the decision").click().run()
    assert not at.exception
    assert at.error and "nothing was saved" in at.error[0].value
    assert connect(registry_db).execute("SELECT count(*) FROM decisions WHERE tie_id IS NOT NULL").fetchone()[0] == 0


def test_editing_needs_an_editor_name(registry_db):
    at = start("en")
    at.switch_page("app_pages/sister_cities.py").run()
    assert not at.get("form")
    assert any("editor" in i.value for i in at.info)


def test_entity_csv_download_matches_the_filtered_table(registry_db, downloads):
    at = start("en")
    at.switch_page("app_pages/registry_browser.py").run()
    at.multiselect(key="reg_kinds").set_value(["consulate"]).run()
    assert not at.exception
    rows = list(csv.DictReader(io.StringIO(content(at, downloads, "reg_entities_csv").decode("utf-8-sig"))))
    conn = connect(registry_db)
    consulates = [r[0] for r in conn.execute("SELECT id FROM entities WHERE kind = 'consulate' ORDER BY id")]
    assert [r["id"] for r in rows] == consulates
    assert {r["kind"] for r in rows} == {"consulate"}


def test_editing_an_entity_goes_through_the_store(registry_db):
    at = start("en", editor="Ola")
    at.switch_page("app_pages/registry_browser.py").run()
    at.selectbox(key="reg_entity").set_value("graz").run()
    at.text_area(key="ent_graz_notes").input("Styria's capital")
    at.text_input(key="ent_graz_lat").input("not a number")
    at.button(key="FormSubmitter:ent_graz_form-Save the changes").click().run()
    # The store refuses the whole change and says why; nothing is written.
    assert at.error and any("lat" in str(df.value.values) for df in at.dataframe)
    conn = connect(registry_db)
    assert conn.execute("SELECT notes, version FROM entities WHERE id = 'graz'").fetchone() == (None, 1)

    at.text_input(key="ent_graz_lat").input("47.07")
    at.button(key="FormSubmitter:ent_graz_form-Save the changes").click().run()
    assert not at.exception
    assert conn.execute("SELECT notes, version, updated_by FROM entities WHERE id = 'graz'").fetchone() == (
        "Styria's capital",
        2,
        "app:Ola",
    )
    history = queries.history(conn, "entities", "graz")
    assert history["action"].tolist()[0] == "update"


def test_import_previews_problems_before_writing(registry_db):
    at = start("en", editor="Ola")
    at.switch_page("app_pages/import_export.py").run()
    bad = b"id,kind,name,source\nnew-place,planet,Somewhere,test\n"
    at.file_uploader(key="io_upload").upload("entities.csv", bad, "text/csv").run()
    assert not at.exception
    assert at.error and "nothing was saved" in at.error[0].value
    problems = at.dataframe[-1].value
    assert problems.iloc[0].tolist()[1:3] == [2, "kind"]
    assert connect(registry_db).execute("SELECT count(*) FROM entities WHERE id = 'new-place'").fetchone()[0] == 0
    # One row is one row, not '1 rows'.
    assert any(m.value.startswith("**entities") and ", 1 row (" in m.value for m in at.markdown)


def test_gaps_page_downloads_every_finding(registry_db, downloads):
    at = start("en")
    at.switch_page("app_pages/gaps.py").run()
    rows = list(csv.DictReader(io.StringIO(content(at, downloads, "gaps_csv_all").decode("utf-8-sig"))))
    from registry.review import report

    expected = report.findings_frame(connect(registry_db))
    assert len(rows) == len(expected)
    assert [r["Kind"] for r in rows] == expected["kind"].tolist()


def test_adding_an_entity_makes_its_id_from_the_name(registry_db):
    at = start("en", editor="Ola")
    at.switch_page("app_pages/registry_browser.py").run()
    at.selectbox(key="ent_new_kind").set_value("city")
    at.text_input(key="ent_new_name").input("Kraków Nowa")
    at.text_input(key="ent_new_country_code").input("PL")
    at.text_area(key="ent_new_source").input("https://example.org/krakow")
    at.button(key="FormSubmitter:ent_new_form-Add").click().run()
    assert not at.exception
    row = connect(registry_db).execute("SELECT kind, name, country_code, updated_by FROM entities WHERE id = 'krakow-nowa'").fetchone()
    assert row == ("city", "Kraków Nowa", "PL", "app:Ola")
    assert any("krakow-nowa" in s.value for s in at.success)


# --- the registry page: activities, agreements, contacts, declared totals and budget lines ---------------


def test_adding_an_activity_with_a_participant_shows_it_in_the_list(registry_db):
    at = start("en", editor="Ola")
    at.switch_page("app_pages/registry_browser.py").run()
    at.selectbox(key="activities_new_kind").set_value("visit")
    at.text_input(key="activities_new_title").input("Besøk fra Graz")
    at.text_input(key="activities_new_start").input("2025-06")
    at.text_area(key="activities_new_source").input("https://example.org/visit")
    at.button(key="FormSubmitter:activities_new_form-Add").click().run()
    assert not at.exception, [e.value for e in at.exception]
    # The id is made from the title and the date (registry.edit.forms.fill_id).
    aid = "besok-fra-graz--2025-06"
    assert any(aid in s.value for s in at.success)
    listed = [df.value for df in at.dataframe if "Title" in df.value.columns]
    assert any((df["Title"] == "Besøk fra Graz").any() for df in listed)

    at.selectbox(key="reg_activities_row").set_value(aid).run()
    at.selectbox(key=f"activity_participants_new_{aid}_entity_id").set_value("graz")
    at.selectbox(key=f"activity_participants_new_{aid}_role").set_value("visitor")
    at.button(key=f"FormSubmitter:activity_participants_new_{aid}_form-Add").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("Graz · Visitor" in s.value for s in at.success)
    # The activity's participants are listed under it, by name (a link to the entity's page) and role label.
    participants = [df.value for df in at.dataframe if list(df.value.columns) == ["Id", "Entity", "Role", "Notes"]]
    assert participants and participants[0][["Entity", "Role"]].values.tolist() == [["entity?id=graz&lang=en#Graz", "Visitor"]]
    conn = connect(registry_db)
    assert conn.execute("SELECT kind, start, updated_by FROM activities WHERE id = ?", (aid,)).fetchone() == ("visit", "2025-06", "app:Ola")
    assert conn.execute("SELECT entity_id, role, updated_by FROM activity_participants WHERE activity_id = ?", (aid,)).fetchall() == [
        ("graz", "visitor", "app:Ola")
    ]


def test_an_edit_with_a_stale_version_is_refused(registry_db):
    from registry.store import writes as store

    at = start("en", editor="Ola")
    conn = connect(registry_db)
    store.insert(conn, "activities", {"id": "test-visit", "kind": "visit", "title": "Visit", "source": "test"}, actor="test")
    at.switch_page("app_pages/registry_browser.py").run()
    at.selectbox(key="reg_activities_row").set_value("test-visit").run()
    # Someone else saves a change after the form was shown at version 1.
    store.update(conn, "activities", "test-visit", {"title": "Changed elsewhere"}, actor="other", expected_version=1)
    at.text_input(key="activities_test-visit_title").input("My change")
    at.button(key="FormSubmitter:activities_test-visit_form-Save the changes").click().run()
    assert not at.exception
    assert at.error and "Someone else changed this row" in at.error[0].value
    assert conn.execute("SELECT title, version FROM activities WHERE id = 'test-visit'").fetchone() == ("Changed elsewhere", 2)

    # Trying again in the same session is refused too: the form still holds the row as it was.
    at.button(key="FormSubmitter:activities_test-visit_form-Save the changes").click().run()
    assert at.error and "Someone else changed this row" in at.error[0].value
    assert conn.execute("SELECT version FROM activities WHERE id = 'test-visit'").fetchone() == (2,)

    # Reloaded (a new session), the form shows the other change and saves against version 2.
    at = start("en", editor="Ola")
    at.switch_page("app_pages/registry_browser.py").run()
    at.selectbox(key="reg_activities_row").set_value("test-visit").run()
    assert at.text_input(key="activities_test-visit_title").value == "Changed elsewhere"
    at.text_input(key="activities_test-visit_title").input("My change")
    at.button(key="FormSubmitter:activities_test-visit_form-Save the changes").click().run()
    assert not at.error
    assert conn.execute("SELECT title, version, updated_by FROM activities WHERE id = 'test-visit'").fetchone() == (
        "My change",
        3,
        "app:Ola",
    )


def test_personal_columns_are_shown_to_editors_only(registry_db):
    at = start("en")
    at.switch_page("app_pages/registry_browser.py").run()
    # The seed names some honorary consuls (data/contacts.csv): personal data.
    people = [r[0] for r in connect(registry_db).execute("SELECT person_name FROM contacts WHERE person_name IS NOT NULL")]
    assert people
    contacts = next(df.value for df in at.dataframe if "Office/role" in df.value.columns)
    assert len(contacts) == connect(registry_db).execute("SELECT count(*) FROM contacts").fetchone()[0]
    assert "Name (personal data)" not in contacts.columns and "E-mail" not in contacts.columns
    assert not any(p in str(df.value.values) for df in at.dataframe for p in people)
    assert any("shown to editors only" in c.value for c in at.caption)

    at = start("en", editor="Ola")
    at.switch_page("app_pages/registry_browser.py").run()
    contacts = next(df.value for df in at.dataframe if "Office/role" in df.value.columns)
    assert set(people) <= set(contacts["Name (personal data)"])


def test_a_budget_line_for_a_membership_in_euros(registry_db):
    at = start("en", editor="Ola")
    conn = connect(registry_db)
    membership = conn.execute("SELECT id FROM ties WHERE kind = 'membership' ORDER BY id").fetchone()[0]
    at.switch_page("app_pages/registry_browser.py").run()
    at.selectbox(key="plan_lines_new_tie_id").set_value(membership)
    at.text_input(key="plan_lines_new_year").input("2025")
    at.selectbox(key="plan_lines_new_kind").set_value("actual")
    at.text_input(key="plan_lines_new_amount").input("4500")
    at.text_input(key="plan_lines_new_currency").input("EUR")
    at.text_input(key="plan_lines_new_funder").input("municipal")
    at.text_area(key="plan_lines_new_purpose").input("Membership fee")
    at.button(key="FormSubmitter:plan_lines_new_form-Add").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert conn.execute("SELECT tie_id, year, kind, amount, currency FROM plan_lines").fetchall()[-1] == (
        membership,
        2025,
        "actual",
        4500,
        "EUR",
    )


def test_strategy_page_lists_every_point_and_the_unserved_ones(registry_db):
    from registry import vocab

    at = start("en")
    at.switch_page("app_pages/strategy.py").run()
    assert not at.exception
    (table,) = [df.value for df in at.dataframe if "Point" in df.value.columns]
    assert list(table["Point"]) == [t.code for t in vocab.STRATEGY_POINTS]
    # The seed's consular ties are tagged 4e, but a consulate's own ties are no use of it: no relation counts
    # for 4e; 2c is served by the sister-city review; 1i has nothing registered.
    assert table.set_index("Point").loc["4e", "Relations"] == 0
    assert table.set_index("Point").loc["2c", "State"] == "Work registered"
    assert any("may mean that the work was not done" in c.value for c in at.caption)
    (unserved,) = [m.value for m in at.markdown if m.value.startswith("- **1i**")]
    assert "1i:" not in unserved  # the code once, in bold, not '**1i** 1i: …'
    at.toggle(key="strategy_only_empty").set_value(True).run()
    (table,) = [df.value for df in at.dataframe if "Point" in df.value.columns]
    assert "2c" not in list(table["Point"]) and "1i" in list(table["Point"])


# --- issue 11, item 7 -----------------------------------------------------------------------------


def test_the_category_filter_counts_suggested_categories(registry_db):
    from registry.network.graph import snapshot
    from registry.review import classify

    # The seed assigns no category: before, every category filter emptied the sister cities.
    at = start("en")
    at.switch_page("app_pages/network.py").run()
    conn = connect(registry_db)
    suggested = classify.suggest(snapshot(conn), as_of=at.slider(key="net_year").value, home_id="trondheim")
    assert not [s for s in suggested if s.assigned != "unclassified"]
    category = max({s.suggested for s in suggested}, key=lambda c: sum(s.suggested == c for s in suggested))
    at.multiselect(key="net_tie_kinds").set_value(["sister_city"])
    at.multiselect(key="net_categories").set_value([category]).run()
    assert not at.exception
    edges = network_data(at)["edges"]
    assert {e["id"] for e in edges} == {s.tie_id for s in suggested if s.suggested == category}


def test_network_filters_and_language_are_kept_in_the_address(registry_db):
    at = start("en")
    at.switch_page("app_pages/network.py").run()
    at.multiselect(key="net_tie_kinds").set_value(["sister_city"])
    at.slider(key="net_year").set_value(1990).run()
    assert address(at) == {"lang": ["en"], "net_tie_kinds": ["sister_city"], "net_year": ["1990"]}

    # A new session opened at that address shows the same view.
    shared = AppTest.from_file(apps.APP, default_timeout=60)
    for key, value in at.query_params.items():
        shared.query_params[key] = value
    shared.run()
    shared.switch_page("app_pages/network.py").run()
    assert not shared.exception
    assert shared.session_state["lang"] == "en"
    assert shared.multiselect(key="net_tie_kinds").value == ["sister_city"]
    assert shared.slider(key="net_year").value == 1990
    assert network_data(shared)["edges"] == network_data(at)["edges"]


def test_gaps_filters_are_kept_in_the_address(registry_db):
    at = start("nb")
    at.switch_page("app_pages/gaps.py").run()
    at.multiselect(key="gaps_kinds").set_value(["isolated"])
    at.text_input(key="gaps_search").input("Norad").run()
    assert address(at) == {"lang": ["nb"], "gaps_kinds": ["isolated"], "gaps_search": ["Norad"]}


def test_without_sign_in_the_editor_hint_does_not_ask_to_sign_in(registry_db):
    at = start("en")
    at.switch_page("app_pages/sister_cities.py").run()
    hints = [i.value for i in at.info if "editor" in i.value]
    assert hints and not any("sign in" in h.casefold() for h in hints)
    assert any("not switched on here" in h for h in hints)


def test_latest_changes_are_in_the_registrys_time_zone_and_say_so(registry_db):
    from registry import i18n

    at = start("en")
    # The seed's settings.csv sets time_zone Europe/Oslo; the column names it.
    (changes,) = [df.value for df in at.dataframe if "When (Europe/Oslo)" in df.value.columns]
    stamp = queries.history(connect(registry_db), limit=1)["at"].iloc[0]
    assert changes["When (Europe/Oslo)"].iloc[0] == i18n.local_time(stamp, "Europe/Oslo")
    assert i18n.local_time("2025-01-10T23:30:00+00:00", "Europe/Oslo") == "2025-01-11 00:30"  # CET, the next day
    # The Registry page's history says its zone too (it showed the log's UTC under a bare "When").
    at.switch_page("app_pages/registry_browser.py").run()
    (history,) = [df.value for df in at.dataframe if "When (Europe/Oslo)" in df.value.columns]
    assert history["When (Europe/Oslo)"].iloc[0] == i18n.local_time(stamp, "Europe/Oslo")
    assert set(changes["Table"]) <= {
        i18n.table_label(tb, "en")
        for tb in (
            "entities",
            "ties",
            "settings",
            "declared_totals",
            "contacts",
            "activities",
            "agreements",
            "decisions",
            "plan_lines",
            "activity_participants",
            "activity_ties",
            "agreement_parties",
        )
    }


def test_the_legend_explains_dashed_lines(registry_db):
    at = start("en")
    at.switch_page("app_pages/network.py").run()
    at.toggle(key="net_history").set_value(True).run()
    srcdoc = at.get("iframe")[0].proto.srcdoc
    # Ended ties (the whole history holds some) are drawn dashed, and the legend says what that means.
    assert "Dashed line: ended, suspended or uncertain" in srcdoc


def test_one_tie_is_singular(registry_db):
    at = start("en")
    at.switch_page("app_pages/network.py").run()
    g = build_graph(connect(registry_db), GraphFilter.make(as_of=at.slider(key="net_year").value))
    lone = next(n for n in g if g.degree(n) == 1)
    at.selectbox(key="net_focus").set_value(lone).run()
    assert any(m.value.endswith("· 1 tie") for m in at.markdown)


def test_a_refused_new_row_keeps_what_was_typed_and_a_saved_one_empties_the_form(registry_db):
    at = start("en", editor="Ola")
    at.switch_page("app_pages/registry_browser.py").run()
    at.selectbox(key="ent_new_kind").set_value("city")
    at.text_input(key="ent_new_name").input("Kraków Nowa")
    at.text_input(key="ent_new_lat").input("north")  # not a number: the store refuses the row
    at.text_area(key="ent_new_source").input("https://example.org/krakow")
    at.button(key="FormSubmitter:ent_new_form-Add").click().run()
    assert at.error and not at.success
    assert at.text_input(key="ent_new_name").value == "Kraków Nowa"
    assert at.text_area(key="ent_new_source").value == "https://example.org/krakow"
    assert at.selectbox(key="ent_new_kind").value == "city"

    at.text_input(key="ent_new_lat").input("50.06")
    at.button(key="FormSubmitter:ent_new_form-Add").click().run()
    assert any("krakow-nowa" in s.value for s in at.success)
    assert connect(registry_db).execute("SELECT lat FROM entities WHERE id = 'krakow-nowa'").fetchone() == (50.06,)
    # Stored: the form starts empty again (its fields have new keys).
    assert at.text_input(key="ent_new~1_name").value == ""


def test_a_refused_decision_keeps_its_city_and_reason(registry_db):
    at = start("en", editor="Kari")
    at.switch_page("app_pages/sister_cities.py").run()
    at.selectbox(key="dec_tie").set_value("trondheim--graz")
    at.selectbox(key="dec_category").set_value("dormant")
    at.text_input(key="dec_date").input("5. mars 2026")
    at.text_area(key="dec_reason").input("Ingen kontakt siden 2019")
    at.button(key="FormSubmitter:decision_form-Save the decision").click().run()
    assert at.error and "nothing was saved" in at.error[0].value
    # A form is not a CSV file: the problem names the field as the form labels it, with no file or row.
    assert "**Decided on**" in at.error[0].value and "decisions" not in at.error[0].value
    assert not [df for df in at.dataframe if "Row" in df.value.columns]
    assert (at.selectbox(key="dec_tie").value, at.selectbox(key="dec_category").value) == ("trondheim--graz", "dormant")
    assert (at.text_input(key="dec_date").value, at.text_area(key="dec_reason").value) == ("5. mars 2026", "Ingen kontakt siden 2019")
    # Only the date corrected: recorded against Graz, as dormant, with the reason typed before.
    at.text_input(key="dec_date").input("2026-03-05")
    at.button(key="FormSubmitter:decision_form-Save the decision").click().run()
    assert any("Graz" in s.value for s in at.success)
    assert connect(registry_db).execute("SELECT tie_id, category, reason FROM decisions WHERE tie_id IS NOT NULL").fetchall() == [
        ("trondheim--graz", "dormant", "Ingen kontakt siden 2019")
    ]


# --- serving safely (issue 11, item 8) ---------------------------------------------------------------


def test_the_registry_file_given_after_double_dash_is_opened(registry_db, tmp_path, monkeypatch):
    import sys

    from registry import load_seed
    from registry.store import writes as store

    # `streamlit run app.py -- --db PATH` runs the script with sys.argv = [app.py, --db, PATH].
    other = tmp_path / "other.db"
    conn = connect(other)
    load_seed(conn)
    store.insert(conn, "entities", {"id": "argv-town", "kind": "city", "name": "Argv Town", "source": "test"}, actor="test")
    monkeypatch.setattr(sys, "argv", [str(ROOT / "app.py"), "--db", str(other)])
    at = start("en")
    assert not at.exception
    # The overview counts the --db registry (the seed and one more), not $REGISTRY_DB's.
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Entities"] == str(queries.counts(conn)["entities"])
    assert not registry_db.exists()

    monkeypatch.setattr(sys, "argv", [str(ROOT / "app.py"), "--database", str(other)])
    at = start("en")
    assert at.error and "Unknown argument --database: the app takes only --db PATH" in at.error[0].value
    assert not at.metric
    at = start("nb")  # in the reader's language, like every other message
    assert at.error and "Ukjent argument --database: appen tar bare --db STI" in at.error[0].value


def test_the_server_listens_on_this_machine_and_asks_no_host_for_its_address(monkeypatch):
    from streamlit import config, net_util
    from streamlit.web import bootstrap

    def no_lookup():  # type: ignore[no-untyped-def]
        raise AssertionError("the external IP address was looked up")

    monkeypatch.setattr(net_util, "get_external_ip", no_lookup)
    monkeypatch.chdir(ROOT)
    config.get_config_options(force_reparse=True)  # the project's .streamlit/config.toml
    try:
        assert config.get_option("server.headless") is True  # headless is when Streamlit looked it up
        bootstrap._print_url(False)  # what `streamlit run` prints at start-up
        assert config.get_option("server.address") == "localhost"
    finally:
        monkeypatch.undo()
        config.get_config_options(force_reparse=True)


# --- issue 11, items 7 and 9: undated ties in a past year, isolated nodes, a selection from the address, metrics


def test_a_past_year_leaves_out_undated_ties_and_says_how_many(registry_db):
    at = start("en")
    at.switch_page("app_pages/network.py").run()
    conn = connect(registry_db)
    this_year = at.slider(key="net_year").value
    # This year the ties with no known start are drawn (the seed has some, e.g. two sister cities).
    today = build_graph(conn, GraphFilter.make(as_of=this_year))
    undated = {k for _, _, k, a in today.edges(keys=True, data=True) if not a.get("start")}
    assert undated and undated <= {e["id"] for e in network_data(at)["edges"]}
    assert not any("no known start date are not drawn" in c.value for c in at.caption)

    at.slider(key="net_year").set_value(1990).run()
    assert not at.exception
    drawn = {e["id"] for e in network_data(at)["edges"]}
    expected = build_graph(conn, GraphFilter.make(as_of=1990, skip_undated=True))
    assert drawn == {k for _, _, k in expected.edges(keys=True)} and not drawn & undated
    # Left out: the undated ties the year would otherwise count (those of 1990 without the option).
    n = expected.graph["undated_left_out"]
    assert n == sum(not a.get("start") for *_, a in build_graph(conn, GraphFilter.make(as_of=1990)).edges(data=True)) > 0
    assert any(c.value.startswith(f"{n} ties with no known start date are not drawn for 1990") for c in at.caption)


def test_hiding_isolated_entities_draws_only_tied_ones(registry_db):
    at = start("en")
    at.switch_page("app_pages/network.py").run()
    at.multiselect(key="net_tie_kinds").set_value(["sister_city"]).run()
    g = build_graph(connect(registry_db), GraphFilter.make(as_of=at.slider(key="net_year").value, tie_kinds=["sister_city"]))
    alone = {n for n in g if g.degree(n) == 0}
    assert alone and alone <= {r[0] for r in network_data(at)["nodes"]}  # only sister cities: most entities are alone
    at.toggle(key="net_isolated").set_value(True).run()
    assert not at.exception
    assert {r[0] for r in network_data(at)["nodes"]} == set(g) - alone
    assert address(at)["net_isolated"] == ["1"]


def test_an_entity_selected_in_the_address_shows_its_ties(registry_db):
    # A click in the drawing selects an entity (tests/browser/test_browser.py); the selection is kept in the address.
    at = AppTest.from_file(apps.APP, default_timeout=60)
    at.query_params["lang"] = "en"
    at.query_params["net_sel"] = "graz"
    at.run()
    at.switch_page("app_pages/network.py").run()
    assert not at.exception
    assert any(m.value.startswith("**Graz**") for m in at.markdown)
    g = build_graph(connect(registry_db), GraphFilter.make(as_of=at.slider(key="net_year").value))
    assert len(at.dataframe[0].value) == g.degree("graz")
    # Choosing a focus afterwards selects the focus instead.
    at.selectbox(key="net_focus").set_value("trondheim").run()
    assert any(m.value.startswith("**Trondheim") for m in at.markdown)
    assert "net_sel" not in address(at)


def test_metrics_table_has_a_row_per_entity_and_downloads_the_same(registry_db, downloads):
    at = start("en")
    at.switch_page("app_pages/network.py").run()
    g = build_graph(connect(registry_db), GraphFilter.make(as_of=at.slider(key="net_year").value))
    (table,) = [df.value for df in at.dataframe if "Betweenness" in df.value.columns]
    assert len(table) == g.number_of_nodes()
    ties = dict(zip(table["Id"], table["Ties"]))
    assert all(ties[n] == g.degree(n) for n in g)
    assert "Sister city" in table.columns and table["Kind"].iloc[0]
    rows = list(csv.DictReader(io.StringIO(content(at, downloads, "net_metrics_csv").decode("utf-8-sig"))))
    assert {r["Id"]: int(r["Ties"]) for r in rows} == ties


# --- issue 11, item 5: the registry page shows one page of rows; the gaps page replays the audit log on request


def test_the_registry_page_shows_one_page_of_rows_and_turns_it(registry_db, monkeypatch):
    from registry.edit import browse

    # Pages of ten rows and pickers of at most twenty: the seed's ~50 entities then need five pages.
    monkeypatch.setattr(browse, "PAGE_SIZE", 10)
    import app_pages._common as common

    monkeypatch.setattr(common, "MAX_PICKER_OPTIONS", 20)
    at = start("en")
    at.switch_page("app_pages/registry_browser.py").run()
    ids = [r[0] for r in connect(registry_db).execute("SELECT id FROM entities ORDER BY id")]
    assert at.dataframe[0].value["Id"].tolist() == ids[:10]
    assert f"Rows 1–10 of {len(ids)} matches." in [c.value for c in at.caption]
    # Past the picker limit the entity picker lists the rows of the shown page.
    assert len(at.selectbox(key="reg_entity").options) == 10
    at.button(key="reg_entities_page_next").click().run()
    assert at.dataframe[0].value["Id"].tolist() == ids[10:20]
    # A new search starts at its first page; its few matches are all listed.
    at.text_input(key="reg_search").input("graz").run()
    assert not at.exception
    assert at.dataframe[0].value["Id"].tolist() == ["graz"]
    assert at.selectbox(key="reg_entity").options == ["Graz (graz)"]


def test_the_gaps_page_replays_the_audit_log_when_asked(registry_db, downloads):
    import sqlite3

    from registry.io import seed
    from registry.review import report

    seed.ensure_seeded(registry_db).close()
    raw = sqlite3.connect(registry_db)
    with raw:  # written past the library: no audit row
        raw.execute("INSERT INTO entities (id, kind, name, source) VALUES ('ghost', 'city', 'Ghost', 'test')")
    raw.close()
    at = start("en")
    at.switch_page("app_pages/gaps.py").run()
    rows = list(csv.DictReader(io.StringIO(content(at, downloads, "gaps_csv_all").decode("utf-8-sig"))))
    assert not any("not in the audit log" in r["Explanation (English)"] for r in rows)
    assert t_caption(at, "did not replay the change log")
    at.toggle(key="gaps_audit").set_value(True).run()
    rows = list(csv.DictReader(io.StringIO(content(at, downloads, "gaps_csv_all").decode("utf-8-sig"))))
    ghost = [r for r in rows if r["Subject"] == "ghost" and "not in the audit log" in r["Explanation (English)"]]
    assert len(ghost) == 1 and not t_caption(at, "did not replay the change log")
    # The same findings as the library's review with the audit log.
    assert len(rows) == len(report.findings_frame(connect(registry_db)))


def t_caption(at: AppTest, text: str) -> bool:
    return any(text in c.value for c in at.caption)


def test_gaps_after_the_overview_reuses_its_review(registry_db, monkeypatch):
    # Issue 11, item 5: the overview reviewed with the audit replay and the Gaps page without it,
    # so opening Gaps after the overview ran the whole review a second time.
    import functools

    from registry.review import report

    calls = []
    real = report.review

    @functools.wraps(real)  # the page's cache finds the function by its module and name
    def counted(*args, **kwargs):
        calls.append(kwargs.get("audit_log", True))
        return real(*args, **kwargs)

    monkeypatch.setattr(report, "review", counted)
    at = start("en")
    at.switch_page("app_pages/gaps.py").run()
    assert not at.exception
    assert calls == [False], calls
    at.toggle(key="gaps_audit").set_value(True).run()
    assert calls == [False, True], calls


def test_a_source_address_is_a_link_not_escaped_text(registry_db):
    # The last contact's source showed as 'https://dablog\.hypotheses\.org/…': escapes inside an address are
    # shown as they are. Each address is now a link written as is; the text around it stays escaped.
    from app_pages._text import md_source

    at = start("en")
    at.switch_page("app_pages/sister_cities.py").run()
    last = [c.value for c in at.caption if c.value.startswith("Last documented contact") and "Darmstadt" in c.value]
    assert last and "<https://dablog.hypotheses.org/tag/staedteverschwisterung>" in last[0], last
    assert "\\." not in last[0].split("Source:")[1]
    assert md_source("p. 3 (see https://e.org/a_b). <img>") == "p\\. 3 \\(see <https://e.org/a_b>\\)\\. \\<img\\>"
    assert md_source("https://e.org/<script>") == "<https://e.org/>\\<script\\>"


def test_a_card_says_no_decision_and_a_decision_without_a_suggestion_has_no_agreement(registry_db):
    # Every card said "Assigned category: Unclassified" above "No decisions recorded"; a decision for a city
    # Petah Tikva: one undated exchange and no agreement, so "not enough data" on the seed.
    # with "not enough data" showed "Disagrees".
    at = start("en", editor="Kari")
    at.switch_page("app_pages/sister_cities.py").run()
    assigned = [m.value for m in at.markdown if m.value.startswith("Assigned category:")]
    assert assigned and all(v.startswith("Assigned category: **No decision**") for v in assigned), assigned
    assert any(h.value.startswith("No decision (") for h in at.subheader)
    at.selectbox(key="dec_tie").set_value("trondheim--petah-tikva")
    at.selectbox(key="dec_category").set_value("solidarity")
    at.text_input(key="dec_date").input("2025-06-19")
    at.text_area(key="dec_reason").input("Vennskap")
    at.button(key="FormSubmitter:decision_form-Save the decision").click().run()
    assert not at.exception
    assigned = [m.value for m in at.markdown if m.value.startswith("Assigned category:")]
    assert sum(v.startswith("Assigned category: **Solidarity** (2025") for v in assigned) == 1, assigned
    assert not [m.value for m in at.markdown if "Disagrees" in m.value or "Agrees" in m.value]
    assert any("No decision" in m.value and "badge" in m.value for m in at.markdown)  # the badges are read here


def test_an_imported_file_leaves_the_upload_field(registry_db):
    # The tester's second upload previewed (and offered to import) the first file again.
    at = start("en", editor="Ola")
    at.switch_page("app_pages/import_export.py").run()
    good = b"id,kind,name,country_code,source\nnew-town,city,New Town,SE,https://example.org/new-town\n"
    at.file_uploader(key="io_upload").upload("entities.csv", good, "text/csv").run()
    at.button(key="io_apply").click().run()
    assert not at.exception
    assert connect(registry_db).execute("SELECT name FROM entities WHERE id = 'new-town'").fetchone() == ("New Town",)
    assert any("New rows: 1" in s.value for s in at.success)
    assert [u.key for u in at.get("file_uploader")] == ["io_upload~1"]  # a new, empty field
    assert not [b for b in at.button if b.key == "io_apply"]


def test_suspending_and_ending_a_twinning_on_the_sister_cities_page(registry_db):
    # Issue 16: decisions that act. Vallejo suspended (scope, review date) shows as suspended; Graz ended
    # leaves the categories and is listed under the ended twinnings with its decision.
    at = start("nb", editor="Kari")
    at.switch_page("app_pages/sister_cities.py").run()
    at.selectbox(key="dec_tie").set_value("trondheim--vallejo")
    at.selectbox(key="dec_kind").set_value("suspend_twinning")
    at.text_input(key="dec_date").input("2025-03-01")
    at.text_area(key="dec_reason").input("Fryst i påvente av ny avtale")
    at.text_input(key="dec_scope").input("kommunale midler og besøk")
    at.text_input(key="dec_review").input("2027-03")
    at.button(key="FormSubmitter:decision_form-Lagre vedtaket").click().run()
    assert not at.exception and not at.error
    shown = [w.value.replace("\\", "") for w in at.warning]  # Markdown escapes taken off
    assert any(w.startswith("Fryst fra 2025-03-01") and "Ny vurdering: 2027-03" in w for w in shown), shown
    at.selectbox(key="dec~1_tie").set_value("trondheim--graz")  # a recorded decision empties the form: new keys
    at.selectbox(key="dec~1_kind").set_value("end_twinning")
    at.text_input(key="dec~1_date").input("2025-06-01")
    at.text_area(key="dec~1_reason").input("Avsluttet etter vurdering")
    at.button(key="FormSubmitter:decision_form-Lagre vedtaket").click().run()
    assert not at.exception and not at.error
    assert any(h.value.startswith("Avsluttede vennskapsbyer (1)") for h in at.subheader)
    assert any("Graz" in m.value and "Avsluttet 2025-06-01" in m.value.replace("\\", "") for m in at.markdown)
    assert not any(m.value.startswith("**Graz") and m.value.endswith("**") for m in at.markdown)  # no card any more
    stored = (
        connect(registry_db)
        .execute("SELECT kind, category, scope, review_on FROM decisions WHERE tie_id = 'trondheim--vallejo'")
        .fetchall()
    )
    assert stored == [("suspend_twinning", None, "kommunale midler og besøk", "2027-03")]


def test_a_slow_rerun_says_it_is_running_and_a_quick_one_shows_nothing(monkeypatch):
    # Issue 19: work over 0.3 s shows a running notice (Streamlit's own spinner waits 0.5 s), taken away when done.
    import time

    import app_pages._network_view as network_view

    calls: list[str] = []

    class Slot:
        def info(self, text: str, icon: str | None = None) -> None:
            calls.append(f"info:{text}")

        def empty(self) -> None:
            calls.append("empty")

    monkeypatch.setattr(network_view.st, "empty", Slot)
    with network_view.busy("working", after=0.05):
        time.sleep(0.4)
    assert calls == ["info:working", "empty"]
    calls.clear()
    with network_view.busy("working"):  # the default wait: a quick rerun shows nothing
        pass
    assert calls == ["empty"]
    # The notice comes before Streamlit's own spinner would (0.5 s), or it would add nothing.
    assert 0 < network_view.BUSY_AFTER < 0.5


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_damaged_registry_gets_a_message_not_a_traceback(registry_db, lang):
    # Issue 18: tracebacks with server paths were shown to every visitor of a damaged registry.
    from registry import i18n, load_seed

    load_seed(connect(registry_db))  # seeded here: the app has cached nothing of this file
    damage_ties(registry_db)
    for page in ("overview", "network", "registry_browser"):
        at = AppTest.from_file(apps.APP, default_timeout=60)
        at.session_state["lang"] = lang
        at.switch_page(f"app_pages/{page}.py").run()
        assert not at.exception, page
        shown = " ".join(e.value for e in at.error)
        assert i18n.t("safety.damaged", lang) in shown, page
        assert str(registry_db.parent) not in shown and "Traceback" not in shown


_LIVE = ("=", "+", "-", "@", "\t", "\r")


def _live_cells(data: bytes) -> list[str]:
    """Return the cells of a CSV that a spreadsheet would run as a formula (a quote first makes them text)."""

    def number(cell: str) -> bool:
        try:
            float(cell)
            return True  # -3.46, a longitude: a number, not a formula
        except ValueError:
            return False

    rows = csv.reader(io.StringIO(data.decode("utf-8-sig")))
    return [cell for row in rows for cell in row if cell.startswith(_LIVE) and not number(cell)]


def test_every_csv_download_is_spreadsheet_safe_with_a_bom(registry_db, downloads):
    # Issue 18 item 9: Registry, Gaps and Network metrics downloads opened as live formulas; issue 19
    # item 6: Excel garbles "Klaksvík" without a BOM.
    import zipfile

    from registry import load_seed
    from registry.store import writes as store

    conn = connect(registry_db)
    load_seed(conn)
    store.update(conn, "entities", "klaksvik", {"name": '=HYPERLINK("http://x","Klaksvík")', "notes": "+cmd|' /C calc'!A0"}, actor="t")
    at = start("en", editor="Kari")
    pages = {
        "registry_browser": ["reg_entities_csv"],
        "network": ["net_metrics_csv"],
        "gaps": ["gaps_csv_all"],
        "import_export": ["io_table_csv"],
    }
    for page, keys in pages.items():
        at.switch_page(f"app_pages/{page}.py").run()
        assert not at.exception, page
        for key in keys:
            if page == "import_export":
                at.selectbox(key="io_table").set_value("entities").run()
            data = content(at, downloads, key)
            assert data.startswith(b"\xef\xbb\xbf"), key
            assert _live_cells(data) == [], key
            assert "Klaksvík" in data.decode("utf-8-sig"), key
    archive = zipfile.ZipFile(io.BytesIO(content(at, downloads, "io_zip")))
    for name in archive.namelist():
        assert _live_cells(archive.read(name)) == [], name


def test_no_broken_graph_file_is_offered(registry_db):
    # Issue 18: a control character written past the library gave broken GraphML.
    from registry import i18n, load_seed

    conn = connect(registry_db)
    load_seed(conn)
    conn.execute("UPDATE entities SET notes = 'bell\a' WHERE id = 'klaksvik'")
    at = start("nb")
    at.switch_page("app_pages/import_export.py").run()
    assert not at.exception
    assert any("entities 'klaksvik' notes" in e.value for e in at.error)
    assert i18n.t("io.download_graphml", "nb") not in [b.proto.label for b in at.get("download_button")]


# --- issue 19, item 5 (D6–D8): the Registry page after a save, a stale edit, the history in words ----------


def test_a_save_keeps_the_registry_tab_and_row_also_across_a_language_switch(registry_db):
    # D6: after a save the page showed the first tab and the row had to be found again. The tabs now track
    # the open one (by key), so the save's rerun opens it again, with its row still chosen.
    at = start("en", editor="Ola")
    at.switch_page("app_pages/registry_browser.py")
    at.session_state["reg_tab"] = "Activities"  # the editor opens the Activities tab
    at.run()
    at.selectbox(key="reg_activities_row").set_value("dunfermline-80-years-2025").run()
    at.text_area(key="activities_dunfermline-80-years-2025_notes").input("Tidskapselen ble gravd opp")
    at.button(key="FormSubmitter:activities_dunfermline-80-years-2025_form-Save the changes").click().run()
    assert not at.exception and any("dunfermline-80-years-2025" in s.value for s in at.success)
    assert at.session_state["reg_tab"] == "Activities"
    assert at.selectbox(key="reg_activities_row").value == "dunfermline-80-years-2025"
    assert at.text_area(key="activities_dunfermline-80-years-2025_notes").value == "Tidskapselen ble gravd opp"
    # The same tab under its Norwegian label once the page's language changes.
    at.session_state["lang"] = "nb"
    at.run()
    assert not at.exception and at.session_state["reg_tab"] == "Aktiviteter"


def test_a_stale_edit_shows_the_current_version_beside_the_typed_text_and_builds_on_it(registry_db):
    # D7: the refusal said "reload the page", which throws the typed text away. It now shows what was opened,
    # what is stored now and what was typed, and can build on the stored row keeping the typed changes.
    at = start("en", editor="Ola")
    at.switch_page("app_pages/registry_browser.py").run()
    at.selectbox(key="reg_entity").set_value("graz").run()
    from registry.store import writes as store

    opened = store.get(connect(registry_db), "entities", "graz")
    # Someone else renames Graz in English meanwhile.
    store.update(connect(registry_db), "entities", "graz", {"name_en": "Graz (Styria)"}, actor="other", expected_version=opened["version"])
    note = "Twinned since 1968; see the council case"
    at.text_area(key="ent_graz_notes").input(note)
    at.button(key="FormSubmitter:ent_graz_form-Save the changes").click().run()
    assert not at.exception
    assert any(e.value.startswith("Someone else changed this row") and "Reload" not in e.value for e in at.error)
    assert at.text_area(key="ent_graz_notes").value == note
    (compared,) = [tb.value for tb in at.table if "Your text" in tb.value.columns]
    assert compared.loc["English name"].tolist() == ["", "Graz (Styria)", ""]
    assert compared.loc["Notes"].tolist() == ["", "", note]
    assert list(compared.columns[:2]) == [f"When you opened it (v{opened['version']})", f"Stored now (v{opened['version'] + 1}, other)"]
    # Built on the stored row: the note stays, the other's English name comes in; the save then goes through.
    at.button(key="ent_graz_rebase").click().run()
    assert at.text_area(key="ent_graz_notes").value == note
    assert at.text_input(key="ent_graz_name_en").value == "Graz (Styria)"
    at.button(key="FormSubmitter:ent_graz_form-Save the changes").click().run()
    assert not at.exception and not at.error
    assert connect(registry_db).execute("SELECT name_en, notes FROM entities WHERE id = 'graz'").fetchone() == ("Graz (Styria)", note)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_change_history_names_rows_and_fields_in_the_pages_language(registry_db, lang):
    # D8: a decision and a plan line showed as «la til «5»» and an edit as "notes: None → 'x'" on the Norwegian page.
    from registry.review import classify
    from registry.store import writes as store

    start(lang)  # the app loads the seed
    conn = connect(registry_db)
    classify.record_decision(
        conn, "trondheim--graz", "political_focus", "2025-06-19", "Formannskapet", "2025/0042", "Felles satsing", actor="test"
    )
    store.insert(
        conn,
        "plan_lines",
        {"tie_id": "trondheim--graz", "year": 2026, "amount": 150000, "funder": "municipal", "purpose": "Kulturuke", "source": "test"},
        actor="test",
    )
    graz = store.get(conn, "entities", "graz")
    store.update(conn, "entities", "graz", {"notes": "Ny merknad"}, actor="test", expected_version=graz["version"])
    at = start(lang)
    at.switch_page("app_pages/registry_browser.py").run()
    change = "Endring" if lang == "nb" else "Change"
    (history,) = [df.value for df in at.dataframe if change in df.value.columns]
    said = history[change].head(3).tolist()
    tie = "Trondheim kommune – Graz (Vennskapsby)" if lang == "nb" else "Trondheim Municipality – Graz (Sister city)"
    if lang == "nb":
        assert said == [
            "Notater: satt til «Ny merknad»",
            f"la til «2026 · 150000 · Kulturuke ({tie})»",
            f"la til «2025-06-19 · Politisk fokus ({tie})»",
        ], said
    else:
        assert said == [
            "Notes: set to “Ny merknad”",
            f"added “2026 · 150000 · Kulturuke ({tie})”",
            f"added “2025-06-19 · Political focus ({tie})”",
        ], said
    assert not any("None" in s for s in history[change].dropna())
    assert history.iloc[0, 3] == "Graz"  # the row by its name (its id is in the next column)
