"""The standalone window and the host widget, each opened and closed many times in one process.

    python -m bench.soak_open_close [--openings 200]

The standalone window is opened as `posreturns gui` opens it (the command's own function: the till,
its log session, the window until it is closed); the host widget as a host POS opens it
(`create_returns_widget`, then `shutdown()` and deletion). Each opening scans a receipt, so the
window does real work. Sampled after a warm-up and every 20 openings after it: RSS, threads, file
descriptors, Python and Qt objects; also whether the exception hook, the fault handler and the
session marker are given back. The last line printed is the report as JSON.

RSS is read two ways. `growth_after_warm_up` is the highest reading less the first. The steady
growth is the median growth of a 20-opening stretch, times the stretches: something left behind by
every opening grows every stretch, while the allocator taking a new arena for a thread, or a cache
filling up to its bound, grows in a few stretches and then stops (seen here: +34 MB between two
samples once in 400 standalone openings, then flat).
"""

from __future__ import annotations

import argparse
import faulthandler
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from bench.soak_metrics import Sample, growth, sample, value

WARM_UP = 20
STRETCH = 20


def demo_data(folder: Path) -> Path:
    from posreturns.app import open_till
    from posreturns.demo.install import install_demo

    with open_till(folder) as till:
        install_demo(till, date(2026, 11, 26))
        till.settings.set("store.id", "PARIS-01")
    return folder


def soak(open_and_close: Callable[[], None], openings: int) -> list[Sample]:
    readings = []
    for opening in range(1, openings + 1):
        open_and_close()
        if opening == min(WARM_UP, openings) or (opening > WARM_UP and (opening - WARM_UP) % STRETCH == 0):
            readings.append(sample(f"{opening} openings"))
    return readings


def steady_growth(readings: list[Sample], field: str) -> float:
    """The median growth of one stretch between samples, times the stretches."""
    values = [value(reading, field) for reading in readings]
    stretches = [b - a for a, b in zip(values, values[1:], strict=False) if a is not None and b is not None]
    return round(statistics.median(stretches) * len(stretches), 1) if stretches else 0.0


def run(openings: int) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from posreturns.cli.main import _run_gui, build_parser
    from posreturns.cli.output import Output
    from posreturns.demo.install import DEMO_CASHIER
    from posreturns.plugin import create_returns_widget
    from posreturns.till_session import MARKER_FILE, logs_dir
    from posreturns.ui.views.float_dialog import FloatDialog
    from posreturns.ui.views.main_window import HOME, RETURN, SIGN_IN, MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    hook, fault_handler = sys.excepthook, faulthandler.is_enabled()
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="posreturns-soak-") as tmp:
        data_dir = demo_data(Path(tmp) / "till")
        args = build_parser().parse_args(["--data-dir", str(data_dir), "gui"])

        def scan_then_close() -> None:
            window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
            scanned = [False]

            def step() -> None:  # as a cashier does: sign in, count the drawer, scan the receipt, close
                page = window.pages.currentIndex()
                in_front = QApplication.activeModalWidget()
                if isinstance(in_front, FloatDialog):  # the first sign-in of the day asks for the drawer float
                    if in_front.save_button.isEnabled():
                        in_front.amount.setText("150")
                        in_front.accept()
                elif page == SIGN_IN and window.sign_in_page is not None and window.sign_in_page.pin.isEnabled():
                    window.sign_in_page.user_id.setText(DEMO_CASHIER[0])
                    window.sign_in_page.pin.setText(DEMO_CASHIER[2])
                    window.sign_in_page.submit()
                elif page == HOME and not scanned[0]:
                    scanned[0] = True
                    window.on_scan("PA01-000102")
                elif page == RETURN:
                    window.close()

            poll = QTimer(window, interval=5)
            poll.timeout.connect(step)
            poll.start()

        def standalone() -> None:
            QTimer.singleShot(0, scan_then_close)
            if _run_gui(args, Output(False)) != 0:  # `posreturns gui`: runs until the window is closed
                raise RuntimeError("the window did not end cleanly")

        parent = QWidget()  # the host's window, shown once the standalone window is done with
        parent.resize(1280, 800)

        class Host:
            parent_window, cashier, store_id, till_id = parent, "paul", "PARIS-01", "T1"

            def on_refund(self, instruction: object) -> None:
                pass

        def hosted() -> None:
            widget = create_returns_widget(Host(), data_dir, language="en")
            widget.show()
            widget.window_.on_scan("PA01-000102")
            deadline = time.monotonic() + 30
            while widget.window_.pages.currentIndex() != RETURN:
                if time.monotonic() > deadline:
                    raise RuntimeError("the hosted window did not open the sale")
                app.processEvents()
                time.sleep(0.001)
            widget.shutdown()
            widget.setParent(None)
            widget.deleteLater()  # as a host does, back in its event loop
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

        for name, open_and_close in (("standalone", standalone), ("host", hosted)):
            if name == "host":
                parent.show()
            started = time.perf_counter()
            readings = soak(open_and_close, openings)
            results[name] = {
                "openings": openings, "seconds": round(time.perf_counter() - started, 1),
                "growth_after_warm_up": {field: growth(readings, field, 0) for field in (
                    "rss_mb", "rss_less_sqlite_mb", "os_threads", "python_threads", "fds", "python_objects",
                    "qobject_wrappers", "widgets")},
                "steady_growth": {field: steady_growth(readings, field) for field in ("rss_mb", "rss_less_sqlite_mb")},
                "hook_given_back": sys.excepthook is hook,
                "fault_handler_given_back": faulthandler.is_enabled() == fault_handler,
                "marker_left": (logs_dir(data_dir) / MARKER_FILE).exists(),
                "samples": [s.as_dict() for s in readings]}
        parent.close()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.soak_open_close")
    parser.add_argument("--openings", type=int, default=200)
    args = parser.parse_args(argv)
    print(json.dumps(run(args.openings)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
