"""A :class:`~registry.documents.model.Document` as one printable, self-contained HTML page (escaped, no other host)."""

from __future__ import annotations

import base64
from html import escape

from .chart import svg
from .model import Block, BulletList, Chart, Document, Figure, Heading, Inline, Link, Paragraph, Quote, Strong, Table

__all__ = ["to_html", "CSS"]

#: The page's only style: no font, script or style sheet is fetched from anywhere. Print rules keep a
#: heading with what follows it and a table row on one page, and number the printed pages.
CSS = (
    "body{font-family:Georgia,'Times New Roman',serif;max-width:48em;margin:2em auto;padding:0 1em;color:#111;"
    "line-height:1.45}"
    "h1{font-size:1.7em;margin-bottom:.2em}h2{font-size:1.35em;border-bottom:2px solid #333;margin-top:1.6em}"
    "h3{font-size:1.15em;margin-bottom:.3em}h4{font-size:1em;margin-bottom:.2em}"
    ".subtitle{color:#444;margin-top:0}"
    "table{border-collapse:collapse;margin:.4em 0 1em;width:100%}"
    "th,td{border:1px solid #999;padding:.2em .5em;text-align:left;vertical-align:top;font-size:.92em}"
    "th{background:#eee}caption{text-align:left;font-style:italic;padding:.2em 0}"
    "blockquote{margin:.6em 0 .6em 1.2em;padding-left:.8em;border-left:3px solid #999}"
    "body>footer{margin-top:2em;border-top:1px solid #999;color:#444;font-size:.9em}blockquote footer{color:#444;font-size:.9em}"
    "a{color:#114;word-break:break-all}figure{margin:.6em 0}figcaption{font-style:italic;font-size:.9em}"
    "@page{size:A4;margin:2cm;@bottom-center{content:counter(page)}}"
    "@media print{body{margin:0;max-width:none}a{color:#111;text-decoration:none}"
    "h2,h3,h4{break-after:avoid;page-break-after:avoid}tr,blockquote{break-inside:avoid;page-break-inside:avoid}"
    "thead{display:table-header-group}}"
)

# Only these schemes become links; any other address (javascript:, data:, a bare reference) is shown as text.
_SAFE_SCHEMES = ("http://", "https://", "mailto:")


def _run(run: Inline) -> str:
    if isinstance(run, Link):
        if run.href.strip().lower().startswith(_SAFE_SCHEMES):
            return f'<a href="{escape(run.href.strip(), quote=True)}" rel="noreferrer">{escape(run.text)}</a>'
        return escape(run.text if run.text == run.href else f"{run.text} ({run.href})")
    if isinstance(run, Strong):
        return f"<strong>{escape(run.text)}</strong>"
    return escape(run)


def _runs(runs: tuple[Inline, ...]) -> str:
    return "".join(_run(r) for r in runs)


def _block(b: Block, lang: str = "nb") -> str:
    if isinstance(b, Heading):
        level = min(b.level + 1, 6)  # the title is the page's one h1
        return f"<h{level}>{escape(b.text)}</h{level}>"
    if isinstance(b, Paragraph):
        return f"<p>{_runs(b.runs)}</p>"
    if isinstance(b, Table):
        caption = f"<caption>{escape(b.caption)}</caption>" if b.caption else ""
        head = "".join(f'<th scope="col">{escape(h)}</th>' for h in b.header)
        body = "".join("<tr>" + "".join(f"<td>{_runs(c)}</td>" for c in row) + "</tr>" for row in b.rows)
        return f"<table>{caption}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    if isinstance(b, BulletList):
        tag = "ol" if b.numbered else "ul"
        return f"<{tag}>" + "".join(f"<li>{_runs(i)}</li>" for i in b.items) + f"</{tag}>"
    if isinstance(b, Quote):
        body = "".join(f"<p>{escape(p)}</p>" for p in b.paragraphs)
        cite = f"<footer>— {escape(b.cite)}</footer>" if b.cite else ""
        return f"<blockquote>{body}{cite}</blockquote>"
    if isinstance(b, Figure):
        # The picture travels inside the page (a data address), so printing it reaches no other host.
        data = base64.b64encode(b.png).decode("ascii")
        caption = f"<figcaption>{escape(b.caption)}</figcaption>" if b.caption else ""
        return (
            f'<figure><img alt="{escape(b.alt, quote=True)}" style="max-width:100%" src="data:image/png;base64,{data}">{caption}</figure>'
        )
    if isinstance(b, Chart):
        # Drawn into the page as SVG: crisp in print, and no picture is fetched from anywhere.
        caption = f"<figcaption>{escape(b.caption)}</figcaption>" if b.caption else ""
        return f"<figure>{svg(b, lang)}{caption}</figure>"
    raise TypeError(f"not a block: {b!r}")


def to_html(doc: Document) -> str:
    """Return ``doc`` as a whole HTML page: inline CSS, no script, every text escaped, links only to web addresses."""
    lang = "nb" if doc.lang == "nb" else "en"
    subtitle = f'<p class="subtitle">{escape(doc.subtitle)}</p>' if doc.subtitle else ""
    footer = f"<footer>{escape(doc.footer)}</footer>" if doc.footer else ""
    body = "\n".join(_block(b, lang) for b in doc.blocks)
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(doc.title)}</title><style>{CSS}</style></head>\n"
        f"<body><h1>{escape(doc.title)}</h1>{subtitle}\n{body}\n{footer}</body></html>\n"
    )
