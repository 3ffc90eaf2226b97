"""The four-category review of sister cities: which category the evidence supports, and why.

The criteria, their order and the strategy sentences behind them live in
:mod:`registry.rules`; :mod:`registry.review.criteria` looks up the evidence.
This module turns it into suggestions and compares each with the category the
council assigned (the latest decision). Where the registry holds no activity for
a relation, the suggestion is *not enough data*, never a category.
"""

from __future__ import annotations

import gc
import sqlite3
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pandas as pd

from .. import dates, rules as R, vocab
from ..analysis.context import Context, Tie, prepare
from ..graph import Snapshot
from ..i18n.render import Message, render
from .criteria import (
    Evaluation, carried_by_others, describe, evaluate, evaluate_relation, recent_activity, solidarity_reciprocity,
    solidarity_ties,
)
from .decisions import (
    decision_history, financing_plan, financing_sums, financing_table, financing_totals, record_decision,
    relation_plan_lines, twinning_status,
)
from .evidence import ActivityRef, LastConfirmed, last_contact

__all__ = [
    "Reason",
    "Note",
    "Suggestion",
    "TwinningDecision",
    "Ended",
    "NO_DECISION",
    "category_label",
    "suggest",
    "ended",
    "frame",
    "FRAME_COLUMNS",
    "evaluate",
    "carried_by_others",
    "solidarity_ties",
    "solidarity_reciprocity",
    "recent_activity",
    "decision_history",
    "financing_plan",
    "financing_totals",
    "financing_table",
    "financing_sums",
    "record_decision",
    "twinning_status",
]

Source = sqlite3.Connection | Snapshot | Context
#: The group of a relation the council has taken no category decision on (not a category it can choose).
NO_DECISION = "no_decision"
_NO_DECISION_LABEL = next({"nb": nb, "en": en} for code, nb, en in R.AGREEMENTS if code == "unclassified")  # one wording


def category_label(code: str | None, lang: str = "en") -> str:
    """Return the label of a category code in ``lang``, or of :data:`NO_DECISION` ('Ikke vedtatt' / 'No decision').

    >>> category_label(NO_DECISION, "nb"), category_label("unclassified", "nb")
    ('Ikke vedtatt', 'Ikke kategorisert')
    """
    if code == NO_DECISION:
        return _NO_DECISION_LABEL["nb" if lang == "nb" else "en"]
    return vocab.label("categories", code, lang)


class _Rendered:
    """A fact whose sentence is a :class:`Message`; ``text(lang)`` renders it (the only language choice)."""

    message: Message

    def text(self, lang: str = "en") -> str:
        """Return the message rendered in ``lang`` ('nb' or 'en')."""
        return render(self.message, lang)

    @property
    def text_nb(self) -> str:
        """The message in Norwegian."""
        return render(self.message, "nb")

    @property
    def text_en(self) -> str:
        """The message in English."""
        return render(self.message, "en")


@dataclass(frozen=True)
class Reason(_Rendered):
    """One criterion for one sister city: met or not, as a message (``criterion.<code>.met|unmet``), with the ids behind it."""

    criterion: str
    category: str
    met: bool
    message: Message
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class Note(_Rendered):
    """A finding about a relation that is not a category, e.g. one-way solidarity (a finding kind code), as a message."""

    kind: str
    message: Message
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class TwinningDecision:
    """A decision that ends, suspends or resumes a twinning, as the review shows it (``kind`` a decision kind code)."""

    id: Any
    kind: str
    decided_on: str
    decided_by: str
    case_ref: str | None
    reason: str
    scope: str | None = None
    review_on: str | None = None
    source: str | None = None

    @classmethod
    def of(cls, row: dict[str, Any]) -> "TwinningDecision":
        """Return the decision of a snapshot's decision row."""
        return cls(row.get("id"), row["kind"], str(row["decided_on"]), row.get("decided_by") or "", row.get("case_ref"),
                   row.get("reason") or "", row.get("scope"), row.get("review_on"), row.get("source"))

    @property
    def ref(self) -> Message:
        """Who decided when, and the case reference, as a message."""
        params = {"by": self.decided_by, "on": self.decided_on, "ref": self.case_ref}
        return Message("review.ev.decision_ref" if self.case_ref else "review.ev.decision", params)


