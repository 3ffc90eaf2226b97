"""Connections worth suggesting: where two parties the registry knows could be put in touch, and why.

Four reasons, each read off registered rows (named in the explanation, ids in the evidence):

- a local actor works in a sector a sister-city agreement names, and no activity in that sector
  is registered for the relation;
- two local actors work with the same foreign partner but are not registered as working together;
- a consulate represents a country where a local actor is active, and the two have no registered exchange;
- two local actors belong to the same network or forum (their membership documented or planned)
  with no registered exchange.

"Registered together" means a tie between them other than a location or a consulate's own tie
(either as an end or as its carrier), or one registered activity both took part in, of any date up
to the analysis date. Bodies that do not exist on the date are left out. Only the home's network is
looked at (:mod:`.scope` has cut the registry already).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations
from typing import Any

from .. import rules as R
from .. import thresholds
from ..i18n.findings import name, term
from ..message import Message
from .context import Context, Tie
from .evidence import ActivityRef, activity_ref, evidence_id
from .places import place_activities
from .rows import Found, gone, names, row, tie_name
from .thin_relations import agreed_sectors

__all__ = ["KIND_SECTORS", "suggested_connection", "exchanged"]

#: Sectors an actor works in by its kind alone: a university teaches and does research, a business
#: association speaks for business. Other kinds say nothing of a sector (a county or a voluntary
#: organisation may work in any), so only registered ties and activities speak for them.
KIND_SECTORS: dict[str, tuple[str, ...]] = {"university": ("education", "research"), "business_body": ("business",)}
#: A sector too vague to match an actor to a relation.
_VAGUE_SECTORS = frozenset({"other"})


def _activities(ctx: Context) -> list[ActivityRef]:
    """Return the registered activities begun by the date (undated ones included), built once per context."""
    hit = ctx.__dict__.get("_suggest_activities")
    if hit is None:
        hit = []
        for rec in ctx.snap.activities:
            ref = activity_ref(rec)
            span = ref.span()
            if span is None or span[0] <= ctx.as_of:
                hit.append(ref)
        ctx.__dict__["_suggest_activities"] = hit
    return hit


def exchanged(ctx: Context) -> set[frozenset[str]]:
    """Return the pairs of entities registered as working together (as sets of two ids).

    A tie that counts on the date between them (as ends, or one carrying the
    other's tie), other than where something is or whom a consulate represents;
    or a registered activity both took part in, of any date up to the date.
    """
    hit = ctx.__dict__.get("_exchanged")
    if hit is not None:
        return hit
    out: set[frozenset[str]] = set()
    for t in ctx.active:
        if t.attrs.get("kind") in R.NOT_CHANNEL_TIE_KINDS:
            continue
        parties = sorted({p for p in (t.u, t.v, t.attrs.get("carrier_id")) if p})
        out.update(frozenset(p) for p in combinations(parties, 2))
    for a in _activities(ctx):
        ids = sorted({e for e, _ in a.participants})
        out.update(frozenset(p) for p in combinations(ids, 2))
    ctx.__dict__["_exchanged"] = out
    return out


def _activity_name(a: ActivityRef) -> Message:
    """Return an activity as its title in bokmål or English, with its year when it has one."""
    nb, en = a.title_nb or a.title, a.title
    if a.dated:
        year = str(a.start)[:4]
        return name(f"{nb} ({year})", f"{en} ({year})")
    return name(nb, en)


def _agreement_name(ag: dict[str, Any]) -> Message:
    """Return an agreement as its title in bokmål or English."""
    return name(ag.get("title_nb") or ag.get("title") or ag["id"], ag.get("title") or ag["id"])


def _actor_sectors(ctx: Context, actors: Iterable[str]) -> dict[str, dict[str, list[tuple[str, Message]]]]:
    """Return actor -> sector -> [(evidence id, the row named)]: where the registry shows it working in the sector.

    Its kind (:data:`KIND_SECTORS`, evidence id empty), the sectors of ties that
    count at it (as an end or a carrier), and those of registered activities it
    took part in.
    """
    wanted = set(actors)
    out: dict[str, dict[str, list[tuple[str, Message]]]] = {a: defaultdict(list) for a in wanted}
    for a in wanted:
        k = ctx.kind(a)
        for s in KIND_SECTORS.get(k or "", ()):
            out[a][s].append(("", Message("suggest.by_kind", {"kind": term("entity_kinds", k or "")})))
    for t in ctx.active:
        sectors = [s for s in (t.attrs.get("sectors") or "").split(";") if s]
        if not sectors:
            continue
        for p in wanted & {t.u, t.v, t.attrs.get("carrier_id")}:
            for s in sectors:
                out[p][s].append(
                    (t.id, Message("finding.tie_kind", {"kind": t.attrs.get("kind"), "a": ctx.label(t.u), "b": ctx.label(t.v)}))
                )
    ends = ctx.tie_ends
    for act in _activities(ctx):
        if not act.sectors:
            continue
        for p in {e for e, _ in act.participants} & wanted:
            if not _owns(ctx, p, act, ends):
                continue
            for s in act.sectors:
                out[p][s].append((evidence_id(act), _activity_name(act)))
    return out


def _owns(ctx: Context, actor: str, act: ActivityRef, ends: dict[str, tuple[str, str]]) -> bool:
    """Return True when an activity's sectors are ``actor``'s: it carries it, or every tie it is under is its own.

    An activity registered under several parties' ties (the Kraków city letter and NTNU's
    parallel letter, signed together) may name sectors of one of them only.
    """
    if any(e == actor and role == "carrier" for e, role in act.participants):
        return True
    for tid in act.tie_ids:
        attrs = None
        if tid in ends:
            u, v = ends[tid]
            attrs = ctx.full.edges[u, v, tid]
        if attrs is None or actor not in (ends[tid][0], ends[tid][1], attrs.get("carrier_id")):
            return False
    return True


def _sector_done(ctx: Context, city: str, sister: Tie) -> set[str]:
    """Return the sectors with registered activity at ``city``: its activities and its other ties begun by the date."""
    done = {s for a in place_activities(ctx).get(city, []) for s in a.sectors}
    for t in ctx.history_place_ties.get(city, []):
        if t.id == sister.id or t.attrs.get("kind") in R.NOT_ACTIVITY_TIE_KINDS:
            continue
        done.update(s for s in (t.attrs.get("sectors") or "").split(";") if s)
    return done


def _by_sector(ctx: Context, away: frozenset[str]) -> list[dict[str, Any]]:
    """Rows for local actors working in a sector a sister city's agreement names where the relation has none."""
    home = ctx.home
    candidates = sorted(a for a in ctx.local if a != home and a not in away)
    if not candidates or not ctx.sister_ties:
        return []
    by_id = {ag["id"]: ag for ag in ctx.snap.agreements}
    working = _actor_sectors(ctx, candidates)
    at_city = ctx.place_actors
    rows = []
    for tie in ctx.sister_ties:
        city = tie.v
        if city in away:
            continue
        agreed, agreement_ids = agreed_sectors(ctx, tie)
        done = _sector_done(ctx, city, tie)
        missing = [s for s in agreed if s not in done and s not in _VAGUE_SECTORS]
        if not missing:
            continue
        there = set(at_city.get(city, {})) | {e for a in place_activities(ctx).get(city, []) for e, _ in a.participants}
        named = [_agreement_name(by_id[i]) for i in agreement_ids if i in by_id]
        said = (
            Message("suggest.sector.agreements", {"agreements": Message("finding.list", {"items": named})})
            if named
            else Message("suggest.sector.twinning", {"tie": tie_name(ctx, tie.id)})
        )
        for actor in candidates:
            if actor in there:
                continue  # already working with the city: its other sectors are the relation's own business
            hits = [s for s in missing if working[actor].get(s)]
            if not hits:
                continue
            # Sectors shown by the same rows are named together ('research and business (the pilot project)').
            grouped: dict[tuple, list[str]] = {}
            ev: list[str] = []
            for s in hits:
                rows_named = tuple(dict.fromkeys(m for _, m in working[actor][s]))[: int(thresholds.threshold("suggestion_ways_listed"))]
                ev.extend(i for i, _ in working[actor][s])
                grouped.setdefault(rows_named, []).append(s)
            shown = [
                Message(
                    "suggest.sector.how",
                    {"sectors": [term("sectors", s) for s in ss], "rows": Message("finding.list", {"items": list(rows_named)})},
                )
                for rows_named, ss in grouped.items()
            ]
            rows.append(
                row(
                    "suggested_connection",
                    f"{actor};{city}",
                    Message("finding.slash", {"a": ctx.label(actor), "b": ctx.label(city)}),
                    "medium",
                    Message(
                        "suggest.sector.gap",
                        {
                            "city": ctx.label(city),
                            "said": said,
                            "sectors": [term("sectors", s) for s in hits],
                            "tie": tie_name(ctx, tie.id),
                            "actor": ctx.label(actor),
                            "how": shown,
                        },
                    ),
                    [actor, city, tie.id, *agreement_ids, *ev],
                    score=2 + len(hits),
                )
            )
    return rows


