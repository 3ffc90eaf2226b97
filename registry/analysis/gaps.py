"""Gaps: what the strategy asks for that the registry does not show (coverage, documentation, use)."""

from __future__ import annotations

from collections import defaultdict

import networkx as nx
import pandas as pd

from .. import dates, rules as R, vocab
from .context import Context
from .rows import Found, labels, names, row
from ..review.classify import recent_activity, solidarity_reciprocity

__all__ = [
    "sector_matrix",
    "actor_matrix",
    "municipal_only",
    "sector_gap",
    "actor_gap",
    "unused_consulate",
    "forum_isolated",
    "undocumented_tie",
    "one_way_solidarity",
    "went_dormant",
    "isolated",
]


def _sister_cities(ctx: Context) -> list[str]:
    return list(dict.fromkeys(t.v for t in ctx.sister_ties))


def sector_matrix(ctx: Context) -> pd.DataFrame:
    """Return the sister city × sector coverage matrix: ties that count, per city and sector.

    Columns: ``city_id``, ``city_name``, then one column per sector code. A tie
    with several sectors counts in each; ties of institutions located in the
    city count for the city.
    """
    codes = [t.code for t in vocab.SECTORS]
    out = []
    for city in _sister_cities(ctx):
        counts = dict.fromkeys(codes, 0)
        for t in ctx.place_ties.get(city, []):
            for s in filter(None, (t.attrs.get("sectors") or "").split(";")):
                counts[s] = counts.get(s, 0) + 1
        out.append({"city_id": city, "city_name": ctx.name(city, "nb"), **counts})
    return pd.DataFrame(out, columns=["city_id", "city_name", *codes])


def actor_matrix(ctx: Context) -> pd.DataFrame:
    """Return the sister city × local-actor-kind coverage matrix: distinct local actors per city and kind.

    Columns: ``city_id``, ``city_name``, then one column per local actor kind
    (the municipality included), in the vocabulary's order.
    """
    codes = [t.code for t in vocab.ENTITY_KINDS if t.code in R.LOCAL_ACTOR_KINDS]
    out = []
    for city in _sister_cities(ctx):
        counts = dict.fromkeys(codes, 0)
        for actor in ctx.place_actors.get(city, {}):
            k = ctx.kind(actor)
            if k in counts:
                counts[k] += 1
        out.append({"city_id": city, "city_name": ctx.name(city, "nb"), **counts})
    return pd.DataFrame(out, columns=["city_id", "city_name", *codes])


def municipal_only(ctx: Context) -> Found:
    """Sister cities whose only local actor is the municipality itself."""
    rows = []
    for city in _sister_cities(ctx):
        actors = set(ctx.place_actors.get(city, {}))
        if actors - {ctx.home}:
            continue
        ties = [t.id for t in ctx.place_ties.get(city, [])]
        nb_c, en_c = ctx.name(city, "nb"), ctx.name(city, "en")
        home_nb = ctx.name(ctx.home, "nb") if ctx.home else "kommunen"
        home_en = ctx.name(ctx.home, "en") if ctx.home else "the municipality"
        rows.append(row(
            "municipal_only", city, nb_c, "medium",
            f"{nb_c}: bare {home_nb}s egen forbindelse er registrert ({', '.join(ties)}). Ingen institusjon, "
            "bedrift eller forening har en registrert forbindelse; strategi 4a ber om dokumentasjon som viser "
            "hele aktiviteten.",
            f"{en_c}: only {home_en}'s own tie is recorded ({', '.join(ties)}). No institution, business or "
            "association has a recorded tie; strategy 4a asks for documentation that shows the whole activity.",
            ties,
        ))
    return Found(rows)


