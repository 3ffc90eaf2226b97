"""Erasing a person (GDPR erasure) as a durable event: data, ids, log, guards, record, and the file itself."""

from __future__ import annotations

import json
import re
import sqlite3
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from ..errors import NotFound, RegistryError
from ..vocab import VOCABULARIES
from .db import transaction
from .person import Person, fold_words
from .privacy import ERASED, digest, salt
from .schema import DATA_TABLES, TABLES, personal_columns

__all__ = ["ErasureReport", "erase", "places"]

#: secure_delete during an erase; a test sets "OFF" to stand for a build that refuses it.
SECURE_DELETE = "ON"
#: How long erase waits for other readers to let go of the old pages before it reports them.
READER_WAIT_S = 5.0


@dataclass(frozen=True)
class ErasureReport:
    """What ``erase`` changed, as counts and places: never the personal data itself."""

    contact_id: str  # the contact's id after the erase (re-keyed when it held the name)
    columns_cleared: tuple[str, ...]  # the contact's personal columns that held a value
    rows_redacted: int  # rows (any table) where the name, e-mail or phone was replaced by ERASED
    audit_entries_redacted: int  # audit entries rewritten
    tables: dict[str, int] = field(default_factory=dict)  # rows redacted per table
    ids_rekeyed: tuple[tuple[str, str], ...] = ()  # (table, new id); the old id held the name, so it is not kept
    rows_versioned: int = 0  # rows whose version was raised (stale exports and forms are refused)
    erasure_id: int = 0  # the row in ``erasures``
    # A single-word name is not replaced in free text: (table, row id, column) where the word stands.
    unmatched: tuple[tuple[str, str, str], ...] = ()
    secure_delete: bool = True  # SQLite zeroed freed pages while erasing
    vacuumed: bool = False  # the file was rebuilt, so no freed page holds old text
    checkpointed: bool = True  # False: another reader kept old pages in the write-ahead log

    def summary(self) -> str:
        """Return one line for the command line: what was cleared, how many rows and entries, what is left."""
        cleared = ", ".join(self.columns_cleared) or "nothing (no personal data was stored)"
        where = ", ".join(f"{t} {n}" for t, n in sorted(self.tables.items()))
        out = (
            f"contact {self.contact_id}: cleared {cleared}; name, e-mail and phone replaced in "
            f"{self.rows_redacted} row(s)"
            + (f" ({where})" if where else "")
            + f" and {self.audit_entries_redacted} audit entr{'y' if self.audit_entries_redacted == 1 else 'ies'}"
            + (f"; {len(self.ids_rekeyed)} id(s) re-keyed" if self.ids_rekeyed else "")
            + f"; {self.rows_versioned} row version(s) raised; erasure {self.erasure_id} recorded"
        )
        if not self.checkpointed:
            out += (
                "; another program (the app?) still has the registry open, so its write-ahead log may hold "
                "the old pages: close it and run erase again"
            )
        return out


def places(conn: sqlite3.Connection, word: str) -> list[tuple[str, str, str]]:
    """Return ``(table, row id, column)`` where ``word`` stands as a whole word in free text (any case) or in an id."""
    pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)
    slug = re.compile(rf"(?<![a-z0-9]){re.escape('-'.join(fold_words(word)))}(?![a-z0-9])")
    out = []
    for t in DATA_TABLES:
        if not t.id_generated and t.name != "settings":
            out += [
                (t.name, r[0], t.pk)
                for r in conn.execute(f"SELECT [{t.pk}] FROM [{t.name}]")
                if isinstance(r[0], str) and slug.search(r[0])
            ]
    for table, pk, cols, _ in _targets():
        for rid, *values in conn.execute(f"SELECT [{pk}], {', '.join(f'[{c}]' for c in cols)} FROM [{table}]"):
            out += [(table, str(rid), c) for c, v in zip(cols, values) if isinstance(v, str) and pattern.search(v)]
    return out


def _free_text(table: str) -> list[str]:
    """Return the columns of ``table`` where a name could be written: TEXT, not an id, a reference or a code."""
    t = TABLES[table]
    return sorted(
        c.name
        for c in t.columns
        if c.type == "TEXT" and c.name != t.pk and not c.references and not c.vocabulary and c.name not in ("updated_at", "updated_by")
    )


def _targets() -> list[tuple[str, str, list[str], set[str]]]:
    out = [(t.name, t.pk, _free_text(t.name), set(personal_columns(t.name))) for t in DATA_TABLES if _free_text(t.name)]
    return out + [(v, "code", ["label_nb", "label_en", "help"], set()) for v in VOCABULARIES]


