"""A bulk read pauses the cyclic collector and leaves it as it found it."""

from __future__ import annotations

import gc

from posreturns.services.collector import collector_paused


def test_the_collector_is_off_inside_and_back_on_after_even_on_an_error() -> None:
    assert gc.isenabled()
    try:
        with collector_paused():
            assert not gc.isenabled()
            raise LookupError("a read that fails")
    except LookupError:
        pass
    assert gc.isenabled()


def test_a_collector_switched_off_by_its_owner_stays_off() -> None:
    gc.disable()  # as the window does: it collects on its own timer
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()
