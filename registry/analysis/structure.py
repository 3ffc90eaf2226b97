"""Structure: who is connected at all (isolated), single points of failure and structural holes, over real channels."""

from __future__ import annotations

from typing import Any, Iterable, Mapping, NamedTuple

import networkx as nx

from .. import rules as R, vocab
from .context import Context
from .rows import Found, gone, labels, names, number, recent_activities, row

__all__ = [
    "Cut", "cut_points", "Burt", "burt", "channels", "contacts", "is_channel", "isolated", "single_point_of_failure",
    "structural_hole",
]


def _carried(g: nx.Graph, u: str, v: str, carrier: str | None) -> None:
    # Whoever carries a tie is in contact with both its ends (an association running the
    # municipality's solidarity relation knows the municipality and the city).
    if carrier and carrier in g and carrier not in (u, v):
        g.add_edge(carrier, u)
        g.add_edge(carrier, v)


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
        away = gone(ctx)
        hit = nx.Graph()
        hit.add_nodes_from(n for n in ctx.full if n not in away)
        for t in ctx.active:
            if t.u == t.v or t.u in away or t.v in away:
                continue
            hit.add_edge(t.u, t.v)
            _carried(hit, t.u, t.v, t.attrs.get("carrier_id"))
        for a in recent_activities(ctx):
            # Taking part in one activity in recent years is contact, as a tie is.
            ids = sorted({e for e, _ in a.participants if e in hit})
            hit.add_edges_from((x, y) for i, x in enumerate(ids) for y in ids[i + 1:])
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
        away = gone(ctx)
        hit = nx.Graph()
        hit.add_nodes_from(n for n in ctx.full if n not in away)
        for t in ctx.active:
            if t.u == t.v or t.u in away or t.v in away or not is_channel(t.attrs):
                continue
            hit.add_edge(t.u, t.v)
            _carried(hit, t.u, t.v, t.attrs.get("carrier_id"))
        ctx.__dict__["_channels"] = hit
    return hit


class Cut(NamedTuple):
    """An articulation point seen from a root: who is cut off from the root without it."""

    node: str
    cut_off: tuple[str, ...]  # entities that lose every path to the root
    parent: str | None  # the neighbour on its path to the root (DFS tree)
    bridge: bool  # True when the link to ``parent`` is the only one (a bridge)


def cut_points(g: nx.Graph, root: str) -> dict[str, Cut]:
    """Return ``{node: Cut}`` for every node other than ``root`` whose removal cuts others off from it.

    One iterative depth-first search (Hopcroft–Tarjan lowpoints) with subtree
    sizes, so the cost is linear in the graph. Only ``root``'s component is
    searched.

    >>> g = nx.Graph([("home", "a"), ("a", "b"), ("a", "c"), ("home", "d")])
    >>> sorted(cut_points(g, "home")["a"].cut_off)
    ['b', 'c']
    """
    if root not in g:
        return {}
    adj = g.adj
    disc = {root: 0}
    low = {root: 0}
    parent: dict[str, str | None] = {root: None}
    order = [root]
    children_cut: dict[str, list[str]] = {}
    bridges: set[str] = set()
    stack = [(root, iter(adj[root]))]
    while stack:
        v, it = stack[-1]
        for w in it:
            if w == v:
                continue
            if w not in disc:
                parent[w] = v
                disc[w] = low[w] = len(order)
                order.append(w)
                stack.append((w, iter(adj[w])))
                break
            if w != parent[v]:
                low[v] = min(low[v], disc[w])
        else:
            stack.pop()
            p = parent[v]
            if p is not None:
                low[p] = min(low[p], low[v])
                if low[v] > disc[p]:
                    bridges.add(v)
                if low[v] >= disc[p] and p != root:
                    children_cut.setdefault(p, []).append(v)
    # Subtrees are contiguous runs of the discovery order: [disc[c], disc[c] + size[c]).
    size = dict.fromkeys(order, 1)
    for v in reversed(order[1:]):
        size[parent[v]] += size[v]  # type: ignore[index]
    out = {}
    for v, kids in children_cut.items():
        cut = tuple(n for c in kids for n in order[disc[c]: disc[c] + size[c]])
        out[v] = Cut(v, cut, parent[v], v in bridges)
    return out


