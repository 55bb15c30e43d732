"""Small touch-friendly building blocks shared by the screens (targets at least 44 px)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QHeaderView, QPushButton, QTableWidget, QWidget

from posreturns.ui.resources import icon_path

TOUCH = 44


def icon(name: str) -> QIcon:
    """One of posreturns/resources/icons/*.svg (scalable, so sharp at any screen scale)."""
    return QIcon(icon_path(name))


def big_button(text: str, object_name: str = "", checkable: bool = False, icon_name: str = "") -> QPushButton:
    button = QPushButton(text)
    if icon_name:
        button.setIcon(icon(icon_name))
        button.setIconSize(QSize(22, 22))
    button.setMinimumHeight(TOUCH)
    button.setCheckable(checkable)
    if object_name:
        button.setObjectName(object_name)
    return button


class ChoiceGrid(QWidget):
    """Big exclusive buttons, e.g. the reason or condition of a returned item."""

    def __init__(self, choices: Sequence[tuple[str, str]], columns: int, on_pick: Callable[[str], None]) -> None:
        super().__init__()
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for index, (code, label) in enumerate(choices):
            button = big_button(label, "choice", checkable=True)
            button.setProperty("code", code)
            button.clicked.connect(lambda _=False, c=code: on_pick(c))
            self.group.addButton(button)
            self.buttons[code] = button
            grid.addWidget(button, index // columns, index % columns)

    def select(self, code: str | None) -> None:
        for value, button in self.buttons.items():
            button.setChecked(value == code)


def table(columns: Sequence[str]) -> QTableWidget:
    widget = QTableWidget(0, len(columns))
    widget.setHorizontalHeaderLabels(list(columns))
    widget.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    widget.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    widget.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    widget.verticalHeader().setVisible(False)
    widget.verticalHeader().setDefaultSectionSize(TOUCH)
    widget.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    widget.horizontalHeader().setStretchLastSection(True)
    return widget
