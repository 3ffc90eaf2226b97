"""Who edits in this session: the editor's identity, the sidebar's sign-in, and the view-only notice."""

from __future__ import annotations

import streamlit as st

from app_pages._text import md, t
from registry import auth


def _editor_config() -> auth.EditorConfig:
    # No secrets.toml is the usual local case: then only the environment configures editing.
    return auth.config_from(secrets=st.secrets.to_dict() if st.secrets.load_if_toml_exists() else {})


def current_actor() -> str:
    """Return who is making changes in this session, as written to the audit log ('' = view only).

    The one place that decides identity: ``registry.auth`` from the signed-in user
    (``st.user``, Streamlit's OIDC sign-in) and the settings (``REGISTRY_AUTH``,
    ``REGISTRY_EDITOR``, ``REGISTRY_EDITORS`` or ``[registry]`` in secrets.toml).
    """
    return auth.editor_identity(st.user.to_dict(), _editor_config()) or ""


def editor_sidebar() -> None:
    """Show who edits in this session, with sign-in and sign-out buttons when the app uses OIDC."""
    config, actor = _editor_config(), current_actor()
    user = st.user.to_dict()
    if config.mode == "oidc" and user.get("is_logged_in") is True:
        st.caption(t("frame.signed_in", who=md(user.get("email") or user.get("name") or "?")))
        if not actor:
            st.caption(t("frame.not_an_editor"))
        st.button(t("frame.sign_out"), key="sign_out", on_click=st.logout)
    elif config.mode == "oidc":
        st.button(t("frame.sign_in"), key="sign_in", on_click=st.login)
    elif actor:
        st.caption(t("frame.editing_as", who=md(actor)))
    else:
        st.caption(t("frame.view_only"))


def require_editor() -> bool:
    """Return True when an editor is named; otherwise show how to become one."""
    if current_actor():
        return True
    # Point to a sign-in only where there is one (OIDC); otherwise say editing is off here.
    oidc = _editor_config().mode == "oidc"
    st.info(t("common.need_editor" if oidc else "common.need_editor_local"), icon=":material/person:")
    return False
