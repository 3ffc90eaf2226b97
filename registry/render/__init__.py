"""Text at the edge: the review's facts written for a reader in bokmål or English.

The analysis and the review return facts (codes, numbers, names, :class:`~registry.i18n.Message`
objects); the CLI, the app and the documents ask this package to write them in a language.
It is the only place below the app with a ``lang`` parameter beside :mod:`registry.i18n`:

- :mod:`.labels` — a category, an agreement, a severity, a finding kind; the labelled table
  of suggestions and the findings filter that searches the reader's text;
- :mod:`.review_text` — the sister-city review as terminal text;
- :mod:`.summary` — the council summary as Markdown or printable HTML;
- :mod:`.strategy_text` — the strategy point by point in words.
"""

from __future__ import annotations

__all__: list[str] = []
