"""One entity's page: its facts and every row that names it, as tables (ties both ways, activities, agreements, decisions, plan).

:func:`entity_profile` reads the entity and what hangs on it in one pass: the ties
it is either end of, the activities it takes part in or that belong to its ties,
the agreements it is a party to or its ties rest on, the decisions on its ties,
the plan actions it is a partner in or that work on its ties, and the budget
lines of any of those (or that it funds). The app's entity page and its CSV
downloads show these frames; :func:`readable` turns codes into labels for a page.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from . import dates, vocab
from .edit.editing import TRACKING
from .errors import NotFound
from .network.graph import tie_active

__all__ = ["SECTIONS", "EntityProfile", "as_of_date", "entity_count", "entity_profile", "readable"]

#: The profile's tables in the order a page shows them.
SECTIONS: tuple[str, ...] = ("ties", "activities", "agreements", "decisions", "actions", "plan_lines")


@dataclass(frozen=True)
class EntityProfile:
    """An entity's facts and the rows that name it, each table in codes (labels: :func:`readable`)."""

    entity: dict[str, Any]
    ties: pd.DataFrame
    activities: pd.DataFrame
    agreements: pd.DataFrame
    decisions: pd.DataFrame
    actions: pd.DataFrame
    plan_lines: pd.DataFrame
    as_of: date | None = None

    def table(self, section: str) -> pd.DataFrame:
        """Return the table of ``section`` (one of :data:`SECTIONS`)."""
        if section not in SECTIONS:
            raise KeyError(section)
        return getattr(self, section)


def as_of_date(as_of: date | str | int | None) -> date | None:
    """Return the day ``as_of`` stands for: a year's last day, a partial date's last day, a date itself, or None.

    >>> as_of_date(2010), as_of_date("2011-02"), as_of_date(None)
    (datetime.date(2010, 12, 31), datetime.date(2011, 2, 28), None)
    """
    if isinstance(as_of, bool):
        raise TypeError("as_of is a year, a date or a partial date")
    if isinstance(as_of, int):
        return date(as_of, 12, 31)
    if isinstance(as_of, str):
        return dates.latest(as_of)
    return as_of


def entity_count(conn: sqlite3.Connection) -> int:
    """Return how many entities the registry holds (the entity page lists them all up to the picker limit)."""
    return int(conn.execute("SELECT count(*) FROM entities").fetchone()[0])


def _frame(conn: sqlite3.Connection, sql: str, params: tuple[Any, ...]) -> pd.DataFrame:
    cur = conn.execute(sql, params)
    return pd.DataFrame(cur.fetchall(), columns=[d[0] for d in cur.description])


def _dated(frame: pd.DataFrame, column: str, as_of: date | None) -> pd.DataFrame:
    """Return the rows of ``frame`` whose partial date (or year) in ``column`` could fall on or before ``as_of``.

    Undated rows are kept: their date is unknown, not absent.
    """
    if as_of is None:
        return frame

    def keep(v: Any) -> bool:
        if isinstance(v, str) and v and dates.is_partial_date(v):
            return dates.earliest(v) <= as_of
        if isinstance(v, (int, float)) and not pd.isna(v):  # a plan line's year
            return int(v) <= as_of.year
        return True

    return frame[pd.Series([keep(v) for v in frame[column]], index=frame.index, dtype=bool)]


def _missing(value: Any) -> bool:
    return value is None or value == "" or (isinstance(value, float) and pd.isna(value))


def _joined(values: Any) -> str:
    return ";".join(dict.fromkeys(str(v) for v in values if not _missing(v)))


def _grouped(frame: pd.DataFrame, key: str, joined: tuple[str, ...]) -> pd.DataFrame:
    """Return one row per ``key``: the first row's columns, the ``joined`` ones as ';'-separated distinct values."""
    if frame.empty:
        return frame
    first = frame.drop_duplicates(key).set_index(key)
    for col in joined:
        first[col] = frame.groupby(key, sort=False)[col].agg(_joined)
    return first.reset_index()


_TIES = """
SELECT t.id AS tie_id, CASE WHEN t.from_id = ? THEN 'out' ELSE 'in' END AS direction,
       o.id AS other_id, o.name AS other_name, o.name_en AS other_name_en, o.kind AS other_kind,
       o.country_code AS other_country, t.kind, t.start, t.start_certainty, t."end", t.status, t.sectors,
       t.carrier_id, t.agreement_id, t.goals, t.source
FROM ties t JOIN entities o ON o.id = CASE WHEN t.from_id = ? THEN t.to_id ELSE t.from_id END
WHERE t.from_id = ? OR t.to_id = ?
ORDER BY t.kind, o.name, t.id
"""

