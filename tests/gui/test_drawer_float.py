"""The window asks for the drawer float after a sign-in when none was entered today at this till:
typed on the on-screen pad with the language's decimal mark, a bad amount said in the dialog, which
stays open; "Later" asks again at the next sign-in, and the home screen's "Drawer float" button asks
whenever the cashier is ready; once entered, nobody is asked again that day."""

from __future__ import annotations

from PySide6.QtCore import Qt

from posreturns.app import Till
from posreturns.app_ui import ui_services
from posreturns.domain.money import Money
from posreturns.domain.users import Principal
from posreturns.ui.presenters.return_flow import Session
from posreturns.ui.tasks import InlineTaskRunner
from posreturns.ui.views.float_dialog import FloatDialog
from posreturns.ui.views.main_window import HOME, MainWindow
from posreturns.ui.window import build_window


def _cashier_window(qtbot, demo_till: Till, language: str) -> MainWindow:  # type: ignore[no-untyped-def]
    """The window showing its sign-in page, for a cashier (camille, PIN 2580) with no float entered today."""
    demo_till.users.seed("camille", "Camille Martin", "cashier", "2580")
    session = Session(till_id=lambda: "T1", offline=lambda: False, store_id=lambda: "PARIS-01")
    window = build_window(ui_services(demo_till, language), session, InlineTaskRunner(), poll_status=False)
    qtbot.addWidget(window)
    window.show()
    return window


def _sign_in(qtbot, window: MainWindow) -> FloatDialog | None:  # type: ignore[no-untyped-def]
    page = window.sign_in_page
    assert page is not None
    previous = window.float_prompt.dialog  # type: ignore[attr-defined]
    qtbot.keyClicks(page.user_id, "camille")
    qtbot.keyClicks(page.pin, "2580")
    qtbot.keyClick(page.pin, Qt.Key.Key_Return)
    assert window.pages.currentIndex() == HOME
    dialog = window.float_prompt.dialog  # type: ignore[attr-defined]
    return dialog if dialog is not previous and dialog is not None and dialog.isVisible() else None


def test_the_float_is_asked_after_the_first_sign_in_and_typed_on_the_pad(qtbot, demo_till: Till) -> None:  # type: ignore[no-untyped-def]
    window = _cashier_window(qtbot, demo_till, "fr")
    dialog = _sign_in(qtbot, window)
    assert dialog is not None and dialog.isModal()
    qtbot.mouseClick(dialog.later_button, Qt.MouseButton.LeftButton)  # not now: asked again at the next sign-in
    assert not dialog.isVisible() and demo_till.drawer.current_float() is None
    assert window.float_button.isVisibleTo(window)
    qtbot.mouseClick(window.float_button, Qt.MouseButton.LeftButton)  # ready now: from the home screen
    later = window.float_prompt.dialog
    assert later is not None and later is not dialog and later.isVisible() and later.actor.user_id == "camille"
    qtbot.mouseClick(later.later_button, Qt.MouseButton.LeftButton)
    window.sign_out()
    dialog = _sign_in(qtbot, window)
    assert dialog is not None
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error.text().endswith(".")  # nothing typed: one sentence, still open
    qtbot.keyClicks(dialog.amount, "9999999")  # a typing slip: far more than a drawer holds
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.error.text() and demo_till.drawer.current_float() is None
    dialog.amount.clear()
    for key in ("1", "5", "0", ",", "5", "0"):
        qtbot.mouseClick(dialog.pad.buttons[key], Qt.MouseButton.LeftButton)
    assert dialog.amount.text() == "150,50"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    entry = demo_till.drawer.current_float()
    assert entry is not None and (entry.amount, entry.set_by) == (Money.of("150.50", "EUR"), "camille")
    window.sign_out()
    assert _sign_in(qtbot, window) is None  # entered today: nobody is asked again
    assert not window.float_button.isVisibleTo(window)  # nor offered it on the home screen


def test_the_cashier_reads_why_the_cash_part_becomes_store_credit(qtbot, demo_till: Till) -> None:  # type: ignore[no-untyped-def]
    demo_till.drawer.set_float(Principal.vouched("camille", by="tests"), "10,00")
    session = Session(principal=Principal.vouched("camille", by="tests"), till_id=lambda: "T1",
                      offline=lambda: False, store_id=lambda: "PARIS-01")
    window = build_window(ui_services(demo_till, "en"), session, InlineTaskRunner(), poll_status=False)
    qtbot.addWidget(window)
    window.on_scan("PA01-000103")  # paid in cash
    window.flow.add_order_line("ORD-1003-L2")  # its T-shirt, 29.90: more than the drawer's 10.00
    window.flow.update_line(0, reason="WRONG_SIZE", condition="NEW_WITH_TAGS")
    decision = window.return_page.decision
    assert "Not enough cash in the drawer (€10.00): the cash part is given as store credit." in decision.trace.text()
    assert "Store credit: €29.90" in decision.totals.text() and "Cash" not in decision.totals.text()


def test_a_receipt_scanned_while_the_float_is_asked_is_refused_in_the_dialog(qtbot, demo_till: Till) -> None:  # type: ignore[no-untyped-def]
    window = _cashier_window(qtbot, demo_till, "en")
    dialog = _sign_in(qtbot, window)
    assert dialog is not None
    window.on_scan("PA01-000102")  # the customer is waiting: the cashier scans before counting the drawer
    assert dialog.isVisible() and dialog.amount.text() == "" and "takes no scan" in dialog.error.text()
    assert window.pages.currentIndex() == HOME and demo_till.drawer.current_float() is None
