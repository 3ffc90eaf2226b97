"""The annual report on international work: pick a year, read it here, download it as Markdown, HTML or Word."""

from datetime import date
from functools import partial

import streamlit as st

from app_pages._common import cached, deferred, download, home, lang, require_home, t
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
# The HTML is made now (the page shows it); Markdown and Word when their button is clicked: Word with a chart
# per indicator took most of the page's first view on a large registry.
shown = cached(annual.report_bytes, year, "html", lang(), home_id=home())
for column, (fmt, (_suffix, mime)) in zip(st.columns(len(annual.FORMATS)), annual.FORMATS.items()):
    data = shown if fmt == "html" else deferred(partial(annual.report_bytes, home_id=home()), year, fmt, lang())
    download(labels[fmt], data, annual.report_filename(year, fmt, lang()), mime, f"annual_{fmt}", where=column)
# The HTML page itself, escaped by the library: shown as it downloads.
st.iframe(shown.decode("utf-8"), height=900)