_ACTIVITIES = """
SELECT a.id AS activity_id, a.kind, a.title, a.title_nb, a.start, a."end", p.role AS roles, NULL AS tie_ids,
       a.sectors, a.agreement_id, a.source
FROM activities a JOIN activity_participants p ON p.activity_id = a.id WHERE p.entity_id = ?
UNION ALL
SELECT a.id, a.kind, a.title, a.title_nb, a.start, a."end", NULL, x.tie_id, a.sectors, a.agreement_id, a.source
FROM activities a JOIN activity_ties x ON x.activity_id = a.id JOIN ties t ON t.id = x.tie_id
WHERE t.from_id = ? OR t.to_id = ?
"""

_AGREEMENTS = """
SELECT g.id AS agreement_id, g.kind, g.title, g.title_nb, g.signed_on, g.ended_on, g.status, p.role AS roles,
       NULL AS tie_ids, g.document_url, g.source
FROM agreements g JOIN agreement_parties p ON p.agreement_id = g.id WHERE p.entity_id = ?
UNION ALL
SELECT g.id, g.kind, g.title, g.title_nb, g.signed_on, g.ended_on, g.status, NULL, t.id, g.document_url, g.source
FROM agreements g JOIN ties t ON t.agreement_id = g.id WHERE t.from_id = ? OR t.to_id = ?
"""

_DECISIONS = """
SELECT d.id AS decision_id, d.kind, d.tie_id, d.category, d.title, d.title_nb, d.decided_on, d.decided_by, d.case_ref,
       d.reason, d.source
FROM decisions d JOIN ties t ON t.id = d.tie_id WHERE t.from_id = ? OR t.to_id = ?
ORDER BY d.decided_on, d.id
"""

_ACTIONS = """
SELECT a.id AS action_id, a.title, a.title_nb, a.status, a.period_start, a.period_end, a.responsible,
       p.role AS roles, NULL AS tie_ids, a.source
FROM plan_actions a JOIN action_partners p ON p.action_id = a.id WHERE p.entity_id = ?
UNION ALL
SELECT a.id, a.title, a.title_nb, a.status, a.period_start, a.period_end, a.responsible, NULL, x.tie_id, a.source
FROM plan_actions a JOIN action_ties x ON x.action_id = a.id JOIN ties t ON t.id = x.tie_id
WHERE t.from_id = ? OR t.to_id = ?
"""

_PLAN_LINES = """
SELECT id AS plan_line_id, tie_id, activity_id, action_id, year, kind, amount, coalesce(nullif(currency, ''), 'NOK') AS currency,
       funder, funder_id, purpose, source
FROM plan_lines
WHERE tie_id IN (SELECT id FROM ties WHERE from_id = ? OR to_id = ?)
   OR activity_id IN (SELECT activity_id FROM activity_participants WHERE entity_id = ?)
   OR activity_id IN (SELECT x.activity_id FROM activity_ties x JOIN ties t ON t.id = x.tie_id WHERE t.from_id = ? OR t.to_id = ?)
   OR action_id IN (SELECT action_id FROM action_partners WHERE entity_id = ?)
   OR action_id IN (SELECT x.action_id FROM action_ties x JOIN ties t ON t.id = x.tie_id WHERE t.from_id = ? OR t.to_id = ?)
   OR funder_id = ?
ORDER BY year, id
"""


