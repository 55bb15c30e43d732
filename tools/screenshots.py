"""Render the main screens and the sign-in screen offscreen to docs/screenshots/*.png
(`make screenshots`; argument: fr or en).

Runs on a throw-away copy of the demo store with a virtual printer, drives the real window like a
cashier, and grabs it; dialogs are drawn over the dimmed window, as the cashier sees them.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from posdrivers import load_profile
from posdrivers.virtual.printer import VirtualPrinter
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QDialog

from posreturns.app import Till, open_till
from posreturns.app_ui import ui_services
from posreturns.demo.install import install_demo
from posreturns.domain.users import Principal, Role
from posreturns.ui.dialogs import ApprovalDialog
from posreturns.ui.i18n import install_translators
from posreturns.ui.presenters.return_flow import Session
from posreturns.ui.presenters.settings import SettingsPresenter
from posreturns.ui.resources import stylesheet
from posreturns.ui.tasks import InlineTaskRunner
from posreturns.ui.views.main_window import MainWindow
from posreturns.ui.views.settings_dialog import SettingsDialog
from posreturns.ui.window import build_window

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"


def main(language: str = "fr") -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_translators(app, language)
    app.setStyleSheet(stylesheet())
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, VirtualPrinter("127.0.0.1", 0, jobs_dir=Path(tmp) / "printer",
                                                              profile=load_profile("epson-tm-t20iii")) as printer:
        till = open_till(Path(tmp) / "data")
        install_demo(till, date.today())
        till.users.seed("mgr1", "Sophie Laurent", "manager", "4321")
        for key, value in (("store.id", "PARIS-01"), ("language", language), ("printer.url", printer.url),
                           ("printer.profile", "epson-tm-t20iii")):
            till.settings.set(key, value)
        session = Session(principal=Principal.vouched("marie", by="tests"), till_id=lambda: "T1", offline=lambda: False,
                          store_id=lambda: "PARIS-01")
        services = ui_services(till, language, signs_in=False,
                               receipt_images=lambda: str(printer.jobs[-1].png_path) if printer.jobs else None)
        runner = InlineTaskRunner()
        window = build_window(services, session, runner)
        window.resize(1366, 768)  # the commonest till screen
        window.show()
        _drive(app, window, language)
        settings = SettingsPresenter(services.settings, runner, services.settings_access,
                                     profiles=services.printer_profiles)
        settings.admin = Principal("admin", "Alex Admin", Role.ADMIN)  # as if the admin had typed their PIN
        _dialogs(app, window, language, settings)
        _manager(app, till, language, printer.url)
        signing_in = build_window(ui_services(till, language), Session(till_id=lambda: "T1", offline=lambda: False),
                                  runner, poll_status=False)
        signing_in.resize(1366, 768)
        signing_in.show()
        _shot(app, signing_in, f"8-sign-in-{language}")
        till.close()
    return 0


def _drive(app: QApplication, window: MainWindow, language: str) -> None:
    """Home search → the return's lines → the decision → done; then a refusal and an approval."""
    window.status.refresh()
    window.home.scan_field.setText("camille")
    window.home.find_button.click()
    _shot(app, window, f"1-home-search-{language}")
    window.home.scan_field.setText("PA01-000102")
    window.home.find_button.click()
    flow = window.flow
    flow.add_order_line("ORD-1002-L1")
    flow.update_line(0, reason="WRONG_SIZE", condition="NEW_WITH_TAGS")
    flow.add_order_line("ORD-1002-L3")
    _shot(app, window, f"2-return-lines-{language}")
    window.resize(1024, 768)  # the smallest till screen: nothing cut, the status bar in view
    _shot(app, window, f"12-return-1024-{language}")
    window.resize(1366, 768)
    flow.update_line(1, reason="DEFECTIVE", condition="OPENED")
    _shot(app, window, f"3-decision-{language}")
    window.confirm()
    _until(app, lambda: window.done.previews.currentIndex() == 1)  # the receipt comes from the printer thread
    _shot(app, window, f"4-done-{language}")
    window.go_home()
    window.on_scan("PA01-000105")
    flow.add_order_line("ORD-1005-L1")
    flow.update_line(0, reason="CHANGED_MIND", condition="NEW_WITH_TAGS")
    _shot(app, window, f"5-refused-{language}")
    flow.abandon()
    window.go_home()
    window.on_scan("PA01-000108")
    for index, line_id in enumerate(("ORD-1008-L1", "ORD-1008-L2")):
        flow.add_order_line(line_id)
        flow.update_line(index, reason="CHANGED_MIND", condition="NEW_WITH_TAGS")


def _dialogs(app: QApplication, window: MainWindow, language: str, settings: SettingsPresenter) -> None:
    approval = ApprovalDialog(window.tr("This return needs a manager's approval."), window)
    approval.manager.setText("mgr1")
    approval.pin.setText("4321")
    _shot(app, window, f"6-approval-{language}", approval)
    window.flow.abandon()
    window.go_home()
    _shot(app, window, f"7-settings-{language}", SettingsDialog(settings, window))


