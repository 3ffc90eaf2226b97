"""Import problems and integrity findings as messages: code -> (bokmål, English) templates.

Where a problem is found (validate, ingest, store, settings, the review's decisions, the
integrity check) it is a :class:`~registry.message.Message` with this code and the
values it names; :func:`~registry.message.render` writes it for the CLI (English, the
wording the tests and the logs know) or for the app's reader. Values keep the form the
English always gave them: ``{value!r}`` is the value quoted as Python writes it.
"""

from __future__ import annotations

__all__ = ["TEMPLATES"]

_YMD_NB, _YMD_EN = "ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD", "YYYY, YYYY-MM or YYYY-MM-DD"
_SAVE_NB, _SAVE_EN = "lagre den på nytt som CSV UTF-8", "save it again as CSV UTF-8"

#: Every problem's text: code -> (nb, en).
TEMPLATES: dict[str, tuple[str, str]] = {
    # registry.store.validate: one cell
    "problem.column_missing": ("påkrevd kolonne mangler", "required column is missing"),
    "problem.too_long": ("teksten har {n} tegn; grensen er {limit}", "text is {n} characters; the limit is {limit}"),
    "problem.nul": ("inneholder et NUL-tegn", "contains a NUL character"),
    "problem.control": (
        "inneholder kontrolltegnet {char} ved tegn {at}; fjern det",
        "contains the control character {char} at character {at}; remove it",
    ),
    "problem.surrogate": (
        "inneholder et ensomt surrogattegn {char} ved tegn {at}; fjern det",
        "contains the lone surrogate {char} at character {at}; remove it",
    ),
    "problem.noncharacter": (
        "inneholder ikke-tegnet {char} ved tegn {at}; fjern det",
        "contains the non-character {char} at character {at}; remove it",
    ),
    "problem.garbled": (
        "{seq!r} ser ut som et ødelagt {meant!r} (UTF-8 lest som Windows-1252 og lagret på nytt); rett teksten",
        "{seq!r} looks like {meant!r} garbled (UTF-8 read as Windows-1252 and saved again); correct the text",
    ),
    "problem.required_empty": ("er påkrevd, men tom", "is required and empty"),
    "problem.not_whole": ("{value!r} er ikke et heltall", "{value!r} is not a whole number"),
    "problem.too_large": ("{value} er for stort; grensen er {limit}", "{value} is too large; the limit is {limit}"),
    "problem.not_number": ("{value!r} er ikke et tall", "{value!r} is not a number"),
    "problem.not_finite": ("{value!r} er ikke et endelig tall", "{value!r} is not a finite number"),
    "problem.not_flag": ("{value!r} er ikke 0 eller 1", "{value!r} is not 0 or 1"),
    "problem.not_strategy_point": (
        "{code!r} er ikke et punkt i strategien (f.eks. {examples})",
        "{code!r} is not a strategy point of the strategy (e.g. {examples})",
    ),
    "problem.unknown_code": ("ukjent kode {code!r}; forventet en av {known}", "unknown code {code!r}; expected one of {known}"),
    "problem.not_a_date": (f"{{value!r}} er ikke en dato: forventet {_YMD_NB}", f"{{value!r}} is not a date: expected {_YMD_EN}"),
    "problem.not_a_date_use": (f"{{value!r}} er ikke en dato: bruk {_YMD_NB}", f"{{value!r}} is not a date: use {_YMD_EN}"),
    "problem.impossible_month": ("{value!r} har en måned som ikke finnes", "{value!r} has an impossible month"),
    "problem.impossible_day": ("{value!r} har en dag som ikke finnes", "{value!r} has an impossible day"),
    "problem.bad_id": (
        "{value!r} er ikke en gyldig id: bruk små bokstaver a-z, 0-9, '-', '_' eller '.', høyst {limit} tegn",
        "{value!r} is not a valid id: use lower-case a-z, 0-9, '-', '_' or '.', at most {limit}",
    ),
    "problem.bad_country": ("{value!r} er ikke en landkode etter ISO 3166-1 (to bokstaver)", "{value!r} is not an ISO 3166-1 alpha-2 code"),
    "problem.outside": ("{value} er utenfor {low}..{high}", "{value} is outside {low}..{high}"),
    "problem.bad_wikidata_id": ("{value!r} er ikke en Wikidata-id som {example}", "{value!r} is not a Wikidata id like {example}"),
    "problem.ends_before_start": ("slutter ({end}) før den starter ({start})", "ends ({end}) before it starts ({start})"),
    "problem.tie_to_itself": ("en forbindelse kan ikke knytte en aktør til seg selv", "a tie cannot join an entity to itself"),
    "problem.negative": ("kan ikke være negativ", "must not be negative"),
    "problem.implausible_year": ("{value} er ikke et rimelig årstall", "{value} is not a plausible year"),
    "problem.budget_target": (
        "en budsjettlinje trenger en tie_id, en activity_id eller en action_id",
        "a budget line needs a tie_id, an activity_id or an action_id",
    ),
    "problem.bad_currency": (
        "{value!r} er ikke en valutakode etter ISO 4217, som {example}",
        "{value!r} is not an ISO 4217 currency code like {example}",
    ),
    "problem.category_decision": (
        "et kategorivedtak trenger en vennskapsbyforbindelse (tie_id) og en kategori",
        "a category decision needs a sister-city tie_id and a category",
    ),
    "problem.twinning_decision": (
        "et vedtak om å inngå eller avslutte et vennskapsbysamarbeid må nevne forbindelsen (tie_id)",
        "a decision to enter or end a twinning names the tie",
    ),
    "problem.dissolved_before_founded": (
        "nedlagt ({end}) før den ble opprettet ({start})",
        "dissolved ({end}) before it was founded ({start})",
    ),
    "problem.succeeds_itself": ("en aktør kan ikke etterfølge seg selv", "an entity cannot succeed itself"),
    # registry.store.privacy: a value erasure removed, written again
    "problem.erased": (
        "inneholder personopplysninger som er slettet fra registeret (sletting {erasure}); de kan ikke skrives inn igjen",
        "holds personal data erased from this registry (erasure {erasure}); it cannot be written back",
    ),
    # registry.io.ingest: the file and the batch
    "problem.bad_bom": (
        "filen begynner med et {label}-byteordensmerke, men er ikke gyldig {label} ved byte {at} ({why})",
        "the file starts with a {label} byte order mark but is not valid {label} at byte {at} ({why})",
    ),
    "problem.unreadable_encoding": (
        "filen kan ikke leses som UTF-8, UTF-16 eller Windows-1252 ({why})",
        "cannot read the file as UTF-8, UTF-16 or Windows-1252 ({why})",
    ),
    "problem.file_too_big": ("filen er på {n} byte; grensen er {limit}", "file is {n} bytes; the limit is {limit}"),
    "problem.file_nul": ("filen inneholder NUL-tegn; er det en CSV-fil?", "the file contains NUL characters; is it a CSV file?"),
    "problem.two_boms": (
        f"filen begynner med to byteordensmerker (U+FEFF); {_SAVE_NB}",
        f"the file starts with two byte order marks (U+FEFF); {_SAVE_EN}",
    ),
    "problem.file_empty": ("filen er tom: forventet en overskriftsrad", "the file is empty: expected a header row"),
    "problem.reserved_column": ("kolonnenavn som begynner med '__' er reservert", "column names starting with '__' are reserved"),
    "problem.too_many_rows": ("mer enn {limit} rader; grensen er {limit}", "more than {limit} rows; the limit is {limit}"),
    "problem.not_csv": ("ikke gyldig CSV: {why}", "not valid CSV: {why}"),
    "problem.open_quote": (
        "et anførselstegn som åpnes i denne raden, lukkes aldri: linje {lines} (resten av filen) ville blitt én celle",
        "a quote opened in this row is never closed: lines {lines} (the rest of the file) would be one cell",
    ),
    "problem.mixed_encodings": (
        f"{{seq!r}} er {{meant!r}} i UTF-8, men {{other}} Windows-1252: filen blander to tegnkodinger; {_SAVE_NB}",
        f"{{seq!r}} is {{meant!r}} in UTF-8, but {{other}} Windows-1252: the file mixes two encodings; {_SAVE_EN}",
    ),
    "problem.mixed.row": ("rad {row} er", "row {row} is"),
    "problem.mixed.others": ("andre rader er", "other rows are"),
    "problem.row_width": ("raden har {n} felt; overskriftsraden har {width}", "row has {n} fields; the header has {width}"),
    "problem.row_width_lines": (
        "raden har {n} felt; overskriftsraden har {width} (den går over linje {lines}: står et anførselstegn åpent?)",
        "row has {n} fields; the header has {width} (it runs over lines {lines}: is a quote left open?)",
    ),
    "problem.column_twice": ("kolonnen står to ganger i overskriftsraden", "column appears twice in the header"),
    "problem.unknown_column": ("ukjent kolonne for {table}; forventet {expected}", "unknown column for {table}; expected {expected}"),
    "problem.header_missing": ("påkrevd kolonne mangler i overskriftsraden", "required column is missing from the header"),
    "problem.separator": (
        (
            "kan ikke avgjøre hvilken tabell dette er: kolonnene er skilt med {sep}, ikke komma (delt ved {sep} ville den "
            "vært {table}); lagre den som CSV med komma (CSV UTF-8)"
        ),
        (
            "cannot tell which table this is: its columns are separated by {sep}, not commas (split at {sep} it would be "
            "{table}); save it as CSV with commas (CSV UTF-8)"
        ),
    ),
    "problem.sep.;": ("semikolon", "semicolons"),
    "problem.sep.\t": ("tabulatorer", "tabs"),
    "problem.sep.|": ("loddrette streker", "vertical bars"),
    "problem.unknown_table": (
        "kan ikke avgjøre hvilken tabell dette er: overskriftsraden må ha {needs}",
        "cannot tell which table this is: the header needs {needs}",
    ),
    "problem.wrong_table": (
        "ikke en {expect}-fil; den har overskriftsraden til {table}",
        "not a {expect} file; it has the header of {table}",
    ),
    "problem.stale_row": (
        (
            "denne raden er versjon {version} av {table} {id!r}, men registeret har versjon {now} ({by}, {at}): importen "
            "ville omgjort den endringen; eksporter på nytt og gjør endringen der"
        ),
        (
            "this row is version {version} of {table} {id!r}, but the registry has version {now} ({by}, {at}): importing "
            "it would undo that change; export again and make your change there"
        ),
    ),
    "problem.wikidata_later": (
        (
            "{q} tilhører fortsatt aktøren {entity!r} til {file} rad {row}, som kommer senere ({why}); sett den raden "
            "først, eller tøm ett av elementene i en tidligere import når to skal bytte"
        ),
        (
            "{q} still belongs to entity {entity!r} until {file} row {row}, which comes later ({why}); put that row "
            "first, or for a swap clear one item in an earlier import"
        ),
    ),
    "problem.not_version": ("{value!r} er ikke et versjonsnummer (et heltall)", "{value!r} is not a row version (a whole number)"),
    "problem.id_twice": ("id {id!r} står også på rad {row}", "id {id!r} also on row {row}"),
    "problem.id_in_other_file": ("id {id!r} står også i {file}, rad {row}", "id {id!r} also in {file} row {row}"),
    "problem.db_refused": ("databasen avviste radene: {why}", "the database refused the rows: {why}"),
    "problem.not_sister_tie": (
        "forbindelsen {tie!r} er av typen {kind}, ikke en vennskapsbyforbindelse",
        "tie {tie!r} is a {kind} tie, not a sister-city tie",
    ),
    "problem.is_not_sister_tie": (
        "{tie!r} er en forbindelse av typen {kind}, ikke en vennskapsbyforbindelse",
        "{tie!r} is a {kind} tie, not a sister-city tie",
    ),
    "problem.append_only": (
        "{table} {id} er lagret og endres aldri ({columns} er ulike); legg heller til en ny rad uten id",
        "{table} {id} is stored and never changed ({columns} differ); add a new row without an id instead",
    ),
    "problem.wikidata_twice": ("{q} står også i {file}, rad {row}", "{q} is also on {file} row {row}"),
    "problem.wikidata_taken": ("{q} tilhører allerede aktøren {entity!r}", "{q} already belongs to entity {entity!r}"),
    "problem.unreadable_file": ("filen kan ikke leses: {why}", "cannot read the file: {why}"),
    "problem.not_wikidata_iri": ("{value!r} er ikke en Wikidata-adresse til et element", "{value!r} is not a Wikidata entity IRI"),
    "problem.not_wikidata_date": ("{value!r} er ikke en Wikidata-dato som {example}", "{value!r} is not a Wikidata date like {example}"),
    # registry.store.writes
    "problem.dangling": ("viser til {table}-id {value!r}, som ikke finnes", "refers to {table} id {value!r}, which does not exist"),
    "problem.id_exists": ("id {id!r} finnes allerede", "id {id!r} already exists"),
    "problem.still_referred": (
        "andre rader viser fortsatt til {id!r}; fjern dem først",
        "{id!r} is still referred to by other rows; remove those first",
    ),
    "problem.never_changed": ("{table} {id} finnes og endres aldri", "{table} {id} exists and is never changed"),
    # registry.review.decisions
    "problem.unknown_decision_kind": (
        "ukjent vedtakstype {kind!r}; bruk en av {known}",
        "unknown decision kind {kind!r}; use one of {known}",
    ),
    "problem.no_tie": ("ingen forbindelse {tie!r}", "no tie {tie!r}"),
    "problem.decision_needs_tie": (
        "et vedtak av typen {kind} må nevne vennskapsbyforbindelsen",
        "a {kind} decision names the sister-city tie",
    ),
    "problem.not_enough_data_decided": (
        "«ikke nok data» er et forslag, ikke en kategori som kan vedtas",
        "'not enough data' is a suggestion, not a category to decide",
    ),
    "problem.unknown_category": ("ukjent kategori {category!r}; bruk en av {known}", "unknown category {category!r}; use one of {known}"),
    "problem.in_future": ("{value} er fram i tid", "{value} is in the future"),
    # registry.settings
    "problem.not_positive_set": (
        "{value!r} er ikke et positivt heltall; sett det med: {how}",
        "{value!r} is not a positive whole number; set it with: {how}",
    ),
    "problem.not_positive": ("{value!r} er ikke et positivt heltall", "{value!r} is not a positive whole number"),
    "problem.not_time_zone": (
        "{value!r} er ikke en tidssone; bruk et IANA-navn som {example}",
        "{value!r} is not a time zone; use an IANA name such as {example}",
    ),
    "problem.not_time_zone_set": ("{value!r} er ikke en tidssone; sett den med: {how}", "{value!r} is not a time zone; set it with: {how}"),
    "problem.unknown_setting": (
        "ukjent innstilling {key!r}; innstillingene er {known}",
        "unknown setting {key!r}; the settings are {known}",
    ),
    "problem.needs_value": ("trenger en verdi", "needs a value"),
    "problem.no_such_home": (
        "det finnes ingen aktør {value!r}; registerets kommuner: {choices}",
        "there is no entity {value!r}; the registry's municipalities: {choices}",
    ),
    "problem.not_municipality": ("{value!r} er av typen {kind}, ikke en kommune", "{value!r} is a {kind}, not a municipality"),
    # registry.checks: the integrity report
    "problem.dangling_ref": ("viser til {value!r}, som ikke finnes", "dangling reference to {value!r}"),
    "problem.no_source": ("raden har ingen kilde", "row has no source"),
    "problem.stored_not_a_date": ("{value!r} er ikke en dato", "{value!r} is not a date"),
    "problem.no_category_decision": ("vennskapsby uten vedtatt kategori", "sister city without a category decision"),
    "problem.start_unknown": ("startåret er ukjent", "start year unknown"),
    "problem.start_uncertain": ("startåret er utledet, eller kildene er uenige", "start year is inferred or conflicting"),
    "problem.stale_source": (
        "aktiv, men kilden ble sist kontrollert {on}, for mer enn {years} år siden",
        "active, but its source was last checked on {on}, more than {years} years ago",
    ),
    "problem.unchecked": (
        "{n} aktive rader mangler verified_on: det er ukjent når kilden sist ble kontrollert",
        "{n} active rows have no verified_on: when their source was last checked is unknown",
    ),
    "problem.retention": (
        "personopplysninger etter slettefristen: slett eller forleng",
        "personal data past its retention date: erase or extend",
    ),
    "problem.audit_trigger": (
        "endringsloggens sperre mot endring og sletting {state}: oppføringer kan endres eller slettes med SQL",
        "the audit log's append-only trigger is {state}: entries can be changed or deleted with plain SQL",
    ),
    "problem.trigger.missing": ("mangler", "missing"),
    "problem.trigger.changed": ("er endret", "changed"),
    # registry.edit.audit: rows the log does not account for
    "problem.unaudited_row": (
        "raden finnes ikke i endringsloggen (skrevet utenom registeret)",
        "row is not in the audit log (written past the library)",
    ),
    "problem.unaudited_delete": ("raden er slettet uten oppføring i endringsloggen", "row was deleted without an audit entry"),
    "problem.unaudited_change": ("{columns} endret uten oppføring i endringsloggen", "{columns} changed without an audit entry"),
    "problem.audit_chain": (
        "loggoppføring {entry} ({what}) bygger ikke på raden slik loggen sist etterlot den",
        "audit entry {entry} ({what}) does not start from the row the log last left",
    ),
    "problem.key_missing": ("{why}", "{why}"),  # the privacy key's own message (registry.store.privacy.KeyMissing)
}
