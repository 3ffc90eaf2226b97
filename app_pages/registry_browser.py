"""Registry: browse, search, add and edit every data table (entities and ties with facets; activities, agreements,
contacts, declared totals and budget lines from their declarations), and read the change history."""

import pandas as pd
import streamlit as st

from app_pages._common import (
    MAX_PICKER_OPTIONS,
    blank,
    cached,
    conn,
    country,
    csv_button,
    current_actor,
    formatter,
    from_url,
    keep_in_url,
    label,
    lang,
    require_editor,
    t,
)
from app_pages._registry_browse import (
    counted,
    csv_matches,
    entity_label,
    keep_choice,
    keep_codes,
    matches,
    page_buttons,
    pick_rows,
    ref_labels,
    refs_in,
    row_from_url,
    shown_rows,
    tab_from_url,
    with_choice,
)
from app_pages._registry_forms import VOCAB, child_section, edit_form, remove_button, title, version_line
from app_pages._url import LINK_NAME, entity_link
from registry import i18n, settings
from registry.edit import audit, browse, forms
from registry.store import writes as store
from registry.store.schema import DATA_TABLES, TABLES, personal_columns

st.title(t("registry.title"))
st.caption(t("registry.intro"))

flash = st.session_state.pop("registry_flash", None)
if flash:
    st.success(flash, icon=":material/check_circle:")


#: What the address keeps of the page (codes, never labels): filled as the tabs are drawn, written at the end.
shared: dict[str, object] = {}


def table_tab(table: str) -> None:
    """Browse, search, add and edit the rows of one table, declared in registry.store.schema, with the rows that belong to each."""
    pk = TABLES[table].pk
    editor = bool(current_actor())
    if personal_columns(table) and not editor:
        st.caption(t("registry.personal_hidden"))
    from_url(f"reg_{table}_search")
    text = st.text_input(t("common.search"), key=f"reg_{table}_search", placeholder=t("registry.search_rows"))
    found, total, offset = matches(f"reg_{table}_page", table, text, (), personal=editor)
    refs = refs_in(table, found)
    rows, links = shown_rows(found, table, refs)
    st.dataframe(rows, hide_index=True, height=300, column_config=links)
    page_buttons(f"reg_{table}_page", total, offset)
    csv_matches(table, text, (), total, f"{table}.csv", key=f"reg_{table}_csv", personal=editor)

    st.subheader(t("registry.edit_row"))
    listed = pick_rows(table, text, (), found, total, personal=editor)
    listed_refs = refs if listed is found else refs_in(table, listed)
    names = {r[pk]: forms.row_label(table, r, listed_refs, lang()) for r in listed.to_dict("records")}
    row_from_url(f"reg_{table}_row", table)
    ids = with_choice(f"reg_{table}_row", list(names))
    if len(ids) > len(names):
        names.update(ref_labels(table, ids[len(names) :]))
    shown = formatter(ids, lambda i: f"{names.get(i, i)} ({i})")
    keep_choice(f"reg_{table}_row", shown)
    chosen = st.selectbox(
        t("registry.choose_row"),
        ids,
        index=None,
        format_func=shown,
        key=f"reg_{table}_row",
        placeholder=t("common.choose"),
        help=t("registry.picker_page") if total > MAX_PICKER_OPTIONS else None,
    )
    if chosen is not None and require_editor():
        row = store.get(conn(), table, chosen)
        if row:
            version_line(names.get(chosen, str(chosen)), row)
            edit_form(table, row, f"{table}_{chosen}")
            remove_button(table, row, f"{table}_{chosen}")
            for child, column in forms.children(table):
                child_section(child, column, chosen)
    shared[f"reg_{table}_search"], shared[f"reg_{table}_row"] = text.strip(), chosen
    with st.expander(t("registry.new_row"), icon=":material/add:"):
        if require_editor():
            if table in forms.ID_FROM:
                st.caption(t("registry.new_row_help"))
            edit_form(table, None, f"{table}_new")


