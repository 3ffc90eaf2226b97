"""The Network page's presentation downloads: the drawing as it stands, as a PNG and an SVG picture with title, dates, legend and filters."""

from __future__ import annotations

import functools

import streamlit as st

from app_pages._database import db_key
from app_pages._graph import category_home, filtered_graph
from app_pages._network_view import drawn_view
from app_pages._tables import download
from app_pages._text import lang, t
from registry.network.graph import GraphFilter
from registry.view import presentation


def presentation_buttons(
    flt: GraphFilter, categories: frozenset[str], focus: str | None, steps: int, route: tuple[str, ...] | list[str]
) -> None:
    """Show two download buttons, PNG and SVG, of the network view drawn for these choices (the page's own).

    The picture is made only when a button is clicked (a deferred download): a rerun costs nothing.
    """
    language, route = lang(), tuple(route)
    drawn, _, positions, ties = drawn_view(
        *db_key(), flt, frozenset(categories), language, focus, int(steps), route, category_home(categories)
    )
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
