"""Texts of the frame around every page: sign-in, home municipality, navigation, shared words, column headings."""

from __future__ import annotations

__all__ = ["STRINGS"]

#: The frame's texts: key -> (nb, en); merged with the other parts into :data:`registry.i18n.STRINGS`.
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
        "Bare visning: redigering er ikke slått på her (se «How editing is protected» i docs/data-safety.md).",
        "View only: editing is not switched on here (see 'How editing is protected' in docs/data-safety.md).",
    ),
    "frame.footer": (
        "Registeret over de internasjonale forbindelsene til {home}.",
        "The register of the international ties of {home}.",
    ),
    "frame.footer_none": ("Registeret over internasjonale forbindelser.", "The register of international ties."),
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
    "nav.strategy": ("Strategien punkt for punkt", "The strategy point by point"),
    # --- shared
    "common.all": ("Alle", "All"),
    "common.choose": ("Velg …", "Choose …"),
    "common.download_csv": ("Last ned CSV", "Download CSV"),
    "common.problems": ("{n} problem(er) – ingenting er lagret.", "{n} problem(s) – nothing was saved."),
    "common.need_editor": (
        "Endringer krever en redaktør: logg inn i sidefeltet, eller se «How editing is protected» "
        "i docs/data-safety.md.",
        "Changes need an editor: sign in from the sidebar, or see 'How editing is protected' in docs/data-safety.md.",
    ),
    "common.need_editor_local": (
        "Endringer krever en redaktør, og redigering er ikke slått på her: se «How editing is protected» "
        "i docs/data-safety.md.",
        "Changes need an editor, and editing is not switched on here: see 'How editing is protected' "
        "in docs/data-safety.md.",
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
}
