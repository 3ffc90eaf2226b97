"""The four-category review of sister cities: which category the evidence supports, and why.

The criteria, their order and the strategy sentences behind them live in
:mod:`registry.rules`; :mod:`registry.review.criteria` looks up the evidence.
This module turns it into suggestions and compares each with the category the
council assigned (the latest decision). Where the registry holds no activity for
a relation, the suggestion is *not enough data*, never a category.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

import pandas as pd

from .. import dates, thresholds
from .. import rules as R
from ..analysis.context import Context, Tie, prepare
from ..analysis.twinning import twinning_status
from ..collector import collector_paused
from ..message import Message, render
from ..network.graph import Snapshot
from .criteria import Evaluation, carried_by_others, describe, evaluate, evaluate_relation, solidarity_ties
from .decisions import (
    decision_history,
    financing_plan,
    financing_sums,
    financing_table,
    financing_totals,
    record_decision,
    relation_plan_lines,
)
from .facts import NO_DECISION, Ended, Note, Reason, Suggestion, TwinningDecision, describe_activity

__all__ = [
    "Reason",
    "Note",
    "Suggestion",
    "TwinningDecision",
    "Ended",
    "NO_DECISION",
    "suggest",
    "ended",
    "frame",
    "FRAME_COLUMNS",
    "evaluate",
    "carried_by_others",
    "solidarity_ties",
    "decision_history",
    "financing_plan",
    "financing_totals",
    "financing_table",
    "financing_sums",
    "record_decision",
]

Source = sqlite3.Connection | Snapshot | Context


def _reason(
    code: str, category: str, met: bool, evidence: tuple[str, ...], ctx: Context, names: dict[str, Message], since: int | None
) -> Reason:
    years = int(ctx.rules["dormant_years"])
    if code == "quiet_since" and not met and not evidence:
        # Neither recent nor earlier dated activity: say that, not "activity registered".
        return Reason(code, category, met, Message("criterion.quiet_since.undated"), evidence)
    ev = [names[e] for e in evidence] or [Message("review.none")]
    params = {"evidence": ev, "years": years, "since": since if since is not None else "?"}
    return Reason(code, category, met, Message(f"criterion.{code}.{'met' if met else 'unmet'}", params), evidence)


def _notes(ctx: Context, city: str, ev: Evaluation, names: dict[str, Message]) -> tuple[Note, ...]:
    sol = solidarity_ties(ctx, city)
    notes = []
    for key, code in (("one_way", "note.one_way_solidarity"), ("unknown", "note.reciprocity_unknown")):
        if sol[key]:
            ids = tuple(t.id for t in sol[key])
            notes.append(Note("one_way_solidarity", Message(code, {"ties": [describe(ctx, i) for i in ids]}), ids))
    unverified = [a for a in ev.activities if a.ongoing and a.dated and not a.verified_on]
    if unverified:
        # The source says it goes on, but nobody has recorded reading it since: say so rather than
        # count it as confirmed only in its first year without a word.
        ids = tuple(f"activity:{a.id}" for a in unverified)
        notes.append(
            Note(
                "ongoing_unverified",
                Message(
                    "note.ongoing_unverified",
                    {"what": [Message("review.dated_name", {"name": describe_activity(a), "start": a.start}) for a in unverified]},
                ),
                ids,
            )
        )
    undated = [a for a in ev.activities if not a.dated]
    if undated:
        ids = tuple(f"activity:{a.id}" for a in undated)
        notes.append(Note("undated_activity", Message("note.undated_activity", {"n": len(undated)}), ids))
    return tuple(notes)


def _suggest_one(ctx: Context, tie: Tie) -> Suggestion:
    ev = evaluate_relation(ctx, tie)
    results = ev.results
    suggested = "unclassified"
    for rule in R.CATEGORY_RULES:
        if all(any(results[c][0] for c in group) for group in rule.requires):
            suggested = rule.category
            break
    if (
        suggested == "unclassified"
        and not any(a.dated for a in ev.activities)
        and ev.since is None
        and not results["quiet_since"][1]
        and not any(met for met, _ in results.values())
    ):
        # Nothing registered that can be placed in time, and no criterion met by an agreement or tie
        # in force either: no category can be read from it.
        suggested = R.NOT_ENOUGH_DATA
    ids = {e for r in results.values() for e in r[1]}
    names = {e: describe(ctx, e) for e in sorted(ids)}
    names.update({c: Message("review.name", dict(zip(("nb", "en"), ctx.names(c)))) for c in ev.carriers})
    seen: dict[str, str] = {}
    for rule in sorted(R.CATEGORY_RULES, key=lambda r: r.category != suggested):
        for group in rule.requires:
            for code in group:
                seen.setdefault(code, rule.category)
    for c in R.CRITERIA:  # criteria that frame a category without being required (no recent activity)
        seen.setdefault(c.code, c.quote)
    reasons = tuple(_reason(code, cat, *results[code], ctx, names, ev.since) for code, cat in seen.items())
    decisions = ctx.decisions_for(tie.id)
    assigned = decisions[-1]["category"] if decisions else "unclassified"
    agreement: str | None
    if not decisions:
        agreement = "unclassified"  # no decision to compare with
    elif suggested == R.NOT_ENOUGH_DATA:
        agreement = None  # no suggestion to agree or disagree with
    else:
        agreement = "agree" if assigned == suggested else "disagree"
    status, acting = twinning_status(ctx.decisions_for(tie.id, kind=None), ctx.as_of)
    first, _ = ctx.window()
    return Suggestion(
        tie_id=tie.id,
        home_id=tie.u,
        city_id=tie.v,
        city_name=ctx.names(tie.v)[0],
        country_code=ctx.full.nodes[tie.v].get("country_code"),
        suggested=suggested,
        assigned=assigned,
        assigned_on=str(decisions[-1]["decided_on"]) if decisions else None,
        agreement=agreement,
        reasons=reasons,
        notes=_notes(ctx, tie.v, ev, names),
        activities=ev.activities,
        records=ev.records,
        role=ev.role,
        carriers=ev.carriers,
        since=ev.since,
        start=tie.attrs.get("start"),
        start_certainty=tie.attrs.get("start_certainty"),
        names=tuple(names.items()),
        decided=bool(decisions),
        state=ev.state,
        last_confirmed=ev.last,
        role_year=ev.role_year,
        status=status,
        status_decision=TwinningDecision.of(acting) if acting is not None and status == "suspended" else None,
        financing=_financing(ctx, tie),
        years=int(ctx.rules["dormant_years"]),
        window_start=first.year,
    )


def _relation_index(ctx: Context) -> dict[str, Any]:
    # Built once per context: the review asks per sister city, and a large registry has thousands of
    # decisions, activities and budget lines; scanning them all per city would be quadratic.
    hit = ctx.__dict__.get("_relation_index")
    if hit is None:
        first: dict[str, date] = {}
        acts_of: dict[str, list[dict[str, Any]]] = {}

        def dated(key: str, text: Any) -> None:
            if text and dates.is_partial_date(str(text)):
                day = dates.earliest(str(text))
                if key not in first or day < first[key]:
                    first[key] = day

        for d in ctx.snap.decisions:
            if d.get("tie_id"):
                dated(d["tie_id"], d.get("decided_on"))
        for a in ctx.snap.activities:
            for tid in a.get("tie_ids", ()):
                dated(tid, a.get("start"))
                acts_of.setdefault(tid, []).append(a)
        signed = {row["id"]: row.get("signed_on") for row in ctx.snap.agreements}
        lines_of: dict[str, list[dict[str, Any]]] = {}
        for p in ctx.snap.plan_lines:
            for key in (p.get("tie_id"), p.get("activity_id") and f"activity:{p['activity_id']}"):
                if key:
                    lines_of.setdefault(key, []).append(p)
        hit = {"first": first, "acts_of": acts_of, "signed": signed, "lines_of": lines_of}
        ctx.__dict__["_relation_index"] = hit
    return hit


def _financing(ctx: Context, tie: Tie) -> pd.DataFrame:
    """Return the budget lines of the relation: on the tie and on its linked activities (see :func:`relation_plan_lines`)."""
    index = _relation_index(ctx)
    acts = index["acts_of"].get(tie.id, [])
    lines = list(index["lines_of"].get(tie.id, []))
    for a in acts:
        lines += [p for p in index["lines_of"].get(f"activity:{a['id']}", []) if p not in lines]
    return relation_plan_lines(lines, acts, tie.id)


def _dated_by(ctx: Context, tie: Tie) -> date | None:
    """Return the first day anything dates a tie without a start: its source read, an activity, a decision, an agreement."""
    index = _relation_index(ctx)
    days = [index["first"][tie.id]] if tie.id in index["first"] else []
    for text in (tie.attrs.get("verified_on"), index["signed"].get(tie.attrs.get("agreement_id") or "")):
        if text and dates.is_partial_date(str(text)):
            days.append(dates.earliest(str(text)))
    return min(days) if days else None


def _counts(ctx: Context, tie: Tie) -> bool:
    """Return True when a sister tie is in the review on the date: not ended by a decision, and dated by then."""
    if twinning_status(ctx.decisions_for(tie.id, kind=None), ctx.as_of)[0] == "ended":
        return False
    start = tie.attrs.get("start")
    if start and dates.is_partial_date(str(start)):
        return True
    # An unknown start is not in force before anything dates it; with nothing at all, its date is unknown.
    first = _dated_by(ctx, tie)
    return first is None or first <= ctx.as_of


def suggest(
    source: Source, as_of: date | str | int | None = None, rules: thresholds.Rules = thresholds.DEFAULT_RULES, home_id: str | None = None
) -> list[Suggestion]:
    """Return one :class:`Suggestion` per sister-city tie that counts on ``as_of``, by city name.

    ``source`` is a connection, a :class:`~registry.network.graph.Snapshot` or a prepared
    context; ``as_of`` defaults to today (a year means its last day). A twinning
    ended by a decision taken by the date is not reviewed (see :func:`ended`); a
    suspended one is, with its status.

    >>> from registry import connect
    >>> suggest(connect(":memory:"), as_of=2020)
    []
    """
    # Only allocation happens here; the collector's full passes over a large graph would dominate.
    with collector_paused():
        ctx = prepare(source, as_of, rules, home_id)
        return [_suggest_one(ctx, t) for t in ctx.sister_ties if _counts(ctx, t)]


def ended(
    source: Source, as_of: date | str | int | None = None, rules: thresholds.Rules = thresholds.DEFAULT_RULES, home_id: str | None = None
) -> list[Ended]:
    """Return the home's twinnings ended by ``as_of``, by city name: by an end decision, or as recorded on the tie.

    A twinning that had not begun by the date is not listed.
    """
    ctx = prepare(source, as_of, rules, home_id)
    home = ctx.home
    out = []
    for u, v, k, a in ctx.full.edges(keys=True, data=True):
        if a.get("kind") != "sister_city" or home not in (u, v) or u == v:
            continue
        if v == home:
            u, v = v, u
        start = a.get("start")
        if start and dates.is_partial_date(str(start)) and dates.earliest(str(start)) > ctx.as_of:
            continue
        status, decision = twinning_status(ctx.decisions_for(k, kind=None), ctx.as_of)
        end = a.get("end")
        if status == "ended" and decision is not None:
            out.append(
                Ended(
                    k,
                    u,
                    v,
                    ctx.names(v)[0],
                    ctx.full.nodes[v].get("country_code"),
                    str(decision["decided_on"]),
                    TwinningDecision.of(decision),
                    start,
                )
            )
        elif k not in ctx.active_ids and (a.get("status") == "ended" or end):
            if end and dates.is_partial_date(str(end)) and dates.latest(str(end)) >= ctx.as_of:
                continue
            out.append(Ended(k, u, v, ctx.names(v)[0], ctx.full.nodes[v].get("country_code"), end, None, start))
    return sorted(out, key=lambda e: (e.city_name.casefold(), e.tie_id))


#: Columns of :func:`frame`, in order (codes are stable; labels are added only on request).
FRAME_COLUMNS: tuple[str, ...] = (
    "tie_id",
    "home_id",
    "city_id",
    "city_name",
    "country_code",
    "suggested",
    "assigned",
    "assigned_on",
    "agreement",
    "reason_nb",
    "reason_en",
    "criteria_met",
    "criteria_unmet",
    "notes_nb",
    "notes_en",
    "evidence",
    "activities",
    "last_contact_on",
    "last_contact_kind",
    "last_contact_title",
    "last_contact_source",
    "role",
    "carriers",
    "records",
    "start",
    "start_certainty",
    "state",
    "last_confirmed_on",
    "last_confirmed_how",
    "role_year",
    "status",
    "planned_nok",
    "actual_nok",
)


def frame(suggestions: list[Suggestion]) -> pd.DataFrame:
    """Return the suggestions as a DataFrame, one row per sister city (:data:`FRAME_COLUMNS`).

    The code columns keep stable codes (agreement is empty without a suggestion); the reasons and
    notes are in bokmål and English. :func:`registry.render.labels.sister_frame` adds labels for display.
    """
    rows = []
    for s in suggestions:
        last = s.last_contact
        lc = s.last_confirmed
        money = financing_sums(s.financing) if s.financing is not None else {"planned": 0, "actual": 0}
        rows.append(
            {
                "tie_id": s.tie_id,
                "home_id": s.home_id,
                "city_id": s.city_id,
                "city_name": s.city_name,
                "country_code": s.country_code,
                "suggested": s.suggested,
                "assigned": s.assigned,
                "assigned_on": s.assigned_on,
                "agreement": s.agreement,
                "reason_nb": render(s.explanation_message, "nb"),
                "reason_en": render(s.explanation_message, "en"),
                "criteria_met": ";".join(dict.fromkeys(r.criterion for r in s.met)),
                "criteria_unmet": ";".join(dict.fromkeys(r.criterion for r in s.unmet)),
                "notes_nb": " | ".join(n.text_nb for n in s.notes),
                "notes_en": " | ".join(n.text_en for n in s.notes),
                "evidence": ";".join(s.evidence),
                "activities": len(s.activities),
                "last_contact_on": lc.on if lc else None,
                "last_contact_kind": last.kind if last else None,
                "last_contact_title": last.title if last else None,
                "last_contact_source": last.source if last else None,
                "role": s.role,
                "carriers": ";".join(s.carriers),
                "records": s.records,
                "start": s.start,
                "start_certainty": s.start_certainty,
                "state": s.state,
                "last_confirmed_on": lc.on if lc else None,
                "last_confirmed_how": lc.how if lc else None,
                "role_year": s.role_year,
                "status": s.status,
                "planned_nok": money["planned"],
                "actual_nok": money["actual"],
            }
        )
    return pd.DataFrame(rows, columns=list(FRAME_COLUMNS))
