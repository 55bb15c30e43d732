"""The restock queue tab: every held unit with its age, sortable and filtered; units older than the
store's limit highlighted; actions on the selected units (or the unit whose tag was scanned)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from posreturns.domain.held_units import UnitAction
from posreturns.domain.resale import Grade
from posreturns.ui.labels import conditions, reasons
from posreturns.ui.manager.presenter import ManagerPresenter
from posreturns.ui.views.widgets import big_button, table

OLD = QColor("#fde2b8")


class RestockTab(QWidget):
    def __init__(self, presenter: ManagerPresenter, highlight_hours: float = 48,
                 now: Any = lambda: datetime.now(UTC)) -> None:
        super().__init__()
        self.presenter, self.highlight_hours, self.now = presenter, highlight_hours, now
        self.units: list[Any] = []
        self.scan = QLineEdit(placeholderText=self.tr("Scan an inspection tag to select its unit"))
        self.reason = QComboBox(sizeAdjustPolicy=QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon,
                                minimumContentsLength=10)
        self.category = QComboBox(sizeAdjustPolicy=QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon,
                                  minimumContentsLength=8)
        self.table = table((self.tr("Age (h)"), self.tr("Unit"), self.tr("Return"), self.tr("Sale"), self.tr("Item"),
                            self.tr("Reason"), self.tr("Condition"), self.tr("Note"), self.tr("Serial"),
                            self.tr("Disposition"), self.tr("Alerts"), self.tr("Till")))
        self.table.setSelectionMode(QTableWidget.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.note = QLineEdit(placeholderText=self.tr("Note, or why it is scrapped"))
        self.vendor = QLineEdit(placeholderText=self.tr("Vendor (return to vendor)"))
        self.count = QLabel()
        self.buttons = {
            "release": big_button(self.tr("Back on sale"), "primary"),
            "refurbish": big_button(self.tr("Refurbish")),
            "rtv": big_button(self.tr("Return to vendor")),
            "scrap": big_button(self.tr("Scrap")),
            "tag": big_button(self.tr("Reprint tag")),
        }
        self.grades = {grade: big_button(self.tr("Second hand {0}").replace("{0}", grade.value)) for grade in Grade}

        filters = QHBoxLayout()
        filters.addWidget(self.scan, 2)
        filters.addWidget(QLabel(self.tr("Reason")))
        filters.addWidget(self.reason, 1)
        filters.addWidget(QLabel(self.tr("Category")))
        filters.addWidget(self.category, 1)
        filters.addWidget(self.count)
        actions = QGridLayout()  # two rows of four: fits a 1024-pixel screen
        actions.addWidget(self.note, 0, 0, 1, 2)
        actions.addWidget(self.vendor, 0, 2, 1, 2)
        for n, button in enumerate((self.buttons["release"], *self.grades.values(), self.buttons["refurbish"],
                                    self.buttons["rtv"], self.buttons["scrap"], self.buttons["tag"])):
            actions.addWidget(button, 1 + n // 4, n % 4)
        column = QVBoxLayout(self)
        column.addLayout(filters)
        column.addWidget(self.table, 1)
        column.addLayout(actions)

        self.scan.returnPressed.connect(lambda: self.select_scanned(self.scan.text()))
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # the oldest first
        self.reason.currentIndexChanged.connect(self._fill)
        self.category.currentIndexChanged.connect(self._fill)
        self.buttons["release"].clicked.connect(lambda: self._act(UnitAction.RELEASE))
        self.buttons["refurbish"].clicked.connect(lambda: self._act(UnitAction.REFURBISH))
        self.buttons["rtv"].clicked.connect(lambda: self._act(UnitAction.RTV))
        self.buttons["scrap"].clicked.connect(lambda: self._act(UnitAction.SCRAP))
        self.buttons["tag"].clicked.connect(lambda: presenter.reprint_tags(self.selected()))
        for grade, button in self.grades.items():
            button.clicked.connect(lambda _checked=False, grade=grade: presenter.resell(self.selected(), grade))

    def show_units(self, units: Sequence[Any]) -> None:
        self.units = list(units)
        for combo, values in ((self.reason, {u.reason for u in units}), (self.category, {u.category for u in units})):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("All"), None)
            words = dict(reasons()) if combo is self.reason else {}
            for value in sorted(v for v in values if v):
                combo.addItem(words.get(value, value), value)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(False)
        self._fill()

    def _fill(self) -> None:
        reason, category = self.reason.currentData(), self.category.currentData()
        shown = [u for u in self.units if (reason is None or u.reason == reason)
                 and (category is None or u.category == category)]
        now = self.now()
        reason_words, condition_words = dict(reasons()), dict(conditions())
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(shown))
        for row, unit in enumerate(shown):
            hours = unit.age_hours(now)
            age = QTableWidgetItem()
            age.setData(Qt.ItemDataRole.DisplayRole, int(hours))  # a number: the column sorts by age
            cells = [age, *(QTableWidgetItem(text) for text in (
                unit.id, unit.return_number, unit.order_number or "", f"{unit.sku} — {unit.title}",
                reason_words.get(unit.reason, unit.reason), condition_words.get(unit.condition, unit.condition),
                unit.note or unit.cashier_note, unit.serial or "",
                unit.disposition + (" · " + self.tr("refurbishing") if unit.state.value == "refurbishing" else ""),
                ", ".join(unit.alerts), unit.till_id or ""))]
            for column, cell in enumerate(cells):
                cell.setData(Qt.ItemDataRole.UserRole + 1, unit.id)
                if hours >= self.highlight_hours:
                    cell.setBackground(QBrush(OLD))
                    cell.setToolTip(self.tr("Held for more than {0} hours").replace("{0}",
                                                                                    str(int(self.highlight_hours))))
                self.table.setItem(row, column, cell)
        self.table.setSortingEnabled(True)
        old = sum(1 for u in shown if u.age_hours(now) >= self.highlight_hours)
        self.count.setText(self.tr("{0} held").replace("{0}", str(len(shown)))
                           + (" · " + self.tr("{0} overdue").replace("{0}", str(old)) if old else ""))

    def selected(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        return [self._unit_id(row) for row in rows]

    def _unit_id(self, row: int) -> str:
        item = self.table.item(row, 1)
        return item.text() if item is not None else ""

    def select_scanned(self, code: str) -> bool:
        """Select the row of a scanned tag (added to the selection); False when it is not in the queue."""
        self.scan.clear()
        unit = self.presenter.unit_of_scan(code)
        if unit is None:
            self.presenter.refused.emit(self.tr("This tag is not in the queue (already dealt with, or another "
                                                "store's): {0}").replace("{0}", code.strip()))
            return False
        for row in range(self.table.rowCount()):
            if self._unit_id(row) == unit.id:
                self.table.setSelectionMode(QTableWidget.SelectionMode.MultiSelection)
                self.table.selectRow(row)
                self.table.setSelectionMode(QTableWidget.SelectionMode.ExtendedSelection)
                if (item := self.table.item(row, 1)) is not None:
                    self.table.scrollToItem(item)
                return True
        self.reason.setCurrentIndex(0)  # filtered out: show everything, then select it
        self.category.setCurrentIndex(0)
        return self.select_scanned(unit.id)

    def _act(self, action: UnitAction) -> None:
        self.presenter.act(action, self.selected(), note=self.note.text(), vendor=self.vendor.text())
