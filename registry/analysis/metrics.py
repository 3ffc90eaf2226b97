"""Metrics per entity of a graph: ties in all and by kind, what it is tied to, betweenness, last activity."""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any, TypeGuard

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.sparse import csgraph

from .. import dates, vocab
from ..network.graph import storage
from ..thresholds import threshold

__all__ = [
    "EXACT_BETWEENNESS_MAX_NODES",
    "BETWEENNESS_SAMPLE",
    "METRIC_COLUMNS",
    "betweenness",
    "last_activity",
    "entity_metrics",
    "view_rows",
]

#: Up to this many nodes betweenness is exact; past it, estimated from :data:`BETWEENNESS_SAMPLE`
#: start nodes. Measured on this project's 2-core machine (scale-free graphs, two ties per node):
#: exact took 1.0 s at 1,000 nodes and 4.3 s at 2,000 (it grows with nodes times ties), the
#: 200-node sample 0.4 s at 2,000 and 1.3 s at 5,000.
EXACT_BETWEENNESS_MAX_NODES = int(threshold("betweenness_exact_max_nodes"))
#: How many start nodes estimate betweenness past :data:`EXACT_BETWEENNESS_MAX_NODES`.
BETWEENNESS_SAMPLE = int(threshold("betweenness_sample"))
#: Columns of :func:`entity_metrics` before and after the ``ties_<kind>`` columns.
METRIC_COLUMNS = (("id", "name", "kind", "country_code", "ties"), ("neighbours", "countries", "cities", "betweenness", "last_activity"))
_CITY_KINDS = frozenset(("city", "municipality"))


def betweenness(g: nx.Graph, seed: int = 1) -> tuple[dict[Any, float], int | None]:
    """Return ``(node -> betweenness centrality, sample size or None)``, ignoring direction and parallel ties.

    Normalised to 0-1 (the share of shortest paths between two other nodes that
    pass through the node). Exact up to :data:`EXACT_BETWEENNESS_MAX_NODES` nodes (sample
    size None); past it, estimated from :data:`BETWEENNESS_SAMPLE` start nodes drawn with ``seed``.
    The numbers are networkx's ``betweenness_centrality`` (same start nodes, same scaling),
    computed in :func:`_brandes` with sparse matrices: 10-20x faster at 10k entities.

    >>> scores, sampled = betweenness(nx.path_graph(3))
    >>> scores, sampled
    ({0: 0.0, 1: 1.0, 2: 0.0}, None)
    """
    nodes = list(g)
    n = len(nodes)
    k = None if n <= EXACT_BETWEENNESS_MAX_NODES else min(BETWEENNESS_SAMPLE, n)
    if k == n:
        k = None  # as networkx: every node a start node is the exact measure
    # networkx draws its start nodes with random.Random(seed).sample over the graph's node order.
    if k is None:
        sources = list(range(n))
    else:
        index = _index(nodes)
        sources = [index[s] for s in random.Random(seed).sample(nodes, k)]
    if n <= 2:
        return {v: 0.0 for v in nodes}, k
    raw = _brandes(_adjacency(g, nodes), sources)
    # networkx's rescaling without endpoints (N = n - 1): by the ordered pairs a node can lie
    # between; with a sample, a start node has one start node fewer that can pass through it.
    if k is None:
        scale = 1 / ((n - 1) * (n - 2))
        return {v: float(raw[i]) * scale for i, v in enumerate(nodes)}, None
    started = set(sources)
    on_start, elsewhere = 1 / ((k - 1) * (n - 2)), 1 / (k * (n - 2))
    return {v: float(raw[i]) * (on_start if i in started else elsewhere) for i, v in enumerate(nodes)}, k


def _index(nodes: list[Any]) -> dict[Any, int]:
    return {v: i for i, v in enumerate(nodes)}


def _adjacency(g: nx.Graph, nodes: list[Any]) -> sp.csr_matrix:
    """Return the undirected 0/1 adjacency matrix of ``g`` in ``nodes`` order, without self-loops or parallels."""
    index = _index(nodes)
    rows, cols = [], []
    for u, nbrs in g.adj.items():
        iu = index[u]
        for v in nbrs:
            if v != u:
                rows.append(iu)
                cols.append(index[v])
    n = len(nodes)
    a = sp.coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n)).tocsr()
    a = a + a.T  # direction ignored: both ways, then every pair counted once
    a.data[:] = 1.0
    return a


