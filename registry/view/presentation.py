"""The network view as a presentation picture (PNG or SVG): the drawing with a title, the dates, a legend and the filters.

The picture is drawn with matplotlib from the same graph, positions, colours, shapes and
line styles as the page's drawing (:mod:`.style`, :mod:`.positions`), at the page's
proportions: one layout pixel is one picture pixel times a scale that fits the drawing
into the picture, and labels keep their size relative to the layout, so labels that the
layout keeps apart stay apart here. The font is matplotlib's own DejaVu Sans (nothing is
downloaded). Text from the registry is text: mathtext is off (a ``$x$`` in a name stays
as it is) and the SVG writes every text as escaped character data.
"""

from __future__ import annotations

import io
import math
import textwrap
import threading
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any, NamedTuple

import networkx as nx

from .. import i18n, vocab
from .positions import LABEL_FONT_SIZE, label_text, node_size
from .style import (
    DASHED_STATUSES,
    DEFAULT_STYLE,
    DEFAULT_TIE_COLOUR,
    GROUP_STYLE,
    KIND_STYLES,
    TIE_COLOURS,
    TIE_WIDTH,
    TIE_WIDTHS,
    Style,
    display_name,
)

__all__ = ["PICTURE_SIZE", "PICTURE_DPI", "FORMATS", "Picture", "filter_lines", "picture", "presentation"]

#: The picture's size in pixels (width, height): 16:10, sharp on a projector; the SVG has the same proportions.
PICTURE_SIZE = (1600, 1000)
#: Pixels per inch: with it, the PNG is :data:`PICTURE_SIZE` pixels and the SVG 16 x 10 inches.
PICTURE_DPI = 100
#: The formats :func:`presentation` writes and their media types.
FORMATS = {"png": "image/png", "svg": "image/svg+xml"}

# matplotlib's markers for vis-network's shapes.
_MARKERS = {"dot": "o", "square": "s", "diamond": "D", "triangle": "^", "triangleDown": "v", "star": "*", "hexagon": "h"}
# A star or a triangle fills less of its box than a disc: drawn a little larger, as vis-network does.
_MARKER_SCALE = {"star": 1.35, "triangle": 1.15, "triangleDown": 1.15, "diamond": 0.95, "square": 0.9}
_LIT_COLOUR = "#ff7f00"  # a highlighted path's ties (network.js)
_MARKED_BORDER = "#333333"
_DASHES = (0, (5, 5))  # vis-network's default dashes: 5 px on, 5 off
# Where things go, in pixels of the picture: a title band, the drawing, and a column for the legend and filters.
_MARGIN = 24
_TITLE_BAND = 96
_COLUMN = 400
# matplotlib's settings are global: two pictures made at once (two users' downloads run in
# the server's threads) would switch them under each other, so one picture is made at a time.
_LOCK = threading.RLock()
_RC: dict[str, Any] = {
    "text.parse_math": False,  # a name with $...$ is a name, not a formula
    "text.usetex": False,
    "svg.fonttype": "none",  # texts stay texts in the SVG: searchable, editable, and what the tests read
    "svg.hashsalt": "registry",  # the same picture gives the same file
    # DejaVu Sans ships inside matplotlib (no system font, no download) and sets the text here. The
    # SVG names fallbacks for a viewer without it: Verdana, Vera's sibling of about the same widths.
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans", "Verdana", "Arial", "Helvetica"],
}


class Picture(NamedTuple):
    """A presentation picture: the matplotlib figure and the texts of its node labels (for measuring)."""

    figure: Any  # matplotlib.figure.Figure
    labels: list[Any]  # matplotlib.text.Text, one per drawn node label
    scale: float  # picture pixels per layout pixel


