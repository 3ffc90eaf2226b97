"""Facts as data, text at the edge: a :class:`Message` is a code and its parameters; :func:`render` writes it in nb or en.

The library's logic (analysis, review, import checks) returns messages, never sentences.
Each code has one template per language in :data:`TEMPLATES`, declared by the i18n part
that owns the text (a part module's ``TEMPLATES`` dict, merged in :mod:`registry.i18n`).

Template fields are ``str.format`` fields with three extra conversions, so that plural
forms and labels are declared here and nowhere else:

- ``{n:plural:rad/rader}`` — the singular when ``n`` is 1, else the plural;
- ``{kind:label:activity_kinds}`` — the label of a vocabulary code in the language;
- ``{names:list}`` — a sequence joined with commas and «og»/"and";

and a parameter that is itself a :class:`Message` is rendered in the same language.
"""

from __future__ import annotations

import functools
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Message", "render", "register", "TEMPLATES"]


@dataclass(frozen=True)
class Message:
    """A fact to be told: ``code`` names its template, ``params`` fill it (numbers, names, dates, codes, messages)."""

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def __hash__(self) -> int:  # params is a dict: hash by its sorted items so messages can be set members
        return hash((self.code, tuple(sorted((k, repr(v)) for k, v in self.params.items()))))


#: Every message template: code -> (nb, en).
TEMPLATES: dict[str, tuple[str, str]] = {}


def register(templates: Mapping[str, tuple[str, str]]) -> None:
    """Add ``templates`` to :data:`TEMPLATES`; raise ValueError naming a code that is declared twice.

    >>> register({"doc.example": ("{n} {n:plural:rad/rader}", "{n} {n:plural:row/rows}")})
    >>> register({"doc.example": ("x", "y")})
    Traceback (most recent call last):
    ValueError: message code 'doc.example' is declared twice
    """
    twice = sorted(set(templates) & set(TEMPLATES))
    if twice:
        raise ValueError(f"message code {twice[0]!r} is declared twice")
    TEMPLATES.update(templates)


def _join(items: Sequence[str], lang: str) -> str:
    items = [str(i) for i in items]
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + (" og " if lang == "nb" else " and ") + items[-1]


class _Formatter(string.Formatter):
    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value: Any, spec: str) -> str:
        if isinstance(value, Message):
            return render(value, self.lang)
        kind, _, arg = spec.partition(":")
        if kind == "plural":
            one, _, other = arg.partition("/")
            return one if value == 1 else other
        if kind == "label":
            from . import vocab  # local: vocab imports nothing of i18n, but keep i18n a leaf at import time

            return vocab.label(arg, value, self.lang)
        if kind == "list":
            return _join([render(v, self.lang) if isinstance(v, Message) else v for v in value], self.lang)
        return super().format_field(value, spec)


def render(message: Message, lang: str) -> str:
    """Return ``message`` written in ``lang`` ('nb' or 'en') from its template.

    >>> register({"doc.rows": ("{n} {n:plural:rad/rader} i {t:label:categories}",
    ...                        "{n} {n:plural:row/rows} in {t:label:categories}")})
    >>> render(Message("doc.rows", {"n": 1, "t": "dormant"}), "nb")
    '1 rad i Hvilende'
    >>> render(Message("doc.rows", {"n": 2, "t": "dormant"}), "en")
    '2 rows in Dormant'
    """
    nb, en = TEMPLATES[message.code]
    formatter = _FORMATTERS.get(lang) or _Formatter(lang)
    params = message.params
    out = []
    # str.format's own loop, over a template parsed once: a large analysis renders hundreds of thousands.
    for literal, name, spec, conversion, plain in _parsed(nb if lang == "nb" else en):
        out.append(literal)
        if name is None:
            continue
        value = params[name] if plain else formatter.get_field(name, (), params)[0]
        if conversion:
            value = formatter.convert_field(value, conversion)
        if not spec and type(value) is str:  # what format(value, "") would give
            out.append(value)
        else:
            out.append(formatter.format_field(value, formatter.vformat(spec, (), params) if "{" in spec else spec))
    return "".join(out)


@functools.cache
def _parsed(template: str) -> tuple[tuple[str, str | None, str, str | None, bool], ...]:
    """The template's parts as str.format reads them, each field marked when its name is a plain parameter name."""
    return tuple(
        (literal, name, spec or "", conversion, name is not None and name.isidentifier())
        for literal, name, spec, conversion in string.Formatter().parse(template)
    )


_FORMATTERS = {lang: _Formatter(lang) for lang in ("nb", "en")}
