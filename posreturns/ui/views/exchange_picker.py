"""Pick the replacement of an exchange: the product's other variants, with stock here and elsewhere."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTableWidgetItem, QVBoxLayout, QWidget

from posreturns.ui.i18n import Formats
from posreturns.ui.views.widgets import table


class ExchangePicker(QDialog):
    def __init__(self, variants: list[dict[str, Any]], formats: Formats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Exchange for…"))
        self.variants = variants
        self.chosen: dict[str, Any] | None = None
        self.table = table((self.tr("Item"), self.tr("Options"), self.tr("Price"), self.tr("Here"),
                            self.tr("Other stores")))
        self.table.setRowCount(len(variants))
        for row, variant in enumerate(variants):
            elsewhere = ", ".join(f"{where}: {qty}" for where, qty in variant.get("stock_elsewhere", {}).items())
            values = (variant["title"], " / ".join(variant.get("options", {}).values()),
                      formats.money(variant["price"]), str(variant.get("stock_here", 0)), elsewhere or "—")
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        as_of = max((v.get("stock_as_of") or "" for v in variants), default="")
        note = QLabel(self.tr("Stock as of {0}").replace("{0}", formats.stamp(as_of)) if as_of else "")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.table.cellDoubleClicked.connect(lambda row, _c: self._accept())
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.resize(720, 420)

    def _accept(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        variant = self.variants[row]
        if variant.get("stock_here", 0) <= 0:
            self.setWindowTitle(self.tr("Not in stock here: choose another size or colour"))
            return
        self.chosen = variant
        self.accept()
