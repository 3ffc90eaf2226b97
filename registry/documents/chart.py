"""A :class:`~registry.documents.model.Chart` drawn: as inline SVG for the HTML page, as PNG for Word."""

from __future__ import annotations

import io
from html import escape
from typing import Any, TypeGuard

from .. import cells
from .model import Chart

__all__ = ["number", "svg", "PngCharts"]

_LINE, _TARGET = "#1f5f8b", "#b5452a"


def number(value: float, lang: str) -> str:
    """Return an axis number as a reader of ``lang`` writes it (nb: a decimal comma and a space between thousands).

    >>> number(1500.0, "nb"), number(12.5, "nb"), number(12.5, "en")
    ('1\\xa0500', '12,5', '12.5')
    """
    v = float(value)
    text = f"{int(round(v)):,}" if v.is_integer() else f"{v:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", "\u00a0").replace(".", ",") if lang == "nb" else text


def _known(v: Any) -> TypeGuard[float]:
    return not cells.missing(v)


def _ranges(chart: Chart) -> tuple[int, int, float, float]:
    """Return the years and values the axes span: every point, the target, and zero."""
    years = [y for y, _ in chart.points] or [0]
    values = [v for _, v in chart.points] + ([chart.target] if _known(chart.target) else []) + [0.0]
    return min(years), max(years), min(values), max(values)


def svg(chart: Chart, lang: str, width: int = 480, height: int = 200) -> str:
    """Return ``chart`` as an inline SVG element: the values by year as a line, the target dashed, every text escaped.

    It names no other address, so the page that holds it requests nothing from anywhere.
    """
    y0, y1, lo, hi = _ranges(chart)
    top_value = hi if hi > lo else lo + 1.0
    hi = top_value + (top_value - lo) * 0.08  # room above the highest point for the target's label
    left, right, top, bottom = 52, 14, 12, 26

    def x(year: int) -> float:
        # Half a year of room at each end, so the first and last points stand clear of the axes.
        return left + (width - left - right) * (year - y0 + 0.5) / (y1 - y0 + 1)

    def y(v: float) -> float:
        return top + (height - top - bottom) * (1 - (v - lo) / (hi - lo))

    parts = [
        f'<svg role="img" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'style="max-width:100%;height:auto;font-family:sans-serif" aria-label="{escape(chart.alt, quote=True)}">'
        f"<title>{escape(chart.alt)}</title>",
        f'<line x1="{left}" x2="{left}" y1="{top}" y2="{height - bottom}" stroke="#999"/>',
        f'<line x1="{left}" x2="{width - right}" y1="{y(lo):.1f}" y2="{y(lo):.1f}" stroke="#999"/>',
    ]
    for v in (lo, top_value):
        parts.append(f'<text x="{left - 6}" y="{y(v) + 4:.1f}" font-size="11" text-anchor="end">{escape(number(v, lang))}</text>')
    if _known(chart.target):
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(chart.target):.1f}" y2="{y(chart.target):.1f}" '
            f'stroke="{_TARGET}" stroke-dasharray="6 4"/>'
            f'<text x="{left + 4}" y="{y(chart.target) - 4:.1f}" font-size="11" '
            f'fill="{_TARGET}">{escape(number(chart.target, lang))}</text>'
        )
    if chart.points:
        line = " ".join(f"{x(yy):.1f},{y(v):.1f}" for yy, v in chart.points)
        parts.append(f'<polyline fill="none" stroke="{_LINE}" stroke-width="2" points="{line}"/>')
    for yy, v in chart.points:
        parts.append(
            f'<circle cx="{x(yy):.1f}" cy="{y(v):.1f}" r="3" fill="{_LINE}"/>'
            f'<text x="{x(yy):.1f}" y="{height - 8}" font-size="11" text-anchor="middle">{yy}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


class PngCharts:
    """Draws charts as PNG with one matplotlib figure, its artists updated for each chart.

    A new figure per chart cost ~0.2 s on this machine, and clearing the axes ~0.1 s; updating the
    line, the target and the limits of one figure leaves only the drawing itself.
    """

    def __init__(self, lang: str) -> None:
        import matplotlib

        matplotlib.use("Agg")  # no display: the charts are drawn into memory
        from matplotlib import pyplot as plt
        from matplotlib.ticker import FuncFormatter, MaxNLocator

        self._plt = plt
        self.fig, self.ax = plt.subplots(figsize=(5.5, 2.2), dpi=96)
        # Fixed margins: tight_layout measures every text of every chart.
        self.fig.subplots_adjust(left=0.12, right=0.97, top=0.94, bottom=0.14)
        ax = self.ax
        (self.line,) = ax.plot([], [], marker="o", color=_LINE)
        self.target = ax.axhline(0.0, color=_TARGET, linestyle="--")
        ax.spines[["top", "right"]].set_visible(False)
        ax.yaxis.set_major_locator(MaxNLocator(4))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: number(v, lang)))

    def png(self, chart: Chart) -> bytes:
        """Return ``chart`` as PNG bytes: the values by year as a line with points, the target dashed."""
        y0, y1, lo, hi = _ranges(chart)
        self.line.set_data([y for y, _ in chart.points], [v for _, v in chart.points])
        self.target.set_visible(_known(chart.target))
        if _known(chart.target):
            self.target.set_ydata([chart.target, chart.target])
        self.ax.set_xticks([y for y, _ in chart.points])
        self.ax.set_xlim(y0 - 0.5, y1 + 0.5)
        pad = (hi - lo) * 0.08 or 1.0
        self.ax.set_ylim(lo, hi + pad)
        buf = io.BytesIO()
        self.fig.savefig(buf, format="png", metadata={"Software": None})  # no version stamp: same chart, same bytes
        return buf.getvalue()

    def close(self) -> None:
        """Release the figure."""
        self._plt.close(self.fig)
