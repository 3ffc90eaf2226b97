"""The home municipality: the sidebar's picker and the municipality the review and the analysis are for."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from app_pages._database import db_key, revision_snapshot
from app_pages._text import lang, t
from registry import settings
from registry.edit import pickers
from registry.errors import RegistryError


@st.cache_resource(show_spinner=False, max_entries=8)
def _homes(path: str, rev: int, language: str) -> tuple[list[str], dict[str, str], str | None]:
    snap = revision_snapshot(path, rev)
    ids, names = pickers.entity_names(snap.graph.subgraph(settings.municipalities(snap)), language)
    try:
        default = settings.resolve_home(snap)
    except RegistryError:  # several municipalities and none configured, or a configured one that is gone
        default = None
    return ids, names, default


def home_options() -> tuple[list[str], Callable[[Any], str], str | None]:
    """Return ``(the registry's municipalities by name, format_func, the default home)`` for the home picker.

    The default is the configured home (setting ``home_id``), or the only
    municipality; None when there are several and none is configured.
    """
    ids, names, default = _homes(*db_key(), lang())
    return ids, lambda o: names.get(o, "" if o is None else str(o)), default


def home_picker() -> None:
    """Show the home municipality picker: the municipality the review and the analysis are for."""
    ids, names, default = home_options()
    if not ids:
        return
    if st.session_state.get("home") not in ids:
        # First run, or the chosen one is gone: the configured home, never a guess among several.
        st.session_state["home"] = default
    st.selectbox(t("frame.home"), ids, format_func=names, key="home", placeholder=t("frame.home_choose"), help=t("frame.home_help"))


def home() -> str | None:
    """Return the home municipality chosen in the sidebar (an entity id); None when there is none to choose or none is chosen."""
    chosen = st.session_state.get("home")
    return chosen if chosen in home_options()[0] else None


def require_home() -> bool:
    """Return True when the review has a home; otherwise ask for one to be chosen in the sidebar."""
    ids, _, _ = home_options()
    if not ids or home() is not None:
        return True  # no municipality at all: nothing to choose, the review is simply empty
    st.info(t("frame.home_needed"), icon=":material/location_city:")
    return False
