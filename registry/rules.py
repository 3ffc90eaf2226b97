"""The rules behind classification and analysis, declared as data: thresholds, criteria, finding kinds.

Everything a council member might ask "why?" about is here, with Norwegian and
English labels: the numbers (thresholds), which entity and tie kinds play which
part, the criteria each sister-city category needs, and the kinds of findings the
analysis reports. ``classify`` and ``analysis`` only evaluate these rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any, Mapping, NamedTuple

__all__ = [
    "Threshold",
    "THRESHOLDS",
    "Rules",
    "DEFAULT_RULES",
    "LOCAL_ACTOR_KINDS",
    "ALWAYS_LOCAL_KINDS",
    "CITY_KINDS",
    "COUNTRY_KINDS",
    "HOME_KIND",
    "SOLIDARITY_CARRIER_KINDS",
    "NATIONAL_KINDS",
    "FUNDING_KINDS",
    "PROJECT_TIE_KINDS",
    "FUNDING_TIE_KINDS",
    "NOT_ACTIVITY_TIE_KINDS",
    "DOCUMENTED_TIE_KINDS",
    "CONSULATE_OWN_TIE_KINDS",
    "COVERAGE_SECTORS",
    "COVERAGE_ACTOR_KINDS",
    "MUNICIPAL_FUNDER",
    "Criterion",
    "CRITERIA",
    "CategoryRule",
    "CATEGORY_RULES",
    "FindingKind",
    "FINDING_KINDS",
    "SEVERITIES",
    "METHODS",
    "AGREEMENTS",
    "criterion",
    "finding_kind",
]


class Threshold(NamedTuple):
    """One number a rule depends on, with its default and what it means."""

    code: str
    default: float
    label_nb: str
    label_en: str
    help: str


THRESHOLDS: tuple[Threshold, ...] = (
    Threshold(
        "dormant_years", 5, "År uten aktivitet", "Years without activity",
        "A relation is dormant when no tie other than the formal sister-city tie was active in this many "
        "years up to the date (strategy 2c.4). Also the window for external funding in plan lines.",
    ),
    Threshold(
        "min_cut_off", 2, "Minste antall avskårne", "Fewest entities cut off",
        "An entity is a single point of failure when removing it cuts at least this many entities off "
        "from the municipality. (A lone partner hanging on one tie is reported as a gap instead.)",
    ),
    Threshold(
        "hole_min_degree", 3, "Minste antall kontakter (strukturelle hull)", "Fewest contacts (structural holes)",
        "Burt's measures are reported for local actors with at least this many contacts.",
    ),
    Threshold(
        "hole_min_efficiency", 0.75, "Minste effektivitet", "Lowest efficiency",
        "Effective size divided by the number of contacts. At 1.0 none of an actor's contacts are tied to "
        "each other: the actor alone holds them together (a structural hole).",
    ),
    Threshold(
        "hole_max_actors", 20_000, "Flest aktører som måles", "Most actors measured",
        "Above this many local actors, Burt's measures are computed for the best-connected ones only "
        "(the summary says so).",
    ),
    Threshold(
        "many_channels_min_actors", 3, "Minste antall kanaler", "Fewest channels",
        "A foreign place is served through many channels when at least this many local actors work it at once.",
    ),
    Threshold(
        "shared_partner_max_actors", 25, "Flest aktører per sted (parvis)", "Most actors per place (pairwise)",
        "Places worked by more local actors than this are not listed pair by pair (that would be thousands of "
        "rows); they appear under 'many channels' instead.",
    ),
    Threshold(
        "duplicate_km", 5.0, "Avstand for mulige duplikater (km)", "Distance for likely duplicates (km)",
        "Two cities of the same country closer than this are likely the same place under two names.",
    ),
)


@dataclass(frozen=True)
class Rules:
    """The thresholds in force: the defaults from :data:`THRESHOLDS`, optionally changed.

    >>> DEFAULT_RULES["dormant_years"]
    5
    >>> DEFAULT_RULES.with_values(dormant_years=3)["dormant_years"]
    3
    """

    values: Mapping[str, float] = field(
        default_factory=lambda: MappingProxyType({t.code: t.default for t in THRESHOLDS})
    )

    def __getitem__(self, code: str) -> Any:
        return self.values[code]

    def with_values(self, **changes: float) -> "Rules":
        """Return a copy with some thresholds changed; unknown names raise KeyError."""
        unknown = set(changes) - set(self.values)
        if unknown:
            raise KeyError(f"unknown threshold(s): {', '.join(sorted(unknown))}")
        return replace(self, values=MappingProxyType({**self.values, **changes}))


DEFAULT_RULES = Rules()

# --- Which entities and ties play which part -------------------------------------------------

#: The entity kind of the home municipality (the one with the sister-city ties).
HOME_KIND = "municipality"
#: Kinds that act locally: the municipality and the institutions of the city and region.
#: An entity of these kinds is local when it is in the home country (or its country is not recorded).
LOCAL_ACTOR_KINDS = frozenset(
    {"municipality", "university", "business_body", "public_agency", "county", "eu_office", "student_org",
     "voluntary_org"}
)
#: Local wherever they sit: a regional office in Brussels still acts for the region.
ALWAYS_LOCAL_KINDS = frozenset({"eu_office"})
#: Foreign entities of these kinds are places (a city or town); other foreign entities are placed
#: in the city they are ``located_in``, or else in their country.
CITY_KINDS = frozenset({"city", "municipality"})
COUNTRY_KINDS = frozenset({"country"})
#: Activity carried by these kinds is solidarity activity (strategy 2c.3).
SOLIDARITY_CARRIER_KINDS = frozenset({"voluntary_org"})
#: A tie with one of these at either end or as carrier is national coordination (strategy 2c.2).
NATIONAL_KINDS = frozenset({"public_agency"})
#: Entities that fund (strategy 3e).
FUNDING_KINDS = frozenset({"funding_programme"})
#: Tie kinds that are concrete project agreements (strategy 2a, 2c.1).
PROJECT_TIE_KINDS = frozenset({"project", "partnership"})
FUNDING_TIE_KINDS = frozenset({"funding"})
#: Ties that are not activity: the formal twinning itself, and where something is.
NOT_ACTIVITY_TIE_KINDS = frozenset({"sister_city", "located_in"})
#: Ties that strategy 2a wants measurable and documented (goals, indicators, source).
DOCUMENTED_TIE_KINDS = frozenset({"sister_city", "partnership", "project", "exchange", "funding"})
#: A consulate's own ties (to the country it represents and the city it sits in) are not use of it.
CONSULATE_OWN_TIE_KINDS = frozenset({"consular", "located_in"})
#: The sectors strategy 1 names (columns of the sister city × sector coverage matrix that count as gaps).
COVERAGE_SECTORS: tuple[str, ...] = ("education", "research", "health", "culture", "business")
#: The local actor kinds strategy 1 and 4d–4f want involved with every sister city.
COVERAGE_ACTOR_KINDS: tuple[str, ...] = ("university", "business_body", "student_org", "voluntary_org")
#: ``plan_lines.funder`` for the municipality's own money; anything else is external funding.
MUNICIPAL_FUNDER = "municipal"

# --- The four categories (strategy 2c) --------------------------------------------------------


class Criterion(NamedTuple):
    """One test the evidence for a sister city can pass; texts take ``{evidence}`` and ``{years}``.

    ``{evidence}`` is filled with the ids behind the answer (tie ids, ``decision:N``,
    ``plan_line:N``), or "none recorded" when there are none.
    """

    code: str
    label_nb: str
    label_en: str
    met_nb: str
    met_en: str
    unmet_nb: str
    unmet_en: str


CRITERIA: tuple[Criterion, ...] = (
    Criterion(
        "focus_decision", "Politisk vedtak om fokus", "Council decision of focus",
        "Vedtatt som politisk fokusområde ({evidence})",
        "Decided as a political focus area ({evidence})",
        "Ingen gjeldende vedtak om politisk fokus",
        "No decision of political focus in force",
    ),
    Criterion(
        "external_funding", "Ekstern finansiering", "External funding",
        "Ekstern finansiering siste {years} år ({evidence})",
        "External funding in the last {years} years ({evidence})",
        "Ingen ekstern finansiering siste {years} år",
        "No external funding in the last {years} years",
    ),
    Criterion(
        "national_coordination", "Nasjonal samordning", "National coordination",
        "Samordnet med nasjonale myndigheter ({evidence})",
        "Coordinated with national authorities ({evidence})",
        "Ingen samordning med nasjonale myndigheter",
        "No coordination with national authorities",
    ),
    Criterion(
        "project_tie", "Aktivt prosjekt eller avtale", "Active project or agreement",
        "Aktivt prosjekt eller avtale ({evidence})",
        "Active project or agreement ({evidence})",
        "Ingen aktive prosjekter eller avtaler",
        "No active project or agreement",
    ),
    Criterion(
        "project_goals", "Med konkrete mål", "With concrete goals",
        "Prosjekt med konkrete mål ({evidence})",
        "Project with concrete goals ({evidence})",
        "Ingen aktive prosjekter med konkrete mål",
        "No active project with concrete goals",
    ),
    Criterion(
        "project_indicators", "Med krav til måloppnåelse", "With requirements for goal achievement",
        "Prosjekt med mål og indikatorer ({evidence})",
        "Project with goals and indicators ({evidence})",
        "Ingen aktive prosjekter med både mål og indikatorer",
        "No active project with both goals and indicators",
    ),
    Criterion(
        "voluntary_carrier", "Drevet av frivillige", "Carried by voluntary organisations",
        "Aktivitet drevet av frivillige organisasjoner ({evidence})",
        "Activity carried by voluntary organisations ({evidence})",
        "Ingen aktivitet drevet av frivillige organisasjoner",
        "No activity carried by voluntary organisations",
    ),
    Criterion(
        "two_way", "Gjensidig", "Two-way",
        "Gjensidig relasjon ({evidence})",
        "Two-way relation ({evidence})",
        "Ingen frivillig aktivitet er dokumentert som gjensidig",
        "No voluntary activity is documented as two-way",
    ),
    Criterion(
        "no_recent_activity", "Ingen aktivitet siste år", "No recent activity",
        "Ingen aktivitet utover vennskapsbyavtalen siste {years} år (tidligere aktivitet: {evidence})",
        "No activity beyond the sister-city agreement in the last {years} years (earlier activity: {evidence})",
        "Aktivitet siste {years} år ({evidence})",
        "Activity in the last {years} years ({evidence})",
    ),
)

_CRITERIA = {c.code: c for c in CRITERIA}


def criterion(code: str) -> Criterion:
    """Return the criterion with ``code``; KeyError when there is none."""
    return _CRITERIA[code]


class CategoryRule(NamedTuple):
    """A category and what it needs: every group must have at least one criterion met."""

    category: str
    requires: tuple[tuple[str, ...], ...]


#: In order of precedence: the first category whose requirements are met is suggested.
#: ``focus_decision`` holds when the decision in force (the latest by the date) is political
#: focus: being a focus area is a political act, and the evidence then tests whether the means
#: the strategy ties to it (external funding, national coordination) are there.
#: Political focus comes first because it rests on a council decision; dormant last,
#: because it is what is left when nothing else holds.
CATEGORY_RULES: tuple[CategoryRule, ...] = (
    CategoryRule("political_focus", (("focus_decision",), ("external_funding", "national_coordination"))),
    CategoryRule("project", (("project_tie",), ("project_goals",), ("project_indicators",))),
    CategoryRule("solidarity", (("voluntary_carrier",), ("two_way",))),
    CategoryRule("dormant", (("no_recent_activity",),)),
)

#: How a suggestion compares with the assigned category.
AGREEMENTS: tuple[tuple[str, str, str], ...] = (
    ("agree", "Samsvarer", "Agrees"),
    ("disagree", "Avviker", "Disagrees"),
    ("unclassified", "Ikke kategorisert", "Not classified"),
)

# --- Findings ---------------------------------------------------------------------------------


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
