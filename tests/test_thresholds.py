"""Every threshold is declared once, with both languages, read by the code, and listed in the reference table."""

from __future__ import annotations

import ast
from pathlib import Path

import pandas as pd
import pytest

from registry import analysis, settings, thresholds
from registry import rules as R
from registry.calendar import windows
from registry.store import validate
from tests.mini import Mini

ROOT = Path(__file__).resolve().parent.parent
DAY = "2025-12-31"


def test_thresholds_are_declared_once_with_unit_labels_and_help_in_both_languages():
    codes = [t.code for t in thresholds.THRESHOLDS]
    assert len(codes) == len(set(codes))
    for t in thresholds.THRESHOLDS:
        assert t.label_nb and t.label_en and t.help_nb and t.help, t.code
        assert t.unit in thresholds.UNITS, t.code
        assert t.help_nb != t.help, t.code
    assert dict(thresholds.DEFAULT_RULES.values) == {t.code: t.default for t in thresholds.THRESHOLDS}
    # rules names the same declaration, not a copy of it.
    assert thresholds.THRESHOLDS is thresholds.THRESHOLDS and thresholds.DEFAULT_RULES is thresholds.DEFAULT_RULES


def test_threshold_reads_the_declaration_and_refuses_an_unknown_code():
    for t in thresholds.THRESHOLDS:
        assert thresholds.threshold(t.code) == t.default
    with pytest.raises(KeyError, match="no_such"):
        thresholds.threshold("no_such")


def test_the_reference_table_lists_every_rule_then_every_setting_with_the_same_columns():
    table = settings.reference_table()
    assert [r["code"] for r in table] == [t.code for t in thresholds.THRESHOLDS] + [s.key for s in settings.SETTINGS]
    assert {r["kind"] for r in table[: len(thresholds.THRESHOLDS)]} == {"rule"}
    assert {r["kind"] for r in table[len(thresholds.THRESHOLDS) :]} == {"setting"}
    columns = {
        "code",
        "kind",
        "group",
        "value",
        "value_nb",
        "value_en",
        "unit",
        "unit_nb",
        "unit_en",
        "label_nb",
        "label_en",
        "help_nb",
        "help_en",
    }
    for r in table:
        assert set(r) == columns, r["code"]
        assert r["label_nb"] and r["label_en"] and r["help_nb"] and r["help_en"], r["code"]
    stale = next(r for r in table if r["code"] == "stale_after_years")
    assert (stale["value"], stale["unit_nb"], stale["unit_en"]) == (5, "år", "years")
    efficiency = next(r for r in table if r["code"] == "hole_min_efficiency")
    assert (efficiency["value_nb"], efficiency["value_en"]) == ("0,75", "0.75")
    rule = next(r for r in table if r["code"] == "network_category_filter")
    assert (rule["value_nb"], rule["value_en"]) == ("tildelt, ellers foreslått", "assigned, else suggested")


def test_the_library_reads_its_constants_from_the_declaration():
    from registry import freshness
    from registry.analysis import metrics, rows

    assert validate.BUDGET_YEARS == (thresholds.threshold("budget_year_min"), thresholds.threshold("budget_year_max"))
    assert freshness.DEFAULT_STALE_AFTER_YEARS == settings.setting("stale_after_years").default
    assert metrics.EXACT_BETWEENNESS_MAX_NODES == thresholds.threshold("betweenness_exact_max_nodes")
    assert metrics.BETWEENNESS_SAMPLE == thresholds.threshold("betweenness_sample")
    assert rows.MAX_EVIDENCE == thresholds.threshold("finding_max_evidence")


# --- A changed threshold changes the behaviour -------------------------------------------------


def _spof(rules: thresholds.Rules) -> pd.DataFrame:
    # home -- agency -- {uni, biz, inst}: the agency alone links three entities to home (3 cut off).
    m = Mini()
    m.entity("agency", "public_agency", "NO").entity("uni", "university", "NO").entity("biz", "business_body", "NO")
    m.entity("inst", "university", "NO")
    m.tie("home", "agency", "partnership")
    for e in ("uni", "biz", "inst"):
        m.tie(e, "agency", "project")
    return analysis.findings(m.snap(), "single_point_of_failure", as_of=DAY, options=analysis.Options(rules=rules))


