"""The registry page's helpers: facet filters, readable ties, changed values, change descriptions."""

from __future__ import annotations

import json

from registry.edit import editing, forms
from registry.store import queries
from registry.store import writes as store
from registry.store.schema import DATA_TABLES


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
    assert texts == ["name: 'X' → 'Y'", "added “X”"]
    assert editing.describe_change("delete", json.dumps({"id": "x", "name": "Y"}), None, "nb") == "slettet «Y»"
    assert editing.describe_change("update", float("nan"), None, "en") == ""


def test_suggest_id():
    assert editing.suggest_id("trondheim", "graz", "partnership") == "trondheim--graz--partnership"
    assert editing.suggest_id("Østersund", None) == "ostersund"


# --- registry.edit.forms: any data table from its declaration (activities, agreements, contacts, totals, budget lines)


def test_children_are_the_link_tables_of_a_row():
    # From registry/store/schema.py: generated ids and a required reference to the parent.
    assert forms.children("activities") == (("activity_participants", "activity_id"), ("activity_ties", "activity_id"))
    assert forms.children("agreements") == (("agreement_parties", "agreement_id"),)
    assert all(forms.children(t) == () for t in ("contacts", "declared_totals", "plan_lines"))
    assert set(forms.EDITABLE) <= {t.name for t in DATA_TABLES}


def test_personal_columns_only_when_asked(seeded):
    before = forms.row_count(seeded, "contacts")
    store.insert(
        seeded,
        "contacts",
        {
            "id": "test-contact",
            "entity_id": "consulate-denmark",
            "office": "test office",
            "person_name": "Fictional Person",
            "email": "x@example.org",
            "purpose": "Invitations",
        },
        actor="t",
    )
    assert forms.row_count(seeded, "contacts") == before + 1
    hidden = forms.rows_frame(seeded, "contacts")
    assert "person_name" not in hidden and "email" not in hidden and "phone" not in hidden
    assert hidden.set_index("id").loc["test-contact", "office"] == "test office"
    shown = forms.rows_frame(seeded, "contacts", personal=True).set_index("id")
    assert shown.loc["test-contact", ["person_name", "version"]].tolist() == ["Fictional Person", 1]
    # Search finds only what is shown.
    assert forms.filter_rows(hidden, "fictional person").empty
    assert forms.filter_rows(shown.reset_index(), "fictional person")["id"].tolist() == ["test-contact"]


def test_an_activity_with_participants_and_ties_in_readable_form(seeded):
    store.insert(
        seeded,
        "activities",
        {"id": "test-visit", "kind": "visit", "title": "Visit from Graz", "start": "2025-06", "source": "test"},
        actor="t",
    )
    for entity, role in (("graz", "visitor"), ("trondheim", "host")):
        store.insert(seeded, "activity_participants", {"activity_id": "test-visit", "entity_id": entity, "role": role}, actor="t")
    store.insert(seeded, "activity_ties", {"activity_id": "test-visit", "tie_id": "trondheim--graz"}, actor="t")
    people = forms.child_rows(seeded, "activity_participants", "activity_id", "test-visit")
    assert people[["entity_id", "role"]].values.tolist() == [["graz", "visitor"], ["trondheim", "host"]]
    labels = {"entities": forms.reference_labels(seeded, "entities", "nb", ("graz", "trondheim"))}
    # The seed names Trondheim "Trondheim kommune" in Norwegian (data/entities.csv).
    assert [forms.row_label("activity_participants", r, labels, "nb") for r in people.to_dict("records")] == [
        "Graz · Besøkende",
        "Trondheim kommune · Vert",
    ]
    shown = forms.display_frame(people.drop(columns=["activity_id"]), "activity_participants", labels, "en")
    assert shown.columns.tolist() == ["Id", "Entity", "Role", "Notes"]
    assert shown["Role"].tolist() == ["Visitor", "Host"]
    linked = forms.child_rows(seeded, "activity_ties", "activity_id", "test-visit")
    assert forms.reference_labels(seeded, "ties", "en", tuple(linked["tie_id"])) == {
        "trondheim--graz": "Trondheim Municipality – Graz (Sister city)"
    }
    assert forms.reference_labels(seeded, "activities", "en", ("test-visit",)) == {"test-visit": "Visit from Graz · 2025-06"}
    # Without ids, every activity (the seed's too).
    assert len(forms.reference_labels(seeded, "activities", "en")) == forms.row_count(seeded, "activities")


def test_new_ids_come_from_the_rows_own_columns():
    assert forms.fill_id("entities", {"name": "Kraków"})["id"] == "krakow"
    assert forms.fill_id("ties", {"from_id": "trondheim", "to_id": "graz", "kind": "partnership"})["id"] == "trondheim--graz--partnership"
    assert forms.fill_id("contacts", {"id": "", "entity_id": "consulate-denmark", "office": "Honorary consul"})["id"] == (
        "consulate-denmark--honorary-consul"
    )
    # Kept when given; left alone for generated ids and when the first column is empty.
    assert forms.fill_id("activities", {"id": "mine", "title": "X"})["id"] == "mine"
    assert "id" not in forms.fill_id("plan_lines", {"year": 2025})
    assert forms.fill_id("activities", {"title": ""}).get("id") is None


