"""Documentation coverage: how much of what a source says exists the registry has documented (strategy 4a)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from .. import vocab
from .context import Context

__all__ = ["DOCUMENTATION_COLUMNS", "documented_count", "documentation"]

#: Columns of :func:`documentation`.
DOCUMENTATION_COLUMNS: tuple[str, ...] = (
    "measure", "documented", "declared", "missing", "as_of", "source", "text_nb", "text_en",
)


def documented_count(ctx: Context, measure: str) -> int:
    """Return how many of ``measure`` the registry documents for the home municipality as of the date.

    'consulates': consulates located in the home municipality; 'sister_cities':
    sister-city ties of the home that count on the date.
    """
    home = ctx.home
    if home is None:
        return 0
    if measure == "consulates":
        return sum(
            1 for t in ctx.active
            if t.attrs.get("kind") == "located_in" and t.v == home and ctx.kind(t.u) == "consulate"
        )
    if measure == "sister_cities":
        return len({t.v if t.u == home else t.u for t in ctx.active
                    if t.attrs.get("kind") == "sister_city" and home in (t.u, t.v)})
    raise KeyError(f"unknown measure {measure!r}")


def _number(n: int, lang: str) -> str:
    return f"{n:,}".replace(",", "\u00a0" if lang == "nb" else ",")


def documentation(ctx: Context) -> pd.DataFrame:
    """Return one row per declared total of the home municipality: documented against declared.

    ``text_nb`` and ``text_en`` read e.g. "6 av 22 konsulater er dokumentert" /
    "6 of 22 consulates are documented"; ``missing`` is how many are not (never
    below 0). Only the latest declared total of each measure by the date counts.
    """
    latest: dict[str, dict[str, Any]] = {}
    for row in ctx.snap.declared_totals:
        if row.get("entity_id") != ctx.home:
            continue
        prev = latest.get(row["measure"])
        if prev is None or str(row.get("as_of") or "") >= str(prev.get("as_of") or ""):
            latest[row["measure"]] = row
    rows = []
    for measure, row in sorted(latest.items()):
        have, total = documented_count(ctx, measure), int(row["total"])
        nb, en = vocab.label("declared_measures", measure, "nb").lower(), vocab.label("declared_measures", measure, "en").lower()
        rows.append({
            "measure": measure, "documented": have, "declared": total, "missing": max(total - have, 0),
            "as_of": row.get("as_of"), "source": row.get("source"),
            "text_nb": f"{_number(have, 'nb')} av {_number(total, 'nb')} {nb} er dokumentert",
            "text_en": f"{_number(have, 'en')} of {_number(total, 'en')} {en} are documented",
        })
    return pd.DataFrame(rows, columns=list(DOCUMENTATION_COLUMNS))
