"""Dialogs through one small service, so tests can answer them without a screen."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QMessageBox, QWidget

from posreturns.domain.errors import UserFacingError
from posreturns.ui.messages import cashier_text
from posreturns.ui.views.fitting import ready_to_show, scrolling_body
from posreturns.ui.views.pin_pad import PinPad

translate = QCoreApplication.translate  # called by this name so that pyside6-lupdate finds the strings


class ApprovalDialog(QDialog):
    """Manager ID + PIN (keyboard or on-screen pad), with the reason the policy asks for approval.

    With `check` (manager, PIN -> raises when wrong), run by `runner` off the GUI thread, a wrong PIN
    is said in the dialog, which stays open with the manager's ID kept and the PIN cleared."""

    def __init__(self, reason: str, parent: QWidget | None = None, hint: str = "",
                 check: Callable[[str, str], object] | None = None, runner: Any = None,
                 asks_why: bool = False) -> None:
        super().__init__(parent)
        self.check, self.runner = check, runner
        # a manager lifting a refusal says why (kept in the audit log with their name)
        self.why = QLineEdit(
            placeholderText=translate("Dialogs", "Why (required), e.g. regular customer, box unopened"))
        self.why.setMinimumHeight(44)
        self.why.setVisible(asks_why)
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
        self.buttons = buttons
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.error = QLabel(objectName="message", wordWrap=True)
        self.error.setMinimumHeight(self.error.fontMetrics().lineSpacing() * 2 + 4)  # no jump when it speaks
        # on a short screen the pad scrolls; what went wrong and the buttons stay in view
        form = QFormLayout(scrolling_body(self, self.error, buttons))
        form.addRow(self.reason)
        if hint:
            form.addRow(self.hint)
        if asks_why:
            form.addRow(translate("Dialogs", "Reason"), self.why)
        form.addRow(translate("Dialogs", "Manager"), self.manager)
        form.addRow(translate("Dialogs", "PIN"), self.pin)
        self.pad = PinPad(self.pin)  # touch tills have no keyboard for the PIN
        self.pad.submitted.connect(self.accept)
        form.addRow(self.pad)
        self.manager.returnPressed.connect(self.pin.setFocus)  # Enter after the ID goes on to the PIN

    def accept(self) -> None:
        if self.why.isVisibleTo(self) and not self.why.text().strip():
            self.error.setText(translate("Dialogs", "Say why the refusal is lifted first."))
            self.why.setFocus()
            return
        if not self.manager.text().strip():
            if not self.why.hasFocus():  # Enter after the reason goes on to the ID: not a mistake
                self.error.setText(translate("Dialogs", "Type the manager's ID first."))
            self.manager.setFocus()
            return
        if not self.pin.text():  # Enter after the ID: on to the PIN, not a wrong-PIN attempt
            self.pin.setFocus()
            return
        if self.check is None or self.runner is None:
            super().accept()
            return
        self.buttons.setEnabled(False)
        self.pad.setEnabled(False)
        manager, pin = self.manager.text().strip(), self.pin.text()
        self.runner.run(lambda: self.check(manager, pin), lambda _user: QDialog.accept(self), self._refused)

    def reject(self) -> None:
        if self.buttons.isEnabled():  # not while the PIN is being checked: its answer comes to this dialog
            super().reject()

    def _refused(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.pad.setEnabled(True)
        self.error.setText(cashier_text(error) if isinstance(error, UserFacingError) else
                           translate("Dialogs", "The PIN could not be checked; try again."))
        self.pin.clear()
        self.pin.setFocus()


class DialogService:
    """Asks the person at the till; replaced by a scripted fake in tests."""

    def __init__(self, parent: QWidget | None = None, approval_hint: str = "",
                 approval_check: Callable[[str, str], object] | None = None, runner: Any = None) -> None:
        self.parent, self.approval_hint = parent, approval_hint
        self.approval_check, self.runner = approval_check, runner

    def ask_approval(self, reason: str) -> tuple[str, str] | None:
        dialog = ApprovalDialog(reason, self.parent, self.approval_hint, self.approval_check, self.runner)
        ready_to_show(dialog)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.manager.text().strip(), dialog.pin.text()
        finally:
            dialog.deleteLater()  # a child of the window: kept until the window closes otherwise

    def ask_override(self, question: str) -> tuple[str, str, str] | None:
        """A manager's ID, PIN and reason to lift a refusal; None when cancelled."""
        dialog = ApprovalDialog(question, self.parent, self.approval_hint, self.approval_check, self.runner,
                                asks_why=True)
        ready_to_show(dialog)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.manager.text().strip(), dialog.pin.text(), dialog.why.text().strip()
        finally:
            dialog.deleteLater()

    def show_dialog(self, dialog: QDialog) -> bool:
        """Run a screen's own dialog (e.g. the settings); True when it was accepted."""
        ready_to_show(dialog)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return accepted

    def choose_replacement(self, variants: list[dict[str, Any]], formats: Any,
                           customer: dict[str, str] | None = None) -> dict[str, Any] | None:
        """The variant the customer takes instead: from the shelf here, or with its `"delivery"` from
        another source (`customer`: what the window knows of the customer, to fill the contact in)."""
        from posreturns.ui.views.exchange_picker import ExchangePicker

        picker = ExchangePicker(variants, formats, self.parent, customer)
        ready_to_show(picker)
        try:
            return picker.chosen if picker.exec() else None
        finally:
            picker.deleteLater()

    def confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self.parent, translate("Dialogs", "Please confirm"), question)
        return answer == QMessageBox.StandardButton.Yes
