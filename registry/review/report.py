"""The council summary of the sister cities, and the small tallies the overview shows.

:func:`council_summary` lists every sister city by its assigned category with the
suggested category, the reasons, the financing plan and the decision history,
as Markdown or as printable HTML. Every text from the registry is escaped for
the format it goes into.
"""

from __future__ import annotations

import html
import re
import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Any, Iterable, Sequence

import pandas as pd

from . import classify
from .. import i18n, rules, vocab
from ..graph import snapshot

__all__ = [
    "CATEGORY_ORDER",
    "category_counts",
    "Review",
    "review",
    "findings_frame",
    "urgent_findings",
    "severity_label",
    "finding_title",
    "finding_help",
    "finding_group",
    "filter_findings",
    "CityCase",
    "gather",
    "council_summary",
    "summary_for",
]

#: The order of the council's categories in every table and in the summary (strategy 2c, then undecided).
CATEGORY_ORDER: tuple[str, ...] = tuple(t.code for t in vocab.CATEGORIES)
_SEVERITY_RANK = {code: i for i, (code, _, _) in enumerate(rules.SEVERITIES)}


def category_counts(suggestions: Sequence[classify.Suggestion]) -> pd.DataFrame:
    """Return how many sister cities are assigned and suggested each category (columns category, assigned, suggested).

    >>> int(category_counts([])["assigned"].sum())
    0
    """
    assigned = {c: 0 for c in CATEGORY_ORDER}
    suggested = dict(assigned)
    for s in suggestions:
        assigned[s.assigned] = assigned.get(s.assigned, 0) + 1
        suggested[s.suggested] = suggested.get(s.suggested, 0) + 1
    cats = list(assigned)
    return pd.DataFrame({"category": cats, "assigned": [assigned[c] for c in cats], "suggested": [suggested[c] for c in cats]})


_FINDING_COLUMNS = [
    "kind", "subject", "subject_name", "subject_name_en", "severity", "score", "explanation_nb", "explanation_en", "evidence",
]
# Subject names the analysis writes as Norwegian text rather than as entity names: (pattern, English text).
_SUBJECTS_EN = ((re.compile(r"(\d+) vennskapsbyer"), "{0} sister cities"),)


def _subject_names_en(found: pd.DataFrame, graph: Any, documentation: pd.DataFrame | None) -> list[str]:
    """Return the English subject name of each finding (``subject_name`` is the Norwegian one).

    A subject of entity ids (``a;b``, ``country:XX``) or a tie gets each entity's
    English name in place of its Norwegian one; a documentation gap its English sentence.
    """
    docs = dict(zip(documentation["measure"], documentation["text_en"])) if documentation is not None and len(documentation) else {}

    def names(n: str) -> tuple[str, str] | None:
        if n.startswith("country:"):
            return i18n.country_name(n[8:], "nb"), i18n.country_name(n[8:], "en")
        if n not in graph:
            return None
        a = graph.nodes[n]
        nb = a.get("name") or n
        return nb, a.get("name_en") or nb

    ends: dict[str, tuple[str, str]] = {}
    out = []
    for kind, subject, name in zip(found["kind"], found["subject"], found["subject_name"]):
        name = "" if name is None or name != name else str(name)
        if kind == "documentation_gap" and subject in docs:
            out.append(docs[subject])
            continue
        parts = str(subject).split(";")
        if kind == "undocumented_tie":  # the subject is a tie: its two ends are named
            if not ends:
                ends.update((k, (u, v)) for u, v, k in graph.edges(keys=True))
            parts = list(ends.get(str(subject), parts))
        pairs = [names(part) for part in parts]
        if all(pairs):
            for nb, en in sorted(pairs, key=lambda p: -len(p[0])):  # type: ignore[index]
                name = name.replace(nb, en)
        for pattern, en in _SUBJECTS_EN:
            m = pattern.fullmatch(name)
            if m:
                name = en.format(*m.groups())
        out.append(name)
    return out


@dataclass(frozen=True)
class Review:
    """The analysis as the app shows it: every finding, the per-kind summary, the coverage matrices.

    ``summary`` has one row per finding kind (``kind``, ``count``, ``method``,
    ``note_nb``, ``note_en``); the matrices are sister city × sector and sister
    city × local-actor kind. All are empty when the analysis is not available.
    """

    findings: pd.DataFrame
    summary: pd.DataFrame
    sector_matrix: pd.DataFrame
    actor_matrix: pd.DataFrame
    home_id: str | None = None  # the municipality the analysis is for


