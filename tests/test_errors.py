"""Tests for registry.errors: what a failure is called, without any of its details."""

from __future__ import annotations

import errno
import sqlite3

import pytest

from registry import connect, i18n
from registry.errors import Busy, Damaged, KeyMissing, failure_key
from registry.store import privacy


def test_failures_are_sorted_into_what_a_reader_can_act_on():
    damaged = sqlite3.DatabaseError("database disk image is malformed")
    assert failure_key(Damaged("x")) == failure_key(damaged) == "safety.damaged"
    assert failure_key(sqlite3.DatabaseError("file is not a database")) == "safety.damaged"
    assert failure_key(sqlite3.OperationalError("database or disk is full")) == "safety.disk_full"
    assert failure_key(OSError(errno.ENOSPC, "No space left on device", "/srv/x.csv")) == "safety.disk_full"
    assert (failure_key(Busy("x")), failure_key(KeyMissing("x"))) == ("safety.busy", "safety.key")
    # Anything else, a path in its text or not, is unexpected: the key tells nothing of the server.
    assert failure_key(KeyError("/srv/registry/secret/path")) == "safety.unexpected"
    assert failure_key(sqlite3.OperationalError("no such table: x")) == "safety.unexpected"


def test_the_key_error_privacy_raises_is_the_one_failure_key_knows(tmp_path, monkeypatch):
    # errors.py cannot import privacy (privacy imports errors): the class lives in errors and privacy raises it.
    monkeypatch.delenv(privacy.KEY_ENV, raising=False)
    conn = connect(tmp_path / "r.db")
    (tmp_path / "r.db.key").unlink()
    with pytest.raises(KeyMissing) as missing:
        privacy.salt(conn)
    assert failure_key(missing.value) == "safety.key"


def test_every_failure_key_reads_in_both_languages():
    keys = {failure_key(e) for e in (Damaged("x"), OSError(errno.ENOSPC, "full"), Busy("x"), KeyMissing("x"), ValueError())}
    assert len(keys) == 5
    for key in keys:
        nb, en = i18n.t(key, "nb"), i18n.t(key, "en")
        assert nb and en and nb != en and nb != key
