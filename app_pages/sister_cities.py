"""Sister cities: the four categories one after another (a city per row), assigned vs suggested, reasons, financing plan, decisions."""

from datetime import date
from functools import partial

import pandas as pd
import streamlit as st

from app_pages._common import (
    cached,
    changed,
    conn,
    country,
    csv_button,
    current_actor,
    deferred,
    download,
    form_key,
    formatter,
    home,
    label,
    lang,
    md,
    md_source,
    renew_form,
    require_editor,
    require_home,
    show_form_problems,
    suggestions,
    t,
)
from registry import cells, documents, rules
from registry.documents import case
from registry.errors import InvalidRow
from registry.i18n import render
from registry.render import labels, summary
from registry.review import classify
from registry.review import summary as summary_facts
from registry.store import validate
from registry.store import writes as store

st.title(t("sister.title"))
st.caption(t("sister.intro"))

flash = st.session_state.pop("sister_flash", None)
if flash:
    st.success(flash, icon=":material/check_circle:")

if not require_home():
    st.stop()
HOME = home()
found = suggestions(home_id=HOME)
CARD_LIMIT = 40
by_tie = {s.tie_id: s for s in found}
AGREE_COLOUR = {"agree": "green", "disagree": "orange", "unclassified": "gray"}
GROUP_LABEL = {"assigned": t("sister.group_assigned"), "suggested": t("sister.group_suggested")}
# Each category is explained in the strategy's own words (strategi 2c), in the page's language.
CATEGORY_HELP = {
    **{
        c: "«" + (rules.QUOTES[c].nb if lang() == "nb" else rules.QUOTES[c].en) + "»"
        for c in ("project", "political_focus", "solidarity", "dormant")
    },
    "unclassified": t("sister.help_unclassified"),
    rules.NOT_ENOUGH_DATA: t("sister.help_not_enough_data"),
    classify.NO_DECISION: t("sister.help_no_decision"),
}
DECIDABLE = [c for c in summary_facts.CATEGORY_ORDER if c != rules.NOT_ENOUGH_DATA]
#: What a decision on a sister city can be: a category, or ending, suspending or resuming the twinning.
DECISION_KINDS = ["category", *rules.TWINNING_DECISION_KINDS]


def city_title(s: classify.Suggestion) -> str:
    return f"{s.city_name} ({country(s.country_code)})" if s.country_code else s.city_name


city_names = formatter(by_tie, lambda k: city_title(by_tie[k]))


def facts(s: classify.Suggestion) -> None:
    """Show a city's category, agreement, state and last contact: the card's left column."""
    st.markdown(
        f"{t('col.assigned')}: **{labels.category_label(s.assigned_group, lang())}**"
        + (f" ({md(s.assigned_on)})" if s.assigned_on else "")
        + f"  \n{t('col.suggested')}: **{label('categories', s.suggested)}**"
    )
    if s.agreement:  # none where there is no suggestion to compare with
        st.badge(labels.agreement_label(s.agreement, lang()), color=AGREE_COLOUR[s.agreement])
    if s.status_message is not None:
        st.warning(md(render(s.status_message, lang())), icon=":material/ac_unit:")
    st.caption(md(render(s.role_message, lang())))
    since = s.start or t("report.unknown")
    certainty = f" ({label('certainties', s.start_certainty).lower()})" if s.start and s.start_certainty else ""
    st.caption(f"{t('report.since')}: {md(since)}{md(certainty)}")
    st.caption(md(render(s.state_message, lang())))
    last = s.last_confirmed
    if last is not None:
        a = last.activity
        title = (a.title_nb or a.title) if lang() == "nb" else a.title
        how = t("sister.ongoing_until") if last.how == "ongoing" else ""
        st.caption(
            f"{t('sister.last_contact')}: {md(last.on)}{how} · {md(label('activity_kinds', a.kind))} · "
            f"{md(title)} · {t('col.source')}: {md_source(a.source)}"
        )
    else:
        st.caption(t("sister.no_contact", n=s.records))


