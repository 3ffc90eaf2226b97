"""The council case's facts, taken from the review: the one place the case reads :mod:`registry.review`.

The review decides (suggestions, reasons, role, financing plan, decisions) and
:func:`registry.review.summary.gather` collects them for the council summary; this
adapter takes that same gathering and turns it into the case's own records, so the case never
recomputes a fact and a change in the review's shape is met here alone. It adds
only what the review does not carry but the case must show: the Norwegian titles
of activities, agreements and decisions (``title_nb``), whether an activity is
ongoing, and the tie's own source.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from .. import rules as R
from ..analysis.context import prepare
from ..i18n import Message, render
from ..review import classify, summary

__all__ = [
    "ActivityFact",
    "AgreementFact",
    "DecisionFact",
    "BudgetLine",
    "YearTotal",
    "Evidence",
    "CriterionFact",
    "State",
    "CityFacts",
    "CaseFacts",
    "case_facts",
    "CATEGORIES",
]

#: The four categories of strategy 2c, in the strategy's order: the options to continue in or change to.
CATEGORIES: tuple[str, ...] = ("project", "political_focus", "solidarity", "dormant")


def _pick(nb: str | None, other: str, lang: str) -> str:
    return nb if lang == "nb" and nb else other


@dataclass(frozen=True)
class ActivityFact:
    """One registered activity of a relation: what, when, sectors, and where it is documented."""

    id: str
    kind: str
    title: str
    title_nb: str | None
    start: str | None
    end: str | None
    ongoing: bool
    verified_on: str | None
    sectors: tuple[str, ...]
    source: str

    def title_in(self, lang: str) -> str:
        """Return the Norwegian title for 'nb' when there is one, else the source's own title."""
        return _pick(self.title_nb, self.title, lang)

    @property
    def year(self) -> int | None:
        """The year the activity started, or None when undated."""
        text = str(self.start or "")
        return int(text[:4]) if text[:4].isdigit() else None


@dataclass(frozen=True)
class AgreementFact:
    """The agreement the twinning rests on (the tie's ``agreement_id``): its kind, title, signing and sources."""

    kind: str
    title: str
    title_nb: str | None
    signed_on: str | None
    signed_certainty: str | None
    document_url: str | None
    source: str

    def title_in(self, lang: str) -> str:
        """Return the Norwegian title for 'nb' when there is one, else the agreement's own title."""
        return _pick(self.title_nb, self.title, lang)


@dataclass(frozen=True)
class DecisionFact:
    """One decision on the relation (a category, entering, ending, freezing or resuming it).

    A freeze carries its ``scope`` and the date it is to be ``review_on``.
    """

    kind: str
    category: str | None
    title: str | None
    title_nb: str | None
    decided_on: str
    decided_by: str
    case_ref: str | None
    reason: str
    source: str | None
    scope: str | None = None
    review_on: str | None = None


@dataclass(frozen=True)
class BudgetLine:
    """One line of the financing plan: a year, plan or actual, an amount from a funder for a purpose."""

    year: int
    kind: str
    amount: int
    currency: str
    funder: str
    municipal: bool
    purpose: str
    source: str | None


@dataclass(frozen=True)
class YearTotal:
    """The planned NOK of a year: the municipality's own, external, and the sum."""

    year: int
    municipal: int
    external: int
    total: int


@dataclass(frozen=True)
class Evidence:
    """Something the registry holds behind a criterion, named for a reader in both languages."""

    id: str
    nb: str
    en: str

    def text(self, lang: str) -> str:
        """Return the name in ``lang``."""
        return self.nb if lang == "nb" else self.en


@dataclass(frozen=True)
class CriterionFact:
    """One criterion of strategy 2c for the relation: met or not, for which category, the evidence, and what it says.

    ``message`` is the criterion's sentence for this relation (rendered by :func:`registry.message.render`).
    """

    code: str
    category: str
    met: bool
    evidence: tuple[Evidence, ...]
    message: Message


@dataclass(frozen=True)
class State:
    """What the evidence shows, as a state of the registry (never a category the council has not chosen).

    ``kind`` is 'points_to' (the criteria of ``category`` hold), 'quiet' (nothing
    registered within the window; last in ``last_year``), 'no_fit' (no category's
    criteria all hold) or 'not_enough_data' (nothing dated is registered).
    """

    kind: str
    category: str | None
    last_year: int | None
    records: int
    undated: int


