"""Every text of the app in Norwegian bokmål and English, declared as data: key -> (nb, en).

Vocabulary labels (kinds, sectors, categories) live in :mod:`registry.vocab` and
finding titles in :mod:`registry.rules`; country names come from pycountry's
translations. ``tests/test_i18n.py`` checks that every key has both languages
and that every key the app uses is here.
"""

from __future__ import annotations

import gettext
from functools import lru_cache
from typing import Any

__all__ = [
    "LANGUAGES", "LANGUAGE_NAMES", "STRINGS", "FIELDS", "TABLE_LABELS", "TIME_ZONE", "t", "table_label", "field_label",
    "country_name", "local_time",
]

LANGUAGES: tuple[str, ...] = ("nb", "en")
LANGUAGE_NAMES: dict[str, str] = {"nb": "Norsk", "en": "English"}

STRINGS: dict[str, tuple[str, str]] = {
    # --- frame and navigation
    "app.title": ("Internasjonale relasjoner", "International relations"),
    "app.bad_argument": (
        "Ukjent argument {arg}: appen tar bare --db STI (streamlit run app.py -- --db STI).",
        "Unknown argument {arg}: the app takes only --db PATH (streamlit run app.py -- --db PATH).",
    ),
    "frame.signed_in": ("Innlogget som {who}", "Signed in as {who}"),
    "frame.not_an_editor": (
        "Denne kontoen har ikke redaktørtilgang; du kan se, men ikke endre.",
        "This account may not edit; you can look but not change.",
    ),
    "frame.sign_in": ("Logg inn for å redigere", "Sign in to edit"),
    "frame.sign_out": ("Logg ut", "Sign out"),
    "frame.editing_as": ("Du redigerer som {who}", "Editing as {who}"),
    "frame.view_only": (
        "Bare visning: redigering er ikke slått på her (se «Data safety» i README).",
        "View only: editing is not switched on here (see 'Data safety' in the README).",
    ),
    "frame.footer": (
        "Registeret over Trondheim kommunes internasjonale forbindelser (Internasjonal strategi, bystyret 2010).",
        "The register of Trondheim municipality's international ties (International strategy, city council 2010).",
    ),
    # --- the home municipality (registry.settings)
    "frame.home": ("Hjemkommune", "Home municipality"),
    "frame.home_choose": ("Velg kommune …", "Choose a municipality …"),
    "frame.home_help": (
        "Kommunen vurderingen og analysen gjelder. Standard er registerets hjemkommune (innstillingen home_id).",
        "The municipality the review and the analysis are for. The default is the registry's home (the setting home_id).",
    ),
    "frame.home_needed": (
        "Registeret har flere kommuner og ingen hjemkommune er satt: velg en i sidefeltet.",
        "The registry has several municipalities and no home is set: choose one in the sidebar.",
    ),
    "nav.explore": ("Utforsk", "Explore"),
    "nav.review": ("Vurder", "Review"),
    "nav.data": ("Data", "Data"),
    "nav.overview": ("Oversikt", "Overview"),
    "nav.network": ("Nettverk", "Network"),
    "nav.map": ("Kart", "Map"),
    "nav.sister_cities": ("Vennskapsbyer", "Sister cities"),
    "nav.gaps": ("Hull og overlapp", "Gaps and overlaps"),
    "nav.registry": ("Register", "Registry"),
    "nav.import_export": ("Import og eksport", "Import and export"),
    # --- shared
    "common.all": ("Alle", "All"),
    "common.choose": ("Velg …", "Choose …"),
    "common.download_csv": ("Last ned CSV", "Download CSV"),
    "common.problems": ("{n} problem(er) – ingenting er lagret.", "{n} problem(s) – nothing was saved."),
    "common.need_editor": (
        "Endringer krever en redaktør: logg inn i sidefeltet, eller se «Data safety» i README.",
        "Changes need an editor: sign in from the sidebar, or see 'Data safety' in the README.",
    ),
    "common.need_editor_local": (
        "Endringer krever en redaktør, og redigering er ikke slått på her: se «Data safety» i README.",
        "Changes need an editor, and editing is not switched on here: see 'Data safety' in the README.",
    ),
    "common.stale": (
        "Noen andre har endret denne raden siden du åpnet den. Last siden på nytt og gjør endringen igjen.",
        "Someone else changed this row since you opened it. Reload the page and make your change again.",
    ),
    "common.search": ("Søk", "Search"),
    "common.none": ("(ingen)", "(none)"),
    # --- column headings
    "col.kind": ("Type", "Kind"),
    "col.count": ("Antall", "Count"),
    "col.category": ("Kategori", "Category"),
    "col.assigned": ("Vedtatt kategori", "Assigned category"),
    "col.suggested": ("Foreslått kategori", "Suggested category"),
    "col.severity": ("Alvorlighet", "Severity"),
    "col.finding": ("Funn", "Finding"),
    "col.explanation": ("Forklaring", "Explanation"),
    "col.subject": ("Gjelder", "Subject"),
    "col.evidence": ("Belegg", "Evidence"),
    "col.when": ("Tidspunkt", "When"),
    "col.when_local": ("Tidspunkt ({zone})", "When ({zone})"),
    "col.who": ("Hvem", "Who"),
    "col.table": ("Tabell", "Table"),
    "col.row": ("Rad", "Row"),
    "col.action": ("Handling", "Action"),
    "col.file": ("Fil", "File"),
    "col.column": ("Kolonne", "Column"),
    "col.reason": ("Begrunnelse", "Reason"),
    "col.tie": ("Forbindelse", "Tie"),
    "col.direction": ("Retning", "Direction"),
    "col.other_id": ("Motpart-id", "Counterpart id"),
    "col.other": ("Motpart", "Counterpart"),
    "col.other_kind": ("Motpartens type", "Counterpart kind"),
    "col.start": ("Start", "Start"),
    "col.end": ("Slutt", "End"),
    "col.status": ("Status", "Status"),
    "col.sectors": ("Sektorer", "Sectors"),
    "col.municipal_role": ("Kommunens rolle", "Municipal role"),
    "col.carrier": ("Bæres av", "Carried by"),
    "col.source": ("Kilde", "Source"),
    "col.title": ("Tittel", "Title"),
    "col.amount": ("Beløp", "Amount"),
    "col.currency": ("Valuta", "Currency"),
    "col.year": ("År", "Year"),
    "col.funder": ("Finansiering fra", "Funder"),
    "col.amount_nok": ("Beløp (NOK)", "Amount (NOK)"),
    "col.purpose": ("Formål", "Purpose"),
    "col.decided_on": ("Vedtatt", "Decided on"),
    "col.decided_by": ("Vedtatt av", "Decided by"),
    "col.case_ref": ("Saksnummer", "Case reference"),
    "col.name": ("Navn", "Name"),
    "col.country": ("Land", "Country"),
    "col.id": ("Id", "Id"),
    "col.municipal": ("Kommunalt", "Municipal"),
    "col.external": ("Eksternt", "External"),
    "col.total": ("Sum", "Total"),
    "action.insert": ("lagt til", "added"),
    "action.update": ("endret", "changed"),
    "action.delete": ("slettet", "deleted"),
    # --- overview
    "overview.title": ("Oversikt", "Overview"),
    "overview.intro": (
        "Hva registeret inneholder, hvordan vennskapsbyene er kategorisert, hva som bør følges opp og hva som sist er endret.",
        "What the registry holds, how the sister cities are categorised, what needs attention and what changed last.",
    ),
    "overview.entities": ("Aktører og steder", "Entities"),
    "overview.ties": ("Forbindelser", "Ties"),
    "overview.sister_cities": ("Vennskapsbyer", "Sister cities"),
    "overview.decisions": ("Kategorivedtak", "Category decisions"),
    "overview.plan_lines": ("Finansieringslinjer", "Plan lines"),
    "overview.by_kind": ("Aktører og steder etter type", "Entities by kind"),
    "overview.by_category": ("Vennskapsbyer etter kategori", "Sister cities by category"),
    "overview.by_category_help": (
        "Vedtatt: siste vedtak per by. Foreslått: kategorien opplysningene i registeret peker mot (strategi 2c).",
        "Assigned: the latest decision per city. Suggested: the category the registry's evidence points to (strategy 2c).",
    ),
    "overview.to_sister_cities": ("Gå til vennskapsbyene", "Go to the sister cities"),
    "overview.urgent": ("Bør følges opp", "Needs attention"),
    "overview.no_findings": ("Ingen funn som krever oppfølging.", "No findings that need attention."),
    "overview.to_gaps": ("Alle funn under Hull og overlapp", "All findings under Gaps and overlaps"),
    "overview.changes": ("Siste endringer", "Latest changes"),
    "overview.no_changes": ("Ingen endringer registrert ennå.", "No changes recorded yet."),
    # --- network
    "network.title": ("Nettverk", "Network"),
    "network.intro": (
        "Hvem i Trondheim som er knyttet til hvilke byer, land, institusjoner og nettverk. Hold musepekeren over en node "
        "eller linje for detaljer, klikk på en node for å se forbindelsene dens under tegningen; dra for å flytte, rull for å zoome.",
        "Who in Trondheim is tied to which cities, countries, institutions and networks. Hover over a node or line for "
        "details, click a node to see its ties below the drawing; drag to move, scroll to zoom.",
    ),
    "network.entity_kinds": ("Typer aktører og steder", "Entity kinds"),
    "network.tie_kinds": ("Typer forbindelser", "Tie kinds"),
    "network.sectors": ("Sektorer", "Sectors"),
    "network.countries": ("Land", "Countries"),
    "network.categories": ("Vennskapsbykategorier", "Sister-city categories"),
    "network.categories_help": (
        "Viser bare vennskapsbyer der vedtatt eller foreslått kategori er blant de valgte; andre forbindelser vises som før.",
        "Shows only sister cities whose assigned or suggested category is among those chosen; other ties are shown as before.",
    ),
    "network.whole_history": ("Hele historikken", "Whole history"),
    "network.whole_history_help": (
        "Vis alle forbindelser, også avsluttede, uansett år.", "Show every tie, ended ones too, whatever the year.",
    ),
    "network.as_of": ("Per år", "As of year"),
    "network.as_of_help": (
        "Forbindelser som gjaldt ved utgangen av året. Forbindelser uten kjent startdato vises i år og i hele historikken, "
        "men ikke i tidligere år: om de fantes da, vet registeret ikke.",
        "Ties in force at the end of the year. Ties with no known start date are shown this year and in the whole history, "
        "but not in past years: whether they existed then, the registry does not know.",
    ),
    "network.focus": ("Fokus på", "Focus on"),
    "network.focus_none": ("Hele nettverket", "The whole network"),
    "network.steps": ("Steg", "Steps"),
    "network.find": ("Finn en aktør", "Find an entity"),
    "network.find_help": (
        "For mange aktører til å liste alle: skriv en del av et navn, så viser velgerne under opptil {n} treff.",
        "Too many entities to list them all: type part of a name and the pickers below show up to {n} matches.",
    ),
    "network.path_from": ("Korteste vei fra", "Shortest path from"),
    "network.path_to": ("til", "to"),
    "network.path_found": ("Korteste vei ({n} steg):", "Shortest path ({n} steps):"),
    "network.no_path": ("Ingen vei mellom de to med disse filtrene.", "No path between the two with these filters."),
    "network.empty": ("Ingenting å vise med disse filtrene.", "Nothing to show with these filters."),
    "network.aggregated": (
        "{n} noder er for mange å tegne enkeltvis; de er slått sammen per land ({drawn} noder). Velg land eller fokus for å se enkeltnoder.",
        "{n} nodes are too many to draw one by one; they are merged per country ({drawn} nodes). Choose countries or a focus to see single nodes.",
    ),
    "network.shown": ("{nodes} og {ties}.", "{nodes} and {ties}."),
    "network.omitted": (
        "Bare de {drawn} tyngste forbindelsene mellom land er tegnet; {n} svakere ({ties} enkeltforbindelser) er utelatt.",
        "Only the {drawn} heaviest links between countries are drawn; {n} lighter ones ({ties} single ties) are left out.",
    ),
    "network.iframe_alt": ("Nettverksdiagram over forbindelsene", "Network diagram of the ties"),
    "network.details": ("Forbindelsene til valgt aktør", "Ties of the selected entity"),
    "network.details_help": (
        "Klikk på en node i tegningen, eller velg en aktør under «Fokus på» (eller starten på en vei), for å se forbindelsene og kildene.",
        "Click a node in the drawing, or choose an entity under «Focus on» (or the start of a path), to see its ties and their sources.",
    ),
    "network.tie_count": ("{n} forbindelser", "{n} ties"),
    "network.tie_count_one": ("{n} forbindelse", "{n} tie"),
    # --- network: clicked selection, isolated nodes, undated ties, metrics per entity (issue 11, items 7 and 9)
    "network.node_count": ("{n} noder", "{n} nodes"),
    "network.node_count_one": ("{n} node", "{n} node"),
    "network.hide_isolated": ("Skjul aktører uten forbindelser", "Hide entities without ties"),
    "network.hide_isolated_help": (
        "Tar bort noder som ikke har noen forbindelse med disse filtrene.",
        "Leaves out the nodes that have no tie with these filters.",
    ),
    "network.undated_left_out": (
        "{n} forbindelser uten kjent startdato er ikke tegnet for {year}: om de fantes da, vet registeret ikke. "
        "De vises i år og i hele historikken.",
        "{n} ties with no known start date are not drawn for {year}: whether they existed then, the registry does not know. "
        "They are shown this year and in the whole history.",
    ),
    "network.undated_left_out_one": (
        "{n} forbindelse uten kjent startdato er ikke tegnet for {year}: om den fantes da, vet registeret ikke. "
        "Den vises i år og i hele historikken.",
        "{n} tie with no known start date is not drawn for {year}: whether it existed then, the registry does not know. "
        "It is shown this year and in the whole history.",
    ),
    "network.selected_in_drawing": ("Valgt i tegningen", "Selected in the drawing"),
    "network.clear_selection": ("Fjern valget", "Clear the selection"),
    "network.metrics": ("Nøkkeltall per aktør", "Metrics per entity"),
    "network.metrics_help": (
        "For aktørene og forbindelsene som vises med disse filtrene: antall forbindelser i alt og per type, hvor mange andre "
        "aktører, land og byer de er knyttet til, mellomliggende sentralitet (hvor ofte aktøren ligger på korteste vei mellom "
        "to andre, 0–1) og datoen for siste registrerte aktivitet.",
        "For the entities and ties shown with these filters: ties in all and by kind, how many other entities, countries and "
        "cities each is tied to, betweenness (how often the entity lies on the shortest path between two others, 0–1) and "
        "the date of its last recorded activity.",
    ),
    "network.metrics_sampled": (
        "Sentraliteten er anslått fra {k} tilfeldig valgte startnoder (av {n}); eksakt beregning tar for lang tid.",
        "Betweenness is estimated from {k} randomly chosen start nodes (of {n}); the exact computation takes too long.",
    ),
    "metrics.name": ("Navn", "Name"),
    "metrics.ties": ("Forbindelser", "Ties"),
    "metrics.neighbours": ("Knyttet til", "Tied to"),
    "metrics.countries": ("Land knyttet til", "Countries tied to"),
    "metrics.cities": ("Byer knyttet til", "Cities tied to"),
    "metrics.betweenness": ("Mellomliggende sentralitet", "Betweenness"),
    "metrics.last_activity": ("Siste aktivitet", "Last activity"),
    # --- the network view (inside the drawing)
    "view.legend": ("Tegnforklaring", "Legend"),
    "view.group": ("Land (sammenslått)", "Country (merged)"),
    "view.group_help": ("Flere aktører i samme land, slått sammen", "Several entities in one country, merged"),
    "view.ties_count": ("{n} forbindelser", "{n} ties"),
    "view.ties_count_one": ("{n} forbindelse", "{n} tie"),
    "view.nodes_count": ("{n} noder", "{n} nodes"),
    "view.nodes_count_one": ("{n} node", "{n} node"),
    "view.save_png": ("Lagre som bilde (PNG)", "Save as image (PNG)"),
    "view.png_file": ("nettverk.png", "network.png"),
    "view.dashed": ("Stiplet linje: avsluttet, satt på vent eller usikker", "Dashed line: ended, suspended or uncertain"),
    "view.source": ("Kilde", "Source"),
    "view.caption": ("Nettverk med {nodes} og {ties}", "Network of {nodes} and {ties}"),
    "view.omitted": (
        "{n} svakere forbindelser mellom land ({ties} enkeltforbindelser) er ikke tegnet.",
        "{n} lighter links between countries ({ties} single ties) are not drawn.",
    ),
    # --- the council summary
    "report.title": ("Vennskapsbyene – kategorier, begrunnelser og finansieringsplan", "Sister cities – categories, reasons and financing plan"),
    "report.generated": ("Laget {date} fra registeret; {n} vennskapsbyer.", "Made {date} from the registry; {n} sister cities."),
    "report.intro": (
        "Strategien (bystyresak 3/10, strategi 2c) sier at «en kan tenke seg» at arbeidet med vennskapsbyene deles inn i "
        "fire kategorier: prosjekt, politisk fokus, solidaritet og hvilende. Finansieringsplanen kommer fra bystyrets "
        "flertallsmerknad til saken. For hver by vises vedtatt kategori, kategorien registerets opplysninger peker mot "
        "(eller at registeret ikke har nok data), begrunnelsen, kommunens rolle, siste dokumenterte kontakt, "
        "finansieringsplanen og vedtakshistorikken. Foreslåtte kategorier er forslag til bystyret, ikke vedtak.",
        "The strategy (city council case 3/10, strategy 2c) says that «one can imagine» the work with the sister cities "
        "divided into four categories: project, political focus, solidarity and dormant. The financing plan comes from "
        "the council majority's remark on the case. Each city shows its assigned category, the category the registry's "
        "evidence points to (or that the registry has not enough data), the reasons, the municipality's role, the last "
        "documented contact, the financing plan and the decision history. Suggested categories are suggestions for "
        "the council, not decisions.",
    ),
    "report.categories": ("Kategoriene, med strategiens ord", "The categories, in the strategy's words"),
    "report.not_enough_data": (
        "Ikke nok data: registeret har ingen datert aktivitet for relasjonen, så ingen kategori kan foreslås.",
        "Not enough data: the registry holds no dated activity for the relation, so no category can be suggested.",
    ),
    "report.role": ("Kommunens rolle", "The municipality's role"),
    "report.last_contact": ("Siste dokumenterte kontakt", "Last documented contact"),
    "report.no_contact": ("ingen datert kontakt registrert", "no dated contact registered"),
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
    "report.municipal": ("Kommunalt", "Municipal"),
    "report.external": ("Eksternt", "External"),
    "report.integrity": ("Datakvalitet", "Data quality"),
    "report.integrity_help": (
        "Feil og mangler i selve dataene (fra integritetskontrollen).", "Errors and gaps in the data itself (from the integrity check).",
    ),
    # --- map
    "map.title": ("Kart", "Map"),
    "map.intro": (
        "Byene, landene og aktørene med kjent plassering, og forbindelsene mellom dem. Konsulater vises i byen de ligger i. "
        "Kartet tegnes uten karttjeneste utenfra (landkonturer fra Natural Earth).",
        "The cities, countries and actors with a known place, and the ties between them. Consulates are shown in the city "
        "they are located in. The map is drawn without any outside map service (land outlines from Natural Earth).",
    ),
    "map.alt": ("Verdenskart med registerets steder og forbindelser", "World map of the registry's places and ties"),
    "map.counts": (
        "{places} steder og {ties} forbindelser på kartet; {unplaced} aktører uten kjent plassering vises ikke.",
        "{places} places and {ties} ties on the map; {unplaced} entities without a known place are not shown.",
    ),
    "map.also_here": ("Også her", "Also here"),
    "map.table": ("Stedene som tabell", "The places as a table"),
    "map.lat": ("Breddegrad", "Latitude"),
    "map.lon": ("Lengdegrad", "Longitude"),
    "map.placed_by": ("Plassert ved", "Placed by"),
    # map: merged lines (issue 11)
    "map.aggregated": (
        "{ties} forbindelser er for mange å tegne enkeltvis; de er slått sammen til én linje per landpar ({lines} linjer, "
        "bredere jo flere forbindelser, i fargen til den vanligste typen). Velg typer forbindelser eller et år for å se enkeltlinjer.",
        "{ties} ties are too many to draw one by one; they are merged into one line per pair of countries ({lines} lines, "
        "wider the more ties, in the colour of the most common kind). Choose tie kinds or a year to see single lines.",
    ),
    "map.omitted": (
        "{n} svakere linjer mellom land ({ties} forbindelser) er ikke tegnet.",
        "{n} lighter lines between countries ({ties} ties) are not drawn.",
    ),
    # --- sister cities
    "sister.title": ("Vennskapsbyer", "Sister cities"),
    "sister.intro": (
        "Strategi 2c: vennskapsbyene graderes i fire kategorier. For hver by vises vedtatt kategori, kategorien "
        "opplysningene i registeret peker mot, begrunnelsen med belegg, finansieringsplanen og vedtakshistorikken.",
        "Strategy 2c: the sister cities are graded in four categories. Each city shows its assigned category, the "
        "category the registry's evidence points to, the reasons with evidence, the financing plan and the decision history.",
    ),
    "sister.group_by": ("Grupper etter", "Group by"),
    "sister.group_assigned": ("Vedtatt kategori", "Assigned category"),
    "sister.group_suggested": ("Foreslått kategori", "Suggested category"),
    "sister.help_unclassified": (
        "Byer uten vedtatt kategori (eller der opplysningene ikke peker mot noen kategori).",
        "Cities without an assigned category (or where the evidence points to no category).",
    ),
    "sister.help_not_enough_data": (
        "Registeret har ingen datert aktivitet for disse relasjonene: ingen kategori kan foreslås før noe er registrert.",
        "The registry holds no dated activity for these relations: no category can be suggested until something is registered.",
    ),
    "sister.last_contact": ("Siste dokumenterte kontakt", "Last documented contact"),
    "sister.no_contact": ("Ingen datert kontakt registrert ({n} oppføringer)", "No dated contact registered ({n} records)"),
    "sister.activities": ("Aktiviteter ({n})", "Activities ({n})"),
    "sister.details": ("Detaljer for én by", "Details of one city"),
    "io.personal_hidden": (
        "Navn, e-post og telefon til kontaktpersoner er tomme i nedlastingene: bare redaktører laster ned personopplysninger.",
        "Contact names, e-mail and phone are empty in the downloads: only editors download personal data.",
    ),
    "nav.strategy": ("Strategien punkt for punkt", "The strategy point by point"),
    "strategy.title": ("Strategien punkt for punkt", "The strategy point by point"),
    "strategy.intro": (
        "For hvert punkt i den internasjonale strategien (bystyresak 3/10): relasjonene, avtalene og aktivitetene som er "
        "registrert for det, pengene knyttet til dem, og funnene i analysen som gjelder det. Punkter uten noe registrert "
        "er listet til slutt – grunnlag for årsrapporten til bystyret.",
        "For each point of the international strategy (city council case 3/10): the relations, agreements and activities "
        "registered for it, the money tied to them, and the analysis findings that concern it. Points with nothing "
        "registered are listed last – material for the annual report to the council.",
    ),
    "strategy.served": ("Punkter med noe registrert", "Points with something registered"),
    "strategy.unserved": ("Punkter uten noe registrert", "Points with nothing registered"),
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
        "Registeret har ingen relasjon, avtale eller aktivitet merket med disse punktene. Det kan bety at arbeidet ikke "
        "er gjort, eller at det ikke er registrert.",
        "The registry holds no relation, agreement or activity tagged with these points. That may mean the work was not "
        "done, or that it was not registered.",
    ),
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
        "Hvor mange aktive forbindelser hver vennskapsby har i strategiens sektorer, og hvor mange lokale aktører av hver type som er knyttet til den. Tomme celler er hull.",
        "How many active ties each sister city has in the strategy's sectors, and how many local actors of each kind are tied to it. Empty cells are gaps.",
    ),
    "gaps.sector_matrix": ("Vennskapsby × sektor", "Sister city × sector"),
    "gaps.actor_matrix": ("Vennskapsby × lokal aktørtype", "Sister city × local actor kind"),
    "gaps.no_matrix": ("Ingen vennskapsbyer å vise.", "No sister cities to show."),
    "gaps.none": ("Ingen funn av disse typene:", "No findings of these kinds:"),
    # --- registry
    "registry.title": ("Register", "Registry"),
    "registry.intro": (
        "Bla og søk i aktører, steder og forbindelser; legg til og rett. Alle endringer kontrolleres og skrives i endringsloggen.",
        "Browse and search entities and ties; add and correct them. Every change is checked and written to the change log.",
    ),
    "registry.entities": ("Aktører og steder", "Entities"),
    "registry.ties": ("Forbindelser", "Ties"),
    "registry.history": ("Endringslogg", "Change history"),
    "registry.search_entities": ("Navn, id eller notat", "Name, id or note"),
    "registry.search_ties": ("Navn, id, mål eller kilde", "Name, id, goal or source"),
    "registry.edit_entity": ("Rett en aktør eller et sted", "Edit an entity"),
    "registry.choose_entity": ("Velg aktør eller sted", "Choose an entity"),
    "registry.new_entity": ("Ny aktør eller nytt sted", "New entity"),
    "registry.new_entity_help": (
        "La id stå tom for å lage den av navnet (f.eks. «Kraków» blir krakow). Kilde er påkrevd.",
        "Leave the id empty to make it from the name (e.g. «Kraków» becomes krakow). A source is required.",
    ),
    "registry.edit_tie": ("Rett en forbindelse", "Edit a tie"),
    "registry.choose_tie": ("Velg forbindelse", "Choose a tie"),
    "registry.new_tie": ("Ny forbindelse", "New tie"),
    "registry.new_tie_help": (
        "La id stå tom for å lage den av partene og typen (f.eks. trondheim--graz--partnership).",
        "Leave the id empty to make it from the two ends and the kind (e.g. trondheim--graz--partnership).",
    ),
    "registry.from": ("Fra", "From"),
    "registry.to": ("Til", "To"),
    "registry.directed_help": ("Kryss av når retningen betyr noe (f.eks. konsulat → land).", "Tick when the direction matters (e.g. consulate → country)."),
    "registry.add": ("Legg til", "Add"),
    "registry.save": ("Lagre endringene", "Save the changes"),
    "registry.no_change": ("Ingen endringer å lagre.", "No changes to save."),
    "registry.saved": ("«{id}» er lagret.", "«{id}» is saved."),
    "registry.version": ("versjon {v}, sist endret av {who} {at}", "version {v}, last changed by {who} {at}"),
    "registry.row_id": ("Rad-id", "Row id"),
    "registry.row_id_placeholder": ("f.eks. graz eller trondheim--graz", "e.g. graz or trondheim--graz"),
    "registry.change": ("Endring", "Change"),
    "registry.history_help": ("De {n} siste endringene, nyeste først.", "The latest {n} changes, newest first."),
    # --- registry: activities, agreements, contacts, declared totals and budget lines (generic forms)
    "registry.tab_activities": ("Aktiviteter", "Activities"),
    "registry.tab_agreements": ("Avtaler", "Agreements"),
    "registry.tab_contacts": ("Kontakter", "Contacts"),
    "registry.tab_declared_totals": ("Oppgitte antall", "Declared totals"),
    "registry.tab_plan_lines": ("Budsjettlinjer", "Budget lines"),
    "registry.participants": ("Deltakere", "Participants"),
    "registry.linked_ties": ("Forbindelser den gjelder", "Ties it counts for"),
    "registry.parties": ("Parter", "Parties"),
    "registry.search_rows": ("Ord i et hvilket som helst felt", "A word in any field"),
    "registry.choose_row": ("Velg rad", "Choose a row"),
    "registry.edit_row": ("Rett en rad", "Edit a row"),
    "registry.new_row": ("Ny rad", "New row"),
    "registry.new_row_help": (
        "La id stå tom for å lage den av tittel og dato (eller aktør og embete). Felt merket * er påkrevd.",
        "Leave the id empty to make it from the title and date (or the entity and office). Fields marked * are required.",
    ),
    "registry.choose_child": ("Velg en for å rette eller fjerne den", "Choose one to edit or remove it"),
    "registry.add_child": ("Legg til: {what}", "Add: {what}"),
    "registry.no_rows": ("Ingen ennå.", "None yet."),
    "registry.remove": ("Fjern", "Remove"),
    "registry.removed": ("«{id}» er fjernet.", "«{id}» is removed."),
    "registry.personal_hidden": (
        "Navn, e-post og telefon er personopplysninger og vises bare for redaktører.",
        "Names, e-mail addresses and phone numbers are personal data and are shown to editors only.",
    ),
    "registry.type_id": ("Skriv id-en: listen er for lang til å vises.", "Type the id: the list is too long to show."),
    "editing.inserted": ("la til «{name}»", "added «{name}»"),
    "editing.deleted": ("slettet «{name}»", "deleted «{name}»"),
    # --- import and export
    "io.title": ("Import og eksport", "Import and export"),
    "io.intro": (
        "Last opp CSV-filer for å legge til eller oppdatere rader, og last ned tabellene eller nettverket.",
        "Upload CSV files to add or update rows, and download the tables or the network.",
    ),
    "io.import": ("Import", "Import"),
    "io.import_help": (
        "Tabellen gjenkjennes av overskriftsraden. Du ser en forhåndsvisning og alle problemer rad for rad før noe lagres; "
        "enten lagres alt, eller ingenting.",
        "The table is recognised by its header row. You see a preview and every problem row by row before anything is "
        "saved; either everything is saved or nothing is.",
    ),
    "io.upload": ("CSV-filer", "CSV files"),
    "io.upload_help": (
        "Opplastingsfeltet er Streamlits eget og står på engelsk: «Drag and drop files here» betyr dra og slipp filene "
        "her, «Browse files» velg filer, og «Limit 200MB per file» er største filstørrelse.",
        "Drop the files on the field or choose them with «Browse files»; a file may be at most 200 MB.",
    ),
    "io.detected": ("{table}, {rows} rader ({encoding})", "{table}, {rows} rows ({encoding})"),
    "io.unknown_table": ("ukjent tabell", "unknown table"),
    "io.table_entities": ("Aktører og steder", "Entities"),
    "io.table_ties": ("Forbindelser", "Ties"),
    "io.table_decisions": ("Kategorivedtak", "Category decisions"),
    "io.table_plan_lines": ("Finansieringsplan", "Financing plan"),
    "io.table_wikidata": ("Wikidata-eksport (vennskapsbyer)", "Wikidata export (twin towns)"),
    "io.table_audit": ("Endringslogg", "Change log"),
    "io.table_vocabulary": ("Kodeliste {name}", "Code list {name}"),
    "io.valid": ("Filene er gyldige. Slik blir importen:", "The files are valid. The import will do this:"),
    "io.inserted": ("Nye", "New"),
    "io.updated": ("Endret", "Changed"),
    "io.unchanged": ("Uendret", "Unchanged"),
    "io.apply": ("Importer ({n} nye eller endrede rader)", "Import ({n} new or changed rows)"),
    "io.applied": ("Importert: {inserted} nye og {updated} endrede rader.", "Imported: {inserted} new and {updated} changed rows."),
    "io.export": ("Eksport", "Export"),
    "io.export_help": (
        "CSV i UTF-8 med overskriftsrad, samme format som importen leser. Nettverket som GraphML eller GEXF (for Gephi).",
        "CSV in UTF-8 with a header row, the format the import reads. The network as GraphML or GEXF (for Gephi).",
    ),
    "io.spreadsheet_safe": ("Trygt for regneark", "Spreadsheet-safe"),
    "io.spreadsheet_safe_help": (
        "Setter ' foran tekst som begynner med = + - @, så regnearket ikke tolker den som en formel. Importen fjerner tegnet igjen.",
        "Puts ' before text starting with = + - @ so a spreadsheet does not run it as a formula. The import removes it again.",
    ),
    "io.choose_table": ("Tabell", "Table"),
    "io.download_table": ("Last ned tabellen (CSV)", "Download the table (CSV)"),
    "io.download_zip": ("Alle tabeller (zip)", "All tables (zip)"),
    "io.download_graphml": ("Nettverket (GraphML)", "The network (GraphML)"),
    "io.download_gexf": ("Nettverket (GEXF)", "The network (GEXF)"),
}

