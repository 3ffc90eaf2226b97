"""Actors the registry shows unused: consulates with no tie beyond their own, forum members with no partner city."""

from __future__ import annotations

from collections import defaultdict

from .. import rules as R
from ..message import Message
from .context import Context
from .places import local_participants, place_activities, sister_cities
from .rows import Found, gone, names, recent_activities, row

__all__ = ["unused_consulate", "forum_isolated"]


def unused_consulate(ctx: Context) -> Found:
    """Consulates with no tie beyond their own (country, location) and no recent activity.

    Graver when the country has no other relation either.
    """
    rows = []
    away = gone(ctx)
    cities_of: dict[str | None, list[str]] = defaultdict(list)  # country -> its cities that local actors work
    for p in ctx.place_actors:
        if ctx.kind(p) in R.CITY_KINDS:
            cities_of[ctx.country_key(p)].append(p)
    # A consulate that took part in a registered activity in recent years is in use.
    in_use = {e for a in recent_activities(ctx) for e, _ in a.participants}
    for n, a in sorted(ctx.full.nodes(data=True)):
        if a.get("kind") != "consulate" or n in away:
            continue
        own, other, ends = [], [], []
        country = None
        for u, v, k, ta in ctx.ties_at(n):
            if ta.get("kind") in R.CONSULATE_OWN_TIE_KINDS:
                own.append(k)
                ends.append(v if u == n else u)
                if ta.get("kind") == "consular":
                    country = v if u == n else u
            else:
                other.append(k)
        if other or n in in_use:
            continue
        if country is None:
            for _, v, _, ta in ctx.full.out_edges(n, keys=True, data=True):
                if ta.get("kind") == "consular":
                    country = v
        ck = ctx.country_key(country) if country else None
        related = ck is not None and bool(set(ctx.place_actors.get(ck, {})) - away)
        cities = sorted(cities_of.get(ck, []), key=lambda p: ctx.name(p).casefold()) if related else []
        about: Message | str
        if ck is None:
            about = ""
        elif related and cities:
            about = Message("finding.consulate.related_at", {"country": ctx.label(ck), "cities": names(ctx, cities)})
        elif related:
            about = Message("finding.consulate.related", {"country": ctx.label(ck)})
        else:
            about = Message("finding.consulate.alone", {"country": ctx.label(ck)})
        rows.append(
            row(
                "unused_consulate",
                n,
                ctx.label(n),
                "low" if related else "medium",
                Message(
                    "finding.consulate.unused",
                    {
                        "consulate": ctx.label(n),
                        "country": about,
                        "own": Message("finding.consulate.own", {"ends": names(ctx, ends)})
                        if ends
                        else Message("finding.consulate.own_none"),
                    },
                ),
                own,
            )
        )
    return Found(rows)


def _actor_places(ctx: Context) -> dict[str, set[str]]:
    """Return local actor -> the foreign places it works, by a tie or by taking part in an activity there."""
    out: dict[str, set[str]] = defaultdict(set)
    for p, actors in ctx.place_actors.items():
        for a in actors:
            out[a].add(p)
    for p, acts in place_activities(ctx).items():
        for a in local_participants(ctx, acts):
            out[a].add(p)
    return out


def forum_isolated(ctx: Context) -> Found:
    """Forum members with no tie to, and no activity at, any sister or partner city.

    A membership whose status is 'uncertain' (planned, not documented as in
    force) is said to be planned, never stated as a fact.
    """
    partners = ctx.partner_cities | set(sister_cities(ctx))
    places = _actor_places(ctx)
    away = gone(ctx)
    rows = []
    for forum, a in sorted(ctx.full.nodes(data=True)):
        if a.get("kind") != "forum" or forum in away:
            continue
        for m, to, k, ta in sorted(ctx.ties_at(forum), key=lambda t: t.id):
            if to != forum or ta.get("kind") != "forum_member" or places.get(m, set()) & partners:
                continue
            if m in ctx.elsewhere or m in away:
                continue  # another municipality in the forum is not one of the home's actors; a dissolved body is gone
            planned = ta.get("status") == "uncertain"
            rows.append(
                row(
                    "forum_isolated",
                    m,
                    ctx.label(m),
                    "low",
                    Message(
                        "finding.forum.planned" if planned else "finding.forum.member", {"member": ctx.label(m), "forum": ctx.label(forum)}
                    ),
                    [k],
                )
            )
    return Found(rows)
