"""Texts of the Review pages: sister cities and their council summary, the strategy, gaps and overlaps."""

from __future__ import annotations

__all__ = ["STRINGS"]

#: The Review pages' texts: key -> (nb, en); merged with the other parts into :data:`registry.i18n.STRINGS`.
STRINGS: dict[str, tuple[str, str]] = {
    # --- sister cities
    "sister.title": ("Vennskapsbyer", "Sister cities"),
    "sister.intro": (
        "Strategi 2c: «En kan tenke seg at arbeidet med vennskapsbyene deles inn i fire ulike kategorier». For hver by "
        "vises vedtatt kategori, kategorien opplysningene i registeret peker mot, når aktivitet sist ble bekreftet, "
        "begrunnelsen med belegg, finansieringsplanen og vedtakshistorikken. Hvilende er et valg for bystyret, ikke et forslag.",
        "Strategy 2c: “One can imagine the work with the sister cities divided into four different categories”. Each city "
        "shows its assigned category, the category the registry's evidence points to, when activity was last confirmed, "
        "the reasons with evidence, the financing plan and the decision history. Dormant is the council's choice, not a suggestion.",
    ),
    "sister.group_by": ("Grupper etter", "Group by"),
    "sister.group_assigned": ("Vedtatt kategori", "Assigned category"),
    "sister.group_suggested": ("Foreslått kategori", "Suggested category"),
    "sister.help_unclassified": (
        "Byer bystyret har vedtatt som «ikke kategorisert» (eller der opplysningene ikke peker mot noen kategori).",
        "Cities the council has decided to leave unclassified (or where the evidence points to no category).",
    ),
    "sister.help_no_decision": (
        "Byer uten noe kategorivedtak: bystyret har ennå ikke vedtatt en kategori.",
        "Cities without a category decision: the council has not yet decided a category.",
    ),
    "sister.help_not_enough_data": (
        "Registeret har ingen datert aktivitet for disse relasjonene: ingen kategori kan foreslås før noe er registrert.",
        "The registry holds no dated activity for these relations: no category can be suggested until something is registered.",
    ),
    "sister.last_contact": ("Siste dokumenterte kontakt", "Last documented contact"),
    "sister.ongoing_until": (" (pågående, bekreftet til denne datoen)", " (ongoing, confirmed up to this date)"),
    "sister.ongoing": ("pågår", "ongoing"),
    "sister.plan_help": (
        "Plan og regnskap i NOK per år og finansieringskilde, fra budsjettlinjer på relasjonen og på aktivitetene knyttet til den.",
        "Plan and actual in NOK by year and funder, from budget lines on the relation and on the activities linked to it.",
    ),
    "sister.decision_kind": ("Vedtak om", "Decision on"),
    "sister.category_help": (
        "Gjelder bare kategorivedtak. Å avslutte, fryse eller gjenoppta vennskapsbyen virker fra vedtaksdatoen.",
        "For a category decision only. Ending, suspending or resuming the twinning acts from the decision's date.",
    ),
    "sister.scope": ("Omfang (ved frysing)", "Scope (when suspending)"),
    "sister.scope_help": ("Hva som fryses, f.eks. kommunale midler og besøk.", "What is frozen, e.g. municipal funding and visits."),
    "sister.review_on": ("Ny vurdering (ved frysing)", "Review on (when suspending)"),
    "sister.date_help_future": ("ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD.", "YYYY, YYYY-MM or YYYY-MM-DD."),
    "sister.no_contact": ("Ingen datert kontakt registrert ({n} oppføringer)", "No dated contact registered ({n} records)"),
    "sister.no_contact_one": ("Ingen datert kontakt registrert ({n} oppføring)", "No dated contact registered ({n} record)"),
    "sister.activities": ("Aktiviteter ({n})", "Activities ({n})"),
    "sister.details": ("Detaljer for én by", "Details of one city"),
    "sister.none_here": ("Ingen byer her.", "No cities here."),
    "sister.reasons": ("Begrunnelse og belegg", "Reasons and evidence"),
    "sister.plan": ("Finansieringsplan", "Financing plan"),
    "sister.history": ("Vedtakshistorikk", "Decision history"),
    "sister.record": ("Registrer et vedtak", "Record a decision"),
    "sister.record_help": (
        "Et nytt vedtak erstatter ikke de gamle; historikken beholdes, og det siste vedtaket gjelder.",
        "A new decision does not replace the old ones; the history is kept and the latest decision is in force.",
    ),
    "sister.city": ("Vennskapsby", "Sister city"),
    "sister.date_help": ("ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD; ikke fram i tid.", "YYYY, YYYY-MM or YYYY-MM-DD; not in the future."),
    "sister.default_body": ("Bystyret", "Bystyret (city council)"),
    "sister.save_decision": ("Lagre vedtaket", "Save the decision"),
    "sister.decision_saved": ("Vedtaket for {city} er lagret.", "The decision on {city} is saved."),
    "sister.add_plan": ("Legg til i finansieringsplanen", "Add to the financing plan"),
    "sister.add_plan_help": (
        "Én linje per år, finansieringskilde og formål. «municipal» betyr kommunale midler; ellers navnet på ordningen.",
        "One line per year, funder and purpose. 'municipal' means municipal money; otherwise the programme's name.",
    ),
    "sister.funder_help": (
        "«municipal» for kommunale midler, ellers navnet på den eksterne ordningen (f.eks. Interreg).",
        "'municipal' for municipal money, otherwise the name of the external programme (e.g. Interreg).",
    ),
    "sister.save_plan": ("Lagre linjen", "Save the line"),
    "sister.plan_saved": ("Finansieringsplanen for {city} er oppdatert.", "The financing plan of {city} is updated."),
    "sister.downloads": ("Til bystyresaken", "For the council case"),
    "sister.downloads_help": (
        "Oppsummeringen lister alle vennskapsbyer etter kategori med begrunnelse og finansieringsplan; HTML-utgaven er laget for utskrift.",
        "The summary lists every sister city by category with reasons and financing plan; the HTML version is made for printing.",
    ),
    "sister.summary_md": ("Oppsummering (Markdown)", "Summary (Markdown)"),
    "sister.summary_html": ("Oppsummering for utskrift (HTML)", "Printable summary (HTML)"),
    # --- the council summary
    "report.title": (
        "Vennskapsbyene – kategorier, begrunnelser og finansieringsplan",
        "Sister cities – categories, reasons and financing plan",
    ),
    "report.generated": ("Laget {date} fra registeret; {n} vennskapsbyer.", "Made {date} from the registry; {n} sister cities."),
    "report.intro": (
        "Strategien (bystyresak 3/10, strategi 2c) sier at «en kan tenke seg» at arbeidet med vennskapsbyene deles inn i "
        "fire kategorier: prosjekt, politisk fokus, solidaritet og hvilende. Finansieringsplanen kommer fra bystyrets "
        "flertallsmerknad til saken. For hver by vises vedtatt kategori, kategorien registerets opplysninger peker mot "
        "(eller at registeret ikke har nok data), begrunnelsen, kommunens rolle, siste dokumenterte kontakt, "
        "finansieringsplanen og vedtakshistorikken. Foreslåtte kategorier er forslag til bystyret, ikke vedtak.",
        "The strategy (city council case 3/10, strategy 2c) says that “one can imagine” the work with the sister cities "
        "divided into four categories: project, political focus, solidarity and dormant. The financing plan comes from "
        "the council majority's remark on the case. Each city shows its assigned category, the category the registry's "
        "evidence points to (or that the registry has not enough data), the reasons, the municipality's role, the last "
        "documented contact, the financing plan and the decision history. Suggested categories are suggestions for "
        "the council, not decisions.",
    ),
    "report.categories": ("Kategoriene, med strategiens ord", "The categories, in the strategy's words"),
    "report.not_enough_data": (
        "Ikke nok data: registeret har ingen datert aktivitet for relasjonen, så ingen kategori kan foreslås. "
        "«Ingen aktivitet registrert de siste årene» er heller ingen kategori, men det registeret viser: "
        "om en relasjon skal være hvilende, er et valg bystyret tar.",
        "Not enough data: the registry holds no dated activity for the relation, so no category can be suggested. "
        "“No recent activity registered” is no category either, but what the registry shows: whether a relation "
        "is to be dormant is a choice the council makes.",
    ),
    "report.role": ("Kommunens rolle", "The municipality's role"),
    "report.activities": ("Aktiviteter registrert", "Activities registered"),
    "report.translation": ("Norsk originaltekst.", "English translation of the Norwegian original."),
    "report.since": ("Vennskapsby siden", "Sister city since"),
    "report.unknown": ("ukjent", "unknown"),
    "report.reasons": ("Begrunnelse", "Reasons"),
    "report.plan": ("Finansieringsplan", "Financing plan"),
    "report.no_plan": ("Ingen finansieringsplan registrert.", "No financing plan recorded."),
    "report.decisions": ("Vedtakshistorikk", "Decision history"),
    "report.no_decisions": ("Ingen vedtak registrert.", "No decisions recorded."),
    "report.total": ("Sum", "Total"),
    "report.status": ("Status", "Status"),
    "report.suspension": ("(omfang: {scope}; ny vurdering: {review_on})", "(scope: {scope}; to be reviewed: {review_on})"),
    "report.state": ("Registeret", "The registry"),
    "report.planned_nok": ("Planlagt (NOK)", "Planned (NOK)"),
    "report.actual_nok": ("Regnskap (NOK)", "Actual (NOK)"),
    "report.ended": ("Avsluttede vennskapsbyer", "Ended twinnings"),
    "report.ended_help": (
        "Vennskapsbyer som er avsluttet, med vedtaket som avsluttet dem. De er ikke med i kategoriene eller tallene over.",
        "Twinnings that have ended, with the decision that ended them. They are not in the categories or the counts above.",
    ),
    "report.municipal": ("Kommunalt", "Municipal"),
    "report.integrity": ("Datakvalitet", "Data quality"),
    "report.integrity_help": (
        "Feil og mangler i selve dataene (fra integritetskontrollen).",
        "Errors and gaps in the data itself (from the integrity check).",
    ),
    # --- the strategy point by point
    "strategy.title": ("Strategien punkt for punkt", "The strategy point by point"),
    "strategy.intro": (
        "For hvert punkt i den internasjonale strategien (bystyresak 3/10), med målene, vedtakspunkt 7 og "
        "flertallsmerknaden: tiltakene og indikatorene i handlingsplanen, relasjonene, avtalene, aktivitetene og vedtakene "
        "som er registrert for det – merket med punktet eller etter hva punktet handler om –, pengene knyttet til dem, og "
        "funnene i analysen som gjelder det. Hvert punkt har arbeid registrert, bare planer, eller ingenting registrert – "
        "grunnlag for årsrapporten til bystyret.",
        "For each point of the international strategy (city council case 3/10), with the goals, decision point 7 and the "
        "majority remark: the action plan's actions and indicators, the relations, agreements, activities and decisions "
        "registered for it – tagged with the point or by what the point is about –, the money tied to them, and the "
        "analysis findings that concern it. Each point has work registered, only plans, or nothing registered – material "
        "for the annual report to the council.",
    ),
    "strategy.only_unserved": ("Vis bare punkter uten noe registrert", "Show only points with nothing registered"),
    "strategy.point": ("Punkt", "Point"),
    "strategy.ties": ("Relasjoner", "Relations"),
    "strategy.agreements": ("Avtaler", "Agreements"),
    "strategy.activities": ("Aktiviteter", "Activities"),
    "strategy.findings": ("Funn", "Findings"),
    "strategy.planned": ("Planlagt (NOK)", "Planned (NOK)"),
    "strategy.actual": ("Regnskap (NOK)", "Actual (NOK)"),
    "strategy.last": ("Siste aktivitet", "Last activity"),
    "strategy.nothing": ("Ingenting registrert", "Nothing registered"),
    "strategy.nothing_help": (
        "Registeret har ikke noe tiltak, ingen indikator, relasjon, avtale, aktivitet eller vedtak som tjener disse "
        "punktene. Det kan bety at arbeidet ikke er gjort, eller at det ikke er registrert.",
        "The registry holds no action, indicator, relation, agreement, activity or decision that serves these points. "
        "That may mean the work was not done, or that it was not registered.",
    ),
    # --- gaps and overlaps
    "gaps.title": ("Hull og overlapp", "Gaps and overlaps"),
    "gaps.intro": (
        "Det analysen av nettverket finner: aktører uten forbindelser der strategien vil ha dem, konsulater som ikke brukes, "
        "sektorer uten dekning, flere lokale aktører knyttet til samme sted uten å kjenne til hverandre, og muligheter ingen har sett.",
        "What the analysis of the network finds: actors without ties where the strategy wants them, consulates not used, "
        "sectors not covered, several local actors tied to the same place without knowing of each other, and opportunities nobody has seen.",
    ),
    "gaps.groups": ("Grupper", "Groups"),
    "gaps.group_gap": ("Hull", "Gap"),
    "gaps.group_overlap": ("Overlapp", "Overlap"),
    "gaps.group_opportunity": ("Mulighet", "Opportunity"),
    "gaps.kinds": ("Typer funn", "Finding kinds"),
    "gaps.search_placeholder": ("Navn eller ord i forklaringen", "Name or word in the explanation"),
    "gaps.counts": ("{shown} av {total} funn.", "{shown} of {total} findings."),
    "gaps.coverage": ("Dekning", "Coverage"),
    "gaps.coverage_help": (
        "Hvor mange forbindelser som gjelder og aktiviteter registrert til nå (fra alle år) hver vennskapsby har i strategiens sektorer, og hvor mange lokale aktører av hver type som er knyttet til den. Celler med 0 er hull.",
        "How many ties in force and activities registered so far (from any year) each sister city has in the strategy's sectors, and how many local actors of each kind are tied to it. Cells with 0 are gaps.",
    ),
    "gaps.sector_matrix": ("Vennskapsby × sektor", "Sister city × sector"),
    "gaps.actor_matrix": ("Vennskapsby × lokal aktørtype", "Sister city × local actor kind"),
    "gaps.no_matrix": ("Ingen vennskapsbyer å vise.", "No sister cities to show."),
    "gaps.none": ("Ingen funn av disse typene:", "No findings of these kinds:"),
    # --- gaps: the change-log replay on request (issue 11, item 5)
    "gaps.audit": ("Ta med endringsloggen", "Include the change log"),
    "gaps.audit_help": (
        "Spiller av endringsloggen for å finne rader som er skrevet utenom registeret. Tar noen sekunder i et stort register.",
        "Replays the change log to find rows written past the registry. Takes a few seconds in a large registry.",
    ),
    "gaps.audit_off": (
        "Integritetskontrollen under har ikke spilt av endringsloggen: rader skrevet utenom registeret er ikke søkt etter. "
        "Slå på «Ta med endringsloggen» for å ta dem med.",
        "The integrity check below did not replay the change log: rows written past the registry are not looked for. "
        "Switch on “Include the change log” to include them.",
    ),
    "gaps.first_rows": (
        "Viser de {shown} første av {n}; CSV-filen har alle.",
        "Showing the first {shown} of {n}; the CSV file has them all.",
    ),
}
