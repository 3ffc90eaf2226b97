"""The annual report written out: one list of blocks from the facts, then Markdown or self-contained HTML."""

from __future__ import annotations

import html
from typing import Any, Iterable, NamedTuple

from .. import vocab
from ..i18n import Message, render
from ..review import strategy
from .facts import AnnualReport, kind_counts

__all__ = ["Block", "blocks", "markdown", "html_page", "number", "svg_chart"]


class Block(NamedTuple):
    """One piece of the report: a heading ('h1', 'h2'), a paragraph ('p'), a table or an indicator chart."""

    kind: str  # h1, h2, p, table, chart
    text: str = ""
    header: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    chart: dict[str, Any] | None = None


def number(value: Any, lang: str) -> str:
    """Return a number for the report: thousands grouped (a non-breaking space in nb), '–' when unknown.

    >>> number(1500000, "nb"), number(12.5, "en"), number(None, "en")
    ('1\\xa0500\\xa0000', '12.5', '–')
    """
    if value is None or (isinstance(value, float) and value != value):
        return "–"
    v = float(value)
    text = f"{int(v):,}" if v.is_integer() else f"{v:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", "\u00a0").replace(".", ",") if lang == "nb" else text


def _t(code: str, lang: str, **params: Any) -> str:
    return render(Message(code, params), lang)


def _title(row: dict[str, Any], lang: str) -> str:
    nb = row.get("title_nb")
    if lang == "nb" and isinstance(nb, str) and nb:
        return nb
    return str(row.get("title") or row.get("id") or "")


def _cell(value: Any) -> str:
    return "" if value is None or (isinstance(value, float) and value != value) else str(value)


def _signed(n: int, lang: str) -> str:
    return ("+" if n > 0 else "") + number(n, lang)


def _by_point(report: AnnualReport, lang: str) -> list[tuple[str, ...]]:
    titles = {t.code: (t.label_nb if lang == "nb" else t.label_en) for t in vocab.STRATEGY_POINTS}
    items = report.items[lang]
    rows = []
    for term in vocab.STRATEGY_POINTS:
        mine = items[items["point"] == term.code]
        if len(mine):
            rows.append((term.code, titles[term.code], "; ".join(f"{r['title']} ({r['id']})" for r in mine.to_dict("records"))))
    return rows


