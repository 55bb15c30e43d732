"""The returns screen embedded in a host POS: the example host builds it, a completed return hands
the host its refund instruction, and the host's confirmation (from any thread) is audited."""

from __future__ import annotations

import importlib.util
import json
import threading
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from helpers.host import FakeHost
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from posreturns.app import Till
from posreturns.plugin import TenderInstruction, create_returns_widget
from posreturns.ui.embedded import ReturnsWidget
from posreturns.ui.views.main_window import DONE, RETURN

EXAMPLE = Path(__file__).parents[2] / "examples" / "host_pos.py"


def _example() -> ModuleType:
    spec = importlib.util.spec_from_file_location("host_pos_example", EXAMPLE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module




class NoDialogs:
    def ask_approval(self, reason: str) -> None:
        return None

    def confirm(self, question: str) -> bool:
        return True


@pytest.fixture
def host(qtbot) -> FakeHost:  # type: ignore[no-untyped-def]
    window = QWidget()
    qtbot.addWidget(window)
    return FakeHost(window)


@pytest.fixture
def embedded(qtbot, host: FakeHost, demo_till: Till) -> Iterator[ReturnsWidget]:  # type: ignore[no-untyped-def]
    widget = create_returns_widget(host, demo_till.data_dir, language="en", dialogs=NoDialogs())
    yield widget
    widget.shutdown()


def _complete_return(qtbot, widget: ReturnsWidget) -> None:  # type: ignore[no-untyped-def]
    window = widget.window_
    window.on_scan("PA01-000102")
    qtbot.waitUntil(lambda: window.pages.currentIndex() == RETURN, timeout=5000)
    window.flow.add_order_line("ORD-1002-L1")
    window.flow.update_line(0, reason="WRONG_SIZE", condition="NEW_WITH_TAGS")
    qtbot.waitUntil(window.return_page.decision.confirm_button.isEnabled, timeout=5000)
    qtbot.mouseClick(window.return_page.decision.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.pages.currentIndex() == DONE, timeout=5000)


def _audit(till: Till, number: str) -> list[Any]:
    with till.engine.connect() as connection:
        return connection.exec_driver_sql("SELECT action, actor, detail_json FROM audit_log WHERE subject = ? "
                                          "AND action LIKE 'host.%' ORDER BY id", (number,)).all()


def test_the_widget_lives_in_the_host_window_with_the_hosts_till(embedded: ReturnsWidget, host: FakeHost,
                                                                  demo_till: Till) -> None:
    assert embedded.parentWidget() is host.parent_window and not embedded.window_.isWindow()
    assert embedded.window_.home.find_button.text() == "Find"
    demo_till.settings.refresh()  # the plugin wrote them through its own connection
    assert demo_till.settings.get("till.id") == "T2" and demo_till.settings.get("store.id") == "PARIS-01"


def test_a_completed_return_hands_the_host_its_refund_and_waits_for_its_confirmation(
        qtbot, embedded: ReturnsWidget, host: FakeHost, demo_till: Till) -> None:  # type: ignore[no-untyped-def]
    _complete_return(qtbot, embedded)
    qtbot.waitUntil(lambda: len(host.instructions) == 1, timeout=5000)
    [instruction] = host.instructions
    assert instruction.refund_total == Decimal("100.20") and instruction.currency == "EUR"
    assert instruction.tenders == (TenderInstruction("card", Decimal("100.20"), "host", "CB-1881"),)
    assert instruction.host_amount == Decimal("100.20") and instruction.cash_to_pay_out == Decimal(0)
    done = embedded.window_.done
    assert done.host_status.isVisibleTo(done) and done.host_status.text() == "Waiting for the payment terminal…"
    with demo_till.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT till_id, cashier FROM returns WHERE number = ?",
                                          (instruction.return_number,)).one() == ("T2", "paul")
    assert _audit(demo_till, instruction.return_number) == []

    worker = threading.Thread(target=instruction.confirm, args=("AUTH-777",))  # a terminal callback thread
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: done.host_status.text() == "The payment terminal confirmed the refund.", timeout=5000)
    [(action, actor, detail)] = _audit(demo_till, instruction.return_number)
    assert (action, actor) == ("host.refund_confirmed", "paul")
    assert json.loads(detail) == {"reference": "AUTH-777", "host_tenders": [{"method": "card", "amount": "100.20"}],
                                  "vouched_by": "host"}
    instruction.confirm("AUTH-777")  # a repeat changes nothing
    embedded.payments.runner.wait()
    assert len(_audit(demo_till, instruction.return_number)) == 1


def test_a_terminal_failure_is_audited_and_shown(qtbot, embedded: ReturnsWidget, host: FakeHost,
                                                  demo_till: Till) -> None:  # type: ignore[no-untyped-def]
    _complete_return(qtbot, embedded)
    qtbot.waitUntil(lambda: len(host.instructions) == 1, timeout=5000)
    host.instructions[0].fail("card declined by the terminal")
    done = embedded.window_.done
    qtbot.waitUntil(lambda: "did not refund" in done.host_status.text(), timeout=5000)
    [(action, _actor, detail)] = _audit(demo_till, host.instructions[0].return_number)
    assert action == "host.refund_failed" and json.loads(detail)["reason"] == "card declined by the terminal"


def test_the_example_host_embeds_the_widget_and_confirms_the_refund(qtbot, demo_till: Till) -> None:  # type: ignore[no-untyped-def]
    example = _example()
    pos = example.FakePos(demo_till.data_dir, terminal_delay_ms=10)
    qtbot.addWidget(pos)
    pos.show()
    qtbot.mouseClick(pos.returns_button, Qt.MouseButton.LeftButton)
    widget = pos.returns
    assert isinstance(widget, ReturnsWidget) and pos.screens.currentWidget() is widget
    try:
        widget.window_.dialogs = NoDialogs()
        _complete_return(qtbot, widget)
        qtbot.waitUntil(lambda: "confirmed to posreturns" in pos.log.toPlainText(), timeout=5000)
        [instruction] = pos.instructions
        assert instruction.host_amount == Decimal("100.20")
        assert "card 100.20 by host" in pos.log.toPlainText()
        qtbot.waitUntil(lambda: bool(_audit(demo_till, instruction.return_number)), timeout=5000)
        assert _audit(demo_till, instruction.return_number)[0][0] == "host.refund_confirmed"
    finally:
        pos.close()


def test_the_host_widget_reaches_the_managers_workspace_behind_a_managers_pin(
        qtbot, embedded: ReturnsWidget, demo_till: Till) -> None:  # type: ignore[no-untyped-def]
    window = embedded.window_
    qtbot.mouseClick(window.manager_button, Qt.MouseButton.LeftButton)
    workspace = window.manager_workspace
    assert window.pages.currentWidget() is workspace and workspace.stack.currentIndex() == 0  # the host's cashier
    demo_till.users.seed("sophie", "Sophie Laurent", "manager", "1234")
    workspace.gate.user_id.setText("sophie")
    workspace.gate.pin.setText("1234")
    workspace.gate.submit()
    qtbot.waitUntil(lambda: workspace.stack.currentIndex() == 1, timeout=5000)
