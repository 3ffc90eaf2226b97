"""How the network view shows entities and ties: kind styles, tie colours, display names and the legend."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any, NamedTuple

import networkx as nx

from .. import i18n, vocab

__all__ = [
    "Style",
    "KIND_STYLES",
    "DEFAULT_STYLE",
    "GROUP_STYLE",
    "TIE_COLOURS",
    "DEFAULT_TIE_COLOUR",
    "TIE_WIDTHS",
    "TIE_WIDTH",
    "DASHED_STATUSES",
    "display_name",
    "legend",
]


class Style(NamedTuple):
    """How one entity kind is drawn: fill colour and vis-network shape."""

    colour: str
    shape: str


# Colours from Okabe & Ito's and Paul Tol's colour-blind-safe palettes. Kinds that share a
# shape differ in colour by a CIE76 delta E of at least 15 for normal vision and under
# simulated protanopia, deuteranopia and tritanopia (tests/test_palette.py measures it), so
# the kinds stay apart for colour-blind readers and, by shape, in greyscale print.
KIND_STYLES: dict[str, Style] = {
    "municipality": Style("#cc3311", "star"),  # Tol vibrant red
    "city": Style("#0072b2", "dot"),  # Okabe-Ito blue
    "country": Style("#56b4e9", "square"),  # Okabe-Ito sky blue
    "consulate": Style("#e69f00", "diamond"),  # Okabe-Ito orange
    "university": Style("#009e73", "triangle"),  # Okabe-Ito bluish green
    "business_body": Style("#882255", "triangle"),  # Tol muted wine
    "public_agency": Style("#555555", "square"),  # Tol dark grey
    "county": Style("#999933", "dot"),  # Tol muted olive
    "eu_office": Style("#33bbee", "diamond"),  # Tol vibrant cyan
    "student_org": Style("#cc79a7", "triangleDown"),  # Okabe-Ito reddish purple
    "voluntary_org": Style("#d55e00", "triangleDown"),  # Okabe-Ito vermillion
    "network": Style("#332288", "hexagon"),  # Tol muted indigo
    "forum": Style("#44aa99", "hexagon"),  # Tol muted teal
    "funding_programme": Style("#009e73", "star"),  # Okabe-Ito bluish green
    "eu_programme": Style("#aa4499", "star"),  # Tol muted purple
}
#: An entity kind without a style of its own.
DEFAULT_STYLE = Style("#999999", "dot")
#: A country group (aggregated view).
GROUP_STYLE = Style("#a6bddb", "dot")

# Ties have one line style (dashes mean a doubtful status), so colour alone tells the ten
# kinds apart: every pair differs by a CIE76 delta E of at least 18 for normal vision and
# under simulated protanopia, deuteranopia and tritanopia, and every colour stands out from
# the white background (delta E 30 or more). The three greens this replaced (forum, project,
# funding) were 2 apart under tritanopia. Sister cities are also drawn wider (``TIE_WIDTHS``).
TIE_COLOURS: dict[str, str] = {
    "sister_city": "#d55e00",  # Okabe-Ito vermillion
    "partnership": "#0072b2",  # Okabe-Ito blue
    "membership": "#332288",  # Tol muted indigo
    "consular": "#ccbb44",  # Tol bright yellow
    "located_in": "#999999",  # grey: the least telling tie
    "forum_member": "#33bbee",  # Tol vibrant cyan
    "project": "#000000",  # Okabe-Ito black
    "funding": "#666633",  # Tol dark yellow (olive)
    "exchange": "#aa3377",  # Tol bright purple
    "solidarity": "#663333",  # Tol dark red
}
#: A tie kind without a colour of its own.
DEFAULT_TIE_COLOUR = "#888888"
#: Line width of a tie kind in the drawing (pixels); the others are :data:`TIE_WIDTH`.
TIE_WIDTHS: dict[str, float] = {"sister_city": 3.0}
TIE_WIDTH = 1.5
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
        {a.get("kind") for _, a in g.nodes(data=True)} - {None}, key=lambda k: list(KIND_STYLES).index(k) if k in KIND_STYLES else 99
    )
    ties = sorted(
        {a.get("kind") for _, _, a in g.edges(data=True)} - {None, "group"},
        key=lambda k: list(TIE_COLOURS).index(k) if k in TIE_COLOURS else 99,
    )
    rows: list[str] = []
    for k in kinds:
        style = GROUP_STYLE if k == "group" else KIND_STYLES.get(k or "", DEFAULT_STYLE)
        text = i18n.t("view.group", lang) if k == "group" else vocab.label("entity_kinds", k, lang)
        rows.append(f"<li>{_svg_swatch(style)}<span>{html.escape(text)}</span></li>")
    for k in ties:
        colour = TIE_COLOURS.get(k or "", DEFAULT_TIE_COLOUR)
        line = (
            f'<svg width="16" height="16" aria-hidden="true"><line x1="1" y1="8" x2="15" y2="8" stroke="{colour}" stroke-width="3"/></svg>'
        )
        rows.append(f"<li>{line}<span>{html.escape(vocab.label('tie_kinds', k, lang))}</span></li>")
    if any(a.get("status") in DASHED_STATUSES for _, _, a in g.edges(data=True)):
        line = (
            '<svg width="16" height="16" aria-hidden="true"><line x1="1" y1="8" x2="15" y2="8" stroke="#888888" '
            'stroke-width="2" stroke-dasharray="3 2"/></svg>'
        )
        rows.append(f"<li>{line}<span>{html.escape(i18n.t('view.dashed', lang))}</span></li>")
    title = html.escape(i18n.t("view.legend", lang))
    return f'<div class="legend" id="legend"><strong>{title}</strong><ul>{"".join(rows)}</ul></div>'
