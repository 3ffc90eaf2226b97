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
from dataclasses import dataclass
from datetime import date

import pandas as pd

from .. import rules as R, vocab
from ..analysis.context import Context, Tie, prepare
from ..graph import Snapshot
from .criteria import Evaluation, describe, evaluate, evaluate_relation, recent_activity, solidarity_reciprocity, solidarity_ties
from .decisions import decision_history, financing_plan, financing_totals, record_decision
from .evidence import ActivityRef, last_contact

__all__ = [
    "Reason",
    "Note",
    "Suggestion",
    "NO_DECISION",
    "category_label",
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
_NONE = {"nb": "ingen registrert", "en": "none registered"}
#: What each category would need, said once for a relation that fits none.
_MISSING = {
    "nb": ("prosjektavtale med mål og indikatorer (prosjekt)",
           "vedtak om fokus, eller nasjonale partnere og ekstern finansiering (politisk fokus)",
           "toveis relasjon de siste årene (solidaritet)"),
    "en": ("a project agreement with goals and indicators (project)",
           "a focus decision, or national partners and external funding (political focus)",
           "a two-way relation in recent years (solidarity)"),
}
_NO_DATED = {"nb": "Ingen datert aktivitet registrert", "en": "No dated activity registered"}
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
    suggested category's first. ``decided`` says whether the council has taken
    a category decision; without one ``assigned`` is 'unclassified' (as before)
    but :attr:`assigned_group` is :data:`NO_DECISION` and :meth:`assigned_label`
    says 'Ikke vedtatt' / 'No decision', not 'Ikke kategorisert' (a decision the
    council can take). ``agreement`` is 'agree' or 'disagree' with a decision
    and a suggestion, 'unclassified' (labelled 'No decision') without a
    decision, and None with a decision but no suggestion ('not enough data').
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
    #: The year of the last dated record, and the twinning's start with its certainty.
    since: int | None = None
    start: str | None = None
    start_certainty: str | None = None
    #: The criteria's evidence ids described for readers, in both languages.
    descriptions: tuple[tuple[str, str, str], ...] = ()
    #: Whether a category decision exists for the relation (on the date).
    decided: bool = False

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
        recent = tuple(r for r in self.reasons if r.criterion == "quiet_since" and not r.met)
        return tuple(r for r in self.reasons if r.met) + recent

    @property
    def evidence(self) -> tuple[str, ...]:
        """Every id behind any reason or note, once, in order of first mention."""
        seen: dict[str, None] = {}
        for r in (*self.reasons, *self.notes):
            for e in r.evidence:
                seen.setdefault(e, None)
        return tuple(seen)

    def role_text(self, lang: str = "en") -> str:
        """Return the framing of strategy 2c: who has the active role, and who carries the contact."""
        label = {code: (nb if lang == "nb" else en) for code, nb, en in R.ROLES}[self.role]
        if not self.carriers:
            return label
        names = dict((e, (nb if lang == "nb" else en)) for e, nb, en in self.descriptions)
        who = ", ".join(names.get(c, c) for c in self.carriers)
        return f"{label} ({'bæres av' if lang == 'nb' else 'carried by'} {who})"

    def explanation(self, lang: str = "en") -> str:
        """Return what is suggested and why, in ``lang``; for 'not enough data', what the registry holds."""
        label = vocab.label("categories", self.suggested, lang)
        why = "; ".join(r.text(lang) for r in self.because)
        if self.suggested == R.NOT_ENOUGH_DATA:
            undated = sum(1 for a in self.activities if not a.dated)
            if lang == "nb":
                dated = f", {undated} uten dato" if undated else ""
                noun = "aktivitetsoppføring" if self.records == 1 else "aktivitetsoppføringer"
                return (f"Ikke nok data: registeret har {self.records} {noun} for relasjonen{dated}; "
                        "ingen kategori kan foreslås.")
            dated = f", {undated} without a date" if undated else ""
            noun = "activity record" if self.records == 1 else "activity records"
            return (f"Not enough data: the registry holds {self.records} {noun} for the relation{dated}; "
                    "no category can be suggested.")
        if self.suggested == "unclassified":
            missing = "; ".join(_MISSING[lang])
            if lang == "nb":
                return f"Ingen kategori passer helt: {why}. Mangler: {missing}."
            return f"No category fits fully: {why}. Missing: {missing}."
        if lang == "nb":
            return f"Foreslått {label.lower()}: {why}."
        return f"Suggested {label.lower()}: {why}."


def _reason(code: str, category: str, met: bool, evidence: tuple[str, ...], ctx: Context,
            names: dict[str, tuple[str, str]], since: int | None) -> Reason:
    c = R.criterion(code)
    years = int(ctx.rules["dormant_years"])
    texts = []
    for i, (lang, met_t, unmet_t) in enumerate((("nb", c.met_nb, c.unmet_nb), ("en", c.met_en, c.unmet_en))):
        ev = ", ".join(names[e][i] for e in evidence) or _NONE[lang]
        if code == "quiet_since" and not met and not evidence:
            # Neither recent nor earlier dated activity: say that, not "activity registered".
            texts.append(_NO_DATED[lang])
            continue
        texts.append((met_t if met else unmet_t).format(evidence=ev, years=years, since=since or "?"))
    return Reason(code, category, met, texts[0], texts[1], evidence)


def _notes(ctx: Context, city: str, ev: Evaluation) -> tuple[Note, ...]:
    sol = solidarity_ties(ctx, city)
    notes = []
    if sol["one_way"]:
        ids = tuple(t.id for t in sol["one_way"])
        notes.append(Note(
            "one_way_solidarity",
            f"Enveis solidaritet: strategien sier det bør være et krav om en toveis relasjon ({', '.join(ids)})",
            f"One-way solidarity: the strategy says a two-way relation should be a requirement ({', '.join(ids)})",
            ids,
        ))
    if sol["unknown"]:
        ids = tuple(t.id for t in sol["unknown"])
        notes.append(Note(
            "one_way_solidarity",
            f"Gjensidighet er ikke registrert ({', '.join(ids)})",
            f"Reciprocity is not registered ({', '.join(ids)})",
            ids,
        ))
    undated = [a for a in ev.activities if not a.dated]
    if undated:
        ids = tuple(f"activity:{a.id}" for a in undated)
        notes.append(Note(
            "undated_activity",
            f"{len(undated)} {'aktivitet' if len(undated) == 1 else 'aktiviteter'} uten dato i kildene: "
            "de teller ikke for de siste årene",
            f"{len(undated)} activit{'y' if len(undated) == 1 else 'ies'} without a date in the sources: "
            "they do not count for recent years",
            ids,
        ))
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
    names = {e: (describe(ctx, e, "nb"), describe(ctx, e, "en")) for e in ids}
    names.update({c: (ctx.name(c, "nb"), ctx.name(c, "en")) for c in ev.carriers})
    seen: dict[str, str] = {}
    for rule in sorted(R.CATEGORY_RULES, key=lambda r: r.category != suggested):
        for group in rule.requires:
            for code in group:
                seen.setdefault(code, rule.category)
    for c in R.CRITERIA:  # criteria that support a category without being required (a voluntary carrier)
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
        notes=_notes(ctx, tie.v, ev),
        activities=ev.activities,
        records=ev.records,
        role=ev.role,
        carriers=ev.carriers,
        since=ev.since,
        start=tie.attrs.get("start"),
        start_certainty=tie.attrs.get("start_certainty"),
        descriptions=tuple((e, nb, en) for e, (nb, en) in names.items()),
        decided=bool(decisions),
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
    "role", "carriers", "records", "start", "start_certainty",
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
            "role": s.role,
            "carriers": ";".join(s.carriers),
            "records": s.records,
            "start": s.start,
            "start_certainty": s.start_certainty,
        })
    df = pd.DataFrame(rows, columns=list(FRAME_COLUMNS))
    if lang:
        df["suggested_label"] = [vocab.label("categories", c, lang) for c in df["suggested"]]
        df["assigned_label"] = [s.assigned_label(lang) for s in suggestions]
        df["agreement_label"] = [s.agreement_label(lang) for s in suggestions]
    return df


