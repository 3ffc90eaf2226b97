"""The registry's tables, declared as data (:mod:`registry.store.migrations` builds them in a file)."""

from __future__ import annotations

from .tables import Column, Table

__all__ = ["Column", "Table", "TABLES", "DATA_TABLES", "ERASURES", "ERASURE_GUARDS", "personal_columns"]


_VERIFIED = Column("verified_on", date=True, help="When the source was last read and found to hold (YYYY-MM-DD)")

# The tables are declarations: one column a line, as a reader scans them.
# fmt: off
_TRACKING = (
    Column("version", "INTEGER", help="Row version, raised by every update (optimistic concurrency)"),
    Column("updated_at", help="UTC time of the last change"),
    Column("updated_by", help="Who made the last change"),
)

ENTITIES = Table(
    "entities",
    (
        Column("id", required=True, help="Stable slug, e.g. 'dunfermline'"),
        Column("kind", required=True, vocabulary="entity_kinds"),
        Column("name", required=True, help="Name (Norwegian where it differs)"),
        Column("name_en", help="English name where it differs"),
        Column("country_code", help="ISO 3166-1 alpha-2 code"),
        Column("lat", "REAL", help="Latitude (WGS84)"),
        Column("lon", "REAL", help="Longitude (WGS84)"),
        Column("url", help="Web address"),
        Column("wikidata_id", help="Wikidata item id, e.g. Q1234"),
        Column("notes"),
        Column("source", required=True, help="One or more addresses, or the strategy document"),
        Column("founded", date=True, help="When the body was founded or the place became one"),
        Column("dissolved", date=True, help="When the body ceased to exist; its ties end with it"),
        Column("successor_id", references="entities", help="The body that took over when this one was dissolved"),
        _VERIFIED,
    )
    + _TRACKING,
    help="Places, institutions, networks and programmes",
    extra=(
        "CREATE UNIQUE INDEX IF NOT EXISTS entities_wikidata ON entities(wikidata_id) WHERE wikidata_id IS NOT NULL",
        "CREATE INDEX IF NOT EXISTS entities_kind ON entities(kind)",
    ),
)

TIES = Table(
    "ties",
    (
        Column("id", required=True, help="Stable slug, e.g. 'trondheim--dunfermline'"),
        Column("from_id", required=True, references="entities"),
        Column("to_id", required=True, references="entities"),
        Column("kind", required=True, vocabulary="tie_kinds"),
        Column("directed", "INTEGER", help="1 when the direction matters, else 0"),
        Column("sectors", vocabulary="sectors", multi=True, help="';'-separated sector codes"),
        Column("start", date=True, help="YYYY, YYYY-MM or YYYY-MM-DD"),
        Column("start_certainty", vocabulary="certainties"),
        Column("end", date=True),
        Column("status", vocabulary="statuses"),
        Column("carrier_id", references="entities", help="The local actor that carries the contact"),
        Column("municipal_role", vocabulary="municipal_roles"),
        Column("reciprocity", vocabulary="reciprocities"),
        Column("goals"),
        Column("indicators"),
        Column("funding"),
        Column("strategy_points", vocabulary="strategy_points", multi=True, help="';'-separated strategy points, e.g. '2a;4e'"),
        Column("source", required=True),
        Column("notes"),
        Column("agreement_id", references="agreements", help="The agreement the tie rests on, when registered"),
        _VERIFIED,
    )
    + _TRACKING,
    help="Typed, dated relations between entities",
    extra=(
        "CREATE INDEX IF NOT EXISTS ties_from ON ties(from_id)",
        "CREATE INDEX IF NOT EXISTS ties_to ON ties(to_id)",
        "CREATE INDEX IF NOT EXISTS ties_kind ON ties(kind)",
    ),
)

AGREEMENTS = Table(
    "agreements",
    (
        Column("id", required=True, help="Stable slug, e.g. 'ring-charter-1968'"),
        Column("kind", required=True, vocabulary="agreement_kinds"),
        Column("title", required=True, help="The document's title, in its own language"),
        Column("title_nb", help="Norwegian title, for Norwegian texts (the source's own title stays in 'title')"),
        Column("signed_on", date=True, help="YYYY, YYYY-MM or YYYY-MM-DD"),
        Column("signed_certainty", vocabulary="certainties"),
        Column("signatories", help="Who signed, by office (never private names), ';'-separated"),
        Column("document_url", help="Where the document itself can be read"),
        Column("review_on", date=True, help="When the agreement is to be reviewed or renewed"),
        Column("ended_on", date=True, help="When it was terminated or expired"),
        Column("status", vocabulary="statuses"),
        Column("sectors", vocabulary="sectors", multi=True, help="Sectors the agreement names"),
        Column("strategy_points", vocabulary="strategy_points", multi=True),
        Column("notes"),
        Column("source", required=True),
        _VERIFIED,
    )
    + _TRACKING,
    help="Agreements as documents: charters, letters of intent, cooperation agreements, memberships",
)

