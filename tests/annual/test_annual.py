"""The annual report: its figures equal SQL over the same rows; Markdown, HTML and Word are one document in nb and en."""

from __future__ import annotations

import io
import re
import sqlite3
from html.parser import HTMLParser

import pytest

from registry import connect
from registry.annual import annual_report, build_report
from registry.annual.facts import in_year
from registry.documents import Chart, Heading, to_docx, to_html, to_markdown
from registry.i18n.annual import TEMPLATES
from registry.io.ingest import import_texts
from tests import apps
from tests.documents.test_documents import OFFICE, convert_with_libreoffice
from tests.test_action_plan import FILES

YEAR = 2025

# On top of the action plan of tests/test_action_plan.py (two actions, two indicators measured 2023-2025,
# a budget line planned for each action): a visit and a delegation in 2025 and a meeting in 2024, an
# agreement signed in 2025 (review due 2027), a decision in 2025, and budget lines of 2024 and 2025 from
# two funders, one the actual cost of the delegation.
EXTRA = [
    (
        "activities.csv",
        """id,kind,title,start,sectors,purpose,strategy_points,source
besok-x,visit,Besøk fra X,2025-03,culture,Kulturutveksling,1h,test
delegasjon-x,delegation,Delegasjon til X,2025-09-10,education;culture,Skolesamarbeid,1c,test
mote-2024,meeting,Møte med X,2024-05,,Planlegging,,test
""",
    ),
    (
        "participants.csv",
        """activity_id,entity_id,role
besok-x,home,host
delegasjon-x,home,visitor
mote-2024,home,host
""",
    ),
    (
        "agreements.csv",
        """id,kind,title,signed_on,review_on,source
avtale-x,cooperation_agreement,Samarbeidsavtale med X,2025-06-01,2027,test
""",
    ),
    (
        "parties.csv",
        """agreement_id,entity_id
avtale-x,home
avtale-x,x
""",
    ),
    (
        "decisions.csv",
        """kind,title,decided_on,decided_by,case_ref,reason,source
adopt_action_plan,Handlingsplan 2025–2026,2025-02-12,Formannskapet,sak 9/25,Vedtatt,test
""",
    ),
    (
        "lines2.csv",
        """tie_id,activity_id,year,kind,amount,funder,purpose,source
home--x,,2025,plan,100000,municipal,Vennskapsby,test
home--x,,2025,plan,40000,Fondet,Vennskapsby,test
,delegasjon-x,2025,actual,12500,municipal,Reise,test
home--x,,2024,plan,80000,municipal,Vennskapsby,test
""",
    ),
]


@pytest.fixture
def plan(tmp_path) -> sqlite3.Connection:
    conn = connect(tmp_path / "annual.db")
    files = FILES + EXTRA + [("settings.csv", "key,value\nhome_id,home\n")]
    import_texts(conn, [(n, t.encode("utf-8")) for n, t in files], actor="test")
    yield conn
    conn.close()


def test_the_figures_equal_sql_over_the_same_rows(plan):
    r = annual_report(plan, YEAR)
    sql = lambda q, *a: plan.execute(q, a).fetchall()  # noqa: E731
    acts = [i for i, s in sql("SELECT id, start FROM activities") if in_year(s, YEAR)]
    assert sorted(r.activities["id"]) == sorted(acts) and r.counts["activities"] == 2
    assert (
        r.activities.set_index("id").loc["delegasjon-x", "cost_nok"]
        == sql("SELECT sum(amount) FROM plan_lines WHERE activity_id = 'delegasjon-x' AND kind = 'actual' AND year = ?", YEAR)[0][0]
    )
    money = {f: (p, a) for f, p, a in r.money[["funder", "plan", "actual"]].itertuples(index=False)}
    expected = {
        f: (p, a)
        for f, p, a in sql(
            "SELECT funder, sum(CASE WHEN coalesce(kind, 'plan') = 'plan' THEN amount ELSE 0 END), "
            "sum(CASE WHEN kind = 'actual' THEN amount ELSE 0 END) FROM plan_lines WHERE year = ? GROUP BY funder",
            YEAR,
        )
    }
    assert money == expected == {"municipal": (135000, 12500), "Fondet": (40000, 0)}
    assert (r.counts["plan"], r.counts["actual"]) == (175000, 12500)
    assert r.previous == {"activities": 1, "agreements": 0, "decisions": 0, "plan": 80000, "actual": 0}
    for ind in r.indicators.to_dict("records"):
        assert [(y, v) for y, v in ind["series"]] == sql(
            "SELECT year, value FROM indicator_values WHERE indicator_id = ? AND year <= ? ORDER BY year", ind["id"], YEAR
        )
    assert sorted(zip(r.agreements["id"], r.agreements["event"])) == [("avtale-x", "signed")]
    assert list(r.decisions["id"]) == [i for (i,) in sql("SELECT id FROM decisions WHERE decided_on LIKE '2025%'")]
    assert sorted(r.actions["id"]) == ["consul-meetings", "school-exchange"]  # both periods cover 2025


