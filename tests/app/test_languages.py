"""Every page speaks one language: no English UI text on a Norwegian page, no Norwegian on an English one.

AppTest opens each page of ``app.py`` (through the navigation, as ``tests/app/test_app.py``
does) in bokmål and in English, as an editor so that the editing forms show too,
and collects every text the page shows: titles, headers, Markdown, captions,
alerts, widget labels, help, placeholders and options, expander and tab labels,
dataframe column headers and cells. Registry data (names, titles, sources, notes
in the data tables) is removed first: it is shown as written. What is left must
hold no word of the other language (the word lists below) and no empty cell
shown as 'None'.

Problems are messages (a code and its values) made where they are found; a test here
checks that every code has a bokmål and an English text in ``registry.i18n.problems``.
"""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from registry import connect, i18n
from registry.i18n import messages, problems
from registry.store.schema import DATA_TABLES
from tests import apps
from tests.apps import PAGES

ROOT = Path(__file__).resolve().parents[2]
#: An entity page's address in a link column (app_pages/_url.py entity_link): the page shows the name after '#'.
ENTITY_LINK = re.compile(r"^entity\?id=[^#]*#")

#: Common English words of the app's UI that are not also Norwegian words ('for', 'to', 'by', 'all',
#: 'problem', 'status', 'start', 'data' and 'type' are both, so they are not listed).
ENGLISH = frozenset(
    """
the and with show shows choose download none not sister city cities of is are no from this that which or in
was were it its an one than has have only more since unknown yes nan true false ties tie entity entities
finding findings quality drag drop browse files limit sign search table source year years kind name count
edit add save remove change changed changes latest first next file column row reason problems nothing
saved municipality municipal external category categories network project political focus solidarity dormant
explanation severity high medium low exact sampled skipped planned actual evidence suggested assigned subject
decision decisions when who action overview gaps overlaps registry map activities agreements
""".split()
)
#: Common Norwegian words of the UI that are not also English words.
NORWEGIAN = frozenset(
    """
og ikke med vis velg ingen eller av fra som er har på å det den en ett til vennskapsby vennskapsbyer kommune
kommunen forbindelse forbindelser aktør aktører funn kategori kategorier vedtatt foreslått oversikt nettverk
kart hull tabell rad kolonne begrunnelse kilde år antall ukjent sist siste nye endret lagret innstilling
sektorer hvilende solidaritet prosjekt politisk fokus alvorlighet forklaring gjelder belegg tidspunkt hvem
handling ned søk alle
""".split()
)
#: Texts that are bilingual on purpose: the language switcher and the languages' own names.
BILINGUAL = frozenset({"Språk / Language", "Norsk", "English"})
#: Streamlit's own texts inside the file uploader ('Drag and drop files here', 'Browse files',
#: 'Limit 200MB per file • CSV') cannot be set in Streamlit 1.67 and are drawn by the browser
#: only, so AppTest never sees them: the import page's help quotes and explains them in Norwegian.
STREAMLIT_INTERNAL = ("Drag and drop files here", "Browse files", "Limit 200MB per file")
#: Proto fields that hold text shown to the reader.
TEXT_FIELDS = ("label", "help", "placeholder", "options", "body", "caption", "alt")
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()<>#+\-.!|~$])")
URL = re.compile(r"<?https?://[^\s>]+>?")
CODE = re.compile(r"\b[a-z0-9_]+\.(?:csv|zip|graphml|gexf)\b|«[a-z0-9_]+»|'[a-z0-9_]+'")


def start(lang: str) -> AppTest:
    return apps.start(lang, "Kari")


def data_texts(path: Path, lang: str | None) -> list[str]:
    """Every text value of the data tables, longest first; an entity's name in the other language left out.

    An entity with an English name shows it on English pages and its Norwegian name on
    Norwegian ones: the other one on a page is a wrong language, not data. With
    ``lang`` None both names count (a table's own name columns show either).
    """
    conn = connect(path)
    out: set[str] = set()
    for table in DATA_TABLES:
        cols = [c.name for c in table.columns if c.type == "TEXT"]
        for row in conn.execute(f"SELECT {', '.join(f'[{c}]' for c in cols)} FROM [{table.name}]"):
            values = dict(zip(cols, row))
            if table.name == "entities":
                if lang == "en" and values.get("name_en"):
                    values.pop("name")
                if lang == "nb":
                    values.pop("name_en", None)
            out |= {str(v) for v in values.values() if v}
    conn.close()
    return sorted(out, key=len, reverse=True)


