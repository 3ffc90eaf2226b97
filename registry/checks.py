"""The integrity report: errors that make a registry wrong, warnings that make it thin."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Any

from . import dates, freshness
from .edit import audit
from .message import Message, render
from .store.schema import DATA_TABLES, personal_columns

__all__ = ["Finding", "check", "AUDIT_TRIGGERS", "audit_protection"]


@dataclass(frozen=True)
class Finding:
    """One integrity finding: ``level`` is 'error' or 'warning'; ``data`` says what is wrong, as a message.

    The templates are in :mod:`registry.i18n.problems` (and :mod:`registry.i18n.reasons`);
    :attr:`message` is the English the CLI prints, :func:`registry.message.render` writes it for a reader.
    """

    level: str
    table: str
    row_id: str
    column: str
    data: Message

    @property
    def message(self) -> str:
        """The finding in English: the language of the CLI and the logs."""
        return render(self.data, "en")

    def __str__(self) -> str:
        return f"{self.level}: {self.table} {self.row_id}: {self.column}: {self.message}"


def _problem(code: str, /, **params: Any) -> Message:
    """Return the message ``problem.<code>`` with ``params``."""
    return Message(f"problem.{code}", params)


def check(conn: sqlite3.Connection, *, audit_log: bool = True) -> list[Finding]:
    """Return every integrity finding, errors first.

    Errors: dangling references, rows without a source, impossible or reversed
    dates, and (with ``audit_log``) rows the audit log does not account for,
    i.e. written past the library, and a missing or changed append-only trigger of the audit log.
    Warnings: sister cities without a decision, ties with an unknown start,
    a tie whose status contradicts its latest decision to end, suspend or resume
    the twinning, contacts holding personal data past their ``retain_until`` date.
    """
    out: list[Finding] = []
    for t in DATA_TABLES:
        for col in t.columns:
            if col.references:
                sql = (
                    f"SELECT a.[{t.pk}], a.[{col.name}] FROM [{t.name}] a LEFT JOIN [{col.references}] b "
                    f"ON a.[{col.name}] = b.id WHERE a.[{col.name}] IS NOT NULL AND b.id IS NULL"
                )
                for rid, ref in conn.execute(sql):
                    out.append(Finding("error", t.name, str(rid), col.name, _problem("dangling_ref", value=ref)))
        if "source" in t.names and t.column("source").required:
            sql = f"SELECT [{t.pk}] FROM [{t.name}] WHERE source IS NULL OR trim(source) = ''"
            out += [Finding("error", t.name, str(r[0]), "source", _problem("no_source")) for r in conn.execute(sql)]
    for tid, start, end in conn.execute("SELECT id, start, [end] FROM ties"):
        for column, value in (("start", start), ("end", end)):
            if value and not dates.is_partial_date(value):
                out.append(Finding("error", "ties", tid, column, _problem("stored_not_a_date", value=value)))
        if start and end and dates.is_partial_date(start) and dates.is_partial_date(end):
            if dates.latest(end) < dates.earliest(start):
                out.append(Finding("error", "ties", tid, "end", _problem("ends_before_start", end=end, start=start)))
    for (tid,) in conn.execute(
        "SELECT t.id FROM ties t WHERE t.kind = 'sister_city' AND NOT EXISTS "
        "(SELECT 1 FROM decisions d WHERE d.tie_id = t.id) ORDER BY t.id"
    ):
        out.append(Finding("warning", "ties", tid, "", _problem("no_category_decision")))
    for (tid,) in conn.execute("SELECT id FROM ties WHERE start IS NULL ORDER BY id"):
        out.append(Finding("warning", "ties", tid, "start", _problem("start_unknown")))
    for (tid,) in conn.execute("SELECT id FROM ties WHERE start_certainty IN ('inferred', 'conflicting') ORDER BY id"):
        out.append(Finding("warning", "ties", tid, "start_certainty", _problem("start_uncertain")))
    out += _twinning_decisions(conn)
    out += _freshness(conn)
    out += _retention(conn)
    out += _control_characters(conn)
    if audit_log:
        out += [Finding("error", table, rid, "audit", message) for table, rid, message in audit.unrecorded(conn)]
    out += [
        Finding("error", "audit", name, "trigger", _problem("audit_trigger", state=Message(f"problem.trigger.{state}")))
        for name, state in audit_protection(conn).items()
    ]
    return sorted(out, key=lambda f: f.level != "error")


#: The audit log's append-only triggers as migration 003 makes them and SQLite stores them.
AUDIT_TRIGGERS: dict[str, str] = {
    f"audit_no_{action.lower()}": f"CREATE TRIGGER audit_no_{action.lower()} BEFORE {action} ON audit "
    "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
    for action in ("UPDATE", "DELETE")
}


def audit_protection(conn: sqlite3.Connection) -> dict[str, str]:
    """Return ``{trigger: 'missing' | 'changed'}`` for each append-only trigger of the audit log that is not intact.

    An empty dict means both triggers exist exactly as migration 003 made them
    (spacing aside). Without them the database no longer refuses edits to the log.
    """
    stored = dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall())
    out = {}
    for name, sql in AUDIT_TRIGGERS.items():
        if name not in stored:
            out[name] = "missing"
        elif " ".join((stored[name] or "").split()) != sql:
            out[name] = "changed"
    return out


def _twinning_decisions(conn: sqlite3.Connection, today: date | None = None) -> list[Finding]:
    """Return a warning for each tie whose status contradicts its latest end, suspend or resume decision (taken by today).

    An ended twinning is 'ended' or has an end date; a suspended one is 'suspended'; a
    resumed one is neither. The decision acts in the review either way: this says the
    tie's own row has not followed.
    """
    from .analysis.twinning import twinning_status  # local: only this check reads decisions

    rows: dict[str, list[dict[str, Any]]] = {}
    for did, tid, kind, on in conn.execute(
        "SELECT id, tie_id, coalesce(kind, 'category'), decided_on FROM decisions "
        "WHERE tie_id IS NOT NULL AND kind IN ('end_twinning', 'suspend_twinning', 'resume_twinning') ORDER BY id"
    ):
        rows.setdefault(tid, []).append({"id": did, "kind": kind, "decided_on": on})
    out = []
    for tid, decisions in sorted(rows.items()):
        want, latest = twinning_status(decisions, today or date.today())
        hit = conn.execute("SELECT coalesce(status, 'active'), [end] FROM ties WHERE id = ?", (tid,)).fetchone()
        if latest is None or hit is None:
            continue
        status, end = hit
        wrong = (
            (want == "ended" and status != "ended" and not end)
            or (want == "suspended" and status != "suspended")
            or (want == "active" and status in ("suspended", "ended"))
        )
        if wrong:
            msg = Message("check.status_contradicts_decision", {"status": status, "kind": latest["kind"], "on": latest["decided_on"]})
            out.append(Finding("warning", "ties", tid, "status", msg))
    return out


def _freshness(conn: sqlite3.Connection) -> list[Finding]:
    # An "active" fact is only as current as the last look at its source (strategy 4a asks
    # for documentation that gives a whole, true overview).
    out = [
        Finding("warning", table, rid, "verified_on", _problem("stale_source", on=checked, years=years))
        for table, rid, checked, years in freshness.stale_rows(conn)
    ]
    for table, n in freshness.unchecked_counts(conn).items():
        if n:
            out.append(Finding("warning", table, "*", "verified_on", _problem("unchecked", n=n)))
    return out


def _control_characters(conn: sqlite3.Connection) -> list[Finding]:
    """Return an error for each text cell holding a control character that GraphML and GEXF cannot hold.

    Import and edits refuse them or turn line breaks into newlines (``validate.clean_row``);
    these were written past the library. The message names the character, not the text.
    """
    from .store.validate import CONTROL_GLOB, control_problem  # local: checks does not otherwise need validate

    out = []
    for t in DATA_TABLES:
        cols = [c.name for c in t.columns if c.type == "TEXT"]
        where = " OR ".join(f"[{c}] GLOB ?" for c in cols)  # GLOB in SQL: the scan stays in SQLite
        sql = f"SELECT [{t.pk}], {', '.join(f'[{c}]' for c in cols)} FROM [{t.name}] WHERE {where} ORDER BY 1"
        for rid, *values in conn.execute(sql, [CONTROL_GLOB] * len(cols)):
            for col, value in zip(cols, values):
                reason = control_problem(value, breaks=True) if isinstance(value, str) else None
                if reason:
                    out.append(Finding("error", t.name, str(rid), col, reason))
    return out


def _retention(conn: sqlite3.Connection, today: date | None = None) -> list[Finding]:
    """Return a warning for each contact still holding personal data after its ``retain_until`` date.

    The finding names the contact's id, never the person: the report may be shared.
    """
    today = today or date.today()
    held = " OR ".join(f"[{c}] IS NOT NULL" for c in personal_columns("contacts"))
    sql = f"SELECT id, retain_until FROM contacts WHERE retain_until IS NOT NULL AND ({held}) ORDER BY id"
    return [
        Finding("warning", "contacts", str(cid), "retain_until", _problem("retention"))
        for cid, until in conn.execute(sql)
        if dates.is_partial_date(until) and dates.latest(until) < today
    ]
