"""Structural holes: local actors whose contacts are tied to each other only through them (Burt's brokerage)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import NamedTuple

import networkx as nx

from .. import rules as R
from ..message import Message
from .contact_graphs import channels, is_channel
from .context import Context
from .rows import Found, names, number, row

__all__ = ["Burt", "burt", "structural_hole"]


class Burt(NamedTuple):
    """Burt's measures of one node's neighbourhood (undirected, unweighted)."""

    degree: int
    effective_size: float  # contacts minus their redundancy: degree - 2 * ties among contacts / degree
    efficiency: float  # effective size / degree
    constraint: float  # how much the contacts are tied to each other and to one another's contacts


def burt(g: nx.Graph, nodes: Iterable[str], leave_out: Mapping[str, set[str]] | None = None) -> dict[str, Burt]:
    """Return Burt's measures for ``nodes`` only, each from its own neighbourhood.

    Agrees with ``nx.effective_size`` and ``nx.constraint`` on an undirected,
    unweighted graph, but costs the sum of the neighbours' degrees per node
    instead of taking the whole-graph matrix path. Nodes without neighbours
    are left out. ``leave_out[v]`` names neighbours of ``v`` that are not
    counted among its contacts (a body's own members).

    >>> g = nx.Graph([("a", "b"), ("a", "c"), ("a", "d"), ("b", "c")])
    >>> round(burt(g, ["a"])["a"].effective_size, 4)
    2.3333
    """
    adj = g.adj
    leave_out = leave_out or {}
    out = {}
    for v in nodes:
        nbrs = set(adj[v]) - {v} - leave_out.get(v, set())
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


def _members(ctx: Context, s: nx.Graph) -> dict[str, set[str]]:
    """Return body -> its members joined by a real channel (membership and forum ties pointing to it)."""
    out: dict[str, set[str]] = {}
    for t in ctx.active:
        if t.attrs.get("kind") in R.MEMBER_TIE_KINDS and is_channel(t.attrs) and s.has_edge(t.u, t.v):
            out.setdefault(t.v, set()).add(t.u)
    return out


def structural_hole(ctx: Context) -> Found:
    """Local actors whose contacts are mostly not tied to each other (high efficiency), over real channels.

    The home municipality is never a subject (it is the one who could connect
    the contacts), and a body's own members are not counted among its contacts:
    members meet in the body, which does not stand between them.
    """
    s = channels(ctx)
    least = int(ctx.rules["hole_min_degree"])
    cap = int(ctx.rules["hole_max_actors"])
    members = _members(ctx, s)

    def degree(n: str) -> int:
        return len(set(s[n]) - members.get(n, set()) - {n})

    candidates = [n for n in ctx.local if n in s and n != ctx.home and degree(n) >= least]
    method, note = "exact", None
    if len(candidates) > cap:
        candidates = sorted(candidates, key=lambda n: (-degree(n), n))[:cap]
        method = "sampled"
        note = Message("finding.note.holes_sampled", {"cap": cap})
    rows = []
    home = ctx.home
    for v, m in sorted(burt(s, candidates, members).items()):
        if m.efficiency < float(ctx.rules["hole_min_efficiency"]):
            continue
        contacts_ = sorted(set(s[v]) - members.get(v, set()) - {v})
        if home is not None and home in contacts_:
            then = Message(
                "finding.hole.then_home",
                {"home": ctx.label(home), "rest": names(ctx, [c for c in contacts_ if c != home]), "actor": ctx.label(v)},
            )
        else:
            then = Message("finding.hole.then")
        rows.append(
            row(
                "structural_hole",
                v,
                ctx.label(v),
                "info",
                Message(
                    "finding.hole.gap",
                    {
                        "actor": ctx.label(v),
                        "degree": m.degree,
                        "contacts": names(ctx, contacts_),
                        "size": number(m.effective_size),
                        "then": then,
                    },
                ),
                [v, *contacts_],
                score=m.effective_size,
            )
        )
    rows.sort(key=lambda r: -r["score"])
    return Found(rows, method, note)
