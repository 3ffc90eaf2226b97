"""Error classes. Each docstring is the message a user sees."""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from .message import Message, render

__all__ = [
    "RegistryError",
    "NotFound",
    "StaleVersion",
    "InvalidRow",
    "ImportFailed",
    "Problem",
    "ReadOnlyTable",
    "Busy",
    "NoHome",
    "NotAHome",
    "NoRegistry",
    "CannotOpen",
    "CannotWrite",
    "Damaged",
    "KeyMissing",
    "failure_key",
]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one cell of input: where, and why (a message: a code and its values)."""

    file: str
    row: int  # 1-based data row; 0 means the header or the file itself
    column: str
    message: Message  # templates in registry.i18n.problems; the app renders it in the reader's language

    @classmethod
    def of(cls, file: str, row: int, column: str, code: str, /, **params: object) -> Problem:
        """Return the problem whose message is ``problem.<code>`` with ``params`` (templates in :mod:`registry.i18n.problems`)."""
        return cls(file, row, column, Message(f"problem.{code}", params))

    @property
    def reason(self) -> str:
        """The message in English: the language of the CLI, the logs and the tests."""
        return render(self.message, "en")

    def __str__(self) -> str:
        col = f" {self.column}:" if self.column else ""
        return f"{self.file}:{self.row}:{col} {self.reason}"


class RegistryError(Exception):
    """The registry refused the operation."""


class NotFound(RegistryError):
    """No row with that id exists."""


class StaleVersion(RegistryError):
    """Someone else changed this row since you loaded it; reload it and apply your change again."""


class Busy(RegistryError):
    """The registry is busy with another change that is taking long; nothing was written. Try again in a moment."""


class ReadOnlyTable(RegistryError):
    """Rows in this table are never changed or deleted; add a new row instead."""


class NoHome(RegistryError):
    """The registry has several municipalities and no home is set: choose one with --home or set home_id."""


class NotAHome(RegistryError):
    """That is not a municipality in the registry, so it cannot be the home."""

    def __init__(self, requested: str, choices: Sequence[str], how: str = "asked for", kind: str | None = None):
        self.requested = requested
        self.choices = tuple(choices)
        what = f"is a {kind}, not a municipality" if kind else "is not in the registry"
        listed = ", ".join(self.choices) or "none"
        super().__init__(f"{requested!r} ({how} as home) {what}; the registry's municipalities: {listed}")


class NoRegistry(RegistryError):
    """There is no registry at that path; create one with python -m registry init --db PATH."""

    def __init__(self, path: object):
        self.path = path
        super().__init__(f"no registry at {path}: create one with python -m registry init --db {path}")


class CannotOpen(RegistryError):
    """The registry file cannot be opened or created there."""

    def __init__(self, path: object, reason: str):
        self.path = path
        super().__init__(f"{path}: cannot open or create a registry there ({reason})")


class CannotWrite(RegistryError):
    """The file cannot be written there; nothing was written."""

    def __init__(self, path: object, reason: str):
        self.path = path
        super().__init__(f"{path}: cannot write there ({reason}); nothing was written")


class Damaged(RegistryError):
    """The registry file is damaged (SQLite's quick check fails), so nothing was written: restore the last
    backup (python -m registry restore) and run check."""


class InvalidRow(RegistryError):
    """The row is not valid."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


class ImportFailed(RegistryError):
    """The import was refused; nothing was written."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s); nothing was written")


class KeyMissing(RegistryError):
    """The registry's audit key is missing or is not this registry's: put its key file back beside it, or set
    REGISTRY_AUDIT_KEY; nothing was written."""


def failure_key(exc: BaseException) -> str:
    """Return the text key (``safety.*`` in ``registry.i18n``) that tells a reader what failed.

    One of a damaged file, a full disk, a busy registry, a missing audit key, or
    something unexpected; the key names no detail of the failure (no path, no SQL).

    >>> failure_key(sqlite3.DatabaseError("database disk image is malformed")), failure_key(ValueError())
    ('safety.damaged', 'safety.unexpected')
    """
    text = str(exc).lower()
    if isinstance(exc, Damaged) or (isinstance(exc, sqlite3.DatabaseError) and ("malformed" in text or "not a database" in text)):
        return "safety.damaged"
    if (isinstance(exc, OSError) and exc.errno == errno.ENOSPC) or "disk is full" in text or "no space left" in text:
        return "safety.disk_full"
    if isinstance(exc, Busy):
        return "safety.busy"
    if isinstance(exc, KeyMissing):
        return "safety.key"
    return "safety.unexpected"