#: Cells (nodes of a component times start nodes) per batch of :func:`_brandes`: ~16 MB per matrix.
_BATCH_CELLS = 2_000_000


def _brandes(a: sp.csr_matrix, sources: list[int]) -> np.ndarray:
    """Return the summed dependencies of every node on the shortest paths from ``sources`` (Brandes, unweighted).

    Breadth-first from a batch of start nodes at once: one column per start node, one
    sparse product per level counts the shortest paths (forwards) and sums the
    dependencies (backwards). Each connected component is its own smaller matrix.
    """
    n = a.shape[0]
    total = np.zeros(n)
    _, label = csgraph.connected_components(a, directed=False)
    starts: dict[int, list[int]] = {}
    for s in sources:
        starts.setdefault(int(label[s]), []).append(s)
    for comp, srcs in starts.items():
        members = np.flatnonzero(label == comp)
        if len(members) < 3:
            continue  # no node lies between two others
        sub = a[members][:, members].tocsr()
        pos = np.searchsorted(members, srcs)
        m = len(members)
        batch = max(1, min(64, _BATCH_CELLS // m))
        for b0 in range(0, len(pos), batch):
            total[members] += _dependencies(sub, pos[b0 : b0 + batch])
    return total


def _dependencies(a: sp.csr_matrix, src: np.ndarray) -> np.ndarray:
    # sigma: shortest paths from each start node (column); levels[i]: the nodes first reached at distance i.
    m, b = a.shape[0], len(src)
    cols = np.arange(b)
    unseen = np.ones((m, b), dtype=bool)
    sigma = np.zeros((m, b))
    unseen[src, cols] = False
    sigma[src, cols] = 1.0
    front = sigma.copy()
    levels = [~unseen]
    # In place where it can be: each level is a few passes over an m x b array, and allocating them cost as much.
    while True:
        reach = a @ front
        new = reach > 0
        new &= unseen
        if not new.any():
            break
        unseen ^= new
        front = np.multiply(reach, new, out=reach)
        sigma += front
        levels.append(new)
    # Backwards, farthest level first: a node's dependency is the sum over the nodes one step
    # farther of sigma(v) / sigma(w) * (1 + their dependency).
    delta = np.zeros((m, b))
    inverse = np.divide(1.0, sigma, out=np.zeros_like(sigma), where=sigma > 0)
    coef = np.empty((m, b))
    for lv in range(len(levels) - 1, 0, -1):
        np.add(delta, 1.0, out=coef)
        coef *= inverse
        coef *= levels[lv]
        up = a @ coef
        up *= sigma
        up *= levels[lv - 1]
        delta += up
    delta[src, cols] = 0.0  # a start node is not between itself and another
    return delta.sum(axis=1)


def last_activity(g: nx.MultiDiGraph, activities: Iterable[Mapping[str, Any]], as_of: date | None = None) -> dict[Any, str]:
    """Return ``node -> date text of its last recorded activity`` for the nodes of ``g`` that have one.

    An activity counts for an entity that takes part in it (``participants``) and for
    both ends of each tie of ``g`` it is recorded for (``tie_ids``); its date is its end,
    else its start. With ``as_of``, activities that began after it are left out.

    >>> g = nx.MultiDiGraph(); g.add_edge("a", "b", key="a--b")
    'a--b'
    >>> acts = [{"start": "2019-05", "participants": (("a", "host"),), "tie_ids": ()},
    ...         {"start": "2021", "end": "2022-03", "participants": (), "tie_ids": ("a--b",)}]
    >>> last_activity(g, acts), last_activity(g, acts, as_of=date(2020, 12, 31))
    ({'a': '2022-03', 'b': '2022-03'}, {'a': '2019-05'})
    """
    ends = {k: (u, v) for u, v, k in g.edges(keys=True)}
    best: dict[Any, tuple[date, str]] = {}
    for act in activities:
        start, end = act.get("start"), act.get("end")
        when = end if _dated(end) else start
        if not _dated(when):
            continue
        if as_of is not None and _dated(start) and dates.earliest(start) > as_of:
            continue
        key = (dates.latest(when), when)
        who = {eid for eid, _ in act.get("participants") or ()}
        for tid in act.get("tie_ids") or ():
            who.update(ends.get(tid, ()))
        for n in who:
            if n in g and (n not in best or best[n] < key):
                best[n] = key
    return {n: text for n, (_, text) in best.items()}


def _dated(text: Any) -> TypeGuard[str]:
    return isinstance(text, str) and dates.is_partial_date(text)


def entity_metrics(
    g: nx.MultiDiGraph, activities: Iterable[Mapping[str, Any]] = (), as_of: date | None = None, seed: int = 1
) -> pd.DataFrame:
    """Return one row per entity of ``g`` with its metrics, the most tied first.

    ``g`` is meant to be the whole registry in a year (not a filtered view): the numbers then
    do not change with a filter, and :mod:`registry.analysis.metrics_cache` computes them once
    per registry version and year; :func:`view_rows` picks a view's rows.
    Columns: ``id``, ``name`` (as registered; a page shows its own language's), ``kind``,
    ``country_code``, ``ties`` (its ties, both directions), ``ties_<kind>`` for each tie kind in ``g`` (vocabulary order), ``neighbours``
    (other entities it is tied to), ``countries`` (distinct countries of those), ``cities``
    (how many of those are cities or municipalities), ``betweenness`` (see :func:`betweenness`)
    and ``last_activity`` (see :func:`last_activity`; empty when none). ``df.attrs["sampled"]``
    is the betweenness sample size, None when exact.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("home", name="Home", kind="municipality", country_code="NO")
    >>> g.add_node("a", name="A", kind="city", country_code="SE")
    >>> g.add_edge("home", "a", key="t1", kind="sister_city")
    't1'
    >>> m = entity_metrics(g).set_index("id")
    >>> [int(x) for x in m.loc["home", ["ties", "ties_sister_city", "countries", "cities"]]]
    [1, 1, 1, 1]
    """
    order = [k.code for k in vocab.TIE_KINDS]
    kinds = sorted(
        {a.get("kind") for _, _, a in g.edges(data=True)} - {None}, key=lambda k: (order.index(k) if k in order else len(order), k)
    )
    scores, sampled = betweenness(g, seed)
    last = last_activity(g, activities, as_of)
    rows = []
    # The adjacency dicts themselves: networkx's edge and neighbour views (and their Python-level
    # set operations) cost more than the counting. Read only.
    node, succ, pred = storage(g)
    for n, a in node.items():
        by_kind = dict.fromkeys(kinds, 0)
        ties = 0
        out, into = succ[n], pred[n]
        for nbrs in (out, into):  # a self-loop is in both, as in out_edges + in_edges
            for keyed in nbrs.values():
                for tie in keyed.values():
                    ties += 1
                    kind = tie.get("kind")
                    if kind in by_kind:
                        by_kind[kind] += 1
        others = (out.keys() | into.keys()) - {n}
        attrs = [node[o] for o in others]
        rows.append(
            {
                "id": n,
                "name": str(a.get("name") or n),
                "kind": a.get("kind"),
                "country_code": a.get("country_code"),
                "ties": ties,
                **{f"ties_{k}": c for k, c in by_kind.items()},
                "neighbours": len(others),
                "countries": len({o.get("country_code") for o in attrs} - {None, ""}),
                "cities": sum(o.get("kind") in _CITY_KINDS for o in attrs),
                "betweenness": round(scores.get(n, 0.0), 4),
                "last_activity": last.get(n),
            }
        )
    columns = [*METRIC_COLUMNS[0], *(f"ties_{k}" for k in kinds), *METRIC_COLUMNS[1]]
    df = pd.DataFrame(rows, columns=columns)
    df = df.sort_values(["ties", "name"], ascending=[False, True], kind="stable").reset_index(drop=True)
    df.attrs["sampled"] = sampled
    return df


def view_rows(table: pd.DataFrame, g: nx.Graph) -> pd.DataFrame:
    """Return the rows of ``table`` (an :func:`entity_metrics` frame) for the entities in ``g``, in the table's order.

    A filter chooses which rows a page shows; the numbers stay those of the graph the table
    was computed on. ``attrs`` (the betweenness sample) are kept.

    >>> g = nx.MultiDiGraph([("a", "b"), ("b", "c")])
    >>> view_rows(entity_metrics(g), g.subgraph(["a", "b"]))["id"].tolist()
    ['b', 'a']
    """
    rows = table[table["id"].isin(set(g))].reset_index(drop=True)
    rows.attrs = dict(table.attrs)
    return rows