def filter_lines(
    flt: Any,
    categories: Iterable[str],
    lang: str,
    g: nx.Graph | None = None,
    *,
    focus: str | None = None,
    steps: int = 2,
    route: Sequence[str] = (),
) -> list[str]:
    """Return the active filters of a network view written out in ``lang``, one line each; one line saying none are set when none is.

    ``flt`` is the view's :class:`registry.network.graph.GraphFilter` (its year is in the picture's
    subtitle, not here), ``categories`` its sister-city categories; ``focus`` (with ``steps``)
    and ``route`` name entities, by their names in ``g`` when it holds them.

    >>> from registry.network.graph import GraphFilter
    >>> filter_lines(GraphFilter.make(tie_kinds=["sister_city"]), [], "en")
    ['Tie kinds: Sister city']
    >>> filter_lines(GraphFilter.make(), [], "nb")
    ['Hele registeret, uten filtre']
    """

    def name(v: str) -> str:
        return display_name(g.nodes[v], lang, v) if g is not None and v in g else v

    def line(key: str, values: Iterable[str]) -> str:
        return i18n.t("picture.filter", lang, label=i18n.t(key, lang), values=", ".join(sorted(values)))

    lines: list[str] = []
    vocabularies = (
        ("network.entity_kinds", "entity_kinds", flt.entity_kinds),
        ("network.tie_kinds", "tie_kinds", flt.tie_kinds),
        ("network.sectors", "sectors", flt.sectors),
        ("network.categories", "categories", frozenset(categories)),
    )
    for key, vocabulary, codes in vocabularies:
        if codes:
            lines.append(line(key, (vocab.label(vocabulary, c, lang) for c in codes)))
    if flt.countries:
        lines.append(line("network.countries", (i18n.country_name(c, lang) for c in flt.countries)))
    if flt.hide_isolated:
        lines.append(i18n.t("picture.hidden_isolated", lang))
    if focus:
        lines.append(i18n.t("picture.focus", lang, name=name(focus), n=int(steps)))
    if route:
        lines.append(i18n.t("picture.route", lang, names=" → ".join(name(v) for v in route)))
    return lines or [i18n.t("picture.everything", lang)]


def _style(kind: Any) -> Style:
    return GROUP_STYLE if kind == "group" else KIND_STYLES.get(kind, DEFAULT_STYLE)


def _kind_label(kind: Any, lang: str) -> str:
    return i18n.t("view.group", lang) if kind == "group" else vocab.label("entity_kinds", kind, lang)


def _casing(width: float) -> list[Any]:
    from matplotlib import patheffects

    return [patheffects.Stroke(linewidth=width, foreground="#1b1b1b"), patheffects.Normal()]


def _legend_entries(g: nx.MultiDiGraph, lang: str, lit: bool) -> list[tuple[str, dict[str, Any] | None]]:
    """Return the legend's rows as (text, matplotlib Line2D options); a None handle is a heading."""
    kinds = sorted(
        {a.get("kind") for _, a in g.nodes(data=True)} - {None},
        key=lambda k: (list(KIND_STYLES).index(k) if k in KIND_STYLES else 99, str(k)),
    )
    ties = sorted(
        {a.get("kind") for _, _, a in g.edges(data=True)} - {None, "group"},
        key=lambda k: (list(TIE_COLOURS).index(k) if k in TIE_COLOURS else 99, str(k)),
    )
    rows: list[tuple[str, dict[str, Any] | None]] = [(i18n.t("picture.entities", lang), None)]
    for k in kinds:
        style = _style(k)
        rows.append(
            (
                _kind_label(k, lang),
                {
                    "marker": _MARKERS.get(style.shape, "o"),
                    "color": style.colour,
                    "linestyle": "none",
                    "markersize": 11 * _MARKER_SCALE.get(style.shape, 1.0),
                },
            )
        )
    if ties or lit:
        rows.append((i18n.t("picture.ties", lang), None))
    for k in ties:
        rows.append(
            (
                vocab.label("tie_kinds", k, lang),
                {"color": TIE_COLOURS.get(str(k), DEFAULT_TIE_COLOUR), "linewidth": 1.6 * TIE_WIDTHS.get(str(k), TIE_WIDTH)},
            )
        )
    if any(a.get("status") in DASHED_STATUSES for _, _, a in g.edges(data=True)):
        rows.append((i18n.t("view.dashed", lang), {"color": "#888888", "linewidth": 2, "linestyle": (0, (3, 2))}))
    if lit:
        rows.append((i18n.t("picture.path", lang), {"color": _LIT_COLOUR, "linewidth": 4, "path_effects": _casing(6)}))
    return rows


