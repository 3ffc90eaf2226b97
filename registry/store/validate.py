"""Checking and converting one row of input for a table, before anything is written."""

from __future__ import annotations

import functools
import math
import re
import sqlite3
from collections.abc import Mapping
from typing import Any, NamedTuple

import pycountry

from .. import dates
from ..errors import Problem
from ..message import Message
from ..thresholds import threshold
from .schema import TABLES, Table

__all__ = [
    "BUDGET_YEARS",
    "MAX_FIELD_CHARS",
    "ID_PATTERN",
    "CONTROL_GLOB",
    "Vocabularies",
    "load_vocabularies",
    "clean_row",
    "control_problem",
    "garbled",
]

#: The years a budget line may be for, first and last; the forms offer the same range.
BUDGET_YEARS: tuple[int, int] = (int(threshold("budget_year_min")), int(threshold("budget_year_max")))

#: Longest text accepted in one cell; longer input is refused, never cut.
MAX_FIELD_CHARS = 10_000
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,199}$")
_WIKIDATA = re.compile(r"^Q[1-9][0-9]*$")
# Codes in use that ISO has not assigned (Kosovo).
_EXTRA_COUNTRIES = {"XK"}
_TRUE = {"1", "true", "yes", "ja"}
_FALSE = {"0", "false", "no", "nei", ""}
# Line breaks that are not "\n": Word's manual line break is a vertical tab, its page break a form
# feed, NEL is EBCDIC's newline. Every text column may hold "\n", so they become one.
_LINE_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n", "\x85": "\n"})
# What XML 1.0 (GraphML, GEXF) cannot hold and no person typed on purpose: C0 controls but tab,
# newline and carriage return; DEL and the C1 controls; lone surrogates; U+FFFE and U+FFFF.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
# The same and the line breaks above: what a stored value must not hold (for check).
_CONTROL_OR_BREAK = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# UTF-8 read as Windows-1252: the lead byte of a letter (Ã for à-ÿ, so ø is "Ã¸"; Â, Ä, Å) or of
# punctuation ("â€" for – and ’), then a continuation byte. Â and Ã also before a no-break space.
_CONT = bytes(range(0x80, 0xC0)).decode("cp1252", errors="ignore").replace("\xa0", "")
_MOJIBAKE = re.compile(f"[ÂÃ][\xa0{_CONT}]|[ÄÅ][{_CONT}]|â[€‚„][{_CONT}]")
#: A GLOB pattern matching text that holds a character import refuses or rewrites (for ``check``).
CONTROL_GLOB = "*[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]*"

Vocabularies = dict[str, set[str]]


def load_vocabularies(conn: sqlite3.Connection) -> Vocabularies:
    """Return each vocabulary table's set of codes, as this registry has them."""
    names = {c.vocabulary for t in TABLES.values() for c in t.columns if c.vocabulary}
    return {n: {r[0] for r in conn.execute(f"SELECT code FROM [{n}]")} for n in sorted(names)}


@functools.cache
def _country_ok(code: str) -> bool:
    # Cached: a pycountry lookup per row was a visible share of a 100k-row import.
    return code in _EXTRA_COUNTRIES or pycountry.countries.get(alpha_2=code) is not None


@functools.cache
def _currency_ok(code: str) -> bool:
    return len(code) == 3 and code.isupper() and pycountry.currencies.get(alpha_3=code) is not None


class _Plan(NamedTuple):
    """What clean_row does with each column of one table, worked out once per table."""

    # (name, required, type) for every column the input may set; the tracking columns are left out.
    read: tuple[tuple[str, bool, str], ...]
    # (name, is 'directed', vocabulary, multi, date) for every column with a value check, in table order.
    checks: tuple[tuple[str, bool, str | None, bool, bool], ...]


_PLANS: dict[int, tuple[Table, _Plan]] = {}
_MISSING = object()


