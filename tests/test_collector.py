"""Tests for registry.collector: the collector is off inside the block and as before after it."""

from __future__ import annotations

import gc

import pytest

from registry.collector import collector_paused


@pytest.fixture
def collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_paused_inside_and_restored_after(collector_on: None) -> None:
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_restored_when_the_block_raises(collector_on: None) -> None:
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("boom")
    assert gc.isenabled()


def test_left_off_when_it_was_off_before(collector_on: None) -> None:
    # A caller that paused the collector itself (a nested pause) keeps it paused.
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()
    with collector_paused(), collector_paused():
        assert not gc.isenabled()