#: The tabs by code, in order: their labels change with the language, the code does not.
TAB_LABELS = {
    "entities": t("registry.entities"),
    "ties": t("registry.ties"),
    **{name: title(name) for name in forms.EDITABLE},
    "history": t("registry.history"),
}


def remember_tab() -> None:
    """Keep the open tab's code, so that a language switch opens the same tab under its new label."""
    code = {text: c for c, text in TAB_LABELS.items()}.get(st.session_state.get("reg_tab"))
    if code:
        st.session_state["reg_tab_code"] = code


tab_from_url(TAB_LABELS)
# The tabs track which one is open (a key and a callback): without it a save's rerun showed the first tab,
# away from the row just saved. The label kept under the key is the code's label in this run's language.
if st.session_state.get("reg_tab") not in TAB_LABELS.values() and st.session_state.get("reg_tab_code") in TAB_LABELS:
    st.session_state["reg_tab"] = TAB_LABELS[st.session_state["reg_tab_code"]]
tab_entities, tab_ties, *tab_tables, tab_history = st.tabs(list(TAB_LABELS.values()), key="reg_tab", on_change="rerun")
remember_tab()

codes = sorted(cached(browse.distinct_values, "entities", "country_code"), key=country)
# A shared address (?tab=entities&reg_kinds=city&reg_search=...) opens the same view; values are codes.
for key, options in (
    ("reg_kinds", VOCAB["entity_kinds"]),
    ("reg_countries", codes),
    ("reg_tie_kinds", VOCAB["tie_kinds"]),
    ("reg_sectors", VOCAB["sectors"]),
    ("reg_tie_countries", codes),
):
    from_url(key, options, many=True)
for key in ("reg_search", "reg_tie_search"):
    from_url(key)
row_from_url("reg_entity", "entities")
row_from_url("reg_tie", "ties")

with tab_entities:
    # Each option counts the rows it finds under the other filters and the search (read before the widgets are drawn).
    now = (("kind", tuple(keep_codes("reg_kinds"))), ("country_code", tuple(keep_codes("reg_countries"))))
    now_text = st.session_state.get("reg_search", "")
    a, b, c = st.columns(3)
    kinds = a.multiselect(
        t("network.entity_kinds"),
        VOCAB["entity_kinds"],
        key="reg_kinds",
        placeholder=t("common.all"),
        format_func=counted("entities", "kind", VOCAB["entity_kinds"], lambda k: label("entity_kinds", k), now_text, now),
    )
    countries = b.multiselect(
        t("network.countries"),
        codes,
        format_func=counted("entities", "country_code", codes, country, now_text, now),
        key="reg_countries",
        placeholder=t("common.all"),
    )
    text = c.text_input(t("common.search"), key="reg_search", placeholder=t("registry.search_entities"))
    facets = (("kind", tuple(kinds)), ("country_code", tuple(countries)))
    found, total, offset = matches("reg_entities_page", "entities", text, facets)
    # The name opens the entity's page (a new tab, in this language).
    st.dataframe(
        blank(
            found[["id", "name", "name_en", "kind", "country_code", "source"]].assign(
                kind=[label("entity_kinds", k) for k in found["kind"]],
                country_code=[country(cc) for cc in found["country_code"]],
                name=[entity_link(i, n) for i, n in zip(found["id"], found["name"])],
            )
        ).rename(
            columns={
                "id": t("col.id"),
                "name": t("col.name"),
                "name_en": i18n.field_label("name_en", lang()),
                "kind": t("col.kind"),
                "country_code": t("col.country"),
                "source": t("col.source"),
            }
        ),
        hide_index=True,
        height=360,
        column_config={t("col.name"): st.column_config.LinkColumn(display_text=LINK_NAME, help=t("entity.open_hint"))},
    )
    page_buttons("reg_entities_page", total, offset)
    csv_matches("entities", text, facets, total, "entities.csv", key="reg_entities_csv")

    st.subheader(t("registry.edit_entity"))
    listed = pick_rows("entities", text, facets, found, total)
    names = {r.id: (r.name_en if lang() == "en" and isinstance(r.name_en, str) and r.name_en else r.name) for r in listed.itertuples()}
    ids = with_choice("reg_entity", list(names))
    shown = formatter(ids, lambda i: f"{names[i]} ({i})" if i in names else entity_label(i))
    keep_choice("reg_entity", shown)
    chosen = st.selectbox(
        t("registry.choose_entity"),
        ids,
        index=None,
        format_func=shown,
        key="reg_entity",
        placeholder=t("common.choose"),
        help=t("registry.picker_page") if total > MAX_PICKER_OPTIONS else None,
    )
    shared.update(reg_kinds=kinds, reg_countries=countries, reg_search=text.strip(), reg_entity=chosen)
    if chosen:
        st.page_link("app_pages/entity.py", label=t("entity.open_page"), icon=":material/badge:", query_params={"id": chosen})
    if chosen and require_editor():
        row = store.get(conn(), "entities", chosen)
        if row:
            version_line(shown(chosen), row)
            edit_form("entities", row, f"ent_{chosen}")
    with st.expander(t("registry.new_entity"), icon=":material/add:"):
        if require_editor():
            st.caption(t("registry.new_entity_help"))
            edit_form("entities", None, "ent_new")

