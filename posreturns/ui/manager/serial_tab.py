"""Serial returners, a queue of the Open queues tab: the store's customers by number and value of
returns over a period (by default the policy's serial-returner window), the policy's limit above
them and the customers at it highlighted; a customer's returns below, and a return's items under
them. Only the name and the masked phone and e-mail show; nothing of them is logged."""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QObject, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QTableWidgetItem, QVBoxLayout, QWidget

from posreturns.domain.errors import UserFacingError
from posreturns.domain.money import Money
from posreturns.domain.report_rows import ReportReturn
from posreturns.services.serial_returners import SerialReturners, SerialReturnerService
from posreturns.ui.i18n import Formats, date_edit_format
from posreturns.ui.manager.report_labels import key_label
from posreturns.ui.messages import cashier_text
from posreturns.ui.ports import Runner
from posreturns.ui.views.widgets import big_button, table

log = logging.getLogger(__name__)
OVER = QColor("#fde2b8")


class SerialPresenter(QObject):
    """Signals: loaded(SerialReturners); returns_loaded(str customer id, list[ReportReturn]); refused(str)."""

    loaded = Signal(object)
    returns_loaded = Signal(str, list)
    refused = Signal(str)

    def __init__(self, service: SerialReturnerService, runner: Runner) -> None:
        super().__init__()
        self.service, self.runner = service, runner
        self.period: tuple[date, date] | None = None  # None: the policy's window, ending today
        self.shown: SerialReturners | None = None

    def refresh(self) -> None:
        self.load(*(self.period or (None, None)))

    def load(self, start: date | None, end: date | None) -> None:
        self.runner.run(lambda: self.service.customers(start, end), self._loaded, self._failed)

    def _loaded(self, found: SerialReturners) -> None:
        self.shown = found
        self.loaded.emit(found)

    def choose_period(self, start: date, end: date) -> None:
        self.period = (start, end)
        self.load(start, end)

    def open_customer(self, customer_id: str) -> None:
        if self.shown is not None:
            start, end = self.shown.start, self.shown.end
            self.runner.run(lambda: self.service.returns_of(customer_id, start, end),
                            lambda rows: self.returns_loaded.emit(customer_id, rows), self._failed)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, UserFacingError):
            self.refused.emit(cashier_text(error))
        else:  # the type only: the rows hold customers' names
            log.error("the serial returners could not be read: %s", type(error).__name__)
            self.refused.emit(self.tr("That did not work; nothing was changed. Try again, and call support if it "
                                      "persists."))


