"""Network: the relation graph, filtered, focused on one entity or a path, with the selected entity's ties and metrics per entity."""

import networkx as nx
import pandas as pd
import streamlit as st

from app_pages._common import (
    MAX_PICKER_OPTIONS,
    blank,
    csv_button,
    db_key,
    formatter,
    from_url,
    graph,
    keep_in_url,
    label,
    lang,
    md,
    name_of,
    network_html,
    t,
    year_span,
)
from app_pages._graph import category_home, filtered_graph
from app_pages._network_controls import encoding_choice, play_clock, profile_panel, year_controls
from app_pages._network_metrics import view_metrics
from app_pages._network_view import busy
from app_pages._pickers import PICKER_MATCHES, country_options, entity_options
from app_pages._presentation import presentation_buttons
from registry import view, vocab
from registry.network.graph import GraphFilter

# Hears the drawing's "registry-select" message (a node clicked inside the iframe, which is
# same-origin) and hands the entity id to this script as a trigger value ("" for a click on the
# background); tells the drawing which entity is selected (it lights it and its neighbours), on
# every run and when a new drawing says it is ready. An inline st.components.v2 component: no
# file and nothing from another host.
_CLICK_JS = """
export default function (component) {
  const { setTriggerValue, data } = component;
  const selected = data && typeof data.selected === "string" ? data.selected : null;
  function tell(w) { w.postMessage({ type: "registry-highlight", id: selected }, window.location.origin); }
  function heard(e) {
    if (e.origin !== window.location.origin) return;
    const d = e.data;
    if (!d) return;
    if (d.type === "registry-ready" && e.source) { tell(e.source); return; }
    if (d.type !== "registry-select" || typeof d.id !== "string") return;
    setTriggerValue("clicked", d.id);
  }
  window.addEventListener("message", heard);
  for (const f of document.querySelectorAll("iframe")) {
    try { if (f.contentWindow) tell(f.contentWindow); } catch (err) { /* another origin: not ours */ }
  }
  return () => window.removeEventListener("message", heard);
}
"""
_clicks = st.components.v2.component("network_click", js=_CLICK_JS)


def _heard_click() -> None:
    # Before the run: the clicked entity becomes the selection ("" clears it), so the drawing and panel below follow it.
    clicked = (st.session_state.get("net_click") or {}).get("clicked")
    if isinstance(clicked, str):
        st.session_state["net_sel"] = clicked or None


def _forget_click() -> None:
    # A picker chosen after a click decides again which entity is selected (None, not absent: the address is not read again).
    st.session_state["net_sel"] = None


@st.cache_resource(show_spinner=False, max_entries=64)
def _paths(
    path: str, rev: int, flt: GraphFilter, categories: frozenset[str], home_id: str | None, source: str, target: str
) -> list[view.Route]:
    # Up to three paths by tie quality; a resource (tuples, only read), keyed like the graph it searches.
    return view.best_paths(filtered_graph(path, rev, flt, categories, home_id), source, target)


# view.tie_doubts's codes and their texts.
_DOUBTS = {"uncertain": "path.uncertain", "suspended": "path.suspended", "ended": "path.ended", "unsourced": "path.unsourced"}


def _path_rows(g: nx.MultiDiGraph, table: pd.DataFrame) -> pd.DataFrame:
    """Return the paths' steps as the page shows them: names and labels in the page's language."""
    doubts = table["doubts"].map(lambda d: ", ".join(t(_DOUBTS[c]) for c in d.split(";") if c))
    shown = table.assign(
        from_id=table["from_id"].map(lambda n: name_of(g, n)),
        to_id=table["to_id"].map(lambda n: name_of(g, n)),
        kind=table["kind"].map(lambda k: label("tie_kinds", k)),
        status=table["status"].map(lambda k: label("statuses", k) if k else ""),
        start_certainty=table["start_certainty"].map(lambda k: label("certainties", k) if k else ""),
        doubts=doubts,
    ).rename(
        columns={
            "path": t("col.path"),
            "step": t("col.step"),
            "from_id": t("col.from"),
            "to_id": t("col.to"),
            "tie_id": t("col.tie"),
            "kind": t("col.kind"),
            "status": t("col.status"),
            "start": t("col.start"),
            "start_certainty": t("col.start_certainty"),
            "doubts": t("col.doubts"),
        }
    )
    return blank(shown)


st.title(t("network.title"))
st.caption(t("network.intro"))

first_year, last_year = year_span()

ENTITY_KINDS = [k.code for k in vocab.ENTITY_KINDS]
TIE_KINDS = [k.code for k in vocab.TIE_KINDS]
SECTORS = [s.code for s in vocab.SECTORS]
CATEGORIES = [k.code for k in vocab.CATEGORIES]
# A shared address (?net_kinds=city&net_year=1990 ...) opens the same view.
for key, options in (
    ("net_kinds", ENTITY_KINDS),
    ("net_tie_kinds", TIE_KINDS),
    ("net_sectors", SECTORS),
    ("net_countries", country_options()[0]),
    ("net_categories", CATEGORIES),
):
    from_url(key, options, many=True)