with tab_ties:
    now = (
        ("kind", tuple(keep_codes("reg_tie_kinds"))),
        ("sectors", tuple(keep_codes("reg_sectors"))),
        ("countries", tuple(keep_codes("reg_tie_countries"))),
    )
    now_text = st.session_state.get("reg_tie_search", "")
    a, b, c, d = st.columns(4)
    tie_kinds = a.multiselect(
        t("network.tie_kinds"),
        VOCAB["tie_kinds"],
        key="reg_tie_kinds",
        placeholder=t("common.all"),
        format_func=counted("ties", "kind", VOCAB["tie_kinds"], lambda k: label("tie_kinds", k), now_text, now),
    )
    sectors = b.multiselect(
        t("network.sectors"),
        VOCAB["sectors"],
        key="reg_sectors",
        placeholder=t("common.all"),
        format_func=counted("ties", "sectors", VOCAB["sectors"], lambda s: label("sectors", s), now_text, now),
    )
    tie_countries = c.multiselect(
        t("network.countries"),
        codes,
        format_func=counted("ties", "countries", codes, country, now_text, now),
        key="reg_tie_countries",
        placeholder=t("common.all"),
    )
    tie_text = d.text_input(t("common.search"), key="reg_tie_search", placeholder=t("registry.search_ties"))
    tie_facets = (("kind", tuple(tie_kinds)), ("sectors", tuple(sectors)), ("countries", tuple(tie_countries)))
    found_ties, tie_total, tie_offset = matches("reg_ties_page", "ties", tie_text, tie_facets)
    st.dataframe(
        blank(
            found_ties[["id", "from_name", "kind_label", "to_name", "start", "end", "status", "sectors", "source"]].assign(
                from_name=[entity_link(i, n) for i, n in zip(found_ties["from_id"], found_ties["from_name"])],
                to_name=[entity_link(i, n) for i, n in zip(found_ties["to_id"], found_ties["to_name"])],
                status=[label("statuses", s) if isinstance(s, str) and s else "" for s in found_ties["status"]],
                sectors=[
                    ", ".join(label("sectors", x) for x in s.split(";") if x) if isinstance(s, str) else "" for s in found_ties["sectors"]
                ],
            )
        ).rename(
            columns={
                "id": t("col.id"),
                "from_name": t("registry.from"),
                "kind_label": t("col.kind"),
                "to_name": t("registry.to"),
                "start": t("col.start"),
                "end": t("col.end"),
                "status": t("col.status"),
                "sectors": t("col.sectors"),
                "source": t("col.source"),
            }
        ),
        hide_index=True,
        height=360,
        column_config={
            t(k): st.column_config.LinkColumn(display_text=LINK_NAME, help=t("entity.open_hint")) for k in ("registry.from", "registry.to")
        },
    )
    page_buttons("reg_ties_page", tie_total, tie_offset)
    csv_matches("ties", tie_text, tie_facets, tie_total, "ties.csv", key="reg_ties_csv")

    st.subheader(t("registry.edit_tie"))
    listed = pick_rows("ties", tie_text, tie_facets, found_ties, tie_total)
    tie_names = dict(zip(listed["id"], listed["from_name"] + " – " + listed["to_name"] + " (" + listed["kind_label"] + ")"))
    tie_ids = with_choice("reg_tie", list(tie_names))
    if len(tie_ids) > len(tie_names):
        tie_names.update(ref_labels("ties", tie_ids[len(tie_names) :]))
    shown = formatter(tie_ids, lambda i: tie_names.get(i, i))
    keep_choice("reg_tie", shown)
    chosen_tie = st.selectbox(
        t("registry.choose_tie"),
        tie_ids,
        index=None,
        format_func=shown,
        key="reg_tie",
        placeholder=t("common.choose"),
        help=t("registry.picker_page") if tie_total > MAX_PICKER_OPTIONS else None,
    )
    shared.update(
        reg_tie_kinds=tie_kinds, reg_sectors=sectors, reg_tie_countries=tie_countries, reg_tie_search=tie_text.strip(), reg_tie=chosen_tie
    )
    if chosen_tie and require_editor():
        row = store.get(conn(), "ties", chosen_tie)
        if row:
            version_line(tie_names.get(chosen_tie, chosen_tie), row)
            edit_form("ties", row, f"tie_{chosen_tie}")
    with st.expander(t("registry.new_tie"), icon=":material/add:"):
        if require_editor():
            st.caption(t("registry.new_tie_help"))
            edit_form("ties", None, "tie_new")

