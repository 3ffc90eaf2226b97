"""Node size and colour by metric (registry.view.encode) and how the drawing carries them: data, legend, defaults."""

from __future__ import annotations

import json
import re

import networkx as nx
import pandas as pd
import pytest

from registry import view
from registry.view import encode

EVIL = "<img src=x onerror=alert(1)>"


def table() -> pd.DataFrame:
    """Three entities as ``entity_metrics`` gives them: a hub, a broker and a leaf without activity."""
    return pd.DataFrame(
        {"id": ["hub", "broker", "leaf"], "ties": [9, 4, 1], "betweenness": [0.0, 0.64, 0.0], "last_activity": ["2024-05-01", "2004", None]}
    )


def test_metric_values_read_the_table_and_leave_out_missing_ones():
    assert encode.metric_values(table(), "ties") == {"hub": 9.0, "broker": 4.0, "leaf": 1.0}
    # The year of the last activity; the leaf has none, so it has no value (not year 0).
    assert encode.metric_values(table(), "last_activity") == {"hub": 2024.0, "broker": 2004.0}
    with pytest.raises(ValueError):
        encode.metric_values(table(), "kind")


def test_sizes_grow_with_the_square_root_of_a_skewed_metric():
    scale = encode.scale_of("betweenness", {"a": 0.0, "b": 0.16, "c": 0.64})
    # sqrt(0.16 / 0.64) = 0.5: halfway between 10 and 30; the ends are the ends.
    assert encode.sizes({"a": 0.0, "b": 0.16, "c": 0.64}, scale, 10, 30) == {"a": 10.0, "b": 20.0, "c": 30.0}


def test_years_are_coloured_evenly_along_the_ramp():
    scale = encode.scale_of("last_activity", {"a": 2000.0, "b": 2010.0, "c": 2020.0})
    got = encode.colours({"a": 2000.0, "b": 2010.0, "c": 2020.0}, scale, ("#000000", "#ff0000", "#ffffff"))
    # 2010 is halfway: exactly the middle stop of a three-stop ramp.
    assert got == {"a": "#000000", "b": "#ff0000", "c": "#ffffff"}


def test_equal_values_do_not_divide_by_zero():
    scale = encode.scale_of("ties", {"a": 3.0, "b": 3.0})
    assert encode.sizes({"a": 3.0, "b": 3.0}, scale) == {"a": encode.MAX_SIZE, "b": encode.MAX_SIZE}
    assert set(encode.colours({"a": 3.0}, scale).values()) == {encode.RAMP[-1]}


def test_the_encoding_spans_the_whole_table_and_says_when_values_are_missing():
    e = view.encoding(table(), "betweenness", "last_activity")
    assert e.sizes == {"hub": encode.MIN_SIZE, "broker": encode.MAX_SIZE, "leaf": encode.MIN_SIZE}
    assert e.colours == {"hub": encode.RAMP[-1], "broker": encode.RAMP[0]}  # the leaf has no activity: no colour
    assert e.colour_scale == encode.Scale("last_activity", 2004.0, 2024.0, True)
    assert e.size_scale == encode.Scale("betweenness", 0.0, 0.64, False)


def test_the_defaults_need_no_metrics_and_bad_choices_are_refused():
    assert not view.needs_metrics("ties", "kind")
    e = view.encoding(None)
    assert (e.sizes, e.colours, e.size_scale, e.colour_scale) == ({}, {}, None, None)
    with pytest.raises(ValueError):
        view.encoding(None, "betweenness", "kind")  # a metric without its table
    with pytest.raises(ValueError):
        view.encoding(table(), "kind", "kind")  # kind is a colour, not a size


def graph() -> nx.MultiDiGraph:
    # hub -- broker -- leaf, and hub -- other: the table above plus one entity it does not cover.
    g = nx.MultiDiGraph()
    for n, kind in (("hub", "municipality"), ("broker", "network"), ("leaf", "city"), ("other", "city")):
        g.add_node(n, kind=kind, name=n.title(), country_code="NO")
    g.add_edge("hub", "broker", key="t1", kind="membership")
    g.add_edge("broker", "leaf", key="t2", kind="partnership")
    g.add_edge("hub", "other", key="t3", kind="partnership")
    return g


def data_of(html: str) -> dict:
    m = re.search(r"window.registryData = (\{.*?\});\n", html)
    assert m
    return json.loads(m.group(1))


def test_the_drawing_carries_sizes_and_colours_per_node():
    e = view.encoding(table(), "betweenness", "last_activity")
    data = data_of(view.network_html(graph(), "en", encoding=e))
    ids = [r[0] for r in data["nodes"]]
    enc = data["encode"]
    size = dict(zip(ids, enc["size"]))
    colour = {n: enc["palette"][i] for n, i in zip(ids, enc["colour"])}
    assert size == {"hub": 10.0, "broker": 45.0, "leaf": 10.0, "other": 10.0}  # no value: the smallest
    assert colour == {"hub": encode.RAMP[-1], "broker": encode.RAMP[0], "leaf": encode.NO_VALUE, "other": encode.NO_VALUE}
    # Without an encoding, the page draws as before: no per-node sizes or colours at all.
    assert "encode" not in data_of(view.network_html(graph(), "en"))


def test_country_groups_keep_their_own_size_and_colour():
    g = graph()
    g.add_node("country:SE", kind="group", name="Sweden (4)", size=4)
    e = view.encoding(table(), "betweenness", "last_activity")
    data = data_of(view.network_html(g, "en", encoding=e))
    at = [r[0] for r in data["nodes"]].index("country:SE")
    assert data["encode"]["size"][at] is None and data["encode"]["colour"][at] is None


@pytest.mark.parametrize(
    ("lang", "size_word", "colour_word", "missing"),
    [
        ("nb", "Størrelse: Mellomliggende sentralitet", "Farge: Siste aktivitet (år)", "ingen verdi"),
        ("en", "Size: Betweenness", "Colour: Last activity (year)", "no value"),
    ],
)
def test_the_legend_shows_the_encoding_in_the_pages_language(lang, size_word, colour_word, missing):
    html = view.network_html(graph(), lang, encoding=view.encoding(table(), "betweenness", "last_activity"))
    size = html[html.index('id="size-legend"') :]
    size = size[: size.index("</div>")]
    colour = html[html.index('id="colour-legend"') :]
    colour = colour[: colour.index("</div>")]
    assert size_word in size and "0.000" in size and "0.640" in size
    assert colour_word in colour and "2004" in colour and "2024" in colour and missing in colour
    # The kinds' swatches turn grey when colour is a metric: their shapes still tell the kinds.
    assert 'class="by-metric"' in html
    plain = view.network_html(graph(), lang)
    assert 'id="size-legend"' not in plain and 'id="colour-legend"' not in plain and 'class="by-metric"' not in plain


def test_a_size_only_encoding_keeps_the_kind_colours():
    html = view.network_html(graph(), "en", encoding=view.encoding(table(), "last_activity", "kind"))
    assert 'id="size-legend"' in html and 'id="colour-legend"' not in html and 'class="by-metric"' not in html
    assert all(c is None for c in data_of(html)["encode"]["colour"])


def test_the_legend_escapes_nothing_from_the_registry_but_stays_escaped():
    # Only numbers and the page's own words reach the encoding legend; a hostile name stays in the JSON only.
    g = graph()
    g.nodes["hub"]["name"] = EVIL
    html = view.network_html(g, "en", encoding=view.encoding(table(), "betweenness", "last_activity"))
    assert EVIL not in html