def _foreign_partners(ctx: Context, away: frozenset[str]) -> dict[str, dict[str, list[str]]]:
    """Return foreign partner -> {local actor -> ids of the ties that count between them (an end or the carrier)}."""
    local = ctx.local
    out: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for t in ctx.active:
        if t.attrs.get("kind") in R.NOT_CHANNEL_TIE_KINDS or t.attrs.get("kind") in R.MEMBER_TIE_KINDS:
            continue
        if ctx.is_elsewhere(t):
            continue
        ends = (t.u, t.v)
        for partner in ends:
            if partner in away or partner in local or not ctx.is_foreign(partner):
                continue
            for a in ctx.actors(t):
                if a not in away and a != partner:
                    out[partner][a].append(t.id)
    return out


def _pairs(ctx: Context, away: frozenset[str], cap: int) -> tuple[dict[tuple[str, str], dict[str, list]], int]:
    """Return (a, b) -> {'partners': [(partner, tie ids)], 'bodies': [(body, tie ids, planned)]}, and the crowded count.

    Pairs registered together (:func:`exchanged`) are left out, as are partners
    and bodies with more than ``cap`` local actors (coordination there is
    ``many_channels``' business).
    """
    done = exchanged(ctx)
    crowded = 0
    out: dict[tuple[str, str], dict[str, list]] = defaultdict(lambda: {"partners": [], "bodies": []})
    for partner, actors in sorted(_foreign_partners(ctx, away).items()):
        if len(actors) < 2:
            continue
        if len(actors) > cap:
            crowded += 1
            continue
        for a, b in combinations(sorted(actors), 2):
            if frozenset((a, b)) in done or set(actors[a]) & set(actors[b]):
                continue
            out[(a, b)]["partners"].append((partner, actors[a] + actors[b]))
    members: dict[str, dict[str, tuple[str, bool]]] = defaultdict(dict)
    for t in ctx.active:
        if t.attrs.get("kind") not in R.MEMBER_TIE_KINDS or t.u in away or t.v in away:
            continue
        if t.u in ctx.local and t.u != ctx.home:
            planned = t.attrs.get("status") in R.NOT_CHANNEL_STATUSES
            was = members[t.v].get(t.u)
            if was is None or (was[1] and not planned):
                members[t.v][t.u] = (t.id, planned)
    for body, ms in sorted(members.items()):
        if len(ms) < 2:
            continue
        if len(ms) > cap:
            crowded += 1
            continue
        for a, b in combinations(sorted(ms), 2):
            if frozenset((a, b)) in done:
                continue
            out[(a, b)]["bodies"].append((body, [ms[a][0], ms[b][0]], ms[a][1] or ms[b][1]))
    return out, crowded


