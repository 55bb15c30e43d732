"""Inside a host POS, a return with a card refund on the host's terminal is committed at once but
its receipt (in the printer's language, French here) waits for the terminal: confirmed, it prints
with the terminal's reference; declined, or no answer in time (recorded as a failure), a manager
pays the card part another way at the till (store credit, or cash when the policy allows it) and
the receipt prints with that tender. The host also enters the drawer float through the widget."""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from helpers.host import FakeHost
from posdrivers.virtual.printer import VirtualPrinter
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from posreturns.app import Till
from posreturns.devices.wording import METHODS, pick, word
from posreturns.domain.money import Money
from posreturns.plugin import RefundInstruction, create_returns_widget
from posreturns.ui.embedded import ReturnsWidget
from posreturns.ui.views.main_window import DONE, RETURN

MANAGER, PIN = "mgr1", "2468"




class ManagerAtTheTill:
    """Answers the approval with the manager's ID and PIN, and keeps what was asked."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def ask_approval(self, reason: str) -> tuple[str, str]:
        self.asked.append(reason)
        return MANAGER, PIN

    def confirm(self, question: str) -> bool:
        return True


@pytest.fixture
def host(qtbot) -> FakeHost:  # type: ignore[no-untyped-def]
    window = QWidget()
    qtbot.addWidget(window)
    return FakeHost(window)


def _widget(host: FakeHost, till: Till, printer: VirtualPrinter, timeout: float = 120.0) -> ReturnsWidget:
    till.settings.set("printer.url", printer.url)
    till.users.seed(MANAGER, "Marie Manager", "manager", PIN)
    return create_returns_widget(host, till.data_dir, language="en", dialogs=ManagerAtTheTill(),
                                 confirm_timeout=timeout)


@pytest.fixture
def embedded(host: FakeHost, demo_till: Till, printer: VirtualPrinter) -> Iterator[ReturnsWidget]:
    widget = _widget(host, demo_till, printer)
    yield widget
    widget.shutdown()


def _card_return(qtbot, widget: ReturnsWidget, host: FakeHost) -> RefundInstruction:  # type: ignore[no-untyped-def]
    """PA01-000102's dress, refunded to the card on the host's terminal (100.20)."""
    window = widget.window_
    window.on_scan("PA01-000102")
    qtbot.waitUntil(lambda: window.pages.currentIndex() == RETURN, timeout=5000)
    window.flow.add_order_line("ORD-1002-L1")
    window.flow.update_line(0, reason="WRONG_SIZE", condition="NEW_WITH_TAGS")
    qtbot.waitUntil(window.return_page.decision.confirm_button.isEnabled, timeout=5000)
    qtbot.mouseClick(window.return_page.decision.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.pages.currentIndex() == DONE and len(host.instructions) == 1, timeout=5000)
    return host.instructions[0]


def _printed(qtbot, printer: VirtualPrinter, number: int = 1) -> Any:  # type: ignore[no-untyped-def]
    """Job `number` of the printer, waiting with the event loop running (the answers come through it)."""
    qtbot.waitUntil(lambda: len(printer.jobs) >= number, timeout=5000)
    return printer.jobs[number - 1]


def _jobs(till: Till, number: str) -> list[Any]:
    with till.engine.connect() as connection:
        return connection.exec_driver_sql("SELECT kind, status FROM print_jobs WHERE reference = ?", (number,)).all()


def _audit(till: Till, number: str) -> list[Any]:
    with till.engine.connect() as connection:
        return connection.exec_driver_sql("SELECT action, detail_json FROM audit_log WHERE subject = ? "
                                          "AND action LIKE 'host.%' ORDER BY id", (number,)).all()


def test_the_receipt_waits_for_the_terminal_and_prints_its_reference(
        qtbot, embedded: ReturnsWidget, host: FakeHost, demo_till: Till, printer: VirtualPrinter) -> None:  # type: ignore[no-untyped-def]
    instruction = _card_return(qtbot, embedded, host)
    done = embedded.window_.done
    assert done.host_status.text() == "Waiting for the payment terminal…"
    assert done.print_status.text() == "The receipt prints once the payment terminal has answered."
    embedded.payments.runner.wait()
    assert _jobs(demo_till, instruction.return_number) == []  # committed, nothing printed yet
    instruction.confirm("AUTH-777")
    job = _printed(qtbot, printer)
    assert instruction.return_number in job.text and f"{word('terminal_reference', 'fr')}: AUTH-777" in job.text
    qtbot.waitUntil(lambda: done.print_status.text() == "Receipt printed.", timeout=5000)
    assert not embedded.fallback.isVisibleTo(done)  # type: ignore[union-attr]


def test_a_declined_card_refund_is_paid_as_store_credit_and_the_receipt_shows_the_voucher(
        qtbot, embedded: ReturnsWidget, host: FakeHost, demo_till: Till, printer: VirtualPrinter) -> None:  # type: ignore[no-untyped-def]
    instruction = _card_return(qtbot, embedded, host)
    instruction.fail("card expired")
    fallback, done = embedded.fallback, embedded.window_.done
    assert fallback is not None
    qtbot.waitUntil(lambda: fallback.isVisibleTo(done), timeout=5000)
    assert "did not refund" in done.host_status.text() and "€100.20" in fallback.explain.text()
    assert fallback.cash_button.isVisibleTo(done)  # the sale was partly paid in cash: the policy allows cash
    assert _jobs(demo_till, instruction.return_number) == []
    qtbot.mouseClick(fallback.credit_button, Qt.MouseButton.LeftButton)
    job = _printed(qtbot, printer)
    qtbot.waitUntil(lambda: done.host_status.text() == "The card refund was paid another way.", timeout=5000)
    with demo_till.engine.connect() as connection:
        method, code, by = connection.exec_driver_sql("SELECT method, voucher_code, settled_by FROM "
                                                      "refund_replacements WHERE return_number = ?",
                                                      (instruction.return_number,)).one()
    assert (method, by) == ("store_credit", MANAGER)
    assert word("card_declined", "fr") in job.text and f"[CODE128 {code}]" in job.text  # the voucher, scannable
    assert fallback.explain.text() == f"Paid as store credit: hand over the voucher {code} (€100.20)."
    assert not fallback.credit_button.isVisibleTo(done) and not fallback.cash_button.isVisibleTo(done)


@pytest.mark.allow_warning_logs  # the late confirmation is logged as a warning, on purpose
def test_no_answer_in_time_is_recorded_as_failed_and_paid_in_cash_a_late_answer_is_flagged(
        qtbot, host: FakeHost, demo_till: Till, printer: VirtualPrinter) -> None:  # type: ignore[no-untyped-def]
    widget = _widget(host, demo_till, printer, timeout=0.2)
    try:
        instruction = _card_return(qtbot, widget, host)
        fallback, done = widget.fallback, widget.window_.done
        assert fallback is not None
        qtbot.waitUntil(lambda: fallback.isVisibleTo(done), timeout=5000)
        assert "did not answer in time" in done.host_status.text()
        [(action, detail)] = _audit(demo_till, instruction.return_number)
        assert action == "host.refund_failed" and "no answer" in json.loads(detail)["reason"]
        qtbot.mouseClick(fallback.cash_button, Qt.MouseButton.LeftButton)
        job = _printed(qtbot, printer, 2)
        assert printer.jobs[0].text.startswith("[DRAWER")  # the drawer opens first, then the receipt prints
        assert f"{word('paid_instead', 'fr')} {pick(METHODS['cash'], 'cash', 'fr')}" in job.text
        assert fallback.explain.text() == "Paid in cash: give €100.20 from the drawer."
        qtbot.waitUntil(lambda: done.drawer_status.isVisibleTo(done), timeout=5000)
        instruction.confirm("AUTH-LATE")  # the terminal paid after all: recorded, and a manager is called
        qtbot.waitUntil(lambda: "after the till stopped waiting" in done.print_status.text(), timeout=5000)
        widget.payments.runner.wait()
        assert [a for a, _ in _audit(demo_till, instruction.return_number)] == [
            "host.refund_failed", "host.refund_replaced", "host.refund_confirmed"]
        assert done.host_status.text() == "The card refund was paid another way."  # what the till did stays
        shown = demo_till.queries.show(instruction.return_number)
        assert shown is not None and (shown["host_payment"]["state"], shown["host_payment"]["replaced_by"]["method"]) \
            == ("confirmed", "cash")  # both, for the manager who settles it
    finally:
        widget.shutdown()


def test_the_host_enters_the_drawer_float_through_the_widget(qtbot, embedded: ReturnsWidget,
                                                              demo_till: Till) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(TypeError, match="never a float"):
        embedded.set_drawer_float(200.0)  # type: ignore[arg-type]
    saved: list[Any] = []
    embedded.set_drawer_float(Decimal("200.00"), on_done=saved.append)
    qtbot.waitUntil(lambda: len(saved) == 1, timeout=5000)
    entry = demo_till.drawer.current_float("T2")
    assert entry is not None and (entry.amount, entry.set_by) == (Money.of("200.00", "EUR"), "paul")
    refused: list[BaseException] = []
    embedded.set_drawer_float("a lot", on_error=refused.append)
    qtbot.waitUntil(lambda: len(refused) == 1, timeout=5000)
    assert "is not an amount" in str(refused[0])
