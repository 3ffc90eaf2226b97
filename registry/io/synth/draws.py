"""Random draws every synthetic table uses: invented names, partial dates, code lists, the source mark."""

from __future__ import annotations

import random

import pycountry

__all__ = ["SOURCE", "SECTORS", "POINTS", "countries", "name", "partial_date", "day", "codes"]

#: The ``source`` of every synthetic row, so nobody takes one for a fact.
SOURCE = "synthetic benchmark data (fictional)"

_SYLLABLES = (
    "vel",
    "mor",
    "a",
    "ø",
    "sta",
    "lund",
    "ri",
    "ka",
    "dal",
    "hav",
    "bre",
    "en",
    "tor",
    "vik",
    "li",
    "sæ",
    "nor",
    "ås",
    "ber",
    "go",
    "fjo",
    "mi",
    "ra",
    "un",
    "sol",
    "kel",
    "to",
    "ma",
    "gar",
    "is",
)
#: The strategy points and sectors a synthetic tie or activity may carry.
POINTS = ("1a", "1b", "1c", "1f", "2a", "2c", "3c", "3e", "4a", "4e", "4f")
SECTORS = ("education", "research", "health", "culture", "business", "church", "youth", "other")


def countries() -> list[str]:
    """Return every ISO 3166-1 alpha-2 code, sorted.

    >>> codes = countries()
    >>> "NO" in codes, codes == sorted(codes)
    (True, True)
    """
    return sorted(c.alpha_2 for c in pycountry.countries)


def name(rng: random.Random) -> str:
    """Return an invented name of two or three syllables, capitalised."""
    parts = rng.randint(2, 3)
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts)).capitalize()


def partial_date(rng: random.Random, lo: int, hi: int) -> str:
    """Return a date between the years ``lo`` and ``hi``: a year, a year and month, or a whole day."""
    year = rng.randint(lo, hi)
    shape = rng.random()
    if shape < 0.5:
        return str(year)
    month = rng.randint(1, 12)
    if shape < 0.75:
        return f"{year}-{month:02d}"
    return f"{year}-{month:02d}-{rng.randint(1, 28):02d}"


def day(rng: random.Random, lo: int, hi: int) -> str:
    """Return a whole day (``YYYY-MM-DD``) between the years ``lo`` and ``hi``."""
    return f"{rng.randint(lo, hi)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def codes(rng: random.Random, choices: tuple[str, ...], share: float) -> str:
    """Return one or two of ``choices``, ';'-separated, on ``share`` of the calls; else ''."""
    return ";".join(sorted(set(rng.choices(choices, k=rng.randint(1, 2))))) if rng.random() < share else ""
