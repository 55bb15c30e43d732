"""The drawer float, asked for after a sign-in when none was entered today at this till: the amount
(keyboard or on-screen pad with the language's decimal mark), saved off the GUI thread; a bad amount
is said in the dialog, which stays open. "Later" closes it: the next sign-in asks again, and the home
screen's "Drawer float" button opens it whenever the cashier is ready."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from posreturns.domain.errors import UserFacingError
from posreturns.domain.users import Principal
from posreturns.ui.messages import cashier_text
from posreturns.ui.views.fitting import scrolling_body
from posreturns.ui.views.pin_pad import PinPad, amount_keys
from posreturns.ui.views.widgets import TOUCH, big_button


class FloatDialog(QDialog):
    """Signals: saved(object) the recorded `DrawerFloat`."""

    saved = Signal(object)

    def __init__(self, actor: Principal, floats: Any, runner: Any, mark: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actor, self.floats, self.runner = actor, floats, runner
        self.setObjectName("floatDialog")
        self.setWindowTitle(self.tr("Drawer float"))
        self.setMinimumWidth(460)
        title = QLabel(self.windowTitle(), objectName="floatTitle")  # a till without a window manager has no title bar
        explain = QLabel(self.tr("Count the cash in the drawer and enter it. The till refunds cash only while the "
                                 "drawer holds enough; beyond it, the cash part is given as store credit."),
                         wordWrap=True)
        self.amount = QLineEdit(placeholderText=self.tr("Cash in the drawer, e.g. {0}").replace(
            "{0}", f"150{mark}00"), objectName="floatAmount")
        self.amount.setMinimumHeight(TOUCH)
        self.amount.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,7}([.,]\d{0,2})?"), self))
        self.pad = PinPad(self.amount, keys=amount_keys(mark))
        self.pad.setMinimumSize(self.pad.minimumSizeHint())  # the keys keep their touch size in a short dialog
        self.error = QLabel(objectName="message", wordWrap=True)
        self.error.setMinimumHeight(self.error.fontMetrics().lineSpacing() * 2 + 4)  # no jump when it speaks
        self.save_button = big_button(self.tr("Save the float"), "primary")
        self.later_button = big_button(self.tr("Later"))
        buttons = QWidget()
        row = QHBoxLayout(buttons)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.later_button)
        row.addStretch(1)
        row.addWidget(self.save_button)
        # on a short screen (200 %) the pad scrolls; the message and the buttons stay in view under it
        column = QVBoxLayout(scrolling_body(self, self.error, buttons))
        for widget in (title, explain, self.amount, self.pad):
            column.addWidget(widget)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.accept)
        self.later_button.clicked.connect(self.reject)
        self.amount.returnPressed.connect(self.accept)
        self.amount.setFocus()

    def accept(self) -> None:
        text = self.amount.text().strip()
        if not text:
            self.error.setText(self.tr("Enter the cash counted in the drawer (0 when it is empty)."))
            self.amount.setFocus()
            return
        if not self.save_button.isEnabled():  # saving already
            return
        self._busy(True)
        actor, floats = self.actor, self.floats
        self.runner.run(lambda: floats.set_float(actor, text), self._saved, self._refused)

    def reject(self) -> None:
        if self.save_button.isEnabled():  # not while saving: its answer comes to this dialog
            super().reject()

    def _saved(self, entry: object) -> None:
        self._busy(False)
        self.saved.emit(entry)
        QDialog.accept(self)

    def _refused(self, error: BaseException) -> None:
        self._busy(False)
        self.error.setText(cashier_text(error) if isinstance(error, UserFacingError) else
                           self.tr("The float could not be saved; try again."))
        self.amount.selectAll()
        self.amount.setFocus()

    def _busy(self, busy: bool) -> None:
        for widget in (self.save_button, self.later_button, self.pad):
            widget.setDisabled(busy)
