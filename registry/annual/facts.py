"""The annual report's facts: what the registry holds for one year, gathered once and rendered several ways."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pandas as pd

from .. import cells, dates, vocab
from .. import rules as R
from ..analysis.context import Context, prepare
from ..network.graph import Snapshot
from ..render.strategy_text import items_in
from ..review import strategy, strategy_view

__all__ = ["AnnualReport", "annual_report", "in_year", "kind_counts", "ACTIVITY_COLUMNS", "MONEY_COLUMNS"]

#: Columns of :attr:`AnnualReport.activities`.
ACTIVITY_COLUMNS: tuple[str, ...] = ("id", "kind", "title", "title_nb", "start", "sectors", "purpose", "points", "cost_nok")
#: Columns of :attr:`AnnualReport.money`.
MONEY_COLUMNS: tuple[str, ...] = ("funder", "plan", "actual", "line_ids")


def in_year(value: Any, year: int) -> bool:
    """Return True when a partial date lies within ``year`` (a year, a month or a day of it).

    >>> in_year("2024-05", 2024), in_year("2023", 2024), in_year(None, 2024)
    (True, False, False)
    """
    if cells.missing(value):
        return False
    text = str(value).strip()
    if not dates.is_partial_date(text):
        return False
    return dates.earliest(text).year == year and dates.latest(text).year == year


@dataclass(frozen=True)
class AnnualReport:
    """What the registry holds for one year of the home municipality's international work.

    Every table keeps the ids of its rows, so each figure can be traced to the rows it counts.
    """

    year: int
    home: str | None
    home_names: tuple[str, str]  # (nb, en)
    #: Activities begun in the year with a local participant (:data:`ACTIVITY_COLUMNS`); ``cost_nok`` adds the
    #: activity's actual NOK lines of the year.
    activities: pd.DataFrame
    #: Agreements with a local party signed, due for review or ended in the year: id, title, title_nb, event, on.
    agreements: pd.DataFrame
    #: Decisions taken in the year: id, kind, title, title_nb, decided_on, decided_by, case_ref.
    decisions: pd.DataFrame
    #: Budget lines of the year by funder, NOK (:data:`MONEY_COLUMNS`); lines in other currencies are left out.
    money: pd.DataFrame
    #: Indicators: :func:`registry.review.strategy_view.indicator_status` as of the year's end, with ``series``.
    indicators: pd.DataFrame
    #: The actions of the plan whose period covers the year (id, title, title_nb, status, points, responsible).
    actions: pd.DataFrame
    #: The strategy point by point as of the year's end (:func:`registry.review.strategy_view.strategy_view`).
    points: pd.DataFrame
    #: By language ('nb', 'en'): the rows :func:`registry.review.strategy.strategy_items` counts for each point
    #: that belong to the year — dated in it, actions whose period covers it, indicators measured in it.
    items: dict[str, pd.DataFrame] = field(default_factory=dict)
    #: The same counts for the year before: activities, agreements, decisions, plan, actual.
    previous: dict[str, int] = field(default_factory=dict)
    #: The same counts for this year.
    counts: dict[str, int] = field(default_factory=dict)


def _local(ctx: Context, ends: Any) -> bool:
    local, located, home = ctx.local, ctx.located, ctx.home
    return any(e in local or (home is not None and located.get(e) == home) for e in ends if e)


def _activities(ctx: Context, year: int) -> pd.DataFrame:
    cost: dict[str, int] = {}
    for p in ctx.snap.plan_lines:
        if p.get("activity_id") and p.get("kind") == "actual" and p.get("currency", "NOK") == "NOK" and p.get("year") == year:
            cost[p["activity_id"]] = cost.get(p["activity_id"], 0) + int(p["amount"])
    rows = [
        {
            "id": a["id"],
            "kind": a.get("kind"),
            "title": a.get("title"),
            "title_nb": a.get("title_nb"),
            "start": a.get("start"),
            "sectors": a.get("sectors"),
            "purpose": a.get("purpose"),
            "points": a.get("strategy_points"),
            "cost_nok": cost.get(a["id"], 0),
        }
        for a in ctx.snap.activities
        if in_year(a.get("start"), year) and _local(ctx, (e for e, _ in a.get("participants", ())))
    ]
    return pd.DataFrame(rows, columns=list(ACTIVITY_COLUMNS))


def _agreements(ctx: Context, year: int) -> pd.DataFrame:
    rows = []
    for ag in ctx.snap.agreements:
        if not _local(ctx, (e for e, _ in ag.get("parties", ()))):
            continue
        for event, column in (("signed", "signed_on"), ("review", "review_on"), ("ended", "ended_on")):
            if in_year(ag.get(column), year):
                rows.append(
                    {"id": ag["id"], "title": ag.get("title"), "title_nb": ag.get("title_nb"), "event": event, "on": ag.get(column)}
                )
    return pd.DataFrame(rows, columns=["id", "title", "title_nb", "event", "on"])


def _decisions(ctx: Context, year: int) -> pd.DataFrame:
    rows = [
        {
            "id": d["id"],
            "kind": d.get("kind") or "category",
            "title": d.get("title"),
            "title_nb": d.get("title_nb"),
            "decided_on": d.get("decided_on"),
            "decided_by": d.get("decided_by"),
            "case_ref": d.get("case_ref"),
        }
        for d in ctx.snap.decisions
        if in_year(d.get("decided_on"), year)
    ]
    return pd.DataFrame(rows, columns=["id", "kind", "title", "title_nb", "decided_on", "decided_by", "case_ref"])


def _money(ctx: Context, year: int) -> pd.DataFrame:
    by: dict[str, dict[str, Any]] = {}
    for p in ctx.snap.plan_lines:
        if p.get("year") != year or p.get("currency", "NOK") != "NOK":
            continue
        funder = str(p.get("funder") or "")
        row = by.setdefault(funder, {"funder": funder, "plan": 0, "actual": 0, "line_ids": []})
        row["actual" if p.get("kind") == "actual" else "plan"] += int(p["amount"])
        row["line_ids"].append(str(p["id"]))
    # The municipality's own money first, then external funders by name.
    order = sorted(by, key=lambda f: (f != R.MUNICIPAL_FUNDER, f))
    rows = [{**by[f], "line_ids": ";".join(by[f]["line_ids"])} for f in order]
    return pd.DataFrame(rows, columns=list(MONEY_COLUMNS))


def _actions(ctx: Context, year: int) -> pd.DataFrame:
    first, last = date(year, 1, 1), date(year, 12, 31)
    rows = []
    for a in ctx.snap.plan_actions:
        start, end = a.get("period_start"), a.get("period_end")
        if start and dates.is_partial_date(str(start)) and dates.earliest(str(start)) > last:
            continue
        if end and dates.is_partial_date(str(end)) and dates.latest(str(end)) < first:
            continue
        rows.append(
            {
                "id": a["id"],
                "title": a.get("title"),
                "title_nb": a.get("title_nb"),
                "status": a.get("status"),
                "points": a.get("strategy_points"),
                "responsible": a.get("responsible"),
            }
        )
    return pd.DataFrame(rows, columns=["id", "title", "title_nb", "status", "points", "responsible"])


def _indicators(ctx: Context, year: int) -> pd.DataFrame:
    status = strategy_view.indicator_status(ctx, date(year, 12, 31))
    series = {
        i["id"]: tuple((int(y), v) for y, v, _s in i.get("values", ()) if y is not None and int(y) <= year) for i in ctx.snap.indicators
    }
    return status.assign(series=[series.get(i, ()) for i in status["id"]])


def _counts(ctx: Context, year: int) -> dict[str, int]:
    money = _money(ctx, year)
    return {
        "activities": len(_activities(ctx, year)),
        "agreements": int((_agreements(ctx, year)["event"] == "signed").sum()),
        "decisions": len(_decisions(ctx, year)),
        "plan": int(money["plan"].sum()) if len(money) else 0,
        "actual": int(money["actual"].sum()) if len(money) else 0,
    }


def annual_report(source: sqlite3.Connection | Snapshot | Context, year: int, home_id: str | None = None) -> AnnualReport:
    """Return the :class:`AnnualReport` of ``year`` for the home municipality (default: the configured home).

    Activities and agreements count when a local actor takes part (as in the strategy view); decisions and
    budget lines of the year all count (the registry's decisions and budget are its home's). ``points`` is
    the strategy as of the year's last day; ``previous`` holds this year's counts for the year before.
    """
    ctx = prepare(source, date(year, 12, 31), home_id=home_id)
    home = ctx.home
    names = ctx.names(home) if home else ("", "")
    before = prepare(ctx.snap, date(year - 1, 12, 31), home_id=home)
    actions, indicators = _actions(ctx, year), _indicators(ctx, year)
    measured = {r["id"] for r in indicators.to_dict("records") if any(y == year for y, _ in r["series"])}
    found = strategy.strategy_items(ctx, ctx.as_of, home_id=home)
    action_ids = set(actions["id"])
    keep = [
        (k == "action" and i in action_ids)
        or (k == "indicator" and i in measured)
        or (k not in ("action", "indicator") and in_year(on, year))
        for k, i, on in zip(found["kind"], found["id"], found["on"])
    ]
    # One title column per report language, as the report's text reads them (registry.render.strategy_text).
    # A boolean Series, not the list: an empty list would select no columns of an empty registry's items.
    kept = found[pd.Series(keep, index=found.index, dtype=bool)].reset_index(drop=True)
    items = {lang: items_in(kept, lang) for lang in ("nb", "en")}
    return AnnualReport(
        year=year,
        home=home,
        home_names=names,
        activities=_activities(ctx, year),
        agreements=_agreements(ctx, year),
        decisions=_decisions(ctx, year),
        money=_money(ctx, year),
        indicators=indicators,
        actions=actions,
        points=strategy_view.strategy_view(ctx, ctx.as_of, home_id=home),
        items=items,
        previous=_counts(before, year - 1),
        counts=_counts(ctx, year),
    )


def kind_counts(frame: pd.DataFrame, column: str, vocabulary: str) -> list[tuple[str, int]]:
    """Return ``(code, count)`` of a coded (possibly ';'-separated) column, in the vocabulary's order."""
    counts: dict[str, int] = {}
    for cell in frame[column]:
        for code in strategy.points_of(cell):
            counts[code] = counts.get(code, 0) + 1
    order = [t.code for t in vocab.VOCABULARIES.get(vocabulary, ())]
    return sorted(counts.items(), key=lambda kv: (order.index(kv[0]) if kv[0] in order else len(order), kv[0]))
