"""Controlled vocabularies: codes with Norwegian and English labels and help text.

Vocabularies are declared data. Migrations copy them into tables of
``(code, label_nb, label_en, help)`` so that a registry can extend them with new
rows, and foreign keys keep every coded column honest.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = [
    "Term",
    "ENTITY_KINDS",
    "TIE_KINDS",
    "SECTORS",
    "CATEGORIES",
    "MUNICIPAL_ROLES",
    "RECIPROCITY",
    "CERTAINTY",
    "STATUSES",
    "VOCABULARIES",
    "label",
]


class Term(NamedTuple):
    code: str
    label_nb: str
    label_en: str
    help: str = ""


ENTITY_KINDS: tuple[Term, ...] = (
    Term("municipality", "Kommune", "Municipality", "A municipality whose international ties the registry records"),
    Term("city", "By", "City", "A city or town abroad or in Norway"),
    Term("country", "Land", "Country", "A sovereign state or territory"),
    Term("consulate", "Konsulat", "Consulate", "A consulate or honorary consulate"),
    Term("university", "Universitet", "University", "A university or college"),
    Term("business_body", "Næringslivsorganisasjon", "Business body", "Chamber of commerce, business association"),
    Term("public_agency", "Offentlig etat", "Public agency", "A national or regional public agency"),
    Term("county", "Fylkeskommune", "County", "A county authority"),
    Term("eu_office", "Europakontor", "EU office", "A regional office in Brussels"),
    Term("student_org", "Studentorganisasjon", "Student organisation", ""),
    Term("voluntary_org", "Frivillig organisasjon", "Voluntary organisation", "Association or NGO"),
    Term("network", "Nettverk", "Network", "An international network of cities or institutions"),
    Term("forum", "Forum", "Forum", "A standing forum of local actors"),
    Term("funding_programme", "Finansieringsordning", "Funding programme", "A source of external funding"),
)

TIE_KINDS: tuple[Term, ...] = (
    Term("sister_city", "Vennskapsby", "Sister city", "A formal twinning between two municipalities"),
    Term("partnership", "Partnerskap/avtale", "Partnership/agreement", "Agreement, letter of intent or partnership"),
    Term("membership", "Medlemskap", "Membership", "Membership of a network or organisation"),
    Term("consular", "Konsulær representasjon", "Consular representation", "A consulate represents a country"),
    Term("located_in", "Ligger i", "Located in", "An office or consulate is located in a city"),
    Term("forum_member", "Forumdeltaker", "Forum membership", "Member of a forum"),
    Term("project", "Prosjekt", "Project", "A project with goals and indicators"),
    Term("funding", "Finansiering", "Funding", "Funding from a programme or body"),
    Term("exchange", "Utveksling", "Exchange", "Exchange of pupils, students, staff or artists"),
)

SECTORS: tuple[Term, ...] = (
    Term("education", "Utdanning", "Education"),
    Term("research", "Forskning", "Research"),
    Term("health", "Helse", "Health"),
    Term("culture", "Kultur", "Culture"),
    Term("business", "Næringsliv", "Business"),
    Term("church", "Kirke/pilegrim", "Church/pilgrimage"),
    Term("youth", "Ungdom", "Youth"),
    Term("other", "Annet", "Other"),
)

CATEGORIES: tuple[Term, ...] = (
    Term("project", "Prosjekt", "Project", "Concrete project agreements with goals and requirements for goal achievement (strategy 2c.1)"),
    Term("political_focus", "Politisk fokus", "Political focus", "Politically defined focus areas, open for national coordination and external funding (2c.2)"),
    Term("solidarity", "Solidaritet", "Solidarity", "Activity driven by others such as voluntary organisations; must be two-way (2c.3)"),
    Term("dormant", "Hvilende", "Dormant", "Activity not prioritised, but the connection is kept (2c.4)"),
    Term("unclassified", "Ikke kategorisert", "Unclassified", "No category has been decided"),
)

MUNICIPAL_ROLES: tuple[Term, ...] = (
    Term("active", "Aktiv", "Active", "The municipality itself carries the contact"),
    Term("facilitator", "Tilrettelegger", "Facilitator", "The municipality supports others who carry it"),
    Term("none", "Ingen", "None", "The municipality has no role"),
)

RECIPROCITY: tuple[Term, ...] = (
    Term("two_way", "Gjensidig", "Two-way"),
    Term("one_way", "Enveis", "One-way"),
    Term("unknown", "Ukjent", "Unknown"),
)

CERTAINTY: tuple[Term, ...] = (
    Term("sourced", "Kildebelagt", "Sourced", "The date is stated by a source"),
    Term("inferred", "Utledet", "Inferred", "The date is inferred from indirect evidence"),
    Term("conflicting", "Motstridende", "Conflicting", "Sources give different dates"),
    Term("unknown", "Ukjent", "Unknown", "No source gives the date"),
)

STATUSES: tuple[Term, ...] = (
    Term("active", "Aktiv", "Active"),
    Term("suspended", "Suspendert", "Suspended"),
    Term("ended", "Avsluttet", "Ended"),
    Term("uncertain", "Usikker", "Uncertain", "It is not documented whether the tie was formalised or is still in force"),
)

#: table name -> terms; the migration creates one table per entry.
VOCABULARIES: dict[str, tuple[Term, ...]] = {
    "entity_kinds": ENTITY_KINDS,
    "tie_kinds": TIE_KINDS,
    "sectors": SECTORS,
    "categories": CATEGORIES,
    "municipal_roles": MUNICIPAL_ROLES,
    "reciprocities": RECIPROCITY,
    "certainties": CERTAINTY,
    "statuses": STATUSES,
}

_BY_CODE = {(table, t.code): t for table, terms in VOCABULARIES.items() for t in terms}


def label(vocabulary: str, code: str | None, lang: str = "en") -> str:
    """Return the label of ``code`` in ``vocabulary`` in ``lang`` ('nb' or 'en').

    Unknown codes (added to a registry's own vocabulary tables) come back as the
    code itself, so display never fails on an extension.

    >>> label("categories", "dormant", "nb")
    'Hvilende'
    """
    if code is None:
        return ""
    term = _BY_CODE.get((vocabulary, code))
    if term is None:
        return code
    return term.label_nb if lang == "nb" else term.label_en
