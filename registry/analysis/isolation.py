"""Isolated entities: no tie that counts, or ties that lead nowhere near the municipality."""

from __future__ import annotations

from typing import Any

import networkx as nx

from .. import rules as R
from ..i18n.findings import term
from ..message import Message
from .contact_graphs import contacts
from .context import Context
from .rows import Found, gone, names, row, terms

__all__ = ["isolated"]


#: Entity kinds with a strategy point and a next step of their own (``finding.isolated.why.<kind>``).
_ISOLATED_HINT = frozenset({"funding_programme", "eu_programme", "student_org", "consulate", "voluntary_org"})


def _edges_at(g: nx.MultiDiGraph, n: str) -> list[tuple[str, str, dict[str, Any]]]:
    """Return every tie at ``n`` in either direction, of any date, as ``(u, v, attrs)``."""
    return list(g.out_edges(n, data=True)) + list(g.in_edges(n, data=True))


def _ended_with(ctx: Context, n: str) -> Message | None:
    """Return the tail when ``n``'s ties ended with a dissolved body: who, when, and who succeeded it."""
    g = ctx.full
    for u, v, a in _edges_at(g, n):
        if a.get("ended_by") != "dissolved":
            continue
        other = v if u == n else u
        oa = g.nodes[other]
        if not oa.get("dissolved"):
            continue
        succ = oa.get("successor_id")
        params = {"body": ctx.label(other), "dissolved": oa["dissolved"]}
        if succ and succ in g:
            return Message("finding.isolated.ended_with_successor", {**params, "successor": ctx.label(succ)})
        return Message("finding.isolated.ended_with", params)
    return None


def _successor_of(ctx: Context, n: str, away: frozenset[str]) -> Message | None:
    """Return the tail when ``n`` succeeded a dissolved body that had ties: register what it took over."""
    g = ctx.full
    before = ctx.__dict__.get("_predecessors")
    if before is None:  # built once: asked for every isolated entity
        before = {}
        for p, pa in g.nodes(data=True):
            if pa.get("successor_id"):
                before.setdefault(pa["successor_id"], []).append(p)
        ctx.__dict__["_predecessors"] = before
    for p in before.get(n, ()):
        pa = g.nodes[p]
        if p not in away or not g.degree(p):
            continue
        ties = _edges_at(g, p)
        kinds = sorted({a.get("kind") or "" for _, _, a in ties})
        planned = all(a.get("status") == "uncertain" for _, _, a in ties)
        return Message(
            "finding.isolated.successor_planned" if planned else "finding.isolated.successor",
            {"body": ctx.label(p), "dissolved": pa.get("dissolved"), "kinds": terms("tie_kinds", kinds), "entity": ctx.label(n)},
        )
    return None


def isolated(ctx: Context) -> Found:
    """Entities with no tie that counts, or with ties that lead nowhere near the municipality.

    A carrier is connected to both ends of the tie it carries. Only the home's
    network is looked at (:mod:`.scope`); bodies that do not exist on the date
    are left out.
    """
    s = contacts(ctx)
    far = ctx.elsewhere
    away = gone(ctx)
    reach = nx.node_connected_component(s, ctx.home) if ctx.home in s else set()
    # One pass over the components, never one search per entity.
    group_of: dict[str, list[str]] = {}
    for comp in nx.connected_components(s):
        if len(comp) > 1 and not comp & reach:
            members = sorted(comp)
            for n in members:
                group_of[n] = members
    rows = []
    for n in sorted(s):
        if n == ctx.home or n in reach or n in far or n in away:
            continue
        k = ctx.kind(n)
        tail = (
            _ended_with(ctx, n)
            or _successor_of(ctx, n, away)
            or Message("finding.isolated.tail", {"why": Message(f"finding.isolated.why.{k if k in _ISOLATED_HINT else 'other'}")})
        )
        wanted = k in R.LOCAL_ACTOR_KINDS or k in _ISOLATED_HINT
        if n not in group_of:
            rows.append(
                row(
                    "isolated",
                    n,
                    ctx.label(n),
                    "medium" if wanted else "low",
                    Message("finding.isolated.no_tie", {"entity": ctx.label(n), "kind": term("entity_kinds", k), "tail": tail}),
                    [n],
                )
            )
        elif ctx.home is not None:
            others = [m for m in group_of[n] if m != n]
            rows.append(
                row(
                    "isolated",
                    n,
                    ctx.label(n),
                    "low",
                    Message(
                        "finding.isolated.no_path",
                        {"entity": ctx.label(n), "others": names(ctx, others), "home": ctx.label(ctx.home), "tail": tail},
                    ),
                    [n],
                )
            )
    return Found(rows, note=None if ctx.home else Message("finding.note.no_home_isolated"))
