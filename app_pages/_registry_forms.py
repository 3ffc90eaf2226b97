"""Registry page: the add, edit and remove forms of any data table's rows, and the child rows under a row."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from app_pages import _common
from app_pages._common import cached, changed, conn, current_actor, form_key, formatter, label, lang, md, renew_form, show_form_problems, t
from app_pages._registry_browse import keep_choice, ref_labels, refs_in, shown_rows
from app_pages._tables import failure_key, show_failure
from registry import cells, i18n, vocab
from registry.edit import editing, forms
from registry.errors import InvalidRow, RegistryError, StaleVersion
from registry.store import writes as store
from registry.store.schema import TABLES, Column

#: Each vocabulary's codes, in their declared order: the options of its pickers.
VOCAB = {name: [term.code for term in terms] for name, terms in vocab.VOCABULARIES.items()}
#: Columns edited in a text area: free text that runs over a line.
LONG_TEXT = {"notes", "goals", "indicators", "funding", "source", "purpose"}
_TITLES = {
    "activities": "registry.tab_activities",
    "agreements": "registry.tab_agreements",
    "contacts": "registry.tab_contacts",
    "declared_totals": "registry.tab_declared_totals",
    "plan_lines": "registry.tab_plan_lines",
    "activity_participants": "registry.participants",
    "activity_ties": "registry.linked_ties",
    "agreement_parties": "registry.parties",
    "plan_actions": "registry.tab_plan_actions",
    "indicators": "registry.tab_indicators",
    "action_partners": "registry.action_partners",
    "action_ties": "registry.action_ties",
    "indicator_values": "registry.indicator_values",
}

# The version of each row as its form first showed it: a save is checked against that, not against the
# version read in the saving run (which would always be current). It lives exactly as long as the form's
# fields keep what they showed: while a field's state is in the session (a form not drawn in a finished run
# loses its fields, and starts again from the stored row). A run cut short by a newer one keeps it too.
_SEEN = "reg_seen_versions"


def title(table: str) -> str:
    """Return the title of ``table``'s tab or section in the session's language (the table's name when it has none)."""
    return t(_TITLES[table]) if table in _TITLES else table


# The row itself as its form first showed it (beside _SEEN's version), so that a refused save can show
# what the editor opened, what is stored now and what they typed; and the forms whose save was refused.
_SEEN_ROWS = "reg_seen_rows"
_STALE = "reg_stale_forms"


def seen_version(prefix: str, row: dict[str, Any], probe: str) -> int:
    """Return the version of ``row`` the form ``prefix`` was first shown with (the stored one for a new form).

    ``probe`` is the key of one of the form's fields: while it has a state, the fields hold what the
    form showed (or what the editor typed since), at the version seen then.
    """
    seen = st.session_state.setdefault(_SEEN, {})
    rows = st.session_state.setdefault(_SEEN_ROWS, {})
    if prefix not in seen or probe not in st.session_state:
        seen[prefix] = row["version"]
        rows[prefix] = dict(row)
        st.session_state.get(_STALE, set()).discard(prefix)
    return seen[prefix]


def saved(prefix: str) -> None:
    """Forget the version the form ``prefix`` saw: its fields now hold the stored row, at its new version."""
    st.session_state.get(_SEEN, {}).pop(prefix, None)
    st.session_state.get(_SEEN_ROWS, {}).pop(prefix, None)
    st.session_state.get(_STALE, set()).discard(prefix)


def widget_value(table: str, col: Column, value: Any) -> Any:
    """Return what the field :func:`field` draws for ``col`` holds when it shows ``value`` (the widget's own type)."""
    if col.name == "directed":
        return str(value) == "1"
    if col.vocabulary and col.multi:
        return [c for c in str(value or "").split(";") if c in VOCAB[col.vocabulary]]
    if col.vocabulary:
        options = VOCAB[col.vocabulary] if col.required else [""] + VOCAB[col.vocabulary]
        return value if value in options else options[0]
    if col.references and cached(forms.row_count, col.references) <= _common.MAX_PICKER_OPTIONS:
        return value if value not in (None, "") else (None if col.required else "")
    return cells.text(value)


def _shown(value: Any) -> str:
    # The comparison shows what a field holds as text: a multiselect's codes joined, a checkbox as 1/0.
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, list):
        return ";".join(value)
    return "" if value is None else str(value)


def rebase(table: str, columns: list[Column], prefix: str, current: dict[str, Any]) -> None:
    """Make the form ``prefix`` build on the row ``current``: fields the editor changed keep their text, the others
    take the stored values; the next save is checked against ``current``'s version. Run as a button's callback."""
    opened = st.session_state.get(_SEEN_ROWS, {}).get(prefix, current)
    for col in columns:
        key = f"{prefix}_{col.name}"
        mine = st.session_state.get(key)
        if key not in st.session_state or mine == widget_value(table, col, opened.get(col.name)):
            st.session_state[key] = widget_value(table, col, current.get(col.name))
    st.session_state.setdefault(_SEEN, {})[prefix] = current["version"]
    st.session_state.setdefault(_SEEN_ROWS, {})[prefix] = dict(current)
    st.session_state.get(_STALE, set()).discard(prefix)
    st.session_state["registry_flash"] = t("editform.rebased", v=current["version"])


