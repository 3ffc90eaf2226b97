"""Texts of the council case (saksframlegg om vennskapsbyene): headings, the strategy's words, options and facts.

:data:`STRINGS` holds fixed texts (key -> (nb, en)); :data:`TEMPLATES` the sentences
built from the case's facts, rendered by :func:`registry.message.render`. The strategy is
quoted in its own Norwegian words (checked against the adopted text by
``tests/test_case.py``); the English texts are translations and say so.
"""

from __future__ import annotations

__all__ = ["STRINGS", "TEMPLATES", "STRATEGY_2C", "STRATEGY_2C_CATEGORIES", "STRATEGY_WORDS"]

#: Strategy 2 and its point c, paragraph by paragraph, as adopted (bystyret 28.01.2010): (nb, en).
STRATEGY_2C: tuple[tuple[str, str], ...] = (
    (
        "Trondheim kommune skal strukturere og utvikle vennskapsbysamarbeidet gjennom å avklare formål og muligheter",
        "Trondheim municipality shall structure and develop the sister-city cooperation by clarifying purposes and possibilities",
    ),
    (
        "c) å vurdere / gradere vårt arbeid med vennskapsbyer. Det vil være vanskelig å avvikle ordninger som har "
        "vart siden midten av 40-tallet, men det kan være hensiktsmessige å foreta en nyorientering hvor det "
        "tydeliggjøres hvor Trondheim kommune har en aktiv rolle, hva rollen innebærer og relasjoner hvor kontakten "
        "utøves av andre. En kan tenke seg at arbeidet med vennskapsbyene deles inn i fire ulike kategorier:",
        "c) to assess / grade our work with sister cities. It will be difficult to end arrangements that have lasted "
        "since the mid-1940s, but it may be appropriate to reorient the work so that it becomes clear where "
        "Trondheim municipality has an active role, what the role involves, and relations where the contact is "
        "carried by others. One can imagine the work with the sister cities divided into four different categories:",
    ),
)

#: Where the strategy's words are from, and its other sentences the case quotes: key -> (nb, en).
#: Quotations of the adopted text, not UI text: they name Trondheim because the strategy is Trondheim's.
STRATEGY_WORDS: dict[str, tuple[str, str]] = {
    "cite": (
        "Internasjonal strategi for Trondheim kommune, vedtatt i bystyret {date}, strategi 2",
        "International strategy of Trondheim municipality, adopted by the city council on {date}, strategy 2",
    ),
    "cite_intro": (
        "Internasjonal strategi for Trondheim kommune, vedtatt i bystyret {date}",
        "International strategy of Trondheim municipality, adopted by the city council on {date}",
    ),
    "own_case": (
        "Rådmannen vil fremme egen sak om vennskapsbyer for bystyret.",
        "The chief executive will put a separate case on the sister cities before the city council.",
    ),
    "plan": (
        "Bystyret ber om at saken om vennskapsbyer inneholder en finansieringsplan.",
        "The city council asks that the case on the sister cities include a financing plan.",
    ),
}

#: The four categories of strategy 2c in the strategy's words, by category code: (nb, en).
STRATEGY_2C_CATEGORIES: dict[str, tuple[str, str]] = {
    "project": (
        "Relasjoner som bygger på konkrete prosjektavtaler med konkrete mål og krav til måloppnåelse",
        "Relations built on concrete project agreements with concrete goals and requirements for goal achievement",
    ),
    "political_focus": (
        "Relasjoner som politisk kan defineres som særskilte fokusområder og som åpner for samhandlet innsats med "
        "bl.a. nasjonale myndigheter og som gir muligheter for ekstern finansiering",
        "Relations that can be politically defined as special focus areas, which open for coordinated effort with "
        "e.g. national authorities and give possibilities for external funding",
    ),
    "solidarity": (
        "Solidaritetsrelasjoner hvor aktiviteten gjerne også drives av andre for eksempel frivillige organisasjoner "
        "og foreninger. Det bør imidlertid være et krav om en toveis relasjon hvor gjensidighetsperspektivet som jo "
        "er førende for vennskapsbysamarbeidet blir ivaretatt.",
        "Solidarity relations where the activity is often also driven by others, for example voluntary "
        "organisations and associations. There should, however, be a requirement of a two-way relation in which "
        "reciprocity, which guides all sister-city cooperation, is looked after.",
    ),
    "dormant": (
        "Hvilende relasjoner hvor aktivitet ikke prioriteres, men hvor det likevel er ønskelig å opprettholde forbindelse.",
        "Dormant relations where activity is not prioritised, but where it is still desirable to keep the connection.",
    ),
}

