"""What every page shares: language, the home municipality, this run's database connection, cached results, the editor.

Pages call registry functions through :func:`cached` (plain data) or the graph
helpers here, so a result is computed once per database revision and filter
and a rerun after a widget change only looks it up. The connection is opened
by the frame for each script run (SQLite connections must not cross threads,
and every rerun runs on a new thread) and closed when the run ends.
"""

from __future__ import annotations

import importlib
import re
import sqlite3
import sys
import threading
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterable, NamedTuple

import networkx as nx
import pandas as pd
import streamlit as st

from registry import auth, db, i18n, messages, pickers, seed, settings, view, vocab
from registry.errors import NoHome, RegistryError
from registry.review import classify
from registry.graph import GraphFilter, Snapshot, filter_graph, snapshot

LANGS = i18n.LANGUAGES
#: Where the network page's iframe loads vis-network from: the app's static folder
#: (``[server] enableStaticServing``), relative so that it also works under a base URL path.
#: The browser caches it, instead of receiving the 700 KB script inside every new drawing.
VIS_ASSETS = "app/static"
_run = threading.local()


# --- language -----------------------------------------------------------------------------


def lang() -> str:
    """Return the language of this session: 'nb' (default) or 'en'."""
    value = st.session_state.get("lang", "nb")
    return value if value in LANGS else "nb"


def t(key: str, **values: Any) -> str:
    """Return the UI text ``key`` in the session's language."""
    return i18n.t(key, lang(), **values)


def label(vocabulary: str, code: str | None) -> str:
    """Return a vocabulary label in the session's language."""
    return vocab.label(vocabulary, code, lang())


def country(code: str | None) -> str:
    """Return a country's name in the session's language ('' for none)."""
    return i18n.country_name(code, lang()) if isinstance(code, str) and code else ""


def formatter(options: Any, fn: Callable[[Any], str]) -> Callable[[Any], str]:
    """Return a format_func for a widget: the texts of ``options`` made now, in this run's language.

    Widgets may call their format_func outside the script run (AppTest does), where
    the session's language cannot be read; a lookup made during the run can.
    """
    texts = {o: fn(o) for o in options}
    return lambda o: texts.get(o, "" if o is None else str(o))


def md(text: Any) -> str:
    """Return ``text`` with Markdown's special characters escaped, for names from the database."""
    return re.sub(r"([\\`*_{}\[\]()<>#+\-.!|~$])", r"\\\1", str(text))


# --- identity ----------------------------------------------------------------------------


#: Pickers whose shown options depend on the language (their values are codes) and that
#: have no default value (setting a widget with a default through the state logs a warning).
_RELABEL = (
    "net_kinds", "net_tie_kinds", "net_sectors", "net_countries", "net_categories", "net_focus", "net_from", "net_to",
    "map_tie_kinds", "reg_kinds", "reg_countries", "reg_tie_kinds", "reg_sectors", "reg_tie_countries", "reg_entity",
    "reg_tie", "gaps_groups", "gaps_kinds", "gaps_severity", "home",
)


def relabel_widgets() -> None:
    """After a language switch, hand each labelled widget its value again so it is shown in the new language.

    Streamlit's browser side keeps the text of a chosen option; setting the value
    anew (the same codes) makes it draw the option with the new format_func.
    """
    if st.session_state.get("_shown_lang") == lang():
        return
    st.session_state["_shown_lang"] = lang()
    for key in _RELABEL:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def _editor_config() -> auth.EditorConfig:
    # No secrets.toml is the usual local case: then only the environment configures editing.
    return auth.config_from(secrets=st.secrets.to_dict() if st.secrets.load_if_toml_exists() else {})


def current_actor() -> str:
    """Return who is making changes in this session, as written to the audit log ('' = view only).

    The one place that decides identity: ``registry.auth`` from the signed-in user
    (``st.user``, Streamlit's OIDC sign-in) and the settings (``REGISTRY_AUTH``,
    ``REGISTRY_EDITOR``, ``REGISTRY_EDITORS`` or ``[registry]`` in secrets.toml).
    """
    return auth.editor_identity(st.user.to_dict(), _editor_config()) or ""


