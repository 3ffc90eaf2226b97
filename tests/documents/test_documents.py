"""The document layer: one model written as Markdown, self-contained HTML and Word, each read back by its reader.

Word files are opened with python-docx (what a script reads) and, where LibreOffice is
installed, converted by it (what an office suite does with them).
"""

from __future__ import annotations

import io
import re
import shutil
import struct
import subprocess
import time
import zipfile
import zlib
from datetime import date

import docx
import pytest

from registry import i18n
from registry.documents import (
    BulletList,
    Document,
    Figure,
    Heading,
    Link,
    Paragraph,
    Quote,
    Strong,
    Table,
    texts,
    to_docx,
    to_html,
    to_markdown,
    write,
)
from registry.documents.pictures import Pictures

EVIL = '<script>alert(1)</script> & "quoted" *bold* [x](javascript:alert(2)) | pipe'


def sample(text: str = "Vennskapsbyer") -> Document:
    """Every kind of block once: two sections, a paragraph with bold and a link, a table, both lists and a quote."""
    return Document(
        title=f"Saksframlegg: {text}",
        lang="nb",
        subtitle="Utkast",
        footer="Laget av registeret",
        blocks=(
            Heading(1, "Saken gjelder"),
            Paragraph.of(Strong("Kilde: "), Link("trondheim.kommune.no", "https://trondheim.kommune.no/"), " og ", text),
            Heading(2, "Finansieringsplan"),
            Table.of(
                ["År", "Beløp"], [["2026", "100\u202f000"], [text, Link("kilde", "https://example.org/a?b=1&c=2")]], caption="Planlagt"
            ),
            BulletList.of(["første", ["andre ", Strong("punkt")]]),
            BulletList.of(["fortsette", "avslutte"], numbered=True),
            Quote(("Hvilende relasjoner hvor aktivitet ikke prioriteres",), "Strategi 2c"),
            Heading(1, "Forslag til vedtak"),
            Paragraph.of("5. mai 1945 er en dato, ikke en liste"),
        ),
    )


# --- dates -----------------------------------------------------------------------------------------


def test_dates_are_written_the_norwegian_and_the_english_way():
    assert i18n.long_date(date(2026, 12, 7), "nb") == "7. desember 2026"
    assert i18n.long_date(date(2026, 12, 7), "en") == "7 December 2026"
    assert i18n.long_date("1968-10-05", "nb") == "5. oktober 1968"
    assert i18n.long_date("2000-08", "nb") == "august 2000" and i18n.long_date("2000-08", "en") == "August 2000"
    assert i18n.long_date("1945", "nb") == "1945"
    assert i18n.long_date(None, "nb") == "" and i18n.long_date("ukjent", "nb") == "ukjent"


# --- Markdown --------------------------------------------------------------------------------------


def test_markdown_structure_round_trips():
    # Sanity of the round trip: every heading comes back at its level, every table row is a row, and every text the
    # model holds is in the file once the escapes are read back.
    doc = sample()
    md = to_markdown(doc)
    headings = re.findall(r"^(#+) (.+)$", md, re.M)
    assert headings == [
        ("#", "Saksframlegg: Vennskapsbyer"),
        ("##", "Saken gjelder"),
        ("###", "Finansieringsplan"),
        ("##", "Forslag til vedtak"),
    ]
    assert "| År | Beløp |\n|---|---|\n| 2026 | 100\u202f000 |" in md
    assert "- første\n- andre **punkt**" in md and "1. fortsette\n2. avslutte" in md
    assert "> Hvilende relasjoner" in md and "[trondheim.kommune.no](" in md  # a named link keeps its name
    for text in texts(doc):
        assert text in read_markdown(md), text


def read_markdown(md: str) -> str:
    """Return the text a reader sees of our Markdown: links by their text, bold unmarked, escapes read back."""
    out = re.sub(r"\[((?:\\.|[^\]\\])*)\]\(<[^>]*>\)", r"\1", md)
    out = re.sub(r"<(https?://[^>\s]+)>", r"\1", out).replace("**", "")
    return re.sub(r"\\(.)", r"\1", out)


