"""A return that needs a manager when none is at hand, through the real window: the cashier parks
it (the till goes home, free for the next customer), a manager approves it, and the cashier resumes
it from "Waiting for a manager" and completes it (receipt printed, approved by that manager); a
refused one shows the manager's reason and is dropped."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from posdrivers.virtual.printer import VirtualPrinter

from posreturns.app import Till, open_pending_approvals
from posreturns.app_ui import ui_services
from posreturns.domain.decision import DecisionStatus
from posreturns.domain.permissions import Permission
from posreturns.domain.users import Principal
from posreturns.ui.presenters.return_flow import Session
from posreturns.ui.tasks import TaskRunner
from posreturns.ui.views.main_window import DONE, HOME, RETURN, MainWindow
from posreturns.ui.window import build_window


class NoManagerDialogs:
    """Nobody types a manager's PIN; the cashier agrees to park the return."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.questions: list[str] = []

    def ask_approval(self, reason: str) -> None:
        self.asked.append(reason)

    def confirm(self, question: str) -> bool:
        self.questions.append(question)
        return True


@pytest.fixture
def window(qtbot, demo_till: Till, printer: VirtualPrinter) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    demo_till.users.seed("mgr1", "Sophie Laurent", "manager", "4321")
    runner = TaskRunner()
    session = Session(principal=Principal.vouched("marie", by="tests"), till_id=lambda: "T1", offline=lambda: False,
                      store_id=lambda: "PARIS-01")
    built = build_window(ui_services(demo_till, "en", printer.url, signs_in=False), session, runner,
                         dialogs=NoManagerDialogs(), poll_status=False)  # type: ignore[arg-type]
    qtbot.addWidget(built)
    built.show()
    yield built
    runner.close()  # as the till does once its window closes: nothing more is delivered to it


def park_the_big_return(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.on_scan("PA01-000108")
    qtbot.waitUntil(lambda: window.pages.currentIndex() == RETURN, timeout=5000)
    for line_id in ("ORD-1008-L1", "ORD-1008-L2"):
        window.flow.add_order_line(line_id)
    for index in (0, 1):
        window.flow.update_line(index, reason="CHANGED_MIND", condition="NEW_WITH_TAGS")
    qtbot.waitUntil(lambda: window.flow.quote is not None
                    and window.flow.quote.quote.status is DecisionStatus.NEEDS_APPROVAL, timeout=5000)
    window.return_page.decision.confirm_button.click()
    qtbot.waitUntil(lambda: window.parked_button.text() == "Waiting for a manager (1)", timeout=5000)
    assert not window.parked_button.isHidden()


def test_a_parked_return_is_approved_then_resumed_and_completed(qtbot, window: MainWindow, demo_till: Till,
                                                                printer: VirtualPrinter) -> None:  # type: ignore[no-untyped-def]
    park_the_big_return(qtbot, window)
    assert window.pages.currentIndex() == HOME and not window.flow.basket.lines
    assert "Park this return" in window.dialogs.questions[-1]
    approvals = open_pending_approvals(demo_till)
    (waiting,) = approvals.waiting()
    assert waiting.receipt == "PA01-000108" and "manager" in waiting.why
    boss = demo_till.access.sign_in("mgr1", "4321", Permission.APPROVE_RETURN)
    approvals.decide(boss, waiting.id, True)
    window.parked_button.click()
    dialog = window.parked_dialog
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1 and dialog.table.item(0, 2).text() ==
                    "Approved by mgr1: complete it", timeout=5000)
    dialog.table.selectRow(0)
    dialog.resume_button.click()
    qtbot.waitUntil(lambda: window.pages.currentIndex() == DONE, timeout=5000)
    assert "PA01-000108" in printer.wait_for_job(1).text
    with demo_till.engine.connect() as connection:
        row = connection.exec_driver_sql("SELECT approved_by, refund_total_minor FROM returns WHERE origin = 'till'"
                                         ).one()
    assert tuple(row) == ("mgr1", 52820)
    # nothing waits any more: the button leaves the home screen's tools
    qtbot.waitUntil(lambda: window.parked_button.text() == "Waiting for a manager", timeout=5000)
    assert window.parked_button.isHidden()


def test_a_refused_return_shows_the_reason_and_is_dropped(qtbot, window: MainWindow,
                                                          demo_till: Till) -> None:  # type: ignore[no-untyped-def]
    park_the_big_return(qtbot, window)
    approvals = open_pending_approvals(demo_till)
    boss = demo_till.access.sign_in("mgr1", "4321", Permission.APPROVE_RETURN)
    approvals.decide(boss, approvals.waiting()[0].id, False, "watch worn")
    window.parked_button.click()
    dialog = window.parked_dialog
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1 and dialog.table.item(0, 2).text() ==
                    "Refused by mgr1: watch worn", timeout=5000)
    dialog.table.selectRow(0)
    dialog.resume_button.click()
    qtbot.waitUntil(lambda: "refused this return: watch worn" in dialog.message.text(), timeout=5000)
    dialog.table.selectRow(0)
    dialog.drop_button.click()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0, timeout=5000)
    assert approvals.for_till() == [] and window.pages.currentIndex() == HOME
