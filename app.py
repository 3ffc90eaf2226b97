"""The Streamlit frame: language, home municipality, editor and the registry connection, then the pages.

Run with ``streamlit run app.py`` (``streamlit run app.py -- --db PATH`` for another registry
file; any other argument is refused). Pages are scripts in ``app_pages/`` registered
with ``st.navigation``; they read the connection and the language from
``app_pages/_common.py``.
"""

import streamlit as st

from app_pages import _common as c
from app_pages._origin import refuse_foreign_session
from registry import i18n

# Before anything is drawn or read: a page on another local port must not drive the app (issue 18).
refuse_foreign_session()

if "lang" not in st.session_state:
    wanted = st.query_params.get("lang", "nb")
    st.session_state.lang = wanted if wanted in i18n.LANGUAGES else "nb"

st.set_page_config(page_title=c.t("app.title"), layout="wide")

try:
    c.open_run()
    c.relabel_widgets()
    with st.sidebar:
        st.segmented_control(
            "Språk / Language", i18n.LANGUAGES, format_func=lambda code: i18n.LANGUAGE_NAMES[code], key="lang", required=True
        )
        c.home_picker()
        c.editor_sidebar()
        # The home is the registry's own: no city is named in the code.
        chosen = c.home()
        st.caption(c.t("frame.footer", home=c.name_of(c.registry_snapshot().graph, chosen)) if chosen else c.t("frame.footer_none"))

    # No page icons: the active page's icon becomes the favicon, and Streamlit fetches a
    # Material icon favicon from a third-party host (emoji need an emoji font to show).
    def page(path: str, key: str, **kwargs: object) -> st.Page:
        return st.Page(path, title=c.t(key), **kwargs)  # type: ignore[arg-type]

    navigation = st.navigation(
        {
            c.t("nav.explore"): [
                page("app_pages/overview.py", "nav.overview", default=True),
                page("app_pages/network.py", "nav.network"),
                page("app_pages/map.py", "nav.map"),
                page("app_pages/entity.py", "entity.nav", url_path="entity"),
            ],
            c.t("nav.review"): [
                page("app_pages/sister_cities.py", "nav.sister_cities"),
                page("app_pages/gaps.py", "nav.gaps"),
                page("app_pages/strategy.py", "nav.strategy"),
                page("app_pages/annual_report.py", "nav.annual"),
            ],
            c.t("nav.data"): [
                page("app_pages/registry_browser.py", "nav.registry", url_path="registry"),
                page("app_pages/import_export.py", "nav.import_export"),
            ],
        }
    )
    navigation.run()
except Exception as exc:  # noqa: BLE001 - a damaged file, a full disk, any bug: a message, never a traceback
    # st.rerun and st.stop raise BaseExceptions, which pass through to Streamlit as they should.
    c.show_failure(exc)
finally:
    c.close_run()
