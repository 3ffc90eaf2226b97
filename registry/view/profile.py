"""The profile of one entity in a graph, as the network page's click panel shows it: kind, country, ties, neighbours."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any, NamedTuple

import networkx as nx

__all__ = ["Profile", "profile"]


class Profile(NamedTuple):
    """One entity as the click panel shows it: facts and ids (the page adds names and labels in its language)."""

    id: str
    kind: str | None
    country_code: str | None
    ties: int  # both directions, parallel ties each counted (as the metrics table's ``ties``)
    last_activity: str | None
    neighbours: tuple[tuple[str, int], ...]  # (entity id, ties with it), the most tied first, then by id


def profile(g: nx.MultiDiGraph, node: str, last_activity: Mapping[Any, Any] | None = None) -> Profile | None:
    """Return the :class:`Profile` of ``node`` in ``g`` (None when it is not there).

    ``last_activity`` maps entity ids to the date of their last recorded activity
    (the ``last_activity`` column of ``entity_metrics``); an entity missing from it has none.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("home", kind="municipality", country_code="NO")
    >>> g.add_edge("home", "a", key="t1"); g.add_edge("a", "home", key="t2"); g.add_edge("home", "b", key="t3")
    't1'
    't2'
    't3'
    >>> p = profile(g, "home", {"home": "2024-05"})
    >>> p.ties, p.last_activity, p.neighbours
    (3, '2024-05', (('a', 2), ('b', 1)))
    """
    if node not in g:
        return None
    counted: Counter[str] = Counter()
    ties = 0
    for _, other in g.out_edges(node):
        counted[other] += 1
        ties += 1
    for other, _ in g.in_edges(node):
        counted[other] += 1
        ties += 1
    counted.pop(node, None)  # a self-loop is a tie, not a neighbour
    a = g.nodes[node]
    last = (last_activity or {}).get(node)
    return Profile(
        str(node),
        a.get("kind"),
        a.get("country_code") or None,
        ties,
        last if isinstance(last, str) and last else None,
        tuple(sorted(((str(o), c) for o, c in counted.items()), key=lambda oc: (-oc[1], oc[0]))),
    )
