"""Texts of the rules table the app shows: the thresholds the review and the analysis use, in both languages."""

from __future__ import annotations

__all__ = ["STRINGS"]

#: key -> (nb, en); merged with the other parts into :data:`registry.i18n.STRINGS`.
STRINGS: dict[str, tuple[str, str]] = {
    "rulebook.title": ("Regler og terskler", "Rules and thresholds"),
    "rulebook.caption": (
        (
            "Tallene gjennomgangen og analysen bygger på. De er faste regler i metoden; innstillingene "
            "(hjemkommune, tidssone, når kilder foreldes) endres per register."
        ),
        (
            "The numbers the review and the analysis rest on. They are fixed rules of the method; the settings "
            "(home municipality, time zone, when sources go stale) are changed per registry."
        ),
    ),
    "rulebook.rule": ("Regel", "Rule"),
    "rulebook.value": ("Verdi", "Value"),
    "rulebook.unit": ("Enhet", "Unit"),
    "rulebook.help": ("Forklaring", "Explanation"),
}
