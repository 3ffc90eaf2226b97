"""The strategy view: for each point of the strategy, the work the registry holds that serves it, and in what state."""

import pandas as pd
import streamlit as st

from app_pages._common import blank, cached_in_context, csv_button, home, lang, md, require_home, t
from registry import i18n
from registry.render import strategy_text as words
from registry.review import strategy_view as strategy

#: The table each kind of counted row comes from, for its label.
ITEM_TABLES = {
    "action": "plan_actions",
    "indicator": "indicators",
    "tie": "ties",
    "agreement": "agreements",
    "activity": "activities",
    "decision": "decisions",
    "plan_line": "plan_lines",
}

st.title(t("strategy.title"))
st.caption(t("strategy.intro"))

if not require_home():
    st.stop()
# The three share one prepared registry (read and cut to the home's network once).
view = cached_in_context(strategy.strategy_for, home_id=home())
items = words.items_in(cached_in_context(strategy.strategy_items, home_id=home()), lang())
indicators = cached_in_context(strategy.indicator_status, home_id=home())
title = "title_nb" if lang() == "nb" else "title_en"

empty = strategy.unserved_points(view)
planned = strategy.planned_points(view)
a, b, c = st.columns(3)
a.metric(t("strategy.state_work"), f"{len(view) - len(empty) - len(planned)} / {len(view)}")
b.metric(t("strategy.state_planned"), len(planned))
c.metric(t("strategy.state_nothing"), len(empty))
st.caption(t("strategy.caveat"))

only_empty = st.toggle(t("strategy.only_unserved"), key="strategy_only_empty")
shown = view[view["nothing_registered"]] if only_empty else view
st.dataframe(
    pd.DataFrame(
        {
            t("strategy.point"): shown["point"],
            t("col.title"): shown[title],
            t("strategy.state"): [words.state_text(s, lang()) for s in shown["state"]],
            t("strategy.council"): [words.council_text(m, p, lang()) for m, p in zip(shown["council_mark"], shown["council_point"])],
            t("strategy.actions"): shown["actions"],
            t("strategy.indicators"): shown["indicators"],
            t("strategy.ties"): shown["ties"],
            t("strategy.agreements"): shown["agreements"],
            t("strategy.activities"): shown["activities"],
            t("strategy.decisions"): shown["decisions"],
            t("strategy.findings"): shown["findings"],
            t("strategy.planned"): shown["planned_nok"],
            t("strategy.actual"): shown["actual_nok"],
            t("strategy.last"): shown["last_activity_on"].fillna(""),
        }
    ),
    hide_index=True,
    width="stretch",
)
csv_button(view, "strategy-points.csv", key="strategy_csv")


def point_list(codes: list[str]) -> None:
    """Show the points ``codes`` as a list: code in bold, then the title without its code."""
    for code in codes:
        text = str(view[view["point"] == code].iloc[0][title])
        text = text[len(code) + 2 :] if text.startswith(f"{code}: ") else text  # the code is shown in bold already
        st.markdown(f"- **{code}** {md(text)}")


if empty:
    st.subheader(t("strategy.nothing"))
    st.caption(t("strategy.nothing_help"))
    point_list(empty)
if planned:
    st.subheader(t("strategy.planned_points"))
    st.caption(t("strategy.caveat"))
    point_list(planned)

st.subheader(t("strategy.details"))
codes = list(view["point"])
pick = st.selectbox(
    t("strategy.pick_point"), codes, key="strategy_point", format_func=lambda code: str(view[view["point"] == code].iloc[0][title])
)
mine = items[items["point"] == pick]
if mine.empty:
    st.caption(t("strategy.no_items") + " " + t("strategy.caveat"))
else:
    st.dataframe(
        blank(
            pd.DataFrame(
                {
                    t("strategy.item_kind"): [i18n.table_label(ITEM_TABLES[k], lang()) for k in mine["kind"]],
                    t("strategy.item"): mine["title"],
                    t("strategy.item_state"): [words.state_text(s, lang()) for s in mine["state"]],
                    t("strategy.item_via"): [words.via_text(v, lang()) for v in mine["via"]],
                    i18n.field_label("id", lang()): mine["id"],
                }
            )
        ),
        hide_index=True,
        width="stretch",
    )
csv_button(items, "strategy-items.csv", key="strategy_items_csv")

if len(indicators):
    # The indicators of the point picked above first; the CSV below holds them all.
    st.subheader(t("strategy.indicator_table"))
    name = "name_en" if lang() == "en" else "name"
    mine_ids = set(mine.loc[mine["kind"] == "indicator", "id"])
    indicators = pd.concat([indicators[indicators["id"].isin(mine_ids)], indicators[~indicators["id"].isin(mine_ids)]])
    st.dataframe(
        blank(
            pd.DataFrame(
                {
                    t("strategy.indicators"): indicators[name].fillna(indicators["name"]),
                    t("strategy.latest"): indicators["latest_value"],
                    t("strategy.latest_year"): indicators["latest_year"],
                    t("strategy.target"): indicators["target"],
                    t("strategy.target_year"): indicators["target_year"],
                    t("strategy.reached"): indicators["reached"],
                    i18n.field_label("strategy_points", lang()): indicators["points"],
                }
            )
        ),
        hide_index=True,
        width="stretch",
    )
    csv_button(indicators, "strategy-indicators.csv", key="strategy_indicators_csv")
