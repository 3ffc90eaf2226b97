"""The strategy view: for each point of the strategy, what the registry holds that serves it.

The annual report to the council asks, point by point, what was done. This view
answers from the registry: the relations (ties) and agreements tagged with the
point, the activities, the money planned and spent on them, and the findings of
the analysis that concern the point — and it lists the points with nothing
registered, which is itself a finding.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any, Iterable

import pandas as pd

from .. import dates, rules as R, vocab
from ..analysis.context import Context, prepare
from ..graph import Snapshot

__all__ = ["STRATEGY_COLUMNS", "points_of", "strategy_view", "strategy_for", "unserved_points", "strategy_text"]

#: Columns of :func:`strategy_view`, in order.
STRATEGY_COLUMNS: tuple[str, ...] = (
    "point", "title_nb", "title_en", "ties", "agreements", "activities", "findings",
    "planned_nok", "actual_nok", "last_activity_on", "nothing_registered", "tie_ids", "agreement_ids",
    "activity_ids", "finding_kinds",
)


def points_of(text: Any) -> tuple[str, ...]:
    """Return the strategy points of a ';'-separated cell, in order, without blanks.

    >>> points_of("2a; 4e")
    ('2a', '4e')
    >>> points_of(None)
    ()
    """
    return tuple(p.strip() for p in str(text or "").split(";") if p.strip())


def _started(start: Any, day: date) -> bool:
    # Undated rows count: their date is unknown, not absent.
    return not (start and dates.is_partial_date(str(start)) and dates.earliest(str(start)) > day)


def _home_related(ctx: Context, ends: Iterable[str]) -> bool:
    # The home's own actors, and bodies located in the home municipality (its consulates).
    local, located, home = ctx.local, ctx.located, ctx.home
    return any(e in local or (home is not None and located.get(e) == home) for e in ends if e)


def strategy_view(
    source: sqlite3.Connection | Snapshot | Context,
    as_of: date | str | int | None = None,
    home_id: str | None = None,
    findings: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Return one row per strategy point (:data:`STRATEGY_COLUMNS`), in the strategy's order.

    Counted for the home municipality as of the date: ties that count and involve
    a local actor, agreements with a local party, activities with a local
    participant that had begun. ``planned_nok`` and ``actual_nok`` add the NOK
    budget lines of those ties and activities (other currencies are not summed).
    ``findings`` (e.g. ``analyse(...).all()``) adds the findings whose kind serves
    the point. ``nothing_registered`` is True when a point has no tie, agreement
    or activity. ``last_activity_on`` is the latest activity start as registered
    (a partial date stays partial: ``2017-08``, never ``2017-08-01``).

    >>> from registry import connect
    >>> df = strategy_view(connect(":memory:"), as_of=2025)
    >>> bool(df.loc[df["point"] == "1i", "nothing_registered"].item())
    True
    """
    ctx = prepare(source, as_of, home_id=home_id)
    day = ctx.as_of
    by_point: dict[str, dict[str, list[str]]] = {t.code: {"ties": [], "agreements": [], "activities": []}
                                                 for t in vocab.STRATEGY_POINTS}
    last: dict[str, tuple[date, date, str]] = {}

    def add(kind: str, points: tuple[str, ...], rid: str) -> None:
        for p in points:
            by_point.setdefault(p, {"ties": [], "agreements": [], "activities": []})[kind].append(rid)

    for t in ctx.active:
        a = t.attrs
        if _home_related(ctx, (t.u, t.v, a.get("carrier_id"))):
            add("ties", points_of(a.get("strategy_points")), t.id)
    for ag in ctx.snap.agreements:
        if _started(ag.get("signed_on"), day) and _home_related(ctx, (e for e, _ in ag.get("parties", ()))):
            add("agreements", points_of(ag.get("strategy_points")), ag["id"])
    for act in ctx.snap.activities:
        if not _started(act.get("start"), day) or not _home_related(ctx, (e for e, _ in act.get("participants", ()))):
            continue
        pts = points_of(act.get("strategy_points"))
        add("activities", pts, act["id"])
        if act.get("start") and dates.is_partial_date(str(act["start"])):
            # Ordered by the span the date covers, shown as registered: "2017-08" stays a month.
            text = str(act["start"]).strip()
            when = (dates.earliest(text), dates.latest(text), text)
            for p in pts:
                last[p] = max(last.get(p, when), when)

    kinds_by_point: dict[str, list[str]] = {}
    counts: dict[str, int] = {}
    if findings is not None and len(findings):
        per_kind = findings["kind"].value_counts().to_dict()
        for k in R.FINDING_KINDS:
            if per_kind.get(k.code):
                for p in points_of(k.strategy):
                    kinds_by_point.setdefault(p, []).append(k.code)
                    counts[p] = counts.get(p, 0) + int(per_kind[k.code])

    rows = []
    for term in vocab.STRATEGY_POINTS:
        held = by_point[term.code]
        planned, actual = _money(ctx, held["ties"], held["activities"])
        rows.append({
            "point": term.code, "title_nb": term.label_nb, "title_en": term.label_en,
            "ties": len(held["ties"]), "agreements": len(held["agreements"]), "activities": len(held["activities"]),
            "findings": counts.get(term.code, 0), "planned_nok": planned, "actual_nok": actual,
            "last_activity_on": last[term.code][2] if term.code in last else None,
            "nothing_registered": not (held["ties"] or held["agreements"] or held["activities"]),
            "tie_ids": ";".join(held["ties"]), "agreement_ids": ";".join(held["agreements"]),
            "activity_ids": ";".join(held["activities"]), "finding_kinds": ";".join(kinds_by_point.get(term.code, [])),
        })
    return pd.DataFrame(rows, columns=list(STRATEGY_COLUMNS))


