"""The registry graph cached per database revision: filtered views, sister-city category suggestions, the year span."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import networkx as nx
import streamlit as st

from app_pages._database import db_key, revision_snapshot
from app_pages._home import home
from registry import rules, view
from registry.errors import NoHome
from registry.network.graph import GraphFilter, filter_graph
from registry.review import classify

# Graph objects are cached as resources (shared, not copied): callers treat them as read-only.


@st.cache_resource(show_spinner=False, max_entries=64)
def filtered_graph(path: str, rev: int, flt: GraphFilter, categories: frozenset[str], home_id: str | None = None) -> nx.MultiDiGraph:
    """Return the graph at ``(path, rev)`` passing ``flt`` and, for sister cities, ``home_id``'s ``categories``; cached."""
    snap = revision_snapshot(path, rev)
    g = filter_graph(snap.graph, flt)
    if categories:
        # The categories are the home's review; with several municipalities and none chosen,
        # no sister city has one yet (all count as unclassified).
        try:
            found = _suggestions(path, rev, flt.as_of.year if flt.as_of else None, home_id)
        except NoHome:
            found = []
        # Which category a city counts under is a declared rule of the library (network_category_filter).
        chosen = {s.tie_id: rules.category_shown(s.assigned_group, s.suggested, categories) for s in found}
        g = view.restrict_categories(g, chosen, categories)
    return g


def graph(flt: GraphFilter | None = None, categories: frozenset[str] = frozenset()) -> nx.MultiDiGraph:
    """Return the registry graph passing ``flt`` and, for sister cities, the assigned ``categories``."""
    return filtered_graph(*db_key(), flt or GraphFilter(), frozenset(categories), category_home(categories))


def category_home(categories: Iterable[str]) -> str | None:
    """Return the home a category filter is for: the chosen home when there are ``categories``, else None."""
    # Only a category filter depends on the home: without one, a home change reuses every cached drawing.
    return home() if categories else None


@st.cache_resource(show_spinner=False, max_entries=16)
def _suggestions(path: str, rev: int, as_of: int | None, home_id: str | None = None) -> list[classify.Suggestion]:
    return classify.suggest(revision_snapshot(path, rev), as_of=as_of, home_id=home_id)


def suggestions(as_of: int | None = None, home_id: str | None = None) -> list[classify.Suggestion]:
    """Return the sister-city category suggestions of ``home_id`` (assigned vs suggested, reasons) as of a year (default today)."""
    return _suggestions(*db_key(), as_of, home_id)


@st.cache_data(show_spinner=False, max_entries=8)
def _years(path: str, rev: int, last: int) -> tuple[int, int]:
    return view.year_range(revision_snapshot(path, rev).graph, last)


def year_span() -> tuple[int, int]:
    """Return ``(first start year in the registry, this year)`` for as-of sliders."""
    return _years(*db_key(), date.today().year)
