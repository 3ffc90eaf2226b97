"""Personal data: the audit key kept outside the file, salted digests in the log, matching a person, and guards.

``erasure.erase`` removes a person; this module holds what it and ``store`` share: the key
the digests are made with, how a person's name, e-mail and phone are found in free text
and in ids, and the guards that refuse a later write putting an erased value back.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
import sqlite3
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, overload

from ..errors import KeyMissing
from ..message import Message
from .schema import TABLES, personal_columns

__all__ = [
    "ERASED", "KEY_ENV", "key_path", "salt", "new_key", "adopt_key", "digest", "redact", "redactor",
    "fold_words", "Person", "refused",
]

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
            raise KeyMissing(f"the registry's audit key {path.name} is missing beside it; "
                             + (KeyMissing.__doc__ or "")) from None
        hit = _CACHE.get(str(path))
        if hit is not None and hit[0] == stamp:
            return hit[1]
        key = path.read_text(encoding="ascii").strip()
        _CACHE[str(path)] = (stamp, key)
    check = _meta(conn, "audit_key_check")
    if check is not None and digest(_KEY_CHECK, key) != check:
        raise KeyMissing(f"the audit key {'in ' + KEY_ENV if env else path} is not this registry's; "
                         + (KeyMissing.__doc__ or ""))
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
        raise KeyMissing(f"{KEY_ENV if env else path} holds another key than the one this registry's log was "
                         "written with; move it away and open the registry again")
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
    conn.execute("INSERT OR REPLACE INTO registry_meta (key, value) VALUES ('audit_key_check', ?)",
                 (digest(_KEY_CHECK, key),))


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


# --- matching a person -------------------------------------------------------------------------

_FOLD = str.maketrans({"ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "ß": "ss", "đ": "d", "ł": "l"})


def fold_words(text: str) -> list[str]:
    """Return the words of ``text`` folded for comparison: NFKD without accents, ø/æ spelt out, lower case.

    >>> fold_words("ÅSE Ødegård-Hansen, mote-med-ase-odegard")
    ['ase', 'odegard', 'hansen', 'mote', 'med', 'ase', 'odegard']
    """
    plain = unicodedata.normalize("NFKD", unicodedata.normalize("NFC", text).translate(_FOLD))
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch)).casefold()
    return re.findall(r"[^\W_]+", plain)


def _slug(words: list[str]) -> str:
    return "-".join(words)


# Between the words of a name: spaces and line breaks, or the joiners of slugs, URLs and e-mail addresses.
_SEP = r"(?:\s+|\s*[-_.+]\s*|%20)"
_EMAIL = re.compile(r"[\w.+%-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<!\w)\+?\d[\d\s().-]{6,}\d(?!\w)")


_SEPARATORS = re.compile(r"[\s().+-]")


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


@dataclass(frozen=True)
class Person:
    """One person as ``erase`` looks for them: name, e-mail, phone and phrases the operator adds (``--also``).

    A name of one word ("Per", "May") is never matched in free text on its own: it is an
    ordinary word too. It is still cleared from the contact, and ``places`` finds where it
    stands so the operator can name the person there with a phrase.
    """

    name: str | None = None
    email: str | None = None
    phone: str | None = None
    also: tuple[str, ...] = ()

    def phrases(self) -> list[list[str]]:
        """Return the phrases matched in free text, each as its words (original spelling)."""
        out = []
        words = unicodedata.normalize("NFC", self.name or "").split()
        if len(words) >= 2:
            out.append(words)
            # "Surname, Given" as lists and indexes write it.
            out.append([words[-1] + ","] + words[:-1])
        for phrase in self.also:
            if phrase.split():
                out.append(unicodedata.normalize("NFC", phrase).split())
        return out

    def single_word(self) -> str | None:
        """Return the name when it is a single word (not matched in free text), else None."""
        words = (self.name or "").split()
        return words[0] if len(words) == 1 else None

    def pattern(self) -> re.Pattern[str] | None:
        """Return the pattern of everything to replace in free text, or None when there is nothing to look for.

        >>> p = Person("Kari Nordmann", "kari@example.org", "+47 987 65 432").pattern()
        >>> p.sub("[erased]", "KARI  nordmann; Nordmann, Kari; kari-nordmann; Kari Nordmanns; Kari Nordmannsen")
        '[erased]; [erased]; [erased]; [erased]; Kari Nordmannsen'
        >>> p.sub("[erased]", "ring 98765432 or +47 987-65-432, KARI@example.org; not 198765432")
        'ring [erased] or [erased], [erased]; not 198765432'
        """
        # E-mail and phone first: at the same position the first alternative wins, and the name
        # written into an address ("kari.nordmann@...") must go with the whole address.
        parts = []
        if self.email and "@" in self.email:
            parts.append(rf"(?<![\w.+-]){re.escape(self.email.strip())}(?![\w-])")
        national = self._national()
        if national:
            prefix = _digits(self.phone or "")[: -len(national)]
            lead = rf"(?:(?:\+|00)\s*{prefix}[\s.-]*)?" if prefix else ""
            parts.append(rf"(?<![\w+]){lead}" + r"[\s().-]?".join(national) + r"(?!\w)")
        for words in self.phrases():
            forms = [words]
            folded = [_slug(fold_words(w)) + ("," if w.endswith(",") else "") for w in words]
            if folded != [w.lower() for w in words] and all(folded):
                forms.append(folded)  # the ASCII spelling a slug or URL gives it
            for form in forms:
                body = _SEP.join(re.escape(w.rstrip(",")) + (r"\s*," if w.endswith(",") else "") for w in form)
                parts.append(rf"(?<!\w){body}(?:s|['’]s)?(?!\w)")
        if not parts:
            return None
        return re.compile("|".join(parts), re.IGNORECASE)

    def _national(self) -> str | None:
        # The subscriber part: the last eight digits (a Norwegian number), fewer for a short number.
        digits = _digits(self.phone or "")
        if len(digits) < 6:
            return None  # too short to tell from a year or an amount
        return digits[-8:]

    def needles(self) -> tuple[tuple[str, ...], str | None]:
        """Return ``(words, digits)``: what any match must contain, for a fast look before the pattern.

        Each phrase's longest word (as written and as ASCII), the e-mail, casefolded; and the
        phone's subscriber digits, which stand together once separators are taken out.
        """
        words = []
        for phrase in self.phrases():
            longest = max((w.rstrip(",") for w in phrase), key=len)
            words += [unicodedata.normalize("NFC", longest).casefold(), _slug(fold_words(longest))]
        if self.email and "@" in self.email:
            words.append(self.email.strip().casefold())
        return tuple(w for w in dict.fromkeys(words) if w), self._national()

    def __post_init__(self) -> None:
        # Worked out once per person: may_match runs on every text cell and every log entry.
        object.__setattr__(self, "_needles", self.needles())

    def may_match(self, text: str) -> bool:
        """Return False when ``text`` cannot hold a match (the common case, decided without the pattern)."""
        words, digits = self._needles  # type: ignore[attr-defined]
        folded = unicodedata.normalize("NFC", text).casefold()
        if any(w in folded for w in words):
            return True
        # The last two digits stand together however the number is spaced: a cheap look first.
        return digits is not None and digits[-2:] in text and digits in _SEPARATORS.sub("", text)

    def scrub(self, text: str, pattern: re.Pattern[str] | None) -> str:
        """Return ``text`` with every match of ``pattern`` replaced by ERASED (NFC first, so NFD finds it)."""
        if pattern is None or not self.may_match(text):
            return text
        nfc = unicodedata.normalize("NFC", text)
        new = pattern.sub(ERASED, nfc)
        return text if new == nfc else new

    def id_slugs(self) -> list[str]:
        """Return the slugs an id made from the person's name holds ("kari-nordmann", "nordmann-kari")."""
        out = []
        for words in self.phrases():
            folded = fold_words(" ".join(words))
            if len(folded) >= 2:
                out.append(_slug(folded))
        return out

    def guards(self, key: str) -> list[tuple[str, str]]:
        """Return ``(digest, kind)`` for each value a later write must not bring back.

        Kinds: ``phraseN`` (N folded words anywhere in text), ``name`` (a contact's whole
        name), ``email`` and ``phone`` (the subscriber digits).
        """
        key = _guard_key(key)
        out = []
        for words in self.phrases():
            folded = fold_words(" ".join(words))
            if len(folded) >= 2:
                out.append((digest(" ".join(folded), key), f"phrase{len(folded)}"))
        if self.name and self.name.strip():
            out.append((digest(" ".join(fold_words(self.name)), key), "name"))
        if self.email and "@" in self.email:
            out.append((digest(self.email.strip().casefold(), key), "email"))
        national = self._national()
        if national:
            out.append((digest(national, key), "phone"))
        return [(d, k) for d, k in dict.fromkeys(out) if d is not None]


