"""A small, clearly fictional demo registry, built by code, for tests, the notebook and the app's demo mode.

Every place and organisation name in it is invented (Eksempelby, Musterstadt,
Ejemplópolis ... are "example town" in Norwegian, German, Spanish ...); only the
countries are real, because country codes are validated. Every row's source is
:data:`SOURCE`. It is never mixed into the sourced seed in ``data/``.

The rows are shaped so that every category rule and every finding kind has
something to find, with known answers (see ``tests/test_demo.py``):

============== ========================== ===================== ==================
sister city    evidence                   suggested             assigned
============== ========================== ===================== ==================
Musterstadt    project with goals and     project               project (agree)
               indicators
Ejemplópolis   focus decision, external   political_focus       political_focus
               funding, national agency                         (agree)
Dæmibær        two-way voluntary exchange solidarity            none
Przykładowo    one-way voluntary work     unclassified          solidarity
                                                                (disagree)
Esimerkkilä    exchange ended 2012        unclassified (no      project (disagree)
                                          recent activity,
                                          last: 2012)
Exampleville   only the twinning itself   not_enough_data       none
Exempelstad    agreements without goals   unclassified          none
============== ========================== ===================== ==================

Run ``python -m registry.io.demo PATH`` to write a demo registry file.
"""

from __future__ import annotations

import csv
import io
import sqlite3
import sys
from pathlib import Path
from typing import Any

from ..store.db import connect
from ..store.schema import DATA_TABLES
from .ingest import ImportReport, import_texts

__all__ = ["SOURCE", "ACTOR", "AS_OF", "HOME", "ENTITIES", "TIES", "DECISIONS", "PLAN_LINES", "SETTINGS", "load", "build", "is_demo"]

#: The source of every demo row, so nobody takes one for a fact.
SOURCE = "fictional demo data"
ACTOR = "demo"
#: The date the demo's answers are stated for (any later date up to 2028 gives the same answers).
AS_OF = "2025-12-31"
_NOTE = "Fiktiv / fictional"
#: The demo's home municipality, configured as the setting ``home_id`` (nothing is left to inference).
HOME = "eksempelby"


def _e(
    id: str, kind: str, name: str, name_en: str = "", cc: str = "", lat: float | None = None, lon: float | None = None, notes: str = _NOTE
) -> dict[str, Any]:
    return {
        "id": id,
        "kind": kind,
        "name": name,
        "name_en": name_en,
        "country_code": cc,
        "lat": lat,
        "lon": lon,
        "notes": notes,
        "source": SOURCE,
    }


