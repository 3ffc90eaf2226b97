"""The facts of the sister-city review: a suggestion, its reasons and notes, and decisions that end or suspend a twinning.

Every sentence is a :class:`~registry.message.Message` (a code and its parameters);
the templates live in :mod:`registry.i18n.reasons`, and :mod:`registry.render` writes
them for a reader. ``text_nb``/``text_en`` give both spellings for the data columns.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from .. import rules as R
from .. import thresholds
from ..analysis.evidence import ActivityRef, LastConfirmed, last_contact
from ..message import Message, render

__all__ = ["NO_DECISION", "Reason", "Note", "TwinningDecision", "Ended", "Suggestion", "describe_activity"]

#: The group of a relation the council has taken no category decision on (not a category it can choose).
NO_DECISION = "no_decision"


class _Rendered:
    """A fact whose sentence is a :class:`Message` (:func:`registry.message.render` writes it for a reader)."""

    message: Message

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
    def of(cls, row: dict[str, Any]) -> TwinningDecision:
        """Return the decision of a snapshot's decision row."""
        return cls(
            row.get("id"),
            row["kind"],
            str(row["decided_on"]),
            row.get("decided_by") or "",
            row.get("case_ref"),
            row.get("reason") or "",
            row.get("scope"),
            row.get("review_on"),
            row.get("source"),
        )

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
    but :attr:`assigned_group` is :data:`NO_DECISION` and :func:`registry.render.labels.category_label`
    says 'Ikke vedtatt' / 'No decision', not 'Ikke kategorisert' (a decision the
    council can take). ``agreement`` is 'agree' or 'disagree' with a decision
    and a suggestion, 'unclassified' (labelled 'No decision') without a
    decision, and None with a decision but no suggestion ('not enough data').

    The texts are messages (:attr:`explanation_message`, :attr:`role_message`,
    :attr:`state_message`, :attr:`last_message`, each reason's and note's
    ``message``), rendered in nb or en by :func:`registry.message.render`.
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
    years: int = int(thresholds.threshold("dormant_years"))
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
        for evidence in [r.evidence for r in self.reasons] + [n.evidence for n in self.notes]:
            for e in evidence:
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
        return Message(
            "review.suspended",
            {
                "on": d.decided_on,
                "decision": d.ref,
                "scope": d.scope or Message("review.scope_unknown"),
                "review_on": d.review_on or Message("review.review_unknown"),
            },
        )

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


def describe_activity(a: ActivityRef) -> Message:
    """Return an activity's title (Norwegian where given) as a message."""
    return Message("review.name", {"nb": a.title_nb or a.title, "en": a.title})
