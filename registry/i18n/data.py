"""Texts of the Data pages: the registry's tables and forms, import and export."""

from __future__ import annotations

__all__ = ["STRINGS"]

#: The Data pages' texts: key -> (nb, en); merged with the other parts into :data:`registry.i18n.STRINGS`.
STRINGS: dict[str, tuple[str, str]] = {
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
        "Leave the id empty to make it from the name (e.g. “Kraków” becomes krakow). A source is required.",
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
    "registry.directed_help": (
        "Kryss av når retningen betyr noe (f.eks. konsulat → land).",
        "Tick when the direction matters (e.g. consulate → country).",
    ),
    "registry.add": ("Legg til", "Add"),
    "registry.save": ("Lagre endringene", "Save the changes"),
    "registry.no_change": ("Ingen endringer å lagre.", "No changes to save."),
    "registry.saved": ("«{id}» er lagret.", "“{id}” is saved."),
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
    "registry.removed": ("«{id}» er fjernet.", "“{id}” is removed."),
    "registry.personal_hidden": (
        "Navn, e-post og telefon er personopplysninger og vises bare for redaktører.",
        "Names, e-mail addresses and phone numbers are personal data and are shown to editors only.",
    ),
    "registry.type_id": ("Skriv id-en: listen er for lang til å vises.", "Type the id: the list is too long to show."),
    "editing.inserted": ("la til «{name}»", "added “{name}”"),
    "editing.deleted": ("slettet «{name}»", "deleted “{name}”"),
    # --- the registry page: pages of a table (issue 11, item 5)
    "registry.page": ("Rad {first}–{last} av {shown} treff.", "Rows {first}–{last} of {shown} matches."),
    "registry.no_matches": ("Ingen treff.", "No matches."),
    "registry.previous": ("Forrige side", "Previous page"),
    "registry.next": ("Neste side", "Next page"),
    "registry.picker_page": (
        "Listen viser radene på siden over: søk eller bla for å finne andre.",
        "The list holds the rows of the page above: search or turn the page to find others.",
    ),
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
        "Drop the files on the field or choose them with “Browse files”; a file may be at most 200 MB.",
    ),
    "io.detected": ("{table}, {n} rader ({encoding})", "{table}, {n} rows ({encoding})"),
    "io.detected_one": ("{table}, {n} rad ({encoding})", "{table}, {n} row ({encoding})"),
    "io.unknown_table": ("ukjent tabell", "unknown table"),
    "io.table_entities": ("Aktører og steder", "Entities"),
    "io.table_ties": ("Forbindelser", "Ties"),
    "io.table_decisions": ("Vedtak", "Decisions"),
    "io.table_plan_lines": ("Finansieringsplan", "Financing plan"),
    "io.table_wikidata": ("Wikidata-eksport (vennskapsbyer)", "Wikidata export (twin towns)"),
    "io.table_audit": ("Endringslogg", "Change log"),
    "io.table_vocabulary": ("Kodeliste {name}", "Code list {name}"),
    "io.valid": ("Filene er gyldige. Slik blir importen:", "The files are valid. The import will do this:"),
    "io.inserted": ("Nye", "New"),
    "io.updated": ("Endret", "Changed"),
    "io.unchanged": ("Uendret", "Unchanged"),
    "io.apply": ("Importer ({n} nye eller endrede rader)", "Import ({n} new or changed rows)"),
    "io.apply_one": ("Importer ({n} ny eller endret rad)", "Import ({n} new or changed row)"),
    "io.applied": (
        "Importert. Nye rader: {inserted}; endrede rader: {updated}.",
        "Imported. New rows: {inserted}; changed rows: {updated}.",
    ),
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
    "io.personal_hidden": (
        "Navn, e-post og telefon til kontaktpersoner er tomme i nedlastingene: bare redaktører laster ned personopplysninger.",
        "Contact names, e-mail and phone are empty in the downloads: only editors download personal data.",
    ),
}
