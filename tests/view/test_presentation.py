"""The network's presentation picture (registry.view.presentation) and labels that do not overlap (registry.view.positions).

The seed registry (data/) is the registry people see first; on it no two labels may
overlap, by the layout's own estimate of label boxes (what vis-network draws on the page)
and by matplotlib's measured text boxes in the picture.
"""

from __future__ import annotations

import io
import itertools
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import matplotlib.image
import networkx as nx
import pytest
from PIL import Image

from registry import i18n, view, vocab
from registry.network.graph import GraphFilter, build_graph
from registry.view import positions, presentation
from registry.view.style import KIND_STYLES, TIE_COLOURS
from tests.apps import start

MADE = date(2026, 12, 7)
AS_OF = date(2024, 12, 31)


def texts(svg: bytes) -> str:
    """Return every text of an SVG picture, joined (the SVG is parsed as XML: a broken file fails here)."""
    root = ET.fromstring(svg)
    return "\n".join("".join(e.itertext()) for e in root.iter() if e.tag.endswith("text"))


def small() -> nx.MultiDiGraph:
    # Three entities in a row, a sister-city tie and an uncertain (dashed) forum membership.
    g = nx.MultiDiGraph()
    g.add_node("trd", name="Trondheim kommune", name_en="Trondheim Municipality", kind="municipality")
    g.add_node("graz", name="Graz", kind="city", country_code="AT")
    g.add_node("forum", name="Internasjonalt forum", name_en="International forum", kind="forum")
    g.add_edge("trd", "graz", key="t1", kind="sister_city", status="active", directed=0)
    g.add_edge("trd", "forum", key="t2", kind="forum_member", status="uncertain", directed=1)
    return g


@pytest.fixture
def seed_graph(seeded):
    return build_graph(seeded)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_svg_has_title_dates_legend_and_filters(lang):
    g = small()
    flt = GraphFilter.make(as_of=2024, tie_kinds=["sister_city", "forum_member"], countries=["AT"])
    filters = presentation.filter_lines(flt, [], lang, g, focus="trd", steps=2)
    svg = presentation.presentation(g, view.layout(g), lang, "svg", filters=filters, as_of=flt.as_of, made=MADE, focus="trd")
    words = texts(svg)
    assert i18n.t("picture.title", lang) in words
    assert i18n.long_date(AS_OF, lang) in words and i18n.long_date(MADE, lang) in words
    assert ("31. desember 2024" if lang == "nb" else "31 December 2024") in words
    assert i18n.t("view.legend", lang) in words
    for kind in ("municipality", "city", "forum"):
        assert vocab.label("entity_kinds", kind, lang) in words
    for kind in ("sister_city", "forum_member"):
        assert vocab.label("tie_kinds", kind, lang) in words
    assert i18n.t("view.dashed", lang) in words  # the uncertain membership is dashed
    assert vocab.label("entity_kinds", "university", lang) not in words  # none drawn, none in the legend
    # The filters, written out in the page's language.
    assert i18n.t("picture.filters", lang) in words
    assert ("Østerrike" if lang == "nb" else "Austria") in words
    focus = "Fokus på Trondheim kommune, 2 steg" if lang == "nb" else "Focus on Trondheim Municipality, 2 steps"
    assert focus in words
    # The names in the page's language.
    assert ("Internasjonalt forum" if lang == "nb" else "International forum") in words
    # The page's colours: the sister-city and the forum ties and the forum's hexagon.
    body = svg.decode("utf-8").lower()
    for colour in (TIE_COLOURS["sister_city"], TIE_COLOURS["forum_member"], KIND_STYLES["forum"].colour):
        assert colour in body


def test_the_png_opens_at_its_size():
    g = small()
    png = presentation.presentation(g, view.layout(g), "nb", "png", made=MADE)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    with Image.open(io.BytesIO(png)) as image:
        assert image.size == presentation.PICTURE_SIZE
    pixels = matplotlib.image.imread(io.BytesIO(png), format="png")
    assert pixels.shape[:2] == (presentation.PICTURE_SIZE[1], presentation.PICTURE_SIZE[0])
    # Not a blank picture: the sister-city tie's colour is in it.
    r, g_, b = (int(TIE_COLOURS["sister_city"][i : i + 2], 16) / 255 for i in (1, 3, 5))
    near = (abs(pixels[..., 0] - r) < 0.02) & (abs(pixels[..., 1] - g_) < 0.02) & (abs(pixels[..., 2] - b) < 0.02)
    assert near.sum() > 50


