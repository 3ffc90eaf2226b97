"""Texts of the network's presentation picture (PNG and SVG) and its download buttons (bokmål, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    "picture.title": ("Internasjonale relasjoner – nettverk", "International relations – network"),
    "picture.as_of": ("Per {date}", "As of {date}"),
    "picture.whole_history": ("Hele historikken", "The whole history"),
    "picture.made": ("Laget {date}", "Made {date}"),
    "picture.entities": ("Aktører og steder", "Entities"),
    "picture.ties": ("Forbindelser", "Ties"),
    "picture.path": ("Valgt vei", "Chosen path"),
    "picture.filters": ("Utvalg", "Filters"),
    "picture.everything": ("Hele registeret, uten filtre", "The whole registry, no filters"),
    "picture.filter": ("{label}: {values}", "{label}: {values}"),
    "picture.focus": ("Fokus på {name}, {n} steg", "Focus on {name}, {n} steps"),
    "picture.focus_one": ("Fokus på {name}, 1 steg", "Focus on {name}, 1 step"),
    "picture.route": ("Vei: {names}", "Path: {names}"),
    "picture.hidden_isolated": ("Aktører uten forbindelser er skjult", "Entities without ties are hidden"),
    "picture.download_png": ("Bilde (PNG)", "Picture (PNG)"),
    "picture.download_svg": ("Bilde (SVG)", "Picture (SVG)"),
    "picture.download_help": (
        "Tegningen slik den står nå, med tittel, dato, tegnforklaring og utvalg: til en presentasjon. SVG kan skaleres og redigeres.",
        "The drawing as it stands, with title, date, legend and filters: for a presentation. SVG scales and can be edited.",
    ),
    "picture.file": ("nettverk", "network"),
}
