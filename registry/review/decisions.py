"""Decisions and money of the review: the decision history, recording a decision, budget lines and their totals."""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

import pandas as pd

from .. import dates, rules as R, store, vocab
from ..errors import InvalidRow, Problem

__all__ = ["decision_history", "financing_plan", "financing_totals", "record_decision"]


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
    if kind == "category" and category == R.NOT_ENOUGH_DATA:
        problems.append(Problem("decisions", 1, "category", "'not enough data' is a suggestion, not a category to decide"))
    elif kind == "category" and category not in codes:
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
