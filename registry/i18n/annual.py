"""Texts of the annual report on international work, as message templates (see :mod:`registry.message`)."""

from __future__ import annotations

__all__ = ["TEMPLATES"]

TEMPLATES: dict[str, tuple[str, str]] = {
    "annual.title": ("Internasjonalt arbeid {year} – {home}", "International work {year} – {home}"),
    "annual.intro": (
        "Årsrapport fra registeret over internasjonale forbindelser: det som er registrert for {year}, punkt for punkt "
        "etter den internasjonale strategien (bystyresak 3/10). Tallene gjelder radene som er registrert; id-ene viser "
        "hvilke.",
        "Annual report from the registry of international relations: what is registered for {year}, point by point "
        "along the international strategy (city council case 3/10). The figures count the rows registered; the ids "
        "show which.",
    ),
    "annual.summary": (
        "I {year} er det registrert {activities} {activities:plural:aktivitet/aktiviteter}, {agreements} "
        "{agreements:plural:avtale/avtaler} inngått og {decisions} {decisions:plural:vedtak/vedtak}; budsjett {plan} kr, "
        "regnskap {actual} kr.",
        "In {year}, {activities} {activities:plural:activity/activities}, {agreements} "
        "{agreements:plural:agreement/agreements} signed and {decisions} {decisions:plural:decision/decisions} are "
        "registered; budget NOK {plan}, actual NOK {actual}.",
    ),
    "annual.changes": (
        "Endring fra {previous_year}: aktiviteter {activities}, avtaler inngått {agreements}, vedtak {decisions}, "
        "budsjett {plan} kr, regnskap {actual} kr.",
        "Change from {previous_year}: activities {activities}, agreements signed {agreements}, decisions {decisions}, "
        "budget NOK {plan}, actual NOK {actual}.",
    ),
    "annual.h.by_point": ("Arbeidet punkt for punkt", "The work point by point"),
    "annual.h.activities": ("Aktiviteter", "Activities"),
    "annual.h.delegations": ("Besøk og delegasjoner", "Visits and delegations"),
    "annual.h.actions": ("Handlingsplanen", "The action plan"),
    "annual.h.indicators": ("Indikatorer: mål og resultat", "Indicators: target and result"),
    "annual.h.agreements": ("Avtaler", "Agreements"),
    "annual.h.decisions": ("Vedtak", "Decisions"),
    "annual.h.money": ("Penger: budsjett og regnskap", "Money: budget and actual"),
    "annual.h.nothing": ("Punkter uten noe registrert", "Points with nothing registered"),
    "annual.none": ("Ingenting registrert for {year}.", "Nothing registered for {year}."),
    "annual.caveat": (
        "Ingenting registrert kan bety at arbeidet ikke er gjort, eller at det ikke er registrert.",
        "Nothing registered may mean that the work was not done, or that it was not registered.",
    ),
    "annual.planned_points": ("Bare planlagt: {points}.", "Only planned: {points}."),
    "annual.nothing_points": ("Ingenting registrert: {points}.", "Nothing registered: {points}."),
    # Column headings.
    "annual.col.point": ("Punkt", "Point"),
    "annual.col.done": ("Registrert i året", "Registered in the year"),
    "annual.col.kind": ("Type", "Kind"),
    "annual.col.sector": ("Sektor", "Sector"),
    "annual.col.count": ("Antall", "Count"),
    "annual.col.title": ("Tittel", "Title"),
    "annual.col.date": ("Dato", "Date"),
    "annual.col.purpose": ("Formål", "Purpose"),
    "annual.col.cost": ("Kostnad (kr)", "Cost (NOK)"),
    "annual.col.status": ("Status", "Status"),
    "annual.col.points": ("Strategipunkter", "Strategy points"),
    "annual.col.responsible": ("Ansvarlig", "Responsible"),
    "annual.col.indicator": ("Indikator", "Indicator"),
    "annual.col.unit": ("Enhet", "Unit"),
    "annual.col.baseline": ("Utgangsverdi", "Baseline"),
    "annual.col.target": ("Mål", "Target"),
    "annual.col.series": ("Målt", "Measured"),
    "annual.col.reached": ("Nådd", "Reached"),
    "annual.col.event": ("Hva", "What"),
    "annual.col.body": ("Organ", "Body"),
    "annual.col.case": ("Sak", "Case"),
    "annual.col.funder": ("Finansiering fra", "Funder"),
    "annual.col.plan": ("Budsjett (kr)", "Budget (NOK)"),
    "annual.col.actual": ("Regnskap (kr)", "Actual (NOK)"),
    "annual.col.ids": ("Rader (id)", "Rows (id)"),
    "annual.event.signed": ("inngått", "signed"),
    "annual.event.review": ("skal revideres", "due for review"),
    "annual.event.ended": ("avsluttet", "ended"),
    "annual.yes": ("ja", "yes"),
    "annual.no": ("nei", "no"),
    "annual.total": ("Sum", "Total"),
    "annual.municipal": ("kommunen", "the municipality"),
    "annual.target_by": ("{target} innen {year}", "{target} by {year}"),
    "annual.chart_values": ("{name}: {series}; mål {target}", "{name}: {series}; target {target}"),
    "annual.page": ("Side", "Page"),
    "annual.chart_alt": ("{name}: målt verdi per år, og målet", "{name}: measured value by year, and the target"),
}
