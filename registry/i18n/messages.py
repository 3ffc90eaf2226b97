"""Problem reasons in the reader's language: the importer's, the store's and the review's English reasons in bokmål.

Problems (:class:`registry.errors.Problem`) carry their reason in English, the
language of the CLI, the logs and the tests. The app shows them in the page's
language through :func:`reason_text`, as :meth:`registry.checks.Finding.text`
does for the integrity check: a table of (English pattern, Norwegian text with
the same values). Values (codes, ids, file names, lists of column names) are
kept as they were written. ``tests/test_languages.py`` checks that every
reason written in ``registry/`` has a translation here.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["reason_text", "problem_rows"]

# (English pattern matching the whole reason, Norwegian text with the same values in order).
_NB: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p, re.DOTALL), nb) for p, nb in (
    # registry.validate: one cell
    (r"required column is missing", "påkrevd kolonne mangler"),
    (r"text is (.*) characters; the limit is (.*)", "teksten har {0} tegn; grensen er {1}"),
    (r"contains a NUL character", "inneholder et NUL-tegn"),
    (r"is required and empty", "er påkrevd, men tom"),
    (r"(.*) is not a whole number", "{0} er ikke et heltall"),
    (r"(.*) is too large; the limit is (.*)", "{0} er for stort; grensen er {1}"),
    (r"(.*) is not a number", "{0} er ikke et tall"),
    (r"(.*) is not a finite number", "{0} er ikke et endelig tall"),
    (r"(.*) is not 0 or 1", "{0} er ikke 0 eller 1"),
    (r"(.*) is not a strategy point of the strategy \(e\.g\. (.*)\)", "{0} er ikke et punkt i strategien (f.eks. {1})"),
    (r"unknown code (.*); expected one of (.*)", "ukjent kode {0}; forventet en av {1}"),
    (r"(.*) is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD", "{0} er ikke en dato: forventet ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD"),
    (r"(.*) is not a date: use YYYY, YYYY-MM or YYYY-MM-DD", "{0} er ikke en dato: bruk ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD"),
    (r"(.*) has an impossible month", "{0} har en måned som ikke finnes"),
    (r"(.*) has an impossible day", "{0} har en dag som ikke finnes"),
    (r"(.*) is not a valid id: use lower-case a-z, 0-9, '-', '_' or '\.', at most (\d+)",
     "{0} er ikke en gyldig id: bruk små bokstaver a-z, 0-9, '-', '_' eller '.', høyst {1} tegn"),
    (r"(.*) is not an ISO 3166-1 alpha-2 code", "{0} er ikke en landkode etter ISO 3166-1 (to bokstaver)"),
    (r"(.*) is outside (.*)", "{0} er utenfor {1}"),
    (r"(.*) is not a Wikidata id like (.*)", "{0} er ikke en Wikidata-id som {1}"),
    (r"ends \((.*)\) before it starts \((.*)\)", "slutter ({0}) før den starter ({1})"),
    (r"a tie cannot join an entity to itself", "en forbindelse kan ikke knytte en aktør til seg selv"),
    (r"must not be negative", "kan ikke være negativ"),
    (r"a budget line needs a tie_id, an activity_id or an action_id",
     "en budsjettlinje trenger en tie_id, en activity_id eller en action_id"),
    (r"(.*) is not an ISO 4217 currency code like (.*)", "{0} er ikke en valutakode etter ISO 4217, som {1}"),
    (r"a category decision needs a sister-city tie_id and a category",
     "et kategorivedtak trenger en vennskapsbyforbindelse (tie_id) og en kategori"),
    (r"a decision to enter or end a twinning names the tie",
     "et vedtak om å inngå eller avslutte et vennskapsbysamarbeid må nevne forbindelsen (tie_id)"),
    (r"dissolved \((.*)\) before it was founded \((.*)\)", "nedlagt ({0}) før den ble opprettet ({1})"),
    (r"an entity cannot succeed itself", "en aktør kan ikke etterfølge seg selv"),
    (r"(.*) is not a plausible year", "{0} er ikke et rimelig årstall"),
    # registry.privacy: a value erase removed, written again
    (r"holds personal data erased from this registry \(erasure (\d+)\); it cannot be written back",
     "inneholder personopplysninger som er slettet fra registeret (sletting {0}); de kan ikke skrives inn igjen"),
    # registry.ingest: the file and the batch
    (r"the file starts with a (.*) byte order mark but is not valid (.*) at byte (.*) \((.*)\)",
     "filen begynner med et {0}-byteordensmerke, men er ikke gyldig {1} ved byte {2} ({3})"),
    (r"cannot read the file as UTF-8, UTF-16 or Windows-1252 \((.*)\)",
     "filen kan ikke leses som UTF-8, UTF-16 eller Windows-1252 ({0})"),
    (r"file is (.*) bytes; the limit is (.*)", "filen er på {0} byte; grensen er {1}"),
    (r"the file contains NUL characters; is it a CSV file\?", "filen inneholder NUL-tegn; er det en CSV-fil?"),
    (r"the file is empty: expected a header row", "filen er tom: forventet en overskriftsrad"),
    (r"column names starting with '__' are reserved", "kolonnenavn som begynner med '__' er reservert"),
    (r"more than (.*) rows; the limit is (.*)", "mer enn {0} rader; grensen er {1}"),
    (r"not valid CSV: (.*)", "ikke gyldig CSV: {0}"),
    (r"column appears twice in the header", "kolonnen står to ganger i overskriftsraden"),
    (r"unknown column for (.*); expected (.*)", "ukjent kolonne for {0}; forventet {1}"),
    (r"required column is missing from the header", "påkrevd kolonne mangler i overskriftsraden"),
    (r"row has (.*) fields; the header has (.*) \(it runs over lines (.*): is a quote left open\?\)",
     "raden har {0} felt; overskriftsraden har {1} (den går over linje {2}: står et anførselstegn åpent?)"),
    (r"row has (.*) fields; the header has (.*)", "raden har {0} felt; overskriftsraden har {1}"),
    (r"the file starts with two byte order marks \(U\+FEFF\); save it again as CSV UTF-8",
     "filen begynner med to byteordensmerker (U+FEFF); lagre den på nytt som CSV UTF-8"),
    (r"a quote opened in this row is never closed: lines (.*) \(the rest of the file\) would be one cell",
     "et anførselstegn som åpnes i denne raden, lukkes aldri: linje {0} (resten av filen) ville blitt én celle"),
    (r"not a (.*) file; it has the header of (.*)", "ikke en {0}-fil; den har overskriftsraden til {1}"),
    (r"this row is version (.*) of (.*) (.*), but the registry has version (.*) \((.*)\): importing it would undo "
     r"that change; export again and make your change there",
     "denne raden er versjon {0} av {1} {2}, men registeret har versjon {3} ({4}): importen ville omgjort den "
     "endringen; eksporter på nytt og gjør endringen der"),
    (r"(.*) still belongs to entity (.*) until (.*) row (.*), which comes later \((.*)\); put that row first, or "
     r"for a swap clear one item in an earlier import",
     "{0} tilhører fortsatt aktøren {1} til {2} rad {3}, som kommer senere ({4}); sett den raden først, eller tøm "
     "ett av elementene i en tidligere import når to skal bytte"),
    (r"(.*) is not a row version \(a whole number\)", "{0} er ikke et versjonsnummer (et heltall)"),
    (r"(.*) is (.*) in UTF-8, but row (.*) is Windows-1252: the file mixes two encodings; save it again as CSV UTF-8",
     "{0} er {1} i UTF-8, men rad {2} er Windows-1252: filen blander to tegnkodinger; lagre den på nytt som CSV UTF-8"),
    (r"(.*) is (.*) in UTF-8, but other rows are Windows-1252: the file mixes two encodings; save it again as CSV "
     r"UTF-8",
     "{0} er {1} i UTF-8, men andre rader er Windows-1252: filen blander to tegnkodinger; lagre den på nytt som CSV "
     "UTF-8"),
    (r"(.*) is (.*) in UTF-8, but (.*) Windows-1252: the file mixes two encodings; save it again as CSV UTF-8",
     "{0} er {1} i UTF-8, men resten av filen er Windows-1252: filen blander to tegnkodinger; lagre den på nytt som "
     "CSV UTF-8"),
    (r"contains the control character (.*) at character (\d+); remove it", "inneholder kontrolltegnet {0} ved tegn {1}; fjern det"),
    (r"contains the lone surrogate (.*) at character (\d+); remove it", "inneholder et ensomt surrogattegn {0} ved tegn {1}; fjern det"),
    (r"contains the non-character (.*) at character (\d+); remove it", "inneholder ikke-tegnet {0} ved tegn {1}; fjern det"),
    (r"(.*) looks like (.*) garbled \(UTF-8 read as Windows-1252 and saved again\); correct the text",
     "{0} ser ut som et ødelagt {1} (UTF-8 lest som Windows-1252 og lagret på nytt); rett teksten"),
    (r"cannot tell which table this is: the columns are separated by (.*), not commas \(as (.*), it would be "
     r"read\); save it as CSV with commas \(CSV UTF-8\)",
     "kan ikke avgjøre hvilken tabell dette er: kolonnene er skilt med {0}, ikke komma (som {1} ville den blitt "
     "lest); lagre den som CSV med komma (CSV UTF-8)"),
    (r"row has the wrong number of fields", "raden har feil antall felt"),
    (r"id (.*) also on row (.*)", "id {0} står også på rad {1}"),
    (r"id (.*) also in (.*) row (.*)", "id {0} står også i {1}, rad {2}"),
    (r"cannot tell which table this is: the header needs (.*)",
     "kan ikke avgjøre hvilken tabell dette er: overskriftsraden må ha {0}"),
    (r"the database refused the rows: (.*)", "databasen avviste radene: {0}"),
    (r"tie (.*) is a (.*) tie, not a sister-city tie", "forbindelsen {0} er av typen {1}, ikke en vennskapsbyforbindelse"),
    (r"(.*) is a (.*) tie, not a sister-city tie", "{0} er en forbindelse av typen {1}, ikke en vennskapsbyforbindelse"),
    (r"(.*) (.*) is stored and never changed \((.*) differ\); add a new row without an id instead",
     "{0} {1} er lagret og endres aldri ({2} er ulike); legg heller til en ny rad uten id"),
    (r"(.*) is also on (.*) row (.*)", "{0} står også i {1}, rad {2}"),
    (r"(.*) already belongs to entity (.*)", "{0} tilhører allerede aktøren {1}"),
    (r"cannot read the file: (.*)", "filen kan ikke leses: {0}"),
    (r"(.*) is not a Wikidata entity IRI", "{0} er ikke en Wikidata-adresse til et element"),
    (r"(.*) is not a Wikidata date like (.*)", "{0} er ikke en Wikidata-dato som {1}"),
    # registry.store
    (r"refers to (.*) id (.*), which does not exist", "viser til {0}-id {1}, som ikke finnes"),
    (r"id (.*) already exists", "id {0} finnes allerede"),
    (r"(.*) is still referred to by other rows; remove those first", "andre rader viser fortsatt til {0}; fjern dem først"),
    (r"(.*) (.*) exists and is never changed", "{0} {1} finnes og endres aldri"),
    # registry.review.decisions
    (r"unknown decision kind (.*); use one of (.*)", "ukjent vedtakstype {0}; bruk en av {1}"),
    (r"no tie (.*)", "ingen forbindelse {0}"),
    (r"a (.*) decision names the sister-city tie", "et vedtak av typen {0} må nevne vennskapsbyforbindelsen"),
    (r"'not enough data' is a suggestion, not a category to decide",
     "«ikke nok data» er et forslag, ikke en kategori som kan vedtas"),
    (r"unknown category (.*); use one of (.*)", "ukjent kategori {0}; bruk en av {1}"),
    (r"(.*) is in the future", "{0} er fram i tid"),
    # registry.settings
    (r"(.*) is not a positive whole number; set it with: (.*)", "{0} er ikke et positivt heltall; sett det med: {1}"),
    (r"(.*) is not a positive whole number", "{0} er ikke et positivt heltall"),
    (r"(.*) is not a time zone; use an IANA name such as (.*)", "{0} er ikke en tidssone; bruk et IANA-navn som {1}"),
    (r"(.*) is not a time zone; set it with: (.*)", "{0} er ikke en tidssone; sett den med: {1}"),
    (r"unknown setting (.*); the settings are (.*)", "ukjent innstilling {0}; innstillingene er {1}"),
    (r"needs a value", "trenger en verdi"),
    (r"there is no entity (.*); the registry's municipalities: (.*)",
     "det finnes ingen aktør {0}; registerets kommuner: {1}"),
    (r"(.*) is a (.*), not a municipality", "{0} er av typen {1}, ikke en kommune"),
    # registry.checks: the integrity report
    (r"dangling reference to (.*)", "viser til {0}, som ikke finnes"),
    (r"row has no source", "raden har ingen kilde"),
    (r"(.*) is not a date", "{0} er ikke en dato"),
    (r"ends \((.*)\) before it starts \((.*)\)", "slutter ({0}) før den starter ({1})"),
    (r"sister city without a category decision", "vennskapsby uten vedtatt kategori"),
    (r"start year unknown", "startåret er ukjent"),
    (r"start year is inferred or conflicting", "startåret er utledet, eller kildene er uenige"),
    (r"active, but its source was last checked on (.*), more than (\d+) years ago",
     "aktiv, men kilden ble sist kontrollert {0}, for mer enn {1} år siden"),
    (r"(\d+) active rows have no verified_on: when their source was last checked is unknown",
     "{0} aktive rader mangler verified_on: det er ukjent når kilden sist ble kontrollert"),
    (r"personal data past its retention date: erase or extend",
     "personopplysninger etter slettefristen: slett eller forleng"),
    (r"row is not in the audit log \(written past the library\)",
     "raden finnes ikke i endringsloggen (skrevet utenom registeret)"),
    (r"the audit log's append-only trigger is (missing|changed): entries can be changed or deleted with plain SQL",
     "endringsloggens sperre mot endring og sletting mangler eller er endret: "
     "oppføringer kan endres eller slettes med SQL"),
    (r"row was deleted without an audit entry", "raden er slettet uten oppføring i endringsloggen"),
    (r"(.*) changed without an audit entry", "{0} endret uten oppføring i endringsloggen"),
    (r"audit entry (\d+) \((.*)\) does not start from the row the log last left",
     "loggoppføring {0} ({1}) bygger ikke på raden slik loggen sist etterlot den"),
))


def reason_text(reason: str, lang: str) -> str:
    """Return a problem's ``reason`` in ``lang`` ('nb' or 'en'); a reason without a translation stays English.

    >>> reason_text("'planet' is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD", "nb")
    "'planet' er ikke en dato: forventet ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD"
    >>> reason_text("is required and empty", "en")
    'is required and empty'
    """
    if lang != "nb":
        return reason
    for pattern, nb in _NB:
        m = pattern.fullmatch(reason)
        if m:
            return nb.format(*m.groups())
    return reason


def problem_rows(problems: list[Any], lang: str) -> list[tuple[str, int, str, str]]:
    """Return ``(file, row, column, reason)`` for each problem, the reason in ``lang``."""
    return [(p.file, p.row, p.column, reason_text(p.reason, lang)) for p in problems]
