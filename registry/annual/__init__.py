"""The annual report on international work: the facts of one year (:mod:`.facts`), written as Markdown or
HTML (:mod:`.write`) and as Word (:mod:`.word`)."""

from __future__ import annotations

import sqlite3

from .facts import AnnualReport, annual_report
from .write import html_page, markdown

__all__ = ["AnnualReport", "annual_report", "markdown", "html_page", "FORMATS", "report_bytes"]

#: The formats a report is written in: format -> (file suffix, MIME type).
FORMATS: dict[str, tuple[str, str]] = {
    "md": (".md", "text/markdown"),
    "html": (".html", "text/html"),
    "docx": (".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
}


def report_bytes(conn: sqlite3.Connection, year: int, fmt: str = "md", lang: str = "nb", home_id: str | None = None) -> bytes:
    """Return the annual report of ``year`` as the bytes of one file in ``fmt`` ('md', 'html' or 'docx') and ``lang``.

    The CLI writes these bytes and the app offers them for download: one report, whichever door it leaves by.
    """
    report = annual_report(conn, year, home_id=home_id)
    if fmt == "docx":
        from .word import docx_bytes  # local: python-docx and matplotlib load only for a Word file

        return docx_bytes(report, lang)
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r}; use md, html or docx")
    return (markdown(report, lang) if fmt == "md" else html_page(report, lang)).encode("utf-8")
