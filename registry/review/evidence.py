"""The record of activity behind a relation: which activities count for a sister city, and the last contact."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from .. import dates
from ..analysis.context import Context, Tie

__all__ = ["ActivityRef", "activity_ref", "activities_for", "in_window", "last_contact", "evidence_id"]


@dataclass(frozen=True)
class ActivityRef:
    """One registered activity as evidence: what, when (as recorded), who, and where it is documented.

    ``start`` is the recorded partial date text, or None when no source gives the
    date; ``participants`` is ``((entity id, role), ...)``.
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

    @property
    def dated(self) -> bool:
        """True when the activity has a date the registry can place in time."""
        return bool(self.start) and dates.is_partial_date(str(self.start))

    def span(self) -> tuple[date, date] | None:
        """Return ``(first day, last day)`` the activity may have covered, or None when undated."""
        if not self.dated:
            return None
        last = self.end if self.end and dates.is_partial_date(self.end) else self.start
        return dates.earliest(str(self.start)), dates.latest(str(last))


def activity_ref(row: dict[str, Any]) -> ActivityRef:
    """Return an :class:`ActivityRef` for one activity of a :class:`~registry.graph.Snapshot`."""
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
    after the date do not count yet; undated ones always count (their date is
    unknown, not absent) and sort last.
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
