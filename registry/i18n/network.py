"""Texts of the network page's running state and its paths by tie quality (bokmål, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    "network.working": ("Regner ut utvalget, tegningen og nøkkeltallene …", "Working out the view, the drawing and the metrics …"),
    # --- issue 19, item 7: year play control, size and colour by metric, the click panel
    "network.play": ("Spill av", "Play"),
    "network.pause": ("Pause", "Pause"),
    "network.play_help": (
        "Går gjennom årene registeret dekker, ett år om gangen, fra det valgte året (eller fra starten når det siste er valgt) "
        "til i år, og stopper der. Pause stopper ved året som vises.",
        "Steps through the years the registry covers, one year at a time, from the chosen year (or from the start when the "
        "last is chosen) to this year, and stops there. Pause stops at the year shown.",
    ),
    "network.playing": ("Spiller av: {year} (av {first}–{last})", "Playing: {year} (of {first}–{last})"),
    "network.paused": ("Satt på pause ved {year}", "Paused at {year}"),
    "network.play_done": ("Avspillingen nådde {year}", "The play reached {year}"),
    "network.size_by": ("Nodestørrelse etter", "Node size by"),
    "network.colour_by": ("Nodefarge etter", "Node colour by"),
    "network.encode_help": (
        "Forbindelser: antall forbindelser i tegningen. Mellomliggende sentralitet og siste aktivitet er fra nøkkeltallene "
        "under, for alle aktørene med disse filtrene; en aktør uten registrert aktivitet er grå.",
        "Ties: the ties drawn. Betweenness and last activity are the metrics below, over all entities passing these "
        "filters; an entity with no recorded activity is grey.",
    ),
    "network.profile": ("Profil", "Profile"),
    "network.profile_hint": (
        "Ingenting valgt ennå. Et klikk på en node i tegningen viser profilen her, fremhever naboene og gir fokus og vei derfra.",
        "Nothing selected yet. A click on a node in the drawing shows its profile here, lights up its neighbours and offers "
        "focus and a path from there.",
    ),
    "network.profile_last": ("Siste aktivitet: {date}", "Last activity: {date}"),
    "network.profile_no_activity": ("Ingen registrert aktivitet", "No recorded activity"),
    "network.profile_neighbours": ("Knyttet til ({n})", "Tied to ({n})"),
    "network.profile_more": ("… og {n} til", "… and {n} more"),
    "network.focus_here": ("Fokus her", "Focus here"),
    "network.path_from_here": ("Vei herfra", "Path from here"),
    "network.entity_page": ("Åpne aktørsiden", "Open the entity page"),
    "view.size_by": ("Størrelse: {metric}", "Size: {metric}"),
    "view.colour_by": ("Farge: {metric}", "Colour: {metric}"),
    "view.metric_kind": ("Type", "Kind"),
    "view.metric_ties": ("Forbindelser", "Ties"),
    "view.metric_betweenness": ("Mellomliggende sentralitet", "Betweenness"),
    "view.metric_last_activity": ("Siste aktivitet (år)", "Last activity (year)"),
    "view.no_value": ("ingen verdi", "no value"),
    "network.path_choice": ("Vei som tegnes", "Path drawn"),
    "network.path_option": ("Vei {i}: {n} steg", "Path {i}: {n} steps"),
    "network.path_option_one": ("Vei {i}: 1 steg", "Path {i}: 1 step"),
    "network.paths_help": (
        "Veiene er rangert etter antall steg og hvor sikre forbindelsene er: en aktiv forbindelse med kildebelagt "
        "startdato teller 1, en usikker eller suspendert 1,5, en avsluttet 2, og en uten kildebelagt start ¼ mer.",
        "The paths are ranked by their steps and how sure their ties are: an active tie whose start a source states "
        "counts 1, an uncertain or suspended one 1.5, an ended one 2, and one without a sourced start ¼ more.",
    ),
    "network.path_doubtful": (
        "Veien går gjennom {n} forbindelser som er usikre, suspendert eller avsluttet (stiplet i tegningen): {ties}.",
        "The path goes through {n} ties that are uncertain, suspended or ended (dashed in the drawing): {ties}.",
    ),
    "network.path_doubtful_one": (
        "Veien går gjennom en forbindelse som er usikker, suspendert eller avsluttet (stiplet i tegningen): {ties}.",
        "The path goes through a tie that is uncertain, suspended or ended (dashed in the drawing): {ties}.",
    ),
    "network.paths_table": ("Veiene steg for steg", "The paths step by step"),
    "col.path": ("Vei", "Path"),
    "col.step": ("Steg", "Step"),
    "col.from": ("Fra", "From"),
    "col.to": ("Til", "To"),
    "col.start_certainty": ("Startdato", "Start date"),
    "col.doubts": ("Merknad", "Doubts"),
    "path.uncertain": ("usikker", "uncertain"),
    "path.suspended": ("suspendert", "suspended"),
    "path.ended": ("avsluttet", "ended"),
    "path.unsourced": ("start ikke kildebelagt", "start not sourced"),
}
