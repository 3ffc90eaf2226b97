"""The integrity report on small registries whose problems are known."""

from registry import check, store


def test_empty_registry_has_no_findings(conn):
    assert check(conn) == []


def test_dangling_reference_and_missing_source_are_errors(conn):
    # Rows written around the store (as an old tool or a hand edit might) are still caught.
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("INSERT INTO entities (id, kind, name, source) VALUES ('a', 'city', 'A', '')")
    conn.execute("INSERT INTO ties (id, from_id, to_id, kind, source, start, [end]) "
                 "VALUES ('t', 'a', 'gone', 'partnership', 's', '2000', '1999')")
    found = {(f.level, f.row_id, f.column) for f in check(conn)}
    assert ("error", "a", "source") in found
    assert ("error", "t", "to_id") in found
    assert ("error", "t", "end") in found


def test_sister_city_without_decision_is_a_warning(conn):
    for eid in ("home", "twin"):
        store.insert(conn, "entities", {"id": eid, "kind": "city", "name": eid, "source": "s"}, actor="t")
    store.insert(conn, "ties", {"id": "home--twin", "from_id": "home", "to_id": "twin", "kind": "sister_city",
                                "start": "1950", "source": "s"}, actor="t")
    [f] = check(conn)
    assert (f.level, f.row_id) == ("warning", "home--twin")
    store.insert(conn, "decisions", {"tie_id": "home--twin", "category": "project", "decided_on": "2026",
                                     "decided_by": "council", "reason": "r"}, actor="t")
    assert check(conn) == []
