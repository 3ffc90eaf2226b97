"""Structure: single points of failure (articulation points, bridges) and structural holes (Burt)."""

from __future__ import annotations

from typing import Iterable, NamedTuple

import networkx as nx

from .context import Context
from .rows import Found, names, row

__all__ = ["Cut", "cut_points", "Burt", "burt", "single_point_of_failure", "structural_hole"]


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


class Burt(NamedTuple):
    """Burt's measures of one node's neighbourhood (undirected, unweighted)."""

    degree: int
    effective_size: float  # contacts minus their redundancy: degree - 2 * ties among contacts / degree
    efficiency: float  # effective size / degree
    constraint: float  # how much the contacts are tied to each other and to one another's contacts


def burt(g: nx.Graph, nodes: Iterable[str]) -> dict[str, Burt]:
    """Return Burt's measures for ``nodes`` only, each from its own neighbourhood.

    Agrees with ``nx.effective_size`` and ``nx.constraint`` on an undirected,
    unweighted graph, but costs the sum of the neighbours' degrees per node
    instead of taking the whole-graph matrix path. Nodes without neighbours
    are left out.

    >>> g = nx.Graph([("a", "b"), ("a", "c"), ("a", "d"), ("b", "c")])
    >>> round(burt(g, ["a"])["a"].effective_size, 4)
    2.3333
    """
    adj = g.adj
    out = {}
    for v in nodes:
        nbrs = set(adj[v]) - {v}
        d = len(nbrs)
        if d == 0:
            continue
        ties = 0
        c = 0.0
        for j in nbrs:
            nj = adj[j]
            shared = nbrs.intersection(nj) if len(nj) > d else {q for q in nj if q in nbrs}
            ties += len(shared)
            # p(i, j) = 1 / degree(i) in a simple unweighted graph.
            indirect = sum(1.0 / (len(adj[q]) - (q in adj[q])) for q in shared)
            c += ((1.0 + indirect) / d) ** 2
        esize = d - ties / d  # ``ties`` counted each tie among contacts twice
        out[v] = Burt(d, esize, esize / d, c)
    return out


def single_point_of_failure(ctx: Context) -> Found:
    """Entities that are the only path between the municipality and at least ``min_cut_off`` others."""
    if ctx.home is None:
        return Found([], "skipped", "no home municipality to measure paths from")
    s = ctx.simple
    least = int(ctx.rules["min_cut_off"])
    rows = []
    home_nb, home_en = ctx.name(ctx.home, "nb"), ctx.name(ctx.home, "en")
    for v, cut in sorted(cut_points(s, ctx.home).items()):
        if len(cut.cut_off) < least:
            continue
        link = []
        if cut.parent is not None:
            link = [t.id for t in ctx.ties_at(v) if cut.parent in (t.u, t.v)]
        single = cut.bridge and len(link) == 1
        via_nb = f" Selv henger den på én enkelt forbindelse ({link[0]})." if single else ""
        via_en = f" It hangs on a single tie itself ({link[0]})." if single else ""
        n = len(cut.cut_off)
        rows.append(row(
            "single_point_of_failure", v, ctx.name(v, "nb"), "high" if n >= 10 else "medium",
            f"{ctx.name(v, 'nb')} er eneste vei mellom {home_nb} og {n} andre ({names(ctx, cut.cut_off, 'nb')}): "
            f"faller den bort, mister kommunen kontakten med dem.{via_nb}",
            f"{ctx.name(v, 'en')} is the only path between {home_en} and {n} others "
            f"({names(ctx, cut.cut_off, 'en')}): if it drops out, the municipality loses touch with them.{via_en}",
            [v, *link, *cut.cut_off],
            score=n,
        ))
    rows.sort(key=lambda r: -r["score"])
    return Found(rows)


def structural_hole(ctx: Context) -> Found:
    """Local actors whose contacts are mostly not tied to each other (high efficiency, Burt)."""
    s = ctx.simple
    least = int(ctx.rules["hole_min_degree"])
    cap = int(ctx.rules["hole_max_actors"])
    candidates = [n for n in ctx.local if n in s and s.degree(n) >= least]
    method, note = "exact", ""
    if len(candidates) > cap:
        candidates = sorted(candidates, key=lambda n: (-s.degree(n), n))[:cap]
        method = "sampled"
        note = f"measured for the {cap} best-connected local actors only (hole_max_actors)"
    rows = []
    for v, m in sorted(burt(s, candidates).items()):
        if m.efficiency < float(ctx.rules["hole_min_efficiency"]):
            continue
        contacts = sorted(s[v])
        if v == ctx.home:
            then_nb, then_en = (
                "Kommunen er eneste bindeledd mellom dem; de kan bli kjent med hverandre gjennom kommunen.",
                "The municipality is the only link between them; it could introduce them to each other.",
            )
        else:
            then_nb, then_en = ("Kommunen kan koble dem direkte.", "The municipality could connect them directly.")
        rows.append(row(
            "structural_hole", v, ctx.name(v, "nb"), "info",
            f"{ctx.name(v, 'nb')} har {m.degree} kontakter med effektiv størrelse {m.effective_size:.1f} "
            f"(effektivitet {m.efficiency:.2f}, begrensning {m.constraint:.2f}): kontaktene "
            f"({names(ctx, contacts, 'nb')}) har lite forbindelse med hverandre, så aktøren holder dem sammen "
            f"alene. {then_nb}",
            f"{ctx.name(v, 'en')} has {m.degree} contacts with effective size {m.effective_size:.1f} "
            f"(efficiency {m.efficiency:.2f}, constraint {m.constraint:.2f}): its contacts "
            f"({names(ctx, contacts, 'en')}) are hardly tied to each other, so it alone holds them together. "
            f"{then_en}",
            [v, *contacts],
            score=m.effective_size,
        ))
    rows.sort(key=lambda r: -r["score"])
    return Found(rows, method, note)
