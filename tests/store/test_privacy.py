"""Personal data: names reach the audit log only as salted digests, and ``erase`` removes a person everywhere.

The registry here is hand-made: one consulate, one honorary consul named Kari Nordmann,
and her name written by hand into an entity's notes and the contact's own notes, in
other letter cases, so every place the name can hide is known.
"""

from __future__ import annotations

import io
import sqlite3
import zipfile

import pytest

from registry import check, connect, import_texts
from registry.cli import commands as cli
from registry.errors import KeyMissing, NotFound, RegistryError
from registry.io.export import EXPORT_TABLES, csv_text, zip_bytes
from registry.store import erasure, privacy
from registry.store import writes as store
from registry.store.schema import DATA_TABLES
from registry.vocab import VOCABULARIES

NAME = "Kari Nordmann"
EMAIL = "kari.nordmann@example.org"
PHONE = "+47 987 65 432"
# Every form of her personal data a leak could take (lower case catches "KARI NORDMANN").
TRACES = ("nordmann", "kari", "987 65 432")


def _audit_text(conn: sqlite3.Connection) -> str:
    return "\n".join(f"{b} {a}" for b, a in conn.execute("SELECT before, after FROM audit")).lower()


def _everything(conn: sqlite3.Connection) -> str:
    """Return every text cell of every table in the file (data, audit, vocabularies, meta), lower-cased."""
    out = []
    for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
        for row in conn.execute(f"SELECT * FROM [{table}]"):
            out += [v for v in row if isinstance(v, str)]
    return "\n".join(out).lower()


def _errors(conn: sqlite3.Connection) -> list[str]:
    return [str(f) for f in check(conn) if f.level == "error"]


@pytest.fixture
def consul(conn):
    """A consulate with one contact, the honorary consul, whose name also sits in an entity's notes."""
    store.insert(
        conn,
        "entities",
        {
            "id": "consulate-dk",
            "kind": "consulate",
            "name": "Danish consulate",
            "notes": "Opened 1990; kari NORDMANN has led it since 2015",
            "source": "s",
        },
        actor="t",
    )
    store.insert(
        conn,
        "contacts",
        {
            "id": "consul-dk",
            "entity_id": "consulate-dk",
            "office": "honorary consul",
            "person_name": NAME,
            "email": EMAIL,
            "phone": PHONE,
            "purpose": "invitations",
            "notes": f"Ask for {NAME} in person",
        },
        actor="t",
    )
    return conn


def test_a_name_enters_the_log_only_as_a_digest(consul):
    store.update(consul, "contacts", "consul-dk", {"person_name": "Ola Nordmann", "phone": None}, actor="t")
    store.delete(consul, "contacts", "consul-dk", actor="t")
    # insert, update and delete each logged the contact: none in clear, each as a digest.
    logged = consul.execute("SELECT before, after FROM audit WHERE table_name = 'contacts'").fetchall()
    assert len(logged) == 3
    contact_json = "\n".join(f"{b} {a}" for b, a in logged).lower()
    assert "ola" not in contact_json and EMAIL not in contact_json and "987 65" not in contact_json
    # The contact's notes are free text, not a personal column: her name there stays until erase.
    assert contact_json.count("nordmann") == contact_json.count("ask for kari nordmann in person")
    key = privacy.salt(consul)
    assert privacy.digest(NAME, key) in contact_json and privacy.digest("Ola Nordmann", key) in contact_json
    assert _errors(consul) == []


def test_digests_are_salted_per_registry(tmp_path):
    # The same name gives another digest in another registry: no shared table of digests unmasks it.
    a, b = connect(tmp_path / "a.db"), connect(tmp_path / "b.db")
    assert privacy.salt(a) != privacy.salt(b)
    assert privacy.digest(NAME, privacy.salt(a)) != privacy.digest(NAME, privacy.salt(b))


def test_tables_without_personal_columns_keep_the_fast_path(conn):
    assert privacy.redactor(conn, "entities") is None
    assert [t.name for t in DATA_TABLES if privacy.redactor(conn, t.name) is not None] == ["contacts"]


