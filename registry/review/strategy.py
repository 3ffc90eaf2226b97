"""The strategy point by point: for each point, the work the registry holds that serves it, and in what state.

The annual report to the council asks, point by point, what was done. This view
answers from the registry: the action plan's actions and indicators, the
relations (ties), agreements and activities tagged with the point, the decisions,
the money planned and spent on them, and the findings of the analysis that
concern the point. Some points are served by what they are about rather than by
a tag (:data:`TOPICS`): 2c by the sister-city review and its decisions, 3d by the
decisions adopting the strategy and the action plan, 4e by consulates that are
used. Each point is in one of three states (:data:`STATES`): work registered,
only planned, or nothing registered — and nothing registered may mean the work
was not done, or that it was not registered.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import date
from typing import Any, NamedTuple

import pandas as pd

from .. import dates, vocab
from .. import rules as R
from ..analysis.context import Context, Tie, prepare
from ..network.graph import Snapshot

__all__ = ["STATES", "COUNCIL", "TOPICS", "ITEM_COLUMNS", "points_of", "started", "strategy_items"]

#: The three states of a point: some work registered; only plans (planned actions, indicators without a
#: value, uncertain ties, activities not yet begun); nothing at all.
STATES: tuple[str, ...] = ("work", "planned", "nothing")


class Council(NamedTuple):
    """How the city council's decision of 28.01.2010 marks a point: the kind of mark and its decision point."""

    mark: str  # addition, change, remark, decision, majority_remark (templates strategy.council.*)
    point: str  # the decision point (vedtakspunkt), e.g. '4' or '6b'; '' for the majority remark


#: The points the council added, changed or remarked on, as the decision says (bystyresak 3/10): point 4
#: «tillegg / endringer», point 5 «Bystyret vil likevel påpeke flere momenter», point 6 the changes to the
#: *Mål*, point 7 the consuls, and the majority's remark on the sister-city case.
COUNCIL: dict[str, Council] = {
    "g2": Council("addition", "6a"),
    "g3": Council("addition", "6b"),
    "1": Council("change", "4a"),
    "1d": Council("remark", "5"),
    "1f": Council("remark", "5, 7"),
    "1h": Council("addition", "4"),
    "1i": Council("addition", "4"),
    "3b": Council("remark", "5"),
    "3f": Council("addition", "4"),
    "4b": Council("remark", "5"),
    "4d": Council("addition", "4"),
    "4h": Council("change", "4"),
    "v7": Council("decision", "7"),
    "fm": Council("majority_remark", ""),
}


#: Columns of :func:`strategy_items`: one row per (point, row that serves it).
ITEM_COLUMNS: tuple[str, ...] = ("point", "kind", "id", "state", "via", "title_nb", "title_en", "on")


#: Activity kinds that are children's and young people's own participation (strategy 1c: «internasjonale
#: programmer, kulturutveksling og kontaktskapende arbeid»), not a gift or a signing in their sector.
YOUTH_ACTIVITY_KINDS = frozenset({"exchange", "project", "visit", "delegation", "event", "meeting"})
#: Decisions of the sister-city review (strategy 2c: grading the sister cities, and what follows from it).
REVIEW_DECISION_KINDS = frozenset({"category", "suspend_twinning", "resume_twinning", "end_twinning"})
#: Decisions that anchor the work at strategic and political level (strategy 3d).
ANCHORING_DECISION_KINDS = frozenset({"adopt_strategy", "adopt_action_plan"})
#: Action statuses that are work done or under way; 'cancelled' actions do not count at all.
_ACTION_WORK = frozenset({"ongoing", "completed"})

#: Points served by what they are about, not (only) by a tag: point -> the reasons (``strategy.via.*``).
TOPICS: dict[str, tuple[str, ...]] = {
    "1c": ("youth",),
    "2c": ("sister_review", "review_decision"),
    "3d": ("anchoring",),
    "4e": ("consulate_use",),
    "v7": ("consul_forum",),
    "fm": ("financing_plan",),
    "g3": ("solidarity",),
}


def points_of(text: Any) -> tuple[str, ...]:
    """Return the strategy points of a ';'-separated cell, in order, without blanks.

    >>> points_of("2a; 4e")
    ('2a', '4e')
    >>> points_of(None)
    ()
    """
    return tuple(p.strip() for p in str(text or "").split(";") if p.strip())


def started(start: Any, day: date) -> bool:
    """Return True when ``start`` is on or before ``day``; an undated row counts as started."""
    # Undated rows count: their date is unknown, not absent.
    return not (start and dates.is_partial_date(str(start)) and dates.earliest(str(start)) > day)


