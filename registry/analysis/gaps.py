"""Gaps: what the strategy asks for that the registry does not show (coverage, documentation, use).

Every explanation ends with what to do next, in both languages. Registered
activities count as activity wherever a finding looks at activity, and bodies
that do not exist on the date (dissolved, or not yet founded) are left out.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pandas as pd

from .. import dates, rules as R, vocab
from .context import Context, Tie
from .rows import VEDTAK_7, Found, STRATEGY_2A, gone, labels, names, recent_activities, row
from ..review.classify import recent_activity, solidarity_reciprocity
from ..review.evidence import ActivityRef, activity_ref, evidence_id, in_window as activity_in_window

__all__ = [
    "sector_matrix",
    "actor_matrix",
    "place_activities",
    "agreed_sectors",
    "thin_relation",
    "unused_consulate",
    "forum_isolated",
    "undocumented_tie",
    "one_way_solidarity",
    "went_dormant",
]


def _sister_cities(ctx: Context) -> list[str]:
    return list(dict.fromkeys(t.v for t in ctx.sister_ties))


def _or(items: list[str], lang: str) -> str:
    """Return 'a, b or c' ('a, b eller c')."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {'eller' if lang == 'nb' else 'or'} {items[-1]}"


def place_activities(ctx: Context) -> dict[str, list[ActivityRef]]:
    """Return foreign place -> the activities registered there by the date (undated ones included).

    An activity is at a place when it is linked to a tie with an end there, or
    when a participant is there (the place itself, or a body located in it)
    together with a local actor; a city's activities are its country's too.
    Activities that begin after the date do not count yet; undated ones always
    do (their date is unknown, not absent).
    """
    hit = ctx.__dict__.get("_place_activities")
    if hit is not None:
        return hit
    ends = {k: (u, v) for u, v, k in ctx.full.edges(keys=True)}
    local = ctx.local
    out: dict[str, list[ActivityRef]] = defaultdict(list)
    for rec in ctx.snap.activities:
        ref = activity_ref(rec)
        span = ref.span()
        if span is not None and span[0] > ctx.as_of:
            continue
        places = set()
        for tid in ref.tie_ids:
            for n in ends.get(tid, ()):
                places.add(ctx.place(n))
        ids = [e for e, _ in ref.participants if e in ctx.full]
        if any(e in local for e in ids):
            places.update(ctx.place(e) for e in ids)
        places.discard(None)
        # As for ties (Context.place_ties), a city's activity is its country's too.
        places |= {ctx.country_key(p) for p in places if not p.startswith("country:")}  # type: ignore[union-attr]
        places.discard(None)
        for p in places:
            out[p].append(ref)  # type: ignore[index]
    hit = ctx.__dict__["_place_activities"] = dict(out)
    return hit


def _local_participants(ctx: Context, acts: list[ActivityRef]) -> set[str]:
    local = ctx.local
    return {e for a in acts for e, _ in a.participants if e in local}


def sector_matrix(ctx: Context) -> pd.DataFrame:
    """Return the sister city × sector coverage matrix: ties that count and activities registered, per city and sector.

    Columns: ``city_id``, ``city_name``, then one column per sector code. A tie
    or activity with several sectors counts in each; ties of institutions
    located in the city count for the city; activities count when registered
    there by the date (:func:`place_activities`).
    """
    codes = [t.code for t in vocab.SECTORS]
    acts = place_activities(ctx)
    out = []
    for city in _sister_cities(ctx):
        counts = dict.fromkeys(codes, 0)
        sectors = [s for t in ctx.place_ties.get(city, []) for s in (t.attrs.get("sectors") or "").split(";")]
        sectors += [s for a in acts.get(city, []) for s in a.sectors]
        for s in filter(None, sectors):
            counts[s] = counts.get(s, 0) + 1
        out.append({"city_id": city, "city_name": ctx.name(city, "nb"), **counts})
    return pd.DataFrame(out, columns=["city_id", "city_name", *codes])


