"""Personal data: salted digests in place of names in the audit log, and erasure of a person."""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import sqlite3
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Mapping

from .db import transaction
from .errors import NotFound, RegistryError
from .schema import DATA_TABLES, TABLES, personal_columns
from .vocab import VOCABULARIES

__all__ = ["ERASED", "ErasureReport", "salt", "digest", "redact", "redactor", "erase"]

#: What a person's name becomes wherever ``erase`` finds it.
ERASED = "[erased]"

Row = Mapping[str, Any]


def salt(conn: sqlite3.Connection) -> str:
    """Return the registry's audit salt (a random value made by migration 004, kept in ``registry_meta``)."""
    try:
        hit = conn.execute("SELECT value FROM registry_meta WHERE key = 'audit_salt'").fetchone()
    except sqlite3.OperationalError:
        hit = None
    if hit is None:
        raise RegistryError("this registry has no audit salt; open it with registry.connect, which migrates it")
    return str(hit[0])


def digest(value: Any, salt: str) -> str | None:
    """Return ``"sha256:"`` and the first 16 hex digits of HMAC-SHA256(salt, value), or None for None.

    The salt is the registry's own, so the same name gives the same digest within one
    registry (the audit replay compares by it) but cannot be looked up in a table of
    digests made elsewhere.

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


@dataclass(frozen=True)
class ErasureReport:
    """What ``erase`` removed, as counts: never the name itself."""

    contact_id: str
    columns_cleared: tuple[str, ...]  # the contact's personal columns that held a value
    rows_redacted: int  # rows (any table) where the name was replaced by ERASED
    audit_entries_redacted: int  # audit entries rewritten (name replaced, digests neutralised)
    tables: dict[str, int] = field(default_factory=dict)  # rows redacted per table
    checkpointed: bool = True  # False: the write-ahead log may still hold pages from before

    def summary(self) -> str:
        """Return one line for people: what was cleared and how many rows and entries were redacted."""
        cleared = ", ".join(self.columns_cleared) or "nothing (no personal data was stored)"
        where = ", ".join(f"{t} {n}" for t, n in sorted(self.tables.items()))
        return (
            f"contact {self.contact_id}: cleared {cleared}; name replaced in {self.rows_redacted} row(s)"
            + (f" ({where})" if where else "")
            + f" and {self.audit_entries_redacted} audit entr{'y' if self.audit_entries_redacted == 1 else 'ies'}"
            + ("" if self.checkpointed else
               "; the file's write-ahead log may hold the old pages until the registry is next checkpointed")
        )


def _name_pattern(name: str | None) -> re.Pattern[str] | None:
    """Return the pattern ``erase`` replaces: the whole name, in any letter case, or None for no name.

    Any run of whitespace between the name's words matches (a line break in a note),
    and so does a genitive ("Kari Nordmanns kontor"). The name must stand as words: the
    name "Per Olsen" must not eat into "Per Olsensen", another person.

    >>> p = _name_pattern("Kari Nordmann")
    >>> p.sub("[erased]", "KARI  nordmann; Kari Nordmanns kontor; Kari Nordmannsen")
    '[erased]; [erased] kontor; Kari Nordmannsen'
    """
    words = (name or "").split()
    if not words:
        return None
    body = r"\s+".join(re.escape(w) for w in words)
    return re.compile(rf"(?<!\w){body}(?:s|['’]s)?(?!\w)", re.IGNORECASE)


def _free_text(table: str) -> set[str]:
    """Return the columns of ``table`` where a name could be written: TEXT, not an id, a reference or a code."""
    t = TABLES[table]
    return {
        c.name for c in t.columns if c.type == "TEXT" and c.name != t.pk and not c.references and not c.vocabulary
    }


def _skip_keys(table: str) -> set[str]:
    # The same columns the data pass leaves alone must be left alone in the log, or the
    # replayed rows would differ from the stored ones.
    t = TABLES.get(table)
    return set() if t is None else set(t.names) - _free_text(table)


def _redact_data(
    conn: sqlite3.Connection, pattern: re.Pattern[str], key: str
) -> tuple[dict[str, int], dict[str, str]]:
    """Replace the name in every free-text column of every data table and vocabulary.

    Returns ``({table: rows changed}, {old digest: new digest})``, the second for
    personal columns whose stored text changed, so their logged digests can follow.
    """
    counts: dict[str, int] = {}
    digests: dict[str, str] = {}
    targets = [(t.name, t.pk, sorted(_free_text(t.name)), set(personal_columns(t.name))) for t in DATA_TABLES]
    targets += [(v, "code", ["label_nb", "label_en", "help"], set()) for v in VOCABULARIES]
    for table, pk, cols, personal in targets:
        hit = " OR ".join(f"registry_erase_hit([{c}])" for c in cols)
        sql = f"SELECT [{pk}], {', '.join(f'[{c}]' for c in cols)} FROM [{table}] WHERE {hit}"
        changed = 0
        for rid, *values in conn.execute(sql).fetchall():
            old = {c: v for c, v in zip(cols, values) if isinstance(v, str) and pattern.search(v)}
            if not old:  # a backslash made it a candidate, but the name is not there
                continue
            new = {c: pattern.sub(ERASED, v) for c, v in old.items()}
            for c in new.keys() & personal:
                digests[digest(old[c], key)] = digest(new[c], key)  # type: ignore[index]
            # Not through store: the row's content stays what it was, the log is rewritten to
            # match below, and the 'erase' entry records the counts.
            sets = ", ".join(f"[{c}] = ?" for c in new)
            conn.execute(f"UPDATE [{table}] SET {sets} WHERE [{pk}] = ?", [*new.values(), rid])
            changed += 1
        if changed:
            counts[table] = changed
    return counts, digests


_encode = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode


def _redact_entry(
    value: dict[str, Any] | None, table: str, pattern: re.Pattern[str] | None, digests: Mapping[str, str]
) -> dict[str, Any] | None:
    if value is None:
        return None
    personal, skip = set(personal_columns(table)), _skip_keys(table)
    out = {}
    for k, v in value.items():
        if k in personal:
            out[k] = digests.get(v, v)
        elif pattern is not None and k not in skip and isinstance(v, str):
            out[k] = pattern.sub(ERASED, v)
        else:
            out[k] = v
    return out


def _redact_log(
    conn: sqlite3.Connection,
    pattern: re.Pattern[str] | None,
    digests: Mapping[str, str],
    contact_id: str,
    own: Mapping[str, str],
) -> list[tuple[str | None, str | None, str, int]]:
    """Return ``(before, after, actor, id)`` for each audit entry that names the person, redacted.

    ``own`` maps the erased contact's own digests to ERASED, in that contact's entries only.
    """
    tables = tuple(t.name for t in DATA_TABLES if personal_columns(t.name))
    marks = ", ".join("?" * len(tables))
    out = []
    for aid, table, row_id, actor, before, after in conn.execute(
        "SELECT id, table_name, row_id, actor, before, after FROM audit WHERE "
        "registry_erase_hit(before) OR registry_erase_hit(after) OR registry_erase_hit(actor) "
        f"OR table_name IN ({marks})",
        tables,
    ).fetchall():
        mapping = {**digests, **own} if (table, row_id) == ("contacts", contact_id) else digests
        texts = []
        for text in (before, after):
            old = json.loads(text) if text else None
            new = _redact_entry(old, table, pattern, mapping)
            texts.append(text if new == old else _encode(new))
        who = pattern.sub(ERASED, actor) if pattern is not None else actor
        if (texts[0], texts[1], who) != (before, after, actor):
            out.append((texts[0], texts[1], who, aid))
    return out


def _rewrite_log(conn: sqlite3.Connection, rows: list[tuple[str | None, str | None, str, int]]) -> None:
    # The one sanctioned change to the append-only log: the trigger that refuses updates
    # is dropped inside this transaction and put back exactly as it was before commit.
    if not rows:
        return
    hit = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'audit_no_update'").fetchone()
    if hit is None:
        raise RegistryError(
            "the audit log's append-only trigger is missing; nothing was erased (restore or check the registry)"
        )
    conn.execute("DROP TRIGGER audit_no_update")
    conn.executemany("UPDATE audit SET before = ?, after = ?, actor = ? WHERE id = ?", rows)
    conn.execute(hit[0])
    again = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'audit_no_update'").fetchone()
    if again is None or again[0] != hit[0]:  # pragma: no cover - raising rolls the whole erase back
        raise RegistryError("the audit log's append-only trigger could not be restored; nothing was erased")


def erase(conn: sqlite3.Connection, contact_id: str, *, actor: str) -> ErasureReport:
    """Return what was removed after erasing a contact's person from the registry (GDPR erasure).

    In one transaction: the contact's personal columns are cleared through
    ``store.update`` (logged as digests only); every occurrence of the person's name
    (any letter case, as whole words, a genitive included: see ``_name_pattern``) in
    every free-text column of every data table and vocabulary,
    and in the audit log's before/after texts and actors, becomes ``[erased]``; the
    contact's own digests in the log become ``[erased]`` too; one audit entry with
    action ``erase`` records the counts, without the name. Ids, references and codes
    are not free text and are left as they are. Pages the rewrite frees are zeroed
    (``secure_delete``) and the write-ahead log is checkpointed and emptied, so the old
    text does not linger in the files (``checkpointed`` says whether that finished).

    An older backup still holds the name: restoring it brings the person back, so
    erase again after a restore (or delete such backups).

    Raises NotFound for an unknown contact id; nothing is changed then.
    """
    from . import store  # store imports this module for its digests

    store._need_actor(actor)  # the same rule as every write: the erase entry names who erased
    secure = conn.execute("PRAGMA secure_delete").fetchone()[0]
    # Pages the rewrite frees are zeroed, not left in the file holding the old text.
    conn.execute("PRAGMA secure_delete = ON")
    try:
        report = _erase(conn, contact_id, actor)
    finally:
        conn.execute(f"PRAGMA secure_delete = {int(secure)}")
    # The write-ahead log still holds the pages as they were before the erase: copy the new
    # ones into the file and empty it. Readers on an old snapshot can keep it from finishing.
    busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    return replace(report, checkpointed=not busy)


def _erase(conn: sqlite3.Connection, contact_id: str, actor: str) -> ErasureReport:
    from . import store

    with transaction(conn):
        before = store.get(conn, "contacts", contact_id)
        if before is None:
            raise NotFound(f"no contact with id {contact_id!r}; nothing was erased")
        key = salt(conn)
        held = {c: before[c] for c in personal_columns("contacts") if before.get(c) is not None}
        if held:
            store.update(conn, "contacts", contact_id, {c: None for c in held}, actor=actor)
        pattern = _name_pattern(before.get("person_name"))
        own = {d: ERASED for d in (digest(v, key) for v in held.values()) if d is not None}
        counts: dict[str, int] = {}
        digests: dict[str, str] = {}

        def hit(text: Any) -> bool:
            # A backslash means JSON escapes, which can hide a name from the raw text: look closer.
            if not isinstance(text, str):
                return False
            return "\\" in text or (pattern is not None and pattern.search(text) is not None)

        conn.create_function("registry_erase_hit", 1, hit, deterministic=True)
        try:
            if pattern is not None:
                counts, digests = _redact_data(conn, pattern, key)
                name = before["person_name"]
                digests[digest(name, key)] = digest(pattern.sub(ERASED, name), key)  # type: ignore[index]
            log = _redact_log(conn, pattern, digests, str(contact_id), own)
        finally:
            # SQLite keeps the function as long as the connection: let go of the name.
            conn.create_function("registry_erase_hit", 1, lambda text: False)
        _rewrite_log(conn, log)
        report = ErasureReport(str(contact_id), tuple(held), sum(counts.values()), len(log), counts)
        done = {"rows_redacted": report.rows_redacted, "audit_entries_redacted": report.audit_entries_redacted}
        conn.execute(
            "INSERT INTO audit (at, actor, table_name, row_id, action, before, after) "
            "VALUES (?, ?, 'contacts', ?, 'erase', NULL, ?)",
            (store.now(), actor, str(contact_id), _encode(done)),
        )
    return report
