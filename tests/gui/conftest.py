"""GUI tests: Python's cycle collector runs on the GUI thread only, as in the app (ui/garbage.py)."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def collect_on_the_gui_thread() -> Iterator[None]:
    """Without this, a collection started by a task-runner thread may free a widget of an earlier
    test outside the GUI thread and crash the process."""
    enabled = gc.isenabled()
    gc.disable()
    yield
    gc.collect()
    if enabled:
        gc.enable()