#: Labels of the table columns an editor fills in: column name -> (nb, en).
FIELDS: dict[str, tuple[str, str]] = {
    "id": ("Id", "Id"),
    "kind": ("Type", "Kind"),
    "name": ("Navn", "Name"),
    "name_en": ("Engelsk navn", "English name"),
    "country_code": ("Landkode (ISO)", "Country code (ISO)"),
    "lat": ("Breddegrad", "Latitude"),
    "lon": ("Lengdegrad", "Longitude"),
    "url": ("Nettadresse", "Web address"),
    "wikidata_id": ("Wikidata-id", "Wikidata id"),
    "notes": ("Notater", "Notes"),
    "source": ("Kilde", "Source"),
    "from_id": ("Fra", "From"),
    "to_id": ("Til", "To"),
    "directed": ("Retningen betyr noe", "Direction matters"),
    "sectors": ("Sektorer", "Sectors"),
    "start": ("Start (ÅÅÅÅ[-MM[-DD]])", "Start (YYYY[-MM[-DD]])"),
    "start_certainty": ("Hvor sikker starten er", "Certainty of the start"),
    "end": ("Slutt (ÅÅÅÅ[-MM[-DD]])", "End (YYYY[-MM[-DD]])"),
    "status": ("Status", "Status"),
    "carrier_id": ("Bæres av (lokal aktør)", "Carried by (local actor)"),
    "municipal_role": ("Kommunens rolle", "Municipal role"),
    "reciprocity": ("Gjensidighet", "Reciprocity"),
    "goals": ("Mål", "Goals"),
    "indicators": ("Indikatorer", "Indicators"),
    "funding": ("Finansiering", "Funding"),
    "strategy_points": ("Strategipunkter (f.eks. 2a;4e)", "Strategy points (e.g. 2a;4e)"),
    "tie_id": ("Forbindelse", "Tie"),
    "category": ("Kategori", "Category"),
    "decided_on": ("Vedtatt", "Decided on"),
    "decided_by": ("Vedtatt av", "Decided by"),
    "case_ref": ("Saksnummer", "Case reference"),
    "reason": ("Begrunnelse", "Reason"),
    "year": ("År", "Year"),
    "amount_nok": ("Beløp (NOK)", "Amount (NOK)"),
    "funder": ("Finansiering fra", "Funder"),
    "funder_id": ("Finansieringsordning", "Funding programme"),
    "purpose": ("Formål", "Purpose"),
    "amount": ("Beløp", "Amount"),
    "currency": ("Valuta", "Currency"),
    "activity_id": ("Aktivitet", "Activity"),
    "agreement_id": ("Avtale", "Agreement"),
    "entity_id": ("Aktør", "Entity"),
    "founded": ("Opprettet", "Founded"),
    "dissolved": ("Nedlagt", "Dissolved"),
    "successor_id": ("Etterfølger", "Successor"),
    "verified_on": ("Kilde kontrollert", "Source checked on"),
    "title": ("Tittel", "Title"),
    "signed_on": ("Signert", "Signed on"),
    "signed_certainty": ("Sikkerhet (signert)", "Certainty (signed)"),
    "signatories": ("Signert av (embete)", "Signed by (office)"),
    "document_url": ("Dokumentets adresse", "Document address"),
    "review_on": ("Revideres", "Review on"),
    "ended_on": ("Avsluttet", "Ended on"),
    "role": ("Rolle", "Role"),
    "date_certainty": ("Sikkerhet (dato)", "Certainty (date)"),
    "office": ("Embete/rolle", "Office/role"),
    "person_name": ("Navn (personopplysning)", "Name (personal data)"),
    "email": ("E-post", "E-mail"),
    "phone": ("Telefon", "Phone"),
    "retain_until": ("Slettes innen", "Retain until"),
    "measure": ("Hva som telles", "Measure"),
    "total": ("Antall", "Total"),
    "as_of": ("Per dato", "As of"),
    "key": ("Innstilling", "Setting"),
    "value": ("Verdi", "Value"),
}


