"""The four-category review of sister cities: which category the evidence supports, and why.

The criteria and their order live in :mod:`registry.rules`; this module only
evaluates them for each sister-city tie and compares the result with the
category the council assigned (the latest decision).
"""

from __future__ import annotations

import gc
import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from .. import dates, rules as R, store, vocab
from ..analysis.context import Context, Tie, in_window, prepare, running
from ..errors import InvalidRow, Problem
from ..graph import Snapshot
from .evidence import ActivityRef, activities_for, evidence_id, in_window as activity_in_window, last_contact

__all__ = [
    "Reason",
    "Note",
    "Suggestion",
    "suggest",
    "frame",
    "FRAME_COLUMNS",
    "evaluate",
    "solidarity_ties",
    "solidarity_reciprocity",
    "recent_activity",
    "decision_history",
    "financing_plan",
    "financing_totals",
    "record_decision",
]

Source = sqlite3.Connection | Snapshot | Context
_NONE = {"nb": "ingen registrert", "en": "none recorded"}


class _Bilingual:
    text_nb: str
    text_en: str

    def text(self, lang: str = "en") -> str:
        """Return the text in ``lang`` ('nb' or 'en')."""
        return self.text_nb if lang == "nb" else self.text_en


@dataclass(frozen=True)
class Reason(_Bilingual):
    """One criterion for one sister city: met or not, in both languages, with the ids behind it."""

    criterion: str
    category: str
    met: bool
    text_nb: str
    text_en: str
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class Note(_Bilingual):
    """A finding about a relation that is not a category, e.g. one-way solidarity (a finding kind code)."""

    kind: str
    text_nb: str
    text_en: str
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class Suggestion:
    """The suggested category of one sister-city tie, the assigned one, and the reasons.

    ``reasons`` lists every criterion of every category, met or not, the
    suggested category's first. ``agreement`` is 'agree', 'disagree' or
    'unclassified' (no category assigned yet).
    """

    tie_id: str
    home_id: str
    city_id: str
    city_name: str
    country_code: str | None
    suggested: str
    assigned: str
    assigned_on: str | None
    agreement: str
    reasons: tuple[Reason, ...]
    notes: tuple[Note, ...] = ()
    #: The activities registered for the relation by the date, newest first (undated last).
    activities: tuple[ActivityRef, ...] = ()

    @property
    def last_contact(self) -> ActivityRef | None:
        """The most recent dated activity: the last documented contact, or None."""
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

        For 'unclassified' (no category's criteria all hold), the criteria that
        are met, or else every criterion: the reasons nothing fits.
        """
        if self.suggested != "unclassified":
            return tuple(r for r in self.reasons if r.category == self.suggested and r.met)
        return self.met or self.reasons

    @property
    def evidence(self) -> tuple[str, ...]:
        """Every id behind any reason or note, once, in order of first mention."""
        seen: dict[str, None] = {}
        for r in (*self.reasons, *self.notes):
            for e in r.evidence:
                seen.setdefault(e, None)
        return tuple(seen)

    def explanation(self, lang: str = "en") -> str:
        """Return one sentence that says what is suggested and why."""
        label = vocab.label("categories", self.suggested, lang)
        why = "; ".join(r.text(lang) for r in self.because)
        if lang == "nb":
            if self.suggested == "unclassified":
                return f"Ingen kategori passer helt: {why}."
            return f"Foreslått {label.lower()}: {why}."
        if self.suggested == "unclassified":
            return f"No category fits fully: {why}."
        return f"Suggested {label.lower()}: {why}."


def solidarity_reciprocity(ctx: Context, t: Tie) -> str | None:
    """Return 'two_way', 'one_way' or 'unknown' for a running solidarity tie, None for any other tie.

    A solidarity tie is activity (not the twinning itself) carried by a voluntary
    organisation: one at either end, or its carrier.
    """
    if t.attrs.get("kind") in R.NOT_ACTIVITY_TIE_KINDS or not running(t.attrs):
        return None
    if not any(ctx.kind(a) in R.SOLIDARITY_CARRIER_KINDS for a in ctx.actors(t)):
        return None
    rec = t.attrs.get("reciprocity")
    return rec if rec in ("two_way", "one_way") else "unknown"


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


def evaluate(
    ctx: Context, tie: Tie, activities: list[ActivityRef] | None = None
) -> dict[str, tuple[bool, tuple[str, ...]]]:
    """Return ``{criterion code: (met, evidence ids)}`` for one sister-city tie (home -> city).

    Evidence is the ties at the city and the registered activities of the relation
    (``activities``, by default :func:`~registry.review.evidence.activities_for`);
    activities are cited as ``activity:<id>``.
    """
    city = tie.v
    now = [
        t for t in ctx.place_ties.get(city, [])
        if t.attrs.get("kind") not in R.NOT_ACTIVITY_TIE_KINDS and running(t.attrs)
    ]
    ids = lambda ts: tuple(dict.fromkeys(t.id for t in ts))  # noqa: E731 - keeps order, drops repeats
    acts = activities_for(ctx, tie) if activities is None else activities
    first, last = ctx.window()
    recent_acts = [a for a in acts if activity_in_window(a, first, last)]
    act_ids = lambda rs: tuple(evidence_id(a) for a in rs)  # noqa: E731
    out: dict[str, tuple[bool, tuple[str, ...]]] = {}

    projects = [t for t in now if t.attrs.get("kind") in R.PROJECT_TIE_KINDS]
    with_goals = [t for t in projects if t.attrs.get("goals")]
    measured = [t for t in with_goals if t.attrs.get("indicators")]
    # A project activity running in the window is a project of the relation (strategy 2a).
    p_acts = [a for a in recent_acts if a.kind == "project"]
    p_goals = [a for a in p_acts if a.goals]
    p_measured = [a for a in p_goals if a.indicators]
    out["project_tie"] = (bool(projects or p_acts), ids(projects) + act_ids(p_acts))
    out["project_goals"] = (bool(with_goals or p_goals), ids(with_goals) + act_ids(p_goals))
    out["project_indicators"] = (bool(measured or p_measured), ids(measured) + act_ids(p_measured))

    decisions = ctx.decisions_for(tie.id)
    latest = decisions[-1] if decisions else None
    focus = latest is not None and latest["category"] == "political_focus"
    out["focus_decision"] = (focus, (f"decision:{latest['id']}",) if focus and latest else ())

    first_year = ctx.as_of.year - int(ctx.rules["dormant_years"])
    lines = [
        p for p in ctx.plan_lines_for(tie.id)
        if (p["funder"] or "").strip().lower() != R.MUNICIPAL_FUNDER and (p["year"] or 0) >= first_year
    ]
    funding = [
        t for t in now
        if t.attrs.get("kind") in R.FUNDING_TIE_KINDS or ctx.kind(t.u) in R.FUNDING_KINDS or ctx.kind(t.v) in R.FUNDING_KINDS
    ]
    recent_ids = {a.id for a in recent_acts}
    lines += [
        p for p in ctx.snap.plan_lines
        if p.get("activity_id") in recent_ids and (p["funder"] or "").strip().lower() != R.MUNICIPAL_FUNDER
    ]
    funders = [a for a in recent_acts if any(r == "funder" and e != tie.u for e, r in a.participants)]
    fund_ids = tuple(dict.fromkeys(f"plan_line:{p['id']}" for p in lines)) + ids(funding) + act_ids(funders)
    out["external_funding"] = (bool(fund_ids), fund_ids)

    national = [
        t for t in now
        if any(ctx.kind(n) in R.NATIONAL_KINDS for n in (t.u, t.v, t.attrs.get("carrier_id")) if n)
    ]
    n_acts = [a for a in recent_acts if any(ctx.kind(e) in R.NATIONAL_KINDS for e, _ in a.participants)]
    out["national_coordination"] = (bool(national or n_acts), ids(national) + act_ids(n_acts))

    sol = solidarity_ties(ctx, city)
    voluntary = sol["two_way"] + sol["one_way"] + sol["unknown"]
    # A voluntary organisation at either end carries the activity, foreign or local.
    v_acts = [a for a in recent_acts if any(ctx.kind(e) in R.SOLIDARITY_CARRIER_KINDS for e, _ in a.participants)]
    out["voluntary_carrier"] = (bool(voluntary or v_acts), ids(voluntary) + act_ids(v_acts))
    two_way = _two_way_activities(ctx, tie, acts)
    out["two_way"] = (bool(sol["two_way"] or two_way), ids(sol["two_way"]) + act_ids(two_way))

    recent, earlier = recent_activity(ctx, city)
    older = [a for a in acts if a not in recent_acts]
    # Met: the evidence is the earlier activity (empty when none was ever recorded).
    met = not recent and not recent_acts
    evidence = ids(earlier) + act_ids(older) if met else ids(recent) + act_ids(recent_acts)
    out["no_recent_activity"] = (met, evidence)
    return out


def _two_way_activities(ctx: Context, tie: Tie, acts: list[ActivityRef]) -> list[ActivityRef]:
    """Return the visits that show the relation goes both ways: visitors from each side, in any activities.

    Empty unless both a home-side and a city-side participant came as visitors.
    """
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


def recent_activity(ctx: Context, place: str) -> tuple[list[Tie], list[Tie]]:
    """Return ``(recent, earlier)``: activity ties at ``place`` inside the dormancy window, and the rest.

    Activity is every tie but the formal sister-city tie and ``located_in``; the
    window is the ``dormant_years`` up to the context's date.
    """
    first, last = ctx.window()
    recent, earlier = [], []
    for t in ctx.history_place_ties.get(place, []):
        if t.attrs.get("kind") in R.NOT_ACTIVITY_TIE_KINDS:
            continue
        start = t.attrs.get("start")
        if start and dates.is_partial_date(start) and dates.earliest(start) > last:
            continue  # not begun yet on the date
        (recent if in_window(t.attrs, first, last) else earlier).append(t)
    return recent, earlier


def _reason(ctx: Context, code: str, category: str, met: bool, evidence: tuple[str, ...]) -> Reason:
    c = R.criterion(code)
    years = int(ctx.rules["dormant_years"])
    texts = []
    for lang, met_t, unmet_t in (("nb", c.met_nb, c.unmet_nb), ("en", c.met_en, c.unmet_en)):
        ev = ", ".join(evidence) or _NONE[lang]
        texts.append((met_t if met else unmet_t).format(evidence=ev, years=years))
    return Reason(code, category, met, texts[0], texts[1], evidence)


def _notes(ctx: Context, city: str) -> tuple[Note, ...]:
    sol = solidarity_ties(ctx, city)
    notes = []
    if sol["one_way"]:
        ev = tuple(t.id for t in sol["one_way"])
        notes.append(Note(
            "one_way_solidarity",
            f"Enveis solidaritet: gjensidighet er et krav ({', '.join(ev)})",
            f"One-way solidarity: reciprocity is a requirement ({', '.join(ev)})",
            ev,
        ))
    if sol["unknown"]:
        ev = tuple(t.id for t in sol["unknown"])
        notes.append(Note(
            "one_way_solidarity",
            f"Gjensidighet er ikke dokumentert ({', '.join(ev)})",
            f"Reciprocity is not documented ({', '.join(ev)})",
            ev,
        ))
    return tuple(notes)


def _suggest_one(ctx: Context, tie: Tie) -> Suggestion:
    acts = activities_for(ctx, tie)
    results = evaluate(ctx, tie, acts)
    suggested = "unclassified"
    for rule in R.CATEGORY_RULES:
        if all(any(results[c][0] for c in group) for group in rule.requires):
            suggested = rule.category
            break
    order = sorted(R.CATEGORY_RULES, key=lambda r: r.category != suggested)
    reasons = tuple(
        _reason(ctx, code, rule.category, *results[code])
        for rule in order for group in rule.requires for code in group
    )
    decisions = ctx.decisions_for(tie.id)
    assigned = decisions[-1]["category"] if decisions else "unclassified"
    if assigned == "unclassified":
        agreement = "unclassified"
    else:
        agreement = "agree" if assigned == suggested else "disagree"
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
        notes=_notes(ctx, tie.v),
        activities=tuple(acts),
    )


def suggest(
    source: Source,
    as_of: date | str | int | None = None,
    rules: R.Rules = R.DEFAULT_RULES,
    home_id: str | None = None,
) -> list[Suggestion]:
    """Return one :class:`Suggestion` per sister-city tie that counts on ``as_of``, by city name.

    ``source`` is a connection, a :class:`~registry.graph.Snapshot` or a prepared
    context; ``as_of`` defaults to today (a year means its last day).

    >>> from registry import connect
    >>> suggest(connect(":memory:"), as_of=2020)
    []
    """
    # Only allocation happens here; the collector's full passes over a large graph would dominate.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        ctx = prepare(source, as_of, rules, home_id)
        return [_suggest_one(ctx, t) for t in ctx.sister_ties]
    finally:
        if was_enabled:
            gc.enable()


#: Columns of :func:`frame`, in order (codes are stable; labels are added only on request).
FRAME_COLUMNS: tuple[str, ...] = (
    "tie_id", "home_id", "city_id", "city_name", "country_code", "suggested", "assigned", "assigned_on",
    "agreement", "reason_nb", "reason_en", "criteria_met", "criteria_unmet", "notes_nb", "notes_en", "evidence",
    "activities", "last_contact_on", "last_contact_kind", "last_contact_title", "last_contact_source",
)


def frame(suggestions: list[Suggestion], lang: str | None = None) -> pd.DataFrame:
    """Return the suggestions as a DataFrame, one row per sister city (:data:`FRAME_COLUMNS`).

    With ``lang`` ('nb' or 'en'), label columns ``suggested_label``,
    ``assigned_label`` and ``agreement_label`` are added for display; the code
    columns stay as they are, so CSV files keep stable codes.
    """
    rows = []
    for s in suggestions:
        last = s.last_contact
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
            "last_contact_on": last.start if last else None,
            "last_contact_kind": last.kind if last else None,
            "last_contact_title": last.title if last else None,
            "last_contact_source": last.source if last else None,
        })
    df = pd.DataFrame(rows, columns=list(FRAME_COLUMNS))
    if lang:
        df["suggested_label"] = [vocab.label("categories", c, lang) for c in df["suggested"]]
        df["assigned_label"] = [vocab.label("categories", c, lang) for c in df["assigned"]]
        labels = {code: (nb if lang == "nb" else en) for code, nb, en in R.AGREEMENTS}
        df["agreement_label"] = [labels[a] for a in df["agreement"]]
    return df


def _frame(conn: sqlite3.Connection, sql: str, params: tuple[Any, ...]) -> pd.DataFrame:
    cur = conn.execute(sql, params)
    return pd.DataFrame(cur.fetchall(), columns=[d[0] for d in cur.description])


def decision_history(conn: sqlite3.Connection, tie_id: str) -> pd.DataFrame:
    """Return the decisions on a tie, oldest first: categories, entering or ending the twinning.

    ``kind`` says which; the latest 'category' row is the category in force.
    """
    df = _frame(
        conn,
        "SELECT id, coalesce(kind, 'category') AS kind, tie_id, category, title, decided_on, decided_by, case_ref, "
        "reason, source, updated_by, updated_at FROM decisions WHERE tie_id = ? ORDER BY id",
        (tie_id,),
    )
    if len(df):
        # Partial dates sort by the first day they cover; the id breaks ties (entry order).
        key = [dates.earliest(d) if dates.is_partial_date(str(d)) else date.max for d in df["decided_on"]]
        df = df.assign(_k=key).sort_values(["_k", "id"], kind="stable").drop(columns="_k").reset_index(drop=True)
    return df


def financing_plan(conn: sqlite3.Connection, tie_id: str) -> pd.DataFrame:
    """Return the budget lines of a tie (planned and actual) by year; ``external`` marks non-municipal money.

    ``kind`` is 'plan' or 'actual' and ``currency`` an ISO 4217 code (NOK where none was given).
    """
    df = _frame(
        conn,
        "SELECT id, tie_id, activity_id, year, coalesce(kind, 'plan') AS kind, amount, "
        "coalesce(currency, 'NOK') AS currency, funder, funder_id, purpose, source FROM plan_lines "
        "WHERE tie_id = ? ORDER BY year, id",
        (tie_id,),
    )
    df["external"] = [str(f).strip().lower() != R.MUNICIPAL_FUNDER for f in df["funder"]]
    return df


def financing_totals(plan: pd.DataFrame) -> pd.DataFrame:
    """Return per-year planned totals of a :func:`financing_plan`: columns year, municipal, external, total.

    Only planned lines in one currency add up: amounts are NOK (lines in other currencies
    and actual figures are listed in the plan, not summed here).
    """
    if "kind" in plan and "currency" in plan:
        plan = plan[(plan["kind"] == "plan") & (plan["currency"] == "NOK")]
    if plan.empty:
        return pd.DataFrame(columns=["year", "municipal", "external", "total"])
    g = plan.assign(source_kind=["external" if e else "municipal" for e in plan["external"]])
    t = g.pivot_table(index="year", columns="source_kind", values="amount", aggfunc="sum", fill_value=0)
    for c in ("municipal", "external"):
        if c not in t:
            t[c] = 0
    t = t[["municipal", "external"]].astype(int)
    t["total"] = t["municipal"] + t["external"]
    return t.reset_index().rename_axis(columns=None)


def record_decision(
    conn: sqlite3.Connection,
    tie_id: str | None,
    category: str | None,
    decided_on: str,
    decided_by: str,
    case_ref: str | None,
    reason: str,
    actor: str,
    source: str | None = None,
    kind: str = "category",
    title: str | None = None,
) -> dict[str, Any]:
    """Record a decision; return the stored row.

    ``kind`` is a code of ``decision_kinds``: 'category' (the default) needs a
    sister-city tie and a category; entering or ending a twinning needs the tie;
    adopting a strategy or an action plan needs neither (give a ``title``).
    Raises InvalidRow listing every problem: the date must be a partial date not
    in the future, and who decided and why must be given. History is kept: a new
    decision never replaces an old one, it follows it.
    """
    problems = []
    kinds = [t.code for t in vocab.DECISION_KINDS]
    if kind not in kinds:
        problems.append(Problem("decisions", 1, "kind", f"unknown decision kind {kind!r}; use one of {', '.join(kinds)}"))
    tie = store.get(conn, "ties", tie_id) if tie_id else None
    if tie_id and tie is None:
        problems.append(Problem("decisions", 1, "tie_id", f"no tie {tie_id!r}"))
    if kind in ("category", "enter_twinning", "end_twinning"):
        if not tie_id:
            problems.append(Problem("decisions", 1, "tie_id", f"a {kind} decision names the sister-city tie"))
        elif tie is not None and tie["kind"] != "sister_city":
            problems.append(Problem("decisions", 1, "tie_id", f"{tie_id!r} is a {tie['kind']} tie, not a sister-city tie"))
    codes = [t.code for t in vocab.CATEGORIES]
    if kind == "category" and category not in codes:
        problems.append(Problem("decisions", 1, "category", f"unknown category {category!r}; use one of {', '.join(codes)}"))
    text = str(decided_on or "").strip()
    if not dates.is_partial_date(text):
        problems.append(Problem("decisions", 1, "decided_on", f"{decided_on!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"))
    elif dates.earliest(text) > date.today():
        problems.append(Problem("decisions", 1, "decided_on", f"{text} is in the future"))
    for col, value in (("decided_by", decided_by), ("reason", reason)):
        if not str(value or "").strip():
            problems.append(Problem("decisions", 1, col, "is required and empty"))
    if problems:
        raise InvalidRow(problems)
    row = {
        "kind": kind, "tie_id": tie_id or None, "category": category if kind == "category" else None,
        "title": title or None, "decided_on": text, "decided_by": decided_by,
        "case_ref": case_ref or None, "reason": reason, "source": source or None,
    }
    return store.insert(conn, "decisions", row, actor=actor)