def _coverage_gap(ctx: Context, kind: str, matrix: pd.DataFrame, wanted: tuple[str, ...], vocabulary: str) -> Found:
    rows = []
    for rec in matrix.to_dict("records"):
        city = rec["city_id"]
        missing = [c for c in wanted if not rec.get(c)]
        if not missing:
            continue
        covered = [c for c in wanted if rec.get(c)]
        nb_c, en_c = ctx.name(city, "nb"), ctx.name(city, "en")
        what_nb = "sektorene" if kind == "sector_gap" else "aktørtypene"
        what_en = "the sectors" if kind == "sector_gap" else "the actor kinds"
        has_nb = f" (dekket: {labels(vocabulary, covered, 'nb')})" if covered else " (ingen av dem er dekket)"
        has_en = f" (covered: {labels(vocabulary, covered, 'en')})" if covered else " (none of them is covered)"
        rows.append(row(
            kind, city, nb_c, "medium" if not covered else "low",
            f"{nb_c}: ingen aktiv forbindelse i {what_nb} {labels(vocabulary, missing, 'nb')}{has_nb}.",
            f"{en_c}: no active tie in {what_en} {labels(vocabulary, missing, 'en')}{has_en}.",
            [t.id for t in ctx.place_ties.get(city, [])],
            score=len(missing),
        ))
    return Found(rows)


def sector_gap(ctx: Context) -> Found:
    """Sister cities with empty cells in the strategy's sectors (:data:`rules.COVERAGE_SECTORS`)."""
    return _coverage_gap(ctx, "sector_gap", sector_matrix(ctx), R.COVERAGE_SECTORS, "sectors")


def actor_gap(ctx: Context) -> Found:
    """Sister cities with empty cells in the wanted actor kinds (:data:`rules.COVERAGE_ACTOR_KINDS`)."""
    return _coverage_gap(ctx, "actor_gap", actor_matrix(ctx), R.COVERAGE_ACTOR_KINDS, "entity_kinds")


def unused_consulate(ctx: Context) -> Found:
    """Consulates with no tie beyond their own (country, location); graver when the country has no relation."""
    rows = []
    for n, a in sorted(ctx.full.nodes(data=True)):
        if a.get("kind") != "consulate":
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
        if other:
            continue
        if country is None:
            for u, v, k, ta in ctx.full.out_edges(n, keys=True, data=True):
                if ta.get("kind") == "consular":
                    country = v
        ck = ctx.country_key(country) if country else None
        related = ck is not None and bool(set(ctx.place_actors.get(ck, {})))
        nb_n, en_n = ctx.name(n, "nb"), ctx.name(n, "en")
        if ck is None:
            tail_nb, tail_en = "", ""
        elif related:
            tail_nb = f" {ctx.name(ck, 'nb')} har andre aktive relasjoner som konsulatet kan knyttes til."
            tail_en = f" {ctx.name(ck, 'en')} has other active relations the consulate could be tied to."
        else:
            tail_nb = f" {ctx.name(ck, 'nb')} har heller ingen annen aktiv relasjon."
            tail_en = f" {ctx.name(ck, 'en')} has no other active relation either."
        rows.append(row(
            "unused_consulate", n, nb_n, "low" if related else "medium",
            f"{nb_n} har ingen forbindelse utover sine egne ({', '.join(own) or 'ingen'}); strategi 4e ber om "
            f"at konsulatene brukes aktivt.{tail_nb}",
            f"{en_n} has no tie beyond its own ({', '.join(own) or 'none'}); strategy 4e asks that the "
            f"consulates be used actively.{tail_en}",
            own,
        ))
    return Found(rows)


def _actor_places(ctx: Context) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for p, actors in ctx.place_actors.items():
        for a in actors:
            out[a].add(p)
    return out


