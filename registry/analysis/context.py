"""What classification and analysis share: the graph as of a date, and who is home, local and foreign."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any, NamedTuple

import networkx as nx

from .. import dates, thresholds
from .. import rules as R
from ..network.graph import GraphFilter, Snapshot, filter_graph, snapshot, tie_active
from ..settings import resolve_home
from .roles import Roles
from .scope import home_scope

__all__ = ["Tie", "Context", "prepare", "as_date", "in_window", "running"]


class Tie(NamedTuple):
    """One tie as the analysis sees it: its ends, id and attributes (the graph's edge dict)."""

    u: str
    v: str
    id: str
    attrs: dict[str, Any]


def as_date(value: date | str | int | None) -> date:
    """Return ``value`` as a date: None is today, a year is its last day, a partial date its last day."""
    if value is None:
        return date.today()
    if isinstance(value, date):
        return value
    return GraphFilter.make(as_of=value).as_of  # type: ignore[return-value]


def running(attrs: dict[str, Any]) -> bool:
    """Return True when a tie that counts is also running: not suspended, not ended."""
    return attrs.get("status") not in ("suspended", "ended")


def in_window(attrs: dict[str, Any], first: date, last: date) -> bool:
    """Return True when a tie was running at some time between ``first`` and ``last``.

    A tie without a start counts from the beginning; one without an end runs on
    unless its status says it ended or is suspended (then it counts only when it
    started inside the window, the one span it surely covered).
    """
    start, end = attrs.get("start"), attrs.get("end")
    if start and dates.is_partial_date(start) and dates.earliest(start) > last:
        return False
    if end and dates.is_partial_date(end):
        return dates.latest(end) >= first
    if running(attrs):
        return True
    return bool(start and dates.is_partial_date(start) and dates.latest(start) >= first)


@dataclass
class Context(Roles):
    """A snapshot seen as of one date: the graphs and the roles every rule needs.

    Build it with :func:`prepare`. Derived structures are computed once, on first
    use, so a classification and an analysis of the same context share them. Who is
    home, local and foreign comes from :class:`~registry.analysis.roles.Roles`; this
    class adds the ties that count on the date and the places they touch.
    """

    # --- graphs -------------------------------------------------------------------------------

    @cached_property
    def active(self) -> list[Tie]:
        """The ties that count on ``as_of`` (start <= date, not ended), in the graph's order."""
        day = self.as_of
        return [
            Tie(u, v, k, a)
            for u, v, k, a in self.full.edges(keys=True, data=True)
            if tie_active(a.get("start"), a.get("end"), a.get("status"), day)
        ]

    @cached_property
    def active_ids(self) -> frozenset[str]:
        """The ids of the ties that count on ``as_of``."""
        return frozenset(t.id for t in self.active)

    def ties_at(self, n: str) -> list[Tie]:
        """Return the ties that count at entity ``n``, in either direction."""
        ok = self.active_ids
        g = self.full
        return [
            Tie(u, v, k, a)
            for edges in (g.out_edges(n, keys=True, data=True), g.in_edges(n, keys=True, data=True))
            for u, v, k, a in edges
            if k in ok
        ]

    @cached_property
    def graph(self) -> nx.MultiDiGraph:
        """The registry as of ``as_of``: all entities, the ties that count (built on first use only)."""
        return filter_graph(self.full, GraphFilter(as_of=self.as_of))

    @cached_property
    def simple(self) -> nx.Graph:
        """The ties that count as an undirected simple graph without attributes (for structure)."""
        h: nx.Graph = nx.Graph()
        h.add_nodes_from(self.full)
        h.add_edges_from((t.u, t.v) for t in self.active if t.u != t.v)
        return h

    # --- ties -----------------------------------------------------------------------------------

    def actors(self, t: Tie) -> list[str]:
        """Return the local actors of a tie: its local ends and its carrier when local."""
        local = self.local
        out = [n for n in (t.u, t.v) if n in local]
        c = t.attrs.get("carrier_id")
        if c and c in self.local and c not in out:
            out.append(c)
        return out

    def is_elsewhere(self, t: Tie) -> bool:
        """Return True for a tie of another municipality: an end belongs elsewhere and neither end is local."""
        far = self.elsewhere
        if not far or (t.u not in far and t.v not in far):
            return False
        local = self.local
        return t.u not in local and t.v not in local

    def _by_place(self, ties: Iterable[Tie]) -> dict[str, list[Tie]]:
        """Return foreign place -> those of ``ties`` that touch it (see :attr:`place_ties`)."""
        out: dict[str, list[Tie]] = defaultdict(list)
        skip = {"located_in", "consular"}
        countries, places = self._roles
        far = self.elsewhere
        for t in ties:
            u, v, a = t.u, t.v, t.attrs
            pu, pv = places.get(u), places.get(v)
            if (pu is None and pv is None) or a.get("kind") in skip:
                continue
            if far and (u in far or v in far) and self.is_elsewhere(t):
                continue  # another municipality's tie says nothing about the home's places
            keys: set[str | None] = set()
            for p in (pu, pv):
                if p is not None:
                    keys.add(p)
                    keys.add(countries.get(p) if not p.startswith("country:") else p)
            keys.discard(None)
            for p in keys:
                out[p].append(t)  # type: ignore[index]
        return dict(out)

    @cached_property
    def place_ties(self) -> dict[str, list[Tie]]:
        """Foreign place (city, country or ``country:XX``) -> the ties that count and touch it.

        A city's ties include those of entities located in it; a country's include
        those of its cities and institutions. ``located_in`` and ``consular`` ties
        say where something is, not what it does, and are left out, as are other
        municipalities' ties (:meth:`is_elsewhere`).
        """
        return self._by_place(self.active)

    @cached_property
    def history_place_ties(self) -> dict[str, list[Tie]]:
        """As :attr:`place_ties`, over the whole history (for dormancy)."""
        return self._by_place(Tie(u, v, k, a) for u, v, k, a in self.full.edges(keys=True, data=True))

    @cached_property
    def place_actors(self) -> dict[str, dict[str, list[str]]]:
        """Foreign place -> {local actor -> ids of the ties through which it works the place}."""
        out: dict[str, dict[str, list[str]]] = {}
        for p, ties in self.place_ties.items():
            d: dict[str, list[str]] = {}
            for t in ties:
                for a in self.actors(t):
                    d.setdefault(a, []).append(t.id)
            if d:
                out[p] = d
        return out

    @cached_property
    def sister_ties(self) -> list[Tie]:
        """The home's sister-city ties that count, oriented home -> city, by city name.

        Only ties with the home at one end: other municipalities' twins are theirs
        (empty when there is no home).
        """
        home = self.home
        out = []
        for u, v, k, a in self.active:
            if a.get("kind") != "sister_city" or home not in (u, v) or u == v:
                continue
            if self.ended_by_decision(k):  # the council ended it: it leaves the review, the totals and the gaps
                continue
            if v == home:
                u, v = v, u
            out.append(Tie(u, v, k, a))
        return sorted(out, key=lambda t: (self.name(t.v).casefold(), t.id))

    def ended_by_decision(self, tie_id: str) -> str | None:
        """Return the date of the end decision in force on a tie by ``as_of``, or None when none ends it.

        The latest end, suspend or resume decision taken by the date is the one in force.
        """
        acting = [d for d in self.decisions_for(tie_id, kind=None) if d.get("kind") in R.TWINNING_DECISION_KINDS]
        if acting and R.TWINNING_DECISION_KINDS[acting[-1]["kind"]] == "ended":
            return str(acting[-1]["decided_on"])
        return None

    @cached_property
    def partner_cities(self) -> frozenset[str]:
        """Foreign cities with a sister-city or partnership tie that counts, from any local actor."""
        out = set()
        for p, ties in self.place_ties.items():
            if self.kind(p) not in R.CITY_KINDS:
                continue
            for t in ties:
                if t.attrs.get("kind") in ("sister_city", "partnership") and self.actors(t):
                    out.add(p)
                    break
        return frozenset(out)

    def decisions_for(self, tie_id: str, kind: str | None = "category") -> list[dict[str, Any]]:
        """Return the decisions of ``kind`` (None: any kind) on a tie taken by ``as_of``, oldest first."""
        rows = [
            d
            for d in self.snap.decisions
            if d["tie_id"] == tie_id
            and (kind is None or d.get("kind", "category") == kind)
            and dates.is_partial_date(str(d["decided_on"]))
            and dates.earliest(str(d["decided_on"])) <= self.as_of
        ]
        return sorted(rows, key=lambda d: (dates.earliest(str(d["decided_on"])), d["id"] or 0))

    def plan_lines_for(self, tie_id: str) -> list[dict[str, Any]]:
        """Return the plan lines of a tie, by year."""
        return sorted((p for p in self.snap.plan_lines if p["tie_id"] == tie_id), key=lambda p: (p["year"], p["id"]))

    def window(self) -> tuple[date, date]:
        """Return the first and last day of the dormancy window that ends on ``as_of``."""
        years = int(self.rules["dormant_years"])
        try:
            first = self.as_of.replace(year=self.as_of.year - years)
        except ValueError:  # 29 February
            first = self.as_of.replace(year=self.as_of.year - years, day=28)
        return first, self.as_of


def prepare(
    source: sqlite3.Connection | Snapshot | Context,
    as_of: date | str | int | None = None,
    rules: thresholds.Rules | None = None,
    home_id: str | None = None,
) -> Context:
    """Return a :class:`Context` for ``source`` (a connection, a snapshot, or a context to reuse).

    ``as_of`` defaults to today; ``home_id`` chooses the home municipality (default:
    the configured one, see :func:`registry.settings.resolve_home`). The context's
    ``snap`` is the home's network only (:func:`~registry.analysis.scope.home_scope`),
    its ``whole`` the registry it was cut from (None when nothing was cut). A home that is
    not a municipality raises NotAHome, several municipalities and none chosen NoHome.
    A context passed in keeps its own home unless ``home_id`` names another, and is
    returned as it is when it has the same date, rules and home, so callers can share one.
    """
    day = as_date(as_of)
    rules = rules or thresholds.DEFAULT_RULES
    if isinstance(source, Context):
        whole = source.whole or source.snap
        # A context handed down is for its own home: read as "the configured home", a second
        # municipality's strategy listed the configured one's ties.
        home_id = source.home if home_id is None else home_id
        if source.as_of == day and source.rules == rules and resolve_home(whole, home_id) == source.home:
            return source
        source = whole
    if isinstance(source, sqlite3.Connection):
        source = snapshot(source)
    # Resolved on the whole registry, so a home that cannot be is an error here, not deep in a rule;
    # then everything is read from the home's own network (:mod:`.scope`).
    home = resolve_home(source, home_id)
    scoped = home_scope(source, home)
    return Context(scoped, day, rules, home, whole=None if scoped is source else source)
