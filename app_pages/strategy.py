"""The strategy view: for each point of the strategy, what the registry holds that serves it, and what is missing."""

import pandas as pd
import streamlit as st

from app_pages._common import cached, csv_button, home, lang, md, require_home, t
from registry.review import strategy

st.title(t("strategy.title"))
st.caption(t("strategy.intro"))

if not require_home():
    st.stop()
view = cached(strategy.strategy_for, home_id=home())
title = "title_nb" if lang() == "nb" else "title_en"

empty = strategy.unserved_points(view)
served = len(view) - len(empty)
a, b = st.columns(2)
a.metric(t("strategy.served"), f"{served} / {len(view)}")
b.metric(t("strategy.unserved"), len(empty))

only_empty = st.toggle(t("strategy.only_unserved"), key="strategy_only_empty")
shown = view[view["nothing_registered"]] if only_empty else view
st.dataframe(
    pd.DataFrame({
        t("strategy.point"): shown["point"],
        t("col.title"): shown[title],
        t("strategy.ties"): shown["ties"],
        t("strategy.agreements"): shown["agreements"],
        t("strategy.activities"): shown["activities"],
        t("strategy.findings"): shown["findings"],
        t("strategy.planned"): shown["planned_nok"],
        t("strategy.actual"): shown["actual_nok"],
        t("strategy.last"): shown["last_activity_on"].fillna(""),
    }),
    hide_index=True, use_container_width=True,
)
csv_button(view, "strategy-points.csv", key="strategy_csv")
if empty:
    st.subheader(t("strategy.nothing"))
    st.caption(t("strategy.nothing_help"))
    for code in empty:
        text = str(view[view["point"] == code].iloc[0][title])
        text = text[len(code) + 2:] if text.startswith(f"{code}: ") else text  # the code is shown in bold already
        st.markdown(f"- **{code}** {md(text)}")