def markdown(report, lang: str) -> str:
    return to_markdown(build_report(report, lang))


def docx_bytes(report, lang: str) -> bytes:
    return to_docx(build_report(report, lang), page_label="Side" if lang == "nb" else "Page")


def test_markdown_shows_the_figures_and_their_rows(plan):
    r = annual_report(plan, YEAR)
    nb, en = markdown(r, "nb"), markdown(r, "en")
    assert nb.startswith("# Internasjonalt arbeid 2025 – Home kommune")
    assert "budsjett 175\u00a0000 kr, regnskap 12\u00a0500 kr" in nb and "budget NOK 175,000, actual NOK 12,500" in en
    assert "| kommunen | 135\u00a0000 | 12\u00a0500 |" in nb  # the municipality's row, then its line ids
    assert "2023: 10, 2024: 25, 2025: 42" in nb  # the pupils indicator, measured three years
    # Dates written out (i18n.long_date); the writer escapes the full stop that could start a list.
    assert "| Delegasjon til X | 10\\. september 2025 | Skolesamarbeid | 12\u00a0500 | delegasjon-x |" in nb
    assert "| Delegasjon til X | 10 September 2025 | Skolesamarbeid | 12,500 | delegasjon-x |" in en
    assert "Endring fra 2024: aktiviteter +1" in nb
    assert "kan bety at arbeidet ikke er gjort" in nb and "may mean that the work was not done" in en


def test_the_norwegian_report_has_no_english_sentence(plan):
    # Words only the English templates use (longer than three letters), none of which may appear in nb.
    words = lambda texts: {w.lower() for t in texts for w in re.findall(r"[A-Za-zÆØÅæøå]{4,}", t)}  # noqa: E731
    english_only = words(en for _nb, en in TEMPLATES.values()) - words(nb for nb, _en in TEMPLATES.values())
    nb = markdown(annual_report(plan, YEAR), "nb")
    assert not words([nb]) & english_only


class _Addresses(HTMLParser):
    """Collects every address a page would load or link, in any attribute, and the headings' texts."""

    def __init__(self) -> None:
        super().__init__()
        self.addresses: list[str] = []
        self.headings: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        self.addresses += [
            v
            for k, v in attrs
            if v and k in ("src", "href", "srcset", "data", "action", "poster", "xlink:href", "style") and ("//" in v or "url(" in v)
        ]
        if re.fullmatch(r"h[1-6]", tag):
            self._in, self.headings = tag, self.headings + [""]

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        if tag == self._in:
            self._in = None

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        if self._in:
            self.headings[-1] += data


def test_html_is_one_escaped_page_with_a_chart_per_measured_indicator(plan):
    page = to_html(build_report(annual_report(plan, YEAR), "en"))
    assert page.count("<svg") == 2 and "<script" not in page
    assert not re.search(r"""(src|href)\s*=\s*["']https?://""", page)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_html_requests_no_other_host(plan, lang):
    page = to_html(build_report(annual_report(plan, YEAR), lang))
    parser = _Addresses()
    parser.feed(page)
    # No attribute names an address (links of the report would be web addresses; it has none) ...
    assert parser.addresses == []
    # ... and neither the style nor the charts import anything: no url(), no @import, no namespace fetched.
    assert "url(" not in page and "@import" not in page and "http" not in page


def test_markdown_html_and_word_come_from_the_same_document(plan):
    from docx import Document as read_docx

    for lang in ("nb", "en"):
        doc = build_report(annual_report(plan, YEAR), lang)
        expected = [doc.title] + [b.text for b in doc.blocks if isinstance(b, Heading)]
        md = [re.sub(r"\\(.)", r"\1", line.lstrip("#").strip()) for line in to_markdown(doc).splitlines() if line.startswith("#")]
        parser = _Addresses()
        parser.feed(to_html(doc))
        word = read_docx(io.BytesIO(to_docx(doc)))
        heads = [p.text for p in word.paragraphs if p.style.name == "Title" or p.style.name.startswith("Heading")]
        assert md == parser.headings == heads == expected
        assert len(expected) == 10  # the title and nine sections (build_report's docstring)
        # The charts are the same blocks in each: two SVGs in HTML, two pictures in Word, two captions in Markdown.
        charts = [b for b in doc.blocks if isinstance(b, Chart)]
        assert len(charts) == 2 and len(word.inline_shapes) == 2
        assert all(c.caption in to_markdown(doc).replace("\\", "") for c in charts)


