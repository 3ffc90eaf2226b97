"""The criteria of the sister-city review evaluated for one relation: what the registry holds, criterion by criterion.

The criteria, their texts and the strategy sentences they read are declared in
:mod:`registry.rules`; this module only looks up the evidence for each.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .. import dates
from .. import rules as R
from ..analysis.activity import recent_activity, solidarity_reciprocity
from ..analysis.context import Context, Tie, running
from ..analysis.evidence import ActivityRef, LastConfirmed, activities_for, evidence_id, last_confirmed
from ..analysis.evidence import in_window as activity_in_window
from ..message import Message

__all__ = ["Evaluation", "evaluate_relation", "evaluate", "solidarity_ties", "describe", "carried_by_others"]

#: Agreement kinds that are project agreements (strategy 2a: "strategiske samarbeidsavtaler").
PROJECT_AGREEMENT_KINDS = frozenset({"project_agreement", "cooperation_agreement"})


@dataclass(frozen=True)
class Evaluation:
    """Every criterion for one sister-city tie, and what frames it (strategy 2c).

    ``results`` maps a criterion code to ``(met, evidence ids)``. ``records`` is
    how many activity records the registry holds for the relation (activities and
    ties other than the twinning itself, at any time up to the date). ``role`` is a
    code of :data:`registry.rules.ROLES`; ``carriers`` the entities that carry the
    contact; ``since`` the year of the last confirmed record (None when none is
    dated); ``last`` the last confirmed activity; ``role_year`` the year the role
    was last seen (None when nothing dates it); ``state`` a code of
    :data:`registry.rules.STATES`.
    """

    results: dict[str, tuple[bool, tuple[str, ...]]]
    activities: tuple[ActivityRef, ...]
    records: int
    role: str
    carriers: tuple[str, ...]
    since: int | None
    last: LastConfirmed | None = None
    role_year: int | None = None
    state: str = "recent_activity"


def solidarity_ties(ctx: Context, place: str) -> dict[str, list[Tie]]:
    """Return the running ties at ``place`` carried by voluntary organisations, by reciprocity.

    Keys are 'two_way', 'one_way' and 'unknown' (reciprocity not recorded).
    """
    out: dict[str, list[Tie]] = {"two_way": [], "one_way": [], "unknown": []}
    for t in ctx.place_ties.get(place, []):
        rec = solidarity_reciprocity(ctx, t)
        if rec is not None:
            out[rec].append(t)
    return out


def _ids(ties: list[Tie]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t.id for t in ties))


def _act_ids(refs: list[ActivityRef]) -> tuple[str, ...]:
    return tuple(evidence_id(a) for a in refs)


def _money_and_agreements(ctx: Context) -> dict[str, dict[str, list[dict[str, Any]]]]:
    # Built once per context: the review asks per sister city, a large registry has thousands.
    hit = ctx.__dict__.get("_review_index")
    if hit is None:
        hit = {"agreements_of": {}, "lines_of_tie": {}, "lines_of_activity": {}}
        for ag in ctx.snap.agreements:
            for e, _ in ag.get("parties", ()):
                hit["agreements_of"].setdefault(e, []).append(ag)
        for line in ctx.snap.plan_lines:
            if line.get("tie_id"):
                hit["lines_of_tie"].setdefault(line["tie_id"], []).append(line)
            if line.get("activity_id"):
                hit["lines_of_activity"].setdefault(line["activity_id"], []).append(line)
        ctx.__dict__["_review_index"] = hit
    return hit


def _agreement_in_force(ag: dict[str, Any], day: Any) -> bool:
    """Return True when an agreement is signed by ``day`` (or its source read by then, when undated) and not ended."""
    if ag.get("status") in ("ended", "suspended"):
        return False
    ended = ag.get("ended_on")
    if ended and dates.is_partial_date(str(ended)) and dates.earliest(str(ended)) <= day:
        return False
    signed = ag.get("signed_on") or ag.get("verified_on")  # an unknown date is not in force before anything dates it
    return not (signed and dates.is_partial_date(str(signed)) and dates.earliest(str(signed)) > day)


def _project(ctx: Context, tie: Tie, now: list[Tie], acts: list[ActivityRef]) -> dict[str, tuple[bool, tuple[str, ...]]]:
    # Strategy 2c.1 reads relations that *build on* project agreements: only what is in force on the
    # date counts; a project that ended last year is history, not a basis.
    day = ctx.as_of
    projects = [t for t in now if t.attrs.get("kind") in R.PROJECT_TIE_KINDS]
    with_goals = [t for t in projects if t.attrs.get("goals")]
    measured = [t for t in with_goals if t.attrs.get("indicators")]
    in_force = [
        ag
        for ag in _money_and_agreements(ctx)["agreements_of"].get(tie.v, ())
        if ag.get("kind") in PROJECT_AGREEMENT_KINDS and _agreement_in_force(ag, day)
    ]
    agreement_ids = {ag["id"] for ag in in_force}
    p_acts = [a for a in acts if (a.kind == "project" or a.agreement_id in agreement_ids) and a.in_force(day)]
    p_goals = [a for a in p_acts if a.goals]
    p_measured = [a for a in p_goals if a.indicators]
    agreements = tuple(f"agreement:{ag['id']}" for ag in in_force)
    return {
        "project_tie": (bool(projects or p_acts or agreements), _ids(projects) + _act_ids(p_acts) + agreements),
        "project_goals": (bool(with_goals or p_goals), _ids(with_goals) + _act_ids(p_goals)),
        "project_indicators": (bool(measured or p_measured), _ids(measured) + _act_ids(p_measured)),
    }


def _political(ctx: Context, tie: Tie, now: list[Tie], recent: list[ActivityRef]) -> dict[str, tuple[bool, tuple[str, ...]]]:
    decisions = ctx.decisions_for(tie.id)
    latest = decisions[-1] if decisions else None
    focus = latest is not None and latest["category"] == "political_focus"
    first_year = ctx.as_of.year - int(ctx.rules["dormant_years"])
    index = _money_and_agreements(ctx)
    candidates = list(index["lines_of_tie"].get(tie.id, ()))
    for a in recent:
        candidates += [p for p in index["lines_of_activity"].get(a.id, ()) if p not in candidates]
    lines = [p for p in candidates if (p["funder"] or "").strip().lower() != R.MUNICIPAL_FUNDER and (p["year"] or 0) >= first_year]
    funding = [
        t for t in now if t.attrs.get("kind") in R.FUNDING_TIE_KINDS or ctx.kind(t.u) in R.FUNDING_KINDS or ctx.kind(t.v) in R.FUNDING_KINDS
    ]
    funders = [a for a in recent if any(r == "funder" and e != tie.u for e, r in a.participants)]
    national = [t for t in now if any(ctx.kind(n) in R.NATIONAL_KINDS for n in (t.u, t.v, t.attrs.get("carrier_id")) if n)]
    n_acts = [a for a in recent if any(ctx.kind(e) in R.NATIONAL_KINDS for e, _ in a.participants)]
    fund_ids = tuple(dict.fromkeys(f"plan_line:{p['id']}" for p in lines)) + _ids(funding) + _act_ids(funders)
    return {
        "focus_decision": (focus, (f"decision:{latest['id']}",) if focus and latest else ()),
        "national_coordination": (bool(national or n_acts), _ids(national) + _act_ids(n_acts)),
        "external_funding": (bool(fund_ids), fund_ids),
    }


def _two_way_activities(ctx: Context, tie: Tie, acts: list[ActivityRef]) -> list[ActivityRef]:
    """Return the activities that show visitors came from each side; empty unless both sides did."""

    def side(e: str) -> str | None:
        if e == tie.u or e in ctx.local:
            return "home"
        if e == tie.v or (e in ctx.full and ctx.place(e) == tie.v):
            return "city"
        return None

    by_side: dict[str, list[ActivityRef]] = {"home": [], "city": []}
    for a in acts:
        for e, role in a.participants:
            s = side(e)
            if role == "visitor" and s is not None and a not in by_side[s]:
                by_side[s].append(a)
    if by_side["home"] and by_side["city"]:
        return by_side["home"] + [a for a in by_side["city"] if a not in by_side["home"]]
    return []


def carried_by_others(ctx: Context, a: ActivityRef) -> bool:
    """Return True when a voluntary organisation or association (local or foreign) carries activity ``a``.

    It carries it as the named carrier, or takes part as host, visitor or partner in
    an activity the municipality does not lead (a funder or a witness carries nothing).
    """
    for e, role in a.participants:
        if ctx.kind(e) not in R.SOLIDARITY_CARRIER_KINDS or role not in R.CARRYING_ROLES:
            continue
        if role == "carrier" or a.municipal_role != "active":
            return True
    return False


def _solidarity(ctx: Context, tie: Tie, recent: list[ActivityRef]) -> dict[str, tuple[bool, tuple[str, ...]]]:
    # Strategy 2c.3: what marks solidarity is that «aktiviteten gjerne også drives av andre for eksempel
    # frivillige organisasjoner og foreninger»; the two-way relation «bør» be required of it. Activity the
    # municipality leads and funds itself is not carried by others, however reciprocal.
    sol = solidarity_ties(ctx, tie.v)
    voluntary = sol["two_way"] + sol["one_way"] + sol["unknown"]
    v_acts = [a for a in recent if carried_by_others(ctx, a)]
    two_way_ties = sol["two_way"] + ([tie] if tie.attrs.get("reciprocity") == "two_way" else [])
    two_way = _two_way_activities(ctx, tie, recent)
    return {
        "two_way": (bool(two_way_ties or two_way), _ids(two_way_ties) + _act_ids(two_way)),
        "voluntary_carrier": (bool(voluntary or v_acts), _ids(voluntary) + _act_ids(v_acts)),
    }


def _year(start: Any) -> int | None:
    return dates.latest(str(start)).year if start and dates.is_partial_date(str(start)) else None


def _role(ctx: Context, tie: Tie, acts: list[ActivityRef], ties: list[Tie]) -> tuple[str, tuple[str, ...], int | None]:
    """Return the role code, the carriers and the year the role was last seen (None when nothing dates it)."""
    carriers = [c for c in [tie.attrs.get("carrier_id")] + [t.attrs.get("carrier_id") for t in ties] if c]
    carriers += [e for a in acts for e, r in a.participants if r == "carrier"]
    carriers += [n for t in ties for n in (t.u, t.v) if ctx.kind(n) in R.SOLIDARITY_CARRIER_KINDS]
    # The partner city is the counterpart, not someone carrying the home's contact with it.
    carriers = [c for c in dict.fromkeys(carriers) if c not in (tie.u, tie.v)]
    role = tie.attrs.get("municipal_role") or next((a.municipal_role for a in acts if a.municipal_role), None)
    if role == "active":
        # Seen where the municipality led or took part itself.
        seen = [a for a in acts if a.municipal_role == "active" or tie.u in {e for e, _ in a.participants}]
        code = "active"
    elif role == "facilitator":
        seen = [a for a in acts if a.municipal_role == "facilitator" or any(r == "carrier" for _, r in a.participants)]
        code = "facilitator"
    elif carriers:
        seen = [a for a in acts if any(e in carriers for e, _ in a.participants)]
        code = "others"
    else:
        return "unknown", (), None
    # An ongoing activity says the contact goes on, not who takes part in it now: the role is seen
    # on the dated rows only (an ongoing one at its start).
    years = [y for a in seen for y in (_year(a.end) or _year(a.start),) if y is not None and y <= ctx.as_of.year]
    return code, tuple(carriers), max(years) if years else None


def evaluate_relation(ctx: Context, tie: Tie) -> Evaluation:
    """Return the :class:`Evaluation` of one sister-city tie (home -> city) as of the context's date."""
    acts = activities_for(ctx, tie)
    first, last_day = ctx.window()
    recent_acts = [a for a in acts if activity_in_window(a, first, last_day)]
    now = [t for t in ctx.place_ties.get(tie.v, []) if t.attrs.get("kind") not in R.NOT_ACTIVITY_TIE_KINDS and running(t.attrs)]
    results: dict[str, tuple[bool, tuple[str, ...]]] = {}
    results.update(_project(ctx, tie, now, acts))
    results.update(_political(ctx, tie, now, recent_acts))
    results.update(_solidarity(ctx, tie, recent_acts))

    decisions = ctx.decisions_for(tie.id)
    latest = decisions[-1] if decisions else None
    dormant = latest is not None and latest["category"] == "dormant"
    results["dormant_decision"] = (dormant, (f"decision:{latest['id']}",) if dormant and latest else ())

    recent_ties, earlier_ties = recent_activity(ctx, tie.v)
    confirmed = last_confirmed(acts, ctx.as_of)
    years = [
        y
        for y in [_year(t.attrs.get("start")) for t in earlier_ties] + [_year(t.attrs.get("end")) for t in earlier_ties]
        if y is not None and y <= ctx.as_of.year
    ]
    if confirmed is not None:
        years.append(confirmed.year)
    since = max(years) if years else None
    quiet = not recent_ties and not recent_acts and since is not None
    if quiet:
        dated = [confirmed.activity] if confirmed is not None and confirmed.year == since else []
        results["quiet_since"] = (True, _act_ids(dated) or _ids(earlier_ties[-1:]))
    else:
        results["quiet_since"] = (False, _ids(recent_ties) + _act_ids(recent_acts))
    state = "no_recent_activity" if quiet else ("recent_activity" if recent_ties or recent_acts else R.NOT_ENOUGH_DATA)
    role, carriers, role_year = _role(ctx, tie, acts, now)
    records = len(acts) + len(recent_ties) + len(earlier_ties)
    return Evaluation(results, tuple(acts), records, role, carriers, since, confirmed, role_year, state)