def editor_sidebar() -> None:
    """Show who edits in this session, with sign-in and sign-out buttons when the app uses OIDC."""
    config, actor = _editor_config(), current_actor()
    user = st.user.to_dict()
    if config.mode == "oidc" and user.get("is_logged_in") is True:
        st.caption(t("frame.signed_in", who=md(user.get("email") or user.get("name") or "?")))
        if not actor:
            st.caption(t("frame.not_an_editor"))
        st.button(t("frame.sign_out"), key="sign_out", on_click=st.logout)
    elif config.mode == "oidc":
        st.button(t("frame.sign_in"), key="sign_in", on_click=st.login)
    elif actor:
        st.caption(t("frame.editing_as", who=md(actor)))
    else:
        st.caption(t("frame.view_only"))


# --- database ------------------------------------------------------------------------------


#: The entry script: ``streamlit run app.py -- --db PATH`` hands it ``[app.py, --db, PATH]`` as sys.argv.
APP = Path(__file__).resolve().parent.parent.joinpath("app" + ".py")  # not a text key


def db_argument(argv: list[str]) -> Path | None:
    """Return the registry file given as ``--db PATH`` (or ``--db=PATH``) after ``--``; None when there is none.

    ``argv`` is the script's ``sys.argv``; arguments are read only when its first entry is
    :data:`APP` (under AppTest or another program, sys.argv is not ours). Anything else
    after ``--`` raises ValueError: an option the app does not know is refused, never ignored.

    >>> db_argument([str(APP), "--db", "other.db"]), db_argument([str(APP)]), db_argument(["pytest", "-q"])
    (PosixPath('other.db'), None, None)
    """
    if not argv or Path(argv[0]).resolve() != APP:
        return None
    args, found = list(argv[1:]), None
    while args:
        arg = args.pop(0)
        if arg == "--db" and args:
            found = Path(args.pop(0)).expanduser()
        elif arg.startswith("--db=") and len(arg) > 5:
            found = Path(arg[5:]).expanduser()
        else:
            raise ValueError(f"unknown argument {arg!r}: the app takes only --db PATH (streamlit run app.py -- --db PATH)")
    return found


def open_run() -> None:
    """Open this run's connection to the registry (seeding an empty one); called by the frame.

    The registry is the file given as ``--db PATH`` after ``--``, else ``$REGISTRY_DB``,
    else ``registry.db`` in the project.
    """
    try:
        path = db_argument(sys.argv) or db.default_db_path()
    except ValueError as exc:
        st.error(str(exc))
        st.stop()
        return  # st.stop() only raises inside a script run
    _run.path = str(path)
    _run.conn = seed.ensure_seeded(path)
    _run.revision = None


def close_run() -> None:
    """Close this run's connection."""
    conn = getattr(_run, "conn", None)
    if conn is not None:
        conn.close()
        _run.conn = None


def conn() -> sqlite3.Connection:
    """Return this run's connection (opened by the frame, or now when a page runs alone)."""
    if getattr(_run, "conn", None) is None:
        open_run()
    return _run.conn


def db_key() -> tuple[str, int]:
    """Return ``(database path, revision)``: the key every cached result depends on."""
    c = conn()
    if getattr(_run, "revision", None) is None:
        _run.revision = db.revision(c)
    return _run.path, _run.revision


def changed() -> None:
    """Forget this run's revision after a write, so later lookups in the run see the change."""
    _run.revision = None


def deferred(fn: Callable[..., Any], *args: Any) -> Callable[[], Any]:
    """Return a callable that computes ``fn(conn, *args)`` later, on its own connection.

    For download buttons whose content takes a while: Streamlit calls it only
    when the button is clicked, outside this run, so it cannot use the run's connection.
    """
    path = db_key()[0]

    def compute() -> Any:
        c = db.connect(path)
        try:
            return fn(c, *args)
        finally:
            c.close()

    return compute