def test_a_chart_is_drawn_from_the_indicator_values(plan):
    doc = build_report(annual_report(plan, YEAR), "nb")
    pupils = [b for b in doc.blocks if isinstance(b, Chart) and (2023, 10.0) in b.points][0]
    assert pupils.points == ((2023, 10.0), (2024, 25.0), (2025, 42.0))  # tests/test_action_plan.py's values
    assert "2023: 10, 2024: 25, 2025: 42" in pupils.alt
    svg = to_html(doc)
    assert svg.count("<circle") == sum(len(b.points) for b in doc.blocks if isinstance(b, Chart))


def test_the_word_document_opens_with_python_docx(plan):
    from docx import Document

    doc = Document(io.BytesIO(docx_bytes(annual_report(plan, YEAR), "nb")))
    assert doc.paragraphs[0].text == "Internasjonalt arbeid 2025 – Home kommune"
    assert len(doc.inline_shapes) == 2  # one chart per indicator with values
    # Each picture carries its values as the text a screen reader reads.
    assert 'descr="Elever på utveksling: 2023: 10, 2024: 25, 2025: 42; mål 40 innen 2025"' in doc.element.body.xml
    money = [t for t in doc.tables if t.rows[0].cells[0].text == "Finansiering fra"][0]
    assert [c.text for c in money.rows[-1].cells[:3]] == ["Sum", "175\u00a0000", "12\u00a0500"]


@pytest.mark.skipif(OFFICE is None, reason="LibreOffice (soffice/libreoffice) is not installed on this machine")
def test_libreoffice_converts_the_word_document(plan, tmp_path):
    text = convert_with_libreoffice(docx_bytes(annual_report(plan, YEAR), "nb"), tmp_path)
    assert "Internasjonalt arbeid 2025 – Home kommune" in text and "Penger: budsjett og regnskap" in text
    assert "175\u00a0000" in text


def test_the_cli_writes_each_format(plan, tmp_path):
    from registry.cli.commands import main

    db = plan.execute("PRAGMA database_list").fetchone()[2]
    out = tmp_path / "r.docx"
    assert main(["annual-report", str(YEAR), "--db", db, "--format", "docx", "--out", str(out)]) == 0
    assert out.read_bytes()[:2] == b"PK"
    assert main(["annual-report", str(YEAR), "--db", db, "--format", "html", "--lang", "en", "--out", str(tmp_path / "r.html")]) == 0
    assert "International work 2025" in (tmp_path / "r.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_page_shows_the_report_and_offers_three_downloads(tmp_path, monkeypatch, lang):

    from streamlit.testing.v1 import AppTest

    from registry import load_seed

    path = tmp_path / "app.db"
    conn = connect(path)
    load_seed(conn)
    conn.close()
    monkeypatch.setenv("REGISTRY_DB", str(path))
    at = AppTest.from_file(apps.APP, default_timeout=60)
    at.session_state["lang"] = lang
    at.run()
    at.switch_page("app_pages/annual_report.py").run()
    at.number_input(key="annual_year").set_value(2013).run()
    assert not at.exception
    assert [b.proto.label for b in at.get("download_button")] == (
        ["Last ned (Markdown)", "Last ned (HTML)", "Last ned (Word)"]
        if lang == "nb"
        else ["Download (Markdown)", "Download (HTML)", "Download (Word)"]
    )
    page = at.get("iframe")[0].proto.srcdoc
    # The seed's 2013: the formannskap's action programme (decision 4), counted for 3d.
    assert ("Internasjonalt arbeid 2013" if lang == "nb" else "International work 2013") in page
    assert "Toårig internasjonalt handlingsprogram" in page


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_an_empty_registry_has_a_report_with_nothing_registered(conn, lang):
    # A new city's registry before any row: the report is written, says nothing is registered and lists no item
    # (an empty list of kept items once selected no columns, and the report failed on a missing 'title_nb').
    report = annual_report(conn, 2024)
    assert len(report.items["nb"]) == len(report.items["en"]) == 0
    text = to_markdown(build_report(report, lang))
    assert "2024" in text and "Traceback" not in text
