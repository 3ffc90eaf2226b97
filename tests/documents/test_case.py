"""The council case (saksframlegg) on the sister cities: structure, options, money, language, formats, the CLI.

A small hand-made registry holds what each part of the case must show (drawn in
``small``); the seed shows that every real sister city gets its options and plan and
that the Norwegian file is Norwegian, data included.
"""

from __future__ import annotations

import ast
import difflib
import io
import re
from datetime import date
from pathlib import Path

import docx
import pytest

from registry.cli.commands import main
from registry.documents import Paragraph, Quote, case, texts
from registry.documents.case_facts import case_facts
from registry.i18n.case import STRATEGY_2C, STRATEGY_2C_CATEGORIES, STRATEGY_WORDS, TEMPLATES
from registry.review import classify
from registry.store import writes as store
from tests import apps
from tests.app.test_languages import wrong_words
from tests.documents.test_documents import OFFICE, convert_with_libreoffice

ROOT = Path(__file__).resolve().parents[2]
EVIL = "<script>alert(1)</script>"
MADE = date(2026, 12, 7)
AS_OF = "2026-06-30"


@pytest.fixture
def small(conn):
    """Heimby with three sister cities, every row with a Norwegian title.

    - Alpha (SE): project decided 2024-05-02 (sak 2024/7); a 2025–2027 project with goals and indicators (education,
      culture), in force on the case's date; plan 2026: municipal 100 000 + Interreg 250 000 -> 350 000; 2027 municipal 50 000.
    - Beta (DK): since 1946 by a charter signed June 1946, no category decision but a freeze of official visits
      (2026-03-01, to be reviewed 2028-03-01); a 1960 visit and an exchange going on since 1970 (confirmed 2025-05-01).
    - Evil (FI): a hostile name, nothing else registered.
    """
    add = lambda table, row: store.insert(conn, table, row, actor="test")  # noqa: E731
    src = "https://example.org/kilde"
    add("entities", {"id": "heimby", "kind": "municipality", "name": "Heimby kommune", "country_code": "NO", "source": src})
    for eid, name, cc, start in (("alpha", "Alpha", "SE", "1950"), ("beta", "Beta", "DK", "1946"), ("evil", EVIL, "FI", None)):
        add("entities", {"id": eid, "kind": "city", "name": name, "country_code": cc, "source": src})
        add(
            "ties",
            {
                "id": f"heimby--{eid}",
                "from_id": "heimby",
                "to_id": eid,
                "kind": "sister_city",
                "start": start,
                "source": f"{src}/{eid} ; https://example.org/to",
            },
        )
    classify.record_decision(
        conn, "heimby--alpha", "project", "2024-05-02", "Bystyret", "2024/7", "Klimaprosjekt", actor="test", source=src
    )
    add(
        "activities",
        {
            "id": "alpha-climate",
            "kind": "project",
            "title": "Climate schools",
            "title_nb": "Klimaskoler",
            "start": "2025",
            "end": "2027",
            "sectors": "education;culture",
            "goals": "Kutte utslipp",
            "indicators": "Tonn CO2",
            "source": src,
        },
    )
    add(
        "activities",
        {"id": "beta-visit", "kind": "visit", "title": "Mayor's visit", "title_nb": "Ordførerbesøk", "start": "1960-05", "source": src},
    )
    add(
        "activities",
        {
            "id": "beta-exchange",
            "kind": "exchange",
            "title": "Pupil exchange",
            "title_nb": "Elevutveksling",
            "start": "1970",
            "ongoing": 1,
            "verified_on": "2025-05-01",
            "sectors": "education",
            "source": src,
        },
    )
    for act, tie in (("alpha-climate", "heimby--alpha"), ("beta-visit", "heimby--beta"), ("beta-exchange", "heimby--beta")):
        add("activity_ties", {"activity_id": act, "tie_id": tie})
    add(
        "agreements",
        {
            "id": "beta-charter",
            "kind": "twinning_charter",
            "title": "Venskabsbyaftale Beta–Heimby",
            "title_nb": "Vennskapsbyavtale Beta–Heimby",
            "signed_on": "1946-06",
            "source": src,
            "document_url": "https://example.org/avtale.pdf",
        },
    )
    conn.execute("UPDATE ties SET agreement_id = 'beta-charter' WHERE id = 'heimby--beta'")  # plain SQL: test set-up
    add(
        "decisions",
        {
            "kind": "suspend_twinning",
            "tie_id": "heimby--beta",
            "decided_on": "2026-03-01",
            "decided_by": "Formannskapet",
            "reason": "Ingen aktivitet",
            "scope": "Offisielle besøk",
            "review_on": "2028-03-01",
            "source": src,
        },
    )
    add("plan_lines", {"tie_id": "heimby--alpha", "year": 2026, "amount": 100000, "funder": "municipal", "purpose": "Reiser"})
    add("plan_lines", {"tie_id": "heimby--alpha", "year": 2026, "amount": 250000, "funder": "Interreg", "purpose": "Prosjekt"})
    add("plan_lines", {"tie_id": "heimby--alpha", "year": 2027, "amount": 50000, "funder": "municipal", "purpose": "Reiser"})
    return conn


