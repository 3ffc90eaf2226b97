"""Gaps and overlaps: every finding kind of the analysis as a filterable table with its explanation and CSV."""

import pandas as pd
import streamlit as st

from app_pages._common import cached, csv_button, formatter, lang, t
from registry import report, rules

st.title(t("gaps.title"))
st.caption(t("gaps.intro"))

findings = cached(report.findings_frame)
GROUPS = {"gap": t("gaps.group_gap"), "overlap": t("gaps.group_overlap"), "opportunity": t("gaps.group_opportunity")}
kinds = [k.code for k in rules.FINDING_KINDS] + sorted(set(findings["kind"]) - {k.code for k in rules.FINDING_KINDS})
severities = [code for code, _, _ in rules.SEVERITIES]

with st.container(border=True):
    a, b, c = st.columns(3)
    groups = a.multiselect(t("gaps.groups"), list(GROUPS), format_func=formatter(GROUPS, GROUPS.get), key="gaps_groups", placeholder=t("common.all"))
    chosen = b.multiselect(t("gaps.kinds"), kinds, format_func=formatter(kinds, lambda k: report.finding_title(k, lang())), key="gaps_kinds", placeholder=t("common.all"))
    levels = c.multiselect(t("col.severity"), severities, format_func=formatter(severities, lambda s: report.severity_label(s, lang())), key="gaps_severity", placeholder=t("common.all"))
    query = st.text_input(t("common.search"), key="gaps_search", placeholder=t("gaps.search_placeholder"))

shown = report.filter_findings(findings, lang(), groups=groups, kinds=chosen, severities=levels, text=query)
st.caption(t("gaps.counts", shown=len(shown), total=len(findings)))
csv_button(shown, "findings.csv", key="gaps_csv_all")

for kind in kinds:
    if chosen and kind not in chosen:
        continue
    group = report.finding_group(kind)
    if groups and group not in groups:
        continue
    rows = shown[shown["kind"] == kind]
    with st.container(border=True):
        st.subheader(f"{report.finding_title(kind, lang())} ({len(rows)})")
        st.caption(f"{GROUPS.get(group, '')} · {report.finding_help(kind, lang())}")
        if rows.empty:
            st.caption(t("gaps.none"))
            continue
        st.dataframe(
            pd.DataFrame({
                t("col.subject"): rows["subject_name"],
                t("col.severity"): [report.severity_label(s, lang()) for s in rows["severity"]],
                t("col.explanation"): rows[f"explanation_{lang()}"],
                t("col.evidence"): rows["evidence"],
            }),
            hide_index=True,
            column_config={t("col.explanation"): st.column_config.TextColumn(width="large")},
        )
        csv_button(rows, f"findings-{kind}.csv", key=f"gaps_csv_{kind}")
