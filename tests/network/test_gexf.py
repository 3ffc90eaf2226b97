"""GEXF for Gephi: names as labels, undirected ties without arrows, kind colours, one time format.

The expected values are read off the tiny registry drawn in ``_registry`` and the
colours of ``registry.view`` (the network view's legend).
"""

from __future__ import annotations

import io
import sqlite3
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from registry.io.export import graph_bytes
from registry.network.gexf import write_graph
from registry.network.graph import build_graph
from registry.store import writes as store
from registry.view import KIND_STYLES, TIE_COLOURS

A = "test"
NS = {"g": "http://www.gexf.net/1.2draft", "viz": "http://www.gexf.net/1.2draft/viz"}


def _registry(conn: sqlite3.Connection, *, consular: bool = True) -> sqlite3.Connection:
    """home (Trondheim kommune) == sister city == graz since 1946 (undirected, no end);
    consulate-dk -> home, consular (directed) 1990-05 to 2001; home == nowhere, a tie whose
    start was written past the library as 'ca 1950' (not a date); graz was founded 1128."""
    for id, kind, name, extra in (
        ("home", "municipality", "Trondheim kommune", {}),
        ("graz", "city", "Graz", {"founded": "1128"}),
        ("consulate-dk", "consulate", None, {}),
        ("nowhere", "city", "Nowhere", {}),
    ):
        store.insert(conn, "entities", {"id": id, "kind": kind, "name": name or id, "source": "s", **extra}, actor=A)
    conn.execute("UPDATE entities SET name = '' WHERE id = 'consulate-dk'")  # no name: the id is the label
    store.insert(
        conn,
        "ties",
        {"id": "home--graz", "from_id": "home", "to_id": "graz", "kind": "sister_city", "directed": 0, "start": "1946", "source": "s"},
        actor=A,
    )
    store.insert(
        conn,
        "ties",
        {"id": "home--nowhere", "from_id": "home", "to_id": "nowhere", "kind": "partnership", "directed": 0, "source": "s"},
        actor=A,
    )
    conn.execute("UPDATE ties SET start = 'ca 1950' WHERE id = 'home--nowhere'")
    if consular:
        store.insert(
            conn,
            "ties",
            {
                "id": "consulate-dk--home",
                "from_id": "consulate-dk",
                "to_id": "home",
                "kind": "consular",
                "directed": 1,
                "start": "1990-05",
                "end": "2001",
                "source": "s",
            },
            actor=A,
        )
    return conn


def _parse(data: bytes) -> ET.Element:
    return ET.fromstring(data).find("g:graph", NS)


def _rgb(hex_colour: str) -> tuple[str, str, str]:
    return tuple(str(int(hex_colour[i : i + 2], 16)) for i in (1, 3, 5))  # type: ignore[return-value]


def test_labels_are_names_and_colours_are_the_kinds(conn):
    graph = _parse(graph_bytes(build_graph(_registry(conn)), "gexf"))
    nodes = {n.get("id"): n for n in graph.iterfind("g:nodes/g:node", NS)}
    assert {i: n.get("label") for i, n in nodes.items()} == {
        "home": "Trondheim kommune",
        "graz": "Graz",
        "consulate-dk": "consulate-dk",
        "nowhere": "Nowhere",
    }
    colour = nodes["home"].find("viz:color", NS)
    assert (colour.get("r"), colour.get("g"), colour.get("b")) == _rgb(KIND_STYLES["municipality"].colour)
    edges = {e.get("id"): e for e in graph.iterfind("g:edges/g:edge", NS)}
    colour = edges["home--graz"].find("viz:color", NS)
    assert (colour.get("r"), colour.get("g"), colour.get("b")) == _rgb(TIE_COLOURS["sister_city"])