#: Names of the evidence model's tables in both languages (the older tables have io.table_* keys).
TABLE_LABELS: dict[str, tuple[str, str]] = {
    "agreements": ("Avtaler", "Agreements"),
    "agreement_parties": ("Avtaleparter", "Agreement parties"),
    "activities": ("Aktiviteter", "Activities"),
    "activity_participants": ("Deltakere i aktiviteter", "Activity participants"),
    "activity_ties": ("Aktiviteter per forbindelse", "Activities per tie"),
    "contacts": ("Kontaktpunkter", "Contacts"),
    "declared_totals": ("Oppgitte antall", "Declared totals"),
    "settings": ("Innstillinger", "Settings"),
}


def table_label(table: str, lang: str) -> str:
    """Return the display name of a data table in ``lang`` (the evidence model's, or an io.table_* text), else the table name.

    >>> table_label("activities", "nb"), table_label("ties", "nb")
    ('Aktiviteter', 'Forbindelser')
    """
    nb, en = TABLE_LABELS.get(table) or STRINGS.get("io.table_" + table, (table, table))
    return nb if lang == "nb" else en


#: The zone times are shown in when the registry names none (setting ``time_zone``): the audit log's own.
TIME_ZONE = "UTC"


def local_time(stamp: str | None, zone: str = TIME_ZONE) -> str:
    """Return an ISO 8601 UTC time stamp as 'YYYY-MM-DD HH:MM' in ``zone`` ('' for none; the text itself when unreadable).

    >>> local_time("2025-06-19T10:30:00+00:00", "Europe/Oslo"), local_time("2025-01-10T10:30:00Z", "Europe/Oslo")
    ('2025-06-19 12:30', '2025-01-10 11:30')
    >>> local_time("2025-06-19T10:30:00+00:00")
    '2025-06-19 10:30'
    """
    if not stamp:
        return ""
    from datetime import datetime, timezone
    from zoneinfo import ZoneInfo

    try:
        at = datetime.fromisoformat(str(stamp).replace("Z", "+00:00"))
    except ValueError:
        return str(stamp)
    if at.tzinfo is None:  # the audit log writes UTC
        at = at.replace(tzinfo=timezone.utc)
    return at.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M")


