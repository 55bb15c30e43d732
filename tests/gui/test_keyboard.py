"""The till by keyboard: Escape goes back, F-keys shown on the buttons, Enter starts the next return;
the approval dialog keeps the manager's ID after a wrong PIN; no "Printing…" without a printer;
a recent return is reprinted only when the cashier says so; the receipt preview opens at its top."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from posreturns.app import Till
from posreturns.app_ui import ui_services
from posreturns.domain.users import Principal
from posreturns.ui.dialogs import ApprovalDialog
from posreturns.ui.presenters.return_flow import Session
from posreturns.ui.tasks import InlineTaskRunner
from posreturns.ui.views.main_window import DONE, HOME, RETURN, MainWindow
from posreturns.ui.window import build_window

SESSION = Session(principal=Principal.vouched("marie", by="tests"), till_id=lambda: "T1", offline=lambda: False,
                  store_id=lambda: "PARIS-01")


class Answers:
    def __init__(self, yes: bool) -> None:
        self.yes, self.asked = yes, []  # type: ignore[var-annotated]

    def confirm(self, question: str) -> bool:
        self.asked.append(question)
        return self.yes

    def ask_approval(self, reason: str) -> None:
        return None


def _window(qtbot, till: Till, printer_url: str | None = None) -> MainWindow:  # type: ignore[no-untyped-def]
    window = build_window(ui_services(till, "en", printer_url, signs_in=False), SESSION, InlineTaskRunner(),
                          poll_status=False)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # keyboard shortcuts work in the active window
    return window


def _press(qtbot, window: MainWindow, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(QApplication.focusWidget() or window, key)


def _a_ready_return(window: MainWindow) -> None:
    window.on_scan("PA01-000102")
    window.flow.add_order_line("ORD-1002-L1")
    window.flow.update_line(0, reason="WRONG_SIZE", condition="NEW_WITH_TAGS")


def test_the_keys_are_on_the_buttons_and_do_what_they_say(qtbot, demo_till: Till) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_till)
    window.dialogs = Answers(yes=True)
    decision = window.return_page.decision
    assert window.home.receiptless_button.text().endswith("F4") and decision.cancel_button.text().endswith("Esc")
    window.home.scan_field.setText("camille")
    _press(qtbot, window, Qt.Key.Key_Escape)
    assert window.home.scan_field.text() == ""
    _press(qtbot, window, Qt.Key.Key_F4)
    assert window.pages.currentIndex() == RETURN and window.flow.basket.receiptless
    _press(qtbot, window, Qt.Key.Key_Escape)  # an empty return: back home without a question
    assert window.pages.currentIndex() == HOME and window.dialogs.asked == []
    _a_ready_return(window)
    assert decision.confirm_button.text() == "Complete the return   F12" and decision.confirm_button.isEnabled()
    _press(qtbot, window, Qt.Key.Key_F12)
    assert window.pages.currentIndex() == DONE
    assert window.done.print_status.text() == "No printer is set up: no receipt is printed."
    assert not window.done.reprint_button.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.done)
    _press(qtbot, window, Qt.Key.Key_Return)
    assert window.pages.currentIndex() == HOME


def test_escape_on_a_return_with_items_asks_before_dropping_them(qtbot, demo_till: Till) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_till)
    window.dialogs = Answers(yes=False)
    _a_ready_return(window)
    _press(qtbot, window, Qt.Key.Key_Escape)
    assert window.dialogs.asked and window.pages.currentIndex() == RETURN and window.flow.basket.lines
    window.dialogs.yes = True
    _press(qtbot, window, Qt.Key.Key_Escape)
    assert window.pages.currentIndex() == HOME and not window.flow.basket.lines


def test_a_wrong_pin_keeps_the_dialog_open_with_the_managers_id(qtbot, demo_till: Till) -> None:  # type: ignore[no-untyped-def]
    demo_till.users.seed("mgr1", "Sophie Laurent", "manager", "4321")
    services = ui_services(demo_till, "en", signs_in=False)
    dialog = ApprovalDialog("A manager must approve.", None, "", services.approve, InlineTaskRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClicks(dialog.manager, "mgr1")
    qtbot.keyClick(dialog.manager, Qt.Key.Key_Return)
    assert dialog.pin.hasFocus() and dialog.isVisible() and dialog.error.text() == ""
    for key in "1111":
        dialog.pad.press(key)
    dialog.pad.press("ok")
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.manager.text() == "mgr1" and dialog.pin.text() == "" and "PIN" in dialog.error.text()
    for key in "4321":
        dialog.pad.press(key)
    dialog.pad.press("ok")
    assert dialog.result() == ApprovalDialog.DialogCode.Accepted and not dialog.isVisible()


def test_a_double_clicked_recent_return_is_reprinted_only_when_confirmed(qtbot, demo_till: Till) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_till)
    printed: list[str] = []
    copy = SimpleNamespace(preview_text="RECEIPT", printed=True, confirmed=True, copy=True)
    window.flow.printing = SimpleNamespace(print_return=lambda number: printed.append(number) or copy)
    window.flow.printer_runner = InlineTaskRunner()
    window.dialogs = Answers(yes=False)
    window.home.show_recent([{"return_number": "R-1", "created_at": "2026-11-20T09:30:00Z", "receipt": "PA01-000102",
                              "refund": "10.00", "currency": "EUR"}])
    window.home.recent.cellDoubleClicked.emit(0, 0)
    assert window.dialogs.asked == ["Print a copy of the receipt of return R-1?"] and printed == []
    window.dialogs.yes = True
    window.home.recent.cellDoubleClicked.emit(0, 0)
    assert printed == ["R-1"]


def test_the_receipt_preview_opens_at_its_top(qtbot, demo_till: Till) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_till)
    preview = window.done.preview
    long_receipt = "\n".join(f"line {n}" for n in range(300))
    window.done.show_printed(SimpleNamespace(preview_text=long_receipt, printed=False, confirmed=False,
                                             kind="unreachable", en="x", fr="x"))
    preview.verticalScrollBar().setValue(preview.verticalScrollBar().maximum())
    window.done.show_printed(SimpleNamespace(preview_text=long_receipt, printed=False, confirmed=False,
                                             kind="unreachable", en="x", fr="x"))
    assert preview.verticalScrollBar().value() == 0


def test_without_a_receipt_only_store_credit_is_offered_and_the_contact_counts_as_typed(  # type: ignore[no-untyped-def]
        qtbot, demo_till: Till) -> None:
    window = _window(qtbot, demo_till)
    _press(qtbot, window, Qt.Key.Key_F4)
    page = window.return_page
    methods = page.decision.method_buttons
    assert not methods["original"].isEnabled() and methods["store_credit"].isChecked()
    qtbot.keyClicks(page.customer_field, "0612345678")  # no Enter
    qtbot.waitUntil(lambda: window.flow.basket.customer_contact == "0612345678", timeout=3000)
    window.flow.scan_item("ROBE-LIN-38")
    window.flow.update_line(0, reason="WRONG_SIZE", condition="NEW_WITH_TAGS")
    qtbot.waitUntil(lambda: window.flow.quote is not None, timeout=3000)
    assert not methods["original"].isEnabled() and methods["store_credit"].isChecked()
