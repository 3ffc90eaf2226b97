"""The shape of one analysis finding, and the small text helpers every finding kind uses."""

from __future__ import annotations

from typing import Any, Iterable, NamedTuple

from .. import vocab
from .context import Context

__all__ = ["FINDING_COLUMNS", "Found", "row", "names", "labels", "MAX_EVIDENCE"]

#: Columns of every finding table, in order.
FINDING_COLUMNS: tuple[str, ...] = (
    "kind", "subject", "subject_name", "severity", "score", "explanation_nb", "explanation_en", "evidence",
)
#: Evidence lists longer than this are cut (the explanation gives the full count).
MAX_EVIDENCE = 50


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
