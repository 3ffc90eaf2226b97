"""Every text of the app in Norwegian bokmål and English, declared as data: key -> (nb, en).

Vocabulary labels (kinds, sectors, categories) live in :mod:`registry.vocab` and
finding titles in :mod:`registry.rules`; country names come from pycountry's
translations. ``tests/test_i18n.py`` checks that every key has both languages
and that every key the app uses is here.

The texts are declared in one module per part of the app (:mod:`.frame`,
:mod:`.explore`, :mod:`.review`, :mod:`.data`; the column labels in :mod:`.fields`)
and merged here into the one :data:`STRINGS` that :func:`t` looks keys up in.
"""

from __future__ import annotations

from typing import Any

from ..message import Message, register, render
from . import (  # the analysis' findings, import problems (templates registered below)
    annual,
    calendar,
    case,
    data,
    downloads,
    editform,
    entity,
    explore,
    findings,
    frame,
    network,
    picture,
    plan,
    problems,
    reasons,
    review,
    rulebook,
    safety,
    suggestions,
)
from .fields import FIELD_HELP_NB, FIELDS, TABLE_LABELS, field_help, field_label
from .lookup import TIME_ZONE, country_name, local_time, long_date

__all__ = [
    "LANGUAGES",
    "LANGUAGE_NAMES",
    "STRINGS",
    "FIELDS",
    "TABLE_LABELS",
    "TIME_ZONE",
    "t",
    "table_label",
    "field_label",
    "country_name",
    "local_time",
    "FIELD_HELP_NB",
    "field_help",
    "Message",
    "render",
    "register",
    "long_date",
    "column_label",
]

LANGUAGES: tuple[str, ...] = ("nb", "en")
LANGUAGE_NAMES: dict[str, str] = {"nb": "Norsk", "en": "English"}


def _merged(*parts: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """Return one dict holding the texts of all ``parts``; raise ValueError naming a key that two parts declare.

    >>> _merged({"a.b": ("x", "y")}, {"a.c": ("z", "w")})
    {'a.b': ('x', 'y'), 'a.c': ('z', 'w')}
    >>> _merged({"a.b": ("x", "y")}, {"a.b": ("z", "w")})
    Traceback (most recent call last):
    ValueError: i18n key 'a.b' is declared in two parts
    """
    texts: dict[str, tuple[str, str]] = {}
    for part in parts:
        # A plain update would let the later part win without a word; a key repeated inside one part is ruff's F601.
        twice = sorted(part.keys() & texts.keys())
        if twice:
            raise ValueError(f"i18n key {twice[0]!r} is declared in two parts")
        texts.update(part)
    return texts


register(findings.TEMPLATES)  # the analysis' findings: messages, rendered by :func:`render`
register(suggestions.TEMPLATES)  # the connection suggestions (registry.analysis.suggestions)

#: Every UI text: key -> (nb, en).
STRINGS: dict[str, tuple[str, str]] = _merged(
    frame.STRINGS,
    explore.STRINGS,
    review.STRINGS,
    data.STRINGS,
    calendar.STRINGS,
    reasons.STRINGS,
    case.STRINGS,
    plan.STRINGS,
    network.STRINGS,
    safety.STRINGS,
    editform.STRINGS,
    downloads.STRINGS,
    entity.STRINGS,
    picture.STRINGS,
    rulebook.STRINGS,
)
register(calendar.TEMPLATES)  # what is due (registry.calendar.items)
register(reasons.TEMPLATES)  # the review's reasons, states, roles and notes (registry.review)
register(case.TEMPLATES)  # the council case (registry.documents.case)
register(plan.TEMPLATES)  # the action plan and the strategy coverage (registry.review.strategy)
register(annual.TEMPLATES)  # the annual report (registry.annual)
register(editform.TEMPLATES)  # the change history (registry.edit.audit.history)
register(problems.TEMPLATES)  # import problems and integrity findings (registry.errors.Problem, registry.checks)


def table_label(table: str, lang: str) -> str:
    """Return the display name of a data table in ``lang`` (the evidence model's, or an io.table_* text), else the table name.

    >>> table_label("activities", "nb"), table_label("ties", "nb")
    ('Aktiviteter', 'Forbindelser')
    """
    nb, en = TABLE_LABELS.get(table) or STRINGS.get("io.table_" + table, (table, table))
    return nb if lang == "nb" else en


def t(key: str, lang: str, **values: Any) -> str:
    """Return the text ``key`` in ``lang`` ('nb' or 'en'), with ``{name}`` fields filled from ``values``.

    >>> t("nav.map", "en")
    'Map'
    >>> t("network.tie_count", "nb", n=3), t("network.tie_count", "en", n=1)
    ('3 forbindelser', '1 tie')

    A key with a ``<key>_one`` variant uses it when ``n`` is 1.
    """
    if values.get("n") == 1 and key + "_one" in STRINGS:  # the singular: '1 tie', not '1 ties'
        key += "_one"
    nb, en = STRINGS[key]
    text = nb if lang == "nb" else en
    return text.format(**values) if values else text


def column_label(column: str, language: str) -> str:
    """Return the header a CSV download gives ``column`` in ``language``: the label the app shows it with.

    The page's table texts first (``col.*``, ``metrics.*``), then the download texts
    (:data:`registry.i18n.downloads.COLUMNS`), the form fields' labels, a tie kind for a
    ``ties_<kind>`` count; the code itself only when none labels it.

    >>> column_label("tie_id", "nb"), column_label("city_name", "en"), column_label("ties_sister_city", "en")
    ('Forbindelse', 'City', 'Sister city')
    """
    from .. import vocab  # local: vocab is not needed to load the texts

    for key in (f"col.{column}", f"metrics.{column}"):
        if key in STRINGS:
            return t(key, language)
    if column in downloads.COLUMNS:
        nb, en = downloads.COLUMNS[column]
        return nb if language == "nb" else en
    if column in FIELDS:
        return field_label(column, language)
    kind = column.removeprefix("ties_")
    if kind != column and kind in {k.code for k in vocab.TIE_KINDS}:
        return vocab.label("tie_kinds", kind, language)
    return column