from_url("net_history", ["1"])
from_url("net_isolated", ["1"])
url_year = from_url("net_year", [str(y) for y in range(first_year, last_year + 1)])
from_url("net_sel")
with st.container(border=True):
    a, b, c = st.columns(3)
    kinds = a.multiselect(
        t("network.entity_kinds"),
        ENTITY_KINDS,
        format_func=formatter(ENTITY_KINDS, lambda k: label("entity_kinds", k)),
        key="net_kinds",
        placeholder=t("common.all"),
    )
    tie_kinds = b.multiselect(
        t("network.tie_kinds"),
        TIE_KINDS,
        format_func=formatter(TIE_KINDS, lambda k: label("tie_kinds", k)),
        key="net_tie_kinds",
        placeholder=t("common.all"),
    )
    sectors = c.multiselect(
        t("network.sectors"),
        SECTORS,
        format_func=formatter(SECTORS, lambda s: label("sectors", s)),
        key="net_sectors",
        placeholder=t("common.all"),
    )
    a, b, c = st.columns(3)
    codes, country_name = country_options()
    countries = a.multiselect(t("network.countries"), codes, format_func=country_name, key="net_countries", placeholder=t("common.all"))
    categories = b.multiselect(
        t("network.categories"),
        CATEGORIES,
        format_func=formatter(CATEGORIES, lambda k: label("categories", k)),
        key="net_categories",
        placeholder=t("common.all"),
        help=t("network.categories_help"),
    )
    if st.session_state.get("net_history") == "1":
        st.session_state["net_history"] = True
    whole_history = c.toggle(t("network.whole_history"), key="net_history", help=t("network.whole_history_help"))
    if st.session_state.get("net_isolated") == "1":
        st.session_state["net_isolated"] = True
    hide_isolated = c.toggle(t("network.hide_isolated"), key="net_isolated", help=t("network.hide_isolated_help"))
    year = year_controls(first_year, last_year, url_year, whole_history)
    size_by, colour_by = encoding_choice()

