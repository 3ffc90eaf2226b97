"""A :class:`~registry.documents.model.Document` as a Word file (python-docx): real headings, tables, lists, page numbers.

Case systems file Word documents: headings use Word's own Heading styles (so the
navigation pane and a table of contents see them), tables repeat their header row
on each page, links are real hyperlinks, and the footer holds a PAGE field that
Word and LibreOffice fill with the page number.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, datetime

from docx import Document as new_docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph as DocxParagraph

from .chart import PngCharts
from .model import BulletList, Chart, Document, Figure, Heading, Inline, Link, Paragraph, Quote, Strong, Table
from .pictures import Pictures

__all__ = ["to_docx"]

# XML 1.0 has no place for these control characters: python-docx refuses them, so a stray one in a
# registry note would make the whole document fail. Tabs and line breaks stay.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _x(text: str) -> str:
    return _NOT_XML.sub("", str(text))


#: Word's language tags for the document languages (spelling and hyphenation follow them).
_LANG_TAG = {"nb": "nb-NO", "en": "en-GB"}


def _field(paragraph: DocxParagraph, instruction: str) -> None:
    """Append a complex field (``PAGE``, ``NUMPAGES``) to ``paragraph``; Word computes its value when shown."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, instruction), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif text == instruction:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {instruction} "
        else:
            el = OxmlElement("w:t")  # the value shown until the field is updated
            el.text = text
        run._r.append(el)


def _hyperlink(paragraph: DocxParagraph, text: str, url: str) -> None:
    """Append a hyperlink run to ``paragraph`` (python-docx has no public call for one)."""
    rel = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    props.append(style)
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), "1F3A75")
    props.append(colour)
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    props.append(underline)
    run.append(props)
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def _runs(paragraph: DocxParagraph, runs: tuple[Inline, ...]) -> None:
    for r in runs:
        if isinstance(r, Link):
            if r.href.strip().lower().startswith(("http://", "https://", "mailto:")):
                _hyperlink(paragraph, _x(r.text), _x(r.href.strip()))
            else:
                paragraph.add_run(_x(r.text if r.text == r.href else f"{r.text} ({r.href})"))
        elif isinstance(r, Strong):
            paragraph.add_run(_x(r.text)).bold = True
        else:
            paragraph.add_run(_x(r))


def _repeat_header(row) -> None:
    # w:tblHeader makes Word and LibreOffice repeat the row at the top of each page the table spans.
    props = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    props.append(el)


def _restart_numbering(doc, paragraphs: list[DocxParagraph]) -> None:
    """Number ``paragraphs`` from 1: every 'List Number' paragraph shares one numbering, which would run on across lists."""
    if not paragraphs:
        return
    style = doc.styles["List Number"].element
    num_pr = style.pPr.numPr if style.pPr is not None else None
    if num_pr is None or num_pr.numId is None:
        return
    numbering = doc.part.numbering_part.element
    shared = next(n for n in numbering.findall(qn("w:num")) if n.numId == num_pr.numId.val)
    fresh = numbering.add_num(shared.abstractNumId.val)
    fresh.add_lvlOverride(ilvl=0).add_startOverride(1)
    for p in paragraphs:
        own = p._p.get_or_add_pPr().get_or_add_numPr()
        own.get_or_add_ilvl().val = 0
        own.get_or_add_numId().val = fresh.numId


def _language(doc, lang: str) -> None:
    props = doc.styles.element.find(qn("w:docDefaults"))
    rpr = props.find(qn("w:rPrDefault")).find(qn("w:rPr")) if props is not None else None
    if rpr is None:
        return
    el = rpr.find(qn("w:lang"))
    if el is None:
        el = OxmlElement("w:lang")
        rpr.append(el)
    el.set(qn("w:val"), _LANG_TAG.get(lang, "en-GB"))


def to_docx(doc: Document, *, page_label: str = "", created: datetime | None = None) -> bytes:
    """Return ``doc`` as the bytes of a .docx file.

    The footer reads ``page_label`` followed by the page number (a PAGE field) and,
    when ``doc.footer`` is set, that text on the line above.
    """
    out = new_docx()
    _language(out, doc.lang)
    out.styles["Normal"].font.size = Pt(11)
    props = out.core_properties
    props.title = _x(doc.title)[:255]
    props.language = _LANG_TAG.get(doc.lang, "en-GB")
    # A fixed time makes two runs on the same registry give the same file (the package's default is now).
    props.created = props.modified = created or datetime(2000, 1, 1, tzinfo=UTC)
    props.author = props.last_modified_by = ""
    charts: PngCharts | None = None  # made at the first chart: matplotlib loads only for a document that has one
    pictures: Pictures | None = None
    out.add_heading(_x(doc.title), level=0)
    if doc.subtitle:
        out.add_paragraph(_x(doc.subtitle), style="Subtitle")
    for b in doc.blocks:
        if isinstance(b, Heading):
            out.add_heading(_x(b.text), level=min(max(b.level, 1), 9))
        elif isinstance(b, Paragraph):
            _runs(out.add_paragraph(), b.runs)
        elif isinstance(b, Table):
            if b.caption:
                out.add_paragraph(_x(b.caption), style="Caption")
            table = out.add_table(rows=1, cols=len(b.header))
            table.style = "Table Grid"
            for cell, text in zip(table.rows[0].cells, b.header):
                cell.text = ""
                cell.paragraphs[0].add_run(_x(text)).bold = True
            _repeat_header(table.rows[0])
            for row in b.rows:
                cells = table.add_row().cells
                for cell, runs in zip(cells, row):
                    _runs(cell.paragraphs[0], runs)
        elif isinstance(b, BulletList):
            style = "List Number" if b.numbered else "List Bullet"
            paragraphs = [out.add_paragraph(style=style) for _ in b.items]
            for paragraph, item in zip(paragraphs, b.items):
                _runs(paragraph, item)
            if b.numbered:
                _restart_numbering(out, paragraphs)
        elif isinstance(b, (Figure, Chart)):
            if isinstance(b, Chart):
                charts = charts or PngCharts(doc.lang)
                png = charts.png(b)
            else:
                png = b.png
            pictures = pictures or Pictures(out)
            inline = pictures.add(out, png, Cm(b.width_cm))
            # The alternative text a screen reader reads: Word takes it from docPr, other readers from cNvPr.
            # (On the picture itself: listing the document's paragraphs for the last one grew with every chart.)
            for el in inline.xpath(".//wp:docPr | .//pic:cNvPr"):
                el.set("descr", _x(b.alt))
            if b.caption:
                out.add_paragraph(_x(b.caption), style="Caption")
        elif isinstance(b, Quote):
            for text in b.paragraphs:
                out.add_paragraph(_x(text), style="Quote")
            if b.cite:
                out.add_paragraph(_x(f"— {b.cite}")).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if charts is not None:
        charts.close()
    footer = out.sections[0].footer
    first = footer.paragraphs[0]
    if doc.footer:
        first.text = _x(doc.footer)
        first = footer.add_paragraph()
    first.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if page_label:
        first.add_run(_x(f"{page_label} "))
    _field(first, "PAGE")
    buf = io.BytesIO()
    out.save(buf)
    return _fixed_times(buf.getvalue())


def _fixed_times(data: bytes) -> bytes:
    """Return the package with every part dated 1980-01-01, so the same document gives the same bytes."""
    # The zip writer stamps each part with the time of saving; a file that changes every second cannot be
    # compared with the one filed before.
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(
                zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0)), src.read(info.filename), compress_type=zipfile.ZIP_DEFLATED
            )
    return buf.getvalue()
