"""The status of a twinning by the council's decisions: what the latest end, suspend or resume decision says."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from .. import dates
from .. import rules as R

__all__ = ["twinning_status"]


def twinning_status(decisions: Iterable[dict[str, Any]], as_of: date | None = None) -> tuple[str, dict[str, Any] | None]:
    """Return ``(status, decision)``: what the latest end, suspend or resume decision on a tie says by ``as_of``.

    ``status`` is 'ended', 'suspended' or 'active' (also when no such decision
    exists; then ``decision`` is None). Decisions take effect from their date; a
    date not yet reached (or none given, ``as_of`` None: every decision) counts
    only once it is. Ties of a day are ordered by id (entry order).

    >>> twinning_status([{"id": 1, "kind": "suspend_twinning", "decided_on": "2024"},
    ...                  {"id": 2, "kind": "resume_twinning", "decided_on": "2026-02"}], date(2025, 6, 1))[0]
    'suspended'
    """
    acting = [
        d
        for d in decisions
        if d.get("kind") in R.TWINNING_DECISION_KINDS
        and dates.is_partial_date(str(d.get("decided_on")))
        and (as_of is None or dates.earliest(str(d["decided_on"])) <= as_of)
    ]
    if not acting:
        return "active", None
    latest = max(acting, key=lambda d: (dates.earliest(str(d["decided_on"])), d.get("id") or 0))
    return R.TWINNING_DECISION_KINDS[latest["kind"]], latest
