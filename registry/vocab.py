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
    "ACTION_STATUSES",
    "INDICATOR_DIRECTIONS",
    "VOCABULARIES",
    "label",
]


class Term(NamedTuple):
    code: str
    label_nb: str
    label_en: str
    help: str = ""


# The vocabularies are tables: one term a line, as a reader scans them.
# fmt: off
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
    Term(
        "solidarity",
        "Solidaritetsrelasjon",
        "Solidarity relation",
        "A relation of solidarity carried by associations or voluntary organisations (strategy 2c); not a twinning",
    ),
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
    Term("not_enough_data", "Ikke nok data", "Not enough data", "A suggestion only: the registry holds no activity for the relation"),
)

MUNICIPAL_ROLES: tuple[Term, ...] = (
    Term("active", "Aktiv", "Active", "The municipality itself carries the contact"),
    Term("facilitator", "Tilrettelegger", "Facilitator", "The municipality supports others who carry it"),
    Term("none", "Ingen rolle", "No role", "The municipality has no role"),
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
    Term("end_twinning", "Avslutte vennskapsby", "End a twinning", "Ends the relation from the decision's date"),
    Term(
        "suspend_twinning",
        "Fryse vennskapsby",
        "Suspend a twinning",
        "Freezes the relation from the decision's date (scope and re-review date on the decision) until resumed",
    ),
    Term("resume_twinning", "Gjenoppta vennskapsby", "Resume a twinning", "Lifts a suspension from its date"),
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

# The strategy's own points (bystyresak 3/10, «Store lille Trondheim i verden», adopted 2010-01-28): the
# three *Mål* bullets (g1–g3), the four målområder (m1–m4) and the points of strategies 1–4, then the
# council's decision point 7 (v7) and the majority's remark (fm), with short titles read from the Norwegian
# original and the point's own words (corrected from the OCR copy) as help. The council's marks, as its
# decision words them: additions 1h and 1i (tillegg strategi 1), 3f (nytt punkt), 4d (tillegg), the change
# of 4h and of strategy 1 (point 4); the remarks of point 5 (1d, 3b, 1f, 4b); the Mål's changes (point 6).
_COUNCIL = " (Bystyrets tillegg 28.01.2010.)"
# Vedtakspunkt 5: «Bystyret vil likevel påpeke flere momenter» — the council's remarks, taken into the text.
_REMARK = " (Bystyrets merknad, vedtakspunkt 5, 28.01.2010.)"
STRATEGY_POINTS: tuple[Term, ...] = (
    # «Mål for Trondheims internasjonale arbeid»: three bullets, the third the council's own (vedtakspunkt 6b).
    Term("g1", "Mål 1: Trondheim som internasjonal by og internasjonal nysgjerrighet",
         "Goal 1: Trondheim as an international city, and international curiosity",
         "Arbeidet med det internasjonale Trondheim skal videreutvikle Trondheims rolle som en internasjonal by og "
         "stimulere internasjonal nysgjerrighet."),
    Term("g2", "Mål 2: Den samlede internasjonale kompetansen i byen",
         "Goal 2: The city's combined international competence",
         "… ta i bruk og utvikle den samlede internasjonale kompetanse i Trondheim by som grunnlag for å fornye samfunnet "
         "og styrke bærekraftig utvikling, som middel i den økende globale konkurransen om oppmerksomhet, arbeidskraft, "
         "studenter og forskere, kultur- og næringsutvikling. («fornye samfunnet og styrke bærekraftig utvikling»: "
         "bystyrets tillegg, vedtakspunkt 6a, 28.01.2010.)"),
    Term("g3", "Mål 3: Et solidaritetsperspektiv", "Goal 3: A solidarity perspective",
         "… i størst mulig grad være basert på et solidaritetsperspektiv. (Bystyrets nye kulepunkt, vedtakspunkt 6b, "
         "28.01.2010.)"),
    Term("m1", "Målområde 1: Internasjonal kontakt og samarbeid", "Goal area 1: International contact and cooperation",
         "Befeste og styrke Trondheims internasjonale kontakt og samarbeid som kunnskapsby; avklare vennskapsbysamarbeidet; "
         "samordne strategier og nettverk; gi barn og unge kunnskap om globale utfordringer og muligheter."),
    Term("m2", "Målområde 2: Utvikle internasjonal kompetanse og fagkunnskap internt i kommunen",
         "Goal area 2: Developing international competence and expertise within the municipality",
         "Stimulere kommunens aktive deltakelse i internasjonalt arbeid, øke fokuset på rekruttering av internasjonal "
         "kompetanse, og identifisere og utnytte eksterne finansieringsmuligheter."),
    Term("m3", "Målområde 3: Synliggjøre internasjonal aktivitet", "Goal area 3: Making international activity visible",
         "Øke synligheten av byens internasjonale aktiviteter og signalisere solidaritet og medmenneskelighet; god "
         "dokumentasjon av internasjonal aktivitet og en internasjonal informasjonsstrategi."),
    Term("m4", "Målområde 4: Utvikle vertskapsrollen", "Goal area 4: Developing the host role",
         "Trondheim skal fremstå som et bysamfunn som etablerer positive relasjoner til besøkende, og se nye muligheter "
         "i vertskapsrollen i sammenheng med andre lokale initiativ."),
    Term("1", "Strategi 1: Tilretteleggerrolle for økt internasjonal kontakt og samarbeid",
         "Strategy 1: A facilitator role for more international contact and cooperation",
         "Trondheim kommune skal ha en tilretteleggerrolle og bidra til økt internasjonal kontakt og samarbeid innen "
         "utdanning, forskning, helse, kultur og næringsliv. (Vedtatt med bystyrets tillegg/endringer, vedtakspunkt 4a, "
         "28.01.2010.)"),
    Term("1a", "1a: Internasjonalisering sammen med utdannings- og FoU-miljøene",
         "1a: Internationalisation together with education and R&D institutions",
         "Ta initiativ sammen med utdannings- og FoU-miljøene til økt innsats i internasjonalt arbeid, og bistå "
         "utdannings- og forskningsinstitusjonene i internasjonaliseringen der det er mulig."),
    Term("1b", "1b: Kirkelig tyngdepunkt, pilegrimssatsing og økumenisk dialog",
         "1b: Church centre, pilgrimage and ecumenical dialogue",
         "Styrke Trondheims rolle som nasjonalt kirkelig tyngdepunkt gjennom kirkens internasjonale relasjoner, "
         "pilegrimssatsing og økumenisk dialogarbeid."),
    Term("1c", "1c: Barn og unge i internasjonale programmer og kulturutveksling",
         "1c: Children and young people in international programmes and cultural exchange",
         "Barn og unges deltakelse i internasjonale programmer, kulturutveksling og kontaktskapende arbeid gis prioritet "
         "innen skole, kultur og fritid (gjensidige skolebesøk)."),
    Term("1d", "1d: Kunnskap om globale utfordringer og muligheter",
         "1d: Knowledge of global challenges and opportunities",
         "Internasjonal kontakt og samarbeid skal gi både barn, unge og voksne kunnskap om globale utfordringer og "
         "muligheter." + _REMARK),
    Term("1e", "1e: Barn og unge i kommunens internasjonale arbeid",
         "1e: Children and young people in the municipality's international work",
         "Barn og unges involvering sikres blant annet gjennom ungdommens bystyre og aktiviteter i frivillige "
         "organisasjoner."),
    Term("1f", "1f: Internasjonalt forum", "1f: An international forum",
         "Et internasjonalt forum der NTNU, Innovasjon Norge, Trøndelags Europakontor, Access Mid-Norway / Midt-Norsk "
         "handelskammer og Sør-Trøndelag fylkeskommune sammen med Trondheim kommune er katalysator for samspillet "
         "lokalt; næringslivet, reiselivet og kultursektoren skal med. Trondheim har 22 konsulater for 22 land, og "
         "konsulene inviteres til å delta med en representant. (Næringslivet, reiselivet og kultursektoren: bystyrets "
         "merknad, vedtakspunkt 5; konsulene: vedtakspunkt 7, 28.01.2010.)"),
    Term("1g", "1g: Service for internasjonale studenter og forskere",
         "1g: Services for international students and researchers",
         "Forbedre byens servicetilbud til internasjonale studenter og forskere for å lette tilgangen til høyt "
         "kvalifisert arbeidskraft."),
    Term("1h", "1h: Byens profesjonelle kulturelle ressurser", "1h: The city's professional cultural resources",
         "Bevisst bruke Trondheims (profesjonelle) kulturelle ressurser i byens internasjonale strategi." + _COUNCIL),
    Term("1i", "1i: Innbyggere med internasjonal bakgrunn", "1i: Residents with an international background",
         "Kompetanse og erfaring hos innbyggerne med internasjonal bakgrunn trekkes inn i arbeidet." + _COUNCIL),
    Term("2", "Strategi 2: Strukturere og utvikle vennskapsbysamarbeidet",
         "Strategy 2: Structuring and developing the sister-city cooperation",
         "Trondheim kommune skal strukturere og utvikle vennskapsbysamarbeidet gjennom å avklare formål og muligheter."),
    Term("2a", "2a: Målbare, strategiske samarbeidsavtaler", "2a: Measurable, strategic cooperation agreements",
         "Formalisere internasjonalt samarbeid i prosjektrelaterte engasjement basert på strategiske samarbeidsavtaler "
         "som er målbare og har dokumenterbar effekt, og videreutvikle vennskapsbyavtalene innen prioriterte områder."),
    Term("2b", "2b: Nye relasjoner bare der de gjør en forskjell", "2b: New relations only where they make a difference",
         "Nye relasjoner etableres på aktivitet som kan bety en forskjell for måloppnåelsen, og som er gjenkjennelig ut "
         "fra felles næringsstruktur, kultur og historie."),
    Term("2c", "2c: Vurdere og gradere vennskapsbyene i fire kategorier",
         "2c: Assessing and grading the sister cities in four categories",
         "Prosjektrelasjoner, politiske fokusområder, solidaritetsrelasjoner (toveis) og hvilende relasjoner; "
         "tydeliggjøre hvor kommunen har en aktiv rolle, hva rollen innebærer, og hvor kontakten utøves av andre."),
    Term("3", "Strategi 3: Internasjonal kompetanse i kommunens organisasjon",
         "Strategy 3: International competence in the municipal organisation",
         "Trondheim kommunes organisasjon skal øke sin internasjonale kompetanse og delta i samarbeid og nettverk som "
         "fremmer demokrati og forståelse, og gjensidig faglig utvikling."),
    Term("3a", "3a: Rekruttere internasjonal kompetanse; språklig tilrettelagt informasjon",
         "3a: Recruiting international competence; information adapted to language",
         "Økt fokus på rekruttering av internasjonal kompetanse og ansatte med flerkulturell bakgrunn, språklig "
         "tilrettelegging av informasjon, og internasjonal nysgjerrighet."),
    Term("3b", "3b: Ekspertinnvandrere og godkjenning av utenlandsk utdanning",
         "3b: Expert immigrants and recognition of foreign education",
         "Arbeide for at personer med høyere utdanning fra utenlandske universiteter og høyskoler får godkjent / "
         "godskrevet sin utdanning i Norge. (Ekspertinnvandrere: bystyrets merknad, vedtakspunkt 5, 28.01.2010.)"),
    Term("3c", "3c: Kommunal informasjon på minst to andre språk", "3c: Municipal information in at least two other languages",
         "Ta initiativ til at vesentlig kommunal informasjon blir gjort tilgjengelig gjennom minst to flerspråklige "
         "versjoner."),
    Term("3d", "3d: Forankring på strategisk og politisk nivå", "3d: Anchoring at strategic and political level",
         "Aktivitetene på overordnet kommunenivå skal forankres på strategisk og politisk nivå."),
    Term("3e", "3e: Ekstern finansiering", "3e: External funding",
         "Kartlegge muligheter for ekstern finansiering innenfor prioriterte områder, og i samarbeid med Trøndelags "
         "Europakontor informere utdanningsinstitusjoner, næringsliv, foreninger og frivillige organisasjoner "
         "(EU / Interreg, DU, KS, NORAD, Nordisk ministerråd m.m.)."),
    Term("3f", "3f: Nært samarbeid med frivillige organisasjoner", "3f: Close cooperation with voluntary organisations",
         "Trondheim kommune skal samarbeide nært med frivillige organisasjoner med tanke på kompetanseutveksling og "
         "inkludering." + _COUNCIL),
    Term("4", "Strategi 4: Dokumentere og synliggjøre det internasjonale engasjementet",
         "Strategy 4: Documenting and making the international engagement visible",
         "Trondheim kommune skal dokumentere og synliggjøre kommunens internasjonale engasjement, aktiviteter og "
         "vertskapsrolle."),
    Term("4a", "4a: Bedre dokumentasjon og en helhetlig oversikt", "4a: Better documentation and a whole overview",
         "Skaffe bedre dokumentasjon som kan gi en mer helhetlig oversikt over den internasjonale aktiviteten, og belyse "
         "muligheter som til nå har vært usynlige."),
    Term("4b", "4b: Digital internasjonal informasjonsstrategi", "4b: A digital international information strategy",
         "Utvikle en internasjonal informasjonsstrategi; kommunikasjonen skjer i stadig større grad digitalt, så en "
         "digital informasjonsstrategi må inngå." + _REMARK),
    Term("4c", "4c: Vertskapsrollen som redskap for relasjonsbygging", "4c: The host role as a tool for building relations",
         "Utvikle og forsterke vertskapsrollen: et bysamfunn som etablerer positive relasjoner til besøkende og bruker "
         "vertskapsrollen aktivt til relasjonsbygging."),
    Term("4d", "4d: Involvere kunnskapsmiljøer, frivillige, kultur og næringsliv i representasjon og vertskap",
         "4d: Involving knowledge institutions, voluntary organisations, culture and business in representation and hosting",
         "Utnytte relevante internasjonale kontakter ved å involvere kunnskapsmiljøer, frivillige organisasjoner, kultur "
         "og næringsliv i representasjonsoppgaver og vertskapsrolle." + _COUNCIL),
    Term("4e", "4e: Aktivt bruke byens 22 konsulater", "4e: Actively using the city's 22 consulates",
         "De 22 konsulatene er et stort potensial for internasjonale relasjoner som fremmer bysamfunnet, kultur og "
         "næringslivsinteresser."),
    Term("4f", "4f: Studentorganisasjoner som ISFIT og IAESTE", "4f: Student organisations such as ISFIT and IAESTE",
         "Samarbeide med internasjonale studentorganisasjoner for å utnytte et i dag usynlig nettverk av «Trondheims "
         "ambassadører» over det meste av verden."),
    Term("4g", "4g: Markedsføre byen og styrke regionens konkurranseevne",
         "4g: Marketing the city and strengthening the region's competitiveness",
         "Profilere Trondheim som student- og forskningsby, innovasjons- og etablererby og en by med gode kultur-, natur- "
         "og fritidsmuligheter."),
    Term("4h", "4h: Trondheim som arrangørby", "4h: Trondheim as a host of major events",
         "Videreutvikle Trondheims rykte som arrangørby for større idrettsarrangement, messer og kongresser og kulturelle "
         "arrangementer i byrommet, og sette begivenhetene i en større sammenheng. (Endret av bystyret 28.01.2010.)"),
    # The council's decision beyond the strategy's text: point 7, and the majority's remark.
    Term("v7", "Vedtakspunkt 7: Konsulene inviteres til det internasjonale forumet",
         "Decision point 7: The consuls are invited to the international forum",
         "Trondheim har 22 konsulater for 22 forskjellige land. Konsulene inviteres til å delta med en representant i det "
         "internasjonale forum som tenkes etablert. (Bystyrets vedtak 28.01.2010, punkt 7.)"),
    Term("fm", "Flertallsmerknad: Finansieringsplan i saken om vennskapsbyer",
         "Majority remark: A financing plan in the sister-city case",
         "Bystyret ber om at saken om vennskapsbyer inneholder en finansieringsplan. (Flertallsmerknad fra KrF, H, FrP, "
         "Ap, SV, R, PP, Sp, MDG og V, 28.01.2010.)"),
)

ACTION_STATUSES: tuple[Term, ...] = (
    Term("planned", "Planlagt", "Planned", "In the plan, not begun"),
    Term("ongoing", "Pågår", "Ongoing", "Begun and not finished"),
    Term("completed", "Gjennomført", "Completed", "Carried out"),
    Term("postponed", "Utsatt", "Postponed", "Put off to a later period"),
    Term("cancelled", "Avlyst", "Cancelled", "Dropped: it will not be carried out"),
)

INDICATOR_DIRECTIONS: tuple[Term, ...] = (
    Term("higher", "Høyere er bedre", "Higher is better", "The target is reached at or above it"),
    Term("lower", "Lavere er bedre", "Lower is better", "The target is reached at or below it"),
)
# fmt: on

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
    "action_statuses": ACTION_STATUSES,
    "indicator_directions": INDICATOR_DIRECTIONS,
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
