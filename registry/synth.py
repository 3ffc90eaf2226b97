"""Synthetic registries for the benchmark: seeded, reproducible, clearly fictional.

Every place and organisation name here is invented (made of syllables); country
codes are real ISO 3166-1 codes so that validation runs as it does on real data.
A synthetic registry is written as CSV files the importer reads, and is never
mixed into the sourced seed in ``data/``.
"""

from __future__ import annotations

import csv
import gc
import random
from itertools import accumulate
from dataclasses import dataclass, field
from pathlib import Path
import pycountry

from .schema import DATA_TABLES

__all__ = ["SOURCE", "BUDGET_ON_TIES", "Synthetic", "generate", "write_csv", "synthetic_files", "build"]

#: The ``source`` of every synthetic row, so nobody takes one for a fact.
SOURCE = "synthetic benchmark data (fictional)"

# Share of the non-country, non-municipality entities by kind; cities dominate as they do
# in a real registry of twinning, partnerships and networks.
_KIND_SHARES = (
    ("city", 0.42),
    ("university", 0.07),
    ("business_body", 0.10),
    ("voluntary_org", 0.12),
    ("public_agency", 0.05),
    ("student_org", 0.05),
    ("consulate", 0.05),
    ("network", 0.04),
    ("forum", 0.01),
    ("funding_programme", 0.03),
    ("county", 0.03),
    ("eu_office", 0.03),
    ("eu_programme", 0.01),
)

# Tie kinds after the sister-city and consular ties, as (kind, weight, from kinds, to kinds).
_ORGS = ("university", "business_body", "voluntary_org", "public_agency", "student_org", "county", "eu_office")
_TIE_RULES: tuple[tuple[str, float, tuple[str, ...], tuple[str, ...]], ...] = (
    ("located_in", 0.18, _ORGS + ("network", "forum", "funding_programme"), ("city",)),
    ("membership", 0.20, _ORGS + ("city", "municipality"), ("network",)),
    ("partnership", 0.17, _ORGS + ("city",), _ORGS + ("city",)),
    ("project", 0.16, _ORGS + ("municipality",), _ORGS + ("city",)),
    ("exchange", 0.11, ("university", "student_org", "voluntary_org"), ("university", "student_org", "city")),
    ("funding", 0.10, ("funding_programme", "eu_programme"), _ORGS + ("municipality",)),
    ("forum_member", 0.08, _ORGS + ("consulate", "municipality"), ("forum",)),
)

# Nearby and large countries are tied to more often; every other code appears now and then.
_COMMON_COUNTRIES = (
    "NO", "SE", "DK", "FI", "IS", "DE", "GB", "NL", "FR", "PL", "US", "ES", "IT", "EE", "LV", "LT",
    "RU", "CN", "JP", "IN", "BR", "ZA", "KE", "TZ", "CA", "BE", "AT", "CH", "IE", "PT",
)
_SYLLABLES = (
    "vel", "mor", "a", "ø", "sta", "lund", "ri", "ka", "dal", "hav", "bre", "en", "tor", "vik", "li",
    "sæ", "nor", "ås", "ber", "go", "fjo", "mi", "ra", "un", "sol", "kel", "to", "ma", "gar", "is",
)
_ORG_WORDS = {
    "university": "University of {}",
    "business_body": "{} Chamber of Commerce",
    "voluntary_org": "{} Friendship Association",
    "public_agency": "{} Agency",
    "student_org": "{} Student Society",
    "consulate": "Consulate of {}",
    "network": "{} Cities Network",
    "forum": "{} International Forum",
    "funding_programme": "{} Cooperation Fund",
    "eu_programme": "{} EU Programme",
    "county": "{} County",
    "eu_office": "{} Europe Office",
    "municipality": "{} kommune",
}
_POINTS = ("1a", "1b", "1c", "1f", "2a", "2c", "3c", "3e", "4a", "4e", "4f")
_SECTORS = ("education", "research", "health", "culture", "business", "church", "youth", "other")
_CERTAINTIES = ("sourced", "inferred", "conflicting", "unknown")
_STATUSES = ("active", "suspended", "ended", "uncertain")
_STATUS_CUM = (0.7, 0.75, 0.9, 1.0)


@dataclass
class Synthetic:
    """A synthetic registry: rows per data table, as the CSV files hold them (all text)."""

    size: int
    seed: int
    rows: dict[str, list[dict[str, str]]] = field(default_factory=dict)

    def count(self, table: str) -> int:
        """Return the number of rows of ``table``."""
        return len(self.rows.get(table, []))