def strategy_for(
    source: sqlite3.Connection | Snapshot | Context,
    as_of: date | str | int | None = None,
    home_id: str | None = None,
) -> pd.DataFrame:
    """Return the :func:`strategy_view` with the analysis's findings counted in: what the app and CLI show."""
    from .. import analysis  # local: the analysis builds on the review's evidence

    ctx = prepare(source, as_of, home_id=home_id)
    found = analysis.analyse(ctx, ctx.as_of, analysis.Options(home_id=ctx.home)).all()
    return strategy_view(ctx, ctx.as_of, home_id=ctx.home, findings=found)


def _money(ctx: Context, tie_ids: list[str], activity_ids: list[str]) -> tuple[int, int]:
    ties, acts = set(tie_ids), set(activity_ids)
    planned = actual = 0
    for p in ctx.snap.plan_lines:
        if p.get("currency", "NOK") != "NOK" or not (p.get("tie_id") in ties or p.get("activity_id") in acts):
            continue
        if p.get("kind", "plan") == "actual":
            actual += int(p["amount"])
        else:
            planned += int(p["amount"])
    return planned, actual


def unserved_points(view: pd.DataFrame) -> list[str]:
    """Return the codes of the points of a :func:`strategy_view` with nothing registered, in order."""
    return [str(p) for p in view.loc[view["nothing_registered"], "point"]]


_HEAD = {
    "nb": ("punkt", "relasjoner", "avtaler", "aktiviteter", "funn", "plan NOK", "regnskap NOK",
           "Ingenting registrert for {n} av {total} punkter: {points}"),
    "en": ("point", "relations", "agreements", "activities", "findings", "planned NOK", "actual NOK",
           "Nothing registered for {n} of {total} points: {points}"),
}


def _amount(n: int, lang: str) -> str:
    return f"{n:,}".replace(",", "\u00a0" if lang == "nb" else ",")


def strategy_text(view: pd.DataFrame, lang: str = "nb") -> str:
    """Return a :func:`strategy_view` as a plain-text table in ``lang``, with the unserved points listed last."""
    h = _HEAD[lang]
    title = "title_nb" if lang == "nb" else "title_en"
    lines = [f"{h[0]:<5} {h[1]:>10} {h[2]:>8} {h[3]:>11} {h[4]:>5} {h[5]:>12} {h[6]:>12}  "]
    for r in view.itertuples():
        lines.append(f"{r.point:<5} {r.ties:>10} {r.agreements:>8} {r.activities:>11} {r.findings:>5} "
                     f"{_amount(r.planned_nok, lang):>12} {_amount(r.actual_nok, lang):>12}  {getattr(r, title)}")
    empty = unserved_points(view)
    lines.append("")
    lines.append(h[7].format(n=len(empty), total=len(view), points=", ".join(empty)))
    return "\n".join(lines) + "\n"
