"""The registry as a networkx MultiDiGraph, filtered as of a date and by kind, sector and country."""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import networkx as nx

from .. import dates
from ..collector import collector_paused

__all__ = ["GraphFilter", "Snapshot", "tie_active", "build_graph", "filter_graph", "snapshot", "to_simple_graph"]

_ENTITY_COLS = (
    "id",
    "kind",
    "name",
    "name_en",
    "country_code",
    "lat",
    "lon",
    "url",
    "wikidata_id",
    "notes",
    "source",
    "founded",
    "dissolved",
    "successor_id",
    "verified_on",
)
_TIE_COLS = (
    "id",
    "from_id",
    "to_id",
    "kind",
    "directed",
    "sectors",
    "start",
    "start_certainty",
    "end",
    "status",
    "carrier_id",
    "municipal_role",
    "reciprocity",
    "goals",
    "indicators",
    "funding",
    "strategy_points",
    "source",
    "notes",
    "agreement_id",
    "verified_on",
)


def _shared_key_dicts(columns: tuple[str, ...]) -> Any:
    """Return a factory of empty dicts that share one key table for ``columns``.

    CPython keeps an instance's ``__dict__`` as a split table: the keys live once in
    the class and each dict holds only its values. Ties are 300k dicts of the same
    10-15 column names, so this holds them in about two thirds of a plain dict's
    memory (docs/benchmark.md, "What was changed to get here"). They are ordinary dicts to every reader; one
    given a key outside ``columns`` simply becomes a plain dict.
    """
    holder = type("_Row", (), {})
    primer = holder()
    for c in columns:  # the key table learns the columns in table order, once
        setattr(primer, c, None)
    return lambda: holder().__dict__


_new_node_attrs = _shared_key_dicts(_ENTITY_COLS[1:])
_new_tie_attrs = _shared_key_dicts(_TIE_COLS)


@dataclass(frozen=True)
class GraphFilter:
    """Which part of the registry a graph shows; empty sets mean 'all'.

    ``skip_undated`` leaves out ties with no start date when ``as_of`` is set: whether
    such a tie existed in a past year is unknown (the app counts them today and in the
    whole history only; the review and analysis keep counting them). A filtered graph
    says in ``graph["undated_left_out"]`` how many ties this left out.
    ``hide_isolated`` drops the entities left with no tie.
    With ``as_of`` set, an entity that did not exist in that year is left out with its
    ties: one founded after ``as_of``, or dissolved before the year began (a body
    dissolved 2017-12-31 is there in 2017, not in 2018). Unknown dates keep it.
    """

    as_of: date | None = None
    entity_kinds: frozenset[str] = field(default_factory=frozenset)
    tie_kinds: frozenset[str] = field(default_factory=frozenset)
    sectors: frozenset[str] = field(default_factory=frozenset)
    countries: frozenset[str] = field(default_factory=frozenset)
    skip_undated: bool = False
    hide_isolated: bool = False

    @classmethod
    def make(
        cls,
        as_of: date | str | int | None = None,
        entity_kinds: Iterable[str] = (),
        tie_kinds: Iterable[str] = (),
        sectors: Iterable[str] = (),
        countries: Iterable[str] = (),
        skip_undated: bool = False,
        hide_isolated: bool = False,
    ) -> GraphFilter:
        """Return a filter; ``as_of`` may be a date, a partial date text or a year (its last day)."""
        if isinstance(as_of, int):
            as_of = date(as_of, 12, 31)
        elif isinstance(as_of, str):
            as_of = dates.latest(as_of)
        return cls(
            as_of,
            frozenset(entity_kinds),
            frozenset(tie_kinds),
            frozenset(sectors),
            frozenset(countries),
            bool(skip_undated),
            bool(hide_isolated),
        )


def tie_active(start: str | None, end: str | None, status: str | None, as_of: date | None, undated: bool = True) -> bool:
    """Return True when a tie counts on ``as_of``: started by then and not ended.

    A tie with no start date counts (its date is unknown, not absent) unless
    ``undated`` is False; a tie with status 'ended' and no end date counts as
    ended. Without ``as_of`` every tie that has not ended counts, and ended ties
    too (the whole history).

    >>> tie_active(None, None, "active", date(1990, 12, 31)), tie_active(None, None, "active", date(1990, 12, 31), undated=False)
    (True, False)
    """
    if as_of is None:
        return True
    span = _span(start) if start else None
    if span is None and not undated:
        return False
    if span is not None and span[0] > as_of:
        return False
    span = _span(end) if end else None
    if span is not None:
        return span[1] >= as_of
    return status != "ended"


