"""The annual report as a Word document (python-docx), the format the office files reports in, with a chart per indicator."""

from __future__ import annotations

import io
from typing import Any

from .facts import AnnualReport
from .write import blocks

__all__ = ["docx_bytes", "chart_png"]


def chart_png(chart: dict[str, Any], alt: str) -> bytes:
    """Return a PNG line chart of an indicator's values by year, with its target as a dashed line."""
    import matplotlib

    matplotlib.use("Agg")  # no display: the chart is drawn into memory
    from matplotlib import pyplot as plt

    years = [y for y, _ in chart["series"]]
    values = [v for _, v in chart["series"]]
    fig, ax = plt.subplots(figsize=(5.5, 2.4), dpi=120)
    try:
        ax.plot(years, values, marker="o", color="#1f5f8b")
        target = chart.get("target")
        if target is not None and target == target:
            ax.axhline(target, color="#b5452a", linestyle="--")
        ax.set_xticks(years)
        ax.set_title(alt, fontsize=9)
        ax.spines[["top", "right"]].set_visible(False)
        buf = io.BytesIO()
        fig.tight_layout()
        fig.savefig(buf, format="png")
        return buf.getvalue()
    finally:
        plt.close(fig)


def docx_bytes(report: AnnualReport, lang: str = "nb") -> bytes:
    """Return the report as a .docx document in ``lang``: headings, paragraphs, tables and one chart per indicator."""
    from docx import Document
    from docx.shared import Cm

    doc = Document()
    doc.core_properties.language = "nb-NO" if lang == "nb" else "en-GB"
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
            doc.add_picture(io.BytesIO(chart_png(b.chart, b.text)), width=Cm(14))
            doc.add_paragraph(b.text)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
