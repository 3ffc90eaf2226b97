"""Import and export: CSV upload with a preview and row-by-row problems before writing; every download."""

import pandas as pd
import streamlit as st

from app_pages._common import (
    cached,
    changed,
    conn,
    current_actor,
    download,
    form_key,
    formatter,
    lang,
    md,
    registry_snapshot,
    renew_form,
    require_editor,
    show_problems,
    t,
)
from registry import i18n
from registry.errors import ImportFailed
from registry.io import export, ingest

st.title(t("io.title"))
st.caption(t("io.intro"))

flash = st.session_state.pop("io_flash", None)
if flash:
    st.success(flash, icon=":material/check_circle:")

TABLE_NAMES = {
    "entities": t("io.table_entities"),
    "ties": t("io.table_ties"),
    "decisions": t("io.table_decisions"),
    "plan_lines": t("io.table_plan_lines"),
    "wikidata": t("io.table_wikidata"),
    **{name: i18n.table_label(name, lang()) for name in i18n.TABLE_LABELS},
}
# Personal data (contact names, e-mail, phone) leaves the app only with an editor.
PERSONAL = bool(current_actor())

st.header(t("io.import"))
st.caption(t("io.import_help"))
# Streamlit 1.67 draws the field's own texts in English whatever the page's language; the help explains them.
# A new key after each import: the browser keeps a file in the field as long as its key lives, and an
# imported file left there would be previewed (and could be imported) again with the next upload.
uploads = st.file_uploader(t("io.upload"), type=["csv"], accept_multiple_files=True, key=form_key("io_upload"), help=t("io.upload_help"))
if uploads:
    files = [(u.name, u.getvalue()) for u in uploads]
    for name, data in files:
        with st.container(border=True):
            try:
                parsed = ingest.read_csv(data, name)
            except ImportFailed as exc:
                st.markdown(f"**{md(name)}**")
                show_problems(exc.problems)
                continue
            table = ingest.detect_table(parsed.header)
            st.markdown(
                f"**{md(name)}** · "
                + t("io.detected", table=TABLE_NAMES.get(table, t("io.unknown_table")), n=len(parsed.rows), encoding=parsed.encoding)
            )
            preview = pd.DataFrame([{h: r.get(h, "") for h in parsed.header} for r in parsed.rows[:20]], columns=parsed.header)
            st.dataframe(preview, hide_index=True, height=220)
    try:
        # A dry run validates everything and counts, inside a transaction that is rolled back.
        # Someone who may not see personal data gets a preview that does not compare it (no oracle).
        dry = ingest.import_texts(conn(), files, actor=current_actor() or "app:preview", dry_run=True, personal=PERSONAL)
    except ImportFailed as exc:
        show_problems(exc.problems)
    else:
        counts = pd.DataFrame(
            [
                {
                    t("col.table"): TABLE_NAMES.get(tb, tb),
                    t("io.inserted"): c.get("inserted", 0),
                    t("io.updated"): c.get("updated", 0),
                    t("io.unchanged"): c.get("unchanged", 0),
                }
                for tb, c in dry.counts.items()
            ]
        )
        st.success(t("io.valid"), icon=":material/task_alt:")
        st.dataframe(counts, hide_index=True)
        if require_editor():
            if st.button(t("io.apply", n=dry.total("inserted") + dry.total("updated")), type="primary", key="io_apply"):
                try:
                    done = ingest.import_texts(conn(), files, actor=current_actor())
                except ImportFailed as exc:
                    show_problems(exc.problems)
                else:
                    changed()
                    st.session_state["io_flash"] = t("io.applied", inserted=done.total("inserted"), updated=done.total("updated"))
                    renew_form("io_upload")
                    st.rerun()

st.header(t("io.export"))
st.caption(t("io.export_help"))
# Safe by default: a cell starting = + - @ would run as a formula in a spreadsheet
# (docs/data-safety.md, Spreadsheet-safe CSV).
safe = st.toggle(t("io.spreadsheet_safe"), value=True, key="io_safe", help=t("io.spreadsheet_safe_help"))
a, b = st.columns([2, 1])
EXPORT_NAMES = {**TABLE_NAMES, "audit": t("io.table_audit")}
table = a.selectbox(
    t("io.choose_table"),
    export.EXPORT_TABLES,
    key="io_table",
    format_func=formatter(
        export.EXPORT_TABLES, lambda x: f"{EXPORT_NAMES[x]} ({x}.csv)" if x in EXPORT_NAMES else t("io.table_vocabulary", name=f"{x}.csv")
    ),
)
with b:
    st.write("")
    download(
        # With a BOM, which Excel needs to read UTF-8 (import reads it too).
        t("io.download_table"),
        (export.BOM + cached(export.csv_text, table, spreadsheet_safe=safe, personal=PERSONAL)).encode("utf-8"),
        f"{table}.csv",
        "text/csv",
        "io_table_csv",
    )
a, b, c = st.columns(3)
if not PERSONAL:
    st.caption(t("io.personal_hidden"))
download(
    t("io.download_zip"),
    cached(export.zip_bytes, spreadsheet_safe=safe, personal=PERSONAL, bom=True),
    "registry-csv.zip",
    "application/zip",
    "io_zip",
    where=a,
    icon=":material/folder_zip:",
)
graph = registry_snapshot().graph
not_xml = cached(export.graph_xml_problems)
if not_xml:
    # A control character written past the library would make a broken file: none is offered.
    st.error(t("safety.not_xml", rows="; ".join(not_xml[:5])))
else:
    # The graph files are made only when asked for (a callable), as they take a while on a big registry.
    download(
        t("io.download_graphml"),
        lambda: export.graph_bytes(graph, "graphml"),
        "international-ties.graphml",
        "application/xml",
        "io_graphml",
        where=b,
        icon=":material/hub:",
    )
    download(
        t("io.download_gexf"),
        lambda: export.graph_bytes(graph, "gexf"),
        "international-ties.gexf",
        "application/xml",
        "io_gexf",
        where=c,
        icon=":material/hub:",
    )
