"""Metrics per entity of a graph: ties in all and by kind, what it is tied to, betweenness, last activity."""

from __future__ import annotations

from datetime import date
from typing import Any, Iterable, Mapping

import networkx as nx
import pandas as pd

from .. import dates, vocab
from ..graph import to_simple_graph
from ..view import display_name

__all__ = [
    "EXACT_BETWEENNESS_MAX_NODES",
    "BETWEENNESS_SAMPLE",
    "METRIC_COLUMNS",
    "betweenness",
    "last_activity",
    "entity_metrics",
]

#: Up to this many nodes betweenness is exact; past it, estimated from :data:`BETWEENNESS_SAMPLE`
#: start nodes. Measured on this project's 2-core machine (scale-free graphs, two ties per node):
#: exact took 1.0 s at 1,000 nodes and 4.3 s at 2,000 (it grows with nodes times ties), the
#: 200-node sample 0.4 s at 2,000 and 1.3 s at 5,000.
EXACT_BETWEENNESS_MAX_NODES = 1000
#: How many start nodes estimate betweenness past :data:`EXACT_BETWEENNESS_MAX_NODES`.
BETWEENNESS_SAMPLE = 200
#: Columns of :func:`entity_metrics` before and after the ``ties_<kind>`` columns.
METRIC_COLUMNS = (("id", "name", "kind", "country_code", "ties"), ("neighbours", "countries", "cities", "betweenness", "last_activity"))
_CITY_KINDS = frozenset(("city", "municipality"))


def betweenness(g: nx.Graph, seed: int = 1) -> tuple[dict[Any, float], int | None]:
    """Return ``(node -> betweenness centrality, sample size or None)``, ignoring direction and parallel ties.

    Normalised to 0-1 (the share of shortest paths between two other nodes that
    pass through the node). Exact up to :data:`EXACT_BETWEENNESS_MAX_NODES` nodes (sample
    size None); past it, estimated from :data:`BETWEENNESS_SAMPLE` start nodes drawn with ``seed``.

    >>> scores, sampled = betweenness(nx.path_graph(3))
    >>> scores, sampled
    ({0: 0.0, 1: 1.0, 2: 0.0}, None)
    """
    simple = to_simple_graph(g) if g.is_multigraph() or g.is_directed() else g
    n = simple.number_of_nodes()
    if n <= EXACT_BETWEENNESS_MAX_NODES:
        return nx.betweenness_centrality(simple), None
    k = min(BETWEENNESS_SAMPLE, n)
    return nx.betweenness_centrality(simple, k=k, seed=seed), k


def last_activity(
    g: nx.MultiDiGraph, activities: Iterable[Mapping[str, Any]], as_of: date | None = None
) -> dict[Any, str]:
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


def _dated(text: Any) -> bool:
    return isinstance(text, str) and dates.is_partial_date(text)


def entity_metrics(
    g: nx.MultiDiGraph, lang: str = "en", activities: Iterable[Mapping[str, Any]] = (), as_of: date | None = None,
    seed: int = 1,
) -> pd.DataFrame:
    """Return one row per entity of ``g`` with its metrics, the most tied first.

    Columns: ``id``, ``name`` (in ``lang``), ``kind``, ``country_code``, ``ties`` (its ties,
    both directions), ``ties_<kind>`` for each tie kind in ``g`` (vocabulary order), ``neighbours``
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
    kinds = sorted({a.get("kind") for _, _, a in g.edges(data=True)} - {None}, key=lambda k: (order.index(k) if k in order else len(order), k))
    scores, sampled = betweenness(g, seed)
    last = last_activity(g, activities, as_of)
    rows = []
    for n, a in g.nodes(data=True):
        by_kind = dict.fromkeys(kinds, 0)
        ties = 0
        for _, _, kind in (*g.out_edges(n, data="kind"), *g.in_edges(n, data="kind")):
            ties += 1
            if kind in by_kind:
                by_kind[kind] += 1
        others = (set(g.successors(n)) | set(g.predecessors(n))) - {n}
        attrs = [g.nodes[o] for o in others]
        rows.append({
            "id": n, "name": display_name(a, lang, str(n)), "kind": a.get("kind"), "country_code": a.get("country_code"),
            "ties": ties, **{f"ties_{k}": c for k, c in by_kind.items()},
            "neighbours": len(others),
            "countries": len({o.get("country_code") for o in attrs} - {None, ""}),
            "cities": sum(o.get("kind") in _CITY_KINDS for o in attrs),
            "betweenness": round(scores.get(n, 0.0), 4),
            "last_activity": last.get(n),
        })
    columns = [*METRIC_COLUMNS[0], *(f"ties_{k}" for k in kinds), *METRIC_COLUMNS[1]]
    df = pd.DataFrame(rows, columns=columns)
    df = df.sort_values(["ties", "name"], ascending=[False, True], kind="stable").reset_index(drop=True)
    df.attrs["sampled"] = sampled
    return df
