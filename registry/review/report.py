"""The review of the registry as the app shows it: every finding, most severe first, with its labels and filters."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from .. import i18n, thresholds
from ..analysis.context import Context, prepare
from ..findings import SEVERITIES, finding_kind
from ..message import Message, render
from ..network.graph import snapshot

__all__ = ["Review", "review", "findings_frame", "urgent_findings", "finding_group"]

_SEVERITY_RANK = {code: i for i, (code, _, _) in enumerate(SEVERITIES)}

_FINDING_COLUMNS = [
    "kind",
    "subject",
    "subject_name",
    "subject_name_en",
    "severity",
    "score",
    "explanation_nb",
    "explanation_en",
    "evidence",
]


def _entity_names(graph: Any, n: str) -> tuple[str, str] | None:
    """Return ``(nb, en)`` names of entity ``n`` (or of a ``country:XX`` group); None when ``graph`` has no such entity."""
    if n.startswith("country:"):
        return i18n.country_name(n[8:], "nb"), i18n.country_name(n[8:], "en")
    if n not in graph:
        return None
    a = graph.nodes[n]
    nb = a.get("name") or n
    return nb, a.get("name_en") or nb


def _tie_ends(graph: Any) -> dict[str, tuple[str, str]]:
    """Return ``{tie id: (one end, other end)}`` for every tie of ``graph``."""
    return {k: (u, v) for u, v, k in graph.edges(keys=True)}


def _row_namer(graph: Any) -> Callable[[str, str], tuple[str, str]]:
    """Return a function giving an integrity finding's row as a reader knows it: ``(nb, en)``.

    An entity is its name, a tie its two ends' names ('Trondheim kommune – Graz');
    any other row, or one the graph does not hold, is its id.
    """
    ends: dict[str, tuple[str, str]] | None = None

    def of(table: str, row_id: str) -> tuple[str, str]:
        nonlocal ends
        if table == "entities" and row_id in graph:
            return _entity_names(graph, row_id)  # type: ignore[return-value]
        if table == "ties":
            ends = _tie_ends(graph) if ends is None else ends
            if row_id in ends:
                (a_nb, a_en), (b_nb, b_en) = (_entity_names(graph, n) or (n, n) for n in ends[row_id])
                return f"{a_nb} – {b_nb}", f"{a_en} – {b_en}"
        return row_id, row_id

    return of


def _nowhere(table: str, row_id: str) -> bool:
    return False


def _elsewhere(ctx: Context) -> Callable[[str, str], bool]:
    """Return a test of whether an integrity finding's row lies outside the home's network while other homes share the file.

    With one municipality the whole file is its review's; with several, an entity or a tie
    outside the home's network (:mod:`registry.analysis.scope`) is another home's to review.
    """
    if not ctx.others:
        return _nowhere
    ours, elsewhere = ctx.tie_ends, ctx.elsewhere

    def of(table: str, row_id: str) -> bool:
        if table == "entities":
            return row_id in elsewhere
        return table == "ties" and row_id not in ours

    return of


@dataclass(frozen=True)
class Review:
    """The analysis as the app shows it: every finding, the per-kind summary, the coverage matrices.

    ``summary`` has one row per finding kind (``kind``, ``count``, ``method``,
    ``note_nb``, ``note_en``); the matrices are sister city × sector and sister
    city × local-actor kind. All are empty when the analysis is not available.
    """

    findings: pd.DataFrame
    summary: pd.DataFrame
    sector_matrix: pd.DataFrame
    actor_matrix: pd.DataFrame
    home_id: str | None = None  # the municipality the analysis is for


def _sorted(df: pd.DataFrame) -> pd.DataFrame:
    """Return ``df`` most severe first, in its own order within a severity."""
    rank = df["severity"].map(lambda s: _SEVERITY_RANK.get(s, 99))
    return df.assign(_r=rank).sort_values("_r", kind="stable").drop(columns="_r").reset_index(drop=True)


# Defined in this module: the app's cache calls it by module and name (registry.review.report:review),
# so a replacement set on this module is the one that runs.
def review(conn: sqlite3.Connection, as_of: date | int | None = None, home_id: str | None = None, *, audit_log: bool = True) -> Review:
    """Return the :class:`Review` of the registry as of ``as_of`` (default today), most severe findings first.

    The findings come from :func:`registry.analysis.analyse` for the home
    municipality ``home_id`` (default: the configured home), one run for all
    kinds, followed by the integrity check's errors and warnings (kind 'integrity'). When several
    municipalities share the file, a warning on an entity or tie outside the home's network is left
    to the other homes' reviews (``check`` lists them all); errors are kept, as they harm the shared file.
    Without ``audit_log`` the check does not replay the audit log (rows written
    past the library are not looked for): about a second less at 10,000 entities.
    """
    frames = []
    empty = pd.DataFrame()
    summary, sectors, actors = empty, empty, empty
    home = None
    try:
        from .. import analysis  # the gaps-and-overlaps analysis
    except ImportError:  # pragma: no cover - only while the analysis module is missing
        analysis = None  # type: ignore[assignment]
    snap = snapshot(conn)
    theirs: Callable[[str, str], bool] = _nowhere
    if analysis is not None:
        ctx = prepare(snap, as_of, home_id=home_id)
        result = analysis.analyse(ctx, ctx.as_of, options=analysis.Options(home_id=ctx.home))
        home, theirs = result.home_id, _elsewhere(ctx)
        frames.append(result.all())
        summary, sectors, actors = result.summary, result.sector_matrix, result.actor_matrix
    from ..checks import check

    rows = []
    name_of = _row_namer(snap.graph)
    for f in check(conn, audit_log=audit_log):
        if f.level != "error" and theirs(f.table, f.row_id):
            continue  # another home's row: its warnings are that home's to review (errors harm the shared file)
        nb, en = name_of(f.table, f.row_id)
        text = f.data
        # A named row speaks for itself; a row known only by its id says which table it is in.
        if nb != f.row_id:
            msg = Message("check.row", {"row": Message("review.name", {"nb": nb, "en": en}), "text": text})
        else:
            table = Message("review.name", {"nb": i18n.table_label(f.table, "nb"), "en": i18n.table_label(f.table, "en")})
            msg = Message("check.row_in_table", {"table": table, "row": f.row_id, "text": text})
        rows.append(
            {
                "kind": "integrity",
                "subject": f.row_id,
                "subject_name": nb,
                "subject_name_en": en,
                "severity": "high" if f.level == "error" else "info",
                "score": None,
                "explanation_nb": render(msg, "nb"),
                "explanation_en": render(msg, "en"),
                "evidence": f.row_id,
            }
        )
    frames.append(pd.DataFrame(rows, columns=_FINDING_COLUMNS))
    found = (
        pd.concat([f for f in frames if len(f)], ignore_index=True)
        if any(len(f) for f in frames)
        else pd.DataFrame(columns=_FINDING_COLUMNS)
    )
    return Review(_sorted(found[_FINDING_COLUMNS]), summary, sectors, actors, home)


def findings_frame(conn: sqlite3.Connection, home_id: str | None = None) -> pd.DataFrame:
    """Return every finding of :func:`review` for ``home_id``, most severe first (the table the gaps page downloads)."""
    return review(conn, home_id=home_id).findings


def urgent_findings(
    findings: pd.DataFrame,
    limit: int = int(thresholds.threshold("urgent_findings_listed")),
    per_kind: int = int(thresholds.threshold("urgent_findings_per_kind")),
) -> pd.DataFrame:
    """Return up to ``limit`` findings of ``findings`` (most severe first), at most ``per_kind`` of each kind.

    Findings only 'for information' are left out. Each kind's first finding is
    chosen before any kind's second, so the list shows different kinds rather
    than eight rows that say one thing; the rows keep their order.
    """
    keep = findings[findings["severity"] != "info"].reset_index(drop=True)
    nth = keep.groupby("kind", sort=False).cumcount()
    chosen = nth[nth < per_kind].sort_values(kind="stable").head(limit).index
    return keep.loc[sorted(chosen)].reset_index(drop=True)


def finding_group(kind: str) -> str:
    """Return the group of a finding kind: 'gap', 'overlap' or 'opportunity' ('gap' when unknown)."""
    try:
        return finding_kind(kind).group
    except KeyError:
        return "gap"
