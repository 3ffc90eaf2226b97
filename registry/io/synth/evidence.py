"""The synthetic rows around the ties: decisions, agreements, activities, budget lines, contacts, declared totals."""

from __future__ import annotations

import random

from . import draws as draw

__all__ = ["BUDGET_ON_TIES", "decisions", "agreements", "activities", "budget", "contacts", "declared_totals"]


def decisions(rng: random.Random, sister: list[str]) -> list[dict[str, str]]:
    """Return the council's decisions on the sister-city ties ``sister``: categories, some entries into a twinning."""
    out: list[dict[str, str]] = []
    for tie in sister:
        if rng.random() < 0.5:
            for _ in range(rng.randint(1, 2)):
                out.append(
                    {
                        "id": str(len(out) + 1),
                        "kind": "category",
                        "tie_id": tie,
                        "category": rng.choice(("project", "political_focus", "solidarity", "dormant", "unclassified")),
                        "decided_on": draw.partial_date(rng, 2010, 2025),
                        "decided_by": "City council (fictional)",
                        "case_ref": f"{rng.randint(2010, 2025)}/{rng.randint(1, 999)}",
                        "reason": "Fictional reason for the benchmark",
                        "source": draw.SOURCE,
                    }
                )
        if rng.random() < 0.2:
            out.append(
                {
                    "id": str(len(out) + 1),
                    "kind": "enter_twinning",
                    "tie_id": tie,
                    "title": "Entering the twinning (fictional)",
                    "decided_on": draw.partial_date(rng, 1946, 2024),
                    "decided_by": "City council (fictional)",
                    "reason": "Fictional reason for the benchmark",
                    "source": draw.SOURCE,
                }
            )
    return out


# Tie kind -> (share of its ties resting on a registered agreement, the kinds that agreement may be).
# About one agreement per ten ties, as in an office that files the documents it has.
_AGREEMENT_RULES: dict[str, tuple[float, tuple[str, ...]]] = {
    "sister_city": (0.7, ("twinning_charter",)),
    "partnership": (0.2, ("cooperation_agreement", "letter_of_intent", "memorandum")),
    "project": (0.15, ("project_agreement",)),
    "exchange": (0.1, ("memorandum", "cooperation_agreement")),
    "membership": (0.08, ("membership",)),
    "funding": (0.08, ("project_agreement", "letter_of_intent")),
}
#: Share of twinning charters signed by three towns (a ring of twin towns).
_RING_SHARE = 0.1


def agreements(rng: random.Random, ties: list[dict[str, str]]) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """Return ``(agreements, agreement_parties)``; sets ``agreement_id`` on the ties that rest on one."""
    agreements: list[dict[str, str]] = []
    parties: list[dict[str, str]] = []
    uncharted: dict[str, dict[str, str]] = {}  # municipality -> a twinning of it without a charter yet
    for tie in ties:
        kind = tie["kind"]
        rule = _AGREEMENT_RULES.get(kind)
        if rule is None or rng.random() >= rule[0]:
            if kind == "sister_city":
                uncharted[tie["from_id"]] = tie
            continue
        n = len(agreements) + 1
        aid = f"agreement-{n}"
        akind = rng.choice(rule[1])
        tie["agreement_id"] = aid
        agreements.append(
            {
                "id": aid,
                "kind": akind,
                "title": f"Fictional {akind.replace('_', ' ')} {n}",
                # Signed when the tie began, as far as anyone knows; ended with it.
                "signed_on": tie["start"],
                "signed_certainty": tie["start_certainty"],
                "signatories": "Mayor;Mayor"
                if kind == "sister_city"
                else rng.choice(("Director;Director", "Rector;Mayor", "Chief executive")),
                "document_url": f"https://example.org/agreement/{n}" if rng.random() < 0.3 else "",
                "review_on": str(rng.randint(2025, 2030)) if rng.random() < 0.2 else "",
                "ended_on": tie["end"],
                "status": tie["status"],
                "sectors": tie["sectors"],
                "strategy_points": tie["strategy_points"],
                "source": draw.SOURCE,
            }
        )
        members = [tie["from_id"], tie["to_id"]]
        other = uncharted.get(tie["from_id"]) if kind == "sister_city" else None
        if other is not None and other["to_id"] not in members and rng.random() < _RING_SHARE:
            # A ring charter: the municipality and two of its twin towns sign one document.
            other["agreement_id"] = aid
            members.append(other["to_id"])
            del uncharted[tie["from_id"]]
        for eid in members:
            parties.append({"id": str(len(parties) + 1), "agreement_id": aid, "entity_id": eid, "role": "party"})
    return agreements, parties


