"""Checking and converting one row of input for a table, before anything is written."""

from __future__ import annotations

import re
import sqlite3
from typing import Any, Mapping

import pycountry

from . import dates
from .errors import Problem
from .schema import TABLES, Table

__all__ = ["MAX_FIELD_CHARS", "ID_PATTERN", "Vocabularies", "load_vocabularies", "clean_row"]

#: Longest text accepted in one cell; longer input is refused, never cut.
MAX_FIELD_CHARS = 10_000
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,199}$")
_WIKIDATA = re.compile(r"^Q[1-9][0-9]*$")
_POINT = re.compile(r"^[1-4][a-h]?$")
# Codes in use that ISO has not assigned (Kosovo).
_EXTRA_COUNTRIES = {"XK"}
_TRUE = {"1", "true", "yes", "ja"}
_FALSE = {"0", "false", "no", "nei", ""}

Vocabularies = dict[str, set[str]]


def load_vocabularies(conn: sqlite3.Connection) -> Vocabularies:
    """Return each vocabulary table's set of codes, as this registry has them."""
    names = {c.vocabulary for t in TABLES.values() for c in t.columns if c.vocabulary}
    return {n: {r[0] for r in conn.execute(f"SELECT code FROM [{n}]")} for n in sorted(names)}


def _country_ok(code: str) -> bool:
    return code in _EXTRA_COUNTRIES or pycountry.countries.get(alpha_2=code) is not None


def clean_row(
    table: Table | str, raw: Mapping[str, Any], vocabularies: Vocabularies, *, file: str = "", row: int = 0
) -> tuple[dict[str, Any], list[Problem]]:
    """Return ``(row, problems)``: the row with typed values (None for empty), and what is wrong.

    Only columns of the table are kept; tracking columns (version, updated_*) are
    dropped because the store sets them. References to other rows are not checked
    here: they depend on the rest of the batch (see ``ingest``).
    """
    t = TABLES[table] if isinstance(table, str) else table
    out: dict[str, Any] = {}
    problems: list[Problem] = []

    def bad(column: str, reason: str) -> None:
        problems.append(Problem(file, row, column, reason))

    for col in t.columns:
        if col.name in ("version", "updated_at", "updated_by"):
            continue
        if col.name not in raw:
            if col.required and not (t.id_generated and col.name == t.pk):
                bad(col.name, "required column is missing")
            continue
        value = raw[col.name]
        if isinstance(value, str):
            value = value.strip()
            if len(value) > MAX_FIELD_CHARS:
                bad(col.name, f"text is {len(value)} characters; the limit is {MAX_FIELD_CHARS}")
                continue
            if "\x00" in value:
                bad(col.name, "contains a NUL character")
                continue
        if value is None or value == "":
            if col.required and not (t.id_generated and col.name == t.pk):
                bad(col.name, "is required and empty")
            out[col.name] = None
            continue
        if col.type == "INTEGER" and col.name != "directed":
            try:
                if isinstance(value, float) and not value.is_integer():
                    raise ValueError
                value = int(value)
            except (TypeError, ValueError):
                bad(col.name, f"{value!r} is not a whole number")
                continue
        elif col.type == "REAL":
            try:
                value = float(value)
            except (TypeError, ValueError):
                bad(col.name, f"{value!r} is not a number")
                continue
            if value != value or value in (float("inf"), float("-inf")):
                bad(col.name, f"{value!r} is not a finite number")
                continue
        out[col.name] = value

    _check_values(t, out, vocabularies, bad)
    return out, problems


def _check_values(t: Table, out: dict[str, Any], vocabularies: Vocabularies, bad) -> None:  # type: ignore[no-untyped-def]
    for col in t.columns:
        value = out.get(col.name)
        if value is None:
            if col.name == "directed" and "directed" in out:
                out["directed"] = 0
            continue
        if col.name == "directed":
            text = str(value).strip().lower()
            if text in _TRUE:
                out["directed"] = 1
            elif text in _FALSE:
                out["directed"] = 0
            else:
                bad(col.name, f"{value!r} is not 0 or 1")
            continue
        if col.vocabulary:
            codes = [c.strip() for c in str(value).split(";")] if col.multi else [str(value)]
            known = vocabularies.get(col.vocabulary, set())
            for code in codes:
                if code not in known:
                    bad(col.name, f"unknown code {code!r}; expected one of {', '.join(sorted(known))}")
            if col.multi:
                out[col.name] = ";".join(c for c in codes if c)
        if col.date:
            try:
                dates.parse_partial(str(value))
            except dates.PartialDateError as exc:
                bad(col.name, str(exc))
    if t.pk in out and out[t.pk] is not None and not t.id_generated:
        if not ID_PATTERN.match(str(out[t.pk])):
            bad(t.pk, f"{out[t.pk]!r} is not a valid id: use lower-case a-z, 0-9, '-', '_' or '.', at most 200")
    cc = out.get("country_code")
    if cc is not None:
        if not (isinstance(cc, str) and len(cc) == 2 and cc.isupper() and _country_ok(cc)):
            bad("country_code", f"{cc!r} is not an ISO 3166-1 alpha-2 code")
    if out.get("lat") is not None and not -90 <= out["lat"] <= 90:
        bad("lat", f"{out['lat']} is outside -90..90")
    if out.get("lon") is not None and not -180 <= out["lon"] <= 180:
        bad("lon", f"{out['lon']} is outside -180..180")
    if out.get("wikidata_id") is not None and not _WIKIDATA.match(str(out["wikidata_id"])):
        bad("wikidata_id", f"{out['wikidata_id']!r} is not a Wikidata id like Q1234")
    if out.get("strategy_points"):
        points = [p.strip() for p in str(out["strategy_points"]).split(";")]
        for p in points:
            if not _POINT.match(p):
                bad("strategy_points", f"{p!r} is not a strategy point like 2a")
        out["strategy_points"] = ";".join(points)
    start, end = out.get("start"), out.get("end")
    if start and end and dates.is_partial_date(start) and dates.is_partial_date(end):
        if dates.latest(end) < dates.earliest(start):
            bad("end", f"ends ({end}) before it starts ({start})")
    if t.name == "ties" and out.get("from_id") and out.get("from_id") == out.get("to_id"):
        bad("to_id", "a tie cannot join an entity to itself")
    if t.name == "plan_lines":
        if out.get("amount_nok") is not None and out["amount_nok"] < 0:
            bad("amount_nok", "must not be negative")
        if out.get("year") is not None and not 1900 <= out["year"] <= 2200:
            bad("year", f"{out['year']} is not a plausible year")
