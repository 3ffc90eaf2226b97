"""The network page's metrics table: the year's table (computed once per registry version and year), a view's rows of it."""

from __future__ import annotations

import functools
from typing import NamedTuple

import networkx as nx
import pandas as pd
import streamlit as st

from app_pages._database import conn, db_key, revision_snapshot
from app_pages._tables import blank
from app_pages._text import lang
from registry import i18n, view, vocab
from registry.analysis import metrics, metrics_cache
from registry.network.graph import GraphFilter


class ViewMetrics(NamedTuple):
    """The metrics of the entities a view shows, as numbers of the whole registry in its year."""

    table: pd.DataFrame  # entity_metrics's own columns (names in the page's language): the CSV download
    shown: pd.DataFrame  # the same rows, labelled in the page's language, as the page shows them
    sampled: int | None  # the betweenness sample size, None when exact
    nodes: int  # the entities of the year's whole graph, the betweenness sample's population


@st.cache_data(show_spinner=False, max_entries=8)
def _version(path: str, rev: int) -> str:
    return metrics_cache.registry_version(conn())


# Resources (read only, shared by every session): one table per registry revision and year. A miss
# reads the table from disk, where another session or an earlier run of the app may have put it.
@st.cache_resource(show_spinner=False, max_entries=8)
def _year_table(path: str, rev: int, year: GraphFilter) -> pd.DataFrame:
    return metrics_cache.year_metrics(revision_snapshot(path, rev), path, _version(path, rev), year)


@st.cache_resource(show_spinner=False, max_entries=16)
def _year_labelled(path: str, rev: int, year: GraphFilter, language: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    # Names, labels and headers put on once per year and language, not on every filter.
    base = _year_table(path, rev, year)
    nodes = revision_snapshot(path, rev).graph.nodes
    df = base.assign(
        name=[view.display_name(nodes[n], language, str(n)) if n in nodes else name for n, name in zip(base["id"], base["name"])]
    )
    df.attrs = dict(base.attrs)
    by_kind = {c: vocab.label("tie_kinds", c.removeprefix("ties_"), language) for c in df.columns if c.startswith("ties_")}
    # Each label once per distinct value, not once per row.
    kinds = {k: vocab.label("entity_kinds", k, language) for k in df["kind"].dropna().unique()}
    countries = {c: i18n.country_name(c, language) for c in df["country_code"].dropna().unique() if isinstance(c, str) and c}
    tr = functools.partial(i18n.t, lang=language)
    shown = df.assign(kind=df["kind"].map(kinds), country_code=df["country_code"].map(countries).fillna("")).rename(
        columns={
            "id": tr("col.id"),
            "name": tr("metrics.name"),
            "kind": tr("col.kind"),
            "country_code": tr("col.country"),
            "ties": tr("metrics.ties"),
            **by_kind,
            "neighbours": tr("metrics.neighbours"),
            "countries": tr("metrics.countries"),
            "cities": tr("metrics.cities"),
            "betweenness": tr("metrics.betweenness"),
            "last_activity": tr("metrics.last_activity"),
        }
    )
    return df, blank(shown)


def view_metrics(flt: GraphFilter, g: nx.MultiDiGraph) -> ViewMetrics:
    """Return the metrics rows of the entities in ``g`` (the view ``flt`` and its categories give), for this revision.

    The numbers are the whole registry's in ``flt``'s year (computed once per registry version
    and year, see :mod:`registry.analysis.metrics_cache`); a filter only chooses the rows.
    """
    path, rev = db_key()
    table, shown = _year_labelled(path, rev, metrics_cache.year_filter(flt), lang())
    keep = table["id"].isin(set(g)).to_numpy()
    rows = metrics.view_rows(table, g)
    return ViewMetrics(rows, shown[keep].reset_index(drop=True), table.attrs.get("sampled"), len(table))
