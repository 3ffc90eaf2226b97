"""Registry page: a table's matches page by page, its row pickers and CSV, and labels of referenced rows."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from app_pages import _common
from app_pages._common import blank, cached, deferred, download, lang, t
from app_pages._url import LINK_NAME, entity_link
from registry import cells, i18n
from registry.edit import browse, forms
from registry.store.schema import TABLES

# The picker limit is read as _common.MAX_PICKER_OPTIONS at each call, not imported once: it is one
# number for every page, and the tests lower it there.


def ref_labels(table: str, ids: Any = None) -> dict[Any, str]:
    """Return ``{id: label}`` of the rows of ``table`` (only ``ids`` when given), cached per revision."""
    wanted = None if ids is None else tuple(sorted({i for i in ids if not cells.missing(i)}, key=str))
    return cached(forms.reference_labels, table, lang(), ids=wanted)


def refs_in(table: str, frame: pd.DataFrame) -> dict[str, dict[Any, str]]:
    """Return the labels of the rows ``frame``'s reference columns point at, by referenced table."""
    out: dict[str, dict[Any, str]] = {}
    for col in TABLES[table].columns:
        if col.references and col.name in frame:
            out.setdefault(col.references, {}).update(ref_labels(col.references, frame[col.name]))
    return out


def shown_rows(frame: pd.DataFrame, table: str, refs: dict[str, dict[Any, str]]) -> tuple[pd.DataFrame, dict[str, Any]]:
    """Return ``frame``'s rows of ``table`` ready for st.dataframe and its column settings: each entity by name, as a link to its page."""
    shown = forms.display_frame(frame, table, refs, lang())
    config: dict[str, Any] = {}
    for name in forms.entity_columns(table):
        if name in frame.columns:
            heading = i18n.field_label(name, lang())
            shown[heading] = [entity_link(i, n) for i, n in zip(frame[name], shown[heading])]
            config[heading] = st.column_config.LinkColumn(display_text=LINK_NAME, help=t("entity.open_hint"))
    return blank(shown), config


def entity_label(eid: Any) -> str:
    """Return an entity as a picker shows it, 'name (id)' (the 'none' text for no entity)."""
    return f"{ref_labels('entities', [eid]).get(eid, eid)} ({eid})" if eid else t("common.none")


def keep_choice(key: str, show: Callable[[Any], str]) -> bool:
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


def matches(key: str, table: str, text: str, filters: Any, *, personal: bool = False) -> tuple[pd.DataFrame, int, int]:
    """Return ``(the shown page of table's matches, how many match, the page's offset)``, cached per revision.

    Searched and filtered in SQLite (:func:`registry.edit.browse.page_of`). The page number lives
    in the session under ``key`` with the search it belongs to: a new search or filter starts
    at the first page; :func:`page_buttons` moves it before the next run starts.
    """
    signature = (text.strip(), filters, personal)
    at = st.session_state.get(key)
    page = at[1] if isinstance(at, tuple) and at[0] == signature else 0
    found, total = cached(
        browse.page_of, table, text.strip(), filters, page * browse.PAGE_SIZE, browse.PAGE_SIZE, personal=personal, lang=lang()
    )
    if page and page * browse.PAGE_SIZE >= total:  # rows went away since the page was chosen: the last page
        page = max(0, (total - 1) // browse.PAGE_SIZE)
        found, total = cached(
            browse.page_of, table, text.strip(), filters, page * browse.PAGE_SIZE, browse.PAGE_SIZE, personal=personal, lang=lang()
        )
    st.session_state[key] = (signature, page)
    return found, total, page * browse.PAGE_SIZE


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
        b.button(
            t("registry.previous"),
            key=f"{key}_prev",
            on_click=go,
            args=(page - 1,),
            disabled=page == 0,
            icon=":material/chevron_left:",
            width="stretch",
        )
        c.button(
            t("registry.next"),
            key=f"{key}_next",
            on_click=go,
            args=(page + 1,),
            disabled=offset + browse.PAGE_SIZE >= total,
            icon=":material/chevron_right:",
            width="stretch",
        )


def pick_rows(table: str, text: str, filters: Any, page: pd.DataFrame, total: int, *, personal: bool = False) -> pd.DataFrame:
    """Return the rows a row picker lists: every match up to MAX_PICKER_OPTIONS, else the rows of the shown page.

    Streamlit sends every option of a picker on each run, so past the limit the picker
    holds what the table shows (searching or turning the page finds the others).
    """
    limit = _common.MAX_PICKER_OPTIONS
    if total <= browse.PAGE_SIZE or total > limit:
        return page
    return cached(browse.page_of, table, text.strip(), filters, 0, limit, personal=personal, lang=lang())[0]


def with_choice(key: str, ids: list[Any]) -> list[Any]:
    """Return ``ids`` with the picker ``key``'s current choice added when it is not among them (it stays chosen)."""
    chosen = st.session_state.get(key)
    return ids if chosen is None or chosen in ids else [*ids, chosen]


def csv_matches(table: str, text: str, filters: Any, total: int, file_name: str, key: str, *, personal: bool = False) -> None:
    """Show a CSV download of every match: made now up to MAX_PICKER_OPTIONS rows, past that when it is clicked."""
    args = (table, text.strip(), filters)
    language = lang()  # a deferred download runs outside the script run, where the session cannot be read
    data = (
        cached(browse.matches_csv, *args, personal=personal, lang=language)
        if total <= _common.MAX_PICKER_OPTIONS
        else deferred(lambda c, *a: browse.matches_csv(c, *a, personal=personal, lang=language), *args)
    )
    download(t("common.download_csv"), data, file_name, "text/csv", key)


def keep_codes(key: str) -> list[Any]:
    """Before the filter ``key`` is drawn, hand it its chosen codes again; return them (empty when none).

    Its option texts carry counts that change with the other filters, and the browser sends
    back the texts of the chosen options: a count that changed since would no longer match
    and drop the choice. Read before the widget is drawn, the state holds the codes.
    """
    if key not in st.session_state:
        return []
    chosen = list(st.session_state[key] or [])
    st.session_state[key] = chosen
    return chosen


def counted(table: str, facet: str, options: list[Any], show: Callable[[Any], str], text: str, filters: Any) -> Callable[[Any], str]:
    """Return a filter's format_func: each option's label with how many rows it finds under the other filters."""
    counts = cached(browse.facet_counts, table, facet, text.strip(), filters, lang=lang())
    return _common.formatter(options, lambda o: t("facet.count", label=show(o), n=counts.get(o, 0)))


def row_from_url(key: str, table: str) -> None:
    """On a first view, choose the row ``?key=<id>`` of the address names in the picker ``key``, if ``table`` has it."""
    if key in st.session_state or key not in st.query_params:
        return
    wanted: Any = st.query_params.get(key)
    if TABLES[table].column(TABLES[table].pk).type == "INTEGER":
        wanted = int(wanted) if str(wanted).isdigit() else None
    if wanted is not None and ref_labels(table, [wanted]):
        st.session_state[key] = wanted


def tab_from_url(codes: Any) -> None:
    """On a first view of the page, open the tab ``?tab=<code>`` of the address names (one of ``codes``)."""
    code = st.query_params.get("tab")
    if "reg_tab" not in st.session_state and code in codes:
        st.session_state["reg_tab_code"] = code
