"""Tables shown beside the drawing: the ties of one entity, labelled."""

from __future__ import annotations

from typing import Any

import networkx as nx
import pandas as pd

from .. import vocab
from .style import display_name

__all__ = ["ENTITY_TIE_COLUMNS", "entity_ties"]

#: Columns of :func:`entity_ties`, in order.
ENTITY_TIE_COLUMNS = (
    "tie_id",
    "kind",
    "direction",
    "other_id",
    "other",
    "other_kind",
    "start",
    "end",
    "status",
    "sectors",
    "municipal_role",
    "carrier_id",
    "source",
)


def entity_ties(g: nx.MultiDiGraph, node: str, lang: str) -> pd.DataFrame:
    """Return the ties of ``node`` in ``g`` with labels in ``lang`` and their sources, by kind and start.

    ``direction`` is '→' for directed ties from ``node``, '←' for directed ties to it,
    and '↔' for undirected ones (a twinning has no direction, as in the drawing).

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", name="A"); g.add_node("b", name="B", kind="city")
    >>> g.add_edge("a", "b", key="a--b", kind="sister_city", start="1946", source="s")
    'a--b'
    >>> entity_ties(g, "b", "en")[["tie_id", "direction", "other", "kind"]].values.tolist()
    [['a--b', '↔', 'A', 'Sister city']]
    """
    rows: list[dict[str, Any]] = []
    if node in g:
        for direction, edges in (("→", g.out_edges(node, keys=True, data=True)), ("←", g.in_edges(node, keys=True, data=True))):
            for u, v, k, a in edges:
                other = v if direction == "→" else u
                oa = g.nodes[other]
                rows.append(
                    {
                        "tie_id": k,
                        "kind": vocab.label("tie_kinds", a.get("kind"), lang),
                        "direction": direction if str(a.get("directed")) == "1" else "↔",
                        "other_id": other,
                        "other": display_name(oa, lang, str(other)),
                        "other_kind": vocab.label("entity_kinds", oa.get("kind"), lang),
                        "start": a.get("start"),
                        "end": a.get("end"),
                        "status": vocab.label("statuses", a.get("status"), lang),
                        "sectors": ", ".join(vocab.label("sectors", s, lang) for s in (a.get("sectors") or "").split(";") if s),
                        "municipal_role": vocab.label("municipal_roles", a.get("municipal_role"), lang),
                        "carrier_id": a.get("carrier_id"),
                        "source": a.get("source"),
                    }
                )
    df = pd.DataFrame(rows, columns=list(ENTITY_TIE_COLUMNS))
    return df.sort_values(["kind", "start", "other"], na_position="last", kind="stable").reset_index(drop=True)
