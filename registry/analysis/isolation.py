"""Isolated entities: no tie that counts, or ties that lead nowhere near the municipality."""

from __future__ import annotations

from typing import Any

import networkx as nx

from .. import rules as R, vocab
from .contact_graphs import contacts
from .context import Context
from .rows import Found, gone, labels, names, row

__all__ = ["isolated"]


#: Per entity kind: what the strategy says about it, and the next step (nb, en, next nb, next en).
_ISOLATED_HINT = {
    "funding_programme": ("strategi 3e ber om kartlegging av ekstern finansiering",
                          "strategy 3e asks to map external funding",
                          "registrer søknader og tilskudd fra den", "register applications to it and grants from it"),
    "eu_programme": ("strategi 3e ber om kartlegging av ekstern finansiering",
                     "strategy 3e asks to map external funding",
                     "registrer prosjekter og søknader i programmet", "register projects and applications in it"),
    "student_org": ("strategi 4f vil bruke studentorganisasjonene som et nettverk av ambassadører",
                    "strategy 4f wants the student organisations as a network of ambassadors",
                    "registrer samarbeidet med den", "register the cooperation with it"),
    "consulate": ("strategi 4e ber om at konsulatene brukes aktivt",
                  "strategy 4e asks that the consulates be used actively",
                  "inviter konsulen til det internasjonale forumet (bystyrets vedtak punkt 7)",
                  "invite the consul to the international forum (the council's decision, point 7)"),
    "voluntary_org": ("strategi 3f ber om nært samarbeid med frivillige organisasjoner",
                      "strategy 3f asks for close cooperation with voluntary organisations",
                      "registrer samarbeidet med den", "register the cooperation with it"),
}
_ISOLATED_NEXT = ("registrer forbindelsene den har", "register the ties it has")
_OR_ENDED = ("eller merk den som avsluttet om den ikke lenger er aktuell",
             "or mark it as ended if it no longer plays a part")


def _edges_at(g: nx.MultiDiGraph, n: str) -> list[tuple[str, str, dict[str, Any]]]:
    """Return every tie at ``n`` in either direction, of any date, as ``(u, v, attrs)``."""
    return list(g.out_edges(n, data=True)) + list(g.in_edges(n, data=True))


def _ended_with(ctx: Context, n: str) -> tuple[str, str] | None:
    """Return ``(nb, en)`` when ``n``'s ties ended with a dissolved body: who, when, and who succeeded it."""
    g = ctx.full
    for u, v, a in _edges_at(g, n):
        if a.get("ended_by") != "dissolved":
            continue
        other = v if u == n else u
        oa = g.nodes[other]
        if not oa.get("dissolved"):
            continue
        succ = oa.get("successor_id")
        who_nb = ctx.name(other, "nb")
        nb = f"forbindelsen med {who_nb} endte da {who_nb} ble nedlagt ({oa['dissolved']})"
        en = f"its tie with {ctx.name(other, 'en')} ended when that body was dissolved ({oa['dissolved']})"
        if succ and succ in g:
            nb += (f"; om {ctx.name(succ, 'nb')} har videreført den, er ikke registrert. Neste steg: spør "
                   f"{ctx.name(succ, 'nb')} og registrer svaret")
            en += (f"; whether {ctx.name(succ, 'en')} continued it is not registered. Next: ask "
                   f"{ctx.name(succ, 'en')} and register the answer")
        return nb, en
    return None


def _successor_of(ctx: Context, n: str, away: frozenset[str]) -> tuple[str, str] | None:
    """Return ``(nb, en)`` when ``n`` succeeded a dissolved body that had ties: register what it took over."""
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
        kinds = sorted({a.get("kind") for _, _, a in ties})
        planned = all(a.get("status") == "uncertain" for _, _, a in ties)
        how_nb = ", planlagt eller usikker" if planned else ""
        how_en = ", planned or uncertain" if planned else ""
        nb = (f"den er etterfølger for {ctx.name(p, 'nb')} (nedlagt {pa.get('dissolved')}), som hadde registrerte "
              f"forbindelser ({labels('tie_kinds', kinds, 'nb')}{how_nb}). Neste steg: registrer hvilke av dem "
              f"{ctx.name(n, 'nb')} har overtatt")
        en = (f"it is the successor of {ctx.name(p, 'en')} (dissolved {pa.get('dissolved')}), which had registered "
              f"ties ({labels('tie_kinds', kinds, 'en')}{how_en}). Next: register which of them "
              f"{ctx.name(n, 'en')} took over")
        return nb, en
    return None


def isolated(ctx: Context) -> Found:
    """Entities with no tie that counts, or with ties that lead nowhere near the municipality.

    A carrier is connected to both ends of the tie it carries. Other
    municipalities and what belongs only to them (:attr:`Context.elsewhere`) are
    theirs, not isolated; bodies that do not exist on the date are left out.
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
        nb_n, en_n = ctx.name(n, "nb"), ctx.name(n, "en")
        why_nb, why_en, next_nb, next_en = _ISOLATED_HINT.get(k, ("", "", *_ISOLATED_NEXT))
        special = _ended_with(ctx, n) or _successor_of(ctx, n, away)
        if special:
            tail_nb, tail_en = f"; {special[0]}.", f"; {special[1]}."
        else:
            tail_nb = f"{'; ' + why_nb if why_nb else ''}. Neste steg: {next_nb}, {_OR_ENDED[0]}."
            tail_en = f"{'; ' + why_en if why_en else ''}. Next: {next_en}, {_OR_ENDED[1]}."
        wanted = k in R.LOCAL_ACTOR_KINDS or k in _ISOLATED_HINT
        if n not in group_of:
            rows.append(row(
                "isolated", n, nb_n, "medium" if wanted else "low",
                f"{nb_n} ({vocab.label('entity_kinds', k, 'nb').lower()}) har ingen aktiv forbindelse{tail_nb}",
                f"{en_n} ({vocab.label('entity_kinds', k, 'en').lower()}) has no active tie{tail_en}",
                [n],
            ))
        elif ctx.home is not None:
            others = [m for m in group_of[n] if m != n]
            rows.append(row(
                "isolated", n, nb_n, "low",
                f"{nb_n} har forbindelser ({names(ctx, others, 'nb')}), men ingen vei til "
                f"{ctx.name(ctx.home, 'nb')}{tail_nb}",
                f"{en_n} has ties ({names(ctx, others, 'en')}), but no path to {ctx.name(ctx.home, 'en')}{tail_en}",
                [n],
            ))
    return Found(rows, note="" if ctx.home else "no home municipality: only entities without ties are listed")
