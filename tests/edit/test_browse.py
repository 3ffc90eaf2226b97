"""registry.edit.browse.facet_counts: the counts beside the Registry's filter options, on a hand-made registry and the seed."""

from __future__ import annotations

import pytest

from registry import load_seed
from registry.edit import browse
from registry.store import writes as store


def add(conn, table, **row):
    return store.insert(conn, table, row, actor="test")


@pytest.fixture
def small(conn):
    """Five entities, three ties; counts below are read off this drawing.

    oslo (municipality, NO) --sister_city [culture;youth]--> lund (city, SE)
    oslo                    --sister_city [culture]-------> kiel (city, DE)
    bergen (municipality, NO) --partnership [youth]-------> oslo
    umea (city, SE): no tie
    """
    for eid, kind, cc in (
        ("oslo", "municipality", "NO"),
        ("bergen", "municipality", "NO"),
        ("lund", "city", "SE"),
        ("kiel", "city", "DE"),
        ("umea", "city", "SE"),
    ):
        add(conn, "entities", id=eid, kind=kind, name=eid.title(), country_code=cc, source="s")
    add(conn, "ties", id="oslo--lund", from_id="oslo", to_id="lund", kind="sister_city", sectors="culture;youth", source="s")
    add(conn, "ties", id="oslo--kiel", from_id="oslo", to_id="kiel", kind="sister_city", sectors="culture", source="s")
    add(conn, "ties", id="bergen--oslo", from_id="bergen", to_id="oslo", kind="partnership", sectors="youth", source="s")
    return conn


def test_entity_kinds_count_under_the_other_filters_and_the_search(small):
    assert browse.facet_counts(small, "entities", "kind") == {"municipality": 2, "city": 3}
    # The facet's own choice is set aside: choosing 'city' still counts the municipalities.
    assert browse.facet_counts(small, "entities", "kind", filters={"kind": ["city"]}) == {"municipality": 2, "city": 3}
    assert browse.facet_counts(small, "entities", "kind", filters={"country_code": ["SE"]}) == {"city": 2}
    assert browse.facet_counts(small, "entities", "country_code", "u") == {"SE": 2}  # Lund, Umea
    assert browse.facet_counts(small, "entities", "country_code", filters={"kind": ["municipality"]}) == {"NO": 2}


def test_tie_sectors_count_each_code_and_countries_each_end(small):
    assert browse.facet_counts(small, "ties", "sectors") == {"culture": 2, "youth": 2}
    assert browse.facet_counts(small, "ties", "kind", filters={"sectors": ["youth"]}) == {"sister_city": 1, "partnership": 1}
    # A tie counts once per country either end is in: bergen--oslo has both ends in NO.
    assert browse.facet_counts(small, "ties", "countries") == {"NO": 3, "SE": 1, "DE": 1}
    assert browse.facet_counts(small, "ties", "countries", filters={"kind": ["partnership"]}) == {"NO": 1}


def test_an_unknown_facet_is_refused(small):
    with pytest.raises(KeyError):
        browse.facet_counts(small, "entities", "nonsense")


@pytest.mark.parametrize("table, facets", [("entities", ("kind", "country_code")), ("ties", ("kind", "sectors", "countries"))])
def test_on_the_seed_each_count_is_what_choosing_that_value_finds(conn, table, facets):
    # The definition itself: a value's count is the number of rows page_of returns with that value chosen.
    load_seed(conn)
    others = {"kind": ["city", "sister_city", "municipality", "membership"]} if table == "ties" else {"country_code": ["NO", "SE"]}
    for facet in facets:
        counts = browse.facet_counts(conn, table, facet, "a", others)
        assert counts, facet
        for code, n in counts.items():
            filters = {k: v for k, v in others.items() if k != facet} | {facet: [code]}
            assert browse.page_of(conn, table, "a", filters, limit=None)[1] == n, (facet, code)
