"""The entity page under AppTest: opened by address (entity?id=...), by its picker, with an unknown id, in nb and en.

Expected rows come from registry.profile on the same registry file, so the test checks
that the page shows (and downloads) what the library says.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from registry import connect, load_seed
from registry.profile import entity_profile
from registry.store import writes as store
from tests.apps import content

ROOT = Path(__file__).resolve().parents[2]
EVIL = "<img src=x onerror=alert(1)>"


def open_entity(params: dict[str, str]) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page("app_pages/entity.py").run()
    assert not at.exception, at.exception
    return at


def table_with(at: AppTest, header: str):
    return next(df.value for df in at.dataframe if header in df.value.columns)


def test_an_address_opens_the_entity_in_english_with_linked_ties_and_its_csv(registry_db, downloads):
    at = open_entity({"id": "graz", "lang": "en"})
    assert at.session_state["lang"] == "en"
    expected = entity_profile(connect(registry_db), "graz")
    titles = [s.value for s in at.subheader]
    assert f"Ties ({len(expected.ties)})" in titles and f"Activities ({len(expected.activities)})" in titles
    assert "Budget lines (0)" in titles  # the seed has none for Graz: said, not left out
    ties = table_with(at, "Counterpart")
    # The other end links to its own page in the page's language, its English name in the link's text.
    assert ties["Counterpart"].tolist() == ["entity?id=trondheim&lang=en#Trondheim%20Municipality"]
    assert ties["Direction"].tolist() == ["To here"] and ties["Kind"].tolist() == ["Sister city"]
    raw = content(at, downloads, "ent_csv_ties")
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM, as every app download
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [r["Counterpart"] for r in rows] == ["Trondheim Municipality"]  # the plain name, not the link
    assert rows[0]["Tie"] == "trondheim--graz"
    acts = list(csv.DictReader(io.StringIO(content(at, downloads, "ent_csv_activities").decode("utf-8-sig"))))
    assert {r["Activity"] for r in acts} == set(expected.activities["activity_id"])
    assert dict(at.query_params)["id"] == "graz"


def test_the_norwegian_page_has_norwegian_headers_and_names(registry_db, downloads):
    at = open_entity({"id": "trondheim"})
    ties = table_with(at, "Motpart")
    n = len(entity_profile(connect(registry_db), "trondheim").ties)
    assert len(ties) == n and {"Type", "Retning", "Forbindelse", "Kilde"} <= set(ties.columns)
    assert "Herfra" in set(ties["Retning"]) and "Hit" in set(ties["Retning"])
    header = content(at, downloads, "ent_csv_ties").decode("utf-8-sig").splitlines()[0]
    assert header.startswith("Motpart,Type,Retning")


@pytest.mark.parametrize("lang, text", [("nb", "ingen aktør eller sted med id"), ("en", "no entity with id")])
def test_an_unknown_id_says_so_without_a_traceback(registry_db, lang, text):
    at = open_entity({"id": "no-such-place", "lang": lang})
    assert any(text in w.value and "no\\-such\\-place" in w.value for w in at.warning)
    assert not at.dataframe and at.selectbox(key="ent_pick").value is None


def test_without_an_id_the_picker_chooses_and_writes_the_address(registry_db):
    at = open_entity({"lang": "en"})
    assert not at.dataframe and "id" not in dict(at.query_params)
    at.selectbox(key="ent_pick").set_value("dunfermline").run()
    assert not at.exception
    assert dict(at.query_params)["id"] == "dunfermline"
    assert "Dunfermline" in [h.value for h in at.header]
    assert table_with(at, "Counterpart")["Counterpart"].str.startswith("entity?id=trondheim&").all()


def test_a_year_keeps_the_ties_of_that_year_and_goes_into_the_address(registry_db):
    at = open_entity({"id": "trondheim", "lang": "en"})
    at.selectbox(key="ent_year").set_value(1990).run()
    assert not at.exception
    expected = entity_profile(connect(registry_db), "trondheim", 1990)
    assert len(table_with(at, "Counterpart")) == len(expected.ties) < len(entity_profile(connect(registry_db), "trondheim").ties)
    assert dict(at.query_params)["ent_year"] == "1990"
    shared = open_entity(dict(at.query_params))  # the same address in a new session shows the same year
    assert shared.selectbox(key="ent_year").value == 1990


def test_a_hostile_name_is_escaped(registry_db):
    conn = connect(registry_db)
    load_seed(conn)
    store.insert(conn, "entities", {"id": "evil", "kind": "voluntary_org", "name": EVIL, "notes": EVIL, "source": EVIL}, actor="t")
    store.insert(conn, "ties", {"id": "evil--graz", "from_id": "evil", "to_id": "graz", "kind": "partnership", "source": "s"}, actor="t")
    conn.close()
    at = open_entity({"id": "evil", "lang": "en"})
    facts = "".join(m.value for m in at.markdown)
    assert "\\<img" in facts and not re.search(r"(?<!\\)<img", facts)  # Markdown-escaped, shown as text
    assert "\\<img src=x onerror=alert\\(1\\)\\>" in [h.value for h in at.header]  # the heading escapes it too
    graz = open_entity({"id": "graz", "lang": "en"})
    links = table_with(graz, "Counterpart")["Counterpart"].tolist()
    assert "entity?id=evil&lang=en#%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E" in links
