"""What an empty cell is: None, NaN (pandas' missing value) or, for text, the empty string.

One place says it, so the registry, its documents and its forms agree on what "nothing there" means.
"""

from __future__ import annotations

import math

__all__ = ["missing", "blank", "text"]


def missing(value: object) -> bool:
    """Return True for None and NaN: what SQLite and pandas leave where nothing is recorded.

    >>> missing(None), missing(float("nan")), missing(0), missing("")
    (True, True, False, False)
    """
    return value is None or (isinstance(value, float) and math.isnan(value))


def blank(value: object) -> bool:
    """Return True for a missing value or an empty string: a cell a reader sees as empty.

    >>> blank(""), blank(None), blank(" "), blank(0.0)
    (True, True, False, False)
    """
    return missing(value) or value == ""


def text(value: object) -> str:
    """Return ``value`` as text, or "" when it is missing.

    >>> text(None), text(float("nan")), text(12)
    ('', '', '12')
    """
    return "" if missing(value) else str(value)