# The demo's rows are tables: one row a line, as a reader scans them.
# fmt: off
ENTITIES: list[dict[str, Any]] = [
    # Home and the region's actors.
    _e("eksempelby", "municipality", "Eksempelby kommune", "Eksempelby Municipality", "NO", 63.1, 10.9),
    _e("eksempelby-universitet", "university", "Eksempelby universitet", "Eksempelby University", "NO"),
    _e("eksempelby-naeringsforening", "business_body", "Næringsforeningen i Eksempelby",
       "Eksempelby Business Association", "NO"),
    _e("eksempel-fylkeskommune", "county", "Eksempel fylkeskommune", "Eksempel County Authority", "NO"),
    _e("direktoratet-for-eksempelsamarbeid", "public_agency", "Direktoratet for eksempelsamarbeid",
       "Directorate for Sample Cooperation", "NO"),
    _e("vennskapsforeningen-ejemplopolis", "voluntary_org", "Vennskapsforeningen Eksempelby–Ejemplópolis",
       "Eksempelby–Ejemplópolis Friendship Society", "NO"),
    _e("vennskapsforeningen-daemibaer", "voluntary_org", "Vennskapsforeningen Eksempelby–Dæmibær",
       "Eksempelby–Dæmibær Friendship Society", "NO"),
    _e("solidaritetsgruppa-przykladowo", "voluntary_org", "Solidaritetsgruppa for Przykładowo",
       "Przykładowo Solidarity Group", "NO"),
    _e("studentfestivalen-eksempelby", "student_org", "Studentfestivalen i Eksempelby",
       "Eksempelby Student Festival", "NO"),
    _e("utvekslingslaget-eksempelby", "student_org", "Utvekslingslaget i Eksempelby",
       "Eksempelby Exchange Club", "NO"),
    _e("eksempelregionens-europakontor", "eu_office", "Eksempelregionens Europakontor",
       "Eksempel Region European Office", "BE"),
    _e("eksempelby-forum", "forum", "Eksempelby internasjonale forum", "Eksempelby International Forum", "NO"),
    _e("demofondet", "funding_programme", "Demofondet for vennskapsbyer", "Demo Fund for Sister Cities"),
    _e("eksempelprogrammet", "funding_programme", "Eksempelprogrammet for nordisk samarbeid",
       "Sample Programme for Nordic Cooperation"),
    _e("eksempelbynettverket", "network", "Nettverket av eksempelbyer", "Network of Sample Cities"),
    # Consulates in Eksempelby and the countries they represent (the countries are real).
    _e("konsulat-portugal", "consulate", "Portugals konsulat i Eksempelby", "Consulate of Portugal in Eksempelby", "NO"),
    _e("konsulat-tyskland", "consulate", "Tysklands konsulat i Eksempelby", "Consulate of Germany in Eksempelby", "NO"),
    _e("portugal", "country", "Portugal", "Portugal", "PT", notes=""),
    _e("tyskland", "country", "Tyskland", "Germany", "DE", notes=""),
    # Sister cities (invented).
    _e("musterstadt", "city", "Musterstadt", "", "DE", 51.2, 9.1),
    _e("ejemplopolis", "city", "Ejemplópolis", "", "ES", 40.1, -3.9),
    _e("daemibaer", "city", "Dæmibær", "", "IS", 64.9, -19.1),
    _e("przykladowo", "city", "Przykładowo", "", "PL", 52.3, 19.4),
    _e("esimerkkila", "city", "Esimerkkilä", "", "FI", 62.4, 25.9),
    _e("exampleville", "city", "Exampleville", "", "US", 39.7, -98.4),
    _e("exempelstad", "city", "Exempelstad", "", "SE", 59.62, 16.53),
    # The same place entered twice under another name, 1.5 km away.
    _e("exempelstaden", "city", "Exempelstaden", "", "SE", 59.6335, 16.53),
    # Other foreign places and institutions (invented).
    _e("beispielheim", "city", "Beispielheim", "", "DE", 50.4, 11.2),
    _e("beispielheim-institut", "university", "Institut für Beispielforschung Beispielheim",
       "Beispielheim Institute of Sample Research", "DE"),
    _e("universitaet-musterstadt", "university", "Universität Musterstadt", "Musterstadt University", "DE"),
    # Entered a second time under its English name.
    _e("musterstadt-university", "university", "Musterstadt University", "", "DE"),
    _e("handelskammer-musterstadt", "business_body", "Handelskammer Musterstadt", "Musterstadt Chamber of Commerce", "DE"),
    _e("exempelstad-hogskola", "university", "Exempelstads högskola", "Exempelstad University College", "SE"),
    _e("voorbeeldstad-studenten", "student_org", "Studentenvereniging Voorbeeldstad",
       "Voorbeeldstad Student Society", "NL"),
]


def _t(from_id: str, to_id: str, kind: str, *, id: str = "", sectors: str = "", start: str = "", end: str = "",
       status: str = "active", carrier: str = "", role: str = "", reciprocity: str = "", goals: str = "",
       indicators: str = "", points: str = "", directed: int = 0) -> dict[str, Any]:
    return {
        "id": id or f"{from_id}--{to_id}", "from_id": from_id, "to_id": to_id, "kind": kind, "directed": directed,
        "sectors": sectors, "start": start, "start_certainty": "sourced" if start else "unknown", "end": end,
        "status": status, "carrier_id": carrier, "municipal_role": role, "reciprocity": reciprocity, "goals": goals,
        "indicators": indicators, "funding": "", "strategy_points": points, "source": SOURCE, "notes": _NOTE,
    }


