"""A full return driven through the real window: wedge scanner bursts, a serial pty scanner,
the virtual printer over TCP, and the database checked at the end."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from helpers.clock import SteppingClock
from posdrivers import WedgeConfig
from posdrivers.virtual.printer import VirtualPrinter
from posdrivers.virtual.scanner import VirtualScanner
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from posreturns.app import Till
from posreturns.app_ui import ui_services
from posreturns.devices.scanner import interpret
from posreturns.devices.scanner_reader import ScannerReader
from posreturns.domain.decision import DecisionStatus
from posreturns.domain.users import Principal
from posreturns.ui.presenters.return_flow import Session
from posreturns.ui.scanner_filter import WedgeScannerFilter
from posreturns.ui.serial_scanner import SerialScannerBridge
from posreturns.ui.tasks import TaskRunner
from posreturns.ui.views.main_window import DONE, HOME, RETURN, MainWindow
from posreturns.ui.window import build_window


class FakeDialogs:
    """Answers the window's questions like a manager standing next to the cashier would."""

    def __init__(self, approval: tuple[str, str] | None = None) -> None:
        self.approval, self.asked = approval, []  # type: ignore[var-annotated]

    def ask_approval(self, reason: str) -> tuple[str, str] | None:
        self.asked.append(reason)
        return self.approval

    def confirm(self, question: str) -> bool:
        return True



@pytest.fixture
def window(qtbot, demo_till: Till, printer: VirtualPrinter) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    session = Session(principal=Principal.vouched("marie", by="tests"), till_id=lambda: "T1", offline=lambda: False,
                      store_id=lambda: "PARIS-01")
    built = build_window(ui_services(demo_till, "en", printer.url, signs_in=False), session, runner,
                         dialogs=FakeDialogs(("mgr1", "4321")), interpret=interpret,
                         poll_status=False)  # type: ignore[arg-type]
    qtbot.addWidget(built)
    built.show()
    scanner = WedgeScannerFilter(WedgeConfig(), clock=SteppingClock(0.004), parent=built)
    scanner.scanned.connect(built.on_scan)
    QApplication.instance().installEventFilter(scanner)
    yield built
    QApplication.instance().removeEventFilter(scanner)
    runner.close()  # as the till does once its window closes: nothing more is delivered to it


def _scan(qtbot, window: MainWindow, code: str) -> None:  # type: ignore[no-untyped-def]
    target = QApplication.focusWidget() or window
    qtbot.keyClicks(target, code)
    qtbot.keyClick(target, Qt.Key.Key_Return)


def _barcode(till: Till, sku: str) -> str:
    with till.engine.connect() as connection:
        return str(connection.exec_driver_sql("SELECT code FROM barcodes WHERE sku = ?", (sku,)).scalar_one())[1:]


