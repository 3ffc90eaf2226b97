"""The network page's drawing: the filtered graph laid out and drawn as HTML, cached per revision and choice."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NamedTuple

import networkx as nx
import pandas as pd
import streamlit as st
from streamlit.runtime.scriptrunner import add_script_run_ctx

from app_pages._database import db_key, revision_snapshot
from app_pages._graph import category_home, filtered_graph
from app_pages._text import lang
from registry import view
from registry.network.graph import GraphFilter

#: Where the network page's iframe loads vis-network from: the app's static folder
#: (``[server] enableStaticServing``), relative so that it also works under a base URL path.
#: The browser caches it, instead of receiving the 700 KB script inside every new drawing.
VIS_ASSETS = "app/static"


@st.cache_resource(show_spinner=False, max_entries=16)
def _drawable(
    path: str, rev: int, flt: GraphFilter, categories: frozenset[str], language: str, home_id: str | None = None
) -> tuple[nx.MultiDiGraph, bool]:
    # The whole filtered view, aggregated when too big: computed once for its layout and its HTML.
    return view.drawable(filtered_graph(path, rev, flt, categories, home_id), language)


# Layouts are resources too: read-only dicts, shared rather than copied on every rerun.
@st.cache_resource(show_spinner=False, max_entries=64)
def _layout(
    path: str, rev: int, flt: GraphFilter, categories: frozenset[str], language: str, home_id: str | None = None
) -> dict[str, tuple[float, float]]:
    return view.layout(_drawable(path, rev, flt, categories, language, home_id)[0])


@st.cache_resource(show_spinner=False, max_entries=4)
def _full_layout(path: str, rev: int) -> dict[str, tuple[float, float]]:
    return view.layout(revision_snapshot(path, rev).graph)


@st.cache_resource(show_spinner=False, max_entries=4)
def _group_layout(path: str, rev: int) -> dict[str, tuple[float, float]]:
    # The whole registry merged by country: every aggregated view's groups are among its nodes
    # (group ids do not depend on the language), so a filter change needs no new layout.
    return view.layout(view.drawable(revision_snapshot(path, rev).graph, "nb")[0])


class DrawnView(NamedTuple):
    """What the network page draws for a choice: the graph, whether it is merged by country, positions, path ties."""

    graph: nx.MultiDiGraph
    aggregated: bool
    positions: dict[str, tuple[float, float]]
    ties: frozenset[str]


# The page's drawing and its picture (app_pages/_presentation.py) both draw this: one choice of what
# to draw and where, so the picture shows what the page shows at the same positions.
@st.cache_resource(show_spinner=False, max_entries=64)
def drawn_view(
    path: str,
    rev: int,
    flt: GraphFilter,
    categories: frozenset[str],
    language: str,
    focus: str | None,
    steps: int,
    route: tuple[str, ...],
    home_id: str | None = None,
) -> DrawnView:
    """Return the graph to draw for these choices, whether it is aggregated, its positions and the path's ties."""
    full = filtered_graph(path, rev, flt, categories, home_id)
    keep = set(route) | ({focus} if focus else set())
    ties = view.path_ties(full, list(route))
    # The path is drawn whole, node by node and tie by tie, even where it leaves the focus's neighbourhood.
    if focus:
        drawn, aggregated = view.drawable(view.neighbourhood(full, focus, steps, route), language, keep, keep_ties=ties)
    elif route:
        drawn, aggregated = view.drawable(full, language, keep, keep_ties=ties)
    else:
        drawn, aggregated = _drawable(path, rev, flt, categories, language, home_id)
    # Positions come from the whole registry, node by node or merged by country, else from the
    # whole filtered graph: nodes stay put when a filter or the focus changes.
    if not aggregated and revision_snapshot(path, rev).graph.number_of_nodes() <= view.MAX_DRAWN_NODES:
        positions = _full_layout(path, rev)
    elif focus:
        positions = view.layout(drawn)
    elif aggregated:
        positions = _group_layout(path, rev)
    else:
        positions = _layout(path, rev, flt, categories, language, home_id)
    return DrawnView(drawn, aggregated, positions, frozenset(ties))


class NetworkView(NamedTuple):
    """The network page's drawing: its HTML and what it shows."""

    html: str
    aggregated: bool
    nodes: int
    ties: int
    omitted_ties: int  # group edges left out of an aggregated view
    omitted_weight: int  # ties inside them


# A resource, not data: the drawing is immutable (a string and numbers), so every rerun can share
# it instead of unpickling a copy.
@st.cache_resource(show_spinner=False, max_entries=128)
def _network_html(
    path: str,
    rev: int,
    flt: GraphFilter,
    categories: frozenset[str],
    language: str,
    focus: str | None,
    steps: int,
    route: tuple[str, ...],
    home_id: str | None = None,
    size_by: str = "ties",
    colour_by: str = "kind",
    _metrics: pd.DataFrame | None = None,
) -> NetworkView:
    # ``_metrics`` (not hashed) is the metrics table of this same filtered graph: the key above decides it.
    drawn, aggregated, positions, ties = drawn_view(path, rev, flt, categories, language, focus, steps, route, home_id)
    html = view.network_html(
        drawn,
        language,
        positions,
        focus=focus,
        highlight_nodes=route,
        highlight_ties=ties,
        assets=VIS_ASSETS,
        encoding=view.encoding(_metrics, size_by, colour_by) if view.needs_metrics(size_by, colour_by) else None,
    )
    return NetworkView(
        html,
        aggregated,
        drawn.number_of_nodes(),
        drawn.number_of_edges(),
        drawn.graph.get("omitted_ties", 0),
        drawn.graph.get("omitted_weight", 0),
    )


def network_html(
    flt: GraphFilter,
    categories: frozenset[str],
    focus: str | None,
    steps: int,
    route: tuple[str, ...],
    size_by: str = "ties",
    colour_by: str = "kind",
    metrics: pd.DataFrame | None = None,
) -> NetworkView:
    """Return the network view (HTML, aggregated?, nodes and ties drawn, ties left out), cached per revision and choice.

    ``size_by`` and ``colour_by`` choose what node size and colour encode (see :func:`registry.view.encoding`);
    a metric needs ``metrics``, the ``entity_metrics`` table of the same filtered graph.
    """
    return _network_html(
        *db_key(), flt, frozenset(categories), lang(), focus, steps, tuple(route), category_home(categories), size_by, colour_by, metrics
    )


#: After this many seconds of work a rerun shows that it is running (Streamlit's own spinner waits 0.5 s).
BUSY_AFTER = 0.3


@contextmanager
def busy(text: str, after: float = BUSY_AFTER) -> Iterator[None]:
    """Return a context that shows ``text`` as a running notice here when its work takes longer than ``after`` seconds.

    Quick reruns (cached views) show nothing, so nothing flickers; a slow one (a new year at
    10k entities) shows the notice until the work below it is done.
    """
    slot = st.empty()
    # A timer thread of this script run (it needs the run's context to write to the page).
    timer = threading.Timer(after, lambda: slot.info(text, icon=":material/hourglass_top:"))
    add_script_run_ctx(timer)
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        timer.join()  # a notice being written is written before it is taken away
        slot.empty()
