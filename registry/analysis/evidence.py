"""The record of activity behind a relation: which activities count for a sister city, and when it was last confirmed.

An activity is a point in time (a start), a span (start and end) or ongoing (a start, no
end, continuing per its source): an ongoing activity is confirmed up to its
``verified_on`` (when the source was last read and found to hold), never beyond the
date of the view.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from .. import dates
from .context import Context, Tie

__all__ = ["ActivityRef", "LastConfirmed", "activity_ref", "activities_for", "in_window", "last_contact", "last_confirmed", "evidence_id"]


@dataclass(frozen=True)
class ActivityRef:
    """One registered activity as evidence: what, when (as recorded), who, and where it is documented.

    ``start`` is the recorded partial date text, or None when no source gives the
    date; ``participants`` is ``((entity id, role), ...)``. ``ongoing`` says the
    source has it going on after its start (no end given), confirmed up to
    ``verified_on``; ``title_nb`` is the Norwegian title where the source's is in
    another tongue.
    """

    id: str
    kind: str
    title: str
    start: str | None
    end: str | None
    date_certainty: str | None
    municipal_role: str | None
    sectors: tuple[str, ...]
    goals: str | None
    indicators: str | None
    source: str
    participants: tuple[tuple[str, str], ...]
    tie_ids: tuple[str, ...]
    agreement_id: str | None = None
    ongoing: bool = False
    verified_on: str | None = None
    title_nb: str | None = None

    @property
    def dated(self) -> bool:
        """True when the activity has a date the registry can place in time."""
        return bool(self.start) and dates.is_partial_date(str(self.start))

    def span(self) -> tuple[date, date] | None:
        """Return ``(first day, last day)`` the activity may have covered, or None when undated."""
        if not self.dated:
            return None
        first = dates.earliest(str(self.start))
        if self.end and dates.is_partial_date(self.end):
            return first, dates.latest(self.end)
        last = dates.latest(str(self.start))
        confirmed = self.verified
        if self.ongoing and confirmed is not None and confirmed > last:
            last = confirmed  # ongoing per its source: confirmed up to when the source was last read
        return first, last

    @property
    def verified(self) -> date | None:
        """Return the day the source was last found to hold (``verified_on``), or None."""
        v = self.verified_on
        return dates.latest(str(v)) if v and dates.is_partial_date(str(v)) else None

    def confirmed_until(self, as_of: date) -> date | None:
        """Return the last day the activity is confirmed on, never after ``as_of``; None when undated or not begun."""
        span = self.span()
        if span is None or span[0] > as_of:
            return None
        return min(span[1], as_of)

    def in_force(self, day: date) -> bool:
        """Return True when the activity runs on ``day``: begun, and not ended (an ongoing one runs until it ends)."""
        span = self.span()
        if span is None or span[0] > day:
            return False
        if self.ongoing and not self.end:
            return True
        return span[1] >= day


def activity_ref(row: dict[str, Any]) -> ActivityRef:
    """Return an :class:`ActivityRef` for one activity of a :class:`~registry.network.graph.Snapshot`."""
    return ActivityRef(
        id=row["id"],
        kind=row["kind"],
        title=row["title"],
        start=row.get("start"),
        end=row.get("end"),
        date_certainty=row.get("date_certainty"),
        municipal_role=row.get("municipal_role"),
        sectors=tuple(s for s in (row.get("sectors") or "").split(";") if s),
        goals=row.get("goals"),
        indicators=row.get("indicators"),
        source=row.get("source") or "",
        participants=tuple(row.get("participants", ())),
        tie_ids=tuple(row.get("tie_ids", ())),
        agreement_id=row.get("agreement_id"),
        ongoing=bool(row.get("ongoing")) and not row.get("end"),
        verified_on=row.get("verified_on"),
        title_nb=row.get("title_nb"),
    )


def evidence_id(ref: ActivityRef) -> str:
    """Return the evidence id of an activity, as reasons cite it ('activity:<id>')."""
    return f"activity:{ref.id}"


def _activity_index(ctx: Context) -> dict[str, Any]:
    # Built once per context: every sister city asks, and a large registry has thousands of each.
    hit = ctx.__dict__.get("_activity_index")
    if hit is not None:
        return hit
    by_tie: dict[str, list[ActivityRef]] = {}
    by_place: dict[str, list[ActivityRef]] = {}
    local = ctx.local
    for row in ctx.snap.activities:
        ref = activity_ref(row)
        span = ref.span()
        if span is not None and span[0] > ctx.as_of:
            continue
        if span is None and ref.verified is not None and ref.verified > ctx.as_of:
            continue  # an unknown start is not there before anything dates it: its source was read later
        for tid in ref.tie_ids:
            by_tie.setdefault(tid, []).append(ref)
        ids = [e for e, _ in ref.participants]
        with_local = [e for e in ids if e in local]
        places = {p for e in ids if e in ctx.full for p in (e, ctx.place(e)) if p}
        for place in places:
            by_place.setdefault(place, []).append((ref, frozenset(with_local)))  # type: ignore[arg-type]
    hit = {"tie": by_tie, "place": by_place}
    ctx.__dict__["_activity_index"] = hit
    return hit


def activities_for(ctx: Context, tie: Tie) -> list[ActivityRef]:
    """Return the activities that count for a sister-city tie (home -> city) by ``ctx.as_of``, newest first.

    An activity counts when it is linked to the tie, or when the city (or a body
    located in it) takes part together with a local actor. Activities that began
    after the date do not count yet; undated ones count (their date is unknown,
    not absent) from the day their source was read, or always when that is not
    recorded, and sort last.
    """
    index = _activity_index(ctx)
    found: dict[str, ActivityRef] = {r.id: r for r in index["tie"].get(tie.id, ())}
    for ref, with_local in index["place"].get(tie.v, ()):
        if with_local or tie.u in {e for e, _ in ref.participants}:
            found.setdefault(ref.id, ref)
    return sorted(found.values(), key=_newest_first)


def _newest_first(ref: ActivityRef) -> tuple[int, int, str]:
    span = ref.span()
    return (0, -span[1].toordinal(), ref.id) if span else (1, 0, ref.id)


def in_window(ref: ActivityRef, first: date, last: date) -> bool:
    """Return True when a dated activity covered some day between ``first`` and ``last``."""
    span = ref.span()
    return span is not None and span[0] <= last and span[1] >= first


def last_contact(refs: list[ActivityRef]) -> ActivityRef | None:
    """Return the most recent dated activity of ``refs`` (the last documented contact), or None."""
    dated = [r for r in refs if r.dated]
    return min(dated, key=_newest_first) if dated else None


@dataclass(frozen=True)
class LastConfirmed:
    """When a relation's activity was last confirmed, and how.

    ``how`` is 'dated' (the latest dated row: its end, or its start) or 'ongoing'
    (an ongoing activity's ``verified_on``, capped at the date of the view: then
    ``capped`` is True); ``on`` is that day as ISO text for an ongoing activity and
    the recorded partial date for a dated row; ``activity`` the row itself.
    """

    on: str
    year: int
    how: str
    activity: ActivityRef
    capped: bool = False


def last_confirmed(refs: list[ActivityRef], as_of: date) -> LastConfirmed | None:
    """Return the :class:`LastConfirmed` of ``refs`` by ``as_of``: the latest dated row or ongoing activity; None when none is dated."""
    best: tuple[date, ActivityRef] | None = None
    for r in refs:
        day = r.confirmed_until(as_of)
        if day is not None and (best is None or day > best[0]):
            best = (day, r)
    if best is None:
        return None
    day, ref = best
    if ref.ongoing and ref.verified is not None and day > dates.latest(str(ref.start)):
        capped = ref.verified > as_of
        return LastConfirmed(day.isoformat(), day.year, "ongoing", ref, capped)
    recorded = ref.end if ref.end and dates.is_partial_date(ref.end) else str(ref.start)
    if day < dates.latest(recorded):
        recorded = day.isoformat()  # a span running past the date of the view is confirmed up to that date
    return LastConfirmed(recorded, day.year, "dated", ref)
