"""The network page's explorer controls under AppTest, in both languages: play/pause, size and colour by metric, the panel.

Expected values come from the registry's own functions (``entity_metrics``, ``profile``) on
the graph the page draws; the browser tests (tests/browser/test_explorer_browser.py) click the drawing itself.
"""

from __future__ import annotations

import pytest

from registry import connect, i18n, view
from registry.analysis import metrics
from registry.network.graph import GraphFilter, build_graph, filter_graph, snapshot
from registry.view import encode
from tests.app.test_app import network_data
from tests.apps import start

pytestmark = pytest.mark.slow


# (nb, en)
PLAY = ("Spill av", "Play")
PAUSE = ("Pause", "Pause")
PLAYING = ("Spiller av: {year} (av {first}–{last})", "Playing: {year} (of {first}–{last})")
PAUSED = ("Satt på pause ved {year}", "Paused at {year}")


def network(lang: str):
    at = start(lang)
    at.switch_page("app_pages/network.py").run()
    assert not at.exception
    return at


def captions(at) -> list[str]:
    return [c.value for c in at.caption]


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_play_starts_from_the_first_year_and_pause_stops_it(registry_db, lang):
    i = 0 if lang == "nb" else 1
    at = network(lang)
    slider = at.slider(key="net_year")
    first, last = int(slider.min), int(slider.max)
    assert slider.value == last and at.button(key="net_play").label == PLAY[i]
    at.button(key="net_play").click().run()
    assert not at.exception
    # At the last year a play starts over from the registry's first year, and says so at each step.
    assert at.slider(key="net_year").value == first and at.slider(key="net_year").proto.disabled
    assert PLAYING[i].format(year=first, first=first, last=last) in captions(at)
    assert at.button(key="net_play").label == PAUSE[i]
    assert at.session_state["net_playing"] is True
    # The drawing is that year's: a tie that starts later is not in it.
    conn = connect(registry_db)
    later = {k for _, _, k, a in build_graph(conn).edges(keys=True, data=True) if (a.get("start") or "9999")[:4] > str(first)}
    assert later and not later & {e["id"] for e in network_data(at)["edges"]}
    at.button(key="net_play").click().run()
    assert at.session_state["net_playing"] is False and not at.slider(key="net_year").proto.disabled
    assert PAUSED[i].format(year=first) in captions(at)
    assert at.button(key="net_play").label == PLAY[i]


def test_play_is_off_for_the_whole_history(registry_db):
    at = network("en")
    at.toggle(key="net_history").set_value(True).run()
    assert at.button(key="net_play").proto.disabled


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_size_and_colour_follow_the_registrys_metrics(registry_db, lang):
    at = network(lang)
    labels = {"nb": ("Mellomliggende sentralitet", "Siste aktivitet (år)"), "en": ("Betweenness", "Last activity (year)")}[lang]
    assert "encode" not in network_data(at)  # by default: ties drawn and kind
    size = at.selectbox(key="net_size")
    assert [size.format_func(o) for o in size.options][1:] == list(labels)  # the options read in the page's language
    size.set_value("betweenness")
    at.selectbox(key="net_colour").set_value("last_activity").run()
    assert not at.exception
    data = network_data(at)
    # The registry's metrics of the graph the page draws (this year, every entity) are what the sizes and colours encode.
    snap = snapshot(connect(registry_db))
    flt = GraphFilter.make(as_of=at.slider(key="net_year").value)
    table = metrics.entity_metrics(filter_graph(snap.graph, flt), activities=snap.activities, as_of=flt.as_of)
    betweenness = dict(zip(table["id"], table["betweenness"]))
    last = {n: d for n, d in zip(table["id"], table["last_activity"]) if isinstance(d, str)}
    ids = [r[0] for r in data["nodes"]]
    sizes = dict(zip(ids, data["encode"]["size"]))
    top = max(betweenness, key=betweenness.get)
    assert sizes[top] == encode.MAX_SIZE
    assert {sizes[n] for n, b in betweenness.items() if b == 0} == {encode.MIN_SIZE}
    colours = {n: data["encode"]["palette"][c] for n, c in zip(ids, data["encode"]["colour"])}
    assert {colours[n] for n in last if last[n][:4] == max(last.values())[:4]} == {encode.RAMP[-1]}
    assert {colours[n] for n in betweenness if n not in last} == {encode.NO_VALUE}
    srcdoc = at.get("iframe")[0].proto.srcdoc
    assert labels[0] in srcdoc and labels[1] in srcdoc  # the legend says what they encode
    assert at.query_params["net_size"] == "betweenness" and at.query_params["net_colour"] == "last_activity"


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_panel_shows_the_selected_entity_and_its_actions_set_focus_and_path(registry_db, lang):
    i = 0 if lang == "nb" else 1
    at = network(lang)
    hint = ("Ingenting valgt ennå. Et klikk på en node", "Nothing selected yet. A click on a node")[i]
    assert any(c.startswith(hint) for c in captions(at))
    at.session_state["net_sel"] = "trondheim"  # what a click in the drawing sets (tests/browser/test_explorer_browser.py clicks)
    at.run()
    assert not at.exception
    conn = connect(registry_db)
    p = view.profile(build_graph(conn), "trondheim")
    text = "\n".join(m.value for m in at.markdown)
    assert ("{n} forbindelser", "{n} ties")[i].format(n=p.ties) in text
    assert ("Knyttet til \\({n}\\)", "Tied to \\({n}\\)")[i].format(n=len(p.neighbours)) in text
    assert ("… og {n} til", "… and {n} more")[i].format(n=len(p.neighbours) - 12) in captions(at)
    # The twelve most tied neighbours are buttons that select them; each says its ties with the entity.
    listed = [b for b in at.button if b.key and b.key.startswith("net_neighbour_")]
    assert len(listed) == 12
    first, ties = p.neighbours[0]
    assert listed[0].label.endswith(f"({i18n.t('network.tie_count', lang, n=ties)})")
    link = at.get("link_button")[0]
    assert link.proto.url == "entity?id=trondheim"
    at.button(key="net_focus_here").click().run()
    assert at.selectbox(key="net_focus").value == "trondheim"
    assert any(r[0] == "trondheim" and r[7] & view.FOCUS for r in network_data(at)["nodes"])
    at.button(key="net_path_here").click().run()
    assert at.selectbox(key="net_from").value == "trondheim"
    assert at.session_state["net_sel"] == "trondheim"  # the panel stays on the entity
    at.button(key="net_neighbour_0").click().run()
    assert at.session_state["net_sel"] == first and at.query_params["net_sel"] == first
    assert not at.exception