# Everything below follows the filters: a new year at 10k entities works for a moment, and says so.
with busy(t("network.working")):
    # A tie with no start date is drawn this year and in the whole history, not in a past year (whether it existed then is unknown).
    flt = GraphFilter.make(
        as_of=None if whole_history else year,
        entity_kinds=kinds,
        tie_kinds=tie_kinds,
        sectors=sectors,
        countries=countries,
        skip_undated=not whole_history and year < last_year,
        hide_isolated=hide_isolated,
    )
    g = graph(flt, frozenset(categories))

    with st.container(border=True):
        query = ""
        if g.number_of_nodes() > MAX_PICKER_OPTIONS:
            query = st.text_input(t("network.find"), key="net_find", help=t("network.find_help", n=PICKER_MATCHES))
        chosen = [st.session_state.get(k) for k in ("net_focus", "net_from", "net_to")]
        choices, named = entity_options(flt, frozenset(categories), query, keep=chosen)
        from_url("net_focus", choices)
        a, b, c, d = st.columns([3, 1, 3, 3])
        focus = a.selectbox(
            t("network.focus"),
            choices,
            index=None,
            format_func=named,
            key="net_focus",
            placeholder=t("network.focus_none"),
            on_change=_forget_click,
        )
        steps = b.number_input(t("network.steps"), 1, 5, 2, key="net_steps", disabled=focus is None)
        source = c.selectbox(
            t("network.path_from"),
            choices,
            index=None,
            format_func=named,
            key="net_from",
            placeholder=t("common.choose"),
            on_change=_forget_click,
        )
        target = d.selectbox(
            t("network.path_to"),
            choices,
            index=None,
            format_func=named,
            key="net_to",
            placeholder=t("common.choose"),
            on_change=_forget_click,
        )
    paths = _paths(*db_key(), flt, frozenset(categories), category_home(categories), source, target) if source and target else []
    route: tuple[str, ...] = ()
    if source and target:
        if paths:
            pick = 0
            if len(paths) > 1:
                options = [t("network.path_option", i=i + 1, n=len(p.ties)) for i, p in enumerate(paths)]
                pick = st.radio(
                    t("network.path_choice"),
                    range(len(paths)),
                    key="net_path",
                    horizontal=True,
                    help=t("network.paths_help"),
                    format_func=options.__getitem__,
                )
            chosen = paths[pick if pick is not None and pick < len(paths) else 0]
            route = chosen.nodes
            st.info(t("network.path_found", n=len(route) - 1) + " " + " → ".join(md(name_of(g, n)) for n in route), icon=":material/route:")
            if chosen.doubtful:
                steps_of = dict(zip(chosen.ties, zip(route, route[1:])))
                named_ties = ", ".join(f"{md(name_of(g, steps_of[k][0]))} – {md(name_of(g, steps_of[k][1]))}" for k in chosen.doubtful)
                st.warning(t("network.path_doubtful", n=len(chosen.doubtful), ties=named_ties), icon=":material/warning:")
            with st.expander(t("network.paths_table")):
                steps_table = view.path_table(g, paths)
                st.dataframe(_path_rows(g, steps_table), hide_index=True)
                csv_button(steps_table, f"paths-{source}-{target}.csv", key="net_paths_csv")
        else:
            st.warning(t("network.no_path"), icon=":material/route:")

    picked = st.session_state.get("net_sel")
    picked = picked if picked in g else None
    # The metrics table sizes and colours the nodes and gives the panel its last activity (the table below shows it).
    table = view_metrics(flt, g).table if g.number_of_nodes() and (picked or view.needs_metrics(size_by, colour_by)) else None
    left, right = st.columns([3, 1])
    with left:
        if g.number_of_nodes() == 0:
            st.warning(t("network.empty"))
        else:
            drawing = network_html(flt, frozenset(categories), focus, int(steps), route, size_by, colour_by, table)
            if drawing.aggregated:
                st.info(t("network.aggregated", n=g.number_of_nodes(), drawn=drawing.nodes), icon=":material/info:")
            shown = t("network.shown", nodes=t("network.node_count", n=drawing.nodes), ties=t("network.tie_count", n=drawing.ties))
            if drawing.omitted_ties:
                shown += " " + t("network.omitted", drawn=drawing.ties, n=drawing.omitted_ties, ties=drawing.omitted_weight)
            st.caption(shown)
            st.iframe(drawing.html, height=740, alt=t("network.iframe_alt"))
            presentation_buttons(flt, frozenset(categories), focus, int(steps), route)
        if g.graph.get("undated_left_out"):
            st.caption(t("network.undated_left_out", n=g.graph["undated_left_out"], year=year))
    with right:
        profile_panel(g, picked, table)
    _clicks(key="net_click", height=0, data={"selected": picked}, on_clicked_change=_heard_click)

    keep_in_url(
        {
            "net_kinds": kinds,
            "net_tie_kinds": tie_kinds,
            "net_sectors": sectors,
            "net_countries": countries,
            "net_categories": categories,
            "net_history": whole_history,
            "net_isolated": hide_isolated,
            "net_year": None if whole_history or year == last_year else year,
            "net_focus": focus,
            "net_sel": picked,
            "net_size": None if size_by == "ties" else size_by,
            "net_colour": None if colour_by == "kind" else colour_by,
        }
    )

    st.subheader(t("network.details"))
    selected = picked or focus or source
    if selected is None:
        st.caption(t("network.details_help"))
    else:
        if picked:
            a, b = st.columns([4, 1], vertical_alignment="center")
            a.caption(t("network.selected_in_drawing"))
            b.button(t("network.clear_selection"), key="net_clear", on_click=_forget_click, icon=":material/close:")
        ties = view.entity_ties(g, selected, lang())
        st.markdown(
            f"**{md(name_of(g, selected))}** · {label('entity_kinds', g.nodes[selected].get('kind'))} · {t('network.tie_count', n=len(ties))}"
        )
        shown = ties.rename(
            columns={
                "tie_id": t("col.tie"),
                "kind": t("col.kind"),
                "direction": t("col.direction"),
                "other_id": t("col.other_id"),
                "other": t("col.other"),
                "other_kind": t("col.other_kind"),
                "start": t("col.start"),
                "end": t("col.end"),
                "status": t("col.status"),
                "sectors": t("col.sectors"),
                "municipal_role": t("col.municipal_role"),
                "carrier_id": t("col.carrier"),
                "source": t("col.source"),
            }
        )
        st.dataframe(blank(shown), hide_index=True, column_config={t("col.source"): st.column_config.TextColumn(width="large")})
        csv_button(ties, f"ties-{selected}.csv", key="net_ties_csv")

    st.subheader(t("network.metrics"))
    st.caption(t("network.metrics_help"))
    if g.number_of_nodes():
        found = view_metrics(flt, g)
        if found.sampled:
            st.caption(t("network.metrics_sampled", k=found.sampled, n=found.nodes))
        st.dataframe(
            found.shown,
            hide_index=True,
            column_config={t("metrics.betweenness"): st.column_config.NumberColumn(format="%.3f", help=t("network.metrics_help"))},
        )
        csv_button(found.table, "entity-metrics.csv", key="net_metrics_csv")

play_clock(last_year)
