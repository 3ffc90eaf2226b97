"""One-way solidarity: places whose solidarity ties are not shown to run both ways (strategy 2c)."""

from __future__ import annotations

from collections import defaultdict

from .. import rules as R
from ..message import Message
from .activity import solidarity_reciprocity
from .context import Context
from .evidence import ActivityRef
from .places import place_activities
from .rows import Found, gone, names, row, tie_name

__all__ = ["one_way_solidarity"]


def _two_way_activities(ctx: Context, place: str, acts: list[ActivityRef]) -> list[ActivityRef]:
    """Return the activities at ``place`` with visitors from each side; empty unless both sides came."""
    local = ctx.local
    home_side: list[ActivityRef] = []
    far_side: list[ActivityRef] = []
    for a in acts:
        for e, role in a.participants:
            if role != "visitor" or e not in ctx.full:
                continue
            if e in local:
                home_side.append(a)
            elif e == place or ctx.place(e) == place:
                far_side.append(a)
    return list(dict.fromkeys(home_side + far_side)) if home_side and far_side else []


def one_way_solidarity(ctx: Context) -> Found:
    """Places whose solidarity ties (carried by voluntary organisations) are one-way or not shown two-way.

    Each tie counts at its city, or at its country when it has no city. Registered
    activities with visitors from both sides show a two-way relation too.
    """
    by_place: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"two_way": [], "one_way": [], "unknown": []})
    carriers: dict[str, set[str]] = defaultdict(set)
    away = gone(ctx)
    for t in ctx.active:
        rec = solidarity_reciprocity(ctx, t)
        if rec is None:
            continue
        places = {p for p in (ctx.place(t.u), ctx.place(t.v)) if p}
        cities = {p for p in places if ctx.kind(p) in R.CITY_KINDS}
        for p in cities or places:
            by_place[p][rec].append(t.id)
            carriers[p].update(
                n for n in (t.u, t.v, t.attrs.get("carrier_id")) if n and ctx.kind(n) in R.SOLIDARITY_CARRIER_KINDS and n not in away
            )
    acts_at = place_activities(ctx)
    rows = []
    for place, sol in sorted(by_place.items()):
        one, unknown = sol["one_way"], sol["unknown"]
        if sol["two_way"] or not (one or unknown) or place in away:
            continue
        if _two_way_activities(ctx, place, acts_at.get(place, [])):
            continue
        parts = []
        if one:
            parts.append(Message("finding.solidarity.one_way", {"ties": [tie_name(ctx, t) for t in one]}))
        if unknown:
            parts.append(Message("finding.solidarity.unknown", {"ties": [tie_name(ctx, t) for t in unknown]}))
        who = sorted(carriers[place])
        rows.append(
            row(
                "one_way_solidarity",
                place,
                ctx.label(place),
                "medium" if one else "low",
                Message(
                    "finding.solidarity.gap",
                    {
                        "place": ctx.label(place),
                        "parts": parts,
                        "who": names(ctx, who) if who else Message("finding.solidarity.the_volunteers"),
                    },
                ),
                one + unknown,
            )
        )
    return Found(rows)
