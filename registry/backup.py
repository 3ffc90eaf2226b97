"""Backing up and restoring a registry file, safely while the app runs (SQLite's online backup API)."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from .db import BUSY_TIMEOUT_MS, connect
from .errors import RegistryError
from .schema import MIGRATIONS, TABLES

__all__ = ["Snapshot", "Restored", "NotARegistry", "verify", "backup", "restore"]

_HEADER = b"SQLite format 3\x00"
# Schema objects a registry may hold besides its tables and indexes; a restored file with
# any other trigger or a view would bring code of its own into the live registry.
_TRIGGERS = {"audit_no_update", "audit_no_delete"}


class NotARegistry(RegistryError):
    """The file is not a registry backup this version can restore."""


@dataclass(frozen=True)
class Snapshot:
    """A registry file and the number of rows in each of its tables (the audit log included)."""

    path: Path
    counts: dict[str, int]

    def summary(self) -> str:
        """Return the counts as one line: '53 entities, 46 ties, ..., 99 audit'."""
        return ", ".join(f"{n} {table}" for table, n in self.counts.items())


@dataclass(frozen=True)
class Restored:
    """What :func:`restore` did: the registry as restored, and where the one it replaced was kept."""

    registry: Snapshot
    previous: Path | None


def _open(path: Path) -> sqlite3.Connection:
    # A plain connection: backing up must not migrate or otherwise write to the source.
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def _counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {name: conn.execute(f"SELECT count(*) FROM [{name}]").fetchone()[0] for name in TABLES}


def verify(path: str | os.PathLike[str]) -> Snapshot:
    """Return the row counts of the registry file at ``path``; raise NotARegistry when it is not one.

    Checks, without writing to the file: it is an SQLite database that passes
    ``PRAGMA integrity_check``; its migrations are ones this version knows (a backup
    from a newer version is refused); every registry table has its columns; and it
    holds no view and no trigger but the registry's own.
    """
    p = Path(path)
    try:
        with open(p, "rb") as fh:
            head = fh.read(len(_HEADER))
    except OSError as exc:
        raise NotARegistry(f"{p}: cannot read the file ({exc.strerror})") from None
    if head != _HEADER:
        raise NotARegistry(f"{p}: not an SQLite database")
    try:
        conn = sqlite3.connect(f"{p.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        raise NotARegistry(f"{p}: cannot open the database ({exc})") from None
    try:
        return Snapshot(p, _check(conn, p))
    except sqlite3.DatabaseError as exc:
        raise NotARegistry(f"{p}: damaged or not a registry ({exc})") from None
    finally:
        conn.close()


def _check(conn: sqlite3.Connection, p: Path) -> dict[str, int]:
    problems = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    if problems != ["ok"]:
        raise NotARegistry(f"{p}: fails SQLite's integrity check: {'; '.join(problems[:5])}")
    objects = {(kind, name) for kind, name in conn.execute("SELECT type, name FROM sqlite_master")}
    if ("table", "migrations") not in objects:
        raise NotARegistry(f"{p}: has no migrations table, so it is not a registry")
    known = [name for name, _ in MIGRATIONS]
    applied = {r[0] for r in conn.execute("SELECT name FROM migrations")}
    if applied - set(known):
        raise NotARegistry(f"{p}: made by a newer version (migrations {', '.join(sorted(applied - set(known)))})")
    for t in TABLES.values():
        if ("table", t.name) not in objects:
            raise NotARegistry(f"{p}: the table {t.name} is missing")
        have = {r[1] for r in conn.execute(f"PRAGMA table_info([{t.name}])")}
        missing = [c for c in t.names if c not in have]
        if missing:
            raise NotARegistry(f"{p}: {t.name} lacks the columns {', '.join(missing)}")
    extra = sorted(name for kind, name in objects if kind == "view" or (kind == "trigger" and name not in _TRIGGERS))
    if extra:
        raise NotARegistry(f"{p}: holds views or triggers a registry does not have: {', '.join(extra)}")
    return _counts(conn)


def backup(source: str | os.PathLike[str], dest: str | os.PathLike[str]) -> Snapshot:
    """Return the verified copy written to ``dest`` of the registry at ``source``.

    The copy is one consistent snapshot taken in a single read transaction, so the
    app may keep reading and writing meanwhile (WAL lets a writer go on during the
    read). It is written to a temporary file beside ``dest``, checked, and then
    renamed over ``dest``: ``dest`` never holds half a backup. The copy is a single
    self-contained file (rollback journal, no ``-wal`` beside it).
    """
    src_path, dest_path = Path(source), Path(dest)
    if not src_path.is_file():
        raise NotARegistry(f"{src_path}: no such registry file")
    if dest_path.exists() and dest_path.resolve() == src_path.resolve():
        raise RegistryError("the backup would overwrite the registry itself; choose another file")
    dest_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest_path.with_name(f".{dest_path.name}.partial-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    src = _open(src_path)
    try:
        out = sqlite3.connect(str(tmp), isolation_level=None)
        try:
            src.backup(out)  # all pages in one step: one snapshot, however busy the source is
            out.execute("PRAGMA journal_mode = DELETE")
        finally:
            out.close()
        _fsync(tmp)
        verify(tmp)
        os.replace(tmp, dest_path)
    finally:
        src.close()
        tmp.unlink(missing_ok=True)
    return verify(dest_path)


def restore(
    source: str | os.PathLike[str], target: str | os.PathLike[str], *, keep_previous: bool = True
) -> Restored:
    """Return the registry at ``target`` after replacing its contents with the backup ``source``.

    ``source`` is verified first (:func:`verify`); nothing is touched if it is not a
    registry. With ``keep_previous`` the current registry is backed up beside itself
    (``<name>.before-restore-<UTC time>.db``) so a mistaken restore can be undone.
    The contents are then copied into the live file with the backup API, which holds
    the write lock for the whole copy: other sessions wait (busy timeout), and those
    reading see either the old registry or the restored one, never a mix. Older
    backups are migrated to the current schema afterwards.
    """
    src_path, target_path = Path(source), Path(target)
    wanted = verify(src_path)
    if target_path.exists() and target_path.resolve() == src_path.resolve():
        raise RegistryError("the backup is the registry itself; nothing to restore")
    previous = None
    if keep_previous and target_path.is_file():
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
        previous = backup(target_path, target_path.with_name(f"{target_path.stem}.before-restore-{stamp}.db")).path
    src = sqlite3.connect(f"{src_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        live = connect(target_path, migrate=False)
        try:
            src.backup(live)
        except sqlite3.Error as exc:
            # The copy is one transaction on the live file: when it fails, nothing changed.
            raise RegistryError(f"could not copy {src_path} into {target_path} ({exc}); the registry is unchanged") from None
        finally:
            live.close()
    finally:
        src.close()
    conn = connect(target_path)  # migrates a backup made before later migrations
    try:
        counts = _counts(conn)
    finally:
        conn.close()
    if counts != wanted.counts:  # pragma: no cover - the backup API copies every page or fails
        raise RegistryError(f"restored {counts}, expected {wanted.counts}; the previous registry is at {previous}")
    return Restored(Snapshot(target_path, counts), previous)


def _fsync(path: Path) -> None:
    # The rename must not reach the disk before the data it names.
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
