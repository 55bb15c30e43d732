"""What a cashier feels: a scan at the till → the updated screen painted, in the real window.

    python -m bench.window_latency DATA_DIR [--receipts 200] [--seed 7]   -> the last line is JSON

The window is built as the till builds it (its style sheet, the keyboard-wedge filter, the task
runner's thread pool; the cashier vouched for by the host, so no sign-in or drawer-float dialog), on
the store-scale data set in DATA_DIR, at 1024×768. Each scan is typed into the window as a USB
scanner types it (Shift around capitals, a key release after each key, Enter as the suffix) and goes
through the wedge filter to the window, like a real one. The time runs from the suffix's key press
to the paint of the widget that shows the answer, once it shows it (the lookup and the quote run on
the runner's threads; what counts is the paint after their answer came back):

* receipt: a random sale of the data set scanned on the home screen → the return screen painted
  with the sale's number in its title;
* item: up to three returnable items of that sale scanned → the decision panel painted asking for
  the new item's reason and condition;
* reason tap: the item's condition tapped (its reason picked just before) → the policy's decision
  painted;
* item_requote: a second unit of a line scanned → the return quoted again and the new refund painted.

Each figure: wall-clock p50/p99 and the process's CPU time over the same span (all threads).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

TODAY = datetime(2026, 11, 1, 12, tzinfo=UTC)  # the store-scale data set's "today": its newest sales are recent
WAIT_SECONDS = 30.0


class Stuck(RuntimeError):
    """The window did not show what the scan should have shown: the bench stops and says where."""


class PaintWatch:
    """Paint events of the watched widgets, each with what the widget showed when it was painted."""

    def __init__(self, widgets: dict[str, Any], shows: Callable[[], tuple[str, ...]]) -> None:
        from PySide6.QtCore import QEvent, QObject

        watch = self

        class Filter(QObject):
            def eventFilter(self, watched: Any, event: Any) -> bool:
                if event.type() == QEvent.Type.Paint:
                    watch.painted.append((time.perf_counter(), time.process_time(), shows()))
                return False

        self.painted: list[tuple[float, float, tuple[str, ...]]] = []
        self.shows = shows
        self.filter = Filter()
        for widget in widgets.values():
            widget.installEventFilter(self.filter)


def type_as_scanner(app: Any, window: Any, code: str) -> tuple[float, float]:
    """The code's keys as a USB keyboard-wedge scanner sends them, to the widget with the focus; the
    suffix's press is sent last and its moment (wall, CPU) returned: the scan is complete from then."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    stamp = [int(time.monotonic() * 1000)]

    def send(kind: QEvent.Type, key: int, text: str = "", modifiers: Any = Qt.KeyboardModifier.NoModifier) -> None:
        event = QKeyEvent(kind, key, modifiers, text)
        stamp[0] += 1  # each key its own time, a millisecond apart, as the system stamps a scanner's keys
        event.setTimestamp(stamp[0])
        app.sendEvent(window.focusWidget() or window, event)

    shift = Qt.KeyboardModifier.ShiftModifier
    for char in code:
        key = int(Qt.Key.Key_Minus) if char == "-" else ord(char.upper())
        if char.isupper():
            send(QEvent.Type.KeyPress, Qt.Key.Key_Shift, modifiers=shift)
            send(QEvent.Type.KeyPress, key, char, shift)
            send(QEvent.Type.KeyRelease, key, char, shift)
            send(QEvent.Type.KeyRelease, Qt.Key.Key_Shift)
        else:
            send(QEvent.Type.KeyPress, key, char)
            send(QEvent.Type.KeyRelease, key, char)
    started = time.perf_counter(), time.process_time()
    send(QEvent.Type.KeyPress, Qt.Key.Key_Return, "\r")
    send(QEvent.Type.KeyRelease, Qt.Key.Key_Return, "\r")
    return started


