"""Dormant relations: sister and partner cities with registered activity, but none in recent years."""

from __future__ import annotations

from .. import dates
from ..i18n.findings import term
from ..message import Message
from .activity import recent_activity
from .context import Context
from .evidence import evidence_id
from .evidence import in_window as activity_in_window
from .places import place_activities, sister_cities
from .rows import Found, gone, row

__all__ = ["went_dormant"]


def went_dormant(ctx: Context) -> Found:
    """Sister and partner cities with registered activity, but none within ``dormant_years`` of the date.

    Activity is a tie other than the twinning, or a registered activity
    (:func:`place_activities`). A relation with a tie or an activity in the
    window is never listed. The finding says what the registry holds, not that
    the contact has stopped.
    """
    sisters = set(sister_cities(ctx))
    away = gone(ctx)
    acts_at = place_activities(ctx)
    first, last_day = ctx.window()
    rows = []
    years = int(ctx.rules["dormant_years"])
    for city in sorted(sisters | ctx.partner_cities, key=lambda c: ctx.name(c).casefold()):
        if city in away:
            continue
        recent, earlier = recent_activity(ctx, city)
        acts = acts_at.get(city, [])
        if recent or any(activity_in_window(a, first, last_day) for a in acts):
            continue
        dated = [a for a in acts if a.dated]
        if not (earlier or dated):
            continue
        last: tuple[int, Message, str] | None = None  # (year, what it was, evidence id)
        for a in dated:
            span = a.span()
            if span and (last is None or span[1].year > last[0]):
                last = (span[1].year, Message("finding.dormant.activity", {"title": a.title}), evidence_id(a))
        for t in earlier:
            y = dates.year_of(t.attrs.get("end")) or dates.year_of(t.attrs.get("start"))
            if y and (last is None or y > last[0]):
                what = Message(
                    "finding.tie_kind_lower", {"kind": term("tie_kinds", t.attrs.get("kind")), "a": ctx.label(t.u), "b": ctx.label(t.v)}
                )
                last = (y, what, t.id)
        undated = len(acts) - len(dated)
        ids = [t.id for t in earlier] + [evidence_id(a) for a in acts]
        rows.append(
            row(
                "went_dormant",
                city,
                ctx.label(city),
                "medium" if city in sisters else "low",
                Message(
                    "finding.dormant.gap",
                    {
                        "city": ctx.label(city),
                        "years": years,
                        "role": Message("finding.dormant.sister" if city in sisters else "finding.dormant.partner"),
                        "last": Message("finding.dormant.last", {"year": last[0], "what": last[1]})
                        if last
                        else Message("finding.dormant.nothing_dated"),
                        "undated": Message("finding.dormant.undated", {"n": undated}) if undated else "",
                    },
                ),
                ids,
                score=last[0] if last else None,
            )
        )
    return Found(rows)
