"""The shape of one analysis finding, and the small text helpers every finding kind uses."""

from __future__ import annotations

from typing import Any, Iterable, NamedTuple

from .. import dates, vocab
from .context import Context
from ..review.evidence import ActivityRef, activity_ref, in_window

__all__ = [
    "FINDING_COLUMNS", "Found", "row", "names", "labels", "number", "gone", "recent_activities", "MAX_EVIDENCE",
    "VEDTAK_7", "STRATEGY_2A",
]

#: Columns of every finding table, in order.
FINDING_COLUMNS: tuple[str, ...] = (
    "kind", "subject", "subject_name", "severity", "score", "explanation_nb", "explanation_en", "evidence",
)
#: Evidence lists longer than this are cut (the explanation gives the full count).
MAX_EVIDENCE = 50

# The strategy's own words behind the next steps, from the Norwegian original (bystyresak 3/10,
# OCR damage corrected). Point 7 of the council's decision repeats strategy 1f's sentence.
VEDTAK_7 = "«Konsulene inviteres til å delta med en representant i det internasjonale forum som tenkes etablert»"
STRATEGY_2A = "«videreutvikle vennskapsbyavtalene innen prioriterte områder»"


class Found(NamedTuple):
    """What one finding kind found: the rows, how it was computed ('exact', 'sampled', 'skipped'), a note."""

    rows: list[dict[str, Any]]
    method: str = "exact"
    note: str = ""


def row(
    kind: str, subject: str, subject_name: str, severity: str, nb: str, en: str,
    evidence: Iterable[str] = (), score: float | None = None,
) -> dict[str, Any]:
    """Return one finding row (a dict with :data:`FINDING_COLUMNS`)."""
    ev = list(dict.fromkeys(e for e in evidence if e))
    return {
        "kind": kind, "subject": subject, "subject_name": subject_name, "severity": severity,
        "score": None if score is None else round(float(score), 4),
        "explanation_nb": nb, "explanation_en": en, "evidence": ";".join(ev[:MAX_EVIDENCE]),
    }


def names(ctx: Context, ids: Iterable[str], lang: str, limit: int = 8) -> str:
    """Return display names joined with commas, at most ``limit`` then 'and N more'."""
    ids = list(ids)
    shown = ", ".join(ctx.name(i, lang) for i in ids[:limit])
    more = len(ids) - limit
    if more > 0:
        shown += f" og {more} til" if lang == "nb" else f" and {more} more"
    return shown


def labels(vocabulary: str, codes: Iterable[str], lang: str) -> str:
    """Return vocabulary labels joined with commas, lower-case as in running text."""
    return ", ".join(vocab.label(vocabulary, c, lang).lower() for c in codes)


def number(x: float, lang: str, digits: int = 1) -> str:
    """Return ``x`` with ``digits`` decimals, with a decimal comma in Norwegian text.

    >>> number(0.75, "nb", 2), number(0.75, "en", 2)
    ('0,75', '0.75')
    """
    text = f"{x:.{digits}f}"
    return text.replace(".", ",") if lang == "nb" else text


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
