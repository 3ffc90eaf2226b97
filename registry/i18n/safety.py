"""Texts of data safety in the app: what a reader is told when the registry cannot be read or written."""

from __future__ import annotations

__all__ = ["STRINGS"]

#: key -> (nb, en); merged with the other parts into :data:`registry.i18n.STRINGS`. No detail of the
#: failure reaches the page: it goes to the server's log, where whoever runs the app reads it.
STRINGS: dict[str, tuple[str, str]] = {
    "safety.damaged": (
        "Registerfilen er skadet, så ingenting ble lagret. Be den som drifter registeret om å hente inn "
        "siste sikkerhetskopi (python -m registry restore) og kjøre check.",
        "The registry file is damaged, so nothing was saved. Ask whoever runs the registry to restore the "
        "last backup (python -m registry restore) and run check.",
    ),
    "safety.disk_full": (
        "Disken registeret ligger på er full, så ingenting ble lagret. Be den som drifter registeret om å frigjøre plass.",
        "The disk the registry is on is full, so nothing was saved. Ask whoever runs the registry to free space.",
    ),
    "safety.busy": (
        "Registeret er opptatt med en annen lang endring; ingenting ble lagret. Prøv igjen om litt.",
        "The registry is busy with another long change; nothing was saved. Try again in a moment.",
    ),
    "safety.key": (
        "Registerets nøkkelfil mangler eller hører til et annet register, så kontaktopplysninger kan ikke "
        "lagres eller kontrolleres. Be den som drifter registeret om å legge nøkkelen tilbake.",
        "The registry's key file is missing or belongs to another registry, so contacts cannot be saved or "
        "checked. Ask whoever runs the registry to put the key back.",
    ),
    "safety.not_xml": (
        "GraphML og GEXF kan ikke lages: en verdi har et kontrolltegn som XML ikke kan bære ({rows}). "
        "Rett raden (python -m registry check viser dem).",
        "GraphML and GEXF cannot be made: a value holds a control character XML cannot carry ({rows}). "
        "Fix the row (python -m registry check lists them).",
    ),
    "safety.unexpected": (
        "Noe gikk galt, og siden kunne ikke vises. Feilen er skrevet i serverens logg; prøv igjen, eller "
        "si fra til den som drifter registeret.",
        "Something went wrong and the page could not be shown. The error is written to the server's log; "
        "try again, or tell whoever runs the registry.",
    ),
}
