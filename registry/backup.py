"""Backing up and restoring a registry file, safely while the app runs (SQLite's online backup API)."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from .checks import AUDIT_TRIGGERS, audit_protection
from .errors import CannotWrite, RegistryError
from .store.db import BUSY_TIMEOUT_MS, connect
from .store.migrations import MIGRATIONS
from .store.schema import TABLES

__all__ = ["Snapshot", "Restored", "NotARegistry", "Unprotected", "RestoredNotMigrated", "verify", "backup", "restore"]

_HEADER = b"SQLite format 3\x00"
# Schema objects a registry may hold besides its tables and indexes; a restored file with
# any other trigger or a view would bring code of its own into the live registry.
_TRIGGERS = set(AUDIT_TRIGGERS)
#: The migration that makes the audit log append-only: from it on, both triggers must be intact.
_APPEND_ONLY = "003_audit_append_only"


class NotARegistry(RegistryError):
    """The file is not a registry backup this version can restore."""


class Unprotected(NotARegistry):
    """The audit log of this file has lost its append-only protection, so its history may have been edited."""


class RestoredNotMigrated(RegistryError):
    """The backup was put in place, but bringing it to the current schema failed; opening the registry again retries."""


@dataclass(frozen=True)
class Snapshot:
    """A registry file and the number of rows in each of its tables (the audit log included)."""

    path: Path
    counts: dict[str, int]
    #: The audit log's append-only triggers the file lacks or holds changed ({name: 'missing' | 'changed'}).
    unprotected: dict[str, str] = field(default_factory=dict)

    def summary(self) -> str:
        """Return the counts as one line: '53 entities, 46 ties, ..., 99 audit'."""
        return ", ".join(f"{n} {table}" for table, n in self.counts.items())


@dataclass(frozen=True)
class Restored:
    """What :func:`restore` did: the registry right after the restore, and where the one it replaced was kept.

    ``registry`` is counted after the copy and migration; a session may already
    have written to it by then. ``previous`` holds every change made to the
    replaced registry up to the moment of the restore.
    """

    registry: Snapshot
    previous: Path | None


def _open(path: Path) -> sqlite3.Connection:
    # A plain connection: backing up must not migrate or otherwise write to the source.
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def _counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {name: conn.execute(f"SELECT count(*) FROM [{name}]").fetchone()[0] for name in TABLES}


def verify(path: str | os.PathLike[str], *, protected: bool = True) -> Snapshot:
    """Return the row counts of the registry file at ``path``; raise NotARegistry when it is not one.

    Checks, without writing to the file: it is an SQLite database that passes
    ``PRAGMA integrity_check``; its migrations are ones this version knows (a backup
    from a newer version is refused); every registry table has its columns; it
    holds no view and no trigger but the registry's own; and the audit log's
    append-only triggers are exactly as migration 003 made them (absent only in a
    file made before that migration, which restoring adds). With ``protected``
    (the default) a file whose triggers are missing or changed raises Unprotected;
    without, the Snapshot lists them in ``unprotected``.
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
        counts, unprotected = _check(conn, p)
    except sqlite3.DatabaseError as exc:
        raise NotARegistry(f"{p}: damaged or not a registry ({exc})") from None
    finally:
        conn.close()
    if protected and unprotected:
        raise Unprotected(
            f"{p}: the audit log's append-only triggers are not intact ({_describe(unprotected)}), "
            "so its entries may have been changed; it is not restored (check the file, or restore an older backup)"
        )
    return Snapshot(p, counts, unprotected)


def _describe(unprotected: dict[str, str]) -> str:
    return ", ".join(f"{name} {state}" for name, state in unprotected.items())


def _check(conn: sqlite3.Connection, p: Path) -> tuple[dict[str, int], dict[str, str]]:
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
    unprotected = audit_protection(conn)
    if _APPEND_ONLY not in applied:
        # Made before the triggers existed: restoring migrates and adds them. A trigger of
        # that name is still checked, as it would be kept (the migration adds them IF NOT EXISTS).
        unprotected = {name: state for name, state in unprotected.items() if state != "missing"}
    return _counts(conn), unprotected


