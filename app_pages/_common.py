"""What the frame and the pages share: the helpers of the private modules below, re-exported, and the picker limit."""

# Pages import from here, so they need not know which module holds a helper. The modules below
# never import this one; the page helpers that read the picker limit (_pickers, _registry_*) do,
# and are imported by their pages directly.

from app_pages._database import cached, cached_in_context, changed, close_run, conn, db_key, deferred, open_run, registry_snapshot
from app_pages._editor import current_actor, editor_sidebar, require_editor
from app_pages._forms import form_key, renew_form
from app_pages._graph import graph, suggestions, year_span
from app_pages._home import home, home_picker, require_home
from app_pages._network_view import network_html
from app_pages._tables import blank, csv_button, download, show_failure, show_form_problems, show_problems
from app_pages._text import country, formatter, label, lang, md, md_source, name_of, relabel_widgets, t
from app_pages._url import from_url, keep_in_url

#: Pickers list every option up to this many; past it they list the matches of a search or the rows
#: shown (Streamlit formats and sends every option of every picker on each rerun: 1.5 s at 100k).
#: One number for every page, read at each use (the tests lower it here).
MAX_PICKER_OPTIONS = 2000

__all__ = [
    "MAX_PICKER_OPTIONS",
    "blank",
    "cached",
    "cached_in_context",
    "changed",
    "close_run",
    "conn",
    "country",
    "csv_button",
    "current_actor",
    "db_key",
    "deferred",
    "download",
    "editor_sidebar",
    "form_key",
    "formatter",
    "from_url",
    "graph",
    "home",
    "home_picker",
    "keep_in_url",
    "label",
    "lang",
    "md",
    "md_source",
    "name_of",
    "network_html",
    "open_run",
    "registry_snapshot",
    "relabel_widgets",
    "renew_form",
    "require_editor",
    "require_home",
    "show_failure",
    "show_form_problems",
    "show_problems",
    "suggestions",
    "t",
    "year_span",
]
