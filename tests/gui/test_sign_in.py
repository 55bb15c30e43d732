"""The window's sign-in: ID on the keyboard, PIN on the on-screen pad, one sentence for a refusal, the
signed-in cashier on every return, sign-out; the TRAINING banner and the start-up integrity check."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt

from posreturns.app import Till
from posreturns.app_ui import ui_services
from posreturns.domain.users import Principal
from posreturns.ui.presenters.return_flow import Session
from posreturns.ui.tasks import InlineTaskRunner
from posreturns.ui.views.main_window import DONE, HOME, SIGN_IN, MainWindow
from posreturns.ui.window import build_window


def _window(qtbot, till: Till) -> MainWindow:  # type: ignore[no-untyped-def]
    till.drawer.set_float(Principal.vouched("camille", by="tests"), "150")  # counted: no float prompt over the scans
    session = Session(till_id=lambda: "T1", offline=lambda: False, store_id=lambda: "PARIS-01")
    window = build_window(ui_services(till, "en"), session, InlineTaskRunner(), poll_status=False)
    qtbot.addWidget(window)
    window.show()
    return window


def _pad(qtbot, window: MainWindow, digits: str) -> None:  # type: ignore[no-untyped-def]
    assert window.sign_in_page is not None
    for key in [*digits, "ok"]:
        qtbot.mouseClick(window.sign_in_page.pad.buttons[key], Qt.MouseButton.LeftButton)


def test_the_window_opens_on_sign_in_and_a_wrong_pin_is_one_sentence(qtbot, demo_till: Till) -> None:  # type: ignore[no-untyped-def]
    demo_till.users.seed("camille", "Camille Martin", "cashier", "2580")
    window = _window(qtbot, demo_till)
    page = window.sign_in_page
    assert page is not None and window.pages.currentIndex() == SIGN_IN
    window.on_scan("PA01-000101")
    assert window.pages.currentIndex() == SIGN_IN and page.message.text() == "Sign in first, then scan."
    qtbot.keyClicks(page.user_id, "camille")
    qtbot.keyClick(page.user_id, Qt.Key.Key_Return)
    _pad(qtbot, window, "2581")
    assert page.message.text().startswith("Wrong ID or PIN") and page.pin.text() == ""
    assert window.pages.currentIndex() == SIGN_IN and window.session is not None and window.session.principal is None


def test_a_signed_in_cashier_completes_returns_in_her_name_and_signs_out(qtbot, demo_till: Till) -> None:  # type: ignore[no-untyped-def]
    demo_till.users.seed("camille", "Camille Martin", "cashier", "2580")
    window = _window(qtbot, demo_till)
    assert window.sign_in_page is not None
    window.sign_in_page.user_id.setText("camille")
    _pad(qtbot, window, "25809")
    qtbot.mouseClick(window.sign_in_page.pad.buttons["erase"], Qt.MouseButton.LeftButton)  # the pad's ⌫
    assert window.sign_in_page.pin.text() == ""  # OK was refused and cleared; ⌫ on empty is harmless
    qtbot.keyClicks(window.sign_in_page.pin, "2580")
    qtbot.keyClick(window.sign_in_page.pin, Qt.Key.Key_Return)
    assert window.pages.currentIndex() == HOME and window.home.sign_out_button.isVisibleTo(window)
    window.on_scan("PA01-000102")
    window.flow.add_order_line("ORD-1002-L1")
    window.flow.update_line(0, reason="WRONG_SIZE", condition="NEW_WITH_TAGS")
    window.confirm()
    assert window.pages.currentIndex() == DONE
    with demo_till.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT cashier FROM returns WHERE origin = 'till'").scalar_one() == "camille"
    window.go_home()
    qtbot.mouseClick(window.home.sign_out_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentIndex() == SIGN_IN and window.session is not None and window.session.principal is None
    assert window.sign_in_page.user_id.text() == "" and window.sign_in_page.message.text() == ""


def test_a_training_till_says_so_on_every_screen(qtbot, demo_till: Till) -> None:  # type: ignore[no-untyped-def]
    demo_till.settings.set("till.training", "1")
    window = _window(qtbot, demo_till)
    assert window.training_banner.isVisibleTo(window) and "TRAINING / FORMATION" in window.training_banner.text()
    assert "TRAINING" in window.windowTitle()


def test_records_that_do_not_add_up_are_told_at_start_up(qtbot, demo_till: Till) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_till)
    assert not window.integrity_banner.isVisibleTo(window)
    connection = sqlite3.connect(demo_till.data_dir / "posreturns.db")
    with connection:
        connection.execute("UPDATE order_lines SET returned_qty = 0 WHERE returned_qty > 0")
    connection.close()
    again = _window(qtbot, demo_till)
    assert again.integrity_banner.isVisibleTo(again)
    assert again.integrity_banner.text().startswith("The till's records do not add up: 1 sale line(s) do not match")


def test_an_id_typed_fast_is_typing_and_a_scan_at_scanner_speed_is_a_scan(qtbot, demo_till: Till) -> None:  # type: ignore[no-untyped-def]
    """At the sign-in page: a typist at 20 ms a key (Shift for the capital) fills the ID field; a USB
    scanner (a HID report every 6 ms, Shift around capitals and AZERTY digits) is a scan."""
    from helpers.hid_keyboard import Scanner

    from posreturns.devices.device_settings import wedge_config

    session = Session(till_id=lambda: "T1", offline=lambda: False, store_id=lambda: "PARIS-01")
    window = build_window(ui_services(demo_till, "en"), session, InlineTaskRunner(), poll_status=False,
                          wedge=wedge_config(demo_till.settings.get))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    page = window.sign_in_page
    assert page is not None
    page.user_id.setFocus()
    qtbot.waitUntil(lambda: page.user_id.hasFocus())
    keys = Scanner()
    keys.play("Camille\r", every_ms=10, layout="fr")
    qtbot.waitUntil(lambda: page.user_id.text() == "Camille", timeout=2000)
    assert page.message.text() != "Sign in first, then scan."
    page.user_id.clear()
    page.user_id.setFocus()
    keys.now_ms += 1000
    keys.play("PA01-000101\r", every_ms=6, layout="fr")
    assert page.message.text() == "Sign in first, then scan." and page.user_id.text() == ""