def _plan(t: Table) -> _Plan:
    hit = _PLANS.get(id(t))
    if hit is not None and hit[0] is t:
        return hit[1]
    read = tuple(
        (c.name, c.required and not (t.id_generated and c.name == t.pk), c.type)
        for c in t.columns
        if c.name not in ("version", "updated_at", "updated_by")
    )
    checks = tuple(
        (c.name, c.name == "directed", c.vocabulary, c.multi, c.date) for c in t.columns if c.name == "directed" or c.vocabulary or c.date
    )
    plan = _Plan(read, checks)
    _PLANS[id(t)] = (t, plan)
    return plan


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

    def bad(column: str, what: str | Message, /, **params: Any) -> None:
        # ``what`` is a problem's code (its templates in registry.i18n.problems) or a message made elsewhere.
        message = what if isinstance(what, Message) else Message(f"problem.{what}", params)
        problems.append(Problem(file, row, column, message))

    # This loop runs once per cell of an import: the per-table plan keeps it to dict and string work.
    for name, required, type_ in _plan(t).read:
        value = raw.get(name, _MISSING)
        if value is _MISSING:
            if required:
                bad(name, "column_missing")
            continue
        if isinstance(value, str) and value:
            value = value.strip()
            if len(value) > MAX_FIELD_CHARS:
                bad(name, "too_long", n=len(value), limit=MAX_FIELD_CHARS)
                continue
            # isprintable() is False for every character below, and for little else in real text
            # (newline, tab, some spaces): the common cell costs one C call.
            if not value.isprintable():
                value = value.translate(_LINE_BREAKS).strip()
                reason = control_problem(value)
                if reason:
                    bad(name, reason)
                    continue
            if not value.isascii():  # a flag on the string: free for the many ASCII cells
                seq = garbled(value)
                if seq:
                    bad(name, "garbled", seq=seq, meant=_meant(seq))
                    continue
        if value is None or value == "":
            if required:
                bad(name, "required_empty")
            out[name] = None
            continue
        if type_ == "TEXT":
            out[name] = value
            continue
        if type_ == "INTEGER" and name != "directed":
            try:
                if isinstance(value, float) and not value.is_integer():
                    raise ValueError
                value = int(value)
            except (TypeError, ValueError):
                bad(name, "not_whole", value=value)
                continue
            if not -(2**63) <= value < 2**63:
                # SQLite stores 64-bit integers; a larger one would raise OverflowError on write.
                bad(name, "too_large", value=value, limit=2**63 - 1)
                continue
        elif type_ == "REAL":
            try:
                value = float(value)
            except (TypeError, ValueError):
                bad(name, "not_number", value=value)
                continue
            if not math.isfinite(value):
                bad(name, "not_finite", value=value)
                continue
        out[name] = value

    _check_values(t, out, vocabularies, bad)
    return out, problems


def control_problem(text: str, *, breaks: bool = False) -> Message | None:
    r"""Return why ``text`` cannot be stored (a control character, named by code point) as a message, or None.

    Vertical tab, form feed and NEL are named only with ``breaks``: ``clean_row`` turns
    them into newlines, so only a value written past it can hold one.

    >>> from registry.i18n import render
    >>> render(control_problem("Tromsø\x1b[31m"), "en"), control_problem("two\nlines")
    ('contains the control character U+001B (ESC) at character 7; remove it', None)
    """
    m = (_CONTROL_OR_BREAK if breaks else _CONTROL).search(text)
    if m is None:
        return None
    if m.group() == "\x00":
        return Message("problem.nul")
    code = ord(m.group())
    what = "control" if code < 0xD800 else "surrogate" if code < 0xE000 else "noncharacter"
    label = f" ({_NAMES[code]})" if code in _NAMES else ""
    return Message(f"problem.{what}", {"char": f"U+{code:04X}{label}", "at": m.start() + 1})


def garbled(text: str) -> str | None:
    """Return the first piece of ``text`` that looks like UTF-8 read as Windows-1252 ('Ã¸' for 'ø'), or None.

    >>> garbled("TromsÃ¸"), garbled("Å i Lofoten, «CAFÉ», SÃO PAULO")
    ('Ã¸', None)
    """
    m = _MOJIBAKE.search(text)
    return m.group() if m else None


def _meant(seq: str) -> str:
    return seq.encode("cp1252").decode("utf-8", errors="replace")


_NAMES = {0x07: "BEL", 0x08: "BS", 0x0B: "vertical tab", 0x0C: "form feed", 0x1B: "ESC", 0x7F: "DEL", 0x85: "NEL"}


