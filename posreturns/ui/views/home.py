"""Home: one scan/search field, a search panel, recent returns, and the receipt-less path."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from posreturns.services.ports import OrderSummary
from posreturns.ui.i18n import Formats, date_edit_format
from posreturns.ui.views.widgets import TOUCH, big_button, icon, show_key, table


class HomePage(QWidget):
    """Signals: search(str) free text; search_card(str, date); search_amount(date, str);
    open_order(str) an order id; receiptless(); reprint(str) a return number; settings(); about(); sign_out()."""

    search = Signal(str)
    search_card = Signal(str, object)
    search_amount = Signal(object, str)
    open_order = Signal(str)
    receiptless = Signal()
    reprint = Signal(str)
    settings = Signal()
    about = Signal()
    sign_out = Signal()

    def __init__(self, formats: Formats) -> None:
        super().__init__()
        self.formats = formats
        self.scan_field = QLineEdit(
            placeholderText=self.tr("Scan a receipt, or type a receipt number, phone, e-mail or name"))
        self.scan_field.setObjectName("scanField")
        self.scan_field.setMinimumHeight(TOUCH + 12)
        self.scan_field.addAction(icon("scan"), QLineEdit.ActionPosition.LeadingPosition)
        self.find_button = big_button(self.tr("Find"), "primary", icon_name="search-light")
        self.receiptless_button = big_button(self.tr("Return without receipt"), icon_name="return")
        self.settings_button = big_button(self.tr("Settings"), icon_name="settings")
        self.about_button = big_button("", icon_name="info")
        self.about_button.setToolTip(self.tr("About posreturns"))
        self.about_button.setAccessibleName(self.tr("About posreturns"))
        self.sign_out_button = big_button(self.tr("Sign out"))
        self.message = QLabel(wordWrap=True, objectName="message")
        self.message.setMinimumHeight(self.message.fontMetrics().lineSpacing() + 4)  # no jump when a message appears
        self.results = table((self.tr("Receipt"), self.tr("Date"), self.tr("Channel"), self.tr("Total"),
                              self.tr("Customer")))
        self.recent = table((self.tr("Return"), self.tr("Time"), self.tr("Receipt"), self.tr("Refund")))
        self._summaries: list[OrderSummary] = []
        self._recent: list[dict[str, str]] = []

        # the scan field and Find on a row of their own, full width; the tools on the next row, so that the
        # manager's buttons a sign-in adds never squeeze the scan field off a 1024 px screen
        scan_row = QHBoxLayout()
        scan_row.addWidget(self.scan_field, 1)
        scan_row.addWidget(self.find_button)
        tools = self._tools = QHBoxLayout()
        tools.addWidget(self.receiptless_button)
        tools.addStretch(1)
        tools.addWidget(self.settings_button)
        tools.addWidget(self.about_button)
        tools.addWidget(self.sign_out_button)
        layout = QVBoxLayout(self)
        layout.addLayout(scan_row)
        layout.addLayout(tools)
        layout.addWidget(self.message)
        middle = QHBoxLayout()
        middle.addWidget(self._search_panel())
        results_box = QGroupBox(self.tr("Sales found"))
        QVBoxLayout(results_box).addWidget(self.results)
        middle.addWidget(results_box, 1)
        layout.addLayout(middle, 1)
        recent_box = QGroupBox(self.tr("Recent returns at this till"))
        QVBoxLayout(recent_box).addWidget(self.recent)
        layout.addWidget(recent_box)

        self.scan_field.returnPressed.connect(self._submit)
        self.find_button.clicked.connect(self._submit)
        self.receiptless_button.clicked.connect(self.receiptless)
        show_key(self.receiptless_button, "F4")
        self.settings_button.clicked.connect(self.settings)
        self.about_button.clicked.connect(self.about)
        self.sign_out_button.clicked.connect(self.sign_out)
        self.results.cellActivated.connect(self._open)
        self.results.cellClicked.connect(self._open)
        # the window asks first
        self.recent.cellDoubleClicked.connect(lambda row, _c: self.reprint.emit(self._recent[row]["return_number"]))

    def add_tool(self, button: QPushButton) -> None:
        """A button of another workspace (the manager's), beside Settings."""
        self._tools.insertWidget(self._tools.indexOf(self.settings_button), button)

    def _search_panel(self) -> QGroupBox:
        box = QGroupBox(self.tr("Search"))
        grid = QGridLayout(box)
        self.customer_field = QLineEdit(placeholderText=self.tr("Phone, e-mail or name"))
        self.card_field = QLineEdit(placeholderText=self.tr("Card last 4"), maxLength=4)
        self.card_date = QDateEdit(QDate.currentDate(), calendarPopup=True)
        self.amount_field = QLineEdit(placeholderText=self.tr("Amount, e.g. 59.90"))
        self.amount_date = QDateEdit(QDate.currentDate(), calendarPopup=True)
        for widget in (self.customer_field, self.card_field, self.card_date, self.amount_field, self.amount_date):
            widget.setMinimumHeight(TOUCH)
        for edit in (self.card_date, self.amount_date):
            edit.setDisplayFormat(date_edit_format(self.formats.language))
        customer_go, card_go, amount_go = (big_button(self.tr("Search"), icon_name="search") for _ in range(3))
        grid.addWidget(QLabel(self.tr("Customer")), 0, 0)
        grid.addWidget(self.customer_field, 0, 1, 1, 2)
        grid.addWidget(customer_go, 0, 3)
        grid.addWidget(QLabel(self.tr("Card and date")), 1, 0)
        grid.addWidget(self.card_field, 1, 1)
        grid.addWidget(self.card_date, 1, 2)
        grid.addWidget(card_go, 1, 3)
        grid.addWidget(QLabel(self.tr("Date and amount")), 2, 0)
        grid.addWidget(self.amount_date, 2, 1)
        grid.addWidget(self.amount_field, 2, 2)
        grid.addWidget(amount_go, 2, 3)
        customer_go.clicked.connect(lambda: self.search.emit(self.customer_field.text()))
        self.customer_field.returnPressed.connect(lambda: self.search.emit(self.customer_field.text()))
        card_go.clicked.connect(lambda: self.search_card.emit(self.card_field.text(), _day(self.card_date)))
        amount_go.clicked.connect(lambda: self.search_amount.emit(_day(self.amount_date), self.amount_field.text()))
        return box

    def _submit(self) -> None:
        self.message.clear()
        self.search.emit(self.scan_field.text())

    def _open(self, row: int, _column: int) -> None:
        self.open_order.emit(self._summaries[row].id)

    def show_results(self, summaries: list[OrderSummary]) -> None:
        from PySide6.QtWidgets import QTableWidgetItem

        self._summaries = summaries
        self.results.setRowCount(len(summaries))
        for row, s in enumerate(summaries):
            values = (s.number, self.formats.day(s.placed_at),
                      self.tr("web") if s.channel == "web" else self.tr("store"),
                      self.formats.money(s.total.amount, s.total.currency), s.customer_name or "")
            for column, value in enumerate(values):
                self.results.setItem(row, column, QTableWidgetItem(value))

    def show_recent(self, recent: list[dict[str, str]]) -> None:
        from PySide6.QtWidgets import QTableWidgetItem

        self._recent = recent
        self.recent.setRowCount(len(recent))
        for row, item in enumerate(recent):
            currency = item.get("currency") or "EUR"
            if item.get("exchange"):  # an exchange is not a refund: what moved, if anything
                collect = item.get("to_collect") or ""
                refund = item.get("to_refund") or ""  # the credit the replacement used is no refund
                money = (self.tr("Exchange · customer paid {0}").replace("{0}", self.formats.money(collect, currency))
                         if collect and Decimal(collect) else
                         self.tr("Exchange · refund {0}").replace("{0}", self.formats.money(refund, currency))
                         if refund and Decimal(refund) else self.tr("Exchange"))
            else:
                money = self.formats.money(item.get("refund"), currency)
            values = (item.get("return_number") or "", self.formats.stamp(item.get("created_at") or item.get("time")),
                      item.get("receipt") or "", money)
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if column == 3:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.recent.setItem(row, column, cell)

    def reset(self) -> None:
        """Ready for the next customer: nothing the last one typed or was found for stays on screen
        (their name in the search is personal data)."""
        for field in (self.scan_field, self.customer_field, self.card_field, self.amount_field):
            field.clear()
        for day in (self.card_date, self.amount_date):
            day.setDate(QDate.currentDate())
        self.message.clear()
        self.results.setRowCount(0)
        self._summaries = []
        self.recent.clearSelection()
        self.scan_field.setFocus()


def _day(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())
