"""The app on a real server and in a real browser, for the tests that need them.

:func:`serve` runs ``streamlit run app.py`` on a free port (tests/browser/test_browser.py, tests/browser/test_origin.py);
the ``browser`` fixture launches Debian's Chromium once a module; :func:`opened` and :func:`tabs` give
fresh pages in their own contexts; :class:`Watch` records what a page did (errors, requests to other
hosts, dialogs); :func:`settle`, :func:`choose`, :func:`until_in_frame` and :func:`network_frame` wait
for and drive Streamlit's widgets. A test module gets the ``browser`` fixture by importing its
function (``from tests.browser_kit import chromium``).
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from bench.server import free_port  # noqa: F401 - the tests take it from this kit
from bench.server import serve as serve_app

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
SHOTS = ROOT / "screenshots"
#: Chromium without the background requests it makes to Google's hosts (Watch would count them).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
#: Waits until Streamlit's "running" indicator is gone.
_IDLE = "() => !document.querySelector('[data-testid=\"stStatusWidget\"] button')"


class Server:
    """A running ``streamlit run app.py``: its address, port, database and log file."""

    def __init__(self, url: str, port: int, db: Path, log: Path):
        self.url = url
        self.port = port
        self.db = db  # for tests that check what a page wrote
        self.log = log

    def log_text(self) -> str:
        """Return the last 8,000 characters of the server's log."""
        return self.log.read_text(encoding="utf-8", errors="replace")[-8000:]

    @contextlib.contextmanager
    def explained(self) -> Iterator[None]:
        """Re-raise any failure with the server's log attached."""
        try:
            yield
        except BaseException as exc:
            raise AssertionError(f"{exc}\n\n--- streamlit server log ---\n{self.log_text()}") from exc


@contextlib.contextmanager
def serve(db: Path, tmp: Path, **env: str) -> Iterator[Server]:
    """Run ``streamlit run app.py`` on ``db`` on a free port until the block ends; yield its :class:`Server`.

    The benchmark's server (:func:`bench.server.serve`) with the log in ``tmp / "server.log"``;
    ``env`` adds environment variables (``REGISTRY_EDITOR=...`` turns local editing on).
    """
    log = tmp / "server.log"
    try:
        with serve_app(db, log, timeout_s=60, **env) as url:
            yield Server(url, int(url.rsplit(":", 1)[1]), db, log)
    except RuntimeError as exc:
        if "the app did not start" not in str(exc):
            raise
        raise AssertionError(f"streamlit did not start\n{Server('', 0, db, log).log_text()}") from None


@pytest.fixture(scope="module", name="browser")
def chromium() -> Iterator[Any]:
    """Yield headless Chromium (Debian's, no download), shared by a module's tests."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@contextlib.contextmanager
def opened(browser: Any, width: int = 1400, height: int = 1800, **options: Any) -> Iterator[Any]:
    """Yield a new page in a context of its own (a session of its own), closed when the block ends.

    ``options`` go to ``browser.new_context`` (``accept_downloads=True``, ...).
    """
    context = browser.new_context(viewport={"width": width, "height": height}, **options)
    try:
        yield context.new_page()
    finally:
        context.close()


@contextlib.contextmanager
def tabs(browser: Any, n: int = 2) -> Iterator[list[Any]]:
    """Yield ``n`` pages in contexts of their own: two people (or two tabs) on the app at once."""
    with contextlib.ExitStack() as stack:
        yield [stack.enter_context(opened(browser)) for _ in range(n)]


class Watch:
    """What a page did: errors, console warnings, requests to any host but the app's, dialogs."""

    def __init__(self, page: Any, app_url: str):
        self.errors: list[str] = []
        self.foreign: list[str] = []
        self.dialogs: list[str] = []
        host = urlparse(app_url).netloc
        self.console: list[str] = []
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)

        def on_request(r: Any) -> None:
            u = urlparse(r.url)
            if u.scheme in ("http", "https", "ws", "wss") and u.netloc != host:
                self.foreign.append(r.url)

        page.on("request", on_request)

        def on_dialog(d: Any) -> None:
            self.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", on_dialog)


def settle(page: Any, title: str) -> None:
    """Wait until the page shows ``title`` and the script has finished running."""
    page.wait_for_selector(f"h1:has-text('{title}')", timeout=30000)
    page.wait_for_function(_IDLE, timeout=30000)
    page.wait_for_timeout(300)


def choose(page: Any, picker: str, text: str, typed: str = "onerror", within: Any = None) -> None:
    """Pick the option containing ``text`` in the select box labelled ``picker`` (typing ``typed`` to filter).

    ``within`` is a locator to look for the box in (a form), when the label is not unique on the page.

    Clicks the listed option itself: pressing Enter straight after typing picked
    nothing when the list had not caught up. A rerun that ends just after the box
    was opened draws it closed again, so a box whose list does not show is opened again.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    box = (within or page).locator("[data-testid='stSelectbox']").filter(has_text=picker)
    option = page.get_by_role("option").filter(has_text=text).first
    for attempt in range(3):
        box.click()
        page.keyboard.press("ControlOrMeta+A")  # replace what an earlier attempt typed
        page.keyboard.type(typed)
        try:
            option.wait_for(timeout=10000)
            break
        except PlaywrightTimeout:
            if attempt == 2:
                raise
            page.keyboard.press("Escape")
            page.wait_for_function(_IDLE, timeout=30000)
    option.click()


def until_in_frame(frame: Any, script: str, timeout_s: float = 30) -> None:
    """Wait until ``script`` is true in the network iframe (a new iframe replaces the old one on a rerun)."""
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            if frame.locator("body").evaluate(script, timeout=5000):
                return
        except Exception:  # noqa: BLE001 - the frame is being replaced; try again
            pass
        if time.monotonic() > deadline:
            raise AssertionError(f"not true in the network frame after {timeout_s} s: {script}")
        time.sleep(0.2)


def map_frame(page: Any) -> Any:
    """Return the Map page's drawing (its iframe), by its title in either language."""
    return page.frame_locator(
        "iframe[title='Verdenskart med registerets steder og forbindelser'], iframe[title=\"World map of the registry's places and ties\"]"
    )


def network_frame(page: Any) -> Any:
    """Return the network drawing's iframe, by its title in either language."""
    return page.frame_locator("iframe[title='Nettverksdiagram over forbindelsene'], iframe[title='Network diagram of the ties']")