# --- guards: an erased value is never written back ----------------------------------------------


def _guard_key(key: str) -> str:
    # Guards are digested under a key of their own, so no guard ever equals a digest in the log.
    return key + ":erasure-guard"


def _guards(conn: sqlite3.Connection) -> dict[str, tuple[str, int]]:
    try:
        return {d: (k, e) for d, k, e in conn.execute("SELECT digest, kind, erasure_id FROM erasure_guards")}
    except sqlite3.OperationalError:  # a registry not migrated to 007 yet
        return {}


def refused(conn: sqlite3.Connection, table: str, rows: Iterable[Row]) -> list[tuple[int, str, Message]]:
    """Return ``(row index, column, reason)`` for every value that would write back personal data erased before.

    Every text value is looked at, ids included: a name made into an id or a URL is
    found by its folded words. Empty when no erasure has been made (the common case
    costs one query).
    """
    guards = _guards(conn)
    if not guards:
        return []
    key = _guard_key(salt(conn))
    lengths = sorted({int(k[6:]) for k, _ in guards.values() if k.startswith("phrase")})
    t = TABLES[table]
    # Who and when of the change are the writer's, not the row's content.
    text_cols = [c.name for c in t.columns if c.type == "TEXT" and c.name not in ("updated_at", "updated_by")]
    out = []
    for i, row in enumerate(rows):
        for col in text_cols:
            value = row.get(col)
            if not isinstance(value, str) or not value:
                continue
            hit = _hit(value, col in personal_columns(table) and col == "person_name", guards, lengths, key)
            if hit is not None:
                out.append((i, col, Message("problem.erased", {"erasure": hit})))
    return out


def _hit(value: str, whole_name: bool, guards: Mapping[str, tuple[str, int]], lengths: list[int], key: str) -> int | None:
    words = fold_words(value)
    candidates: list[tuple[str, str]] = []
    if whole_name:
        candidates.append((" ".join(words), "name"))
    for n in lengths:
        candidates += [(" ".join(words[i:i + n]), f"phrase{n}") for i in range(len(words) - n + 1)]
    candidates += [(m.casefold(), "email") for m in _EMAIL.findall(value)]
    for m in _PHONE.findall(value):
        d = _digits(m)
        candidates += [(d[i:i + 8], "phone") for i in range(max(len(d) - 7, 0))]
    for text, kind in candidates:
        hit = guards.get(digest(text, key))
        if hit is not None and hit[0] == kind:
            return hit[1]
    return None
