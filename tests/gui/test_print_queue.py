"""The print queue in the window: a receipt that did not print waits visibly, with retry and cancel,
and the printer's work runs on its own thread (never the GUI thread, never a pool thread)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from posdrivers.virtual.printer import VirtualPrinter
from PySide6.QtCore import Qt

from posreturns.app import Till, open_printing
from posreturns.app_ui import ui_services
from posreturns.domain.users import Principal
from posreturns.ui.presenters.return_flow import Session
from posreturns.ui.tasks import TaskRunner
from posreturns.ui.views.main_window import DONE, MainWindow
from posreturns.ui.views.print_queue_dialog import PrintQueueDialog
from posreturns.ui.window import build_window


class KeepDialogs:
    """Keeps the dialogs it is asked to show (open, for the test to drive)."""

    def __init__(self) -> None:
        self.shown: list[Any] = []

    def ask_approval(self, reason: str) -> None:
        return None

    def show_dialog(self, dialog: Any) -> bool:
        self.shown.append(dialog)
        dialog.show()
        return False

    def confirm(self, question: str) -> bool:
        return True


@pytest.fixture
def window(qtbot, demo_till: Till, printer: VirtualPrinter) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    session = Session(principal=Principal.vouched("marie", by="tests"), till_id=lambda: "T1", offline=lambda: False,
                      store_id=lambda: "PARIS-01")
    built = build_window(ui_services(demo_till, "en", printer.url, signs_in=False), session, runner,
                         dialogs=KeepDialogs(), poll_status=False)  # type: ignore[arg-type]
    qtbot.addWidget(built)
    yield built
    runner.close()  # as the till does once its window closes: nothing more is delivered to it


def _complete_cash_return(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.on_scan("PA01-000103")
    qtbot.waitUntil(lambda: window.flow.order is not None, timeout=5000)
    window.flow.add_order_line("ORD-1003-L2")
    window.flow.update_line(0, reason="WRONG_SIZE")
    window.flow.update_line(0, condition="NEW_WITH_TAGS")
    qtbot.waitUntil(lambda: window.flow.quote is not None, timeout=5000)
    window.flow.complete()
    qtbot.waitUntil(lambda: window.pages.currentIndex() == DONE, timeout=5000)


def test_a_cash_refund_opens_the_drawer_on_the_printer_thread_then_prints(
        qtbot, window: MainWindow, printer: VirtualPrinter) -> None:  # type: ignore[no-untyped-def]
    threads: list[str] = []
    window.flow.printed.connect(lambda _outcome: threads.append(threading.current_thread().name))
    _complete_cash_return(qtbot, window)
    qtbot.waitUntil(lambda: "Receipt printed" in window.done.print_status.text(), timeout=5000)
    assert window.done.drawer_status.text() == "The cash drawer is open."
    assert printer.wait_for_job(1).data.startswith(b"\x10\x14\x01")  # the pulse, alone, before the receipt
    assert b"\x10\x14" not in printer.wait_for_job(2).data and b"\x1bp" not in printer.wait_for_job(2).data
    assert threads == [threading.main_thread().name]  # the result reached the GUI thread by a signal
    qtbot.mouseClick(window.done.reprint_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Copy of the receipt printed" in window.done.print_status.text(), timeout=5000)
    assert "DUPLICATA" in printer.wait_for_job(3).text  # the till prints in French
    assert len([job for job in printer.jobs if job.data.startswith(b"\x10\x14")]) == 1  # the drawer opened once


def test_a_receipt_that_did_not_print_waits_in_the_queue_with_retry_and_cancel(
        qtbot, window: MainWindow, demo_till: Till, printer: VirtualPrinter) -> None:  # type: ignore[no-untyped-def]
    printer.set_fault("paper_out")
    _complete_cash_return(qtbot, window)
    qtbot.waitUntil(lambda: "out of paper" in window.done.print_status.text(), timeout=5000)
    window.status_bar.show_state({"print_waiting": len(open_printing(demo_till, printer.url).waiting()),
                                  "printer_configured": True})
    assert window.status_bar.print_queue_button.isVisibleTo(window)
    window.status_bar.print_queue_button.click()
    [dialog] = window.dialogs.shown  # type: ignore[attr-defined]
    assert isinstance(dialog, PrintQueueDialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=5000)
    assert "out of paper" in dialog.table.item(0, 4).text() and dialog.table.item(0, 0).text() == "Return receipt"
    qtbot.mouseClick(dialog.retry_button, Qt.MouseButton.LeftButton)  # still no paper
    qtbot.waitUntil(lambda: "out of paper" in dialog.outcome.text(), timeout=5000)
    printer.set_fault(None)
    qtbot.mouseClick(dialog.retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.outcome.text() == "Printed." and dialog.empty.isVisibleTo(dialog), timeout=5000)
    assert window.done.return_number in printer.jobs[-1].text
    printer.set_fault("cover_open")
    window.flow.reprint(window.done.return_number)
    qtbot.waitUntil(lambda: "cover" in window.done.print_status.text(), timeout=5000)
    dialog.presenter.load()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=5000)
    assert dialog.table.item(0, 0).text() == "Return receipt (copy)"
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "will not print" in dialog.outcome.text() and dialog.table.rowCount() == 0, timeout=5000)
    assert open_printing(demo_till, printer.url).waiting() == []
