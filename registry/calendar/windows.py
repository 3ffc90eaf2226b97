"""The calendar's date arithmetic: round-year jubilees, the default window, and when an open item shows.

Dates are partial (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, :mod:`registry.dates`): a date meets a
window when any day of its span does, and a jubilee is as precise as the start it counts from.
"""

from __future__ import annotations

from datetime import date

from .. import dates
from ..thresholds import threshold

__all__ = ["is_round_year", "plus_years", "meets", "open_item", "jubilees", "default_window"]


def is_round_year(n: int) -> bool:
    """Return True when ``n`` years make a jubilee: 10, 25, 50, 60, 70, 75, 80, 90, 100, then every 10th and 25th.

    >>> [n for n in range(1, 131) if is_round_year(n)]
    [10, 25, 50, 60, 70, 75, 80, 90, 100, 110, 120, 125, 130]
    """
    first, every, tens = (int(threshold(c)) for c in ("jubilee_first_years", "jubilee_every_years", "jubilee_tens_from_years"))
    return n == first or n % every == 0 or (n >= tens and n % 10 == 0)


def plus_years(start: str, years: int) -> str:
    """Return the partial date ``years`` after ``start``, as precise as ``start`` (29 February falls on the 28th)."""
    y, m, d = dates.parse_partial(start)
    if m is None:
        return f"{y + years:04d}"
    if d is None:
        return f"{y + years:04d}-{m:02d}"
    if m == 2 and d == 29 and not dates.is_partial_date(f"{y + years:04d}-02-29"):
        d = 28
    return f"{y + years:04d}-{m:02d}-{d:02d}"


def meets(on: str, first: date, last: date) -> bool:
    """Return True when the span of the partial date ``on`` meets the window ``[first, last]``."""
    return dates.earliest(on) <= last and dates.latest(on) >= first


def open_item(on: str, first: date, last: date, today: date) -> tuple[bool, bool]:
    """Return ``(shown, overdue)`` for a still-open item due on ``on``.

    It is overdue when its date has passed (before ``today``); it is shown when its date
    meets the window, or when it is overdue and its date lies before the window: an open
    item does not drop out of the calendar because its day has gone by.
    """
    overdue = dates.latest(on) < today
    return meets(on, first, last) or (overdue and dates.latest(on) < first), overdue


def jubilees(start: str, first: date, last: date) -> list[tuple[str, int]]:
    """Return ``(date, years)`` for each round-year jubilee of ``start`` whose date meets ``[first, last]``.

    The jubilee is as precise as the start: a year-only start gives a year-only jubilee,
    which meets the window when any day of its year does.

    >>> jubilees("1968-10-05", date(2028, 1, 1), date(2028, 12, 31))
    [('2028-10-05', 60)]
    >>> jubilees("1945", date(2025, 6, 1), date(2026, 5, 31))
    [('2025', 80)]
    >>> jubilees("1968-10-05", date(2028, 10, 6), date(2029, 12, 31))
    []
    """
    y0 = dates.parse_partial(start)[0]
    out = []
    for year in range(max(first.year - y0, 1), last.year - y0 + 1):
        on = plus_years(start, year)
        if is_round_year(year) and meets(on, first, last):
            out.append((on, year))
    return out


def default_window(today: date | None = None) -> tuple[date, date]:
    """Return ``(today, the same day a year later)``: the next twelve months, both ends included."""
    today = today or date.today()
    return today, date.fromisoformat(plus_years(today.isoformat(), int(threshold("calendar_window_years"))))