def actor_matrix(ctx: Context) -> pd.DataFrame:
    """Return the sister city × local-actor-kind coverage matrix: distinct local actors per city and kind.

    Columns: ``city_id``, ``city_name``, then one column per local actor kind
    (the municipality included), in the vocabulary's order. An actor counts
    through a tie that counts, or by taking part in an activity registered there.
    """
    codes = [t.code for t in vocab.ENTITY_KINDS if t.code in R.LOCAL_ACTOR_KINDS]
    acts = place_activities(ctx)
    away = gone(ctx)
    out = []
    for city in _sister_cities(ctx):
        counts = dict.fromkeys(codes, 0)
        actors = set(ctx.place_actors.get(city, {})) | _local_participants(ctx, acts.get(city, []))
        for actor in actors - away:
            k = ctx.kind(actor)
            if k in counts:
                counts[k] += 1
        out.append({"city_id": city, "city_name": ctx.name(city, "nb"), **counts})
    return pd.DataFrame(out, columns=["city_id", "city_name", *codes])


def _in_force(ctx: Context, ag: dict[str, Any]) -> bool:
    if ag.get("status") in ("ended", "suspended"):
        return False
    ended, signed = ag.get("ended_on"), ag.get("signed_on")
    if ended and dates.is_partial_date(str(ended)) and dates.latest(str(ended)) <= ctx.as_of:
        return False
    return not (signed and dates.is_partial_date(str(signed)) and dates.earliest(str(signed)) > ctx.as_of)


def _agreement_index(ctx: Context) -> tuple[dict[str, dict[str, Any]], dict[str, list[dict[str, Any]]]]:
    """Return the agreements by id and by party, built once per context (asked for every sister city)."""
    hit = ctx.__dict__.get("_agreement_index")
    if hit is None:
        by_id = {ag["id"]: ag for ag in ctx.snap.agreements}
        by_party: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for ag in ctx.snap.agreements:
            for e in dict.fromkeys(e for e, _ in ag.get("parties", ())):
                by_party[e].append(ag)
        hit = ctx.__dict__["_agreement_index"] = (by_id, dict(by_party))
    return hit


def agreed_sectors(ctx: Context, tie: Tie) -> tuple[list[str], list[str]]:
    """Return ``(sectors, agreement ids)``: the sectors agreed for a sister-city tie, in the vocabulary's order.

    The tie's own ``sectors`` and those of the agreements in force behind it:
    the one the tie names (``agreement_id``) and any that has both its ends as
    parties. Empty when nothing is agreed (then no sector is asked for).
    """
    found = set(filter(None, (tie.attrs.get("sectors") or "").split(";")))
    by_id, by_party = _agreement_index(ctx)
    named = tie.attrs.get("agreement_id")
    candidates = ([by_id[named]] if named in by_id else []) + by_party.get(tie.v, [])
    used = []
    for ag in candidates:
        if ag["id"] in used:
            continue
        parties = {e for e, _ in ag.get("parties", ())}
        if (ag["id"] == named or {tie.u, tie.v} <= parties) and _in_force(ctx, ag):
            found.update(filter(None, (ag.get("sectors") or "").split(";")))
            used.append(ag["id"])
    order = [t.code for t in vocab.SECTORS]
    return sorted(found, key=lambda s: (order.index(s) if s in order else len(order), s)), used


def _history_ties(ctx: Context, place: str, skip: str) -> list[Tie]:
    """Return the activity ties at ``place`` begun by the date (any end), other than ``skip``."""
    out = []
    for t in ctx.history_place_ties.get(place, []):
        start = t.attrs.get("start")
        if t.id == skip or t.attrs.get("kind") in R.NOT_ACTIVITY_TIE_KINDS:
            continue
        if start and dates.is_partial_date(start) and dates.earliest(start) > ctx.as_of:
            continue
        out.append(t)
    return out


def _last_dated(acts: list[ActivityRef]) -> int | None:
    spans = [a.span() for a in acts if a.dated]
    return max(s[1].year for s in spans if s) if spans else None


