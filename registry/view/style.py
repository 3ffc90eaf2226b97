"""How the network view shows entities and ties: kind styles, tie colours, display names and the legend."""

from __future__ import annotations

import html
from typing import Any, Mapping, NamedTuple

import networkx as nx

from .. import i18n, vocab

__all__ = [
    "Style",
    "KIND_STYLES",
    "DEFAULT_STYLE",
    "GROUP_STYLE",
    "TIE_COLOURS",
    "DASHED_STATUSES",
    "display_name",
    "legend",
]


class Style(NamedTuple):
    """How one entity kind is drawn: fill colour and vis-network shape."""

    colour: str
    shape: str


# Colours from the Okabe-Ito and Tableau palettes, paired with distinct shapes so the
# kinds stay apart for colour-blind readers and in greyscale print.
KIND_STYLES: dict[str, Style] = {
    "municipality": Style("#c0392b", "star"),
    "city": Style("#0072b2", "dot"),
    "country": Style("#56b4e9", "square"),
    "consulate": Style("#e69f00", "diamond"),
    "university": Style("#009e73", "triangle"),
    "business_body": Style("#8c564b", "triangle"),
    "public_agency": Style("#7f7f7f", "square"),
    "county": Style("#bcbd22", "square"),
    "eu_office": Style("#17becf", "diamond"),
    "student_org": Style("#cc79a7", "triangleDown"),
    "voluntary_org": Style("#d55e00", "triangleDown"),
    "network": Style("#6a3d9a", "hexagon"),
    "forum": Style("#1f9e89", "hexagon"),
    "funding_programme": Style("#2ca02c", "star"),
}
#: An entity kind without a style of its own.
DEFAULT_STYLE = Style("#999999", "dot")
#: A country group (aggregated view).
GROUP_STYLE = Style("#a6bddb", "dot")

TIE_COLOURS: dict[str, str] = {
    "sister_city": "#c0392b",
    "partnership": "#0072b2",
    "membership": "#6a3d9a",
    "consular": "#e69f00",
    "located_in": "#b0b0b0",
    "forum_member": "#1f9e89",
    "project": "#009e73",
    "funding": "#2ca02c",
    "exchange": "#cc79a7",
    "solidarity": "#d55e00",
}
#: Tie statuses drawn as dashed lines.
DASHED_STATUSES = frozenset(("ended", "suspended", "uncertain"))


def display_name(attrs: Mapping[str, Any], lang: str, fallback: str = "") -> str:
    """Return an entity's name in ``lang``: ``name_en`` in English when set, else ``name``."""
    if lang == "en" and attrs.get("name_en"):
        return str(attrs["name_en"])
    return str(attrs.get("name") or fallback)


def _svg_swatch(style: Style) -> str:
    """Return a 16-pixel inline SVG of ``style``'s shape in its colour, for the legend."""
    c = style.colour
    shapes = {
        "dot": f'<circle cx="8" cy="8" r="6" fill="{c}"/>',
        "square": f'<rect x="2" y="2" width="12" height="12" fill="{c}"/>',
        "diamond": f'<polygon points="8,1 15,8 8,15 1,8" fill="{c}"/>',
        "triangle": f'<polygon points="8,1 15,15 1,15" fill="{c}"/>',
        "triangleDown": f'<polygon points="1,1 15,1 8,15" fill="{c}"/>',
        "star": f'<polygon points="8,1 10,6 15,6 11,9 13,15 8,11 3,15 5,9 1,6 6,6" fill="{c}"/>',
        "hexagon": f'<polygon points="4,1 12,1 15,8 12,15 4,15 1,8" fill="{c}"/>',
    }
    return f'<svg width="16" height="16" aria-hidden="true">{shapes.get(style.shape, shapes["dot"])}</svg>'


def legend(g: nx.MultiDiGraph, lang: str) -> str:
    """Return the legend's HTML: the entity kinds and tie kinds drawn in ``g``, with their labels escaped.

    A line for dashed ties is added when ``g`` has a tie with one of :data:`DASHED_STATUSES`.
    """
    kinds = sorted(
        {a.get("kind") for _, a in g.nodes(data=True)} - {None},
        key=lambda k: list(KIND_STYLES).index(k) if k in KIND_STYLES else 99,
    )
    ties = sorted(
        {a.get("kind") for _, _, a in g.edges(data=True)} - {None, "group"},
        key=lambda k: list(TIE_COLOURS).index(k) if k in TIE_COLOURS else 99,
    )
    rows: list[str] = []
    for k in kinds:
        style = GROUP_STYLE if k == "group" else KIND_STYLES.get(k, DEFAULT_STYLE)
        text = i18n.t("view.group", lang) if k == "group" else vocab.label("entity_kinds", k, lang)
        rows.append(f"<li>{_svg_swatch(style)}<span>{html.escape(text)}</span></li>")
    for k in ties:
        colour = TIE_COLOURS.get(k, "#888888")
        line = (f'<svg width="16" height="16" aria-hidden="true"><line x1="1" y1="8" x2="15" y2="8" stroke="{colour}" '
                'stroke-width="3"/></svg>')
        rows.append(f"<li>{line}<span>{html.escape(vocab.label('tie_kinds', k, lang))}</span></li>")
    if any(a.get("status") in DASHED_STATUSES for _, _, a in g.edges(data=True)):
        line = ('<svg width="16" height="16" aria-hidden="true"><line x1="1" y1="8" x2="15" y2="8" stroke="#888888" '
                'stroke-width="2" stroke-dasharray="3 2"/></svg>')
        rows.append(f"<li>{line}<span>{html.escape(i18n.t('view.dashed', lang))}</span></li>")
    title = html.escape(i18n.t("view.legend", lang))
    return f'<div class="legend" id="legend"><strong>{title}</strong><ul>{"".join(rows)}</ul></div>'