@dataclass(frozen=True)
class CityFacts:
    """Everything the case says about one sister city."""

    tie_id: str
    city_id: str
    name_nb: str
    name_en: str
    country_code: str | None
    start: str | None
    start_certainty: str | None
    tie_source: str
    #: The tie's status code ('active', 'suspended', 'ended', 'uncertain'), None when not recorded.
    status: str | None
    agreement: AgreementFact | None
    assigned: str | None
    assigned_on: str | None
    state: State
    criteria: tuple[CriterionFact, ...]
    role: str
    carriers: tuple[Evidence, ...]
    #: Who has the active role and who else carries the contact (strategy 2c), as one message.
    role_message: Message
    activities: tuple[ActivityFact, ...]
    decisions: tuple[DecisionFact, ...]
    plan: tuple[BudgetLine, ...]
    totals: tuple[YearTotal, ...]

    def name(self, lang: str) -> str:
        """Return the city's name in ``lang``."""
        return self.name_nb if lang == "nb" else self.name_en

    def criteria_of(self, category: str) -> tuple[CriterionFact, ...]:
        """Return the criteria that bear on ``category``, met or not."""
        return tuple(c for c in self.criteria if c.category == category)


@dataclass(frozen=True)
class CaseFacts:
    """The case's facts: the home municipality, the date they hold on, the window of 'recent', and each city."""

    home_id: str | None
    home_nb: str
    home_en: str
    as_of: date
    window_years: int
    cities: tuple[CityFacts, ...]

    def home(self, lang: str) -> str:
        """Return the home municipality's name in ``lang``."""
        return self.home_nb if lang == "nb" else self.home_en


