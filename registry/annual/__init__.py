"""The annual report on international work: the facts of one year (:mod:`.facts`) built into one document
(:mod:`.report`), written by the shared writers of :mod:`registry.documents` as Markdown, HTML or Word."""

from __future__ import annotations

from ..documents import FORMATS as _SUFFIXES
from ..documents import MIME_TYPES as _MIME_TYPES
from .facts import AnnualReport, annual_report
from .report import annual_document, build_report, report_bytes, report_filename

__all__ = ["AnnualReport", "annual_report", "build_report", "annual_document", "report_bytes", "report_filename", "FORMATS"]

#: The formats a report is written in: format -> (file suffix, MIME type).
FORMATS: dict[str, tuple[str, str]] = {fmt: (suffix, _MIME_TYPES[fmt]) for fmt, suffix in _SUFFIXES.items()}