def doc_of(conn, lang="nb", **kw):
    return case.case_document(conn, lang, as_of=kw.pop("as_of", AS_OF), made=MADE, **kw)


def md_of(conn, lang="nb", **kw) -> str:
    return case.case_bytes(conn, "md", lang, as_of=kw.pop("as_of", AS_OF), made=MADE, **kw).decode("utf-8")


def section(md: str, start: str, end: str | None) -> str:
    """Return the part of ``md`` from the line starting with ``start`` to the next line starting with ``end``."""
    i = re.compile("^" + re.escape(start), re.M).search(md).start()
    if end is None:
        return md[i:]
    return md[i : re.compile("^" + re.escape(end), re.M).search(md, i + len(start)).start()]


# --- structure -------------------------------------------------------------------------------------


def test_the_case_has_the_sections_of_a_saksframlegg_in_order(small):
    md = md_of(small)
    heads = [h for h in re.findall(r"^## (.+)$", md, re.M)]
    assert heads == ["Saken gjelder", "Bakgrunn", "Vurdering", "Økonomiske konsekvenser", "Forslag til vedtak"]
    assert "Saken gjelder de 3 vennskapsbyene til Heimby kommune: \\<script\\>alert(1)\\</script\\>, Alpha og Beta." in md
    assert "opplysninger per 30. juni 2026" in md and "Utkast laget av registeret 7. desember 2026" in md


def test_background_quotes_strategy_2c_and_tells_each_history_with_sources_and_dates(small):
    md = md_of(small)
    background = section(md, "## Bakgrunn", "## Vurdering")
    for nb, _ in (*STRATEGY_2C, *STRATEGY_2C_CATEGORIES.values()):
        assert nb.split(" ")[0] in background
    assert "vedtatt i bystyret 28. januar 2010" in background
    beta = section(background, "#### Beta", None)
    assert "**Vennskapsby siden:** 1946" in beta and "<https://example.org/kilde/beta>; <https://example.org/to>" in beta
    assert "mai 1960 – Besøk: Ordførerbesøk (<https://example.org/kilde>)" in beta
    assert "1970 – pågår (sist bekreftet 1. mai 2025) – Utveksling: Elevutveksling" in beta
    assert (
        "**Avtale:** Vennskapsbyavtale «Vennskapsbyavtale Beta–Heimby», signert juni 1946 "
        "[dokumentet](<https://example.org/avtale.pdf>) (<https://example.org/kilde>)"
    ) in beta
    assert (
        "1\\. mars 2026: Formannskapet – Fryse vennskapsby. Ingen aktivitet. Omfang: Offisielle besøk. "
        "Vurderes på nytt 1. mars 2028. <https://example.org/kilde>"
    ) in beta
    assert "**Avtale:** Registeret har ingen avtale for forbindelsen." in section(background, "#### Alpha", "#### ")
    alpha = section(background, "#### Alpha", "#### ")
    assert "2\\. mai 2024: Bystyret (2024/7) – Prosjekt. Klimaprosjekt. <https://example.org/kilde>" in alpha