def _home_related(ctx: Context, ends: Iterable[str | None]) -> bool:
    # The home's own actors, and bodies located in the home municipality (its consulates).
    local, located, home = ctx.local, ctx.located, ctx.home
    return any(e in local or (home is not None and located.get(e) == home) for e in ends if e)


def _home_consulates(ctx: Context) -> frozenset[str]:
    # Consulates located in the home municipality: the ones strategy 4e and decision point 7 speak of.
    home = ctx.home
    return frozenset(e for e, city in ctx.located.items() if city == home and ctx.kind(e) == "consulate")


def _titles(row: dict[str, Any], fallback: tuple[str, str]) -> tuple[str, str]:
    """Return a row's title as (bokmål, English): the Norwegian title where given, else the source's, else ``fallback``."""
    en = str(row.get("title") or fallback[1])
    return (str(row["title_nb"]) if row.get("title_nb") else str(row.get("title") or fallback[0])), en


def _tie_titles(ctx: Context, t: Tie) -> tuple[str, str]:
    """Return a tie's title as (bokmål, English): its two ends' names and its kind."""
    ends, kind = zip(ctx.names(t.u), ctx.names(t.v)), t.attrs.get("kind")
    return tuple(f"{u} – {v} ({vocab.label('tie_kinds', kind, x)})" for (u, v), x in zip(ends, ("nb", "en")))  # type: ignore[return-value]


def _tie_topics(ctx: Context, t: Tie, consulates: frozenset[str]) -> list[tuple[str, str]]:
    """Return ``(point, reason)`` for each point tie ``t`` serves by what the point is about."""
    a, out = t.attrs, []
    kind, ends = a.get("kind"), (t.u, t.v)
    if kind == "sister_city":
        out.append(("2c", "sister_review"))
    if kind == "exchange" and "youth" in points_of(a.get("sectors")):
        out.append(("1c", "youth"))
    if any(ctx.kind(e) in R.SOLIDARITY_CARRIER_KINDS for e in (*ends, a.get("carrier_id")) if e):
        out.append(("g3", "solidarity"))
    if any(e in consulates for e in ends):
        # Any tie of a consulate beyond its own (consular, located_in; left out before this is called) is use.
        out.append(("4e", "consulate_use"))
        if kind == "forum_member":
            out.append(("v7", "consul_forum"))
    return out


def _activity_topics(ctx: Context, act: dict[str, Any], consulates: frozenset[str]) -> list[tuple[str, str]]:
    """Return ``(point, reason)`` for each point activity ``act`` serves by what the point is about."""
    out = []
    people = act.get("participants", ())
    if act.get("kind") in YOUTH_ACTIVITY_KINDS and "youth" in points_of(act.get("sectors")):
        out.append(("1c", "youth"))
    if any(e in consulates for e, _ in people):
        out.append(("4e", "consulate_use"))
    if any(role == "carrier" and ctx.kind(e) in R.SOLIDARITY_CARRIER_KINDS for e, role in people):
        out.append(("g3", "solidarity"))
    return out


