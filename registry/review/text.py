"""The review as plain text for a terminal: each sister city with its suggestion, reasons and activities."""

from __future__ import annotations

from typing import Sequence

from .. import rules as R, vocab
from .classify import Suggestion

__all__ = ["suggestion_text", "review_text"]

_T = {
    "suggested": ("foreslått", "suggested"),
    "assigned": ("vedtatt", "assigned"),
    "role": ("Rolle", "Role"),
    "since": ("Vennskapsby siden", "Sister city since"),
    "unknown": ("ukjent", "unknown"),
    "activities": ("Aktiviteter registrert", "Activities registered"),
    "last": ("siste dokumenterte kontakt", "last documented contact"),
    "none": ("ingen", "none"),
    "undated": ("uten dato", "undated"),
    "source": ("kilde", "source"),
    "note": ("Merknad", "Note"),
    "footer": ("{n} vennskapsbyer for {home}; {d} avviker fra vedtaket som gjelder",
               "{n} sister cities of {home}; {d} disagree with the decision in force"),
}


def _t(key: str, lang: str) -> str:
    nb, en = _T[key]
    return nb if lang == "nb" else en


def _when(start: str | None, lang: str) -> str:
    return start or _t("undated", lang)


def suggestion_text(s: Suggestion, lang: str = "nb", max_activities: int = 5) -> list[str]:
    """Return the lines that present one suggestion: heading, reasons, framing, start, activities, notes."""
    label = lambda c: vocab.label("categories", c, lang)  # noqa: E731
    lines = [f"{s.city_name} ({s.country_code or '?'}) — {_t('suggested', lang)}: {label(s.suggested)} · "
             f"{_t('assigned', lang)}: {s.assigned_label(lang)}"]
    lines.append(f"  {s.explanation(lang)}")
    lines.append(f"  {_t('role', lang)}: {s.role_text(lang)}")
    certainty = vocab.label("certainties", s.start_certainty, lang).lower() if s.start_certainty and s.start else ""
    start = s.start or _t("unknown", lang)
    lines.append(f"  {_t('since', lang)}: {start}" + (f" ({certainty})" if certainty else ""))
    last = s.last_contact
    head = f"  {_t('activities', lang)}: {len(s.activities)}"
    if last is not None:
        head += f"; {_t('last', lang)}: {last.start} {vocab.label('activity_kinds', last.kind, lang).lower()}"
    lines.append(head)
    for a in s.activities[:max_activities]:
        lines.append(f"    - {_when(a.start, lang)}  {vocab.label('activity_kinds', a.kind, lang)}: {a.title} "
                     f"({_t('source', lang)}: {a.source})")
    if len(s.activities) > max_activities:
        lines.append(f"    … +{len(s.activities) - max_activities}")
    for n in s.notes:
        lines.append(f"  {_t('note', lang)}: {n.text(lang)}")
    return lines


def review_text(suggestions: Sequence[Suggestion], home_name: str, lang: str = "nb") -> str:
    """Return the whole review as text in ``lang`` ('nb' or 'en'), one block per sister city and a footer line."""
    blocks = ["\n".join(suggestion_text(s, lang)) for s in suggestions]
    disagree = sum(1 for s in suggestions if s.agreement == "disagree")
    footer = _t("footer", lang).format(n=len(suggestions), home=home_name, d=disagree)
    return "\n\n".join(blocks + [footer]) + "\n"
