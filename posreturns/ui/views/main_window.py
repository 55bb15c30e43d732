"""The till window: one scan/search field, then the sale with its returnable lines."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QHeaderView, QLabel, QLineEdit, QMainWindow, QPushButton, QStackedWidget,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget, QHBoxLayout)

from posreturns.domain.orders import Order
from posreturns.services.ports import OrderSummary
from posreturns.ui.presenters.lookup import LookupPresenter

LINE_COLUMNS = ("SKU", "Item", "Sold", "Returned", "Returnable", "Unit paid")


class MainWindow(QMainWindow):
    def __init__(self, presenter: LookupPresenter) -> None:
        super().__init__()
        self.presenter = presenter
        self.setWindowTitle(self.tr("posreturns — returns"))
        self.resize(1024, 700)
        self.scan_field = QLineEdit(placeholderText=self.tr("Scan a receipt, or type a number, phone, e-mail or name"))
        self.scan_field.setMinimumHeight(44)
        self.search_button = QPushButton(self.tr("Find"), minimumHeight=44)
        self.message = QLabel(wordWrap=True)
        self.message.setObjectName("message")
        self.order_title = QLabel()
        self.order_title.setObjectName("orderTitle")
        self.lines = _table(LINE_COLUMNS)
        self.results = _table((self.tr("Receipt"), self.tr("Date"), self.tr("Channel"), self.tr("Total"), self.tr("Customer")))
        self.pages = QStackedWidget()
        self.pages.addWidget(self.results)
        order_page = QWidget()
        order_layout = QVBoxLayout(order_page)
        order_layout.addWidget(self.order_title)
        order_layout.addWidget(self.lines)
        self.pages.addWidget(order_page)
        search_row = QHBoxLayout()
        search_row.addWidget(self.scan_field, 1)
        search_row.addWidget(self.search_button)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(search_row)
        layout.addWidget(self.message)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self._summaries: list[OrderSummary] = []
        self.scan_field.returnPressed.connect(self._submit)
        self.search_button.clicked.connect(self._submit)
        self.results.cellActivated.connect(self._open_result)
        self.results.cellDoubleClicked.connect(self._open_result)
        presenter.order_found.connect(self.show_order)
        presenter.results_found.connect(self.show_results)
        presenter.message.connect(self.message.setText)
        presenter.busy.connect(lambda busy: self.search_button.setEnabled(not busy))
        self.scan_field.setFocus()

    def _submit(self) -> None:
        self.message.clear()
        self.presenter.submit(self.scan_field.text())

    def show_order(self, order: Order) -> None:
        self.order_title.setText(f"{order.number} · {order.placed_at.astimezone():%d/%m/%Y %H:%M} · "
                                 f"{order.customer_name or self.tr('no customer')} · {order.total.format()}")
        self.lines.setRowCount(len(order.lines))
        for row, line in enumerate(order.lines):
            values = (line.sku, line.title, str(line.qty), str(line.returned_qty), str(line.returnable_qty),
                      line.unit_paid.format())
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.lines.setItem(row, column, item)
        self.pages.setCurrentIndex(1)
        self.scan_field.selectAll()

    def show_results(self, summaries: list[OrderSummary]) -> None:
        self._summaries = summaries
        self.results.setRowCount(len(summaries))
        for row, s in enumerate(summaries):
            for column, value in enumerate((s.number, f"{s.placed_at.astimezone():%d/%m/%Y}", s.channel,
                                            s.total.format(), s.customer_name or "")):
                self.results.setItem(row, column, QTableWidgetItem(value))
        self.pages.setCurrentIndex(0)

    def _open_result(self, row: int, _column: int) -> None:
        self.presenter.open_order(self._summaries[row].id)


def _table(columns: tuple[str, ...]) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(list(columns))
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(44)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table