@dataclass(frozen=True)
class Ended:
    """A twinning of the home that has ended by the date: by a decision, or as recorded on the tie.

    ``decision`` is the end decision (None when the tie was ended by hand or its
    end date passed without a decision in the registry); ``ended_on`` the day text.
    """

    tie_id: str
    home_id: str
    city_id: str
    city_name: str
    country_code: str | None
    ended_on: str | None
    decision: TwinningDecision | None = None
    start: str | None = None

    @property
    def message(self) -> Message:
        """What ended the twinning and when, as a message."""
        if self.decision is not None:
            d = self.decision
            return Message("review.ended.decision", {"on": d.decided_on, "decision": d.ref, "reason": d.reason})
        if self.ended_on:
            return Message("review.ended.status", {"on": self.ended_on})
        return Message("review.ended.status_undated")

    def text(self, lang: str = "en") -> str:
        """Return :attr:`message` rendered in ``lang``."""
        return render(self.message, lang)


def _chain(messages: list[Message]) -> Message | str:
    """Return ``messages`` joined by semicolons as one message ('' when there are none)."""
    if not messages:
        return ""
    out: Message = messages[-1]
    for m in reversed(messages[:-1]):
        out = Message("review.semicolon", {"a": m, "b": out})
    return out


@dataclass(frozen=True)
class Suggestion:
    """The suggested category of one sister-city tie, the assigned one, and the reasons, as facts.

    ``reasons`` lists every criterion of every category, met or not, the
    suggested category's first. ``decided`` says whether the council has taken
    a category decision; without one ``assigned`` is 'unclassified' (as before)
    but :attr:`assigned_group` is :data:`NO_DECISION` and :meth:`assigned_label`
    says 'Ikke vedtatt' / 'No decision', not 'Ikke kategorisert' (a decision the
    council can take). ``agreement`` is 'agree' or 'disagree' with a decision
    and a suggestion, 'unclassified' (labelled 'No decision') without a
    decision, and None with a decision but no suggestion ('not enough data').

    The texts are messages (:attr:`explanation_message`, :attr:`role_message`,
    :attr:`state_message`, :attr:`last_message`, each reason's and note's
    ``message``), rendered in nb or en by :func:`registry.i18n.render`.
    """

    tie_id: str
    home_id: str
    city_id: str
    city_name: str
    country_code: str | None
    suggested: str
    assigned: str
    assigned_on: str | None
    agreement: str | None
    reasons: tuple[Reason, ...]
    notes: tuple[Note, ...] = ()
    #: The activities registered for the relation by the date, newest first (undated last).
    activities: tuple[ActivityRef, ...] = ()
    #: How many activity records the registry holds for the relation (activities and ties).
    records: int = 0
    #: Who has the active role (a code of ``rules.ROLES``) and who carries the contact.
    role: str = "unknown"
    carriers: tuple[str, ...] = ()
    #: The year of the last confirmed record, and the twinning's start with its certainty.
    since: int | None = None
    start: str | None = None
    start_certainty: str | None = None
    #: The criteria's evidence ids and the carriers, named for readers: ``((id, message), ...)``.
    names: tuple[tuple[str, Message], ...] = ()
    #: Whether a category decision exists for the relation (on the date).
    decided: bool = False
    #: What the registry holds (a code of ``rules.STATES``) and the last confirmed activity.
    state: str = "recent_activity"
    last_confirmed: LastConfirmed | None = None
    #: The year the municipality's role was last seen (None when nothing dates it).
    role_year: int | None = None
    #: 'active' or 'suspended' (by the latest suspend or resume decision), and that decision.
    status: str = "active"
    status_decision: TwinningDecision | None = None
    #: The relation's budget lines, on the tie and on its activities (see :func:`decisions.financing_plan`).
    financing: pd.DataFrame | None = field(default=None, compare=False, hash=False, repr=False)
    #: The window in years (``dormant_years``) the review read recent activity in.
    years: int = 5
    #: The first year of that window.
    window_start: int | None = None

    @property
    def descriptions(self) -> tuple[tuple[str, str, str], ...]:
        """The names of :attr:`names` rendered: ``((id, nb, en), ...)`` (kept for callers of the former field)."""
        return tuple((e, render(m, "nb"), render(m, "en")) for e, m in self.names)

    @property
    def suspended(self) -> bool:
        """True when the twinning is suspended on the date (a suspend decision not followed by a resume)."""
        return self.status == "suspended"

    @property
    def assigned_group(self) -> str:
        """The assigned category's code, or :data:`NO_DECISION` when no category decision exists."""
        return self.assigned if self.decided else NO_DECISION

    def assigned_label(self, lang: str = "en") -> str:
        """Return the assigned category in ``lang``; 'Ikke vedtatt' / 'No decision' when none is decided."""
        return category_label(self.assigned_group, lang)

    def agreement_label(self, lang: str = "en") -> str:
        """Return the agreement in ``lang`` (:data:`registry.rules.AGREEMENTS`); empty when there is no suggestion."""
        if self.agreement is None:
            return ""
        return {code: (nb if lang == "nb" else en) for code, nb, en in R.AGREEMENTS}[self.agreement]

    @property
    def last_contact(self) -> ActivityRef | None:
        """The most recent dated activity: the last documented contact, or None."""
        if self.last_confirmed is not None:
            return self.last_confirmed.activity
        return last_contact(list(self.activities))

    @property
    def met(self) -> tuple[Reason, ...]:
        """The criteria met, of any category."""
        return tuple(r for r in self.reasons if r.met)

    @property
    def unmet(self) -> tuple[Reason, ...]:
        """The criteria not met, of any category."""
        return tuple(r for r in self.reasons if not r.met)

    @property
    def because(self) -> tuple[Reason, ...]:
        """The reasons for the suggestion: the suggested category's criteria met.

        For 'unclassified' (no category's requirements all hold), the criteria
        that are met plus what the registry says of recent activity. For 'not
        enough data', none: the explanation says what is registered instead.
        """
        if self.suggested == R.NOT_ENOUGH_DATA:
            return ()
        if self.suggested != "unclassified":
            return tuple(r for r in self.reasons if r.category == self.suggested and r.met)
        quiet = tuple(r for r in self.reasons if r.criterion == "quiet_since")
        return tuple(r for r in self.reasons if r.met and r.criterion != "quiet_since") + quiet

    @property
    def evidence(self) -> tuple[str, ...]:
        """Every id behind any reason or note, once, in order of first mention."""
        seen: dict[str, None] = {}
        for r in (*self.reasons, *self.notes):
            for e in r.evidence:
                seen.setdefault(e, None)
        return tuple(seen)

    @property
    def role_message(self) -> Message:
        """Who has the active role, when it was last seen, and who carries the contact (strategy 2c)."""
        if self.role == "unknown":
            role = Message("role.unknown")
        elif self.role_year is None:
            role = Message(f"role.{self.role}.undated")
        else:
            recent = self.window_start is not None and self.role_year >= self.window_start
            role = Message(f"role.{self.role}.{'now' if recent else 'past'}", {"year": self.role_year})
        if not self.carriers:
            return role
        names = dict(self.names)
        who = [names.get(c, Message("review.name", {"nb": c, "en": c})) for c in self.carriers]
        return Message("role.carried_by", {"role": role, "who": who})

    @property
    def state_message(self) -> Message:
        """What the registry holds for the relation: recent activity, none recently (last: YEAR), or not enough data."""
        if self.state == "no_recent_activity":
            return Message("review.state.no_recent_activity", {"years": self.years, "year": self.since})
        return Message(f"review.state.{self.state}", {"years": self.years})

    @property
    def last_message(self) -> Message:
        """When activity was last confirmed, from what, and how: a dated row, or an ongoing activity's check."""
        lc = self.last_confirmed
        if lc is None:
            return Message("review.last.none")
        what = describe_activity(lc.activity)
        if lc.how == "dated":
            return Message("review.last.dated", {"on": lc.on, "what": what})
        if lc.capped:
            return Message("review.last.ongoing_as_of", {"on": lc.on, "what": what, "verified": lc.activity.verified_on})
        return Message("review.last.ongoing", {"on": lc.on, "what": what})

    @property
    def status_message(self) -> Message | None:
        """The suspension in force, with its scope and re-review date, as a message; None when not suspended."""
        d = self.status_decision
        if not self.suspended or d is None:
            return None
        return Message("review.suspended", {
            "on": d.decided_on, "decision": d.ref, "scope": d.scope or Message("review.scope_unknown"),
            "review_on": d.review_on or Message("review.review_unknown"),
        })

    @property
    def explanation_message(self) -> Message:
        """What is suggested and why; for 'not enough data', what the registry holds."""
        if self.suggested == R.NOT_ENOUGH_DATA:
            undated = sum(1 for a in self.activities if not a.dated)
            if undated:
                return Message("review.explain.not_enough_data_undated", {"n": self.records, "undated": undated})
            return Message("review.explain.not_enough_data", {"n": self.records})
        why = _chain([r.message for r in self.because])
        if self.suggested == "unclassified":
            if not why:
                return Message("review.explain.none_fits_bare", {"missing": Message("review.missing")})
            return Message("review.explain.none_fits", {"why": why, "missing": Message("review.missing")})
        return Message("review.explain.category", {"category": self.suggested, "why": why})

    def explanation(self, lang: str = "en") -> str:
        """Return :attr:`explanation_message` rendered in ``lang``."""
        return render(self.explanation_message, lang)

    def role_text(self, lang: str = "en") -> str:
        """Return :attr:`role_message` rendered in ``lang``."""
        return render(self.role_message, lang)


