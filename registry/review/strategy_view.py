"""The strategy point by point as a table: each point's state, its work, money and findings, and the indicators.

:mod:`registry.review.strategy` finds what serves each point (the items); this module sums
them per point (:func:`strategy_view`), reads the indicators against their targets
(:func:`indicator_status`), and names the points with nothing or only plans registered.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

import pandas as pd

from .. import dates, vocab
from ..analysis.context import Context, prepare
from ..findings import FINDING_KINDS
from ..network.graph import Snapshot
from .strategy import COUNCIL, points_of, started, strategy_items

__all__ = [
    "STRATEGY_COLUMNS",
    "INDICATOR_COLUMNS",
    "strategy_view",
    "strategy_for",
    "indicator_status",
    "unserved_points",
    "planned_points",
]

#: Columns of :func:`strategy_view`, in order.
STRATEGY_COLUMNS: tuple[str, ...] = (
    "point",
    "title_nb",
    "title_en",
    "council_mark",
    "council_point",
    "state",
    "actions",
    "indicators",
    "ties",
    "agreements",
    "activities",
    "decisions",
    "findings",
    "planned_nok",
    "actual_nok",
    "last_activity_on",
    "nothing_registered",
    "action_ids",
    "indicator_ids",
    "tie_ids",
    "agreement_ids",
    "activity_ids",
    "decision_ids",
    "finding_kinds",
)

#: Columns of :func:`indicator_status`.
INDICATOR_COLUMNS: tuple[str, ...] = (
    "id",
    "name",
    "name_en",
    "unit",
    "direction",
    "baseline",
    "baseline_year",
    "target",
    "target_year",
    "latest_year",
    "latest_value",
    "reached",
    "action_id",
    "points",
)

#: Item kinds, in the order the view counts them; the view's count and id columns of each.
_KIND_COLUMNS: dict[str, tuple[str, str] | None] = {
    "action": ("actions", "action_ids"),
    "indicator": ("indicators", "indicator_ids"),
    "tie": ("ties", "tie_ids"),
    "agreement": ("agreements", "agreement_ids"),
    "activity": ("activities", "activity_ids"),
    "decision": ("decisions", "decision_ids"),
    "plan_line": None,
}


def indicator_status(source: sqlite3.Connection | Snapshot | Context, as_of: date | str | int | None = None) -> pd.DataFrame:
    """Return one row per indicator (:data:`INDICATOR_COLUMNS`): its latest value by the date against its target.

    ``latest_year`` and ``latest_value`` are the last value measured in or before the year of ``as_of``
    (None when none is); ``reached`` is True when that value meets the target in the indicator's
    direction (at or above for 'higher', at or below for 'lower'), False when it does not, and None
    without a value or a target. ``points`` are the indicator's own strategy points and its action's.
    """
    ctx = prepare(source, as_of)
    year = ctx.as_of.year
    actions = {a["id"]: a for a in ctx.snap.plan_actions}
    rows = []
    for ind in ctx.snap.indicators:
        known = [(int(y), v) for y, v, _s in ind.get("values", ()) if y is not None and int(y) <= year and v is not None]
        latest = max(known) if known else None
        target = ind.get("target")
        reached = None
        if latest is not None and target is not None:
            reached = latest[1] <= target if ind.get("direction") == "lower" else latest[1] >= target
        act = actions.get(ind.get("action_id"), {})
        points = list(dict.fromkeys(points_of(ind.get("strategy_points")) + points_of(act.get("strategy_points"))))
        rows.append(
            {
                "id": ind["id"],
                "name": ind["name"],
                "name_en": ind.get("name_en"),
                "unit": ind.get("unit"),
                "direction": ind.get("direction"),
                "baseline": ind.get("baseline"),
                "baseline_year": ind.get("baseline_year"),
                "target": target,
                "target_year": ind.get("target_year"),
                "latest_year": latest[0] if latest else None,
                "latest_value": latest[1] if latest else None,
                "reached": reached,
                "action_id": ind.get("action_id"),
                "points": ";".join(points),
            }
        )
    return pd.DataFrame(rows, columns=list(INDICATOR_COLUMNS))


def strategy_view(
    source: sqlite3.Connection | Snapshot | Context,
    as_of: date | str | int | None = None,
    home_id: str | None = None,
    findings: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Return one row per strategy point (:data:`STRATEGY_COLUMNS`), in the strategy's order.

    The counts are of the rows :func:`strategy_items` finds for the point (planned ones included);
    ``state`` is 'work' when one of them is work, 'planned' when all are only planned, 'nothing' when
    there is none (``nothing_registered``). ``planned_nok`` and ``actual_nok`` add the NOK budget lines
    of the point's ties, activities and actions, and the sister cities' lines for ``fm`` (other
    currencies are not summed). ``findings`` (e.g. ``analyse(...).all()``) adds the findings whose kind
    serves the point; findings are not work and leave the state as it is. ``last_activity_on`` is the
    latest start of an activity begun, as registered (``2017-08`` stays a month). ``council_mark`` and
    ``council_point`` say how the council's decision marks the point (:data:`COUNCIL`).

    >>> from registry import connect
    >>> df = strategy_view(connect(":memory:"), as_of=2025)
    >>> df.loc[df["point"] == "1i", "state"].item()
    'nothing'
    """
    ctx = prepare(source, as_of, home_id=home_id)
    items = strategy_items(ctx, ctx.as_of, home_id=ctx.home)
    acts = {a["id"]: a for a in ctx.snap.activities}

    kinds_by_point: dict[str, list[str]] = {}
    counts: dict[str, int] = {}
    if findings is not None and len(findings):
        per_kind = findings["kind"].value_counts().to_dict()
        for k in FINDING_KINDS:
            if per_kind.get(k.code):
                for p in points_of(k.strategy):
                    kinds_by_point.setdefault(p, []).append(k.code)
                    counts[p] = counts.get(p, 0) + int(per_kind[k.code])

    by_point: dict[str, list[dict[str, Any]]] = {}
    for r in items.to_dict("records"):
        by_point.setdefault(r["point"], []).append(r)
    rows = []
    for term in vocab.STRATEGY_POINTS:
        held = by_point.get(term.code, [])
        ids = {k: [r["id"] for r in held if r["kind"] == k] for k in _KIND_COLUMNS}
        planned, actual = _money(ctx, ids)
        state = "work" if any(r["state"] == "work" for r in held) else "planned" if held else "nothing"
        begun = [
            str(acts[i]["start"]).strip()
            for i in ids["activity"]
            if i in acts and acts[i].get("start") and dates.is_partial_date(str(acts[i]["start"])) and started(acts[i]["start"], ctx.as_of)
        ]
        # Ordered by the span the date covers, shown as registered: "2017-08" stays a month.
        last = max(begun, key=lambda s: (dates.earliest(s), dates.latest(s)), default=None)
        mark = COUNCIL.get(term.code)
        row = {
            "point": term.code,
            "title_nb": term.label_nb,
            "title_en": term.label_en,
            "council_mark": mark.mark if mark else None,
            "council_point": mark.point if mark else None,
            "state": state,
            "findings": counts.get(term.code, 0),
            "planned_nok": planned,
            "actual_nok": actual,
            "last_activity_on": last,
            "nothing_registered": state == "nothing",
            "finding_kinds": ";".join(kinds_by_point.get(term.code, [])),
        }
        for kind, columns in _KIND_COLUMNS.items():
            if columns:
                row[columns[0]] = len(ids[kind])
                row[columns[1]] = ";".join(ids[kind])
        rows.append(row)
    return pd.DataFrame(rows, columns=list(STRATEGY_COLUMNS))


