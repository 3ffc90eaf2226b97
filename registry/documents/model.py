"""A document as data: a title and blocks (headings, paragraphs, tables, lists, quotes) that the writers render.

The case and the annual report build one :class:`Document`; :mod:`.markdown`,
:mod:`.html` and :mod:`.word` write it. Text here is plain text: each writer
escapes it for its format, so a builder never writes markup.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

__all__ = [
    "Link",
    "Strong",
    "Inline",
    "Heading",
    "Paragraph",
    "Table",
    "BulletList",
    "Quote",
    "Figure",
    "Chart",
    "Block",
    "Document",
    "plain",
    "texts",
]


@dataclass(frozen=True)
class Link:
    """A link to a source: the text shown and the address (a web address or another reference, kept as written)."""

    text: str
    href: str


@dataclass(frozen=True)
class Strong:
    """Text set in bold (a label before its value)."""

    text: str


#: A run of a paragraph, a list item or a table cell.
Inline = str | Link | Strong


def _runs(value: Inline | Sequence[Inline]) -> tuple[Inline, ...]:
    return (value,) if isinstance(value, (str, Link, Strong)) else tuple(value)


@dataclass(frozen=True)
class Heading:
    """A heading of ``level`` 1 (the sections) to 3."""

    level: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of runs."""

    runs: tuple[Inline, ...]

    @classmethod
    def of(cls, *runs: Inline) -> Paragraph:
        """Return a paragraph of ``runs`` (strings, links, bold text)."""
        return cls(tuple(runs))


@dataclass(frozen=True)
class Table:
    """A table with one header row; each cell is a run or a sequence of runs. ``caption`` goes above it."""

    header: tuple[str, ...]
    rows: tuple[tuple[tuple[Inline, ...], ...], ...]
    caption: str = ""

    @classmethod
    def of(cls, header: Sequence[str], rows: Sequence[Sequence[Inline | Sequence[Inline]]], caption: str = "") -> Table:
        """Return a table; raise ValueError when a row has another number of cells than the header."""
        cells = tuple(tuple(_runs(c) for c in row) for row in rows)
        for row in cells:
            if len(row) != len(header):
                raise ValueError(f"a row has {len(row)} cells for {len(header)} columns")
        return cls(tuple(header), cells, caption)


@dataclass(frozen=True)
class BulletList:
    """A list of items, each a sequence of runs; ``numbered`` for a numbered list."""

    items: tuple[tuple[Inline, ...], ...]
    numbered: bool = False

    @classmethod
    def of(cls, items: Sequence[Inline | Sequence[Inline]], numbered: bool = False) -> BulletList:
        """Return a list of ``items`` (each a run or a sequence of runs)."""
        return cls(tuple(_runs(i) for i in items), numbered)


@dataclass(frozen=True)
class Quote:
    """Words quoted as written (the strategy), each string a paragraph, with where they come from."""

    paragraphs: tuple[str, ...]
    cite: str = ""


@dataclass(frozen=True)
class Figure:
    """A picture made by the registry (a chart as PNG bytes), with the text that stands for it and a caption.

    Written into the file itself (HTML as a data address, Word as an embedded picture), never linked:
    the document must open where no other host can be reached. Markdown shows the caption and ``alt``.
    """

    png: bytes
    alt: str
    caption: str = ""
    width_cm: float = 15.0


@dataclass(frozen=True)
class Chart:
    """A line chart as data: values by year (``points``) and, when set, a ``target`` drawn as a dashed line.

    Each writer draws it in its own way — HTML as inline SVG, Word as an embedded PNG,
    Markdown as its words — so a document with many charts costs a picture only where one is shown.
    """

    points: tuple[tuple[int, float], ...]
    alt: str
    caption: str = ""
    target: float | None = None
    width_cm: float = 14.0


Block = Heading | Paragraph | Table | BulletList | Quote | Figure | Chart


@dataclass(frozen=True)
class Document:
    """A whole document: its title, language ('nb' or 'en'), a line under the title, and its blocks in order."""

    title: str
    lang: str
    blocks: tuple[Block, ...] = ()
    subtitle: str = ""
    footer: str = field(default="")


def plain(run: Inline) -> str:
    """Return the text a reader sees of one run.

    >>> plain(Link("kilde", "https://example.org")), plain(Strong("Bakgrunn"))
    ('kilde', 'Bakgrunn')
    """
    return run if isinstance(run, str) else run.text


def texts(doc: Document) -> Iterator[str]:
    """Yield every text a reader of ``doc`` sees, block by block (cells and items one by one).

    >>> list(texts(Document("T", "nb", (Heading(1, "H"), Paragraph.of("a ", Strong("b"))))))
    ['T', 'H', 'a b']
    """
    yield doc.title
    if doc.subtitle:
        yield doc.subtitle
    for b in doc.blocks:
        if isinstance(b, Heading):
            yield b.text
        elif isinstance(b, Paragraph):
            yield "".join(plain(r) for r in b.runs)
        elif isinstance(b, Table):
            if b.caption:
                yield b.caption
            yield from b.header
            for row in b.rows:
                yield from ("".join(plain(r) for r in cell) for cell in row)
        elif isinstance(b, BulletList):
            yield from ("".join(plain(r) for r in item) for item in b.items)
        elif isinstance(b, Quote):
            yield from b.paragraphs
            if b.cite:
                yield b.cite
        elif isinstance(b, (Figure, Chart)):
            yield b.alt
            if b.caption:
                yield b.caption
    if doc.footer:
        yield doc.footer
