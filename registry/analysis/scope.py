"""The home's own network: the entities, ties and records a review or analysis for one municipality may speak of.

A registry can hold several municipalities' ties (Bergen's twin towns imported next to
Trondheim's). Everything said ``--home X`` must be about X's network: ties where X, or an
actor X works with, is a party. Which municipality an actor works with is read from the
ties: each domestic entity belongs to the municipality (or municipalities) nearest to it
through domestic entities, never through another municipality or a foreign place. The
registry's own home (the configured one) also keeps what no municipality reaches — an
institution entered without ties yet is its office's to follow up, not another city's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

import networkx as nx

from .. import rules as R
from ..errors import NoHome, NotAHome
from ..network.graph import Snapshot, storage
from ..settings import resolve_home

__all__ = ["homes", "actors_of", "home_scope"]


def _edges(g: nx.MultiDiGraph) -> list[tuple[str, str, str, dict[str, Any]]]:
    """Return every tie of ``g`` as ``(u, v, key, attrs)``, in the graph's order."""
    # Read from the adjacency directly: networkx's edge view costs several times more per pass.
    return [(u, v, k, a) for u, nbrs in storage(g)[1].items() for v, keyed in nbrs.items() for k, a in keyed.items()]


def homes(g: nx.MultiDiGraph, home: str, edges: list | None = None) -> frozenset[str]:
    """Return ``home`` and the other municipalities of its country (or with no country recorded).

    A city with twin towns of its own in that country is a municipality too (an
    older Wikidata import named the exported place a city).

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("t", kind="municipality", country_code="NO"); g.add_node("b", kind="municipality", country_code="NO")
    >>> sorted(homes(g, "t"))
    ['b', 't']
    """
    hc = g.nodes[home].get("country_code")
    twinned = {n for u, v, _, a in (_edges(g) if edges is None else edges) if a.get("kind") == "sister_city" for n in (u, v)}
    return frozenset(
        n
        for n, a in g.nodes(data=True)
        if n == home
        or (a.get("country_code") in (hc, None) and (a.get("kind") == R.HOME_KIND or (a.get("kind") in R.CITY_KINDS and n in twinned)))
    )


def _domestic(g: nx.MultiDiGraph, edges: list[tuple[str, str, str, dict[str, Any]]], hc: str | None) -> set[str]:
    """Return the entities in the home's country (own code, or their city's), with none recorded, or always local."""
    located: dict[str, str] = {}
    for u, v, _, a in edges:
        if a.get("kind") == "located_in":
            located.setdefault(u, v)
    out = set()
    for n, a in g.nodes(data=True):
        cc = a.get("country_code")
        if cc is None and n in located:
            cc = g.nodes[located[n]].get("country_code")
        if a.get("kind") in R.ALWAYS_LOCAL_KINDS or cc is None or cc == hc:
            out.add(n)
    return out


def _neighbours(g: nx.MultiDiGraph, edges: list[tuple[str, str, str, dict[str, Any]]]) -> dict[str, set[str]]:
    """Return entity -> the entities it shares a tie with (as end or carrier), ties of any date."""
    adj: dict[str, set[str]] = {n: set() for n in g}
    for u, v, _, a in edges:
        parties = {u, v}
        c = a.get("carrier_id")
        if c and c in adj:
            parties.add(c)
        for p in parties:
            adj[p] |= parties - {p}
    return adj


def actors_of(g: nx.MultiDiGraph, home: str, primary: str | None, edges: list | None = None) -> frozenset[str]:
    """Return the entities ``home`` works with: itself and the domestic entities nearest to it.

    One breadth-first search from every municipality at once, level by level,
    through domestic entities only (another municipality and a foreign place end
    a path): an entity reached first from several municipalities at the same
    distance belongs to each. When ``home`` is ``primary`` (the registry's own),
    entities no municipality reaches belong to it as well.

    >>> g = nx.MultiDiGraph()
    >>> for n, k, c in [("t", "municipality", "NO"), ("b", "municipality", "NO"), ("ntnu", "university", "NO"),
    ...                 ("uib", "university", "NO"), ("isfit", "student_org", "NO"), ("graz", "city", "AT")]:
    ...     g.add_node(n, kind=k, country_code=c)
    >>> _ = g.add_edge("ntnu", "t"); _ = g.add_edge("uib", "b"); _ = g.add_edge("t", "graz")
    >>> sorted(actors_of(g, "b", "t")), sorted(actors_of(g, "t", "t"))
    (['b', 'uib'], ['isfit', 'ntnu', 't'])
    """
    edges = _edges(g) if edges is None else edges
    sources = homes(g, home, edges)
    domestic = _domestic(g, edges, g.nodes[home].get("country_code"))
    adj = _neighbours(g, edges)
    owners: dict[str, set[str]] = {s: {s} for s in sources}
    frontier = sorted(sources)
    while frontier:
        reached: dict[str, set[str]] = {}
        for n in frontier:
            if n not in sources and n not in domestic:
                continue  # a foreign place is reached, not passed through
            for m in adj[n]:
                if m not in owners and m not in sources:
                    reached.setdefault(m, set()).update(owners[n])
        owners.update(reached)
        frontier = sorted(m for m in reached if m in domestic)
    mine = {n for n, o in owners.items() if home in o and (n in domestic or n == home)}
    if home == primary:
        # What no municipality reaches is the registry's own home's to follow up (a foreign partner of
        # an institution entered without a path to the home included); what one reaches is never.
        mine.update(n for n in g if n not in owners)
    return frozenset(mine)


