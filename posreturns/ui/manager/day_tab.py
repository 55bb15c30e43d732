"""The Close of day tab: what this till's returns paid out today by tender, what is still open, the
cash count and (when something is open) the reason to close anyway; the closes already recorded,
whose Z summary can be printed again."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QTableWidgetItem, QVBoxLayout, QWidget

from posreturns.domain.money import Money
from posreturns.ui import labels
from posreturns.ui.i18n import Formats
from posreturns.ui.manager.back_office import BackOfficePresenter
from posreturns.ui.views.widgets import big_button, table


class DayTab(QWidget):
    def __init__(self, presenter: BackOfficePresenter, formats: Formats) -> None:
        super().__init__()
        self.presenter, self.formats = presenter, formats
        self.heading = QLabel(objectName="dayHeading")
        self.tenders = table((self.tr("Tender"), self.tr("Paid by"), self.tr("Returns"), self.tr("Amount")))
        self.open_items = QLabel(wordWrap=True, objectName="dayOpenItems")
        self.expected = QLabel()
        self.drawer = QLabel(wordWrap=True, objectName="dayDrawer")  # the float and what should be in the drawer
        self.counted = QLineEdit(placeholderText=self.tr("Cash the drawer paid out, as counted"))
        self.reason = QLineEdit(placeholderText=self.tr("Why close with items open (needed only then)"))
        self.close_button = big_button(self.tr("Close the day"), "primary")
        self.closes = table((self.tr("Z"), self.tr("Day"), self.tr("Returns"), self.tr("Refunded"),
                             self.tr("Difference"), self.tr("Closed by")))
        self.reprint_button = big_button(self.tr("Print the Z summary again"))
        self._closes: list[Any] = []
        form = QFormLayout()
        form.addRow(self.tr("Cash paid out by returns"), self.expected)
        form.addRow(self.tr("Drawer"), self.drawer)
        form.addRow(self.tr("Cash counted"), self.counted)
        form.addRow(self.tr("Reason"), self.reason)
        column = QVBoxLayout(self)
        column.addWidget(self.heading)
        column.addWidget(self.tenders, 1)
        column.addWidget(self.open_items)
        column.addLayout(form)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.close_button)
        column.addLayout(row)
        column.addWidget(QLabel(self.tr("Closed days")))
        column.addWidget(self.closes, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.reprint_button)
        column.addLayout(row)
        self.close_button.clicked.connect(self._close)
        self.reprint_button.clicked.connect(self._reprint)
        presenter.day_loaded.connect(self.show_day)

    def _money(self, minor: int, currency: str) -> str:
        return self.formats.money(Money.from_minor(minor, currency).amount, currency)

    def show_day(self, day: dict[str, Any]) -> None:
        window, totals, items, currency = day["window"], day["totals"], day["items"], day["currency"]
        when = window.business_day.strftime("%d/%m/%Y" if self.formats.language == "fr" else "%m/%d/%Y")
        heading = self.tr("Till {0}, {1}: {2} return(s), {3} refunded").replace("{0}", window.till_id).replace(
            "{1}", when).replace("{2}", str(totals.returns)).replace(
            "{3}", self._money(totals.refund_total_minor, currency))
        if window.seq > 1:
            heading += " · " + self.tr("correction of a closed day")
        self.heading.setText(heading)
        names = labels.tenders()
        self.tenders.setRowCount(len(totals.tenders))
        for row, tender in enumerate(totals.tenders):
            who = self.tr("payment terminal") if tender.executed_by == "host" else self.tr("this till")
            for column, text in enumerate((names.get(tender.method, tender.method), who, str(tender.returns),
                                           self._money(tender.amount_minor, currency))):
                self.tenders.setItem(row, column, QTableWidgetItem(text))
        self.expected.setText(self._money(totals.cash_paid_minor, currency))
        self._show_drawer(day.get("drawer"), currency)
        if items.any:
            self.open_items.setText(self.tr("Still open: {0} sync exception(s), {1} unconfirmed card refund(s). "
                                            "Settle them in Open queues, or give a reason to close anyway.")
                                    .replace("{0}", str(items.sync_exceptions))
                                    .replace("{1}", str(len(items.unconfirmed_card_refunds)))
                                    + (" " + self.tr("{0} return(s) wait for a manager's approval.").replace(
                                        "{0}", str(items.approvals)) if items.approvals else "")
                                    + (" " + self.tr("{0} failed card refund(s) still to pay another way.").replace(
                                        "{0}", str(items.unpaid_card_refunds)) if items.unpaid_card_refunds else ""))
            self.open_items.setProperty("state", "warn")
        else:
            self.open_items.setText(self.tr("Nothing is open: the day can close."))
            self.open_items.setProperty("state", "ok")
        self.open_items.style().unpolish(self.open_items)
        self.open_items.style().polish(self.open_items)
        self._closes = list(reversed(day["closes"]))
        self.closes.setRowCount(len(self._closes))
        for row, close in enumerate(self._closes):
            for column, text in enumerate((str(close.z_number), close.window.business_day.isoformat(),
                                           str(close.totals.returns),
                                           self._money(close.totals.refund_total_minor, close.currency),
                                           self._money(close.difference_minor, close.currency), close.closed_by)):
                self.closes.setItem(row, column, QTableWidgetItem(text))

    def _show_drawer(self, drawer: Any, currency: str) -> None:
        """With a float the manager counts the cash in the drawer; without one, the cash it paid out."""
        if drawer is None:
            self.drawer.setText(self.tr("No float was entered today: count the cash the drawer paid out."))
            self.counted.setPlaceholderText(self.tr("Cash the drawer paid out, as counted"))
            return
        self.drawer.setText(self.tr("Float {0} (by {1}), paid out since {2}: expected in the drawer {3}.")
                            .replace("{0}", self.formats.money(drawer.float.amount.amount, currency))
                            .replace("{1}", drawer.float.set_by)
                            .replace("{2}", self.formats.money(drawer.paid_out.amount, currency))
                            .replace("{3}", self.formats.money(drawer.in_drawer.amount, currency)))
        self.counted.setPlaceholderText(self.tr("Cash in the drawer, as counted"))

    def _close(self) -> None:
        if not self.counted.text().strip():
            self.presenter.refused.emit(self.tr("Enter the cash counted first (0 when no cash was paid out)."))
            return
        self.presenter.close_day(self.counted.text(), self.reason.text())
        self.counted.clear()
        self.reason.clear()

    def _reprint(self) -> None:
        row = self.closes.currentRow()
        if row < 0:
            self.presenter.refused.emit(self.tr("Select a closed day first."))
            return
        self.presenter.reprint_z(self._closes[row].z_number)