def strategy_for(
    source: sqlite3.Connection | Snapshot | Context, as_of: date | str | int | None = None, home_id: str | None = None
) -> pd.DataFrame:
    """Return the :func:`strategy_view` with the analysis's findings counted in: what the app and CLI show."""
    from .. import analysis  # local: the analysis builds on the review's evidence

    ctx = prepare(source, as_of, home_id=home_id)
    found = analysis.analyse(ctx, ctx.as_of, analysis.Options(home_id=ctx.home)).all()
    return strategy_view(ctx, ctx.as_of, home_id=ctx.home, findings=found)


def _money(ctx: Context, ids: dict[str, list[str]]) -> tuple[int, int]:
    ties, acts, actions = set(ids["tie"]), set(ids["activity"]), set(ids["action"])
    lines = {str(i) for i in ids["plan_line"]}
    planned = actual = 0
    for p in ctx.snap.plan_lines:
        if p.get("currency", "NOK") != "NOK":
            continue
        if not (p.get("tie_id") in ties or p.get("activity_id") in acts or p.get("action_id") in actions or str(p.get("id")) in lines):
            continue
        if p.get("kind", "plan") == "actual":
            actual += int(p["amount"])
        else:
            planned += int(p["amount"])
    return planned, actual


def unserved_points(view: pd.DataFrame) -> list[str]:
    """Return the codes of the points of a :func:`strategy_view` with nothing registered, in order."""
    return [str(p) for p in view.loc[view["state"] == "nothing", "point"]]


def planned_points(view: pd.DataFrame) -> list[str]:
    """Return the codes of the points of a :func:`strategy_view` with only plans registered, in order."""
    return [str(p) for p in view.loc[view["state"] == "planned", "point"]]
