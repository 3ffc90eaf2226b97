"""The rules behind classification and analysis, declared as data: thresholds, criteria, finding kinds.

Everything a council member might ask "why?" about is here, with Norwegian and
English labels: the numbers (thresholds), which entity and tie kinds play which
part, the criteria each sister-city category needs, and the kinds of findings the
analysis reports. ``classify`` and ``analysis`` only evaluate these rules.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

from .thresholds import threshold

__all__ = [
    "category_shown",
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
    "NOT_CHANNEL_TIE_KINDS",
    "NOT_CHANNEL_STATUSES",
    "MEMBER_TIE_KINDS",
    "COVERAGE_SECTORS",
    "COVERAGE_ACTOR_KINDS",
    "MUNICIPAL_FUNDER",
    "Quote",
    "QUOTES",
    "Criterion",
    "CRITERIA",
    "NOT_ENOUGH_DATA",
    "STATES",
    "ROLES",
    "TWINNING_DECISION_KINDS",
    "CARRYING_ROLES",
    "CategoryRule",
    "CATEGORY_RULES",
    "AGREEMENTS",
    "criterion",
]


# --- Which entities and ties play which part -------------------------------------------------

#: The entity kind of the home municipality (the one with the sister-city ties).
HOME_KIND = "municipality"
#: Kinds that act locally: the municipality and the institutions of the city and region.
#: An entity of these kinds is local when it is in the home country (or its country is not recorded).
LOCAL_ACTOR_KINDS = frozenset(
    {"municipality", "university", "business_body", "public_agency", "county", "eu_office", "student_org", "voluntary_org"}
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
#: Ties that say where something is or whom it represents: not channels of contact, so the structural
#: findings (single points of failure, structural holes) leave them out. A consulate located in the
#: city is not one of the municipality's contacts.
NOT_CHANNEL_TIE_KINDS = frozenset({"located_in", "consular"})
#: A tie with one of these statuses is not a channel: 'uncertain' is planned or not documented as in
#: force (the seed's 2010 forum composition), 'suspended' is not in use.
NOT_CHANNEL_STATUSES = frozenset({"uncertain", "suspended"})
#: Ties by which a member joins a body: members meet in the body, so the body is not said to hold a
#: structural hole between its own members.
MEMBER_TIE_KINDS = frozenset({"membership", "forum_member"})
#: The sectors strategy 1 names. A relation is not asked to cover them all: strategy 2a develops the
#: twinning agreements "innen prioriterte områder", so ``thin_relation`` compares the sectors agreed
#: for each relation with its activity.
COVERAGE_SECTORS: tuple[str, ...] = ("education", "research", "health", "culture", "business")
#: The local actor kinds strategy 1 and 4d–4f want involved (named where only the municipality carries a relation).
COVERAGE_ACTOR_KINDS: tuple[str, ...] = ("university", "business_body", "student_org", "voluntary_org")
#: ``plan_lines.funder`` for the municipality's own money; anything else is external funding.
MUNICIPAL_FUNDER = "municipal"

# --- The four categories (strategy 2c) --------------------------------------------------------
#
# The strategy's own words (bystyresak 3/10, «Store lille Trondheim i verden», strategi 2c) stand
# beside each rule. The strategy says "En kan tenke seg at arbeidet med vennskapsbyene deles inn i
# fire ulike kategorier": a way of working the council may choose, so every category here is a
# *suggestion* for the council, and where the registry holds nothing the suggestion says so.


class Quote(NamedTuple):
    """A sentence of the strategy, in the original Norwegian and in English, with its point."""

    point: str
    nb: str
    en: str


#: The strategy's sentences the review rests on, by key, each in full (a sentence or a list item of
#: the strategy as adopted; ``tests/test_rules.py`` finds every one in the seed text of the strategy).
QUOTES: Mapping[str, Quote] = MappingProxyType(
    {
        "2c": Quote(
            "2c",
            "Det vil være vanskelig å avvikle ordninger som har vart siden midten av 40-tallet, men det kan være "
            "hensiktsmessige å foreta en nyorientering hvor det tydeliggjøres hvor Trondheim kommune har en aktiv rolle, "
            "hva rollen innebærer og relasjoner hvor kontakten utøves av andre.",
            "It will be difficult to end arrangements that have lasted since the mid-1940s, but it may be expedient to "
            "reorient so that it is made clear where Trondheim municipality has an active role, what the role involves, "
            "and relations where the contact is carried by others.",
        ),
        "2c_categories": Quote(
            "2c",
            "En kan tenke seg at arbeidet med vennskapsbyene deles inn i fire ulike kategorier:",
            "One can imagine the work with the sister cities divided into four different categories:",
        ),
        "project": Quote(
            "2c",
            "Relasjoner som bygger på konkrete prosjektavtaler med konkrete mål og krav til måloppnåelse",
            "Relations built on concrete project agreements with concrete goals and requirements for goal achievement",
        ),
        "political_focus": Quote(
            "2c",
            "Relasjoner som politisk kan defineres som særskilte fokusområder og som åpner for samhandlet innsats "
            "med bl.a. nasjonale myndigheter og som gir muligheter for ekstern finansiering",
            "Relations that can be politically defined as special focus areas, which open for coordinated effort "
            "with e.g. national authorities and give possibilities for external funding",
        ),
        "solidarity": Quote(
            "2c",
            "Solidaritetsrelasjoner hvor aktiviteten gjerne også drives av andre for eksempel frivillige "
            "organisasjoner og foreninger. Det bør imidlertid være et krav om en toveis relasjon hvor "
            "gjensidighetsperspektivet som jo er førende for vennskapsbysamarbeidet blir ivaretatt.",
            "Solidarity relations where the activity is often also driven by others, for example voluntary "
            "organisations and associations. There should, however, be a requirement of a two-way relation in "
            "which reciprocity, which indeed guides the sister-city cooperation, is looked after.",
        ),
        "dormant": Quote(
            "2c",
            "Hvilende relasjoner hvor aktivitet ikke prioriteres, men hvor det likevel er ønskelig å opprettholde forbindelse.",
            "Dormant relations where activity is not prioritised, but where it is still desirable to keep the connection.",
        ),
        "2a": Quote(
            "2a",
            "å formalisere internasjonalt samarbeid gjennom prosjektrelaterte engasjement basert på strategiske "
            "samarbeidsavtaler som er målbare og har dokumenterbar effekt.",
            "to formalise international cooperation through project-related engagements based on strategic "
            "cooperation agreements that are measurable and have a documentable effect.",
        ),
    }
)


class Criterion(NamedTuple):
    """One test the evidence for a sister city can pass, with the strategy sentence it reads.

    Its sentences (met and not met) are message templates in :mod:`registry.i18n.reasons`
    (codes ``criterion.<code>.met`` and ``criterion.<code>.unmet``), filled with
    ``evidence`` (what the registry holds behind the answer), ``years`` (the
    window) and ``since`` (the year of the last confirmed activity).
    """

    code: str
    label_nb: str
    label_en: str
    quote: str = ""  # key of :data:`QUOTES`


CRITERIA: tuple[Criterion, ...] = (
    Criterion("project_tie", "Prosjektavtale som gjelder", "Project agreement in force", "project"),
    Criterion("project_goals", "Konkrete mål", "Concrete goals", "project"),
    Criterion("project_indicators", "Krav til måloppnåelse", "Requirements for goal achievement", "project"),
    Criterion("focus_decision", "Vedtatt som fokusområde", "Decided as a focus area", "political_focus"),
    Criterion(
        "national_coordination", "Samhandling med nasjonale myndigheter", "Coordination with national authorities", "political_focus"
    ),
    Criterion("external_funding", "Muligheter for ekstern finansiering", "Possibilities for external funding", "political_focus"),
    Criterion("two_way", "Toveis relasjon", "Two-way relation", "solidarity"),
    Criterion("voluntary_carrier", "Drives også av andre", "Also driven by others", "solidarity"),
    Criterion("dormant_decision", "Vedtatt som hvilende", "Decided as dormant", "dormant"),
    Criterion("quiet_since", "Ingen aktivitet registrert på lenge", "No activity registered for long", "dormant"),
)

_CRITERIA = {c.code: c for c in CRITERIA}


def criterion(code: str) -> Criterion:
    """Return the criterion with ``code``; KeyError when there is none."""
    return _CRITERIA[code]


class CategoryRule(NamedTuple):
    """One way a category can be suggested: every group must have at least one criterion met.

    A category may have several rules (alternatives); the first rule met, in
    :data:`CATEGORY_RULES` order, gives the suggestion.
    """

    category: str
    requires: tuple[tuple[str, ...], ...]


#: In order of precedence. Project first: it rests on a project agreement or project in force (not
#: ended) with goals and indicators, the most demanding evidence. Political focus follows a council
#: decision, or is suggested from its signals (both national partners and external funding); it never
#: contradicts a decision for lack of realised money. Solidarity needs both what marks it — the
#: activity carried by others, voluntary organisations or associations at home or abroad, not the
#: municipality — and the two-way relation the strategy says there should be: reciprocity guides every
#: twinning («som jo er førende for vennskapsbysamarbeidet»), so it alone marks no category. Dormant
#: is a choice the council makes: only a decision gives it. No activity registered for the window
#: is a state of the registry (:data:`STATES`), never a suggested category.
CATEGORY_RULES: tuple[CategoryRule, ...] = (
    CategoryRule("project", (("project_tie",), ("project_goals",), ("project_indicators",))),
    CategoryRule("political_focus", (("focus_decision",),)),
    CategoryRule("political_focus", (("national_coordination",), ("external_funding",))),
    CategoryRule("solidarity", (("two_way",), ("voluntary_carrier",))),
    CategoryRule("dormant", (("dormant_decision",),)),
)

#: The suggestion where the registry holds no activity for a relation: not a category.
NOT_ENOUGH_DATA = "not_enough_data"

#: What the registry holds for a relation, said beside the suggestion (code, label_nb, label_en). States
#: of the registry, not categories: "no recent activity" is no choice of the council's.
STATES: tuple[tuple[str, str, str], ...] = (
    ("recent_activity", "Aktivitet registrert de siste årene", "Activity registered in recent years"),
    ("no_recent_activity", "Ingen aktivitet registrert de siste årene", "No activity registered in recent years"),
    (NOT_ENOUGH_DATA, "Ikke nok data", "Not enough data"),
)

#: The framing of strategy 2c: who has the active role (code, label_nb, label_en). The review says
#: when the role was last seen (message templates ``role.<code>.*`` in :mod:`registry.i18n.reasons`).
ROLES: tuple[tuple[str, str, str], ...] = (
    ("active", "Kommunen har en aktiv rolle", "The municipality has an active role"),
    ("facilitator", "Kommunen tilrettelegger, andre utøver kontakten", "The municipality facilitates; others carry the contact"),
    ("others", "Kontakten utøves av andre", "The contact is carried by others"),
    ("unknown", "Kommunens rolle er ikke registrert", "The municipality's role is not registered"),
)

#: Decision kinds that change whether a twinning runs, from their date: the latest one says whether
#: the relation is ended, suspended (until resumed) or running.
TWINNING_DECISION_KINDS: Mapping[str, str] = MappingProxyType(
    {"end_twinning": "ended", "suspend_twinning": "suspended", "resume_twinning": "active"}
)
#: Roles in which a voluntary organisation carries an activity (a funder or a witness does not carry it).
CARRYING_ROLES = frozenset({"carrier", "host", "visitor", "partner"})


def category_shown(assigned: str | None, suggested: str, chosen: frozenset[str] | set[str]) -> str:
    """Return the category a sister city counts under when the network is filtered to ``chosen`` categories.

    The rule is threshold ``network_category_filter``: with 'assigned_or_suggested' (declared)
    the assigned category when it is chosen, else the suggested one (most cities have only a
    suggestion); with 'assigned' the assigned category alone.

    >>> category_shown("dormant", "project", {"dormant"}), category_shown(None, "project", {"project"})
    ('dormant', 'project')
    """
    if assigned in chosen or threshold("network_category_filter") == "assigned":
        return assigned or ""
    return suggested


#: How a suggestion compares with the assigned category.
AGREEMENTS: tuple[tuple[str, str, str], ...] = (
    ("agree", "Samsvarer", "Agrees"),
    ("disagree", "Avviker", "Disagrees"),
    # No category decision yet (the code is kept for stable CSV files); a decision of the category
    # 'unclassified' is compared like any other. A decision without a suggestion has no agreement (empty).
    ("unclassified", "Ikke vedtatt", "No decision"),
)