def stale_panel(table: str, columns: list[Column], prefix: str, values: dict[str, Any]) -> None:
    """Say the form's save was refused over a newer version and offer the stored version beside the typed text."""
    pk = TABLES[table].pk
    opened = st.session_state.get(_SEEN_ROWS, {}).get(prefix)
    current = store.get(conn(), table, opened[pk]) if opened else None
    st.error(t("editform.stale"), icon=":material/sync_problem:")
    if not opened or not current:
        return
    if not st.toggle(t("editform.compare"), key=f"{prefix}_compare", value=True):
        return
    rows = []
    for col in columns:
        then, now = (_shown(widget_value(table, col, r.get(col.name))) for r in (opened, current))
        mine = _shown(values.get(col.name))
        if len({then, now, mine}) > 1:
            rows.append(
                {
                    t("editform.field"): i18n.field_label(col.name, lang()),
                    t("editform.opened", v=opened["version"]): then,
                    t("editform.stored", v=current["version"], who=current.get("updated_by") or ""): now,
                    t("editform.mine"): mine,
                }
            )
    if rows:
        st.table(pd.DataFrame(rows).set_index(t("editform.field")))
    else:
        st.caption(t("editform.same"))
    st.button(
        t("editform.rebase"),
        key=f"{prefix}_rebase",
        on_click=rebase,
        args=(table, columns, prefix, current),
        help=t("editform.rebase_help"),
        icon=":material/merge:",
    )


def field(table: str, col: Column, value: Any, key: str) -> Any:
    """Show the widget for one column with its current value; return what the editor entered."""
    text = i18n.field_label(col.name, lang()) + (" *" if col.required else "")
    help_text = i18n.field_help(table, col.name, lang()) or None
    if col.name == "directed":
        return 1 if st.checkbox(text, value=str(value) == "1", key=key, help=t("registry.directed_help")) else 0
    if col.vocabulary and col.multi:
        current = [c for c in str(value or "").split(";") if c]
        chosen = st.multiselect(
            text,
            VOCAB[col.vocabulary],
            default=[c for c in current if c in VOCAB[col.vocabulary]],
            format_func=formatter(VOCAB[col.vocabulary], lambda c, v=col.vocabulary: label(v, c)),
            key=key,
        )
        return ";".join(chosen)
    if col.vocabulary:
        options = VOCAB[col.vocabulary] if col.required else [""] + VOCAB[col.vocabulary]
        index = options.index(value) if value in options else 0
        return st.selectbox(
            text,
            options,
            index=index,
            format_func=formatter(options, lambda c, v=col.vocabulary: label(v, c) if c else t("common.none")),
            key=key,
        )
    if col.references:
        # The picker limit is read from _common at each call: one number for every page, lowered there by the tests.
        if cached(forms.row_count, col.references) > _common.MAX_PICKER_OPTIONS:
            # Streamlit sends every option of a picker on each run: past the limit the id is typed.
            return st.text_input(text, "" if value is None else str(value), key=key, help=t("registry.type_id"))
        names = ref_labels(col.references)
        options = ([] if col.required else [""]) + list(names)
        show = lambda i, n=names: f"{n.get(i, i)} ({i})" if i else t("common.none")  # noqa: E731
        shown = formatter(options, show)
        # A field already shown keeps its value (and must not be given a default besides its state).
        index = None if keep_choice(key, shown) else options.index(value) if value in options else (0 if not col.required else None)
        return st.selectbox(text, options, index=index, format_func=shown, key=key, placeholder=t("common.choose"))
    shown = cells.text(value)
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
        submitted = st.form_submit_button(t(label_key), type="primary")
    if not submitted:
        if not is_new and prefix in st.session_state.get(_STALE, set()):
            stale_panel(table, columns, prefix, values)
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
        show_form_problems(exc.problems)
    except StaleVersion:
        # The fields still hold the old row: saving them now would undo the other change. The form keeps
        # refusing, and offers the stored version beside the typed text, until the editor builds on it.
        st.session_state.setdefault(_STALE, set()).add(prefix)
        stale_panel(table, columns, prefix, values)
    except RegistryError as exc:
        # A damaged file, a busy registry, a missing key: said in the page's language (details in the log).
        show_failure(exc) if failure_key(exc) != "safety.unexpected" else st.error(str(exc))
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
        show_form_problems(exc.problems)
    except StaleVersion:
        st.error(t("common.stale"))
    else:
        changed()
        saved(prefix)
        st.session_state["registry_flash"] = t("registry.removed", id=row[pk])
        st.rerun()


def version_line(text: str, row: dict[str, Any]) -> None:
    """Show a row's name in bold with its version, who last changed it and when, above its edit form."""
    st.markdown(f"**{md(text)}** · {t('registry.version', v=row['version'], who=md(row['updated_by']), at=row['updated_at'][:19])}")


def child_section(child: str, column: str, parent_id: Any) -> None:
    """Show the rows of ``child`` that belong to ``parent_id`` (participants, linked ties, parties); edit, remove, add."""
    st.markdown(f"**{title(child)}**")
    rows = cached(forms.child_rows, child, column, parent_id)
    refs = refs_in(child, rows)
    if rows.empty:
        st.caption(t("registry.no_rows"))
    else:
        shown, links = shown_rows(rows.drop(columns=[column]), child, refs)
        st.dataframe(shown, hide_index=True, column_config=links)
    names = {r["id"]: forms.row_label(child, r, refs, lang()) for r in rows.to_dict("records")}
    ids = list(names)
    shown = formatter(ids, lambda i: names.get(i, str(i)))
    keep_choice(f"reg_{child}_{parent_id}", shown)
    chosen = st.selectbox(
        t("registry.choose_child"), ids, index=None, format_func=shown, key=f"reg_{child}_{parent_id}", placeholder=t("common.choose")
    )
    if chosen is not None:
        row = store.get(conn(), child, chosen)
        if row:
            edit_form(child, row, f"{child}_{chosen}", fixed={column: parent_id})
            remove_button(child, row, f"{child}_{chosen}")
    with st.expander(t("registry.add_child", what=title(child)), icon=":material/add:"):
        edit_form(child, None, f"{child}_new_{parent_id}", fixed={column: parent_id})
