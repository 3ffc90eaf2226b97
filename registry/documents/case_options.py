"""The council's options for one sister city: continue in or change to each category, freeze, end — for, against, obliges.

What the registry shows for and against each option is read from the case's facts
(:mod:`.case_facts`): the criteria of strategy 2c met and not met, how quiet the
relation is, its recent and ongoing activity and the money planned ahead. The
texts are in :mod:`registry.i18n.case`.
"""

from __future__ import annotations

from .. import i18n, vocab
from ..i18n import Message, render
from .case_facts import CATEGORIES, CaseFacts, CityFacts, CriterionFact

__all__ = ["OPTION_KINDS", "options_for", "nok"]

#: The kinds of option the council has for each city, in the order the case lists them.
OPTION_KINDS: tuple[str, ...] = ("category", "freeze", "end")
#: Criteria that *are* a decision: unmet, they say only that the option has not been chosen yet.
_DECISION_CRITERIA = frozenset({"focus_decision", "dormant_decision"})
#: What choosing each category obliges (strategy 2a, 2c and the council's majority remark), by category.
_OBLIGES: dict[str, str] = {
    "project": "case.oblige_project",
    "political_focus": "case.oblige_political_focus",
    "solidarity": "case.oblige_solidarity",
    "dormant": "case.oblige_dormant",
}
#: Twinnings older than this year are those the strategy says are hard to end («siden midten av 40-tallet»).
_OLD_TIE_BEFORE = 1950


def _t(key: str, lang: str, **kw: object) -> str:
    return i18n.t(key, lang, **kw)


def _r(code: str, lang: str, **params: object) -> str:
    return render(Message(code, params), lang)


def nok(amount: int) -> str:
    """Return whole kroner with narrow no-break spaces between thousands.

    >>> nok(1250000) == "1\u202f250\u202f000"
    True
    """
    return f"{int(amount):,}".replace(",", "\u202f")


def _criterion_text(c: CriterionFact, lang: str) -> str:
    """Return what one criterion says for the city (its message from :mod:`.case_facts`), in ``lang``."""
    return render(c.message, lang)


def _quiet_or_nothing(city: CityFacts, facts: CaseFacts, lang: str) -> list[str]:
    if city.state.kind == "quiet":
        return [_r("casefact.quiet", lang, years=facts.window_years, last=city.state.last_year)]
    if city.state.kind == "not_enough_data":
        return [_r("casefact.nothing_dated", lang)]
    return []


def _recent(city: CityFacts, facts: CaseFacts, lang: str) -> list[str]:
    """What speaks for keeping the relation active: recent activity, ongoing activity, money planned ahead."""
    out = [_criterion_text(c, lang) for c in city.criteria if c.code == "quiet_since" and not c.met and c.evidence]
    ongoing = [a.title_in(lang) for a in city.activities if a.ongoing and not a.end]
    if ongoing:
        out.append(_r("casefact.ongoing_activities", lang, titles=ongoing))
    ahead = [p for p in city.totals if p.year >= facts.as_of.year]
    if ahead:
        out.append(_r("casefact.planned_money", lang, years=[str(p.year) for p in ahead], amount=nok(sum(p.total for p in ahead))))
    return out


def options_for(city: CityFacts, facts: CaseFacts, lang: str) -> list[tuple[str, str, list[str], list[str], str]]:
    """Return the council's options for one city: ``(kind, title, for, against, obliges)`` in ``lang``.

    One option per category of strategy 2c (continue in the assigned one, or change to /
    place in another), then freeze and end. *For* and *against* are what the registry
    shows (the criteria of the category met and not met; for freezing and ending, how
    quiet the relation is against its recent and ongoing activity and planned money).
    """
    out = []
    decided = (
        [
            _r(
                "casefact.decided_as",
                lang,
                category=vocab.label("categories", city.assigned, lang).lower(),
                date=i18n.long_date(city.assigned_on, lang),
            )
        ]
        if city.assigned
        else []
    )
    for cat in CATEGORIES:
        name = vocab.label("categories", cat, lang).lower()
        if city.assigned == cat:
            title = _t("case.opt_continue", lang, category=name)
        elif city.assigned:
            title = _t("case.opt_change", lang, category=name)
        else:
            title = _t("case.opt_place", lang, category=name)
        crit = city.criteria_of(cat)
        pro = [_criterion_text(c, lang) for c in crit if c.met]
        con = [_criterion_text(c, lang) for c in crit if not c.met and c.code not in _DECISION_CRITERIA]
        if city.assigned and city.assigned != cat:
            con = decided + con
        out.append(("category", title, pro, con, _t(_OBLIGES[cat], lang)))
    quiet = _quiet_or_nothing(city, facts, lang)
    active = _recent(city, facts, lang)
    out.append(("freeze", _t("case.opt_freeze", lang), quiet, decided + active, _t("case.oblige_freeze", lang)))
    against_end = decided + active
    if city.carriers:
        against_end.append(_r("casefact.others_carry", lang, names=[c.text(lang) for c in city.carriers]))
    start_year = int(city.start[:4]) if city.start and city.start[:4].isdigit() else None
    if start_year is not None and start_year < _OLD_TIE_BEFORE:
        against_end.append(_r("casefact.old_tie", lang, year=start_year))
    out.append(("end", _t("case.opt_end", lang), quiet, against_end, _t("case.oblige_end", lang)))
    return out