AGREEMENT_PARTIES = Table(
    "agreement_parties",
    (
        Column("id", "INTEGER"),
        Column("agreement_id", required=True, references="agreements"),
        Column("entity_id", required=True, references="entities"),
        Column("role", vocabulary="participant_roles", help="'party' unless stated"),
        Column("notes"),
    )
    + _TRACKING,
    id_generated=True,
    help="The parties to each agreement (any number: a ring charter has three)",
    extra=("CREATE INDEX IF NOT EXISTS agreement_parties_agreement ON agreement_parties(agreement_id)",),
)

ACTIVITIES = Table(
    "activities",
    (
        Column("id", required=True, help="Stable slug, e.g. 'dunfermline-80-years-2025'"),
        Column("kind", required=True, vocabulary="activity_kinds"),
        Column("title", required=True, help="What happened, in a line (the source's language)"),
        Column("title_nb", help="Norwegian title, for Norwegian texts (the source's own title stays in 'title')"),
        Column("start", date=True, help="YYYY, YYYY-MM or YYYY-MM-DD; empty when no source gives it"),
        Column("end", date=True, help="Last day, for a span"),
        Column(
            "ongoing",
            "INTEGER",
            help="1 when the source says it goes on after its start (no end): confirmed up to verified_on",
        ),
        Column("date_certainty", vocabulary="certainties"),
        Column("municipal_role", vocabulary="municipal_roles", help="The home municipality's role in it"),
        Column("sectors", vocabulary="sectors", multi=True),
        Column("strategy_points", vocabulary="strategy_points", multi=True),
        Column("purpose"),
        Column("goals"),
        Column("indicators"),
        Column("agreement_id", references="agreements", help="The agreement it carries out, when any"),
        Column("notes"),
        Column("source", required=True),
        _VERIFIED,
    )
    + _TRACKING,
    help="What happens on the ties: visits, delegations, projects, exchanges, events, meetings, anniversaries",
    extra=("CREATE INDEX IF NOT EXISTS activities_start ON activities(start)",),
)

ACTIVITY_PARTICIPANTS = Table(
    "activity_participants",
    (
        Column("id", "INTEGER"),
        Column("activity_id", required=True, references="activities"),
        Column("entity_id", required=True, references="entities"),
        Column("role", required=True, vocabulary="participant_roles"),
        Column("notes"),
    )
    + _TRACKING,
    id_generated=True,
    help="Who took part in an activity, and as what (any number)",
    extra=(
        "CREATE INDEX IF NOT EXISTS activity_participants_activity ON activity_participants(activity_id)",
        "CREATE INDEX IF NOT EXISTS activity_participants_entity ON activity_participants(entity_id)",
    ),
)

ACTIVITY_TIES = Table(
    "activity_ties",
    (
        Column("id", "INTEGER"),
        Column("activity_id", required=True, references="activities"),
        Column("tie_id", required=True, references="ties", help="The tie the activity belongs to"),
    )
    + _TRACKING,
    id_generated=True,
    help="Which ties an activity counts for (a Dunfermline exchange counts for the twinning)",
    extra=(
        "CREATE INDEX IF NOT EXISTS activity_ties_activity ON activity_ties(activity_id)",
        "CREATE INDEX IF NOT EXISTS activity_ties_tie ON activity_ties(tie_id)",
    ),
)

DECISIONS = Table(
    "decisions",
    (
        Column("id", "INTEGER"),
        Column("kind", vocabulary="decision_kinds", help="'category' unless stated"),
        Column("tie_id", references="ties", help="The tie decided on (required for a category or a twinning)"),
        Column("category", vocabulary="categories", help="Required for a category decision"),
        Column("title", help="What was decided, e.g. the strategy's title"),
        Column("title_nb", help="Norwegian title, where 'title' is in another language"),
        Column("decided_on", required=True, date=True),
        Column("decided_by", required=True, help="The body, e.g. 'Bystyret', 'Formannskapet'"),
        Column("case_ref", help="Case reference, e.g. 'sak 3/10'"),
        Column("reason", required=True),
        Column("source"),
        Column("scope", help="For a suspension: what is frozen, e.g. 'municipal funding and visits'"),
        Column("review_on", date=True, help="For a suspension: when the council is to review it again"),
    )
    + _TRACKING,
    append_only=True,
    id_generated=True,
    help="Decisions: sister-city categories, entering or ending twinnings, strategies and action plans; never overwritten",
    extra=("CREATE INDEX IF NOT EXISTS decisions_tie ON decisions(tie_id)",),
)