def erase(conn: sqlite3.Connection, contact_id: str, *, actor: str, also: Iterable[str] = ()) -> ErasureReport:
    """Return what was changed after erasing a contact's person from the registry (GDPR erasure).

    In one transaction: the contact's personal columns are cleared through ``store``;
    the person's full name as a phrase (any letter case, NFC or NFD, "Surname, Given",
    the ASCII spelling of a slug), e-mail and phone, and any ``also`` phrases, become
    ``[erased]`` in every free-text column of every data table and vocabulary; ids made
    from the name are re-keyed with every reference to them; the audit log's texts,
    actors, ids and the digests of every value the contact's personal columns ever held
    are rewritten; every row touched gets a new version (an export or form from before
    is refused as stale); guards (keyed digests) refuse a later write that would bring a
    value back; and one row in ``erasures`` records when, who and how much, without
    personal data. A name of one word is cleared from the contact but not replaced in
    free text: ``unmatched`` lists where it stands, for ``also`` phrases.

    After the commit the file is vacuumed and its write-ahead log emptied; ``checkpointed``
    is False when another reader kept old pages. An older backup still holds the person.
    Raises NotFound for an unknown contact id; nothing is changed then.
    """
    from . import writes as store

    store._need_actor(actor)
    # Freed pages are zeroed while the rows are rewritten; checked, since a build can refuse it.
    conn.execute(f"PRAGMA secure_delete = {SECURE_DELETE}")
    secure = conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
    report = _erase(conn, str(contact_id), actor, tuple(a for a in also if a.strip()))
    if conn.in_transaction:  # inside a caller's transaction: VACUUM cannot run until it ends
        return replace(report, secure_delete=secure, checkpointed=False)
    return replace(report, secure_delete=secure, **_compact(conn))


def _compact(conn: sqlite3.Connection) -> dict[str, Any]:
    # The old text can sit in the write-ahead log and, without secure_delete, in free pages: copy
    # the log into the file, rebuild the file, and empty the log. A reader on an old snapshot keeps
    # the log from being emptied; wait a little for it, then say so.
    deadline = time.monotonic() + READER_WAIT_S
    vacuumed = False
    # Each try gives up at once: under the connection's busy timeout (30 s) a TRUNCATE checkpoint
    # waited that long for the reader, twice a try, and an erase took a minute, not READER_WAIT_S.
    (previous,) = conn.execute("PRAGMA busy_timeout").fetchone()
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        while True:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            if not vacuumed:
                try:
                    conn.execute("VACUUM")
                    vacuumed = True
                except sqlite3.OperationalError:
                    pass  # busy: tried again below
            busy, frames, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            done = vacuumed and not busy and frames in (0, -1)
            if done or time.monotonic() >= deadline:
                return {"vacuumed": vacuumed, "checkpointed": done}
            time.sleep(0.1)
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(previous)}")


def _erase(conn: sqlite3.Connection, contact_id: str, actor: str, also: tuple[str, ...]) -> ErasureReport:
    from . import writes as store

    with transaction(conn):
        # Ids are re-keyed with their references in this transaction: checked at commit.
        conn.execute("PRAGMA defer_foreign_keys = ON")
        before = store.get(conn, "contacts", contact_id)
        if before is None:
            raise NotFound(f"no contact with id {contact_id!r}; nothing was erased")
        key = salt(conn)
        held = {c: before[c] for c in personal_columns("contacts") if before.get(c) is not None}
        person = Person(before.get("person_name"), before.get("email"), before.get("phone"), also)
        if held:
            store.update(conn, "contacts", contact_id, {c: None for c in held}, actor=actor)
        pattern = person.pattern()
        counts, digests, touched = _redact_data(conn, person, pattern, key)
        if person.name:
            digests[digest(person.name, key)] = digest(person.scrub(person.name, pattern), key)
        rekeyed = _rekey(conn, person, touched)
        new_id = rekeyed.get("contacts", {}).get(contact_id, contact_id)
        log = _redact_log(conn, person, pattern, digests, contact_id, rekeyed)
        _rewrite_log(conn, log)
        # Rows rewritten in place get a new version, logged like any change: a form or export made
        # before now carries the old version and is refused as stale.
        touched.add(("contacts", new_id))
        for table, rid in sorted(touched):
            store.touch(conn, table, rid, actor=actor)
        word = person.single_word()
        unmatched = tuple(places(conn, word)) if word else ()
        done = {
            "rows_redacted": sum(counts.values()),
            "audit_entries_redacted": len(log),
            "ids_rekeyed": sum(len(m) for m in rekeyed.values()),
            "rows_versioned": len(touched),
            "columns_cleared": len(held),
        }
        at = store.now()
        cur = conn.execute("INSERT INTO erasures (contact_id, at, actor, counts) VALUES (?, ?, ?, ?)", (new_id, at, actor, _encode(done)))
        erasure_id = int(cur.lastrowid or 0)
        conn.executemany(
            "INSERT OR IGNORE INTO erasure_guards (digest, kind, erasure_id) VALUES (?, ?, ?)",
            [(d, k, erasure_id) for d, k in person.guards(key)],
        )
        conn.execute(
            "INSERT INTO audit (at, actor, table_name, row_id, action, before, after) VALUES (?, ?, 'contacts', ?, 'erase', NULL, ?)",
            (at, actor, new_id, _encode({"audit_entries_redacted": len(log), "rows_redacted": done["rows_redacted"]})),
        )
    return ErasureReport(
        new_id,
        tuple(held),
        done["rows_redacted"],
        len(log),
        counts,
        tuple((t, new) for t, m in rekeyed.items() for new in m.values()),
        len(touched),
        erasure_id,
        unmatched,
    )