def entity_profile(conn: sqlite3.Connection, entity_id: str, as_of: date | str | int | None = None) -> EntityProfile:
    """Return the :class:`EntityProfile` of ``entity_id``: its row and every table of rows that name it.

    ``as_of`` (a year, a date or a partial date) keeps the ties that count on that day
    (:func:`registry.network.graph.tie_active`) and the other rows dated on or before it (undated
    rows are kept: their date is unknown, not absent); None keeps the whole history.
    Rows reached through a tie follow the ties kept. Raises :class:`NotFound` for an
    unknown id. Each table lists a row once; ``roles`` and ``tie_ids`` say, ';'-separated,
    how it names the entity (its own role, or the ties it belongs to). A plan line's
    ``via`` says what it finances: ``tie``, ``activity``, ``action`` or ``funder`` (the
    entity pays). No personal data is read.
    """
    row = conn.execute("SELECT * FROM entities WHERE id = ?", (entity_id,)).fetchone()
    if row is None:
        raise NotFound(entity_id)
    cols = [d[0] for d in conn.execute("SELECT * FROM entities LIMIT 0").description]
    entity = {c: v for c, v in zip(cols, row) if c not in TRACKING}
    day = as_of_date(as_of)
    e = entity_id

    ties = _frame(conn, _TIES, (e, e, e, e))
    if day is not None:
        active = [tie_active(s, n, st, day) for s, n, st in zip(ties["start"], ties["end"], ties["status"])]
        ties = ties[pd.Series(active, index=ties.index, dtype=bool)]
    kept = set(ties["tie_id"])

    def through_kept(frame: pd.DataFrame) -> pd.DataFrame:
        # A row reached only through a tie that was left out goes with it.
        return frame[frame["roles"].notna() | frame["tie_ids"].isin(kept)]

    activities = through_kept(_frame(conn, _ACTIVITIES, (e, e, e)))
    activities = _grouped(_dated(activities, "start", day), "activity_id", ("roles", "tie_ids"))
    agreements = through_kept(_frame(conn, _AGREEMENTS, (e, e, e)))
    agreements = _grouped(_dated(agreements, "signed_on", day), "agreement_id", ("roles", "tie_ids"))
    decisions = _frame(conn, _DECISIONS, (e, e))
    decisions = _dated(decisions[decisions["tie_id"].isin(kept)], "decided_on", day)
    decisions = decisions.merge(ties[["tie_id", "other_id", "other_name", "other_name_en"]], on="tie_id", how="left")
    actions = through_kept(_frame(conn, _ACTIONS, (e, e, e)))
    actions = _grouped(_dated(actions, "period_start", day), "action_id", ("roles", "tie_ids"))

    lines = _frame(conn, _PLAN_LINES, (e, e, e, e, e, e, e, e, e))
    acts, acts_ids = set(activities.get("activity_id", ())), set(actions.get("action_id", ()))
    via = [
        "tie" if t in kept else "activity" if a in acts else "action" if x in acts_ids else "funder" if f == e else None
        for t, a, x, f in zip(lines["tie_id"], lines["activity_id"], lines["action_id"], lines["funder_id"])
    ]
    lines.insert(1, "via", via)
    lines = _dated(lines[lines["via"].notna()], "year", day)
    return EntityProfile(
        entity,
        ties.reset_index(drop=True),
        activities.reset_index(drop=True),
        agreements.reset_index(drop=True),
        decisions.reset_index(drop=True),
        actions.reset_index(drop=True),
        lines.reset_index(drop=True),
        day,
    )


#: Columns holding codes of a vocabulary, by vocabulary (';'-separated codes allowed).
_VOCABULARIES: dict[str, str] = {
    "other_kind": "entity_kinds",
    "start_certainty": "certainties",
    "status": "statuses",
    "sectors": "sectors",
    "roles": "participant_roles",
    "category": "categories",
}
#: The vocabulary of a section's ``kind`` column.
_KINDS: dict[str, str] = {
    "ties": "tie_kinds",
    "activities": "activity_kinds",
    "agreements": "agreement_kinds",
    "decisions": "decision_kinds",
    "plan_lines": "budget_kinds",
}


def _vocabulary(section: str, column: str) -> str | None:
    if column == "kind":
        return _KINDS.get(section)
    if column == "status" and section == "actions":
        return "action_statuses"
    return _VOCABULARIES.get(column)


def _name(name: Any, name_en: Any, lang: str) -> str:
    if lang == "en" and isinstance(name_en, str) and name_en:
        return name_en
    return "" if _missing(name) else str(name)


def _title(title: Any, title_nb: Any, lang: str) -> str:
    # The Norwegian title on a Norwegian page where there is one; the source's own title otherwise.
    if lang == "nb" and isinstance(title_nb, str) and title_nb:
        return title_nb
    return "" if _missing(title) else str(title)


def readable(profile: EntityProfile, section: str, lang: str) -> pd.DataFrame:
    """Return the table of ``section`` for reading in ``lang``: codes as labels, one name and title per row.

    The other end's name replaces ``other_name``/``other_name_en`` (``other_id`` stays, for
    links); ``title`` takes the Norwegian title on a Norwegian page; a plan line's ``via``
    and ``direction`` stay codes (the page labels them with its own texts). Headers stay codes.
    """
    frame = profile.table(section).copy()
    if "other_name" in frame:
        frame["other_name"] = [_name(n, en, lang) for n, en in zip(frame["other_name"], frame["other_name_en"])]
        frame = frame.drop(columns=["other_name_en"])
    if "title_nb" in frame:
        frame["title"] = [_title(x, nb, lang) for x, nb in zip(frame["title"], frame["title_nb"])]
        frame = frame.drop(columns=["title_nb"])
    for col in frame.columns:
        vocabulary = _vocabulary(section, col)
        if vocabulary:
            frame[col] = [
                ", ".join(vocab.label(vocabulary, c, lang) for c in v.split(";") if c) if isinstance(v, str) else "" for v in frame[col]
            ]
    return frame