def describe_activity(a: ActivityRef) -> Message:
    """Return an activity's title (Norwegian where given) as a message."""
    return Message("review.name", {"nb": a.title_nb or a.title, "en": a.title})


def _reason(code: str, category: str, met: bool, evidence: tuple[str, ...], ctx: Context,
            names: dict[str, Message], since: int | None) -> Reason:
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
    if suggested == "unclassified" and not any(a.dated for a in ev.activities) and ev.since is None \
            and not results["quiet_since"][1]:
        # Nothing registered that can be placed in time: no category can be read from it.
        suggested = R.NOT_ENOUGH_DATA
    ids = {e for r in results.values() for e in r[1]}
    names = {e: describe(ctx, e) for e in sorted(ids)}
    names.update({c: Message("review.name", {"nb": ctx.name(c, "nb"), "en": ctx.name(c, "en")}) for c in ev.carriers})
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
        city_name=ctx.name(tie.v, "nb"),
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
        financing=relation_plan_lines(ctx.snap.plan_lines, ctx.snap.activities, tie.id),
        years=int(ctx.rules["dormant_years"]),
        window_start=first.year,
    )


def _dated_by(ctx: Context, tie: Tie) -> date | None:
    """Return the first day anything dates a tie without a start: its source read, an activity, a decision, an agreement."""
    days = []
    for text in [tie.attrs.get("verified_on")] + [d["decided_on"] for d in ctx.snap.decisions if d["tie_id"] == tie.id]:
        if text and dates.is_partial_date(str(text)):
            days.append(dates.earliest(str(text)))
    for a in ctx.snap.activities:
        if tie.id in a.get("tie_ids", ()) and a.get("start") and dates.is_partial_date(str(a["start"])):
            days.append(dates.earliest(str(a["start"])))
    ag = tie.attrs.get("agreement_id")
    for row in ctx.snap.agreements:
        if ag and row["id"] == ag and row.get("signed_on") and dates.is_partial_date(str(row["signed_on"])):
            days.append(dates.earliest(str(row["signed_on"])))
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
    source: Source,
    as_of: date | str | int | None = None,
    rules: R.Rules = R.DEFAULT_RULES,
    home_id: str | None = None,
) -> list[Suggestion]:
    """Return one :class:`Suggestion` per sister-city tie that counts on ``as_of``, by city name.

    ``source`` is a connection, a :class:`~registry.graph.Snapshot` or a prepared
    context; ``as_of`` defaults to today (a year means its last day). A twinning
    ended by a decision taken by the date is not reviewed (see :func:`ended`); a
    suspended one is, with its status.

    >>> from registry import connect
    >>> suggest(connect(":memory:"), as_of=2020)
    []
    """
    # Only allocation happens here; the collector's full passes over a large graph would dominate.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        ctx = prepare(source, as_of, rules, home_id)
        return [_suggest_one(ctx, t) for t in ctx.sister_ties if _counts(ctx, t)]
    finally:
        if was_enabled:
            gc.enable()