def test_undirected_ties_are_undirected_edges(conn):
    graph = _parse(graph_bytes(build_graph(_registry(conn)), "gexf"))
    edges = {e.get("id"): e for e in graph.iterfind("g:edges/g:edge", NS)}
    # A mixed graph: directed by default, the two ties with directed = 0 run both ways ("mutual": Gephi
    # draws no arrow, and networkx reads it, which it does not for "undirected" in a directed graph).
    assert graph.get("defaultedgetype") == "directed"
    assert {i: e.get("type", graph.get("defaultedgetype")) for i, e in edges.items()} == {
        "home--graz": "mutual",
        "home--nowhere": "mutual",
        "consulate-dk--home": "directed",
    }


def test_a_registry_without_directed_ties_is_an_undirected_graph_networkx_reads_back(conn, tmp_path):
    g = build_graph(_registry(conn, consular=False))
    path = tmp_path / "r.gexf"
    write_graph(g, str(path), "gexf")
    assert _parse(path.read_bytes()).get("defaultedgetype") == "undirected"
    back = nx.read_gexf(path)
    assert set(back.nodes) == set(g.nodes) and back.number_of_edges() == 2
    assert back.nodes["home"]["label"] == "Trondheim kommune"


def test_the_timeline_is_full_dates_only(conn):
    graph = _parse(graph_bytes(build_graph(_registry(conn)), "gexf"))
    assert (graph.get("mode"), graph.get("timeformat")) == ("dynamic", "date")
    edges = {e.get("id"): (e.get("start"), e.get("end")) for e in graph.iterfind("g:edges/g:edge", NS)}
    # 1946 starts on its first day; 1990-05 on May 1st; 2001 ends on its last day; 'ca 1950' is no date.
    assert edges == {"home--graz": ("1946-01-01", None), "consulate-dk--home": ("1990-05-01", "2001-12-31"), "home--nowhere": (None, None)}
    nodes = {n.get("id"): (n.get("start"), n.get("end")) for n in graph.iterfind("g:nodes/g:node", NS)}
    assert nodes["graz"] == ("1128-01-01", None) and nodes["home"] == (None, None)
    # What was recorded stays readable as an attribute.
    titles = {a.get("id"): a.get("title") for a in graph.iterfind("g:attributes[@class='edge']/g:attribute", NS)}
    texts = {
        titles[v.get("for")]: v.get("value")
        for e in graph.iterfind("g:edges/g:edge", NS)
        if e.get("id") == "home--nowhere"
        for v in e.iterfind("g:attvalues/g:attvalue", NS)
    }
    assert texts["start_text"] == "ca 1950"


def test_graph_bytes_and_write_graph_write_the_same(conn, tmp_path):
    g = build_graph(_registry(conn))
    write_graph(g, str(tmp_path / "r.gexf"), "gexf")
    assert (tmp_path / "r.gexf").read_bytes() == graph_bytes(g, "gexf")
    assert b"graphml" in graph_bytes(g, "graphml")  # GraphML is written as before
    nx.read_graphml(io.BytesIO(graph_bytes(g, "graphml")))
    with pytest.raises(ValueError, match="unknown graph format"):
        graph_bytes(g, "dot")


def test_networkx_reads_a_mixed_graph_and_the_seed(seeded, tmp_path):
    # Issue 18: read_gexf failed on every export ("Undirected edge found in directed graph").
    from registry import connect

    mini = _registry(connect(tmp_path / "mini.db"))
    back = nx.read_gexf(io.BytesIO(graph_bytes(build_graph(mini), "gexf")))
    # The directed tie one way, each undirected tie both ways (GEXF "mutual").
    assert set(back.edges()) == {("consulate-dk", "home"), ("home", "graz"), ("graz", "home"), ("home", "nowhere"), ("nowhere", "home")}
    g = build_graph(seeded)
    back = nx.read_gexf(io.BytesIO(graph_bytes(g, "gexf")))
    assert set(back.nodes) == set(g.nodes)
    pairs = {(u, v) for u, v, d in g.edges(data=True)} | {(v, u) for u, v, d in g.edges(data=True) if not d.get("directed")}
    assert set(back.edges()) == pairs
    assert set(nx.read_graphml(io.BytesIO(graph_bytes(g, "graphml"))).nodes) == set(g.nodes)
