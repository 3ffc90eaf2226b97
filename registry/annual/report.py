"""The annual report as a :class:`registry.documents.Document`: the year's facts in order, every text from i18n.

One document, written by the shared writers of :mod:`registry.documents` as Markdown,
self-contained HTML or Word; the indicator charts are :class:`~registry.documents.Chart`
blocks each writer draws (SVG in HTML, PNG in Word).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from .. import cells, i18n, vocab
from ..documents import FORMATS, write
from ..documents.model import Block, Chart, Document, Heading, Paragraph, Table
from ..i18n import Message, render
from ..review import strategy_view as strategy
from .facts import AnnualReport, annual_report, kind_counts

__all__ = ["number", "build_report", "annual_document", "report_bytes", "report_filename"]


def number(value: Any, lang: str) -> str:
    """Return a number for the report: thousands grouped (a non-breaking space in nb), '–' when unknown.

    >>> number(1500000, "nb"), number(12.5, "en"), number(None, "en")
    ('1\\xa0500\\xa0000', '12.5', '–')
    """
    if cells.missing(value):
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


def _name(row: dict[str, Any], lang: str) -> str:
    en = row.get("name_en")
    return str(en) if lang == "en" and isinstance(en, str) and en else str(row["name"])


def _cell(value: Any) -> str:
    return cells.text(value)


def _date(value: Any, lang: str) -> str:
    return i18n.long_date(_cell(value) or None, lang)


def _signed(n: int, lang: str) -> str:
    return ("+" if n > 0 else "") + number(n, lang)


def _by_point(report: AnnualReport, lang: str) -> list[list[str]]:
    titles = {t.code: (t.label_nb if lang == "nb" else t.label_en) for t in vocab.STRATEGY_POINTS}
    items = report.items[lang]
    rows = []
    for term in vocab.STRATEGY_POINTS:
        mine = items[items["point"] == term.code]
        if len(mine):
            rows.append([term.code, titles[term.code], "; ".join(f"{r['title']} ({r['id']})" for r in mine.to_dict("records"))])
    return rows


def build_report(report: AnnualReport, lang: str = "nb") -> Document:
    """Return the :class:`~registry.documents.Document` of ``report`` in ``lang`` ('nb' or 'en').

    Sections in order: summary and change from the year before, the work point by point,
    activities by kind and sector, visits and delegations, the action plan, indicators (a table,
    then a chart per indicator with values), agreements, decisions, money by funder, and the points
    with nothing registered. Every table has a column of the ids of the rows it counts.
    """
    y, home = report.year, report.home_names[0 if lang == "nb" else 1]
    c, p = report.counts, report.previous
    blocks: list[Block] = [
        Paragraph.of(_t("annual.intro", lang, year=y)),
        Paragraph.of(
            _t(
                "annual.summary",
                lang,
                year=y,
                activities=c["activities"],
                agreements=c["agreements"],
                decisions=c["decisions"],
                plan=number(c["plan"], lang),
                actual=number(c["actual"], lang),
            )
        ),
        Paragraph.of(
            _t(
                "annual.changes",
                lang,
                previous_year=y - 1,
                activities=_signed(c["activities"] - p["activities"], lang),
                agreements=_signed(c["agreements"] - p["agreements"], lang),
                decisions=_signed(c["decisions"] - p["decisions"], lang),
                plan=_signed(c["plan"] - p["plan"], lang),
                actual=_signed(c["actual"] - p["actual"], lang),
            )
        ),
    ]
    none = Paragraph.of(_t("annual.none", lang, year=y))

    def section(key: str) -> None:
        blocks.append(Heading(1, _t(f"annual.h.{key}", lang)))

    def table(heads: Iterable[str], rows: list[list[str]]) -> Block:
        return Table.of([_t(f"annual.col.{h}", lang) for h in heads], rows) if rows else none

    section("by_point")
    blocks.append(table(("point", "title", "done"), _by_point(report, lang)))

    acts = report.activities
    section("activities")
    blocks.append(
        table(
            ("kind", "count", "ids"),
            [
                [vocab.label("activity_kinds", k, lang), str(n), ";".join(acts.loc[acts["kind"] == k, "id"])]
                for k, n in kind_counts(acts, "kind", "activity_kinds")
            ],
        )
    )
    sectors = kind_counts(acts, "sectors", "sectors")
    if sectors:
        blocks.append(table(("sector", "count"), [[vocab.label("sectors", k, lang), str(n)] for k, n in sectors]))
    trips = acts[acts["kind"].isin(("visit", "delegation"))]
    section("delegations")
    blocks.append(
        table(
            ("title", "date", "purpose", "cost", "ids"),
            [
                [_title(r, lang), _date(r["start"], lang), _cell(r["purpose"]), number(r["cost_nok"], lang), r["id"]]
                for r in trips.to_dict("records")
            ],
        )
    )

    section("actions")
    blocks.append(
        table(
            ("title", "status", "points", "responsible", "ids"),
            [
                [_title(r, lang), vocab.label("action_statuses", r["status"], lang), _cell(r["points"]), _cell(r["responsible"]), r["id"]]
                for r in report.actions.to_dict("records")
            ],
        )
    )

    section("indicators")
    inds = report.indicators.to_dict("records")
    blocks.append(
        table(
            ("indicator", "unit", "baseline", "target", "series", "reached", "ids"),
            [
                [
                    _name(r, lang),
                    _cell(r["unit"]),
                    f"{number(r['baseline'], lang)} ({_cell(r['baseline_year'])})"
                    if r["baseline"] is not None and r["baseline"] == r["baseline"]
                    else "–",
                    _t("annual.target_by", lang, target=number(r["target"], lang), year=_cell(r["target_year"])),
                    _series(r["series"], lang) or "–",
                    "–" if r["reached"] is None else _t("annual.yes" if r["reached"] else "annual.no", lang),
                    r["id"],
                ]
                for r in inds
            ],
        )
    )
    for r in inds:
        if r["series"]:
            target = r["target"] if r["target"] is not None and r["target"] == r["target"] else None
            blocks.append(
                Chart(
                    points=tuple((int(yy), float(v)) for yy, v in r["series"]),
                    target=target,
                    alt=_t(
                        "annual.chart_values",
                        lang,
                        name=_name(r, lang),
                        series=_series(r["series"], lang),
                        target=_t("annual.target_by", lang, target=number(target, lang), year=_cell(r["target_year"])),
                    ),
                    caption=_t("annual.chart_alt", lang, name=_name(r, lang)),
                )
            )

    section("agreements")
    blocks.append(
        table(
            ("title", "event", "date", "ids"),
            [
                [_title(r, lang), _t(f"annual.event.{r['event']}", lang), _date(r["on"], lang), r["id"]]
                for r in report.agreements.to_dict("records")
            ],
        )
    )

    section("decisions")
    blocks.append(
        table(
            ("date", "body", "case", "title", "ids"),
            [
                [
                    _date(r["decided_on"], lang),
                    _cell(r["decided_by"]),
                    _cell(r["case_ref"]),
                    _title(r, lang) or vocab.label("decision_kinds", r["kind"], lang),
                    str(r["id"]),
                ]
                for r in report.decisions.to_dict("records")
            ],
        )
    )

    money = report.money
    section("money")
    rows = [
        [
            _t("annual.municipal", lang) if r["funder"] == "municipal" else r["funder"],
            number(r["plan"], lang),
            number(r["actual"], lang),
            r["line_ids"],
        ]
        for r in money.to_dict("records")
    ]
    if rows:
        rows.append([_t("annual.total", lang), number(int(money["plan"].sum()), lang), number(int(money["actual"].sum()), lang), ""])
    blocks.append(table(("funder", "plan", "actual", "ids"), rows))

    section("nothing")
    empty, planned = strategy.unserved_points(report.points), strategy.planned_points(report.points)
    if empty:
        blocks.append(Paragraph.of(_t("annual.nothing_points", lang, points=", ".join(empty))))
    if planned:
        blocks.append(Paragraph.of(_t("annual.planned_points", lang, points=", ".join(planned))))
    blocks.append(Paragraph.of(_t("annual.caveat", lang)))
    return Document(title=_t("annual.title", lang, year=y, home=home), lang=lang, blocks=tuple(blocks))


def _series(series: Iterable[tuple[int, float]], lang: str) -> str:
    return ", ".join(f"{yy}: {number(v, lang)}" for yy, v in series)


def annual_document(conn: sqlite3.Connection, year: int, lang: str = "nb", home_id: str | None = None) -> Document:
    """Return the annual report of ``year`` as a :class:`~registry.documents.Document` in ``lang``."""
    return build_report(annual_report(conn, year, home_id=home_id), lang)


def report_bytes(conn: sqlite3.Connection, year: int, fmt: str = "md", lang: str = "nb", home_id: str | None = None) -> bytes:
    """Return the annual report of ``year`` as the bytes of one file in ``fmt`` ('md', 'html' or 'docx') and ``lang``.

    The CLI writes these bytes and the app offers them for download: one document, whichever door it
    leaves by. Raises ValueError for another format.
    """
    if fmt not in FORMATS:  # before the year's facts are gathered for nothing
        raise ValueError(f"unknown report format {fmt!r}; use one of {', '.join(FORMATS)}")
    return write(annual_document(conn, year, lang, home_id), fmt, page_label=_t("annual.page", lang))


def report_filename(year: int, fmt: str, lang: str) -> str:
    """Return the file name a report is saved under, e.g. 'arsrapport-internasjonalt-2025.docx'.

    >>> report_filename(2025, "docx", "nb"), report_filename(2025, "md", "en")
    ('arsrapport-internasjonalt-2025.docx', 'annual-report-international-2025.md')
    """
    stem = "arsrapport-internasjonalt" if lang == "nb" else "annual-report-international"
    return f"{stem}-{year}.{fmt}"
