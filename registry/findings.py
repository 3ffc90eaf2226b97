"""The kinds of findings the analysis reports, declared as data: group, titles and help in both languages."""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["FindingKind", "FINDING_KINDS", "SEVERITIES", "METHODS", "finding_kind"]


class FindingKind(NamedTuple):
    """A kind of analysis finding: its group (gap, overlap, opportunity), titles and help."""

    code: str
    group: str
    title_nb: str
    title_en: str
    help_nb: str
    help_en: str
    strategy: str  # strategy points it serves


FINDING_KINDS: tuple[FindingKind, ...] = (
    FindingKind(
        "thin_relation",
        "gap",
        "Tynne vennskapsbyrelasjoner",
        "Thin sister-city relations",
        "Én rad per vennskapsby der registeret viser lite: bare kommunen som lokal aktør, eller avtalte "
        "sektorer uten registrert aktivitet (strategi 2a: «videreutvikle vennskapsbyavtalene innen "
        "prioriterte områder»). Vennskapsbyer med ingenting registrert utover selve avtalen samles i én rad. "
        "Hver rad sier hva som er registrert, hva som mangler og hva som er neste steg.",
        "One row per sister city where the registry shows little: only the municipality as local actor, or "
        "sectors agreed for the relation without registered activity (strategy 2a: develop the twinning "
        "agreements 'within prioritised areas'). Sister cities with nothing registered beyond the twinning "
        "itself are gathered in one row. Each row says what is registered, what is missing and what to do next.",
        "1a;2a;4a;4d",
    ),
    FindingKind(
        "unused_consulate",
        "gap",
        "Konsulater uten registrert bruk",
        "Consulates with no registered use",
        "Konsulater uten andre forbindelser enn landet de representerer og byen de ligger i, og om landet "
        "har noen annen aktiv relasjon. Neste steg er å invitere konsulen til det internasjonale forumet "
        "(strategi 1f, bystyrets vedtak punkt 7) og bruke konsulatene aktivt (4e).",
        "Consulates with no tie beyond the country they represent and the city they are in, and whether "
        "that country has any other active relation. The next step is to invite the consul to the "
        "international forum (strategy 1f, the council's decision point 7) and use the consulates actively (4e).",
        "1f;4e",
    ),
    FindingKind(
        "forum_isolated",
        "gap",
        "Forumdeltakere uten vennskapsbyer",
        "Forum members without sister cities",
        "Medlemmer (eller planlagte medlemmer) av et forum som ikke har noen registrert forbindelse til eller "
        "aktivitet i en vennskapsby eller partnerby.",
        "Members (or planned members) of a forum with no registered tie to or activity in any sister or partner city.",
        "1f",
    ),
    FindingKind(
        "undocumented_tie",
        "gap",
        "Uten mål, indikatorer eller kilde",
        "Without goals, indicators or source",
        "Prosjektsamarbeid (prosjekter og forbindelser som hviler på en prosjektavtale) uten mål, indikatorer eller "
        "kilde: strategi 2a vil formalisere samarbeidet i prosjektbaserte engasjementer som er målbare og har "
        "dokumenterbar effekt. Annet samarbeid, som en vennskapsbyavtale, listes bare når det mangler kilde.",
        "Project cooperation (projects and ties resting on a project agreement) without goals, indicators or a "
        "source: strategy 2a formalises cooperation in project-based engagements that are measurable and have "
        "documentable effect. Other cooperation, such as a twinning, is listed only when it has no source.",
        "2a",
    ),
    FindingKind(
        "documentation_gap",
        "gap",
        "Mindre dokumentert enn kilden oppgir",
        "Less documented than a source declares",
        "Der en kilde oppgir et antall (for eksempel 22 konsulater, 13 vennskapsbyer) og registeret "
        "dokumenterer færre: hvor mange som mangler, og hva som er neste steg (strategi 4a).",
        "Where a source declares a total (for instance 22 consulates, 13 twin towns) and the registry "
        "documents fewer: how many are missing, and what to do next (strategy 4a).",
        "4a;4e",
    ),
    FindingKind(
        "one_way_solidarity",
        "gap",
        "Enveis solidaritet",
        "One-way solidarity",
        "Solidaritetsrelasjoner drevet av frivillige som er enveis eller ikke dokumentert som gjensidige; "
        "strategi 2c: «Det bør imidlertid være et krav om en toveis relasjon».",
        "Solidarity relations carried by voluntary organisations that are one-way or not documented as "
        "two-way; strategy 2c: there should, however, be a requirement of a two-way relation.",
        "2c",
    ),
    FindingKind(
        "went_dormant",
        "gap",
        "Ingen registrert aktivitet på flere år",
        "No activity registered for years",
        "Vennskaps- og partnerbyer der registeret har aktivitet (forbindelser eller registrerte aktiviteter), "
        "men ingen de siste årene. Det sier hva som er registrert, ikke at kontakten har opphørt.",
        "Sister and partner cities where the registry holds activity (ties or registered activities), but "
        "none in recent years. It says what is registered, not that the contact has stopped.",
        "2c",
    ),
    FindingKind(
        "isolated",
        "gap",
        "Uten forbindelse til kommunen",
        "Not connected to the municipality",
        "Aktører, programmer og steder som ikke har noen aktiv forbindelse, eller ingen vei til kommunen. "
        "Den som bærer en forbindelse, regnes som knyttet til begge ender; nedlagte organer er utelatt.",
        "Actors, programmes and places with no active tie, or no path to the municipality. Whoever carries "
        "a tie counts as connected to both its ends; bodies that no longer exist are left out.",
        "3e;4a;4f",
    ),
    FindingKind(
        "single_point_of_failure",
        "gap",
        "Enkeltpunkter som alt henger på",
        "Single points of failure",
        "Aktører som er eneste registrerte kanal mellom kommunen og andre: faller de bort, viser registeret "
        "ingen annen vei til dem. Bare virkelige kanaler teller: ikke planlagte eller usikre medlemskap, ikke "
        "konsulater som bare ligger i byen, ikke organer som er nedlagt; og et organ er aldri selv funnet "
        "for sine egne medlemmer (medlemmene møtes i organet; det står ikke mellom dem).",
        "Actors that are the only registered channel between the municipality and others: if they drop out, "
        "the registry shows no other way to reach them. Only real channels count: not planned or uncertain "
        "memberships, not consulates merely located in the city, not bodies that no longer exist; and a body is "
        "never itself the finding for its own members (they meet in the body; it does not stand between them).",
        "4a",
    ),
    FindingKind(
        "structural_hole",
        "gap",
        "Strukturelle hull",
        "Structural holes",
        "Lokale aktører (ikke kommunen selv) hvis kontakter ikke har forbindelse med hverandre: aktøren holder "
        "dem sammen alene, og kommunen kan koble dem. Målt som effektiv størrelse: hvor mange av kontaktene "
        "som ikke allerede kjenner hverandre. Et organs egne medlemmer, konsulater og planlagte forbindelser "
        "regnes ikke som kontakter.",
        "Local actors (not the municipality itself) whose contacts are not tied to each other: the actor "
        "alone holds them together, and the municipality could connect them. Measured as effective size: how "
        "many of the contacts do not already know each other. A body's own members, consulates and planned "
        "ties are not counted as contacts.",
        "1a;4a",
    ),
    FindingKind(
        "shared_partner",
        "overlap",
        "Samme partner, ingen kontakt",
        "Same partner, no contact",
        "Lokale aktører som arbeider med samme utenlandske by eller land uten å ha forbindelse med hverandre "
        "(en felles forbindelse eller en felles aktivitet der teller som kontakt).",
        "Local actors working the same foreign city or country without a tie to each other (a shared tie or "
        "a shared activity there counts as contact).",
        "1a;4a",
    ),
    FindingKind(
        "many_channels",
        "overlap",
        "Mange kanaler samtidig",
        "Many channels at once",
        "Utenlandske steder som mange lokale aktører arbeider med samtidig; her lønner samordning seg.",
        "Foreign places that many local actors work at once; coordination pays off here.",
        "1a;4a",
    ),
    FindingKind(
        "likely_duplicate",
        "overlap",
        "Mulige duplikater",
        "Likely duplicates",
        "Enheter som trolig er samme sted eller aktør under to navn.",
        "Entities that are likely the same place or actor under two names.",
        "4a",
    ),
    FindingKind(
        "opportunity",
        "opportunity",
        "Usynlige muligheter",
        "Invisible opportunities",
        "Utenlandske steder der byens institusjoner er aktive, men kommunen ikke har noen relasjon. Rangert "
        "høyere jo flere lokale aktører som er der, og jo færre andre forbindelser hver av dem har (et sted "
        "betyr mer for en aktør med få forbindelser; Adamic–Adar-indeksen).",
        "Foreign places where the city's institutions are active but the municipality has no relation. Ranked "
        "higher the more local actors are there and the fewer other ties each of them has (a place means more "
        "to an actor with few ties; the Adamic–Adar index).",
        "4a",
    ),
    FindingKind(
        "suggested_connection",
        "opportunity",
        "Forbindelser verdt å foreslå",
        "Connections worth suggesting",
        "Hvor aktører kan kobles, med radene bak hvert forslag og neste steg: en lokal aktør som arbeider innen en "
        "sektor en vennskapsbyavtale nevner, der relasjonen ikke har registrert aktivitet i sektoren; to lokale aktører "
        "som arbeider med samme utenlandske partner eller er med i samme nettverk eller forum uten registrert "
        "samarbeid; et konsulat for et land der en lokal aktør er aktiv. Registrert samarbeid er en forbindelse mellom "
        "dem (ikke beliggenhet) eller en felles registrert aktivitet.",
        "Where actors could be connected, with the rows behind each suggestion and the next step: a local actor "
        "working in a sector a sister-city agreement names, where the relation has no activity in that sector "
        "registered; two local actors working with the same foreign partner, or in the same network or forum, with "
        "no registered cooperation; a consulate of a country where a local actor is active. Registered cooperation "
        "is a tie between them (not a location) or a registered activity both took part in.",
        "1a;1f;2a;4a;4d;4e",
    ),
)

_FINDING_KINDS = {k.code: k for k in FINDING_KINDS}


def finding_kind(code: str) -> FindingKind:
    """Return the finding kind with ``code``; KeyError when there is none."""
    return _FINDING_KINDS[code]


#: Severity of a finding, most urgent first: (code, label_nb, label_en).
SEVERITIES: tuple[tuple[str, str, str], ...] = (
    ("high", "Høy", "High"),
    ("medium", "Middels", "Medium"),
    ("low", "Lav", "Low"),
    ("info", "Til orientering", "For information"),
)

#: How a finding kind was computed at the size of the graph at hand: (code, label_nb, label_en, help).
METHODS: tuple[tuple[str, str, str, str], ...] = (
    ("exact", "Eksakt", "Exact", "Every candidate was examined."),
    ("sampled", "Utvalg", "Sampled", "A sample or the largest candidates were examined; the note says which."),
    ("skipped", "Hoppet over", "Skipped", "Not computed here; the note says why."),
)
