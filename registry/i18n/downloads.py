"""Texts of the app's downloads: the header of a CSV column no page table or form labels, and the Map's counts."""

from __future__ import annotations

__all__ = ["COLUMNS", "STRINGS"]

#: The header of a download column -> (nb, en), for the columns of the app's CSV downloads that neither a
#: ``col.*`` text, a ``metrics.*`` text nor a form field (:data:`registry.i18n.fields.FIELDS`) labels. The CLI
#: writes the codes; the app writes these, in the page's language.
COLUMNS: dict[str, tuple[str, str]] = {
    # sister cities (registry.review.classify.frame)
    "home_id": ("Hjemkommune-id", "Home municipality id"),
    "city_id": ("By-id", "City id"),
    "city_name": ("By", "City"),
    "assigned_on": ("Kategori vedtatt", "Category decided on"),
    "agreement": ("Vedtak og forslag", "Decision and suggestion"),
    "reason_nb": ("Begrunnelse (bokmål)", "Reason (Norwegian)"),
    "reason_en": ("Begrunnelse (engelsk)", "Reason (English)"),
    "criteria_met": ("Kriterier oppfylt", "Criteria met"),
    "criteria_unmet": ("Kriterier ikke oppfylt", "Criteria not met"),
    "notes_nb": ("Merknader (bokmål)", "Notes (Norwegian)"),
    "notes_en": ("Merknader (engelsk)", "Notes (English)"),
    "activities": ("Aktiviteter", "Activities"),
    "last_contact_on": ("Siste kontakt", "Last contact"),
    "last_contact_kind": ("Siste kontakt, type", "Last contact, kind"),
    "last_contact_title": ("Siste kontakt, tittel", "Last contact, title"),
    "last_contact_source": ("Siste kontakt, kilde", "Last contact, source"),
    "carriers": ("Bæres av", "Carried by"),
    "records": ("Oppføringer", "Records"),
    "state": ("Tilstand", "State"),
    "last_confirmed_on": ("Sist bekreftet", "Last confirmed on"),
    "last_confirmed_how": ("Bekreftet ved", "Confirmed by"),
    "role_year": ("Rollen gjelder år", "Role as of year"),
    "planned_nok": ("Planlagt (NOK)", "Planned (NOK)"),
    "actual_nok": ("Brukt (NOK)", "Spent (NOK)"),
    # gaps and overlaps (registry.review.report.findings_frame)
    "subject_name": ("Gjelder (navn)", "Subject (name)"),
    "subject_name_en": ("Gjelder (engelsk navn)", "Subject (English name)"),
    "score": ("Poeng", "Score"),
    "explanation_nb": ("Forklaring (bokmål)", "Explanation (Norwegian)"),
    "explanation_en": ("Forklaring (engelsk)", "Explanation (English)"),
    # the strategy point by point (registry.review.strategy)
    "point": ("Punkt", "Point"),
    "title_en": ("Engelsk tittel", "English title"),
    "council_mark": ("Bystyrets merke", "Council mark"),
    "council_point": ("Bystyrets vedtakspunkt", "Council decision point"),
    "actions": ("Tiltak", "Actions"),
    "agreements": ("Avtaler", "Agreements"),
    "decisions": ("Vedtak", "Decisions"),
    "findings": ("Funn", "Findings"),
    "last_activity_on": ("Siste aktivitet", "Last activity"),
    "nothing_registered": ("Ingenting registrert", "Nothing registered"),
    "action_ids": ("Tiltak (id-er)", "Actions (ids)"),
    "indicator_ids": ("Indikatorer (id-er)", "Indicators (ids)"),
    "tie_ids": ("Forbindelser (id-er)", "Ties (ids)"),
    "agreement_ids": ("Avtaler (id-er)", "Agreements (ids)"),
    "activity_ids": ("Aktiviteter (id-er)", "Activities (ids)"),
    "decision_ids": ("Vedtak (id-er)", "Decisions (ids)"),
    "finding_kinds": ("Funn (typer)", "Findings (kinds)"),
    "via": ("Regnet med fordi", "Counted because"),
    "on": ("Dato", "Date"),
    # the change history (registry.store.queries.history)
    "at": ("Tidspunkt (UTC)", "When (UTC)"),
    "actor": ("Hvem", "Who"),
    "table_name": ("Tabell", "Table"),
    "row_id": ("Rad", "Row"),
    "before": ("Før", "Before"),
    "after": ("Etter", "After"),
}

#: key -> (nb, en); merged with the other parts into :data:`registry.i18n.STRINGS`.
STRINGS: dict[str, tuple[str, str]] = {
    # The Map counts entities and places apart: consulates sit in their city's place, so a table of
    # every placed entity has more rows than the map has dots (issue 19, D11).
    "map.placed_counts": (
        "{entities} aktører på {places} steder og {ties} forbindelser på kartet (konsulater vises i byen de ligger i); "
        "{unplaced} aktører uten kjent plassering vises ikke.",
        "{entities} entities at {places} places and {ties} ties on the map (consulates are shown in the city they are in); "
        "{unplaced} entities without a known place are not shown.",
    ),
    "map.table_rows": (
        "Én rad per aktør med kjent plassering: {entities} aktører på {places} steder.",
        "One row per entity with a known place: {entities} entities at {places} places.",
    ),
}