def forum_isolated(ctx: Context) -> Found:
    """Forum members with no tie to any sister or partner city."""
    partners = ctx.partner_cities | set(_sister_cities(ctx))
    places = _actor_places(ctx)
    rows = []
    for forum, a in sorted(ctx.full.nodes(data=True)):
        if a.get("kind") != "forum":
            continue
        for m, to, k, ta in sorted(ctx.ties_at(forum), key=lambda t: t.id):
            if to != forum or ta.get("kind") != "forum_member" or places.get(m, set()) & partners or m in ctx.elsewhere:
                continue  # another municipality in the forum is not one of the home's actors
            nb_m, en_m = ctx.name(m, "nb"), ctx.name(m, "en")
            rows.append(row(
                "forum_isolated", m, nb_m, "low",
                f"{nb_m} er med i {ctx.name(forum, 'nb')} ({k}), men har ingen forbindelse til noen vennskapsby "
                "eller partnerby; forumet (strategi 1f) kan knytte aktøren til byens partnere.",
                f"{en_m} is a member of {ctx.name(forum, 'en')} ({k}) but has no tie to any sister or partner "
                "city; the forum (strategy 1f) could connect it with the city's partners.",
                [k],
            ))
    return Found(rows)


def undocumented_tie(ctx: Context) -> Found:
    """Cooperation ties without goals, indicators or a source (strategy 2a); other municipalities' ties are left out."""
    rows = []
    missing_nb = {"goals": "mål", "indicators": "indikatorer", "source": "kilde"}
    missing_en = {"goals": "goals", "indicators": "indicators", "source": "a source"}
    for t in sorted(ctx.active, key=lambda t: t.id):
        u, v, k, a = t
        if a.get("kind") not in R.DOCUMENTED_TIE_KINDS or ctx.is_elsewhere(t):
            continue  # another municipality's ties are for its own review
        missing = [c for c in ("goals", "indicators", "source") if not str(a.get(c) or "").strip()]
        if not missing:
            continue
        severity = "high" if "source" in missing else "medium" if len(missing) == 2 else "low"
        label_nb = f"{ctx.name(u, 'nb')} – {ctx.name(v, 'nb')}"
        label_en = f"{ctx.name(u, 'en')} – {ctx.name(v, 'en')}"
        kind_nb, kind_en = vocab.label("tie_kinds", a.get("kind"), "nb"), vocab.label("tie_kinds", a.get("kind"), "en")
        rows.append(row(
            "undocumented_tie", k, label_nb, severity,
            f"{kind_nb} {label_nb} mangler {' og '.join(missing_nb[c] for c in missing)}; strategi 2a ber om "
            "målbar og dokumenterbar effekt.",
            f"{kind_en} {label_en} has no {' and no '.join(missing_en[c] for c in missing)}; strategy 2a asks "
            "for measurable, documented effect.",
            [k],
            score=len(missing),
        ))
    return Found(rows)


def one_way_solidarity(ctx: Context) -> Found:
    """Places whose solidarity ties (carried by voluntary organisations) are one-way or not shown two-way.

    Each tie counts at its city, or at its country when it has no city.
    """
    by_place: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"two_way": [], "one_way": [], "unknown": []})
    for t in ctx.active:
        rec = solidarity_reciprocity(ctx, t)
        if rec is None:
            continue
        places = {p for p in (ctx.place(t.u), ctx.place(t.v)) if p}
        cities = {p for p in places if ctx.kind(p) in R.CITY_KINDS}
        for p in cities or places:
            by_place[p][rec].append(t.id)
    rows = []
    for place, sol in sorted(by_place.items()):
        one, unknown = sol["one_way"], sol["unknown"]
        if sol["two_way"] or not (one or unknown):
            continue
        nb_p, en_p = ctx.name(place, "nb"), ctx.name(place, "en")
        parts_nb, parts_en = [], []
        if one:
            parts_nb.append(f"enveis ({', '.join(one)})")
            parts_en.append(f"one-way ({', '.join(one)})")
        if unknown:
            parts_nb.append(f"uten dokumentert gjensidighet ({', '.join(unknown)})")
            parts_en.append(f"not documented as two-way ({', '.join(unknown)})")
        rows.append(row(
            "one_way_solidarity", place, nb_p, "medium" if one else "low",
            f"{nb_p}: solidaritetsarbeidet drevet av frivillige er {' og '.join(parts_nb)}; strategi 2c krever "
            "en gjensidig relasjon.",
            f"{en_p}: the solidarity work carried by voluntary organisations is {' and '.join(parts_en)}; "
            "strategy 2c requires a two-way relation.",
            one + unknown,
        ))
    return Found(rows)


