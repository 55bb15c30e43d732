"""The cashier's list of returns waiting for a manager: the manager's answer, Resume (complete an
approved return) and Drop (a refused one, once the customer is told). Not modal: the till goes on."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QTableWidgetItem, QVBoxLayout, QWidget

from posreturns.ui.i18n import Formats
from posreturns.ui.presenters.parked_returns import ParkedReturnsPresenter
from posreturns.ui.views.widgets import big_button, table


class ParkedDialog(QDialog):
    def __init__(self, presenter: ParkedReturnsPresenter, formats: Formats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.presenter, self.formats = presenter, formats
        self.setObjectName("parkedDialog")
        self.setWindowTitle(self.tr("Waiting for a manager"))
        self.setMinimumSize(760, 360)
        # the manager's answer first: it is what the cashier opens the list for
        self.table = table((self.tr("Receipt"), self.tr("Parked"), self.tr("Manager's answer"), self.tr("Why")))
        self.message = QLabel(wordWrap=True, objectName="message")
        self.resume_button = big_button(self.tr("Resume and complete"), "primary")
        self.drop_button = big_button(self.tr("Drop"))
        self.close_button = big_button(self.tr("Close"))
        self._listed: list[Any] = []
        column = QVBoxLayout(self)
        column.addWidget(self.table, 1)
        column.addWidget(self.message)
        row = QHBoxLayout()
        row.addWidget(self.resume_button)
        row.addWidget(self.drop_button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        column.addLayout(row)
        self.resume_button.clicked.connect(lambda: self._act(presenter.resume))
        self.drop_button.clicked.connect(lambda: self._act(presenter.drop))
        self.close_button.clicked.connect(self.hide)
        presenter.listed.connect(self.show_listed)
        presenter.refused.connect(self.message.setText)

    def show_listed(self, listed: list[Any]) -> None:
        self._listed = listed
        self.message.clear()
        self.table.setRowCount(len(listed))
        for row, parked in enumerate(listed):
            for column, text in enumerate((parked.receipt or self.tr("no receipt"),
                                           self.formats.moment(parked.created_at), self._answer(parked), parked.why)):
                self.table.setItem(row, column, QTableWidgetItem(text))

    def _answer(self, parked: Any) -> str:
        if parked.status == "approved":
            return self.tr("Approved by {0}: complete it").replace("{0}", parked.decided_by or "")
        if parked.status == "refused":
            return self.tr("Refused by {0}: {1}").replace("{0}", parked.decided_by or "").replace(
                "{1}", parked.decision_note or "")
        return self.tr("Waiting…")

    def _act(self, action: Any) -> None:
        row = self.table.currentRow()
        if row < 0:
            self.message.setText(self.tr("Select a return first."))
            return
        action(self._listed[row].id)
