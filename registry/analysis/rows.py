"""The shape of one analysis finding: a row of facts whose explanation is a message, and the helpers that name things."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple

from .. import dates
from ..i18n.findings import decimal, term
from ..message import Message
from ..thresholds import threshold
from .context import Context
from .evidence import ActivityRef, activity_ref, in_window

__all__ = [
    "FINDING_COLUMNS",
    "FRAME_COLUMNS",
    "Found",
    "row",
    "names",
    "terms",
    "number",
    "tie_name",
    "gone",
    "recent_activities",
    "MAX_EVIDENCE",
]

#: Columns of every finding table, in order. The explanations are the row's ``message`` written in
#: bokmål and English (:mod:`registry.i18n.findings`) where the table is made.
FINDING_COLUMNS: tuple[str, ...] = ("kind", "subject", "subject_name", "severity", "score", "explanation_nb", "explanation_en", "evidence")
#: Columns of a finding table in memory: :data:`FINDING_COLUMNS` and the subject's English name
#: (the CSV files keep :data:`FINDING_COLUMNS`).
FRAME_COLUMNS: tuple[str, ...] = (*FINDING_COLUMNS, "subject_name_en")
#: Evidence lists longer than this are cut (the explanation gives the full count).
MAX_EVIDENCE = int(threshold("finding_max_evidence"))


class Found(NamedTuple):
    """What one finding kind found: the rows, how it was computed ('exact', 'sampled', 'skipped'), a note (a message)."""

    rows: list[dict[str, Any]]
    method: str = "exact"
    note: Message | None = None


def row(
    kind: str,
    subject: str,
    subject_name: Message | str,
    severity: str,
    message: Message,
    evidence: Iterable[str] = (),
    score: float | None = None,
) -> dict[str, Any]:
    """Return one finding row: its facts, the ``message`` that explains it, its evidence ids."""
    ev = list(dict.fromkeys(e for e in evidence if e))
    return {
        "kind": kind,
        "subject": subject,
        "subject_name": subject_name,
        "severity": severity,
        "score": None if score is None else round(float(score), 4),
        "message": message,
        "evidence": ";".join(ev[:MAX_EVIDENCE]),
    }


def names(ctx: Context, ids: Iterable[str], limit: int = int(threshold("finding_names_listed"))) -> Message:
    """Return the names of ``ids`` as one message: 'A, B and C', at most ``limit`` then 'and N more'."""
    ids = list(ids)
    shown: list[Any] = [ctx.label(i) for i in ids[:limit]]
    more = len(ids) - limit
    if more > 0:
        shown.append(Message("finding.more", {"n": more}))
    return Message("finding.list", {"items": shown})


def terms(vocabulary: str, codes: Iterable[str | None]) -> list[Message]:
    """Return the labels of vocabulary ``codes`` as running text, one message each."""
    return [term(vocabulary, c) for c in codes]


def number(x: float, digits: int = 1) -> Message:
    """Return ``x`` with ``digits`` decimals, written with the reader's decimal mark (comma in bokmål)."""
    return decimal(x, digits)


def tie_name(ctx: Context, tie_id: str) -> Message:
    """Return a tie as its ends' names ('Trondheim kommune – Kraków'), never its id."""
    ends = ctx.tie_ends.get(tie_id)
    if ends is None:
        return Message("finding.name", {"nb": tie_id, "en": tie_id})
    return Message("finding.tie", {"a": ctx.label(ends[0]), "b": ctx.label(ends[1])})


def gone(ctx: Context) -> frozenset[str]:
    """Return the ids of entities that do not exist on the context's date: dissolved by then, or founded after.

    A body dissolved on or before the date (its ``dissolved`` day, or the last day
    of a partial date) is gone; so is one whose ``founded`` date begins after it.
    No finding speaks of them: a dissolved county is neither an opportunity nor a
    contact anyone can lose.
    """
    hit = ctx.__dict__.get("_gone")
    if hit is None:
        day = ctx.as_of
        out = set()
        for n, a in ctx.full.nodes(data=True):
            d, f = a.get("dissolved"), a.get("founded")
            if d and dates.is_partial_date(str(d)) and dates.latest(str(d)) <= day:
                out.add(n)
            elif f and dates.is_partial_date(str(f)) and dates.earliest(str(f)) > day:
                out.add(n)
        hit = ctx.__dict__["_gone"] = frozenset(out)
    return hit


def recent_activities(ctx: Context) -> list[ActivityRef]:
    """Return the registered activities that covered some day of the ``dormant_years`` window up to the date.

    Those that took part in one together are in contact now, as a tie would put them.
    """
    hit = ctx.__dict__.get("_recent_activities")
    if hit is None:
        first, last = ctx.window()
        hit = [ref for ref in map(activity_ref, ctx.snap.activities) if in_window(ref, first, last)]
        ctx.__dict__["_recent_activities"] = hit
    return hit
