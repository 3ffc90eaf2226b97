"""Texts of the Explore pages: overview, network (and the drawing inside it) and map."""

from __future__ import annotations

__all__ = ["STRINGS"]

#: The Explore pages' texts: key -> (nb, en); merged with the other parts into :data:`registry.i18n.STRINGS`.
STRINGS: dict[str, tuple[str, str]] = {
    # --- overview
    "overview.title": ("Oversikt", "Overview"),
    "overview.intro": (
        "Hva registeret inneholder, hvordan vennskapsbyene er kategorisert, hva som bør følges opp og hva som sist er endret.",
        "What the registry holds, how the sister cities are categorised, what needs attention and what changed last.",
    ),
    "overview.entities": ("Aktører og steder", "Entities"),
    "overview.ties": ("Forbindelser", "Ties"),
    "overview.sister_cities": ("Vennskapsbyer", "Sister cities"),
    "overview.decisions": ("Vedtak", "Decisions"),
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
        "Hvem som er knyttet til hvilke byer, land, institusjoner og nettverk. Hold musepekeren over en node "
        "eller linje for detaljer, klikk på en node for profilen ved siden av tegningen og forbindelsene under; dra for å flytte, rull for å zoome.",
        "Who is tied to which cities, countries, institutions and networks. Hover over a node or line for "
        "details, click a node for its profile beside the drawing and its ties below; drag to move, scroll to zoom.",
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
        "Vis alle forbindelser, også avsluttede, uansett år.",
        "Show every tie, ended ones too, whatever the year.",
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
        "Click a node in the drawing, or choose an entity under “Focus on” (or the start of a path), to see its ties and their sources.",
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
        "For aktørene som vises med disse filtrene, regnet i hele registeret det året (et filter velger radene, ikke tallene): "
        "antall forbindelser i alt og per type, hvor mange andre "
        "aktører, land og byer de er knyttet til, mellomliggende sentralitet (hvor ofte aktøren ligger på korteste vei mellom "
        "to andre, 0–1) og datoen for siste registrerte aktivitet.",
        "For the entities shown with these filters, counted in the whole registry that year (a filter chooses the rows, not "
        "the numbers): ties in all and by kind, how many other entities, countries and "
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
    # --- map
    "map.title": ("Kart", "Map"),
    "map.intro": (
        "Byene, landene og aktørene med kjent plassering, og forbindelsene mellom dem. Konsulater vises i byen de ligger i. "
        "Kartet tegnes uten karttjeneste utenfra (landkonturer fra Natural Earth).",
        "The cities, countries and actors with a known place, and the ties between them. Consulates are shown in the city "
        "they are located in. The map is drawn without any outside map service (land outlines from Natural Earth).",
    ),
    "map.alt": ("Verdenskart med registerets steder og forbindelser", "World map of the registry's places and ties"),
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
}
