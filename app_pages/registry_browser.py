"""Registry: browse, search, add and edit every data table (entities and ties with facets; activities, agreements,
contacts, declared totals and budget lines from their declarations), and read the change history."""

from typing import Any

import pandas as pd
import streamlit as st

from app_pages._common import (
    MAX_PICKER_OPTIONS, blank, cached, changed, conn, country, csv_button, current_actor, deferred, form_key, formatter,
    label, lang, md, renew_form, require_editor, show_problems, t,
)
from registry import browse, editing, forms, i18n, queries, store, vocab
from registry.errors import InvalidRow, RegistryError, StaleVersion
from registry.schema import DATA_TABLES, TABLES, Column, personal_columns

st.title(t("registry.title"))
st.caption(t("registry.intro"))

flash = st.session_state.pop("registry_flash", None)
if flash:
    st.success(flash, icon=":material/check_circle:")

VOCAB = {name: [term.code for term in terms] for name, terms in vocab.VOCABULARIES.items()}
LONG_TEXT = {"notes", "goals", "indicators", "funding", "source", "purpose"}
TITLES = {
    "activities": t("registry.tab_activities"), "agreements": t("registry.tab_agreements"),
    "contacts": t("registry.tab_contacts"), "declared_totals": t("registry.tab_declared_totals"),
    "plan_lines": t("registry.tab_plan_lines"), "activity_participants": t("registry.participants"),
    "activity_ties": t("registry.linked_ties"), "agreement_parties": t("registry.parties"),
}

# The version of each row as its form first showed it: a save is checked against that, not against the
# version read in the saving run (which would always be current). It lives exactly as long as the form's
# fields keep what they showed: while a field's state is in the session (a form not drawn in a finished run
# loses its fields, and starts again from the stored row). A run cut short by a newer one keeps it too.
_SEEN = "reg_seen_versions"


def seen_version(prefix: str, row: dict[str, Any], probe: str) -> int:
    """Return the version of ``row`` the form ``prefix`` was first shown with (the stored one for a new form).

    ``probe`` is the key of one of the form's fields: while it has a state, the fields hold what the
    form showed (or what the editor typed since), at the version seen then.
    """
    seen = st.session_state.setdefault(_SEEN, {})
    if prefix not in seen or probe not in st.session_state:
        seen[prefix] = row["version"]
    return seen[prefix]


def saved(prefix: str) -> None:
    """Forget the version the form ``prefix`` saw: its fields now hold the stored row, at its new version."""
    st.session_state.get(_SEEN, {}).pop(prefix, None)


def keep_choice(key: str, show: Any) -> bool:
    """Before the picker ``key`` is drawn, keep its choice when the chosen option's text changed; return True if it has one.

    The browser sends back the text of the chosen option, not its value: after the row was renamed
    (in this session or another) that text is no longer among the options, and the picker would fall
    back to its default, closing the form under it with whatever was typed in it. Handing the picker
    its value again makes the browser show the new text.
    """
    if key not in st.session_state:
        return False
    value = st.session_state[key]  # read with the options of the last run, under which the text was sent
    texts = st.session_state.setdefault("reg_choice_texts", {})
    text = None if value is None else show(value)
    if key in texts and texts[key] != text:
        st.session_state[key] = value
    texts[key] = text
    return True


def ref_labels(table: str, ids: Any = None) -> dict[Any, str]:
    """Return ``{id: label}`` of the rows of ``table`` (only ``ids`` when given), cached per revision."""
    wanted = None if ids is None else tuple(sorted({i for i in ids if i is not None and i == i}, key=str))
    return cached(forms.reference_labels, table, lang(), ids=wanted)


def refs_in(table: str, frame: pd.DataFrame) -> dict[str, dict[Any, str]]:
    """Return the labels of the rows ``frame``'s reference columns point at, by referenced table."""
    out: dict[str, dict[Any, str]] = {}
    for col in TABLES[table].columns:
        if col.references and col.name in frame:
            out.setdefault(col.references, {}).update(ref_labels(col.references, frame[col.name]))
    return out


def entity_label(eid: Any) -> str:
    return f"{ref_labels('entities', [eid]).get(eid, eid)} ({eid})" if eid else t("common.none")


