"""The facts of the council summary: one case per sister city, and the category tallies the overview shows.

:mod:`registry.render.summary` writes them as Markdown or printable HTML.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import pandas as pd

from .. import vocab
from ..network.graph import snapshot
from . import classify

__all__ = ["CATEGORY_ORDER", "category_counts", "CityCase", "gather"]

#: The order of the council's categories in every table and in the summary (strategy 2c, then undecided).
CATEGORY_ORDER: tuple[str, ...] = tuple(t.code for t in vocab.CATEGORIES)


def category_counts(suggestions: Sequence[classify.Suggestion]) -> pd.DataFrame:
    """Return how many sister cities are assigned and suggested each category (columns category, assigned, suggested).

    'assigned' counts category decisions only: the relations without one are the
    last row, :data:`classify.NO_DECISION` ('No decision'; suggested 0 there, as it
    is no category). Label the rows with :func:`registry.render.labels.category_label`.

    >>> int(category_counts([])["assigned"].sum())
    0
    """
    assigned = {c: 0 for c in CATEGORY_ORDER}
    suggested = dict(assigned)
    for s in suggestions:
        if s.decided:
            assigned[s.assigned] = assigned.get(s.assigned, 0) + 1
        suggested[s.suggested] = suggested.get(s.suggested, 0) + 1
    assigned[classify.NO_DECISION] = sum(1 for s in suggestions if not s.decided)
    suggested[classify.NO_DECISION] = 0
    cats = list(assigned)
    return pd.DataFrame({"category": cats, "assigned": [assigned[c] for c in cats], "suggested": [suggested[c] for c in cats]})


@dataclass(frozen=True)
class CityCase:
    """One sister city as the council sees it: the suggestion, its financing plan and decisions."""

    suggestion: classify.Suggestion
    start: str | None
    plan: pd.DataFrame
    decisions: pd.DataFrame


def gather(conn: sqlite3.Connection, as_of: date | int | None = None, home_id: str | None = None) -> list[CityCase]:
    """Return one :class:`CityCase` per sister city of ``home_id`` (default: the configured home) counting on ``as_of``, by name.

    A twinning ended by a decision taken by the date is not among them (:func:`classify.ended` lists those);
    ``plan`` holds the budget lines on the tie and on its activities.
    """
    snap = snapshot(conn)
    out = []
    for s in classify.suggest(snap, as_of=as_of, home_id=home_id):
        attrs = snap.graph.edges[s.home_id, s.city_id, s.tie_id] if snap.graph.has_edge(s.home_id, s.city_id, s.tie_id) else {}
        out.append(CityCase(s, attrs.get("start"), classify.financing_plan(conn, s.tie_id), classify.decision_history(conn, s.tie_id)))
    return out
