"""Creating a registry and loading the sourced seed data from ``data/``."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..store.db import PROJECT_ROOT, connect, is_seeded
from ..store.schema import DATA_TABLES
from .ingest import ImportReport, import_files

__all__ = ["DATA_DIR", "SEED_ACTOR", "seed_files", "load_seed", "init", "ensure_seeded"]

DATA_DIR = PROJECT_ROOT / "data"
SEED_ACTOR = "seed"


def seed_files(data_dir: Path = DATA_DIR) -> list[Path]:
    """Return the seed CSVs in ``data_dir``, one per data table that has a file."""
    return [data_dir / f"{t.name}.csv" for t in DATA_TABLES if (data_dir / f"{t.name}.csv").exists()]


def load_seed(conn: sqlite3.Connection, data_dir: Path = DATA_DIR) -> ImportReport:
    """Load the seed CSVs into ``conn`` in one transaction; return the import report."""
    return import_files(conn, list(seed_files(data_dir)), actor=SEED_ACTOR)


def init(path: str | Path | None = None, *, force: bool = False, data_dir: Path = DATA_DIR) -> ImportReport:
    """Create (or with ``force`` recreate) the registry at ``path`` and load the seed; return the report.

    Without ``force`` an existing, non-empty registry is left as it is and the
    report counts its seed rows as unchanged or updated.
    """
    from ..store.db import default_db_path

    target = Path(path) if path is not None else default_db_path()
    if force and target.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
    conn = connect(target)
    try:
        return load_seed(conn, data_dir)
    finally:
        conn.close()


def ensure_seeded(path: str | Path | None = None) -> sqlite3.Connection:
    """Return a connection to the registry at ``path``, created and seeded first if empty."""
    conn = connect(path)
    if not is_seeded(conn):
        load_seed(conn)
    return conn
