"""The sign-in screen: ID and PIN, typed on the keyboard or on the on-screen PIN pad."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from posreturns.ui.presenters.sign_in import SignInPresenter
from posreturns.ui.views.pin_pad import PinPad
from posreturns.ui.views.widgets import TOUCH


class SignInPage(QWidget):
    def __init__(self, presenter: SignInPresenter, hint: str = "") -> None:
        super().__init__()
        self.presenter = presenter
        self.title = title = QLabel(self.tr("Sign in"), objectName="signInTitle")
        self.user_id = QLineEdit(placeholderText=self.tr("Your ID"), objectName="signInField")
        self.pin = QLineEdit(placeholderText=self.tr("PIN"), echoMode=QLineEdit.EchoMode.Password,
                             objectName="signInField")
        for field in (self.user_id, self.pin):
            field.setMinimumHeight(TOUCH + 8)
        self.pad = PinPad(self.pin)
        self.message = QLabel(wordWrap=True, objectName="message")
        self.hint = QLabel(hint, wordWrap=True, objectName="hint")
        self.hint.setVisible(bool(hint))

        form = QGridLayout()
        form.addWidget(QLabel(self.tr("ID")), 0, 0)
        form.addWidget(self.user_id, 0, 1)
        form.addWidget(QLabel(self.tr("PIN")), 1, 0)
        form.addWidget(self.pin, 1, 1)
        panel = QWidget()
        panel.setObjectName("signInPanel")
        panel.setFixedWidth(400)  # a refusal's sentence wraps instead of moving the pad under the finger
        column = QVBoxLayout(panel)
        column.addWidget(title, alignment=Qt.AlignmentFlag.AlignHCenter)
        column.addLayout(form)
        column.addWidget(self.pad, alignment=Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.message)
        column.addWidget(self.hint)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(panel, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

        self.user_id.returnPressed.connect(self.pin.setFocus)
        self.pin.returnPressed.connect(self.submit)
        self.pad.submitted.connect(self.submit)
        presenter.refused.connect(self._refused)
        presenter.busy.connect(self._busy)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        (self.pin if self.user_id.text() else self.user_id).setFocus()

    def reset(self) -> None:
        self.user_id.clear()
        self.pin.clear()
        self.message.clear()
        self.user_id.setFocus()

    def submit(self) -> None:
        self.message.setText(self.tr("Checking…"))
        self.presenter.submit(self.user_id.text(), self.pin.text())

    def _refused(self, sentence: str) -> None:
        self.pin.clear()
        self.message.setText(sentence)
        self.pin.setFocus()

    def _busy(self, busy: bool) -> None:
        for widget in (self.user_id, self.pin, self.pad):
            widget.setDisabled(busy)
