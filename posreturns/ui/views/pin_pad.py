"""An on-screen keypad for touch screens: digits, erase and OK (or the keys given), typing into a field
(the keyboard works too). Used by the sign-in screen, the manager's approval and the drawer float
(digits, the decimal mark and erase)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QWidget

from posreturns.ui.views.widgets import TOUCH

KEYS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "erase", "0", "ok")


def amount_keys(mark: str) -> tuple[str, ...]:
    """An amount's keys: digits, the language's decimal mark, erase."""
    return ("1", "2", "3", "4", "5", "6", "7", "8", "9", mark, "0", "erase")


class PinPad(QWidget):
    """Signals: submitted() when OK is pressed. `target` is the field the keys type into; `keys`, three
    a row: "erase" and "ok" are those keys, any other is typed as it reads."""

    submitted = Signal()

    def __init__(self, target: QLineEdit, parent: QWidget | None = None, keys: tuple[str, ...] = KEYS) -> None:
        super().__init__(parent)
        self.target = target
        self.setObjectName("pinPad")
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout(self)
        grid.setSpacing(8)
        labels = {"erase": "⌫", "ok": self.tr("OK")}
        for index, key in enumerate(keys):
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