def test_another_size_is_kept():
    g = small()
    png = presentation.presentation(g, view.layout(g), "en", "png", made=MADE, size=(1200, 800))
    with Image.open(io.BytesIO(png)) as image:
        assert image.size == (1200, 800)


def test_registry_text_is_not_interpreted():
    # A name with markup and mathtext: written as it is in both formats, never parsed.
    # "$\\bogus{$" cannot be parsed as mathtext: with mathtext on, drawing it raises.
    name = "<script>x</script> $x^2$ & $\\bogus{$"  # 36 characters: the label is not cut
    g = small()
    g.nodes["graz"]["name"] = name
    filters = [f"Sektor: {name}"]
    svg = presentation.presentation(g, view.layout(g), "nb", "svg", filters=filters, made=MADE, title="Tittel $y$ <b>")
    root = ET.fromstring(svg)
    assert not [e for e in root.iter() if e.tag.split("}")[-1] in ("script", "b")]
    words = texts(svg)
    assert name in words and "Tittel $y$ <b>" in words and f"Sektor: {name}" in words
    assert b"<script>" not in svg
    png = presentation.presentation(g, view.layout(g), "nb", "png", filters=filters, made=MADE)
    with Image.open(io.BytesIO(png)) as image:
        assert image.size == presentation.PICTURE_SIZE


def test_the_same_view_gives_the_same_file():
    g = small()
    one = presentation.presentation(g, view.layout(g), "en", "svg", made=MADE)
    two = presentation.presentation(g, view.layout(g), "en", "svg", made=MADE)
    assert one == two
    with pytest.raises(ValueError):
        presentation.presentation(g, view.layout(g), "en", "pdf")


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_filter_lines_write_out_every_filter(lang):
    g = small()
    flt = GraphFilter.make(
        as_of=2020,
        entity_kinds=["city", "municipality"],
        tie_kinds=["sister_city"],
        sectors=["culture"],
        countries=["AT", "SE"],
        hide_isolated=True,
    )
    lines = presentation.filter_lines(flt, ["active"], lang, g, route=["trd", "graz"])
    joined = "\n".join(lines)
    for vocabulary, code in (
        ("entity_kinds", "city"),
        ("entity_kinds", "municipality"),
        ("tie_kinds", "sister_city"),
        ("sectors", "culture"),
        ("categories", "active"),
    ):
        assert vocab.label(vocabulary, code, lang) in joined
    for code in ("AT", "SE"):
        assert i18n.country_name(code, lang) in joined
    assert i18n.t("picture.hidden_isolated", lang) in lines
    assert ("Trondheim kommune → Graz" if lang == "nb" else "Trondheim Municipality → Graz") in joined
    # One step is one step, not "1 steps".
    one = presentation.filter_lines(GraphFilter.make(), [], "en", g, focus="graz", steps=1)
    assert one == ["Focus on Graz, 1 step"]


def test_a_path_is_drawn_and_named_in_the_legend():
    g = small()
    svg = presentation.presentation(g, view.layout(g), "en", "svg", made=MADE, highlight_nodes=["trd", "graz"], highlight_ties=["t1"])
    assert "Chosen path" in texts(svg)
    assert "#ff7f00" in svg.decode("utf-8").lower()


def test_label_spreading_parts_overlapping_labels():
    # Two nodes 5 px apart whose labels are 100 px wide: the raw layout overlaps, the spread one does not.
    g = nx.Graph()
    g.add_node("a", name="A rather long name")
    g.add_node("b", name="Another long name")
    raw = {"a": (0.0, 0.0), "b": (5.0, 0.0)}
    assert positions.label_overlaps(positions.label_boxes(g, raw)) == [("a", "b")]
    arr = positions.spread_labels([[0.0, 0.0], [5.0, 0.0]], positions._label_sizes(g, ["a", "b"]))
    moved = {"a": tuple(arr[0]), "b": tuple(arr[1])}
    assert positions.label_overlaps(positions.label_boxes(g, moved)) == []
    # Deterministic: the same input parts the same way.
    assert (positions.spread_labels([[0.0, 0.0], [5.0, 0.0]], positions._label_sizes(g, ["a", "b"])) == arr).all()


def test_no_two_labels_overlap_on_the_seed(seed_graph):
    before = positions.label_overlaps(positions.label_boxes(seed_graph, view.layout(seed_graph, labels=False)))
    after = positions.label_overlaps(positions.label_boxes(seed_graph, view.layout(seed_graph)))
    assert len(before) > 20  # the plain force layout piles labels up in the middle (120 pairs when written)
    assert after == []


