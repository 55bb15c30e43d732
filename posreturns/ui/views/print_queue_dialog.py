"""The print queue window: what waits for the printer, why, and Retry / Cancel for each."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from posreturns.ui.presenters.print_queue import PrintQueuePresenter
from posreturns.ui.views.widgets import big_button


class PrintQueueDialog(QDialog):
    def __init__(self, presenter: PrintQueuePresenter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.presenter = presenter
        self.setObjectName("printQueueDialog")
        self.setWindowTitle(self.tr("Print queue"))
        self.setMinimumSize(900, 420)
        self.kinds = {"return_receipt": self.tr("Return receipt"), "test": self.tr("Test page"),
                      "scanner_sheet": self.tr("Scanner set-up sheet"), "voucher": self.tr("Voucher")}
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Document"), self.tr("Reference"), self.tr("Since"),
                                              self.tr("Attempts"), self.tr("Why it did not print")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for column in range(4):
            self.table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.empty = QLabel(self.tr("Nothing is waiting for the printer."), objectName="note")
        self.outcome = QLabel(objectName="message", wordWrap=True)
        self.retry_button = big_button(self.tr("Print again"), "primary", icon_name="printer")
        self.cancel_button = big_button(self.tr("Cancel this job"))
        self.retry_all_button = big_button(self.tr("Print all again"), icon_name="printer")
        actions = QHBoxLayout()
        for button in (self.retry_button, self.cancel_button, self.retry_all_button):
            actions.addWidget(button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        layout.addLayout(actions)
        layout.addWidget(self.outcome)
        layout.addWidget(close)
        self._ids: list[int] = []
        self.retry_button.clicked.connect(lambda: self._on_selected(presenter.retry))
        self.cancel_button.clicked.connect(lambda: self._on_selected(presenter.cancel))
        self.retry_all_button.clicked.connect(presenter.retry_all)
        presenter.listed.connect(self.show_jobs)
        presenter.outcome.connect(self.outcome.setText)
        presenter.load()

    def show_jobs(self, jobs: list[dict[str, Any]]) -> None:
        self._ids = [job["id"] for job in jobs]
        self.table.setRowCount(len(jobs))
        for row, job in enumerate(jobs):
            kind = self.kinds.get(job["kind"], job["kind"])
            if job["copy"]:
                kind += " " + self.tr("(copy)")
            cells = (kind, job["reference"], job["created_at"][:16].replace("T", " "), str(job["attempts"]),
                     job["problem"])
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        if jobs:
            self.table.selectRow(0)
        self.table.setVisible(bool(jobs))
        self.empty.setVisible(not jobs)
        for button in (self.retry_button, self.cancel_button, self.retry_all_button):
            button.setEnabled(bool(jobs))

    def _on_selected(self, action: Any) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self._ids):
            action(self._ids[row])
