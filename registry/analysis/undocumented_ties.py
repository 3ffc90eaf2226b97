"""Undocumented ties: cooperation ties without goals, indicators or a source (strategy 2a)."""

from __future__ import annotations

from .. import rules as R, vocab
from .context import Context
from .rows import Found, gone, row

__all__ = ["undocumented_tie"]


def _measured_by_activities(ctx: Context) -> dict[str, tuple[bool, bool]]:
    """Return tie id -> (some linked activity has goals, some has indicators)."""
    out: dict[str, tuple[bool, bool]] = {}
    for rec in ctx.snap.activities:
        g, i = bool(str(rec.get("goals") or "").strip()), bool(str(rec.get("indicators") or "").strip())
        for tid in rec.get("tie_ids", ()):
            og, oi = out.get(tid, (False, False))
            out[tid] = (og or g, oi or i)
    return out


def undocumented_tie(ctx: Context) -> Found:
    """Cooperation ties without goals, indicators or a source (strategy 2a); other municipalities' ties are left out.

    Goals and indicators of an activity linked to the tie count for the tie.
    """
    rows = []
    missing_nb = {"goals": "mål", "indicators": "indikatorer", "source": "kilde"}
    missing_en = {"goals": "goals", "indicators": "indicators", "source": "a source"}
    by_acts = _measured_by_activities(ctx)
    away = gone(ctx)
    for t in sorted(ctx.active, key=lambda t: t.id):
        u, v, k, a = t
        if a.get("kind") not in R.DOCUMENTED_TIE_KINDS or ctx.is_elsewhere(t) or u in away or v in away:
            continue  # another municipality's ties are for its own review
        goals, indicators = by_acts.get(k, (False, False))
        have = {"goals": goals, "indicators": indicators, "source": False}
        missing = [c for c in ("goals", "indicators", "source") if not str(a.get(c) or "").strip() and not have[c]]
        if not missing:
            continue
        severity = "high" if "source" in missing else "medium" if len(missing) == 2 else "low"
        label_nb = f"{ctx.name(u, 'nb')} – {ctx.name(v, 'nb')}"
        label_en = f"{ctx.name(u, 'en')} – {ctx.name(v, 'en')}"
        kind_nb, kind_en = vocab.label("tie_kinds", a.get("kind"), "nb"), vocab.label("tie_kinds", a.get("kind"), "en")
        steps_nb, steps_en = [], []
        if "source" in missing:
            steps_nb.append("registrer kilden")
            steps_en.append("record the source")
        if "goals" in missing or "indicators" in missing:
            steps_nb.append("avtal mål og indikatorer med partneren, eller registrer dem om de finnes")
            steps_en.append("agree goals and indicators with the partner, or register them if they exist")
        rows.append(row(
            "undocumented_tie", k, label_nb, severity,
            f"{kind_nb} {label_nb} mangler {' og '.join(missing_nb[c] for c in missing)}; strategi 2a ber om "
            f"målbar og dokumenterbar effekt. Neste steg: {' og '.join(steps_nb)}.",
            f"{kind_en} {label_en} has no {' and no '.join(missing_en[c] for c in missing)}; strategy 2a asks "
            f"for measurable, documented effect. Next: {' and '.join(steps_en)}.",
            [k],
            score=len(missing),
        ))
    return Found(rows)
