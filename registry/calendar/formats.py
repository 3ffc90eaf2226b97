"""The calendar written out: a line of text per event, a table and its CSV, and an iCalendar file, in nb or en."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pandas as pd

from .. import i18n
from ..i18n import Message
from .items import Event

__all__ = ["kind_label", "summary", "details", "frame", "table_text", "csv_text", "to_ics"]


def kind_label(kind: str, lang: str) -> str:
    """Return the name of an event kind in ``lang``, e.g. 'Jubileum' for ``tie_jubilee``."""
    return i18n.render(Message("calendar.kind." + kind), lang)


def summary(event: Event, lang: str) -> str:
    """Return the one-line text of ``event`` in ``lang`` ('nb' or 'en'), marked when only its year or month is known."""
    text = i18n.render(event.message, lang)
    if not event.exact:
        text += " " + i18n.render(i18n.Message("calendar.partial_date", {"on": event.on}), lang)
    if event.overdue:
        text = i18n.render(i18n.Message("calendar.overdue", {"text": text}), lang)
    return text


def details(event: Event, lang: str) -> str:
    """Return what the event's date rests on, in ``lang``: the date counted from (jubilees) and the source."""
    parts = []
    if "counted_from" in event.params:
        code = "calendar.counted_from_agreement" if event.params.get("basis") == "agreement" else "calendar.counted_from_tie"
        parts.append(i18n.render(i18n.Message(code, dict(event.params)), lang))
    parts.append(i18n.render(i18n.Message("calendar.source", {"source": event.source or "—"}), lang))
    return " ".join(parts)


def frame(found: list[Event], lang: str) -> pd.DataFrame:
    """Return one row per event: date, kind code, text and details in ``lang``, row, overdue, counted from, source.

    The CSV download and ``calendar --format csv`` write this frame; the codes stay stable across languages.
    """
    columns = ["date", "kind", "summary", "details", "table", "row_id", "overdue", "counted_from", "source"]
    return pd.DataFrame(  # object columns: an empty cell stays None (not NaN) in the CSV
        [
            [e.on, e.kind, summary(e, lang), details(e, lang), e.table, e.row_id, e.overdue, e.params.get("counted_from"), e.source]
            for e in found
        ],
        columns=columns,
        dtype=object,
    )


def table_text(found: list[Event], lang: str) -> str:
    """Return the events as terminal text: a line per event (date, text), its details indented below, then a count."""
    if not found:
        return i18n.render(Message("calendar.nothing"), lang) + "\n"
    width = max(len(e.on) for e in found)
    lines = []
    for e in found:
        lines.append(f"{e.on:<{width}}  {summary(e, lang)}")
        lines.append(f"{'':<{width}}  {details(e, lang)}")
    lines.append(i18n.render(Message("calendar.total", {"n": len(found), "overdue": sum(e.overdue for e in found)}), lang))
    return "\n".join(lines) + "\n"


def csv_text(found: list[Event], lang: str) -> str:
    """Return :func:`frame` as CSV text, cells a spreadsheet would run as formulas neutralised (header row, no index)."""
    from ..io.export import rows_to_csv

    table = frame(found, lang)
    return rows_to_csv(list(table.columns), table.itertuples(index=False, name=None), spreadsheet_safe=True)


def to_ics(found: list[Event], lang: str, stamp: datetime | None = None) -> bytes:
    """Return an iCalendar file of ``found``: one all-day event each, with a stable UID, in ``lang``.

    A date known only to the year or month is put on its first day, and its summary says so.
    ``stamp`` is the DTSTAMP of every event (default now, UTC).
    """
    import icalendar

    stamp = stamp or datetime.now(UTC).replace(microsecond=0)
    cal = icalendar.Calendar()
    cal.add("prodid", "-//international-relations-registry//calendar//" + lang.upper())
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", i18n.render(i18n.Message("calendar.ics_name", {}), lang))
    for e in found:
        ev = icalendar.Event()
        ev.add("uid", e.uid)
        ev.add("dtstamp", stamp)
        ev.add("dtstart", e.first_day)  # a date: an all-day event (VALUE=DATE)
        ev.add("dtend", e.first_day + timedelta(days=1))
        ev.add("summary", summary(e, lang))
        ev.add("description", details(e, lang))
        ev.add("categories", [i18n.render(i18n.Message("calendar.kind." + e.kind, {}), lang)])
        ev.add("transp", "TRANSPARENT")  # a due date, not a meeting: it does not make anyone busy
        cal.add_component(ev)
    return cal.to_ical()