def blocks(report: AnnualReport, lang: str = "nb") -> list[Block]:
    """Return the report as blocks in ``lang``: what :func:`markdown`, :func:`html_page` and the Word writer lay out."""
    y, home = report.year, report.home_names[0 if lang == "nb" else 1]
    c, p = report.counts, report.previous
    out = [
        Block("h1", _t("annual.title", lang, year=y, home=home)),
        Block("p", _t("annual.intro", lang, year=y)),
        Block("p", _t("annual.summary", lang, year=y, activities=c["activities"], agreements=c["agreements"],
                      decisions=c["decisions"], plan=number(c["plan"], lang), actual=number(c["actual"], lang))),
        Block("p", _t("annual.changes", lang, previous_year=y - 1, activities=_signed(c["activities"] - p["activities"], lang),
                      agreements=_signed(c["agreements"] - p["agreements"], lang),
                      decisions=_signed(c["decisions"] - p["decisions"], lang),
                      plan=_signed(c["plan"] - p["plan"], lang), actual=_signed(c["actual"] - p["actual"], lang))),
    ]
    none = Block("p", _t("annual.none", lang, year=y))

    def table(heads: Iterable[str], rows: list[tuple[str, ...]]) -> Block:
        return Block("table", header=tuple(_t(f"annual.col.{h}", lang) for h in heads), rows=tuple(rows)) if rows else none

    out.append(Block("h2", _t("annual.h.by_point", lang)))
    out.append(table(("point", "title", "done"), _by_point(report, lang)))

    acts = report.activities
    out.append(Block("h2", _t("annual.h.activities", lang)))
    out.append(table(("kind", "count", "ids"), [
        (vocab.label("activity_kinds", k, lang), str(n), ";".join(acts.loc[acts["kind"] == k, "id"]))
        for k, n in kind_counts(acts, "kind", "activity_kinds")]))
    sectors = kind_counts(acts, "sectors", "sectors")
    if sectors:
        out.append(table(("sector", "count"), [(vocab.label("sectors", k, lang), str(n)) for k, n in sectors]))
    trips = acts[acts["kind"].isin(("visit", "delegation"))]
    out.append(Block("h2", _t("annual.h.delegations", lang)))
    out.append(table(("title", "date", "purpose", "cost", "ids"), [
        (_title(r, lang), _cell(r["start"]), _cell(r["purpose"]), number(r["cost_nok"], lang), r["id"])
        for r in trips.to_dict("records")]))

    out.append(Block("h2", _t("annual.h.actions", lang)))
    out.append(table(("title", "status", "points", "responsible", "ids"), [
        (_title(r, lang), vocab.label("action_statuses", r["status"], lang), _cell(r["points"]), _cell(r["responsible"]),
         r["id"]) for r in report.actions.to_dict("records")]))

    out.append(Block("h2", _t("annual.h.indicators", lang)))
    inds = report.indicators.to_dict("records")
    out.append(table(("indicator", "unit", "baseline", "target", "series", "reached", "ids"), [
        (_name(r, lang), _cell(r["unit"]),
         f"{number(r['baseline'], lang)} ({_cell(r['baseline_year'])})" if r["baseline"] is not None
         and r["baseline"] == r["baseline"] else "–",
         _t("annual.target_by", lang, target=number(r["target"], lang), year=_cell(r["target_year"])),
         ", ".join(f"{yy}: {number(v, lang)}" for yy, v in r["series"]) or "–",
         "–" if r["reached"] is None else _t("annual.yes" if r["reached"] else "annual.no", lang), r["id"])
        for r in inds]))
    for r in inds:
        if r["series"]:
            out.append(Block("chart", _t("annual.chart_alt", lang, name=_name(r, lang)), chart={
                "name": _name(r, lang), "series": list(r["series"]), "target": r["target"],
                "target_year": r["target_year"]}))

    out.append(Block("h2", _t("annual.h.agreements", lang)))
    out.append(table(("title", "event", "date", "ids"), [
        (_title(r, lang), _t(f"annual.event.{r['event']}", lang), _cell(r["on"]), r["id"])
        for r in report.agreements.to_dict("records")]))

    out.append(Block("h2", _t("annual.h.decisions", lang)))
    out.append(table(("date", "body", "case", "title", "ids"), [
        (_cell(r["decided_on"]), _cell(r["decided_by"]), _cell(r["case_ref"]),
         _title(r, lang) or vocab.label("decision_kinds", r["kind"], lang), str(r["id"]))
        for r in report.decisions.to_dict("records")]))

    money = report.money
    out.append(Block("h2", _t("annual.h.money", lang)))
    rows = [(_t("annual.municipal", lang) if r["funder"] == "municipal" else r["funder"], number(r["plan"], lang),
             number(r["actual"], lang), r["line_ids"]) for r in money.to_dict("records")]
    if rows:
        rows.append((_t("annual.total", lang), number(int(money["plan"].sum()), lang),
                     number(int(money["actual"].sum()), lang), ""))
    out.append(table(("funder", "plan", "actual", "ids"), rows))

    out.append(Block("h2", _t("annual.h.nothing", lang)))
    empty, planned = strategy.unserved_points(report.points), strategy.planned_points(report.points)
    if empty:
        out.append(Block("p", _t("annual.nothing_points", lang, points=", ".join(empty))))
    if planned:
        out.append(Block("p", _t("annual.planned_points", lang, points=", ".join(planned))))
    out.append(Block("p", _t("annual.caveat", lang)))
    return out


