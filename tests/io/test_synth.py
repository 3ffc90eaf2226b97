"""Synthetic registries: reproducible, the promised shape, and accepted by the importer as they are."""

import csv

import pytest

from registry import import_files, import_texts, vocab
from registry.io import synth
from registry.store.schema import DATA_TABLES
from registry.store.validate import ID_PATTERN


def test_same_seed_same_rows_other_seed_other_rows():
    assert synth.generate(300, seed=1).rows == synth.generate(300, seed=1).rows
    assert synth.generate(300, seed=1).rows != synth.generate(300, seed=2).rows


def test_size_and_about_three_ties_per_entity():
    s = synth.generate(500)
    assert s.count("entities") == 500
    # "about 3N ties" (issue 6): the generator stops at 3N unless it runs out of new pairs.
    assert 0.9 * 1500 <= s.count("ties") <= 1500


def test_ids_unique_valid_and_every_row_marked_fictional():
    s = synth.generate(400)
    for table in ("entities", "ties"):
        ids = [r["id"] for r in s.rows[table]]
        assert len(ids) == len(set(ids))
        assert all(ID_PATTERN.match(i) for i in ids)
    # Every table with a source column says on every row that it is fictional.
    sourced = [t.name for t in DATA_TABLES if "source" in t.names]
    assert all(r["source"] == synth.SOURCE for name in sourced for r in s.rows.get(name, []))
    wikidata = [r["wikidata_id"] for r in s.rows["entities"] if r["wikidata_id"]]
    assert len(wikidata) == len(set(wikidata))


def test_realistic_mix_of_kinds_and_sister_cities_from_municipalities():
    s = synth.generate(1000)
    kinds = {r["kind"] for r in s.rows["entities"]}
    assert kinds == {t.code for t in vocab.ENTITY_KINDS}
    tie_kinds = {r["kind"] for r in s.rows["ties"]}
    assert tie_kinds == {t.code for t in vocab.TIE_KINDS}
    kind_of = {r["id"]: r["kind"] for r in s.rows["entities"]}
    sister = [r for r in s.rows["ties"] if r["kind"] == "sister_city"]
    assert sister and all(kind_of[r["from_id"]] == "municipality" and kind_of[r["to_id"]] == "city" for r in sister)
    municipalities = [r for r in s.rows["entities"] if r["kind"] == "municipality"]
    assert 3 <= len(municipalities) <= 10  # "a few"
    sister_ids = {r["id"] for r in sister}
    assert s.count("decisions") and s.count("plan_lines")
    assert all(r["tie_id"] in sister_ids for r in s.rows["decisions"])
    shapes = {len(r["start"]) for r in s.rows["ties"]}
    assert shapes == {0, 4, 7, 10}  # empty, YYYY, YYYY-MM, YYYY-MM-DD


def test_evidence_tables_in_the_proportions_of_a_real_office():
    s = synth.generate(2000)
    rows = s.rows
    kind_of = {r["id"]: r["kind"] for r in rows["ties"]}
    # About one agreement per ten ties (the brief), some signed by three towns (a ring charter).
    assert 0.07 <= s.count("agreements") / s.count("ties") <= 0.13
    parties: dict[str, list[str]] = {}
    for p in rows["agreement_parties"]:
        parties.setdefault(p["agreement_id"], []).append(p["entity_id"])
    assert set(parties) == {a["id"] for a in rows["agreements"]}
    assert {len(set(v)) for v in parties.values()} == {2, 3}
    assert {t["agreement_id"] for t in rows["ties"] if t.get("agreement_id")} == set(parties)
    # About two activities per sister-city tie (drawn from 0, 1, 2, 2, 3, 4), and some on other ties.
    on: dict[str, set[str]] = {}
    for link in rows["activity_ties"]:
        on.setdefault(link["activity_id"], set()).add(kind_of[link["tie_id"]])
    assert set(on) == {a["id"] for a in rows["activities"]}
    sisters = sum(k == "sister_city" for k in kind_of.values())
    on_sisters = sum("sister_city" in kinds for kinds in on.values())
    assert 1.5 * sisters <= on_sisters <= 2.8 * sisters
    assert any(kinds - {"sister_city"} for kinds in on.values())
    assert {a["kind"] for a in rows["activities"]} >= {"visit", "project", "meeting", "exchange"}
    assert any(";" in a["strategy_points"] for a in rows["activities"])
    per_activity: dict[str, int] = {}
    for p in rows["activity_participants"]:
        per_activity[p["activity_id"]] = per_activity.get(p["activity_id"], 0) + 1
    assert set(per_activity) == set(on) and set(per_activity.values()) <= {1, 2, 3, 4}
    assert {p["role"] for p in rows["activity_participants"]} >= {"host", "visitor", "partner"}
    # Budget lines on ties (synth.BUDGET_ON_TIES) and on project activities, some in EUR, some actual.
    budget = rows["plan_lines"]
    assert {kind_of[b["tie_id"]] for b in budget if b.get("tie_id")} == set(synth.BUDGET_ON_TIES)
    assert any(b.get("activity_id") and not b.get("tie_id") for b in budget)
    assert {b["currency"] for b in budget} == {"NOK", "EUR"} and {b["kind"] for b in budget} == {"plan", "actual"}
    # Contacts by office; a name, where there is one, is plainly invented.
    assert s.count("contacts") and all(c["office"] for c in rows["contacts"])
    assert all(c["person_name"].startswith("Fictional Person") for c in rows["contacts"] if c.get("person_name"))
    assert {d["measure"] for d in rows["declared_totals"]} == {"sister_cities", "consulates"}
    assert rows["settings"] == [{"key": "home_id", "value": "municipality-0"}]


def test_written_csv_imports_without_a_problem(tmp_path, conn):
    s = synth.generate(200, seed=3)
    paths = synth.write_csv(s, tmp_path / "csv")
    # One file per data table, parents first (the schema's order).
    assert [p.name for p in paths] == [f"{t.name}.csv" for t in DATA_TABLES]
    with paths[0].open(encoding="utf-8", newline="") as fh:
        assert next(csv.reader(fh))[:3] == ["id", "kind", "name"]
    report = import_files(conn, paths, actor="test")
    for t in DATA_TABLES:
        assert s.count(t.name), t.name  # every table has rows at this size
        assert report.counts[t.name]["inserted"] == s.count(t.name), t.name
    assert conn.execute("SELECT value FROM settings WHERE key = 'home_id'").fetchone() == ("municipality-0",)


def test_the_importer_takes_budget_lines_on_memberships_in_one_batch(conn):
    # The schema and docs/csv-formats.md allow a budget line on any relation; synth would budget memberships.
    files = [
        ("entities.csv", b"id,kind,name,source\nhome,municipality,Home,s\nnet,network,Net,s\n"),
        ("ties.csv", b"id,from_id,to_id,kind,source\nhome--net,home,net,membership,s\n"),
        ("plan_lines.csv", b"tie_id,year,amount,currency,funder,purpose\nhome--net,2025,4500,EUR,municipal,fee\n"),
    ]
    assert import_texts(conn, files, actor="test").counts["plan_lines"]["inserted"] == 1


def test_too_small_is_refused():
    with pytest.raises(ValueError):
        synth.generate(10)