def test_the_severity_cut_off_of_a_single_point_of_failure_is_the_declared_one():
    # Three cut off: below the declared 10 it is medium; with the cut-off at 3 it is high.
    assert _spof(thresholds.DEFAULT_RULES)["severity"].tolist() == ["medium"]
    assert _spof(thresholds.DEFAULT_RULES.with_values(spof_high_cut_off=3))["severity"].tolist() == ["high"]
    assert _spof(thresholds.DEFAULT_RULES.with_values(spof_high_cut_off=4))["severity"].tolist() == ["medium"]


def test_the_jubilee_years_are_the_declared_ones(monkeypatch):
    assert [n for n in range(1, 31) if windows.is_round_year(n)] == [10, 25]
    changed = thresholds.DEFAULT_RULES.with_values(jubilee_first_years=5, jubilee_every_years=20)
    monkeypatch.setattr(thresholds, "DEFAULT_RULES", changed)
    assert [n for n in range(1, 31) if windows.is_round_year(n)] == [5, 20]


def test_the_calendar_window_is_the_declared_one(monkeypatch):
    from datetime import date

    assert windows.default_window(date(2026, 3, 1)) == (date(2026, 3, 1), date(2027, 3, 1))
    monkeypatch.setattr(thresholds, "DEFAULT_RULES", thresholds.DEFAULT_RULES.with_values(calendar_window_years=2))
    assert windows.default_window(date(2026, 3, 1)) == (date(2026, 3, 1), date(2028, 3, 1))


def test_the_network_category_filter_is_the_declared_rule(monkeypatch):
    # A city decided 'dormant', suggested 'project'; one with no decision, suggested 'project'.
    chosen = frozenset({"project"})
    assert R.category_shown("dormant", "project", chosen) == "project"  # assigned not chosen: its suggestion counts
    assert R.category_shown(None, "project", chosen) == "project"
    assert R.category_shown("project", "dormant", chosen) == "project"
    monkeypatch.setattr(thresholds, "DEFAULT_RULES", thresholds.DEFAULT_RULES.with_values(network_category_filter="assigned"))
    assert R.category_shown("dormant", "project", chosen) == "dormant"  # only what the council assigned
    assert R.category_shown(None, "project", chosen) == ""
    assert R.category_shown("project", "dormant", chosen) == "project"


def test_the_budget_year_range_is_the_declared_one(conn):
    low, high = thresholds.threshold("budget_year_min"), thresholds.threshold("budget_year_max")
    vocabularies = validate.load_vocabularies(conn)
    base = {"tie_id": "a--b", "kind": "plan", "amount": "1", "currency": "NOK", "funder": "municipal"}
    for year, ok in ((low, True), (high, True), (low - 1, False), (high + 1, False)):
        _, problems = validate.clean_row("plan_lines", {**base, "year": str(year)}, vocabularies)
        assert (not any(p.column == "year" for p in problems)) is ok, (year, problems)


# --- No number hides outside the table ---------------------------------------------------------

#: Numeric literals in comparisons that are no rule of the method, each with why (path, value).
#: A new literal in a comparison fails the test below: declare it in registry/thresholds.py, or,
#: when it is arithmetic or a format, add it here with its reason.
KNOWN_LITERALS: dict[tuple[str, float], str] = {
    ("registry/analysis/metrics.py", 2): "a graph of two nodes has no betweenness",
    ("registry/analysis/metrics.py", 3): "a component under three nodes has no one between others",
    ("registry/analysis/overlaps.py", 2): "a pair needs two actors",
    ("registry/analysis/suggestions.py", 2): "a pair needs two actors",
    ("registry/analysis/thin_relations.py", 2): "two of the sectors named: 'a and b'",
    ("registry/analysis/undocumented_ties.py", 2): "both goals and indicators missing",
    ("registry/calendar/windows.py", 2): "February, and index 2 (the day) of a partial date",
    ("registry/calendar/items.py", 2): "index 2 (the day) of a partial date",
    ("registry/view/page.py", 2): "index 2 of a drawn node's row (its group flag)",
    ("registry/calendar/windows.py", 29): "29 February",
    ("registry/calendar/windows.py", 10): "every tenth year (from jubilee_tens_from_years)",
    ("registry/cli/commands.py", 3): "an argument triple",
    ("registry/dates.py", 12): "twelve months",
    ("registry/io/demo.py", 2): "the number of command-line arguments",
    ("registry/io/export.py", 10): "an error message names ten problems",
    ("registry/message.py", 2): "plural forms",
    ("registry/network/mapview.py", 2): "lat and lon",
    ("registry/network/mapview.py", 500): "dot size on a crowded map",
    ("registry/store/person.py", 2): "pairs",
    ("registry/store/person.py", 6): "a phone number shorter than six digits is no number",
    ("registry/store/validate.py", 2): "64-bit integer range",
    ("registry/store/validate.py", 63): "64-bit integer range",
    ("registry/store/validate.py", 3): "ISO 4217 codes have three letters",
    ("registry/store/validate.py", 55296): "surrogate code points",
    ("registry/store/validate.py", 57344): "surrogate code points",
    ("registry/store/validate.py", 90): "latitude",
    ("registry/store/validate.py", 180): "longitude",
    ("registry/view/rows.py", 4): "column index of the tie count",
    ("app_pages/_database.py", 5): "len('--db=')",
    ("app_pages/entity.py", 12): "rows a table shows before it scrolls (display, not a rule)",
    ("registry/view/positions.py", 0.3): "label geometry: a mostly sideways overlap is pushed sideways",
    ("registry/view/positions.py", 0.5): "label geometry: half a pixel counts as touching",
}


