"""The second-hand and alerts tabs of the manager's workspace."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QTableWidgetItem, QVBoxLayout, QWidget

from posreturns.domain.money import Money
from posreturns.ui.i18n import Formats
from posreturns.ui.manager.presenter import ManagerPresenter
from posreturns.ui.views.widgets import big_button, table


class ResaleTab(QWidget):
    def __init__(self, presenter: ManagerPresenter, formats: Formats) -> None:
        super().__init__()
        self.formats = formats
        self.table = table((self.tr("Item"), self.tr("EAN-13"), self.tr("Grade"), self.tr("Price"), self.tr("Refunded"),
                            self.tr("Recovery"), self.tr("By")))
        self.batches = table((self.tr("RTV batch"), self.tr("Vendor"), self.tr("Units"), self.tr("Opened by")))
        self.reference = QLineEdit(placeholderText=self.tr("Tracking number or vendor's RMA (optional)"))
        self.ship_button = big_button(self.tr("Ship the selected batch"), "primary")
        self.label_button = big_button(self.tr("Print label"))
        self._batches: list[Any] = []
        self._items: list[Any] = []
        column = QVBoxLayout(self)
        column.addWidget(QLabel(self.tr("Second-hand items")))
        column.addWidget(self.table, 2)
        column.addWidget(self.label_button)
        column.addWidget(QLabel(self.tr("Open return-to-vendor batches")))
        column.addWidget(self.batches, 1)
        ship = QHBoxLayout()
        ship.addWidget(self.reference, 1)
        ship.addWidget(self.ship_button)
        column.addLayout(ship)
        self.ship_button.clicked.connect(self._ship)
        self.label_button.clicked.connect(self._label)
        self.presenter = presenter

    def show_items(self, items: Sequence[Any], batches: Sequence[Any]) -> None:
        self._items, self._batches = list(items), list(batches)
        self.table.setRowCount(len(items))
        for row, item in enumerate(items):
            def money(minor: int, currency: str = item.currency) -> str:
                return self.formats.money(Money.from_minor(minor, currency).amount, currency)

            recovery = f"{100 * item.price_minor // item.refund_minor} %" if item.refund_minor else ""
            for column, text in enumerate((item.title, item.ean13, item.grade.value, money(item.price_minor),
                                           money(item.refund_minor), recovery, item.created_by)):
                self.table.setItem(row, column, _cell(text))
        self.batches.setRowCount(len(batches))
        for row, batch in enumerate(batches):
            for column, text in enumerate((batch.id, batch.vendor, str(len(batch.units)), batch.created_by)):
                self.batches.setItem(row, column, _cell(text))

    def _ship(self) -> None:
        row = self.batches.currentRow()
        if row < 0:
            self.presenter.refused.emit(self.tr("Select the batch to ship."))
            return
        self.presenter.ship(self._batches[row].id, self.reference.text())
        self.reference.clear()

    def _label(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            self.presenter.refused.emit(self.tr("Select the item whose label to print."))
            return
        self.presenter.print_resale_label(self._items[row].unit_id)


class AlertsTab(QWidget):
    def __init__(self, presenter: ManagerPresenter, alert_text: Any = lambda code: code) -> None:
        super().__init__()
        self.presenter, self.alert_text = presenter, alert_text
        self.table = table((self.tr("Alert"), self.tr("Status"), self.tr("Return"), self.tr("Item"), self.tr("Units"),
                            self.tr("Note")))
        self.note = QLineEdit(placeholderText=self.tr("What was done (needed to resolve)"))
        self.acknowledge_button = big_button(self.tr("I'm on it"))
        self.resolve_button = big_button(self.tr("Resolve"), "primary")
        self._alerts: list[Any] = []
        column = QVBoxLayout(self)
        column.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.acknowledge_button)
        row.addWidget(self.resolve_button)
        column.addLayout(row)
        self.acknowledge_button.clicked.connect(lambda: self._settle(False))
        self.resolve_button.clicked.connect(lambda: self._settle(True))

    def show_alerts(self, alerts: Sequence[Any]) -> None:
        self._alerts = [a for a in alerts if a.status != "resolved"]
        self.table.setRowCount(len(self._alerts))
        for row, alert in enumerate(self._alerts):
            status = self.tr("acknowledged by {0}").replace("{0}", alert.acknowledged_by or "") \
                if alert.status == "acknowledged" else self.tr("open")
            for column, text in enumerate((self.alert_text(alert.code), status, alert.return_number,
                                           f"{alert.sku} — {alert.title}", " ".join(alert.units), alert.note)):
                self.table.setItem(row, column, _cell(text))

    def _settle(self, resolve: bool) -> None:
        row = self.table.currentRow()
        if row < 0:
            self.presenter.refused.emit(self.tr("Select an alert first."))
            return
        self.presenter.settle(self._alerts[row].id, resolve, self.note.text())
        self.note.clear()


def _cell(text: str) -> QTableWidgetItem:
    return QTableWidgetItem(text)
