"""One returned item in the basket: quantity, reason and condition as big buttons, serial, note, and
the second-hand grade when the policy sends the item to second hand.

A card is compact (one row: the item, what was picked, the quantity) except the one being edited,
so several items fit on a 768 px screen; tapping a compact card opens it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from posreturns.ui import labels
from posreturns.ui.presenters.basket import BasketLine
from posreturns.ui.views.widgets import TOUCH, ChoiceGrid, Stepper, big_button


class BasketLineCard(QFrame):
    def __init__(self, line: BasketLine, update: Callable[..., None], remove: Callable[[], None],
                 open_card: Callable[[], None] = lambda: None) -> None:
        super().__init__()
        self.setObjectName("basketLine")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.update_line, self.remove, self.open_card = update, remove, open_card
        # the signals call through these attributes: `bind` gives a spare card to another line
        update = self._update
        self.title = QLabel(wordWrap=True)
        self.summary = QLabel(objectName="lineSummary", wordWrap=True)
        self.qty = Stepper(1, max(1, line.max_qty), line.qty)
        self.qty.valueChanged.connect(lambda value: update(qty=value))
        remove_button = big_button(self.tr("Remove"))
        remove_button.clicked.connect(lambda: self.remove())
        words = QVBoxLayout()
        words.setSpacing(2)
        words.addWidget(self.title)
        words.addWidget(self.summary)
        head = QHBoxLayout()
        head.addLayout(words, 1)
        head.addWidget(QLabel(self.tr("Qty")))
        head.addWidget(self.qty)
        head.addWidget(remove_button)
        self.reasons = ChoiceGrid(labels.reasons(), 3, lambda code: update(reason=code))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.reasons.select(line.reason)
        self.conditions = ChoiceGrid(labels.conditions(), 3, lambda code: update(condition=code))
        self.conditions.select(line.condition)
        self.details = QWidget()
        details = QVBoxLayout(self.details)
        details.setContentsMargins(0, 0, 0, 0)
        details.addWidget(QLabel(self.tr("Reason")))
        details.addWidget(self.reasons)
        details.addWidget(QLabel(self.tr("Condition")))
        details.addWidget(self.conditions)
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
            details.addWidget(self.serial)
        self.typed_serial: QLineEdit | None = None
        if line.serial_required and not line.serial_choices:  # no sale to pick from: read on the unit
            self.typed_serial = QLineEdit(line.serial or "", placeholderText=self.tr(
                "Serial number (on the item or its box): scan or type it"))
            self.typed_serial.setMinimumHeight(TOUCH)
            self.typed_serial.editingFinished.connect(
                lambda: update(serial=self._typed_serial()))
            details.addWidget(self.typed_serial)
        # a unit the policy sends to second hand: graded now, or ("Later") by a manager from the queue
        self.grade_box = QWidget()
        grading = QVBoxLayout(self.grade_box)
        grading.setContentsMargins(0, 0, 0, 0)
        grading.addWidget(QLabel(self.tr("Second hand: its grade now, or later by a manager")))
        self.grades = ChoiceGrid([("A", self.tr("A · like new")), ("B", self.tr("B · good")),
                                  ("C", self.tr("C · fair")), ("", self.tr("Later"))], 4,
                                 lambda code: update(grade=code or None))
        grading.addWidget(self.grades)
        details.addWidget(self.grade_box)
        self.note = QLineEdit(line.note, placeholderText=self.tr("Note (required for 'Other')"))
        self.note.setMinimumHeight(TOUCH)
        self.note.editingFinished.connect(lambda: update(note=self.note.text()))
        details.addWidget(self.note)
        self.hint = QLabel(objectName="hint")
        details.addWidget(self.hint)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.details)
        self.plain = plain(line)
        self.bind(line, self.update_line, self.remove, self.open_card)

    def bind(self, line: BasketLine, update: Callable[..., None], remove: Callable[[], None],
             open_card: Callable[[], None]) -> None:
        """This card now shows `line` (a spare card given to a new item: far cheaper than building one).
        Only a card built for a line without serial numbers takes another such line."""
        self.update_line, self.remove, self.open_card = update, remove, open_card
        self.title.setText(f"<b>{line.title}</b> · {line.sku}")
        self.qty.blockSignals(True)  # the old line's quantity, cut to the new limit, is no change of the new line
        try:
            self.qty.setMaximum(max(1, line.max_qty))
        finally:
            self.qty.blockSignals(False)
        self.identity = card_identity(line)
        self.show_line(line)

    def _update(self, **changes: Any) -> None:
        self.update_line(**changes)

    @property
    def expanded(self) -> bool:
        return not self.details.isHidden()

    def set_expanded(self, expanded: bool) -> None:
        if self.property("expanded") == expanded:
            return  # restyling a card costs; most cards keep their state when another opens
        self.details.setHidden(not expanded)
        self.setProperty("expanded", expanded)
        self.style().unpolish(self)
        self.style().polish(self)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if not self.expanded:
            self.open_card()
        super().mousePressEvent(event)

    def show_line(self, line: BasketLine) -> None:
        """The line's current choices on this card, without echoing them back as changes. Cheaper than
        a new card: building one (two dozen styled buttons) blocks the GUI thread for a frame or more."""
        editors = [self.qty, self.note, *(e for e in (self.serial, self.typed_serial) if e is not None)]
        for editor in editors:
            editor.blockSignals(True)
        try:
            self.qty.setValue(line.qty)
            self.reasons.select(line.reason)
            self.conditions.select(line.condition)
            self.grades.select(line.grade or "")
            self.grade_box.setVisible(line.second_hand)
            if self.serial is not None:
                self.serial.setCurrentIndex(max(0, self.serial.findData(line.serial)))
            if self.typed_serial is not None and self.typed_serial.text() != (line.serial or ""):
                self.typed_serial.setText(line.serial or "")
            if self.note.text() != line.note:
                self.note.setText(line.note)
        finally:
            for editor in editors:
                editor.blockSignals(False)
        missing = line.missing
        self.hint.setText(self.tr("To do: {0}").replace("{0}", labels.missing()[missing]) if missing else "")
        self.hint.setVisible(missing is not None)
        picked = [dict(labels.reasons()).get(line.reason or ""), dict(labels.conditions()).get(line.condition or ""),
                  line.serial, self.tr("Second hand {0}").replace("{0}", line.grade) if line.grade else None]
        self.summary.setText(self.hint.text() if missing else " · ".join(filter(None, picked)))
        state = "todo" if missing else ""
        if self.summary.property("state") != state:  # restyling costs a relayout: only when it changes
            self.summary.setProperty("state", state)
            self.summary.style().unpolish(self.summary)
            self.summary.style().polish(self.summary)

    def _typed_serial(self) -> str | None:
        assert self.typed_serial is not None
        return self.typed_serial.text().strip() or None

    def _serial(self) -> Any:
        assert self.serial is not None
        return self.serial.currentData()


def card_identity(line: BasketLine) -> tuple[object, ...]:
    """What a card is built from and cannot change in place: the sold line, its limit, its serials."""
    return line.order_line_id, line.sku, line.title, line.max_qty, tuple(line.serial_choices)


def plain(line: BasketLine) -> bool:
    """A line whose card has no serial number to pick or type: its card can be bound to another such line."""
    return not line.serial_choices and not line.serial_required