def evaluate(ctx: Context, tie: Tie, activities: list[ActivityRef] | None = None) -> dict[str, tuple[bool, tuple[str, ...]]]:
    """Return ``{criterion code: (met, evidence ids)}`` for one sister-city tie (home -> city)."""
    return evaluate_relation(ctx, tie).results


def _index(ctx: Context) -> dict[str, Any]:
    # Built once per context: a review describes a few ids for each of many sister cities.
    hit = ctx.__dict__.get("_evidence_index")
    if hit is None:
        hit = {
            "activity": {a["id"]: a for a in ctx.snap.activities},
            "agreement": {a["id"]: a for a in ctx.snap.agreements},
            "decision": {str(d["id"]): d for d in ctx.snap.decisions},
            "plan_line": {str(p["id"]): p for p in ctx.snap.plan_lines},
            "tie": {k: (u, v, a) for u, v, k, a in ctx.full.edges(keys=True, data=True)},
        }
        ctx.__dict__["_evidence_index"] = hit
    return hit


def _title(row: dict[str, Any]) -> Message:
    """Return an activity's or agreement's title in bokmål and English: the Norwegian one where given, else the source's."""
    return Message("review.name", {"nb": row.get("title_nb") or row["title"], "en": row["title"]})


def _name(ctx: Context, n: str) -> Message:
    return Message("review.name", dict(zip(("nb", "en"), ctx.names(n))))


