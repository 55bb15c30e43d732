"""An on-screen PIN pad for touch screens: digits, erase and OK, typing into a field (the keyboard
works too). Used by the sign-in screen and the manager's approval."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QWidget

from posreturns.ui.views.widgets import TOUCH

KEYS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "erase", "0", "ok")


class PinPad(QWidget):
    """Signals: submitted() when OK is pressed. `target` is the field the digits go to."""

    submitted = Signal()

    def __init__(self, target: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.target = target
        self.setObjectName("pinPad")
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout(self)
        grid.setSpacing(8)
        labels = {"erase": "⌫", "ok": self.tr("OK")}
        for index, key in enumerate(KEYS):
            button = QPushButton(labels.get(key, key))
            button.setObjectName("primary" if key == "ok" else "pinKey")
            button.setMinimumSize(TOUCH + 28, TOUCH + 20)
            button.clicked.connect(lambda _=False, k=key: self.press(k))
            if key == "erase":
                button.setAccessibleName(self.tr("Erase"))
            self.buttons[key] = button
            grid.addWidget(button, index // 3, index % 3)

    def press(self, key: str) -> None:
        if key == "ok":
            self.submitted.emit()
        elif key == "erase":
            self.target.backspace()
        else:
            self.target.insert(key)
        self.target.setFocus()