def page_buttons(key: str, total: int, offset: int) -> None:
    """Show the rows shown and how many match, with previous and next page buttons when there are more."""
    signature = st.session_state[key][0]

    def go(page: int) -> None:
        st.session_state[key] = (signature, page)

    page = offset // browse.PAGE_SIZE
    a, b, c = st.columns([4, 1, 1])
    if total:
        a.caption(t("registry.page", first=offset + 1, last=min(offset + browse.PAGE_SIZE, total), shown=total))
    else:
        a.caption(t("registry.no_matches"))
    if total > browse.PAGE_SIZE:
        b.button(t("registry.previous"), key=f"{key}_prev", on_click=go, args=(page - 1,), disabled=page == 0,
                 icon=":material/chevron_left:", width="stretch")
        c.button(t("registry.next"), key=f"{key}_next", on_click=go, args=(page + 1,),
                 disabled=offset + browse.PAGE_SIZE >= total, icon=":material/chevron_right:", width="stretch")


def matches(key: str, table: str, text: str, filters: Any, *, personal: bool = False) -> tuple[pd.DataFrame, int, int]:
    """Return ``(the shown page of table's matches, how many match, the page's offset)``, cached per revision.

    Searched and filtered in SQLite (:func:`registry.browse.page_of`). The page number lives
    in the session under ``key`` with the search it belongs to: a new search or filter starts
    at the first page; :func:`page_buttons` moves it before the next run starts.
    """
    signature = (text.strip(), filters, personal)
    at = st.session_state.get(key)
    page = at[1] if isinstance(at, tuple) and at[0] == signature else 0
    found, total = cached(browse.page_of, table, text.strip(), filters, page * browse.PAGE_SIZE, browse.PAGE_SIZE,
                          personal=personal, lang=lang())
    if page and page * browse.PAGE_SIZE >= total:  # rows went away since the page was chosen: the last page
        page = max(0, (total - 1) // browse.PAGE_SIZE)
        found, total = cached(browse.page_of, table, text.strip(), filters, page * browse.PAGE_SIZE, browse.PAGE_SIZE,
                              personal=personal, lang=lang())
    st.session_state[key] = (signature, page)
    return found, total, page * browse.PAGE_SIZE


def pick_rows(table: str, text: str, filters: Any, page: pd.DataFrame, total: int, *, personal: bool = False) -> pd.DataFrame:
    """Return the rows a row picker lists: every match up to MAX_PICKER_OPTIONS, else the rows of the shown page.

    Streamlit sends every option of a picker on each run, so past the limit the picker
    holds what the table shows (searching or turning the page finds the others).
    """
    if total <= browse.PAGE_SIZE or total > MAX_PICKER_OPTIONS:
        return page
    return cached(browse.page_of, table, text.strip(), filters, 0, MAX_PICKER_OPTIONS, personal=personal, lang=lang())[0]


def with_choice(key: str, ids: list[Any]) -> list[Any]:
    """Return ``ids`` with the picker ``key``'s current choice added when it is not among them (it stays chosen)."""
    chosen = st.session_state.get(key)
    return ids if chosen is None or chosen in ids else [*ids, chosen]


def csv_matches(table: str, text: str, filters: Any, total: int, file_name: str, key: str, *, personal: bool = False) -> None:
    """Show a CSV download of every match: made now up to MAX_PICKER_OPTIONS rows, past that when it is clicked."""
    args = (table, text.strip(), filters)
    language = lang()  # a deferred download runs outside the script run, where the session cannot be read
    data = (cached(browse.matches_csv, *args, personal=personal, lang=language) if total <= MAX_PICKER_OPTIONS
            else deferred(lambda c, *a: browse.matches_csv(c, *a, personal=personal, lang=language), *args))
    st.download_button(t("common.download_csv"), data, file_name=file_name, mime="text/csv", key=key, icon=":material/download:")


def field(table: str, col: Column, value: Any, key: str) -> Any:
    """Show the widget for one column with its current value; return what the editor entered."""
    text = i18n.field_label(col.name, lang()) + (" *" if col.required else "")
    help_text = i18n.field_help(table, col.name, lang()) or None
    if col.name == "directed":
        return 1 if st.checkbox(text, value=str(value) == "1", key=key, help=t("registry.directed_help")) else 0
    if col.vocabulary and col.multi:
        current = [c for c in str(value or "").split(";") if c]
        chosen = st.multiselect(text, VOCAB[col.vocabulary], default=[c for c in current if c in VOCAB[col.vocabulary]],
                                format_func=formatter(VOCAB[col.vocabulary], lambda c, v=col.vocabulary: label(v, c)), key=key)
        return ";".join(chosen)
    if col.vocabulary:
        options = VOCAB[col.vocabulary] if col.required else [""] + VOCAB[col.vocabulary]
        index = options.index(value) if value in options else 0
        return st.selectbox(text, options, index=index, format_func=formatter(options, lambda c, v=col.vocabulary: label(v, c) if c else t("common.none")), key=key)
    if col.references:
        if cached(forms.row_count, col.references) > MAX_PICKER_OPTIONS:
            # Streamlit sends every option of a picker on each run: past the limit the id is typed.
            return st.text_input(text, "" if value is None else str(value), key=key, help=t("registry.type_id"))
        names = ref_labels(col.references)
        options = ([] if col.required else [""]) + list(names)
        show = lambda i, n=names: f"{n.get(i, i)} ({i})" if i else t("common.none")  # noqa: E731
        shown = formatter(options, show)
        # A field already shown keeps its value (and must not be given a default besides its state).
        index = None if keep_choice(key, shown) else options.index(value) if value in options else (0 if not col.required else None)
        return st.selectbox(text, options, index=index, format_func=shown, key=key, placeholder=t("common.choose"))
    shown = "" if value is None or (isinstance(value, float) and value != value) else str(value)
    if col.name in LONG_TEXT:
        return st.text_area(text, shown, key=key, help=help_text, height=80)
    return st.text_input(text, shown, key=key, help=help_text)


def edit_form(table: str, row: dict[str, Any] | None, prefix: str, fixed: dict[str, Any] | None = None) -> None:
    """Show the add (``row`` None) or edit form of one row of any data table and write it through the store.

    ``fixed`` columns are not shown and take the given values (a participant's activity).
    """
    is_new = row is None
    form = prefix
    if is_new:
        prefix = form_key(form)  # renewed once a row is added, so the form starts empty again
    t_ = TABLES[table]
    fixed = fixed or {}
    hidden = set(fixed) | ({t_.pk} if not is_new or t_.id_generated else set())
    columns = [c for c in editing.form_columns(table) if c.name not in hidden]
    version = None if is_new else seen_version(prefix, row, f"{prefix}_{columns[0].name}")
    # Never cleared on submit: a refused save keeps what was typed; a new row's form is emptied once it is stored.
    with st.form(f"{form}_form"):
        values = {}
        halves = st.columns(2)
        for i, col in enumerate(columns):
            with halves[0] if col.name in LONG_TEXT else halves[i % 2]:
                values[col.name] = field(table, col, None if is_new else row.get(col.name), key=f"{prefix}_{col.name}")
        label_key = "registry.add" if is_new else "registry.save"
        if not st.form_submit_button(t(label_key), type="primary"):
            return
    try:
        if is_new:
            stored = store.insert(conn(), table, forms.fill_id(table, {**values, **fixed}), actor=current_actor())
        else:
            diff = editing.changed_values(row, values)
            if not diff:
                st.info(t("registry.no_change"))
                return
            stored = store.update(conn(), table, row[t_.pk], diff, actor=current_actor(), expected_version=version)
    except InvalidRow as exc:
        show_problems(exc.problems)
    except StaleVersion:
        # The fields still hold the old row: saving them now would undo the other change. The form keeps
        # refusing until the page is reloaded and shows the stored row (what the message asks for).
        st.error(t("common.stale"))
    except RegistryError as exc:
        st.error(str(exc))
    else:
        changed()
        saved(prefix)
        if is_new:
            renew_form(form)
        # A generated id (a participant's 17) says nothing: such rows are named by their label.
        name = forms.row_label(table, stored, refs_in(table, pd.DataFrame([stored])), lang()) if t_.id_generated else stored[t_.pk]
        st.session_state["registry_flash"] = t("registry.saved", id=name)
        st.rerun()


def remove_button(table: str, row: dict[str, Any], prefix: str) -> None:
    """Show a button that deletes ``row`` through the store (refused while other rows refer to it)."""
    pk = TABLES[table].pk
    if not st.button(t("registry.remove"), key=f"{prefix}_remove", icon=":material/delete:"):
        return
    try:
        # The version the row's edit form (drawn just above) first showed.
        version = st.session_state.get(_SEEN, {}).get(prefix, row["version"])
        store.delete(conn(), table, row[pk], actor=current_actor(), expected_version=version)
    except InvalidRow as exc:
        show_problems(exc.problems)
    except StaleVersion:
        st.error(t("common.stale"))
    else:
        changed()
        saved(prefix)
        st.session_state["registry_flash"] = t("registry.removed", id=row[pk])
        st.rerun()


def version_line(text: str, row: dict[str, Any]) -> None:
    st.markdown(f"**{md(text)}** · {t('registry.version', v=row['version'], who=md(row['updated_by']), at=row['updated_at'][:19])}")


def child_section(child: str, column: str, parent_id: Any) -> None:
    """Show the rows of ``child`` that belong to ``parent_id`` (participants, linked ties, parties); edit, remove, add."""
    st.markdown(f"**{TITLES.get(child, child)}**")
    rows = cached(forms.child_rows, child, column, parent_id)
    refs = refs_in(child, rows)
    if rows.empty:
        st.caption(t("registry.no_rows"))
    else:
        st.dataframe(blank(forms.display_frame(rows.drop(columns=[column]), child, refs, lang())), hide_index=True)
    names = {r["id"]: forms.row_label(child, r, refs, lang()) for r in rows.to_dict("records")}
    ids = list(names)
    shown = formatter(ids, lambda i: names.get(i, str(i)))
    keep_choice(f"reg_{child}_{parent_id}", shown)
    chosen = st.selectbox(t("registry.choose_child"), ids, index=None, format_func=shown, key=f"reg_{child}_{parent_id}", placeholder=t("common.choose"))
    if chosen is not None:
        row = store.get(conn(), child, chosen)
        if row:
            edit_form(child, row, f"{child}_{chosen}", fixed={column: parent_id})
            remove_button(child, row, f"{child}_{chosen}")
    with st.expander(t("registry.add_child", what=TITLES.get(child, child)), icon=":material/add:"):
        edit_form(child, None, f"{child}_new_{parent_id}", fixed={column: parent_id})


def table_tab(table: str) -> None:
    """Browse, search, add and edit the rows of one table, declared in registry.schema, with the rows that belong to each."""
    pk = TABLES[table].pk
    editor = bool(current_actor())
    if personal_columns(table) and not editor:
        st.caption(t("registry.personal_hidden"))
    text = st.text_input(t("common.search"), key=f"reg_{table}_search", placeholder=t("registry.search_rows"))
    found, total, offset = matches(f"reg_{table}_page", table, text, (), personal=editor)
    refs = refs_in(table, found)
    st.dataframe(blank(forms.display_frame(found, table, refs, lang())), hide_index=True, height=300)
    page_buttons(f"reg_{table}_page", total, offset)
    csv_matches(table, text, (), total, f"{table}.csv", key=f"reg_{table}_csv", personal=editor)

    st.subheader(t("registry.edit_row"))
    listed = pick_rows(table, text, (), found, total, personal=editor)
    listed_refs = refs if listed is found else refs_in(table, listed)
    names = {r[pk]: forms.row_label(table, r, listed_refs, lang()) for r in listed.to_dict("records")}
    ids = with_choice(f"reg_{table}_row", list(names))
    if len(ids) > len(names):
        names.update(ref_labels(table, ids[len(names):]))
    shown = formatter(ids, lambda i: f"{names.get(i, i)} ({i})")
    keep_choice(f"reg_{table}_row", shown)
    chosen = st.selectbox(t("registry.choose_row"), ids, index=None, format_func=shown, key=f"reg_{table}_row", placeholder=t("common.choose"),
                          help=t("registry.picker_page") if total > MAX_PICKER_OPTIONS else None)
    if chosen is not None and require_editor():
        row = store.get(conn(), table, chosen)
        if row:
            version_line(names.get(chosen, str(chosen)), row)
            edit_form(table, row, f"{table}_{chosen}")
            remove_button(table, row, f"{table}_{chosen}")
            for child, column in forms.children(table):
                child_section(child, column, chosen)
    with st.expander(t("registry.new_row"), icon=":material/add:"):
        if require_editor():
            if table in forms.ID_FROM:
                st.caption(t("registry.new_row_help"))
            edit_form(table, None, f"{table}_new")


tab_entities, tab_ties, *tab_tables, tab_history = st.tabs(
    [t("registry.entities"), t("registry.ties"), *(TITLES[name] for name in forms.EDITABLE), t("registry.history")]
)

with tab_entities:
    a, b, c = st.columns(3)
    kinds = a.multiselect(t("network.entity_kinds"), VOCAB["entity_kinds"], format_func=formatter(VOCAB["entity_kinds"], lambda k: label("entity_kinds", k)), key="reg_kinds", placeholder=t("common.all"))
    codes = sorted(cached(browse.distinct_values, "entities", "country_code"), key=country)
    countries = b.multiselect(t("network.countries"), codes, format_func=formatter(codes, country), key="reg_countries", placeholder=t("common.all"))
    text = c.text_input(t("common.search"), key="reg_search", placeholder=t("registry.search_entities"))
    facets = (("kind", tuple(kinds)), ("country_code", tuple(countries)))
    found, total, offset = matches("reg_entities_page", "entities", text, facets)
    st.dataframe(
        blank(found[["id", "name", "name_en", "kind", "country_code", "source"]].assign(
            kind=[label("entity_kinds", k) for k in found["kind"]], country_code=[country(cc) for cc in found["country_code"]],
        )).rename(columns={"id": t("col.id"), "name": t("col.name"), "name_en": i18n.field_label("name_en", lang()),
                           "kind": t("col.kind"), "country_code": t("col.country"), "source": t("col.source")}),
        hide_index=True, height=360,
    )
    page_buttons("reg_entities_page", total, offset)
    csv_matches("entities", text, facets, total, "entities.csv", key="reg_entities_csv")

    st.subheader(t("registry.edit_entity"))
    listed = pick_rows("entities", text, facets, found, total)
    names = {r.id: (r.name_en if lang() == "en" and isinstance(r.name_en, str) and r.name_en else r.name) for r in listed.itertuples()}
    ids = with_choice("reg_entity", list(names))
    shown = formatter(ids, lambda i: f"{names[i]} ({i})" if i in names else entity_label(i))
    keep_choice("reg_entity", shown)
    chosen = st.selectbox(t("registry.choose_entity"), ids, index=None, format_func=shown, key="reg_entity", placeholder=t("common.choose"),
                          help=t("registry.picker_page") if total > MAX_PICKER_OPTIONS else None)
    if chosen and require_editor():
        row = store.get(conn(), "entities", chosen)
        if row:
            st.markdown(f"**{md(shown(chosen))}** · {t('registry.version', v=row['version'], who=md(row['updated_by']), at=row['updated_at'][:19])}")
            edit_form("entities", row, f"ent_{chosen}")
    with st.expander(t("registry.new_entity"), icon=":material/add:"):
        if require_editor():
            st.caption(t("registry.new_entity_help"))
            edit_form("entities", None, "ent_new")

with tab_ties:
    a, b, c, d = st.columns(4)
    tie_kinds = a.multiselect(t("network.tie_kinds"), VOCAB["tie_kinds"], format_func=formatter(VOCAB["tie_kinds"], lambda k: label("tie_kinds", k)), key="reg_tie_kinds", placeholder=t("common.all"))
    sectors = b.multiselect(t("network.sectors"), VOCAB["sectors"], format_func=formatter(VOCAB["sectors"], lambda s: label("sectors", s)), key="reg_sectors", placeholder=t("common.all"))
    tie_countries = c.multiselect(t("network.countries"), codes, format_func=formatter(codes, country), key="reg_tie_countries", placeholder=t("common.all"))
    tie_text = d.text_input(t("common.search"), key="reg_tie_search", placeholder=t("registry.search_ties"))
    tie_facets = (("kind", tuple(tie_kinds)), ("sectors", tuple(sectors)), ("countries", tuple(tie_countries)))
    found_ties, tie_total, tie_offset = matches("reg_ties_page", "ties", tie_text, tie_facets)
    st.dataframe(
        blank(found_ties[["id", "from_name", "kind_label", "to_name", "start", "end", "status", "sectors", "source"]].assign(
            status=[label("statuses", s) if isinstance(s, str) and s else "" for s in found_ties["status"]],
            sectors=[", ".join(label("sectors", x) for x in s.split(";") if x) if isinstance(s, str) else "" for s in found_ties["sectors"]],
        )).rename(columns={"id": t("col.id"), "from_name": t("registry.from"), "kind_label": t("col.kind"), "to_name": t("registry.to"),
                           "start": t("col.start"), "end": t("col.end"), "status": t("col.status"), "sectors": t("col.sectors"), "source": t("col.source")}),
        hide_index=True, height=360,
    )
    page_buttons("reg_ties_page", tie_total, tie_offset)
    csv_matches("ties", tie_text, tie_facets, tie_total, "ties.csv", key="reg_ties_csv")

    st.subheader(t("registry.edit_tie"))
    listed = pick_rows("ties", tie_text, tie_facets, found_ties, tie_total)
    tie_names = dict(zip(listed["id"], listed["from_name"] + " – " + listed["to_name"] + " (" + listed["kind_label"] + ")"))
    tie_ids = with_choice("reg_tie", list(tie_names))
    if len(tie_ids) > len(tie_names):
        tie_names.update(ref_labels("ties", tie_ids[len(tie_names):]))
    shown = formatter(tie_ids, lambda i: tie_names.get(i, i))
    keep_choice("reg_tie", shown)
    chosen_tie = st.selectbox(t("registry.choose_tie"), tie_ids, index=None, format_func=shown, key="reg_tie", placeholder=t("common.choose"),
                              help=t("registry.picker_page") if tie_total > MAX_PICKER_OPTIONS else None)
    if chosen_tie and require_editor():
        row = store.get(conn(), "ties", chosen_tie)
        if row:
            st.markdown(f"**{md(tie_names.get(chosen_tie, chosen_tie))}** · {t('registry.version', v=row['version'], who=md(row['updated_by']), at=row['updated_at'][:19])}")
            edit_form("ties", row, f"tie_{chosen_tie}")
    with st.expander(t("registry.new_tie"), icon=":material/add:"):
        if require_editor():
            st.caption(t("registry.new_tie_help"))
            edit_form("ties", None, "tie_new")

for name, tab in zip(forms.EDITABLE, tab_tables):
    with tab:
        table_tab(name)

HIST_TABLES = ["", *(tb.name for tb in DATA_TABLES)]
with tab_history:
    a, b = st.columns([1, 2])
    table = a.selectbox(t("col.table"), HIST_TABLES, format_func=formatter(HIST_TABLES, lambda x: i18n.table_label(x, lang()) if x else t("common.all")), key="hist_table")
    row_id = b.text_input(t("registry.row_id"), key="hist_row", placeholder=t("registry.row_id_placeholder"))
    history = cached(queries.history, table or None, row_id.strip() or None, 500)
    actions = {"insert": t("action.insert"), "update": t("action.update"), "delete": t("action.delete")}
    shown = pd.DataFrame({
        t("col.when"): history["at"].str.slice(0, 19).str.replace("T", " "),
        t("col.who"): history["actor"],
        t("col.table"): [i18n.table_label(name, lang()) for name in history["table_name"]],
        t("col.row"): history["row_id"],
        t("col.action"): history["action"].map(actions),
        t("registry.change"): [editing.describe_change(r.action, r.before, r.after, lang()) for r in history.itertuples()],
    })
    st.caption(t("registry.history_help", n=len(history)))
    st.dataframe(blank(shown), hide_index=True, column_config={t("registry.change"): st.column_config.TextColumn(width="large")})
    csv_button(history, "audit.csv", key="hist_csv")
