"""Overlaps and opportunities: several actors at one place, duplicates, places the municipality does not see.

Every explanation ends with what to do next; bodies that do not exist on the date are left out.
"""

from __future__ import annotations

import bisect
import math
import re
import unicodedata
from collections import defaultdict
from itertools import combinations
from typing import Any

from .. import rules as R
from ..message import Message
from .contact_graphs import channels, contacts
from .context import Context
from .places import place_activities
from .rows import Found, gone, names, number, row, tie_name

__all__ = ["shared_partner", "many_channels", "likely_duplicate", "opportunity", "name_key", "km_between"]


def names_of_ties(ctx: Context, ids: list[str]) -> Message:
    """Return ties as their ends' names, in one list."""
    return Message("finding.list", {"items": [tie_name(ctx, t) for t in ids]})


def _is_city(ctx: Context, place: str) -> bool:
    return ctx.kind(place) in R.CITY_KINDS


def _actors(ctx: Context) -> dict[str, dict[str, list[str]]]:
    """Return :attr:`Context.place_actors` without the bodies that do not exist on the date."""
    away = gone(ctx)
    if not away:
        return ctx.place_actors
    out = {}
    for p, actors in ctx.place_actors.items():
        if p in away:
            continue
        kept = {a: ts for a, ts in actors.items() if a not in away}
        if kept:
            out[p] = kept
    return out


def _together(ctx: Context) -> dict[str, set[tuple[str, str]]]:
    """Return place -> pairs of local actors that took part in one registered activity there."""
    local = ctx.local
    out: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for p, acts in place_activities(ctx).items():
        for a in acts:
            here = sorted({e for e, _ in a.participants if e in local})
            out[p].update(combinations(here, 2))
    return out


def shared_partner(ctx: Context) -> Found:
    """Pairs of local actors working the same foreign city or country with no tie to each other.

    Two actors that work a place through the same tie (one carrying the
    other's tie) or that took part in one registered activity there know of
    each other at that place, so it is not counted for them.
    """
    cap = int(ctx.rules["shared_partner_max_actors"])
    place_actors = _actors(ctx)
    together = _together(ctx)
    pairs: dict[tuple[str, str], list[str]] = defaultdict(list)
    crowded = 0
    for place, actors in place_actors.items():
        if len(actors) < 2:
            continue
        if len(actors) > cap:
            crowded += 1
            continue
        met = together.get(place, set())
        for a, b in combinations(sorted(actors), 2):
            if (a, b) in met or set(actors[a]) & set(actors[b]):
                continue
            pairs[(a, b)].append(place)
    s, real = contacts(ctx), channels(ctx)
    rows = []
    for (a, b), places in sorted(pairs.items()):
        if s.has_edge(a, b):
            continue
        cities = [p for p in places if _is_city(ctx, p)]
        city_countries = {ctx.country_key(c) for c in cities}
        # A country is worth naming only when no shared city already stands for it.
        shown = cities + [p for p in places if not _is_city(ctx, p) and p not in city_countries]
        shown.sort(key=lambda p: (not _is_city(ctx, p), ctx.name(p).casefold()))
        ties = [t for p in shown for t in place_actors[p][a] + place_actors[p][b]]
        # Where they meet through real channels, other than at the places they share (those are the finding).
        meet = sorted(set(real[a]) & set(real[b]) - set(places)) if a in real and b in real else []
        pair = Message("finding.pair", {"a": ctx.label(a), "b": ctx.label(b)})
        rows.append(
            row(
                "shared_partner",
                f"{a};{b}",
                pair,
                "medium" if cities else "low",
                Message(
                    "finding.shared.gap",
                    {
                        "pair": pair,
                        "places": names(ctx, shown),
                        "meet": Message("finding.shared.meet", {"where": names(ctx, meet, 3)}) if meet else "",
                    },
                ),
                [a, b, *ties],
                score=len(shown),
            )
        )
    rows.sort(key=lambda r: (r["severity"] != "medium", -r["score"], r["subject"]))
    note = Message("finding.note.crowded", {"n": crowded, "cap": cap}) if crowded else None
    return Found(rows, "exact", note)


def many_channels(ctx: Context) -> Found:
    """Foreign places that at least ``many_channels_min_actors`` local actors work at once.

    A country is listed only when more actors work it than work any one of its
    cities (otherwise the city says it already).
    """
    least = int(ctx.rules["many_channels_min_actors"])
    place_actors = _actors(ctx)
    best_city: dict[str | None, int] = defaultdict(int)
    for p, actors in place_actors.items():
        if _is_city(ctx, p):
            ck = ctx.country_key(p)
            best_city[ck] = max(best_city[ck], len(actors))
    rows = []
    for p, actors in place_actors.items():
        n = len(actors)
        if n < least or (not _is_city(ctx, p) and n <= best_city.get(p, 0)):
            continue
        ids = sorted(actors)
        ties = [t for a in ids for t in actors[a]]
        rows.append(
            row(
                "many_channels",
                p,
                ctx.label(p),
                "info",
                Message("finding.many.gap", {"place": ctx.label(p), "n": n, "actors": names(ctx, ids), "ties": len(set(ties))}),
                [*ids, *ties],
                score=n,
            )
        )
    rows.sort(key=lambda r: (-r["score"], r["subject"]))
    return Found(rows)


