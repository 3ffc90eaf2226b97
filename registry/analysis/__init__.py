"""Gaps, overlaps and opportunities in the registry: one table of findings per kind, and a summary.

Every finding kind is a pure function of a prepared :class:`~registry.analysis.context.Context`
(the registry as of a date); :func:`analyse` runs them all, the app, the CLI and
the notebook call it the same way. The kinds, their titles and help are
declared in :data:`registry.findings.FINDING_KINDS`; each family of kinds has its
module (``thin_relations``, ``unused_actors``, ``isolation``, ``brokerage``, ``suggestions``, ...).

Every finding is a row of facts whose explanation is a message (a code and its
parameters); :mod:`registry.i18n.findings` writes it in bokmål and English where
the table is made, and every explanation ends with what to do next. Registered
activities count as activity wherever a finding looks at activity, and bodies
that do not exist on the date (dissolved, or not yet founded) are left out.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from .. import thresholds
from ..collector import collector_paused
from ..findings import FINDING_KINDS, SEVERITIES, finding_kind
from ..i18n.findings import both
from ..message import Message
from ..network.graph import Snapshot
from .articulation import single_point_of_failure
from .brokerage import structural_hole
from .context import Context, as_date, prepare
from .coverage_matrices import actor_matrix, sector_matrix
from .documentation import DOCUMENTATION_COLUMNS, documentation, documentation_gap
from .dormancy import went_dormant
from .isolation import isolated
from .overlaps import likely_duplicate, many_channels, opportunity, shared_partner
from .rows import FINDING_COLUMNS, FRAME_COLUMNS, Found
from .solidarity import one_way_solidarity
from .suggestions import suggested_connection
from .thin_relations import thin_relation
from .undocumented_ties import undocumented_tie
from .unused_actors import forum_isolated, unused_consulate

__all__ = [
    "FINDING_KINDS",
    "FINDING_COLUMNS",
    "FRAME_COLUMNS",
    "SUMMARY_COLUMNS",
    "FUNCTIONS",
    "Options",
    "Analysis",
    "analyse",
    "findings",
    "coverage",
    "documentation",
    "write_csv",
    "prepare",
    "as_date",
]

FINDING_KINDS = FINDING_KINDS

#: kind code -> the function that finds it; the order of :data:`FINDING_KINDS`.
FUNCTIONS: dict[str, Callable[[Context], Found]] = {
    "thin_relation": thin_relation,
    "unused_consulate": unused_consulate,
    "forum_isolated": forum_isolated,
    "undocumented_tie": undocumented_tie,
    "documentation_gap": documentation_gap,
    "one_way_solidarity": one_way_solidarity,
    "went_dormant": went_dormant,
    "isolated": isolated,
    "single_point_of_failure": single_point_of_failure,
    "structural_hole": structural_hole,
    "shared_partner": shared_partner,
    "many_channels": many_channels,
    "likely_duplicate": likely_duplicate,
    "opportunity": opportunity,
    "suggested_connection": suggested_connection,
}
assert list(FUNCTIONS) == [k.code for k in FINDING_KINDS], "every declared finding kind has one function"

#: Columns of :attr:`Analysis.summary`.
SUMMARY_COLUMNS: tuple[str, ...] = ("kind", "group", "title_nb", "title_en", "count", "method", "note_nb", "note_en", "seconds")
_SEVERITY_ORDER = {code: i for i, (code, _, _) in enumerate(SEVERITIES)}


@dataclass(frozen=True)
class Options:
    """What to analyse: which finding kinds (default all), the rules, and the home municipality (default found)."""

    kinds: tuple[str, ...] = tuple(FUNCTIONS)
    rules: thresholds.Rules = field(default_factory=lambda: thresholds.DEFAULT_RULES)
    home_id: str | None = None


@dataclass
class Analysis:
    """The result of :func:`analyse`: one DataFrame per finding kind, a summary, the coverage matrices.

    ``findings[kind]`` has :data:`FRAME_COLUMNS`, most severe first. The
    summary has one row per kind run, saying how many were found, whether the
    method was exact, sampled or skipped at this size, and a note ('none found
    in this data' when a kind found nothing).
    """

    as_of: date
    home_id: str | None
    findings: dict[str, pd.DataFrame]
    summary: pd.DataFrame
    sector_matrix: pd.DataFrame
    actor_matrix: pd.DataFrame
    #: Documented against declared totals (e.g. 6 of 22 consulates): :func:`documentation`.
    documentation: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(DOCUMENTATION_COLUMNS)))

    def all(self) -> pd.DataFrame:
        """Return every finding in one DataFrame, in the order of the kinds."""
        frames = [f for f in self.findings.values() if len(f)]
        if not frames:
            return pd.DataFrame(columns=list(FRAME_COLUMNS))
        return pd.concat(frames, ignore_index=True)


def _frame(rows: list[dict]) -> pd.DataFrame:
    """Return the findings as a table: the explanation and the subject's name (messages) written in bokmål and English."""
    # The output edge: the rows are facts and messages until here (registry.i18n.findings writes them).
    out = []
    for r in rows:
        nb, en = both(r["message"])
        name_nb, name_en = both(r["subject_name"])
        out.append({**r, "subject_name": name_nb, "subject_name_en": name_en, "explanation_nb": nb, "explanation_en": en})
    df = pd.DataFrame(out, columns=list(FRAME_COLUMNS))
    if len(df):
        df = df.assign(_s=df["severity"].map(_SEVERITY_ORDER)).sort_values("_s", kind="stable")
        df = df.drop(columns="_s").reset_index(drop=True)
    return df


def findings(
    source: sqlite3.Connection | Snapshot | Context, kind: str, as_of: date | str | int | None = None, options: Options | None = None
) -> pd.DataFrame:
    """Return the findings of one kind as a DataFrame (:data:`FRAME_COLUMNS`), most severe first."""
    options = options or Options()
    ctx = prepare(source, as_of, options.rules, options.home_id)
    return _frame(FUNCTIONS[kind](ctx).rows)


def coverage(
    source: sqlite3.Connection | Snapshot | Context, as_of: date | str | int | None = None, options: Options | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the coverage matrices ``(sister city × sector, sister city × local-actor kind)``."""
    options = options or Options()
    ctx = prepare(source, as_of, options.rules, options.home_id)
    return sector_matrix(ctx), actor_matrix(ctx)


def analyse(
    source: sqlite3.Connection | Snapshot | Context, as_of: date | str | int | None = None, options: Options | None = None
) -> Analysis:
    """Return the :class:`Analysis` of a registry as of a date (default today).

    ``source`` is a connection, a :class:`~registry.network.graph.Snapshot` or a context
    from :func:`~registry.analysis.context.prepare`; nothing is written.

    >>> from registry import connect
    >>> a = analyse(connect(":memory:"), as_of=2020)
    >>> a.summary.loc[0, "note_en"]
    'none found in this data'
    """
    options = options or Options()
    unknown = set(options.kinds) - set(FUNCTIONS)
    if unknown:
        raise KeyError(f"unknown finding kind(s): {', '.join(sorted(unknown))}")
    # The analysis only allocates; on a large graph the collector's full passes over
    # millions of live objects cost more than the analysis itself, so it waits.
    with collector_paused():
        return _analyse(source, as_of, options)


def _analyse(source: sqlite3.Connection | Snapshot | Context, as_of: date | str | int | None, options: Options) -> Analysis:
    ctx = prepare(source, as_of, options.rules, options.home_id)
    out: dict[str, pd.DataFrame] = {}
    summary = []
    for kind in FUNCTIONS:
        if kind not in options.kinds:
            continue
        started = time.perf_counter()
        found = FUNCTIONS[kind](ctx)
        out[kind] = _frame(found.rows)
        k = finding_kind(kind)
        note: Message | str = found.note or ""
        if not found.rows and found.method != "skipped":
            note = Message("finding.none_found_and", {"note": found.note}) if found.note else Message("finding.none_found")
        note_nb, note_en = both(note)
        summary.append(
            {
                "kind": kind,
                "group": k.group,
                "title_nb": k.title_nb,
                "title_en": k.title_en,
                "count": len(found.rows),
                "method": found.method,
                "note_nb": note_nb,
                "note_en": note_en,
                "seconds": round(time.perf_counter() - started, 3),
            }
        )
    return Analysis(
        as_of=ctx.as_of,
        home_id=ctx.home,
        findings=out,
        summary=pd.DataFrame(summary, columns=list(SUMMARY_COLUMNS)),
        sector_matrix=sector_matrix(ctx),
        actor_matrix=actor_matrix(ctx),
        documentation=documentation(ctx),
    )


def write_csv(result: Analysis, directory: str | Path) -> list[Path]:
    """Write one CSV per finding kind, ``summary.csv``, the two coverage matrices and ``documentation.csv``; return the paths.

    Files are UTF-8 with a header row, even when a kind found nothing, so a
    missing file always means a kind that was not run. A finding file has
    :data:`FINDING_COLUMNS` (the English subject name stays in memory).
    """
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    frames = {
        **{k: f[list(FINDING_COLUMNS)] for k, f in result.findings.items()},
        "summary": result.summary,
        "coverage_sectors": result.sector_matrix,
        "coverage_actors": result.actor_matrix,
        "documentation": result.documentation,
    }
    for name, df in frames.items():
        path = out / f"{name}.csv"
        df.to_csv(path, index=False, encoding="utf-8")
        paths.append(path)
    return paths
