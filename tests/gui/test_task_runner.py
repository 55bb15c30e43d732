"""The task runner: work on the pool, callbacks on the GUI thread, and nothing kept once delivered."""

from __future__ import annotations

import threading
import weakref

from posreturns.ui.tasks import TaskRunner


class Result:
    """A result big enough to matter if every task kept its own."""

    def __init__(self) -> None:
        self.rows = list(range(100))


def test_results_and_errors_come_back_on_the_gui_thread_in_full(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    done: list[tuple[str, object, bool]] = []
    gui = threading.current_thread()
    for n in range(50):
        runner.run(lambda n=n: n, lambda value: done.append(("ok", value, threading.current_thread() is gui)),
                   lambda error: done.append(("error", error, False)))
        runner.run(lambda: 1 / 0, lambda value: done.append(("ok", value, False)),
                   lambda error: done.append(("error", type(error).__name__, threading.current_thread() is gui)))
    assert runner.pending == 100
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=10_000)
    assert sorted(value for kind, value, _ in done if kind == "ok") == list(range(50))
    assert [value for kind, value, _ in done if kind == "error"] == ["ZeroDivisionError"] * 50
    assert all(on_gui for _, _, on_gui in done)


def test_nothing_of_a_task_outlives_its_callback(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    inputs: list[weakref.ref[Result]] = []
    results: list[weakref.ref[Result]] = []
    delivered = []
    for _ in range(500):
        given = Result()  # what the work needs, e.g. the order a scan is matched against
        inputs.append(weakref.ref(given))
        runner.run(lambda given=given: Result(), lambda result: results.append(weakref.ref(result)), delivered.append)
        del given
        qtbot.waitUntil(lambda: runner.pending == 0, timeout=10_000)  # one at a time, as a cashier works
    assert len(results) == 500 and delivered == []
    # freed by reference counting alone: the window's collector runs rarely, and never frees what Qt holds
    assert sum(1 for ref in inputs + results if ref() is not None) == 0
