"""Map: the registry's places on a world map with the ties between them (no tile server)."""

from typing import NamedTuple

import pandas as pd
import streamlit as st

from app_pages._common import csv_button, db_key, formatter, label, lang, t, year_span
from app_pages._graph import filtered_graph
from registry import vocab
from registry.network import mapdraw, mapview
from registry.network.graph import GraphFilter


class _Map(NamedTuple):
    points: pd.DataFrame
    lines: mapview.MapLines
    counts: mapview.PlaceCounts
    html: str  # the drawing (registry.network.mapdraw): a canvas, no WebGL


# A resource (only read): a rerun with the same filter and language shares the drawing instead of
# placing 10,000 entities and writing their tooltips again.
@st.cache_resource(show_spinner=False, max_entries=16)
def _map(path: str, rev: int, flt: GraphFilter, language: str, title: str) -> _Map:
    g = filtered_graph(path, rev, flt, frozenset())
    points = mapview.map_points(g, language)
    # Many ties are merged per pair of countries and capped, as in the network view; the view fits the places.
    lines = mapview.map_lines(g, language)
    html = mapdraw.map_html(points, lines.frame, mapview.fit_view(points), title=title)
    return _Map(points, lines, mapview.place_counts(g, points), html)


st.title(t("map.title"))
st.caption(t("map.intro"))

first_year, last_year = year_span()
MAP_TIE_KINDS = [k.code for k in vocab.TIE_KINDS if k.code != "located_in"]
a, b, c = st.columns([2, 2, 1])
tie_kinds = a.multiselect(
    t("network.tie_kinds"),
    MAP_TIE_KINDS,
    format_func=formatter(MAP_TIE_KINDS, lambda k: label("tie_kinds", k)),
    key="map_tie_kinds",
    placeholder=t("common.all"),
)
whole_history = c.toggle(t("network.whole_history"), key="map_history", help=t("network.whole_history_help"))
year = b.slider(t("network.as_of"), first_year, last_year, last_year, key="map_year", disabled=whole_history)

# located_in ties place consulates; they are kept so places resolve, and never drawn as arcs.
wanted = set(tie_kinds) | {"located_in"} if tie_kinds else set()
found = _map(*db_key(), GraphFilter.make(as_of=None if whole_history else year, tie_kinds=wanted), lang(), t("map.alt"))
points, lines, counts = found.points, found.lines, found.counts

st.iframe(found.html, height=mapdraw.MAP_HEIGHT, alt=t("map.alt"))
drawn = points[points["radius"] > 0]
# Entities and places are counted apart: consulates share their city's dot, so the table has more rows than dots.
st.caption(t("map.placed_counts", entities=counts.entities, places=counts.places, ties=lines.ties, unplaced=counts.unplaced))
if lines.aggregated:
    merged = t("map.aggregated", ties=lines.ties, lines=len(lines.frame))
    if lines.omitted_lines:
        merged += " " + t("map.omitted", n=lines.omitted_lines, ties=lines.omitted_ties)
    st.info(merged, icon=":material/info:")

st.html(mapview.legend_html(sorted(set(drawn["kind"])), sorted(set(lines.frame["kind"])), lang()))

with st.expander(t("map.table"), expanded=False):
    st.caption(t("map.table_rows", entities=counts.entities, places=counts.places))
    table = points[["id", "name", "kind_label", "country", "lat", "lon", "placed_by"]]
    headers = {
        "id": t("col.id"),
        "name": t("col.name"),
        "kind_label": t("col.kind"),
        "country": t("col.country"),
        "lat": t("map.lat"),
        "lon": t("map.lon"),
        "placed_by": t("map.placed_by"),
    }
    st.dataframe(table.rename(columns=headers), hide_index=True)
    csv_button(table, "places.csv", key="map_csv", labels=headers)
