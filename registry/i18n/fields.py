"""Labels of the data tables and their columns in both languages, and the bokmål help of every form field."""

from __future__ import annotations

__all__ = ["FIELDS", "TABLE_LABELS", "FIELD_HELP_NB", "field_label", "field_help"]

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
    "title_nb": ("Norsk tittel", "Norwegian title"),
    "ongoing": ("Pågår", "Ongoing"),
    "scope": ("Omfang", "Scope"),
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
    # the action plan (handlingsplan) and its indicators
    "action_id": ("Tiltak", "Action"),
    "responsible": ("Ansvarlig enhet", "Responsible unit"),
    "decision_id": ("Vedtak", "Decision"),
    "period_start": ("Periode fra", "Period from"),
    "period_end": ("Periode til", "Period to"),
    "unit": ("Enhet", "Unit"),
    "direction": ("Retning", "Direction"),
    "baseline": ("Utgangsverdi", "Baseline"),
    "baseline_year": ("Utgangsår", "Baseline year"),
    "target": ("Mål", "Target"),
    "target_year": ("Målår", "Target year"),
    "indicator_id": ("Indikator", "Indicator"),
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
    "plan_actions": ("Tiltak i handlingsplanen", "Action plan"),
    "action_partners": ("Partnere i tiltak", "Action partners"),
    "action_ties": ("Tiltak per forbindelse", "Actions per tie"),
    "indicators": ("Indikatorer", "Indicators"),
    "indicator_values": ("Indikatorverdier", "Indicator values"),
}


def field_label(column: str, lang: str) -> str:
    """Return the label of a table column in ``lang`` (the column name when it has none).

    >>> field_label("country_code", "en")
    'Country code (ISO)'
    """
    nb, en = FIELDS.get(column, (column, column))
    return nb if lang == "nb" else en


_VERIFIED_NB = "Når kilden sist ble lest og fortsatt stemte (ÅÅÅÅ-MM-DD)"
_DATE_NB = "ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD"

#: The help of each form field in bokmål, by 'table.column'; the English help is the one declared in registry/store/schema.py.
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
    "agreements.title_nb": "Norsk tittel, til norske tekster (kildens egen tittel blir stående i «title»)",
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
    "activities.title": "Hva som skjedde, på én linje (på kildens språk)",
    "activities.title_nb": "Norsk tittel, til norske tekster (kildens egen tittel blir stående i «title»)",
    "activities.ongoing": "1 når kilden sier at den fortsetter etter starten (ingen slutt): bekreftet fram til verified_on",
    "activities.start": _DATE_NB + "; tom når ingen kilde oppgir den",
    "activities.end": "Siste dag, for et tidsrom",
    "activities.municipal_role": "Hjemkommunens rolle i den",
    "activities.agreement_id": "Avtalen den følger opp, om noen",
    "activity_ties.tie_id": "Forbindelsen aktiviteten hører til",
    "decisions.kind": "«category» om ikke annet er oppgitt",
    "decisions.tie_id": "Forbindelsen vedtaket gjelder (påkrevd for kategori eller vennskapsbyavtale)",
    "decisions.category": "Påkrevd for et kategorivedtak",
    "decisions.title": "Hva som ble vedtatt, f.eks. strategiens tittel",
    "decisions.title_nb": "Norsk tittel, der «title» er på et annet språk",
    "decisions.scope": "Ved frysing: hva som fryses, f.eks. «kommunal finansiering og besøk»",
    "decisions.review_on": "Ved frysing: når vedtaket skal vurderes på nytt",
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
    "plan_lines.action_id": "Tiltaket i handlingsplanen som finansieres",
    "plan_actions.id": "Fast kortnavn, f.eks. «forum-2014»",
    "plan_actions.title": "Hva som skal gjøres, på én linje (på kildens språk)",
    "plan_actions.title_nb": "Norsk tittel, til norske tekster (kildens egen tittel blir stående i «title»)",
    "plan_actions.strategy_points": "Strategipunktene tiltaket følger opp",
    "plan_actions.responsible": "Enheten som har ansvaret, f.eks. «Rådmannens fagstab»",
    "plan_actions.decision_id": "Vedtaket om handlingsplanen tiltaket står i",
    "plan_actions.period_start": "Første år (eller dato) i tiltakets periode",
    "plan_actions.period_end": "Siste år (eller dato) i tiltakets periode",
    "plan_actions.status": "«planned», «ongoing», «completed», «postponed» eller «cancelled»",
    "plan_actions.verified_on": _VERIFIED_NB,
    "action_partners.entity_id": "En partner i tiltaket",
    "action_partners.role": "«partner» om ikke annet er oppgitt",
    "action_ties.tie_id": "En relasjon tiltaket arbeider med",
    "indicators.id": "Fast kortnavn, f.eks. «elever-pa-utveksling»",
    "indicators.name": "Hva som måles (på norsk)",
    "indicators.name_en": "Engelsk navn",
    "indicators.unit": "Hva det telles i, f.eks. «elever», «NOK», «prosent»",
    "indicators.direction": "«higher» eller «lower» er bedre",
    "indicators.baseline": "Verdien målet måles fra",
    "indicators.baseline_year": "Året utgangsverdien gjelder",
    "indicators.target": "Verdien det siktes mot",
    "indicators.target_year": "Året målet skal være nådd",
    "indicators.action_id": "Tiltaket indikatoren måler",
    "indicators.verified_on": _VERIFIED_NB,
    "indicator_values.year": "Året som er målt",
    "indicator_values.value": "Verdien som er målt, i indikatorens enhet",
    "indicator_values.source": "Der verdien er lest",
}


def field_help(table: str, column: str, lang: str) -> str:
    """Return the help of a form field in ``lang``: the schema's English help, or its bokmål text ('' when it has none).

    >>> field_help("ties", "directed", "nb"), field_help("ties", "directed", "en")
    ('1 når retningen betyr noe, ellers 0', '1 when the direction matters, else 0')
    """
    from ..store.schema import TABLES  # local: i18n stays a leaf module that the rest of registry imports

    english = TABLES[table].column(column).help if table in TABLES else ""
    if lang != "nb" or not english:
        return english
    return FIELD_HELP_NB.get(f"{table}.{column}", english)
