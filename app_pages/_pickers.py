"""Country and entity picker options over the cached graph, searched instead of listed past the picker limit."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import streamlit as st

from app_pages import _common
from app_pages._database import db_key, revision_snapshot
from app_pages._graph import category_home, filtered_graph
from app_pages._text import lang
from registry import view
from registry.edit import pickers
from registry.network.graph import GraphFilter

#: How many matches of a search an entity picker lists.
PICKER_MATCHES = 200


@st.cache_resource(show_spinner=False, max_entries=8)
def _countries(path: str, rev: int, language: str) -> tuple[list[str], dict[str, str]]:
    return pickers.country_names(revision_snapshot(path, rev).graph, language)


def country_options() -> tuple[list[str], Callable[[Any], str]]:
    """Return ``(the registry's country codes sorted by name, format_func)`` for country pickers, cached per revision."""
    codes, names = _countries(*db_key(), lang())
    return codes, lambda cc: names.get(cc, "" if cc is None else str(cc))


@st.cache_resource(show_spinner=False, max_entries=64)
def _choices(
    path: str, rev: int, flt: GraphFilter, categories: frozenset[str], language: str, home_id: str | None = None
) -> tuple[list[str], dict[str, str]]:
    return pickers.entity_names(filtered_graph(path, rev, flt, categories, home_id), language)


@st.cache_resource(show_spinner=False, max_entries=64)
def _matches(
    path: str, rev: int, flt: GraphFilter, categories: frozenset[str], language: str, home_id: str | None, query: str
) -> list[str]:
    return pickers.find_entities(*_choices(path, rev, flt, categories, language, home_id), query, PICKER_MATCHES)


def entity_options(
    flt: GraphFilter, categories: frozenset[str], query: str = "", keep: Iterable[str | None] = ()
) -> tuple[list[str], Callable[[Any], str]]:
    """Return ``(node ids sorted by name, format_func)`` for entity pickers over the filtered graph.

    Every entity when there are at most ``MAX_PICKER_OPTIONS``; otherwise the
    first :data:`PICKER_MATCHES` whose name contains ``query`` (none for an empty
    query), plus the entities in ``keep`` (the pickers' current values). Cached
    per revision, filter and language; callers treat the list as read-only.
    """
    key = (*db_key(), flt, frozenset(categories), lang(), category_home(categories))
    g = filtered_graph(*key[:4], key[5])
    # The limit is read from _common at each call: pages test the same number, and the tests lower it there.
    if g.number_of_nodes() <= _common.MAX_PICKER_OPTIONS:
        choices, names = _choices(*key)
        return choices, lambda o: names.get(o, "" if o is None else str(o))
    found = _matches(*key, query.strip()) if query.strip() else []
    kept = [n for n in dict.fromkeys(keep) if n in g and n not in found]
    shown = {n: view.display_name(g.nodes[n], key[4], n) for n in [*found, *kept]}
    choices = sorted(shown, key=lambda n: shown[n].casefold()) if kept else found
    return choices, lambda o: shown.get(o, "" if o is None else str(o))
