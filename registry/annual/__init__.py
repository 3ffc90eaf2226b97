"""The annual report on international work: the facts of one year (:mod:`.facts`), written as Markdown or
HTML (:mod:`.write`) and as Word (:mod:`.word`)."""

from __future__ import annotations

from .facts import AnnualReport, annual_report
from .write import html_page, markdown

__all__ = ["AnnualReport", "annual_report", "markdown", "html_page"]
