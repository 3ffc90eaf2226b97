"""Where the findings look: the home's sister cities, and the activities registered at each foreign place."""

from __future__ import annotations

from collections import defaultdict

from .context import Context
from .evidence import ActivityRef, activity_ref

__all__ = ["sister_cities", "place_activities", "local_participants"]


def sister_cities(ctx: Context) -> list[str]:
    """Return the ids of the home's sister cities, once each, in the order of :attr:`Context.sister_ties`."""
    return list(dict.fromkeys(t.v for t in ctx.sister_ties))


def place_activities(ctx: Context) -> dict[str, list[ActivityRef]]:
    """Return foreign place -> the activities registered there by the date (undated ones included).

    An activity is at a place when it is linked to a tie with an end there, or
    when a participant is there (the place itself, or a body located in it)
    together with a local actor; a city's activities are its country's too.
    Activities that begin after the date do not count yet; undated ones always
    do (their date is unknown, not absent).
    """
    hit = ctx.__dict__.get("_place_activities")
    if hit is not None:
        return hit
    ends = {k: (u, v) for u, v, k in ctx.full.edges(keys=True)}
    local = ctx.local
    out: dict[str, list[ActivityRef]] = defaultdict(list)
    for rec in ctx.snap.activities:
        ref = activity_ref(rec)
        span = ref.span()
        if span is not None and span[0] > ctx.as_of:
            continue
        places = set()
        for tid in ref.tie_ids:
            for n in ends.get(tid, ()):
                places.add(ctx.place(n))
        ids = [e for e, _ in ref.participants if e in ctx.full]
        if any(e in local for e in ids):
            places.update(ctx.place(e) for e in ids)
        places.discard(None)
        # As for ties (Context.place_ties), a city's activity is its country's too.
        places |= {ctx.country_key(p) for p in places if p is not None and not p.startswith("country:")}
        places.discard(None)
        for p in places:
            out[p].append(ref)  # type: ignore[index]
    hit = ctx.__dict__["_place_activities"] = dict(out)
    return hit


def local_participants(ctx: Context, acts: list[ActivityRef]) -> set[str]:
    """Return the local actors that took part in any of ``acts``."""
    local = ctx.local
    return {e for a in acts for e, _ in a.participants if e in local}
