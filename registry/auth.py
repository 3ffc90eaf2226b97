"""Who may edit: the editor identity of an app session, decided from the signed-in user and the settings.

Viewing is open to everyone; an edit needs an editor. Three modes, chosen by
``REGISTRY_AUTH`` (or the ``[registry]`` section of ``.streamlit/secrets.toml``):

- ``oidc``: sign-in with Streamlit's built-in OpenID Connect (``st.login``, configured
  in the ``[auth]`` section of ``secrets.toml``). A signed-in user may edit when the
  address is allowed by ``REGISTRY_EDITORS``: addresses, ``@domain`` for a whole
  domain, or ``*`` for everyone the identity provider lets in. The actor recorded in
  the audit log is the user's e-mail address.
- ``local``: one person on their own machine. ``REGISTRY_EDITOR`` names them; the
  actor is ``app:<name>``. Nobody signs in, so use it only where the app is not shared.
- ``off``: nobody edits in the app (the CLI still can).

Without ``REGISTRY_AUTH``, the mode is ``local`` when ``REGISTRY_EDITOR`` is set,
``oidc`` when ``secrets.toml`` has an ``[auth]`` section, and otherwise ``off``. This
module never imports streamlit: the app passes ``st.user`` and ``st.secrets`` in.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["MODES", "MAX_ACTOR_CHARS", "EditorConfig", "config_from", "editor_identity", "may_edit"]

MODES = ("oidc", "local", "off")
#: Longest editor name or address accepted as an actor.
MAX_ACTOR_CHARS = 200


@dataclass(frozen=True)
class EditorConfig:
    """How this app decides who edits: the mode, the local editor's name, the allowed addresses."""

    mode: str = "off"
    local_editor: str = ""
    allowed: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"REGISTRY_AUTH must be one of {', '.join(MODES)}, not {self.mode!r}")


def config_from(env: Mapping[str, str] | None = None, secrets: Mapping[str, Any] | None = None) -> EditorConfig:
    """Return the editor configuration from the environment, else the secrets' ``[registry]`` section.

    ``env`` defaults to ``os.environ``. ``secrets`` is ``st.secrets`` (or any mapping);
    its ``[registry]`` section may hold ``auth``, ``editor`` and ``editors`` (a list or
    a comma-separated string), and an ``[auth]`` section means OIDC is set up.

    >>> config_from({"REGISTRY_EDITOR": "Kari"}).mode
    'local'
    >>> config_from({"REGISTRY_AUTH": "oidc", "REGISTRY_EDITORS": "a@x.no, @y.no"}).allowed
    ('a@x.no', '@y.no')
    >>> config_from({}, {"auth": {"client_id": "..."}}).mode
    'oidc'
    """
    env = os.environ if env is None else env
    secrets = secrets or {}
    section = secrets.get("registry", {}) or {}

    def setting(env_name: str, key: str) -> Any:
        value = env.get(env_name)
        return value if value not in (None, "") else section.get(key)

    editor = str(setting("REGISTRY_EDITOR", "editor") or "").strip()
    editors = setting("REGISTRY_EDITORS", "editors") or ()
    if isinstance(editors, str):
        editors = editors.split(",")
    allowed = tuple(e.strip() for e in editors if str(e).strip())
    mode = str(setting("REGISTRY_AUTH", "auth") or "").strip().lower()
    if not mode:
        mode = "local" if editor else "oidc" if "auth" in secrets else "off"
    return EditorConfig(mode=mode, local_editor=editor, allowed=allowed)


def _clean(text: Any) -> str | None:
    # An actor is written to the audit log and shown in the app: one line, no control
    # characters, bounded length. Anything else is refused rather than repaired.
    if not isinstance(text, str):
        return None
    text = text.strip()
    if not text or len(text) > MAX_ACTOR_CHARS:
        return None
    if any(unicodedata.category(ch)[0] == "C" for ch in text):
        return None
    return text


def _allowed(email: str, allowed: tuple[str, ...]) -> bool:
    address = email.casefold()
    for entry in allowed:
        entry = entry.casefold()
        if entry == "*" or entry == address or (entry.startswith("@") and address.endswith(entry)):
            return True
    return False


def editor_identity(user_info: Mapping[str, Any], config: EditorConfig) -> str | None:
    """Return the actor to record for this session's edits, or None when the session may only view.

    ``user_info`` is what Streamlit gives as ``st.user`` (``st.user.to_dict()``). In
    ``oidc`` mode only a user with ``is_logged_in`` true, an e-mail address the
    provider has not marked unverified, and a place in ``config.allowed`` may edit: an
    e-mail alone is not a sign-in (a local Streamlit run reports
    ``test@example.com``). An empty allow list lets nobody edit.

    >>> editor_identity({"is_logged_in": True, "email": "kari@x.no"}, EditorConfig("oidc", allowed=("@x.no",)))
    'kari@x.no'
    >>> editor_identity({"email": "test@example.com"}, EditorConfig("oidc", allowed=("*",))) is None
    True
    >>> editor_identity({}, EditorConfig("local", local_editor="Kari"))
    'app:Kari'
    """
    if config.mode == "local":
        name = _clean(config.local_editor)
        return f"app:{name}" if name else None
    if config.mode != "oidc":
        return None
    if user_info.get("is_logged_in") is not True:
        return None
    if user_info.get("email_verified") is False:
        return None
    email = _clean(user_info.get("email"))
    if email is None or email.count("@") != 1 or any(ch.isspace() for ch in email):
        return None
    return email if _allowed(email, config.allowed) else None


def may_edit(user_info: Mapping[str, Any], config: EditorConfig) -> bool:
    """Return True when the session may change the registry (it has an editor identity)."""
    return editor_identity(user_info, config) is not None
