"""Single points of failure: the articulation points every registered channel to others runs through."""

from __future__ import annotations

from typing import NamedTuple

import networkx as nx

from .contact_graphs import channels, is_channel
from .context import Context
from .rows import Found, names, row

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
        cut = tuple(n for c in kids for n in order[disc[c]: disc[c] + size[c]])
        out[v] = Cut(v, cut, parent[v], v in bridges)
    return out


def single_point_of_failure(ctx: Context) -> Found:
    """Entities that are the only channel between the municipality and at least ``min_cut_off`` others.

    Paths run only through real channels (:func:`channels`): not through
    consulates merely located in the city, planned or uncertain memberships, or
    bodies that no longer exist.
    """
    if ctx.home is None:
        return Found([], "skipped", "no home municipality to measure paths from")
    s = channels(ctx)
    least = int(ctx.rules["min_cut_off"])
    rows = []
    home_nb, home_en = ctx.name(ctx.home, "nb"), ctx.name(ctx.home, "en")
    for v, cut in sorted(cut_points(s, ctx.home).items()):
        if len(cut.cut_off) < least:
            continue
        link = []
        if cut.parent is not None:
            link = [t.id for t in ctx.ties_at(v) if cut.parent in (t.u, t.v) and is_channel(t.attrs)]
        single = cut.bridge and len(link) == 1
        via_nb = f" Selv henger den på én enkelt forbindelse ({link[0]})." if single else ""
        via_en = f" It hangs on a single tie itself ({link[0]})." if single else ""
        n = len(cut.cut_off)
        v_nb, v_en = ctx.name(v, "nb"), ctx.name(v, "en")
        rows.append(row(
            "single_point_of_failure", v, v_nb, "high" if n >= 10 else "medium",
            f"{v_nb} er eneste registrerte kanal mellom {home_nb} og {n} andre ({names(ctx, cut.cut_off, 'nb')}): "
            f"faller den bort, viser registeret ingen annen vei til dem.{via_nb} Neste steg: finn ut om kommunen "
            f"har direkte kontakt med dem og registrer den; ellers er {v_nb} kanalen som må pleies.",
            f"{v_en} is the only registered channel between {home_en} and {n} others "
            f"({names(ctx, cut.cut_off, 'en')}): if it drops out, the registry shows no other way to reach "
            f"them.{via_en} Next: find out whether the municipality has direct contact with them and register "
            f"it; otherwise {v_en} is the channel to look after.",
            [v, *link, *cut.cut_off],
            score=n,
        ))
    rows.sort(key=lambda r: -r["score"])
    return Found(rows)
