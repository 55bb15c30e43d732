"""The settings dialog: manager/admin PIN first, values stored with the till's data and audited,
test print and test drawer on a virtual network printer, off the GUI thread."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from posdrivers.virtual.printer import VirtualPrinter
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from posreturns.app import Till
from posreturns.app_ui import ui_services
from posreturns.domain.users import Principal
from posreturns.services.errors import PermissionDenied
from posreturns.ui.presenters.return_flow import Session
from posreturns.ui.tasks import TaskRunner
from posreturns.ui.views.main_window import MainWindow
from posreturns.ui.views.settings_dialog import SettingsDialog
from posreturns.ui.window import build_window


class FakeDialogs:
    """Answers the PIN question with `answer` and keeps the dialogs it is asked to show, unopened."""

    def __init__(self, answer: tuple[str, str] | None, agree: bool = True) -> None:
        self.answer, self.asked, self.shown = answer, [], []  # type: ignore[var-annotated]
        self.agree, self.confirmed = agree, []  # type: ignore[var-annotated]

    def ask_approval(self, reason: str) -> tuple[str, str] | None:
        self.asked.append(reason)
        return self.answer

    def show_dialog(self, dialog: QDialog) -> bool:
        self.shown.append(dialog)
        return False

    def confirm(self, question: str) -> bool:
        self.confirmed.append(question)
        return self.agree



@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    started = TaskRunner()
    yield started
    started.close()  # as the till does once its window closes: nothing more is delivered to it


def _window(qtbot, till: Till, dialogs: FakeDialogs, runner: TaskRunner) -> MainWindow:  # type: ignore[no-untyped-def]
    till.users.seed("mgr1", "Sophie Laurent", "manager", "4321")
    till.users.seed("adm", "Alex Admin", "admin", "987654")
    till.users.seed("cash1", "Marie Caisse", "cashier", "1234")
    session = Session(principal=Principal.vouched("marie", by="tests"), till_id=lambda: "T1", offline=lambda: False,
                      store_id=lambda: "PARIS-01")
    window = build_window(ui_services(till, "en", signs_in=False), session, runner,
                          dialogs=dialogs,  # type: ignore[arg-type]
                          poll_status=False)
    qtbot.addWidget(window)
    return window


def _open(qtbot, window: MainWindow, dialogs: FakeDialogs) -> SettingsDialog:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(window.home.settings_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialogs.shown), timeout=5000)
    dialog = dialogs.shown[-1]
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.till_id.text() != "", timeout=5000)
    return dialog  # type: ignore[no-any-return]


def _audit(till: Till, action: str) -> list[Any]:
    with till.engine.connect() as connection:
        return connection.exec_driver_sql("SELECT actor, detail_json FROM audit_log WHERE action = ?", (action,)).all()


@pytest.mark.parametrize("answer", [("mgr1", "0000"), ("cash1", "1234"), ("nobody", "1234")])
def test_the_settings_stay_closed_without_a_manager_or_admin_pin(
        qtbot, demo_till: Till, runner: TaskRunner, answer: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    dialogs = FakeDialogs(answer)
    window = _window(qtbot, demo_till, dialogs, runner)
    qtbot.mouseClick(window.home.settings_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Wrong ID or PIN" in window.home.message.text(), timeout=5000)
    assert dialogs.asked and "manager or an administrator" in dialogs.asked[0]
    assert dialogs.shown == []


def test_an_admin_changes_the_settings_and_they_are_stored_with_the_data_and_audited(
        qtbot, demo_till: Till, runner: TaskRunner, printer: VirtualPrinter) -> None:  # type: ignore[no-untyped-def]
    dialogs = FakeDialogs(("adm", "987654"))
    window = _window(qtbot, demo_till, dialogs, runner)
    switched: list[str] = []

    class Languages:  # the window's live language switch, recorded
        def switch(self, language: str) -> bool:
            switched.append(language)
            return False

    window.language_switch = Languages()  # type: ignore[assignment]
    dialog = _open(qtbot, window, dialogs)
    assert (dialog.store_id.text(), dialog.till_id.text(), dialog.language.currentData()) == ("PARIS-01", "T1", "")
    assert {"epson-tm-t20iii", "epson-tm-m30", "star-tsp650ii-escpos", "bixolon-srp-350iii", "citizen-ct-s310ii"} <= {
        dialog.printer_profile.itemData(i) for i in range(dialog.printer_profile.count())}
    assert not dialog.scanner_port.isEnabled()
    dialog.till_id.setText("T4")
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.scanner_mode.setCurrentIndex(dialog.scanner_mode.findData("serial"))
    assert dialog.scanner_port.isEnabled()
    dialog.scanner_port.setText("/dev/ttyACM0")
    dialog.printer_url.setText(printer.url)
    dialog.printer_profile.setCurrentIndex(dialog.printer_profile.findData("generic-80mm"))
    dialog.oms_url.setText("https://oms.example.com")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    stored = demo_till.settings.all()
    assert {key: stored[key] for key in ("till.id", "language", "scanner.mode", "scanner.port", "printer.url",
                                         "printer.profile", "oms.url", "store.id")} == {
        "till.id": "T4", "language": "en", "scanner.mode": "serial", "scanner.port": "/dev/ttyACM0",
        "printer.url": printer.url, "printer.profile": "generic-80mm", "oms.url": "https://oms.example.com",
        "store.id": "PARIS-01"}
    assert "next time the app starts" in dialog.outcome.text() and "language" not in dialog.outcome.text()
    assert switched == ["en"]  # the language applies at once
    [(actor, detail)] = _audit(demo_till, "settings.changed")
    changes = json.loads(detail)["changes"]
    assert actor == "adm" and changes["till.id"] == {"from": "T1", "to": "T4"} and "store.id" not in changes


def test_a_manager_changes_the_devices_but_not_the_tills_identity(
        qtbot, demo_till: Till, runner: TaskRunner, printer: VirtualPrinter) -> None:  # type: ignore[no-untyped-def]
    dialogs = FakeDialogs(("mgr1", "4321"))
    dialog = _open(qtbot, _window(qtbot, demo_till, dialogs, runner), dialogs)
    assert [key for key, field in dialog.fields.items() if not field.isEnabled()] == [
        # serial-only fields wait
        "store.id", "till.id", "scanner.port", "scanner.baudrate", "scanner.parity", "oms.url"]
    dialog.printer_url.setText(printer.url)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert demo_till.settings.get("printer.url") == printer.url
    principal = dialog.presenter.admin
    assert principal is not None and principal.role.value == "manager"
    with pytest.raises(PermissionDenied, match="Only an administrator"):  # the service, not the greyed field, decides
        demo_till.settings_admin.change(principal, {"till.id": "T9"})
    assert demo_till.settings.get("till.id") == "T1"
    (denied,) = _audit(demo_till, "access.denied")
    assert denied[0] == "mgr1" and json.loads(denied[1])["permission"] == "settings.till"


def test_a_serial_scanner_without_its_port_is_not_saved(qtbot, demo_till: Till,
                                                        runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    dialogs = FakeDialogs(("mgr1", "4321"))
    dialog = _open(qtbot, _window(qtbot, demo_till, dialogs, runner), dialogs)
    dialog.scanner_mode.setCurrentIndex(dialog.scanner_mode.findData("serial"))
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert "needs its port" in dialog.outcome.text()
    assert demo_till.settings.get("scanner.mode") is None and _audit(demo_till, "settings.changed") == []


def test_test_print_and_test_drawer_reach_the_printer_typed_in_the_dialog(
        qtbot, demo_till: Till, runner: TaskRunner, printer: VirtualPrinter) -> None:  # type: ignore[no-untyped-def]
    dialogs = FakeDialogs(("mgr1", "4321"))
    dialog = _open(qtbot, _window(qtbot, demo_till, dialogs, runner), dialogs)
    dialog.printer_url.setText(printer.url)  # not saved: the test uses what is typed
    qtbot.mouseClick(dialog.test_print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.outcome.text() == "Test page printed.", timeout=5000)
    assert "Test print" in printer.wait_for_job(1).text
    qtbot.waitUntil(dialog.test_drawer_button.isEnabled, timeout=5000)
    qtbot.mouseClick(dialog.test_drawer_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.outcome.text() == "The cash drawer opened.", timeout=5000)
    assert printer.wait_for_job(2).data == b"\x10\x14\x01\x00\x01"  # the real-time pulse of the TM-T20III
    assert demo_till.settings.get("printer.url") is None
    [(actor, detail)] = _audit(demo_till, "drawer.opened")
    assert actor == "mgr1" and json.loads(detail) == {"reason": "opened by a manager"}


def test_an_unreachable_printer_is_one_sentence(qtbot, demo_till: Till,
                                                runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    dialogs = FakeDialogs(("mgr1", "4321"))
    dialog = _open(qtbot, _window(qtbot, demo_till, dialogs, runner), dialogs)
    qtbot.mouseClick(dialog.test_print_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome.text().startswith("Enter the printer's address first")
    dialog.printer_url.setText("tcp://127.0.0.1:9")
    qtbot.mouseClick(dialog.test_drawer_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.test_drawer_button.isEnabled() and "Testing" not in dialog.outcome.text(),
                    timeout=10000)
    assert "refused the connection" in dialog.outcome.text()


@pytest.mark.parametrize("agree", [False, True])
def test_moving_the_till_to_another_oms_or_store_asks_first(
        qtbot, demo_till: Till, runner: TaskRunner, agree: bool) -> None:  # type: ignore[no-untyped-def]
    demo_till.settings.set("oms.url", "https://oms.example.com")
    dialogs = FakeDialogs(("adm", "987654"), agree=agree)
    window = _window(qtbot, demo_till, dialogs, runner)
    dialog = _open(qtbot, window, dialogs)
    dialog.till_id.setText("T4")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()     # no OMS or store change: not asked
    qtbot.waitUntil(lambda: demo_till.settings.get("till.id") == "T4", timeout=5000)
    assert dialogs.confirmed == []
    dialog = _open(qtbot, window, dialogs)
    dialog.store_id.setText("LYON-02")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert len(dialogs.confirmed) == 1 and "pull everything again" in dialogs.confirmed[0]
    if agree:
        qtbot.waitUntil(lambda: demo_till.settings.get("store.id") == "LYON-02", timeout=5000)
    else:
        runner.wait()
        assert demo_till.settings.get("store.id") == "PARIS-01"