#: The case's fixed texts: key -> (nb, en); merged into :data:`registry.i18n.STRINGS`.
STRINGS: dict[str, tuple[str, str]] = {
    "case.download": ("Saksframlegg om vennskapsbyene (Word)", "Council case on the sister cities (Word)"),
    "case.download_help": (
        "Et utkast til saksframlegg: bakgrunn, vurdering og alternativer for hver vennskapsby, økonomiske konsekvenser "
        "og forslag til vedtak som administrasjonen velger.",
        "A draft council case: background, assessment and options for each sister city, financial consequences and a "
        "proposed decision for the administration to choose.",
    ),
    "case.title": ("Vennskapsbyene: gjennomgang og kategorier", "The sister cities: review and categories"),
    "case.subtitle": (
        "Utkast til saksframlegg fra registeret over internasjonale forbindelser · {home} · opplysninger per {as_of}",
        "Draft council case from the registry of international relations · {home} · facts as of {as_of}",
    ),
    "case.footer": (
        "Utkast laget av registeret {made}. Det registeret ikke viser, kan likevel ha skjedd: det er da ikke registrert.",
        "Draft made by the registry on {made}. What the registry does not show may still have happened: it is then not registered.",
    ),
    "case.page": ("Side", "Page"),
    "case.translation": (
        "Strategien siteres i sin vedtatte ordlyd.",
        "The strategy is quoted in English translation; the Norwegian text adopted by the city council is authoritative.",
    ),
    "case.h_subject": ("Saken gjelder", "What the case is about"),
    "case.h_background": ("Bakgrunn", "Background"),
    "case.h_strategy": ("Internasjonal strategi, strategi 2c", "The international strategy, strategy 2c"),
    "case.h_history": ("Relasjonenes historie", "The history of the relations"),
    "case.h_assessment": ("Vurdering", "Assessment"),
    "case.h_economy": ("Økonomiske konsekvenser", "Financial consequences"),
    "case.h_proposal": ("Forslag til vedtak", "Proposed decision"),
    "case.cite_remark": ("Flertallsmerknad i bystyrets vedtak {date}", "Majority remark in the city council's decision of {date}"),
    "case.no_cities": (
        "Registeret har ingen vennskapsbyer for kommunen på denne datoen.",
        "The registry holds no sister cities for the municipality on this date.",
    ),
    # --- one city
    "case.since": ("Vennskapsby siden", "Sister city since"),
    "case.unknown": ("ukjent", "unknown"),
    "case.undated": ("uten dato", "undated"),
    "case.tie_source": ("Kilde for forbindelsen", "Source of the tie"),
    "case.no_source": ("ingen kilde oppgitt", "no source given"),
    "case.agreement": ("Avtale", "Agreement"),
    "case.no_agreement": ("Registeret har ingen avtale for forbindelsen.", "The registry holds no agreement for the twinning."),
    "case.document": ("dokumentet", "the document"),
    "case.status": ("Status i registeret", "Status in the registry"),
    "case.decisions": ("Vedtak", "Decisions"),
    "case.no_decisions": ("Registeret har ingen vedtak om relasjonen.", "The registry holds no decision on the relation."),
    "case.activities": ("Registrert aktivitet", "Registered activity"),
    "case.no_activities": ("Registeret har ingen aktivitet for relasjonen.", "The registry holds no activity for the relation."),
    "case.by_year": ("Registrert aktivitet etter år og sektor", "Registered activity by year and sector"),
    "case.by_year_note": (
        "En aktivitet med flere sektorer telles under hver av dem; «I alt» teller den én gang.",
        "An activity with several sectors counts under each; 'Total' counts it once.",
    ),
    "case.no_sector": ("Uten sektor", "No sector"),
    "case.total": ("I alt", "Total"),
    "case.col_city": ("Vennskapsby", "Sister city"),
    "case.col_municipal": ("Kommunalt", "Municipal"),
    "case.col_external": ("Eksternt", "External"),
    "case.col_kind": ("Plan/regnskap", "Plan/actual"),
    "case.role": ("Rolle og hvem som bærer kontakten", "The role, and who carries the contact"),
    "case.assigned": ("Vedtatt kategori", "Assigned category"),
    "case.no_category": ("Ingen kategori er vedtatt.", "No category has been decided."),
    "case.state": ("Hva opplysningene viser", "What the evidence shows"),
    "case.plan": ("Finansieringsplan", "Financing plan"),
    "case.no_plan": ("Registeret har ingen finansieringsplan for relasjonen.", "The registry holds no financing plan for the relation."),
    "case.plan_totals": ("Planlagt per år (NOK)", "Planned per year (NOK)"),
    "case.municipal": ("kommunen", "the municipality"),
    "case.options": ("Alternativer", "Options"),
    "case.for": ("Registeret viser for", "The registry shows for"),
    "case.against": ("Registeret viser mot", "The registry shows against"),
    "case.obliges": ("Forplikter", "Obliges"),
    "case.nothing": ("ingenting registrert", "nothing registered"),
    # --- the options
    "case.opt_continue": ("Fortsette som {category}", "Continue as {category}"),
    "case.opt_change": ("Endre kategori til {category}", "Change the category to {category}"),
    "case.opt_place": ("Plassere i kategorien {category}", "Place in the category {category}"),
    "case.opt_freeze": ("Fryse vennskapsbyforbindelsen", "Freeze the twinning"),
    "case.opt_end": ("Avslutte vennskapsbyforbindelsen", "End the twinning"),
    "case.oblige_project": (
        "En prosjektavtale med konkrete mål og krav til måloppnåelse, med indikatorer som gjør effekten målbar og "
        "dokumenterbar (strategi 2a og 2c), og rapportering på dem.",
        "A project agreement with concrete goals and requirements for goal achievement, with indicators that make "
        "the effect measurable and documentable (strategies 2a and 2c), and reporting on them.",
    ),
    "case.oblige_political_focus": (
        "Et politisk vedtak om relasjonen som særskilt fokusområde, en finansieringsplan (bystyrets flertallsmerknad), "
        "og samhandlet innsats med bl.a. nasjonale myndigheter og arbeid for ekstern finansiering.",
        "A political decision making the relation a special focus area, a financing plan (the council's majority "
        "remark), and coordinated effort with e.g. national authorities and work for external funding.",
    ),
    "case.oblige_solidarity": (
        "En toveis relasjon der gjensidigheten blir ivaretatt (strategien: det bør være et krav); aktiviteten drives "
        "gjerne også av andre, som frivillige organisasjoner og foreninger.",
        "A two-way relation in which reciprocity is looked after (the strategy: it should be a requirement); the "
        "activity is often also driven by others, such as voluntary organisations and associations.",
    ),
    "case.oblige_dormant": (
        "Aktivitet prioriteres ikke, men forbindelsen opprettholdes (strategi 2c).",
        "Activity is not prioritised, but the connection is kept (strategy 2c).",
    ),
    "case.oblige_freeze": (
        "Vedtaket angir hva som fryses og når relasjonen skal vurderes på nytt; relasjonen står som fryst fra vedtakets "
        "dato til et vedtak gjenopptar den.",
        "The decision states what is frozen and when the relation is to be reviewed again; the relation stands as "
        "frozen from the decision's date until a decision resumes it.",
    ),
    "case.oblige_end": (
        "Forbindelsen avsluttes fra vedtakets dato og går ut av gjennomgangen; vedtaket står i relasjonens historie.",
        "The twinning ends from the decision's date and leaves the review; the decision stays in the relation's history.",
    ),
    # --- economy and proposal
    "case.economy_intro": (
        "Bystyret ba om at saken om vennskapsbyer inneholder en finansieringsplan. Tabellen viser de planlagte "
        "beløpene registeret har, per vennskapsby og år, i kroner. Regnskapstall og beløp i andre valutaer står i "
        "planen under hver by og er ikke summert her.",
        "The city council asked that the case on the sister cities include a financing plan. The table shows the "
        "planned amounts the registry holds, by sister city and year, in kroner. Actual figures and amounts in "
        "other currencies are in each city's plan and not summed here.",
    ),
    "case.economy_none": (
        "Registeret har ingen finansieringsplan for noen av vennskapsbyene. Saken kan ikke legge fram de økonomiske "
        "konsekvensene før planene er registrert.",
        "The registry holds no financing plan for any of the sister cities. The case cannot set out the financial "
        "consequences until the plans are registered.",
    ),
    "case.all_cities": ("Alle", "All"),
    "case.proposal_intro": (
        "Forslaget til vedtak er ikke fylt ut: administrasjonen velger. For hver vennskapsby kan bystyret velge ett "
        "av alternativene nedenfor; vurderingen viser hva registeret sier for og mot hvert av dem, og hva det "
        "forplikter.",
        "The proposed decision is not filled in: the administration chooses. For each sister city the council can "
        "choose one of the options below; the assessment shows what the registry says for and against each, and "
        "what it obliges.",
    ),
}

