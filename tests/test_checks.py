"""The integrity report on small registries whose problems are known."""

from registry import check
from registry.i18n import Message, render
from registry.store import writes as store


def test_empty_registry_has_no_findings(conn):
    assert check(conn) == []


def test_dangling_reference_and_missing_source_are_errors(conn):
    # Rows written around the store (as an old tool or a hand edit might) are still caught.
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("INSERT INTO entities (id, kind, name, source) VALUES ('a', 'city', 'A', '')")
    conn.execute(
        "INSERT INTO ties (id, from_id, to_id, kind, source, start, [end]) VALUES ('t', 'a', 'gone', 'partnership', 's', '2000', '1999')"
    )
    found = {(f.level, f.row_id, f.column) for f in check(conn)}
    assert ("error", "a", "source") in found
    assert ("error", "t", "to_id") in found
    assert ("error", "t", "end") in found


def test_sister_city_without_decision_is_a_warning(conn):
    for eid in ("home", "twin"):
        store.insert(conn, "entities", {"id": eid, "kind": "city", "name": eid, "source": "s"}, actor="t")
    store.insert(
        conn,
        "ties",
        {"id": "home--twin", "from_id": "home", "to_id": "twin", "kind": "sister_city", "start": "1950", "source": "s"},
        actor="t",
    )
    decided = [f for f in check(conn) if f.column != "verified_on"]  # sources never checked: another warning
    [f] = decided
    assert (f.level, f.row_id) == ("warning", "home--twin")
    store.insert(
        conn,
        "decisions",
        {"tie_id": "home--twin", "category": "project", "decided_on": "2026", "decided_by": "council", "reason": "r"},
        actor="t",
    )
    assert [f for f in check(conn) if f.column != "verified_on"] == []


def test_the_seed_is_fully_accounted_for_by_the_audit_log(seeded):
    assert [f for f in check(seeded) if f.column == "audit"] == []


def test_writes_past_the_library_are_errors(seeded):
    # Three plain-SQL writes the audit log cannot know of: an update, an insert, a delete.
    assert [f for f in check(seeded) if f.level == "error"] == []
    seeded.execute("UPDATE entities SET notes = 'sneaky' WHERE id = 'graz'")
    seeded.execute("INSERT INTO entities (id, kind, name, source) VALUES ('ghost', 'city', 'Ghost', 's')")
    seeded.execute("DELETE FROM ties WHERE id = (SELECT id FROM ties WHERE kind = 'membership' LIMIT 1)")
    found = {(f.table, f.row_id, f.message) for f in check(seeded) if f.column == "audit"}
    assert ("entities", "graz", "notes changed without an audit entry") in found
    assert ("entities", "ghost", "row is not in the audit log (written past the library)") in found
    assert sum(m == "row was deleted without an audit entry" for _, _, m in found) == 1
    assert len(found) == 3


def test_a_hidden_change_breaks_the_chain_even_when_a_logged_change_follows(seeded):
    seeded.execute("UPDATE entities SET notes = 'sneaky' WHERE id = 'graz'")
    store.update(seeded, "entities", "graz", {"notes": "logged"}, actor="t")
    # The final row now matches the log, but the logged update did not start from the logged row.
    assert [(f.row_id, f.column) for f in check(seeded) if f.level == "error"] == [("graz", "audit")]


def test_the_audit_check_can_be_left_out(seeded):
    seeded.execute("UPDATE entities SET notes = 'sneaky' WHERE id = 'graz'")
    assert [f for f in check(seeded, audit_log=False) if f.level == "error"] == []


def test_an_active_tie_on_an_old_checked_source_is_warned_about(seeded):
    from datetime import date

    from registry import freshness
    from registry.store import writes as store

    store.update(seeded, "ties", "trondheim--icorn", {"verified_on": "2015-06-01"}, actor="t")
    store.update(seeded, "ties", "trondheim--dunfermline", {"verified_on": str(date.today().year)}, actor="t")
    stale = [(f.table, f.row_id) for f in check(seeded) if f.column == "verified_on" and f.row_id != "*"]
    assert stale == [("ties", "trondheim--icorn")]
    # An ended tie is history: however old its source, it states nothing current.
    store.update(seeded, "ties", "trondheim--icorn", {"end": "2016", "status": "ended"}, actor="t")
    assert freshness.stale_rows(seeded) == []


def test_the_threshold_is_the_registrys_setting(seeded):
    from datetime import date

    from registry import freshness
    from registry.store import writes as store

    store.update(seeded, "ties", "trondheim--icorn", {"verified_on": "2015-06-01"}, actor="t")
    if store.get(seeded, "settings", "stale_after_years"):
        store.update(seeded, "settings", "stale_after_years", {"value": "20"}, actor="t")
    else:
        store.insert(seeded, "settings", {"key": "stale_after_years", "value": "20"}, actor="t")
    assert freshness.stale_after_years(seeded) == 20
    assert freshness.stale_rows(seeded, today=date(2026, 12, 2)) == []
    assert freshness.stale_rows(seeded, today=date(2036, 12, 2)) == [("ties", "trondheim--icorn", "2015-06-01", 20)]


def test_every_check_message_reads_in_norwegian(seeded):
    # The review shows check findings in the Norwegian column: none may stay English there.
    from registry.checks import Finding

    seeded.execute("INSERT INTO entities (id, kind, name, source) VALUES ('ghost', 'city', 'Ghost', 's')")
    store.update(seeded, "ties", "trondheim--icorn", {"verified_on": "2001"}, actor="t")
    found = check(seeded)
    messages = {f.message for f in found}
    assert len(messages) > 5
    for f in found:
        assert render(f.data, "nb") != f.message or f.message.isdigit(), f.message
    finding = Finding("error", "ties", "x", "end", Message("problem.ends_before_start", {"end": "2000", "start": "2001"}))
    assert (render(finding.data, "nb"), finding.message) == ("slutter (2000) før den starter (2001)", "ends (2000) before it starts (2001)")
