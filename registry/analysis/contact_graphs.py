"""The contact graphs the structural findings run on: who is in contact at all, and over real channels."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import networkx as nx

from .. import rules as R
from .context import Context
from .rows import gone, recent_activities

__all__ = ["contacts", "is_channel", "channels"]


def _carried(g: nx.Graph, u: str, v: str, carrier: str | None) -> None:
    """Join ``carrier`` to both ends ``u`` and ``v`` in ``g`` (in place; returns None)."""
    # Whoever carries a tie is in contact with both its ends (an association running the
    # municipality's solidarity relation knows the municipality and the city).
    if carrier and carrier in g and carrier not in (u, v):
        g.add_edge(carrier, u)
        g.add_edge(carrier, v)


def _tie_graph(ctx: Context, keep: Callable[[Mapping], bool]) -> nx.Graph:
    """Return the entities existing on the date joined by the ties that count and pass ``keep``, carriers to both ends."""
    away = gone(ctx)
    g: nx.Graph = nx.Graph()
    g.add_nodes_from(n for n in ctx.full if n not in away)
    for t in ctx.active:
        if t.u == t.v or t.u in away or t.v in away or not keep(t.attrs):
            continue
        g.add_edge(t.u, t.v)
        _carried(g, t.u, t.v, t.attrs.get("carrier_id"))
    return g


def contacts(ctx: Context) -> nx.Graph:
    """Return every tie that counts on the date as an undirected simple graph, carriers joined to both ends.

    Those who took part in one registered activity in the ``dormant_years`` up to
    the date are joined too. Entities that do not exist on the date
    (:func:`~registry.analysis.rows.gone`) are left out. This is the graph of who
    is connected at all (for ``isolated``); :func:`channels` is the stricter one
    the structural findings use.
    """
    hit = ctx.__dict__.get("_contacts")
    if hit is None:
        hit = _tie_graph(ctx, lambda attrs: True)
        for a in recent_activities(ctx):
            # Taking part in one activity in recent years is contact, as a tie is.
            ids = sorted({e for e, _ in a.participants if e in hit})
            hit.add_edges_from((x, y) for i, x in enumerate(ids) for y in ids[i + 1 :])
        ctx.__dict__["_contacts"] = hit
    return hit


def is_channel(attrs: Mapping) -> bool:
    """Return True when a tie that counts is a real channel of contact.

    Not a channel: where something is or whom it represents (``located_in``,
    ``consular``), and ties that are planned, not documented as in force, or
    suspended (:data:`registry.rules.NOT_CHANNEL_STATUSES`).
    """
    return attrs.get("kind") not in R.NOT_CHANNEL_TIE_KINDS and attrs.get("status") not in R.NOT_CHANNEL_STATUSES


def channels(ctx: Context) -> nx.Graph:
    """Return the real channels of contact on the date as an undirected simple graph.

    As :func:`contacts`, but only ties for which :func:`is_channel` holds (a
    consulate merely located in the city is not a contact of the municipality,
    and a forum membership only planned in 2010 is not a way to reach anyone),
    and no activities: a visit once is not a standing channel.
    """
    hit = ctx.__dict__.get("_channels")
    if hit is None:
        hit = _tie_graph(ctx, is_channel)
        ctx.__dict__["_channels"] = hit
    return hit
