"""The annual report on international work: pick a year, read it here, download it as Markdown, HTML or Word."""

from datetime import date

import streamlit as st

from app_pages._common import cached, home, lang, require_home, t
from registry import annual
from registry.store import validate

st.title(t("nav.annual"))
st.caption(t("annual_page.intro"))

if not require_home():
    st.stop()
year = int(
    st.number_input(
        t("annual_page.year"),
        min_value=validate.BUDGET_YEARS[0],
        max_value=validate.BUDGET_YEARS[1],
        value=date.today().year - 1,
        step=1,
        key="annual_year",
    )
)
labels = {"md": t("annual_page.download_md"), "html": t("annual_page.download_html"), "docx": t("annual_page.download_docx")}
for column, (fmt, (_suffix, mime)) in zip(st.columns(len(annual.FORMATS)), annual.FORMATS.items()):
    data = cached(annual.report_bytes, year, fmt, lang(), home_id=home())
    column.download_button(
        labels[fmt], data, file_name=annual.report_filename(year, fmt, lang()), mime=mime, key=f"annual_{fmt}", icon=":material/download:"
    )
# The HTML page itself, escaped by the library: shown as it downloads.
st.iframe(cached(annual.report_bytes, year, "html", lang(), home_id=home()).decode("utf-8"), height=900)
