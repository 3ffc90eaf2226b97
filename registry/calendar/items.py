"""The calendar: what falls due in a window of dates — reviews, expiries, jubilees, freezes, retention, re-checks.

Each item is an :class:`Event`: a (partial) date, a kind code, the row it is about and the
facts that name it, and the source the date rests on. Text is made at the edge: an event's
:attr:`Event.message` is rendered by :mod:`registry.i18n` (templates in
``registry/i18n/calendar.py``), in :mod:`registry.calendar.formats` as a table, CSV or an
iCalendar file.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, TypeGuard

from .. import dates, freshness, settings
from ..i18n import Message
from ..network.graph import Snapshot
from .windows import default_window, jubilees, meets, open_item, plus_years

__all__ = ["Event", "KINDS", "COLLECTORS", "resolve_home", "events"]

#: Every kind of event, in the order the calendar lists kinds on the same day.
KINDS: tuple[str, ...] = (
    "agreement_review",
    "agreement_expiry",
    "freeze_review",
    "tie_jubilee",
    "agreement_jubilee",
    "indicator_report",
    "retention",
    "recheck",
)

#: The tie kinds whose round years are jubilees (twinnings); other ties count through their agreements.
JUBILEE_TIE_KINDS: tuple[str, ...] = ("sister_city",)

#: The decisions that change a twinning's state: the latest of them on a tie is the one in force.
_STATE_DECISIONS = ("enter_twinning", "end_twinning", "suspend_twinning", "resume_twinning")


@dataclass(frozen=True)
class Event:
    """One thing due on a date: ``on`` (YYYY, YYYY-MM or YYYY-MM-DD), ``kind`` (one of :data:`KINDS`),
    the row it is about (``table``, ``row_id``), the entities it concerns, the facts that fill its
    text (``params``), the source of its date, and whether it was due before the window began."""

    on: str
    kind: str
    table: str
    row_id: str
    params: Mapping[str, Any] = field(default_factory=dict)
    source: str | None = None
    entities: tuple[str, ...] = ()
    overdue: bool = False

    @property
    def first_day(self) -> date:
        """Return the first day ``on`` covers (a year-only date is its 1 January)."""
        return dates.earliest(self.on)

    @property
    def exact(self) -> bool:
        """Return True when ``on`` is a full date (not a year or a month)."""
        return dates.parse_partial(self.on)[2] is not None

    @property
    def uid(self) -> str:
        """Return a stable identifier: the same item exported again gets the same UID.

        A review, expiry, freeze, retention or re-check is one item per row, so a moved date
        updates the event a calendar imported before; a jubilee is one item per round year, an
        indicator's report one per year measured.

        >>> Event("2028-10-05", "tie_jubilee", "ties", "a--b", {"years": 60}).uid
        'tie_jubilee.ties.a--b.60@international-relations-registry'
        >>> Event("2026-12-31", "indicator_report", "indicators", "pupils", {"year": 2026}).uid
        'indicator_report.indicators.pupils.2026@international-relations-registry'
        """
        years = f".{self.params['years']}" if self.kind.endswith("_jubilee") else ""
        years = f".{self.params['year']}" if self.kind == "indicator_report" else years
        return f"{self.kind}.{self.table}.{self.row_id}{years}@international-relations-registry"

    @property
    def message(self) -> Message:
        """Return the event as an :class:`registry.i18n.Message` (code ``calendar.<kind>``)."""
        return Message(f"calendar.{self.kind}", dict(self.params))


def resolve_home(conn: sqlite3.Connection, requested: str | None = None) -> str | None:
    """Return the home municipality the calendar is for, chosen as :func:`registry.settings.resolve_home` does.

    Raises :class:`~registry.errors.NotAHome` or :class:`~registry.errors.NoHome` as it does.
    """
    import networkx as nx

    g: nx.MultiDiGraph = nx.MultiDiGraph()
    g.add_nodes_from((m, {"kind": "municipality"}) for m in settings.municipalities(conn))
    if requested is not None and requested not in g:
        row = conn.execute("SELECT kind FROM entities WHERE id = ?", (requested,)).fetchone()
        if row:
            g.add_node(requested, kind=row[0])
    configured = settings.home_id(conn)
    return settings.resolve_home(Snapshot(g, settings={"home_id": configured} if configured else {}), requested)


# --- the collectors: each reads one kind of due date ------------------------------------------------

Collector = Callable[[sqlite3.Connection, date, date, "str | None", date], Iterable[Event]]


def _rows(conn: sqlite3.Connection, sql: str, params: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
    cur = conn.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur]


def _rows_for(conn: sqlite3.Connection, sql: str, ids: Iterable[str]) -> list[dict[str, Any]]:
    """Return the rows of ``sql`` for the distinct non-empty ``ids``; ``{marks}`` in it stands for the IN list."""
    wanted = sorted({i for i in ids if i})
    out: list[dict[str, Any]] = []
    for i in range(0, len(wanted), 500):  # SQLite caps the number of parameters
        chunk = wanted[i : i + 500]
        out += _rows(conn, sql.format(marks=",".join("?" * len(chunk))), tuple(chunk))
    return out


def _names(conn: sqlite3.Connection, ids: Iterable[str]) -> dict[str, tuple[str, str]]:
    """Return ``{entity id: (name, English name)}`` for ``ids`` (the English name falls back to the name)."""
    rows = _rows_for(conn, "SELECT id, name, name_en FROM entities WHERE id IN ({marks})", ids)
    return {r["id"]: (r["name"] or r["id"], r["name_en"] or r["name"] or r["id"]) for r in rows}


def _valid(text: str | None) -> TypeGuard[str]:
    return bool(text) and dates.is_partial_date(text)  # type: ignore[arg-type]


_AGREEMENT_COLUMNS = "id, title, title_nb, signed_on, signed_certainty, review_on, ended_on, status, source"


def _agreements(conn: sqlite3.Connection, home: str | None) -> list[dict[str, Any]]:
    """Return the agreements (the home's: it is a party), each with ``parties``: the other parties' ids."""
    if home is None:
        rows = _rows(conn, f"SELECT {_AGREEMENT_COLUMNS} FROM agreements ORDER BY id")
        links = conn.execute("SELECT agreement_id, entity_id FROM agreement_parties ORDER BY id")
    else:
        mine = "SELECT agreement_id FROM agreement_parties WHERE entity_id = ?"
        rows = _rows(conn, f"SELECT {_AGREEMENT_COLUMNS} FROM agreements WHERE id IN ({mine}) ORDER BY id", (home,))
        links = conn.execute(f"SELECT agreement_id, entity_id FROM agreement_parties WHERE agreement_id IN ({mine}) ORDER BY id", (home,))
    parties: dict[str, list[str]] = {}
    for aid, eid in links:
        parties.setdefault(aid, []).append(eid)
    for a in rows:
        a["parties"] = [e for e in parties.get(a["id"], []) if e != home]
    return rows


def _agreement_params(a: dict[str, Any], names: dict[str, tuple[str, str]]) -> dict[str, Any]:
    return {
        "agreement": a["id"],
        "title": a["title"],
        "title_nb": a.get("title_nb") or a["title"],
        "parties": [names.get(e, (e, e))[0] for e in a["parties"]],
        "parties_en": [names.get(e, (e, e))[1] for e in a["parties"]],
    }


def _ended(row: dict[str, Any], end_column: str, today: date) -> bool:
    end = row.get(end_column)
    return row.get("status") == "ended" or (_valid(end) and dates.latest(end) < today)


def _agreement_dates(conn: sqlite3.Connection, first: date, last: date, home: str | None, today: date) -> Iterator[Event]:
    """Agreements to review (``review_on``; still due after the date while in force) and expiring (``ended_on``)."""
    agreements = _agreements(conn, home)
    names = _names(conn, (e for a in agreements for e in a["parties"]))
    for a in agreements:
        params = _agreement_params(a, names)
        review = a.get("review_on")
        if _valid(review) and not _ended(a, "ended_on", today):
            shown, late = open_item(review, first, last, today)
            if shown:
                yield Event(review, "agreement_review", "agreements", a["id"], params, a["source"], tuple(a["parties"]), late)
        end = a.get("ended_on")
        if _valid(end) and meets(end, first, last):
            yield Event(end, "agreement_expiry", "agreements", a["id"], params, a["source"], tuple(a["parties"]))


def _counted_from(tie: dict[str, Any], agreement: dict[str, Any] | None) -> tuple[str, str, str | None] | None:
    """Return ``(start date, 'agreement' or 'tie', source)``: the sourced date a twinning's years count from.

    The agreement's signing date is preferred when it is sourced and falls inside the tie's
    sourced start (a charter of 1945-05-06 for a tie begun «1945»): it is the same beginning,
    told more exactly. Dates that are only inferred or conflicting are never counted from.
    """
    signed = None
    if agreement and agreement.get("signed_certainty") == "sourced" and _valid(agreement.get("signed_on")):
        signed = (agreement["signed_on"], "agreement", agreement.get("source"))
    start = tie["start"] if tie.get("start_certainty") == "sourced" and _valid(tie.get("start")) else None
    if start and signed and not (dates.earliest(start) <= dates.earliest(signed[0]) and dates.latest(signed[0]) <= dates.latest(start)):
        return start, "tie", tie.get("source")
    return signed or ((start, "tie", tie.get("source")) if start else None)


def _jubilee_dates(conn: sqlite3.Connection, first: date, last: date, home: str | None, today: date) -> Iterator[Event]:
    """Round-year jubilees of twinnings (from a sourced start) and of agreements no twinning counts from."""
    kinds = ",".join("?" * len(JUBILEE_TIE_KINDS))
    sql = (
        f"SELECT id, from_id, to_id, start, start_certainty, [end], status, source, agreement_id FROM ties "
        f"WHERE kind IN ({kinds})" + (" AND ? IN (from_id, to_id)" if home else "") + " ORDER BY id"
    )
    ties = _rows(conn, sql, JUBILEE_TIE_KINDS + ((home,) if home else ()))
    agreements = {
        a["id"]: a
        for a in _rows_for(conn, f"SELECT {_AGREEMENT_COLUMNS} FROM agreements WHERE id IN ({{marks}})", (t["agreement_id"] for t in ties))
    }
    own = _agreements(conn, home)
    names = _names(conn, [t["from_id"] for t in ties] + [t["to_id"] for t in ties] + [e for a in own for e in a["parties"]])
    counted: set[str] = set()  # agreements a twinning already counts its years from
    for t in ties:
        if _ended(t, "end", today):
            continue
        agreement = agreements.get(t.get("agreement_id") or "")
        basis = _counted_from(t, agreement)
        if basis is None:
            continue
        start, by, source = basis
        charter = agreement if by == "agreement" else None
        if charter:
            counted.add(charter["id"])
        partner = t["from_id"] if home is not None and t["to_id"] == home else t["to_id"]
        name, name_en = names.get(partner, (partner, partner))
        for on, years in jubilees(start, first, last):
            params = {
                "partner": name,
                "partner_en": name_en,
                "years": years,
                "counted_from": start,
                "basis": by,
                "agreement": charter and charter["id"],
                "title": charter and charter["title"],
                "title_nb": charter and (charter.get("title_nb") or charter["title"]),
            }
            yield Event(on, "tie_jubilee", "ties", t["id"], params, source, (partner,))
    for a in own:
        if a["id"] in counted or _ended(a, "ended_on", today):
            continue
        if a.get("signed_certainty") != "sourced" or not _valid(a.get("signed_on")):
            continue
        for on, years in jubilees(a["signed_on"], first, last):
            params = {**_agreement_params(a, names), "years": years, "counted_from": a["signed_on"], "basis": "agreement"}
            yield Event(on, "agreement_jubilee", "agreements", a["id"], params, a["source"], tuple(a["parties"]))


def _freeze_reviews(conn: sqlite3.Connection, first: date, last: date, home: str | None, today: date) -> Iterator[Event]:
    """The re-review date of each freeze still in force (the tie's latest state decision is a suspension)."""
    marks = ",".join("?" * len(_STATE_DECISIONS))
    latest: dict[str, dict[str, Any]] = {}
    # Decisions are append-only: the latest by date (then by id, the order they were recorded) is in force.
    for d in _rows(conn, f"SELECT * FROM decisions WHERE kind IN ({marks}) AND tie_id IS NOT NULL", _STATE_DECISIONS):
        if not _valid(d["decided_on"]):
            continue
        key = (dates.earliest(d["decided_on"]), d["id"])
        held = latest.get(d["tie_id"])
        if held is None or key > (dates.earliest(held["decided_on"]), held["id"]):
            latest[d["tie_id"]] = d
    frozen = [d for d in latest.values() if d["kind"] == "suspend_twinning" and _valid(d.get("review_on"))]
    ties = {t["id"]: t for t in _rows_for(conn, "SELECT id, from_id, to_id FROM ties WHERE id IN ({marks})", (d["tie_id"] for d in frozen))}
    names = _names(conn, (e for t in ties.values() for e in (t["from_id"], t["to_id"])))
    for d in sorted(frozen, key=lambda d: d["id"]):
        t = ties.get(d["tie_id"])
        if t is None or (home is not None and home not in (t["from_id"], t["to_id"])):
            continue
        review = d["review_on"]
        shown, late = open_item(review, first, last, today)
        if not shown:
            continue
        partner = t["from_id"] if home is not None and t["to_id"] == home else t["to_id"]
        name, name_en = names.get(partner, (partner, partner))
        params = {
            "partner": name,
            "partner_en": name_en,
            "decided_on": d["decided_on"],
            "decided_by": d["decided_by"],
            "case_ref": d.get("case_ref"),
            "scope": d.get("scope"),
            "tie": t["id"],
        }
        yield Event(review, "freeze_review", "decisions", str(d["id"]), params, d.get("source"), (partner,), late)


def _retention(conn: sqlite3.Connection, first: date, last: date, home: str | None, today: date) -> Iterator[Event]:
    """Contacts whose personal data is to be deleted (``retain_until``), overdue while any of it is still held."""
    rows = _rows(
        conn,
        "SELECT c.id, c.entity_id, c.office, c.retain_until, c.source, "
        "(coalesce(c.person_name, '') || coalesce(c.email, '') || coalesce(c.phone, '')) != '' AS held, "
        "e.name, e.name_en FROM contacts c LEFT JOIN entities e ON e.id = c.entity_id "
        "WHERE c.retain_until IS NOT NULL ORDER BY c.id",
    )
    for c in rows:
        if not c["held"] or not _valid(c["retain_until"]):
            continue  # nothing personal left to delete
        shown, late = open_item(c["retain_until"], first, last, today)
        if shown:
            params = {
                "contact": c["id"],
                "office": c["office"],
                "organisation": c["name"] or c["entity_id"],
                "organisation_en": c["name_en"] or c["name"] or c["entity_id"],
            }
            yield Event(c["retain_until"], "retention", "contacts", c["id"], params, c["source"], (c["entity_id"],), late)


def _rechecks(conn: sqlite3.Connection, first: date, last: date, home: str | None, today: date) -> Iterator[Event]:
    """Active facts whose source falls due for re-checking (``verified_on`` + ``stale_after_years``) by the window's end."""
    # stale_rows(today=d) lists the rows whose check is older than the setting on d: due before d.
    for table, rid, checked, years in freshness.stale_rows(conn, today=last + timedelta(days=1)):
        due = date.fromisoformat(plus_years(dates.latest(checked).isoformat(), years))
        shown, late = open_item(due.isoformat(), first, last, today)
        if not shown:
            continue
        row = conn.execute(f"SELECT source FROM [{table}] WHERE id = ?", (rid,)).fetchone()  # table from freshness
        params = {"what": Message(f"calendar.table.{table}"), "row_table": table, "row": rid, "verified_on": checked, "years": years}
        yield Event(due.isoformat(), "recheck", table, rid, params, row[0] if row else None, (), late)


def _indicator_reports(conn: sqlite3.Connection, first: date, last: date, home: str | None, today: date) -> Iterator[Event]:
    """Each year an indicator is reported for without a value yet, due on its 31 December (docs/review.md, Calendar).

    The years run from the one after the baseline (else the first value) to the target year (else the
    year after the latest value: the next one is due). Indicators of a cancelled action drop out.
    """
    measured: dict[str, set[int]] = {}
    for iid, year in conn.execute("SELECT indicator_id, year FROM indicator_values WHERE year IS NOT NULL"):
        measured.setdefault(iid, set()).add(int(year))
    for ind in _rows(
        conn,
        "SELECT i.* FROM indicators i LEFT JOIN plan_actions a ON a.id = i.action_id "
        "WHERE coalesce(a.status, '') != 'cancelled' ORDER BY i.id",
    ):
        done = measured.get(ind["id"], set())
        start = ind["baseline_year"] + 1 if ind["baseline_year"] is not None else min(done, default=ind["target_year"])
        end = ind["target_year"] if ind["target_year"] is not None else max(done, default=-2) + 1
        for year in range(start if start is not None else 0, end + 1 if start is not None else 0):
            shown, late = open_item(f"{year:04d}-12-31", first, last, today)
            if shown and year not in done:
                params = {
                    "indicator": ind["id"],
                    "name": ind["name"],
                    "name_en": ind["name_en"] or ind["name"],
                    "year": year,
                    "unit": ind["unit"],
                    "target": ind["target"],
                    "target_year": ind["target_year"],
                }
                yield Event(f"{year:04d}-12-31", "indicator_report", "indicators", ind["id"], params, ind["source"], (), late)


#: The collectors, each ``(conn, first, last, home, today) -> events``.
COLLECTORS: list[Collector] = [_agreement_dates, _jubilee_dates, _freeze_reviews, _indicator_reports, _retention, _rechecks]


def events(
    conn: sqlite3.Connection, first: date | None = None, last: date | None = None, home_id: str | None = None, today: date | None = None
) -> list[Event]:
    """Return the events due from ``first`` to ``last`` (both included; default the next twelve months), by date.

    The calendar is for the home municipality (``home_id``, else the configured or only one):
    its twinnings, the agreements it is a party to and the freezes of its ties; contacts and
    source re-checks are the whole registry's. Items whose date is past (before ``today``,
    default the real today) and that are still open — a review of an agreement in force, a
    freeze not lifted, personal data still held, a source not checked again — are listed with
    ``overdue`` set, at their own date, even when that date lies before ``first``.
    """
    today = today or date.today()
    first = first or today
    last = last or default_window(first)[1]
    home = resolve_home(conn, home_id)
    found = [e for collect in COLLECTORS for e in collect(conn, first, last, home, today)]
    order = {k: i for i, k in enumerate(KINDS)}
    return sorted(found, key=lambda e: (e.first_day, order.get(e.kind, len(order)), e.table, e.row_id))
