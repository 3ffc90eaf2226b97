"""Editor identity: who may edit in the app, and which actor the audit log records.

Expected values come from the rules in registry/auth.py's module docstring.
"""

from __future__ import annotations

import pytest

from registry.auth import MAX_ACTOR_CHARS, EditorConfig, config_from, editor_identity, may_edit

KARI = {"is_logged_in": True, "email": "kari@trondheim.kommune.no", "name": "Kari Nordmann"}
OIDC = EditorConfig("oidc", allowed=("@trondheim.kommune.no", "ola@example.org"))


@pytest.mark.parametrize(
    "user, expected",
    [
        (KARI, "kari@trondheim.kommune.no"),  # allowed by domain
        ({**KARI, "email": "Ola@Example.org"}, "Ola@Example.org"),  # allowed by address, any case
        ({**KARI, "email": "per@example.org"}, None),  # signed in, not allowed
        ({**KARI, "email": "kari@evil-trondheim.kommune.no"}, None),  # look-alike domain
        ({**KARI, "email": "kari@sub.trondheim.kommune.no"}, None),  # a subdomain is another domain
        ({**KARI, "email": "x@evil.org@trondheim.kommune.no"}, None),  # two @
        ({**KARI, "is_logged_in": False}, None),
        ({"email": "kari@trondheim.kommune.no"}, None),  # an e-mail alone is not a sign-in
        ({"email": "test@example.com"}, None),  # what a local Streamlit run reports
        ({**KARI, "is_logged_in": "true"}, None),  # only the boolean counts
        ({**KARI, "email_verified": False}, None),
        ({**KARI, "email_verified": True}, "kari@trondheim.kommune.no"),
        ({"is_logged_in": True}, None),  # no e-mail claim
        ({**KARI, "email": "kari\n@trondheim.kommune.no"}, None),  # control character
        ({**KARI, "email": "kari @trondheim.kommune.no"}, None),
        ({**KARI, "email": "k" * MAX_ACTOR_CHARS + "@trondheim.kommune.no"}, None),
        ({**KARI, "email": None}, None),
        ({}, None),
    ],
)
def test_oidc_editor_is_an_allowed_signed_in_user(user, expected):
    assert editor_identity(user, OIDC) == expected
    assert may_edit(user, OIDC) is (expected is not None)


def test_oidc_with_no_allow_list_lets_nobody_edit_and_star_lets_every_signed_in_user():
    assert editor_identity(KARI, EditorConfig("oidc")) is None
    assert editor_identity(KARI, EditorConfig("oidc", allowed=("*",))) == "kari@trondheim.kommune.no"
    assert editor_identity({"email": "x@y.no"}, EditorConfig("oidc", allowed=("*",))) is None


def test_local_mode_uses_the_configured_name_whoever_the_user_is():
    local = EditorConfig("local", local_editor="  Kari  ")
    assert editor_identity({}, local) == "app:Kari"
    assert editor_identity(KARI, local) == "app:Kari"
    assert editor_identity({}, EditorConfig("local", local_editor="")) is None
    assert editor_identity({}, EditorConfig("local", local_editor="Kari\x1b[31m")) is None


def test_off_mode_lets_nobody_edit():
    assert editor_identity(KARI, EditorConfig("off", local_editor="Kari", allowed=("*",))) is None


@pytest.mark.parametrize(
    "env, secrets, expected",
    [
        ({}, {}, EditorConfig("off")),
        ({"REGISTRY_EDITOR": "Kari"}, {}, EditorConfig("local", local_editor="Kari")),
        ({}, {"auth": {"client_id": "x"}}, EditorConfig("oidc")),
        ({"REGISTRY_EDITOR": "Kari"}, {"auth": {}}, EditorConfig("local", local_editor="Kari")),  # env wins
        ({"REGISTRY_AUTH": "OFF", "REGISTRY_EDITOR": "Kari"}, {}, EditorConfig("off", local_editor="Kari")),
        ({"REGISTRY_AUTH": "oidc", "REGISTRY_EDITORS": " a@x.no , ,@y.no"}, {}, EditorConfig("oidc", allowed=("a@x.no", "@y.no"))),
        ({}, {"auth": {}, "registry": {"editors": ["a@x.no", "@y.no"]}}, EditorConfig("oidc", allowed=("a@x.no", "@y.no"))),
        ({}, {"registry": {"auth": "local", "editor": "Ola"}}, EditorConfig("local", local_editor="Ola")),
        ({"REGISTRY_EDITORS": ""}, {"auth": {}, "registry": {"editors": "a@x.no"}}, EditorConfig("oidc", allowed=("a@x.no",))),
    ],
)
def test_config_from_environment_and_secrets(env, secrets, expected):
    assert config_from(env, secrets) == expected


def test_unknown_mode_is_refused_with_the_choices():
    with pytest.raises(ValueError, match="oidc, local, off"):
        config_from({"REGISTRY_AUTH": "yes"})
