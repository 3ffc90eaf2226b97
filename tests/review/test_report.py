"""The council summary and the overview tallies, on a small hand-made registry."""

from __future__ import annotations

import pandas as pd
import pytest

from registry import i18n
from registry.findings import FINDING_KINDS, SEVERITIES
from registry.render import labels, summary
from registry.review import classify, report
from registry.review import summary as summary_facts
from registry.store import writes as store

EVIL = "<img src=x onerror=alert(1)>"


@pytest.fixture
def small(conn):
    """Home with three sister cities: Alpha (decided project, with a plan), Beta (no decision), Evil (a hostile name).

    Alpha's plan: 2026 municipal 100 000 and Interreg 250 000 -> totals 100 000 / 250 000 / 350 000.
    """
    add = lambda table, row: store.insert(conn, table, row, actor="test")  # noqa: E731
    add("entities", {"id": "home", "kind": "municipality", "name": "Home", "country_code": "NO", "source": "s"})
    for eid, name, cc in (("alpha", "Alpha", "SE"), ("beta", "Beta", "DK"), ("evil", EVIL, "FI")):
        add("entities", {"id": eid, "kind": "city", "name": name, "country_code": cc, "source": "s"})
        add("ties", {"id": f"home--{eid}", "from_id": "home", "to_id": eid, "kind": "sister_city", "start": "1950", "source": "s"})
    classify.record_decision(conn, "home--alpha", "project", "2024-05-02", "Bystyret", "2024/7", "Klimaprosjekt", actor="test")
    add("plan_lines", {"tie_id": "home--alpha", "year": 2026, "amount": 100000, "funder": "municipal", "purpose": "Besøk"})
    add("plan_lines", {"tie_id": "home--alpha", "year": 2026, "amount": 250000, "funder": "Interreg", "purpose": "Prosjekt"})
    return conn


def test_category_counts(small):
    counts = summary_facts.category_counts(classify.suggest(small))
    assigned = dict(zip(counts["category"], counts["assigned"]))
    # One decision (Alpha: project); Beta and Evil have none: counted as no decision, not as "unclassified".
    assert assigned == {
        "project": 1,
        "political_focus": 0,
        "solidarity": 0,
        "dormant": 0,
        "unclassified": 0,
        "not_enough_data": 0,
        classify.NO_DECISION: 2,
    }
    assert counts["suggested"].sum() == 3 and counts["assigned"].sum() == 3
    assert list(counts["category"]) == [*summary_facts.CATEGORY_ORDER, classify.NO_DECISION]


def test_markdown_summary_lists_cities_by_category_with_plan_and_decisions(small):
    md = summary.summary_for(small, "en", "md")
    project = md.index("## Project")
    undecided = md.index("## No decision")
    assert project < md.index("### Alpha") < undecided < md.index("### Beta")
    alpha = md[md.index("### Alpha") : undecided]
    assert "2024/7" in alpha and "Klimaprosjekt" in alpha
    assert "Interreg" in alpha and "350\u202f000" in alpha  # the 2026 total
    assert "\\<img src=x onerror=alert(1)\\>" in md and EVIL not in md


def test_html_summary_is_escaped_and_printable(small):
    html = summary.summary_for(small, "nb", "html")
    assert html.startswith("<!DOCTYPE html>") and "@media print" in html
    assert EVIL not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<h2>Prosjekt</h2>" in html and "Finansieringsplan" in html
    assert "http" not in html


def test_summary_refuses_unknown_formats(small):
    with pytest.raises(ValueError):
        summary.council_summary([], "en", "pdf")


def test_findings_frame_is_sorted_by_severity(seeded):
    df = report.findings_frame(seeded)
    assert {"kind", "subject", "subject_name", "severity", "explanation_nb", "explanation_en", "evidence"} <= set(df.columns)
    ranks = [report._SEVERITY_RANK.get(s, 99) for s in df["severity"]]
    assert ranks == sorted(ranks)


def test_filter_findings_and_urgent():
    df = pd.DataFrame(
        {
            "kind": ["isolated", "opportunity", "shared_partner", "isolated"],
            "subject": ["a", "b", "c", "d"],
            "subject_name": ["Alpha", "Beta", "Gamma", "Delta"],
            "severity": ["low", "high", "medium", "info"],
            "explanation_nb": ["ingen forbindelse", "mulighet", "samme partner", "til orientering"],
            "explanation_en": ["no tie", "chance", "same partner", "for information"],
        }
    )
    assert labels.filter_findings(df, "en", groups=["overlap"])["subject"].tolist() == ["c"]
    assert labels.filter_findings(df, "en", kinds=["isolated"], severities=["low"])["subject"].tolist() == ["a"]
    assert labels.filter_findings(df, "nb", text="PARTNER")["subject"].tolist() == ["c"]
    assert labels.filter_findings(df, "en", text="delta")["subject"].tolist() == ["d"]
    assert report.urgent_findings(df, limit=2)["subject"].tolist() == ["a", "b"]


