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
        "municipal_only", "gap", "Bare kommunens egen forbindelse", "Only the municipality's own tie",
        "Vennskapsbyer der kommunen er den eneste lokale aktøren som har en forbindelse.",
        "Sister cities where the municipality is the only local actor with a tie.",
        "4a",
    ),
    FindingKind(
        "sector_gap", "gap", "Sektorer uten dekning", "Sectors not covered",
        "Vennskapsbyer uten aktive forbindelser i en eller flere av strategiens sektorer "
        "(utdanning, forskning, helse, kultur, næringsliv).",
        "Sister cities with no active tie in one or more of the strategy's sectors "
        "(education, research, health, culture, business).",
        "1a",
    ),
    FindingKind(
        "actor_gap", "gap", "Aktørtyper uten dekning", "Actor kinds not involved",
        "Vennskapsbyer der ingen universitet, næringslivsorganisasjon, studentorganisasjon eller frivillig "
        "organisasjon har en aktiv forbindelse.",
        "Sister cities that no university, business body, student organisation or voluntary organisation "
        "has an active tie with.",
        "1a;4d;4f",
    ),
    FindingKind(
        "unused_consulate", "gap", "Konsulater som ikke brukes", "Consulates not used",
        "Konsulater uten andre forbindelser enn landet de representerer og byen de ligger i, og om landet "
        "har noen annen aktiv relasjon.",
        "Consulates with no tie beyond the country they represent and the city they are in, and whether "
        "that country has any other active relation.",
        "1f;4e",
    ),
    FindingKind(
        "forum_isolated", "gap", "Forumdeltakere uten vennskapsbyer", "Forum members without sister cities",
        "Medlemmer av et forum som ikke har noen forbindelse til en vennskapsby eller partnerby.",
        "Forum members with no tie to any sister or partner city.",
        "1f",
    ),
    FindingKind(
        "undocumented_tie", "gap", "Uten mål, indikatorer eller kilde", "Without goals, indicators or source",
        "Samarbeid uten mål, indikatorer eller kilde; strategien ber om målbar og dokumenterbar effekt.",
        "Cooperation without goals, indicators or a source; the strategy asks for measurable, documented effect.",
        "2a",
    ),
    FindingKind(
        "one_way_solidarity", "gap", "Enveis solidaritet", "One-way solidarity",
        "Solidaritetsrelasjoner drevet av frivillige som er enveis eller ikke dokumentert som gjensidige; "
        "gjensidighet er et krav.",
        "Solidarity relations carried by voluntary organisations that are one-way or not documented as "
        "two-way; reciprocity is a requirement.",
        "2c",
    ),
    FindingKind(
        "went_dormant", "gap", "Relasjoner som har gått i dvale", "Relations that went dormant",
        "Vennskaps- og partnerbyer som har hatt aktivitet, men ingen de siste årene.",
        "Sister and partner cities that had activity, but none in recent years.",
        "2c",
    ),
    FindingKind(
        "isolated", "gap", "Uten forbindelse til kommunen", "Not connected to the municipality",
        "Aktører, programmer og steder som ikke har noen aktiv forbindelse, eller ingen vei til kommunen.",
        "Actors, programmes and places with no active tie, or no path to the municipality.",
        "3e;4a;4f",
    ),
    FindingKind(
        "single_point_of_failure", "gap", "Enkeltpunkter som alt henger på", "Single points of failure",
        "Aktører som er eneste vei mellom kommunen og andre: faller de bort, mister kommunen kontakten "
        "med alle bak dem (artikulasjonspunkter og broer).",
        "Actors that are the only path between the municipality and others: if they drop out, the "
        "municipality loses touch with everyone behind them (articulation points and bridges).",
        "4a",
    ),
    FindingKind(
        "structural_hole", "gap", "Strukturelle hull", "Structural holes",
        "Lokale aktører hvis kontakter ikke har forbindelse med hverandre (Burts effektive størrelse og "
        "begrensning): de holder nettverket sammen alene, og kommunen kan koble kontaktene.",
        "Local actors whose contacts are not tied to each other (Burt's effective size and constraint): "
        "they alone hold those contacts together, and the municipality could connect them.",
        "1a;4a",
    ),
    FindingKind(
        "shared_partner", "overlap", "Samme partner, ingen kontakt", "Same partner, no contact",
        "Lokale aktører som arbeider med samme utenlandske by eller land uten å ha forbindelse med hverandre.",
        "Local actors working the same foreign city or country without a tie to each other.",
        "1a;4a",
    ),
    FindingKind(
        "many_channels", "overlap", "Mange kanaler samtidig", "Many channels at once",
        "Utenlandske steder som mange lokale aktører arbeider med samtidig; her lønner samordning seg.",
        "Foreign places that many local actors work at once; coordination pays off here.",
        "1a;4a",
    ),
    FindingKind(
        "likely_duplicate", "overlap", "Mulige duplikater", "Likely duplicates",
        "Enheter som trolig er samme sted eller aktør under to navn.",
        "Entities that are likely the same place or actor under two names.",
        "4a",
    ),
    FindingKind(
        "opportunity", "opportunity", "Usynlige muligheter", "Invisible opportunities",
        "Utenlandske steder der byens institusjoner er aktive, men kommunen ikke har noen relasjon, rangert "
        "etter Adamic–Adar (felles naboer, vektet mot de mest spesifikke).",
        "Foreign places where the city's institutions are active but the municipality has no relation, "
        "ranked by Adamic–Adar (common neighbours, weighted towards the most specific).",
        "4a",
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
