"""The registry page's helpers: facet filters, readable ties, changed values, change descriptions."""

from __future__ import annotations

import json

from registry import editing, queries, store


def test_form_columns_leave_out_tracking():
    names = [c.name for c in editing.form_columns("entities")]
    assert names[:3] == ["id", "kind", "name"] and "version" not in names and "updated_by" not in names


def test_filter_entities_by_facets_and_text(seeded):
    entities = queries.entities_frame(seeded)
    consulates = editing.filter_entities(entities, kinds=["consulate"])
    # The seed has six consulates (data/entities.csv).
    assert len(consulates) == 6
    assert editing.filter_entities(entities, countries=["SE"], text="norrk")["id"].tolist() == ["norrkoping"]
    assert len(editing.filter_entities(entities)) == len(entities)


def test_ties_view_and_filter(seeded):
    ties = editing.ties_view(queries.ties_frame(seeded), queries.entities_frame(seeded), "en")
    graz = ties.set_index("id").loc["trondheim--graz"]
    assert (graz.from_name, graz.to_name, graz.kind_label) == ("Trondheim Municipality", "Graz", "Sister city")
    assert graz.country_codes == "AT;NO"
    austria = editing.filter_ties(ties, countries=["AT"])
    assert austria["id"].tolist() == ["trondheim--graz"]
    assert len(editing.filter_ties(ties, kinds=["sister_city"])) == 11


def test_changed_values_ignore_empty_and_equal_text():
    before = {"name": "Graz", "notes": None, "lat": 47.07, "kind": "city"}
    assert editing.changed_values(before, {"name": "Graz", "notes": "", "lat": "47.07", "kind": "city"}) == {}
    assert editing.changed_values(before, {"notes": "New", "kind": "country"}) == {"notes": "New", "kind": "country"}


def test_describe_change_from_the_audit_log(conn):
    store.insert(conn, "entities", {"id": "x", "kind": "city", "name": "X", "source": "s"}, actor="t")
    store.update(conn, "entities", "x", {"name": "Y"}, actor="t")
    rows = queries.history(conn, "entities", "x")
    texts = [editing.describe_change(r.action, r.before, r.after, "en") for r in rows.itertuples()]
    assert texts == ["name: 'X' → 'Y'", "added «X»"]
    assert editing.describe_change("delete", json.dumps({"id": "x", "name": "Y"}), None, "nb") == "slettet «Y»"
    assert editing.describe_change("update", float("nan"), None, "en") == ""


def test_suggest_id():
    assert editing.suggest_id("trondheim", "graz", "partnership") == "trondheim--graz--partnership"
    assert editing.suggest_id("Østersund", None) == "ostersund"
