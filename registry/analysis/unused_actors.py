"""Actors the registry shows unused: consulates with no tie beyond their own, forum members with no partner city."""

from __future__ import annotations

from collections import defaultdict

from .. import rules as R
from .context import Context
from .places import local_participants, place_activities, sister_cities
from .rows import VEDTAK_7, Found, gone, names, recent_activities, row

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
        own, other = [], []
        country = None
        for u, v, k, ta in ctx.ties_at(n):
            if ta.get("kind") in R.CONSULATE_OWN_TIE_KINDS:
                own.append(k)
                if ta.get("kind") == "consular":
                    country = v if u == n else u
            else:
                other.append(k)
        if other or n in in_use:
            continue
        if country is None:
            for u, v, k, ta in ctx.full.out_edges(n, keys=True, data=True):
                if ta.get("kind") == "consular":
                    country = v
        ck = ctx.country_key(country) if country else None
        related = ck is not None and bool(set(ctx.place_actors.get(ck, {})) - away)
        cities = sorted(cities_of.get(ck, []), key=lambda p: ctx.name(p).casefold()) if related else []
        nb_n, en_n = ctx.name(n, "nb"), ctx.name(n, "en")
        if ck is None:
            tail_nb, tail_en = "", ""
        elif related:
            where_nb = f" ({names(ctx, cities, 'nb')})" if cities else ""
            where_en = f" ({names(ctx, cities, 'en')})" if cities else ""
            tail_nb = f" {ctx.name(ck, 'nb')} har andre aktive relasjoner{where_nb} som konsulatet kan knyttes til."
            tail_en = f" {ctx.name(ck, 'en')} has other active relations{where_en} the consulate could be tied to."
        else:
            tail_nb = f" {ctx.name(ck, 'nb')} har heller ingen annen aktiv relasjon."
            tail_en = f" {ctx.name(ck, 'en')} has no other active relation either."
        rows.append(row(
            "unused_consulate", n, nb_n, "low" if related else "medium",
            f"{nb_n} har ingen registrert forbindelse utover sine egne ({', '.join(own) or 'ingen'}).{tail_nb} "
            f"Neste steg: inviter konsulen til det internasjonale forumet (strategi 1f og bystyrets vedtak punkt 7: "
            f"{VEDTAK_7}), og bruk konsulatet aktivt (strategi 4e).",
            f"{en_n} has no registered tie beyond its own ({', '.join(own) or 'none'}).{tail_en} Next: invite the "
            "consul to the international forum (strategy 1f and the council's decision, point 7: the consuls are "
            "invited to take part with a representative in the international forum), and use the consulate "
            "actively (strategy 4e).",
            own,
        ))
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
            nb_m, en_m = ctx.name(m, "nb"), ctx.name(m, "en")
            nb_f, en_f = ctx.name(forum, "nb"), ctx.name(forum, "en")
            if ta.get("status") == "uncertain":
                is_nb = f"er oppført som planlagt medlem av {nb_f} ({k}; ikke dokumentert som gjennomført)"
                is_en = f"is listed as a planned member of {en_f} ({k}; not documented as in force)"
                then_nb = "Neste steg: bekreft medlemskapet, og bruk forumet til å knytte aktøren til byens partnere"
                then_en = "Next: confirm the membership, and use the forum to connect it with the city's partners"
            else:
                is_nb, is_en = f"er med i {nb_f} ({k})", f"is a member of {en_f} ({k})"
                then_nb = "Neste steg: bruk forumet til å knytte aktøren til byens partnere"
                then_en = "Next: use the forum to connect it with the city's partners"
            rows.append(row(
                "forum_isolated", m, nb_m, "low",
                f"{nb_m} {is_nb}, men har ingen registrert forbindelse til eller aktivitet i noen vennskapsby eller "
                f"partnerby. {then_nb} (strategi 1f: forumet skal «fungere som katalysator for samspillet lokalt»).",
                f"{en_m} {is_en}, but has no registered tie to or activity in any sister or partner city. "
                f"{then_en} (strategy 1f: the forum is to act as a catalyst for local cooperation).",
                [k],
            ))
    return Found(rows)