PLAN_ACTIONS = Table(
    "plan_actions",
    (
        Column("id", required=True, help="Stable slug, e.g. 'forum-2014'"),
        Column("title", required=True, help="What is to be done, in a line (the source's language)"),
        Column("title_nb", help="Norwegian title, for Norwegian texts (the source's own title stays in 'title')"),
        Column("strategy_points", vocabulary="strategy_points", multi=True, help="The strategy points the action carries out"),
        Column("responsible", help="The municipal unit responsible for the action"),
        Column("decision_id", "INTEGER", references="decisions", help="The decision that adopted the plan the action is in"),
        Column("period_start", date=True, help="First year (or date) of the action's period"),
        Column("period_end", date=True, help="Last year (or date) of the action's period"),
        Column("status", required=True, vocabulary="action_statuses", help="'planned', 'ongoing', 'completed', 'postponed' or 'cancelled'"),
        Column("notes"),
        Column("source", required=True),
        _VERIFIED,
    ) + _TRACKING,
    help="The action plan's actions (handlingsplan): what is to be done, for which strategy points, by whom, when",
)

# The action plan's two link tables, like an activity's: any number of partners and of ties per action.
ACTION_PARTNERS = Table(
    "action_partners",
    (Column("id", "INTEGER"), Column("action_id", required=True, references="plan_actions"),
     Column("entity_id", required=True, references="entities", help="A partner in the action"),
     Column("role", vocabulary="participant_roles", help="'partner' unless stated"), Column("notes")) + _TRACKING,
    id_generated=True, help="The partners of each action (any number)",
    extra=("CREATE INDEX IF NOT EXISTS action_partners_action ON action_partners(action_id)",),
)

ACTION_TIES = Table(
    "action_ties",
    (Column("id", "INTEGER"), Column("action_id", required=True, references="plan_actions"),
     Column("tie_id", required=True, references="ties", help="A relation the action works on")) + _TRACKING,
    id_generated=True, help="Which ties an action works on (any number)",
    extra=("CREATE INDEX IF NOT EXISTS action_ties_action ON action_ties(action_id)",),
)

INDICATORS = Table(
    "indicators",
    (
        Column("id", required=True, help="Stable slug, e.g. 'pupils-on-exchange'"),
        Column("name", required=True, help="What is measured (Norwegian)"),
        Column("name_en", help="English name"),
        Column("unit", help="What one counts in, e.g. 'pupils', 'NOK', 'per cent'"),
        Column("direction", required=True, vocabulary="indicator_directions", help="'higher' or 'lower' is better"),
        Column("baseline", "REAL", help="The value the target is measured from"),
        Column("baseline_year", "INTEGER", help="The year of the baseline"),
        Column("target", "REAL", help="The value aimed at"),
        Column("target_year", "INTEGER", help="The year the target is to be reached"),
        Column("action_id", references="plan_actions", help="The action the indicator measures"),
        Column("strategy_points", vocabulary="strategy_points", multi=True),
        Column("notes"),
        Column("source", required=True),
        _VERIFIED,
    ) + _TRACKING,
    help="Indicators of the action plan: what is measured, in what unit, from which baseline to which target",
    extra=("CREATE INDEX IF NOT EXISTS indicators_action ON indicators(action_id)",),
)

INDICATOR_VALUES = Table(
    "indicator_values",
    (Column("id", "INTEGER"), Column("indicator_id", required=True, references="indicators"),
     Column("year", "INTEGER", required=True, help="The year measured"),
     Column("value", "REAL", required=True, help="The value measured, in the indicator's unit"),
     Column("source", required=True, help="Where the value was read"), Column("notes")) + _TRACKING,
    id_generated=True, help="Measured values of the indicators, one per indicator and year, each with its source",
    extra=("CREATE UNIQUE INDEX IF NOT EXISTS indicator_values_year ON indicator_values(indicator_id, year)",),
)

