"""What the text tables do not hold, shown for the reader: times in the registry's zone, country names in a language."""

from __future__ import annotations

import gettext
from datetime import UTC, date
from functools import lru_cache

__all__ = ["TIME_ZONE", "local_time", "country_name", "long_date"]

#: The zone times are shown in when the registry names none (setting ``time_zone``): the audit log's own.
TIME_ZONE = "UTC"


def local_time(stamp: str | None, zone: str = TIME_ZONE) -> str:
    """Return an ISO 8601 UTC time stamp as 'YYYY-MM-DD HH:MM' in ``zone`` ('' for none; the text itself when unreadable).

    >>> local_time("2025-06-19T10:30:00+00:00", "Europe/Oslo"), local_time("2025-01-10T10:30:00Z", "Europe/Oslo")
    ('2025-06-19 12:30', '2025-01-10 11:30')
    >>> local_time("2025-06-19T10:30:00+00:00")
    '2025-06-19 10:30'
    """
    if not stamp:
        return ""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    try:
        at = datetime.fromisoformat(str(stamp).replace("Z", "+00:00"))
    except ValueError:
        return str(stamp)
    if at.tzinfo is None:  # the audit log writes UTC
        at = at.replace(tzinfo=UTC)
    return at.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M")


@lru_cache(maxsize=2)
def _translation(lang: str) -> gettext.NullTranslations:
    """Return pycountry's catalogue of country names in ``lang`` (one that translates nothing when it has none)."""
    import pycountry

    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
    except OSError:
        return gettext.NullTranslations()


#: Names a reader uses where ISO's are inverted official forms ('Korea, Republikken', 'Palestine, State of'):
#: a municipality names countries as its readers do, and not with a loaded long form ('Taiwan, Den kinesiske provins').
_SHORT_NAMES: dict[str, tuple[str, str]] = {
    "BO": ("Bolivia", "Bolivia"),
    "CD": ("Den demokratiske republikken Kongo", "Democratic Republic of the Congo"),
    "FM": ("Mikronesia", "Micronesia"),
    "IR": ("Iran", "Iran"),
    "KP": ("Nord-Korea", "North Korea"),
    "KR": ("Sør-Korea", "South Korea"),
    "MD": ("Moldova", "Moldova"),
    "PS": ("Palestina", "Palestine"),
    "TW": ("Taiwan", "Taiwan"),
    "TZ": ("Tanzania", "Tanzania"),
    "VE": ("Venezuela", "Venezuela"),
    "VG": ("Jomfruøyene (Storbritannia)", "British Virgin Islands"),
    "VI": ("Jomfruøyene (USA)", "United States Virgin Islands"),
}


@lru_cache(maxsize=1024)
def country_name(code: str | None, lang: str) -> str:
    """Return the name of an ISO 3166-1 alpha-2 country in ``lang``; the code itself when unknown.

    >>> country_name("SE", "nb"), country_name("SE", "en")
    ('Sverige', 'Sweden')
    >>> country_name("PS", "nb"), country_name("KR", "nb"), country_name("PS", "en")
    ('Palestina', 'Sør-Korea', 'Palestine')
    """
    if not isinstance(code, str) or not code:
        return ""
    import pycountry

    short = _SHORT_NAMES.get(code.upper())
    if short:
        return short[0] if lang == "nb" else short[1]
    c = pycountry.countries.get(alpha_2=code.upper())
    if c is None:
        return code
    if lang == "nb":
        return _translation("nb").gettext(c.name)
    return getattr(c, "common_name", None) or c.name


_MONTHS = {
    "nb": ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"),
}


def long_date(value: date | str | None, lang: str) -> str:
    """Return a date (or a partial date 'YYYY', 'YYYY-MM') written out as a reader writes it in ``lang``.

    Bokmål writes «7. desember 2026» (day with a full stop, month in lower case), English
    "7 December 2026"; a month alone is «desember 2026», a year alone stays the year.
    Empty for None; text that is no date comes back as it is.

    >>> long_date(date(2026, 12, 7), "nb"), long_date("2026-12-07", "en")
    ('7. desember 2026', '7 December 2026')
    >>> long_date("1968-10", "nb"), long_date("1946", "en"), long_date("ca. 1950", "nb")
    ('oktober 1968', '1946', 'ca. 1950')
    """
    if value is None:
        return ""
    if isinstance(value, date):
        y, m, d = value.year, value.month, value.day
    else:
        from .. import dates

        text = str(value).strip()
        if not dates.is_partial_date(text):
            return text
        y, m, d = dates.parse_partial(text)  # type: ignore[assignment]
    months = _MONTHS["nb" if lang == "nb" else "en"]
    if m is None:
        return str(y)
    if d is None:
        return f"{months[m - 1]} {y}"
    return f"{d}. {months[m - 1]} {y}" if lang == "nb" else f"{d} {months[m - 1]} {y}"
