"""The settings dialog (managers and admins): till, language, scanner, receipt printer, OMS address.
A manager changes the devices and the language; the till's identity and the OMS are an admin's (greyed
out for a manager, and refused by the settings service anyway).

`connect_settings` wires the home screen's Settings button: manager/admin PIN first (through the
dialog service), then the dialog, shown through the dialog service too so tests can drive it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from posreturns.ui.i18n import choose_language
from posreturns.ui.presenters.settings import SettingsPresenter
from posreturns.ui.views.fitting import scrolling_body
from posreturns.ui.views.widgets import TOUCH, big_button


class SettingsDialog(QDialog):
    """Binds the fields to the presenter; Save closes the dialog once the values are stored."""

    def __init__(self, presenter: SettingsPresenter, parent: QWidget | None = None,
                 scanner_setup: Callable[[], QDialog] | None = None, dialogs: Any = None) -> None:
        super().__init__(parent)
        self.presenter = presenter
        self.setWindowTitle(self.tr("Settings"))
        self.setObjectName("settingsDialog")
        self.store_id, self.till_id = QLineEdit(), QLineEdit()
        self.language = self._combo((("", self.tr("As the system")), ("fr", "Français"), ("en", "English")))
        self.fullscreen = self._combo((("", self.tr("No: a window")), ("yes", self.tr("Yes: a kiosk till"))))
        self.scanner_mode = self._combo((("keyboard", self.tr("Keyboard (USB, like a keyboard)")),
                                         ("serial", self.tr("Serial port (COM / USB-CDC)"))))
        self.scanner_port = QLineEdit(placeholderText=self.tr("e.g. COM3 or /dev/ttyACM0"))
        self.scanner_suffix = self._combo((("enter-or-tab", self.tr("Enter or Tab")), ("enter", self.tr("Enter (CR)")),
                                           ("tab", self.tr("Tab")), ("none", self.tr("None (ends on a pause)")),
                                           ("cr", "CR"), ("lf", "LF"), ("crlf", "CR LF")))
        self.scanner_speed = self._combo([("", self.tr("9600 (usual)"))] + [(str(b), str(b)) for b in
                                         (1200, 2400, 4800, 19200, 38400, 57600, 115200)])
        self.scanner_parity = self._combo((("", self.tr("None")), ("E", self.tr("Even")), ("O", self.tr("Odd"))))
        self.scanner_gs = QLineEdit(placeholderText=self.tr("e.g. | (empty: GS as Ctrl+])"), maxLength=1)
        self.scanner_setup_button = big_button(self.tr("Scanner set-up…"), icon_name="scan")
        self.printer_url = QLineEdit(placeholderText=self.tr("e.g. tcp://192.168.1.50:9100"))
        self.printer_profile = self._combo([(name, name) for name in presenter.profiles()])
        self.printer_profile_file = QLineEdit(placeholderText=self.tr("your own profile file (optional)"))
        self.oms_url = QLineEdit(placeholderText=self.tr("e.g. https://oms.example.com"))
        self.test_print_button = big_button(self.tr("Test print"), icon_name="printer")
        self.test_drawer_button = big_button(self.tr("Test drawer"), icon_name="drawer")
        self.outcome = QLabel(wordWrap=True)
        self.outcome.setObjectName("message")
        for field in (self.store_id, self.till_id, self.scanner_port, self.scanner_gs, self.printer_url,
                      self.printer_profile_file, self.oms_url):
            field.setMinimumHeight(TOUCH)

        till = self._group(self.tr("This till"), ((self.tr("Store ID"), self.store_id),
                                                   (self.tr("Till ID"), self.till_id),
                                                   (self.tr("Language"), self.language),
                                                   (self.tr("Full screen"), self.fullscreen)))
        scanner = self._group(self.tr("Scanner"), ((self.tr("Connection"), self.scanner_mode),
                                                   (self.tr("Port"), self.scanner_port),
                                                   (self.tr("Suffix"), self.scanner_suffix),
                                                   (self.tr("Speed"), self.scanner_speed),
                                                   (self.tr("Parity"), self.scanner_parity),
                                                   (self.tr("GS stand-in"), self.scanner_gs)))
        scanner.layout().addRow(self.scanner_setup_button)  # type: ignore[union-attr]
        tests = QHBoxLayout()
        tests.addWidget(self.test_print_button)
        tests.addWidget(self.test_drawer_button)
        printer = self._group(self.tr("Receipt printer"), ((self.tr("Address"), self.printer_url),
                                                           (self.tr("Model"), self.printer_profile),
                                                           (self.tr("Profile file"), self.printer_profile_file)))
        printer.layout().addRow(tests)  # type: ignore[union-attr]
        oms = self._group(self.tr("Head office (OMS)"), ((self.tr("Address"), self.oms_url),))
        note = QLabel(
            self.tr("The API key is not shown here: the command `posreturns oms connect` stores it securely."),
            wordWrap=True)
        note.setObjectName("note")
        oms.layout().addRow(note)  # type: ignore[union-attr]
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        for button in self.buttons.buttons():
            button.setMinimumHeight(TOUCH)
        grid = QGridLayout(scrolling_body(self, self.buttons))  # two columns: fits a 1280×800 till screen
        grid.addWidget(till, 0, 0)
        grid.addWidget(scanner, 1, 0)
        grid.addWidget(printer, 0, 1)
        grid.addWidget(oms, 1, 1)
        grid.addWidget(self.outcome, 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.setMinimumWidth(960)

        self.scanner_mode.currentIndexChanged.connect(self._scanner_mode_changed)
        self.scanner_setup_button.setVisible(scanner_setup is not None)
        if scanner_setup is not None and dialogs is not None:
            self.scanner_setup_button.clicked.connect(lambda: dialogs.show_dialog(scanner_setup()))
        self.test_print_button.clicked.connect(
            lambda: presenter.print_test_page(self.printer_url.text(), self.printer_profile.currentData()))
        self.test_drawer_button.clicked.connect(
            lambda: presenter.open_test_drawer(self.printer_url.text(), self.printer_profile.currentData()))
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        self.fields = {"store.id": self.store_id, "till.id": self.till_id, "language": self.language,
                       "scanner.mode": self.scanner_mode, "scanner.port": self.scanner_port,
                       "scanner.suffix": self.scanner_suffix, "scanner.baudrate": self.scanner_speed,
                       "scanner.parity": self.scanner_parity, "scanner.gs_substitute": self.scanner_gs,
                       "printer.url": self.printer_url, "printer.profile": self.printer_profile,
                       "printer.profile_file": self.printer_profile_file, "oms.url": self.oms_url,
                       "window.fullscreen": self.fullscreen}
        for key, widget in self.fields.items():
            widget.setEnabled(presenter.editable(key))
        presenter.loaded.connect(self.show_values)
        presenter.outcome.connect(self.outcome.setText)
        presenter.saved.connect(self._saved)
        presenter.busy.connect(self._busy)
        presenter.load()

    def values(self) -> dict[str, str]:
        return {"store.id": self.store_id.text(), "till.id": self.till_id.text(),
                "language": self.language.currentData(), "scanner.mode": self.scanner_mode.currentData(),
                "scanner.port": self.scanner_port.text(), "scanner.suffix": self.scanner_suffix.currentData(),
                "scanner.baudrate": self.scanner_speed.currentData(),
                "scanner.parity": self.scanner_parity.currentData(),
                "scanner.gs_substitute": self.scanner_gs.text(), "printer.url": self.printer_url.text(),
                "printer.profile": self.printer_profile.currentData() or "",
                "printer.profile_file": self.printer_profile_file.text(), "oms.url": self.oms_url.text(),
                "window.fullscreen": self.fullscreen.currentData() or ""}

    def show_values(self, values: dict[str, str]) -> None:
        for key, field in (("store.id", self.store_id), ("till.id", self.till_id), ("scanner.port", self.scanner_port),
                           ("scanner.gs_substitute", self.scanner_gs), ("printer.url", self.printer_url),
                           ("printer.profile_file", self.printer_profile_file), ("oms.url", self.oms_url)):
            field.setText(values.get(key, ""))
        for key, combo in (("language", self.language), ("scanner.mode", self.scanner_mode),
                           ("scanner.suffix", self.scanner_suffix), ("scanner.baudrate", self.scanner_speed),
                           ("scanner.parity", self.scanner_parity), ("printer.profile", self.printer_profile),
                           ("window.fullscreen", self.fullscreen)):
            index = combo.findData(values.get(key) or "")
            combo.setCurrentIndex(max(index, 0))
        self._scanner_mode_changed()

    def _save(self) -> None:
        values = self.values()
        question = self.presenter.source_change_question(values)
        dialogs = getattr(self.parent(), "dialogs", None)
        if question and dialogs is not None and not dialogs.confirm(question):
            return  # nothing saved: the till keeps pulling from where it did
        self.presenter.save(values)

    def _saved(self, sentence: str) -> None:
        self.outcome.setText(sentence)
        self.accept()

    def _busy(self, busy: bool) -> None:
        self.test_print_button.setDisabled(busy)
        self.test_drawer_button.setDisabled(busy)

    def _scanner_mode_changed(self) -> None:
        serial = self.scanner_mode.currentData() == "serial"
        for key, field in (("scanner.port", self.scanner_port), ("scanner.baudrate", self.scanner_speed),
                           ("scanner.parity", self.scanner_parity)):
            field.setEnabled(serial and self.presenter.editable(key))

    def _combo(self, choices: Any) -> QComboBox:
        combo = QComboBox()
        combo.setMinimumHeight(TOUCH)
        for value, text in choices:
            combo.addItem(text, value)
        return combo

    def _group(self, title: str, rows: Any) -> QGroupBox:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for label, field in rows:
            form.addRow(label, field)
        return box


def connect_settings(window: Any, make_presenter: Callable[[], SettingsPresenter],
                     scanner_setup: Callable[[], QDialog] | None = None) -> None:
    """Settings button → manager/admin PIN → the dialog; a refusal is one sentence on the home screen.

    Each opening gets a fresh presenter (kept on `window.settings_presenter`), so nothing of a
    closed dialog stays connected."""

    def ask() -> None:
        presenter = make_presenter()
        window.settings_presenter = presenter
        answer = window.dialogs.ask_approval(presenter.unlock_question())
        if answer is None:
            return
        presenter.unlocked.connect(lambda _name: window.dialogs.show_dialog(
            SettingsDialog(presenter, window, scanner_setup, window.dialogs)))
        presenter.refused.connect(window.home.message.setText)
        presenter.language_changed.connect(lambda setting: window.apply_language(choose_language(setting)))
        presenter.unlock(*answer)

    window.home.settings.connect(ask)