#: Sentences built from the case's facts: code -> (nb, en), rendered by :func:`registry.message.render`.
TEMPLATES: dict[str, tuple[str, str]] = {
    "casefact.subject": (
        "Saken gjelder de {n} vennskapsbyene til {home}: {names:list}. Internasjonal strategi sier at rådmannen vil "
        "fremme egen sak om vennskapsbyer, og bystyret ba om at saken inneholder en finansieringsplan. Saken legger "
        "fram det registeret viser om hver relasjon, og alternativene bystyret kan velge mellom: fortsette i en "
        "kategori, endre kategori, fryse eller avslutte forbindelsen.",
        "The case is about the {n} sister cities of {home}: {names:list}. The international strategy says the chief "
        "executive will put a separate case on the sister cities before the council, and the council asked that the "
        "case include a financing plan. The case sets out what the registry shows about each relation, and the "
        "options the council can choose between: continue in a category, change the category, freeze or end the "
        "twinning.",
    ),
    "casefact.subject_one": (
        "Saken gjelder vennskapsbyen {names:list} til {home}. Saken legger fram det registeret viser om relasjonen, og "
        "alternativene bystyret kan velge mellom: fortsette i en kategori, endre kategori, fryse eller avslutte "
        "forbindelsen.",
        "The case is about {home}'s sister city {names:list}. It sets out what the registry shows about the relation, "
        "and the options the council can choose between: continue in a category, change the category, freeze or "
        "end the twinning.",
    ),
    "casefact.since_value": ("{when}{certainty}", "{when}{certainty}"),
    "casefact.decision_line": ("{date}: {body}{ref} – {what}. {reason}", "{date}: {body}{ref} – {what}. {reason}"),
    "casefact.agreement_line": (
        "{kind:label:agreement_kinds} «{title}», signert {signed}",
        "{kind:label:agreement_kinds} '{title}', signed {signed}",
    ),
    "casefact.decision_scope": ("Omfang: {scope}.", "Scope: {scope}."),
    "casefact.decision_review": ("Vurderes på nytt {date}.", "To be reviewed again on {date}."),
    "casefact.activity_line": ("{date} – {kind:label:activity_kinds}: {title}", "{date} – {kind:label:activity_kinds}: {title}"),
    "casefact.ongoing": ("pågår (sist bekreftet {verified})", "ongoing (last confirmed {verified})"),
    "casefact.ongoing_unconfirmed": ("pågår", "ongoing"),
    "casefact.assigned_value": ("{category:label:categories} (vedtatt {date})", "{category:label:categories} (decided {date})"),
    "casefact.state_points_to": (
        "Opplysningene i registeret oppfyller kriteriene for kategorien {category}. Det er et forslag "
        "fra registeret; kategorien velger bystyret.",
        "The registry's evidence meets the criteria of the category {category}. It is the registry's "
        "suggestion; the council chooses the category.",
    ),
    "casefact.state_quiet": (
        "Ingen aktivitet registrert siste {years} år (sist registrert: {last}). Om aktiviteten ikke skal prioriteres "
        "(«hvilende»), er et valg for bystyret, ikke noe registeret kan avgjøre.",
        "No activity registered in the last {years} years (last registered: {last}). Whether activity is not to be "
        "prioritised ('dormant') is the council's choice, not something the registry can settle.",
    ),
    "casefact.state_no_fit": (
        "Opplysningene oppfyller ikke alle kriteriene for noen kategori (siste registrerte aktivitet: {last}).",
        "The evidence does not meet every criterion of any category (last registered activity: {last}).",
    ),
    "casefact.state_not_enough": (
        "Ikke nok data: registeret har {n} {n:plural:aktivitetsoppføring/aktivitetsoppføringer} for relasjonen, "
        "{undated} uten dato; ingen kategori kan leses ut av det.",
        "Not enough data: the registry holds {n} activity {n:plural:record/records} for the relation, {undated} "
        "without a date; no category can be read from it.",
    ),
    # A sentence the review gives in both languages, passed on as given (until the review gives messages).
    "casefact.role_line": ("{role}. {carriers}", "{role}. {carriers}"),
    "casefact.sentence": ("{text}.", "{text}."),
    "casefact.no_carriers": (
        "Registeret viser ikke at andre bærer kontakten.",
        "The registry does not show that others carry the contact.",
    ),
    "casefact.quiet": (
        "ingen aktivitet registrert siste {years} år (sist registrert: {last})",
        "no activity registered in the last {years} years (last registered: {last})",
    ),
    "casefact.nothing_dated": (
        "registeret har ingen datert aktivitet for relasjonen",
        "the registry holds no dated activity for the relation",
    ),
    "casefact.ongoing_activities": ("pågående aktivitet: {titles:list}", "ongoing activity: {titles:list}"),
    "casefact.planned_money": ("planlagte midler for {years:list}: {amount} kr", "money planned for {years:list}: NOK {amount}"),
    "casefact.others_carry": ("kontakten bæres også av {names:list}", "the contact is also carried by {names:list}"),
    "casefact.old_tie": (
        "forbindelsen går tilbake til {year}; strategien: «Det vil være vanskelig å avvikle ordninger som har vart "
        "siden midten av 40-tallet»",
        "the twinning goes back to {year}; the strategy: 'It will be difficult to end arrangements that have lasted since the mid-1940s'",
    ),
    "casefact.decided_as": ("vedtatt som {category} ({date})", "decided as {category} ({date})"),
    "casefact.no_plan_for": ("Ingen finansieringsplan registrert for {names:list}.", "No financing plan registered for {names:list}."),
}
