"""A shift (or a week) at the till in one process: the real window, scans and returns, measured.

    python -m bench.soak_window [--scans 5000] [--returns 500] [--samples 20] [--json]

The window is built as `posreturns gui` builds it (presenters, views, the task runner's thread pool,
the garbage collector on the GUI thread, status polling, the real dialogs answered by a scripted
cashier) on a store-scale data set generated into a temporary folder, and prints on a virtual
printer running in its own process on loopback. The cashier scans receipts and items (and wrong
items, and garbage), picks reasons and conditions, and completes, exchanges, gets approvals, meets
refusals, cancels, searches by phone and reprints, until both the scan and the return targets are met.

Measured: the process's RSS, threads, file descriptors, Python objects and Qt objects at rest every
few returns; the GUI thread's longest block (the gap between two beats of a 4 ms timer); any error
logged by the app. The last line printed is the report as JSON. The test suite runs a shift
(tests/soak/test_window_soak.py); `make bench` runs a week.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import logging
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bench.soak_metrics import Sample, growth, sample

NOW = datetime(2026, 11, 1, 12, tzinfo=UTC)  # the generated data set's "today"
MANAGER, PIN = "mgr1", "4321"
REASONS = ["WRONG_SIZE", "CHANGED_MIND", "DEFECTIVE", "NOT_AS_DESCRIBED", "WRONG_ITEM"]
CONDITIONS = ["NEW_WITH_TAGS", "OPENED", "USED", "NEW_WITH_TAGS"]
# one round of the shift: what each receipt the cashier scans turns into
ROUND = ["refund", "refund", "exchange", "refund", "cancel", "refund", "approval", "refund", "refused",
         "refund", "exchange", "lookup", "refund", "refund", "cancel", "refund", "approval", "refund", "refused",
         "refund"]
WAIT_SECONDS = 60.0


class SoakStuck(RuntimeError):
    """The window did not reach the expected state: the soak stops and says where."""


class Counter(logging.Handler):
    """Counts what the app logs at ERROR or worse (an unexpected error reported to the cashier)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.name}: {record.getMessage()}")


