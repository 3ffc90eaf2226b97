"""Turning a Wikidata twin-town query export (P190 with P580/P582) into registry rows.

The query, to run at the Wikidata Query Service and download as CSV::

    SELECT ?city ?cityLabel ?cityCountryCode ?twin ?twinLabel ?twinCountryCode ?start ?end WHERE {
      VALUES ?city { wd:Q25804 }            # Trondheim; put any municipality's item here
      ?city p:P190 ?st . ?st ps:P190 ?twin .
      OPTIONAL { ?st pq:P580 ?start . }
      OPTIONAL { ?st pq:P582 ?end . }
      OPTIONAL { ?city wdt:P17 ?cc . ?cc wdt:P297 ?cityCountryCode . }
      OPTIONAL { ?twin wdt:P17 ?country . ?country wdt:P297 ?twinCountryCode . }
      SERVICE wikibase:label { bd:serviceParam wikibase:language "nb,en". }
    }

The exported city gets its country from ``cityCountryCode`` (an export made with the
older query, without that column, leaves it unrecorded): with its country, the city is
another municipality of that country, and ``--home`` reviews it within its own network.
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from ...dates import PartialDateError
from ...errors import Problem
from ...message import Message
from ...store.validate import Vocabularies, clean_row
from .csvfile import CsvFile, width_reason
from .headers import WIKIDATA_COLUMNS
from .slugs import slugify

__all__ = ["QUERY_COLUMNS", "plan", "wikidata_date", "item_id"]

QUERY_COLUMNS = WIKIDATA_COLUMNS
_IRI = re.compile(r"^https?://www\.wikidata\.org/entity/(Q[1-9][0-9]*)$")
# Words that name the municipality rather than the place ("Trondheim kommune" is Trondheim).
_MUNICIPAL_WORDS = re.compile(r"\s+(kommune|kommun|municipality|city council|stadt)$", re.IGNORECASE)
_DATE = re.compile(r"^\+?(\d{4})-(\d{2})-(\d{2})T00:00:00Z$")


def item_id(value: str) -> str | None:
    """Return the Q-id in an entity IRI (or a bare Q-id), or None."""
    value = value.strip()
    m = _IRI.match(value)
    if m:
        return m.group(1)
    return value if re.fullmatch(r"Q[1-9][0-9]*", value) else None


def wikidata_date(value: str) -> str | None:
    """Return a partial date for a Wikidata time; ``1968-01-01T00:00:00Z`` -> ``1968``.

    The CSV export drops the precision, and Wikidata stores a year-precision date
    as 1 January, so 1 January is read as "that year".
    """
    if not value.strip():
        return None
    m = _DATE.match(value.strip())
    if not m:
        raise PartialDateError(Message("problem.not_wikidata_date", {"value": value, "example": "1968-10-05T00:00:00Z"}))
    y, mo, d = m.groups()
    return y if (mo, d) == ("01", "01") else f"{y}-{mo}-{d}"


def _name_key(name: str | None) -> str:
    return _MUNICIPAL_WORDS.sub("", name.strip()).casefold() if name else ""


class _Entities:
    """Entity ids by Q-id and by name, from the registry and from this import."""

    def __init__(self, conn: sqlite3.Connection):
        self.by_q: dict[str, str] = {}
        self.by_name: dict[str, list[str]] = {}
        self.ids: set[str] = set()
        for eid, name, name_en, q, kind in conn.execute("SELECT id, name, name_en, wikidata_id, kind FROM entities"):
            self.ids.add(eid)
            if q:
                self.by_q[q] = eid
            elif kind in ("municipality", "city"):
                for n in {_name_key(name), _name_key(name_en)} - {""}:
                    self.by_name.setdefault(n, []).append(eid)

    def resolve(self, q: str, label: str) -> tuple[str, bool]:
        """Return (entity id, is_new) for item ``q`` labelled ``label``."""
        if q in self.by_q:
            return self.by_q[q], False
        named = self.by_name.get(_name_key(label), [])
        if len(named) == 1:
            # An entity entered by hand under the same name: merge and remember the Q-id.
            self.by_q[q] = named[0]
            self.by_name.pop(_name_key(label))
            return named[0], False
        base = slugify(label) if label and not item_id(label) else q.lower()
        eid = base if base not in self.ids else f"{base}-{q.lower()}"
        self.ids.add(eid)
        self.by_q[q] = eid
        return eid, True


def plan(conn: sqlite3.Connection, f: CsvFile, vocabularies: Vocabularies) -> tuple[dict[str, list[dict[str, Any]]], list[Problem]]:
    """Return ``({"entities": rows, "ties": rows}, problems)`` for a Wikidata export.

    Entities are matched by Q-id first, then by name; twinning ties are matched by
    the pair of entities in either direction, so a second import changes nothing.
    """
    problems = [Problem.of(f.name, 1, c, "header_missing") for c in ("city", "cityLabel", "twin", "twinLabel") if c not in f.header]
    if problems:
        return {}, problems
    known = _Entities(conn)
    existing_pairs = {
        frozenset((a, b)): (tid, start, end)
        for tid, a, b, start, end in conn.execute("SELECT id, from_id, to_id, start, [end] FROM ties WHERE kind = 'sister_city'")
    }
    entities: dict[str, dict[str, Any]] = {}
    ties: dict[str, dict[str, Any]] = {}
    for raw in f.rows:
        n = int(raw["__row__"])
        if "__width__" in raw:
            problems.append(Problem(f.name, n, "", width_reason(raw, len(f.header))))
            continue
        qs = {}
        for col in ("city", "twin"):
            q = item_id(raw.get(col, ""))
            if q is None:
                problems.append(Problem.of(f.name, n, col, "not_wikidata_iri", value=raw.get(col)))
            qs[col] = q
        try:
            start = wikidata_date(raw.get("start", ""))
            end = wikidata_date(raw.get("end", ""))
        except PartialDateError as exc:
            problems.append(Problem(f.name, n, "start/end", exc.message))
            continue
        found = {c: q for c, q in qs.items() if q is not None}
        if len(found) < len(qs):
            continue
        ids = {}
        for col in ("city", "twin"):
            q = found[col]
            label = raw.get(f"{col}Label", "").strip() or q
            eid, new = known.resolve(q, label)
            ids[col] = eid
            if new and eid not in entities:
                cc = raw.get(f"{col}CountryCode", "").strip().upper()
                # The exported place is the municipality whose twin towns these are: it can be a
                # registry's home (review it with --home), its twins are cities abroad.
                kind = "municipality" if col == "city" else "city"
                entity, row_problems = clean_row(
                    "entities",
                    {
                        "id": eid,
                        "kind": kind,
                        "name": label,
                        "country_code": cc,
                        "wikidata_id": q,
                        "source": f"https://www.wikidata.org/wiki/{q}",
                    },
                    vocabularies,
                    file=f.name,
                    row=n,
                )
                problems += row_problems
                entity["__row__"] = n
                entities[eid] = entity
            elif not new and known.ids and eid in known.ids and eid not in entities:
                cc = raw.get(f"{col}CountryCode", "").strip().upper() if col == "city" else ""
                entities.setdefault(
                    f"__q__{eid}", {"id": eid, "wikidata_id": q, "country_code": cc or None, "__row__": n, "__merge__": True}
                )
        pair = frozenset((ids["city"], ids["twin"]))
        if pair in existing_pairs or any(frozenset((t["from_id"], t["to_id"])) == pair for t in ties.values()):
            continue
        tie, row_problems = clean_row(
            "ties",
            {
                "id": f"{ids['city']}--{ids['twin']}",
                "from_id": ids["city"],
                "to_id": ids["twin"],
                "kind": "sister_city",
                "directed": "0",
                "start": start or "",
                "end": end or "",
                "start_certainty": "sourced" if start else "unknown",
                "status": "ended" if end else "active",
                "source": f"https://www.wikidata.org/wiki/{qs['city']}#P190",
            },
            vocabularies,
            file=f.name,
            row=n,
        )
        problems += row_problems
        tie["__row__"] = n
        ties[tie["id"]] = tie
    rows = [e for k, e in entities.items() if not k.startswith("__q__")]
    merges = [e for k, e in entities.items() if k.startswith("__q__")]
    return {"entities": rows + _merged(conn, merges), "ties": list(ties.values())}, problems


def _merged(conn: sqlite3.Connection, merges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    # Existing entities matched by name gain their Q-id; the rest of the row stays.
    out = []
    for m in merges:
        cur = conn.execute("SELECT * FROM entities WHERE id = ?", (m["id"],))
        names = [d[0] for d in cur.description]
        stored = dict(zip(names, cur.fetchone()))
        # The exported city gains its country when the registry has none for it; a recorded one stays.
        country = m.get("country_code") if not stored.get("country_code") else None
        if stored.get("wikidata_id") == m["wikidata_id"] and not country:
            continue
        row = {k: v for k, v in stored.items() if k not in ("version", "updated_at", "updated_by")}
        row["wikidata_id"] = m["wikidata_id"]
        if country:
            row["country_code"] = country
        row["__row__"] = m["__row__"]
        out.append(row)
    return out
