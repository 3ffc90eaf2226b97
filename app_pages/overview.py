"""Overview: what the registry holds, how the sister cities are categorised, what needs attention, what is due, what changed."""

import pandas as pd
import streamlit as st

from app_pages._common import cached, download, home, label, lang, require_home, suggestions, t
from registry import i18n, settings
from registry.calendar import formats as calendar_formats
from registry.calendar import items as calendar
from registry.calendar import windows
from registry.render import labels
from registry.review import report
from registry.review import summary as summary_facts
from registry.store import queries

st.title(t("overview.title"))
st.caption(t("overview.intro"))

counts = cached(queries.counts)
entities = cached(queries.entity_counts)
if not require_home():
    st.stop()
HOME = home()
found = suggestions(home_id=HOME)

m = st.columns(5)
m[0].metric(t("overview.entities"), counts["entities"], border=True)
m[1].metric(t("overview.ties"), counts["ties"], border=True)
m[2].metric(t("overview.sister_cities"), len(found), border=True)  # the home's, in force today
m[3].metric(t("overview.decisions"), counts["decisions"], border=True)
m[4].metric(t("overview.plan_lines"), counts["plan_lines"], border=True)

left, right = st.columns(2, gap="large")
with left:
    st.subheader(t("overview.by_kind"))
    kinds = pd.DataFrame({t("col.kind"): [label("entity_kinds", k) for k in entities], t("col.count"): list(entities.values())})
    st.bar_chart(kinds, x=t("col.kind"), y=t("col.count"), horizontal=True, sort=f"-{t('col.count')}", height=360)
with right:
    st.subheader(t("overview.by_category"))
    cats = summary_facts.category_counts(found)
    shown = pd.DataFrame(
        {
            t("col.category"): [labels.category_label(c, lang()) for c in cats["category"]],
            t("col.assigned"): cats["assigned"],
            t("col.suggested"): cats["suggested"],
        }
    )
    st.dataframe(shown, hide_index=True)
    st.caption(t("overview.by_category_help"))
    st.page_link("app_pages/sister_cities.py", label=t("overview.to_sister_cities"), icon=":material/arrow_forward:")

st.subheader(t("overview.urgent"))
# The same call as the Gaps page's first view: one cached review for both. The audit replay is asked
# for on the Gaps page (a second or more at 10,000 entities, every new revision).
urgent = report.urgent_findings(cached(report.review, home_id=HOME, audit_log=False).findings)
if urgent.empty:
    st.success(t("overview.no_findings"))
else:
    st.dataframe(
        pd.DataFrame(
            {
                t("col.severity"): [labels.severity_label(s, lang()) for s in urgent["severity"]],
                t("col.finding"): [labels.finding_title(k, lang()) for k in urgent["kind"]],
                t("col.explanation"): urgent[f"explanation_{lang()}"],
            }
        ),
        hide_index=True,
    )
    st.page_link("app_pages/gaps.py", label=t("overview.to_gaps"), icon=":material/arrow_forward:")

st.subheader(t("calendar.title"))
first, last = windows.default_window()
due = cached(calendar.events, first, last, home_id=HOME)
st.caption(t("calendar.caption", first=first.isoformat(), last=last.isoformat()))
if not due:
    st.info(t("calendar.none"))
else:
    shown = calendar_formats.frame(due, lang())
    st.dataframe(
        pd.DataFrame(
            {
                t("calendar.col_date"): shown["date"],
                t("calendar.col_kind"): [calendar_formats.kind_label(k, lang()) for k in shown["kind"]],
                t("calendar.col_what"): shown["summary"],
                t("calendar.col_details"): shown["details"],
            }
        ),
        hide_index=True,
    )
    st.caption(t("calendar.count", n=len(due), overdue=sum(e.overdue for e in due)))
    ics, csv = st.columns(2)
    download(
        t("calendar.download_ics"),
        calendar_formats.to_ics(due, lang()),
        f"calendar-{lang()}.ics",
        "text/calendar",
        "calendar_ics",
        where=ics,
        icon=":material/event:",
        help=t("calendar.download_help"),
    )
    download(
        t("common.download_csv"),
        calendar_formats.csv_text(due, lang()).encode("utf-8-sig"),
        f"calendar-{lang()}.csv",
        "text/csv",
        "calendar_csv",
        where=csv,
    )

st.subheader(t("overview.changes"))
changes = cached(queries.history, limit=10)
zone = cached(settings.time_zone)
if changes.empty:
    st.info(t("overview.no_changes"))
else:
    st.dataframe(
        pd.DataFrame(
            {
                t("col.when_local", zone=zone): [i18n.local_time(at, zone) for at in changes["at"]],  # the log writes UTC
                t("col.who"): changes["actor"],
                t("col.table"): [i18n.table_label(tb, lang()) for tb in changes["table_name"]],
                t("col.row"): changes["row_id"],
                t("col.action"): changes["action"].map(
                    {"insert": t("action.insert"), "update": t("action.update"), "delete": t("action.delete")}
                ),
            }
        ),
        hide_index=True,
    )
