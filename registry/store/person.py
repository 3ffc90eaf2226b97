"""Finding a person: the name, e-mail and phone in free text and in ids, and the guards against their return.

A name matches as a phrase in either Unicode form, in any letter case and as "Surname, Given";
the e-mail and the phone wherever they are written. ``erasure.erase`` replaces what is found;
:func:`refused` turns away a later write that would put an erased value back (the guards are
keyed digests, :func:`registry.store.privacy.digest`).
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..message import Message
from .privacy import ERASED, Row, digest, salt
from .schema import TABLES, personal_columns

__all__ = ["fold_words", "Person", "refused"]


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
        candidates += [(" ".join(words[i : i + n]), f"phrase{n}") for i in range(len(words) - n + 1)]
    candidates += [(m.casefold(), "email") for m in _EMAIL.findall(value)]
    for m in _PHONE.findall(value):
        d = _digits(m)
        candidates += [(d[i : i + 8], "phone") for i in range(max(len(d) - 7, 0))]
    for text, kind in candidates:
        hit = guards.get(digest(text, key))
        if hit is not None and hit[0] == kind:
            return hit[1]
    return None