def backup(source: str | os.PathLike[str], dest: str | os.PathLike[str]) -> Snapshot:
    """Return the verified copy written to ``dest`` of the registry at ``source``.

    The copy is one consistent snapshot taken in a single read transaction, so the
    app may keep reading and writing meanwhile (WAL lets a writer go on during the
    read). It is written to a temporary file beside ``dest``, checked, and then
    renamed over ``dest``: ``dest`` never holds half a backup. The copy is a single
    self-contained file (rollback journal, no ``-wal`` beside it). A registry whose
    audit log lost its append-only triggers is still copied (a copy never loses
    data); the Snapshot's ``unprotected`` says so, and :func:`restore` refuses it.
    """
    src_path, dest_path = Path(source), Path(dest)
    if not src_path.is_file():
        raise NotARegistry(f"{src_path}: no such registry file")
    if dest_path.exists() and dest_path.resolve() == src_path.resolve():
        raise RegistryError("the backup would overwrite the registry itself; choose another file")
    _copy(src_path, dest_path)
    _copy_key(src_path, dest_path)
    return verify(dest_path, protected=False)


def _key(db: Path) -> Path:
    return db.with_name(db.name + ".key")


def _copy_key(src_db: Path, dest_db: Path) -> None:
    # The audit key lives beside the registry file, not in it (privacy.salt): a copy that is to be
    # restored needs it, or its log's digests could not be compared. Keep the two apart when a copy
    # leaves the office (docs/data-safety.md, Erasure and the audit key).
    src, dest = _key(src_db), _key(dest_db)
    if not src.is_file():
        return  # the key is in $REGISTRY_AUDIT_KEY, or the file predates migration 007
    tmp = dest.with_name(f".{dest.name}.partial-{os.getpid()}")
    try:
        tmp.write_bytes(src.read_bytes())
        os.chmod(tmp, 0o600)
        os.replace(tmp, dest)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise CannotWrite(dest, exc.strerror or str(exc)) from None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's process: alive, and not ours to judge
    return True


def remove_stale_partials(dest_path: Path) -> list[Path]:
    """Return the partial copies of ``dest_path`` left by killed backups, after removing them.

    A backup writes ``.DEST.partial-PID`` and renames it into place; a process killed
    meanwhile (kill -9, power) leaves a full hidden copy of the registry behind, personal
    data included. One whose process is gone is removed; a running backup's is kept.
    """
    gone = []
    for p in dest_path.parent.glob(f".{dest_path.name}.partial-*"):
        pid = p.name.rsplit("-", 1)[-1]
        if pid.isdigit() and not _alive(int(pid)):
            p.unlink(missing_ok=True)
            gone.append(p)
    return gone


def _copy(src_path: Path, dest_path: Path) -> None:
    # The committed registry at src_path into dest_path, through a checked temporary file.
    tmp = dest_path.with_name(f".{dest_path.name}.partial-{os.getpid()}")
    if dest_path.parent.is_dir():
        remove_stale_partials(dest_path)
    try:
        dest_path.parent.mkdir(parents=True, exist_ok=True)
        tmp.unlink(missing_ok=True)
        out = sqlite3.connect(str(tmp), isolation_level=None)
    except (OSError, sqlite3.Error) as exc:
        raise CannotWrite(dest_path, getattr(exc, "strerror", None) or str(exc)) from None
    src = _open(src_path)
    try:
        try:
            src.backup(out)  # all pages in one step: one snapshot, however busy the source is
            out.execute("PRAGMA journal_mode = DELETE")
        except sqlite3.OperationalError as exc:  # disk full, or the folder refused the journal
            raise CannotWrite(dest_path, str(exc)) from None
        finally:
            out.close()
        _fsync(tmp)
        verify(tmp, protected=False)
        try:
            os.replace(tmp, dest_path)
        except OSError as exc:
            raise CannotWrite(dest_path, exc.strerror or str(exc)) from None
    finally:
        src.close()
        tmp.unlink(missing_ok=True)


