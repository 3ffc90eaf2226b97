"""The council case on the sister cities (saksframlegg): the review's facts as a document the office can table.

Structure as a Norwegian municipality writes a case: *Saken gjelder*; *Bakgrunn*
(strategy 2c in its own words, the history of each relation with its sources and
dates); *Vurdering* per city (activity by year and sector, the role and who carries
the contact, the financing plan, what the evidence shows, and the options —
continue in a category, change it, freeze, end — each with what the registry shows
for and against and what it obliges); *Økonomiske konsekvenser*; and *Forslag til
vedtak* left for the administration to choose. Facts come from
:mod:`.case_facts`; every text from :mod:`registry.i18n`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date

from .. import i18n, vocab
from ..i18n import Message, render
from ..i18n.case import STRATEGY_2C, STRATEGY_2C_CATEGORIES, STRATEGY_WORDS
from . import write
from .case_facts import CATEGORIES, CaseFacts, CityFacts, case_facts
from .case_options import nok, options_for
from .model import Block, BulletList, Document, Heading, Inline, Link, Paragraph, Quote, Strong, Table

__all__ = ["build_case", "case_document", "case_bytes", "case_filename"]

#: The day the strategy was adopted (bystyret), cited under its words.
STRATEGY_ADOPTED = date(2010, 1, 28)


def _t(key: str, lang: str, **kw: object) -> str:
    return i18n.t(key, lang, **kw)


def _r(code: str, lang: str, **params: object) -> str:
    return render(Message(code, params), lang)


def _sentence(text: str) -> str:
    """Return free text as a sentence that ends with a full stop (so what follows it reads as the next one)."""
    text = str(text or "").strip()
    return text if not text or text[-1] in ".!?…" else text + "."


def _sources(text: str | None) -> list[Inline]:
    """Return a source field as links (one per address; several are separated by ';'), text where no address."""
    parts = [p.strip() for p in str(text or "").split(";") if p.strip()]
    out: list[Inline] = []
    for i, p in enumerate(parts):
        if i:
            out.append("; ")
        out.append(Link(p, p) if p.lower().startswith(("http://", "https://")) else p)
    return out


def _city_title(c: CityFacts, lang: str) -> str:
    country = i18n.country_name(c.country_code, lang) if c.country_code else ""
    return f"{c.name(lang)} ({country})" if country else c.name(lang)


def _when(c: CityFacts, lang: str) -> str:
    if not c.start:
        return _t("case.unknown", lang)
    certainty = c.start_certainty
    note = f" ({vocab.label('certainties', certainty, lang).lower()})" if certainty and certainty != "sourced" else ""
    return _r("casefact.since_value", lang, when=i18n.long_date(c.start, lang), certainty=note)


def _activity_date(a, lang: str) -> str:
    if not a.start:
        return _t("case.undated", lang)
    text = i18n.long_date(a.start, lang)
    if a.end and a.end != a.start:
        text += f"–{i18n.long_date(a.end, lang)}"
    elif a.ongoing:
        ongoing = (
            _r("casefact.ongoing", lang, verified=i18n.long_date(a.verified_on, lang))
            if a.verified_on
            else _r("casefact.ongoing_unconfirmed", lang)
        )
        text += f" – {ongoing}"
    return text


def _activity_table(city: CityFacts, lang: str) -> Block:
    """Activity counts by year (rows) and sector (columns); an activity with several sectors counts in each."""
    sectors = [s.code for s in vocab.SECTORS if any(s.code in a.sectors for a in city.activities)]
    known = set(sectors)
    unsectored = any(not (set(a.sectors) & known) for a in city.activities)
    years: dict[str, list] = {}
    for a in sorted(city.activities, key=lambda a: (a.year is None, a.year or 0)):
        years.setdefault(str(a.year) if a.year is not None else _t("case.undated", lang), []).append(a)
    header = [_t("col.year", lang), *(vocab.label("sectors", s, lang) for s in sectors)]
    header += [_t("case.no_sector", lang)] if unsectored else []
    header.append(_t("case.total", lang))
    rows = []
    for year, acts in years.items():
        row: list[Inline] = [year, *(str(sum(1 for a in acts if s in a.sectors) or "") for s in sectors)]
        if unsectored:
            row.append(str(sum(1 for a in acts if not (set(a.sectors) & known)) or ""))
        row.append(str(len(acts)))
        rows.append(row)
    return Table.of(header, rows, caption=_t("case.by_year_note", lang))


def _plan_blocks(city: CityFacts, lang: str) -> list[Block]:
    if not city.plan:
        return [Paragraph.of(_t("case.no_plan", lang))]
    lines = Table.of(
        [
            _t("col.year", lang),
            _t("case.col_kind", lang),
            _t("col.funder", lang),
            _t("col.amount", lang),
            _t("col.currency", lang),
            _t("col.purpose", lang),
            _t("col.source", lang),
        ],
        [
            [
                str(p.year),
                vocab.label("budget_kinds", p.kind, lang),
                _t("case.municipal", lang) if p.municipal else p.funder,
                nok(p.amount),
                p.currency,
                p.purpose,
                _sources(p.source) or "",
            ]
            for p in city.plan
        ],
    )
    totals = Table.of(
        [_t("col.year", lang), _t("case.col_municipal", lang), _t("case.col_external", lang), _t("case.total", lang)],
        [[str(t.year), nok(t.municipal), nok(t.external), nok(t.total)] for t in city.totals],
        caption=_t("case.plan_totals", lang),
    )
    return [lines, totals] if city.totals else [lines]


def _history(city: CityFacts, lang: str) -> list[Block]:
    blocks: list[Block] = [Heading(3, _city_title(city, lang))]
    source = _sources(city.tie_source) or [_t("case.no_source", lang)]
    blocks.append(
        Paragraph.of(Strong(_t("case.since", lang) + ": "), _when(city, lang), ". ", Strong(_t("case.tie_source", lang) + ": "), *source)
    )
    deal = city.agreement
    if deal is not None:
        certainty = deal.signed_certainty
        signed = i18n.long_date(deal.signed_on, lang) if deal.signed_on else _t("case.unknown", lang)
        if certainty and certainty != "sourced" and deal.signed_on:
            signed += f" ({vocab.label('certainties', certainty, lang).lower()})"
        runs: list[Inline] = [
            Strong(_t("case.agreement", lang) + ": "),
            _r("casefact.agreement_line", lang, kind=deal.kind, title=deal.title_in(lang), signed=signed),
        ]
        if deal.document_url:
            runs += [" ", Link(_t("case.document", lang), deal.document_url)]
        runs += [" (", *(_sources(deal.source) or [_t("case.no_source", lang)]), ")"]
        blocks.append(Paragraph(tuple(runs)))
    else:
        blocks.append(Paragraph.of(Strong(_t("case.agreement", lang) + ": "), _t("case.no_agreement", lang)))
    blocks.append(Paragraph.of(Strong(_t("case.decisions", lang))))
    if city.decisions:
        items = []
        for d in city.decisions:
            title = d.title_nb if lang == "nb" and d.title_nb else d.title
            what = (
                vocab.label("categories", d.category, lang)
                if d.kind == "category" and d.category
                else title or vocab.label("decision_kinds", d.kind, lang)
            )
            line = _r(
                "casefact.decision_line",
                lang,
                date=i18n.long_date(d.decided_on, lang),
                body=d.decided_by,
                ref=f" ({d.case_ref})" if d.case_ref else "",
                what=what,
                reason=_sentence(d.reason),
            )
            if d.scope:
                line += " " + _r("casefact.decision_scope", lang, scope=d.scope)
            if d.review_on:
                line += " " + _r("casefact.decision_review", lang, date=i18n.long_date(d.review_on, lang))
            src = _sources(d.source)
            items.append([line, *([" ", *src] if src else [])])
        blocks.append(BulletList.of(items))
    else:
        blocks.append(Paragraph.of(_t("case.no_decisions", lang)))
    blocks.append(Paragraph.of(Strong(_t("case.activities", lang))))
    if city.activities:
        ordered = sorted(city.activities, key=lambda a: (a.start is None, str(a.start or "")))
        blocks.append(
            BulletList.of(
                [
                    [
                        _r("casefact.activity_line", lang, date=_activity_date(a, lang), kind=a.kind, title=a.title_in(lang)),
                        " (",
                        *(_sources(a.source) or [_t("case.no_source", lang)]),
                        ")",
                    ]
                    for a in ordered
                ]
            )
        )
    else:
        blocks.append(Paragraph.of(_t("case.no_activities", lang)))
    return blocks


def _state_text(city: CityFacts, facts: CaseFacts, lang: str) -> str:
    s = city.state
    last = str(s.last_year) if s.last_year else _t("case.unknown", lang)
    if s.kind == "points_to":
        return _r("casefact.state_points_to", lang, category=vocab.label("categories", s.category, lang).lower())
    if s.kind == "quiet":
        return _r("casefact.state_quiet", lang, years=facts.window_years, last=last)
    if s.kind == "not_enough_data":
        return _r("casefact.state_not_enough", lang, n=s.records, undated=s.undated)
    return _r("casefact.state_no_fit", lang, last=last)


def _assessment(city: CityFacts, facts: CaseFacts, lang: str) -> list[Block]:
    blocks: list[Block] = [Heading(2, _city_title(city, lang)), Heading(3, _t("case.by_year", lang))]
    blocks.append(_activity_table(city, lang) if city.activities else Paragraph.of(_t("case.no_activities", lang)))
    blocks.append(Heading(3, _t("case.role", lang)))
    blocks.append(Paragraph.of(render(city.role_message, lang)))
    blocks.append(Heading(3, _t("case.plan", lang)))
    blocks.extend(_plan_blocks(city, lang))
    blocks.append(Heading(3, _t("case.state", lang)))
    assigned = (
        _r("casefact.assigned_value", lang, category=city.assigned, date=i18n.long_date(city.assigned_on, lang))
        if city.assigned
        else _t("case.no_category", lang)
    )
    blocks.append(Paragraph.of(Strong(_t("case.assigned", lang) + ": "), assigned))
    if city.status and city.status != "active":
        blocks.append(Paragraph.of(Strong(_t("case.status", lang) + ": "), vocab.label("statuses", city.status, lang)))
    blocks.append(Paragraph.of(_state_text(city, facts, lang)))
    blocks.append(Heading(3, _t("case.options", lang)))
    nothing = _t("case.nothing", lang)
    for i, (_, title, pro, con, obliges) in enumerate(options_for(city, facts, lang), 1):
        blocks.append(Paragraph.of(Strong(f"{i}. {title}")))
        blocks.append(
            BulletList.of(
                [
                    [Strong(_t("case.for", lang) + ": "), "; ".join(pro) or nothing],
                    [Strong(_t("case.against", lang) + ": "), "; ".join(con) or nothing],
                    [Strong(_t("case.obliges", lang) + ": "), obliges],
                ]
            )
        )
    return blocks


def _economy(facts: CaseFacts, lang: str) -> list[Block]:
    with_plan = [c for c in facts.cities if c.totals]
    if not with_plan:
        return [Paragraph.of(_t("case.economy_none", lang))]
    rows: list[list[Inline]] = [
        [c.name(lang), str(t.year), nok(t.municipal), nok(t.external), nok(t.total)] for c in with_plan for t in c.totals
    ]
    by_year: dict[int, list[int]] = {}
    for c in with_plan:
        for t in c.totals:
            acc = by_year.setdefault(t.year, [0, 0, 0])
            acc[0] += t.municipal
            acc[1] += t.external
            acc[2] += t.total
    rows += [[Strong(_t("case.all_cities", lang)), str(y), nok(m), nok(e), nok(s)] for y, (m, e, s) in sorted(by_year.items())]
    blocks: list[Block] = [
        Paragraph.of(_t("case.economy_intro", lang)),
        Table.of(
            [
                _t("case.col_city", lang),
                _t("col.year", lang),
                _t("case.col_municipal", lang),
                _t("case.col_external", lang),
                _t("case.total", lang),
            ],
            rows,
        ),
    ]
    without = [c.name(lang) for c in facts.cities if not c.plan]
    if without:
        blocks.append(Paragraph.of(_r("casefact.no_plan_for", lang, names=without)))
    return blocks


def build_case(facts: CaseFacts, lang: str = "nb", made: date | None = None) -> Document:
    """Return the council case for ``facts`` in ``lang`` ('nb' or 'en') as a :class:`~.model.Document`.

    ``made`` is the day the draft is dated (default today); the facts hold on ``facts.as_of``.
    """
    lang = "nb" if lang == "nb" else "en"
    home = facts.home(lang) or _t("case.unknown", lang)
    names = [c.name(lang) for c in facts.cities]
    blocks: list[Block] = [Heading(1, _t("case.h_subject", lang))]
    if not facts.cities:
        blocks.append(Paragraph.of(_t("case.no_cities", lang)))
    else:
        code = "casefact.subject_one" if len(names) == 1 else "casefact.subject"
        blocks.append(Paragraph.of(_r(code, lang, n=len(names), home=home, names=names)))
    adopted = i18n.long_date(STRATEGY_ADOPTED, lang)
    pick = 0 if lang == "nb" else 1
    blocks.append(Quote((STRATEGY_WORDS["own_case"][pick],), STRATEGY_WORDS["cite_intro"][pick].format(date=adopted)))
    blocks.append(Quote((STRATEGY_WORDS["plan"][pick],), _t("case.cite_remark", lang, date=adopted)))

    blocks += [Heading(1, _t("case.h_background", lang)), Heading(2, _t("case.h_strategy", lang))]
    words = [p[pick] for p in STRATEGY_2C] + [f"– {STRATEGY_2C_CATEGORIES[c][pick]}" for c in CATEGORIES]
    blocks.append(Quote(tuple(words), STRATEGY_WORDS["cite"][pick].format(date=adopted)))
    if lang != "nb":
        blocks.append(Paragraph.of(_t("case.translation", lang)))
    blocks.append(Heading(2, _t("case.h_history", lang)))
    for c in facts.cities:
        blocks += _history(c, lang)

    blocks.append(Heading(1, _t("case.h_assessment", lang)))
    for c in facts.cities:
        blocks += _assessment(c, facts, lang)

    blocks.append(Heading(1, _t("case.h_economy", lang)))
    blocks += _economy(facts, lang)

    blocks += [Heading(1, _t("case.h_proposal", lang)), Paragraph.of(_t("case.proposal_intro", lang))]
    for c in facts.cities:
        blocks.append(Paragraph.of(Strong(_city_title(c, lang))))
        blocks.append(BulletList.of([title for _, title, *_ in options_for(c, facts, lang)], numbered=True))

    return Document(
        title=_t("case.title", lang),
        lang=lang,
        blocks=tuple(blocks),
        subtitle=_t("case.subtitle", lang, home=home, as_of=i18n.long_date(facts.as_of, lang)),
        footer=_t("case.footer", lang, made=i18n.long_date(made or date.today(), lang)),
    )


def case_document(
    conn: sqlite3.Connection,
    lang: str = "nb",
    *,
    as_of: date | str | int | None = None,
    home_id: str | None = None,
    cities: Sequence[str] = (),
    made: date | None = None,
) -> Document:
    """Return the council case for the sister cities of ``home_id`` (default: the configured home) on ``as_of``.

    ``cities`` limits it to these sister cities (entity ids); ValueError names one that is none.
    """
    return build_case(case_facts(conn, as_of=as_of, home_id=home_id, cities=cities), lang, made)


def case_bytes(
    conn: sqlite3.Connection,
    fmt: str = "docx",
    lang: str = "nb",
    *,
    as_of: date | str | int | None = None,
    home_id: str | None = None,
    cities: Sequence[str] = (),
    made: date | None = None,
) -> bytes:
    """Return the council case written as ``fmt`` ('md', 'html' or 'docx'); see :func:`case_document`."""
    doc = case_document(conn, lang, as_of=as_of, home_id=home_id, cities=cities, made=made)
    return write(doc, fmt, page_label=_t("case.page", lang))


def case_filename(fmt: str, lang: str) -> str:
    """Return the file name a case is saved under in ``lang``, e.g. 'saksframlegg-vennskapsbyer.docx'.

    >>> case_filename("docx", "nb"), case_filename("md", "en")
    ('saksframlegg-vennskapsbyer.docx', 'council-case-sister-cities.md')
    """
    stem = "saksframlegg-vennskapsbyer" if lang == "nb" else "council-case-sister-cities"
    return f"{stem}.{fmt}"