TIES: list[dict[str, Any]] = [
    # The twinnings themselves.
    _t("eksempelby", "musterstadt", "sister_city", start="1952", role="active", reciprocity="two_way"),
    _t("eksempelby", "ejemplopolis", "sister_city", start="1987", role="active", reciprocity="two_way"),
    _t("eksempelby", "daemibaer", "sister_city", start="1964", role="facilitator", reciprocity="two_way"),
    _t("eksempelby", "przykladowo", "sister_city", start="1991", role="facilitator"),
    _t("eksempelby", "esimerkkila", "sister_city", start="1947", role="none"),
    _t("eksempelby", "exampleville", "sister_city", start="1960"),
    _t("eksempelby", "exempelstad", "sister_city", start="1946", role="facilitator"),
    # Musterstadt: a measurable project, and two more channels.
    _t("eksempelby", "musterstadt", "project", id="eksempelby--musterstadt--klima", sectors="research;business",
       start="2021", carrier="eksempelby", role="active", reciprocity="two_way",
       goals="Halve the emissions of both city centres by 2030 (fictional)",
       indicators="Tonnes CO2 per year; joint pilot projects (fictional)", points="2a"),
    _t("eksempelby-universitet", "universitaet-musterstadt", "partnership", sectors="research;education", start="2019"),
    _t("eksempelby-naeringsforening", "handelskammer-musterstadt", "exchange", sectors="business", start="2020"),
    _t("universitaet-musterstadt", "musterstadt", "located_in", directed=1),
    _t("handelskammer-musterstadt", "musterstadt", "located_in", directed=1),
    # Ejemplópolis: political focus with external funding and a national agency.
    _t("direktoratet-for-eksempelsamarbeid", "ejemplopolis", "project", sectors="health", start="2023",
       goals="Shared health clinic model (fictional)"),
    _t("demofondet", "ejemplopolis", "funding", start="2023", directed=1),
    _t("vennskapsforeningen-ejemplopolis", "ejemplopolis", "exchange", sectors="culture", start="1995",
       reciprocity="two_way"),
    # Dæmibær: two-way voluntary exchange.
    _t("vennskapsforeningen-daemibaer", "daemibaer", "exchange", sectors="youth;culture", start="2010",
       carrier="vennskapsforeningen-daemibaer", role="facilitator", reciprocity="two_way"),
    # Przykładowo: one-way solidarity.
    _t("solidaritetsgruppa-przykladowo", "przykladowo", "partnership", sectors="health", start="2016",
       carrier="solidaritetsgruppa-przykladowo", role="none", reciprocity="one_way"),
    # Esimerkkilä: a school exchange that ended in 2012.
    _t("eksempelby", "esimerkkila", "exchange", id="eksempelby--esimerkkila--skoleutveksling", sectors="education", start="2001", end="2012", status="ended"),
    # Exempelstad: two actors without goals, unaware of each other.
    _t("eksempelby-universitet", "exempelstad-hogskola", "partnership", sectors="education", start="2018"),
    _t("exempelstad-hogskola", "exempelstad", "located_in", directed=1),
    _t("eksempelby-naeringsforening", "exempelstad", "exchange", sectors="business", start="2022"),
    _t("exempelstaden", "eksempelbynettverket", "membership", directed=1),
    _t("eksempelby", "eksempelbynettverket", "membership", directed=1, start="2008"),
    # Beispielheim: the institutions are there, the municipality is not.
    _t("eksempelby-universitet", "beispielheim-institut", "partnership", sectors="research", start="2020"),
    _t("beispielheim-institut", "beispielheim", "located_in", directed=1),
    _t("eksempelby-naeringsforening", "beispielheim", "exchange", sectors="business", start="2021"),
    # The student festival: the only way to its partners abroad.
    _t("studentfestivalen-eksempelby", "voorbeeldstad-studenten", "exchange", sectors="youth", start="2015"),
    _t("studentfestivalen-eksempelby", "musterstadt-university", "exchange", sectors="youth", start="2017"),
    # The forum and its members (strategy 1f).
    _t("eksempelby", "eksempelby-forum", "forum_member", directed=1, points="1f"),
    _t("eksempelby-universitet", "eksempelby-forum", "forum_member", directed=1, points="1f"),
    _t("eksempelby-naeringsforening", "eksempelby-forum", "forum_member", directed=1, points="1f"),
    _t("eksempel-fylkeskommune", "eksempelby-forum", "forum_member", directed=1, points="1f"),
    _t("studentfestivalen-eksempelby", "eksempelby-forum", "forum_member", directed=1, points="1f"),
    _t("konsulat-tyskland", "eksempelby-forum", "forum_member", directed=1, points="1f;4e"),
    _t("eksempelregionens-europakontor", "eksempelby-forum", "forum_member", directed=1, points="1f"),
    _t("eksempelby", "eksempelregionens-europakontor", "membership", directed=1, start="2006"),
    # Consulates.
    _t("konsulat-portugal", "portugal", "consular", directed=1, points="4e"),
    _t("konsulat-portugal", "eksempelby", "located_in", directed=1),
    _t("konsulat-tyskland", "tyskland", "consular", directed=1, points="4e"),
    _t("konsulat-tyskland", "eksempelby", "located_in", directed=1),
]

