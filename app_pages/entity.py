"""Entity: one entity's facts and every row that names it (ties both ways, activities, agreements, decisions, budget
lines), each a table with its CSV; opened as ``entity?id=<id>``, with a picker when the address names none."""

import pandas as pd
import streamlit as st

from app_pages._common import (
    MAX_PICKER_OPTIONS,
    blank,
    cached,
    country,
    csv_button,
    from_url,
    keep_in_url,
    label,
    lang,
    md,
    md_source,
    t,
    year_span,
)
from app_pages._pickers import PICKER_MATCHES, entity_options
from app_pages._url import LINK_NAME, entity_link
from registry import i18n, profile
from registry.errors import NotFound
from registry.network.graph import GraphFilter

#: The columns each table shows, in order (codes of registry.profile's frames).
SHOWN: dict[str, list[str]] = {
    "ties": [
        "other_name",
        "kind",
        "direction",
        "other_kind",
        "other_country",
        "start",
        "end",
        "status",
        "start_certainty",
        "sectors",
        "tie_id",
        "source",
    ],
    "activities": ["title", "kind", "start", "end", "roles", "sectors", "tie_ids", "activity_id", "source"],
    "agreements": ["title", "kind", "signed_on", "ended_on", "status", "roles", "tie_ids", "agreement_id", "source"],
    "decisions": ["decided_on", "other_name", "kind", "category", "title", "decided_by", "case_ref", "reason", "tie_id", "source"],
    "actions": ["title", "status", "period_start", "period_end", "responsible", "roles", "tie_ids", "action_id", "source"],
    "plan_lines": [
        "year",
        "kind",
        "amount",
        "currency",
        "via",
        "purpose",
        "funder",
        "tie_id",
        "activity_id",
        "action_id",
        "plan_line_id",
        "source",
    ],
}
#: The facts shown about the entity, in order. Its name is the heading, in the page's language (the Registry
#: page shows both names).
FACTS = ("kind", "country_code", "founded", "dissolved", "successor_id", "url", "wikidata_id", "lat", "lon", "notes", "source")


#: The page's own column headers (the others: registry.i18n.column_label), section titles and codes' texts.
HEADERS = {
    "other_name": "entity.col_other_name",
    "other_country": "entity.col_other_country",
    "roles": "entity.col_roles",
    "start_certainty": "entity.col_start_certainty",
    "via": "entity.col_via",
    "plan_line_id": "entity.col_plan_line_id",
    "tie_ids": "entity.col_tie_ids",
}
TITLES = {
    "ties": "entity.section_ties",
    "activities": "entity.section_activities",
    "agreements": "entity.section_agreements",
    "decisions": "entity.section_decisions",
    "actions": "entity.section_actions",
    "plan_lines": "entity.section_plan_lines",
}
DIRECTIONS = {"out": "entity.dir_out", "in": "entity.dir_in"}
VIA = {"tie": "entity.via_tie", "activity": "entity.via_activity", "action": "entity.via_action", "funder": "entity.via_funder"}


def header(code: str) -> str:
    """Return the header of column ``code`` in the page's language: the page's own text, else the app's column label."""
    return t(HEADERS[code]) if code in HEADERS else i18n.column_label(code, lang())


st.title(t("entity.title"))
st.caption(t("entity.intro"))

wanted = st.query_params.get("id") or None
if wanted is not None and st.session_state.get("ent_shown") != wanted:
    st.session_state["ent_pick"] = wanted  # the address leads: a shared or typed address opens its entity
st.session_state["ent_shown"] = wanted


def _picked() -> None:
    # The picker writes the address, and the address says which entity the page shows.
    chosen = st.session_state.get("ent_pick")
    st.session_state["ent_shown"] = chosen
    if chosen:
        st.query_params["id"] = chosen
    elif "id" in st.query_params:
        del st.query_params["id"]