def test_each_city_is_assessed_with_activity_role_plan_state_and_six_options(small):
    md = md_of(small)
    assessment = section(md, "## Vurdering", "## Økonomiske konsekvenser")
    alpha = section(assessment, "### Alpha", "### Beta")
    # Activity by year and sector: the 2025 project counts under education and culture, once in the total.
    assert "| År | Utdanning | Kultur | I alt |\n|---|---|---|---|\n| 2025 | 1 | 1 | 1 |" in alpha
    assert "**Vedtatt kategori:** Prosjekt (vedtatt 2. mai 2024)" in alpha
    assert "Opplysningene i registeret oppfyller kriteriene for kategorien prosjekt" in alpha
    options = re.findall(r"^\*\*(\d)\. (.+)\*\*$", alpha, re.M)
    assert options == [
        ("1", "Fortsette som prosjekt"),
        ("2", "Endre kategori til politisk fokus"),
        ("3", "Endre kategori til solidaritet"),
        ("4", "Endre kategori til hvilende"),
        ("5", "Fryse vennskapsbyforbindelsen"),
        ("6", "Avslutte vennskapsbyforbindelsen"),
    ]
    first = section(alpha, "**1. Fortsette som prosjekt**", "**2.")
    # The criteria's own sentences (registry.rules / the review), naming the project by its Norwegian title.
    pro = next(line for line in first.splitlines() if line.startswith("- **Registeret viser for:**"))
    assert "Prosjekt eller prosjektavtale" in pro and "Med mål og indikatorer for måloppnåelse (Klimaskoler" in pro
    assert "**Forplikter:** En prosjektavtale med konkrete mål og krav til måloppnåelse" in first
    freeze = section(alpha, "**5. Fryse", "**6.")
    # Against freezing: the decision in force, the recent project and the money planned ahead.
    assert "vedtatt som prosjekt (2. mai 2024)" in freeze and "Klimaskoler (2025)" in freeze
    assert "planlagte midler for 2026 og 2027: 400\u202f000 kr" in freeze
    beta = section(assessment, "### Beta", None)
    assert "**1. Plassere i kategorien prosjekt**" in beta and "Ingen kategori er vedtatt." in beta
    end = section(beta, "**6. Avslutte", None)
    assert "pågående aktivitet: Elevutveksling" in end
    assert "forbindelsen går tilbake til 1946; strategien: «Det vil være vanskelig å avvikle ordninger" in end


def test_where_the_registry_knows_nothing_the_case_says_so(small):
    md = md_of(small)
    evil = section(md, "### \\<script\\>", "### Alpha")
    assert "Registeret har ingen aktivitet for relasjonen." in evil
    assert "Kommunens rolle er ikke registrert. Registeret viser ikke at andre bærer kontakten." in evil
    assert "Registeret har ingen finansieringsplan for relasjonen." in evil
    assert "Ikke nok data: registeret har 0 aktivitetsoppføringer" in evil
    assert "**Vennskapsby siden:** ukjent" in md


def test_the_financing_plan_and_the_economic_consequences(small):
    md = md_of(small)
    alpha = section(md, "### Alpha", "### Beta")
    plan = section(alpha, "#### Finansieringsplan", "#### Hva")
    assert "| 2026 | Plan | kommunen | 100\u202f000 | NOK | Reiser |" in plan
    assert "| 2026 | Plan | Interreg | 250\u202f000 | NOK | Prosjekt |" in plan
    assert "| 2026 | 100\u202f000 | 250\u202f000 | 350\u202f000 |" in plan  # the year's totals
    economy = section(md, "## Økonomiske konsekvenser", "## Forslag til vedtak")
    assert "| Alpha | 2026 | 100\u202f000 | 250\u202f000 | 350\u202f000 |" in economy
    assert "| **Alle** | 2027 | 50\u202f000 | 0 | 50\u202f000 |" in economy
    assert "Ingen finansieringsplan registrert for \\<script\\>alert(1)\\</script\\> og Beta." in economy


