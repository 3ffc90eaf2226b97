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
    "ACTIVITY_KINDS",
    "PARTICIPANT_ROLES",
    "AGREEMENT_KINDS",
    "DECISION_KINDS",
    "BUDGET_KINDS",
    "DECLARED_MEASURES",
    "STRATEGY_POINTS",
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
    Term("eu_programme", "EU-program", "EU programme", "An EU or EEA programme (e.g. Interreg, Horizon Europe)"),
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

ACTIVITY_KINDS: tuple[Term, ...] = (
    Term("visit", "Besøk", "Visit", "An official visit, either way"),
    Term("delegation", "Delegasjon", "Delegation", "A delegation of several people"),
    Term("project", "Prosjekt", "Project", "A project with a purpose, and ideally goals and indicators"),
    Term("exchange", "Utveksling", "Exchange", "Exchange of pupils, students, staff, artists or children's councils"),
    Term("event", "Arrangement", "Event", "A festival, exhibition, conference or other event"),
    Term("meeting", "Møte", "Meeting", "A meeting, seminar or conference call"),
    Term("anniversary", "Jubileum", "Anniversary", "A jubilee or anniversary of the relation"),
    Term("signing", "Avtaleinngåelse", "Signing", "An agreement signed or renewed"),
    Term("gift", "Gave", "Gift", "A gift or donation between the parties"),
)

PARTICIPANT_ROLES: tuple[Term, ...] = (
    Term("host", "Vert", "Host"),
    Term("visitor", "Besøkende", "Visitor"),
    Term("partner", "Partner", "Partner"),
    Term("funder", "Finansierer", "Funder"),
    Term("carrier", "Bærer", "Carrier", "The actor that carries the activity"),
    Term("party", "Part", "Party", "A party to an agreement"),
    Term("witness", "Vitne", "Witness", "Present at a signing, not a party"),
)

AGREEMENT_KINDS: tuple[Term, ...] = (
    Term("twinning_charter", "Vennskapsbyavtale", "Twinning charter", "The formal document of a twinning"),
    Term("letter_of_intent", "Intensjonsavtale", "Letter of intent"),
    Term("cooperation_agreement", "Samarbeidsavtale", "Cooperation agreement"),
    Term("memorandum", "Samarbeidsnotat", "Memorandum of understanding"),
    Term("membership", "Medlemskap", "Membership", "Membership terms of a network or organisation"),
    Term("project_agreement", "Prosjektavtale", "Project agreement", "A project agreement with goals and indicators"),
)

DECISION_KINDS: tuple[Term, ...] = (
    Term("category", "Kategori", "Category", "The category of a sister-city relation (strategy 2c)"),
    Term("enter_twinning", "Inngå vennskapsby", "Enter a twinning"),
    Term("end_twinning", "Avslutte vennskapsby", "End a twinning"),
    Term("adopt_strategy", "Vedta strategi", "Adopt a strategy"),
    Term("adopt_action_plan", "Vedta handlingsplan", "Adopt an action plan"),
    Term("other", "Annet vedtak", "Other decision"),
)

BUDGET_KINDS: tuple[Term, ...] = (
    Term("plan", "Plan", "Plan", "Money planned or budgeted"),
    Term("actual", "Regnskap", "Actual", "Money spent or received"),
)

DECLARED_MEASURES: tuple[Term, ...] = (
    Term("consulates", "Konsulater", "Consulates", "Consulates in the municipality, as a source counts them"),
    Term("sister_cities", "Vennskapsbyer", "Twin towns", "Twin towns of the municipality, as a source counts them"),
)

# The strategy's own points (bystyresak 3/10, «Store lille Trondheim i verden»): the four
# målområder (m1–m4) and the points of strategies 1–4.
STRATEGY_POINTS: tuple[Term, ...] = (
    Term("m1", "Målområde 1: Internasjonal kontakt og samarbeid", "Goal area 1: International contact and cooperation"),
    Term("m2", "Målområde 2: Internasjonal kompetanse og fagkunnskap", "Goal area 2: International competence and expertise"),
    Term("m3", "Målområde 3: Synliggjøre internasjonal aktivitet", "Goal area 3: Making international activity visible"),
    Term("m4", "Målområde 4: Vertskapsrollen", "Goal area 4: The host role"),
    Term("1", "Strategi 1: Tilretteleggerrolle", "Strategy 1: The facilitator role"),
    *(Term(f"1{c}", f"Strategi 1{c}", f"Strategy 1{c}") for c in "abcdefghi"),
    Term("2", "Strategi 2: Strukturere vennskapsbysamarbeidet", "Strategy 2: Structuring the sister-city cooperation"),
    *(Term(f"2{c}", f"Strategi 2{c}", f"Strategy 2{c}") for c in "abc"),
    Term("3", "Strategi 3: Kompetanse", "Strategy 3: Competence"),
    *(Term(f"3{c}", f"Strategi 3{c}", f"Strategy 3{c}") for c in "abcdef"),
    Term("4", "Strategi 4: Dokumentere og synliggjøre", "Strategy 4: Documenting and making visible"),
    *(Term(f"4{c}", f"Strategi 4{c}", f"Strategy 4{c}") for c in "abcdefgh"),
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
    "activity_kinds": ACTIVITY_KINDS,
    "participant_roles": PARTICIPANT_ROLES,
    "agreement_kinds": AGREEMENT_KINDS,
    "decision_kinds": DECISION_KINDS,
    "budget_kinds": BUDGET_KINDS,
    "declared_measures": DECLARED_MEASURES,
    "strategy_points": STRATEGY_POINTS,
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
