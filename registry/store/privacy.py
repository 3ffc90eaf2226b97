"""Personal data: the audit key kept outside the file, and the keyed digests that stand for personal values in the log.

``erasure.erase`` removes a person (how a person is found is :mod:`registry.store.person`); this
module holds what it and ``store`` share: the key the digests are made with, and the digests.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import sqlite3
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, overload

from ..errors import KeyMissing
from .schema import personal_columns

__all__ = ["ERASED", "KEY_ENV", "key_path", "salt", "new_key", "adopt_key", "digest", "redact", "redactor"]

#: What a person's name, e-mail or phone becomes wherever ``erase`` finds it.
ERASED = "[erased]"
#: The environment variable that may hold the key instead of the key file.
KEY_ENV = "REGISTRY_AUDIT_KEY"
# A digest of this constant is kept in the file, so a wrong key is told from a missing one.
_KEY_CHECK = "registry audit key check"

Row = Mapping[str, Any]


def key_path(conn: sqlite3.Connection) -> Path | None:
    """Return the key file of the registry open on ``conn`` (its file name plus ``.key``), or None in memory."""
    for _, name, file in conn.execute("PRAGMA database_list"):
        if name == "main":
            return Path(file + ".key") if file else None
    return None  # pragma: no cover - SQLite always lists main


def new_key() -> str:
    """Return a fresh random key (32 hex digits)."""
    return secrets.token_hex(16)


_CACHE: dict[str, tuple[int, str]] = {}


def _meta(conn: sqlite3.Connection, key: str) -> str | None:
    try:
        hit = conn.execute("SELECT value FROM registry_meta WHERE key = ?", (key,)).fetchone()
    except sqlite3.OperationalError:
        return None
    return None if hit is None else str(hit[0])


def salt(conn: sqlite3.Connection) -> str:
    """Return the registry's audit key: ``$REGISTRY_AUDIT_KEY``, else the key file beside the registry.

    The key is kept outside the registry file (migration 007 moved it out), so a copy of
    the file alone cannot confirm a guessed name, e-mail or phone against the digests in
    the log. An in-memory registry has no file beside it and keeps its key in
    ``registry_meta``. Raises KeyMissing when the key is absent or is another registry's.
    """
    env = os.environ.get(KEY_ENV, "").strip()
    path = key_path(conn)
    if env:
        key = env
    elif path is None:
        key = _meta(conn, "audit_salt") or ""
        if not key:
            raise KeyMissing("this registry has no audit key; open it with registry.connect, which migrates it")
        return key
    else:
        try:
            stamp = path.stat().st_mtime_ns
        except OSError:
            legacy = _meta(conn, "audit_salt")  # not migrated yet (a reader of an old file)
            if legacy:
                return legacy
            raise KeyMissing(f"the registry's audit key {path.name} is missing beside it; " + (KeyMissing.__doc__ or "")) from None
        hit = _CACHE.get(str(path))
        if hit is not None and hit[0] == stamp:
            return hit[1]
        key = path.read_text(encoding="ascii").strip()
        _CACHE[str(path)] = (stamp, key)
    check = _meta(conn, "audit_key_check")
    if check is not None and digest(_KEY_CHECK, key) != check:
        raise KeyMissing(f"the audit key {'in ' + KEY_ENV if env else path} is not this registry's; " + (KeyMissing.__doc__ or ""))
    return key


def adopt_key(conn: sqlite3.Connection) -> None:
    """Move the key out of ``registry_meta`` into the key file (or check it against ``$REGISTRY_AUDIT_KEY``).

    Called by migration 007 inside its transaction. A fresh registry (no contact logged
    yet) adopts a key file or variable that is already there, so ``init --force`` keeps
    the key the office has put away; a registry whose log already holds digests refuses
    a key that differs from its own.
    """
    old = _meta(conn, "audit_salt")
    path = key_path(conn)
    if path is None or old is None:
        return  # in memory there is no file to keep it in
    env = os.environ.get(KEY_ENV, "").strip()
    found = env or (path.read_text(encoding="ascii").strip() if path.exists() else "")
    logged = conn.execute("SELECT 1 FROM audit WHERE table_name = 'contacts' LIMIT 1").fetchone()
    check = _meta(conn, "audit_key_check")
    if found and check is not None and digest(_KEY_CHECK, found) == check:
        logged = None  # the file already moved its key out once: the key found is its own
    if found and found != old and logged:
        raise KeyMissing(
            f"{KEY_ENV if env else path} holds another key than the one this registry's log was "
            "written with; move it away and open the registry again"
        )
    key = found or old
    if not found:
        tmp = path.with_name(path.name + f".tmp{os.getpid()}")
        with open(tmp, "w", encoding="ascii") as fh:
            os.chmod(tmp, 0o600)  # the key confirms guesses: readable by its owner only
            fh.write(key + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    conn.execute("DELETE FROM registry_meta WHERE key = 'audit_salt'")
    conn.execute("INSERT OR REPLACE INTO registry_meta (key, value) VALUES ('audit_key_check', ?)", (digest(_KEY_CHECK, key),))


@overload
def digest(value: None, salt: str) -> None: ...
@overload
def digest(value: str | int | float, salt: str) -> str: ...
def digest(value: Any, salt: str) -> str | None:
    """Return ``"sha256:"`` and the first 16 hex digits of HMAC-SHA256(salt, value), or None for None.

    The salt is the registry's own key, so the same name gives the same digest within one
    registry (the audit replay compares by it) but cannot be looked up in a table of
    digests made elsewhere, nor confirmed from a copy of the file without its key.

    >>> digest("Kari Nordmann", "salt")
    'sha256:dbbfdf85c6ebd3aa'
    >>> digest(None, "salt") is None
    True
    """
    if value is None:
        return None
    mac = hmac.new(salt.encode("utf-8"), str(value).encode("utf-8"), hashlib.sha256)
    return "sha256:" + mac.hexdigest()[:16]


def redact(row: Row | None, columns: tuple[str, ...], salt: str) -> dict[str, Any] | None:
    """Return a copy of ``row`` with each of ``columns`` replaced by its digest (None stays None).

    >>> redact({"id": "c", "email": "kari@example.org", "phone": None}, ("email", "phone"), "salt")
    {'id': 'c', 'email': 'sha256:8adbb3aaf7ada4b3', 'phone': None}
    """
    if row is None:
        return None
    out = dict(row)
    for c in columns:
        if c in out:
            out[c] = digest(out[c], salt)
    return out


def redactor(conn: sqlite3.Connection, table: str) -> Callable[[Row | None], dict[str, Any] | None] | None:
    """Return a function that redacts ``table``'s rows for the audit log, or None when it has no personal columns.

    None lets a caller keep its fast path: most tables hold no personal data.
    """
    columns = personal_columns(table)
    if not columns:
        return None
    key = salt(conn)
    return lambda row: redact(row, columns, key)