def test_a_full_return_by_scanner_prints_the_receipt_and_is_in_the_database(
        qtbot, window: MainWindow, demo_till: Till, printer: VirtualPrinter) -> None:  # type: ignore[no-untyped-def]
    window.home.scan_field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.home.scan_field)
    _scan(qtbot, window, "PA01-000102")
    qtbot.waitUntil(lambda: window.pages.currentIndex() == RETURN, timeout=5000)
    assert window.home.scan_field.text() in ("", "PA01-000102")
    window.return_page.item_field.setFocus()
    _scan(qtbot, window, _barcode(demo_till, "ROBE-LIN-38"))
    qtbot.waitUntil(lambda: len(window.flow.basket.lines) == 1, timeout=5000)
    card = window.return_page.basket_box.itemAt(0).widget()
    qtbot.mouseClick(card.reasons.buttons["WRONG_SIZE"], Qt.MouseButton.LeftButton)
    card = window.return_page.basket_box.itemAt(0).widget()
    qtbot.mouseClick(card.conditions.buttons["NEW_WITH_TAGS"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.return_page.decision.confirm_button.isEnabled(), timeout=5000)
    assert "€100.20" in window.return_page.decision.totals.text()
    qtbot.mouseClick(window.return_page.decision.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.pages.currentIndex() == DONE, timeout=5000)
    qtbot.waitUntil(lambda: "Receipt printed" in window.done.print_status.text(), timeout=5000)
    job = printer.wait_for_job(1)
    number = window.done._return_number
    assert number in job.text and "Robe en lin 38" in job.text
    assert "on the payment terminal" in window.done.instructions.text()
    with demo_till.engine.connect() as connection:
        assert connection.exec_driver_sql(
            "SELECT returned_qty, refunded_minor FROM order_lines WHERE id = 'ORD-1002-L1'").one() == (1, 10020)
        assert connection.exec_driver_sql("SELECT count(*) FROM returns WHERE number = ?", (number,)).scalar() == 1
    qtbot.mouseClick(window.done.new_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentIndex() == HOME
    assert window.home.recent.rowCount() == 1


def test_an_approval_is_asked_in_place_and_recorded(qtbot, window: MainWindow,
                                                    demo_till: Till) -> None:  # type: ignore[no-untyped-def]
    demo_till.users.seed("mgr1", "Sophie Laurent", "manager", "4321")
    window.on_scan("PA01-000108")
    qtbot.waitUntil(lambda: window.pages.currentIndex() == RETURN, timeout=5000)
    for line_id in ("ORD-1008-L1", "ORD-1008-L2"):
        window.flow.add_order_line(line_id)
    for index in (0, 1):
        window.flow.update_line(index, reason="CHANGED_MIND", condition="NEW_WITH_TAGS")
    qtbot.waitUntil(lambda: window.flow.quote is not None
                    and window.flow.quote.quote.status is DecisionStatus.NEEDS_APPROVAL, timeout=5000)
    window.return_page.decision.confirm_button.click()
    qtbot.waitUntil(lambda: window.pages.currentIndex() == DONE, timeout=5000)
    assert window.dialogs.asked
    with demo_till.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT approved_by FROM returns WHERE origin = 'till'").scalar() == "mgr1"


def test_a_refused_return_cannot_be_completed(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.on_scan("PA01-000105")
    qtbot.waitUntil(lambda: window.pages.currentIndex() == RETURN, timeout=5000)
    window.flow.add_order_line("ORD-1005-L1")
    window.flow.update_line(0, reason="CHANGED_MIND", condition="NEW_WITH_TAGS")
    qtbot.waitUntil(lambda: window.return_page.decision.status.property("state") == "refused", timeout=5000)
    assert not window.return_page.decision.confirm_button.isEnabled()
    assert window.return_page.decision.totals.text() == "" and window.return_page.decision.why.text() == ""
    assert ("Final sale" in window.return_page.decision.trace.text()
            or "final" in window.return_page.decision.trace.text().lower())


def test_a_serial_scanner_on_a_pty_drives_the_lookup(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    with VirtualScanner("CR") as scanner:
        bridge = SerialScannerBridge(ScannerReader(str(scanner.path)))
        bridge.scanned.connect(window.on_scan)
        try:
            with qtbot.waitSignal(bridge.status, timeout=5000, check_params_cb=lambda text: "connected" in text):
                bridge.start()
            scanner.scan("W-100201")
            qtbot.waitUntil(lambda: window.pages.currentIndex() == RETURN, timeout=5000)
            assert window.flow.order is not None and window.flow.order.number == "W-100201"
        finally:
            bridge.stop()


def test_an_item_barcode_on_the_home_screen_explains_what_to_do(qtbot, window: MainWindow,
                                                                demo_till: Till) -> None:  # type: ignore[no-untyped-def]
    window.on_scan(_barcode(demo_till, "ROBE-LIN-38"))
    assert "scan the receipt first" in window.home.message.text()
    window.on_scan("\x00\x01garbage")
    assert window.pages.currentIndex() == HOME


class PickingDialogs(FakeDialogs):
    def __init__(self, sku: str) -> None:
        super().__init__()
        self.sku, self.offered = sku, []  # type: ignore[var-annotated]

    def choose_replacement(self, variants, formats, customer=None):  # type: ignore[no-untyped-def]
        self.offered = variants
        return next(v for v in variants if v["sku"] == self.sku)


def test_an_exchange_for_another_size_through_the_window(qtbot, window: MainWindow,
                                                         demo_till: Till) -> None:  # type: ignore[no-untyped-def]
    window.dialogs = PickingDialogs("TSH-NVY-L")
    window.on_scan("PA01-000101")
    qtbot.waitUntil(lambda: window.pages.currentIndex() == RETURN, timeout=5000)
    window.flow.add_order_line("ORD-1001-L1")
    window.flow.update_line(0, reason="WRONG_SIZE", condition="NEW_WITH_TAGS")
    window.return_page.decision.method_buttons["exchange"].click()
    qtbot.waitUntil(lambda: window.return_page.decision.replacement_button.isVisible(), timeout=5000)
    window.return_page.decision.replacement_button.click()
    qtbot.waitUntil(lambda: bool(window.flow.basket.exchange), timeout=5000)
    assert {v["sku"] for v in window.dialogs.offered} >= {"TSH-NVY-S", "TSH-NVY-L", "TSH-NVY-XL"}
    qtbot.waitUntil(lambda: "no money moves" in window.return_page.decision.totals.text(), timeout=5000)
    totals = window.return_page.decision.totals.text()
    assert "Refund" not in totals and "Returned items: €29.90" in totals and "Replacement: €29.90" in totals
    window.return_page.decision.confirm_button.click()
    qtbot.waitUntil(lambda: window.pages.currentIndex() == DONE, timeout=5000)
    assert "Give the customer the new item: 1 × " in window.done.instructions.text()
    with demo_till.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT sku, qty FROM exchange_lines").all() == [("TSH-NVY-L", 1)]
        moves = dict(connection.exec_driver_sql(
            "SELECT sku, sum(delta) FROM stock_movements WHERE location = 'PARIS-01' AND reason <> 'oms.level' "
            "GROUP BY sku").all())
    assert moves == {"TSH-NVY-L": -1, "TSH-NVY-M": 1}
    window.go_home()
    assert window.home.recent.item(0, 3).text() == "Exchange"  # not a refund of the item's price


def test_each_serial_tracked_unit_is_returned_on_its_own_line(qtbot,
                                                              window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.on_scan("PA01-000104")
    qtbot.waitUntil(lambda: window.pages.currentIndex() == RETURN, timeout=5000)
    window.flow.add_order_line("ORD-1004-L1")
    assert [(line.serial, line.max_qty) for line in window.flow.basket.lines] == [("SN-CQ-0001", 1)]
    window.flow.add_order_line("ORD-1004-L1")
    assert len(window.flow.basket.lines) == 1  # one unit sold, one unit in the return


def test_a_gs1_scan_from_an_lf_serial_scanner_reaches_the_basket_with_its_serial(qtbot,
                                                                                 window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """The scanner sends LF after each scan and | for the GS1 separator, as set up in the settings."""
    window.scans.interpret = lambda raw: interpret(raw, gs_substitute="|")
    with VirtualScanner("LF") as scanner:
        bridge = SerialScannerBridge(ScannerReader(str(scanner.path)))
        bridge.scanned.connect(window.on_scan)
        try:
            with qtbot.waitSignal(bridge.status, timeout=5000, check_params_cb=lambda text: "connected" in text):
                bridge.start()
            scanner.scan("PA01-000108")
            qtbot.waitUntil(lambda: window.pages.currentIndex() == RETURN, timeout=5000)
            scanner.scan("]d20103760000000307|21SN-CQ-0107")
            qtbot.waitUntil(lambda: len(window.flow.basket.lines) == 1, timeout=5000)
            first = window.flow.basket.lines[0]
            assert (first.sku, first.serial) == ("CASQ-BT-BLANC", "SN-CQ-0107")
            scanner.scan("]d20103760000000314|21SN-CQ-0107")  # the watch, with the headphones' serial
            qtbot.waitUntil(lambda: "was not sold" in window.return_page.message.text(), timeout=5000)
            assert len(window.flow.basket.lines) == 1
        finally:
            bridge.stop()


def test_the_next_customer_sees_nothing_of_the_last_one(qtbot, window: MainWindow, demo_till: Till) -> None:  # type: ignore[no-untyped-def]
    """A return that needed approval, a bad scan, a typed name: then the next customer's receipt and
    item, scanned at full speed, find a clean screen."""
    demo_till.users.seed("mgr1", "Sophie Laurent", "manager", "4321")
    window.home.customer_field.setText("Camille Martin")
    window.home.card_field.setText("1881")
    window.on_scan("PA01-000108")
    qtbot.waitUntil(lambda: window.pages.currentIndex() == RETURN, timeout=5000)
    page = window.return_page
    page.lines.selectRow(1)
    page.item_field.setText("half typed")
    window.on_scan("NOT-ON-THIS-RECEIPT")
    qtbot.waitUntil(lambda: bool(page.message.text()), timeout=5000)
    for line_id in ("ORD-1008-L1", "ORD-1008-L2"):
        window.flow.add_order_line(line_id)
    assert page.message.text() == "", "a good scan ends the last scan's complaint"
    for index in (0, 1):
        window.flow.update_line(index, reason="CHANGED_MIND", condition="NEW_WITH_TAGS")
    qtbot.waitUntil(lambda: page.decision.confirm_button.text().startswith("Get approval and complete"), timeout=5000)
    page.decision.confirm_button.click()
    qtbot.waitUntil(lambda: window.pages.currentIndex() == DONE, timeout=5000)
    qtbot.mouseClick(window.done.new_button, Qt.MouseButton.LeftButton)

    home = window.home
    assert [field.text()
            for field in (home.scan_field, home.customer_field, home.card_field, home.amount_field)] == [""] * 4
    assert home.results.rowCount() == 0 and home.message.text() == ""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is home.scan_field)
    _scan(qtbot, window, "PA01-000102")  # at wedge speed, Shift included
    qtbot.waitUntil(lambda: window.pages.currentIndex() == RETURN, timeout=5000)
    assert window.flow.order.number == "PA01-000102"
    assert page.item_field.text() == "" and page.message.text() == "" and not page.lines.selectedItems()
    assert page.decision.confirm_button.text() == "Complete the return   F12"
    assert not page.decision.confirm_button.isEnabled()
    assert page.decision.method_buttons["original"].isChecked() and page.basket_box.count() <= 1
    page.item_field.setFocus()
    _scan(qtbot, window, _barcode(demo_till, "ROBE-LIN-38"))
    qtbot.waitUntil(lambda: len(window.flow.basket.lines) == 1, timeout=5000)
    assert window.flow.basket.lines[0].sku == "ROBE-LIN-38" and page._cards[0].expanded


def test_each_items_reasons_name_the_item(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.on_scan("PA01-000102")
    qtbot.waitUntil(lambda: window.pages.currentIndex() == RETURN, timeout=5000)
    window.flow.add_order_line("ORD-1002-L1")
    window.flow.add_order_line("ORD-1002-L3")
    window.flow.update_line(0, reason="WRONG_SIZE", condition="NEW_WITH_TAGS")
    window.flow.update_line(1, reason="DEFECTIVE", condition="OPENED")
    qtbot.waitUntil(lambda: window.flow.quote is not None, timeout=5000)
    lines = window.return_page.decision.trace.text().splitlines()
    assert "• ROBE-LIN-38: Item back on sale at once (rule \"new-with-tags\")." in lines
    assert any(line.startswith("• CHAUSS-PACK: Item held for inspection") for line in lines)
    assert any(line.startswith("• Within the 30-day return window") for line in lines)  # the return's own


class DeliveringDialogs(PickingDialogs):
    """Chooses the 42, sold out here, delivered home from the warehouse: what the picker returns."""

    def choose_replacement(self, variants, formats, customer=None):  # type: ignore[no-untyped-def]
        self.offered, self.customer = variants, customer
        chosen = next(v for v in variants if v["sku"] == self.sku)
        return {**chosen, "delivery": {"source": "WAREHOUSE", "to": "home", "name": "Jeanne Martin",
                                       "phone": "06 12 34 56 78", "email": None,
                                       "address": {"line1": "3 rue des Lilas", "postal_code": "75011",
                                                   "city": "Paris"}}}


def test_an_exchange_delivered_home_from_the_warehouse_through_the_window(
        qtbot, window: MainWindow, demo_till: Till) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from posreturns.app import open_promises
    from posreturns.demo.network import demo_network
    from posreturns.domain.users import Role

    open_promises(demo_till).load(demo_network(date(2026, 11, 26)), "demo", Principal("root", "Root", Role.ADMIN))
    window.dialogs = DeliveringDialogs("BASK-CUIR-42")
    asked: list[str] = []
    held = {"line1": "3 rue des Lilas", "line2": None, "postal_code": "75011", "city": "Paris", "country_code": "fr"}
    window.flow.customer_address = lambda customer_id: asked.append(customer_id) or held  # the OMS's record
    window.on_scan("PA01-000102")
    qtbot.waitUntil(lambda: window.pages.currentIndex() == RETURN, timeout=5000)
    window.flow.add_order_line("ORD-1002-L2")
    window.flow.update_line(0, reason="WRONG_SIZE", condition="NEW_WITH_TAGS")
    window.return_page.decision.method_buttons["exchange"].click()
    qtbot.waitUntil(lambda: window.return_page.decision.replacement_button.isVisible(), timeout=5000)
    window.return_page.decision.replacement_button.click()
    qtbot.waitUntil(lambda: bool(window.flow.basket.exchange), timeout=5000)
    assert asked == ["CUS-002"]
    assert (window.dialogs.customer["line1"], window.dialogs.customer["address_from"]) == ("3 rue des Lilas", "oms")
    offered = next(v for v in window.dialogs.offered if v["sku"] == "BASK-CUIR-42")
    assert offered["stock_here"] == 0
    assert {p["location"] for p in offered["promises"]["home"]["promises"]} >= {"WAREHOUSE", "PARIS-03"}
    qtbot.waitUntil(lambda: "no money moves" in window.return_page.decision.totals.text(), timeout=5000)
    shown = " ".join(label.text() for label in window.return_page.findChildren(QLabel))
    assert "delivered home from WAREHOUSE" in shown
    window.return_page.decision.confirm_button.click()
    qtbot.waitUntil(lambda: window.pages.currentIndex() == DONE, timeout=5000)
    with demo_till.engine.connect() as connection:
        result = json.loads(connection.exec_driver_sql("SELECT result_json FROM returns WHERE origin = 'till'")
                            .scalar_one())
    assert result["delivery"]["source"] == "WAREHOUSE" and result["delivery"]["address"]["city"] == "Paris"
    instructions = window.done.instructions.text()
    assert "The new item is delivered, nothing to hand over: 1 × " in instructions
    assert result["delivery"]["promise"]["sentence"]["en"] in instructions


def _in_front(qtbot, dialog, focus) -> None:  # type: ignore[no-untyped-def]
    dialog.open()  # modal over the window, as the till's dialogs are
    dialog.activateWindow()
    focus.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is focus)


def test_a_wedge_scan_during_a_dialog_goes_to_the_dialog_never_to_the_screen_behind(
        qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from helpers.hid_keyboard import Scanner

    from posreturns.ui.dialogs import ApprovalDialog

    dialog = ApprovalDialog("A manager must approve.", window)
    try:
        _in_front(qtbot, dialog, dialog.manager)
        Scanner().play("Sophie-01\r", every_ms=6)  # a manager's badge, with Shift for the capital
        assert dialog.manager.text() == "Sophie-01" and QApplication.focusWidget() is dialog.pin  # on to the PIN
        assert window.home.scan_field.text() == "" and window.pages.currentIndex() == HOME
        dialog.buttons.buttons()[0].setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.buttons.buttons()[0])
        Scanner().play("PA01-000102\r", every_ms=6)  # no field takes it: refused, said in the dialog
        assert "takes no scan" in dialog.error.text()
        assert window.pages.currentIndex() == HOME and window.flow.order is None and window.home.message.text() == ""
        dialog.pin.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.pin)
        Scanner().play("2580", every_ms=6)  # a PIN typed fast stays a PIN
        assert dialog.pin.text() == "2580"
    finally:
        dialog.reject()
        dialog.deleteLater()


def test_a_serial_scan_queued_during_a_question_is_refused_in_the_question(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    question = QMessageBox(QMessageBox.Icon.Question, "Please confirm", "Cancel this return?",
                           QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, window)
    with VirtualScanner("CR") as scanner:
        bridge = SerialScannerBridge(ScannerReader(str(scanner.path)))
        bridge.scanned.connect(window.on_scan)
        try:
            with qtbot.waitSignal(bridge.status, timeout=5000, check_params_cb=lambda text: "connected" in text):
                bridge.start()
            _in_front(qtbot, question, question.button(QMessageBox.StandardButton.No))
            with qtbot.waitSignal(bridge.scanned, timeout=5000):
                scanner.scan("W-100201")
            assert "takes no scan" in question.informativeText()
            assert window.pages.currentIndex() == HOME and window.flow.order is None
            question.done(QMessageBox.StandardButton.No)
            scanner.scan("W-100201")  # the question answered: the same scan works
            qtbot.waitUntil(lambda: window.pages.currentIndex() == RETURN, timeout=5000)
        finally:
            bridge.stop()
            question.deleteLater()
