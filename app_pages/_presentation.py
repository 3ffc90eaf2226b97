"""The Network page's presentation downloads: the drawing as it stands, as a PNG and an SVG picture with title, dates, legend and filters."""

from __future__ import annotations

import functools

import networkx as nx
import streamlit as st

from app_pages._database import db_key, revision_snapshot
from app_pages._graph import category_home, filtered_graph
from app_pages._network_view import _drawable, _full_layout, _group_layout, _layout
from app_pages._tables import download
from app_pages._text import lang, t
from registry import view
from registry.network.graph import GraphFilter
from registry.view import presentation


# The same choice of what to draw and where as the page's drawing (_network_view._network_html),
# from the same caches, so the picture shows what the page shows at the same positions.
@st.cache_resource(show_spinner=False, max_entries=32)
def _drawn(
    path: str,
    rev: int,
    flt: GraphFilter,
    categories: frozenset[str],
    language: str,
    focus: str | None,
    steps: int,
    route: tuple[str, ...],
    home_id: str | None = None,
) -> tuple[nx.MultiDiGraph, dict[str, tuple[float, float]], frozenset[str]]:
    full = filtered_graph(path, rev, flt, categories, home_id)
    keep = set(route) | ({focus} if focus else set())
    ties = view.path_ties(full, list(route))
    if focus:
        drawn, aggregated = view.drawable(view.neighbourhood(full, focus, steps, route), language, keep, keep_ties=ties)
    elif route:
        drawn, aggregated = view.drawable(full, language, keep, keep_ties=ties)
    else:
        drawn, aggregated = _drawable(path, rev, flt, categories, language, home_id)
    if not aggregated and revision_snapshot(path, rev).graph.number_of_nodes() <= view.MAX_DRAWN_NODES:
        positions = _full_layout(path, rev)
    elif focus:
        positions = view.layout(drawn)
    elif aggregated:
        positions = _group_layout(path, rev)
    else:
        positions = _layout(path, rev, flt, categories, language, home_id)
    return drawn, positions, frozenset(ties)


def presentation_buttons(
    flt: GraphFilter, categories: frozenset[str], focus: str | None, steps: int, route: tuple[str, ...] | list[str]
) -> None:
    """Show two download buttons, PNG and SVG, of the network view drawn for these choices (the page's own).

    The picture is made only when a button is clicked (a deferred download): a rerun costs nothing.
    """
    language, route = lang(), tuple(route)
    drawn, positions, ties = _drawn(*db_key(), flt, frozenset(categories), language, focus, int(steps), route, category_home(categories))
    whole = filtered_graph(*db_key(), flt, frozenset(categories), category_home(categories))
    filters = presentation.filter_lines(flt, categories, language, whole, focus=focus, steps=int(steps), route=route)
    make = functools.partial(
        presentation.presentation,
        drawn,
        positions,
        language,
        filters=filters,
        as_of=flt.as_of,
        focus=focus,
        highlight_nodes=route,
        highlight_ties=ties,
    )
    name = t("picture.file") + (f"-{flt.as_of.year}" if flt.as_of else "")
    a, b, _ = st.columns([1, 1, 3])
    for where, fmt, text in ((a, "png", t("picture.download_png")), (b, "svg", t("picture.download_svg"))):
        download(
            text,
            functools.partial(make, fmt=fmt),
            f"{name}.{fmt}",
            presentation.FORMATS[fmt],
            f"net_picture_{fmt}",
            where=where,
            help=t("picture.download_help"),
            icon=":material/image:",
        )
