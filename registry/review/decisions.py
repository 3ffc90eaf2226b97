"""Decisions and money of the review: the decision history, recording a decision, budget lines and their totals."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import date
from typing import Any

import pandas as pd

from .. import dates, vocab
from .. import rules as R
from ..errors import InvalidRow, Problem
from ..store import writes as store

__all__ = [
    "decision_history",
    "financing_plan",
    "financing_totals",
    "financing_table",
    "financing_sums",
    "relation_plan_lines",
    "record_decision",
]


def _frame(conn: sqlite3.Connection, sql: str, params: tuple[Any, ...]) -> pd.DataFrame:
    cur = conn.execute(sql, params)
    return pd.DataFrame(cur.fetchall(), columns=[d[0] for d in cur.description])


def decision_history(conn: sqlite3.Connection, tie_id: str) -> pd.DataFrame:
    """Return the decisions on a tie, oldest first: categories, entering, suspending, resuming or ending the twinning.

    ``kind`` says which; the latest 'category' row is the category in force, and the
    latest end, suspend or resume row the twinning's status (:func:`registry.analysis.twinning.twinning_status`).
    """
    df = _frame(
        conn,
        "SELECT id, coalesce(kind, 'category') AS kind, tie_id, category, title, title_nb, decided_on, decided_by, case_ref, "
        "reason, source, scope, review_on, updated_by, updated_at FROM decisions WHERE tie_id = ? ORDER BY id",
        (tie_id,),
    )
    if len(df):
        # Partial dates sort by the first day they cover; the id breaks ties (entry order).
        key = [dates.earliest(d) if dates.is_partial_date(str(d)) else date.max for d in df["decided_on"]]
        df = df.assign(_k=key).sort_values(["_k", "id"], kind="stable").drop(columns="_k").reset_index(drop=True)
    return df


_PLAN_COLUMNS = ["id", "tie_id", "activity_id", "year", "kind", "amount", "currency", "funder", "funder_id", "purpose", "source"]


def financing_plan(conn: sqlite3.Connection, tie_id: str) -> pd.DataFrame:
    """Return the budget lines of a relation (planned and actual) by year: on the tie and on its activities.

    A line counts for the relation when it is on the tie itself or on an activity
    linked to the tie (``activity_ties``). ``kind`` is 'plan' or 'actual',
    ``currency`` an ISO 4217 code (NOK where none was given), ``external`` marks
    non-municipal money and ``via`` says 'tie' or 'activity'.
    """
    df = _frame(
        conn,
        "SELECT id, tie_id, activity_id, year, coalesce(kind, 'plan') AS kind, amount, "
        "coalesce(currency, 'NOK') AS currency, funder, funder_id, purpose, source FROM plan_lines "
        "WHERE tie_id = ? OR activity_id IN (SELECT activity_id FROM activity_ties WHERE tie_id = ?) ORDER BY year, id",
        (tie_id, tie_id),
    )
    return _with_flags(df, tie_id)


def _with_flags(df: pd.DataFrame, tie_id: str) -> pd.DataFrame:
    df["external"] = [str(f).strip().lower() != R.MUNICIPAL_FUNDER for f in df["funder"]]
    df["via"] = ["tie" if t == tie_id else "activity" for t in df["tie_id"]]
    return df


def relation_plan_lines(plan_lines: Iterable[dict[str, Any]], activities: Iterable[dict[str, Any]], tie_id: str) -> pd.DataFrame:
    """Return :func:`financing_plan` of ``tie_id`` from a snapshot's plan lines and activities (no database).

    >>> relation_plan_lines([{"id": 1, "tie_id": None, "activity_id": "a", "year": 2025, "amount": 5,
    ...                       "funder": "municipal", "purpose": "p"}], [{"id": "a", "tie_ids": ("t",)}], "t")["via"].tolist()
    ['activity']
    """
    linked = {a["id"] for a in activities if tie_id in a.get("tie_ids", ())}
    rows = [
        {c: p.get(c) for c in _PLAN_COLUMNS}
        for p in plan_lines
        if p.get("tie_id") == tie_id or (p.get("activity_id") and p["activity_id"] in linked)
    ]
    for r in rows:
        r["kind"] = r["kind"] or "plan"
        r["currency"] = r["currency"] or "NOK"
    df = pd.DataFrame(rows, columns=_PLAN_COLUMNS)
    if len(df):
        df = df.sort_values(["year", "id"], kind="stable").reset_index(drop=True)
    return _with_flags(df, tie_id)


def financing_totals(plan: pd.DataFrame) -> pd.DataFrame:
    """Return per-year planned totals of a :func:`financing_plan`: columns year, municipal, external, total.

    Only planned lines in one currency add up: amounts are NOK (lines in other currencies
    and actual figures are listed in the plan, not summed here; see :func:`financing_table`).
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


