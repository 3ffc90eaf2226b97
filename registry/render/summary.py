"""The council summary of the sister cities in the reader's language, as Markdown or printable HTML."""

from __future__ import annotations

import html
import re
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from .. import i18n, rules, vocab
from ..message import render
from ..network.graph import snapshot
from ..review import classify
from ..review.summary import CATEGORY_ORDER, CityCase, category_counts, gather
from .labels import agreement_label, category_label

__all__ = ["council_summary", "summary_for"]


# Only what Markdown would read as markup inside running text; dates, parentheses and
# full stops stay as they are, so the file reads well as plain text too.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_MD_LINE_START = re.compile(r"^(\s*)([#>+\-]|\d+\.)(\s)")


def _md(text: Any) -> str:
    """Return ``text`` on one line with Markdown's markup characters escaped."""
    out = _MD_SPECIAL.sub(r"\\\1", str(text)).replace("\n", " ")
    return _MD_LINE_START.sub(r"\1\\\2\3", out)


def _nok(amount: Any) -> str:
    """Return ``amount`` in whole kroner with thin-space thousands (as given when it is no number)."""
    try:
        return f"{int(amount):,}".replace(",", "\u202f")
    except (TypeError, ValueError):
        return str(amount)


def _city_title(case: CityCase, lang: str) -> str:
    """Return the sister city's name with its country in ``lang`` in parentheses, when known."""
    return _city_title_of(case.suggestion.city_name, case.suggestion.country_code, lang)


def _city_title_of(name: str, country_code: str | None, lang: str) -> str:
    country = i18n.country_name(country_code, lang) if country_code else ""
    return f"{name} ({country})" if country else name


def council_summary(
    cases: Iterable[CityCase], lang: str, fmt: str = "md", *, generated: date | None = None, ended: Sequence[classify.Ended] = ()
) -> str:
    """Return the printable summary for a council case: every sister city by assigned category, then the ended ones.

    Each city lists its assigned and suggested category, its status (suspended,
    with scope and re-review date), what the registry holds and when activity was
    last confirmed, the role, the reasons, notes, financing plan (plan and actual
    by year and funder, with totals) and decision history; ``ended`` twinnings
    follow under their own heading with the decision that ended them. ``fmt`` is
    'md' (Markdown) or 'html' (a self-contained page for printing). Every text
    from the registry is escaped for the format it goes into.
    """
    if fmt not in ("md", "html"):
        raise ValueError(f"unknown format {fmt!r}; use md or html")
    cases = list(cases)
    T = lambda key, **kw: i18n.t(key, lang, **kw)  # noqa: E731
    esc = _md if fmt == "md" else html.escape
    by_cat: dict[str, list[CityCase]] = {c: [] for c in (*CATEGORY_ORDER, classify.NO_DECISION)}
    for case in cases:
        by_cat.setdefault(case.suggestion.assigned_group, []).append(case)
    when = (generated or date.today()).isoformat()
    out: list[str] = []

    def heading(level: int, text: str) -> None:
        out.append(f"{'#' * level} {esc(text)}\n" if fmt == "md" else f"<h{level}>{esc(text)}</h{level}>")

    def para(text: str) -> None:
        out.append(f"{text}\n" if fmt == "md" else f"<p>{text}</p>")

    def items(lines: list[str]) -> None:
        if fmt == "md":
            out.append("\n".join(f"- {x}" for x in lines) + "\n")
        else:
            out.append("<ul>" + "".join(f"<li>{x}</li>" for x in lines) + "</ul>")

    def table(header: list[str], rows: list[list[str]]) -> None:
        if fmt == "md":
            out.append("| " + " | ".join(esc(h) for h in header) + " |")
            out.append("|" + "---|" * len(header))
            out.extend("| " + " | ".join(esc(c) for c in r) + " |" for r in rows)
            out.append("")
        else:
            head = "".join(f"<th>{esc(h)}</th>" for h in header)
            body = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in r) + "</tr>" for r in rows)
            out.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")

    heading(1, T("report.title"))
    para(esc(T("report.generated", date=when, n=len(cases))))
    para(esc(T("report.intro")))
    counts = category_counts([c.suggestion for c in cases])
    table(
        [T("col.category"), T("col.assigned"), T("col.suggested")],
        [[category_label(r.category, lang), str(r.assigned), str(r.suggested)] for r in counts.itertuples()],
    )
    heading(2, T("report.categories"))
    para(esc("«" + (rules.QUOTES["2c_categories"].nb if lang == "nb" else rules.QUOTES["2c_categories"].en) + "»"))
    definitions = [
        f"{esc(vocab.label('categories', c, lang))}: «{esc(rules.QUOTES[c].nb if lang == 'nb' else rules.QUOTES[c].en)}»"
        for c in ("project", "political_focus", "solidarity", "dormant")
    ]
    items(definitions + [esc(T("report.not_enough_data"))])
    if lang != "nb":
        para(esc(T("report.translation")))
    for cat in [c for c in by_cat if by_cat[c]]:
        heading(2, category_label(cat, lang))
        for case in by_cat[cat]:
            s = case.suggestion
            heading(3, _city_title(case, lang))
            suggested = vocab.label("categories", s.suggested, lang)
            if s.decided and s.agreement:  # nothing to compare without a decision or without a suggestion
                suggested += f" – {agreement_label(s.agreement, lang)}"
            facts = [
                f"{esc(T('report.since'))}: {esc(_since(s, lang))}",
                f"{esc(T('col.assigned'))}: {esc(category_label(s.assigned_group, lang))}"
                + (f" ({esc(s.assigned_on)})" if s.assigned_on else ""),
                f"{esc(T('col.suggested'))}: {esc(suggested)}",
            ]
            if s.status_message is not None:
                facts.append(f"{esc(T('report.status'))}: {esc(render(s.status_message, lang))}")
            facts += [
                f"{esc(T('report.state'))}: {esc(render(s.state_message, lang))}. {esc(render(s.last_message, lang))}",
                f"{esc(T('report.role'))}: {esc(render(s.role_message, lang))}",
                f"{esc(T('report.activities'))}: {len(s.activities)}",
            ]
            items(facts)
            para(f"**{esc(T('report.reasons'))}**" if fmt == "md" else f"<strong>{esc(T('report.reasons'))}</strong>")
            reasons = [esc(render(r.message, lang)) for r in s.because] or [esc(render(s.explanation_message, lang))]
            items(reasons + [esc(render(n.message, lang)) for n in s.notes])
            para(f"**{esc(T('report.plan'))}**" if fmt == "md" else f"<strong>{esc(T('report.plan'))}</strong>")
            by_funder = classify.financing_table(case.plan)
            if by_funder.empty:
                para(esc(T("report.no_plan")))
            else:
                sums = classify.financing_sums(case.plan)
                rows = [[str(r.year), _funder(r.funder, lang), _nok(r.planned), _nok(r.actual)] for r in by_funder.itertuples()]
                rows.append([T("report.total"), "", _nok(sums["planned"]), _nok(sums["actual"])])
                table([T("col.year"), T("col.funder"), T("report.planned_nok"), T("report.actual_nok")], rows)
            para(f"**{esc(T('report.decisions'))}**" if fmt == "md" else f"<strong>{esc(T('report.decisions'))}</strong>")
            if case.decisions.empty:
                para(esc(T("report.no_decisions")))
            else:
                table(
                    [T("col.decided_on"), T("col.category"), T("col.decided_by"), T("col.case_ref"), T("col.reason")],
                    [
                        [
                            str(r.decided_on),
                            vocab.label("categories", r.category, lang) if r.category else vocab.label("decision_kinds", r.kind, lang),
                            str(r.decided_by),
                            str(r.case_ref or ""),
                            str(r.reason) + _suspension(r, lang),
                        ]
                        for r in case.decisions.itertuples()
                    ],
                )
    if ended:
        heading(2, T("report.ended"))
        para(esc(T("report.ended_help")))
        items([f"{esc(_city_title_of(e.city_name, e.country_code, lang))}: {esc(render(e.message, lang))}" for e in ended])
    body = "\n".join(out)
    if fmt == "md":
        return body + "\n"
    return (
        f'<!DOCTYPE html><html lang="{"nb" if lang == "nb" else "en"}"><head><meta charset="utf-8">'
        f"<title>{esc(T('report.title'))}</title><style>"
        "body{font-family:Georgia,serif;max-width:48em;margin:2em auto;color:#111;line-height:1.4}"
        "h1{font-size:1.6em}h2{border-bottom:2px solid #333;margin-top:1.6em}h3{margin-bottom:.3em}"
        "table{border-collapse:collapse;margin:.4em 0 1em}td,th{border:1px solid #999;padding:.2em .5em;text-align:left;font-size:.9em}"
        "@media print{h2{page-break-before:auto}h3{page-break-after:avoid}}"
        f"</style></head><body>{body}</body></html>"
    )


