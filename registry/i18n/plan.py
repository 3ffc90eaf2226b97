"""Texts of the action plan and of the strategy point by point: page texts (STRINGS) and message templates (TEMPLATES)."""

from __future__ import annotations

__all__ = ["STRINGS", "TEMPLATES", "CAVEAT"]

#: What «nothing registered» may mean: said wherever the list of points appears (app, CLI, CSV's neighbours).
CAVEAT: tuple[str, str] = (
    "Ingenting registrert kan bety at arbeidet ikke er gjort, eller at det ikke er registrert.",
    "Nothing registered may mean that the work was not done, or that it was not registered.",
)

STRINGS: dict[str, tuple[str, str]] = {
    # --- the registry page's tabs and child sections of the action plan
    "registry.tab_plan_actions": ("Handlingsplan", "Action plan"),
    "registry.tab_indicators": ("Indikatorer", "Indicators"),
    "registry.action_partners": ("Partnere", "Partners"),
    "registry.action_ties": ("Relasjoner tiltaket arbeider med", "Relations the action works on"),
    "registry.indicator_values": ("Målte verdier", "Measured values"),
    # --- the strategy point by point
    "strategy.caveat": CAVEAT,
    "strategy.state": ("Status", "State"),
    "strategy.state_work": ("Arbeid registrert", "Work registered"),
    "strategy.state_planned": ("Bare planlagt", "Only planned"),
    "strategy.state_nothing": ("Ingenting registrert", "Nothing registered"),
    "strategy.planned_points": ("Punkter der bare planer er registrert", "Points with only plans registered"),
    "strategy.council": ("Bystyret", "Council"),
    "strategy.actions": ("Tiltak", "Actions"),
    "strategy.indicators": ("Indikatorer", "Indicators"),
    "strategy.decisions": ("Vedtak", "Decisions"),
    "strategy.details": ("Hva som teller for et punkt", "What counts for a point"),
    "strategy.pick_point": ("Punkt", "Point"),
    "strategy.item_kind": ("Hva", "What"),
    "strategy.item": ("Rad", "Row"),
    "strategy.item_state": ("Status", "State"),
    "strategy.item_via": ("Regnet med fordi", "Counted because"),
    "strategy.no_items": ("Ingenting registrert for dette punktet.", "Nothing registered for this point."),
    "strategy.indicator_table": ("Indikatorer: siste verdi mot målet", "Indicators: latest value against the target"),
    "strategy.latest": ("Siste verdi", "Latest value"),
    "strategy.latest_year": ("År", "Year"),
    "strategy.target": ("Mål", "Target"),
    "strategy.target_year": ("Målår", "Target year"),
    "strategy.reached": ("Nådd", "Reached"),
}

