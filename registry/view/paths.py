"""Paths between two entities by tie quality: few steps over sure ties first, up to three, each doubtful tie named."""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from datetime import date
from typing import Any, NamedTuple

import networkx as nx
import pandas as pd

from .. import dates

__all__ = [
    "STATUS_COST",
    "UNSOURCED_COST",
    "MAX_PATHS",
    "PATH_COLUMNS",
    "Route",
    "tie_doubts",
    "tie_cost",
    "best_tie",
    "best_paths",
    "path_table",
]

#: What a step over a tie costs beyond its 1, by the tie's status: an active tie nothing, one
#: whose standing is not documented or that is on hold half a step, an ended tie a whole step.
#: Below 1, so a path of fewer steps still wins unless its ties are clearly worse.
STATUS_COST: Mapping[str, float] = {"active": 0.0, "suspended": 0.5, "uncertain": 0.5, "ended": 1.0}
#: What a step costs beyond its 1 when no source states when the tie began (certainty other than
#: 'sourced', or no start date).
UNSOURCED_COST = 0.25
#: How many paths :func:`best_paths` returns at most: the best and two alternatives.
MAX_PATHS = 3
#: Columns of :func:`path_table`.
PATH_COLUMNS = ("path", "step", "from_id", "to_id", "tie_id", "kind", "status", "start", "start_certainty", "doubts")


class Route(NamedTuple):
    """A path between two entities: its nodes, one tie per step, its cost, and its doubtful ties."""

    nodes: tuple[str, ...]
    ties: tuple[str, ...]
    cost: float
    doubtful: tuple[str, ...]  # ids of its suspended, uncertain or ended ties (see tie_doubts), in path order


def _ended(attrs: Mapping[str, Any], today: date) -> bool:
    # Ended by its status, or by an end date already past (its own or a dissolved body's, see graph.build_graph).
    if attrs.get("status") == "ended":
        return True
    end = attrs.get("end")
    return isinstance(end, str) and dates.is_partial_date(end) and dates.latest(end) < today


def tie_doubts(attrs: Mapping[str, Any], today: date | None = None) -> tuple[str, ...]:
    """Return what makes a tie doubtful, as codes: its status when not active ('suspended', 'uncertain' or
    'ended'; a past end date counts as 'ended'), then 'unsourced' when no source states its start.

    >>> tie_doubts({"status": "active", "start": "2001", "start_certainty": "sourced"})
    ()
    >>> tie_doubts({"status": "uncertain"}), tie_doubts({"status": "active", "start": "1990", "end": "2000"})
    (('uncertain', 'unsourced'), ('ended', 'unsourced'))
    """
    today = today or date.today()
    status = "ended" if _ended(attrs, today) else attrs.get("status") or "active"
    found = [status] if status != "active" and status in STATUS_COST else []
    if attrs.get("start_certainty") != "sourced" or not attrs.get("start"):
        found.append("unsourced")
    return tuple(found)


def tie_cost(attrs: Mapping[str, Any], today: date | None = None) -> float:
    """Return what a step over a tie costs: 1, plus :data:`STATUS_COST` of its status and :data:`UNSOURCED_COST`.

    >>> tie_cost({"status": "active", "start": "2001", "start_certainty": "sourced"}), tie_cost({"status": "uncertain"})
    (1.0, 1.75)
    """
    return 1.0 + sum(UNSOURCED_COST if d == "unsourced" else STATUS_COST[d] for d in tie_doubts(attrs, today))


def best_tie(g: nx.MultiDiGraph, u: str, v: str, today: date | None = None) -> str | None:
    """Return the surest tie between ``u`` and ``v`` in either direction (lowest :func:`tie_cost`, then id); None if none."""
    keyed = {**g.get_edge_data(u, v, default={}), **g.get_edge_data(v, u, default={})}
    if not keyed:
        return None
    today = today or date.today()
    return str(min(keyed, key=lambda k: (tie_cost(keyed[k], today), str(k))))


