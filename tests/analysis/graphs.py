"""Helpers shared by the analysis tests: run one finding kind on a tiny registry and read what it found."""

from dataclasses import replace

import pandas as pd

from registry import analysis
from registry.network.graph import Snapshot
from tests.mini import Mini

DAY = "2025-12-31"


def found(m: Mini, kind: str, **options) -> pd.DataFrame:
    """Return the findings of ``kind`` on the Mini as of DAY, checking the frame's columns, kind and text."""
    df = analysis.findings(m.snap(), kind, as_of=DAY, options=analysis.Options(**options))
    assert list(df.columns) == list(analysis.FRAME_COLUMNS)
    assert (df["kind"] == kind).all()
    assert all(df["explanation_nb"].str.len() > 0) and all(df["explanation_en"].str.len() > 0)
    return df


def subjects(df: pd.DataFrame) -> list[str]:
    """Return the subjects of a findings frame, sorted."""
    return sorted(df["subject"])


def snap_with(m: Mini, **tables) -> Snapshot:
    """Return the Mini's snapshot with other tables (agreements, declared totals) added."""
    return replace(m.snap(), **tables)


def found_in(snap: Snapshot, kind: str, as_of: str = DAY) -> pd.DataFrame:
    """Return the findings of ``kind`` on a snapshot (with its added tables), checking their kind."""
    df = analysis.findings(snap, kind, as_of=as_of)
    assert (df["kind"] == kind).all()
    return df