def test_the_estimate_is_not_narrower_than_the_font():
    # The layout's width estimate must cover the real text, else estimated boxes apart may still touch.
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.font_manager import FontProperties

    renderer = RendererAgg(100, 100, 72)
    font = FontProperties(family="DejaVu Sans", size=positions.LABEL_FONT_SIZE)
    for text in (
        "Trondheim kommune",
        "NTNU (Norges teknisk-naturvitenskapelige universitet)",
        "WWW Mm Æø",
        "Illi.,;",
        "Kópavogur",
        "1234567890",
    ):
        real = renderer.get_text_width_height_descent(positions.label_text(text), font, ismath=False)[0]
        assert positions.text_width(positions.label_text(text)) >= real, text


def _real_overlaps(pic: presentation.Picture) -> list[tuple[str, str]]:
    renderer = pic.figure.canvas.get_renderer()
    boxes = [(label.get_text(), label.get_window_extent(renderer)) for label in pic.labels]
    return [(a, b) for (a, x), (b, y) in itertools.combinations(boxes, 2) if x.overlaps(y)]


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_no_two_labels_overlap_in_the_seed_picture(seeded, seed_graph, lang):
    # The page's default view: this year's graph at the positions of the whole registry.
    where = view.layout(seed_graph)
    shown = view.drawable(build_graph(seeded, GraphFilter.make(as_of=date.today().year)), lang)[0]
    for g in (seed_graph, shown):
        pic = presentation.picture(g, where, lang, made=MADE)
        assert len(pic.labels) == g.number_of_nodes()
        assert _real_overlaps(pic) == []
    # Without the spreading the same picture has overlapping labels: the check can fail.
    pic = presentation.picture(seed_graph, view.layout(seed_graph, labels=False), lang, made=MADE)
    assert len(_real_overlaps(pic)) > 10


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_network_page_offers_the_picture(registry_db, monkeypatch, lang):  # noqa: F811
    # The two buttons under the drawing make the picture on click (deferred); a click does not rerun the page.
    from streamlit.runtime.media_file_manager import MediaFileManager

    makers = {}  # AppTest's runtime is gone after the run: keep each deferred download's callable
    original = MediaFileManager.add_deferred

    def record(self, data_callable, *args, **kwargs):  # type: ignore[no-untyped-def]
        file_id = original(self, data_callable, *args, **kwargs)
        makers[file_id] = data_callable
        return file_id

    monkeypatch.setattr(MediaFileManager, "add_deferred", record)
    at = start(lang)
    at.switch_page("app_pages/network.py").run()
    assert not at.exception
    files = {}
    for fmt in ("png", "svg"):
        button = at.download_button(key=f"net_picture_{fmt}")
        assert button.proto.label == i18n.t(f"picture.download_{fmt}", lang)
        assert button.proto.ignore_rerun and button.proto.deferred_file_id
        files[fmt] = makers[button.proto.deferred_file_id]()
    with Image.open(io.BytesIO(files["png"])) as image:
        assert image.size == presentation.PICTURE_SIZE
    words = texts(files["svg"])
    assert i18n.t("picture.title", lang) in words and i18n.t("picture.everything", lang) in words
    assert ("Trondheim kommune" if lang == "nb" else "Trondheim Municipality") in words
    assert i18n.long_date(date(date.today().year, 12, 31), lang) in words  # the page's year, its last day


def test_an_aggregated_view_is_drawn_with_its_groups():
    # 1,600 cities in 16 countries, each tied to the next: more than view.MAX_DRAWN_NODES, so merged by country.
    g = nx.MultiDiGraph()
    for i in range(1600):
        g.add_node(f"c{i}", name=f"City {i}", kind="city", country_code=["SE", "DK", "FI", "IS"][i % 4] + str(i % 16))
    for i in range(1599):
        g.add_edge(f"c{i}", f"c{i + 1}", key=f"t{i}", kind="partnership", status="active")
    drawn, aggregated = view.drawable(g, "nb")
    assert aggregated and drawn.number_of_nodes() < 100
    svg = presentation.presentation(drawn, view.layout(drawn), "nb", "svg", made=MADE)
    words = texts(svg)
    assert i18n.t("view.group", "nb") in words
    assert f"Nettverk med {drawn.number_of_nodes()} noder" in words