def _redact_data(
    conn: sqlite3.Connection, person: Person, pattern: re.Pattern[str] | None, key: str
) -> tuple[dict[str, int], dict[str, str], set[tuple[str, str]]]:
    """Replace the person in every free-text column of every data table and vocabulary.

    Returns ``({table: rows changed}, {old digest: new digest}, {(table, row id) changed})``;
    the digests are of personal columns whose stored text changed, so their logged digests follow.
    """
    counts: dict[str, int] = {}
    digests: dict[str, str] = {}
    touched: set[tuple[str, str]] = set()
    if pattern is None:
        return counts, digests, touched
    for table, pk, cols, personal in _targets():
        changed = 0
        sql = f"SELECT [{pk}], {', '.join(f'[{c}]' for c in cols)} FROM [{table}]"
        for rid, *values in conn.execute(sql).fetchall():
            old = dict(zip(cols, values))
            new = {c: person.scrub(v, pattern) for c, v in old.items() if isinstance(v, str)}
            new = {c: v for c, v in new.items() if v != old[c]}
            if not new:
                continue
            for c in new.keys() & personal:
                digests[digest(old[c], key)] = digest(new[c], key)
            # Not through store: the log is rewritten to match below, then store.touch versions the row.
            conn.execute(f"UPDATE [{table}] SET {', '.join(f'[{c}] = ?' for c in new)} WHERE [{pk}] = ?", [*new.values(), rid])
            changed += 1
            if table in TABLES:
                touched.add((table, str(rid)))
        if changed:
            counts[table] = changed
    return counts, digests, touched


def _rekey(conn: sqlite3.Connection, person: Person, touched: set[tuple[str, str]]) -> dict[str, dict[str, str]]:
    """Give a new id to every row whose id holds the person's name; return ``{table: {old: new}}``.

    The name's slug in the id becomes ``erased`` ("mote-med-kari-nordmann--2025" becomes
    "mote-med-erased--2025"); every reference to the row follows, and ``touched`` gains the
    rows changed, under their new ids.
    """
    slugs = person.id_slugs()
    if not slugs:
        return {}
    found = re.compile("|".join(rf"(?<![a-z0-9]){re.escape(s)}(?![a-z0-9])" for s in slugs), re.IGNORECASE)
    out: dict[str, dict[str, str]] = {}
    for t in DATA_TABLES:
        if t.id_generated or t.name == "settings":
            continue
        ids = [r[0] for r in conn.execute(f"SELECT [{t.pk}] FROM [{t.name}]") if isinstance(r[0], str)]
        taken = set(ids)
        for old in ids:
            if not found.search(old):
                continue
            base = found.sub("erased", old)
            new, n = base, 1
            while new in taken:
                n += 1
                new = f"{base}-{n}"
            taken.add(new)
            out.setdefault(t.name, {})[old] = new
    for table, mapping in out.items():
        t = TABLES[table]
        for old, new in mapping.items():
            conn.execute(f"UPDATE [{table}] SET [{t.pk}] = ? WHERE [{t.pk}] = ?", (new, old))
            touched.discard((table, old))
            touched.add((table, new))
            for child in DATA_TABLES:
                for c in child.columns:
                    if c.references != table:
                        continue
                    rows = conn.execute(f"SELECT [{child.pk}] FROM [{child.name}] WHERE [{c.name}] = ?", (old,))
                    ids = [str(r[0]) for r in rows]
                    conn.execute(f"UPDATE [{child.name}] SET [{c.name}] = ? WHERE [{c.name}] = ?", (new, old))
                    touched.update((child.name, out.get(child.name, {}).get(i, i)) for i in ids)
    return out