def hold_some_units(till: Till) -> None:
    """Returns that hold units, one of them three days old (highlighted in the queue)."""
    from datetime import UTC, datetime, timedelta

    from posreturns.services.clock import FixedClock

    cashier = Principal.vouched("marie", by="screenshots")
    lines = [("PA01-000108", "MONTRE-CONN-42", "DEFECTIVE", "OPENED", {"serial": "SN-MW-4201"}),
             ("PA01-000101", "TSH-NVY-M", "DAMAGED_IN_TRANSIT", "OPENED", {"qty": 2}),
             ("PA01-000102", "BASK-CUIR-41", "CHANGED_MIND", "MISSING_PARTS", {"note": "one lace missing"}),
             # returns refunded to the card and in cash, for the report and the open queues
             ("PA01-000101", "JEAN-SLIM-40", "WRONG_SIZE", "NEW_WITH_TAGS", {"method": "original"}),
             ("PA01-000103", "TSH-WHT-L", "CHANGED_MIND", "NEW_WITH_TAGS", {"method": "original"}),
             ("W-100201", "ROBE-LIN-40", "NOT_AS_DESCRIBED", "NEW_WITH_TAGS", {"method": "original"})]
    for n, (receipt, code, reason, condition, extra) in enumerate(lines):
        clock = FixedClock(datetime.now(UTC) - timedelta(days=3 if n == 0 else n - 2 if n > 2 else 0, hours=n))
        with open_till(till.data_dir, clock=clock) as other:
            method = extra.pop("method", "store_credit")
            line = {"code": code, "qty": extra.pop("qty", 1), "reason": reason, "condition": condition, **extra}
            other.returns.complete({"receipt": receipt, "lines": [line], "refund_method": method,
                                    "idempotency_key": f"shot-{n}"}, cashier)


def _manager(app: QApplication, till: Till, language: str, printer_url: str) -> None:
    """The manager's workspace: the restock queue with a scanned tag selected, then the alerts."""
    hold_some_units(till)
    manager = Session(principal=Principal("mgr1", "Sophie Laurent", Role.MANAGER), till_id=lambda: "T1",
                      offline=lambda: False, store_id=lambda: "PARIS-01")
    window = build_window(ui_services(till, language, printer_url, signs_in=False), manager, InlineTaskRunner(),
                          poll_status=False)
    window.resize(1280, 800)
    window.show()
    window.show_manager()
    queue = window.manager_workspace.restock
    window.on_scan(queue.units[-1].id)
    _shot(app, window, f"10-manager-queue-{language}")
    window.manager_workspace.show_tab(window.manager_workspace.alerts)
    window.manager_workspace.alerts.table.selectRow(0)
    _shot(app, window, f"11-manager-alerts-{language}")
    _back_office(app, window, language)
    window.close()
    _policy_load(app, till, language, printer_url)


def _back_office(app: QApplication, window: MainWindow, language: str) -> None:
    """The open queues, the 30-day report with its charts and a figure opened, and the close of day."""
    workspace = window.manager_workspace
    workspace.back_office.refresh()
    workspace.show_tab(workspace.queues)
    workspace.queues.cards.selectRow(0)
    _shot(app, window, f"12-manager-queues-{language}")
    workspace.show_tab(workspace.reports)
    workspace.reports.month_button.click()
    workspace.reports.figures.selectRow(0)
    workspace.reports.figures.cellClicked.emit(0, 0)
    _shot(app, window, f"13-manager-reports-{language}")
    workspace.show_tab(workspace.day)
    _shot(app, window, f"14-manager-close-of-day-{language}")
    workspace.show_tab(workspace.people)
    _shot(app, window, f"15-manager-users-audit-{language}")
    workspace.show_tab(workspace.policy)
    _shot(app, window, f"16-manager-policy-{language}")
    workspace.show_tab(workspace.queues)
    workspace.queues.queues.setCurrentIndex(4)
    workspace.queues.serial.customers.selectRow(0)
    workspace.queues.serial.returns.selectRow(0)
    _shot(app, window, f"17-manager-serial-returners-{language}")


def _policy_load(app: QApplication, till: Till, language: str, printer_url: str, size: tuple[int, int] = (1280, 800),
                 name: str = "18-manager-policy-load") -> None:
    """An administrator about to load a stricter policy: what it changes, before it is loaded."""
    admin = Session(principal=Principal("admin", "Alex Admin", Role.ADMIN), till_id=lambda: "T1",
                    offline=lambda: False, store_id=lambda: "PARIS-01")
    window = build_window(ui_services(till, language, printer_url, signs_in=False), admin, InlineTaskRunner(),
                          poll_status=False)
    window.resize(*size)
    window.show()
    window.show_manager()
    workspace = window.manager_workspace
    stricter = Path(till.data_dir) / "policy-2027-01.toml"
    text = str(till.policies.describe()["text"])
    stricter.write_text(text.replace('version = "', 'version = "2027-01-', 1)
                        .replace("max_returns = 4", "max_returns = 3")
                        .replace('# max_amount = "300.00"', 'max_amount = "300.00"'), encoding="utf-8")
    workspace.show_tab(workspace.policy)
    workspace.policy.choose_file = lambda: str(stricter)
    workspace.policy.load_button.click()
    _shot(app, window, f"{name}-{language}")
    window.close()


def _until(app: QApplication, done: Callable[[], bool], seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while not done() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)


def _shot(app: QApplication, window: MainWindow, name: str, dialog: QDialog | None = None) -> None:
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # no event loop runs here: drop removed widgets
    app.processEvents()
    picture = window.grab()
    if dialog is not None:
        dialog.adjustSize()
        dialog.show()
        app.processEvents()
        over = dialog.grab()
        bar = 34  # offscreen windows have no frame: draw a plain title bar like the desktop's
        left, top = (picture.width() - over.width()) // 2, (picture.height() - over.height() - bar) // 2
        painter = QPainter(picture)
        painter.fillRect(picture.rect(), QColor(16, 42, 67, 110))
        painter.fillRect(left - 1, top - 1, over.width() + 2, over.height() + bar + 2, QColor("#243b53"))
        painter.setPen(QColor("#ffffff"))
        painter.drawText(left + 12, top, over.width() - 24, bar, Qt.AlignmentFlag.AlignVCenter, dialog.windowTitle())
        painter.drawPixmap(left, top + bar, over)
        painter.end()
        dialog.close()
    picture.save(str(OUT / f"{name}.png"))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "fr"))
