"""The network view: what to draw (focus, paths, country aggregation), where (layout) and as what HTML."""

from __future__ import annotations

from .aggregate import MAX_DRAWN_NODES, MAX_DRAWN_TIES, aggregate_by_country, drawable
from .encode import COLOUR_METRICS, SIZE_METRICS, Encoding, Scale, encoding, needs_metrics
from .page import METRIC_TEXT, PHYSICS_MAX_NODES, network_html, vis_assets
from .paths import MAX_PATHS, PATH_COLUMNS, Route, best_paths, path_table, tie_doubts
from .positions import EXACT_LAYOUT_MAX_NODES, layout
from .profile import Profile, profile
from .rows import DASHED, DIRECTED, EDGE_FIELDS, FOCUS, LIT, NODE_FIELDS
from .select import neighbourhood, path_ties, play_start, play_step, restrict_categories, shortest_path, year_range
from .style import GROUP_STYLE, KIND_STYLES, TIE_COLOURS, Style, display_name
from .tables import ENTITY_TIE_COLUMNS, entity_ties

__all__ = [
    "Style",
    "KIND_STYLES",
    "GROUP_STYLE",
    "TIE_COLOURS",
    "PHYSICS_MAX_NODES",
    "MAX_DRAWN_NODES",
    "MAX_DRAWN_TIES",
    "EXACT_LAYOUT_MAX_NODES",
    "display_name",
    "year_range",
    "play_start",
    "play_step",
    "restrict_categories",
    "neighbourhood",
    "shortest_path",
    "path_ties",
    "Route",
    "MAX_PATHS",
    "PATH_COLUMNS",
    "best_paths",
    "path_table",
    "tie_doubts",
    "aggregate_by_country",
    "drawable",
    "layout",
    "network_html",
    "NODE_FIELDS",
    "EDGE_FIELDS",
    "LIT",
    "FOCUS",
    "DASHED",
    "DIRECTED",
    "entity_ties",
    "ENTITY_TIE_COLUMNS",
    "vis_assets",
    "SIZE_METRICS",
    "METRIC_TEXT",
    "COLOUR_METRICS",
    "Scale",
    "Encoding",
    "encoding",
    "needs_metrics",
    "Profile",
    "profile",
]
