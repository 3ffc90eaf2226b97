"""The annual report as a Word document (python-docx), the format the office files reports in, with a chart per indicator."""

from __future__ import annotations

import io
from typing import Any

from .facts import AnnualReport
from .write import blocks

__all__ = ["docx_bytes", "chart_png"]


class _Charts:
    """One matplotlib figure drawn again for each indicator: making a figure per chart cost ~0.25 s each."""

    def __enter__(self) -> "_Charts":
        import matplotlib

        matplotlib.use("Agg")  # no display: the charts are drawn into memory
        from matplotlib import pyplot as plt

        self.plt = plt
        self.fig, self.ax = plt.subplots(figsize=(5.5, 2.4), dpi=110)
        # Fixed margins instead of tight_layout, which measures every text on every chart.
        self.fig.subplots_adjust(left=0.1, right=0.97, top=0.86, bottom=0.14)
        return self

    def __exit__(self, *exc: Any) -> None:
        self.plt.close(self.fig)

    def png(self, chart: dict[str, Any], alt: str) -> bytes:
        """Return a PNG line chart of an indicator's values by year, with its target as a dashed line."""
        ax = self.ax
        ax.clear()
        years = [y for y, _ in chart["series"]]
        ax.plot(years, [v for _, v in chart["series"]], marker="o", color="#1f5f8b")
        target = chart.get("target")
        if target is not None and target == target:
            ax.axhline(target, color="#b5452a", linestyle="--")
        ax.set_xticks(years)
        ax.set_title(alt, fontsize=9)
        ax.spines[["top", "right"]].set_visible(False)
        buf = io.BytesIO()
        self.fig.savefig(buf, format="png")
        return buf.getvalue()


def chart_png(chart: dict[str, Any], alt: str) -> bytes:
    """Return a PNG line chart of an indicator's values by year, with its target as a dashed line."""
    with _Charts() as charts:
        return charts.png(chart, alt)


def docx_bytes(report: AnnualReport, lang: str = "nb") -> bytes:
    """Return the report as a .docx document in ``lang``: headings, paragraphs, tables and one chart per indicator."""
    from docx import Document

    doc = Document()
    doc.core_properties.language = "nb-NO" if lang == "nb" else "en-GB"
    with _Charts() as charts:
        _fill(doc, report, lang, charts)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _fill(doc: Any, report: AnnualReport, lang: str, charts: _Charts) -> None:
    from docx.shared import Cm

    for b in blocks(report, lang):
        if b.kind == "h1":
            doc.core_properties.title = b.text
            doc.add_heading(b.text, level=0)
        elif b.kind == "h2":
            doc.add_heading(b.text, level=1)
        elif b.kind == "p":
            doc.add_paragraph(b.text)
        elif b.kind == "table":
            table = doc.add_table(rows=1, cols=len(b.header))
            table.style = "Table Grid"
            for cell, text in zip(table.rows[0].cells, b.header):
                cell.text = text
                for run in cell.paragraphs[0].runs:
                    run.bold = True
            for row in b.rows:
                for cell, text in zip(table.add_row().cells, row):
                    cell.text = text
            doc.add_paragraph()
        elif b.kind == "chart" and b.chart:
            doc.add_picture(io.BytesIO(charts.png(b.chart, b.text)), width=Cm(14))
            doc.add_paragraph(b.text)