def strategy_items(
    source: sqlite3.Connection | Snapshot | Context, as_of: date | str | int | None = None, home_id: str | None = None
) -> pd.DataFrame:
    """Return every row that serves a strategy point (:data:`ITEM_COLUMNS`), one row per (point, kind, id).

    ``state`` is 'work' or 'planned'; ``via`` says why the row counts ('tag', 'action' or a topic of
    :data:`TOPICS`); ``title_nb`` and ``title_en`` name the row; ``on`` is the row's date as registered. Counted for the home
    municipality as of the date:

    - actions: 'ongoing' or 'completed' (and begun) are work, 'planned' and 'postponed' only planned,
      'cancelled' not counted; every action of the registry is the home's own plan;
    - indicators (their own points and their action's): work once a value is measured by the year, else planned;
    - ties that count on the date and involve a local actor: 'uncertain' ones (planned, not documented as in
      force) only planned, suspended ones not counted; a consulate's own ties (consular, located_in) never
      count, whatever their tag: they say where a consulate is, not that it is used;
    - agreements with a local party, signed by the date ('uncertain' ones only planned);
    - activities with a local participant: begun by the date is work, later ones planned;
    - decisions taken by the date (by topic: 2c, 3d, g3);
    - budget lines of sister cities (topic ``fm``, the financing plan the council asked for).
    """
    ctx = prepare(source, as_of, home_id=home_id)
    day = ctx.as_of
    consulates = _home_consulates(ctx)
    rows: list[dict[str, Any]] = []
    seen: set[tuple[str, str, str]] = set()

    def add(points: Iterable[str], kind: str, rid: Any, state: str, via: str, title: tuple[str, str], on: Any) -> None:
        for p in points:
            key = (p, kind, str(rid))
            if key not in seen:  # the first reason wins: a tag before a topic
                seen.add(key)
                rows.append(
                    {
                        "point": p,
                        "kind": kind,
                        "id": str(rid),
                        "state": state,
                        "via": via,
                        "title_nb": title[0],
                        "title_en": title[1],
                        "on": on,
                    }
                )

    actions = {a["id"]: a for a in ctx.snap.plan_actions}
    for a in ctx.snap.plan_actions:
        if a.get("status") == "cancelled":
            continue
        work = a.get("status") in _ACTION_WORK and started(a.get("period_start"), day)
        add(
            points_of(a.get("strategy_points")),
            "action",
            a["id"],
            "work" if work else "planned",
            "tag",
            _titles(a, (a["id"], a["id"])),
            a.get("period_start"),
        )
    for ind in ctx.snap.indicators:
        measured = any(y is not None and int(y) <= day.year for y, _v, _s in ind.get("values", ()))
        name = (str(ind["name"]), str(ind.get("name_en") or ind["name"]))
        state = "work" if measured else "planned"
        add(points_of(ind.get("strategy_points")), "indicator", ind["id"], state, "tag", name, None)
        act = actions.get(ind.get("action_id"))
        if act is not None and act.get("status") != "cancelled":
            add(points_of(act.get("strategy_points")), "indicator", ind["id"], state, "action", name, None)

    for t in ctx.active:
        a = t.attrs
        if a.get("kind") in R.CONSULATE_OWN_TIE_KINDS or a.get("status") == "suspended":
            continue
        if not _home_related(ctx, (t.u, t.v, a.get("carrier_id"))):
            continue
        state = "planned" if a.get("status") == "uncertain" else "work"
        title = _tie_titles(ctx, t)
        add(points_of(a.get("strategy_points")), "tie", t.id, state, "tag", title, a.get("start"))
        for p, via in _tie_topics(ctx, t, consulates):
            add((p,), "tie", t.id, state, via, title, a.get("start"))

    for ag in ctx.snap.agreements:
        if started(ag.get("signed_on"), day) and _home_related(ctx, (e for e, _ in ag.get("parties", ()))):
            state = "planned" if ag.get("status") == "uncertain" else "work"
            add(
                points_of(ag.get("strategy_points")),
                "agreement",
                ag["id"],
                state,
                "tag",
                _titles(ag, (ag["id"], ag["id"])),
                ag.get("signed_on"),
            )

    for act in ctx.snap.activities:
        if not _home_related(ctx, (e for e, _ in act.get("participants", ()))):
            continue
        state = "work" if started(act.get("start"), day) else "planned"
        title = _titles(act, (act["id"], act["id"]))
        add(points_of(act.get("strategy_points")), "activity", act["id"], state, "tag", title, act.get("start"))
        for p, via in _activity_topics(ctx, act, consulates):
            add((p,), "activity", act["id"], state, via, title, act.get("start"))

    ends = {k: (u, v) for u, v, k in ctx.full.edges(keys=True)}
    for d in ctx.snap.decisions:
        if not started(d.get("decided_on"), day):
            continue
        kind = d.get("kind") or "category"
        title = _titles(d, (vocab.label("decision_kinds", kind, "nb"), vocab.label("decision_kinds", kind, "en")))
        if kind in REVIEW_DECISION_KINDS and _home_related(ctx, ends.get(d.get("tie_id"), ())):
            add(("2c",), "decision", d["id"], "work", "review_decision", title, d.get("decided_on"))
            if kind == "category" and d.get("category") == "solidarity":
                add(("g3",), "decision", d["id"], "work", "solidarity", title, d.get("decided_on"))
        if kind in ANCHORING_DECISION_KINDS:
            # Whose strategy a decision adopts is not recorded: the registry's decisions are its home's.
            add(("3d",), "decision", d["id"], "work", "anchoring", title, d.get("decided_on"))

    sisters = {
        t.id for t in ctx.active if t.attrs.get("kind") == "sister_city" and _home_related(ctx, (t.u, t.v, t.attrs.get("carrier_id")))
    }
    for line in ctx.snap.plan_lines:
        if line.get("tie_id") in sisters:
            what = f"{line.get('year')} · {line.get('purpose') or ''}"
            add(("fm",), "plan_line", line["id"], "work", "financing_plan", (what, what), line.get("year"))
    return pd.DataFrame(rows, columns=list(ITEM_COLUMNS))