def describe(ctx: Context, eid: str) -> Message:
    """Return a reader's name for an evidence id as a message: an activity's title and year, a decision, a tie's ends.

    Ids the context does not know come back as a name that is the id itself.
    """
    kind, _, rid = eid.partition(":")
    index = _index(ctx)
    unknown = Message("review.year_unknown")
    if kind == "activity" and rid in index["activity"]:
        row = index["activity"][rid]
        ongoing = bool(row.get("ongoing")) and not row.get("end")
        return Message(
            "review.ev.ongoing" if ongoing else "review.ev.dated", {"title": _title(row), "year": _year(row.get("start")) or unknown}
        )
    if kind == "agreement" and rid in index["agreement"]:
        row = index["agreement"][rid]
        return Message("review.ev.dated", {"title": _title(row), "year": _year(row.get("signed_on")) or unknown})
    if kind == "decision" and rid in index["decision"]:
        row = index["decision"][rid]
        params = {"by": row["decided_by"], "on": row["decided_on"], "ref": row.get("case_ref")}
        return Message("review.ev.decision_ref" if row.get("case_ref") else "review.ev.decision", params)
    if kind == "plan_line" and rid in index["plan_line"]:
        row = index["plan_line"][rid]
        funder = row["funder"]
        if str(funder or "").strip().lower() == R.MUNICIPAL_FUNDER:
            funder = Message("review.municipal")
        return Message("review.ev.plan_line", {"funder": funder, "year": row["year"]})
    if eid in index["tie"]:
        u, v, a = index["tie"][eid]
        return Message("review.ev.tie", {"u": _name(ctx, u), "v": _name(ctx, v), "kind": a.get("kind")})
    return Message("review.name", {"nb": eid, "en": eid})
