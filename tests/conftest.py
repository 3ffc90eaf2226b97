"""Shared fixtures: a fresh registry file per test, empty or seeded from data/, and the app's own file."""

from __future__ import annotations

import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

from registry import connect, load_seed


@pytest.fixture
def registry_db(tmp_path, monkeypatch):
    """The app's registry file (``REGISTRY_DB``), fresh per test, with no sign-in set from the environment."""
    path = tmp_path / "app.db"
    monkeypatch.setenv("REGISTRY_DB", str(path))
    for name in ("REGISTRY_AUTH", "REGISTRY_EDITOR", "REGISTRY_EDITORS"):
        monkeypatch.delenv(name, raising=False)
    return path


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "registry.db"


@pytest.fixture
def conn(db_path):
    c = connect(db_path)
    yield c
    c.close()


@pytest.fixture
def seeded(conn):
    load_seed(conn)
    return conn


def table_snapshot(conn):
    """Every row of every data table and the audit log, for before/after comparisons."""
    return {t: conn.execute(f"SELECT * FROM [{t}] ORDER BY 1").fetchall() for t in ("entities", "ties", "decisions", "plan_lines", "audit")}


@pytest.fixture
def downloads(monkeypatch):
    """Record the bytes of every download button, by media file id (AppTest keeps no copy)."""
    saved: dict[str, bytes] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def record(self, path_or_data, mimetype, kind, filename=None):  # type: ignore[no-untyped-def]
        file_id = original(self, path_or_data, mimetype, kind, filename)
        saved[file_id] = path_or_data
        return file_id

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", record)
    return saved