def _weighted(g: nx.MultiDiGraph, today: date) -> nx.Graph:
    """Return ``g`` undirected and simple, each pair joined by its surest tie (``tie``) at its cost (``weight``)."""
    h: nx.Graph = nx.Graph()
    h.add_nodes_from(g)
    for u, v, k, a in g.edges(keys=True, data=True):
        if u == v:
            continue
        cost = tie_cost(a, today)
        old = h.get_edge_data(u, v)
        if old is None or (cost, str(k)) < (old["weight"], str(old["tie"])):
            h.add_edge(u, v, weight=cost, tie=k)
    return h


def best_paths(g: nx.MultiDiGraph, source: str, target: str, k: int = MAX_PATHS, today: date | None = None) -> list[Route]:
    """Return up to ``k`` paths from ``source`` to ``target`` ignoring direction, the cheapest first; [] if none.

    A step costs :func:`tie_cost` of the surest tie between its two entities, so an
    active tie whose start a source states is preferred to an uncertain, undated one
    when the paths are otherwise alike. Equal costs keep the order networkx finds them in.

    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("a", "m1", key="a-m1", status="uncertain")
    'a-m1'
    >>> for k in ("a-m2", "m2-b", "m1-b"):
    ...     _ = g.add_edge(k[:k.index("-")], k[k.index("-") + 1:], key=k, status="active", start="2001", start_certainty="sourced")
    >>> [p.nodes for p in best_paths(g, "a", "b")], best_paths(g, "a", "b")[1].doubtful
    ([('a', 'm2', 'b'), ('a', 'm1', 'b')], ('a-m1',))
    """
    if source not in g or target not in g or source == target:
        return []
    today = today or date.today()
    h = _weighted(g, today)
    found = []
    try:
        for nodes in itertools.islice(nx.shortest_simple_paths(h, source, target, weight="weight"), k):
            ties = tuple(h[a][b]["tie"] for a, b in zip(nodes, nodes[1:]))
            cost = sum(h[a][b]["weight"] for a, b in zip(nodes, nodes[1:]))
            # Doubtful: a tie not in force or not documented as such; an undated start alone is common, and shown in the table.
            doubtful = tuple(
                t for (a, b), t in zip(zip(nodes, nodes[1:]), ties) if set(tie_doubts(_tie(g, a, b, t), today)) - {"unsourced"}
            )
            found.append(Route(tuple(nodes), ties, round(cost, 6), doubtful))
    except nx.NetworkXNoPath:
        return []
    return found


def _tie(g: nx.MultiDiGraph, u: str, v: str, k: str) -> dict[str, Any]:
    return g.edges[u, v, k] if g.has_edge(u, v, k) else g.edges[v, u, k]


def path_table(g: nx.MultiDiGraph, paths: list[Route], today: date | None = None) -> pd.DataFrame:
    """Return one row per step of each path: :data:`PATH_COLUMNS`.

    ``path`` and ``step`` count from 1; ``from_id``/``to_id`` follow the path (not the tie's
    direction); ``doubts`` holds :func:`tie_doubts`'s codes joined by ';' ('' for a sure tie).
    """
    today = today or date.today()
    rows = []
    for i, p in enumerate(paths, 1):
        for step, ((u, v), k) in enumerate(zip(zip(p.nodes, p.nodes[1:]), p.ties), 1):
            a = _tie(g, u, v, k)
            rows.append(
                {
                    "path": i,
                    "step": step,
                    "from_id": u,
                    "to_id": v,
                    "tie_id": k,
                    "kind": a.get("kind"),
                    "status": a.get("status"),
                    "start": a.get("start"),
                    "start_certainty": a.get("start_certainty"),
                    "doubts": ";".join(tie_doubts(a, today)),
                }
            )
    return pd.DataFrame(rows, columns=list(PATH_COLUMNS))