def _countries() -> list[str]:
    return sorted(c.alpha_2 for c in pycountry.countries)


def _name(rng: random.Random) -> str:
    parts = rng.randint(2, 3)
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts)).capitalize()


def _partial_date(rng: random.Random, lo: int, hi: int) -> str:
    year = rng.randint(lo, hi)
    shape = rng.random()
    if shape < 0.5:
        return str(year)
    month = rng.randint(1, 12)
    if shape < 0.75:
        return f"{year}-{month:02d}"
    return f"{year}-{month:02d}-{rng.randint(1, 28):02d}"


def _day(rng: random.Random, lo: int, hi: int) -> str:
    return f"{rng.randint(lo, hi)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _codes(rng: random.Random, codes: tuple[str, ...], share: float) -> str:
    # ';'-separated codes (one or two) on ``share`` of the rows, else empty.
    return ";".join(sorted(set(rng.choices(codes, k=rng.randint(1, 2))))) if rng.random() < share else ""


def generate(size: int, seed: int = 0) -> Synthetic:
    """Return a synthetic registry of ``size`` entities and about ``3 * size`` ties.

    The same ``(size, seed)`` gives the same rows. A few municipalities hold the
    sister-city ties; some of those have decisions. Every data table gets rows in
    the proportions of a real office: about one agreement per ten ties (a few
    signed by three towns), about two activities per sister-city tie and some on
    other ties (1-4 participants each), budget lines for twinnings and projects
    (see :data:`BUDGET_ON_TIES`; some in EUR), contact points by office, declared totals, and the
    ``home_id`` setting (the first municipality).

    >>> s = generate(200)
    >>> s.count("entities"), 550 <= s.count("ties") <= 650
    (200, True)
    """
    if size < 50:
        raise ValueError("a synthetic registry needs at least 50 entities")
    # Only allocation happens here; the collector's passes over a million new dicts find nothing.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _generate(size, seed)
    finally:
        if was_enabled:
            gc.enable()


