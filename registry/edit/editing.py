"""What the registry page needs besides the store: facet filters, readable tie lists, form fields, change text.

Validation is not here: forms hand their values to :mod:`registry.store.writes`, which
checks and audits every write.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from .. import cells, i18n, vocab
from ..io.ingest import slugify
from ..store.schema import TABLES, Column

__all__ = ["TRACKING", "form_columns", "filter_entities", "ties_view", "filter_ties", "changed_values", "describe_change", "suggest_id"]

TRACKING = ("version", "updated_at", "updated_by")


def form_columns(table: str) -> list[Column]:
    """Return the columns an editor fills in for ``table``, in schema order (no tracking columns)."""
    return [c for c in TABLES[table].columns if c.name not in TRACKING]


def _contains(frame: pd.DataFrame, columns: Iterable[str], text: str) -> pd.Series:
    needle = text.strip().casefold()
    hay = frame[list(columns)].fillna("").astype(str).agg(" ".join, axis=1).str.casefold()
    return hay.str.contains(needle, regex=False)


def filter_entities(entities: pd.DataFrame, kinds: Iterable[str] = (), countries: Iterable[str] = (), text: str = "") -> pd.DataFrame:
    """Return the entities of the given kinds and countries whose id, names or notes contain ``text``.

    Empty selections mean 'all'; the text match ignores case.

    >>> df = pd.DataFrame({"id": ["a", "b"], "kind": ["city", "country"], "name": ["Graz", "Østerrike"],
    ...                    "name_en": [None, "Austria"], "country_code": ["AT", "AT"], "notes": [None, None]})
    >>> filter_entities(df, text="austria")["id"].tolist()
    ['b']
    """
    keep = pd.Series(True, index=entities.index)
    kinds, countries = set(kinds), set(countries)
    if kinds:
        keep &= entities["kind"].isin(kinds)
    if countries:
        keep &= entities["country_code"].isin(countries)
    if text.strip():
        keep &= _contains(entities, ["id", "name", "name_en", "notes"], text)
    return entities[keep].reset_index(drop=True)


def ties_view(ties: pd.DataFrame, entities: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return ``ties`` with ``from_name``, ``to_name``, ``kind_label`` and ``country_codes`` (of both ends) added."""
    name = {r.id: (r.name_en if lang == "en" and isinstance(r.name_en, str) and r.name_en else r.name) for r in entities.itertuples()}
    cc = dict(zip(entities["id"], entities["country_code"]))
    out = ties.copy()
    out["from_name"] = [name.get(i, i) for i in ties["from_id"]]
    out["to_name"] = [name.get(i, i) for i in ties["to_id"]]
    out["kind_label"] = [vocab.label("tie_kinds", k, lang) for k in ties["kind"]]
    out["country_codes"] = [
        ";".join(sorted({c for c in (cc.get(a), cc.get(b)) if isinstance(c, str)})) for a, b in zip(ties["from_id"], ties["to_id"])
    ]
    return out


def filter_ties(
    ties: pd.DataFrame,
    kinds: Iterable[str] = (),
    sectors: Iterable[str] = (),
    countries: Iterable[str] = (),
    statuses: Iterable[str] = (),
    text: str = "",
) -> pd.DataFrame:
    """Return the ties (as from :func:`ties_view`) passing every facet; empty selections mean 'all'.

    A tie passes ``sectors`` when it has any of them, and ``countries`` when either end is in one.
    """
    keep = pd.Series(True, index=ties.index)
    kinds, sectors, countries, statuses = set(kinds), set(sectors), set(countries), set(statuses)
    if kinds:
        keep &= ties["kind"].isin(kinds)
    if statuses:
        keep &= ties["status"].isin(statuses)
    if sectors:
        keep &= ties["sectors"].fillna("").map(lambda s: bool(sectors & set(s.split(";"))))
    if countries:
        keep &= ties["country_codes"].fillna("").map(lambda s: bool(countries & set(s.split(";"))))
    if text.strip():
        keep &= _contains(ties, ["id", "from_name", "to_name", "goals", "notes", "source"], text)
    return ties[keep].reset_index(drop=True)


def _norm(value: Any) -> Any:
    if cells.missing(value):
        return None
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def changed_values(before: Mapping[str, Any], values: Mapping[str, Any]) -> dict[str, Any]:
    """Return the entries of ``values`` that differ from ``before`` (empty text counts as empty).

    >>> changed_values({"name": "Graz", "notes": None, "lat": 47.07}, {"name": "Graz ", "notes": "", "lat": "47.1"})
    {'lat': '47.1'}
    """
    out = {}
    for k, v in values.items():
        old, new = _norm(before.get(k)), _norm(v)
        if old == new or (old is not None and new is not None and str(old) == str(new)):
            continue
        out[k] = v
    return out


def describe_change(action: str, before: Any, after: Any, lang: str) -> str:
    """Return a short text of what an audit row changed: the columns and their old and new values.

    >>> describe_change("update", '{"name": "A", "version": 1}', '{"name": "B", "version": 2}', "en")
    "name: 'A' → 'B'"
    >>> describe_change("insert", None, '{"key": "time_zone", "value": "Europe/Oslo"}', "en")
    'added “time_zone = Europe/Oslo”'
    """
    # Missing JSON may arrive as None or, through pandas, as NaN.
    b = json.loads(before) if isinstance(before, str) and before else {}
    a = json.loads(after) if isinstance(after, str) and after else {}

    def name(row: dict[str, Any]) -> Any:
        # An entity with an English name is named by it on English pages, as everywhere else.
        own = row.get("name_en") if lang == "en" and row.get("name_en") else row.get("name")
        if own or row.get("title"):
            return own or row.get("title")
        if row.get("key") is not None and "value" in row:  # a setting
            return f"{row['key']} = {row['value']}"
        return row.get("id") or ""

    if action == "insert":
        return i18n.t("editing.inserted", lang, name=name(a))
    if action == "delete":
        return i18n.t("editing.deleted", lang, name=name(b))
    parts = [f"{k}: {b.get(k)!r} → {a.get(k)!r}" for k in sorted(set(a) | set(b)) if k not in TRACKING and b.get(k) != a.get(k)]
    return "; ".join(parts)


def suggest_id(*parts: str | None) -> str:
    """Return a slug id made of the given parts joined by '--' (empty parts left out).

    >>> suggest_id("Trondheim", "Kraków")
    'trondheim--krakow'
    """
    return "--".join(s for s in (slugify(p) for p in parts if p) if s)