def _strings(message: Any) -> Iterator[str]:
    for field, value in message.ListFields():
        if field.name in TEXT_FIELDS:
            if isinstance(value, str):
                yield value
            elif field.is_repeated and all(isinstance(v, str) for v in value):
                yield from value
        elif field.type == field.TYPE_MESSAGE and field.name not in ("data", "arrow_data"):
            for v in value if field.is_repeated else [value]:
                yield from _strings(v)


def shown_texts(at: AppTest) -> Iterator[tuple[str, str]]:
    """Yield ``(where, text)`` for every text on the page, dataframes cell by cell."""

    def walk(node: Any) -> Iterator[Any]:
        yield node
        for child in getattr(node, "children", {}).values():
            yield from walk(child)

    for root in (at.main, at.sidebar):
        for node in walk(root):
            kind = getattr(node, "type", "")
            if kind == "dataframe":
                df = node.value
                for col in df.columns:
                    yield "column", str(col)
                    for cell in df[col]:
                        if isinstance(cell, str) and ENTITY_LINK.match(cell):
                            cell = unquote(cell.split("#", 1)[1])  # a link column shows the name its address carries
                        yield f"cell of {col}", cell  # type: ignore[misc]
                continue
            proto = getattr(node, "proto", None)
            if proto is not None and kind not in ("iframe", "deck_gl_json_chart"):
                for text in _strings(proto):
                    yield kind, text


def wrong_words(text: str, lang: str, data: list[str]) -> set[str]:
    """Return the words of the other language in ``text``, registry data removed first."""
    if text in BILINGUAL:
        return set()
    text = MD_ESCAPE.sub(r"\1", text)
    for internal in STREAMLIT_INTERNAL:  # quoted where the page explains them
        text = text.replace(internal, " ")
    # Registry data first: a note may quote a lower-case word ('initially') that CODE would cut out of it.
    # Whole values only: a data code like 'entity' is not cut out of 'entity_kinds.csv'.
    for value in data:
        if value in text:
            text = re.sub(rf"(?<!\w){re.escape(value)}(?!\w)", " ", text)
    # Codes the reader types or sees as written (file names, quoted values like «municipal», web addresses
    # a source is linked by) are not words.
    text = CODE.sub(" ", URL.sub(" ", text))
    words = {w.casefold() for w in WORD.findall(text)}
    if lang == "nb":
        return words & ENGLISH
    return (words & NORWEGIAN) | {w for w in words if set(w) & set("æøå")}


def page_problems(at: AppTest, lang: str, data: list[str], any_data: list[str]) -> list[str]:
    """Return what on the page is in the other language, or an empty cell shown as None."""
    # A table's own name columns show each entity's name as registered, in either language; so do the change
    # history's row column (each row named as registered) and its change column (values quoted as stored).
    raw = {i18n.field_label(c, lang) for c in ("name", "name_en")} | {i18n.t("col.row", lang), i18n.t("registry.change", lang)}
    # A problem's file and column are named as in the file or table (entities.csv, kind): identifiers.
    codes = {i18n.t("col.file", lang), i18n.t("col.column", lang)}
    found = []
    for where, text in shown_texts(at):
        if where.startswith("cell"):
            if text is None or (isinstance(text, float) and pd.isna(text)):
                found.append(f"{where}: empty cell shown as None")
                continue
            if not isinstance(text, str):
                continue
        if where[len("cell of ") :] in codes:
            continue
        if text in ("None", "nan", "NaT", "<NA>"):
            found.append(f"{where}: {text!r}")
            continue
        bad = wrong_words(text, lang, any_data if where[len("cell of ") :] in raw else data)
        if bad:
            found.append(f"{where}: {sorted(bad)} in {text[:160]!r}")
    return found


def show_more(at: AppTest, page: str) -> list[str]:
    """Open what a page shows only on request: the ties of an entity, problems of an import or a decision.

    Return the texts this put on the page as data (an uploaded file is shown as written).
    """
    if page == "network":
        at.selectbox(key="net_focus").set_value("trondheim").run()
    elif page == "entity":
        at.selectbox(key="ent_pick").set_value("trondheim").run()
    elif page == "import_export":
        bad = b"id,kind,name,source,founded\nnew-place,planet,Somewhere,test,1990-13\nBad Id,city,X,,\n"
        at.file_uploader(key="io_upload").upload("entities.csv", bad, "text/csv").run()
        return sorted(set(re.split(r"[,\n]", bad.decode())) - {""}, key=len, reverse=True)
    elif page == "sister_cities":
        at.selectbox(key="dec_tie").set_value("trondheim--graz")
        at.text_input(key="dec_date").input("2999")
        next(b for b in at.button if str(b.key).startswith("FormSubmitter:decision_form")).click().run()
        assert at.error, "the refused decision shows its problems"
    return []


