"""Activity at a place read from its ties: recent or earlier activity, and the reciprocity of solidarity ties.

Shared by the analysis (dormant relations, one-way solidarity) and the review's criteria.
"""

from __future__ import annotations

from typing import Any

from .. import dates
from .. import rules as R
from .context import Context, Tie, in_window, running

__all__ = ["recent_activity", "solidarity_reciprocity"]


def solidarity_reciprocity(ctx: Context, t: Tie) -> str | None:
    """Return 'two_way', 'one_way' or 'unknown' for a running tie carried by a voluntary organisation, else None.

    The organisation may sit at either end or be the carrier, at home or abroad.
    """
    if t.attrs.get("kind") in R.NOT_ACTIVITY_TIE_KINDS or not running(t.attrs):
        return None
    ends = (t.u, t.v, t.attrs.get("carrier_id"))
    if not any(ctx.kind(a) in R.SOLIDARITY_CARRIER_KINDS for a in ends if a):
        return None
    rec = t.attrs.get("reciprocity")
    return rec if rec in ("two_way", "one_way") else "unknown"


def recent_activity(ctx: Context, place: str) -> tuple[list[Tie], list[Tie]]:
    """Return ``(recent, earlier)``: activity ties at ``place`` inside the window, and the rest.

    Activity ties are every tie but the formal sister-city tie and ``located_in``;
    the window is the ``dormant_years`` up to the context's date.
    """
    first, last = ctx.window()
    recent: list[Any] = []
    earlier: list[Any] = []
    for t in ctx.history_place_ties.get(place, []):
        if t.attrs.get("kind") in R.NOT_ACTIVITY_TIE_KINDS:
            continue
        start = t.attrs.get("start")
        if start and dates.is_partial_date(start) and dates.earliest(start) > last:
            continue  # not begun yet on the date
        (recent if in_window(t.attrs, first, last) else earlier).append(t)
    return recent, earlier
