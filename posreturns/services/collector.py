"""Bulk reads build thousands of fresh rows that hold no cycles: reference counting frees them, and
Python's cyclic collector, left on, would walk the whole process's heap again and again meanwhile (a
30-day store report builds ~60,000 such objects: in a process holding a few million objects, its
full collections cost more than the report)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """No automatic collection inside; as it was after (a window that collects on its own timer keeps
    the collector off)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
