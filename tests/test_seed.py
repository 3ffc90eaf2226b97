"""The seed in data/ loads cleanly and holds every sourced sister city and consulate."""

import csv

from registry import check, counts
from registry.seed import DATA_DIR, init

# The 11 sister cities and 6 consulate countries of the reference facts (data/README.md).
SISTER_CITIES = {
    "dunfermline", "darmstadt", "graz", "norrkoping", "odense", "tampere",
    "kopavogur", "klaksvik", "vallejo", "ramallah", "petah-tikva",
}
CONSULATE_COUNTRIES = {"DK", "EE", "FI", "NL", "FR", "IT"}


def test_seed_holds_every_sister_city(seeded):
    rows = seeded.execute("SELECT to_id FROM ties WHERE kind = 'sister_city' AND from_id = 'trondheim'").fetchall()
    assert {r[0] for r in rows} == SISTER_CITIES


def test_seed_holds_every_consulate(seeded):
    rows = seeded.execute(
        "SELECT c.country_code FROM ties t JOIN entities c ON c.id = t.to_id "
        "WHERE t.kind = 'consular' AND t.from_id IN (SELECT id FROM entities WHERE kind = 'consulate')"
    ).fetchall()
    assert {r[0] for r in rows} == CONSULATE_COUNTRIES


def test_seed_has_no_integrity_errors(seeded):
    errors = [f for f in check(seeded) if f.level == "error"]
    assert errors == []


def test_every_seed_row_has_a_source():
    for path in DATA_DIR.glob("*.csv"):
        with open(path, encoding="utf-8") as fh:
            for i, row in enumerate(csv.DictReader(fh), start=2):
                if "source" in row and path.stem in ("entities", "ties"):
                    assert row["source"].strip(), f"{path.name}:{i} has no source"


def test_uncertain_years_stay_marked(seeded):
    certainty = dict(seeded.execute("SELECT to_id, start_certainty FROM ties WHERE kind = 'sister_city'"))
    assert certainty["norrkoping"] == "inferred"
    assert certainty["ramallah"] == "conflicting"
    assert certainty["klaksvik"] == "unknown"
    assert certainty["darmstadt"] == "sourced"


def test_norwegian_letters_survive_seed(seeded):
    names = {r[0] for r in seeded.execute("SELECT name FROM entities")}
    assert "Trøndelags Europakontor" in names
    assert "Kópavogur" in names
    assert "Næringsforeningen i Trondheimsregionen" in names
    assert "Östersund" in names


def test_init_is_idempotent_and_force_recreates(db_path):
    first = init(db_path)
    again = init(db_path)
    assert first.total("inserted") > 0
    assert again.total("inserted") == 0 and again.total("updated") == 0
    forced = init(db_path, force=True)
    assert forced.total("inserted") == first.total("inserted")


def test_seed_is_audited_as_seed(seeded):
    n = counts(seeded)
    assert n["audit"] == n["entities"] + n["ties"] + n["decisions"] + n["plan_lines"]
    assert {r[0] for r in seeded.execute("SELECT DISTINCT actor FROM audit")} == {"seed"}
