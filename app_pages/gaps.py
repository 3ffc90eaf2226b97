"""Gaps and overlaps: every finding kind of the analysis as a filterable table with its explanation and CSV."""

import pandas as pd
import streamlit as st

from app_pages._common import (
    MAX_PICKER_OPTIONS,
    cached,
    csv_button,
    download,
    formatter,
    from_url,
    home,
    keep_in_url,
    label,
    lang,
    name_of,
    registry_snapshot,
    require_home,
    t,
)
from registry import settings
from registry.findings import FINDING_KINDS, SEVERITIES
from registry.io import export
from registry.render import labels
from registry.review import report

st.title(t("gaps.title"))
st.caption(t("gaps.intro"))

if not require_home():
    st.stop()
#: Rows of one finding kind shown on the page; the CSV holds them all (45,000 findings at 10k entities
#: were 15 MB sent on every rerun).
SHOWN_PER_KIND = 100


def csv_download(frame: pd.DataFrame, file_name: str, key: str) -> None:
    """Show a CSV download of ``frame``: written now when it is small, when clicked when it is large."""
    if len(frame) <= MAX_PICKER_OPTIONS:
        csv_button(frame, file_name, key=key)
        return
    download(t("common.download_csv"), lambda f=frame: export.frame_csv(f), file_name, "text/csv", key)


# Replaying the audit log is the slowest part of the integrity check (a second or more at 10,000 entities):
# asked for, not done on every first view. The overview's review is the same call without it, so it is reused.
with_audit = st.toggle(t("gaps.audit"), key="gaps_audit", help=t("gaps.audit_help"))
result = cached(report.review, home_id=home()) if with_audit else cached(report.review, home_id=home(), audit_log=False)
if not with_audit:
    st.caption(t("gaps.audit_off"))
findings = result.findings
NOTES = {r.kind: (r.method, r.note_nb if lang() == "nb" else r.note_en) for r in result.summary.itertuples()} if len(result.summary) else {}
GROUPS = {"gap": t("gaps.group_gap"), "overlap": t("gaps.group_overlap"), "opportunity": t("gaps.group_opportunity")}
kinds = [k.code for k in FINDING_KINDS] + sorted(set(findings["kind"]) - {k.code for k in FINDING_KINDS})
severities = [code for code, _, _ in SEVERITIES]

# A shared address (?gaps_kinds=isolated&gaps_search=...) opens the same view.
for key, options in (("gaps_groups", GROUPS), ("gaps_kinds", kinds), ("gaps_severity", severities)):
    from_url(key, options, many=True)
from_url("gaps_search")
with st.container(border=True):
    a, b, c = st.columns(3)
    groups = a.multiselect(
        t("gaps.groups"), list(GROUPS), format_func=formatter(GROUPS, GROUPS.get), key="gaps_groups", placeholder=t("common.all")
    )
    chosen = b.multiselect(
        t("gaps.kinds"),
        kinds,
        format_func=formatter(kinds, lambda k: labels.finding_title(k, lang())),
        key="gaps_kinds",
        placeholder=t("common.all"),
    )
    levels = c.multiselect(
        t("col.severity"),
        severities,
        format_func=formatter(severities, lambda s: labels.severity_label(s, lang())),
        key="gaps_severity",
        placeholder=t("common.all"),
    )
    query = st.text_input(t("common.search"), key="gaps_search", placeholder=t("gaps.search_placeholder"))

keep_in_url({"gaps_groups": groups, "gaps_kinds": chosen, "gaps_severity": levels, "gaps_search": query})
shown = labels.filter_findings(findings, lang(), groups=groups, kinds=chosen, severities=levels, text=query)
st.caption(t("gaps.counts", shown=len(shown), total=len(findings)))
csv_download(shown, "findings.csv", key="gaps_csv_all")

empty = []
for kind in kinds:
    if chosen and kind not in chosen:
        continue
    group = report.finding_group(kind)
    if groups and group not in groups:
        continue
    rows = shown[shown["kind"] == kind]
    if rows.empty:
        empty.append(labels.finding_title(kind, lang()))
        continue
    with st.expander(f"{labels.finding_title(kind, lang())} ({len(rows)})", expanded=True):
        st.caption(f"{GROUPS.get(group, '')} · {labels.finding_help(kind, lang())}")
        method, note = NOTES.get(kind, ("exact", ""))
        if method != "exact" and note:
            st.info(note, icon=":material/info:")
        top = rows.head(SHOWN_PER_KIND)
        st.dataframe(
            pd.DataFrame(
                {
                    t("col.subject"): top["subject_name" if lang() == "nb" else "subject_name_en"],
                    t("col.severity"): [labels.severity_label(s, lang()) for s in top["severity"]],
                    t("col.explanation"): top[f"explanation_{lang()}"],
                    t("col.evidence"): top["evidence"],
                }
            ),
            hide_index=True,
            column_config={t("col.explanation"): st.column_config.TextColumn(width="large")},
        )
        if len(rows) > len(top):
            st.caption(t("gaps.first_rows", shown=len(top), n=len(rows)))
        csv_download(rows, f"findings-{kind}.csv", key=f"gaps_csv_{kind}")
if empty:
    st.caption(t("gaps.none") + " " + ", ".join(empty) + ".")

graph = registry_snapshot().graph
st.header(t("gaps.coverage"))
st.caption(t("gaps.coverage_help"))
a, b = st.columns(2, gap="large")
for column, matrix, title, vocabulary, name in (
    (a, result.sector_matrix, t("gaps.sector_matrix"), "sectors", "sector"),
    (b, result.actor_matrix, t("gaps.actor_matrix"), "entity_kinds", "actor"),
):
    with column:
        st.subheader(title)
        if matrix.empty:
            st.caption(t("gaps.no_matrix"))
            continue
        names = [name_of(graph, c) for c in matrix["city_id"]]  # the analysis names cities in bokmål
        shown = matrix.drop(columns=["city_id", "city_name"]).assign(**{t("sister.city"): names})
        shown = shown[[t("sister.city"), *[c for c in shown.columns if c != t("sister.city")]]]
        shown = shown.rename(columns={c: label(vocabulary, c) for c in shown.columns if c != t("sister.city")})
        st.dataframe(shown, hide_index=True)
        csv_button(
            matrix,
            f"{name}-coverage.csv",
            key=f"gaps_{name}_csv",
            labels={
                "city_name": t("sister.city"),
                **{c: label(vocabulary, c) for c in matrix.columns if c not in ("city_id", "city_name")},
            },
        )

# The numbers behind the findings, from the one declaration the library reads them from.
with st.expander(t("rulebook.title")):
    st.caption(t("rulebook.caption"))
    rulebook = [r for r in settings.reference_table() if r["kind"] == "rule"]
    st.dataframe(
        pd.DataFrame(
            {
                t("rulebook.rule"): [r[f"label_{lang()}"] for r in rulebook],
                t("rulebook.value"): [r[f"value_{lang()}"] for r in rulebook],
                t("rulebook.unit"): [r[f"unit_{lang()}"] for r in rulebook],
                t("rulebook.help"): [r[f"help_{lang()}"] for r in rulebook],
            }
        ),
        hide_index=True,
        column_config={t("rulebook.help"): st.column_config.TextColumn(width="large")},
    )