_encode = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode


def _redact_entry(
    value: dict[str, Any] | None,
    table: str,
    person: Person,
    pattern: re.Pattern[str] | None,
    digests: Mapping[str, str],
    own: bool,
    rekeyed: Mapping[str, Mapping[str, str]],
) -> dict[str, Any] | None:
    if value is None:
        return None
    t = TABLES.get(table)
    personal = set(personal_columns(table))
    free = set(_free_text(table)) if t is not None else set()
    refs = {c.name: c.references for c in t.columns if c.references} if t is not None else {}
    out = {}
    for k, v in value.items():
        if k in personal:
            # The erased contact's columns: every value they ever held, not only the last one.
            out[k] = (ERASED if v is not None else None) if own else digests.get(v, v)
        elif t is not None and k == t.pk and isinstance(v, str):
            out[k] = rekeyed.get(table, {}).get(v, v)
        elif k in refs and isinstance(v, str):
            out[k] = rekeyed.get(refs[k] or "", {}).get(v, v)
        elif k in free and isinstance(v, str):
            out[k] = person.scrub(v, pattern)
        else:
            out[k] = v
    return out


def _redact_log(
    conn: sqlite3.Connection,
    person: Person,
    pattern: re.Pattern[str] | None,
    digests: Mapping[str, str],
    contact_id: str,
    rekeyed: Mapping[str, Mapping[str, str]],
) -> list[tuple[str | None, str | None, str, str, int]]:
    """Return ``(before, after, actor, row id, id)`` for each audit entry that names the person, redacted."""
    old_ids = [i for m in rekeyed.values() for i in m]
    ids = re.compile("|".join(re.escape(i) for i in old_ids)) if old_ids else None
    contact_new = rekeyed.get("contacts", {}).get(contact_id, contact_id)

    def hit(text: Any) -> bool:
        # A backslash means JSON escapes, which can hide a name from the raw text: look closer.
        if not isinstance(text, str):
            return False
        return (
            "\\" in text
            or (pattern is not None and person.scrub(text, pattern) != text)
            or (ids is not None and ids.search(text) is not None)
        )

    conn.create_function("registry_erase_hit", 1, hit, deterministic=True)
    try:
        tables = tuple(t.name for t in DATA_TABLES if personal_columns(t.name))
        entries = conn.execute(
            "SELECT id, table_name, row_id, actor, before, after FROM audit WHERE "
            "registry_erase_hit(before) OR registry_erase_hit(after) OR registry_erase_hit(actor) "
            f"OR registry_erase_hit(row_id) OR table_name IN ({', '.join('?' * len(tables))})",
            tables,
        ).fetchall()
    finally:
        # SQLite keeps the function as long as the connection: let go of the name.
        conn.create_function("registry_erase_hit", 1, lambda text: False)
    out = []
    for aid, table, row_id, actor, before, after in entries:
        new_row_id = rekeyed.get(table, {}).get(row_id, row_id)
        own = (table, new_row_id) == ("contacts", contact_new)
        texts = []
        for text in (before, after):
            old = json.loads(text) if text else None
            new = _redact_entry(old, table, person, pattern, digests, own, rekeyed)
            texts.append(text if new == old else _encode(new))
        who = person.scrub(actor, pattern)
        if (texts[0], texts[1], who, new_row_id) != (before, after, actor, row_id):
            out.append((texts[0], texts[1], who, new_row_id, aid))
    return out


def _rewrite_log(conn: sqlite3.Connection, rows: list[tuple[str | None, str | None, str, str, int]]) -> None:
    # The one sanctioned change to the append-only log: the trigger that refuses updates
    # is dropped inside this transaction and put back exactly as it was before commit.
    if not rows:
        return
    hit = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'audit_no_update'").fetchone()
    if hit is None:
        raise RegistryError("the audit log's append-only trigger is missing; nothing was erased (restore or check the registry)")
    conn.execute("DROP TRIGGER audit_no_update")
    conn.executemany("UPDATE audit SET before = ?, after = ?, actor = ?, row_id = ? WHERE id = ?", rows)
    conn.execute(hit[0])
    again = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'audit_no_update'").fetchone()
    if again is None or again[0] != hit[0]:  # pragma: no cover - raising rolls the whole erase back
        raise RegistryError("the audit log's append-only trigger could not be restored; nothing was erased")