def _pair_rows(ctx: Context, away: frozenset[str]) -> tuple[list[dict[str, Any]], int]:
    """Rows for pairs of local actors with the same foreign partner or in the same body, not registered together."""
    cap = int(ctx.rules["shared_partner_max_actors"])
    pairs, crowded = _pairs(ctx, away, cap)
    rows = []
    for (a, b), why in sorted(pairs.items()):
        reasons: list[Message] = []
        ev: list[str] = [a, b]
        if why["partners"]:
            partners = [p for p, _ in why["partners"]]
            reasons.append(Message("suggest.pair.partner", {"partners": names(ctx, partners)}))
            ev.extend(i for _, ids in why["partners"] for i in [*ids])
        sure = [body for body, _, planned in why["bodies"] if not planned]
        planned = [body for body, _, p in why["bodies"] if p]
        if sure:
            reasons.append(Message("suggest.pair.body", {"bodies": names(ctx, sure)}))
        if planned:
            reasons.append(Message("suggest.pair.body_planned", {"bodies": names(ctx, planned)}))
        ev.extend(i for _, ids, _ in why["bodies"] for i in ids)
        pair = Message("finding.pair", {"a": ctx.label(a), "b": ctx.label(b)})
        firm = bool(why["partners"] or sure)
        # The subject reads the same in bokmål and English ('A / B'): the review names subjects from the ids.
        rows.append(
            row(
                "suggested_connection",
                f"{a};{b}",
                Message("finding.slash", {"a": ctx.label(a), "b": ctx.label(b)}),
                "medium" if firm else "low",
                Message("suggest.pair.gap", {"pair": pair, "reasons": reasons, "a": ctx.label(a), "b": ctx.label(b)}),
                ev,
                score=len(why["partners"]) + len(sure) + 0.5 * len(planned),
            )
        )
    return rows, crowded


