"""The registry's settings, declared as data (key, type, default, labels, help), read and written through the store.

A setting is one row of the ``settings`` table (primary key ``key``); writing it
goes through :mod:`registry.store.writes`, so every change is validated and audited. A
setting without a row has its declared default.

The home municipality is the one setting everything else depends on: the review
and the analysis are always *for* one municipality, and :func:`resolve_home`
decides which one without ever guessing among several.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from . import rules as R
from .errors import InvalidRow, NoHome, NotAHome, Problem
from .network.graph import Snapshot
from .store import writes as store
from .thresholds import UNITS, threshold_table, value_text

__all__ = [
    "Setting",
    "SETTINGS",
    "setting",
    "get_setting",
    "set_setting",
    "setting_problems",
    "describe",
    "home_id",
    "is_time_zone",
    "time_zone",
    "municipalities",
    "resolve_home",
    "reference_table",
]


@dataclass(frozen=True)
class Setting:
    """One declared setting: its key, value type, default, labels in both languages and help."""

    key: str
    type: str  # "municipality" (an entity id of that kind), "integer" (a positive whole number) or "time_zone"
    default: Any
    label_nb: str
    label_en: str
    help: str
    help_nb: str = ""
    unit: str = ""  # a key of :data:`registry.thresholds.UNITS` for a number, else empty

    def label(self, lang: str = "en") -> str:
        """Return the label in ``lang`` ('nb' or 'en')."""
        return self.label_nb if lang == "nb" else self.label_en


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "home_id",
        "municipality",
        None,
        "Hjemkommune",
        "Home municipality",
        "The municipality the review and the analysis are for: the id of an entity of kind municipality. "
        "Without it, a registry with one municipality uses that one, and one with several asks for --home.",
        "Kommunen gjennomgangen og analysen gjelder: id-en til en enhet av typen kommune. Uten den bruker et "
        "register med én kommune den, og et med flere ber om --home.",
    ),
    Setting(
        "time_zone",
        "time_zone",
        "UTC",
        "Tidssone",
        "Time zone",
        "The IANA time zone the app shows times in, e.g. Europe/Oslo (the audit log itself writes UTC).",
        "IANA-tidssonen appen viser tider i, f.eks. Europe/Oslo (endringsloggen selv skriver UTC).",
    ),
    Setting(
        "stale_after_years",
        "integer",
        5,
        "Kilder foreldes etter (år)",
        "Sources go stale after (years)",
        "How many years old a source may be before check warns that an active fact rests on it.",
        "Hvor mange år gammel en kilde kan være før check varsler at et gjeldende faktum hviler på den.",
        "years",
    ),
)
_BY_KEY = {s.key: s for s in SETTINGS}


def setting(key: str) -> Setting:
    """Return the declared :class:`Setting` called ``key``; raise KeyError for an unknown key."""
    try:
        return _BY_KEY[key]
    except KeyError:
        raise KeyError(f"unknown setting {key!r}; the settings are {', '.join(_BY_KEY)}") from None


def _stored(source: sqlite3.Connection | Snapshot, key: str) -> str | None:
    if isinstance(source, Snapshot):
        return source.settings.get(key)
    row = source.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def _parse(s: Setting, text: str) -> Any:
    # Only integers need parsing; an entity id is its own text.
    return int(text.strip()) if s.type == "integer" else text.strip()


def get_setting(source: sqlite3.Connection | Snapshot, key: str) -> Any:
    """Return the value of setting ``key`` (an int for integer settings), or its default when none is stored.

    ``source`` is a connection or a :class:`~registry.network.graph.Snapshot`. A stored
    value that is not of the setting's type (written past :func:`set_setting`)
    raises InvalidRow rather than being replaced by the default.

    >>> from registry import connect
    >>> get_setting(connect(":memory:"), "stale_after_years")
    5
    """
    s = setting(key)
    text = _stored(source, key)
    if text is None or not str(text).strip():
        return s.default
    try:
        value = _parse(s, str(text))
    except ValueError:
        value = None
    if value is None or (s.type == "integer" and value <= 0):
        raise InvalidRow([Problem.of("settings", 0, key, "not_positive_set", value=text, how=f"python -m registry settings set {key} N")])
    if s.type == "time_zone" and not is_time_zone(value):
        raise InvalidRow(
            [Problem.of("settings", 0, key, "not_time_zone_set", value=value, how=f"python -m registry settings set {key} Europe/Oslo")]
        )
    return value


def setting_problems(conn: sqlite3.Connection, key: str, value: Any, pending_kinds: Mapping[str, Any] | None = None) -> list[Problem]:
    """Return what is wrong with ``value`` for setting ``key`` (empty when it may be stored).

    ``home_id`` must name an entity of kind municipality in the registry, or in
    ``pending_kinds`` (entity id -> kind of entities about to be imported with it);
    ``stale_after_years`` must be a positive whole number; ``time_zone`` an
    IANA time zone name.
    """
    if key not in _BY_KEY:
        return [Problem.of("settings", 1, "key", "unknown_setting", key=key, known=", ".join(_BY_KEY))]
    s = _BY_KEY[key]
    text = "" if value is None else str(value).strip()
    if not text:
        return [Problem.of("settings", 1, key, "needs_value")]
    if s.type == "integer":
        try:
            ok = int(text) > 0
        except ValueError:
            ok = False
        return [] if ok else [Problem.of("settings", 1, key, "not_positive", value=text)]
    if s.type == "time_zone":
        return [] if is_time_zone(text) else [Problem.of("settings", 1, key, "not_time_zone", value=text, example="Europe/Oslo")]
    if pending_kinds and text in pending_kinds:
        row = (pending_kinds[text],)
    else:
        row = conn.execute("SELECT kind FROM entities WHERE id = ?", (text,)).fetchone()
    if row is None:
        choices = ", ".join(municipalities(conn)) or "none"
        return [Problem.of("settings", 1, key, "no_such_home", value=text, choices=choices)]
    if row[0] != R.HOME_KIND:
        return [Problem.of("settings", 1, key, "not_municipality", value=text, kind=row[0])]
    return []


def is_time_zone(name: str) -> bool:
    """Return True when ``name`` is an IANA time zone this machine knows.

    >>> is_time_zone("Europe/Oslo"), is_time_zone("UTC"), is_time_zone("Oslo")
    (True, True, False)
    """
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def time_zone(source: sqlite3.Connection | Snapshot) -> str:
    """Return the time zone the app shows times in (setting ``time_zone``; 'UTC' when none is set).

    >>> from registry import connect
    >>> time_zone(connect(":memory:"))
    'UTC'
    """
    return get_setting(source, "time_zone")


def set_setting(conn: sqlite3.Connection, key: str, value: Any, *, actor: str) -> dict[str, Any]:
    """Store setting ``key`` as ``value`` (validated, audited); return the stored settings row.

    Raises InvalidRow with a message when the key is unknown or the value does
    not fit it (see :func:`setting_problems`).
    """
    problems = setting_problems(conn, key, value)
    if problems:
        raise InvalidRow(problems)
    text = str(_parse(_BY_KEY[key], str(value)))
    if store.get(conn, "settings", key) is None:
        return store.insert(conn, "settings", {"key": key, "value": text}, actor=actor)
    return store.update(conn, "settings", key, {"value": text}, actor=actor)


def describe(source: sqlite3.Connection | Snapshot) -> list[dict[str, Any]]:
    """Return one dict per declared setting: key, value (stored text or None), default, labels and help."""
    return [
        {
            "key": s.key,
            "value": _stored(source, s.key),
            "default": s.default,
            "label_nb": s.label_nb,
            "label_en": s.label_en,
            "help": s.help,
        }
        for s in SETTINGS
    ]


def home_id(source: sqlite3.Connection | Snapshot) -> str | None:
    """Return the configured home municipality's id (setting ``home_id``), or None when none is set."""
    return get_setting(source, "home_id")