def test_bulk_import_of_contacts_logs_digests(conn):
    store.insert(conn, "entities", {"id": "consulate-dk", "kind": "consulate", "name": "D", "source": "s"}, actor="t")
    header = b"id,entity_id,office,person_name,email,phone,purpose,retain_until\n"
    first = header + (
        b"consul-dk,consulate-dk,honorary consul,Kari Nordmann,kari.nordmann@example.org,+47 987 65 432,"
        b"invitations,2030\n"
        b"deputy-dk,consulate-dk,deputy,Per Kari Hansen,,,invitations,\n"
        b"office-dk,consulate-dk,front desk,,,,post,\n"
    )
    report = import_texts(conn, [("contacts.csv", first)], actor="import:t")
    assert report.counts["contacts"]["inserted"] == 3
    # A re-import that changes a name goes through apply_rows' update path.
    changed = first.replace(b"Per Kari Hansen", b"Per Kari Nordmann-Hansen")
    assert import_texts(conn, [("contacts.csv", changed)], actor="import:t").counts["contacts"]["updated"] == 1
    assert not any(t in _audit_text(conn) for t in TRACES + ("hansen", "example.org"))
    assert conn.execute("SELECT person_name FROM contacts WHERE id = 'consul-dk'").fetchone() == (NAME,)
    assert _errors(conn) == []


