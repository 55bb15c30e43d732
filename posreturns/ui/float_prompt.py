"""Asks for the drawer float after a sign-in, when none was entered today at this till (read off
the GUI thread). The dialog is window-modal but does not block: the cashier may also press Later."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from posreturns.domain.users import Principal
from posreturns.ui.ports import DrawerFloats
from posreturns.ui.views.float_dialog import FloatDialog

log = logging.getLogger(__name__)


class FloatPrompt(QObject):
    """Signals: asked(object) the dialog, once it shows."""

    asked = Signal(object)

    def __init__(self, window: QWidget, floats: DrawerFloats, runner: Any, language: str) -> None:
        super().__init__(window)
        self.window, self.floats, self.runner = window, floats, runner
        self.mark = "," if language == "fr" else "."
        self.dialog: FloatDialog | None = None

    def signed_in(self, principal: Principal) -> None:
        self.runner.run(self.floats.current_float, lambda found: self._ask(principal) if found is None else None,
                        lambda error: log.error("the drawer float could not be read: %s", type(error).__name__,
                                                exc_info=error))

    def _ask(self, principal: Principal) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = FloatDialog(principal, self.floats, self.runner, self.mark, self.window)
        self.dialog.open()
        self.dialog.activateWindow()  # a kiosk till has no window manager to give it the keyboard
        self.dialog.amount.setFocus()
        self.asked.emit(self.dialog)
