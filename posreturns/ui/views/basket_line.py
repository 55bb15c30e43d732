"""One returned item in the basket: quantity, reason and condition as big buttons, serial, note."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
)

from posreturns.ui import labels
from posreturns.ui.presenters.basket import BasketLine
from posreturns.ui.views.widgets import TOUCH, ChoiceGrid, big_button


class BasketLineCard(QFrame):
    def __init__(self, line: BasketLine, update: Callable[..., None], remove: Callable[[], None]) -> None:
        super().__init__()
        self.setObjectName("basketLine")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        title = QLabel(f"<b>{line.title}</b> · {line.sku}", wordWrap=True)
        self.qty = QSpinBox(minimum=1, maximum=max(1, line.max_qty), value=line.qty)
        self.qty.setMinimumHeight(TOUCH)
        self.qty.setMinimumWidth(80)
        self.qty.setEnabled(line.max_qty > 1)
        self.qty.valueChanged.connect(lambda value: update(qty=value))
        remove_button = big_button(self.tr("Remove"))
        remove_button.clicked.connect(remove)
        head = QHBoxLayout()
        head.addWidget(title, 1)
        head.addWidget(QLabel(self.tr("Qty")))
        head.addWidget(self.qty)
        head.addWidget(remove_button)
        self.reasons = ChoiceGrid(labels.reasons(), 3, lambda code: update(reason=code))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.reasons.select(line.reason)
        self.conditions = ChoiceGrid(labels.conditions(), 3, lambda code: update(condition=code))
        self.conditions.select(line.condition)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(QLabel(self.tr("Reason")))
        layout.addWidget(self.reasons)
        layout.addWidget(QLabel(self.tr("Condition")))
        layout.addWidget(self.conditions)
        self.serial: QComboBox | None = None
        if line.serial_choices:
            self.serial = QComboBox()
            self.serial.setMinimumHeight(TOUCH)
            self.serial.addItem(self.tr("Pick the serial number…"), None)
            for serial in line.serial_choices:
                self.serial.addItem(serial, serial)
            if line.serial:
                self.serial.setCurrentIndex(self.serial.findData(line.serial))
            self.serial.currentIndexChanged.connect(lambda _i: update(serial=self._serial()))
            layout.addWidget(self.serial)
        self.note = QLineEdit(line.note, placeholderText=self.tr("Note (required for 'Other')"))
        self.note.setMinimumHeight(TOUCH)
        self.note.editingFinished.connect(lambda: update(note=self.note.text()))
        layout.addWidget(self.note)
        if line.missing:
            hint = QLabel(self.tr("To do: {0}").replace("{0}", labels.missing()[line.missing]), objectName="hint")
            layout.addWidget(hint)

    def _serial(self) -> Any:
        assert self.serial is not None
        return self.serial.currentData()
