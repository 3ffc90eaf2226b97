"""Problems in the reader's language: an import's, the store's and the review's problems as table rows.

A :class:`registry.errors.Problem` carries a :class:`~registry.message.Message` made
where the problem was found; its templates (bokmål and English) are in
:mod:`registry.i18n.problems`. Nothing here reads a sentence back: the English the CLI
prints and the bokmål the app shows are two renderings of one message.
"""

from __future__ import annotations

from typing import Any

from ..message import render

__all__ = ["problem_rows"]


def problem_rows(problems: list[Any], lang: str) -> list[tuple[str, int, str, str]]:
    """Return ``(file, row, column, reason)`` for each problem, the reason written in ``lang`` ('nb' or 'en').

    >>> from registry.errors import Problem
    >>> problem_rows([Problem.of("ties.csv", 2, "start", "not_a_date", value="planet")], "nb")
    [('ties.csv', 2, 'start', "'planet' er ikke en dato: forventet ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD")]
    """
    return [(p.file, p.row, p.column, render(p.message, lang)) for p in problems]
