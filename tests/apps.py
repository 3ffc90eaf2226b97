"""Starting the app under Streamlit's AppTest, shared by every test that opens a page.

The registry file comes from the ``registry_db`` fixture in ``conftest.py`` (a fresh
file per test, named by ``REGISTRY_DB``); the app creates and seeds it on first run,
as it does for a user.
"""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
#: The page scripts the navigation lists, by file stem (the private modules start with "_").
PAGES = ["overview", "network", "map", "entity", "sister_cities", "gaps", "strategy", "annual_report", "registry_browser", "import_export"]


def start(lang: str = "nb", editor: str | None = None, *, user: dict | None = None, secrets: dict | None = None) -> AppTest:
    """Return the app after its first run in ``lang``, as ``editor`` (local sign-in) or ``user`` when given."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["lang"] = lang
    if editor:
        # Local single-user mode (registry.auth): the configured editor, recorded as 'app:<name>'.
        at.secrets["registry"] = {"auth": "local", "editor": editor}
    if user is not None:
        at.user = user
    if secrets:
        at.secrets.update(secrets)
    return at.run()


def content(at: AppTest, saved: dict[str, bytes], key: str) -> bytes:
    """Return the bytes the download button ``key`` serves (``saved`` is the ``downloads`` fixture)."""
    url = at.download_button(key=key).proto.url
    return saved[url.rsplit("/", 1)[-1].split(".")[0]]


def address(at: AppTest) -> dict[str, list[str]]:
    """The page's query parameters, each as a list of values."""
    return {k: list(v) if isinstance(v, (list, tuple)) else [v] for k, v in at.query_params.items()}