def ended(
    source: Source,
    as_of: date | str | int | None = None,
    rules: R.Rules = R.DEFAULT_RULES,
    home_id: str | None = None,
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
            out.append(Ended(k, u, v, ctx.name(v, "nb"), ctx.full.nodes[v].get("country_code"), str(decision["decided_on"]),
                             TwinningDecision.of(decision), start))
        elif k not in ctx.active_ids and (a.get("status") == "ended" or end):
            if end and dates.is_partial_date(str(end)) and dates.latest(str(end)) >= ctx.as_of:
                continue
            out.append(Ended(k, u, v, ctx.name(v, "nb"), ctx.full.nodes[v].get("country_code"), end, None, start))
    return sorted(out, key=lambda e: (e.city_name.casefold(), e.tie_id))


#: Columns of :func:`frame`, in order (codes are stable; labels are added only on request).
FRAME_COLUMNS: tuple[str, ...] = (
    "tie_id", "home_id", "city_id", "city_name", "country_code", "suggested", "assigned", "assigned_on",
    "agreement", "reason_nb", "reason_en", "criteria_met", "criteria_unmet", "notes_nb", "notes_en", "evidence",
    "activities", "last_contact_on", "last_contact_kind", "last_contact_title", "last_contact_source",
    "role", "carriers", "records", "start", "start_certainty",
    "state", "last_confirmed_on", "last_confirmed_how", "role_year", "status", "planned_nok", "actual_nok",
)


def frame(suggestions: list[Suggestion], lang: str | None = None) -> pd.DataFrame:
    """Return the suggestions as a DataFrame, one row per sister city (:data:`FRAME_COLUMNS`).

    With ``lang`` ('nb' or 'en'), label columns ``suggested_label``,
    ``assigned_label`` ('No decision' where none is taken) and ``agreement_label``
    (empty without a suggestion) are added for display; the code columns stay as
    they are, so CSV files keep stable codes (agreement is empty without a suggestion).
    """
    rows = []
    for s in suggestions:
        last = s.last_contact
        lc = s.last_confirmed
        money = financing_sums(s.financing) if s.financing is not None else {"planned": 0, "actual": 0}
        rows.append({
            "tie_id": s.tie_id,
            "home_id": s.home_id,
            "city_id": s.city_id,
            "city_name": s.city_name,
            "country_code": s.country_code,
            "suggested": s.suggested,
            "assigned": s.assigned,
            "assigned_on": s.assigned_on,
            "agreement": s.agreement,
            "reason_nb": s.explanation("nb"),
            "reason_en": s.explanation("en"),
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
        })
    df = pd.DataFrame(rows, columns=list(FRAME_COLUMNS))
    if lang:
        df["suggested_label"] = [vocab.label("categories", c, lang) for c in df["suggested"]]
        df["assigned_label"] = [s.assigned_label(lang) for s in suggestions]
        df["agreement_label"] = [s.agreement_label(lang) for s in suggestions]
    return df


