"""Synthetic registries for the benchmark: seeded, reproducible, clearly fictional.

Every place and organisation name here is invented (made of syllables); country
codes are real ISO 3166-1 codes so that validation runs as it does on real data.
A synthetic registry is written as CSV files the importer reads, and is never
mixed into the sourced seed in ``data/``. The entities and ties are made here;
the rows documenting the ties in :mod:`~registry.io.synth.evidence`.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path

from ...collector import collector_paused
from ...store.schema import DATA_TABLES
from . import draws as draw
from . import evidence, plan
from .draws import SOURCE
from .evidence import BUDGET_ON_TIES

__all__ = ["SOURCE", "BUDGET_ON_TIES", "Synthetic", "generate", "write_csv", "synthetic_files", "build"]

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
    ("solidarity", 0.02, ("voluntary_org",), ("city",)),
)

# Nearby and large countries are tied to more often; every other code appears now and then.
_COMMON_COUNTRIES = (
    "NO",
    "SE",
    "DK",
    "FI",
    "IS",
    "DE",
    "GB",
    "NL",
    "FR",
    "PL",
    "US",
    "ES",
    "IT",
    "EE",
    "LV",
    "LT",
    "RU",
    "CN",
    "JP",
    "IN",
    "BR",
    "ZA",
    "KE",
    "TZ",
    "CA",
    "BE",
    "AT",
    "CH",
    "IE",
    "PT",
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
    with collector_paused():
        return _generate(size, seed)


def _generate(size: int, seed: int) -> Synthetic:
    """Return the synthetic registry of ``generate``, table by table from one random stream."""
    # The order of these calls decides which draws each table gets: changing it changes every seed's rows.
    rng = random.Random(seed)
    entities, by_kind, country_of = _entities(rng, size)
    orgs = [e for k in _ORGS for e in by_kind.get(k, [])]
    ties, sister = _ties(rng, size, by_kind, country_of, orgs)
    rows = {"entities": entities, "ties": ties, "decisions": evidence.decisions(rng, sister)}
    rows["agreements"], rows["agreement_parties"] = evidence.agreements(rng, ties)
    funders = [e for k in ("funding_programme", "eu_programme") for e in by_kind.get(k, [])]
    rows["activities"], rows["activity_participants"], rows["activity_ties"] = evidence.activities(rng, ties, orgs, funders)
    names = {r["id"]: r["name"] for r in entities if r["kind"] in ("funding_programme", "eu_programme")}
    rows["plan_lines"] = evidence.budget(rng, ties, rows["activities"], names)
    rows["contacts"] = evidence.contacts(rng, by_kind)
    rows["declared_totals"] = evidence.declared_totals(rng, by_kind["municipality"], sister)
    # The first municipality is the registry's home: the one whose ties the office keeps.
    rows["settings"] = [{"key": "home_id", "value": by_kind["municipality"][0]}]
    # Drawn last, so the rows of every other table are those the seed always gave.
    rows.update(plan.action_plan(rng, by_kind["municipality"][0], orgs, ties))
    return Synthetic(size, seed, rows)


def _entities(rng: random.Random, size: int) -> tuple[list[dict[str, str]], dict[str, list[str]], dict[str, str]]:
    """Return ``(entity rows, ids by kind, country code by id)``: countries, a few municipalities, the rest by share."""
    codes = draw.countries()
    # Cumulative weights, computed once: random.choices would redo them on every call.
    country_cum = list(accumulate(8.0 if c in _COMMON_COUNTRIES else 1.0 for c in codes))

    entities: list[dict[str, str]] = []
    by_kind: dict[str, list[str]] = {}
    country_of: dict[str, str] = {}

    def add_entity(kind: str, ident: str, name: str, cc: str, **extra: str) -> None:
        row = {
            "id": ident,
            "kind": kind,
            "name": name,
            "name_en": "",
            "country_code": cc,
            "lat": "",
            "lon": "",
            "url": "",
            "wikidata_id": "",
            "notes": "",
            "source": draw.SOURCE,
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
        add_entity(
            "municipality",
            f"municipality-{i}",
            _ORG_WORDS["municipality"].format(draw.name(rng)),
            "NO",
            lat=f"{rng.uniform(58, 71):.4f}",
            lon=f"{rng.uniform(5, 30):.4f}",
        )
    rest = size - len(entities)
    kinds = [k for k, _ in _KIND_SHARES]
    shares = [s for _, s in _KIND_SHARES]
    # Every kind at least once, so every tie rule has endpoints.
    plan = kinds + rng.choices(kinds, shares, k=rest - len(kinds))
    for i, kind in enumerate(plan):
        cc = rng.choices(codes, cum_weights=country_cum)[0]
        base = draw.name(rng)
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
            extra["verified_on"] = draw.day(rng, 2023, 2025)
        add_entity(kind, f"{kind.replace('_', '-')}-{i}", name, cc, **extra)
    return entities, by_kind, country_of


def _ties(
    rng: random.Random, size: int, by_kind: dict[str, list[str]], country_of: dict[str, str], orgs: list[str]
) -> tuple[list[dict[str, str]], list[str]]:
    """Return ``(tie rows, ids of the sister-city ties)``: about ``3 * size`` ties, a few of them hubs."""
    ties: list[dict[str, str]] = []
    tie_ids: set[str] = set()

    def add_tie(kind: str, u: str, v: str, directed: bool) -> dict[str, str] | None:
        if u == v:
            return None
        ident = f"{u}--{v}--{kind}"
        if ident in tie_ids:
            return None
        tie_ids.add(ident)
        start = draw.partial_date(rng, 1946, 2024) if rng.random() < 0.7 else ""
        status = rng.choices(_STATUSES, cum_weights=_STATUS_CUM)[0]
        end = ""
        if status == "ended" and rng.random() < 0.6:
            end = str(rng.randint(int(start[:4]) if start else 1950, 2025))
        row = {
            "id": ident,
            "from_id": u,
            "to_id": v,
            "kind": kind,
            "directed": "1" if directed else "0",
            "sectors": draw.codes(rng, draw.SECTORS, 0.6),
            "start": start,
            "start_certainty": rng.choice(_CERTAINTIES) if start else "unknown",
            "end": end,
            "status": status,
            "carrier_id": "",
            "municipal_role": "",
            "reciprocity": "",
            "goals": "",
            "indicators": "",
            "funding": "",
            "strategy_points": draw.codes(rng, draw.POINTS, 0.3),
            "source": draw.SOURCE,
            "notes": "",
        }
        if rng.random() < 0.15:
            row["goals"] = f"Fictional goal for {kind} {len(ties)}"
            row["indicators"] = "Meetings per year; people exchanged"
        if rng.random() < 0.1:
            row["verified_on"] = draw.day(rng, 2023, 2025)
        ties.append(row)
        return row

    # Sister cities: each municipality twins with a handful of cities, some since the 1940s.
    cities = by_kind["city"]
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
    return ties, sister


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

    from ...errors import RegistryError
    from ...store.db import connect
    from ..ingest import import_files

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