def readable(frame: pd.DataFrame) -> None:
    """Show ``frame`` as a plain table whose cells wrap: read at a glance, never scrolled sideways in a small grid."""
    # st.table, not st.dataframe: the grid keeps each cell on one line and scrolls a long reason out of sight.
    st.table(frame.fillna("").astype(str).set_index(frame.columns[0]))


def decisions(s: classify.Suggestion) -> None:
    """Show the city's decisions in the history's order, one two-column table each: what was decided, by whom, why."""
    history = cached(classify.decision_history, s.tie_id)
    st.markdown(f"**{t('sister.history')}**")
    if history.empty:
        st.caption(t("report.no_decisions"))
        return
    fields = {
        "decided_on": t("col.decided_on"),
        "category": t("col.category"),
        "decided_by": t("col.decided_by"),
        "case_ref": t("col.case_ref"),
        "reason": t("col.reason"),
        "scope": t("sister.scope"),
        "review_on": t("sister.review_on"),
        "updated_by": t("col.who"),
    }
    for d in history.to_dict("records"):
        decided = label("categories", d["category"]) if d["category"] else label("decision_kinds", d["kind"])
        values = {**d, "category": decided}
        # One decision a table, a field a row: eight columns side by side overflowed a 1024 px page
        # (the reason squeezed, the dates unbreakable); as rows the reason wraps across the card.
        # Scope and review date belong to a suspension: left out where the decision has none.
        shown = [f for f in fields if not (f in ("scope", "review_on") and _empty(values[f]))]
        st.table(
            pd.DataFrame(
                {f"{d['decided_on'] or ''} · {decided}": ["" if _empty(values[f]) else str(values[f]) for f in shown]},
                index=[fields[f] for f in shown],
            )
        )


def _empty(value: object) -> bool:
    return cells.blank(value)


def financing(s: classify.Suggestion) -> None:
    """Show the city's financing plan: sums per year and funder, every line, and municipal vs external per year."""
    plan = cached(classify.financing_plan, s.tie_id)
    table = classify.financing_table(plan)
    st.markdown(f"**{t('sister.plan')}**")
    if table.empty:
        st.caption(t("report.no_plan"))
        return
    sums = classify.financing_sums(plan)
    total = pd.DataFrame(
        [{"year": None, "funder": t("report.total"), "external": None, "planned": sums["planned"], "actual": sums["actual"]}]
    )
    readable(
        pd.concat([table, total], ignore_index=True)
        .drop(columns="external")
        .rename(
            columns={"year": t("col.year"), "funder": t("col.funder"), "planned": t("report.planned_nok"), "actual": t("report.actual_nok")}
        )
    )
    st.caption(t("sister.plan_help"))
    readable(
        plan[["year", "kind", "funder", "amount", "currency", "purpose"]]
        .assign(kind=[label("budget_kinds", k) for k in plan["kind"]])
        .rename(
            columns={
                "year": t("col.year"),
                "kind": t("col.kind"),
                "funder": t("col.funder"),
                "amount": t("col.amount"),
                "currency": t("col.currency"),
                "purpose": t("col.purpose"),
            }
        )
    )
    readable(
        classify.financing_totals(plan).rename(
            columns={"year": t("col.year"), "municipal": t("col.municipal"), "external": t("col.external"), "total": t("col.total")}
        )
    )


def card(s: classify.Suggestion) -> None:
    """Show one city across the page's width: its facts, then its decisions and plan as tables that wrap."""
    with st.container(border=True):
        st.markdown(f"**{md(city_title(s))}**")
        facts(s)
        # The evidence a council member reads gets the card's whole width: at 1024 px the decision
        # table has the page's width instead of the 120 px a card in a column of four had.
        decisions(s)
        financing(s)
        if s.activities:
            with st.expander(t("sister.activities", n=len(s.activities))):
                st.dataframe(
                    pd.DataFrame(
                        {
                            t("col.start"): [
                                (a.start or t("report.unknown")) + (f" – {t('sister.ongoing')}" if a.ongoing else "") for a in s.activities
                            ],
                            t("col.kind"): [label("activity_kinds", a.kind) for a in s.activities],
                            t("col.title"): [(a.title_nb or a.title) if lang() == "nb" else a.title for a in s.activities],
                            t("col.source"): [a.source for a in s.activities],
                        }
                    ),
                    hide_index=True,
                )
        with st.expander(t("sister.reasons")):
            st.markdown(md(render(s.explanation_message, lang())))
            for r in s.reasons:
                mark = ":green[✓]" if r.met else ":gray[✗]"
                st.markdown(f"{mark} {md(render(r.message, lang()))} · *{label('categories', r.category)}*")
            for n in s.notes:
                st.warning(md(render(n.message, lang())), icon=":material/warning:")


