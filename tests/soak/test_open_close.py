"""The standalone window and the host widget, each opened and closed 200 times in one process:
what one opening takes, its closing gives back (memory, threads, file descriptors, Qt objects, the
exception hook, the session marker)."""

from __future__ import annotations

import argparse
import faulthandler
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from bench.soak_metrics import Sample, growth, sample
from posreturns.app import Till
from posreturns.cli.main import _run_gui
from posreturns.cli.output import Output
from posreturns.plugin import create_returns_widget
from posreturns.till_session import MARKER_FILE, logs_dir
from posreturns.ui.views.main_window import RETURN, MainWindow

OPENINGS, WARM_UP = 200, 20
RSS_GROWTH_MB = 12


class Host:
    def __init__(self, parent: QWidget) -> None:
        self.parent_window, self.cashier, self.store_id, self.till_id = parent, "paul", "PARIS-01", "T1"

    def on_refund(self, instruction: object) -> None:
        pass


def _soak(open_and_close: Callable[[], None]) -> list[Sample]:
    readings = []
    for opening in range(OPENINGS):
        open_and_close()
        if opening + 1 in (WARM_UP, OPENINGS // 2, OPENINGS):
            readings.append(sample(f"{opening + 1} openings"))
    return readings


def _assert_flat(readings: list[Sample], data_dir: Path) -> None:
    print([reading.as_dict() for reading in readings])
    assert growth(readings, "rss_mb", 0) < RSS_GROWTH_MB
    for field, allowed in (("fds", 0), ("python_threads", 0), ("os_threads", 2), ("widgets", 0),
                           ("qobject_wrappers", 20), ("python_objects", 1_000)):
        assert growth(readings, field, 0) <= allowed, (field, readings)
    assert not (logs_dir(data_dir) / MARKER_FILE).exists()


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_the_standalone_window_opened_and_closed_200_times(qtbot, demo_till: Till) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    hook, fault_handler = sys.excepthook, faulthandler.is_enabled()
    args = argparse.Namespace(data_dir=str(demo_till.data_dir), printer=None, virtual_devices=False)

    def scan_then_close() -> None:
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        window.on_scan("PA01-000102")
        poll = QTimer(window, interval=5)
        poll.timeout.connect(lambda: window.pages.currentIndex() == RETURN and window.close())
        poll.start()

    def open_and_close() -> None:
        QTimer.singleShot(0, scan_then_close)
        assert _run_gui(args, Output(False)) == 0  # `posreturns gui`: the window runs until it is closed
        assert app.topLevelWidgets() == [] or not any(w.isVisible() for w in app.topLevelWidgets())

    readings = _soak(open_and_close)
    assert sys.excepthook is hook and faulthandler.is_enabled() == fault_handler
    _assert_flat(readings, demo_till.data_dir)


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_the_host_widget_opened_and_closed_200_times(qtbot, demo_till: Till) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    hook = sys.excepthook

    def open_and_close() -> None:
        widget = create_returns_widget(Host(parent), demo_till.data_dir, language="en")
        parent.layout() or parent.resize(1280, 800)
        widget.show()
        widget.window_.on_scan("PA01-000102")
        qtbot.waitUntil(lambda: widget.window_.pages.currentIndex() == RETURN, timeout=10_000)
        widget.shutdown()
        widget.setParent(None)
        widget.deleteLater()
        qtbot.wait(1)

    readings = _soak(open_and_close)
    assert sys.excepthook is hook
    _assert_flat(readings, demo_till.data_dir)
