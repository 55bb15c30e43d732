"""The window's collector: automatic collection off, cycles freed from the GUI thread's timer."""

from __future__ import annotations

import gc
import weakref

from posreturns.ui.garbage import GuiThreadGarbageCollector


class Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cyclic collector frees it


def test_cycles_are_freed_by_the_timer_not_by_automatic_collection(qtbot) -> None:  # type: ignore[no-untyped-def]
    collector = GuiThreadGarbageCollector(interval_ms=10)
    collector.thresholds = (1, 10, 10)
    gc.enable()
    collector.start()
    try:
        assert not gc.isenabled()
        cycle = Node()
        ref = weakref.ref(cycle)
        del cycle
        for _ in range(5):
            Node()  # push the young generation past its threshold
        qtbot.waitUntil(lambda: ref() is None, timeout=2000)
    finally:
        collector.stop()
    assert gc.isenabled()


def test_what_lives_at_start_is_left_out_of_collections_until_the_window_closes(qtbot) -> None:  # type: ignore[no-untyped-def]
    collector = GuiThreadGarbageCollector(interval_ms=10)
    gc.enable()
    collector.start()
    try:
        started_with = Node()
        collector.freeze()
        assert gc.get_freeze_count() > 0 and collector.frozen
        cycle = Node()
        ref = weakref.ref(cycle)
        del cycle
        gc.collect()  # a full collection walks only what came after the freeze, and frees it
        assert ref() is None and started_with.me is started_with
    finally:
        collector.stop()
    assert gc.get_freeze_count() == 0 and gc.isenabled()
