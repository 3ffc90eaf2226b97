"""Text in the session's language: UI texts, vocabulary labels, country and entity names, widget formatters."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import networkx as nx
import streamlit as st

from registry import i18n, view, vocab

LANGS = i18n.LANGUAGES


def lang() -> str:
    """Return the language of this session: 'nb' (default) or 'en'."""
    value = st.session_state.get("lang", "nb")
    return value if value in LANGS else "nb"


def t(key: str, **values: Any) -> str:
    """Return the UI text ``key`` in the session's language."""
    return i18n.t(key, lang(), **values)


def label(vocabulary: str, code: str | None) -> str:
    """Return a vocabulary label in the session's language."""
    return vocab.label(vocabulary, code, lang())


def country(code: str | None) -> str:
    """Return a country's name in the session's language ('' for none)."""
    return i18n.country_name(code, lang()) if isinstance(code, str) and code else ""


def name_of(g: nx.MultiDiGraph, node: str | None) -> str:
    """Return the display name of ``node`` in ``g`` in the session's language (its id when unknown, '' for none)."""
    if node is None:
        return ""
    return view.display_name(g.nodes[node], lang(), node) if node in g else str(node)


def formatter(options: Any, fn: Callable[[Any], str]) -> Callable[[Any], str]:
    """Return a format_func for a widget: the texts of ``options`` made now, in this run's language.

    Widgets may call their format_func outside the script run (AppTest does), where
    the session's language cannot be read; a lookup made during the run can.
    """
    texts = {o: fn(o) for o in options}
    return lambda o: texts.get(o, "" if o is None else str(o))


def md(text: Any) -> str:
    """Return ``text`` with Markdown's special characters escaped, for names from the database."""
    return re.sub(r"([\\`*_{}\[\]()<>#+\-.!|~$])", r"\\\1", str(text))


_URL = re.compile(r"https?://[^\s<>\"'`\\]+")


def md_source(text: Any) -> str:
    """Return a source for Markdown: each web address a link as written, every other character escaped.

    :func:`md` alone would show an address with backslashes (``dablog\\.hypotheses``):
    inside a link Markdown shows escapes as they are. An address in angle brackets is
    taken literally, and the pattern admits no character that could end the brackets.
    """
    text, out, at = str(text), [], 0
    for m in _URL.finditer(text):
        url = m.group(0).rstrip(".,;:)")  # punctuation after an address is the sentence's
        out += [md(text[at : m.start()]), f"<{url}>"]
        at = m.start() + len(url)
    return "".join(out) + md(text[at:])


#: Pickers whose shown options depend on the language (their values are codes) and that
#: have no default value (setting a widget with a default through the state logs a warning).
_RELABEL = (
    "net_kinds",
    "net_tie_kinds",
    "net_sectors",
    "net_countries",
    "net_categories",
    "net_focus",
    "net_from",
    "net_to",
    "map_tie_kinds",
    "reg_kinds",
    "reg_countries",
    "reg_tie_kinds",
    "reg_sectors",
    "reg_tie_countries",
    "reg_entity",
    "reg_tie",
    "gaps_groups",
    "gaps_kinds",
    "gaps_severity",
    "home",
)


def relabel_widgets() -> None:
    """After a language switch, hand each labelled widget its value again so it is shown in the new language.

    Streamlit's browser side keeps the text of a chosen option; setting the value
    anew (the same codes) makes it draw the option with the new format_func.
    """
    if st.session_state.get("_shown_lang") == lang():
        return
    st.session_state["_shown_lang"] = lang()
    for key in _RELABEL:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]
