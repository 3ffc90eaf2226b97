"""Opening a registry: the SQLite file, its connection settings and transactions."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import Busy, CannotOpen, Damaged, NoRegistry
from . import migrations

__all__ = ["PROJECT_ROOT", "default_db_path", "connect", "open_existing", "transaction", "revision", "is_seeded", "check_intact"]

PROJECT_ROOT = Path(__file__).resolve().parent.parent.parent
BUSY_TIMEOUT_MS = 30_000
#: How long a write waits in all for another writer's lock before it gives up with Busy.
LOCK_WAIT_S = 120


def default_db_path() -> Path:
    """Return the registry path: ``$REGISTRY_DB`` or ``registry.db`` in the project (git-ignored)."""
    env = os.environ.get("REGISTRY_DB")
    return Path(env) if env else PROJECT_ROOT / "registry.db"


def connect(path: str | os.PathLike[str] | None = None, *, migrate: bool = True) -> sqlite3.Connection:
    """Return a connection to the registry at ``path`` (default: :func:`default_db_path`).

    The connection is in autocommit mode; writes use :func:`transaction`. WAL lets
    readers (app sessions) go on while one writer writes; the busy timeout makes a
    second writer wait instead of failing with "database is locked".
    """
    target = Path(path) if path is not None else default_db_path()
    try:
        if str(target) != ":memory:":
            target.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(target), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if str(target) != ":memory:":
            _retry(lambda: conn.execute("PRAGMA journal_mode = WAL"))
    except OSError as exc:  # a folder that cannot be made: a message, not a traceback
        raise CannotOpen(target, exc.strerror or str(exc)) from None
    except sqlite3.DatabaseError as exc:  # a folder, a file that is not SQLite, no permission
        if isinstance(exc, sqlite3.OperationalError) and _is_busy(exc):
            raise
        raise CannotOpen(target, str(exc)) from None
    conn.execute("PRAGMA synchronous = NORMAL")
    # Deleted or rewritten text is zeroed, not left in free space where a copy of the file shows it
    # (upstream SQLite leaves it off). erase checks it took and vacuums besides.
    conn.execute("PRAGMA secure_delete = ON")
    if migrate:
        _retry(lambda: migrations.migrate(conn))
    return conn


def open_existing(path: str | os.PathLike[str] | None = None) -> sqlite3.Connection:
    """Return a connection to the registry that already exists at ``path`` (default: :func:`default_db_path`).

    Raises NoRegistry when there is no file: commands that read or change a
    registry use this, so a mistyped path is refused instead of silently becoming
    a new, empty registry. Only ``init`` and the app's first start create one.
    """
    target = Path(path) if path is not None else default_db_path()
    if not target.is_file():
        raise NoRegistry(target)
    try:
        with open(target, "rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise CannotOpen(target, exc.strerror or str(exc)) from None
    if head != b"SQLite format 3\x00":  # SQLite would take a short file of anything for an empty database
        raise CannotOpen(target, "not an SQLite database, so not a registry")
    return connect(target)


def _retry(fn, attempts: int = 5):
    # Switching to WAL and migrating need a moment of exclusive access; when many
    # processes open a fresh file at once, SQLite can report busy without waiting.
    for i in range(attempts):
        try:
            return fn()
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc) or i == attempts - 1:
                raise
            time.sleep(0.05 * (2**i))


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Run the block in one write transaction; commit on success, roll back on any error.

    ``BEGIN IMMEDIATE`` takes the write lock up front: a deferred transaction that
    later writes fails with SQLITE_BUSY instead of waiting for the busy timeout.
    Nested use joins the outer transaction.
    """
    if conn.in_transaction:
        yield conn
        return
    check_intact(conn)
    _begin(conn)
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


# Marks a connection whose file passed the quick check, in its own temp schema (a connection takes
# no attributes and no weak references): the check runs once per connection, before its first write.
_INTACT = 0x51C


def check_intact(conn: sqlite3.Connection) -> None:
    """Raise Damaged when ``PRAGMA quick_check`` finds the file damaged; return None when it is intact.

    Run before a connection's first write: writing to a damaged file can spread the damage,
    and a write that seems to succeed hides it. Each connection checks once.
    """
    if conn.execute("PRAGMA temp.user_version").fetchone()[0] == _INTACT:
        return
    # The app opens a connection per run: a file this process found intact, and that has not
    # changed on disk since (writes go to the -wal until a checkpoint), is not read through again.
    stamp = _stamp(conn)
    if stamp is None or _CHECKED.get(stamp[0]) != stamp[1]:
        try:
            found = [r[0] for r in conn.execute("PRAGMA quick_check(5)")]
        except sqlite3.DatabaseError as exc:  # "database disk image is malformed" before the check can start
            raise Damaged(" ".join((Damaged.__doc__ or "").split())) from exc
        if found != ["ok"]:
            raise Damaged(" ".join((Damaged.__doc__ or "").split()))
        if stamp is not None:
            _CHECKED[stamp[0]] = stamp[1]
    conn.execute(f"PRAGMA temp.user_version = {_INTACT}")


_CHECKED: dict[str, tuple[int, int, int]] = {}


def _stamp(conn: sqlite3.Connection) -> tuple[str, tuple[int, int, int]] | None:
    # The main file's identity: inode, size and modification time (None in memory).
    for _, name, file in conn.execute("PRAGMA database_list"):
        if name == "main" and file:
            try:
                st = os.stat(file)
            except OSError:
                return None
            return file, (st.st_ino, st.st_size, st.st_mtime_ns)
    return None


def _begin(conn: sqlite3.Connection) -> None:
    # Each try waits up to the busy timeout. A writer that holds the lock longer (a very
    # large import) gets more tries, up to LOCK_WAIT_S in all; then the caller gets Busy,
    # a RegistryError with a message for people, never "database is locked".
    deadline = time.monotonic() + LOCK_WAIT_S
    while True:
        try:
            conn.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as exc:
            if not _is_busy(exc):
                raise
            if time.monotonic() >= deadline:
                raise Busy(Busy.__doc__) from None
            time.sleep(0.05)


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    return "locked" in str(exc) or "busy" in str(exc)


def revision(conn: sqlite3.Connection) -> int:
    """Return a number that grows with every write (the last audit id); caches key on it."""
    return conn.execute("SELECT coalesce(max(id), 0) FROM audit").fetchone()[0]


def is_seeded(conn: sqlite3.Connection) -> bool:
    """Return True when the registry holds at least one entity."""
    return conn.execute("SELECT EXISTS (SELECT 1 FROM entities)").fetchone()[0] == 1
