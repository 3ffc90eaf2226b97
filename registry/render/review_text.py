"""The review as plain text for a terminal: each sister city with its suggestion, reasons and activities."""

from __future__ import annotations

from collections.abc import Sequence

from .. import i18n, vocab
from ..message import render
from ..review.classify import Ended, Suggestion
from ..thresholds import threshold
from .labels import category_label

__all__ = ["suggestion_text", "review_text"]


def suggestion_text(s: Suggestion, lang: str = "nb", max_activities: int = int(threshold("review_activities_listed"))) -> list[str]:
    """Return the lines that present one suggestion: heading, reasons, state, framing, start, activities, notes."""
    T = lambda key, **kw: i18n.t(key, lang, **kw)  # noqa: E731
    label = lambda c: vocab.label("categories", c, lang)  # noqa: E731
    head = (
        f"{s.city_name} ({s.country_code or '?'}) — {T('review_text.suggested')}: {label(s.suggested)} · "
        f"{T('review_text.assigned')}: {category_label(s.assigned_group, lang)}"
    )
    lines = [head + (f" · {T('review_text.suspended')}" if s.suspended else "")]
    status = s.status_message
    if status is not None:
        lines.append(f"  {render(status, lang)}")
    lines.append(f"  {render(s.explanation_message, lang)}")
    lines.append(f"  {T('review_text.state')}: {render(s.state_message, lang)}. {render(s.last_message, lang)}")
    lines.append(f"  {T('review_text.role')}: {render(s.role_message, lang)}")
    certainty = vocab.label("certainties", s.start_certainty, lang).lower() if s.start_certainty and s.start else ""
    start = s.start or T("review_text.unknown")
    lines.append(f"  {T('review_text.since')}: {start}" + (f" ({certainty})" if certainty else ""))
    lines.append(f"  {T('review_text.activities')}: {len(s.activities)}")
    for a in s.activities[:max_activities]:
        when = a.start or T("review_text.undated")
        if a.ongoing:
            when += f"– ({T('review_text.ongoing')})"
        title = a.title_nb or a.title if lang == "nb" else a.title
        lines.append(f"    - {when}  {vocab.label('activity_kinds', a.kind, lang)}: {title} ({T('review_text.source')}: {a.source})")
    if len(s.activities) > max_activities:
        lines.append(f"    … +{len(s.activities) - max_activities}")
    for n in s.notes:
        lines.append(f"  {T('review_text.note')}: {render(n.message, lang)}")
    return lines


def review_text(suggestions: Sequence[Suggestion], home_name: str, lang: str = "nb", ended: Sequence[Ended] = ()) -> str:
    """Return the whole review as text in ``lang`` ('nb' or 'en'): one block per sister city, the ended ones, a footer line."""
    blocks = ["\n".join(suggestion_text(s, lang)) for s in suggestions]
    if ended:
        blocks.append(
            "\n".join(
                [i18n.t("review_text.ended", lang)]
                + [f"  {e.city_name} ({e.country_code or '?'}): {render(e.message, lang)}" for e in ended]
            )
        )
    disagree = sum(1 for s in suggestions if s.agreement == "disagree")
    footer = i18n.t("review_text.footer", lang, n=len(suggestions), home=home_name, d=disagree)
    return "\n\n".join(blocks + [footer]) + "\n"