def _span(text: Any) -> tuple[date, date] | None:
    """Return ``(earliest, latest)`` of a partial date, or None when ``text`` is not one."""
    return _text_span(text) if isinstance(text, str) else None


# A registry has a few thousand distinct dates and filters ask about every tie on every
# change: parsing once per distinct text halves an as-of filter of 300k ties.
@functools.lru_cache(maxsize=1 << 16)
def _text_span(text: str) -> tuple[date, date] | None:
    if not dates.is_partial_date(text):
        return None
    return dates.earliest(text), dates.latest(text)


def storage(g: nx.MultiDiGraph) -> tuple[dict[Any, Any], dict[Any, Any], dict[Any, Any]]:
    """Return the node, successor and predecessor dicts a MultiDiGraph keeps its structure in (for bulk builds)."""
    # networkx keeps these private; bulk builds fill them directly (see build_graph).
    return g._node, g._succ, g._pred  # type: ignore[attr-defined]


def build_graph(conn: sqlite3.Connection, flt: GraphFilter | None = None) -> nx.MultiDiGraph:
    """Return the registry as a MultiDiGraph: entities as nodes, ties as edges keyed by tie id.

    Node and edge attributes are the table columns (None left out, so GraphML
    can write them). A tie is kept when it passes every filter; entity filters
    drop the nodes and their ties.

    >>> from registry.store.db import connect
    >>> g = build_graph(connect(":memory:"))
    >>> g.number_of_nodes()
    0
    """
    flt = flt or GraphFilter()
    everything = flt == GraphFilter()
    g: nx.MultiDiGraph = nx.MultiDiGraph()
    # The collector finds nothing to free while we only add; pausing it halves a bulk build.
    with collector_paused():
        # Equal values (kinds, statuses, dates, sources, the ids a tie points to) share one
        # string object instead of one per cell: a 100k-entity graph holds about 40% less.
        share = dict[Any, Any]().setdefault
        undated = 0
        # Filled directly: networkx's add_edges_from copies each attribute dict and builds
        # three views per edge, which made up most of a 300k-tie build. The structure is
        # the one add_edges_from makes (tests/test_graph.py compares the two).
        node, succ, pred = storage(g)
        for row in conn.execute(f"SELECT {', '.join(_ENTITY_COLS)} FROM entities"):
            attrs = _new_node_attrs()
            attrs.update([(k, share(v, v)) for k, v in zip(_ENTITY_COLS[1:], row[1:]) if v is not None])
            if everything or _keep_node(attrs, flt):
                n = share(row[0], row[0])
                node[n] = attrs
                succ[n] = {}
                pred[n] = {}
        for row in conn.execute(f"SELECT {', '.join(f'[{c}]' for c in _TIE_COLS)} FROM ties"):
            attrs = _new_tie_attrs()
            attrs.update([(k, share(v, v)) for k, v in zip(_TIE_COLS, row) if v is not None])
            u, v = attrs["from_id"], attrs["to_id"]
            if u not in node or v not in node:
                continue
            if "dissolved" in node[u] or "dissolved" in node[v]:
                _end_with_dissolved(attrs, node[u], node[v])
            if not everything and not _keep_edge(attrs, flt):
                undated += flt.skip_undated and _left_undated(attrs, flt)
                continue
            keys = succ[u].get(v)
            if keys is None:
                keys = succ[u][v] = {}
                pred[v][u] = keys
            keys[attrs["id"]] = attrs
        _finish(g, flt, undated)
    return g


def _end_with_dissolved(tie: dict[str, Any], *ends: dict[str, Any]) -> None:
    # A tie cannot outlive a body at either end: it ends when the first of them is dissolved.
    # ``ended_by`` keeps the reason, so the recorded end of the tie itself is not mistaken for a fact.
    for end in ends:
        d = end.get("dissolved")
        span = _span(d)
        if span is None:
            continue
        own = _span(tie.get("end"))
        if own is None or own[1] > span[1]:
            tie["end"] = d
            tie["ended_by"] = "dissolved"


def _keep_node(attrs: dict[str, Any], flt: GraphFilter) -> bool:
    if flt.entity_kinds and attrs.get("kind") not in flt.entity_kinds:
        return False
    if flt.countries and attrs.get("country_code") not in flt.countries:
        return False
    return flt.as_of is None or _existed(attrs, flt.as_of)