@pytest.mark.slow
@pytest.mark.parametrize("lang,page", [(lang, page) for lang in ("nb", "en") for page in PAGES])
def test_every_page_speaks_the_chosen_language(registry_db, lang, page):
    at = start(lang)
    at.switch_page(f"app_pages/{page}.py").run()
    shown = show_more(at, page)
    assert not at.exception, [e.value for e in at.exception]
    found = page_problems(at, lang, shown + data_texts(registry_db, lang), shown + data_texts(registry_db, None))
    assert not found, found


def test_the_word_lists_catch_the_issues_examples():
    # Issue 11, item 6: English reasons and captions on Norwegian pages, Norwegian names on English ones.
    assert wrong_words("unknown code 'planet'; expected one of city, country", "nb", [])
    assert wrong_words("Errors and gaps in the data itself (from the integrity check).", "nb", [])
    assert wrong_words("Trondheim kommune – Graz", "en", ["Trondheim Municipality", "Graz"])
    assert not wrong_words("Trondheim Municipality – Graz", "en", ["Trondheim Municipality", "Graz"])
    assert not wrong_words("Ukjent kode 'planet' for Trøndelags Europakontor", "nb", ["Trøndelags Europakontor"])
    assert not wrong_words("Språk / Language", "nb", [])


# --- problem reasons in bokmål ------------------------------------------------------------------


def _problem_codes() -> Iterator[tuple[str, str]]:
    """Yield ``(module, code)`` for every problem message registry/ makes.

    A problem is made as ``Problem.of(file, row, column, "code", ...)``, as validate's
    ``bad(column, "code", ...)``, as checks' ``_problem("code", ...)``, or as
    ``Message("problem.code", ...)``; the code is the first string argument after the place.
    """
    for path in sorted((ROOT / "registry").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            at = {"of": 3, "bad": 1, "_problem": 0, "Message": 0}.get(name)
            if at is None or len(node.args) <= at:
                continue
            arg = node.args[at]
            if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
                continue
            code = arg.value if name == "Message" else f"problem.{arg.value}"
            if code.startswith("problem."):
                yield path.relative_to(ROOT).as_posix(), code


def _fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


def test_every_problem_has_a_bokmal_and_an_english_text():
    found = list(_problem_codes())
    # validate, ingest, store, decisions, settings, checks, audit, privacy and dates all make problems.
    assert len({m for m, _ in found}) >= 12 and len({c for _, c in found}) > 90
    missing = sorted({(m, c) for m, c in found if c not in problems.TEMPLATES})
    assert not missing
    # Codes made from a value (validate's control characters, a file's separator, a trigger's state) are the
    # only ones not found by name.
    made = {
        "problem.control",
        "problem.surrogate",
        "problem.noncharacter",
        "problem.sep.;",
        "problem.sep.\t",
        "problem.sep.|",
        "problem.trigger.missing",
        "problem.trigger.changed",
    }
    assert set(problems.TEMPLATES) - {c for _, c in found} == made
    for code, (nb, en) in problems.TEMPLATES.items():
        assert _fields(nb) == _fields(en), code  # both languages name the same values
        assert nb != en or "{" in nb[:2], code  # the bokmål is a translation, not a copy


def test_a_problem_keeps_its_values_and_english_is_the_cli_wording():
    from registry.errors import Problem

    p = Problem.of("places.csv", 2, "kind", "unknown_code", code="planet", known="city, country")
    assert p.reason == "unknown code 'planet'; expected one of city, country"
    assert str(p) == "places.csv:2: kind: unknown code 'planet'; expected one of city, country"
    assert messages.problem_rows([p], "nb") == [("places.csv", 2, "kind", "ukjent kode 'planet'; forventet en av city, country")]
    assert messages.problem_rows([p], "en")[0][3] == p.reason


def test_no_sentence_is_translated_back():
    # Issue 20: the regex table that read English reasons back into bokmål is gone.
    text = (ROOT / "registry" / "i18n" / "messages.py").read_text(encoding="utf-8")
    assert not re.search(r"^import re$|re\.compile", text, re.M)
