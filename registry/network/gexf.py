"""The registry graph as GEXF for Gephi: names as labels, undirected ties as lines, colours and a timeline."""

from __future__ import annotations

from typing import IO, Any, BinaryIO

import networkx as nx

from .. import dates

__all__ = ["gephi_graph", "write_gexf", "write_graph"]


def _rgb(hex_colour: str) -> dict[str, int | float]:
    h = hex_colour.lstrip("#")
    return {"r": int(h[0:2], 16), "g": int(h[2:4], 16), "b": int(h[4:6], 16), "a": 1.0}


def _first_day(text: Any) -> str | None:
    # GEXF's timeformat "date" is xsd:date: a partial date starts on its first day.
    return dates.earliest(text).isoformat() if isinstance(text, str) and dates.is_partial_date(text) else None


def _last_day(text: Any) -> str | None:
    return dates.latest(text).isoformat() if isinstance(text, str) and dates.is_partial_date(text) else None


def gephi_graph(g: nx.MultiDiGraph) -> nx.MultiGraph | nx.MultiDiGraph:
    """Return a copy of ``g`` shaped for networkx's GEXF writer; ``g`` itself is not changed.

    - every node's ``label`` is the entity's name (its id when it has none) and
      its ``viz`` colour is the entity kind's colour in the network view;
    - every tie's ``viz`` colour is its kind's colour; a tie with ``directed`` 0
      (sister cities, partnerships ...) is an undirected edge: the copy is a
      MultiGraph when no tie is directed, else a MultiDiGraph whose undirected
      ties carry ``type='mutual'``, GEXF's edge that runs both ways. Gephi draws
      it without arrows and ``networkx.read_gexf`` reads it as the two directions;
      ``type='undirected'`` in a directed graph (what this wrote before) opens in
      Gephi but networkx refuses the whole file;
    - the timeline uses GEXF's ``timeformat="date"`` only: a tie's ``start``
      becomes the first day of its partial date (``1946`` -> ``1946-01-01``),
      ``end`` the last day (``1946`` -> ``1946-12-31``); an entity's
      ``founded``/``dissolved`` become its node's start and end the same way. A
      value that is not a date is left out of the timeline. The recorded texts
      stay as the attributes ``start_text`` and ``end_text``.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", name="Aa", kind="city"); g.add_node("b", kind="city")
    >>> _ = g.add_edge("a", "b", key="a--b", id="a--b", kind="sister_city", directed=0, start="1946")
    >>> h = gephi_graph(g)
    >>> h.nodes["a"]["label"], h.nodes["b"]["label"], h.is_directed()
    ('Aa', 'b', False)
    >>> h.edges["a", "b", "a--b"]["start"], h.edges["a", "b", "a--b"]["start_text"]
    ('1946-01-01', '1946')
    """
    from ..view.style import DEFAULT_STYLE, DEFAULT_TIE_COLOUR, KIND_STYLES, TIE_COLOURS

    mixed = any(d.get("directed") for _, _, d in g.edges(data=True))
    h: nx.MultiGraph | nx.MultiDiGraph = nx.MultiDiGraph() if mixed else nx.MultiGraph()
    for n, a in g.nodes(data=True):
        attrs = {k: v for k, v in a.items() if k not in ("start", "end", "label", "viz")}
        attrs["label"] = str(a.get("name") or n)
        style = KIND_STYLES.get(a.get("kind", ""))
        attrs["viz"] = {"color": _rgb((style or DEFAULT_STYLE).colour)}
        start, end = _first_day(a.get("founded")), _last_day(a.get("dissolved"))
        if start:
            attrs["start"] = start
        if end:
            attrs["end"] = end
        h.add_node(n, **attrs)
    for u, v, key, a in g.edges(keys=True, data=True):
        attrs = {k: v for k, v in a.items() if k not in ("start", "end", "type", "viz")}
        for col in ("start", "end"):
            if a.get(col) is not None:
                attrs[f"{col}_text"] = str(a[col])
        start, end = _first_day(a.get("start")), _last_day(a.get("end"))
        if start:
            attrs["start"] = start
        if end:
            attrs["end"] = end
        attrs["viz"] = {"color": _rgb(TIE_COLOURS.get(a.get("kind", ""), DEFAULT_TIE_COLOUR))}
        if mixed and not a.get("directed"):
            attrs["type"] = "mutual"
        h.add_edge(u, v, key=key, **attrs)
    return h


def write_gexf(g: nx.MultiDiGraph, target: str | IO[bytes]) -> None:
    """Write ``g`` as GEXF 1.2 for Gephi (see :func:`gephi_graph`) to a path or binary file."""
    nx.write_gexf(gephi_graph(g), target)


def write_graph(g: nx.MultiDiGraph, path: str | BinaryIO, fmt: str) -> None:
    """Write ``g`` as GraphML or GEXF to ``path``, a file name or a binary file.

    GEXF is shaped for Gephi by :func:`write_gexf`.
    """
    if fmt == "graphml":
        nx.write_graphml(g, path)
    elif fmt == "gexf":
        write_gexf(g, path)
    else:
        raise ValueError(f"unknown graph format {fmt!r}; use graphml or gexf")
