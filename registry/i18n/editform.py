"""Texts of the Registry page's edit forms and change history: a save refused over a newer version, the
comparison it offers, and each change of the history told in words (issue 19, items D6–D8)."""

from __future__ import annotations

__all__ = ["STRINGS", "TEMPLATES"]

#: key -> (nb, en); merged with the other parts into :data:`registry.i18n.STRINGS`.
STRINGS: dict[str, tuple[str, str]] = {
    "editform.stale": (
        "Noen andre har endret denne raden siden du åpnet den, så ingenting ble lagret. Teksten din står fortsatt "
        "i skjemaet: sammenlign den med versjonen som er lagret nå.",
        "Someone else changed this row since you opened it, so nothing was saved. Your text is still in the form: "
        "compare it with the version stored now.",
    ),
    "editform.compare": ("Vis den lagrede versjonen ved siden av teksten min", "Show the current version beside my text"),
    "editform.field": ("Felt", "Field"),
    "editform.opened": ("Da du åpnet raden (v{v})", "When you opened it (v{v})"),
    "editform.stored": ("Lagret nå (v{v}, {who})", "Stored now (v{v}, {who})"),
    "editform.mine": ("Din tekst", "Your text"),
    "editform.same": ("Ingen felt er forskjellige.", "No field differs."),
    "editform.rebase": ("Bygg videre på den lagrede versjonen", "Build on the current version"),
    "editform.rebase_help": (
        "Felt du har endret beholder teksten din; de andre får verdiene som er lagret nå. Ingenting lagres før du "
        "trykker «Lagre endringene».",
        "Fields you changed keep your text; the others take the values stored now. Nothing is saved until you press 'Save the changes'.",
    ),
    "editform.rebased": ("Skjemaet bygger nå på versjon {v}. Se over og lagre.", "The form now builds on version {v}. Check it and save."),
}

#: Message code -> (nb, en) templates of the change history (registry.edit.audit.describe), rendered by i18n.render.
TEMPLATES: dict[str, tuple[str, str]] = {
    "history.inserted": ("la til «{what}»", "added “{what}”"),
    "history.deleted": ("slettet «{what}»", "deleted “{what}”"),
    "history.changed_hidden": ("{field}: endret (personopplysning, ikke vist)", "{field}: changed (personal data, not shown)"),
    "history.erased": ("slettet personopplysninger", "erased personal data"),
    "history.set": ("{field}: satt til «{new}»", "{field}: set to “{new}”"),
    "history.cleared": ("{field}: «{old}» fjernet", "{field}: “{old}” removed"),
    "history.changed": ("{field}: «{old}» → «{new}»", "{field}: “{old}” → “{new}”"),
}
