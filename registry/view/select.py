"""Which part of the graph to draw: the years it spans, sister-city categories, a focus's neighbourhood and paths."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

import networkx as nx

from .. import dates
from .paths import best_tie

__all__ = ["year_range", "play_start", "play_step", "restrict_categories", "neighbourhood", "shortest_path", "path_ties"]


def year_range(g: nx.MultiDiGraph, default: int) -> tuple[int, int]:
    """Return ``(first start year, default)``: the span an as-of slider should cover.

    >>> g = nx.MultiDiGraph(); g.add_edge("a", "b", key="t", start="1946-05")
    't'
    >>> year_range(g, 2025)
    (1946, 2025)
    """
    years = [dates.year_of(a.get("start")) for _, _, a in g.edges(data=True)]
    known = [y for y in years if y is not None]
    return (min(min(known), default) if known else default, default)


def play_start(year: int, first: int, last: int) -> int:
    """Return the year a play of ``first``-``last`` starts at: ``year``, or ``first`` when ``year`` is the last (or out of range).

    >>> play_start(1990, 1946, 2025), play_start(2025, 1946, 2025)
    (1990, 1946)
    """
    return year if first <= year < last else first


def play_step(year: int, last: int) -> int | None:
    """Return the next year of a play that shows ``year``, or None when ``year`` is the last (the play stops).

    >>> play_step(1990, 2025), play_step(2025, 2025)
    (1991, None)
    """
    return year + 1 if year < last else None


def restrict_categories(g: nx.MultiDiGraph, categories: Mapping[str, str], keep: Iterable[str]) -> nx.MultiDiGraph:
    """Return a copy of ``g`` whose sister-city ties are only those assigned a category in ``keep``.

    ``categories`` maps sister-city tie ids to their category; a tie missing from
    it counts as 'unclassified'. Partner nodes left with no tie by this are
    dropped too; other ties are untouched.

    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("home", "a", key="t1", kind="sister_city")
    't1'
    >>> g.add_edge("home", "b", key="t2", kind="sister_city")
    't2'
    >>> sorted(restrict_categories(g, {"t1": "dormant"}, {"dormant"}).nodes)
    ['a', 'home']
    """
    keep = set(keep)
    h: nx.MultiDiGraph = nx.MultiDiGraph()
    h.add_nodes_from(g.nodes(data=True))
    # (u, v, key, attrs): a MultiDiGraph's form, which the stubs know only as Graph's two- and three-tuples.
    h.add_edges_from(
        (u, v, k, a)  # type: ignore[misc]
        for u, v, k, a in g.edges(keys=True, data=True)
        if a.get("kind") != "sister_city" or categories.get(k, "unclassified") in keep
    )
    lost = [n for n in h if h.degree(n) == 0 and g.degree(n) > 0]
    h.remove_nodes_from(lost)
    h.graph.update(g.graph)  # what the filter said about the graph (undated ties left out) still holds
    return h


def neighbourhood(g: nx.MultiDiGraph, node: str, steps: int, keep: Iterable[str] = ()) -> nx.MultiDiGraph:
    """Return the part of ``g`` within ``steps`` ties of ``node`` (either direction), plus the nodes in ``keep``.

    With a path's nodes in ``keep``, the whole path is there with its ties (a path may
    leave the neighbourhood).

    >>> g = nx.MultiDiGraph([("a", "b"), ("c", "b"), ("c", "d")])
    >>> sorted(neighbourhood(g, "a", 2)), sorted(neighbourhood(g, "a", 2, keep=["c", "d"]).edges())
    (['a', 'b', 'c'], [('a', 'b'), ('c', 'b'), ('c', 'd')])
    """
    if node not in g:
        return nx.MultiDiGraph()
    reach = nx.single_source_shortest_path_length(g.to_undirected(as_view=True), node, cutoff=steps)
    return g.subgraph([*reach, *(n for n in keep if n in g)]).copy()


def shortest_path(g: nx.MultiDiGraph, source: str, target: str) -> list[str]:
    """Return the nodes of a shortest path between two entities, ignoring direction; [] if none.

    >>> g = nx.MultiDiGraph([("a", "b"), ("c", "b")])
    >>> shortest_path(g, "a", "c")
    ['a', 'b', 'c']
    """
    if source not in g or target not in g:
        return []
    try:
        return list(nx.shortest_path(g.to_undirected(as_view=True), source, target))
    except nx.NetworkXNoPath:
        return []


def path_ties(g: nx.MultiDiGraph, path: list[str]) -> list[str]:
    """Return one tie id for each step of ``path``: the surest between the two nodes (see :func:`~.paths.best_tie`)."""
    out: list[str] = []
    today = date.today()
    for a, b in zip(path, path[1:]):
        tie = best_tie(g, a, b, today)
        if tie is not None:
            out.append(tie)
    return out