def _sorted(df: pd.DataFrame) -> pd.DataFrame:
    rank = df["severity"].map(lambda s: _SEVERITY_RANK.get(s, 99))
    return df.assign(_r=rank).sort_values("_r", kind="stable").drop(columns="_r").reset_index(drop=True)


def review(
    conn: sqlite3.Connection, as_of: date | int | None = None, home_id: str | None = None, *, audit_log: bool = True
) -> Review:
    """Return the :class:`Review` of the registry as of ``as_of`` (default today), most severe findings first.

    The findings come from :func:`registry.analysis.analyse` for the home
    municipality ``home_id`` (default: the configured home), one run for all
    kinds, followed by the integrity check's errors and warnings (kind 'integrity').
    Without ``audit_log`` the check does not replay the audit log (rows written
    past the library are not looked for): about a second less at 10,000 entities.
    """
    frames = []
    empty = pd.DataFrame()
    summary, sectors, actors = empty, empty, empty
    home = None
    try:
        from .. import analysis  # the gaps-and-overlaps analysis
    except ImportError:  # pragma: no cover - only while the analysis module is missing
        analysis = None  # type: ignore[assignment]
    snap = snapshot(conn)
    documentation = None
    if analysis is not None:
        result = analysis.analyse(snap, as_of=as_of, options=analysis.Options(home_id=home_id))
        home = result.home_id
        documentation = result.documentation
        frames.append(result.all())
        summary, sectors, actors = result.summary, result.sector_matrix, result.actor_matrix
    from ..checks import check

    frames.append(pd.DataFrame(
        [
            {
                "kind": "integrity", "subject": f.row_id, "subject_name": f.row_id, "subject_name_en": f.row_id,
                "severity": "high" if f.level == "error" else "info", "score": None,
                "explanation_nb": f"{i18n.table_label(f.table, 'nb')} {f.row_id}: {f.text('nb')}",
                "explanation_en": f"{i18n.table_label(f.table, 'en')} {f.row_id}: {f.text('en')}",
                "evidence": f.row_id,
            }
            for f in check(conn, audit_log=audit_log)
        ],
        columns=_FINDING_COLUMNS,
    ))
    found = pd.concat([f for f in frames if len(f)], ignore_index=True) if any(len(f) for f in frames) else pd.DataFrame(columns=_FINDING_COLUMNS)
    found["subject_name_en"] = _subject_names_en(found, snap.graph, documentation) if len(found) else []
    return Review(_sorted(found[_FINDING_COLUMNS]), summary, sectors, actors, home)


def findings_frame(conn: sqlite3.Connection, home_id: str | None = None) -> pd.DataFrame:
    """Return every finding of :func:`review` for ``home_id``, most severe first (the table the gaps page downloads)."""
    return review(conn, home_id=home_id).findings


def urgent_findings(findings: pd.DataFrame, limit: int = 8, per_kind: int = 2) -> pd.DataFrame:
    """Return up to ``limit`` findings of ``findings`` (most severe first), at most ``per_kind`` of each kind.

    Findings only 'for information' are left out. Each kind's first finding is
    chosen before any kind's second, so the list shows different kinds rather
    than eight rows that say one thing; the rows keep their order.
    """
    keep = findings[findings["severity"] != "info"].reset_index(drop=True)
    nth = keep.groupby("kind", sort=False).cumcount()
    chosen = nth[nth < per_kind].sort_values(kind="stable").head(limit).index
    return keep.loc[sorted(chosen)].reset_index(drop=True)


def _pick(triples: Iterable[tuple[str, str, str]], code: str, lang: str) -> str:
    # Codes declared as (code, label_nb, label_en): the label in ``lang``, or the code itself.
    for c, nb, en in triples:
        if c == code:
            return nb if lang == "nb" else en
    return code


def severity_label(code: str, lang: str) -> str:
    """Return the label of a severity code in ``lang``."""
    return _pick(rules.SEVERITIES, code, lang)


def finding_title(kind: str, lang: str) -> str:
    """Return the title of a finding kind in ``lang`` (the code itself when unknown)."""
    try:
        k = rules.finding_kind(kind)
    except KeyError:
        return i18n.t("report.integrity", lang) if kind == "integrity" else kind
    return k.title_nb if lang == "nb" else k.title_en


