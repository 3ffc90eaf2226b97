"""Editing in the app needs an editor; the audit log records the signed-in user (AppTest).

AppTest sets ``st.user`` from ``at.user`` and ``st.secrets`` from ``at.secrets``; an
``[auth]`` section in the secrets switches registry.auth to OIDC mode. Expected actors
come from the rules in registry/auth.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from registry import connect
from tests import apps

ROOT = Path(__file__).resolve().parents[2]
KARI = {"is_logged_in": True, "email": "kari@trondheim.kommune.no", "name": "Kari Nordmann"}
# What st.login needs in secrets.toml; never used to reach a provider here.
AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "test",
    "client_id": "x",
    "client_secret": "y",
    "server_metadata_url": "https://login.example.org/.well-known/openid-configuration",
}


def start(user: dict | None = None, secrets: dict | None = None) -> AppTest:
    return apps.start("en", user=user, secrets=secrets)


def open_graz(at: AppTest) -> AppTest:
    at.switch_page("app_pages/registry_browser.py").run()
    at.selectbox(key="reg_entity").set_value("graz").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def sidebar_text(at: AppTest) -> str:
    return " ".join(c.value for c in at.sidebar.caption) + " " + " ".join(b.label for b in at.sidebar.button)


@pytest.mark.parametrize(
    "user, secrets",
    [
        (None, None),  # nothing configured: AppTest's default user is {"email": "test@example.com"}
        ({"is_logged_in": False}, {"auth": AUTH, "registry": {"editors": ["*"]}}),  # OIDC, signed out
        ({**KARI, "email": "per@example.org"}, {"auth": AUTH, "registry": {"editors": ["@trondheim.kommune.no"]}}),
        (KARI, {"auth": AUTH}),  # signed in, but no allow list: nobody edits
        (KARI, None),  # a user dict without [auth] configured is not a sign-in
    ],
)
def test_without_an_editor_the_edit_forms_are_hidden(registry_db, user, secrets):
    at = open_graz(start(user, secrets))
    assert not at.get("form")
    assert any("need an editor" in i.value for i in at.info)
    at.switch_page("app_pages/sister_cities.py").run()
    assert not at.exception
    assert not at.get("form")


def test_signed_out_user_is_offered_sign_in_and_signed_in_non_editor_is_told(registry_db):
    at = start({"is_logged_in": False}, {"auth": AUTH, "registry": {"editors": ["*"]}})
    assert "Sign in to edit" in sidebar_text(at)
    at = start({**KARI, "email": "per@example.org"}, {"auth": AUTH, "registry": {"editors": ["kari@trondheim.kommune.no"]}})
    text = sidebar_text(at)
    assert "per@example.org" in text.replace("\\", "") and "may not edit" in text and "Sign out" in text
    at = start(None, None)
    assert "View only" in sidebar_text(at)


def test_the_audit_log_records_the_signed_in_user(registry_db):
    at = open_graz(start(KARI, {"auth": AUTH, "registry": {"editors": ["@trondheim.kommune.no"]}}))
    assert at.get("form")
    at.text_area(key="ent_graz_notes").input("Edited by a signed-in user")
    at.button(key="FormSubmitter:ent_graz_form-Save the changes").click().run()
    assert not at.exception
    conn = connect(registry_db)
    last = conn.execute("SELECT actor, table_name, row_id, action FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    assert last == ("kari@trondheim.kommune.no", "entities", "graz", "update")
    assert conn.execute("SELECT updated_by FROM entities WHERE id = 'graz'").fetchone() == ("kari@trondheim.kommune.no",)


def test_local_single_user_mode_from_the_environment(registry_db, monkeypatch):
    monkeypatch.setenv("REGISTRY_EDITOR", "Kari")
    at = open_graz(start())
    assert "Editing as app:Kari" in sidebar_text(at).replace("\\", "")
    at.text_area(key="ent_graz_notes").input("Edited locally")
    at.button(key="FormSubmitter:ent_graz_form-Save the changes").click().run()
    assert not at.exception
    conn = connect(registry_db)
    assert conn.execute("SELECT actor FROM audit ORDER BY id DESC LIMIT 1").fetchone() == ("app:Kari",)
