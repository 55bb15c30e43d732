"""The scanner set-up page: scan a code and see exactly what the scanner typed, how fast, what it
means, and what to change; print the set-up sheet of programming and test codes."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from posreturns.ui.presenters.scanner_setup import ScannerSetupPresenter
from posreturns.ui.views.widgets import big_button


class ScannerSetupDialog(QDialog):
    def __init__(self, presenter: ScannerSetupPresenter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.presenter = presenter
        self.setObjectName("scannerSetupDialog")
        self.setWindowTitle(self.tr("Scanner set-up"))
        self.setMinimumSize(900, 560)
        intro = QLabel(self.tr("Scan any code, or the test codes of the set-up sheet: this page shows what the "
                               "scanner typed and what to change. Scans do nothing else while it is open."),
                       wordWrap=True)
        self.scanned = QLabel(self.tr("Nothing scanned yet."), objectName="scannedText")
        self.scanned.setFont(QFont("monospace"))
        self.timing = QLabel()
        self.parsed = QLabel(wordWrap=True)
        self.check = QLabel(wordWrap=True, objectName="scanCheck")
        form = QFormLayout()
        form.addRow(self.tr("Scanned"), self.scanned)
        form.addRow(self.tr("Timing"), self.timing)
        form.addRow(self.tr("Read as"), self.parsed)
        form.addRow(self.tr("Verdict"), self.check)
        self.keys = QTableWidget(0, 5)
        self.keys.setHorizontalHeaderLabels([self.tr("ms"), "", self.tr("Key"), self.tr("Modifiers"), self.tr("Text")])
        self.keys.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.keys.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.keys.verticalHeader().hide()
        self.print_button = big_button(self.tr("Print the set-up sheet"), icon_name="printer")
        self.outcome = QLabel(objectName="message", wordWrap=True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.keys, 1)
        layout.addWidget(self.print_button)
        layout.addWidget(self.outcome)
        layout.addWidget(close)
        self.print_button.clicked.connect(presenter.print_setup_sheet)
        presenter.observed.connect(self.show_scan)
        presenter.outcome.connect(self.outcome.setText)
        self.finished.connect(lambda _result: presenter.stop())
        presenter.start()

    def show_scan(self, scan: dict[str, Any]) -> None:
        self.scanned.setText(repr(scan["text"]))
        ending = (self.tr("ended by the suffix") if scan["ended_by"] == "suffix"
                  else self.tr("ended by a pause, no suffix"))
        presses = sum(1 for key in scan["keys"] if key["event"] == "↓")
        self.timing.setText(self.tr("{0} key presses in {1} ms, longest gap {2} ms, {3}").replace("{0}", str(presses))
                            .replace("{1}", f"{scan['duration_ms']:.0f}").replace("{2}",
                                                                                  f"{scan['longest_gap_ms']:.0f}")
                            .replace("{3}", ending))
        self.parsed.setText(scan["parsed"])
        self.check.setText(scan["check"])
        self.check.setProperty("state", scan["state"])
        self.check.style().unpolish(self.check)
        self.check.style().polish(self.check)
        self.keys.setRowCount(len(scan["keys"]))
        for row, key in enumerate(scan["keys"]):
            for column, value in enumerate((f"{key['at_ms']:.0f}", key["event"], key["key"], key["modifiers"],
                                            key["text"])):
                self.keys.setItem(row, column, QTableWidgetItem(value))