PLAN_LINES = Table(
    "plan_lines",
    (
        Column("id", "INTEGER"),
        Column("tie_id", references="ties", help="The relation financed (any kind of tie)"),
        Column("activity_id", references="activities", help="The activity or project financed"),
        Column("action_id", references="plan_actions", help="The action of the action plan financed"),
        Column("year", "INTEGER", required=True),
        Column("kind", vocabulary="budget_kinds", help="'plan' (budgeted) or 'actual' (spent or received)"),
        Column("amount", "INTEGER", required=True, help="Whole units of the currency"),
        Column("currency", help="ISO 4217 code; NOK when empty"),
        Column("funder", required=True, help="'municipal' or the name of an external funder"),
        Column("funder_id", references="entities", help="The funder, when registered"),
        Column("purpose", required=True),
        Column("source"),
    )
    + _TRACKING,
    id_generated=True,
    help="Budget lines, planned and actual, for any relation or activity (memberships, projects, sister cities)",
    extra=(
        "CREATE INDEX IF NOT EXISTS plan_lines_tie ON plan_lines(tie_id)",
        "CREATE INDEX IF NOT EXISTS plan_lines_activity ON plan_lines(activity_id)",
        "CREATE INDEX IF NOT EXISTS plan_lines_action ON plan_lines(action_id)",
    ),
)

CONTACTS = Table(
    "contacts",
    (
        Column("id", required=True, help="Stable slug, e.g. 'consul-denmark'"),
        Column("entity_id", required=True, references="entities", help="The organisation"),
        Column("office", help="The office or role, e.g. 'honorary consul'"),
        Column("person_name", personal=True, help="Optional; personal data, never logged in clear"),
        Column("email", personal=True),
        Column("phone", personal=True),
        Column("purpose", required=True, help="Why the registry keeps this contact"),
        Column("retain_until", date=True, help="When the personal data is to be deleted"),
        Column("source"),
        Column("notes"),
        _VERIFIED,
    )
    + _TRACKING,
    help="Contact points of organisations; names are personal data (see erase)",
    extra=("CREATE INDEX IF NOT EXISTS contacts_entity ON contacts(entity_id)",),
)

DECLARED_TOTALS = Table(
    "declared_totals",
    (
        Column("id", required=True, help="Stable slug, e.g. 'trondheim-consulates-2010'"),
        Column("entity_id", required=True, references="entities", help="Whose total (the municipality)"),
        Column("measure", required=True, vocabulary="declared_measures"),
        Column("total", "INTEGER", required=True),
        Column("as_of", date=True, help="When the source counted"),
        Column("source", required=True),
        Column("notes"),
    )
    + _TRACKING,
    help="Totals a source declares (22 consulates, 13 twin towns), against which documentation is measured",
)

SETTINGS = Table(
    "settings",
    (
        Column("key", required=True, help="A setting declared in registry.settings"),
        Column("value", help="Its value, as text"),
    )
    + _TRACKING,
    pk="key",
    help="The registry's settings, e.g. its home municipality",
)

AUDIT = Table(
    "audit",
    (
        Column("id", "INTEGER"),
        Column("at", required=True),
        Column("actor", required=True),
        Column("table_name", required=True),
        Column("row_id", required=True),
        Column("action", required=True),
        Column("before"),
        Column("after"),
    ),
    append_only=True,
    id_generated=True,
    help="Every insert, update and delete, with before and after as JSON",
)

ERASURES = Table(
    "erasures",
    (
        Column("id", "INTEGER"),
        Column("contact_id", required=True, help="The contact erased (its id after the erase)"),
        Column("at", required=True, help="UTC time of the erase"),
        Column("actor", required=True, help="Who erased"),
        Column("counts", help="What changed, as JSON counts: never the personal data itself"),
    ),
    append_only=True,
    id_generated=True,
    help="Every erasure of a person (erase): when, by whom and how much; no personal data",
)

ERASURE_GUARDS = Table(
    "erasure_guards",
    (
        Column("digest", required=True, help="Keyed digest of an erased value (the key is outside the file)"),
        Column("kind", required=True, help="name, email, phone, or phraseN (N folded words)"),
        Column("erasure_id", "INTEGER", references="erasures"),
    ),
    pk="digest",
    append_only=True,
    help="Erased values a later write must not bring back, as keyed digests",
)

# fmt: on
#: Tables users edit, in dependency order (parents first).
DATA_TABLES: tuple[Table, ...] = (
    ENTITIES,
    AGREEMENTS,
    AGREEMENT_PARTIES,
    TIES,
    ACTIVITIES,
    ACTIVITY_PARTICIPANTS,
    ACTIVITY_TIES,
    DECISIONS,
    PLAN_ACTIONS,
    ACTION_PARTNERS,
    ACTION_TIES,
    INDICATORS,
    INDICATOR_VALUES,
    PLAN_LINES,
    CONTACTS,
    DECLARED_TOTALS,
    SETTINGS,
)
TABLES: dict[str, Table] = {t.name: t for t in DATA_TABLES + (AUDIT,)}


def personal_columns(table: str) -> tuple[str, ...]:
    """Return the names of ``table``'s columns that hold personal data (empty for most tables)."""
    t = TABLES.get(table)
    return tuple(c.name for c in t.columns if c.personal) if t else ()
