"""Thin sister-city relations: what is registered for each twinning against the sectors agreed for it."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from .. import dates, rules as R, vocab
from .context import Context, Tie
from .places import local_participants, place_activities
from .rows import STRATEGY_2A, Found, gone, labels, names, row
from ..review.evidence import ActivityRef, evidence_id

__all__ = ["agreed_sectors", "thin_relation"]


def _or(items: list[str], lang: str) -> str:
    """Return 'a, b or c' ('a, b eller c')."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {'eller' if lang == 'nb' else 'or'} {items[-1]}"


def _in_force(ctx: Context, ag: dict[str, Any]) -> bool:
    """Return True when an agreement is in force on the date: not ended or suspended, signed by then."""
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
    """Return the year the last dated activity ended, None when none is dated."""
    spans = [a.span() for a in acts if a.dated]
    return max(s[1].year for s in spans if s) if spans else None


def _count_nb(n: int, one: str, many: str) -> str:
    """Return ``n`` with the Norwegian singular or plural noun."""
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
        actors = (set(ctx.place_actors.get(city, {})) | local_participants(ctx, acts)) - away
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