def finding_help(kind: str, lang: str) -> str:
    """Return what a finding kind means, in ``lang`` ('' when unknown)."""
    try:
        k = rules.finding_kind(kind)
    except KeyError:
        return i18n.t("report.integrity_help", lang) if kind == "integrity" else ""
    return k.help_nb if lang == "nb" else k.help_en


def finding_group(kind: str) -> str:
    """Return the group of a finding kind: 'gap', 'overlap' or 'opportunity' ('gap' when unknown)."""
    try:
        return rules.finding_kind(kind).group
    except KeyError:
        return "gap"


def filter_findings(
    findings: pd.DataFrame,
    lang: str,
    *,
    groups: Iterable[str] = (),
    kinds: Iterable[str] = (),
    severities: Iterable[str] = (),
    text: str = "",
) -> pd.DataFrame:
    """Return the findings in the given groups, kinds and severities whose subject or explanation contains ``text``.

    Empty selections mean 'all'; the text match ignores case and uses the explanation in ``lang``.

    >>> df = pd.DataFrame({"kind": ["isolated", "opportunity"], "subject": ["a", "b"], "subject_name": ["A", "B"],
    ...                    "severity": ["low", "high"], "explanation_nb": ["x", "y"], "explanation_en": ["x", "y"]})
    >>> filter_findings(df, "en", groups=["opportunity"])["subject"].tolist()
    ['b']
    """
    groups, kinds, severities = set(groups), set(kinds), set(severities)
    keep = pd.Series(True, index=findings.index)
    if groups:
        keep &= findings["kind"].map(finding_group).isin(groups)
    if kinds:
        keep &= findings["kind"].isin(kinds)
    if severities:
        keep &= findings["severity"].isin(severities)
    needle = text.strip().casefold()
    if needle:
        hay = (findings["subject_name"].astype(str) + " " + findings[f"explanation_{'nb' if lang == 'nb' else 'en'}"].astype(str)).str.casefold()
        keep &= hay.str.contains(needle, regex=False)
    return findings[keep].reset_index(drop=True)


@dataclass(frozen=True)
class CityCase:
    """One sister city as the council sees it: the suggestion, its financing plan and decisions."""

    suggestion: classify.Suggestion
    start: str | None
    plan: pd.DataFrame
    decisions: pd.DataFrame


def gather(conn: sqlite3.Connection, as_of: date | int | None = None, home_id: str | None = None) -> list[CityCase]:
    """Return one :class:`CityCase` per sister city of ``home_id`` (default: the configured home) counting on ``as_of``, by name."""
    snap = snapshot(conn)
    out = []
    for s in classify.suggest(snap, as_of=as_of, home_id=home_id):
        attrs = snap.graph.edges[s.home_id, s.city_id, s.tie_id] if snap.graph.has_edge(s.home_id, s.city_id, s.tie_id) else {}
        out.append(CityCase(s, attrs.get("start"), classify.financing_plan(conn, s.tie_id), classify.decision_history(conn, s.tie_id)))
    return out


# Only what Markdown would read as markup inside running text; dates, parentheses and
# full stops stay as they are, so the file reads well as plain text too.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_MD_LINE_START = re.compile(r"^(\s*)([#>+\-]|\d+\.)(\s)")


def _md(text: Any) -> str:
    out = _MD_SPECIAL.sub(r"\\\1", str(text)).replace("\n", " ")
    return _MD_LINE_START.sub(r"\1\\\2\3", out)


def _nok(amount: Any) -> str:
    try:
        return f"{int(amount):,}".replace(",", "\u202f")
    except (TypeError, ValueError):
        return str(amount)


def _city_title(case: CityCase, lang: str) -> str:
    s = case.suggestion
    country = i18n.country_name(s.country_code, lang) if s.country_code else ""
    return f"{s.city_name} ({country})" if country else s.city_name


