"""Origins: the app answers only pages served from its own address, not another page on this machine.

Streamlit admits a websocket from any origin whose host is local (``localhost``,
``127.0.0.1``, the machine's own addresses), whatever its port: a page served by any
other program on the same machine could open the app's socket, edit as the local
editor and read contacts' personal columns. Two locks, because the first socket can
arrive before this code has run:

- every script run starts by comparing the socket's ``Origin`` with its ``Host``; a
  session from another origin stops before the frame draws or reads anything;
- the first run replaces Streamlit's origin test by one that admits only the app's own
  origin and those listed in ``server.corsAllowedOrigins``, so later sockets from other
  origins are refused at the handshake (HTTP 403).

Uploads need no lock of their own: they carry the XSRF token and a custom header, so a
page from another origin is stopped by the CORS preflight, which admits only the
origins listed in ``server.corsAllowedOrigins``.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from urllib.parse import urlparse

import streamlit as st

__all__ = ["same_origin", "install_strict_origin_check", "refuse_foreign_session"]

_log = logging.getLogger(__name__)


def _listed() -> set[str]:
    from streamlit import config

    return {o.strip().rstrip("/") for o in config.get_option("server.corsAllowedOrigins") or []}


def same_origin(headers: Mapping[str, str]) -> bool:
    """Return True when a request's ``Origin`` is the app's own address (its ``Host``) or explicitly allowed.

    No ``Origin`` at all is a program, not a web page (browsers always send it on a
    websocket), and is admitted: a program on this machine can read the file anyway.

    >>> same_origin({"Origin": "http://localhost:8501", "Host": "localhost:8501"})
    True
    >>> same_origin({"Origin": "http://localhost:9999", "Host": "localhost:8501"})
    False
    >>> same_origin({"Host": "localhost:8501"})
    True
    """
    lower = {k.lower(): v for k, v in headers.items()}
    origin = lower.get("origin")
    if not origin:
        return True
    if urlparse(origin).netloc == lower.get("host"):
        return True
    try:
        return origin.rstrip("/") in _listed()
    except Exception:  # noqa: BLE001 - outside a server (a test) there is no config to read
        return False


def _only_listed(url: str) -> bool:
    # Streamlit calls this after its own same-origin test failed: only an origin listed by the
    # person running the app may connect, never "any local host".
    return url.rstrip("/") in _listed()


def install_strict_origin_check() -> bool:
    """Replace Streamlit's websocket origin test by :func:`_only_listed`; return True when it is in place.

    Idempotent. Returns False where this Streamlit has no such test (then the per-run
    check in :func:`refuse_foreign_session` still holds).
    """
    try:
        from streamlit.web.server.starlette import starlette_websocket as ws
    except ImportError:  # pragma: no cover - another Streamlit server
        return False
    if getattr(ws, "is_url_from_allowed_origins", None) is None:  # pragma: no cover
        return False
    ws.is_url_from_allowed_origins = _only_listed
    return True


def refuse_foreign_session() -> None:
    """Stop this run when its websocket came from another origin; install the strict test for later sockets."""
    install_strict_origin_check()
    headers = dict(st.context.headers or {})
    if not same_origin(headers):
        _log.warning("refused a session from origin %r (the app is at %r)", headers.get("Origin"), headers.get("Host"))
        st.stop()