def t(key: str, lang: str, **values: Any) -> str:
    """Return the text ``key`` in ``lang`` ('nb' or 'en'), with ``{name}`` fields filled from ``values``.

    >>> t("nav.map", "en")
    'Map'
    >>> t("network.tie_count", "nb", n=3), t("network.tie_count", "en", n=1)
    ('3 forbindelser', '1 tie')

    A key with a ``<key>_one`` variant uses it when ``n`` is 1.
    """
    if values.get("n") == 1 and key + "_one" in STRINGS:  # the singular: '1 tie', not '1 ties'
        key += "_one"
    nb, en = STRINGS[key]
    text = nb if lang == "nb" else en
    return text.format(**values) if values else text


def field_label(column: str, lang: str) -> str:
    """Return the label of a table column in ``lang`` (the column name when it has none).

    >>> field_label("country_code", "en")
    'Country code (ISO)'
    """
    nb, en = FIELDS.get(column, (column, column))
    return nb if lang == "nb" else en


@lru_cache(maxsize=2)
def _translation(lang: str) -> gettext.NullTranslations:
    import pycountry

    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
    except OSError:
        return gettext.NullTranslations()


@lru_cache(maxsize=1024)
def country_name(code: str | None, lang: str) -> str:
    """Return the name of an ISO 3166-1 alpha-2 country in ``lang``; the code itself when unknown.

    >>> country_name("SE", "nb"), country_name("SE", "en")
    ('Sverige', 'Sweden')
    """
    if not isinstance(code, str) or not code:
        return ""
    import pycountry

    c = pycountry.countries.get(alpha_2=code.upper())
    if c is None:
        return code
    if lang == "nb":
        return _translation("nb").gettext(c.name)
    return getattr(c, "common_name", None) or c.name


