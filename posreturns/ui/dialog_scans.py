"""A scan that arrives while a modal dialog is in front of the till's screen is the dialog's: a dialog
with `take_scan(code) -> bool` decides (the exchange picker selects the scanned size), else the text
field being typed in takes it (a manager's badge into the manager ID) unless the field's validator
rules it out (a scan is no drawer float); otherwise it is refused and the dialog says so. Never the
screen behind, which the cashier cannot see. PIN fields never take a scan."""

from __future__ import annotations

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMainWindow, QMessageBox, QWidget

from posreturns.ui.presenters.scan_routing import ToDialog

MESSAGE_LABELS = ("message", "problem")  # where the dialogs say what is wrong


def dialog_in_front(window: QWidget) -> QWidget | None:
    """The modal dialog in front of `window` (or of the host's window around it), if one is open; not one
    left open over another window (a dialog stays shown when the window under it is closed)."""
    modal = QApplication.activeModalWidget()
    if modal is None or modal is window.window():
        return None
    owner = modal.parentWidget()
    return None if owner is not None and owner.window() is not window.window() else modal


def give_to_dialog(dialog: QWidget, route: ToDialog) -> bool:
    """True when the dialog took the scan."""
    take = getattr(dialog, "take_scan", None)
    if callable(take):
        return bool(take(route.code))
    field = dialog.focusWidget()
    if (isinstance(field, QLineEdit) and field.window() is dialog and field.isEnabled() and not field.isReadOnly()
            and field.echoMode() is QLineEdit.EchoMode.Normal and _fits(field, route.raw)):
        field.setText(route.raw)
        field.returnPressed.emit()  # as the scanner's Enter would: on to the next field
        return True
    return False


def _fits(field: QLineEdit, text: str) -> bool:
    validator = field.validator()
    if validator is None:
        return True
    answer = validator.validate(text, 0)
    state = answer[0] if isinstance(answer, tuple) else answer
    return state is not QValidator.State.Invalid


def tell_in_dialog(dialog: QWidget, window: QWidget, sentence: str) -> None:
    """The sentence where the dialog shows its problems, else on the till's status bar, beside it."""
    if isinstance(dialog, QMessageBox):  # a question: the sentence under it
        dialog.setInformativeText(sentence)
        return
    for name in MESSAGE_LABELS:
        label = dialog.findChild(QLabel, name)
        if label is not None and label.isVisibleTo(dialog):
            label.setText(sentence)
            return
    QApplication.beep()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(sentence, 8000)