def financing_table(plan: pd.DataFrame) -> pd.DataFrame:
    """Return plan and actual by year and funder in NOK: columns year, funder, external, planned, actual.

    Lines in another currency are left out (they cannot be added to kroner; the
    plan lists them). One row per year and funder, by year then funder as written.

    >>> plan = pd.DataFrame({"year": [2025, 2025, 2025], "funder": ["municipal", "municipal", "EU"],
    ...     "kind": ["plan", "actual", "plan"], "amount": [100, 90, 40], "currency": ["NOK"] * 3,
    ...     "external": [False, False, True]})
    >>> financing_table(plan).to_dict("records")[1]
    {'year': 2025, 'funder': 'municipal', 'external': False, 'planned': 100, 'actual': 90}
    """
    cols = ["year", "funder", "external", "planned", "actual"]
    if plan.empty:
        return pd.DataFrame(columns=cols)
    nok = plan[plan["currency"] == "NOK"]
    rows: dict[tuple[int, str], dict[str, Any]] = {}
    for r in nok.itertuples():
        key = (int(r.year), str(r.funder))
        row = rows.setdefault(key, {"year": int(r.year), "funder": str(r.funder), "external": bool(r.external), "planned": 0, "actual": 0})
        row["planned" if r.kind == "plan" else "actual"] += int(r.amount or 0)
    return pd.DataFrame([rows[k] for k in sorted(rows)], columns=cols)


def financing_sums(plan: pd.DataFrame) -> dict[str, int]:
    """Return the totals of a plan in NOK: planned, actual, and planned municipal and external money."""
    table = financing_table(plan)
    ext = table[table["external"].astype(bool)] if len(table) else table
    return {
        "planned": int(table["planned"].sum()) if len(table) else 0,
        "actual": int(table["actual"].sum()) if len(table) else 0,
        "planned_external": int(ext["planned"].sum()) if len(ext) else 0,
        "planned_municipal": (int(table["planned"].sum()) - int(ext["planned"].sum())) if len(table) else 0,
    }


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
    scope: str | None = None,
    review_on: str | None = None,
) -> dict[str, Any]:
    """Record a decision; return the stored row.

    ``kind`` is a code of ``decision_kinds``: 'category' (the default) needs a
    sister-city tie and a category; entering, ending, suspending (with ``scope``
    and the ``review_on`` date it is to be reviewed) or resuming a twinning needs the tie;
    adopting a strategy or an action plan needs neither (give a ``title``).
    Raises InvalidRow listing every problem: the date must be a partial date not
    in the future, and who decided and why must be given. History is kept: a new
    decision never replaces an old one, it follows it.
    """
    problems = []
    kinds = [t.code for t in vocab.DECISION_KINDS]
    if kind not in kinds:
        problems.append(Problem.of("decisions", 1, "kind", "unknown_decision_kind", kind=kind, known=", ".join(kinds)))
    tie = store.get(conn, "ties", tie_id) if tie_id else None
    if tie_id and tie is None:
        problems.append(Problem.of("decisions", 1, "tie_id", "no_tie", tie=tie_id))
    if kind in ("category", "enter_twinning", *R.TWINNING_DECISION_KINDS):
        if not tie_id:
            problems.append(Problem.of("decisions", 1, "tie_id", "decision_needs_tie", kind=kind))
        elif tie is not None and tie["kind"] != "sister_city":
            problems.append(Problem.of("decisions", 1, "tie_id", "is_not_sister_tie", tie=tie_id, kind=tie["kind"]))
    codes = [t.code for t in vocab.CATEGORIES]
    if kind == "category" and category == R.NOT_ENOUGH_DATA:
        problems.append(Problem.of("decisions", 1, "category", "not_enough_data_decided"))
    elif kind == "category" and category not in codes:
        problems.append(Problem.of("decisions", 1, "category", "unknown_category", category=category, known=", ".join(codes)))
    text = str(decided_on or "").strip()
    if not dates.is_partial_date(text):
        problems.append(Problem.of("decisions", 1, "decided_on", "not_a_date_use", value=decided_on))
    elif dates.earliest(text) > date.today():
        problems.append(Problem.of("decisions", 1, "decided_on", "in_future", value=text))
    if review_on and not dates.is_partial_date(str(review_on).strip()):
        problems.append(Problem.of("decisions", 1, "review_on", "not_a_date_use", value=review_on))
    for col, value in (("decided_by", decided_by), ("reason", reason)):
        if not str(value or "").strip():
            problems.append(Problem.of("decisions", 1, col, "required_empty"))
    if problems:
        raise InvalidRow(problems)
    row = {
        "kind": kind,
        "tie_id": tie_id or None,
        "category": category if kind == "category" else None,
        "title": title or None,
        "decided_on": text,
        "decided_by": decided_by,
        "case_ref": case_ref or None,
        "reason": reason,
        "source": source or None,
    }
    if kind == "suspend_twinning":  # what is frozen and when the council looks at it again
        row.update(scope=(scope or "").strip() or None, review_on=(review_on or "").strip() or None)
    return store.insert(conn, "decisions", row, actor=actor)
