"""The numbers the rules depend on, declared as data: code, value, unit, labels and help in both languages.

Every threshold, cut-off, window and range a council member or an editor could
question is one :class:`Threshold` of :data:`THRESHOLDS`, and the code reads it
from here (:func:`threshold`, or ``ctx.rules[code]`` in the analysis, which a
caller may change with :meth:`Rules.with_values`): no copy of the number lives
anywhere else. These are fixed rules of the method; what an editor changes per
registry (the home, the time zone, how old a source may be) is a setting of
:mod:`registry.settings`, and :func:`registry.settings.reference_table` lists both.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any, NamedTuple

__all__ = ["Threshold", "THRESHOLDS", "UNITS", "CHOICES", "threshold", "Rules", "DEFAULT_RULES", "value_text", "threshold_table"]


class Threshold(NamedTuple):
    """One number (or choice) a rule depends on: its code, value, labels and help in en and nb, unit and group."""

    code: str
    default: Any  # the value in force unless a caller changes it (:meth:`Rules.with_values`)
    label_nb: str
    label_en: str
    help: str  # English, as the other declarations' help
    help_nb: str = ""
    unit: str = ""  # a key of :data:`UNITS`
    group: str = "analysis"  # where it applies: analysis, review, calendar, import, network, display


#: The units a threshold is counted in, in Norwegian and English.
UNITS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "years": ("år", "years"),
        "year": ("årstall", "year"),
        "entities": ("enheter", "entities"),
        "contacts": ("kontakter", "contacts"),
        "actors": ("aktører", "actors"),
        "share": ("andel", "share"),
        "km": ("km", "km"),
        "names": ("navn", "names"),
        "rows": ("rader", "rows"),
        "nodes": ("noder", "nodes"),
        "choice": ("valg", "choice"),
    }
)

#: The values a choice may take, in Norwegian and English.
CHOICES: Mapping[str, tuple[str, str]] = MappingProxyType(
    {"assigned_or_suggested": ("tildelt, ellers foreslått", "assigned, else suggested"), "assigned": ("bare tildelt", "assigned only")}
)


def _T(code: str, value: Any, unit: str, label_nb: str, label_en: str, help_nb: str, help_en: str, group: str = "analysis") -> Threshold:
    # Declared below in reading order: the number and its unit, then the labels and the help, nb first.
    return Threshold(code, value, label_nb, label_en, help_en, help_nb, unit, group)


THRESHOLDS: tuple[Threshold, ...] = (
    # --- The review and the analysis ---------------------------------------------------------
    _T(
        "dormant_years",
        5,
        "years",
        "År uten aktivitet",
        "Years without activity",
        "En relasjon har ingen aktivitet de siste årene når ingen forbindelse utenom selve vennskapsbyavtalen "
        "var aktiv og ingen aktivitet er registrert så mange år tilbake fra datoen (strategi 2c.4). Også "
        "vinduet for ekstern finansiering i budsjettlinjene.",
        "A relation has no recent activity when no tie other than the formal sister-city tie was active and no "
        "activity was registered in this many years up to the date (strategy 2c.4). Also the window for "
        "external funding in plan lines.",
        "review",
    ),
    _T(
        "min_cut_off",
        2,
        "entities",
        "Minste antall avskårne",
        "Fewest entities cut off",
        "En enhet er et enkeltpunkt for brudd når det å fjerne den skjærer minst så mange enheter bort fra "
        "kommunen gjennom de registrerte kanalene (planlagte eller usikre forbindelser, beliggenhet og "
        "konsulære forbindelser er ikke kanaler). (En enslig partner på én forbindelse meldes som et hull.)",
        "An entity is a single point of failure when removing it cuts at least this many entities off "
        "from the municipality through the registered channels (planned or uncertain ties, locations and "
        "consular ties are not channels). (A lone partner hanging on one tie is reported as a gap instead.)",
    ),
    _T(
        "spof_high_cut_off",
        10,
        "entities",
        "Alvorlig fra antall avskårne",
        "Serious from entities cut off",
        "Et enkeltpunkt for brudd er alvorlig (høy) når det skjærer minst så mange enheter bort; færre er middels.",
        "A single point of failure is serious (high) when it cuts at least this many entities off; fewer is medium.",
    ),
    _T(
        "hole_min_degree",
        3,
        "contacts",
        "Minste antall kontakter (strukturelle hull)",
        "Fewest contacts (structural holes)",
        "Strukturelle hull letes etter hos lokale aktører med minst så mange kontakter (kommunen selv, og et "
        "organs egne medlemmer, holdes utenfor).",
        "Structural holes are looked for at local actors with at least this many contacts (the municipality "
        "itself, and a body's own members, are left out).",
    ),
    _T(
        "hole_min_efficiency",
        0.75,
        "share",
        "Minste effektivitet",
        "Lowest efficiency",
        "Andelen av en aktørs kontakter som ikke er knyttet til hverandre (effektiv størrelse delt på antall "
        "kontakter; Burts effektivitet). Ved 1,0 er ingen av dem knyttet til hverandre: aktøren alene holder "
        "dem sammen (et strukturelt hull).",
        "The share of an actor's contacts that are not tied to each other (its effective size, the number of "
        "contacts that do not already know each other, divided by the number of contacts; Burt's "
        "efficiency). At 1.0 none of them are tied to each other: the actor alone holds them together "
        "(a structural hole).",
    ),
    _T(
        "hole_max_actors",
        20_000,
        "actors",
        "Flest aktører som måles",
        "Most actors measured",
        "Over så mange lokale aktører måles strukturelle hull bare for de best tilknyttede (sammendraget sier det).",
        "Above this many local actors, structural holes are measured for the best-connected ones only (the summary says so).",
    ),
    _T(
        "many_channels_min_actors",
        3,
        "actors",
        "Minste antall kanaler",
        "Fewest channels",
        "Et utenlandsk sted betjenes gjennom mange kanaler når minst så mange lokale aktører arbeider der samtidig.",
        "A foreign place is served through many channels when at least this many local actors work it at once.",
    ),
    _T(
        "shared_partner_max_actors",
        25,
        "actors",
        "Flest aktører per sted (parvis)",
        "Most actors per place (pairwise)",
        "Steder med flere lokale aktører enn dette listes ikke par for par (det ville blitt tusenvis av rader); "
        "de vises under «mange kanaler» i stedet.",
        "Places worked by more local actors than this are not listed pair by pair (that would be thousands of "
        "rows); they appear under 'many channels' instead.",
    ),
    _T(
        "duplicate_km",
        5.0,
        "km",
        "Avstand for mulige duplikater (km)",
        "Distance for likely duplicates (km)",
        "To byer i samme land nærmere hverandre enn dette er trolig samme sted under to navn.",
        "Two cities of the same country closer than this are likely the same place under two names.",
    ),
    _T(
        "documentation_medium_share",
        0.5,
        "share",
        "Alvorlig under dokumentert andel",
        "Serious below documented share",
        "Et dokumentasjonshull er middels når registeret dokumenterer mindre enn denne andelen av det en kilde "
        "oppgir (for eksempel under halvparten av 22 konsulater); ellers lav.",
        "A documentation gap is medium when the registry documents less than this share of what a source "
        "declares (for instance fewer than half of 22 consulates); otherwise low.",
    ),
    _T(
        "betweenness_exact_max_nodes",
        1000,
        "nodes",
        "Eksakt mellomhet opp til",
        "Exact betweenness up to",
        "Opp til så mange enheter regnes mellomhet eksakt; over det anslås den fra et utvalg startpunkter (tabellen sier det).",
        "Up to this many entities betweenness is exact; past it, it is estimated from a sample of start nodes (the table says so).",
    ),
    _T(
        "betweenness_sample",
        200,
        "nodes",
        "Utvalg for anslått mellomhet",
        "Sample for estimated betweenness",
        "Så mange startpunkter anslår mellomheten over grensen for eksakt mellomhet.",
        "How many start nodes estimate betweenness past the limit for exact betweenness.",
    ),
    # --- What a finding lists ----------------------------------------------------------------
    _T(
        "finding_names_listed",
        8,
        "names",
        "Navn i et funn",
        "Names in a finding",
        "Et funn nevner så mange navn, deretter «og N til» (funnets bevisliste har alle).",
        "A finding names this many, then 'and N more' (the finding's evidence lists them all).",
        "display",
    ),
    _T(
        "thin_summary_names_listed",
        20,
        "names",
        "Navn i samleraden",
        "Names in the summary row",
        "Raden som samler vennskapsbyer uten noe registrert utover avtalen nevner så mange av dem.",
        "The row gathering sister cities with nothing registered beyond the twinning names this many of them.",
        "display",
    ),
    _T(
        "suggestion_ways_listed",
        3,
        "rows",
        "Eksempler per forslag",
        "Examples per suggestion",
        "Et forslag om en ny forbindelse viser så mange av radene (forbindelser, aktiviteter) det bygger på.",
        "A suggested connection shows this many of the rows (ties, activities) it rests on.",
        "display",
    ),
    _T(
        "finding_max_evidence",
        50,
        "rows",
        "Flest bevis per funn",
        "Most evidence per finding",
        "Et funns bevisliste kuttes etter så mange id-er (forklaringen gir hele antallet).",
        "A finding's evidence list is cut after this many ids (the explanation gives the full count).",
        "display",
    ),
    _T(
        "urgent_findings_listed",
        8,
        "rows",
        "Funn som haster",
        "Urgent findings",
        "Oversikten viser så mange funn som haster (de mest alvorlige først).",
        "The overview shows this many urgent findings (most severe first).",
        "display",
    ),
    _T(
        "urgent_findings_per_kind",
        2,
        "rows",
        "Hastefunn per type",
        "Urgent findings per kind",
        "Av hver type funn vises høyst så mange blant dem som haster, så listen viser ulike typer.",
        "At most this many urgent findings of each kind, so the list shows different kinds.",
        "display",
    ),
    _T(
        "review_activities_listed",
        5,
        "rows",
        "Aktiviteter per vennskapsby",
        "Activities per sister city",
        "Gjennomgangen av en vennskapsby lister så mange aktiviteter.",
        "The review of a sister city lists this many activities.",
        "display",
    ),
    # --- The calendar ------------------------------------------------------------------------
    _T(
        "calendar_window_years",
        1,
        "years",
        "Kalendervindu",
        "Calendar window",
        "Kalenderen viser det som forfaller fra i dag og så mange år frem, begge ender med.",
        "The calendar shows what falls due from today until this many years ahead, both ends included.",
        "calendar",
    ),
    _T(
        "jubilee_first_years",
        10,
        "years",
        "Første jubileum",
        "First jubilee",
        "Det første jubileet en vennskapsby eller avtale markeres med.",
        "The first jubilee a twinning or agreement is marked at.",
        "calendar",
    ),
    _T(
        "jubilee_every_years",
        25,
        "years",
        "Jubileum hvert",
        "Jubilee every",
        "Hvert slikt antall år er et jubileum (25, 50, 75 …).",
        "Every this many years is a jubilee (25, 50, 75 …).",
        "calendar",
    ),
    _T(
        "jubilee_tens_from_years",
        50,
        "years",
        "Hvert tiende år fra",
        "Every tenth year from",
        "Fra så mange år er også hvert tiende år et jubileum (50, 60, 70 …).",
        "From this many years, every tenth year is a jubilee too (50, 60, 70 …).",
        "calendar",
    ),
    # --- What an import accepts --------------------------------------------------------------
    _T(
        "budget_year_min",
        1900,
        "year",
        "Tidligste budsjettår",
        "Earliest budget year",
        "En budsjettlinje eller indikatorverdi med et tidligere år avvises ved import og i skjemaene.",
        "A budget line or indicator value with an earlier year is refused on import and in the forms.",
        "import",
    ),
    _T(
        "budget_year_max",
        2200,
        "year",
        "Seneste budsjettår",
        "Latest budget year",
        "En budsjettlinje eller indikatorverdi med et senere år avvises ved import og i skjemaene.",
        "A budget line or indicator value with a later year is refused on import and in the forms.",
        "import",
    ),
    # --- The network -------------------------------------------------------------------------
    _T(
        "network_category_filter",
        "assigned_or_suggested",
        "choice",
        "Kategorifilter i nettverket",
        "Category filter in the network",
        "Med kategorifilteret vises en vennskapsby når kategorien den er tildelt er valgt, ellers når den "
        "foreslåtte er valgt (de fleste har bare et forslag). Verdien «bare tildelt» viser bare tildelte kategorier.",
        "With the category filter a sister city is shown when its assigned category is chosen, else when its "
        "suggested one is (most have only a suggestion). 'assigned' shows assigned categories only.",
        "network",
    ),
)
del _T

_BY_CODE = {t.code: t for t in THRESHOLDS}


@dataclass(frozen=True)
class Rules:
    """The thresholds in force: the values of :data:`THRESHOLDS`, optionally changed.

    >>> DEFAULT_RULES["dormant_years"]
    5
    >>> DEFAULT_RULES.with_values(dormant_years=3)["dormant_years"]
    3
    """

    values: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({t.code: t.default for t in THRESHOLDS}))

    def __getitem__(self, code: str) -> Any:
        return self.values[code]

    def with_values(self, **changes: Any) -> Rules:
        """Return a copy with some thresholds changed; unknown names raise KeyError."""
        unknown = set(changes) - set(self.values)
        if unknown:
            raise KeyError(f"unknown threshold(s): {', '.join(sorted(unknown))}")
        return replace(self, values=MappingProxyType({**self.values, **changes}))


DEFAULT_RULES = Rules()


def threshold(code: str) -> Any:
    """Return the value in force of threshold ``code`` (:data:`DEFAULT_RULES`); KeyError when undeclared.

    >>> threshold("budget_year_min"), threshold("jubilee_every_years")
    (1900, 25)
    """
    if code not in _BY_CODE:
        raise KeyError(f"unknown threshold {code!r}")
    return DEFAULT_RULES[code]


def value_text(value: Any) -> tuple[str, str]:
    """Return ``(nb, en)``: a threshold's value as a reader sees it (a decimal comma in nb, a choice's label).

    >>> value_text(0.75), value_text(5.0), value_text(20_000), value_text("assigned")
    (('0,75', '0.75'), ('5', '5'), ('20000', '20000'), ('bare tildelt', 'assigned only'))
    """
    if isinstance(value, str):
        return CHOICES.get(value, (value, value))
    en = f"{value:g}" if isinstance(value, float) else str(value)
    return en.replace(".", ","), en


def threshold_table() -> list[dict[str, Any]]:
    """Return one dict per declared threshold: code, kind ('rule'), group, value (and as text in nb and en),
    unit (code, nb, en), labels and help in nb and en."""
    return [
        {
            "code": t.code,
            "kind": "rule",
            "group": t.group,
            "value": t.default,
            "value_nb": value_text(t.default)[0],
            "value_en": value_text(t.default)[1],
            "unit": t.unit,
            "unit_nb": UNITS[t.unit][0],
            "unit_en": UNITS[t.unit][1],
            "label_nb": t.label_nb,
            "label_en": t.label_en,
            "help_nb": t.help_nb,
            "help_en": t.help,
        }
        for t in THRESHOLDS
    ]
