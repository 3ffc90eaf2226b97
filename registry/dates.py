"""Partial dates: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, compared by the span they cover."""

from __future__ import annotations

import calendar
import re
from datetime import date

from .message import Message, render

__all__ = ["PartialDateError", "parse_partial", "earliest", "latest", "is_partial_date", "year_of"]

_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class PartialDateError(ValueError):
    """Not a partial date: expected YYYY, YYYY-MM or YYYY-MM-DD."""

    def __init__(self, message: Message) -> None:
        self.message = message  # the problem as data, for a reader in either tongue
        super().__init__(render(message, "en"))


def parse_partial(text: str) -> tuple[int, int | None, int | None]:
    """Return ``(year, month, day)`` with missing parts as None; raise PartialDateError.

    >>> parse_partial("1989-06")
    (1989, 6, None)
    """
    m = _PATTERN.match(text.strip()) if isinstance(text, str) else None
    if not m:
        raise PartialDateError(Message("problem.not_a_date", {"value": text}))
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
    if year < 1 or (month is not None and not 1 <= month <= 12):
        raise PartialDateError(Message("problem.impossible_month", {"value": text}))
    if day is not None:
        assert month is not None
        if not 1 <= day <= calendar.monthrange(year, month)[1]:
            raise PartialDateError(Message("problem.impossible_day", {"value": text}))
    return year, month, day


def is_partial_date(text: str) -> bool:
    """Return True when ``text`` parses as a partial date."""
    try:
        parse_partial(text)
    except PartialDateError:
        return False
    return True


def earliest(text: str) -> date:
    """Return the first day the partial date covers (``1989`` -> 1989-01-01)."""
    y, m, d = parse_partial(text)
    return date(y, m or 1, d or 1)


def latest(text: str) -> date:
    """Return the last day the partial date covers (``1989-02`` -> 1989-02-28)."""
    y, m, d = parse_partial(text)
    m = m or 12
    return date(y, m, d or calendar.monthrange(y, m)[1])


def year_of(text: str | None) -> int | None:
    """Return the year of a partial date, or None for empty or invalid text."""
    if not text:
        return None
    try:
        return parse_partial(text)[0]
    except PartialDateError:
        return None