class Burt(NamedTuple):
    """Burt's measures of one node's neighbourhood (undirected, unweighted)."""

    degree: int
    effective_size: float  # contacts minus their redundancy: degree - 2 * ties among contacts / degree
    efficiency: float  # effective size / degree
    constraint: float  # how much the contacts are tied to each other and to one another's contacts


def burt(g: nx.Graph, nodes: Iterable[str], leave_out: Mapping[str, set[str]] | None = None) -> dict[str, Burt]:
    """Return Burt's measures for ``nodes`` only, each from its own neighbourhood.

    Agrees with ``nx.effective_size`` and ``nx.constraint`` on an undirected,
    unweighted graph, but costs the sum of the neighbours' degrees per node
    instead of taking the whole-graph matrix path. Nodes without neighbours
    are left out. ``leave_out[v]`` names neighbours of ``v`` that are not
    counted among its contacts (a body's own members).

    >>> g = nx.Graph([("a", "b"), ("a", "c"), ("a", "d"), ("b", "c")])
    >>> round(burt(g, ["a"])["a"].effective_size, 4)
    2.3333
    """
    adj = g.adj
    leave_out = leave_out or {}
    out = {}
    for v in nodes:
        nbrs = set(adj[v]) - {v} - leave_out.get(v, set())
        d = len(nbrs)
        if d == 0:
            continue
        ties = 0
        c = 0.0
        for j in nbrs:
            nj = adj[j]
            shared = nbrs.intersection(nj) if len(nj) > d else {q for q in nj if q in nbrs}
            ties += len(shared)
            # p(i, j) = 1 / degree(i) in a simple unweighted graph.
            indirect = sum(1.0 / (len(adj[q]) - (q in adj[q])) for q in shared)
            c += ((1.0 + indirect) / d) ** 2
        esize = d - ties / d  # ``ties`` counted each tie among contacts twice
        out[v] = Burt(d, esize, esize / d, c)
    return out


def single_point_of_failure(ctx: Context) -> Found:
    """Entities that are the only channel between the municipality and at least ``min_cut_off`` others.

    Paths run only through real channels (:func:`channels`): not through
    consulates merely located in the city, planned or uncertain memberships, or
    bodies that no longer exist.
    """
    if ctx.home is None:
        return Found([], "skipped", "no home municipality to measure paths from")
    s = channels(ctx)
    least = int(ctx.rules["min_cut_off"])
    rows = []
    home_nb, home_en = ctx.name(ctx.home, "nb"), ctx.name(ctx.home, "en")
    for v, cut in sorted(cut_points(s, ctx.home).items()):
        if len(cut.cut_off) < least:
            continue
        link = []
        if cut.parent is not None:
            link = [t.id for t in ctx.ties_at(v) if cut.parent in (t.u, t.v) and is_channel(t.attrs)]
        single = cut.bridge and len(link) == 1
        via_nb = f" Selv henger den på én enkelt forbindelse ({link[0]})." if single else ""
        via_en = f" It hangs on a single tie itself ({link[0]})." if single else ""
        n = len(cut.cut_off)
        v_nb, v_en = ctx.name(v, "nb"), ctx.name(v, "en")
        rows.append(row(
            "single_point_of_failure", v, v_nb, "high" if n >= 10 else "medium",
            f"{v_nb} er eneste registrerte kanal mellom {home_nb} og {n} andre ({names(ctx, cut.cut_off, 'nb')}): "
            f"faller den bort, viser registeret ingen annen vei til dem.{via_nb} Neste steg: finn ut om kommunen "
            f"har direkte kontakt med dem og registrer den; ellers er {v_nb} kanalen som må pleies.",
            f"{v_en} is the only registered channel between {home_en} and {n} others "
            f"({names(ctx, cut.cut_off, 'en')}): if it drops out, the registry shows no other way to reach "
            f"them.{via_en} Next: find out whether the municipality has direct contact with them and register "
            f"it; otherwise {v_en} is the channel to look after.",
            [v, *link, *cut.cut_off],
            score=n,
        ))
    rows.sort(key=lambda r: -r["score"])
    return Found(rows)


