"""Documentation coverage: how much of what a source says exists the registry has documented (strategy 4a)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd

from .. import dates
from ..i18n.findings import both, term
from ..message import Message
from .context import Context
from .rows import Found, row

__all__ = ["DOCUMENTATION_COLUMNS", "documented_count", "documentation", "documentation_gap"]

#: Columns of :func:`documentation`.
DOCUMENTATION_COLUMNS: tuple[str, ...] = ("measure", "documented", "declared", "missing", "as_of", "source", "text_nb", "text_en")


def documented_count(ctx: Context, measure: str, declared_on: str | None = None) -> int:
    """Return how many of ``measure`` the registry documents for the home municipality as of the date.

    'consulates': consulates located in the home municipality; 'sister_cities':
    the home's sister cities whose twinning had begun by the date and had not ended
    before the source counted (``declared_on``; when unknown, an ended twinning still
    counts as documented: the registry holds it, and the source may have counted it).
    """
    home = ctx.home
    if home is None:
        return 0
    if measure == "consulates":
        return sum(1 for t in ctx.active if t.attrs.get("kind") == "located_in" and t.v == home and ctx.kind(t.u) == "consulate")
    if measure == "sister_cities":
        return len(
            {
                v if u == home else u
                for u, v, k, a in ctx.full.edges(keys=True, data=True)
                if a.get("kind") == "sister_city"
                and home in (u, v)
                and u != v
                and _begun(a.get("start"), ctx.as_of)
                and not _ended_before(a.get("end") or ctx.ended_by_decision(k), declared_on)
            }
        )
    raise KeyError(f"unknown measure {measure!r}")


def _begun(start: Any, day: date) -> bool:
    return not (start and dates.is_partial_date(str(start)) and dates.earliest(str(start)) > day)


def _ended_before(end: Any, declared_on: str | None) -> bool:
    if not end or not declared_on or not dates.is_partial_date(str(end)) or not dates.is_partial_date(declared_on):
        return False
    return dates.latest(str(end)) < dates.earliest(declared_on)


def _text_message(have: int, total: int, measure: str) -> Message:
    """Return "6 of 22 consulates are documented" as a message."""
    return Message("finding.documentation.text", {"have": have, "total": total, "measure": term("declared_measures", measure)})


def documentation(ctx: Context) -> pd.DataFrame:
    """Return one row per declared total of the home municipality: documented against declared.

    ``text_nb`` and ``text_en`` read e.g. "6 av 22 konsulater er dokumentert" /
    "6 of 22 consulates are documented"; ``missing`` is how many are not (never
    below 0). Only the latest declared total of each measure by the date counts.
    """
    latest: dict[str, dict[str, Any]] = {}
    for declared in ctx.snap.declared_totals:
        if declared.get("entity_id") != ctx.home:
            continue
        prev = latest.get(declared["measure"])
        if prev is None or str(declared.get("as_of") or "") >= str(prev.get("as_of") or ""):
            latest[declared["measure"]] = declared
    rows = []
    for measure, declared in sorted(latest.items()):
        have, total = documented_count(ctx, measure, declared.get("as_of") or None), int(declared["total"])
        text_nb, text_en = both(_text_message(have, total, measure))
        rows.append(
            {
                "measure": measure,
                "documented": have,
                "declared": total,
                "missing": max(total - have, 0),
                "as_of": declared.get("as_of"),
                "source": declared.get("source"),
                "text_nb": text_nb,
                "text_en": text_en,
            }
        )
    return pd.DataFrame(rows, columns=list(DOCUMENTATION_COLUMNS))


def _text(value: Any) -> str:
    # A DataFrame holds a missing text as NaN, not None.
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value).strip()


def documentation_gap(ctx: Context) -> Found:
    """Declared totals the registry has not documented in full: one row per total with items missing.

    Reads :func:`~registry.analysis.documentation.documentation` ("6 of 22
    consulates are documented"). Graver when less than half is documented.
    """
    rows = []
    for rec in documentation(ctx).to_dict("records"):
        missing = int(rec["missing"])
        if missing <= 0:
            continue
        measure = rec["measure"]
        source, as_of = _text(rec.get("source")), _text(rec.get("as_of"))
        if source and as_of:
            said: Message | str = Message("finding.documentation.source_as_of", {"source": source, "as_of": as_of})
        elif source:
            said = Message("finding.documentation.source", {"source": source})
        else:
            said = ""
        step = measure if measure in ("consulates", "sister_cities") else "other"
        documented, declared = int(rec["documented"]), int(rec["declared"])
        text = _text_message(documented, declared, measure)
        rows.append(
            row(
                "documentation_gap",
                measure,
                text,
                "medium" if documented < declared * float(ctx.rules["documentation_medium_share"]) else "low",
                Message(
                    "finding.documentation.gap",
                    {
                        "text": text,
                        "said": said,
                        "missing": missing,
                        "next": Message(
                            f"finding.documentation.next_{step}", {"missing": missing, "measure": term("declared_measures", measure)}
                        ),
                    },
                ),
                [measure],
                score=missing,
            )
        )
    return Found(rows)