def _check_values(t: Table, out: dict[str, Any], vocabularies: Vocabularies, bad) -> None:
    for name, directed, vocabulary, multi, is_date in _plan(t).checks:
        value = out.get(name)
        if value is None:
            if directed and "directed" in out:
                out["directed"] = 0
            continue
        if directed:
            text = str(value).strip().lower()
            if text in _TRUE:
                out["directed"] = 1
            elif text in _FALSE:
                out["directed"] = 0
            else:
                bad(name, "not_flag", value=value)
            continue
        if vocabulary:
            codes = [c.strip() for c in str(value).split(";")] if multi else [str(value)]
            known = vocabularies.get(vocabulary, set())
            for code in codes:
                if code not in known and vocabulary == "strategy_points":
                    # Forty codes would drown the message; the vocabulary is the strategy's own list.
                    bad(name, "not_strategy_point", code=code, examples="1i, 2a, 4e, m1")
                elif code not in known:
                    bad(name, "unknown_code", code=code, known=", ".join(sorted(known)))
            if multi:
                out[name] = ";".join(c for c in codes if c)
        if is_date:
            try:
                dates.parse_partial(str(value))
            except dates.PartialDateError as exc:
                bad(name, exc.message)
    if t.pk in out and out[t.pk] is not None and not t.id_generated:
        if not ID_PATTERN.match(str(out[t.pk])):
            bad(t.pk, "bad_id", value=out[t.pk], limit=200)
    cc = out.get("country_code")
    if cc is not None:
        if not (isinstance(cc, str) and len(cc) == 2 and cc.isupper() and _country_ok(cc)):
            bad("country_code", "bad_country", value=cc)
    if out.get("lat") is not None and not -90 <= out["lat"] <= 90:
        bad("lat", "outside", value=out["lat"], low=-90, high=90)
    if out.get("lon") is not None and not -180 <= out["lon"] <= 180:
        bad("lon", "outside", value=out["lon"], low=-180, high=180)
    if out.get("wikidata_id") is not None and not _WIKIDATA.match(str(out["wikidata_id"])):
        bad("wikidata_id", "bad_wikidata_id", value=out["wikidata_id"], example="Q1234")
    start, end = out.get("start"), out.get("end")
    if start and end and dates.is_partial_date(start) and dates.is_partial_date(end):
        if dates.latest(end) < dates.earliest(start):
            bad("end", "ends_before_start", end=end, start=start)
    if t.name == "ties" and out.get("from_id") and out.get("from_id") == out.get("to_id"):
        bad("to_id", "tie_to_itself")
    if t.name == "plan_lines":
        if out.get("amount") is not None and out["amount"] < 0:
            bad("amount", "negative")
        # A budget year: 99999 was taken (issue 18) while this check sat where it never ran.
        if out.get("year") is not None and not BUDGET_YEARS[0] <= out["year"] <= BUDGET_YEARS[1]:
            bad("year", "implausible_year", value=out["year"])
        if out.get("tie_id") is None and out.get("activity_id") is None and out.get("action_id") is None:
            bad("tie_id", "budget_target")
        cur = out.get("currency")
        if cur is not None and not _currency_ok(str(cur)):
            bad("currency", "bad_currency", value=cur, example="NOK or EUR")
    if t.name == "decisions" and out.get("kind") in (None, "category") and "decided_on" in out:
        for col in ("tie_id", "category"):
            if out.get(col) is None:
                bad(col, "category_decision")
    if t.name == "decisions" and out.get("kind") in ("enter_twinning", "end_twinning") and out.get("tie_id") is None:
        bad("tie_id", "twinning_decision")
    if t.name in ("activities", "agreements", "plan_actions"):
        first, last = {
            "activities": ("start", "end"),
            "agreements": ("signed_on", "ended_on"),
            "plan_actions": ("period_start", "period_end"),
        }[t.name]
        a, b = out.get(first), out.get(last)
        if a and b and dates.is_partial_date(a) and dates.is_partial_date(b) and dates.latest(b) < dates.earliest(a):
            bad(last, "ends_before_start", end=b, start=a)
    if t.name == "entities":
        a, b = out.get("founded"), out.get("dissolved")
        if a and b and dates.is_partial_date(a) and dates.is_partial_date(b) and dates.latest(b) < dates.earliest(a):
            bad("dissolved", "dissolved_before_founded", end=b, start=a)
        if out.get("successor_id") is not None and out.get("successor_id") == out.get("id"):
            bad("successor_id", "succeeds_itself")
    if t.name == "declared_totals" and out.get("total") is not None and out["total"] < 0:
        bad("total", "negative")