def name_key(name: str | None) -> str:
    """Return a name folded for comparison: no accents, case, punctuation or spaces.

    >>> name_key("Kraków") == name_key("krakow")
    True
    """
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name.replace("ø", "o").replace("Ø", "O").replace("æ", "ae").replace("Æ", "AE"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[\W_]+", "", text.casefold())


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the great-circle distance in kilometres (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def likely_duplicate(ctx: Context) -> Found:
    """Pairs of entities that are likely one: same kind and country with the same name, or cities a few km apart."""
    g = ctx.full
    found: dict[tuple[str, str], list[str | float]] = defaultdict(list)
    by_name: dict[tuple[Any, Any, str], set[str]] = defaultdict(set)
    for n, attrs in g.nodes(data=True):
        for key in {name_key(attrs.get("name")), name_key(attrs.get("name_en"))} - {""}:
            by_name[(attrs.get("kind"), attrs.get("country_code"), key)].add(n)
    for ids in by_name.values():
        for a, b in combinations(sorted(ids), 2):
            if "name" not in found[(a, b)]:
                found[(a, b)].append("name")
    km = float(ctx.rules["duplicate_km"])
    places: list[tuple[float, float, str]] = sorted(
        (attrs["lat"], attrs["lon"], n)
        for n, attrs in g.nodes(data=True)
        if attrs.get("kind") in R.CITY_KINDS and attrs.get("lat") is not None and attrs.get("lon") is not None
    )
    lats = [p[0] for p in places]
    band = km / 111.0  # a degree of latitude is about 111 km everywhere
    for i, (lat, lon, n) in enumerate(places):
        # Only cities within the latitude band can be near: a sorted sweep, not all pairs.
        for j in range(i + 1, bisect.bisect_right(lats, lat + band)):
            lat2, lon2, m = places[j]
            ca, cb = g.nodes[n].get("country_code"), g.nodes[m].get("country_code")
            if ca and cb and ca != cb:
                continue
            d = km_between(lat, lon, lat2, lon2)
            if d <= km:
                found[tuple(sorted((n, m)))].append(d)  # type: ignore[index]
    rows = []
    for (a, b), why in sorted(found.items()):
        if not why:
            continue
        same_name = "name" in why
        dist = [float(w) for w in why if w != "name"]
        reasons = ([Message("finding.duplicate.same_name")] if same_name else []) + [
            Message("finding.duplicate.km", {"km": number(d)}) for d in dist
        ]
        rows.append(
            row(
                "likely_duplicate",
                f"{a};{b}",
                Message("finding.slash", {"a": ctx.label(a), "b": ctx.label(b)}),
                "medium" if same_name and dist else "low",
                Message("finding.duplicate.gap", {"pair": Message("finding.pair", {"a": ctx.label(a), "b": ctx.label(b)}), "why": reasons}),
                [a, b],
            )
        )
    return Found(rows)


def opportunity(ctx: Context) -> Found:
    """Foreign places where local institutions are active but the municipality has no relation, ranked.

    The score is the Adamic–Adar index of the municipality and the place in the
    graph where the municipality is joined to every local actor: the sum over
    the actors at the place of 1 / log(their degree). In plain words: higher the
    more local actors work the place and the fewer other ties each has, since a
    place means more to an actor with few ties. A place where the municipality
    took part in a registered activity is not one it does not see; bodies that
    do not exist on the date are left out.
    """
    home = ctx.home
    if home is None:
        return Found([], "skipped", Message("finding.note.no_home_compare"))
    s = ctx.simple
    place_actors = _actors(ctx)
    home_places = {p for p, actors in place_actors.items() if home in actors}
    home_places |= {p for p, acts in place_activities(ctx).items() if any(e == home for a in acts for e, _ in a.participants)}
    home_countries = {ctx.country_key(p) for p in home_places} | {p for p in home_places if not _is_city(ctx, p)}
    listed_ties: dict[str | None, set[str]] = defaultdict(set)
    candidates = []
    for p, actors in place_actors.items():
        if _is_city(ctx, p) and p not in home_places:
            candidates.append((p, {a: t for a, t in actors.items() if a != home}))
            listed_ties[ctx.country_key(p)].update(t for ts in actors.values() for t in ts)
    for p, actors in place_actors.items():
        if _is_city(ctx, p) or p in home_countries:
            continue
        # Ties already listed under one of the country's cities are not counted again.
        rest = {a: [t for t in ts if t not in listed_ties.get(p, set())] for a, ts in actors.items() if a != home}
        rest = {a: ts for a, ts in rest.items() if ts}
        if rest:
            candidates.append((p, rest))
    rows = []
    for p, actors in candidates:
        if not actors:
            continue
        score = 0.0
        for a in actors:
            deg = (s.degree(a) if a in s else 0) + (0 if s.has_edge(home, a) else 1)
            score += 1.0 / math.log(max(deg, 2))
        ids = sorted(actors)
        ties = [t for a in ids for t in actors[a]]
        n = len(ids)
        rows.append(
            row(
                "opportunity",
                p,
                ctx.label(p),
                "medium" if n > 1 else "low",
                Message(
                    "finding.opportunity.gap",
                    {
                        "place": ctx.label(p),
                        "actors": names(ctx, ids),
                        "n": n,
                        "home": ctx.label(home),
                        "ties": names_of_ties(ctx, ties[:5]),
                        "score": number(score, 2),
                    },
                ),
                [*ids, *ties],
                score=score,
            )
        )
    rows.sort(key=lambda r: (-r["score"], r["subject"]))
    return Found(rows)