DECISIONS: list[dict[str, Any]] = [
    {"id": 1, "tie_id": "eksempelby--esimerkkila", "category": "project", "decided_on": "2005-03-10",
     "decided_by": "Bystyret (fiktivt)", "case_ref": "2005/0017 (fiktiv)",
     "reason": "School exchange with agreed goals (fictional)", "source": SOURCE},
    {"id": 2, "tie_id": "eksempelby--ejemplopolis", "category": "solidarity", "decided_on": "2015-06-18",
     "decided_by": "Bystyret (fiktivt)", "case_ref": "2015/0102 (fiktiv)",
     "reason": "Carried by the friendship society (fictional)", "source": SOURCE},
    {"id": 3, "tie_id": "eksempelby--przykladowo", "category": "solidarity", "decided_on": "2018-02-01",
     "decided_by": "Bystyret (fiktivt)", "case_ref": "2018/0009 (fiktiv)",
     "reason": "Solidarity work by the solidarity group (fictional)", "source": SOURCE},
    {"id": 4, "tie_id": "eksempelby--musterstadt", "category": "project", "decided_on": "2022-09-22",
     "decided_by": "Bystyret (fiktivt)", "case_ref": "2022/0155 (fiktiv)",
     "reason": "Climate project agreement with goals and indicators (fictional)", "source": SOURCE},
    {"id": 5, "tie_id": "eksempelby--ejemplopolis", "category": "political_focus", "decided_on": "2023-04-27",
     "decided_by": "Bystyret (fiktivt)", "case_ref": "2023/0042 (fiktiv)",
     "reason": "Named a focus area together with the national directorate (fictional)", "source": SOURCE},
]

PLAN_LINES: list[dict[str, Any]] = [
    {"id": 1, "tie_id": "eksempelby--ejemplopolis", "year": 2025, "amount": 150_000, "funder": "municipal",
     "funder_id": "", "purpose": "Culture exchange (fictional)", "source": SOURCE},
    {"id": 2, "tie_id": "eksempelby--ejemplopolis", "year": 2025, "amount": 300_000, "funder": "Demofondet",
     "funder_id": "demofondet", "purpose": "Health clinic project (fictional)", "source": SOURCE},
    {"id": 3, "tie_id": "eksempelby--ejemplopolis", "year": 2026, "amount": 250_000, "funder": "Demofondet",
     "funder_id": "demofondet", "purpose": "Health clinic project (fictional)", "source": SOURCE},
    {"id": 4, "tie_id": "eksempelby--musterstadt", "year": 2026, "amount": 100_000, "funder": "municipal",
     "funder_id": "", "purpose": "Climate project meetings (fictional)", "source": SOURCE},
]

#: The registry's settings: the demo is reviewed for Eksempelby.
SETTINGS: list[dict[str, Any]] = [{"key": "home_id", "value": HOME}]

#: A fictional strategy counts five consulates in Eksempelby; two are registered (a documentation gap).
DECLARED_TOTALS: list[dict[str, Any]] = [
    {"id": "eksempelby-consulates", "entity_id": HOME, "measure": "consulates", "total": 5, "as_of": "2020",
     "source": SOURCE},
]

_ROWS = {"entities": ENTITIES, "ties": TIES, "decisions": DECISIONS, "plan_lines": PLAN_LINES, "settings": SETTINGS,
         "declared_totals": DECLARED_TOTALS}

# fmt: on


def _csv(table: str) -> bytes:
    t = next(t for t in DATA_TABLES if t.name == table)
    header = [c.name for c in t.columns if c.name not in ("version", "updated_at", "updated_by")]
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(header)
    w.writerows(["" if r.get(c) is None else r.get(c, "") for c in header] for r in _ROWS[table])
    return buf.getvalue().encode("utf-8")


def load(conn: sqlite3.Connection, actor: str = ACTOR) -> ImportReport:
    """Load the demo rows into ``conn`` through the ordinary import (validated, audited); return the report."""
    return import_texts(conn, [(f"demo-{t}.csv", _csv(t)) for t in _ROWS], actor=actor)


def build(path: str | Path) -> Path:
    """Write a fresh demo registry to ``path`` (replacing any file there); return the path."""
    target = Path(path)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    conn = connect(target)
    try:
        load(conn)
    finally:
        conn.close()
    return target


def is_demo(conn: sqlite3.Connection) -> bool:
    """Return True when the registry holds demo rows (so a view can label itself fictional)."""
    return conn.execute("SELECT EXISTS (SELECT 1 FROM entities WHERE source = ?)", (SOURCE,)).fetchone()[0] == 1


if __name__ == "__main__":  # pragma: no cover - a convenience for people
    if len(sys.argv) != 2:
        print("usage: python -m registry.io.demo PATH", file=sys.stderr)
        raise SystemExit(2)
    print(build(sys.argv[1]))