def _name(r: dict[str, Any], lang: str) -> str:
    en = r.get("name_en")
    return str(en) if lang == "en" and isinstance(en, str) and en else str(r["name"])


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown(report: AnnualReport, lang: str = "nb") -> str:
    """Return the report as Markdown in ``lang`` (charts are left out: their figures are in the tables)."""
    lines: list[str] = []
    for b in blocks(report, lang):
        if b.kind == "h1":
            lines += [f"# {b.text}", ""]
        elif b.kind == "h2":
            lines += [f"## {b.text}", ""]
        elif b.kind == "p":
            lines += [b.text, ""]
        elif b.kind == "table":
            lines.append("| " + " | ".join(_md_cell(h) for h in b.header) + " |")
            lines.append("|" + "---|" * len(b.header))
            lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in b.rows]
            lines.append("")
    return "\n".join(lines)


def svg_chart(chart: dict[str, Any], alt: str, width: int = 480, height: int = 200) -> str:
    """Return an inline SVG line chart of an indicator's values by year, with its target as a dashed line."""
    series = chart["series"]
    target = chart.get("target")
    values = [v for _, v in series] + ([target] if target is not None and target == target else [])
    years = [y for y, _ in series] + ([int(chart["target_year"])] if chart.get("target_year") and chart["target_year"] == chart["target_year"] else [])
    lo, hi = min(values + [0.0]), max(values) or 1.0
    y0, y1 = min(years), max(years)
    pad = 30

    def x(year: int) -> float:
        return pad + (width - 2 * pad) * ((year - y0) / (y1 - y0) if y1 > y0 else 0.5)

    def y(v: float) -> float:
        return height - pad - (height - 2 * pad) * ((v - lo) / (hi - lo) if hi > lo else 0.5)

    points = " ".join(f"{x(yy):.1f},{y(v):.1f}" for yy, v in series)
    parts = [f'<svg role="img" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}"><title>{html.escape(alt)}</title>',
             f'<polyline fill="none" stroke="#1f5f8b" stroke-width="2" points="{points}"/>']
    for yy, v in series:
        parts.append(f'<circle cx="{x(yy):.1f}" cy="{y(v):.1f}" r="3" fill="#1f5f8b"/>'
                     f'<text x="{x(yy):.1f}" y="{height - 8}" font-size="11" text-anchor="middle">{yy}</text>')
    if target is not None and target == target:
        parts.append(f'<line x1="{pad}" x2="{width - pad}" y1="{y(target):.1f}" y2="{y(target):.1f}" '
                     'stroke="#b5452a" stroke-dasharray="6 4"/>')
    parts.append("</svg>")
    return "".join(parts)


def html_page(report: AnnualReport, lang: str = "nb") -> str:
    """Return the report as one self-contained, escaped HTML page in ``lang`` (no script, no outside address)."""
    body: list[str] = []
    title = ""
    for b in blocks(report, lang):
        if b.kind == "h1":
            title = b.text
            body.append(f"<h1>{html.escape(b.text)}</h1>")
        elif b.kind == "h2":
            body.append(f"<h2>{html.escape(b.text)}</h2>")
        elif b.kind == "p":
            body.append(f"<p>{html.escape(b.text)}</p>")
        elif b.kind == "table":
            head = "".join(f"<th>{html.escape(h)}</th>" for h in b.header)
            rows = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in b.rows)
            body.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
        elif b.kind == "chart" and b.chart:
            body.append(f"<figure>{svg_chart(b.chart, b.text)}<figcaption>{html.escape(b.text)}</figcaption></figure>")
    style = ("body{font-family:sans-serif;max-width:60rem;margin:2rem auto;color:#222}"
             "table{border-collapse:collapse;margin:0 0 1rem}td,th{border:1px solid #bbb;padding:.25rem .5rem;"
             "text-align:left;vertical-align:top}")
    return (f'<!DOCTYPE html>\n<html lang="{"nb" if lang == "nb" else "en"}"><head><meta charset="utf-8">'
            f"<title>{html.escape(title)}</title><style>{style}</style></head><body>{''.join(body)}</body></html>\n")