def test_the_proposal_is_left_to_the_administration_with_every_option(small):
    md = md_of(small)
    proposal = section(md, "## Forslag til vedtak", None)
    assert "administrasjonen velger" in proposal
    assert proposal.count("1. ") == 3 and proposal.count("6. Avslutte vennskapsbyforbindelsen") == 3
    assert "1. Fortsette som prosjekt" in proposal and "1. Plassere i kategorien prosjekt" in proposal


def test_a_quiet_relation_is_a_state_not_the_category_dormant(small):
    # Alpha as of 2035: nothing registered for years. «Hvilende» is the council's choice, offered as an option only.
    facts = case_facts(small, as_of="2035")
    alpha = next(c for c in facts.cities if c.city_id == "alpha")
    # Last registered: the project's start (2025) or, where the review reads a span to its end, 2027.
    assert alpha.state.kind == "quiet" and alpha.state.last_year in (2025, 2027)
    md = md_of(small, as_of="2035")
    assert "Om aktiviteten ikke skal prioriteres («hvilende»), er et valg for bystyret" in md


def test_city_option_limits_the_case_and_refuses_a_stranger(small):
    md = md_of(small, cities=["beta"])
    assert "### Beta" in md and "### Alpha" not in md and "Saken gjelder vennskapsbyen Beta til Heimby kommune" in md
    with pytest.raises(ValueError, match="nowhere"):
        doc_of(small, cities=["nowhere"])


def test_facts_are_the_reviews_own(small):
    # The case reads the review; it does not decide anything itself.
    found = {s.city_id: s for s in classify.suggest(small, as_of=AS_OF)}
    for c in case_facts(small, as_of=AS_OF).cities:
        s = found[c.city_id]
        assert c.tie_id == s.tie_id and c.role == s.role
        assert c.assigned == (s.assigned if s.decided else None)
        assert {(r.code, r.met) for r in c.criteria} == {(r.criterion, r.met) for r in s.reasons}
        assert [a.id for a in c.activities] == [a.id for a in s.activities]


