"""The network page's own controls: the year play control, size and colour by metric, and the click panel."""

from __future__ import annotations

from urllib.parse import quote

import networkx as nx
import pandas as pd
import streamlit as st

from app_pages._common import country, formatter, from_url, label, md, name_of, t
from registry import view

# --- the year play control: the as-of slider stepped by a timed fragment, one full run per year

#: Seconds between two years of a play (a step that takes longer starts the next when it is done).
PLAY_STEP_S = 1.5


def _play_toggle(first: int, last: int) -> None:
    if st.session_state.get("net_playing"):
        st.session_state["net_playing"] = False
        st.session_state["net_play_state"] = "paused"
        return
    st.session_state["net_year"] = view.play_start(int(st.session_state.get("net_year", last)), first, last)
    st.session_state["net_playing"] = True
    st.session_state["net_play_state"] = "playing"


def year_controls(first: int, last: int, url_year: str | None, whole_history: bool) -> int:
    """Show the as-of slider with its play/pause button and the play's state; return the chosen year."""
    if url_year is not None:
        st.session_state["net_year"] = int(url_year)  # the address's year
    st.session_state.setdefault("net_year", last)
    if whole_history:
        st.session_state["net_playing"] = False
    playing = bool(st.session_state.get("net_playing"))
    a, b = st.columns([6, 1], vertical_alignment="bottom")
    year = a.slider(t("network.as_of"), first, last, key="net_year", disabled=whole_history or playing, help=t("network.as_of_help"))
    b.button(
        t("network.pause" if playing else "network.play"),
        key="net_play",
        on_click=_play_toggle,
        args=(first, last),
        icon=":material/pause:" if playing else ":material/play_arrow:",
        disabled=whole_history or first >= last,
        help=t("network.play_help"),
        width="stretch",
    )
    state = st.session_state.get("net_play_state")
    if playing:
        st.caption(t("network.playing", year=year, first=first, last=last))
    elif state == "paused":
        st.caption(t("network.paused", year=year))
    elif state == "done":
        st.caption(t("network.play_done", year=year))
    return int(year)


def play_clock(last: int) -> None:
    """While a play runs, step the year every :data:`PLAY_STEP_S` seconds (a fragment's timer) and rerun the page."""
    playing = bool(st.session_state.get("net_playing"))
    st.session_state["net_play_fresh"] = True

    @st.fragment(run_every=PLAY_STEP_S if playing else None)
    def clock() -> None:
        # In the page's own run the year just drawn stays; the timer's runs step it.
        if st.session_state.pop("net_play_fresh", False) or not st.session_state.get("net_playing"):
            return
        nxt = view.play_step(int(st.session_state.get("net_year", last)), last)
        if nxt is None:
            st.session_state["net_playing"] = False
            st.session_state["net_play_state"] = "done"
        else:
            st.session_state["net_year"] = nxt
        st.rerun(scope="app")

    clock()


# --- size and colour by metric


def encoding_choice() -> tuple[str, str]:
    """Show the node size and node colour pickers; return ``(size_by, colour_by)``."""
    from_url("net_size", view.SIZE_METRICS)
    from_url("net_colour", view.COLOUR_METRICS)
    metric = formatter(view.COLOUR_METRICS, lambda m: t(view.METRIC_TEXT[m]))
    a, b, _ = st.columns([1, 1, 2])
    size_by = a.selectbox(t("network.size_by"), view.SIZE_METRICS, key="net_size", format_func=metric, help=t("network.encode_help"))
    colour_by = b.selectbox(
        t("network.colour_by"), view.COLOUR_METRICS, key="net_colour", format_func=metric, help=t("network.encode_help")
    )
    return size_by or "ties", colour_by or "kind"


# --- the click panel


def _focus_here(node: str) -> None:
    st.session_state["net_focus"] = node


def _path_from_here(node: str) -> None:
    st.session_state["net_from"] = node


def _select(node: str) -> None:
    st.session_state["net_sel"] = node


#: Neighbours the panel lists by name; the rest are counted.
PANEL_NEIGHBOURS = 12


def profile_panel(g: nx.MultiDiGraph, node: str | None, table: pd.DataFrame | None) -> None:
    """Show the selected entity's profile (name, kind, country, ties, last activity, neighbours) and its actions."""
    st.markdown(f"**{t('network.profile')}**")
    p = view.profile(g, node, _last_activity(table, node)) if node else None
    if p is None:
        st.caption(t("network.profile_hint"))
        return
    with st.container(border=True, key="net_profile"):
        st.markdown(f"#### {md(name_of(g, p.id))}")
        st.markdown(" · ".join(md(x) for x in (label("entity_kinds", p.kind), country(p.country_code)) if x))
        st.markdown(md(t("network.tie_count", n=p.ties)))
        st.caption(t("network.profile_last", date=p.last_activity) if p.last_activity else t("network.profile_no_activity"))
        st.button(
            t("network.focus_here"),
            key="net_focus_here",
            on_click=_focus_here,
            args=(p.id,),
            icon=":material/center_focus_strong:",
            width="stretch",
        )
        st.button(
            t("network.path_from_here"),
            key="net_path_here",
            on_click=_path_from_here,
            args=(p.id,),
            icon=":material/route:",
            width="stretch",
        )
        st.link_button(t("network.entity_page"), f"entity?id={quote(p.id)}", icon=":material/open_in_new:", width="stretch")
        st.markdown(f"**{md(t('network.profile_neighbours', n=len(p.neighbours)))}**")
        shown = p.neighbours[:PANEL_NEIGHBOURS]
        # Each neighbour selects itself, as a click on it in the drawing would: the panel walks the network.
        for i, (other, count) in enumerate(shown):
            st.button(
                f"{md(name_of(g, other))} ({md(t('network.tie_count', n=count))})",
                key=f"net_neighbour_{i}",
                type="tertiary",
                on_click=_select,
                args=(other,),
                icon=":material/arrow_right:",
            )
        if len(p.neighbours) > len(shown):
            st.caption(t("network.profile_more", n=len(p.neighbours) - len(shown)))


def _last_activity(table: pd.DataFrame | None, node: str | None) -> dict[str, str]:
    # The one row the panel needs, not a map of every entity.
    if table is None or node is None:
        return {}
    found = table.loc[table["id"] == node, "last_activity"]
    return {node: found.iloc[0]} if len(found) and isinstance(found.iloc[0], str) else {}
