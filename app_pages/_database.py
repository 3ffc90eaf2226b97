"""This run's registry connection and revision, and registry results cached per database revision."""

from __future__ import annotations

import importlib
import inspect
import sqlite3
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import streamlit as st

from app_pages._text import t
from registry.analysis.context import Context, prepare
from registry.io import seed
from registry.network.graph import Snapshot, snapshot
from registry.store import db

# One connection per script run, opened by the frame and closed when the run ends: SQLite
# connections must not cross threads, and every rerun runs on a new thread.
_run = threading.local()

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
            raise ValueError(f"unknown argument {arg!r}: the app takes only --db PATH (streamlit run app.py -- --db PATH)", arg)
    return found


def open_run() -> None:
    """Open this run's connection to the registry (seeding an empty one); called by the frame.

    The registry is the file given as ``--db PATH`` after ``--``, else ``$REGISTRY_DB``,
    else ``registry.db`` in the project.
    """
    try:
        path = db_argument(sys.argv) or db.default_db_path()
    except ValueError as exc:
        st.error(t("app.bad_argument", arg=exc.args[1] if len(exc.args) > 1 else str(exc)))
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


# The path and revision are arguments only to key the cache: a write makes a new revision, so a new entry.
@st.cache_data(show_spinner=False, max_entries=1024)
def _data(qualname: str, path: str, rev: int, args: tuple[Any, ...], kwargs: tuple[tuple[str, Any], ...]) -> Any:
    return _resolve(qualname)(conn(), *args, **dict(kwargs))


def cached(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Return ``fn(conn, *args, **kwargs)`` for a registry function, cached per database revision.

    The result is a copy (st.cache_data), so a page may change it freely.
    """
    path, rev = db_key()
    return _data(f"{fn.__module__}:{fn.__qualname__}", path, rev, args, tuple(sorted(kwargs.items())))


# A resource (shared, not copied): callers treat the snapshot and its graph as read-only.
@st.cache_resource(show_spinner=False, max_entries=8)
def revision_snapshot(path: str, rev: int) -> Snapshot:
    """Return the whole registry in memory at ``(path, rev)`` (a :func:`db_key`), computed once per revision."""
    return snapshot(conn())


def registry_snapshot() -> Snapshot:
    """Return the whole registry in memory (graph, decisions, plan lines) for this revision."""
    return revision_snapshot(*db_key())


@st.cache_resource(show_spinner=False, max_entries=8)
def revision_context(path: str, rev: int, home_id: str | None) -> Context:
    """Return the registry at ``(path, rev)`` prepared for ``home_id`` as of today, once per revision (read-only, shared)."""
    return prepare(revision_snapshot(path, rev), home_id=home_id)


@st.cache_data(show_spinner=False, max_entries=256)
def _in_context(qualname: str, path: str, rev: int, home_id: str | None, args: tuple[Any, ...], kwargs: tuple[tuple[str, Any], ...]) -> Any:
    fn = _resolve(qualname)
    # A function that chooses a home is told the context's own: left to its default, it would re-cut the
    # registry for the configured home whenever the page shows another.
    chosen = {"home_id": home_id} if "home_id" in inspect.signature(fn).parameters else {}
    return fn(revision_context(path, rev, home_id), *args, **dict(kwargs), **chosen)


def cached_in_context(fn: Callable[..., Any], *args: Any, home_id: str | None = None, **kwargs: Any) -> Any:
    """Return ``fn(context, *args, **kwargs)`` (and ``home_id`` when ``fn`` takes one) for a registry function of a context, cached per revision.

    The functions a page calls share one :func:`revision_context` for ``home_id``: the
    registry is read, and the home's network cut out, once per revision instead of once
    per function (each would do both when handed the connection).
    """
    path, rev = db_key()
    return _in_context(f"{fn.__module__}:{fn.__qualname__}", path, rev, home_id, args, tuple(sorted(kwargs.items())))