group_by = st.segmented_control(
    t("sister.group_by"),
    ["assigned", "suggested"],
    format_func=formatter(GROUP_LABEL, GROUP_LABEL.get),
    key="sister_group",
    default="assigned",
    required=True,
)
key = (lambda s: s.assigned_group) if group_by == "assigned" else (lambda s: s.suggested)
four = [c for c in summary_facts.CATEGORY_ORDER if c not in ("unclassified", rules.NOT_ENOUGH_DATA)]
# Cards with their own expanders suit a city's dozen sister cities; a registry with many
# more gets a compact list per category and one city's details at a time.
compact = len(found) > CARD_LIMIT


def city_list(members: list) -> None:
    st.dataframe(
        pd.DataFrame(
            {
                t("sister.city"): [city_title(m) for m in members],
                t("col.assigned") if group_by == "suggested" else t("col.suggested"): [
                    labels.category_label(m.assigned_group, lang()) if group_by == "suggested" else label("categories", m.suggested)
                    for m in members
                ],
            }
        ),
        hide_index=True,
        height=min(38 + 35 * len(members), 360),
    )


# One city per row, category after category: a card in a column of four was 120 px wide at 1024 px,
# too narrow for the decisions and the plan it holds.
for category in [*four, rules.NOT_ENOUGH_DATA, "unclassified", classify.NO_DECISION]:
    members = [s for s in found if key(s) == category]
    if not members and category not in four:
        continue
    st.subheader(f"{labels.category_label(category, lang())} ({len(members)})")
    st.caption(CATEGORY_HELP[category])
    if not members:
        st.caption(t("sister.none_here"))
    elif compact:
        city_list(members)
    else:
        for s in members:
            card(s)

gone = cached(classify.ended, home_id=HOME)
if gone:
    st.subheader(f"{t('report.ended')} ({len(gone)})")
    st.caption(t("report.ended_help"))
    for e in gone:
        name = f"{e.city_name} ({country(e.country_code)})" if e.country_code else e.city_name
        st.markdown(f"**{md(name)}**: {md(render(e.message, lang()))}")

if compact:
    st.subheader(t("sister.details"))
    chosen = st.selectbox(
        t("sister.city"), list(by_tie), index=None, format_func=city_names, key="sister_detail", placeholder=t("common.choose")
    )
    if chosen:
        card(by_tie[chosen])

st.divider()
left, right = st.columns(2, gap="large")
with left:
    st.subheader(t("sister.record"))
    st.caption(t("sister.record_help"))
    if require_editor() and found:
        # Not cleared on submit: a refused decision keeps every field; a recorded one empties the form.
        k = form_key("dec")
        with st.form("decision_form"):
            tie_id = st.selectbox(t("sister.city"), list(by_tie), format_func=city_names, key=f"{k}_tie")
            kind = st.selectbox(
                t("sister.decision_kind"),
                DECISION_KINDS,
                key=f"{k}_kind",
                format_func=formatter(DECISION_KINDS, lambda c: label("decision_kinds", c)),
            )
            category = st.selectbox(
                t("col.category"),
                DECIDABLE,
                format_func=formatter(DECIDABLE, lambda c: label("categories", c)),
                key=f"{k}_category",
                help=t("sister.category_help"),
            )
            a, b = st.columns(2)
            decided_on = a.text_input(t("col.decided_on"), value=date.today().isoformat(), key=f"{k}_date", help=t("sister.date_help"))
            decided_by = b.text_input(t("col.decided_by"), value=t("sister.default_body"), key=f"{k}_by")
            case_ref = st.text_input(t("col.case_ref"), key=f"{k}_case", placeholder="2026/12345")
            reason = st.text_area(t("col.reason"), key=f"{k}_reason")
            source = st.text_input(t("col.source"), key=f"{k}_source")
            c, d = st.columns(2)
            scope = c.text_input(t("sister.scope"), key=f"{k}_scope", help=t("sister.scope_help"))
            review_on = d.text_input(t("sister.review_on"), key=f"{k}_review", help=t("sister.date_help_future"))
            if st.form_submit_button(t("sister.save_decision"), type="primary"):
                try:
                    classify.record_decision(
                        conn(),
                        tie_id,
                        category if kind == "category" else None,
                        decided_on,
                        decided_by,
                        case_ref,
                        reason,
                        actor=current_actor(),
                        source=source or None,
                        kind=kind,
                        scope=scope or None,
                        review_on=review_on or None,
                    )
                except InvalidRow as exc:
                    show_form_problems(exc.problems)
                else:
                    changed()
                    renew_form("dec")
                    st.session_state["sister_flash"] = t("sister.decision_saved", city=by_tie[tie_id].city_name)
                    st.rerun()
