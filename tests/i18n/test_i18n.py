"""Every UI text exists in both languages, and every text the app asks for is declared."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

from registry import i18n
from registry.store.schema import DATA_TABLES

ROOT = Path(__file__).resolve().parents[2]
# Where UI keys are used: the frame, the pages, and the registry modules that write UI text.
SOURCES = [
    ROOT / "app.py",
    *sorted((ROOT / "app_pages").glob("*.py")),
    *sorted((ROOT / "registry" / "view").glob("*.py")),
    *sorted((ROOT / "registry" / "review").glob("*.py")),
    *sorted((ROOT / "registry" / "render").glob("*.py")),
    ROOT / "registry" / "network" / "mapview.py",
    ROOT / "registry" / "edit" / "editing.py",
    *sorted((ROOT / "registry" / "documents").glob("*.py")),
    ROOT / "registry" / "errors.py",
]
NAMESPACES = {k.split(".")[0] for k in i18n.STRINGS}
KEY = re.compile(r"^[a-z_]+\.[a-z_]+$")
FILE_NAME = re.compile(r"\.(?:js|py|csv|json|html)$")  # 'network.js' is a file the view reads, not a text key


def used_keys() -> dict[str, Path]:
    """Every string literal in the sources that looks like a key of a declared namespace."""
    found = {}
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and KEY.match(node.value)
                and not FILE_NAME.search(node.value)
            ):
                if node.value.split(".")[0] in NAMESPACES:
                    found[node.value] = path
    return found


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_key_has_both_languages_with_the_same_fields():
    for key, texts in i18n.STRINGS.items():
        assert len(texts) == 2, key
        nb, en = texts
        assert nb.strip() and en.strip(), key
        assert fields(nb) == fields(en), key


def test_every_key_the_app_uses_is_declared():
    missing = {k: str(p.relative_to(ROOT)) for k, p in used_keys().items() if k not in i18n.STRINGS}
    assert not missing


def test_every_declared_key_is_used():
    used = set(used_keys())
    used |= {k + "_one" for k in used}  # the singular of a count, which t() picks for n == 1
    unused = set(i18n.STRINGS) - used
    assert not unused


def test_no_key_is_built_at_run_time():
    # t(f"...") would hide a key from the two tests above.
    for path in SOURCES:
        assert not re.search(r"\bt\(\s*f[\"']", path.read_text(encoding="utf-8")), path


def test_every_column_an_editor_fills_in_has_a_label():
    for table in DATA_TABLES:
        for col in table.columns:
            if col.name not in ("version", "updated_at", "updated_by"):
                assert col.name in i18n.FIELDS, (table.name, col.name)
                assert all(i18n.FIELDS[col.name]), col.name


def test_t_fills_fields_and_picks_the_language():
    assert i18n.t("network.tie_count", "nb", n=2) == "2 forbindelser"
    assert i18n.t("network.tie_count", "en", n=2) == "2 ties"


def test_a_count_of_one_is_singular():
    # Issue 11: '1 ties'.
    assert i18n.t("network.tie_count", "en", n=1) == "1 tie"
    assert i18n.t("network.tie_count", "nb", n=1) == "1 forbindelse"
    assert i18n.t("view.ties_count", "en", n=1) == "1 tie"
    assert i18n.t("network.tie_count", "en", n=0) == "0 ties"
    assert i18n.t("sister.no_contact", "nb", n=1).endswith("(1 oppføring)")  # the tester's '(1 oppføringer)'
    assert i18n.t("io.detected", "en", table="Entities", n=1, encoding="utf-8") == "Entities, 1 row (utf-8)"
    for key in i18n.STRINGS:
        if key.endswith("_one"):
            assert key[: -len("_one")] in i18n.STRINGS, key


def test_times_are_shown_in_the_zone_asked_for():
    assert i18n.local_time("2025-06-19T10:30:00.123+00:00", "Europe/Oslo") == "2025-06-19 12:30"  # CEST
    assert i18n.local_time("2025-06-19T10:30:00.123+00:00") == "2025-06-19 10:30"  # no zone set: UTC, as logged
    assert i18n.local_time(None) == "" and i18n.local_time("not a time") == "not a time"


def test_country_names_in_both_languages():
    # pycountry's Norwegian bokmål translation, and its English common names.
    assert i18n.country_name("DE", "nb") == "Tyskland"
    assert i18n.country_name("DE", "en") == "Germany"
    assert i18n.country_name("XX", "en") == "XX"
    assert i18n.country_name(None, "en") == ""


def test_no_text_names_a_city():
    # The first registry is Trondheim's, but the texts serve any: a home is named from the registry.
    cities = {"Trondheim", "Bergen", "Oslo", "Darmstadt", "Graz"}
    named = {key: city for key, texts in i18n.STRINGS.items() for city in cities if any(city in x for x in texts)}
    assert not named


def test_country_names_are_the_ones_readers_use_and_stay_distinct():
    # The tester saw 'Ramallah (Palestina, staten)' and 'Taiwan, Den kinesiske provins': ISO's inverted long forms.
    import pycountry

    for lang in ("nb", "en"):
        names = [i18n.country_name(c.alpha_2, lang) for c in pycountry.countries]
        inverted = [n for n in names if ", " in n and " og " not in n and " and " not in n]
        assert not inverted, inverted
        assert len(names) == len(set(names))  # North and South Korea stay two countries
    assert (i18n.country_name("PS", "nb"), i18n.country_name("TW", "nb")) == ("Palestina", "Taiwan")


def test_english_texts_use_english_quotation_marks():
    # «» are Norwegian quotation marks; the tester found 'under «Focus on»' on English pages.
    assert not [key for key, (_nb, en) in i18n.STRINGS.items() if "«" in en or "»" in en]
