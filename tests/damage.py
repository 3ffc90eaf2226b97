"""A registry file damaged on purpose, for the tests of what the app and the CLI do with one."""

from __future__ import annotations

from pathlib import Path

from registry import connect


def damage_ties(path: Path) -> None:
    """Overwrite the head of the ties table's root page: SQLite's quick check then fails, reads of entities work."""
    conn = connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'ties'").fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with open(path, "r+b") as fh:
        fh.seek((root - 1) * size)
        fh.write(b"\xff" * 64)