def _existed(attrs: dict[str, Any], as_of: date) -> bool:
    # Alive some day of as_of's year up to as_of: founded by then (its first possible day,
    # so "2016" exists in 2016) and not dissolved before the year began (its last possible
    # day, so "2017-12-31" and "2017" exist in 2017). Missing or unreadable dates keep it.
    founded = _span(attrs.get("founded"))
    if founded is not None and founded[0] > as_of:
        return False
    dissolved = _span(attrs.get("dissolved"))
    return dissolved is None or dissolved[1] >= date(as_of.year, 1, 1)


def _keep_edge(attrs: dict[str, Any], flt: GraphFilter) -> bool:
    if flt.tie_kinds and attrs.get("kind") not in flt.tie_kinds:
        return False
    if flt.sectors and not flt.sectors & set((attrs.get("sectors") or "").split(";")):
        return False
    return tie_active(attrs.get("start"), attrs.get("end"), attrs.get("status"), flt.as_of, not flt.skip_undated)


def _left_undated(attrs: dict[str, Any], flt: GraphFilter) -> bool:
    # A tie refused only for its missing start date: every other filter passes it.
    return _keep_edge(attrs, GraphFilter(flt.as_of, flt.entity_kinds, flt.tie_kinds, flt.sectors, flt.countries))


def _finish(g: nx.MultiDiGraph, flt: GraphFilter, undated: int) -> None:
    # Built in place: the count of undated ties left out, the entities left alone dropped.
    if flt.skip_undated and flt.as_of is not None:
        g.graph["undated_left_out"] = undated
    if flt.hide_isolated:
        node, succ, pred = storage(g)
        for n in [n for n in node if not succ[n] and not pred[n]]:
            del node[n], succ[n], pred[n]
    nx._clear_cache(g)


def filter_graph(g: nx.MultiDiGraph, flt: GraphFilter | None = None) -> nx.MultiDiGraph:
    """Return a new MultiDiGraph holding the part of ``g`` that passes ``flt``.

    The same rules as :func:`build_graph`, applied to a graph already in memory,
    so the app and the analysis can build the whole history once and look at it
    as of many dates. Attribute dicts are shared with ``g`` (treat them as read-only).
    An empty filter returns ``g`` itself.

    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("a", "b", key="a--b", kind="sister_city", start="1990", end="2000")
    'a--b'
    >>> filter_graph(g, GraphFilter.make(as_of=2010)).number_of_edges()
    0
    """
    flt = flt or GraphFilter()
    if flt == GraphFilter():
        return g
    h: nx.MultiDiGraph = nx.MultiDiGraph()
    with collector_paused():
        # Filled directly, as in build_graph (add_nodes_from/add_edges_from copied every
        # attribute dict: 4 s of an app filter change at 100k entities), in the order
        # g.edges() gives, so the result is the graph they would build.
        node, succ, pred = storage(h)
        undated = 0
        for n, a in g.nodes(data=True):
            if _keep_node(a, flt):
                node[n] = a
                succ[n] = {}
                pred[n] = {}
        for u, nbrs in storage(g)[1].items():
            if u not in node:
                continue
            out = succ[u]
            for v, keyed in nbrs.items():
                if v not in node:
                    continue
                for k, a in keyed.items():
                    if _keep_edge(a, flt):
                        keys = out.get(v)
                        if keys is None:
                            keys = out[v] = {}
                            pred[v][u] = keys
                        keys[k] = a
                    elif flt.skip_undated:
                        undated += _left_undated(a, flt)
        _finish(h, flt, undated)
    return h


@dataclass(frozen=True)
class Snapshot:
    """The whole registry in memory: the full-history graph, the decisions and the plan lines.

    Classification and analysis are pure functions of a snapshot; building one is
    the only step that reads the database.
    """

    graph: nx.MultiDiGraph
    decisions: tuple[dict[str, Any], ...] = ()
    plan_lines: tuple[dict[str, Any], ...] = ()
    #: Each activity row with ``participants`` ((entity id, role), ...) and ``tie_ids`` (ids) added.
    activities: tuple[dict[str, Any], ...] = ()
    #: Each agreement row with ``parties`` ((entity id, role), ...) added.
    agreements: tuple[dict[str, Any], ...] = ()
    #: The registry's settings, key -> value text (see :mod:`registry.settings`).
    settings: Mapping[str, str] = field(default_factory=dict)
    #: Totals that sources declare (22 consulates, 13 twin towns): rows of ``declared_totals``.
    declared_totals: tuple[dict[str, Any], ...] = ()
    #: The action plan's actions, each with ``partners`` ((entity id, role), ...) and ``tie_ids`` added.
    plan_actions: tuple[dict[str, Any], ...] = ()
    #: Each indicator row with ``values`` ((year, value, source), ... by year) added.
    indicators: tuple[dict[str, Any], ...] = ()