with right:
    st.subheader(t("sister.add_plan"))
    st.caption(t("sister.add_plan_help"))
    if require_editor() and found:
        k = form_key("plan")
        with st.form("plan_form"):
            tie_id = st.selectbox(t("sister.city"), list(by_tie), format_func=city_names, key=f"{k}_tie")
            a, b = st.columns(2)
            year = a.number_input(t("col.year"), *validate.BUDGET_YEARS, date.today().year + 1, key=f"{k}_year")
            amount = b.number_input(t("col.amount_nok"), 0, 1_000_000_000, 0, step=10_000, key=f"{k}_amount")
            funder = st.text_input(t("col.funder"), value="municipal", key=f"{k}_funder", help=t("sister.funder_help"))
            purpose = st.text_input(t("col.purpose"), key=f"{k}_purpose")
            source = st.text_input(t("col.source"), key=f"{k}_source")
            if st.form_submit_button(t("sister.save_plan"), type="primary"):
                row = {
                    "tie_id": tie_id,
                    "year": int(year),
                    "amount": int(amount),
                    "funder": funder,
                    "purpose": purpose,
                    "source": source or None,
                }
                try:
                    store.insert(conn(), "plan_lines", row, actor=current_actor())
                except InvalidRow as exc:
                    show_form_problems(exc.problems)
                else:
                    changed()
                    renew_form("plan")
                    st.session_state["sister_flash"] = t("sister.plan_saved", city=by_tie[tie_id].city_name)
                    st.rerun()

st.divider()
st.subheader(t("sister.downloads"))
st.caption(t("sister.downloads_help"))
a, b, c = st.columns(3)
# The summaries are made when asked for: they read every city's plan and decisions.
download(
    t("sister.summary_md"),
    deferred(summary.summary_for, lang(), "md", HOME),
    f"sister-cities-{lang()}.md",
    "text/markdown",
    "sum_md",
    where=a,
    icon=":material/description:",
)
download(
    t("sister.summary_html"),
    deferred(summary.summary_for, lang(), "html", HOME),
    f"sister-cities-{lang()}.html",
    "text/html",
    "sum_html",
    where=b,
    icon=":material/print:",
)
with c:
    # The categories as the page names them: a city without a decision says so, not 'unclassified' (issue 19, D10).
    sister_rows = labels.sister_frame(found, lang())
    csv_button(
        sister_rows.assign(
            suggested=sister_rows.pop("suggested_label"),
            assigned=sister_rows.pop("assigned_label"),
            agreement=sister_rows.pop("agreement_label"),
        ),
        "sister-cities.csv",
        key="sister_csv",
    )
# The council case (saksframlegg) as the Word file a case system takes; made when asked for, like the summaries.
download(
    t("case.download"),
    deferred(partial(case.case_bytes, home_id=HOME), "docx", lang()),
    case.case_filename("docx", lang()),
    documents.MIME_TYPES["docx"],
    "case_docx",
    icon=":material/gavel:",
    help=t("case.download_help"),
)
