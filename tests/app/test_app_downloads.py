"""The app's downloads under AppTest: a click only downloads, headers in the page's language, the sister-city
CSV's "no decision", and the Map's counts (issue 19, item 6 and D9-D11).

Each test runs the real ``app.py`` against a fresh registry seeded from ``data/``; expected labels come from
the i18n texts the pages show, expected counts from the registry functions the pages call.
"""

from __future__ import annotations

import csv
import io
import re

import pytest

from registry import connect, i18n
from registry.network import mapview
from registry.network.graph import GraphFilter, build_graph
from tests.apps import PAGES, content, start

#: Every CSV download made from a page's table (csv_button), by page. The Registry's and the Import
#: page's files are the registry's own CSV format, which import reads: their headers stay codes.
TABLE_CSVS = {
    "network": ["net_ties_csv", "net_paths_csv", "net_metrics_csv"],
    "map": ["map_csv"],
    "sister_cities": ["sister_csv"],
    "gaps": ["gaps_csv_all", "gaps_sector_csv", "gaps_actor_csv"],
    "strategy": ["strategy_csv", "strategy_items_csv"],  # the seed has no indicators
    "registry_browser": ["hist_csv"],
}
CODE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)+$|^[a-z]+$")  # 'tie_id', 'kind': a code, not a label


def header(data: bytes) -> list[str]:
    return next(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def open_network_path(at) -> None:
    """Focus Trondheim and ask for a path, so the ties and path downloads are shown."""
    at.selectbox(key="net_focus").set_value("trondheim").run()
    at.selectbox(key="net_from").set_value("graz").run()
    at.selectbox(key="net_to").set_value("norrkoping").run()


def test_every_download_button_only_downloads(registry_db):  # noqa: F811
    # D9: a click that reruns the page revokes the deferred downloads' ids the browser still holds.
    at = start("en", editor="Kari")
    seen = set()
    for page in PAGES:
        at.switch_page(f"app_pages/{page}.py").run()
        assert not at.exception, page
        if page == "network":
            open_network_path(at)
        if page == "annual_report":
            continue  # its buttons hold finished files (no deferred ids to lose); the page is another helper's
        buttons = at.get("download_button")
        assert all(b.proto.ignore_rerun for b in buttons), (page, [b.proto.label for b in buttons if not b.proto.ignore_rerun])
        seen |= {b.proto.id.rsplit("-", 1)[-1] for b in buttons}
    # The deferred ones (made when clicked) among them, and a table's CSV of each kind of page.
    assert {"sum_md", "sum_html", "case_docx", "io_graphml", "io_gexf", "map_csv", "net_ties_csv", "hist_csv"} <= seen, seen


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_table_downloads_have_the_pages_column_labels(registry_db, downloads, lang):  # noqa: F811
    at = start(lang, editor="Kari")
    for page, keys in TABLE_CSVS.items():
        at.switch_page(f"app_pages/{page}.py").run()
        if page == "network":
            open_network_path(at)
        assert not at.exception, page
        for key in keys:
            data = content(at, downloads, key)
            assert data.startswith(b"\xef\xbb\xbf"), key  # still UTF-8 with a BOM (registry.io.export.frame_csv)
            names = header(data)
            assert not [n for n in names if CODE.match(n)], (key, names)
            assert len(set(names)) == len(names), (key, names)
    # One label of each kind, as the pages show them: a table text, a form field's label, a metric.
    at.switch_page("app_pages/network.py").run()
    open_network_path(at)
    assert i18n.t("col.tie", lang) in header(content(at, downloads, "net_ties_csv"))
    assert i18n.t("metrics.betweenness", lang) in header(content(at, downloads, "net_metrics_csv"))
    at.switch_page("app_pages/map.py").run()
    assert header(content(at, downloads, "map_csv")) == [
        i18n.t(k, lang) for k in ("col.id", "col.name", "col.kind", "col.country", "map.lat", "map.lon", "map.placed_by")
    ]


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_sister_city_csv_says_no_decision(registry_db, downloads, lang):  # noqa: F811
    # D10: on the seed no sister city has a category decision; the CSV wrote 'unclassified' for each.
    from registry.render.labels import category_label
    from registry.review.facts import NO_DECISION

    at = start(lang)
    at.switch_page("app_pages/sister_cities.py").run()
    assert not at.exception
    data = content(at, downloads, "sister_csv")
    found = rows(data)
    assigned = i18n.t("col.assigned", lang)
    assert len(found) == 11  # the seed's eleven sister cities
    assert {r[assigned] for r in found} == {category_label(NO_DECISION, lang)}
    assert "unclassified" not in data.decode("utf-8-sig")
    # The suggestion is the category's name as the page shows it, not its code.
    suggested = i18n.t("col.suggested", lang)
    assert not [r[suggested] for r in found if CODE.match(r[suggested])]


def test_the_map_caption_and_table_count_the_same_entities(registry_db, downloads):  # noqa: F811
    # D11: the caption said 24 places, the table had 30 rows (consulates share their city's dot).
    at = start("en")
    at.switch_page("app_pages/map.py").run()
    assert not at.exception
    g = build_graph(connect(registry_db), GraphFilter.make(as_of=at.slider(key="map_year").value, tie_kinds=set()))
    counts = mapview.place_counts(g, mapview.map_points(g, "en"))
    assert counts.entities > counts.places  # the seed's consulates sit in Trondheim
    table = rows(content(at, downloads, "map_csv"))
    assert len(table) == counts.entities
    caption = [c.value for c in at.caption if " ties on the map" in c.value]
    assert caption and caption[0].startswith(f"{counts.entities} entities at {counts.places} places"), caption
    assert any(
        c.value == f"One row per entity with a known place: {counts.entities} entities at {counts.places} places." for c in at.caption
    )
