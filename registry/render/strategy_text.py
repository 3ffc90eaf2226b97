"""The strategy point by point in words: a point's state, the council's mark, why a row counts, the plain-text table."""

from __future__ import annotations

from typing import Any

import pandas as pd

from .. import cells, i18n
from ..review.strategy import points_of
from ..review.strategy_view import planned_points, unserved_points

__all__ = ["council_text", "state_text", "via_text", "caveat_text", "strategy_text", "items_in"]


def council_text(mark: Any, point: Any, lang: str) -> str:
    """Return how the council's decision marks a point, in ``lang`` ('' for a point without a mark).

    >>> council_text("addition", "4", "nb"), council_text(None, None, "en")
    ('Bystyrets tillegg (vedtakspunkt 4)', '')
    """
    if not isinstance(mark, str) or not mark:
        return ""
    return i18n.render(i18n.Message(f"strategy.council.{mark}", {"point": point or ""}), lang)


def state_text(state: str, lang: str) -> str:
    """Return the label of a point's state ('work', 'planned', 'nothing') in ``lang``.

    >>> state_text("planned", "en")
    'Only planned'
    """
    key = {"work": "strategy.state_work", "planned": "strategy.state_planned", "nothing": "strategy.state_nothing"}[state]
    return i18n.t(key, lang)


def via_text(via: str, lang: str) -> str:
    """Return why a row counts for a point ('tag', 'action' or a topic of :data:`TOPICS`) in ``lang``."""
    return i18n.render(i18n.Message(f"strategy.via.{via}"), lang)


def caveat_text(lang: str) -> str:
    """Return what «nothing registered» may mean, in ``lang``: said wherever the list of points appears.

    >>> caveat_text("nb")
    'Ingenting registrert kan bety at arbeidet ikke er gjort, eller at det ikke er registrert.'
    """
    return i18n.render(i18n.Message("strategy.text.caveat"), lang)


def items_in(items: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return :func:`registry.review.strategy.strategy_items` with one ``title`` column in ``lang`` in place of both.

    >>> items_in(pd.DataFrame({"point": ["1a"], "kind": ["action"], "id": ["a"], "state": ["work"], "via": ["tag"],
    ...                        "title_nb": ["Plan"], "title_en": ["Plan (en)"], "on": [None]}), "en")["title"].tolist()
    ['Plan (en)']
    """
    title = items["title_nb" if lang == "nb" else "title_en"]
    out = items.drop(columns=["title_nb", "title_en"])
    out.insert(list(items.columns).index("title_nb"), "title", title)
    return out


def _indicators_of(indicators: pd.DataFrame | None, ids: Any) -> list[dict[str, Any]]:
    wanted = points_of(ids)
    if indicators is None or not wanted:
        return []
    by_id = {r["id"]: r for r in indicators.to_dict("records")}
    return [by_id[i] for i in wanted if i in by_id]


def _number(value: Any) -> str:
    # Whole numbers without '.0'; an unknown value as '–'.
    if cells.missing(value):
        return "–"
    return str(int(value)) if float(value).is_integer() else str(value)


def _amount(n: int, lang: str) -> str:
    return f"{n:,}".replace(",", "\u00a0" if lang == "nb" else ",")


def strategy_text(view: pd.DataFrame, lang: str = "nb", indicators: pd.DataFrame | None = None) -> str:
    """Return a :func:`strategy_view` as a plain-text table in ``lang``: the points with their state (and, with
    ``indicators`` from :func:`indicator_status`, each point's indicators: latest value against target), then
    the points with nothing and with only plans registered, and what «nothing registered» may mean."""
    heads = {
        c: i18n.t(k, lang)
        for c, k in (
            ("point", "strategy.col_point"),
            ("actions", "strategy.col_actions"),
            ("indicators", "strategy.col_indicators"),
            ("ties", "strategy.col_ties"),
            ("agreements", "strategy.col_agreements"),
            ("activities", "strategy.col_activities"),
            ("decisions", "strategy.col_decisions"),
            ("findings", "strategy.col_findings"),
            ("planned", "strategy.col_planned"),
            ("actual", "strategy.col_actual"),
        )
    }
    head = i18n.Message("strategy.text.head", {**heads, "state": i18n.t("strategy.state", lang)})
    lines = [i18n.render(head, lang)]
    title = "title_nb" if lang == "nb" else "title_en"
    for r in view.itertuples():
        cells = i18n.Message(
            "strategy.text.head",
            {
                "point": r.point,
                "state": state_text(r.state, lang),
                "actions": r.actions,
                "indicators": r.indicators,
                "ties": r.ties,
                "agreements": r.agreements,
                "activities": r.activities,
                "decisions": r.decisions,
                "findings": r.findings,
                "planned": _amount(r.planned_nok, lang),
                "actual": _amount(r.actual_nok, lang),
            },
        )
        mark = council_text(r.council_mark, r.council_point, lang)
        lines.append(f"{i18n.render(cells, lang)}  {getattr(r, title)}" + (f" [{mark}]" if mark else ""))
        for ind in _indicators_of(indicators, r.indicator_ids):
            name = ind["name_en"] if lang == "en" and isinstance(ind["name_en"], str) and ind["name_en"] else ind["name"]
            lines.append(
                i18n.render(
                    i18n.Message(
                        "strategy.text.indicator",
                        {
                            "id": ind["id"],
                            "name": name,
                            "latest": _number(ind["latest_value"]),
                            "year": _number(ind["latest_year"]),
                            "target": _number(ind["target"]),
                            "target_year": _number(ind["target_year"]),
                        },
                    ),
                    lang,
                )
            )
    lines.append("")
    for code, points in (("strategy.text.nothing", unserved_points(view)), ("strategy.text.planned", planned_points(view))):
        lines.append(i18n.render(i18n.Message(code, {"n": len(points), "total": len(view), "points": ", ".join(points)}), lang))
    lines.append(caveat_text(lang))
    return "\n".join(lines) + "\n"
