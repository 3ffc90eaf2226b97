"""Texts of the entity page (one entity's facts, ties, activities, agreements, decisions and budget lines) and the Registry's facet counts."""

from __future__ import annotations

__all__ = ["STRINGS"]

STRINGS: dict[str, tuple[str, str]] = {
    "entity.nav": ("Aktør", "Entity"),
    "entity.title": ("Aktør eller sted", "Entity"),
    "entity.intro": (
        "Alt registeret har om én aktør eller ett sted: fakta, forbindelser begge veier, aktiviteter, avtaler, "
        "vedtak og budsjettlinjer. Sidens adresse kan deles.",
        "Everything the registry holds on one entity: its facts, ties both ways, activities, agreements, decisions "
        "and budget lines. The page's address can be shared.",
    ),
    "entity.pick": ("Velg aktør eller sted", "Choose an entity"),
    "entity.find": ("Finn etter navn", "Find by name"),
    "entity.find_help": (
        "Skriv en del av navnet; de {n} første treffene listes.",
        "Type part of the name; the first {n} matches are listed.",
    ),
    "entity.unknown": (
        "Registeret har ingen aktør eller sted med id «{id}». Velg en nedenfor.",
        "The registry has no entity with id “{id}”. Choose one below.",
    ),
    "entity.as_of": ("Per år", "As of year"),
    "entity.as_of_help": (
        "Et år viser forbindelsene som gjaldt da, og det som var datert til og med det året (udaterte rader tas med).",
        "A year shows the ties that held then and what was dated up to that year (undated rows are kept).",
    ),
    "entity.whole_history": ("Hele historikken", "Whole history"),
    "entity.facts": ("Fakta", "Facts"),
    "entity.none": ("Ingen registrert.", "None registered."),
    "entity.open_hint": ("Navnet åpner den andre aktørens side i en ny fane.", "The name opens the other entity's page in a new tab."),
    "entity.in_network": ("Vis i nettverket", "Show in the network"),
    "entity.in_registry": ("Rediger i registeret", "Edit in the registry"),
    "entity.open_page": ("Åpne aktørens side", "Open the entity's page"),
    "entity.section_ties": ("Forbindelser ({n})", "Ties ({n})"),
    "entity.section_activities": ("Aktiviteter ({n})", "Activities ({n})"),
    "entity.section_agreements": ("Avtaler ({n})", "Agreements ({n})"),
    "entity.section_decisions": ("Vedtak ({n})", "Decisions ({n})"),
    "entity.section_actions": ("Tiltak i handlingsplanen ({n})", "Action plan actions ({n})"),
    "entity.section_plan_lines": ("Budsjett og regnskap ({n})", "Budget lines ({n})"),
    "entity.dir_out": ("Herfra", "From here"),
    "entity.dir_in": ("Hit", "To here"),
    "entity.via_tie": ("Forbindelsen", "The tie"),
    "entity.via_activity": ("Aktiviteten", "The activity"),
    "entity.via_action": ("Tiltaket", "The action"),
    "entity.via_funder": ("Finansieres av aktøren", "Funded by the entity"),
    # Column headers the page and its downloads give (the others: registry.i18n.column_label).
    "entity.col_other_name": ("Motpart", "Counterpart"),
    "entity.col_other_country": ("Motpartens land", "Counterpart country"),
    "entity.col_start_certainty": ("Sikkerhet for start", "Start certainty"),
    "entity.col_roles": ("Rolle", "Role"),
    "entity.col_via": ("Finansierer", "Finances"),
    "entity.col_plan_line_id": ("Linje", "Line"),
    "entity.col_tie_ids": ("Gjennom forbindelse", "Through tie"),
    # The Registry's filter options with their counts.
    "facet.count": ("{label} ({n})", "{label} ({n})"),
}