def _members(ctx: Context, s: nx.Graph) -> dict[str, set[str]]:
    """Return body -> its members joined by a real channel (membership and forum ties pointing to it)."""
    out: dict[str, set[str]] = {}
    for t in ctx.active:
        if t.attrs.get("kind") in R.MEMBER_TIE_KINDS and is_channel(t.attrs) and s.has_edge(t.u, t.v):
            out.setdefault(t.v, set()).add(t.u)
    return out


def structural_hole(ctx: Context) -> Found:
    """Local actors whose contacts are mostly not tied to each other (high efficiency), over real channels.

    The home municipality is never a subject (it is the one who could connect
    the contacts), and a body's own members are not counted among its contacts:
    members meet in the body, which does not stand between them.
    """
    s = channels(ctx)
    least = int(ctx.rules["hole_min_degree"])
    cap = int(ctx.rules["hole_max_actors"])
    members = _members(ctx, s)

    def degree(n: str) -> int:
        return len(set(s[n]) - members.get(n, set()) - {n})

    candidates = [n for n in ctx.local if n in s and n != ctx.home and degree(n) >= least]
    method, note = "exact", ""
    if len(candidates) > cap:
        candidates = sorted(candidates, key=lambda n: (-degree(n), n))[:cap]
        method = "sampled"
        note = f"measured for the {cap} best-connected local actors only (hole_max_actors)"
    rows = []
    home = ctx.home
    for v, m in sorted(burt(s, candidates, members).items()):
        if m.efficiency < float(ctx.rules["hole_min_efficiency"]):
            continue
        contacts_ = sorted(set(s[v]) - members.get(v, set()) - {v})
        v_nb, v_en = ctx.name(v, "nb"), ctx.name(v, "en")
        size_nb = f"{number(m.effective_size, 'nb')} av {m.degree}"
        size_en = f"{number(m.effective_size, 'en')} of {m.degree}"
        if home in contacts_:
            rest = [c for c in contacts_ if c != home]
            then_nb = (f"Neste steg: {ctx.name(home, 'nb')} når {names(ctx, rest, 'nb')} bare gjennom {v_nb} i "
                       "registeret; registrer direkte samarbeid om det finnes, eller samle dem i det "
                       "internasjonale forumet (strategi 1f).")
            then_en = (f"Next: {ctx.name(home, 'en')} reaches {names(ctx, rest, 'en')} only through {v_en} in the "
                       "registry; register direct cooperation if there is any, or bring them together in the "
                       "international forum (strategy 1f).")
        else:
            then_nb = ("Neste steg: kommunen kan koble dem direkte, for eksempel i det internasjonale forumet "
                       "(strategi 1f).")
            then_en = ("Next: the municipality could connect them directly, for instance in the international "
                       "forum (strategy 1f).")
        rows.append(row(
            "structural_hole", v, v_nb, "info",
            f"{v_nb} har {m.degree} kontakter ({names(ctx, contacts_, 'nb')}) som nesten ikke har forbindelse "
            f"med hverandre utenom {v_nb}: {size_nb} kontakter kjenner ikke hverandre fra før (effektiv "
            f"størrelse). {v_nb} holder dem sammen alene. {then_nb}",
            f"{v_en} has {m.degree} contacts ({names(ctx, contacts_, 'en')}) that are hardly tied to each other "
            f"except through {v_en}: {size_en} contacts do not already know each other (effective size). "
            f"{v_en} alone holds them together. {then_en}",
            [v, *contacts_],
            score=m.effective_size,
        ))
    rows.sort(key=lambda r: -r["score"])
    return Found(rows, method, note)


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