def picture(
    g: nx.MultiDiGraph,
    positions: Mapping[Any, tuple[float, float]],
    lang: str,
    *,
    filters: Sequence[str] = (),
    as_of: date | None = None,
    made: date | None = None,
    title: str | None = None,
    focus: str | None = None,
    highlight_nodes: Iterable[str] = (),
    highlight_ties: Iterable[str] = (),
    size: tuple[int, int] = PICTURE_SIZE,
) -> Picture:
    """Return the presentation picture of ``g`` at ``positions`` (layout pixels, y down) in ``lang``, as a :class:`Picture`.

    The title (``title``, else the standard one) heads it; under it the year of the view
    (``as_of``; None is the whole history), the date it was made (``made``, today by
    default) and the numbers drawn; on the right a legend of the entity and tie kinds
    drawn, in the page's language, and the ``filters`` (as from :func:`filter_lines`).
    Nodes without a position are left out. ``g`` is not changed.
    """
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyArrowPatch

    made = made or datetime.now(UTC).date()
    lit_nodes, lit_ties = set(highlight_nodes), set(highlight_ties)
    nodes = [v for v in g.nodes if v in positions]
    width, height = size
    with _LOCK, matplotlib.rc_context(_RC):  # type: ignore[arg-type]
        fig = Figure(figsize=(width / PICTURE_DPI, height / PICTURE_DPI), dpi=PICTURE_DPI, facecolor="#ffffff")
        canvas = FigureCanvasAgg(fig)  # no pyplot: no global figure list, safe in the app's threads
        pt = 72 / PICTURE_DPI  # points per picture pixel
        # The drawing's area: x, y (from the bottom), width, height.
        area = (_MARGIN, _MARGIN, width - _COLUMN - 2 * _MARGIN, height - _TITLE_BAND - 2 * _MARGIN)
        ax = fig.add_axes((area[0] / width, area[1] / height, area[2] / width, area[3] / height))
        ax.set_axis_off()

        degree: Counter[Any] = Counter()
        for u, v in g.edges():
            degree[u] += 1
            degree[v] += 1
        radius: dict[Any, float] = {}
        names: dict[Any, str] = {}
        for v in nodes:
            a = g.nodes[v]
            # As network.js: a group's size is its entity count, an entity's its ties in the drawing.
            radius[v] = node_size(a["size"] if a.get("kind") == "group" else degree[v], a.get("kind") == "municipality")
            names[v] = label_text(display_name(a, lang, str(v)))
        # The drawing's extent in layout pixels, labels included (their width estimated generously).
        xs0 = [positions[v][0] - max(radius[v], 0.36 * LABEL_FONT_SIZE * len(names[v])) for v in nodes] or [0.0]
        xs1 = [positions[v][0] + max(radius[v], 0.36 * LABEL_FONT_SIZE * len(names[v])) for v in nodes] or [0.0]
        ys0 = [positions[v][1] - radius[v] for v in nodes] or [0.0]
        ys1 = [positions[v][1] + radius[v] + 3 + 1.3 * LABEL_FONT_SIZE for v in nodes] or [0.0]
        x0, x1, y0, y1 = min(xs0), max(xs1), min(ys0), max(ys1)
        scale = min(area[2] / max(x1 - x0, 1.0), area[3] / max(y1 - y0, 1.0), 1.5)
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        half_w, half_h = area[2] / scale / 2, area[3] / scale / 2
        ax.set_xlim(cx - half_w, cx + half_w)
        ax.set_ylim(cy + half_h, cy - half_h)  # y down, as on the page

        # Ties first, under the nodes: straight lines, bent like the page's where two share their ends.
        parallel: Counter[tuple[str, str]] = Counter()
        casing = _casing(8 * scale * pt)
        for u, v, key, a in g.edges(keys=True, data=True):
            if u not in positions or v not in positions:
                continue
            pair = (str(u), str(v)) if str(u) <= str(v) else (str(v), str(u))
            curve = parallel[pair]
            parallel[pair] += 1
            kind = a.get("kind")
            if key in lit_ties:
                colour, line_width = _LIT_COLOUR, 5.0
            elif kind == "group":
                colour, line_width = DEFAULT_TIE_COLOUR, 1 + math.log2(max(int(a.get("weight") or 1), 1))
            else:
                colour = TIE_COLOURS.get(str(kind), DEFAULT_TIE_COLOUR)
                line_width = TIE_WIDTHS.get(str(kind), TIE_WIDTH)
            directed = str(a.get("directed")) == "1"
            ax.add_patch(
                FancyArrowPatch(
                    positions[u],
                    positions[v],
                    arrowstyle="-|>" if directed else "-",
                    mutation_scale=10 * scale * pt + 4,
                    connectionstyle=f"arc3,rad={0.15 * curve}",
                    color=colour,
                    linewidth=line_width * scale * pt,
                    linestyle=_DASHES if a.get("status") in DASHED_STATUSES and kind != "group" else "-",
                    shrinkA=radius.get(u, 10) * scale * pt,
                    shrinkB=radius.get(v, 10) * scale * pt,
                    zorder=1,
                    # The path's orange is close to the sister-city vermillion for colour-blind eyes:
                    # a dark casing sets it apart (the page widens it and rings its nodes).
                    path_effects=casing if key in lit_ties else None,
                )
            )

        # A pale box behind each label where the page has a white outline: an outline (a path
        # effect) would turn the SVG's label texts into paths, which nobody can search or edit.
        halo = {"boxstyle": "square,pad=0.08", "facecolor": "#ffffff", "alpha": 0.75, "edgecolor": "none"}
        labels = []
        for v in nodes:
            a = g.nodes[v]
            style = _style(a.get("kind"))
            x, y = positions[v]
            marked = v in lit_nodes or v == focus
            diameter = 2 * radius[v] * scale * pt * _MARKER_SCALE.get(style.shape, 1.0)
            ax.plot(
                [x],
                [y],
                marker=_MARKERS.get(style.shape, "o"),
                markersize=diameter,
                color=style.colour,
                markeredgecolor=_MARKED_BORDER if marked else style.colour,
                markeredgewidth=(4 if marked else 1) * scale * pt,
                linestyle="none",
                zorder=2,
            )
            big = v == focus
            labels.append(
                ax.text(
                    x,
                    y + radius[v] + 3,
                    names[v],
                    ha="center",
                    va="top",
                    zorder=3,
                    color="#343434",
                    fontsize=(18 if big else LABEL_FONT_SIZE) * scale * pt,
                    fontweight="bold" if big else "normal",
                    bbox=halo,
                    parse_math=False,
                )
            )

        top = height - _MARGIN
        fig.text(
            _MARGIN / width,
            top / height,
            title or i18n.t("picture.title", lang),
            fontsize=26 * pt,
            fontweight="bold",
            va="top",
            color="#1b1b1b",
            parse_math=False,
        )
        when = i18n.t("picture.as_of", lang, date=i18n.long_date(as_of, lang)) if as_of else i18n.t("picture.whole_history", lang)
        counts = i18n.t(
            "view.caption",
            lang,
            nodes=i18n.t("view.nodes_count", lang, n=len(nodes)),
            ties=i18n.t("view.ties_count", lang, n=g.number_of_edges()),
        )
        subtitle = " · ".join((when, counts, i18n.t("picture.made", lang, date=i18n.long_date(made, lang))))
        fig.text(_MARGIN / width, (top - 44) / height, subtitle, fontsize=15 * pt, va="top", color="#444444", parse_math=False)

        rows = _legend_entries(g, lang, bool(lit_ties))
        handles = [Line2D([], [], **(opts or {"linestyle": "none"})) for _, opts in rows]
        column_x = (width - _COLUMN - _MARGIN) / width
        legend = fig.legend(
            handles,
            [text for text, _ in rows],
            loc="upper left",
            bbox_to_anchor=(column_x, (top - _TITLE_BAND + 20) / height),
            frameon=False,
            fontsize=13 * pt,
            title=i18n.t("view.legend", lang),
            title_fontsize=16 * pt,
            alignment="left",
            handlelength=2.2,
            borderaxespad=0,
        )
        legend.get_title().set_fontweight("bold")
        for text, (_, opts) in zip(legend.get_texts(), rows):
            text.set_parse_math(False)
            if opts is None:
                text.set_fontweight("bold")
        # The filters go under the legend, wherever it ends.
        renderer = canvas.get_renderer()
        bottom = legend.get_window_extent(renderer).y0
        lines = filters or [i18n.t("picture.everything", lang)]
        body = [i18n.t("picture.filters", lang)] + [textwrap.fill(x, width=44, subsequent_indent="  ") for x in lines]
        fig.text(column_x, (bottom - 18) / height, body[0], fontsize=16 * pt, fontweight="bold", va="top", parse_math=False)
        fig.text(
            column_x,
            (bottom - 44) / height,
            "\n".join(body[1:]),
            fontsize=13 * pt,
            va="top",
            linespacing=1.45,
            color="#222222",
            parse_math=False,
        )
    return Picture(fig, labels, scale)


def presentation(g: nx.MultiDiGraph, positions: Mapping[Any, tuple[float, float]], lang: str, fmt: str = "png", **options: Any) -> bytes:
    """Return the presentation picture (see :func:`picture`, which takes ``options``) as PNG or SVG bytes (``fmt``)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown picture format {fmt!r}")
    import matplotlib

    out = io.BytesIO()
    with _LOCK, matplotlib.rc_context(_RC):  # type: ignore[arg-type]
        fig = picture(g, positions, lang, **options).figure
        # No time stamp inside the file: the same view makes the same bytes.
        fig.savefig(out, format=fmt, dpi=PICTURE_DPI, metadata={"Date": None} if fmt == "svg" else {"Software": None})
    return out.getvalue()