def municipalities(source: sqlite3.Connection | Snapshot) -> list[str]:
    """Return the ids of the registry's municipalities (the entities a home can be), sorted.

    >>> from registry import connect
    >>> municipalities(connect(":memory:"))
    []
    """
    if isinstance(source, Snapshot):
        ids: Iterable[str] = (n for n, a in source.graph.nodes(data=True) if a.get("kind") == R.HOME_KIND)
    else:
        ids = (r[0] for r in source.execute("SELECT id FROM entities WHERE kind = ?", (R.HOME_KIND,)))
    return sorted(ids)


def resolve_home(snap: Snapshot, requested: str | None = None) -> str | None:
    """Return the home municipality the review and analysis of ``snap`` are for.

    The home is ``requested`` when given; else the configured ``home_id``; else
    the registry's only municipality. It is never guessed among several: a
    registry with more than one municipality and no home chosen raises
    :class:`~registry.errors.NoHome`, and a requested or configured id that is
    not a municipality in the registry raises :class:`~registry.errors.NotAHome`.
    None only when nothing was asked for and the registry has no municipality
    at all (then there is no home to review for).

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", kind="municipality"); g.add_node("b", kind="municipality")
    >>> resolve_home(Snapshot(g), "b")
    'b'
    >>> resolve_home(Snapshot(g, settings={"home_id": "a"}))
    'a'
    >>> resolve_home(Snapshot(g))
    Traceback (most recent call last):
    ...
    registry.errors.NoHome: The registry has several municipalities and no home is set: choose one with --home or set home_id.
    """
    g = snap.graph
    for wanted, how in ((requested, "asked for"), (home_id(snap) if requested is None else None, "configured")):
        if wanted is None:
            continue
        if wanted in g and g.nodes[wanted].get("kind") == R.HOME_KIND:
            return wanted
        raise NotAHome(wanted, municipalities(snap), how, g.nodes[wanted].get("kind") if wanted in g else None)
    found = municipalities(snap)
    if len(found) > 1:
        raise NoHome(NoHome.__doc__)
    return found[0] if found else None


def reference_table() -> list[dict[str, Any]]:
    """Return every declared rule and setting, one dict each, for the docs and the app's rules table.

    The rules come first (:func:`registry.thresholds.threshold_table`: fixed by the method),
    then the settings (:data:`SETTINGS`: an editor changes them per registry). Every dict has
    ``code``, ``kind`` ('rule' or 'setting'), ``group``, ``value`` (a setting's default),
    ``value_nb`` and ``value_en`` (the value as a reader sees it), ``unit``, ``unit_nb``,
    ``unit_en``, ``label_nb``, ``label_en``, ``help_nb`` and ``help_en``.

    >>> [r["code"] for r in reference_table() if r["kind"] == "setting"]
    ['home_id', 'time_zone', 'stale_after_years']
    """
    return threshold_table() + [
        {
            "code": s.key,
            "kind": "setting",
            "group": "settings",
            "value": s.default,
            "value_nb": "" if s.default is None else value_text(s.default)[0],
            "value_en": "" if s.default is None else value_text(s.default)[1],
            "unit": s.unit,
            "unit_nb": UNITS[s.unit][0] if s.unit else "",
            "unit_en": UNITS[s.unit][1] if s.unit else "",
            "label_nb": s.label_nb,
            "label_en": s.label_en,
            "help_nb": s.help_nb,
            "help_en": s.help,
        }
        for s in SETTINGS
    ]