def _generate(size: int, seed: int) -> Synthetic:
    rng = random.Random(seed)
    codes = _countries()
    # Cumulative weights, computed once: random.choices would redo them on every call.
    country_cum = list(accumulate(8.0 if c in _COMMON_COUNTRIES else 1.0 for c in codes))

    entities: list[dict[str, str]] = []
    by_kind: dict[str, list[str]] = {}
    country_of: dict[str, str] = {}

    def add_entity(kind: str, ident: str, name: str, cc: str, **extra: str) -> None:
        row = {
            "id": ident, "kind": kind, "name": name, "name_en": "", "country_code": cc, "lat": "", "lon": "",
            "url": "", "wikidata_id": "", "notes": "", "source": SOURCE,
        }
        row.update(extra)
        entities.append(row)
        by_kind.setdefault(kind, []).append(ident)
        country_of[ident] = cc

    n_countries = min(len(codes), max(10, size // 20))
    for cc in rng.sample(codes, n_countries):
        add_entity("country", f"country-{cc.lower()}", f"Country {cc}", cc)
    n_munis = max(3, round(size**0.5 / 10))
    for i in range(n_munis):
        add_entity("municipality", f"municipality-{i}", _ORG_WORDS["municipality"].format(_name(rng)), "NO",
                   lat=f"{rng.uniform(58, 71):.4f}", lon=f"{rng.uniform(5, 30):.4f}")
    rest = size - len(entities)
    kinds = [k for k, _ in _KIND_SHARES]
    shares = [s for _, s in _KIND_SHARES]
    # Every kind at least once, so every tie rule has endpoints.
    plan = kinds + rng.choices(kinds, shares, k=rest - len(kinds))
    for i, kind in enumerate(plan):
        cc = rng.choices(codes, cum_weights=country_cum)[0]
        base = _name(rng)
        name = base if kind == "city" else _ORG_WORDS[kind].format(base)
        extra: dict[str, str] = {}
        if kind == "city":
            extra.update(lat=f"{rng.uniform(-60, 70):.4f}", lon=f"{rng.uniform(-180, 180):.4f}")
        if rng.random() < 0.3:
            extra["name_en"] = name + " (en)"
        if rng.random() < 0.25:
            extra["url"] = f"https://example.org/{kind}/{i}"
        if rng.random() < 0.2:
            extra["wikidata_id"] = f"Q{900_000_000 + i}"
        if rng.random() < 0.1:
            extra["notes"] = f"Fictional {kind.replace('_', ' ')} number {i}"
        if kind != "city" and rng.random() < 0.05:
            extra["founded"] = str(rng.randint(1900, 2015))
            same = by_kind.get(kind)
            if same and rng.random() < 0.1:
                # Merged into an older body of the same kind: the successor's row comes first.
                extra["dissolved"] = str(rng.randint(int(extra["founded"]), 2024))
                extra["successor_id"] = rng.choice(same)
        if rng.random() < 0.1:
            extra["verified_on"] = _day(rng, 2023, 2025)
        add_entity(kind, f"{kind.replace('_', '-')}-{i}", name, cc, **extra)

    ties: list[dict[str, str]] = []
    tie_ids: set[str] = set()

    def add_tie(kind: str, u: str, v: str, directed: bool) -> dict[str, str] | None:
        if u == v:
            return None
        ident = f"{u}--{v}--{kind}"
        if ident in tie_ids:
            return None
        tie_ids.add(ident)
        start = _partial_date(rng, 1946, 2024) if rng.random() < 0.7 else ""
        status = rng.choices(_STATUSES, cum_weights=_STATUS_CUM)[0]
        end = ""
        if status == "ended" and rng.random() < 0.6:
            end = str(rng.randint(int(start[:4]) if start else 1950, 2025))
        row = {
            "id": ident, "from_id": u, "to_id": v, "kind": kind, "directed": "1" if directed else "0",
            "sectors": _codes(rng, _SECTORS, 0.6),
            "start": start, "start_certainty": rng.choice(_CERTAINTIES) if start else "unknown",
            "end": end, "status": status, "carrier_id": "", "municipal_role": "", "reciprocity": "",
            "goals": "", "indicators": "", "funding": "",
            "strategy_points": _codes(rng, _POINTS, 0.3),
            "source": SOURCE, "notes": "",
        }
        if rng.random() < 0.15:
            row["goals"] = f"Fictional goal for {kind} {len(ties)}"
            row["indicators"] = "Meetings per year; people exchanged"
        if rng.random() < 0.1:
            row["verified_on"] = _day(rng, 2023, 2025)
        ties.append(row)
        return row

    # Sister cities: each municipality twins with a handful of cities, some since the 1940s.
    cities = by_kind["city"]
    orgs = [e for k in _ORGS for e in by_kind.get(k, [])]
    sister: list[str] = []
    for m in by_kind["municipality"]:
        for city in rng.sample(cities, min(len(cities), rng.randint(5, 25))):
            row = add_tie("sister_city", m, city, False)
            if row is None:
                continue
            row["municipal_role"] = rng.choice(("active", "facilitator", "none"))
            row["reciprocity"] = rng.choice(("two_way", "one_way", "unknown"))
            if rng.random() < 0.4:
                row["carrier_id"] = rng.choice(orgs)
            if rng.random() < 0.3:
                row["funding"] = "Municipal budget"
            sister.append(row["id"])
    # Each consulate represents a country and sits in a city.
    country_ids = by_kind["country"]
    present = set(country_ids)
    for c in by_kind.get("consulate", []):
        own = f"country-{country_of[c].lower()}"
        add_tie("consular", c, own if own in present else rng.choice(country_ids), True)
        add_tie("located_in", c, rng.choice(cities), True)

    # The rest, by weight, with a preference for popular targets (a few hubs, many leaves).
    pools = {k: by_kind.get(k, []) for k in set(by_kind)}
    target = 3 * size
    rule_cum = list(accumulate(w for _, w, _, _ in _TIE_RULES))
    attempts = 0
    while len(ties) < target and attempts < 20 * target:
        attempts += 1
        kind, _, froms, tos = rng.choices(_TIE_RULES, cum_weights=rule_cum)[0]
        from_pool = pools.get(rng.choice(froms)) or []
        to_pool = pools.get(rng.choice(tos)) or []
        if not from_pool or not to_pool:
            continue
        u = rng.choice(from_pool)
        # Squaring a uniform draw favours the first ids of a pool: hubs emerge.
        v = to_pool[int(len(to_pool) * rng.random() ** 2)]
        row = add_tie(kind, u, v, kind in ("located_in", "membership", "funding", "forum_member"))
        if row is not None and rng.random() < 0.1:
            row["carrier_id"] = rng.choice(orgs)

    decisions: list[dict[str, str]] = []
    for tie in sister:
        if rng.random() < 0.5:
            for _ in range(rng.randint(1, 2)):
                decisions.append({
                    "id": str(len(decisions) + 1), "kind": "category", "tie_id": tie,
                    "category": rng.choice(("project", "political_focus", "solidarity", "dormant", "unclassified")),
                    "decided_on": _partial_date(rng, 2010, 2025), "decided_by": "City council (fictional)",
                    "case_ref": f"{rng.randint(2010, 2025)}/{rng.randint(1, 999)}",
                    "reason": "Fictional reason for the benchmark", "source": SOURCE,
                })
        if rng.random() < 0.2:
            decisions.append({
                "id": str(len(decisions) + 1), "kind": "enter_twinning", "tie_id": tie,
                "title": "Entering the twinning (fictional)", "decided_on": _partial_date(rng, 1946, 2024),
                "decided_by": "City council (fictional)", "reason": "Fictional reason for the benchmark", "source": SOURCE,
            })

    rows = {"entities": entities, "ties": ties, "decisions": decisions}
    rows["agreements"], rows["agreement_parties"] = _agreements(rng, ties)
    funders = [e for k in ("funding_programme", "eu_programme") for e in by_kind.get(k, [])]
    rows["activities"], rows["activity_participants"], rows["activity_ties"] = _activities(rng, ties, orgs, funders)
    names = {r["id"]: r["name"] for r in entities if r["kind"] in ("funding_programme", "eu_programme")}
    rows["plan_lines"] = _budget(rng, ties, rows["activities"], names)
    rows["contacts"] = _contacts(rng, by_kind)
    rows["declared_totals"] = _declared_totals(rng, by_kind["municipality"], sister)
    # The first municipality is the registry's home: the one whose ties the office keeps.
    rows["settings"] = [{"key": "home_id", "value": by_kind["municipality"][0]}]
    return Synthetic(size, seed, rows)


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


def _agreements(rng: random.Random, ties: list[dict[str, str]]) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
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
        agreements.append({
            "id": aid, "kind": akind, "title": f"Fictional {akind.replace('_', ' ')} {n}",
            # Signed when the tie began, as far as anyone knows; ended with it.
            "signed_on": tie["start"], "signed_certainty": tie["start_certainty"],
            "signatories": "Mayor;Mayor" if kind == "sister_city" else rng.choice(("Director;Director", "Rector;Mayor", "Chief executive")),
            "document_url": f"https://example.org/agreement/{n}" if rng.random() < 0.3 else "",
            "review_on": str(rng.randint(2025, 2030)) if rng.random() < 0.2 else "",
            "ended_on": tie["end"], "status": tie["status"], "sectors": tie["sectors"],
            "strategy_points": tie["strategy_points"], "source": SOURCE,
        })
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


def _activities(
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
            start = _partial_date(rng, 1990, 2025) if rng.random() < 0.85 else ""
            end = str(rng.randint(int(start[:4]), 2026)) if start and kind in ("project", "exchange") and rng.random() < 0.5 else ""
            with_goals = kind == "project" or rng.random() < 0.1
            acts.append({
                "id": aid, "kind": kind, "title": f"Fictional {kind} {n}", "start": start, "end": end,
                "date_certainty": rng.choice(("sourced", "inferred")) if start else "unknown",
                "municipal_role": rng.choice(("active", "facilitator", "none")),
                "sectors": _codes(rng, _SECTORS, 0.7), "strategy_points": _codes(rng, _POINTS, 0.5),
                "purpose": f"Fictional purpose {n}" if rng.random() < 0.5 else "",
                "goals": f"Fictional goal {n}" if with_goals else "",
                "indicators": "People taking part; follow-up meetings" if with_goals else "",
                "agreement_id": tie.get("agreement_id", "") if kind in ("signing", "project") or rng.random() < 0.2 else "",
                "source": SOURCE,
            })
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


def _budget(
    rng: random.Random, ties: list[dict[str, str]], activities: list[dict[str, str]], funders: dict[str, str]
) -> list[dict[str, str]]:
    """Return budget lines: the ties of :data:`BUDGET_ON_TIES` (the municipalities' memberships and projects
    among them), and project activities; some in EUR, some actual."""
    lines: list[dict[str, str]] = []
    programmes = list(funders)

    def line(year: int, amount: int, funder: str, purpose: str, **extra: str) -> None:
        lines.append({"id": str(len(lines) + 1), "year": str(year), "kind": "plan", "amount": str(amount),
                      "currency": "NOK", "funder": funder, "purpose": purpose, "source": SOURCE, **extra})

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
                line(year, fee, "municipal", "Membership fee (fictional)", tie_id=tid, currency="EUR" if eur else "NOK",
                     kind="actual" if year < 2025 else "plan")
        elif kind == "project" and municipal and rng.random() < 0.4:
            eur = rng.random() < 0.4
            for year in range(2024, 2024 + rng.randint(1, 3)):
                line(year, rng.randrange(5_000, 100_000, 1_000) if eur else rng.randrange(50_000, 1_000_000, 10_000),
                     purpose="Project funding (fictional)", tie_id=tid, currency="EUR" if eur else "NOK", **external())
    for act in activities:
        if act["kind"] == "project" and rng.random() < 0.3:
            year = int(act["start"][:4]) if act["start"] else 2024
            eur = rng.random() < 0.4  # European programmes pay in euros
            line(year, rng.randrange(2_000, 40_000, 500) if eur else rng.randrange(20_000, 400_000, 5_000),
                 purpose="Project costs (fictional)", activity_id=act["id"], currency="EUR" if eur else "NOK",
                 kind=rng.choice(("plan", "actual")), **external())
    return lines


# Entity kind -> (share with a contact point on record, the offices).
_CONTACT_RULES: dict[str, tuple[float, tuple[str, ...]]] = {
    "consulate": (0.15, ("honorary consul", "consulate general")),
    "network": (0.05, ("secretariat",)),
    "eu_office": (0.1, ("head of office",)),
    "university": (0.02, ("international office",)),
}


def _contacts(rng: random.Random, by_kind: dict[str, list[str]]) -> list[dict[str, str]]:
    """Return contact points by office; the few with a name carry an obviously invented one."""
    out: list[dict[str, str]] = []
    for kind, (share, offices) in _CONTACT_RULES.items():
        for eid in by_kind.get(kind, []):
            if rng.random() >= share:
                continue
            n = len(out) + 1
            named = rng.random() < 0.2
            out.append({
                "id": f"contact-{n}", "entity_id": eid, "office": rng.choice(offices),
                "person_name": f"Fictional Person {n}" if named else "",
                "email": f"contact-{n}@example.org" if named else "",
                "purpose": "Invitations and practical matters (fictional)",
                "retain_until": str(rng.randint(2026, 2030)) if named else "",
                "source": SOURCE, "verified_on": _day(rng, 2023, 2025) if rng.random() < 0.3 else "",
            })
    return out


def _declared_totals(rng: random.Random, municipalities: list[str], sister: list[str]) -> list[dict[str, str]]:
    """Return what a source says each municipality has: twin towns (close to those registered) and consulates."""
    twinned: dict[str, int] = {}
    for tid in sister:
        home = tid.split("--", 1)[0]
        twinned[home] = twinned.get(home, 0) + 1
    out = []
    for m in municipalities:
        # Sources count differently: the declared figure is near the registered one, not always equal.
        for measure, total in (("sister_cities", twinned.get(m, 0) + rng.choice((0, 0, 1, 2))), ("consulates", rng.randint(3, 30))):
            out.append({"id": f"{m}-{measure.replace('_', '-')}-2024", "entity_id": m, "measure": measure,
                        "total": str(total), "as_of": "2024", "source": SOURCE})
    return out


def write_csv(s: Synthetic, directory: str | Path) -> list[Path]:
    """Write one CSV per data table of ``s`` into ``directory``; return the paths, parents first."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for t in DATA_TABLES:
        rows = s.rows.get(t.name, [])
        header = [c.name for c in t.columns if c.name not in ("version", "updated_at", "updated_by")]
        path = out / f"{t.name}.csv"
        with path.open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(header)
            w.writerows([r.get(c, "") for c in header] for r in rows)
        paths.append(path)
    return paths


def synthetic_files(size: int, directory: str | Path, seed: int = 0) -> list[Path]:
    """Return the CSV paths of a synthetic registry of ``size`` entities written to ``directory``."""
    return write_csv(generate(size, seed), directory)



def build(path: str | Path, size: int, seed: int = 0, *, force: bool = False) -> dict[str, int]:
    """Create a synthetic registry of ``size`` entities at ``path``; return the rows written per table.

    The rows go through the ordinary import (validated, audited as ``synth``). An
    existing file is refused unless ``force``, which replaces it.
    """
    import tempfile

    from .db import connect
    from .errors import RegistryError
    from .ingest import import_files

    target = Path(path)
    if target.exists() and not force:
        raise RegistryError(f"{target} exists: choose another path, or --force to replace it")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        conn = connect(target)
        try:
            report = import_files(conn, synthetic_files(size, tmp, seed), actor="synth")
        finally:
            conn.close()
    return {table: c["inserted"] for table, c in report.counts.items()}