def _since(s: classify.Suggestion, lang: str) -> str:
    """Return the year the tie started, with its certainty in ``lang`` unless sourced ('unknown' without one)."""
    # A year that is inferred or where sources conflict is said to be so, never printed as fact.
    if not s.start:
        return i18n.t("report.unknown", lang)
    if s.start_certainty in (None, "sourced"):
        return s.start
    return f"{s.start} ({vocab.label('certainties', s.start_certainty, lang).lower()})"


def _suspension(row: Any, lang: str) -> str:
    """Return what a suspension freezes and when it is to be reviewed, after its reason ('' for other decisions)."""
    if getattr(row, "kind", None) != "suspend_twinning":
        return ""
    scope = getattr(row, "scope", None) or i18n.render(i18n.Message("review.scope_unknown"), lang)
    review_on = getattr(row, "review_on", None) or i18n.render(i18n.Message("review.review_unknown"), lang)
    return " " + i18n.t("report.suspension", lang, scope=scope, review_on=review_on)


def _funder(funder: Any, lang: str) -> str:
    """Return the funder as written, or 'municipal' in ``lang`` for the municipality itself."""
    return i18n.t("report.municipal", lang) if str(funder).strip().lower() == rules.MUNICIPAL_FUNDER else str(funder)


def summary_for(conn: sqlite3.Connection, lang: str, fmt: str = "md", home_id: str | None = None) -> str:
    """Return :func:`council_summary` of the sister cities of ``home_id`` (default: the configured home) as of today,
    with the twinnings ended by then."""
    return council_summary(gather(conn, home_id=home_id), lang, fmt, ended=classify.ended(snapshot(conn), home_id=home_id))
