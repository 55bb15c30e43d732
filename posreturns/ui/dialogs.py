"""Dialogs through one small service, so tests can answer them without a screen."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QMessageBox, QWidget

from posreturns.ui.views.pin_pad import PinPad

translate = QCoreApplication.translate  # called by this name so that pyside6-lupdate finds the strings


class ApprovalDialog(QDialog):
    """Manager ID + PIN (keyboard or on-screen pad), with the reason the policy asks for approval."""

    def __init__(self, reason: str, parent: QWidget | None = None, hint: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Dialogs", "Manager approval"))
        self.setMinimumWidth(440)
        self.reason = QLabel(reason, wordWrap=True)
        self.hint = QLabel(hint, objectName="hint")
        self.manager = QLineEdit(placeholderText=translate("Dialogs", "Manager ID"))
        self.pin = QLineEdit(placeholderText=translate("Dialogs", "PIN"), echoMode=QLineEdit.EchoMode.Password)
        for field in (self.manager, self.pin):
            field.setMinimumHeight(44)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("Dialogs", "Approve"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.reason)
        if hint:
            form.addRow(self.hint)
        form.addRow(translate("Dialogs", "Manager"), self.manager)
        form.addRow(translate("Dialogs", "PIN"), self.pin)
        self.pad = PinPad(self.pin)  # touch tills have no keyboard for the PIN
        self.pad.submitted.connect(self.accept)
        form.addRow(self.pad)
        form.addRow(buttons)


class DialogService:
    """Asks the person at the till; replaced by a scripted fake in tests."""

    def __init__(self, parent: QWidget | None = None, approval_hint: str = "") -> None:
        self.parent, self.approval_hint = parent, approval_hint

    def ask_approval(self, reason: str) -> tuple[str, str] | None:
        dialog = ApprovalDialog(reason, self.parent, self.approval_hint)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.manager.text().strip(), dialog.pin.text()
        finally:
            dialog.deleteLater()  # a child of the window: kept until the window closes otherwise

    def show_dialog(self, dialog: QDialog) -> bool:
        """Run a screen's own dialog (e.g. the settings); True when it was accepted."""
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return accepted

    def choose_replacement(self, variants: list[dict[str, Any]], formats: Any) -> dict[str, Any] | None:
        """The variant the customer takes instead (only ones in stock here can be chosen)."""
        from posreturns.ui.views.exchange_picker import ExchangePicker

        picker = ExchangePicker(variants, formats, self.parent)
        try:
            return picker.chosen if picker.exec() else None
        finally:
            picker.deleteLater()

    def confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self.parent, translate("Dialogs", "Please confirm"), question)
        return answer == QMessageBox.StandardButton.Yes