for name, tab in zip(forms.EDITABLE, tab_tables):
    with tab:
        table_tab(name)

# The address says what the page shows, so it can be shared: the open tab, the filters, the search, the chosen rows.
keep_in_url({"tab": st.session_state.get("reg_tab_code"), **shared})

HIST_TABLES = ["", *(tb.name for tb in DATA_TABLES)]
with tab_history:
    a, b = st.columns([1, 2])
    table = a.selectbox(
        t("col.table"),
        HIST_TABLES,
        format_func=formatter(HIST_TABLES, lambda x: i18n.table_label(x, lang()) if x else t("common.all")),
        key="hist_table",
    )
    row_id = b.text_input(t("registry.row_id"), key="hist_row", placeholder=t("registry.row_id_placeholder"))
    # Each entry told in the page's language: rows by name, fields by label, no JSON, ids or "None" (issue 19 D8).
    history = cached(audit.history, table or None, row_id.strip() or None, 500, lang())
    zone = cached(settings.time_zone)
    actions = {"insert": t("action.insert"), "update": t("action.update"), "delete": t("action.delete")}
    shown = pd.DataFrame(
        {
            t("col.when_local", zone=zone): [i18n.local_time(at, zone) for at in history["at"]],  # the log writes UTC
            t("col.who"): history["actor"],
            t("col.table"): [i18n.table_label(name, lang()) for name in history["table_name"]],
            t("col.row"): history["name"],
            t("col.id"): history["row_id"],
            t("col.action"): [actions.get(a, a) for a in history["action"]],
            t("registry.change"): ["; ".join(i18n.render(m, lang()) for m in changes) for changes in history["changes"]],
        }
    )
    st.caption(t("registry.history_help", n=len(history)))
    st.dataframe(blank(shown), hide_index=True, column_config={t("registry.change"): st.column_config.TextColumn(width="large")})
    csv_button(history.drop(columns=["name", "changes"]), "audit.csv", key="hist_csv")