# --- registry.edit.browse: one page of a table, searched and filtered in SQLite (issue 11, item 5)


def _places(conn):
    """Five entities: three Austrian cities, one Swedish, one whose name holds LIKE's wildcards; two ties."""
    rows = [
        ("graz", "city", "Graz", None, "AT"),
        ("wien", "city", "Wien", "Vienna", "AT"),
        ("linz", "city", "Linz", None, "AT"),
        ("ostersund", "city", "Östersund", None, "SE"),
        ("fund", "funding_programme", "Fond 50%_plan", None, "NO"),
    ]
    for eid, kind, name, name_en, cc in rows:
        store.insert(
            conn, "entities", {"id": eid, "kind": kind, "name": name, "name_en": name_en, "country_code": cc, "source": "test"}, actor="t"
        )
    store.insert(
        conn,
        "ties",
        {"id": "graz--wien", "from_id": "graz", "to_id": "wien", "kind": "partnership", "sectors": "culture;education", "source": "test"},
        actor="t",
    )
    store.insert(
        conn,
        "ties",
        {"id": "linz--ostersund", "from_id": "linz", "to_id": "ostersund", "kind": "partnership", "sectors": "business", "source": "test"},
        actor="t",
    )
    return conn


def test_a_page_of_entities_and_how_many_match(conn):
    from registry.edit import browse

    _places(conn)
    # Id order: fund, graz, linz, ostersund, wien; the second page of two is linz and ostersund.
    page, total = browse.page_of(conn, "entities", offset=2, limit=2)
    assert page["id"].tolist() == ["linz", "ostersund"] and total == 5
    page, total = browse.page_of(conn, "entities", filters={"country_code": ["AT"]}, offset=0, limit=2)
    assert page["id"].tolist() == ["graz", "linz"] and total == 3
    # Case is ignored beyond ASCII ('ö' finds 'Ö'), and the English name is searched too.
    assert browse.page_of(conn, "entities", "östers")[0]["id"].tolist() == ["ostersund"]
    assert browse.page_of(conn, "entities", "VIENNA")[0]["id"].tolist() == ["wien"]
    # '%' and '_' are letters to look for, not wildcards: '0%_p' is only in the fund's name, '_' in none other.
    assert browse.page_of(conn, "entities", "0%_p")[0]["id"].tolist() == ["fund"]
    assert browse.page_of(conn, "entities", "n_")[1] == 0
    assert browse.page_of(conn, "entities", "", {"kind": ["country"]})[1] == 0


def test_a_page_of_ties_filters_sectors_and_either_ends_country(conn):
    from registry.edit import browse

    _places(conn)
    page, total = browse.page_of(conn, "ties", filters=(("countries", ("SE",)),), lang="en")
    assert page["id"].tolist() == ["linz--ostersund"] and total == 1
    assert browse.page_of(conn, "ties", filters={"sectors": ["education", "health"]})[0]["id"].tolist() == ["graz--wien"]
    # 'cult' is not a sector code: a sector must match whole, between its ';'.
    assert browse.page_of(conn, "ties", filters={"sectors": ["cult"]})[1] == 0
    # The ends are named (and searched) in the page's language; the kind by its label (registry/vocab.py).
    en = browse.page_of(conn, "ties", "vienna", lang="en")[0]
    assert (en["from_name"].tolist(), en["to_name"].tolist(), en["kind_label"].tolist()) == (
        ["Graz"],
        ["Vienna"],
        ["Partnership/agreement"],
    )
    assert browse.page_of(conn, "ties", "vienna", lang="nb")[1] == 0


def test_the_csv_of_the_matches_holds_every_match_and_no_added_columns(conn):
    import csv
    import io

    from registry.edit import browse

    _places(conn)
    rows = list(csv.DictReader(io.StringIO(browse.matches_csv(conn, "entities", "", {"country_code": ["AT"]}).decode("utf-8-sig"))))
    assert [r["id"] for r in rows] == ["graz", "linz", "wien"]
    header = browse.matches_csv(conn, "ties").decode("utf-8-sig").splitlines()[0].split(",")
    assert "from_name" not in header and "kind_label" not in header and "sectors" in header


def test_a_history_entry_names_an_entity_in_the_pages_language(conn):
    store.insert(conn, "entities", {"id": "wien", "kind": "city", "name": "Wien", "name_en": "Vienna", "source": "s"}, actor="t")
    after = queries.history(conn, "entities", "wien")["after"][0]
    assert editing.describe_change("insert", None, after, "en") == "added “Vienna”"
    assert editing.describe_change("insert", None, after, "nb") == "la til «Wien»"


def test_every_form_field_with_help_has_it_in_bokmal():
    from registry import i18n

    for table in DATA_TABLES:
        for col in editing.form_columns(table.name):
            if col.help:
                assert i18n.field_help(table.name, col.name, "en") == col.help
                assert i18n.field_help(table.name, col.name, "nb") != col.help, f"{table.name}.{col.name}"
