"""Undocumented ties: project cooperation without goals, indicators or a source (strategy 2a); any tie without a source."""

from __future__ import annotations

from typing import Any

from .. import rules as R
from ..message import Message
from .context import Context, Tie
from .rows import Found, gone, row

__all__ = ["undocumented_tie", "is_project"]

#: Agreement kinds that make a tie resting on one project cooperation (strategy 2a: project-based engagements).
PROJECT_AGREEMENT_KINDS = frozenset({"project_agreement"})


def _measured(ctx: Context) -> dict[str, tuple[bool, bool]]:
    """Return tie id -> (some linked activity has goals, some has indicators)."""
    hit = ctx.__dict__.get("_undocumented_measured")
    if hit is None:
        hit = {}
        for rec in ctx.snap.activities:
            g, i = bool(str(rec.get("goals") or "").strip()), bool(str(rec.get("indicators") or "").strip())
            for tid in rec.get("tie_ids", ()):
                og, oi = hit.get(tid, (False, False))
                hit[tid] = (og or g, oi or i)
        ctx.__dict__["_undocumented_measured"] = hit
    return hit


def is_project(ctx: Context, t: Tie) -> bool:
    """Return True when a tie is project cooperation: a project tie, or one resting on a project agreement.

    A twinning or a friendship bond is not, even when a project was once done
    under it: strategy 2a asks goals and indicators of project-based
    engagements, not of a 1945 bond of friendship.
    """
    if t.attrs.get("kind") == "project":
        return True
    ag = t.attrs.get("agreement_id")
    if not ag:
        return False
    kinds = ctx.__dict__.get("_agreement_kinds")
    if kinds is None:
        kinds = ctx.__dict__["_agreement_kinds"] = {a["id"]: a.get("kind") for a in ctx.snap.agreements}
    return kinds.get(ag) in PROJECT_AGREEMENT_KINDS


def undocumented_tie(ctx: Context) -> Found:
    """Project ties without goals, indicators or a source (strategy 2a), and other cooperation ties without a source.

    Goals and indicators of an activity linked to the tie count for the tie.
    One row per tie; ties of bodies gone by the date are left out.
    """
    rows: list[dict[str, Any]] = []
    measured = _measured(ctx)
    away = gone(ctx)
    for t in sorted(ctx.active, key=lambda t: t.id):
        u, v, k, a = t
        if a.get("kind") not in R.DOCUMENTED_TIE_KINDS or u in away or v in away:
            continue
        has_source = bool(str(a.get("source") or "").strip())
        subject = Message("finding.tie", {"a": ctx.label(u), "b": ctx.label(v)})
        if not is_project(ctx, t):
            if not has_source:
                rows.append(
                    row(
                        "undocumented_tie",
                        k,
                        subject,
                        "high",
                        Message(
                            "finding.undocumented.no_source",
                            {"tie": Message("finding.tie_kind", {"kind": a.get("kind"), "a": ctx.label(u), "b": ctx.label(v)})},
                        ),
                        [k],
                        score=1,
                    )
                )
            continue
        goals, indicators = measured.get(k, (False, False))
        have = {
            "goals": goals or bool(str(a.get("goals") or "").strip()),
            "indicators": indicators or bool(str(a.get("indicators") or "").strip()),
            "source": has_source,
        }
        missing = [c for c in ("goals", "indicators", "source") if not have[c]]
        if not missing:
            continue
        severity = "high" if "source" in missing else "medium" if len(missing) == 2 else "low"
        steps = []
        if "source" in missing:
            steps.append(Message("finding.undocumented.step_source"))
        if "goals" in missing or "indicators" in missing:
            steps.append(Message("finding.undocumented.step_goals"))
        rows.append(
            row(
                "undocumented_tie",
                k,
                subject,
                severity,
                Message(
                    "finding.undocumented.project",
                    {
                        "tie": Message("finding.tie_kind", {"kind": a.get("kind"), "a": ctx.label(u), "b": ctx.label(v)}),
                        "missing": [Message(f"finding.undocumented.{c}") for c in missing],
                        "steps": steps,
                    },
                ),
                [k],
                score=len(missing),
            )
        )
    return Found(rows)
