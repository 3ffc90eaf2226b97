"""Single points of failure: the articulation points every registered channel to others runs through."""

from __future__ import annotations

from typing import NamedTuple

import networkx as nx

from .. import rules as R
from ..message import Message
from .contact_graphs import channels, is_channel
from .context import Context
from .rows import Found, names, row, tie_name

__all__ = ["Cut", "cut_points", "single_point_of_failure"]


class Cut(NamedTuple):
    """An articulation point seen from a root: who is cut off from the root without it."""

    node: str
    cut_off: tuple[str, ...]  # entities that lose every path to the root
    parent: str | None  # the neighbour on its path to the root (DFS tree)
    bridge: bool  # True when the link to ``parent`` is the only one (a bridge)


def cut_points(g: nx.Graph, root: str) -> dict[str, Cut]:
    """Return ``{node: Cut}`` for every node other than ``root`` whose removal cuts others off from it.

    One iterative depth-first search (Hopcroft–Tarjan lowpoints) with subtree
    sizes, so the cost is linear in the graph. Only ``root``'s component is
    searched.

    >>> g = nx.Graph([("home", "a"), ("a", "b"), ("a", "c"), ("home", "d")])
    >>> sorted(cut_points(g, "home")["a"].cut_off)
    ['b', 'c']
    """
    if root not in g:
        return {}
    adj = g.adj
    disc = {root: 0}
    low = {root: 0}
    parent: dict[str, str | None] = {root: None}
    order = [root]
    children_cut: dict[str, list[str]] = {}
    bridges: set[str] = set()
    stack = [(root, iter(adj[root]))]
    while stack:
        v, it = stack[-1]
        for w in it:
            if w == v:
                continue
            if w not in disc:
                parent[w] = v
                disc[w] = low[w] = len(order)
                order.append(w)
                stack.append((w, iter(adj[w])))
                break
            if w != parent[v]:
                low[v] = min(low[v], disc[w])
        else:
            stack.pop()
            p = parent[v]
            if p is not None:
                low[p] = min(low[p], low[v])
                if low[v] > disc[p]:
                    bridges.add(v)
                if low[v] >= disc[p] and p != root:
                    children_cut.setdefault(p, []).append(v)
    # Subtrees are contiguous runs of the discovery order: [disc[c], disc[c] + size[c]).
    size = dict.fromkeys(order, 1)
    for v in reversed(order[1:]):
        size[parent[v]] += size[v]  # type: ignore[index]
    out = {}
    for v, kids in children_cut.items():
        cut = tuple(n for c in kids for n in order[disc[c] : disc[c] + size[c]])
        out[v] = Cut(v, cut, parent[v], v in bridges)
    return out


def _bodies(ctx: Context) -> frozenset[str]:
    """Return the bodies others are members of through a real channel (the far end of a membership or forum tie)."""
    return frozenset(t.v for t in ctx.active if t.attrs.get("kind") in R.MEMBER_TIE_KINDS and is_channel(t.attrs))


def single_point_of_failure(ctx: Context) -> Found:
    """Entities that are the only channel between the municipality and at least ``min_cut_off`` others.

    Paths run only through real channels (:func:`channels`): not through
    consulates merely located in the city, planned or uncertain memberships, or
    bodies that no longer exist. A body others are members of (a forum, a
    regional office, a network) is never itself the finding: its members meet
    in it, it does not stand between them, so a Brussels office is never "the
    only channel" to a university that is a member of it; a member that alone
    reaches others beyond the body still is.
    """
    if ctx.home is None:
        return Found([], "skipped", Message("finding.note.no_home_paths"))
    s = channels(ctx)
    least = int(ctx.rules["min_cut_off"])
    bodies = _bodies(ctx)
    rows = []
    for v, cut in sorted(cut_points(s, ctx.home).items()):
        if len(cut.cut_off) < least or v in bodies:
            continue
        link = []
        if cut.parent is not None:
            link = [t.id for t in ctx.ties_at(v) if cut.parent in (t.u, t.v) and is_channel(t.attrs)]
        single = cut.bridge and len(link) == 1
        n = len(cut.cut_off)
        rows.append(
            row(
                "single_point_of_failure",
                v,
                ctx.label(v),
                "high" if n >= int(ctx.rules["spof_high_cut_off"]) else "medium",
                Message(
                    "finding.spof.gap",
                    {
                        "actor": ctx.label(v),
                        "home": ctx.label(ctx.home),
                        "n": n,
                        "cut": names(ctx, cut.cut_off),
                        "via": Message("finding.spof.via", {"tie": tie_name(ctx, link[0])}) if single else "",
                    },
                ),
                [v, *link, *cut.cut_off],
                score=n,
            )
        )
    rows.sort(key=lambda r: -r["score"])
    return Found(rows)