def _count_nb(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def thin_relation(ctx: Context) -> Found:
    """Sister cities whose relation is thin in the registry: one finding per relation, or one for all empty ones.

    A relation is thin when nothing beyond the twinning is registered (no
    activity, no other tie), when only the municipality is registered as a local
    actor, or when sectors agreed for it (:func:`agreed_sectors`) have no
    registered activity. Relations with nothing registered are gathered in one
    summary row when there are several. No sector is asked for where none is
    agreed: strategy 2a develops the agreements "innen prioriterte områder".
    """
    home = ctx.home
    away = gone(ctx)
    acts_at = place_activities(ctx)
    home_nb = ctx.name(home, "nb") if home else "kommunen"
    home_en = ctx.name(home, "en") if home else "the municipality"
    wanted_nb = _or([vocab.label("entity_kinds", k, "nb").lower() for k in R.COVERAGE_ACTOR_KINDS], "nb")
    wanted_en = _or([vocab.label("entity_kinds", k, "en").lower() for k in R.COVERAGE_ACTOR_KINDS], "en")
    empty: list[Tie] = []
    rows = []
    for tie in ctx.sister_ties:
        city = tie.v
        if city in away:
            continue
        acts = acts_at.get(city, [])
        others = _history_ties(ctx, city, tie.id)
        if not acts and not others:
            empty.append(tie)
            continue
        actors = (set(ctx.place_actors.get(city, {})) | _local_participants(ctx, acts)) - away
        besides = sorted(actors - {home})
        agreed, agreements = agreed_sectors(ctx, tie)
        done = {s for a in acts for s in a.sectors}
        done.update(s for t in others for s in (t.attrs.get("sectors") or "").split(";") if s)
        missing = [s for s in agreed if s not in done]
        if besides and not missing:
            continue
        nb_c, en_c = ctx.name(city, "nb"), ctx.name(city, "en")
        last = _last_dated(acts)
        undated = sum(1 for a in acts if not a.dated)
        had_nb = [_count_nb(len(acts), "aktivitet", "aktiviteter") + " registrert"] if acts else []
        had_en = [f"{len(acts)} activit{'y' if len(acts) == 1 else 'ies'} registered"] if acts else []
        if others:
            had_nb.append(_count_nb(len(others), "annen forbindelse", "andre forbindelser"))
            had_en.append(f"{len(others)} other tie{'' if len(others) == 1 else 's'}")
        when_nb = f"siste datert {last}" if last else "ingen datert"
        when_en = f"last dated {last}" if last else "none dated"
        if undated and last:
            when_nb += f", {undated} uten dato"
            when_en += f", {undated} without a date"
        parts_nb = [f"{nb_c}: {' og '.join(had_nb)} ({when_nb})."]
        parts_en = [f"{en_c}: {' and '.join(had_en)} ({when_en})."]
        next_nb, next_en = [], []
        if not besides:
            parts_nb.append(f"Bare {home_nb} er registrert som lokal aktør; ingen {wanted_nb} deltar i registeret.")
            parts_en.append(f"Only {home_en} is registered as a local actor; no {wanted_en} takes part in the "
                            "registry.")
            next_nb.append("registrer eller inviter inn institusjonene, foreningene eller bedriftene som deltar "
                           "(strategi 4d: involvere kunnskapsmiljøer, frivillige organisasjoner, kultur- og "
                           "næringsliv)")
            next_en.append("register or invite the institutions, associations or businesses that take part "
                           "(strategy 4d: involve knowledge institutions, voluntary organisations, culture and "
                           "business)")
        else:
            parts_nb.append(f"Lokale aktører: {names(ctx, sorted(actors), 'nb')}.")
            parts_en.append(f"Local actors: {names(ctx, sorted(actors), 'en')}.")
        if missing:
            parts_nb.append(f"Avtalte sektorer: {labels('sectors', agreed, 'nb')}; ingen registrert aktivitet innen "
                            f"{labels('sectors', missing, 'nb')}.")
            parts_en.append(f"Agreed sectors: {labels('sectors', agreed, 'en')}; no activity registered in "
                            f"{labels('sectors', missing, 'en')}.")
            next_nb.insert(0, f"avtal aktivitet innen {labels('sectors', missing, 'nb')} med {nb_c}, eller avgrens "
                              f"avtalen til de prioriterte områdene (strategi 2a: {STRATEGY_2A})")
            next_en.insert(0, f"agree on activity in {labels('sectors', missing, 'en')} with {en_c}, or narrow the "
                              "agreement to the prioritised areas (strategy 2a: develop the twinning agreements "
                              "'within prioritised areas')")
        elif agreed:
            parts_nb.append(f"Alle avtalte sektorer har aktivitet ({labels('sectors', agreed, 'nb')}).")
            parts_en.append(f"Every agreed sector has activity ({labels('sectors', agreed, 'en')}).")
        else:
            parts_nb.append("Ingen sektorer er avtalt, så ingen etterspørres.")
            parts_en.append("No sectors are agreed, so none is asked for.")
        rows.append(row(
            "thin_relation", city, nb_c, "medium" if missing else "low",
            " ".join(parts_nb) + " Neste steg: " + "; og ".join(next_nb) + ".",
            " ".join(parts_en) + " Next: " + "; and ".join(next_en) + ".",
            [tie.id, *agreements, *(evidence_id(a) for a in acts), *(t.id for t in others)],
            score=len(missing) + (0 if besides else 1),
        ))
    if empty:
        rows.append(_nothing_registered(ctx, empty))
    return Found(rows)


def _nothing_registered(ctx: Context, ties: list[Tie]) -> dict[str, Any]:
    """Return the row for sister cities with nothing registered beyond the twinning: one city's, or a summary."""
    cities = [t.v for t in ties]
    step_nb = ("Neste steg: registrer det som er kjent (besøk, prosjekter, hvem som bærer kontakten; strategi 4a), "
               "eller legg relasjonen fram for bystyret i vurderingen etter strategi 2c, der hvilende er en av "
               "kategoriene.")
    step_en = ("Next: register what is known (visits, projects, who carries the contact; strategy 4a), or put the "
               "relation to the council in the review under strategy 2c, where dormant is one of the categories.")
    if len(cities) == 1:
        nb_c, en_c = ctx.name(cities[0], "nb"), ctx.name(cities[0], "en")
        return row(
            "thin_relation", cities[0], nb_c, "medium",
            f"{nb_c}: ingenting er registrert utover selve vennskapsbyavtalen: ingen aktivitet, ingen annen "
            f"forbindelse, ingen lokal aktør. {step_nb}",
            f"{en_c}: nothing is registered beyond the twinning itself: no activity, no other tie, no local actor. "
            f"{step_en}",
            [ties[0].id], score=1,
        )
    n = len(cities)
    return row(
        "thin_relation", ";".join(cities), f"{n} vennskapsbyer", "medium",
        f"{n} vennskapsbyer har ingenting registrert utover selve vennskapsbyavtalen ({names(ctx, cities, 'nb', 20)}): "
        f"ingen aktivitet, ingen annen forbindelse, ingen lokal aktør. {step_nb.replace('relasjonen', 'relasjonene')}",
        f"{n} sister cities have nothing registered beyond the twinning itself ({names(ctx, cities, 'en', 20)}): "
        f"no activity, no other tie, no local actor. {step_en.replace('the relation ', 'the relations ')}",
        [t.id for t in ties], score=n,
    )


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
    out: dict[str, set[str]] = defaultdict(set)
    for p, actors in ctx.place_actors.items():
        for a in actors:
            out[a].add(p)
    for p, acts in place_activities(ctx).items():
        for a in _local_participants(ctx, acts):
            out[a].add(p)
    return out


def forum_isolated(ctx: Context) -> Found:
    """Forum members with no tie to, and no activity at, any sister or partner city.

    A membership whose status is 'uncertain' (planned, not documented as in
    force) is said to be planned, never stated as a fact.
    """
    partners = ctx.partner_cities | set(_sister_cities(ctx))
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


def _measured_by_activities(ctx: Context) -> dict[str, tuple[bool, bool]]:
    """Return tie id -> (some linked activity has goals, some has indicators)."""
    out: dict[str, tuple[bool, bool]] = {}
    for rec in ctx.snap.activities:
        g, i = bool(str(rec.get("goals") or "").strip()), bool(str(rec.get("indicators") or "").strip())
        for tid in rec.get("tie_ids", ()):
            og, oi = out.get(tid, (False, False))
            out[tid] = (og or g, oi or i)
    return out


def undocumented_tie(ctx: Context) -> Found:
    """Cooperation ties without goals, indicators or a source (strategy 2a); other municipalities' ties are left out.

    Goals and indicators of an activity linked to the tie count for the tie.
    """
    rows = []
    missing_nb = {"goals": "mål", "indicators": "indikatorer", "source": "kilde"}
    missing_en = {"goals": "goals", "indicators": "indicators", "source": "a source"}
    by_acts = _measured_by_activities(ctx)
    away = gone(ctx)
    for t in sorted(ctx.active, key=lambda t: t.id):
        u, v, k, a = t
        if a.get("kind") not in R.DOCUMENTED_TIE_KINDS or ctx.is_elsewhere(t) or u in away or v in away:
            continue  # another municipality's ties are for its own review
        goals, indicators = by_acts.get(k, (False, False))
        have = {"goals": goals, "indicators": indicators, "source": False}
        missing = [c for c in ("goals", "indicators", "source") if not str(a.get(c) or "").strip() and not have[c]]
        if not missing:
            continue
        severity = "high" if "source" in missing else "medium" if len(missing) == 2 else "low"
        label_nb = f"{ctx.name(u, 'nb')} – {ctx.name(v, 'nb')}"
        label_en = f"{ctx.name(u, 'en')} – {ctx.name(v, 'en')}"
        kind_nb, kind_en = vocab.label("tie_kinds", a.get("kind"), "nb"), vocab.label("tie_kinds", a.get("kind"), "en")
        steps_nb, steps_en = [], []
        if "source" in missing:
            steps_nb.append("registrer kilden")
            steps_en.append("record the source")
        if "goals" in missing or "indicators" in missing:
            steps_nb.append("avtal mål og indikatorer med partneren, eller registrer dem om de finnes")
            steps_en.append("agree goals and indicators with the partner, or register them if they exist")
        rows.append(row(
            "undocumented_tie", k, label_nb, severity,
            f"{kind_nb} {label_nb} mangler {' og '.join(missing_nb[c] for c in missing)}; strategi 2a ber om "
            f"målbar og dokumenterbar effekt. Neste steg: {' og '.join(steps_nb)}.",
            f"{kind_en} {label_en} has no {' and no '.join(missing_en[c] for c in missing)}; strategy 2a asks "
            f"for measurable, documented effect. Next: {' and '.join(steps_en)}.",
            [k],
            score=len(missing),
        ))
    return Found(rows)


def _two_way_activities(ctx: Context, place: str, acts: list[ActivityRef]) -> list[ActivityRef]:
    """Return the activities at ``place`` with visitors from each side; empty unless both sides came."""
    local = ctx.local
    home_side: list[ActivityRef] = []
    far_side: list[ActivityRef] = []
    for a in acts:
        for e, role in a.participants:
            if role != "visitor" or e not in ctx.full:
                continue
            if e in local:
                home_side.append(a)
            elif e == place or ctx.place(e) == place:
                far_side.append(a)
    return list(dict.fromkeys(home_side + far_side)) if home_side and far_side else []


def one_way_solidarity(ctx: Context) -> Found:
    """Places whose solidarity ties (carried by voluntary organisations) are one-way or not shown two-way.

    Each tie counts at its city, or at its country when it has no city. Registered
    activities with visitors from both sides show a two-way relation too.
    """
    by_place: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"two_way": [], "one_way": [], "unknown": []})
    carriers: dict[str, set[str]] = defaultdict(set)
    away = gone(ctx)
    for t in ctx.active:
        rec = solidarity_reciprocity(ctx, t)
        if rec is None:
            continue
        places = {p for p in (ctx.place(t.u), ctx.place(t.v)) if p}
        cities = {p for p in places if ctx.kind(p) in R.CITY_KINDS}
        for p in cities or places:
            by_place[p][rec].append(t.id)
            carriers[p].update(
                n for n in (t.u, t.v, t.attrs.get("carrier_id"))
                if n and ctx.kind(n) in R.SOLIDARITY_CARRIER_KINDS and n not in away
            )
    acts_at = place_activities(ctx)
    rows = []
    for place, sol in sorted(by_place.items()):
        one, unknown = sol["one_way"], sol["unknown"]
        if sol["two_way"] or not (one or unknown) or place in away:
            continue
        if _two_way_activities(ctx, place, acts_at.get(place, [])):
            continue
        nb_p, en_p = ctx.name(place, "nb"), ctx.name(place, "en")
        parts_nb, parts_en = [], []
        if one:
            parts_nb.append(f"enveis ({', '.join(one)})")
            parts_en.append(f"one-way ({', '.join(one)})")
        if unknown:
            parts_nb.append(f"uten dokumentert gjensidighet ({', '.join(unknown)})")
            parts_en.append(f"not documented as two-way ({', '.join(unknown)})")
        who = sorted(carriers[place])
        who_nb = names(ctx, who, "nb") if who else "de frivillige"
        who_en = names(ctx, who, "en") if who else "the voluntary organisations"
        rows.append(row(
            "one_way_solidarity", place, nb_p, "medium" if one else "low",
            f"{nb_p}: solidaritetsarbeidet drevet av frivillige er {' og '.join(parts_nb)}; strategi 2c krever "
            f"en toveis relasjon. Neste steg: be {who_nb} beskrive hvordan {nb_p} deltar, og registrer besøk "
            "eller utveksling begge veier.",
            f"{en_p}: the solidarity work carried by voluntary organisations is {' and '.join(parts_en)}; "
            f"strategy 2c requires a two-way relation. Next: ask {who_en} how {en_p} takes part, and register "
            "visits or exchanges both ways.",
            one + unknown,
        ))
    return Found(rows)


