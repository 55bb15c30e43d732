"""Small touch-friendly building blocks shared by the screens (targets at least 44 px)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QWidget,
)

from posreturns.ui.resources import icon_path

TOUCH = 44
translate = QCoreApplication.translate  # called by this name so that pyside6-lupdate finds the strings


_icons: dict[str, QIcon] = {}


def icon(name: str) -> QIcon:
    """One of posreturns/resources/icons/*.svg (scalable, so sharp at any screen scale).

    One QIcon per name for the process: each new QIcon renders its pixmaps again into Qt's pixmap
    cache, so a host opening the widget for every return filled that cache (10 MB) window by window."""
    if name not in _icons:
        _icons[name] = QIcon(icon_path(name))
    return _icons[name]


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


def manager_button() -> QPushButton:
    """The home screen's way into the manager's workspace (`ui.manager.hookup`), drawn with the first screen."""
    button = big_button(QCoreApplication.translate("ManagerHookup", "Manager"), icon_name="settings")
    button.setObjectName("managerButton")
    return button


def show_key(button: QPushButton, key: str) -> None:
    """The button's keyboard shortcut, on it (after its text) and in its tooltip."""
    text = button.text().split("   ")[0]
    button.setText(f"{text}   {key}" if text else key)
    button.setToolTip(f"{text} ({key})" if text else key)
    button.setProperty("key", key)


class ChoiceGrid(QWidget):
    """Big exclusive buttons, e.g. the reason or condition of a returned item: at most `columns` a row,
    fewer when the widest label would not fit (a 1024 px till screen), never cut."""

    def __init__(self, choices: Sequence[tuple[str, str]], columns: int, on_pick: Callable[[str], None],
                 object_name: str = "choice") -> None:
        super().__init__()
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QPushButton] = {}
        self.most_columns, self.columns = columns, 0
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        for code, label in choices:
            button = big_button(label, object_name, checkable=True)
            button.setProperty("code", code)
            button.clicked.connect(lambda _=False, c=code: on_pick(c))
            self.group.addButton(button)
            self.buttons[code] = button
        self._place(columns)

    def select(self, code: str | None) -> None:
        checked = self.group.checkedButton()
        if code not in self.buttons and checked is not None:  # an exclusive group keeps one checked: not this time
            self.group.setExclusive(False)
            checked.setChecked(False)
            self.group.setExclusive(True)
        for value, button in self.buttons.items():
            button.setChecked(value == code)

    def minimumSizeHint(self) -> QSize:
        """One column is the least this grid needs: the width it is given decides the columns."""
        return QSize(self._widest(), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place(self.columns_for(event.size().width()))

    def columns_for(self, width: int) -> int:
        spacing = max(0, self.grid.horizontalSpacing())
        fitting = (width + spacing) // max(1, self._widest() + spacing)
        return max(1, min(self.most_columns, len(self.buttons), fitting))

    def _widest(self) -> int:
        return max((button.sizeHint().width() for button in self.buttons.values()), default=0)

    def _place(self, columns: int) -> None:
        if columns == self.columns:
            return
        self.columns = columns
        for button in self.buttons.values():
            self.grid.removeWidget(button)
        for index, button in enumerate(self.buttons.values()):
            self.grid.addWidget(button, index // columns, index % columns)
        for column in range(self.most_columns):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)
        self.updateGeometry()


PADDING = 20  # the status bar's style sheet pads its labels by 10 px a side


class ElidedLabel(QLabel):
    """A one-line label that shortens its text with "…" (whole in the tooltip) rather than widening
    the window: the status bar fits a 1024 px screen in any language."""

    def __init__(self, object_name: str = "", keep: int = 0) -> None:
        super().__init__()
        self.full_text = ""
        self.keep = keep  # px it never shrinks below: the sentence that matters most (the printer's) stays readable
        if object_name:
            self.setObjectName(object_name)

    def setText(self, text: str) -> None:
        self.full_text = text
        self.setToolTip(text)
        self._elide()
        self.updateGeometry()

    def text(self) -> str:
        return self.full_text

    def sizeHint(self) -> QSize:
        extra = super().sizeHint().width() - self.fontMetrics().horizontalAdvance(super().text())
        return QSize(self.fontMetrics().horizontalAdvance(self.full_text) + max(0, extra) + PADDING,
                     super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return QSize(min(self.sizeHint().width(), max(self.keep, self.fontMetrics().horizontalAdvance("MMMM…") + 24)),
                     super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        room = self.contentsRect().width() - 2 * self.margin() - PADDING
        fits = self.fontMetrics().horizontalAdvance(self.full_text) <= room
        QLabel.setText(self, self.full_text if fits else
                       self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight, max(0, room)))


class Stepper(QWidget):
    """A quantity as [−] n [+] with finger-sized buttons (a spin box's own arrows are ~20 px).
    Signals: valueChanged(int), as QSpinBox."""

    valueChanged = Signal(int)

    def __init__(self, minimum: int, maximum: int, value: int) -> None:
        super().__init__()
        self._minimum, self._maximum, self._value = minimum, max(minimum, maximum), minimum
        self.number = QLabel(objectName="stepperValue", alignment=Qt.AlignmentFlag.AlignCenter)
        self.number.setMinimumWidth(40)
        self.fewer = QPushButton("−", objectName="stepper")
        self.more = QPushButton("+", objectName="stepper")
        self.fewer.setAccessibleName(translate("Widgets", "Fewer"))
        self.more.setAccessibleName(translate("Widgets", "More"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        for widget in (self.fewer, self.number, self.more):
            row.addWidget(widget)
        for button, step in ((self.fewer, -1), (self.more, 1)):
            button.setFixedSize(TOUCH, TOUCH)
            button.clicked.connect(lambda _=False, s=step: self._step(s))
        self.setValue(value)

    def value(self) -> int:
        return self._value

    def maximum(self) -> int:
        return self._maximum

    def setMaximum(self, maximum: int) -> None:
        self._maximum = max(self._minimum, maximum)
        self.setValue(self._value)

    def setValue(self, value: int) -> None:
        before, self._value = self._value, max(self._minimum, min(self._maximum, value))
        self.number.setText(str(self._value))
        self.fewer.setEnabled(self._value > self._minimum)
        self.more.setEnabled(self._value < self._maximum)
        if self._value != before:
            self.valueChanged.emit(self._value)

    def _step(self, step: int) -> None:
        self.setValue(self._value + step)


def table(columns: Sequence[str]) -> QTableWidget:
    widget = QTableWidget(0, len(columns))
    widget.setHorizontalHeaderLabels(list(columns))
    widget.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    widget.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    widget.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    widget.verticalHeader().setVisible(False)
    widget.verticalHeader().setDefaultSectionSize(TOUCH)
    widget.setMinimumHeight(TOUCH * 3)  # a header and two rows: the rest scrolls on a 768 px screen
    widget.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    widget.horizontalHeader().setStretchLastSection(True)
    return widget
