"""The scanner set-up page: a scan of a test code, as a USB scanner types it, shows its raw keys,
timing, how it reads and what to change; scans do nothing else while the page is open."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from helpers.hid_keyboard import Scanner
from posdrivers import WedgeConfig
from posdrivers.virtual.printer import VirtualPrinter
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from posreturns.app import Till
from posreturns.app_ui import ui_services
from posreturns.devices.scanner_sheet import LAYOUT_CODE
from posreturns.domain.users import Principal
from posreturns.ui.presenters.return_flow import Session
from posreturns.ui.tasks import TaskRunner
from posreturns.ui.views.main_window import HOME, MainWindow
from posreturns.ui.views.scanner_setup_dialog import ScannerSetupDialog
from posreturns.ui.views.settings_dialog import SettingsDialog
from posreturns.ui.window import build_window


class KeepDialogs:
    def __init__(self) -> None:
        self.shown: list[Any] = []

    def ask_approval(self, reason: str) -> tuple[str, str]:
        return ("mgr1", "4321")

    def show_dialog(self, dialog: Any) -> bool:
        self.shown.append(dialog)
        dialog.show()
        return False

    def confirm(self, question: str) -> bool:
        return True


@pytest.fixture
def window(qtbot, demo_till: Till, printer: VirtualPrinter) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    demo_till.users.seed("mgr1", "Sophie Laurent", "manager", "4321")
    runner = TaskRunner()
    session = Session(principal=Principal.vouched("marie", by="tests"), till_id=lambda: "T1", offline=lambda: False,
                      store_id=lambda: "PARIS-01")
    built = build_window(ui_services(demo_till, "en", printer.url, signs_in=False), session, runner,
                         dialogs=KeepDialogs(), wedge=WedgeConfig(), poll_status=False)  # type: ignore[arg-type]
    qtbot.addWidget(built)
    built.show()
    yield built
    QApplication.instance().removeEventFilter(built.wedge)  # type: ignore[attr-defined]
    runner.close()  # as the till does once its window closes: nothing more is delivered to it


def _open_setup(qtbot, window: MainWindow) -> ScannerSetupDialog:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(window.home.settings_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(isinstance(d, SettingsDialog) for d in window.dialogs.shown),
                    timeout=5000)  # type: ignore[attr-defined]
    settings = window.dialogs.shown[-1]  # type: ignore[attr-defined]
    assert settings.scanner_setup_button.isVisibleTo(settings)
    settings.scanner_setup_button.click()
    setup = window.dialogs.shown[-1]  # type: ignore[attr-defined]
    assert isinstance(setup, ScannerSetupDialog)
    setup.activateWindow()
    setup.print_button.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is setup.print_button, timeout=5000)
    return setup


def test_a_test_code_scanned_by_a_qwerty_scanner_on_an_azerty_till_says_to_switch_the_layout(
        qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    setup = _open_setup(qtbot, window)
    # what a US-layout scanner makes an AZERTY till type: A/Q and Z/W swapped, &é"'( for digits
    Scanner().play("QWAZ?)&\"(èçà\r", every_ms=8)
    qtbot.waitUntil(lambda: "QWERTY (US) but this till is AZERTY" in setup.check.text(), timeout=5000)
    assert setup.scanned.text().startswith("'QWAZ?)") and setup.keys.rowCount() > 20
    assert "ended by the suffix" in setup.timing.text() and "longest gap 8 ms" in setup.timing.text()
    assert window.pages.currentIndex() == HOME and window.home.message.text() == ""  # no lookup while set up
    Scanner().play(LAYOUT_CODE + "\r", every_ms=8, layout="fr")
    qtbot.waitUntil(lambda: setup.check.text().startswith("Correct"), timeout=5000)
    assert "text 'AZQWM-135790'" in setup.parsed.text()
    setup.reject()
    assert not window.wedge.scans_paused  # type: ignore[attr-defined]


def test_the_set_up_sheet_prints_from_the_page(qtbot, window: MainWindow,
                                               printer: VirtualPrinter) -> None:  # type: ignore[no-untyped-def]
    setup = _open_setup(qtbot, window)
    qtbot.mouseClick(setup.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Set-up sheet printed" in setup.outcome.text(), timeout=5000)
    assert "[CODE128 VSUFCR.]" in printer.wait_for_job(1).text


def test_a_wrong_scanner_setting_is_refused_and_nothing_is_stored(qtbot, window: MainWindow,
                                                                  demo_till: Till) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(window.home.settings_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(window.dialogs.shown), timeout=5000)  # type: ignore[attr-defined]
    settings = window.dialogs.shown[-1]  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: settings.till_id.text() == "T1", timeout=5000)
    settings.scanner_gs.setText("a")
    settings.scanner_suffix.setCurrentIndex(settings.scanner_suffix.findData("lf"))
    settings.buttons.button(settings.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: "cannot stand for the GS1 separator" in settings.outcome.text(), timeout=5000)
    assert demo_till.settings.get("scanner.suffix") is None
    settings.scanner_gs.setText("|")
    settings.buttons.button(settings.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: demo_till.settings.get("scanner.gs_substitute") == "|", timeout=5000)
    assert demo_till.settings.get("scanner.suffix") == "lf"