# vis-network's own label boxes (layout pixels), measured by Chromium's canvas text metrics.
_LABEL_BOXES_JS = """() => { const n = window.registryNetwork, out = {};
  for (const id of n.body.nodeIndices) {
    const s = n.body.nodes[id].labelModule.size;
    out[id] = [s.left, s.top, s.left + s.width, s.top + s.height];
  }
  return out; }"""


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_no_two_labels_overlap_in_the_browser_drawing_of_the_seed(seed_graph, lang):
    # The seed drawn by vis-network in headless Chromium at the layout's positions (physics off, so
    # they stay): no two of the labels it measured itself intersect, and none is wider than the estimate.
    from pathlib import Path

    if not Path("/usr/bin/chromium").exists():
        pytest.skip("Debian's chromium is not installed (.ci/run installs it)")
    from playwright.sync_api import sync_playwright

    where = view.layout(seed_graph)
    estimate = positions.label_boxes(seed_graph, where)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.set_content(view.network_html(seed_graph, lang, where, physics=False))
            page.wait_for_selector("body[data-stable='1']", timeout=60_000)
            boxes = page.evaluate(_LABEL_BOXES_JS)
        finally:
            browser.close()
    assert len(boxes) == seed_graph.number_of_nodes()
    touching = [
        (a, b)
        for (a, x), (b, y) in itertools.combinations(boxes.items(), 2)
        if min(x[2], y[2]) > max(x[0], y[0]) and min(x[3], y[3]) > max(x[1], y[1])
    ]
    assert touching == []
    assert all(x[2] - x[0] <= estimate[v][2] - estimate[v][0] for v, x in boxes.items())


def test_pictures_made_at_once_keep_their_texts():
    # Two users' downloads run in the server's threads at once; matplotlib's settings are global.
    from concurrent.futures import ThreadPoolExecutor

    g = small()
    where = view.layout(g)
    with ThreadPoolExecutor(4) as pool:
        made = list(
            pool.map(lambda i: presentation.presentation(g, where, ["nb", "en"][i % 2], ["svg", "png"][i // 2 % 2], made=MADE), range(8))
        )
    for i, data in enumerate(made):
        if i // 2 % 2 == 0:
            assert i18n.t("picture.title", ["nb", "en"][i % 2]) in texts(data)
        else:
            assert data[:4] == b"\x89PNG"


@pytest.mark.browser
@pytest.mark.slow
def test_the_picture_downloads_from_the_running_app(tmp_path):
    # The real app in headless Chromium: both buttons under the drawing deliver their file.
    from pathlib import Path

    if not Path("/usr/bin/chromium").exists():
        pytest.skip("Debian's chromium is not installed (.ci/run installs it)")
    from playwright.sync_api import sync_playwright

    from registry import connect, load_seed
    from tests.browser_kit import serve, settle

    db = tmp_path / "registry.db"
    conn = connect(db)
    load_seed(conn)
    conn.close()
    with serve(db, tmp_path) as srv, srv.explained(), sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1800})
            page.goto(f"{srv.url}/network?lang=en")
            settle(page, "Network")
            files = {}
            for fmt in ("png", "svg"):
                button = page.get_by_role("button", name=f"Picture ({fmt.upper()})")
                button.wait_for(timeout=30_000)
                with page.expect_download(timeout=60_000) as info:
                    button.click()
                assert info.value.suggested_filename == f"network-{date.today().year}.{fmt}"
                files[fmt] = Path(info.value.path()).read_bytes()
        finally:
            browser.close()
    with Image.open(io.BytesIO(files["png"])) as image:
        assert image.size == presentation.PICTURE_SIZE
    assert "Trondheim Municipality" in texts(files["svg"])


def test_the_picture_is_set_in_the_bundled_font():
    # matplotlib's own DejaVu Sans sets the text (no font is looked up elsewhere or downloaded);
    # the SVG names it first, with fallbacks for a viewer that lacks it.
    from matplotlib import font_manager

    pic = presentation.picture(small(), view.layout(small()), "nb", made=MADE)
    for label in pic.labels:
        path = font_manager.findfont(label.get_fontproperties(), fallback_to_default=False)
        assert Path(path).name == "DejaVuSans.ttf" and "mpl-data" in path
    svg = presentation.presentation(small(), view.layout(small()), "nb", "svg", made=MADE).decode("utf-8")
    assert "font-family: 'DejaVu Sans', 'Verdana'" in svg
    # Nothing for a viewer to fetch: no link or source points at another host (namespaces are only names).
    links = [v for e in ET.fromstring(svg).iter() for k, v in e.attrib.items() if k.endswith(("href", "src"))]
    assert not [v for v in links if v.startswith(("http:", "https:", "//"))]
