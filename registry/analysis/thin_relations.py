"""Thin sister-city relations: what is registered for each twinning against the sectors agreed for it."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from .. import dates, thresholds, vocab
from .. import rules as R
from ..i18n.findings import or_list
from ..message import Message
from .context import Context, Tie
from .evidence import ActivityRef, evidence_id
from .places import local_participants, place_activities
from .rows import Found, gone, names, row, terms

__all__ = ["agreed_sectors", "thin_relation"]


def _in_force(ctx: Context, ag: dict[str, Any]) -> bool:
    """Return True when an agreement is in force on the date: not ended or suspended, signed by then."""
    if ag.get("status") in ("ended", "suspended"):
        return False
    ended, signed = ag.get("ended_on"), ag.get("signed_on")
    if ended and dates.is_partial_date(str(ended)) and dates.latest(str(ended)) <= ctx.as_of:
        return False
    return not (signed and dates.is_partial_date(str(signed)) and dates.earliest(str(signed)) > ctx.as_of)


def _agreement_index(ctx: Context) -> tuple[dict[str, dict[str, Any]], dict[str, list[dict[str, Any]]]]:
    """Return the agreements by id and by party, built once per context (asked for every sister city)."""
    hit = ctx.__dict__.get("_agreement_index")
    if hit is None:
        by_id = {ag["id"]: ag for ag in ctx.snap.agreements}
        by_party: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for ag in ctx.snap.agreements:
            for e in dict.fromkeys(e for e, _ in ag.get("parties", ())):
                by_party[e].append(ag)
        hit = ctx.__dict__["_agreement_index"] = (by_id, dict(by_party))
    return hit


def agreed_sectors(ctx: Context, tie: Tie) -> tuple[list[str], list[str]]:
    """Return ``(sectors, agreement ids)``: the sectors agreed for a sister-city tie, in the vocabulary's order.

    The tie's own ``sectors`` and those of the agreements in force behind it:
    the one the tie names (``agreement_id``) and any that has both its ends as
    parties. Empty when nothing is agreed (then no sector is asked for).
    """
    found = set(filter(None, (tie.attrs.get("sectors") or "").split(";")))
    by_id, by_party = _agreement_index(ctx)
    named = tie.attrs.get("agreement_id")
    candidates = ([by_id[named]] if named in by_id else []) + by_party.get(tie.v, [])
    used = []
    for ag in candidates:
        if ag["id"] in used:
            continue
        parties = {e for e, _ in ag.get("parties", ())}
        if (ag["id"] == named or {tie.u, tie.v} <= parties) and _in_force(ctx, ag):
            found.update(filter(None, (ag.get("sectors") or "").split(";")))
            used.append(ag["id"])
    order = [t.code for t in vocab.SECTORS]
    return sorted(found, key=lambda s: (order.index(s) if s in order else len(order), s)), used


def _history_ties(ctx: Context, place: str, skip: str) -> list[Tie]:
    """Return the activity ties at ``place`` begun by the date (any end), other than ``skip``."""
    out = []
    for t in ctx.history_place_ties.get(place, []):
        start = t.attrs.get("start")
        if t.id == skip or t.attrs.get("kind") in R.NOT_ACTIVITY_TIE_KINDS:
            continue
        if start and dates.is_partial_date(start) and dates.earliest(start) > ctx.as_of:
            continue
        out.append(t)
    return out


def _last_dated(acts: list[ActivityRef]) -> int | None:
    """Return the year the last dated activity ended, None when none is dated."""
    spans = [a.span() for a in acts if a.dated]
    return max(s[1].year for s in spans if s) if spans else None


def thin_relation(ctx: Context) -> Found:
    """Sister cities whose relation is thin in the registry: one finding per relation, or one for all empty ones.

    A relation is thin when nothing beyond the twinning is registered (no
    activity, no other tie), when only the municipality is registered as a local
    actor, or when sectors agreed for it (:func:`agreed_sectors`) have no
    registered activity. Relations with nothing registered are gathered in one
    summary row when there are several. No sector is asked for where none is
    agreed: strategy 2a develops the agreements "innen prioriterte områder".
    """
    home = ctx.home
    away = gone(ctx)
    acts_at = place_activities(ctx)
    wanted = or_list(terms("entity_kinds", R.COVERAGE_ACTOR_KINDS))
    empty: list[Tie] = []
    rows = []
    for tie in ctx.sister_ties:
        city = tie.v
        if city in away:
            continue
        acts = acts_at.get(city, [])
        others = _history_ties(ctx, city, tie.id)
        if not acts and not others:
            empty.append(tie)
            continue
        actors = (set(ctx.place_actors.get(city, {})) | local_participants(ctx, acts)) - away
        besides = sorted(actors - {home})
        agreed, agreements = agreed_sectors(ctx, tie)
        done = {s for a in acts for s in a.sectors}
        done.update(s for t in others for s in (t.attrs.get("sectors") or "").split(";") if s)
        missing = [s for s in agreed if s not in done]
        if besides and not missing:
            continue
        last = _last_dated(acts)
        undated = sum(1 for a in acts if not a.dated)
        had = [Message("finding.thin.acts", {"n": len(acts)})] if acts else []
        if others:
            had.append(Message("finding.thin.ties", {"n": len(others)}))
        if last and undated:
            when = Message("finding.thin.last_dated_undated", {"year": last, "undated": undated})
        elif last:
            when = Message("finding.thin.last_dated", {"year": last})
        else:
            when = Message("finding.thin.none_dated")
        steps = []
        if not besides:
            who = Message("finding.thin.only_home", {"home": ctx.label(home) if home else "", "wanted": wanted})
            steps.append(Message("finding.thin.next_actors"))
        else:
            who = Message("finding.thin.actors", {"actors": names(ctx, sorted(actors))})
        if missing:
            sectors = Message("finding.thin.missing", {"agreed": terms("sectors", agreed), "missing": terms("sectors", missing)})
            steps.insert(0, Message("finding.thin.next_missing", {"missing": terms("sectors", missing), "city": ctx.label(city)}))
        elif agreed:
            sectors = Message("finding.thin.all_done", {"agreed": terms("sectors", agreed)})
        else:
            sectors = Message("finding.thin.none_agreed")
        parts = {
            "head": Message("finding.thin.head", {"city": ctx.label(city), "had": had, "when": when}),
            "actors": who,
            "sectors": sectors,
        }
        message = (
            Message("finding.thin.relation_two", {**parts, "first": steps[0], "second": steps[1]})
            if len(steps) == 2
            else Message("finding.thin.relation", {**parts, "next": steps[0]})
        )
        rows.append(
            row(
                "thin_relation",
                city,
                ctx.label(city),
                "medium" if missing else "low",
                message,
                [tie.id, *agreements, *(evidence_id(a) for a in acts), *(t.id for t in others)],
                score=len(missing) + (0 if besides else 1),
            )
        )
    if empty:
        rows.append(_nothing_registered(ctx, empty))
    return Found(rows)


def _nothing_registered(ctx: Context, ties: list[Tie]) -> dict[str, Any]:
    """Return the row for sister cities with nothing registered beyond the twinning: one city's, or a summary."""
    cities = [t.v for t in ties]
    if len(cities) == 1:
        return row(
            "thin_relation",
            cities[0],
            ctx.label(cities[0]),
            "medium",
            Message("finding.thin.nothing_one", {"city": ctx.label(cities[0])}),
            [ties[0].id],
            score=1,
        )
    n = len(cities)
    return row(
        "thin_relation",
        ";".join(cities),
        Message("finding.thin.many_subject", {"n": n}),
        "medium",
        Message(
            "finding.thin.nothing_many", {"n": n, "cities": names(ctx, cities, int(thresholds.threshold("thin_summary_names_listed")))}
        ),
        [t.id for t in ties],
        score=n,
    )
