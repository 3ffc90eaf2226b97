"""Texts of the network page's running state and its paths by tie quality (bokmål, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    "network.working": (
        "Regner ut utvalget, tegningen og nøkkeltallene …", "Working out the view, the drawing and the metrics …",
    ),
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