def test_labels_of_severities_and_finding_kinds():
    # Each label is the declared one (SEVERITIES, FINDING_KINDS); an unknown code shows as itself.
    for code, nb, en in SEVERITIES:
        assert (labels.severity_label(code, "nb"), labels.severity_label(code, "en")) == (nb, en)
    for k in FINDING_KINDS:
        assert (labels.finding_title(k.code, "nb"), labels.finding_title(k.code, "en")) == (k.title_nb, k.title_en)
    assert report.finding_group("shared_partner") == "overlap"
    assert labels.finding_title("no-such-kind", "en") == "no-such-kind"


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_council_summary_on_the_seed_reads_as_the_strategy_says(seeded, lang):
    md = summary.summary_for(seeded, lang, "md")
    # The strategy says «En kan tenke seg …»: the council did not ask for the categories.
    assert "asked that the sister cities be graded" not in md and "har bedt om at vennskapsbyene graderes" not in md
    assert ("«en kan tenke seg»" if lang == "nb" else "“one can imagine”") in md
    # Each category defined in the page's language, in the strategy's words.
    assert ("toveis relasjon" if lang == "nb" else "two-way relation") in md
    # Years are printed with their certainty: Ramallah's start is conflicting (data/README.md).
    ramallah = md[md.index("### Ramallah") :]
    assert ("2004 (motstridende)" if lang == "nb" else "2004 (conflicting)") in ramallah.split("###")[1]
    # Where nothing is registered the summary says so instead of giving a category.
    tampere = md[md.index("### Tampere") :].split("###")[1]
    assert ("Ikke nok data" if lang == "nb" else "Not enough data") in tampere
    # Plain Markdown: dates and full stops are not escaped.
    assert "\\-" not in md and "\\." not in md


def test_integrity_findings_name_the_row_as_a_reader_knows_it(small):
    # Beta has no category decision (an integrity warning): the review named it 'home--beta',
    # an id only the database knows, in both languages.
    store.update(small, "entities", "beta", {"name_en": "Beta Town"}, actor="test")
    found = report.review(small, home_id="home", audit_log=False).findings
    beta = found[(found["kind"] == "integrity") & (found["subject"] == "home--beta")].iloc[0]
    assert (beta["subject_name"], beta["subject_name_en"]) == ("Home – Beta", "Home – Beta Town")
    assert beta["explanation_nb"] == "Home – Beta: vennskapsby uten vedtatt kategori"
    assert beta["explanation_en"] == "Home – Beta Town: sister city without a category decision"


def test_summary_tells_no_decision_from_a_decision_of_unclassified(small):
    # Every undecided city said "Assigned: Unclassified" above "No decisions recorded".
    classify.record_decision(small, "home--beta", "unclassified", "2024-06-01", "Bystyret", "2024/8", "Venter", actor="test")
    for lang, no_decision, unclassified in (("en", "No decision", "Unclassified"), ("nb", "Ikke vedtatt", "Ikke kategorisert")):
        md = summary.summary_for(small, lang, "md")
        beta = md[md.index("### Beta") :]
        beta = beta[: beta.index("###", 4)] if "###" in beta[4:] else beta
        assert f"- {i18n.t('col.assigned', lang)}: {unclassified} (2024-06-01)" in beta
        assert f"## {no_decision}" in md and f"## {unclassified}" in md
        evil = md[md.index("## " + no_decision) :]
        assert f"{i18n.t('col.assigned', lang)}: {no_decision}\n" in evil
        assert f"| {no_decision} | 1 | 0 |" in md and f"| {unclassified} | 1 |" in md


def test_each_home_reviews_its_own_rows_and_every_home_sees_errors(small):
    # A second municipality shares the file: its sister cities' warnings are its review's, not Home's (Home's
    # Gaps page listed every one of them); an error on its row still shows, as it harms the file both use.
    add = lambda table, row: store.insert(small, table, row, actor="test")  # noqa: E731
    add("entities", {"id": "other", "kind": "municipality", "name": "Other", "country_code": "NO", "source": "s"})
    for eid in ("gamma", "delta"):
        add("entities", {"id": eid, "kind": "city", "name": eid.title(), "country_code": "IS", "source": "s"})
        add("ties", {"id": f"other--{eid}", "from_id": "other", "to_id": eid, "kind": "sister_city", "start": "1990", "source": "s"})
    small.execute("UPDATE ties SET [end] = '1980' WHERE id = 'other--delta'")  # past the library: an error

    def integrity(home: str) -> dict[str, set[str]]:
        found = report.review(small, home_id=home, audit_log=False).findings
        rows = found[found["kind"] == "integrity"]
        return {s: set(rows.loc[rows["subject"] == s, "severity"]) for s in rows["subject"] if "--" in s}

    assert integrity("home") == {"home--beta": {"info"}, "home--evil": {"info"}, "other--delta": {"high"}}
    assert integrity("other") == {"other--gamma": {"info"}, "other--delta": {"high", "info"}}
