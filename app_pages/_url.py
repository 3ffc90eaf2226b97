"""The page's address as shareable state: widget values read from and written to the URL's query parameters."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import quote, urlencode

import streamlit as st

from app_pages._text import lang


def from_url(key: str, options: Iterable[Any] | None = None, many: bool = False) -> Any:
    """Return the value ``?key=`` of the page's address gives a widget (None when absent or not among ``options``).

    On a session's first view of the page (the widget has no state yet) the value
    also becomes the widget's state, so a shared address opens the same view.
    Lists are repeated parameters (``?net_kinds=city&net_kinds=country``).
    """
    if key in st.session_state or key not in st.query_params:
        return None
    allowed = None if options is None else {str(o): o for o in options}
    values = st.query_params.get_all(key) if many else [st.query_params.get(key)]
    if allowed is not None:
        values = [allowed[v] for v in values if v in allowed]
    value = values if many else (values[0] if values else None)
    if value is not None and value != []:
        st.session_state[key] = value
    return value


def keep_in_url(values: dict[str, Any]) -> None:
    """Write the language and the page's chosen filters into the address (empty ones left out), for a shareable view."""
    params: dict[str, Any] = {"lang": lang()}
    for key, value in values.items():
        if value in (None, "", [], False):
            continue
        params[key] = [str(v) for v in value] if isinstance(value, (list, tuple)) else ("1" if value is True else str(value))
    st.query_params.from_dict(params)


#: The entity page's address, relative to the app's (so it works under any base path).
ENTITY_PAGE = "entity"

#: A link column's display_text: the name carried (percent-encoded) in the address's fragment, which
#: Streamlit decodes for display; the fragment never reaches the server.
LINK_NAME = r"#(.*)$"


def entity_link(entity_id: Any, name: Any, language: str | None = None) -> str | None:
    """Return the address of ``entity_id``'s page with its ``name`` in the fragment (None for no entity).

    Shown by a link column whose ``display_text`` is :data:`LINK_NAME`; the page opens in the
    language ``language`` (the session's when None).

    >>> entity_link("klaksvik", "Klaksvík & co", "nb")
    'entity?id=klaksvik&lang=nb#Klaksv%C3%ADk%20%26%20co'
    """
    if not isinstance(entity_id, str) or not entity_id:  # no entity (None, NaN or '')
        return None
    shown = name if isinstance(name, str) else ""
    return f"{ENTITY_PAGE}?{urlencode({'id': str(entity_id), 'lang': language or lang()})}#{quote(shown or str(entity_id), safe='')}"
