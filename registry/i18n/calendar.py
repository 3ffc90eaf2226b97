"""Texts of the calendar (what is due): the Overview panel's labels and the templates of each kind of event."""

from __future__ import annotations

__all__ = ["STRINGS", "TEMPLATES"]

#: The calendar panel's texts: key -> (nb, en); merged into :data:`registry.i18n.STRINGS`.
STRINGS: dict[str, tuple[str, str]] = {
    "calendar.title": ("Hva forfaller", "What is due"),
    "calendar.caption": (
        "De neste tolv månedene ({first} – {last}): avtaler som skal revideres eller utløper, runde jubileer for "
        "vennskapsbyer og avtaler, frysinger som skal vurderes på nytt, indikatorverdier som skal registreres, "
        "kontakter med personopplysninger som skal slettes, og kilder som bør sjekkes igjen. Det som forfalt "
        "tidligere og fortsatt er åpent, er merket «Forfalt».",
        "The next twelve months ({first} – {last}): agreements to review or expiring, round-year jubilees of twinnings "
        "and agreements, freezes to review again, indicator values due, contacts whose personal data is to be "
        "deleted, and sources due for re-checking. What fell due earlier and is still open is marked 'Overdue'.",
    ),
    "calendar.none": ("Ingenting forfaller de neste tolv månedene.", "Nothing is due in the next twelve months."),
    "calendar.count": ("{n} punkter, {overdue} av dem forfalt", "{n} items, {overdue} of them overdue"),
    "calendar.count_one": ("{n} punkt, {overdue} av dem forfalt", "{n} item, {overdue} of them overdue"),
    "calendar.col_date": ("Dato", "Date"),
    "calendar.col_kind": ("Hva slags", "Kind"),
    "calendar.col_what": ("Hva forfaller", "What is due"),
    "calendar.col_details": ("Dato regnet fra og kilde", "Date counted from, and source"),
    "calendar.download_ics": ("Last ned som kalender (.ics)", "Download as a calendar (.ics)"),
    "calendar.download_help": (
        "iCalendar-fil for Outlook, Google Kalender og andre kalendere: heldagshendelser, én per punkt.",
        "An iCalendar file for Outlook, Google Calendar and other calendars: all-day events, one per item.",
    ),
}

#: Event texts, code -> (nb, en), registered with :func:`registry.message.register`. Each kind's
#: parameters are those :mod:`registry.calendar.items` gives it; names come in nb and en (``partner``, ``partner_en``).
TEMPLATES: dict[str, tuple[str, str]] = {
    "calendar.agreement_review": ("Avtalen «{title_nb}» skal revideres", "The agreement “{title}” is due for review"),
    "calendar.agreement_expiry": ("Avtalen «{title_nb}» utløper", "The agreement “{title}” expires"),
    "calendar.freeze_review": (
        "Frysingen av vennskapsbyen {partner} skal vurderes på nytt (vedtatt {decided_on} av {decided_by})",
        "The freeze of the twinning with {partner_en} is due for review (decided {decided_on} by {decided_by})",
    ),
    "calendar.tie_jubilee": ("{partner}: {years} år som vennskapsby", "{partner_en}: {years} years as sister city"),
    "calendar.agreement_jubilee": ("«{title_nb}»: {years} år siden avtalen ble inngått", "“{title}”: {years} years since it was signed"),
    "calendar.indicator_report": (
        "Indikatoren «{name}»: verdien for {year} skal registreres",
        "Indicator “{name_en}”: the value for {year} is due",
    ),
    "calendar.retention": (
        "Personopplysningene om kontakten {contact} ({organisation}) skal slettes",
        "The personal data of the contact {contact} ({organisation_en}) is due for deletion",
    ),
    "calendar.recheck": (
        "Kilden til {what} {row} bør sjekkes igjen (sist sjekket {verified_on}; grensen er {years} år)",
        "The source of {what} {row} is due for re-checking (last checked {verified_on}; the limit is {years} years)",
    ),
    "calendar.table.ties": ("forbindelsen", "the tie"),
    "calendar.table.agreements": ("avtalen", "the agreement"),
    "calendar.table.entities": ("aktøren", "the entity"),
    "calendar.table.contacts": ("kontakten", "the contact"),
    "calendar.partial_date": ("(bare {on} er kjent, ikke dagen)", "(only {on} is known, not the day)"),
    "calendar.overdue": ("Forfalt: {text}", "Overdue: {text}"),
    "calendar.counted_from_agreement": (
        "Regnet fra {counted_from}, da «{title_nb}» ble inngått.",
        "Counted from {counted_from}, when “{title}” was signed.",
    ),
    "calendar.counted_from_tie": ("Regnet fra forbindelsens start, {counted_from}.", "Counted from the tie's start, {counted_from}."),
    "calendar.source": ("Kilde: {source}", "Source: {source}"),
    "calendar.nothing": ("Ingenting forfaller i perioden.", "Nothing is due in the window."),
    "calendar.total": ("{n} {n:plural:punkt/punkter}, {overdue} forfalt", "{n} {n:plural:item/items}, {overdue} overdue"),
    "calendar.ics_name": ("Internasjonale forbindelser: frister og jubileer", "International ties: due dates and jubilees"),
    "calendar.kind.agreement_review": ("Avtalerevisjon", "Agreement review"),
    "calendar.kind.agreement_expiry": ("Avtale utløper", "Agreement expires"),
    "calendar.kind.freeze_review": ("Frysing vurderes", "Freeze review"),
    "calendar.kind.tie_jubilee": ("Jubileum", "Jubilee"),
    "calendar.kind.agreement_jubilee": ("Avtalejubileum", "Agreement jubilee"),
    "calendar.kind.indicator_report": ("Indikatorrapportering", "Indicator reporting"),
    "calendar.kind.retention": ("Sletting av personopplysninger", "Deletion of personal data"),
    "calendar.kind.recheck": ("Kildesjekk", "Source re-check"),
}