def _primary(snap: Snapshot) -> str | None:
    """Return the registry's own home (configured, or its only municipality), or None when there is none."""
    try:
        return resolve_home(snap, None)
    except (NoHome, NotAHome):
        return None


def _parties(attrs: dict[str, Any], u: str, v: str) -> Iterable[str | None]:
    return (u, v, attrs.get("carrier_id"))


def home_scope(snap: Snapshot, home: str | None) -> Snapshot:
    """Return ``snap`` cut to ``home``'s network (``snap`` itself when nothing falls outside it).

    Ties are the home's when one of their parties (an end or the carrier) is an
    actor it works with (:func:`actors_of`) and neither end is another
    municipality (unless the other end is the home); entities when they are such an actor
    or a party to one of those ties; and where those entities are located. Activities are kept when a participant or a
    linked tie is the home's, agreements when a party is, declared totals of the
    home's entities, decisions and plan lines of the home's ties. Records tied to no
    entity (a strategy decision, an agreement without parties) are the registry's
    own home's.
    """
    if home is None or home not in snap.graph:
        return snap
    g = snap.graph
    edges = _edges(g)
    primary = _primary(snap)
    mine = actors_of(g, home, primary, edges)
    own = home == primary
    # Another municipality's tie is its own, even with an actor both work with; one with the home is the home's.
    others = homes(g, home, edges) - {home}
    keep = [any(p in mine for p in _parties(a, u, v)) and (home in (u, v) or (u not in others and v not in others)) for u, v, _, a in edges]
    nodes = set(mine)
    for (u, v, _, a), kept in zip(edges, keep):
        if kept:
            nodes.update(p for p in _parties(a, u, v) if p and p in g)
    # Where a partner is located is part of what the home knows of it (Jagiellonian University is in Kraków).
    for i, (u, v, _, a) in enumerate(edges):
        if not keep[i] and a.get("kind") == "located_in" and u in nodes:
            keep[i] = True
            nodes.add(v)
    if all(keep) and len(nodes) == g.number_of_nodes():
        return snap
    tie_ids = {e[2] for e, kept in zip(edges, keep) if kept}
    return _cut(snap, _subgraph(g, nodes, [e for e, kept in zip(edges, keep) if kept]), mine, tie_ids, own)


def _subgraph(g: nx.MultiDiGraph, nodes: set[str], edges: list[tuple[str, str, str, dict[str, Any]]]) -> nx.MultiDiGraph:
    """Return the graph of ``nodes`` and ``edges`` of ``g``, in ``g``'s order, sharing its attribute dicts."""
    h: nx.MultiDiGraph = nx.MultiDiGraph()
    h.graph.update(g.graph)
    # Filled directly, as registry.network.graph.filter_graph does: add_nodes_from/add_edges_from copy every
    # attribute dict and cost most of the cut on a large registry.
    node, succ, pred = storage(h)
    for n, a in storage(g)[0].items():
        if n in nodes:
            node[n] = a
            succ[n] = {}
            pred[n] = {}
    for u, v, k, a in edges:
        keys = succ[u].get(v)
        if keys is None:
            keys = succ[u][v] = {}
            pred[v][u] = keys
        keys[k] = a
    return h


def _cut(snap: Snapshot, h: nx.MultiDiGraph, mine: frozenset[str], tie_ids: set[str], own: bool) -> Snapshot:
    """Return ``snap`` with graph ``h`` and the records of the home's network (see :func:`home_scope`)."""
    activities = tuple(
        a
        for a in snap.activities
        if any(e in mine for e, _ in a.get("participants", ()))
        or any(t in tie_ids for t in a.get("tie_ids", ()))
        or (own and not a.get("participants") and not a.get("tie_ids"))
    )
    act_ids = {a["id"] for a in activities}
    return replace(
        snap,
        graph=h,
        activities=activities,
        agreements=tuple(a for a in snap.agreements if any(e in mine for e, _ in a.get("parties", ())) or (own and not a.get("parties"))),
        decisions=tuple(d for d in snap.decisions if d.get("tie_id") in tie_ids or (own and not d.get("tie_id"))),
        plan_lines=tuple(
            p
            for p in snap.plan_lines
            if p.get("tie_id") in tie_ids or p.get("activity_id") in act_ids or (own and not p.get("tie_id") and not p.get("activity_id"))
        ),
        declared_totals=tuple(t for t in snap.declared_totals if t.get("entity_id") in h),
    )