#: Message templates (see :mod:`registry.message`): the facts of the strategy view as sentences.
TEMPLATES: dict[str, tuple[str, str]] = {
    # Why an item counts for a point: by its tag, or by what the point is about.
    "strategy.via.tag": ("merket med punktet", "tagged with the point"),
    "strategy.via.action": ("tiltaket er merket med punktet", "its action is tagged with the point"),
    "strategy.via.youth": (
        "barn og unge i utveksling og prosjekter (sektor ungdom)",
        "children and young people in exchanges and projects (sector youth)",
    ),
    "strategy.via.sister_review": (
        "vennskapsbyen er med i gjennomgangen av vennskapsbyene",
        "the sister city is in the sister-city review",
    ),
    "strategy.via.review_decision": ("vedtak i gjennomgangen av vennskapsbyene", "a decision of the sister-city review"),
    "strategy.via.anchoring": ("vedtak om strategi eller handlingsplan", "a decision adopting a strategy or an action plan"),
    "strategy.via.consulate_use": (
        "et konsulat i kommunen som er brukt (aktivitet eller forbindelse ut over konsulatets egne)",
        "a consulate in the municipality in use (an activity, or a tie beyond its own)",
    ),
    "strategy.via.consul_forum": ("et konsulat i det internasjonale forumet", "a consulate in the international forum"),
    "strategy.via.financing_plan": ("budsjettlinje for en vennskapsby", "a budget line of a sister city"),
    "strategy.via.solidarity": (
        "båret av en frivillig organisasjon, eller kategorien solidaritet",
        "carried by a voluntary organisation, or the category solidarity",
    ),
    # The council's marks on a point, as the decision of 28.01.2010 says.
    "strategy.council.addition": ("Bystyrets tillegg (vedtakspunkt {point})", "The council's addition (decision point {point})"),
    "strategy.council.change": ("Endret av bystyret (vedtakspunkt {point})", "Changed by the council (decision point {point})"),
    "strategy.council.remark": ("Bystyrets merknad (vedtakspunkt {point})", "The council's remark (decision point {point})"),
    "strategy.council.decision": ("Bystyrets vedtak, punkt {point}", "The council's decision, point {point}"),
    "strategy.council.majority_remark": ("Flertallsmerknad", "Majority remark"),
    # The plain-text table of the CLI.
    "strategy.text.head": (
        "{point:<5} {state:<22} {actions:>6} {indicators:>5} {ties:>10} {agreements:>7} {activities:>11} {decisions:>6} "
        "{findings:>5} {planned:>12} {actual:>12}",
        "{point:<5} {state:<22} {actions:>6} {indicators:>5} {ties:>10} {agreements:>7} {activities:>11} {decisions:>6} "
        "{findings:>5} {planned:>12} {actual:>12}",
    ),
    "strategy.text.nothing": (
        "Ingenting registrert for {n} av {total} punkter: {points}",
        "Nothing registered for {n} of {total} points: {points}",
    ),
    "strategy.text.planned": ("Bare planlagt for {n} av {total} punkter: {points}", "Only planned for {n} of {total} points: {points}"),
    "strategy.text.caveat": CAVEAT,
    "strategy.text.indicator": (
        "  {id}: {name} – siste {latest} ({year}), mål {target} innen {target_year}",
        "  {id}: {name} – latest {latest} ({year}), target {target} by {target_year}",
    ),
}

# The annual report's page (the report's own texts are templates in registry.i18n.annual).
STRINGS.update(
    {
        "nav.annual": ("Årsrapport", "Annual report"),
        "annual_page.intro": (
            "Det registeret har for ett år av kommunens internasjonale arbeid, punkt for punkt etter strategien: aktiviteter, "
            "handlingsplanen, indikatorer mot målene, avtaler, vedtak og penger, og punktene uten noe registrert. Hvert tall "
            "viser radene det teller. Last ned som Markdown, HTML eller Word.",
            "What the registry holds for one year of the municipality's international work, point by point along the "
            "strategy: activities, the action plan, indicators against their targets, agreements, decisions and money, and "
            "the points with nothing registered. Each figure shows the rows it counts. Download as Markdown, HTML or Word.",
        ),
        "annual_page.year": ("År", "Year"),
        "annual_page.download_md": ("Last ned (Markdown)", "Download (Markdown)"),
        "annual_page.download_html": ("Last ned (HTML)", "Download (HTML)"),
        "annual_page.download_docx": ("Last ned (Word)", "Download (Word)"),
    }
)

# Column headings of the CLI table, by language (short: the table is read in a terminal).
STRINGS.update(
    {
        "strategy.col_point": ("punkt", "point"),
        "strategy.col_actions": ("tiltak", "actions"),
        "strategy.col_indicators": ("ind.", "ind."),
        "strategy.col_ties": ("relasjoner", "relations"),
        "strategy.col_agreements": ("avtaler", "agreem."),
        "strategy.col_activities": ("aktiviteter", "activities"),
        "strategy.col_decisions": ("vedtak", "decis."),
        "strategy.col_findings": ("funn", "find."),
        "strategy.col_planned": ("plan NOK", "planned NOK"),
        "strategy.col_actual": ("regnskap NOK", "actual NOK"),
    }
)
