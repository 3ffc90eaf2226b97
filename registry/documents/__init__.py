"""Documents the office files: a document model built as data, written as Markdown, printable HTML or Word.

The council case (:mod:`.case`) is built here; the annual report (:mod:`registry.annual.report`) shares the
model and writers (its indicator charts as :class:`Chart` blocks, drawn by each writer into the file).
"""

from __future__ import annotations

from .html import to_html
from .markdown import to_markdown
from .model import BulletList, Chart, Document, Figure, Heading, Link, Paragraph, Quote, Strong, Table, texts
from .word import to_docx

__all__ = [
    "FORMATS",
    "MIME_TYPES",
    "write",
    "to_markdown",
    "to_html",
    "to_docx",
    "Document",
    "Heading",
    "Paragraph",
    "Table",
    "BulletList",
    "Quote",
    "Figure",
    "Chart",
    "Link",
    "Strong",
    "texts",
]

#: The formats a document is written in, and their file suffixes.
FORMATS: dict[str, str] = {"md": ".md", "html": ".html", "docx": ".docx"}
#: The media type of each format (for downloads).
MIME_TYPES: dict[str, str] = {
    "md": "text/markdown",
    "html": "text/html",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def write(doc: Document, fmt: str, *, page_label: str = "") -> bytes:
    """Return ``doc`` written as ``fmt`` ('md', 'html' or 'docx') as bytes (UTF-8 for the text formats).

    ``page_label`` is the word before the page number in the Word footer ('Side', 'Page').
    Raises ValueError for another format.
    """
    if fmt == "md":
        return to_markdown(doc).encode("utf-8")
    if fmt == "html":
        return to_html(doc).encode("utf-8")
    if fmt == "docx":
        return to_docx(doc, page_label=page_label)
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