def _resolve(qualname: str) -> Callable[..., Any]:
    module, _, name = qualname.partition(":")
    return getattr(importlib.import_module(module), name)


@st.cache_data(show_spinner=False, max_entries=1024)
def _data(qualname: str, path: str, rev: int, args: tuple[Any, ...], kwargs: tuple[tuple[str, Any], ...]) -> Any:
    return _resolve(qualname)(conn(), *args, **dict(kwargs))


def cached(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Return ``fn(conn, *args, **kwargs)`` for a registry function, cached per database revision.

    The result is a copy (st.cache_data), so a page may change it freely.
    """
    path, rev = db_key()
    return _data(f"{fn.__module__}:{fn.__qualname__}", path, rev, args, tuple(sorted(kwargs.items())))


# --- the graph -------------------------------------------------------------------------------
# Graph objects are cached as resources (shared, not copied): callers treat them as read-only.


@st.cache_resource(show_spinner=False, max_entries=8)
def _snapshot(path: str, rev: int) -> Snapshot:
    return snapshot(conn())


def registry_snapshot() -> Snapshot:
    """Return the whole registry in memory (graph, decisions, plan lines) for this revision."""
    return _snapshot(*db_key())


@st.cache_resource(show_spinner=False, max_entries=64)
def _filtered(path: str, rev: int, flt: GraphFilter, categories: frozenset[str], home_id: str | None = None) -> nx.MultiDiGraph:
    snap = _snapshot(path, rev)
    g = filter_graph(snap.graph, flt)
    if categories:
        # The categories are the home's review; with several municipalities and none chosen,
        # no sister city has one yet (all count as unclassified).
        try:
            found = _suggestions(path, rev, flt.as_of.year if flt.as_of else None, home_id)
        except NoHome:
            found = []
        # A city passes when its assigned or its suggested category is chosen (most have only a suggestion).
        chosen = {s.tie_id: s.assigned if s.assigned in categories else s.suggested for s in found}
        g = view.restrict_categories(g, chosen, categories)
    return g


def graph(flt: GraphFilter | None = None, categories: frozenset[str] = frozenset()) -> nx.MultiDiGraph:
    """Return the registry graph passing ``flt`` and, for sister cities, the assigned ``categories``."""
    return _filtered(*db_key(), flt or GraphFilter(), frozenset(categories), _category_home(categories))


def _category_home(categories: Iterable[str]) -> str | None:
    # Only a category filter depends on the home: without one, a home change reuses every cached drawing.
    return home() if categories else None


@st.cache_resource(show_spinner=False, max_entries=16)
def _suggestions(path: str, rev: int, as_of: int | None, home_id: str | None = None) -> list[classify.Suggestion]:
    return classify.suggest(_snapshot(path, rev), as_of=as_of, home_id=home_id)


def suggestions(as_of: int | None = None, home_id: str | None = None) -> list[classify.Suggestion]:
    """Return the sister-city category suggestions of ``home_id`` (assigned vs suggested, reasons) as of a year (default today)."""
    return _suggestions(*db_key(), as_of, home_id)


# --- the home municipality ------------------------------------------------------------------


@st.cache_resource(show_spinner=False, max_entries=8)
def _homes(path: str, rev: int, language: str) -> tuple[list[str], dict[str, str], str | None]:
    snap = _snapshot(path, rev)
    ids, names = pickers.entity_names(snap.graph.subgraph(settings.municipalities(snap)), language)
    try:
        default = settings.resolve_home(snap)
    except RegistryError:  # several municipalities and none configured, or a configured one that is gone
        default = None
    return ids, names, default


def home_options() -> tuple[list[str], Callable[[Any], str], str | None]:
    """Return ``(the registry's municipalities by name, format_func, the default home)`` for the home picker.

    The default is the configured home (setting ``home_id``), or the only
    municipality; None when there are several and none is configured.
    """
    ids, names, default = _homes(*db_key(), lang())
    return ids, lambda o: names.get(o, "" if o is None else str(o)), default


def home_picker() -> None:
    """Show the home municipality picker: the municipality the review and the analysis are for."""
    ids, names, default = home_options()
    if not ids:
        return
    if st.session_state.get("home") not in ids:
        # First run, or the chosen one is gone: the configured home, never a guess among several.
        st.session_state["home"] = default
    st.selectbox(t("frame.home"), ids, format_func=names, key="home", placeholder=t("frame.home_choose"), help=t("frame.home_help"))


def home() -> str | None:
    """Return the home municipality chosen in the sidebar (an entity id); None when there is none to choose or none is chosen."""
    chosen = st.session_state.get("home")
    return chosen if chosen in home_options()[0] else None


def require_home() -> bool:
    """Return True when the review has a home; otherwise ask for one to be chosen in the sidebar."""
    ids, _, _ = home_options()
    if not ids or home() is not None:
        return True  # no municipality at all: nothing to choose, the review is simply empty
    st.info(t("frame.home_needed"), icon=":material/location_city:")
    return False


@st.cache_resource(show_spinner=False, max_entries=16)
def _drawable(
    path: str, rev: int, flt: GraphFilter, categories: frozenset[str], language: str, home_id: str | None = None,
) -> tuple[nx.MultiDiGraph, bool]:
    # The whole filtered view, aggregated when too big: computed once for its layout and its HTML.
    return view.drawable(_filtered(path, rev, flt, categories, home_id), language)


# Layouts are resources too: read-only dicts, shared rather than copied on every rerun.
@st.cache_resource(show_spinner=False, max_entries=64)
def _layout(
    path: str, rev: int, flt: GraphFilter, categories: frozenset[str], language: str, home_id: str | None = None,
) -> dict[str, tuple[float, float]]:
    return view.layout(_drawable(path, rev, flt, categories, language, home_id)[0])


@st.cache_resource(show_spinner=False, max_entries=4)
def _full_layout(path: str, rev: int) -> dict[str, tuple[float, float]]:
    return view.layout(_snapshot(path, rev).graph)


@st.cache_resource(show_spinner=False, max_entries=4)
def _group_layout(path: str, rev: int) -> dict[str, tuple[float, float]]:
    # The whole registry merged by country: every aggregated view's groups are among its nodes
    # (group ids do not depend on the language), so a filter change needs no new layout.
    return view.layout(view.drawable(_snapshot(path, rev).graph, "nb")[0])


class NetworkView(NamedTuple):
    """The network page's drawing: its HTML and what it shows."""

    html: str
    aggregated: bool
    nodes: int
    ties: int
    omitted_ties: int  # group edges left out of an aggregated view
    omitted_weight: int  # ties inside them


# A resource, not data: the drawing is immutable (a string and numbers), so every rerun can share
# it instead of unpickling a copy.
@st.cache_resource(show_spinner=False, max_entries=128)
def _network_html(
    path: str, rev: int, flt: GraphFilter, categories: frozenset[str], language: str,
    focus: str | None, steps: int, route: tuple[str, ...], home_id: str | None = None,
) -> NetworkView:
    full = _filtered(path, rev, flt, categories, home_id)
    keep = set(route) | ({focus} if focus else set())
    ties = view.path_ties(full, list(route))
    # The path is drawn whole, node by node and tie by tie, even where it leaves the focus's neighbourhood.
    if focus:
        drawn, aggregated = view.drawable(view.neighbourhood(full, focus, steps, route), language, keep, keep_ties=ties)
    elif route:
        drawn, aggregated = view.drawable(full, language, keep, keep_ties=ties)
    else:
        drawn, aggregated = _drawable(path, rev, flt, categories, language, home_id)
    # Positions come from the whole registry, node by node or merged by country, else from the
    # whole filtered graph: nodes stay put when a filter or the focus changes.
    if not aggregated and _snapshot(path, rev).graph.number_of_nodes() <= view.MAX_DRAWN_NODES:
        positions = _full_layout(path, rev)
    elif focus:
        positions = view.layout(drawn)
    elif aggregated:
        positions = _group_layout(path, rev)
    else:
        positions = _layout(path, rev, flt, categories, language, home_id)
    html = view.network_html(
        drawn, language, positions, focus=focus, highlight_nodes=route, highlight_ties=ties,
        assets=VIS_ASSETS,
    )
    return NetworkView(
        html, aggregated, drawn.number_of_nodes(), drawn.number_of_edges(),
        drawn.graph.get("omitted_ties", 0), drawn.graph.get("omitted_weight", 0),
    )


def network_html(
    flt: GraphFilter, categories: frozenset[str], focus: str | None, steps: int, route: tuple[str, ...]
) -> NetworkView:
    """Return the network view (HTML, aggregated?, nodes and ties drawn, ties left out), cached per revision and choice."""
    return _network_html(*db_key(), flt, frozenset(categories), lang(), focus, steps, tuple(route), _category_home(categories))


@st.cache_resource(show_spinner=False, max_entries=8)
def _countries(path: str, rev: int, language: str) -> tuple[list[str], dict[str, str]]:
    return pickers.country_names(_snapshot(path, rev).graph, language)


def country_options() -> tuple[list[str], Callable[[Any], str]]:
    """Return ``(the registry's country codes sorted by name, format_func)`` for country pickers, cached per revision."""
    codes, names = _countries(*db_key(), lang())
    return codes, lambda cc: names.get(cc, "" if cc is None else str(cc))


#: Entity pickers list every entity up to this many; past it they list the matches of a search
#: (Streamlit formats and sends every option of every picker on each rerun: 1.5 s at 100k).
MAX_PICKER_OPTIONS = 2000
#: How many matches of a search a picker lists.
PICKER_MATCHES = 200


@st.cache_resource(show_spinner=False, max_entries=64)
def _choices(
    path: str, rev: int, flt: GraphFilter, categories: frozenset[str], language: str, home_id: str | None = None,
) -> tuple[list[str], dict[str, str]]:
    return pickers.entity_names(_filtered(path, rev, flt, categories, home_id), language)


@st.cache_resource(show_spinner=False, max_entries=64)
def _matches(
    path: str, rev: int, flt: GraphFilter, categories: frozenset[str], language: str, home_id: str | None, query: str,
) -> list[str]:
    return pickers.find_entities(*_choices(path, rev, flt, categories, language, home_id), query, PICKER_MATCHES)


def entity_options(
    flt: GraphFilter, categories: frozenset[str], query: str = "", keep: Iterable[str | None] = ()
) -> tuple[list[str], Callable[[Any], str]]:
    """Return ``(node ids sorted by name, format_func)`` for entity pickers over the filtered graph.

    Every entity when there are at most :data:`MAX_PICKER_OPTIONS`; otherwise the
    first :data:`PICKER_MATCHES` whose name contains ``query`` (none for an empty
    query), plus the entities in ``keep`` (the pickers' current values). Cached
    per revision, filter and language; callers treat the list as read-only.
    """
    key = (*db_key(), flt, frozenset(categories), lang(), _category_home(categories))
    g = _filtered(*key[:4], key[5])
    if g.number_of_nodes() <= MAX_PICKER_OPTIONS:
        choices, names = _choices(*key)
        return choices, lambda o: names.get(o, "" if o is None else str(o))
    found = _matches(*key, query.strip()) if query.strip() else []
    kept = [n for n in dict.fromkeys(keep) if n in g and n not in found]
    shown = {n: view.display_name(g.nodes[n], key[4], n) for n in [*found, *kept]}
    choices = sorted(shown, key=lambda n: shown[n].casefold()) if kept else found
    return choices, lambda o: shown.get(o, "" if o is None else str(o))


@st.cache_data(show_spinner=False, max_entries=8)
def _years(path: str, rev: int, last: int) -> tuple[int, int]:
    return view.year_range(_snapshot(path, rev).graph, last)


def year_span() -> tuple[int, int]:
    """Return ``(first start year in the registry, this year)`` for as-of sliders."""
    return _years(*db_key(), date.today().year)


# --- small shared widgets --------------------------------------------------------------------


def csv_button(frame: pd.DataFrame, file_name: str, key: str) -> None:
    """Show a CSV download of ``frame`` (UTF-8, header row) next to the table it belongs to."""
    st.download_button(
        t("common.download_csv"), frame.to_csv(index=False).encode("utf-8"), file_name=file_name,
        mime="text/csv", key=key, icon=":material/download:",
    )


def from_url(key: str, options: Iterable[Any] | None = None, many: bool = False) -> Any:
    """Return the value ``?key=`` of the page's address gives a widget (None when absent or not among ``options``).

    On a session's first view of the page (the widget has no state yet) the value
    also becomes the widget's state, so a shared address opens the same view.
    Lists are repeated parameters (``?net_kinds=city&net_kinds=country``).
    """
    if key in st.session_state or key not in st.query_params:
        return None
    allowed = None if options is None else {str(o): o for o in options}
    values = st.query_params.get_all(key) if many else [st.query_params.get(key)]
    if allowed is not None:
        values = [allowed[v] for v in values if v in allowed]
    value = values if many else (values[0] if values else None)
    if value is not None and value != []:
        st.session_state[key] = value
    return value


def keep_in_url(values: dict[str, Any]) -> None:
    """Write the language and the page's chosen filters into the address (empty ones left out), for a shareable view."""
    params: dict[str, Any] = {"lang": lang()}
    for key, value in values.items():
        if value in (None, "", [], False):
            continue
        params[key] = [str(v) for v in value] if isinstance(value, (list, tuple)) else ("1" if value is True else str(value))
    st.query_params.from_dict(params)


def blank(frame: pd.DataFrame) -> pd.DataFrame:
    """Return ``frame`` with empty values in its text columns as '' (st.dataframe would show them as 'None')."""
    text = [c for c in frame.columns if frame[c].dtype == object or pd.api.types.is_string_dtype(frame[c])]
    return frame.assign(**{c: frame[c].astype(object).where(frame[c].notna(), "") for c in text}) if text else frame


def show_problems(problems: list[Any]) -> None:
    """Show validation problems (file, row, column, reason) as an error and a table, the reasons in the page's language."""
    st.error(t("common.problems", n=len(problems)))
    columns = [t("col.file"), t("col.row"), t("col.column"), t("col.reason")]
    st.dataframe(pd.DataFrame(messages.problem_rows(problems, lang()), columns=columns), hide_index=True)


def name_of(g: nx.MultiDiGraph, node: str | None) -> str:
    """Return the display name of ``node`` in ``g`` (its id when unknown)."""
    if node is None:
        return ""
    return view.display_name(g.nodes[node], lang(), node) if node in g else str(node)


def form_key(name: str) -> str:
    """Return the key prefix of the form ``name`` for this run: ``name``, renewed after each save that empties it.

    Forms are not cleared on submit (a refused save keeps what was typed); once a save has
    gone through, :func:`renew_form` gives the fields new keys, so they start again from their defaults
    (the browser keeps a field's text as long as its key lives).
    """
    n = st.session_state.get("_form_generation", {}).get(name, 0)
    return name if n == 0 else f"{name}~{n}"


def renew_form(name: str) -> None:
    """Empty the form ``name`` on the next run (see :func:`form_key`)."""
    generations = st.session_state.setdefault("_form_generation", {})
    generations[name] = generations.get(name, 0) + 1


def require_editor() -> bool:
    """Return True when an editor is named; otherwise show how to become one."""
    if current_actor():
        return True
    # Point to a sign-in only where there is one (OIDC); otherwise say editing is off here.
    oidc = _editor_config().mode == "oidc"
    st.info(t("common.need_editor" if oidc else "common.need_editor_local"), icon=":material/person:")
    return False