# Tie kind -> the kinds of activity that happen on it.
_ACTIVITY_KINDS: dict[str, tuple[str, ...]] = {
    "sister_city": ("visit", "delegation", "exchange", "event", "meeting", "anniversary", "gift"),
    "partnership": ("meeting", "visit", "event", "signing"),
    "project": ("project", "meeting"),
    "exchange": ("exchange", "visit"),
    "membership": ("meeting", "event"),
    "forum_member": ("meeting", "event"),
    "funding": ("project",),
}
#: Activities per twinning, drawn from this list: about two.
_PER_TWINNING = (0, 1, 2, 2, 3, 4)
#: Share of the other ties (of the kinds above) with one activity on record.
_OTHER_SHARE = 0.04


def activities(
    rng: random.Random, ties: list[dict[str, str]], orgs: list[str], funders: list[str]
) -> tuple[list[dict[str, str]], list[dict[str, str]], list[dict[str, str]]]:
    """Return ``(activities, activity_participants, activity_ties)``: 1-4 participants each, one or two ties."""
    acts: list[dict[str, str]] = []
    parts: list[dict[str, str]] = []
    links: list[dict[str, str]] = []
    sisters = [t["id"] for t in ties if t["kind"] == "sister_city"]
    for tie in ties:
        kinds = _ACTIVITY_KINDS.get(tie["kind"])
        if kinds is None:
            continue
        count = rng.choice(_PER_TWINNING) if tie["kind"] == "sister_city" else int(rng.random() < _OTHER_SHARE)
        for _ in range(count):
            n = len(acts) + 1
            aid = f"activity-{n}"
            kind = rng.choice(kinds)
            start = draw.partial_date(rng, 1990, 2025) if rng.random() < 0.85 else ""
            end = str(rng.randint(int(start[:4]), 2026)) if start and kind in ("project", "exchange") and rng.random() < 0.5 else ""
            with_goals = kind == "project" or rng.random() < 0.1
            acts.append(
                {
                    "id": aid,
                    "kind": kind,
                    "title": f"Fictional {kind} {n}",
                    "start": start,
                    "end": end,
                    "date_certainty": rng.choice(("sourced", "inferred")) if start else "unknown",
                    "municipal_role": rng.choice(("active", "facilitator", "none")),
                    "sectors": draw.codes(rng, draw.SECTORS, 0.7),
                    "strategy_points": draw.codes(rng, draw.POINTS, 0.5),
                    "purpose": f"Fictional purpose {n}" if rng.random() < 0.5 else "",
                    "goals": f"Fictional goal {n}" if with_goals else "",
                    "indicators": "People taking part; follow-up meetings" if with_goals else "",
                    "agreement_id": tie.get("agreement_id", "") if kind in ("signing", "project") or rng.random() < 0.2 else "",
                    "source": draw.SOURCE,
                }
            )
            u, v = tie["from_id"], tie["to_id"]
            if kind in ("visit", "delegation", "exchange"):
                roles = ("host", "visitor") if rng.random() < 0.5 else ("visitor", "host")
            else:
                roles = ("carrier", "partner") if kind == "project" else ("partner", "partner")
            who = {u: roles[0]}
            if rng.random() < 0.9:
                who[v] = roles[1]
            for _ in range(rng.choice((0, 0, 1, 2))):
                if kind == "project" and funders and rng.random() < 0.5:
                    who.setdefault(rng.choice(funders), "funder")
                else:
                    who.setdefault(rng.choice(orgs), rng.choice(("partner", "carrier", "visitor")))
            for eid, role in who.items():
                parts.append({"id": str(len(parts) + 1), "activity_id": aid, "entity_id": eid, "role": role})
            linked = [tie["id"]]
            if rng.random() < 0.1 and sisters:
                # A project or a joint event that also counts for a twinning.
                other = rng.choice(sisters)
                if other != tie["id"]:
                    linked.append(other)
            for tid in linked:
                links.append({"id": str(len(links) + 1), "activity_id": aid, "tie_id": tid})
    return acts, parts, links


#: Tie kinds whose budget lines sit on the tie itself: twinnings, membership fees and projects
#: (a budget line may follow any relation).
BUDGET_ON_TIES: tuple[str, ...] = ("sister_city", "membership", "project")