class Till:
    """The window at work: actions, and waiting for the paint that shows their outcome."""

    def __init__(self, app: Any, window: Any, runner: Any) -> None:
        from PySide6.QtCore import QTimer

        self.app, self.window, self.runner = app, window, runner
        self.wake = QTimer(interval=100)  # the waits look at their deadline at least this often
        self.wake.start()
        page = window.return_page
        self.watch = PaintWatch({"title": page.order_title, "status": page.decision.status,
                                 "totals": page.decision.totals},
                                lambda: (page.order_title.text(), page.decision.status.text(),
                                         page.decision.totals.text()))
        self.samples: dict[str, list[tuple[float, float]]] = {"receipt": [], "item": [], "reason_tap": [],
                                                               "item_requote": []}
        self.quoted: list[tuple[float, float]] = []  # when each quote reached the window (after the view took it)
        window.flow.quote_ready.connect(lambda _quote: self.quoted.append((time.perf_counter(), time.process_time())))

    def pump(self, until: Callable[[], bool], what: str) -> None:
        """Runs the event loop until `until()`: asleep between events (a busy loop would take the CPU and
        the interpreter's lock from the worker threads it waits for, and count in the CPU figures)."""
        from PySide6.QtCore import QEventLoop

        deadline = time.monotonic() + WAIT_SECONDS
        while not until():
            self.app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
            if time.monotonic() > deadline:
                raise Stuck(f"{what}: nothing painted it in {WAIT_SECONDS:.0f} s; the window shows "
                            f"{self.watch.shows()!r}, message {self.window.return_page.message.text()!r} / "
                            f"{self.window.home.message.text()!r}")

    def settle(self) -> None:
        """Nothing left running (the draft's write, the customer's contact): the next action starts clean."""
        self.pump(lambda: self.runner.pending == 0, "settling")
        self.app.processEvents()

    def painted_after(self, started: tuple[float, float], shown: Callable[[tuple[str, ...]], bool],
                      figure: str, what: str) -> None:
        """Waits for the first paint, after `started`, of a watched widget showing what `shown` accepts."""
        def found() -> tuple[float, float] | None:
            return next(((wall, cpu) for wall, cpu, shows in self.watch.painted
                         if wall >= started[0] and shown(shows)), None)

        self.pump(lambda: found() is not None, what)
        wall, cpu = found()  # type: ignore[misc]
        self.samples[figure].append(((wall - started[0]) * 1000, (cpu - started[1]) * 1000))
        self.watch.painted.clear()

    def scan_receipt(self, number: str) -> None:
        from posreturns.ui.views.main_window import RETURN

        started = type_as_scanner(self.app, self.window, number)
        self.painted_after(started, lambda shows: f"<b>{number}</b>" in shows[0]
                           and self.window.pages.currentIndex() == RETURN, "receipt", f"the receipt {number}")

    def scan_item(self, barcode: str) -> None:
        """A first unit of a line: the decision panel asks for its reason and condition."""
        before = self.watch.shows()[1:]
        started = type_as_scanner(self.app, self.window, barcode)
        self.painted_after(started, lambda shows: shows[1:] != before, "item", f"the item {barcode}")

    def scan_unit_again(self, barcode: str) -> None:
        """A further unit of a line already picked: the return is quoted again, and the new refund painted
        (or, when the decision reads the same, the moment the new quote reached the window)."""
        flow, old = self.window.flow, self.window.flow.quote
        before = self.watch.shows()[1:]
        self.quoted.clear()
        started = type_as_scanner(self.app, self.window, barcode)
        self.pump(lambda: bool(self.quoted) and flow.quote is not old, f"the quote after the item {barcode}")
        if self.watch.shows()[1:] != before:
            self.painted_after(started, lambda shows: shows[1:] != before, "item_requote", f"the item {barcode}")
        else:
            wall, cpu = self.quoted[-1]
            self.samples["item_requote"].append(((wall - started[0]) * 1000, (cpu - started[1]) * 1000))

    def tap_reason(self) -> None:
        """The newest item's reason and condition tapped (as a cashier does after its scan): a quote."""
        page, flow = self.window.return_page, self.window.flow
        card = page.basket_box.itemAt(len(flow.basket.lines) - 1).widget()
        card.reasons.buttons["WRONG_SIZE"].click()
        self.settle()
        card = page.basket_box.itemAt(len(flow.basket.lines) - 1).widget()
        before = self.watch.shows()[1:]
        self.watch.painted.clear()
        started = time.perf_counter(), time.process_time()
        card.conditions.buttons["NEW_WITH_TAGS"].click()
        self.painted_after(started, lambda shows: shows[1:] != before and flow.quote is not None, "reason_tap",
                           "the quote after the reason and condition")

    def next_customer(self) -> None:
        self.window.flow.abandon()  # what Cancel does once the cashier has confirmed it
        self.window.go_home()
        self.settle()


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def figures(samples: list[tuple[float, float]]) -> dict[str, float]:
    wall_p50, wall_p99 = percentiles([wall for wall, _cpu in samples])
    cpu_p50, cpu_p99 = percentiles([cpu for _wall, cpu in samples])
    return {"count": len(samples), "p50_ms": round(wall_p50, 2), "p99_ms": round(wall_p99, 2),
            "cpu_p50_ms": round(cpu_p50, 2), "cpu_p99_ms": round(cpu_p99, 2)}