# --- the registry page: pages of a table, and the form help of every column in bokmål (issue 11, items 5 and 6)

__all__ += ["FIELD_HELP_NB", "field_help"]

STRINGS.update({
    "registry.page": ("Rad {first}–{last} av {shown} treff.", "Rows {first}–{last} of {shown} matches."),
    "registry.no_matches": ("Ingen treff.", "No matches."),
    "registry.previous": ("Forrige side", "Previous page"),
    "registry.next": ("Neste side", "Next page"),
    "gaps.audit": ("Ta med endringsloggen", "Include the change log"),
    "gaps.audit_help": (
        "Spiller av endringsloggen for å finne rader som er skrevet utenom registeret. Tar noen sekunder i et stort register.",
        "Replays the change log to find rows written past the registry. Takes a few seconds in a large registry.",
    ),
    "gaps.audit_off": (
        "Integritetskontrollen under har ikke spilt av endringsloggen: rader skrevet utenom registeret er ikke søkt etter. "
        "Slå på «Ta med endringsloggen» for å ta dem med.",
        "The integrity check below did not replay the change log: rows written past the registry are not looked for. "
        "Switch on «Include the change log» to include them.",
    ),
    "gaps.first_rows": (
        "Viser de {shown} første av {n}; CSV-filen har alle.",
        "Showing the first {shown} of {n}; the CSV file has them all.",
    ),
    "registry.picker_page": (
        "Listen viser radene på siden over: søk eller bla for å finne andre.",
        "The list holds the rows of the page above: search or turn the page to find others.",
    ),
})