def budget(
    rng: random.Random, ties: list[dict[str, str]], activities: list[dict[str, str]], funders: dict[str, str]
) -> list[dict[str, str]]:
    """Return budget lines: the ties of :data:`BUDGET_ON_TIES` (the municipalities' memberships and projects
    among them), and project activities; some in EUR, some actual."""
    lines: list[dict[str, str]] = []
    programmes = list(funders)

    def line(year: int, amount: int, funder: str, purpose: str, **extra: str) -> None:
        lines.append(
            {
                "id": str(len(lines) + 1),
                "year": str(year),
                "kind": "plan",
                "amount": str(amount),
                "currency": "NOK",
                "funder": funder,
                "purpose": purpose,
                "source": draw.SOURCE,
                **extra,
            }
        )

    def external() -> dict[str, str]:
        if programmes and rng.random() < 0.7:
            fid = rng.choice(programmes)
            return {"funder": funders[fid], "funder_id": fid}
        return {"funder": "Fictional Nordic programme"}

    for tie in ties:
        kind, tid = tie["kind"], tie["id"]
        if kind not in BUDGET_ON_TIES:
            continue
        municipal = tie["from_id"].startswith("municipality-")
        if kind == "sister_city" and rng.random() < 0.3:
            for year in range(2024, 2024 + rng.randint(1, 3)):
                amount = rng.randrange(10_000, 500_000, 5_000)
                funder = rng.choice(("municipal", "Fictional Nordic programme"))
                line(year, amount, funder, "Exchange visits (fictional)", tie_id=tid)
                if year == 2024 and rng.random() < 0.5:
                    line(year, amount * rng.randint(50, 110) // 100, funder, "Exchange visits (fictional)", tie_id=tid, kind="actual")
        elif kind == "membership" and municipal and rng.random() < 0.5:
            eur = rng.random() < 0.5
            fee = rng.randrange(1_000, 20_000, 500) if eur else rng.randrange(10_000, 200_000, 5_000)
            for year in range(2023, 2023 + rng.randint(1, 3)):
                line(
                    year,
                    fee,
                    "municipal",
                    "Membership fee (fictional)",
                    tie_id=tid,
                    currency="EUR" if eur else "NOK",
                    kind="actual" if year < 2025 else "plan",
                )
        elif kind == "project" and municipal and rng.random() < 0.4:
            eur = rng.random() < 0.4
            for year in range(2024, 2024 + rng.randint(1, 3)):
                line(
                    year,
                    rng.randrange(5_000, 100_000, 1_000) if eur else rng.randrange(50_000, 1_000_000, 10_000),
                    purpose="Project funding (fictional)",
                    tie_id=tid,
                    currency="EUR" if eur else "NOK",
                    **external(),
                )
    for act in activities:
        if act["kind"] == "project" and rng.random() < 0.3:
            year = int(act["start"][:4]) if act["start"] else 2024
            eur = rng.random() < 0.4  # European programmes pay in euros
            line(
                year,
                rng.randrange(2_000, 40_000, 500) if eur else rng.randrange(20_000, 400_000, 5_000),
                purpose="Project costs (fictional)",
                activity_id=act["id"],
                currency="EUR" if eur else "NOK",
                kind=rng.choice(("plan", "actual")),
                **external(),
            )
    return lines


# Entity kind -> (share with a contact point on record, the offices).
_CONTACT_RULES: dict[str, tuple[float, tuple[str, ...]]] = {
    "consulate": (0.15, ("honorary consul", "consulate general")),
    "network": (0.05, ("secretariat",)),
    "eu_office": (0.1, ("head of office",)),
    "university": (0.02, ("international office",)),
}


def contacts(rng: random.Random, by_kind: dict[str, list[str]]) -> list[dict[str, str]]:
    """Return contact points by office; the few with a name carry an obviously invented one."""
    out: list[dict[str, str]] = []
    for kind, (share, offices) in _CONTACT_RULES.items():
        for eid in by_kind.get(kind, []):
            if rng.random() >= share:
                continue
            n = len(out) + 1
            named = rng.random() < 0.2
            out.append(
                {
                    "id": f"contact-{n}",
                    "entity_id": eid,
                    "office": rng.choice(offices),
                    "person_name": f"Fictional Person {n}" if named else "",
                    "email": f"contact-{n}@example.org" if named else "",
                    "purpose": "Invitations and practical matters (fictional)",
                    "retain_until": str(rng.randint(2026, 2030)) if named else "",
                    "source": draw.SOURCE,
                    "verified_on": draw.day(rng, 2023, 2025) if rng.random() < 0.3 else "",
                }
            )
    return out


def declared_totals(rng: random.Random, municipalities: list[str], sister: list[str]) -> list[dict[str, str]]:
    """Return what a source says each municipality has: twin towns (close to those registered) and consulates."""
    twinned: dict[str, int] = {}
    for tid in sister:
        home = tid.split("--", 1)[0]
        twinned[home] = twinned.get(home, 0) + 1
    out = []
    for m in municipalities:
        # Sources count differently: the declared figure is near the registered one, not always equal.
        for measure, total in (("sister_cities", twinned.get(m, 0) + rng.choice((0, 0, 1, 2))), ("consulates", rng.randint(3, 30))):
            out.append(
                {
                    "id": f"{m}-{measure.replace('_', '-')}-2024",
                    "entity_id": m,
                    "measure": measure,
                    "total": str(total),
                    "as_of": "2024",
                    "source": draw.SOURCE,
                }
            )
    return out
