"""The page's data: compact node and edge rows, with styles and texts given once, for the page script to expand."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

import networkx as nx

from .. import i18n, vocab
from .style import DASHED_STATUSES, DEFAULT_STYLE, GROUP_STYLE, KIND_STYLES, TIE_COLOURS, TIE_WIDTH, TIE_WIDTHS, display_name

__all__ = ["NODE_FIELDS", "EDGE_FIELDS", "LIT", "FOCUS", "DASHED", "DIRECTED", "page_data"]

#: Columns of the node and edge rows in the page's data (also in the data, as ``nodeFields`` and
#: ``edgeFields``). Texts are indexes into ``strings``, styles into ``kinds`` and ``ties``; a group
#: edge has its tie count in ``start`` and, in ``end``, its tie kinds and their counts as a flat list.
NODE_FIELDS = ("id", "name", "kind", "country", "n", "x", "y", "flags")
EDGE_FIELDS = ("id", "from", "to", "kind", "flags", "curve", "start", "end", "status", "sectors", "source")
#: Bits of ``flags``.
LIT, FOCUS, DASHED, DIRECTED = 1, 2, 4, 8


class _Strings:
    """A table of texts, each stored once; ``index(text)`` is its place (0 is the empty text)."""

    def __init__(self) -> None:
        self.texts: list[str] = [""]
        self.at: dict[Any, int] = {"": 0, None: 0}

    def index(self, text: Any) -> int:
        """Return the place of ``text`` in :attr:`texts`, adding it (as ``str``) when new; None is the empty text."""
        i = self.at.get(text)
        if i is None:
            i = self.at[text] = len(self.texts)
            self.texts.append(str(text))
        return i


def page_data(
    g: nx.MultiDiGraph, lang: str, positions: Mapping[Any, tuple[float, float]], focus: str | None, hi_nodes: set[str], hi_ties: set[str]
) -> dict[str, Any]:
    """Return the page's data for ``g`` in ``lang``: rows of :data:`NODE_FIELDS` and :data:`EDGE_FIELDS`, and their tables.

    The keys are ``nodeFields``, ``edgeFields``, ``nodes``, ``edges``, ``kinds`` (colour, shape,
    label, municipality?), ``ties`` (colour, label, width), ``strings`` and ``text`` (the page's own
    words). ``focus`` and the nodes in ``hi_nodes`` and ties in ``hi_ties`` are flagged.
    """
    # Compact rows, styles and texts given once per kind: the page script expands them into
    # vis-network's objects and builds a tooltip only when one is hovered. Per-object style
    # dicts and preformatted tooltips made the page 2-3x larger and its generation 2-3x slower.
    strings = _Strings()
    kinds: list[list[Any]] = []
    kind_at: dict[Any, int] = {}
    for code in [None, "group", *KIND_STYLES]:
        kind_at[code] = len(kinds)
        style = GROUP_STYLE if code == "group" else KIND_STYLES.get(code, DEFAULT_STYLE)  # type: ignore[arg-type]
        label = i18n.t("view.group", lang) if code == "group" else vocab.label("entity_kinds", code, lang) if code else ""
        kinds.append([style.colour, style.shape, label, 1 if code == "municipality" else 0])
    ties: list[list[Any]] = []
    tie_at: dict[Any, int] = {}
    for code in [None, "group", *TIE_COLOURS]:
        tie_at[code] = len(ties)
        width = TIE_WIDTHS.get(code, TIE_WIDTH) if code else TIE_WIDTH
        ties.append(
            [
                TIE_COLOURS.get(code, "#888888") if code else "#888888",
                vocab.label("tie_kinds", code, lang) if code and code != "group" else "",
                width,
            ]
        )

    def tie_of(kind: Any) -> int:
        """Return the place of tie kind ``kind`` in ``ties``, adding an unstyled one when new."""
        if kind not in tie_at:
            tie_at[kind] = len(ties)
            ties.append(["#888888", vocab.label("tie_kinds", kind, lang), 1.5])
        return tie_at[kind]

    countries: dict[Any, int] = {}
    index: dict[Any, int] = {}
    nodes: list[list[Any]] = []
    for v, a in g.nodes(data=True):
        index[v] = len(nodes)
        kind = a.get("kind")
        k = kind_at.get(kind)
        if k is None:
            k = kind_at[kind] = len(kinds)
            kinds.append([DEFAULT_STYLE.colour, DEFAULT_STYLE.shape, vocab.label("entity_kinds", kind, lang), 0])
        cc = a.get("country_code")
        c = countries.get(cc)
        if c is None:
            c = countries[cc] = strings.index(i18n.country_name(cc, lang)) if cc and kind != "group" else 0
        xy = positions.get(v)
        flags = (LIT if v in hi_nodes else 0) | (FOCUS if v == focus else 0)
        nodes.append(
            [
                str(v),
                display_name(a, lang, str(v)),
                k,
                c,
                a["size"] if kind == "group" else 0,
                xy[0] if xy else None,
                xy[1] if xy else None,
                flags,
            ]
        )
    statuses: dict[Any, int] = {}
    sectors: dict[Any, int] = {}
    degree = [0] * len(nodes)
    edges: list[list[Any]] = []
    parallel: Counter[tuple[Any, Any]] = Counter()
    for u, v, key, a in g.edges(keys=True, data=True):
        pair = (u, v) if str(u) <= str(v) else (v, u)
        curve = parallel[pair]
        parallel[pair] = curve + 1
        iu, iv = index[u], index[v]
        degree[iu] += 1
        degree[iv] += 1
        kind = a.get("kind")
        t = tie_of(kind)
        status = a.get("status")
        flags = (LIT if key in hi_ties else 0) | (DASHED if status in DASHED_STATUSES else 0)
        if str(a.get("directed")) == "1":
            flags |= DIRECTED
        if kind == "group":
            merged: list[int] = []
            for x, count in sorted(a["kinds"].items()):
                merged += (tie_of(x), count)
            edges.append([str(key), iu, iv, t, flags, curve, a["weight"], merged, 0, 0, 0])
            continue
        s = statuses.get(status)
        if s is None:
            s = statuses[status] = strings.index(vocab.label("statuses", status, lang) if status else "")
        raw = a.get("sectors")
        sec = sectors.get(raw)
        if sec is None:
            sec = sectors[raw] = strings.index(", ".join(vocab.label("sectors", x, lang) for x in raw.split(";") if x) if raw else "")
        edges.append(
            [
                str(key),
                iu,
                iv,
                t,
                flags,
                curve,
                strings.index(a.get("start")),
                strings.index(a.get("end")),
                s,
                sec,
                strings.index(a.get("source")),
            ]
        )
    for row, d in zip(nodes, degree):
        if row[4] == 0:  # an entity's tie count (a group's size is already there)
            row[4] = d
    text = {
        "ties": i18n.t("view.ties_count", lang, n="{n}"),
        "tie": i18n.t("view.ties_count_one", lang, n="{n}"),
        "file": i18n.t("view.png_file", lang),
        "source": i18n.t("view.source", lang),
        "groupHelp": i18n.t("view.group_help", lang),
    }
    return {
        "nodeFields": NODE_FIELDS,
        "edgeFields": EDGE_FIELDS,
        "nodes": nodes,
        "edges": edges,
        "kinds": kinds,
        "ties": ties,
        "strings": strings.texts,
        "text": text,
    }