def went_dormant(ctx: Context) -> Found:
    """Sister and partner cities with registered activity, but none within ``dormant_years`` of the date.

    Activity is a tie other than the twinning, or a registered activity
    (:func:`place_activities`). A relation with a tie or an activity in the
    window is never listed. The finding says what the registry holds, not that
    the contact has stopped.
    """
    sisters = set(_sister_cities(ctx))
    away = gone(ctx)
    acts_at = place_activities(ctx)
    first, last_day = ctx.window()
    rows = []
    years = int(ctx.rules["dormant_years"])
    for city in sorted(sisters | ctx.partner_cities, key=lambda c: ctx.name(c).casefold()):
        if city in away:
            continue
        recent, earlier = recent_activity(ctx, city)
        acts = acts_at.get(city, [])
        if recent or any(activity_in_window(a, first, last_day) for a in acts):
            continue
        dated = [a for a in acts if a.dated]
        if not (earlier or dated):
            continue
        last: tuple[int, str, str, str] | None = None  # (year, nb description, en description, evidence id)
        for a in dated:
            span = a.span()
            if span and (last is None or span[1].year > last[0]):
                last = (span[1].year, a.title, a.title, evidence_id(a))
        for t in earlier:
            y = dates.year_of(t.attrs.get("end")) or dates.year_of(t.attrs.get("start"))
            if y and (last is None or y > last[0]):
                k = t.attrs.get("kind")
                what_nb, what_en = vocab.label("tie_kinds", k, "nb").lower(), vocab.label("tie_kinds", k, "en").lower()
                last = (y, f"{what_nb} {ctx.name(t.u, 'nb')} – {ctx.name(t.v, 'nb')}",
                        f"{what_en} {ctx.name(t.u, 'en')} – {ctx.name(t.v, 'en')}", t.id)
        undated = len(acts) - len(dated)
        nb_c, en_c = ctx.name(city, "nb"), ctx.name(city, "en")
        role_nb, role_en = ("vennskapsby", "sister city") if city in sisters else ("partnerby", "partner city")
        last_nb = f"det siste daterte er fra {last[0]} ({last[1]})" if last else "ingenting er datert"
        last_en = f"the last dated is from {last[0]} ({last[2]})" if last else "nothing is dated"
        und_nb = (f"; {undated} registrert{'' if undated == 1 else 'e'} aktivitet{'' if undated == 1 else 'er'} er "
                  "uten dato") if undated else ""
        und_en = f"; {undated} registered activit{'y has' if undated == 1 else 'ies have'} no date" if undated else ""
        ids = [t.id for t in earlier] + [evidence_id(a) for a in acts]
        rows.append(row(
            "went_dormant", city, nb_c, "medium" if city in sisters else "low",
            f"{nb_c} ({role_nb}): registeret har aktivitet, men ingenting de siste {years} årene; {last_nb}{und_nb}. "
            "Det sier hva som er registrert, ikke at kontakten har opphørt. Neste steg: finn ut hvem som har kontakt "
            f"med {nb_c} nå og registrer det; prioriteres ikke aktiviteten, kan bystyret vurdere kategorien hvilende "
            "(strategi 2c).",
            f"{en_c} ({role_en}): the registry holds activity, but none in the last {years} years; {last_en}{und_en}. "
            "This says what is registered, not that the contact has stopped. Next: find out who is in contact with "
            f"{en_c} now and register it; if activity is not prioritised, the council may consider the dormant "
            "category (strategy 2c).",
            ids,
            score=last[0] if last else None,
        ))
    return Found(rows)