first_year, last_year = year_span()
YEARS = [None, *range(last_year, first_year - 1, -1)]
from_url("ent_year", YEARS)
flt = GraphFilter.make()
a, b = st.columns([3, 1])
query = ""
with a:
    if cached(profile.entity_count) > MAX_PICKER_OPTIONS:
        query = st.text_input(t("entity.find"), key="ent_find", help=t("entity.find_help", n=PICKER_MATCHES))
    choices, named = entity_options(flt, frozenset(), query, keep=[st.session_state.get("ent_pick")])
    if st.session_state.get("ent_pick") not in choices:
        st.session_state["ent_pick"] = None  # an unknown id: the picker starts empty, the message below says why
    chosen = st.selectbox(
        t("entity.pick"), choices, index=None, format_func=named, key="ent_pick", placeholder=t("common.choose"), on_change=_picked
    )
year = b.selectbox(
    t("entity.as_of"),
    YEARS,
    key="ent_year",
    help=t("entity.as_of_help"),
    format_func=lambda y: t("entity.whole_history") if y is None else str(y),
)

entity_id = wanted or chosen
keep_in_url({"id": entity_id, "ent_year": year})
try:
    found = cached(profile.entity_profile, entity_id, year) if entity_id else None
except NotFound:
    found = None
    st.warning(t("entity.unknown", id=md(entity_id)), icon=":material/person_search:")

if found is not None:
    e = found.entity
    name = e["name_en"] if lang() == "en" and e.get("name_en") else e["name"]
    st.header(md(name), anchor=False)  # a name is text: Markdown in it is shown, never applied
    c1, c2, _ = st.columns([1, 1, 3])
    c1.page_link("app_pages/network.py", label=t("entity.in_network"), icon=":material/hub:", query_params={"net_focus": entity_id})
    c2.page_link(
        "app_pages/registry_browser.py",
        label=t("entity.in_registry"),
        icon=":material/edit:",
        query_params={"tab": "entities", "reg_entity": entity_id},
    )

    st.subheader(t("entity.facts"), anchor=False)
    lines = []
    for code in FACTS:
        value = e.get(code)
        if value is None or value == "":
            continue
        if code == "kind":
            shown = md(label("entity_kinds", value))
        elif code == "country_code":
            shown = md(country(value) or value)
        elif code == "successor_id":
            shown = f"[{md(value)}]({entity_link(value, value)})"
        elif code in ("source", "url"):
            shown = md_source(value)
        else:
            shown = md(value)
        field = t("col.country") if code == "country_code" else i18n.field_label(code, lang())
        lines.append(f"- **{md(field)}**: {shown}")
    st.markdown("\n".join(lines))

    for section in profile.SECTIONS:
        frame = profile.readable(found, section, lang())
        st.subheader(t(TITLES[section], n=len(frame)), anchor=False)
        if frame.empty:
            st.caption(t("entity.none"))
            continue
        table = frame[SHOWN[section]].copy()
        if "direction" in table:
            table["direction"] = [t(DIRECTIONS[d]) for d in table["direction"]]
        if "via" in table:
            table["via"] = [t(VIA[v]) for v in table["via"]]
        if "other_country" in table:
            table["other_country"] = [country(cc) for cc in table["other_country"]]
        config = {}
        shown = blank(table)
        if "other_name" in table:
            # The other end links to its own page; the CSV keeps the plain name.
            shown["other_name"] = [entity_link(i, n) for i, n in zip(frame["other_id"], frame["other_name"])]
            config[header("other_name")] = st.column_config.LinkColumn(display_text=LINK_NAME, help=t("entity.open_hint"))
        config[header("source")] = st.column_config.TextColumn(width="large")
        st.dataframe(shown.rename(columns=header), hide_index=True, column_config=config, height="auto" if len(table) <= 12 else 420)
        csv_button(
            pd.DataFrame(table), f"{entity_id}-{section}.csv", key=f"ent_csv_{section}", labels={c: header(c) for c in table.columns}
        )