def test_markdown_escapes_markup_and_keeps_bold_closed():
    md = to_markdown(sample(EVIL))
    assert "<script>" not in md and "\\<script\\>" in md
    assert "\\*bold\\*" in md and "\\[x\\](javascript:alert(2))" in md and "\\| pipe" in md
    # A bold label ends before its space, else Markdown shows the asterisks.
    assert "**Kilde:** [trondheim.kommune.no](<https://trondheim.kommune.no/>)" in md
    # A date at the start of a paragraph is no numbered list.
    assert "\n5\\. mai 1945" in md


def test_markdown_shows_a_bare_address_once():
    doc = Document("T", "nb", (Paragraph.of(Link("https://a.no/x", "https://a.no/x")),))
    assert "<https://a.no/x>" in to_markdown(doc)


# --- HTML ------------------------------------------------------------------------------------------


def test_html_is_escaped_and_self_contained():
    page = to_html(sample(EVIL))
    assert page.startswith("<!DOCTYPE html>") and '<html lang="nb">' in page
    assert "<script" not in page and "&lt;script&gt;" in page
    # Nothing is fetched from another host: no script, style sheet, image, frame or font by address.
    assert not re.search(r"<(script|link|img|iframe|object|embed)\b", page)
    assert not re.search(r"\bsrc\s*=", page) and "@import" not in page and "url(" not in page
    hrefs = re.findall(r'href="([^"]*)"', page)
    assert hrefs == ["https://trondheim.kommune.no/", "https://example.org/a?b=1&amp;c=2"]  # only the sources' links
    assert "@media print" in page and "@page" in page


def test_html_shows_an_unsafe_address_as_text():
    doc = Document("T", "en", (Paragraph.of(Link("click", "javascript:alert(1)")),))
    page = to_html(doc)
    assert "href" not in page and "click (javascript:alert(1))" in page


# --- Word ------------------------------------------------------------------------------------------


def _docx(doc: Document) -> docx.document.Document:
    return docx.Document(io.BytesIO(to_docx(doc, page_label="Side")))


def test_word_has_real_headings_tables_lists_and_page_numbers():
    d = _docx(sample())
    styles = [(p.style.name, p.text) for p in d.paragraphs]
    assert ("Title", "Saksframlegg: Vennskapsbyer") in styles
    assert ("Heading 1", "Saken gjelder") in styles and ("Heading 2", "Finansieringsplan") in styles
    assert ("List Bullet", "andre punkt") in styles and ("List Number", "avslutte") in styles
    assert ("Quote", "Hvilende relasjoner hvor aktivitet ikke prioriteres") in styles
    (table,) = d.tables
    assert [c.text for c in table.rows[0].cells] == ["År", "Beløp"] and len(table.rows) == 3
    assert table.rows[0]._tr.trPr.xml.count("tblHeader") == 1  # the header row repeats on each page
    footer = d.sections[0].footer._element.xml
    assert "PAGE" in footer and "Side" in footer and "Laget av registeret" in footer
    assert d.core_properties.title == "Saksframlegg: Vennskapsbyer" and d.core_properties.language == "nb-NO"
    rels = [r.target_ref for r in d.part.rels.values() if r.reltype.endswith("/hyperlink")]
    assert rels == ["https://trondheim.kommune.no/", "https://example.org/a?b=1&c=2"]


def test_word_numbers_each_list_from_one():
    # Word's 'List Number' style shares one numbering: without a restart the second list would go on at 3.
    d = _docx(Document("T", "nb", (BulletList.of(["a", "b"], numbered=True), BulletList.of(["c", "d"], numbered=True))))
    ids = [p._p.pPr.numPr.numId.val for p in d.paragraphs if p.style.name == "List Number"]
    assert ids[0] == ids[1] != ids[2] == ids[3]
    numbering = d.part.numbering_part.element.xml
    for num_id in (ids[0], ids[2]):
        block = numbering[numbering.index(f'w:numId="{num_id}"') :]
        assert '<w:startOverride w:val="1"/>' in block[: block.index("</w:num>")]


def test_word_takes_hostile_text_as_text():
    d = _docx(sample(EVIL + "\x01\x0b"))  # control characters have no place in XML: dropped, not a failure
    assert any(EVIL in p.text for p in d.paragraphs)
    assert EVIL in d.tables[0].rows[2].cells[0].text