def went_dormant(ctx: Context) -> Found:
    """Sister and partner cities that had activity, but none within ``dormant_years`` of the date."""
    sisters = set(_sister_cities(ctx))
    rows = []
    years = int(ctx.rules["dormant_years"])
    for city in sorted(sisters | ctx.partner_cities, key=lambda c: ctx.name(c).casefold()):
        recent, earlier = recent_activity(ctx, city)
        if recent or not earlier:
            continue
        ends = [dates.year_of(t.attrs.get("end")) for t in earlier]
        last = max((y for y in ends if y), default=None)
        nb_c, en_c = ctx.name(city, "nb"), ctx.name(city, "en")
        when_nb = f" (siste registrerte slutt {last})" if last else ""
        when_en = f" (last recorded end {last})" if last else ""
        role_nb, role_en = ("vennskapsby", "sister city") if city in sisters else ("partnerby", "partner city")
        ids = [t.id for t in earlier]
        rows.append(row(
            "went_dormant", city, nb_c, "medium" if city in sisters else "low",
            f"{nb_c} ({role_nb}) har hatt aktivitet ({', '.join(ids)}), men ingen de siste {years} årene{when_nb}.",
            f"{en_c} ({role_en}) had activity ({', '.join(ids)}), but none in the last {years} years{when_en}.",
            ids,
            score=last,
        ))
    return Found(rows)


_ISOLATED_HINT = {
    "funding_programme": ("strategi 3e ber om kartlegging av ekstern finansiering", "strategy 3e asks to map external funding"),
    "student_org": ("strategi 4f vil bruke studentorganisasjonene som et nettverk av ambassadører",
                    "strategy 4f wants the student organisations as a network of ambassadors"),
    "consulate": ("strategi 4e ber om at konsulatene brukes aktivt", "strategy 4e asks that the consulates be used actively"),
    "voluntary_org": ("strategi 3f ber om nært samarbeid med frivillige organisasjoner",
                      "strategy 3f asks for close cooperation with voluntary organisations"),
}


def isolated(ctx: Context) -> Found:
    """Entities with no tie that counts, or with ties that lead nowhere near the municipality.

    Other municipalities and what belongs only to them (:attr:`Context.elsewhere`) are theirs, not isolated.
    """
    s = ctx.simple
    far = ctx.elsewhere
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
        if n == ctx.home or n in reach or n in far:
            continue
        k = ctx.kind(n)
        nb_n, en_n = ctx.name(n, "nb"), ctx.name(n, "en")
        hint_nb, hint_en = _ISOLATED_HINT.get(k, ("", ""))
        hint_nb, hint_en = (f"; {hint_nb}" if hint_nb else ""), (f"; {hint_en}" if hint_en else "")
        wanted = k in R.LOCAL_ACTOR_KINDS or k in _ISOLATED_HINT
        if n not in group_of:
            rows.append(row(
                "isolated", n, nb_n, "medium" if wanted else "low",
                f"{nb_n} ({vocab.label('entity_kinds', k, 'nb').lower()}) har ingen aktiv forbindelse{hint_nb}.",
                f"{en_n} ({vocab.label('entity_kinds', k, 'en').lower()}) has no active tie{hint_en}.",
                [n],
            ))
        elif ctx.home is not None:
            others = [m for m in group_of[n] if m != n]
            rows.append(row(
                "isolated", n, nb_n, "low",
                f"{nb_n} har forbindelser ({names(ctx, others, 'nb')}), men ingen vei til "
                f"{ctx.name(ctx.home, 'nb')}{hint_nb}.",
                f"{en_n} has ties ({names(ctx, others, 'en')}), but no path to {ctx.name(ctx.home, 'en')}{hint_en}.",
                [n],
            ))
    return Found(rows, note="" if ctx.home else "no home municipality: only entities without ties are listed")
