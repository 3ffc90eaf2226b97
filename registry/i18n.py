"""Every text of the app in Norwegian bokmål and English, declared as data: key -> (nb, en).

Vocabulary labels (kinds, sectors, categories) live in :mod:`registry.vocab` and
finding titles in :mod:`registry.rules`; country names come from pycountry's
translations. ``tests/test_i18n.py`` checks that every key has both languages
and that every key the app uses is here.
"""

from __future__ import annotations

import gettext
from functools import lru_cache
from typing import Any

__all__ = ["LANGUAGES", "LANGUAGE_NAMES", "STRINGS", "t", "country_name"]

LANGUAGES: tuple[str, ...] = ("nb", "en")
LANGUAGE_NAMES: dict[str, str] = {"nb": "Norsk", "en": "English"}

STRINGS: dict[str, tuple[str, str]] = {
    # --- frame and navigation
    "app.title": ("Internasjonale relasjoner", "International relations"),
    "frame.editor": ("Redaktør", "Editor"),
    "frame.editor_help": (
        "Navnet ditt slik det skrives i endringsloggen. Uten navn kan du se, men ikke endre.",
        "Your name as written in the change log. Without a name you can look but not change.",
    ),
    "frame.editor_placeholder": ("Ditt navn", "Your name"),
    "frame.footer": (
        "Registeret over Trondheim kommunes internasjonale forbindelser (Internasjonal strategi, bystyret 2010).",
        "The register of Trondheim municipality's international ties (International strategy, city council 2010).",
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
    # --- shared
    "common.all": ("Alle", "All"),
    "common.choose": ("Velg …", "Choose …"),
    "common.download_csv": ("Last ned CSV", "Download CSV"),
    "common.problems": ("{n} problem(er) – ingenting er lagret.", "{n} problem(s) – nothing was saved."),
    "common.need_editor": (
        "Skriv navnet ditt som redaktør i sidefeltet for å gjøre endringer.",
        "Enter your name as editor in the sidebar to make changes.",
    ),
    "common.saved": ("Lagret.", "Saved."),
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
    "col.agreement": ("Samsvar", "Agreement"),
    "col.severity": ("Alvorlighet", "Severity"),
    "col.finding": ("Funn", "Finding"),
    "col.explanation": ("Forklaring", "Explanation"),
    "col.subject": ("Gjelder", "Subject"),
    "col.evidence": ("Belegg", "Evidence"),
    "col.score": ("Poeng", "Score"),
    "col.when": ("Tidspunkt", "When"),
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
    # --- overview
    "overview.title": ("Oversikt", "Overview"),
    "overview.intro": (
        "Hva registeret inneholder, hvordan vennskapsbyene er kategorisert, hva som bør følges opp og hva som sist er endret.",
        "What the registry holds, how the sister cities are categorised, what needs attention and what changed last.",
    ),
    "overview.entities": ("Aktører og steder", "Entities"),
    "overview.ties": ("Forbindelser", "Ties"),
    "overview.sister_cities": ("Vennskapsbyer", "Sister cities"),
    "overview.decisions": ("Kategorivedtak", "Category decisions"),
    "overview.plan_lines": ("Linjer i finansieringsplan", "Financing plan lines"),
    "overview.by_kind": ("Aktører og steder etter type", "Entities by kind"),
    "overview.by_category": ("Vennskapsbyer etter kategori", "Sister cities by category"),
    "overview.by_category_help": (
        "Vedtatt: siste vedtak per by. Foreslått: kategorien opplysningene i registeret peker mot (strategi 2c).",
        "Assigned: the latest decision per city. Suggested: the category the registry's evidence points to (strategy 2c).",
    ),
    "overview.to_sister_cities": ("Gå til vennskapsbyene", "Go to the sister cities"),
    "overview.urgent": ("Bør følges opp", "Needs attention"),
    "overview.no_findings": ("Ingen funn som krever oppfølging.", "No findings that need attention."),
    "overview.to_gaps": ("Alle funn under Hull og overlapp", "All findings under Gaps and overlaps"),
    "overview.changes": ("Siste endringer", "Latest changes"),
    "overview.no_changes": ("Ingen endringer registrert ennå.", "No changes recorded yet."),
    # --- network
    "network.title": ("Nettverk", "Network"),
    "network.intro": (
        "Hvem i Trondheim som er knyttet til hvilke byer, land, institusjoner og nettverk. Hold musepekeren over en node "
        "eller linje for detaljer; dra for å flytte, rull for å zoome.",
        "Who in Trondheim is tied to which cities, countries, institutions and networks. Hover over a node or line for "
        "details; drag to move, scroll to zoom.",
    ),
    "network.entity_kinds": ("Typer aktører og steder", "Entity kinds"),
    "network.tie_kinds": ("Typer forbindelser", "Tie kinds"),
    "network.sectors": ("Sektorer", "Sectors"),
    "network.countries": ("Land", "Countries"),
    "network.categories": ("Vennskapsbykategorier", "Sister-city categories"),
    "network.categories_help": (
        "Viser bare vennskapsbyer med vedtatt kategori blant de valgte; andre forbindelser vises som før.",
        "Shows only sister cities whose assigned category is among those chosen; other ties are shown as before.",
    ),
    "network.whole_history": ("Hele historikken", "Whole history"),
    "network.whole_history_help": (
        "Vis alle forbindelser, også avsluttede, uansett år.", "Show every tie, ended ones too, whatever the year.",
    ),
    "network.as_of": ("Per år", "As of year"),
    "network.as_of_help": (
        "Forbindelser som gjaldt ved utgangen av året. Forbindelser uten kjent startår tas med.",
        "Ties in force at the end of the year. Ties with no known start year are included.",
    ),
    "network.focus": ("Fokus på", "Focus on"),
    "network.focus_none": ("Hele nettverket", "The whole network"),
    "network.steps": ("Steg", "Steps"),
    "network.path_from": ("Korteste vei fra", "Shortest path from"),
    "network.path_to": ("til", "to"),
    "network.path_found": ("Korteste vei ({n} steg):", "Shortest path ({n} steps):"),
    "network.no_path": ("Ingen vei mellom de to med disse filtrene.", "No path between the two with these filters."),
    "network.empty": ("Ingenting å vise med disse filtrene.", "Nothing to show with these filters."),
    "network.aggregated": (
        "{n} noder er for mange å tegne enkeltvis; de er slått sammen per land ({drawn} noder). Velg land eller fokus for å se enkeltnoder.",
        "{n} nodes are too many to draw one by one; they are merged per country ({drawn} nodes). Choose countries or a focus to see single nodes.",
    ),
    "network.shown": ("{nodes} noder og {ties} forbindelser.", "{nodes} nodes and {ties} ties."),
    "network.iframe_alt": ("Nettverksdiagram over forbindelsene", "Network diagram of the ties"),
    "network.details": ("Forbindelsene til valgt aktør", "Ties of the selected entity"),
    "network.details_help": (
        "Velg en aktør under «Fokus på» (eller starten på en vei) for å se forbindelsene og kildene.",
        "Choose an entity under «Focus on» (or the start of a path) to see its ties and their sources.",
    ),
    "network.tie_count": ("{n} forbindelser", "{n} ties"),
    # --- the network view (inside the drawing)
    "view.legend": ("Tegnforklaring", "Legend"),
    "view.group": ("Land (sammenslått)", "Country (merged)"),
    "view.group_help": ("Flere aktører i samme land, slått sammen", "Several entities in one country, merged"),
    "view.ties_count": ("{n} forbindelser", "{n} ties"),
    "view.source": ("Kilde", "Source"),
    "view.caption": ("Nettverk med {nodes} noder og {ties} forbindelser", "Network of {nodes} nodes and {ties} ties"),
    # --- the council summary
    "report.title": ("Vennskapsbyene – kategorier, begrunnelser og finansieringsplan", "Sister cities – categories, reasons and financing plan"),
    "report.generated": ("Laget {date} fra registeret; {n} vennskapsbyer.", "Made {date} from the registry; {n} sister cities."),
    "report.intro": (
        "Bystyret har bedt om at vennskapsbyene graderes i fire kategorier (prosjekt, politisk fokus, solidaritet, hvilende) "
        "og at saken har en finansieringsplan (Internasjonal strategi, strategi 2c). For hver by vises vedtatt kategori, "
        "kategorien opplysningene peker mot, begrunnelsen, finansieringsplanen og vedtakshistorikken.",
        "The city council asked that the sister cities be graded in four categories (project, political focus, solidarity, "
        "dormant) and that the case include a financing plan (International strategy, strategy 2c). Each city shows its "
        "assigned category, the category the evidence points to, the reasons, the financing plan and the decision history.",
    ),
    "report.since": ("Vennskapsby siden", "Sister city since"),
    "report.unknown": ("ukjent", "unknown"),
    "report.reasons": ("Begrunnelse", "Reasons"),
    "report.plan": ("Finansieringsplan", "Financing plan"),
    "report.no_plan": ("Ingen finansieringsplan registrert.", "No financing plan recorded."),
    "report.decisions": ("Vedtakshistorikk", "Decision history"),
    "report.no_decisions": ("Ingen vedtak registrert.", "No decisions recorded."),
    "report.total": ("Sum", "Total"),
    "report.municipal": ("Kommunalt", "Municipal"),
    "report.external": ("Eksternt", "External"),
    "report.integrity": ("Datakvalitet", "Data quality"),
}


def t(key: str, lang: str, **values: Any) -> str:
    """Return the text ``key`` in ``lang`` ('nb' or 'en'), with ``{name}`` fields filled from ``values``.

    >>> t("nav.map", "en")
    'Map'
    >>> t("network.tie_count", "nb", n=3)
    '3 forbindelser'
    """
    nb, en = STRINGS[key]
    text = nb if lang == "nb" else en
    return text.format(**values) if values else text


@lru_cache(maxsize=2)
def _translation(lang: str) -> gettext.NullTranslations:
    import pycountry

    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
    except OSError:
        return gettext.NullTranslations()


@lru_cache(maxsize=1024)
def country_name(code: str | None, lang: str) -> str:
    """Return the name of an ISO 3166-1 alpha-2 country in ``lang``; the code itself when unknown.

    >>> country_name("SE", "nb"), country_name("SE", "en")
    ('Sverige', 'Sweden')
    """
    if not code:
        return ""
    import pycountry

    c = pycountry.countries.get(alpha_2=code.upper())
    if c is None:
        return code
    if lang == "nb":
        return _translation("nb").gettext(c.name)
    return getattr(c, "common_name", None) or c.name