def test_the_same_registry_gives_the_same_word_file():
    first = to_docx(sample())
    time.sleep(2.1)  # zip time stamps have a resolution of two seconds: saving later must not change the file
    assert to_docx(sample()) == first


def test_write_knows_three_formats():
    assert write(sample(), "md").startswith(b"# Saksframlegg")
    assert write(sample(), "html").startswith(b"<!DOCTYPE html>")
    assert zipfile.is_zipfile(io.BytesIO(write(sample(), "docx")))
    with pytest.raises(ValueError):
        write(sample(), "pdf")


OFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def convert_with_libreoffice(data: bytes, tmp_path, to: str = "txt:Text") -> str:
    """Return the text LibreOffice reads from a .docx (converted headless); fail with its output when it cannot."""
    src = tmp_path / "in.docx"
    src.write_bytes(data)
    run = subprocess.run(
        [OFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", to, "--outdir", str(tmp_path), str(src)],
        capture_output=True,
        text=True,
        timeout=180,
    )
    out = tmp_path / "in.txt"
    assert run.returncode == 0 and out.exists(), run.stdout + run.stderr
    return out.read_text(encoding="utf-8-sig")


@pytest.mark.skipif(OFFICE is None, reason="LibreOffice (soffice/libreoffice) is not installed on this machine")
def test_libreoffice_opens_the_word_file(tmp_path):
    text = convert_with_libreoffice(to_docx(sample(), page_label="Side"), tmp_path)
    assert "Saken gjelder" in text and "Finansieringsplan" in text and "100\u202f000" in text


# --- figures ---------------------------------------------------------------------------------------


def png(width: int = 4, height: int = 3) -> bytes:
    """Return a small valid grey PNG, built by hand (a chart library would do the same for a real report)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))  # filter 0, one grey byte per pixel
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


PIXEL = png()


def figure_doc() -> Document:
    return Document("T", "nb", (Figure(PIXEL, "Besøk per år, 2020–2026", "Figur 1: Besøk <per> år"),))


def test_a_figure_travels_inside_the_html_page():
    page = to_html(figure_doc())
    assert 'src="data:image/png;base64,' in page and "http" not in page
    assert 'alt="Besøk per år, 2020–2026"' in page and "Figur 1: Besøk &lt;per&gt; år" in page


def test_a_figure_is_embedded_in_word_with_its_alternative_text():
    d = _docx(figure_doc())
    assert len(d.inline_shapes) == 1
    assert 'descr="Besøk per år, 2020–2026"' in d.element.body.xml
    assert [p.text for p in d.paragraphs if p.style.name == "Caption"] == ["Figur 1: Besøk <per> år"]
    images = [r for r in d.part.rels.values() if r.reltype.endswith("/image")]
    assert len(images) == 1 and not images[0].is_external


def test_pictures_are_placed_as_python_docx_places_them():
    # The linear-time adder makes the same file as python-docx's own add_picture: the same shape ids, part
    # names and rIds, and a repeated picture shares its image part (here the third is the first again).
    pictures = [png(4, 3), png(5, 3), png(4, 3), png(6, 2)]
    theirs, ours = docx.Document(), docx.Document()
    for p in pictures:
        theirs.add_picture(io.BytesIO(p), width=docx.shared.Cm(3))
    adder = Pictures(ours)
    for p in pictures:
        adder.add(ours, p, docx.shared.Cm(3))

    def parts(d: docx.document.Document) -> dict[str, bytes]:
        buf = io.BytesIO()
        d.save(buf)
        with zipfile.ZipFile(buf) as z:
            return {n: z.read(n) for n in z.namelist() if n.startswith("word/")}

    mine, reference = parts(ours), parts(theirs)
    assert sorted(n for n in mine if n.startswith("word/media/")) == [
        "word/media/image1.png",
        "word/media/image2.png",
        "word/media/image3.png",
    ]
    assert mine == reference


def test_markdown_stands_in_for_a_figure_with_its_words():
    assert "*Figur 1: Besøk \\<per\\> år* (Besøk per år, 2020–2026)" in to_markdown(figure_doc())