def _consulate_rows(ctx: Context, away: frozenset[str]) -> list[dict[str, Any]]:
    """Rows, one per consulate, naming the local actors active in its country with no registered exchange with it.

    Each actor is named with up to three of the ties or activities that place it
    in the country; more than eight actors end in 'and N more' (the evidence holds them all).
    """
    done = exchanged(ctx)
    acts_at = place_activities(ctx)
    local = ctx.local
    rows = []
    for u, v, k, attrs in ctx.full.edges(keys=True, data=True):
        if attrs.get("kind") != "consular" or k not in ctx.active_ids or u in away or ctx.kind(u) != "consulate":
            continue
        country = ctx.country_key(v) if ctx.kind(v) not in R.COUNTRY_KINDS else v
        if country is None:
            continue
        at = ctx.place_actors.get(country, {})
        ties: dict[str, list[str]] = {a: list(ts) for a, ts in at.items() if a not in away}
        acts: dict[str, list[ActivityRef]] = defaultdict(list)
        for act in acts_at.get(country, []):
            for e in dict.fromkeys(e for e, _ in act.participants):
                if e in local and e not in away:
                    acts[e].append(act)
        actors = [
            a for a in sorted(set(ties) | set(acts), key=lambda a: (a != ctx.home, ctx.name(a).casefold())) if frozenset((u, a)) not in done
        ]
        if not actors:
            continue
        items: list[Any] = []
        ev: list[str] = [u, k]
        for a in actors:
            ids = list(dict.fromkeys(ties.get(a, [])))
            ev.extend([a, *ids, *(evidence_id(x) for x in acts.get(a, []))])
            if len(items) < int(thresholds.threshold("finding_names_listed")):
                how = ([tie_name(ctx, i) for i in ids] + [_activity_name(x) for x in acts.get(a, [])])[
                    : int(thresholds.threshold("suggestion_ways_listed"))
                ]
                items.append(Message("suggest.consulate.actor", {"actor": ctx.label(a), "how": Message("finding.list", {"items": how})}))
        if len(actors) > (listed := int(thresholds.threshold("finding_names_listed"))):
            items.append(Message("finding.more", {"n": len(actors) - listed}))
        rows.append(
            row(
                "suggested_connection",
                u,
                ctx.label(u),
                "low",
                Message(
                    "suggest.consulate.gap",
                    {
                        "consulate": ctx.label(u),
                        "country": ctx.label(country),
                        "n": len(actors),
                        "actors": Message("finding.list", {"items": items}),
                    },
                ),
                ev,
                score=len(actors),
            )
        )
    return rows


def suggested_connection(ctx: Context) -> Found:
    """Connections worth suggesting, each with the rows behind it and a next step (see the module's four reasons).

    Sector suggestions come first, then pairs of local actors (a shared foreign
    partner or body), then consulates; within each, the firmer first.
    """
    away = gone(ctx)
    sector = _by_sector(ctx, away)
    pairs, crowded = _pair_rows(ctx, away)
    consulates = _consulate_rows(ctx, away)
    for rows in (sector, pairs, consulates):
        rows.sort(key=lambda r: (r["severity"] != "medium", -(r["score"] or 0), r["subject"]))
    cap = int(ctx.rules["shared_partner_max_actors"])
    note = Message("finding.note.crowded_suggest", {"n": crowded, "cap": cap}) if crowded else None
    return Found([*sector, *pairs, *consulates], "exact", note)