def snapshot(conn: sqlite3.Connection) -> Snapshot:
    """Return a :class:`Snapshot` of the registry: every entity and tie (no filter), decisions, plan lines."""

    def rows(sql: str) -> tuple[dict[str, Any], ...]:
        cur = conn.execute(sql)
        names = [d[0] for d in cur.description]
        return tuple(dict(zip(names, r)) for r in cur)

    participants: dict[str, list[tuple[str, str]]] = {}
    for aid, eid, role in conn.execute("SELECT activity_id, entity_id, role FROM activity_participants ORDER BY id"):
        participants.setdefault(aid, []).append((eid, role))
    tie_ids: dict[str, list[str]] = {}
    for aid, tid in conn.execute("SELECT activity_id, tie_id FROM activity_ties ORDER BY id"):
        tie_ids.setdefault(aid, []).append(tid)
    parties: dict[str, list[tuple[str, str]]] = {}
    for aid, eid, role in conn.execute("SELECT agreement_id, entity_id, coalesce(role, 'party') FROM agreement_parties ORDER BY id"):
        parties.setdefault(aid, []).append((eid, role))
    activities = tuple(
        {**a, "participants": tuple(participants.get(a["id"], ())), "tie_ids": tuple(tie_ids.get(a["id"], ()))}
        for a in rows("SELECT * FROM activities ORDER BY start, id")
    )
    agreements = tuple({**a, "parties": tuple(parties.get(a["id"], ()))} for a in rows("SELECT * FROM agreements ORDER BY id"))
    partners: dict[str, list[tuple[str, str]]] = {}
    for aid, eid, role in conn.execute("SELECT action_id, entity_id, coalesce(role, 'partner') FROM action_partners ORDER BY id"):
        partners.setdefault(aid, []).append((eid, role))
    action_ties: dict[str, list[str]] = {}
    for aid, tid in conn.execute("SELECT action_id, tie_id FROM action_ties ORDER BY id"):
        action_ties.setdefault(aid, []).append(tid)
    values: dict[str, list[tuple[int, float, str]]] = {}
    for iid, year, value, source in conn.execute("SELECT indicator_id, year, value, source FROM indicator_values ORDER BY year, id"):
        values.setdefault(iid, []).append((year, value, source))
    return Snapshot(
        build_graph(conn),
        rows(
            "SELECT id, coalesce(kind, 'category') AS kind, tie_id, category, title, title_nb, decided_on, decided_by, "
            "case_ref, reason, source, scope, review_on FROM decisions ORDER BY id"
        ),
        rows(
            "SELECT id, tie_id, activity_id, action_id, year, coalesce(kind, 'plan') AS kind, amount, coalesce(currency, 'NOK') AS currency, funder, funder_id, purpose, source FROM plan_lines ORDER BY id"
        ),
        activities,
        agreements,
        {k: v for k, v in conn.execute("SELECT key, value FROM settings") if v is not None},
        rows("SELECT * FROM declared_totals ORDER BY id"),
        tuple(
            {**a, "partners": tuple(partners.get(a["id"], ())), "tie_ids": tuple(action_ties.get(a["id"], ()))}
            for a in rows("SELECT * FROM plan_actions ORDER BY id")
        ),
        tuple({**i, "values": tuple(values.get(i["id"], ()))} for i in rows("SELECT * FROM indicators ORDER BY id")),
    )


def to_simple_graph(g: nx.MultiDiGraph) -> nx.Graph:
    """Return an undirected simple Graph of ``g``; edge attribute ``ties`` lists the tie ids."""
    h: nx.Graph = nx.Graph()
    h.add_nodes_from(g.nodes(data=True))
    for u, v, k in g.edges(keys=True):
        if h.has_edge(u, v):
            h[u][v]["ties"].append(k)
        else:
            h.add_edge(u, v, ties=[k])
    return h