_VERIFIED_NB = "Når kilden sist ble lest og fortsatt stemte (ÅÅÅÅ-MM-DD)"
_DATE_NB = "ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD"

#: The help of each form field in bokmål, by 'table.column'; the English help is the one declared in registry/schema.py.
FIELD_HELP_NB: dict[str, str] = {
    **{f"{table}.verified_on": _VERIFIED_NB for table in ("entities", "agreements", "ties", "activities", "contacts")},
    "entities.id": "Fast kortnavn, f.eks. «dunfermline»",
    "entities.name": "Navn (det norske der det er et eget)",
    "entities.name_en": "Engelsk navn der det er et annet",
    "entities.country_code": "ISO 3166-1 alfa-2-kode",
    "entities.lat": "Breddegrad (WGS84)",
    "entities.lon": "Lengdegrad (WGS84)",
    "entities.url": "Nettadresse",
    "entities.wikidata_id": "Wikidata-id, f.eks. Q1234",
    "entities.source": "Én eller flere adresser, eller strategidokumentet",
    "entities.founded": "Når organet ble opprettet eller stedet ble ett",
    "entities.dissolved": "Når organet opphørte; forbindelsene dets slutter samtidig",
    "entities.successor_id": "Organet som tok over da dette ble nedlagt",
    "agreements.id": "Fast kortnavn, f.eks. «ring-charter-1968»",
    "agreements.title": "Dokumentets tittel, på dokumentets eget språk",
    "agreements.signed_on": _DATE_NB,
    "agreements.signatories": "Hvem som signerte, etter embete (aldri private navn), skilt med «;»",
    "agreements.document_url": "Der selve dokumentet kan leses",
    "agreements.review_on": "Når avtalen skal vurderes eller fornyes",
    "agreements.ended_on": "Når den ble sagt opp eller utløp",
    "agreements.sectors": "Sektorene avtalen nevner",
    "agreement_parties.role": "«party» om ikke annet er oppgitt",
    "ties.id": "Fast kortnavn, f.eks. «trondheim--dunfermline»",
    "ties.start": _DATE_NB,
    "ties.directed": "1 når retningen betyr noe, ellers 0",
    "ties.sectors": "Sektorkoder skilt med «;»",
    "ties.carrier_id": "Den lokale aktøren som bærer kontakten",
    "ties.strategy_points": "Strategipunkter skilt med «;», f.eks. «2a;4e»",
    "ties.agreement_id": "Avtalen forbindelsen bygger på, når den er registrert",
    "activities.id": "Fast kortnavn, f.eks. «dunfermline-80-years-2025»",
    "activities.title": "Hva som skjedde, på én linje",
    "activities.start": _DATE_NB + "; tom når ingen kilde oppgir den",
    "activities.end": "Siste dag, for et tidsrom",
    "activities.municipal_role": "Hjemkommunens rolle i den",
    "activities.agreement_id": "Avtalen den følger opp, om noen",
    "activity_ties.tie_id": "Forbindelsen aktiviteten hører til",
    "decisions.kind": "«category» om ikke annet er oppgitt",
    "decisions.tie_id": "Forbindelsen vedtaket gjelder (påkrevd for kategori eller vennskapsbyavtale)",
    "decisions.category": "Påkrevd for et kategorivedtak",
    "decisions.title": "Hva som ble vedtatt, f.eks. strategiens tittel",
    "decisions.decided_by": "Organet, f.eks. «Bystyret», «Formannskapet»",
    "decisions.case_ref": "Saksnummer, f.eks. «sak 3/10»",
    "plan_lines.tie_id": "Relasjonen som finansieres (alle typer forbindelser)",
    "plan_lines.activity_id": "Aktiviteten eller prosjektet som finansieres",
    "plan_lines.kind": "«plan» (budsjettert) eller «actual» (brukt eller mottatt)",
    "plan_lines.amount": "Hele enheter av valutaen",
    "plan_lines.currency": "ISO 4217-kode; NOK når tom",
    "plan_lines.funder": "«municipal» eller navnet på en ekstern finansiør",
    "plan_lines.funder_id": "Finansiøren, når den er registrert",
    "contacts.id": "Fast kortnavn, f.eks. «consul-denmark»",
    "contacts.entity_id": "Organisasjonen",
    "contacts.office": "Embetet eller rollen, f.eks. «honorary consul»",
    "contacts.person_name": "Valgfritt; personopplysning, logges aldri i klartekst",
    "contacts.purpose": "Hvorfor registeret har denne kontakten",
    "contacts.retain_until": "Når personopplysningene skal slettes",
    "declared_totals.id": "Fast kortnavn, f.eks. «trondheim-consulates-2010»",
    "declared_totals.entity_id": "Hvem antallet gjelder (kommunen)",
    "declared_totals.as_of": "Når kilden telte",
    "settings.key": "En innstilling som er deklarert i registry.settings",
    "settings.value": "Verdien, som tekst",
}


def field_help(table: str, column: str, lang: str) -> str:
    """Return the help of a form field in ``lang``: the schema's English help, or its bokmål text ('' when it has none).

    >>> field_help("ties", "directed", "nb"), field_help("ties", "directed", "en")
    ('1 når retningen betyr noe, ellers 0', '1 when the direction matters, else 0')
    """
    from .schema import TABLES  # local: i18n stays a leaf module that the rest of registry imports

    english = TABLES[table].column(column).help if table in TABLES else ""
    if lang != "nb" or not english:
        return english
    return FIELD_HELP_NB.get(f"{table}.{column}", english)