class SerialReturnersPanel(QWidget):
    def __init__(self, presenter: SerialPresenter, formats: Formats) -> None:
        super().__init__()
        self.presenter, self.formats = presenter, formats
        self.start, self.end = QDateEdit(calendarPopup=True), QDateEdit(calendarPopup=True)
        for edit in (self.start, self.end):
            edit.setDisplayFormat(date_edit_format(formats.language))
        self.show_button = big_button(self.tr("Show"), "primary")
        self.limit = QLabel(objectName="serialLimit", wordWrap=True)
        self.customers = table((self.tr("Customer"), self.tr("Phone"), self.tr("E-mail"), self.tr("Returns"),
                                self.tr("Refunded"), self.tr("Last return")))
        self.returns_title = QLabel(self.tr("Select a customer to see their returns."), wordWrap=True)
        self.returns = table((self.tr("Return"), self.tr("When"), self.tr("Till"), self.tr("Cashier"),
                              self.tr("Units"), self.tr("Refunded")))
        self.items = QLabel(objectName="serialItems", wordWrap=True)
        self._customers: list[Any] = []
        self._returns: list[ReportReturn] = []
        period = QHBoxLayout()
        for widget in (QLabel(self.tr("From")), self.start, QLabel(self.tr("to")), self.end, self.show_button):
            period.addWidget(widget)
        period.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(period)
        column.addWidget(self.limit)
        column.addWidget(self.customers, 3)
        column.addWidget(self.returns_title)
        column.addWidget(self.returns, 2)
        column.addWidget(self.items)
        self.show_button.clicked.connect(
            lambda: presenter.choose_period(self.start.date().toPython(), self.end.date().toPython()))
        self.customers.currentCellChanged.connect(lambda row, *_: self._open_customer(row))
        self.returns.currentCellChanged.connect(lambda row, *_: self._show_items(row))
        presenter.loaded.connect(self.show_customers)
        presenter.returns_loaded.connect(self.show_returns)

    def _money(self, minor: int, currency: str) -> str:
        return self.formats.money(Money.from_minor(minor, currency).amount, currency)

    def show_customers(self, found: SerialReturners) -> None:
        self.start.setDate(QDate(found.start.year, found.start.month, found.start.day))
        self.end.setDate(QDate(found.end.year, found.end.month, found.end.day))
        if not found.rule_enabled:
            limit = self.tr("The policy's serial-returner rule is off: no customer is marked.")
        elif found.max_amount_minor is None:
            limit = self.tr("The policy asks a manager from a customer's return number {0} within {1} days. "
                            "Highlighted: the customers at that limit ({2}).")
        else:
            limit = self.tr("The policy asks a manager from a customer's return number {0} within {1} days, or "
                            "over {3} refunded. Highlighted: the customers at that limit ({2}).").replace(
                "{3}", self._money(found.max_amount_minor, found.currency))
        limit = limit.replace("{0}", str(found.max_returns)).replace("{1}", str(found.days)).replace(
            "{2}", str(found.over_limit))
        self.limit.setText(limit)
        self._customers = list(found.customers)
        self.customers.setRowCount(len(self._customers))
        for row, customer in enumerate(self._customers):
            for column, text in enumerate((customer.name or customer.customer_id, customer.phone, customer.email,
                                           str(customer.returns), self._money(customer.refunded_minor, found.currency),
                                           self.formats.moment(customer.last_return_at))):
                cell = QTableWidgetItem(text)
                if customer.over_limit:
                    cell.setBackground(QBrush(OVER))
                    cell.setToolTip(self.tr("At the policy's limit: their next return needs a manager."))
                self.customers.setItem(row, column, cell)
        self.returns.setRowCount(0)
        self.items.clear()
        self.returns_title.setText(self.tr("Select a customer to see their returns."))

    def _open_customer(self, row: int) -> None:
        if 0 <= row < len(self._customers):
            self.presenter.open_customer(self._customers[row].customer_id)

    def show_returns(self, customer_id: str, rows: list[ReportReturn]) -> None:
        customer = next((c for c in self._customers if c.customer_id == customer_id), None)
        currency = self.presenter.shown.currency if self.presenter.shown is not None else "EUR"
        self.returns_title.setText(self.tr("{0} return(s) of {1}").replace("{0}", str(len(rows))).replace(
            "{1}", customer.name if customer is not None and customer.name else customer_id))
        self._returns = rows
        self.returns.setRowCount(len(rows))
        for row, ret in enumerate(rows):
            for column, text in enumerate((ret.number, self.formats.moment(ret.created_at), key_label("till", ret.till),
                                           key_label("cashier", ret.cashier), str(ret.units),
                                           self._money(ret.refund_minor, currency))):
                self.returns.setItem(row, column, QTableWidgetItem(text))
        self.items.clear()

    def _show_items(self, row: int) -> None:
        """A return's items: SKU, units, reason and where the item went, with what was refunded."""
        if not 0 <= row < len(self._returns):
            return
        ret = self._returns[row]
        currency = self.presenter.shown.currency if self.presenter.shown is not None else "EUR"
        self.items.setText(ret.number + ": " + " · ".join(
            f"{line.sku} × {line.qty}, {key_label('reason', line.reason)}, "
            f"{key_label('disposition', line.disposition)}, {self._money(line.refund_minor, currency)}"
            for line in ret.lines))