def _rows(conn: sqlite3.Connection, table: str, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Return the rows of ``table`` with these ids, by id (the table name is one of ours, never user text)."""
    ids = sorted(set(ids))
    if not ids:
        return {}
    marks = ", ".join("?" * len(ids))
    cur = conn.execute(f"SELECT * FROM [{table}] WHERE id IN ({marks})", ids)
    names = [d[0] for d in cur.description]
    return {str(r[0]): dict(zip(names, r)) for r in cur.fetchall()}


def _year(text: Any) -> str:
    s = str(text or "")
    return s[:4] if s[:4].isdigit() else ""


def _evidence(s: classify.Suggestion, ids: Sequence[str]) -> dict[str, Evidence]:
    """Name each evidence id as the review names it (Norwegian titles where the row has one), in both languages."""
    names = dict(s.names)
    return {e: Evidence(e, render(names[e], "nb"), render(names[e], "en")) if e in names else Evidence(e, e, e) for e in ids}


def _role_message(s: classify.Suggestion) -> Message:
    """Return who has the active role, when last seen, and who carries the contact (strategy 2c), as a sentence."""
    if s.carriers:
        return Message("casefact.sentence", {"text": s.role_message})
    return Message("casefact.role_line", {"role": s.role_message, "carriers": Message("casefact.no_carriers")})


def _state(s: classify.Suggestion) -> State:
    undated = sum(1 for a in s.activities if not a.dated)
    last = s.last_confirmed.year if s.last_confirmed is not None else s.since
    if s.suggested == R.NOT_ENOUGH_DATA:
        return State("not_enough_data", None, last, s.records, undated)
    if s.suggested in CATEGORIES:
        # The review suggests «hvilende» only where the council decided it: a category, never a guess.
        return State("points_to", s.suggested, last, s.records, undated)
    if s.state == "no_recent_activity":
        return State("quiet", None, last, s.records, undated)
    return State("no_fit", None, last, s.records, undated)


def _city(ctx: Any, conn: sqlite3.Connection, case: summary.CityCase) -> CityFacts:
    s = case.suggestion
    ids = [e for r in s.reasons for e in r.evidence]
    named = _evidence(s, ids)
    # One criterion once: the review lists each with the category it serves first (some serve none: a quote key).
    criteria = tuple(
        CriterionFact(r.criterion, r.category, r.met, tuple(named[e] for e in r.evidence), r.message)
        for r in s.reasons
        if r.category in CATEGORIES
    )
    carriers = tuple(Evidence(c, *ctx.names(c)) for c in s.carriers)
    activities = tuple(
        ActivityFact(
            id=a.id,
            kind=a.kind,
            title=a.title,
            title_nb=a.title_nb or None,
            start=a.start,
            end=a.end,
            ongoing=bool(a.ongoing),
            verified_on=a.verified_on,
            sectors=a.sectors,
            source=a.source,
        )
        for a in s.activities
    )
    history = case.decisions
    extra = _rows(conn, "decisions", [str(i) for i in history["id"]]) if len(history) else {}
    decisions = tuple(
        DecisionFact(
            kind=str(r.kind),
            category=r.category or None,
            title=r.title or None,
            title_nb=(extra.get(str(r.id)) or {}).get("title_nb") or None,
            decided_on=str(r.decided_on),
            decided_by=str(r.decided_by),
            case_ref=r.case_ref or None,
            reason=str(r.reason or ""),
            source=r.source or None,
            scope=(extra.get(str(r.id)) or {}).get("scope") or None,
            review_on=(extra.get(str(r.id)) or {}).get("review_on") or None,
        )
        for r in history.itertuples()
    )
    plan_df = case.plan
    plan = tuple(
        BudgetLine(
            int(r.year),
            str(r.kind),
            int(r.amount),
            str(r.currency),
            str(r.funder),
            not bool(r.external),
            str(r.purpose or ""),
            r.source or None,
        )
        for r in plan_df.itertuples()
    )
    totals = tuple(
        YearTotal(int(r.year), int(r.municipal), int(r.external), int(r.total)) for r in classify.financing_totals(plan_df).itertuples()
    )
    tie = _rows(conn, "ties", [s.tie_id]).get(s.tie_id) or {}
    deal = _rows(conn, "agreements", [tie["agreement_id"]]).get(tie["agreement_id"]) if tie.get("agreement_id") else None
    agreement = (
        AgreementFact(
            kind=str(deal["kind"]),
            title=str(deal["title"]),
            title_nb=deal.get("title_nb") or None,
            signed_on=deal.get("signed_on") or None,
            signed_certainty=deal.get("signed_certainty") or None,
            document_url=deal.get("document_url") or None,
            source=str(deal.get("source") or ""),
        )
        if deal
        else None
    )
    return CityFacts(
        tie_id=s.tie_id,
        city_id=s.city_id,
        name_nb=ctx.names(s.city_id)[0],
        name_en=ctx.names(s.city_id)[1],
        country_code=s.country_code,
        start=s.start,
        start_certainty=s.start_certainty,
        tie_source=str(tie.get("source") or ""),
        status=tie.get("status") or None,
        agreement=agreement,
        assigned=s.assigned if s.decided else None,
        assigned_on=s.assigned_on,
        state=_state(s),
        criteria=criteria,
        role=s.role,
        carriers=carriers,
        role_message=_role_message(s),
        activities=activities,
        decisions=decisions,
        plan=plan,
        totals=totals,
    )


def case_facts(
    conn: sqlite3.Connection, as_of: date | str | int | None = None, home_id: str | None = None, cities: Sequence[str] = ()
) -> CaseFacts:
    """Return the case's facts for the sister cities of ``home_id`` (default: the configured home) on ``as_of``.

    ``cities`` keeps only the sister cities with these entity ids (all when empty);
    raises ValueError naming an id that is no sister city of the home on the date.
    """
    ctx = prepare(conn, as_of, home_id=home_id)
    # The council summary's own gathering: the same suggestions, financing plans and decision histories.
    found = summary.gather(conn, ctx.as_of, ctx.home) if ctx.home else []
    if cities:
        known = {c.suggestion.city_id for c in found}
        unknown = [c for c in cities if c not in known]
        if unknown:
            raise ValueError(f"not a sister city of {ctx.home or 'the home'} on {ctx.as_of}: {', '.join(unknown)}")
        found = [c for c in found if c.suggestion.city_id in set(cities)]
    home = ctx.home
    return CaseFacts(
        home_id=home,
        home_nb=ctx.names(home)[0] if home else "",
        home_en=ctx.names(home)[1] if home else "",
        as_of=ctx.as_of,
        window_years=int(ctx.rules["dormant_years"]),
        cities=tuple(_city(ctx, conn, s) for s in found),
    )