def test_only_the_adapter_reads_the_review():
    for path in sorted((ROOT / "registry" / "documents").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        names |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        reads_review = any("review" in m for m in names)
        assert reads_review == (path.name == "case_facts.py"), path.name


def test_every_template_of_the_case_is_used():
    source = "".join(
        (ROOT / "registry" / "documents" / name).read_text(encoding="utf-8") for name in ("case.py", "case_options.py", "case_facts.py")
    )
    used = set(re.findall(r'"(casefact\.[a-z_]+)"', source))
    assert used == set(TEMPLATES)


# --- language --------------------------------------------------------------------------------------


def test_the_norwegian_case_has_no_english_word_data_included(small):
    # Data included: nothing is removed before the check but web addresses, so an English title would show.
    found = {t: sorted(wrong_words(t, "nb", [])) for t in texts(doc_of(small))}
    assert not {t: w for t, w in found.items() if w}


def test_the_english_case_has_no_norwegian_word_but_the_registrys_data(small):
    data = [
        "Heimby kommune",
        "Klimaprosjekt",
        "Kutte utslipp",
        "Reiser",
        "Prosjekt",
        "Bystyret",
        "Ingen aktivitet",
        "Offisielle besøk",
        "Formannskapet",
    ]
    found = {t: sorted(wrong_words(t, "en", data)) for t in texts(doc_of(small, "en"))}
    # The Norwegian strategy is quoted in English translation in the English case.
    assert not {t: w for t, w in found.items() if w}


def _fold(text: str) -> str:
    # The adopted text was scanned: ø/æ/å came out as g, e, a, & and 'ae'. Fold both sides alike, letters only.
    text = text.lower().replace("ae", "e").replace("æ", "e").replace("ø", "o").replace("å", "a").replace("&", "a")
    return re.sub(r"[^a-z0-9]", "", text)


def quoted_from(quote: str, adopted: str) -> bool:
    """True when ``quote`` is in ``adopted`` as written: its letters found in runs, over a stretch no longer than it.

    The stretch catches an elision ('[…]') or a paraphrase that the runs alone would let through.
    """
    q, a = _fold(quote), _fold(adopted)
    blocks = [b for b in difflib.SequenceMatcher(None, q, a, autojunk=False).get_matching_blocks() if b.size >= 4]
    if not blocks:
        return False
    found = sum(b.size for b in blocks) / len(q)
    stretch = blocks[-1].b + blocks[-1].size - blocks[0].b
    return found >= 0.95 and stretch <= len(q) + 10


def test_the_strategy_is_quoted_in_its_own_words():
    adopted = "\n".join(
        line
        for line in (ROOT / "tests" / "fixtures" / "strategy_2c_ocr.txt").read_text(encoding="utf-8").splitlines()
        if not line.startswith("#")
    )
    quotes = [nb for nb, _ in STRATEGY_2C] + [nb for nb, _ in STRATEGY_2C_CATEGORIES.values()]
    quotes += [STRATEGY_WORDS["own_case"][0], STRATEGY_WORDS["plan"][0]]
    assert [q for q in quotes if not quoted_from(q, adopted)] == []
    # The check has teeth: the solidarity sentence elided as issue 16 found it, and a paraphrase, are no quotation.
    elided = (
        "Solidaritetsrelasjoner hvor aktiviteten gjerne også drives av andre for eksempel frivillige "
        "organisasjoner og foreninger. Det bør imidlertid være et krav om en toveis relasjon hvor "
        "gjensidighetsperspektivet […] blir ivaretatt."
    )
    assert not quoted_from(elided, adopted)
    assert not quoted_from("Solidaritetsrelasjoner der frivillige driver aktiviteten, og det er toveis.", adopted)


# --- formats ---------------------------------------------------------------------------------------


def test_html_case_escapes_hostile_text_and_loads_nothing(small):
    page = case.case_bytes(small, "html", "nb", as_of=AS_OF, made=MADE).decode("utf-8")
    assert EVIL not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script" not in page and not re.search(r"\bsrc\s*=|<link\b|@import|url\(", page)
    assert all(h.startswith("https://example.org/") for h in re.findall(r'href="([^"]*)"', page))


def word_texts(data: bytes) -> list[str]:
    d = docx.Document(io.BytesIO(data))
    out = [p.text for p in d.paragraphs]
    out += [c.text for t in d.tables for r in t.rows for c in r.cells]
    return out


def test_word_case_on_the_seed_holds_every_sister_city_with_options_and_plan(seeded):
    data = case.case_bytes(seeded, "docx", "nb", made=MADE)
    d = docx.Document(io.BytesIO(data))
    cities = [s.city_name for s in classify.suggest(seeded)]
    assert len(cities) >= 10
    by_style: dict[str, list[str]] = {}
    for p in d.paragraphs:
        by_style.setdefault(p.style.name, []).append(p.text)
    assert by_style["Heading 1"] == ["Saken gjelder", "Bakgrunn", "Vurdering", "Økonomiske konsekvenser", "Forslag til vedtak"]
    assessed = [h for h in by_style["Heading 2"] if h.split(" (")[0] in cities]
    assert [h.split(" (")[0] for h in assessed] == cities
    assert by_style["Heading 3"].count("Finansieringsplan") == len(cities)
    assert by_style["Heading 3"].count("Alternativer") == len(cities)
    options = [t for t in by_style["Normal"] if re.match(r"\d\. ", t)]
    assert len(options) == 6 * len(cities)
    assert sum(t == "Avslutte vennskapsbyforbindelsen" for t in by_style["List Number"]) == len(cities)
    assert "PAGE" in d.sections[0].footer._element.xml


def _untranslated_titles(conn) -> list[str]:
    """The source-language titles of rows that have no Norwegian title yet (the seed is being given them)."""
    out = []
    for table in ("activities", "agreements", "decisions"):
        out += [r[0] for r in conn.execute(f"SELECT title FROM [{table}] WHERE title IS NOT NULL AND coalesce(title_nb, '') = ''")]
    return sorted(set(out), key=len, reverse=True)


def test_the_norwegian_word_case_on_the_seed_has_no_english_sentence(seeded):
    # Data included, as tests/app/test_languages.py reads the pages: only titles still waiting for their Norwegian
    # title_nb are set aside (issue 16, item 7 gives every seed row one; then this list is empty and the check whole).
    waiting = _untranslated_titles(seeded)
    text = word_texts(case.case_bytes(seeded, "docx", "nb", made=MADE))
    found = {t: sorted(wrong_words(t, "nb", waiting)) for t in text}
    assert not {t: w for t, w in found.items() if w}


@pytest.mark.skipif(OFFICE is None, reason="LibreOffice (soffice/libreoffice) is not installed on this machine")
def test_libreoffice_opens_the_case(seeded, tmp_path):
    text = convert_with_libreoffice(case.case_bytes(seeded, "docx", "nb", made=MADE), tmp_path)
    assert "Forslag til vedtak" in text and "Darmstadt" in text


def test_quotes_and_paragraphs_of_the_document_model(small):
    doc = doc_of(small)
    quotes = [b for b in doc.blocks if isinstance(b, Quote)]
    assert quotes[0].paragraphs == (STRATEGY_WORDS["own_case"][0],)
    assert any(isinstance(b, Paragraph) for b in doc.blocks)


# --- the command -----------------------------------------------------------------------------------


def test_case_command_writes_each_format(small, db_path, tmp_path, capsys):
    out = tmp_path / "sak.docx"
    assert main(["case", "--db", str(db_path), "--as-of", AS_OF, "--format", "docx", "--out", str(out)]) == 0
    cells = word_texts(out.read_bytes())
    assert "Forslag til vedtak" in cells and "350\u202f000" in cells and "Interreg" in cells  # Alpha's plan, in tables
    assert capsys.readouterr().out == f"{out}\n"
    assert main(["case", "--db", str(db_path), "--lang", "en", "--city", "alpha", "--city", "beta"]) == 0
    md = capsys.readouterr().out
    assert md.startswith("# The sister cities: review and categories") and "### Beta" in md and "### Alpha" in md
    assert main(["case", "--db", str(db_path), "--format", "html"]) == 0
    assert capsys.readouterr().out.startswith("<!DOCTYPE html>")


def test_case_command_refuses_what_it_cannot_do(small, db_path, capsys):
    assert main(["case", "--db", str(db_path), "--city", "nowhere"]) == 2
    assert "nowhere" in capsys.readouterr().err
    assert main(["case", "--db", str(db_path), "--format", "docx"]) == 2
    assert "--out" in capsys.readouterr().err


# --- the app ---------------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    "lang,label", [("nb", "Saksframlegg om vennskapsbyene (Word)"), ("en", "Council case on the sister cities (Word)")]
)
def test_sister_cities_page_offers_the_case(tmp_path, monkeypatch, lang, label):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("REGISTRY_DB", str(tmp_path / "app.db"))
    at = AppTest.from_file(apps.APP, default_timeout=60)
    at.session_state["lang"] = lang
    at.run()
    at.switch_page("app_pages/sister_cities.py").run()
    assert not at.exception, [e.value for e in at.exception]
    button = at.download_button(key="case_docx")
    assert button.proto.label == label
    assert button.proto.url or button.proto.deferred_file_id  # made when clicked