def restore(source: str | os.PathLike[str], target: str | os.PathLike[str], *, keep_previous: bool = True) -> Restored:
    """Return the registry at ``target`` after replacing its contents with the backup ``source``.

    ``source`` is verified first (:func:`verify`, which refuses a file whose audit
    log lost its append-only triggers); nothing is touched if it is not a
    registry. The contents are copied into the live file with the backup API,
    which holds the write lock for the whole copy: other sessions wait (busy
    timeout), and those reading see either the old registry or the restored one,
    never a mix. With ``keep_previous`` the current registry is first copied beside
    itself (``<name>.before-restore-<UTC time>.db``) while that lock is held, so the
    copy holds every change written before the restore and none is lost between
    the two; if that copy fails, nothing is restored. Older backups are migrated to
    the current schema afterwards; if that fails the registry is already replaced,
    and RestoredNotMigrated says so.
    """
    src_path, target_path = Path(source), Path(target)
    verify(src_path)
    if target_path.exists() and target_path.resolve() == src_path.resolve():
        raise RegistryError("the backup is the registry itself; nothing to restore")
    previous = None
    if keep_previous and target_path.is_file():
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        previous = target_path.with_name(f"{target_path.stem}.before-restore-{stamp}.db")
    src = sqlite3.connect(f"{src_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        live = connect(target_path, migrate=False)
        try:
            _copy_into(src, live, lambda: _keep(target_path, previous) if previous else None)
        except sqlite3.Error as exc:
            # The copy is one transaction on the live file: when it fails, nothing changed.
            raise RegistryError(f"could not copy {src_path} into {target_path} ({exc}); the registry is unchanged") from None
        finally:
            live.close()
    finally:
        src.close()
    if _key(src_path).is_file():
        _copy_key(src_path, target_path)
    elif _key(target_path).is_file():
        # A backup from before migration 007 carries its key inside: migrating moves it out, and
        # the live file's key (kept beside the previous registry) must make way for it.
        if previous is None:
            os.replace(_key(target_path), _key(target_path).with_name(_key(target_path).name + ".before-restore"))
        else:
            _key(target_path).unlink()
    try:
        conn = connect(target_path)  # migrates a backup made before later migrations
        try:
            counts = _counts(conn)
            unprotected = audit_protection(conn)
        finally:
            conn.close()
    except (RegistryError, sqlite3.Error) as exc:
        kept = f"; the registry it replaced is kept at {previous}" if previous else ""
        raise RestoredNotMigrated(f"{src_path} was restored into {target_path}, but migrating it failed ({exc}){kept}") from None
    if unprotected:  # pragma: no cover - verified above, and migration 003 makes the triggers
        raise RestoredNotMigrated(f"{target_path} was restored, but its audit log's triggers are not intact ({_describe(unprotected)})")
    return Restored(Snapshot(target_path, counts), previous)


def _keep(target_path: Path, previous: Path) -> None:
    _copy(target_path, previous)
    _copy_key(target_path, previous)


def _copy_into(src: sqlite3.Connection, live: sqlite3.Connection, while_locked: Callable[[], None]) -> None:
    # The backup API takes the live file's write lock with its first step and keeps it until
    # the last: ``while_locked`` runs after the first step, when no session can write any
    # more and every session still reads the old registry (nothing is committed yet). An
    # error it raises aborts the copy, and the live file stays as it was. The first step
    # must leave pages over, or it would already have committed: a registry has dozens.
    pages = src.execute("PRAGMA page_count").fetchone()[0]
    step = max(1, min(64, pages - 1))
    done: list[bool] = []

    def progress(status: int, remaining: int, total: int) -> None:
        if not done:
            done.append(True)
            while_locked()

    src.backup(live, pages=step, progress=progress)


def _fsync(path: Path) -> None:
    # The rename must not reach the disk before the data it names.
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