def run(data_dir: Path, receipts: int, seed: int) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from posreturns.app import open_till
    from posreturns.app_ui import scan_interpreter, ui_services
    from posreturns.demo.scale import receipt_number, sku_barcode
    from posreturns.devices.keyboard_wedge import WedgeConfig
    from posreturns.domain.users import Principal
    from posreturns.services.clock import FixedClock
    from posreturns.ui.presenters.return_flow import Session
    from posreturns.ui.resources import stylesheet
    from posreturns.ui.tasks import TaskRunner
    from posreturns.ui.window import build_window

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setStyleSheet(stylesheet())
    till = open_till(data_dir, clock=FixedClock(TODAY))
    with till.engine.connect() as connection:
        count = connection.exec_driver_sql("SELECT count(*) FROM orders").scalar_one()
    session = Session(principal=Principal.vouched("bench", by="bench"), till_id=lambda: "T1", offline=lambda: False,
                      store_id=lambda: "STORE-01")
    runner = TaskRunner()
    window = build_window(ui_services(till, "en", signs_in=False), session, runner,
                          interpret=scan_interpreter(till), wedge=WedgeConfig())
    window.resize(1024, 768)
    window.show()
    window.activateWindow()
    at_till = Till(app, window, runner)
    at_till.settle()
    at_till.next_customer()  # a return an interrupted run left open was restored: not this bench's
    rng = random.Random(seed)
    load = os.getloadavg()[0]
    started = time.perf_counter()
    try:
        for n in range(receipts + 5):
            if n == 5:  # the first customers warm the caches (SQLite's pages, SQLAlchemy's statements, Qt's fonts)
                for kept in at_till.samples.values():
                    kept.clear()
            at_till.scan_receipt(receipt_number(rng.randrange(count)))
            at_till.settle()
            skus: dict[str, Any] = {}  # one line per SKU: a second line of the same SKU would match the first
            for line in window.flow.order.lines:
                if line.returnable_qty > 0 and not line.serial_tracked:  # a serial needs its own scan
                    skus.setdefault(line.sku, line)
            for line in list(skus.values())[:3]:
                barcode = sku_barcode(int(line.sku[3:]))
                at_till.scan_item(barcode)
                at_till.settle()
                at_till.tap_reason()
                at_till.settle()
                if line.returnable_qty > 1:
                    at_till.scan_unit_again(barcode)
                    at_till.settle()
            at_till.next_customer()
    finally:
        at_till.next_customer()  # no draft left behind for the next run or the till
        window.close()
        runner.close()
        till.close()
    result: dict[str, Any] = {name: figures(samples) for name, samples in at_till.samples.items() if samples}
    result.update(orders=count, load=round(load, 2), seconds=round(time.perf_counter() - started, 1))
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.window_latency")
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--receipts", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    print(json.dumps(run(args.data_dir, args.receipts, args.seed)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