def council_summary(cases: Iterable[CityCase], lang: str, fmt: str = "md", *, generated: date | None = None) -> str:
    """Return the printable summary for a council case: every sister city by assigned category.

    Each city lists its assigned and suggested category, the reasons, notes,
    financing plan (with yearly totals) and decision history. ``fmt`` is 'md'
    (Markdown) or 'html' (a self-contained page for printing).
    """
    if fmt not in ("md", "html"):
        raise ValueError(f"unknown format {fmt!r}; use md or html")
    cases = list(cases)
    T = lambda key, **kw: i18n.t(key, lang, **kw)  # noqa: E731
    esc = _md if fmt == "md" else html.escape
    by_cat: dict[str, list[CityCase]] = {c: [] for c in CATEGORY_ORDER}
    for case in cases:
        by_cat.setdefault(case.suggestion.assigned, []).append(case)
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
        [[vocab.label("categories", r.category, lang), str(r.assigned), str(r.suggested)] for r in counts.itertuples()],
    )
    heading(2, T("report.categories"))
    definitions = [
        f"{esc(vocab.label('categories', c, lang))}: «{esc(rules.QUOTES[c].nb if lang == 'nb' else rules.QUOTES[c].en)}»"
        for c in ("project", "political_focus", "solidarity", "dormant")
    ]
    items(definitions + [esc(T("report.not_enough_data"))])
    if lang != "nb":
        para(esc(T("report.translation")))
    for cat in [c for c in by_cat if by_cat[c]]:
        heading(2, vocab.label("categories", cat, lang))
        for case in by_cat[cat]:
            s = case.suggestion
            heading(3, _city_title(case, lang))
            suggested = vocab.label("categories", s.suggested, lang)
            if s.agreement != "unclassified":
                suggested += f" – {_agreement(s.agreement, lang)}"
            last = s.last_contact
            contact = (f"{last.start} {vocab.label('activity_kinds', last.kind, lang).lower()}: {last.title} ({last.source})"
                       if last is not None else T("report.no_contact"))
            facts = [
                f"{esc(T('report.since'))}: {esc(_since(s, lang))}",
                f"{esc(T('col.assigned'))}: {esc(vocab.label('categories', s.assigned, lang))}"
                + (f" ({esc(s.assigned_on)})" if s.assigned_on else ""),
                f"{esc(T('col.suggested'))}: {esc(suggested)}",
                f"{esc(T('report.role'))}: {esc(s.role_text(lang))}",
                f"{esc(T('report.last_contact'))}: {esc(contact)}",
                f"{esc(T('report.activities'))}: {len(s.activities)}",
            ]
            items(facts)
            para(f"**{esc(T('report.reasons'))}**" if fmt == "md" else f"<strong>{esc(T('report.reasons'))}</strong>")
            reasons = [esc(r.text(lang)) for r in s.because] or [esc(s.explanation(lang))]
            items(reasons + [esc(n.text(lang)) for n in s.notes])
            para(f"**{esc(T('report.plan'))}**" if fmt == "md" else f"<strong>{esc(T('report.plan'))}</strong>")
            if case.plan.empty:
                para(esc(T("report.no_plan")))
            else:
                rows = [[str(r.year), _funder(r.funder, lang), _nok(r.amount), str(r.purpose)] for r in case.plan.itertuples()]
                totals = classify.financing_totals(case.plan)
                rows += [[f"{T('report.total')} {r.year}", f"{T('report.municipal')} {_nok(r.municipal)} / {T('report.external')} {_nok(r.external)}", _nok(r.total), ""] for r in totals.itertuples()]
                table([T("col.year"), T("col.funder"), T("col.amount_nok"), T("col.purpose")], rows)
            para(f"**{esc(T('report.decisions'))}**" if fmt == "md" else f"<strong>{esc(T('report.decisions'))}</strong>")
            if case.decisions.empty:
                para(esc(T("report.no_decisions")))
            else:
                table(
                    [T("col.decided_on"), T("col.category"), T("col.decided_by"), T("col.case_ref"), T("col.reason")],
                    [[str(r.decided_on), vocab.label("categories", r.category, lang) if r.category else
                      vocab.label("decision_kinds", r.kind, lang), str(r.decided_by), str(r.case_ref or ""), str(r.reason)]
                     for r in case.decisions.itertuples()],
                )
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
    # A year that is inferred or where sources conflict is said to be so, never printed as fact.
    if not s.start:
        return i18n.t("report.unknown", lang)
    if s.start_certainty in (None, "sourced"):
        return s.start
    return f"{s.start} ({vocab.label('certainties', s.start_certainty, lang).lower()})"


def _agreement(code: str, lang: str) -> str:
    return _pick(rules.AGREEMENTS, code, lang)


def _funder(funder: Any, lang: str) -> str:
    return i18n.t("report.municipal", lang) if str(funder).strip().lower() == rules.MUNICIPAL_FUNDER else str(funder)


def summary_for(conn: sqlite3.Connection, lang: str, fmt: str = "md", home_id: str | None = None) -> str:
    """Return :func:`council_summary` of the sister cities of ``home_id`` (default: the configured home) as of today."""
    return council_summary(gather(conn, home_id=home_id), lang, fmt)