def start_printer(jobs_dir: Path) -> tuple[subprocess.Popen[str], str]:
    """The virtual printer in its own process: its jobs must not count in the till's memory."""
    process = subprocess.Popen([sys.executable, "-m", "posdrivers.virtual.printer_cli", "--port", "0",
                                "--jobs-dir", str(jobs_dir), "--until-stdin-closes"],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    line = process.stdout.readline()
    if not line.startswith("virtual printer "):
        process.kill()
        raise SoakStuck(f"the virtual printer did not start: {line!r}")
    return process, line.split()[2]


def build_store(data_dir: Path, orders: int) -> Any:
    from posreturns.app import open_till
    from posreturns.demo.scale import ScaleSpec, generate
    from posreturns.persistence.engine import WRITE
    from posreturns.services.clock import FixedClock

    till = open_till(data_dir, clock=FixedClock(NOW))
    generate(till.engine,
             ScaleSpec(orders=orders, skus=max(400, orders // 5), customers=max(100, orders // 10), returns=0))
    with till.engine.connect().execution_options(**WRITE) as connection, connection.begin():
        # three sales in four within the last 25 days (the generator spreads them over 400): returnable today
        connection.exec_driver_sql("UPDATE orders SET placed_at = strftime('%Y-%m-%dT%H:%M:%SZ', ?, "
                                   "'-' || ((rowid * 7919) % 2160000) || ' seconds') WHERE rowid % 4 != 0",
                                   (NOW.strftime("%Y-%m-%d %H:%M:%S"),))
    till.settings.set("store.id", "STORE-01")
    till.users.seed(MANAGER, "Soak Manager", "manager", PIN)
    return till


def pick_orders(till: Any) -> dict[str, list[dict[str, Any]]]:
    """Sales for each kind of receipt: recent store sales (by refund size) and sales past the window."""
    from posreturns.demo.scale import sku_barcode

    recent = (NOW - timedelta(days=25)).strftime("%Y-%m-%dT%H:%M:%SZ")
    old = (NOW - timedelta(days=60)).strftime("%Y-%m-%dT%H:%M:%SZ")
    with till.engine.connect() as connection:
        rows = connection.exec_driver_sql(
            "SELECT o.number, o.placed_at, o.total_minor, l.sku, l.qty, v.final_sale, v.serial_tracked, o.customer_id "
            "FROM orders o JOIN order_lines l ON l.order_id = o.id JOIN variants v ON v.sku = l.sku "
            "WHERE o.channel = 'store' ORDER BY o.number, l.position").all()
    sales: dict[str, dict[str, Any]] = {}
    for row in rows:
        sale = sales.setdefault(row.number, {"number": row.number, "placed_at": row.placed_at, "total": row.total_minor,
                                             "customer": row.customer_id, "items": [], "plain": True})
        sale["items"].append({"sku": row.sku, "qty": row.qty, "barcode": sku_barcode(int(row.sku[3:]))})
        sale["plain"] = sale["plain"] and not row.final_sale and not row.serial_tracked
    plain = [s for s in sales.values() if s["plain"]]
    return {"recent": [s for s in plain if s["placed_at"] >= recent and s["total"] <= 40_000],
            "big": [s for s in plain if s["placed_at"] >= recent and s["total"] > 60_000],
            "old": [s for s in plain if s["placed_at"] < old],
            "customers": [s for s in plain if s["customer"]]}


class FrameClock:
    """A 4 ms heartbeat on the GUI thread: a late beat is the time the thread was busy elsewhere."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer(interval=4)
        self.timer.timeout.connect(self.beat)
        self.last = time.perf_counter()
        self.gaps: list[float] = []
        self.worst: tuple[float, str] = (0.0, "")
        self.doing = "start"
        self.collections: list[float] = []  # the cycle collector's pauses, part of the blocks above
        self._collecting = 0.0

    def _collector(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            self._collecting = time.perf_counter()
        elif self.doing != "sampling":
            self.collections.append((time.perf_counter() - self._collecting) * 1000)

    def start(self) -> None:
        self.last = time.perf_counter()
        gc.callbacks.append(self._collector)
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        if self._collector in gc.callbacks:
            gc.callbacks.remove(self._collector)

    def beat(self) -> None:
        now = time.perf_counter()
        gap = (now - self.last) * 1000
        self.last = now
        self.gaps.append(gap)
        if gap > self.worst[0]:
            self.worst = (gap, self.doing)

    def report(self) -> dict[str, Any]:
        ordered = sorted(self.gaps) or [0.0]
        return {"beats": len(self.gaps), "p50_ms": round(ordered[len(ordered) // 2], 1),
                "p99_ms": round(ordered[int(len(ordered) * 0.99)], 1), "max_ms": round(self.worst[0], 1),
                "max_during": self.worst[1], "over_16ms": sum(1 for g in ordered if g > 16),
                "over_50ms": sum(1 for g in ordered if g > 50), "over_100ms": sum(1 for g in ordered if g > 100),
                "collections": len(self.collections),
                "longest_collection_ms": round(max(self.collections, default=0), 1)}


class ScriptedCashier:
    """Answers the real dialogs as the people at the till would: the manager types the ID and PIN,
    the customer takes the first variant in stock, the cashier confirms a cancel."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer(interval=5)
        self.timer.timeout.connect(self.answer)
        self.answered: dict[str, int] = {}

    def answer(self) -> None:
        from PySide6.QtWidgets import QApplication, QMessageBox

        from posreturns.ui.dialogs import ApprovalDialog
        from posreturns.ui.views.exchange_picker import ExchangePicker

        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ApprovalDialog):
            dialog.manager.setText(MANAGER)
            dialog.pin.setText(PIN)
            dialog.accept()
        elif isinstance(dialog, ExchangePicker):
            row = next((n for n, v in enumerate(dialog.variants) if v.get("stock_here", 0) > 0), None)
            if row is None:
                dialog.reject()
            else:
                dialog.table.setCurrentCell(row, 0)
                dialog._accept()
        elif isinstance(dialog, QMessageBox):
            dialog.button(QMessageBox.StandardButton.Yes).click()
        else:
            return
        self.answered[type(dialog).__name__] = self.answered.get(type(dialog).__name__, 0) + 1


class Shift:
    """Drives the window through the cashier's actions and counts them."""

    def __init__(self, app: Any, window: Any, runner: Any, frames: FrameClock, rng: random.Random) -> None:
        self.app, self.window, self.runner, self.frames, self.rng = app, window, runner, frames, rng
        self.counts = {"scans": 0, "completed": 0, "exchanges": 0, "approvals": 0, "refused": 0, "cancelled": 0,
                       "lookups": 0, "reprints": 0, "printed": 0, "not_printed": 0}

    # --- waiting --------------------------------------------------------------------------------
    def settle(self, until: Callable[[], bool] = lambda: True, what: str = "") -> None:
        from PySide6.QtCore import QEventLoop

        deadline = time.monotonic() + WAIT_SECONDS
        while True:
            self.app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
            if self.runner.pending == 0 and until():
                self.app.processEvents()
                return
            if time.monotonic() > deadline:
                raise SoakStuck(f"{what or 'the window'} did not settle: page {self.window.pages.currentIndex()}, "
                                f"message {self._message()!r}, counts {self.counts}")
            time.sleep(0.0005)

    def _message(self) -> str:
        """The message of the page showing (the home page's may be left from an earlier scan)."""
        from posreturns.ui.views.main_window import RETURN

        if self.window.pages.currentIndex() == RETURN:
            return self.window.return_page.message.text() or self.window.home.message.text()
        return self.window.home.message.text() or self.window.return_page.message.text()

    def scan(self, code: str) -> None:
        self.frames.doing = "scan"
        self.counts["scans"] += 1
        self.window.on_scan(code)
        self.settle(what=f"the scan {code}")

    # --- one customer -----------------------------------------------------------------------------
    def serve(self, kind: str, sale: dict[str, Any], stray: dict[str, Any]) -> None:
        from posreturns.ui.views.main_window import HOME, RETURN

        window = self.window
        if kind == "lookup":
            self.lookup(sale)
            return
        self.scan(sale["items"][0]["barcode"])  # the item before the receipt: "scan the receipt first"
        self.scan(sale["number"][:-1] + "X")  # a misread receipt: "no sale matches"
        self.scan(sale["number"])
        self.settle(lambda: window.pages.currentIndex() == RETURN, "the receipt")
        self.scan(stray["items"][0]["barcode"])  # an item from another sale: one sentence, nothing added
        self.scan(sale["number"])  # the receipt again, on the return screen: not an item of the sale
        if self.rng.random() < 0.3:
            self.scan("\x1b[garbage")
        for item in sale["items"][:2 if kind in ("exchange", "approval") else 1]:
            for _ in range(item["qty"] + (1 if item["qty"] == 1 and self.rng.random() < 0.3 else 0)):
                self.scan(item["barcode"])  # the extra scan: "all returnable units are already in the return"
        if not window.flow.basket.lines:
            raise SoakStuck(f"no item of {sale['number']} was added: {self._message()!r}")
        self.frames.doing = "reason and condition"
        for index in range(len(window.flow.basket.lines)):
            card = window.return_page.basket_box.itemAt(index).widget()
            card.reasons.buttons[self.rng.choice(REASONS)].click()
            self.settle(what="a reason")
            card = window.return_page.basket_box.itemAt(index).widget()
            card.conditions.buttons[self.rng.choice(CONDITIONS)].click()
            self.settle(what="a condition")
        self.settle(lambda: window.flow.quote is not None, "the quote")
        if kind == "exchange":
            self.exchange()
        status = window.flow.quote.quote.status.value
        if kind == "cancel" or status == "refused":
            self.counts["refused" if status == "refused" else "cancelled"] += 1
            self.frames.doing = "cancel"
            window.return_page.decision.cancel_button.click()
            self.settle(lambda: window.pages.currentIndex() == HOME, "the cancel")
            return
        self.complete(status)

    def exchange(self) -> None:
        from posreturns.ui.views.main_window import RETURN

        window = self.window
        self.frames.doing = "exchange"
        before = len(window.flow.basket.exchange)
        window.return_page.decision.method_buttons["exchange"].click()
        self.settle(what="the exchange method")
        window.return_page.decision.replacement_button.click()
        self.settle(lambda: window.pages.currentIndex() == RETURN and window.flow.quote is not None, "the replacement")
        if len(window.flow.basket.exchange) > before:
            self.counts["exchanges"] += 1

    def complete(self, status: str) -> None:
        from posreturns.ui.views.main_window import DONE, HOME

        window = self.window
        self.frames.doing = "complete"
        window.return_page.decision.confirm_button.click()
        self.settle(lambda: window.pages.currentIndex() == DONE and window.done.print_status.text() not in
                    ("", window.done.tr("Printing the receipt…")), "the completion")
        self.counts["completed"] += 1
        self.counts["approvals"] += status == "needs_approval"
        self.counts["printed" if "printed" in window.done.print_status.text() else "not_printed"] += 1
        if self.counts["completed"] % 4 == 0:
            self.frames.doing = "reprint"
            window.done.reprint_button.click()
            self.settle(what="the reprint")
            self.counts["reprints"] += 1
        self.frames.doing = "new return"
        window.done.new_button.click()
        self.settle(lambda: window.pages.currentIndex() == HOME, "the home page")

    def lookup(self, sale: dict[str, Any]) -> None:
        from posreturns.ui.views.main_window import HOME, RETURN

        window = self.window
        self.frames.doing = "search"
        window.home.search.emit(sale["customer_phone"])
        self.settle(what="the search")
        self.counts["lookups"] += 1
        if window.pages.currentIndex() == RETURN:  # one sale matched: it opened; nothing to return today
            window.return_page.decision.cancel_button.click()
            self.settle(lambda: window.pages.currentIndex() == HOME, "leaving the sale")


def run(scans: int, returns: int, samples: int, seed: int = 5) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from posreturns.app_ui import ui_services
    from posreturns.devices.scanner import interpret
    from posreturns.domain.users import Principal
    from posreturns.ui.dialogs import DialogService
    from posreturns.ui.garbage import GuiThreadGarbageCollector
    from posreturns.ui.presenters.return_flow import Session
    from posreturns.ui.resources import stylesheet
    from posreturns.ui.tasks import TaskRunner
    from posreturns.ui.unexpected_errors import UnexpectedErrorReporter
    from posreturns.ui.window import build_window

    started = time.perf_counter()
    rng = random.Random(seed)
    errors = Counter()
    logging.getLogger("posreturns").addHandler(errors)
    with tempfile.TemporaryDirectory(prefix="posreturns-soak-") as tmp:
        till = build_store(Path(tmp) / "till", orders=max(4_000, returns * 10))
        sales = pick_orders(till)
        for sale in sales["customers"]:
            sale["customer_phone"] = f"06{int(sale['customer'][1:]):08d}"
        jobs_dir = Path(tmp) / "printer"
        printer, printer_url = start_printer(jobs_dir)
        app = QApplication.instance() or QApplication(sys.argv[:1])
        app.setStyleSheet(stylesheet())
        collector = GuiThreadGarbageCollector(app)
        collector.start()
        runner = TaskRunner()
        session = Session(principal=Principal.vouched("soak", by="bench"), till_id=lambda: "T1", offline=lambda: False,
                          store_id=lambda: "STORE-01")
        printed = {"jobs": 0}

        def receipt_image() -> str | None:  # what `make run` shows: the virtual printer's picture of the receipt
            printed["jobs"] += 1
            path = jobs_dir / f"job-{printed['jobs']:04d}.png"
            return str(path) if path.exists() else None

        dialogs = DialogService()
        window = build_window(ui_services(till, "en", printer_url, receipt_images=receipt_image, signs_in=False),
                              session, runner, dialogs, interpret=interpret)
        dialogs.parent = window
        reporter = UnexpectedErrorReporter(window.show_message)
        reporter.install()
        cashier = ScriptedCashier()
        cashier.timer.start()
        frames = FrameClock()
        window.show()
        shift = Shift(app, window, runner, frames, rng)
        shift.settle()
        collector.freeze()  # as run_window does once the window is up
        frames.start()
        readings: list[Sample] = [sample("start")]
        every = max(1, returns // samples)
        recent = iter(sales["recent"])  # each sale is returned once: one queue for refunds, exchanges, cancels
        queues = {"approval": iter(sales["big"]), "refused": iter(sales["old"]), "lookup": iter(sales["customers"]),
                  "refund": recent, "exchange": recent, "cancel": recent}
        strays = itertools.cycle(sales["old"][::-1])  # stray items come from old sales nobody returns today
        turn, next_sample = 0, every
        try:
            while shift.counts["scans"] < scans or shift.counts["completed"] < returns:
                kind = ROUND[turn % len(ROUND)]
                turn += 1
                sale = next(queues[kind], None)
                if sale is None:
                    if kind == "refund":
                        raise SoakStuck(f"the data set ran out of recent sales after {shift.counts}")
                    continue
                shift.serve(kind, sale, next(strays))
                if shift.counts["completed"] >= next_sample:
                    next_sample += every
                    frames.doing = "sampling"
                    readings.append(sample(f"{shift.counts['completed']} returns, {shift.counts['scans']} scans"))
                    frames.last = time.perf_counter()  # the sampling's own pause is not the app's
        finally:
            frames.stop()
            cashier.timer.stop()
            reporter.uninstall()
            window.close()
            runner.wait(30_000)
            collector.stop()
            till.close()
            assert printer.stdin is not None
            printer.stdin.close()
            printer.wait(30)
        logging.getLogger("posreturns").removeHandler(errors)
    return report(shift.counts, readings, frames, errors.messages, cashier.answered, time.perf_counter() - started)


def report(counts: dict[str, int], readings: list[Sample], frames: FrameClock, errors: list[str],
           dialogs: dict[str, int], seconds: float) -> dict[str, Any]:
    warm_up = max(1, len(readings) // 5)  # the first fifth fills caches, pools and SQLAlchemy's statement cache
    base, last = readings[warm_up], readings[-1]
    scans_after = max(1, counts["scans"] * (len(readings) - 1 - warm_up) // max(1, len(readings) - 1))
    return {"counts": counts, "dialogs": dialogs, "errors": errors, "seconds": round(seconds, 1),
            "warm_up_samples": warm_up, "frames": frames.report(),
            "rss_mb": {"start": readings[0].rss_mb, "after_warm_up": base.rss_mb, "end": last.rss_mb,
                       "growth_after_warm_up": growth(readings, "rss_mb", warm_up),
                       "growth_after_warm_up_less_sqlite": growth(readings, "rss_less_sqlite_mb", warm_up),
                       "sqlite_end": last.sqlite_mb,
                       "per_1000_scans_after_warm_up": round((last.rss_mb - base.rss_mb) * 1000 / scans_after, 2)},
            "growth_after_warm_up": {field: growth(readings, field, warm_up) for field in
                                     ("os_threads", "python_threads", "fds", "python_objects", "qobject_wrappers",
                                      "widgets")},
            "samples": [s.as_dict() for s in readings]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.soak_window")
    parser.add_argument("--scans", type=int, default=5000)
    parser.add_argument("--returns", type=int, default=500)
    parser.add_argument("--samples", type=int, default=20)
    args = parser.parse_args(argv)
    result = run(args.scans, args.returns, args.samples)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
