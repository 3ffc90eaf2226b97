"""Graphs too big to draw entity by entity: one node per country, and the heaviest ties between them."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

from .. import i18n, vocab
from ..collector import collector_paused

__all__ = ["MAX_DRAWN_NODES", "MAX_DRAWN_TIES", "aggregate_by_country", "drawable"]

#: Past this many nodes the view collapses entities into one node per country.
MAX_DRAWN_NODES = 1500
#: An aggregated view draws at most this many group edges (the heaviest): at 10k entities
#: the ~260 country groups are joined by ~11,000 group edges, a 3 MB page nobody can read.
MAX_DRAWN_TIES = 1500


def _group_of(n: str, attrs: Mapping[str, Any], keep: set[str]) -> str:
    """Return the node ``n`` is drawn as: itself, ``'country:<code>'`` or, without a country, ``'kind:<kind>'``."""
    if n in keep or attrs.get("kind") == "municipality":
        return n
    cc = attrs.get("country_code")
    return f"country:{cc}" if cc else f"kind:{attrs.get('kind', 'unknown')}"


def aggregate_by_country(
    g: nx.MultiDiGraph, lang: str, keep: Iterable[str] = (), max_ties: int | None = None, keep_ties: Iterable[str] = ()
) -> nx.MultiDiGraph:
    """Return ``g`` with its entities merged into one node per country (and per kind when no country).

    Municipalities and the nodes in ``keep`` stay themselves. A group node has
    ``kind='group'``, a ``name`` like 'Sweden (34)' and ``size``; an edge between
    two groups (from the smaller id to the larger, keyed 'u|v') has ``kind='group'``,
    ``weight`` (ties merged) and ``kinds`` (a Counter of tie kinds). Ties inside one
    group are dropped. With ``max_ties``, only that many group edges are kept: those
    touching a node in ``keep`` first, then the heaviest; the graph's ``omitted_ties``
    and ``omitted_weight`` say how many group edges, holding how many ties, were left out.
    The ties in ``keep_ties`` whose two ends stay themselves (a path's, with its nodes in
    ``keep``) are drawn as they are, under their own ids, and never left out.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("home", kind="municipality", country_code="NO")
    >>> for i in range(3):
    ...     g.add_node(f"c{i}", kind="city", country_code="SE")
    ...     _ = g.add_edge("home", f"c{i}", key=f"t{i}", kind="sister_city")
    >>> h = aggregate_by_country(g, "en")
    >>> sorted(h.nodes), h.edges["country:SE", "home", "country:SE|home"]["weight"]
    (['country:SE', 'home'], 3)
    """
    with collector_paused():  # only adds: the collector's passes over the app's graphs were a third of it
        return _aggregate(g, lang, set(keep), max_ties, keep_ties)


def _aggregate(g: nx.MultiDiGraph, lang: str, keep: set[str], max_ties: int | None, keep_ties: Iterable[str]) -> nx.MultiDiGraph:
    group = {n: _group_of(n, a, keep) for n, a in g.nodes(data=True)}
    members: dict[str, list[str]] = defaultdict(list)
    for n, grp in group.items():
        members[grp].append(n)
    h: nx.MultiDiGraph = nx.MultiDiGraph()
    for grp, ns in members.items():
        if grp in g and grp == ns[0] and len(ns) == 1:
            h.add_node(grp, **g.nodes[grp])
            continue
        prefix, _, code = grp.partition(":")
        base = i18n.country_name(code, lang) if prefix == "country" else vocab.label("entity_kinds", code, lang)
        h.add_node(grp, kind="group", name=f"{base} ({len(ns)})", size=len(ns), country_code=code if prefix == "country" else None)
    weights: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    own = set(keep_ties)
    for u, v, k, a in g.edges(keys=True, data=True):
        gu, gv = group[u], group[v]
        if k in own and gu == u and gv == v:
            h.add_edge(u, v, k, **a)
            continue
        if gu == gv:
            continue
        weights[(gu, gv) if gu < gv else (gv, gu)][a.get("kind", "")] += 1
    merged = [(u, v, sum(c.values()), c) for (u, v), c in weights.items()]
    h.graph["omitted_ties"] = h.graph["omitted_weight"] = 0
    if max_ties is not None and len(merged) > max_ties:
        # Ties of the kept nodes (focus, path) first, then the heaviest; ids break ties, so the choice is stable.
        kept_nodes = {n for n in keep if n in h}
        merged.sort(key=lambda e: (e[0] not in kept_nodes and e[1] not in kept_nodes, -e[2], e[0], e[1]))
        h.graph["omitted_ties"] = len(merged) - max_ties
        h.graph["omitted_weight"] = sum(e[2] for e in merged[max_ties:])
        del merged[max_ties:]
    # (u, v, key, attrs): a MultiDiGraph's form, which the stubs know only as Graph's two- and three-tuples.
    h.add_edges_from((u, v, f"{u}|{v}", {"kind": "group", "weight": w, "kinds": c}) for u, v, w, c in merged)  # type: ignore[misc]
    return h


def drawable(
    g: nx.MultiDiGraph,
    lang: str,
    keep: Iterable[str] = (),
    max_nodes: int = MAX_DRAWN_NODES,
    max_ties: int = MAX_DRAWN_TIES,
    keep_ties: Iterable[str] = (),
) -> tuple[nx.MultiDiGraph, bool]:
    """Return ``(graph to draw, aggregated?)``: ``g`` itself, or its country aggregate when it is too big.

    The aggregate keeps at most ``max_ties`` group edges, the nodes in ``keep`` and the ties
    in ``keep_ties`` as themselves (see :func:`aggregate_by_country`).
    """
    if g.number_of_nodes() <= max_nodes:
        return g, False
    return aggregate_by_country(g, lang, keep, max_ties=max_ties, keep_ties=keep_ties), True