def _comparison_literals() -> set[tuple[str, float]]:
    found = set()
    for folder in ("registry", "app_pages"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            if rel.startswith("registry/io/synth/"):
                continue  # the synthetic registry's draw odds: a benchmark's, no rule of the method
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.Compare):
                    continue
                for side in (node.left, *node.comparators):
                    for c in ast.walk(side):
                        if isinstance(c, ast.Constant) and type(c.value) in (int, float) and c.value not in (0, 1, -1):
                            found.add((rel, c.value))
    return found


def test_no_threshold_is_written_as_a_bare_number_in_a_comparison():
    unknown = sorted(_comparison_literals() - set(KNOWN_LITERALS))
    assert unknown == [], "declare these in registry/thresholds.py (or list them with a reason): " + repr(unknown)


def test_the_scan_finds_a_bare_threshold(tmp_path, monkeypatch):
    # The scan itself works: the old severity cut-off 'n >= 10' in articulation.py would be caught.
    tree = ast.parse("severity = 'high' if n >= 10 else 'medium'")
    compare = next(n for n in ast.walk(tree) if isinstance(n, ast.Compare))
    assert [c.value for c in ast.walk(compare) if isinstance(c, ast.Constant)] == [10]
    assert ("registry/analysis/articulation.py", 10) not in KNOWN_LITERALS


# --- Shown where a reader needs it ---------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_gaps_page_shows_the_rules_table_in_the_pages_language(lang, tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from registry import i18n

    monkeypatch.setenv("REGISTRY_DB", str(tmp_path / "app.db"))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.session_state["lang"] = lang
    at.run()
    at.switch_page("app_pages/gaps.py").run()
    assert not at.exception
    box = next(e for e in at.expander if e.label == i18n.t("rulebook.title", lang))
    df = box.dataframe[0].value
    assert list(df.columns) == [i18n.t(f"rulebook.{c}", lang) for c in ("rule", "value", "unit", "help")]
    rows = dict(zip(df.iloc[:, 0], df.iloc[:, 1]))
    assert len(df) == len(thresholds.THRESHOLDS)
    dormant = next(t for t in thresholds.THRESHOLDS if t.code == "dormant_years")
    assert rows[dormant.label_nb if lang == "nb" else dormant.label_en] == "5"
    efficiency = next(t for t in thresholds.THRESHOLDS if t.code == "hole_min_efficiency")
    assert rows[efficiency.label_nb if lang == "nb" else efficiency.label_en] == ("0,75" if lang == "nb" else "0.75")


def test_every_declared_threshold_is_read_by_the_code():
    # A declaration nothing reads would document a rule the code does not apply.
    sources = "\n".join(
        p.read_text(encoding="utf-8")
        for folder in ("registry", "app_pages")
        for p in sorted((ROOT / folder).rglob("*.py"))
        if p.name != "thresholds.py"
    )
    unread = [t.code for t in thresholds.THRESHOLDS if f'"{t.code}"' not in sources]
    assert unread == []