def test_erase_removes_the_person_everywhere(consul):
    # A later, unrelated change to the entity whose notes hold her name: its before and after name her too.
    store.update(consul, "entities", "consulate-dk", {"url": "https://example.org"}, actor="t")
    assert "nordmann" in _audit_text(consul)
    report = erasure.erase(consul, "consul-dk", actor="t")

    assert report.columns_cleared == ("person_name", "email", "phone")
    # Rows: the entity's notes and the contact's own notes (the contact row counts once).
    assert report.tables == {"entities": 1, "contacts": 1} and report.rows_redacted == 2
    # Entries: entity insert and update, contact insert and the erase's own update.
    assert report.audit_entries_redacted == 4
    assert NAME not in report.summary()

    assert not any(t in _everything(consul) for t in TRACES)
    assert consul.execute("SELECT notes FROM entities").fetchone() == ("Opened 1990; [erased] has led it since 2015",)
    office, person, notes = consul.execute("SELECT office, person_name, notes FROM contacts").fetchone()
    assert (office, person, notes) == ("honorary consul", None, "Ask for [erased] in person")
    # Not even her digest is left: a guess at her name cannot be confirmed against the log.
    assert privacy.digest(NAME, privacy.salt(consul)) not in _audit_text(consul)

    archive = zipfile.ZipFile(io.BytesIO(zip_bytes(consul)))
    assert set(archive.namelist()) == {f"{t}.csv" for t in EXPORT_TABLES}
    for name in archive.namelist():
        assert not any(t in archive.read(name).decode("utf-8").lower() for t in TRACES), name
    for table in EXPORT_TABLES:
        assert "nordmann" not in csv_text(consul, table).lower()

    assert _errors(consul) == []
    kind, after = consul.execute("SELECT action, after FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    assert kind == "erase" and after == '{"audit_entries_redacted": 4, "rows_redacted": 2}'


def test_no_copy_of_the_name_is_left_in_the_files(consul, db_path):
    # The old pages sit in the write-ahead log (and in freed pages) until erase clears them.
    report = erasure.erase(consul, "consul-dk", actor="t")
    assert report.checkpointed
    for path in db_path.parent.glob(f"{db_path.name}*"):
        assert b"nordmann" not in path.read_bytes().lower(), path.name


def test_the_log_is_append_only_again_after_erase(consul):
    erasure.erase(consul, "consul-dk", actor="t")
    triggers = {n for (n,) in consul.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert {"audit_no_update", "audit_no_delete"} <= triggers
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        consul.execute("UPDATE audit SET actor = 'someone else'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        consul.execute("DELETE FROM audit")


def test_the_registry_goes_on_after_erase(consul):
    # Later writes start from the redacted rows, and the log still accounts for every one.
    erasure.erase(consul, "consul-dk", actor="t")
    store.update(consul, "entities", "consulate-dk", {"notes": "Closed 2026"}, actor="t")
    store.update(consul, "contacts", "consul-dk", {"person_name": "Ola Nordmann"}, actor="t")
    assert _errors(consul) == []
    # A second erase of the same contact removes the new holder; her earlier erase entry stays.
    erasure.erase(consul, "consul-dk", actor="t")
    assert "nordmann" not in _everything(consul)
    assert consul.execute("SELECT count(*) FROM audit WHERE action = 'erase'").fetchone() == (2,)
    assert _errors(consul) == []


def test_erase_follows_the_name_into_other_contacts(consul):
    # A second contact whose name holds hers: its stored text and its logged digest change together.
    store.insert(
        consul,
        "contacts",
        {"id": "deputy-dk", "entity_id": "consulate-dk", "person_name": f"Dr. {NAME}", "purpose": "invitations"},
        actor="t",
    )
    erasure.erase(consul, "consul-dk", actor="t")
    assert consul.execute("SELECT person_name FROM contacts WHERE id = 'deputy-dk'").fetchone() == ("Dr. [erased]",)
    assert _errors(consul) == []


def test_erase_takes_the_whole_name_in_any_spelling_but_not_another_name(conn):
    # Non-ASCII letters in another case, a line break inside the name (escaped in the log's
    # JSON), a genitive, and a longer surname that is someone else's.
    notes = "Møtte ÅSE\nødegård; Åse Ødegårds kontor; Åse Ødegårdsen"
    store.insert(conn, "entities", {"id": "e", "kind": "city", "name": "E", "source": "s", "notes": notes}, actor="t")
    store.insert(conn, "contacts", {"id": "c", "entity_id": "e", "person_name": "Åse Ødegård", "purpose": "p"}, actor="t")
    erasure.erase(conn, "c", actor="t")
    assert conn.execute("SELECT notes FROM entities").fetchone() == ("Møtte [erased]; [erased] kontor; Åse Ødegårdsen",)
    log = _audit_text(conn)
    assert "møtte [erased]; [erased] kontor; åse ødegårdsen" in log and "møtte åse" not in log
    assert _errors(conn) == []


def test_erase_of_an_unknown_contact_changes_nothing(consul):
    before = consul.execute("SELECT count(*) FROM audit").fetchone()
    with pytest.raises(NotFound, match="no contact with id 'nobody'"):
        erasure.erase(consul, "nobody", actor="t")
    assert consul.execute("SELECT count(*) FROM audit").fetchone() == before


@pytest.mark.parametrize("contact", ["consul-dk", "office-dk"])
def test_erase_needs_an_actor(consul, contact):
    # office-dk holds no personal data: erase would write only its own entry, which needs an actor too.
    store.insert(consul, "contacts", {"id": "office-dk", "entity_id": "consulate-dk", "purpose": "post"}, actor="t")
    n = consul.execute("SELECT count(*) FROM audit").fetchone()
    with pytest.raises(RegistryError, match="needs an actor"):
        erasure.erase(consul, contact, actor="")
    assert consul.execute("SELECT count(*) FROM audit").fetchone() == n
    assert consul.execute("SELECT person_name FROM contacts WHERE id = 'consul-dk'").fetchone() == (NAME,)
    assert "nordmann" in consul.execute("SELECT notes FROM entities").fetchone()[0].lower()


def test_cli_erase(consul, db_path, capsys):
    assert cli.main(["erase", "consul-dk", "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "cleared person_name, email, phone" in out and "backups still hold" in out
    assert "nordmann" not in out.lower()
    assert cli.main(["erase", "nobody", "--db", str(db_path)]) == 2
    assert "no contact with id 'nobody'" in capsys.readouterr().err
    assert "nordmann" not in _everything(connect(db_path))


def test_retention_warning_names_no_one(consul):
    store.update(consul, "contacts", "consul-dk", {"retain_until": "2020-06"}, actor="t")
    [late] = [f for f in check(consul) if f.column == "retain_until"]
    assert (late.level, late.table, late.row_id) == ("warning", "contacts", "consul-dk")
    assert "past its retention date" in str(late) and "nordmann" not in str(late).lower()
    # After erase there is no personal data left to keep: no warning.
    erasure.erase(consul, "consul-dk", actor="t")
    assert [f for f in check(consul) if f.column == "retain_until"] == []


def test_export_holds_every_data_table():
    assert set(EXPORT_TABLES) == {t.name for t in DATA_TABLES} | {"audit"} | set(VOCABULARIES)


# --- erasure as a durable event (issue 18) -------------------------------------------------------

from registry.errors import ImportFailed, InvalidRow, StaleVersion  # noqa: E402


def _grep_files(db_path, *needles: bytes) -> list[str]:
    """Return the files of the registry (file, -wal, -shm) whose bytes hold one of ``needles``, any case."""
    out = []
    for path in db_path.parent.glob(f"{db_path.name}*"):
        data = path.read_bytes().lower()
        out += [f"{path.name}: {n!r}" for n in needles if n.lower() in data]
    return out


def test_a_stale_export_does_not_bring_an_erased_person_back(consul):
    # An export made before the erase, re-imported after it: every row it would change is older.
    files = [(f"{t}.csv", csv_text(consul, t).encode()) for t in ("entities", "contacts")]
    erasure.erase(consul, "consul-dk", actor="t")
    with pytest.raises(ImportFailed) as refused:
        import_texts(consul, files, actor="import:t")
    assert any("version" in str(p) for p in refused.value.problems)
    assert "nordmann" not in _everything(consul)
    # A hand-made file without versions, naming her again, is refused by the guards.
    again = b"id,entity_id,office,person_name,purpose\nconsul-dk,consulate-dk,honorary consul,KARI NORDMANN,x\n"
    with pytest.raises((ImportFailed, InvalidRow)) as guarded:
        import_texts(consul, [("contacts.csv", again)], actor="import:t")
    assert "erased from this registry" in " ".join(str(p) for p in guarded.value.problems)
    assert "nordmann" not in _everything(consul)


def test_a_form_opened_before_the_erase_is_refused(consul):
    # The edit form read version 1 of both rows; the erase raises every version it touched.
    contact, entity = store.get(consul, "contacts", "consul-dk"), store.get(consul, "entities", "consulate-dk")
    erasure.erase(consul, "consul-dk", actor="t")
    with pytest.raises(StaleVersion):
        store.update(
            consul,
            "contacts",
            "consul-dk",
            {k: contact[k] for k in ("person_name", "email", "phone")},
            actor="t",
            expected_version=contact["version"],
        )
    with pytest.raises(StaleVersion):
        store.update(consul, "entities", "consulate-dk", {"notes": entity["notes"]}, actor="t", expected_version=entity["version"])
    # Without a version, the values themselves are refused: name, e-mail, phone, in any column.
    for changes in (
        {"person_name": NAME},
        {"email": EMAIL.upper()},
        {"phone": "98765432"},
        {"notes": "call +47 98 76 54 32"},
        {"notes": "Nordmann, Kari"},
    ):
        with pytest.raises(InvalidRow, match="erased from this registry"):
            store.update(consul, "contacts", "consul-dk", changes, actor="t")
    with pytest.raises(InvalidRow, match="erased"):
        store.insert(consul, "entities", {"id": "kari-nordmann", "kind": "city", "name": "X", "source": "s"}, actor="t")
    # Someone else is still welcome.
    store.update(consul, "contacts", "consul-dk", {"person_name": "Ola Nordmann"}, actor="t")
    assert _errors(consul) == []


@pytest.mark.parametrize(
    "name, sourced",
    [
        ("Per", ["2004 per the Ramallah agreement", "Avtalen gjelder per i dag", "Per capita spending"]),
        ("May", ["May 1945: liberation", "Signed in may 1990", "It may be renewed"]),
    ],
)
def test_a_one_word_name_leaves_sourced_text_untouched(conn, db_path, capsys, name, sourced):
    store.insert(conn, "entities", {"id": "e", "kind": "city", "name": "E", "source": sourced[1], "notes": sourced[0]}, actor="t")
    store.insert(
        conn,
        "contacts",
        {"id": "c", "entity_id": "e", "person_name": name, "purpose": sourced[2], "notes": f"{name} Hansen prefers e-mail"},
        actor="t",
    )
    store.insert(
        conn, "activities", {"id": f"lunch-with-{name.lower()}-hansen", "kind": "meeting", "title": "Lunch", "source": "s"}, actor="t"
    )
    assert cli.main(["erase", "c", "--db", str(db_path)]) == 1  # done, with places to look at
    err = capsys.readouterr().err
    assert "one word" in err and "entities e notes" in err and "--also" in err
    assert f"activities lunch-with-{name.lower()}-hansen id" in err
    fresh = connect(db_path)
    assert fresh.execute("SELECT notes, source FROM entities").fetchone() == (sourced[0], sourced[1])
    assert fresh.execute("SELECT person_name, purpose FROM contacts").fetchone() == (None, sourced[2])
    assert sourced[0] in _audit_text(fresh) or sourced[0].lower() in _audit_text(fresh)
    # The operator names the person where the word stands for them.
    assert cli.main(["erase", "c", "--db", str(db_path), "--also", f"{name} Hansen"]) == 0
    assert fresh.execute("SELECT notes FROM contacts").fetchone() == ("[erased] prefers e-mail",)
    assert fresh.execute("SELECT id FROM activities").fetchone() == ("lunch-with-erased",)
    assert fresh.execute("SELECT notes FROM entities").fetchone() == (sourced[0],)
    assert f"{name} hansen".lower() not in _everything(fresh)
    assert _errors(fresh) == []


def test_email_and_phone_in_free_text_are_erased(consul, db_path):
    store.update(consul, "entities", "consulate-dk", {"notes": f"Ring 98765432 or +47 987-65-432; mail {EMAIL.upper()}"}, actor="t")
    store.update(consul, "contacts", "consul-dk", {"notes": "mobile 0047 98 76 54 32"}, actor="t")
    erasure.erase(consul, "consul-dk", actor="t")
    assert consul.execute("SELECT notes FROM entities").fetchone() == ("Ring [erased] or [erased]; mail [erased]",)
    everything = _everything(consul)
    assert not any(t in everything for t in ("98765432", "987-65-432", "98 76 54 32", "example.org", "nordmann"))
    assert _grep_files(db_path, b"98765432", b"example.org", b"nordmann") == []
    assert _errors(consul) == []


def test_ids_and_urls_made_from_the_name_are_rekeyed(consul, db_path):
    store.insert(
        consul,
        "activities",
        {
            "id": "mote-med-kari-nordmann--2025-06-03",
            "kind": "meeting",
            "title": "Møte med konsulen",
            "start": "2025-06-03",
            "source": "https://example.org/people/kari-nordmann",
        },
        actor="t",
    )
    store.insert(
        consul,
        "activity_participants",
        {"activity_id": "mote-med-kari-nordmann--2025-06-03", "entity_id": "consulate-dk", "role": "host"},
        actor="t",
    )
    report = erasure.erase(consul, "consul-dk", actor="t")
    assert ("activities", "mote-med-erased--2025-06-03") in report.ids_rekeyed
    assert consul.execute("SELECT id, source FROM activities").fetchone() == (
        "mote-med-erased--2025-06-03",
        "https://example.org/people/[erased]",
    )
    assert consul.execute("SELECT activity_id FROM activity_participants").fetchone() == ("mote-med-erased--2025-06-03",)
    assert "nordmann" not in _everything(consul)
    for table in EXPORT_TABLES:
        assert "nordmann" not in csv_text(consul, table).lower()
    assert _grep_files(db_path, b"nordmann") == []
    assert _errors(consul) == []
    # The old id is guarded too: an export from before cannot insert it again.
    with pytest.raises(InvalidRow, match="erased"):
        store.insert(
            consul, "activities", {"id": "mote-med-kari-nordmann--2025-06-03", "kind": "meeting", "title": "x", "source": "s"}, actor="t"
        )


SPELLINGS = [
    "Kari Nordmann",
    "KARI NORDMANN",
    "kari nordmann",
    "Kari\nNordmann",
    "Kari  Nordmann",
    "Nordmann, Kari",
    "NORDMANN, KARI",
    "kari-nordmann",
    "kari_nordmann",
    "kari.nordmann",
    "Kari Nordmanns",
    "Kari Nordmann's",
    "kari%20nordmann",
]


def test_every_spelling_of_the_name_goes_nfc_and_nfd_alike(conn, db_path):
    import unicodedata

    name = "Åse Ødegård"
    texts = [
        s.replace("Kari", "Åse")
        .replace("KARI", "ÅSE")
        .replace("kari", "åse")
        .replace("Nordmann", "Ødegård")
        .replace("NORDMANN", "ØDEGÅRD")
        .replace("nordmann", "ødegård")
        for s in SPELLINGS
    ]
    texts += [unicodedata.normalize("NFD", t) for t in texts] + ["ase-odegard", "Odegard, Ase"]
    store.insert(conn, "entities", {"id": "e", "kind": "city", "name": "E", "source": "s", "notes": " | ".join(texts)}, actor="t")
    store.insert(conn, "contacts", {"id": "c", "entity_id": "e", "person_name": name, "purpose": "p"}, actor="t")
    erasure.erase(conn, "c", actor="t")
    notes = conn.execute("SELECT notes FROM entities").fetchone()[0]
    assert set(notes.split(" | ")) == {"[erased]"}, notes
    assert _grep_files(db_path, "ødegård".encode(), unicodedata.normalize("NFD", "ødegård").encode(), b"odegard") == []
    assert _errors(conn) == []


def test_an_old_phone_cannot_be_confirmed_from_a_copy_of_the_file(consul, db_path, tmp_path):
    old = "+47 912 34 567"
    store.update(consul, "contacts", "consul-dk", {"phone": old}, actor="t")
    store.update(consul, "contacts", "consul-dk", {"phone": PHONE}, actor="t")
    key = privacy.salt(consul)
    # Before: the log holds the old number's digest; the key is beside the file, not in it.
    assert privacy.digest(old, key) in _audit_text(consul)
    assert key not in _everything(consul)
    erasure.erase(consul, "consul-dk", actor="t")
    # After: no digest of any value she ever had, under the real key or any text the file holds.
    copy = tmp_path / "copy.db"
    copy.write_bytes(db_path.read_bytes())
    text = _everything(sqlite3.connect(copy))
    log = "\n".join(f"{b} {a}" for b, a in sqlite3.connect(copy).execute("SELECT before, after FROM audit"))
    in_file = [v for (v,) in sqlite3.connect(copy).execute("SELECT value FROM registry_meta")]
    for value in (old, PHONE, NAME, EMAIL, "91234567", "98765432"):
        # Nothing in the file is a key that confirms a guess, and the log holds no digest of hers.
        assert not any(privacy.digest(value, k) in text for k in in_file), value
        assert privacy.digest(value, key) not in log, value


def test_the_key_lives_outside_the_file(tmp_path, monkeypatch):
    path = tmp_path / "r.db"
    conn = connect(path)
    key = privacy.salt(conn)
    assert (tmp_path / "r.db.key").read_text().strip() == key
    assert oct((tmp_path / "r.db.key").stat().st_mode & 0o777) == "0o600"
    assert conn.execute("SELECT value FROM registry_meta WHERE key = 'audit_salt'").fetchone() is None
    # The key may come from the environment instead; another registry's key is refused.
    (tmp_path / "r.db.key").rename(tmp_path / "elsewhere.key")
    with pytest.raises(KeyMissing, match="missing"):
        privacy.salt(conn)
    monkeypatch.setenv(privacy.KEY_ENV, key)
    assert privacy.salt(conn) == key
    monkeypatch.setenv(privacy.KEY_ENV, privacy.new_key())
    with pytest.raises(KeyMissing, match="not this registry's"):
        privacy.salt(conn)


def test_an_erasure_is_recorded_without_personal_data(consul):
    report = erasure.erase(consul, "consul-dk", actor="cli:dpo")
    row = consul.execute("SELECT id, contact_id, actor, counts FROM erasures").fetchone()
    assert row[:3] == (report.erasure_id, "consul-dk", "cli:dpo")
    assert "nordmann" not in row[3].lower() and '"columns_cleared": 3' in row[3]
    assert report.rows_versioned >= 2 and report.vacuumed and report.checkpointed and report.secure_delete


def test_erase_leaves_nothing_in_the_files_with_secure_delete_off(consul, db_path, monkeypatch):
    # A SQLite build where secure_delete cannot be turned on: the vacuum alone must clear the pages.
    monkeypatch.setattr(erasure, "SECURE_DELETE", "OFF")
    consul.execute("PRAGMA secure_delete = OFF")
    store.update(consul, "entities", "consulate-dk", {"notes": f"{NAME} {PHONE} {EMAIL} " * 50}, actor="t")
    report = erasure.erase(consul, "consul-dk", actor="t")
    assert not report.secure_delete and report.vacuumed
    assert _grep_files(db_path, b"nordmann", b"987 65 432", b"example.org") == []


def test_erase_reports_an_open_reader(consul, db_path, capsys, monkeypatch):
    monkeypatch.setattr(erasure, "READER_WAIT_S", 0.3)
    reader = sqlite3.connect(db_path, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM contacts").fetchone()  # holds a snapshot from before the erase
    assert cli.main(["erase", "consul-dk", "--db", str(db_path)]) == 1
    assert "another program has the registry open" in capsys.readouterr().err
    reader.execute("COMMIT")
    reader.close()


def test_check_says_when_the_key_is_missing(consul, db_path):
    db_path.with_name(db_path.name + ".key").rename(db_path.with_name("elsewhere.key"))
    assert any("key" in e and "missing" in e for e in _errors(consul))


@pytest.mark.parametrize("version", ["", "1"])
def test_a_viewers_preview_is_no_oracle(consul, version):
    # A signed-out viewer uploads a guessed contact row: right and wrong guesses must read the same.
    def preview(name: str, email: str, personal: bool) -> tuple:
        body = (
            f"id,entity_id,office,person_name,email,phone,purpose,notes,version\n"
            f"consul-dk,consulate-dk,honorary consul,{name},{email},{PHONE},invitations,"
            f"Ask for {NAME} in person,{version}\n"
        ).encode()
        try:
            return ("counts", import_texts(consul, [("contacts.csv", body)], actor="app:preview", dry_run=True, personal=personal).counts)
        except ImportFailed as exc:
            return ("problems", [(p.column, p.reason) for p in exc.problems])

    # Changed and changed back: version 3 holds what version 1 held, so an upload "of version 1"
    # is refused as stale only when it differs, which is the oracle a viewer must not get.
    store.update(consul, "contacts", "consul-dk", {"phone": "+47 000 00 000"}, actor="t")
    store.update(consul, "contacts", "consul-dk", {"phone": PHONE}, actor="t")
    right, wrong = preview(NAME, EMAIL, False), preview("Guri Hansen", "guri@example.org", False)
    assert right == wrong
    # An editor's preview does compare them (the editor sees the data anyway).
    assert preview(NAME, EMAIL, True) != preview("Guri Hansen", "guri@example.org", True)


def test_an_editors_preview_names_the_erased_rows_and_a_viewers_does_not(consul):
    erasure.erase(consul, "consul-dk", actor="t")
    body = b"id,entity_id,office,person_name,purpose\nconsul-dk,consulate-dk,honorary consul,Kari Nordmann,x\n"
    with pytest.raises(ImportFailed) as editor:
        import_texts(consul, [("contacts.csv", body)], actor="t", dry_run=True)
    assert [(p.file, p.row, p.column) for p in editor.value.problems] == [("contacts.csv", 2, "person_name")]  # row 1 is the header
    viewer = import_texts(consul, [("contacts.csv", body)], actor="app:preview", dry_run=True, personal=False)
    wrong = import_texts(
        consul, [("contacts.csv", body.replace(b"Kari Nordmann", b"Guri Hansen"))], actor="app:preview", dry_run=True, personal=False
    )
    assert viewer.counts == wrong.counts
