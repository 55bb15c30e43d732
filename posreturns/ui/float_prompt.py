"""Asks for the drawer float after a sign-in, when none was entered today at this till (read off
the GUI thread). The dialog is window-modal but does not block: the cashier may also press Later,
and enter it (or a recount) later from the home screen's "Drawer float" button."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QPushButton, QWidget

from posreturns.domain.permissions import Permission, allows
from posreturns.domain.users import Principal
from posreturns.ui.ports import DrawerFloats
from posreturns.ui.views.float_dialog import FloatDialog
from posreturns.ui.views.widgets import big_button

log = logging.getLogger(__name__)


class FloatPrompt(QObject):
    """Signals: asked(object) the dialog, once it shows."""

    asked = Signal(object)

    def __init__(self, window: QWidget, floats: DrawerFloats, runner: Any, language: str) -> None:
        super().__init__(window)
        self.window, self.floats, self.runner = window, floats, runner
        self.mark = "," if language == "fr" else "."
        self.dialog: FloatDialog | None = None

    def tool_button(self) -> QPushButton:
        """The home screen's "Drawer float" button: the float, or a recount, whenever the cashier is ready."""
        button = big_button(self.tr("Drawer float"), icon_name="drawer")
        button.setObjectName("floatButton")
        button.clicked.connect(self.ask_now)
        return button

    def ask_now(self) -> None:
        """For whoever is signed in (the service checks the permission again when it saves)."""
        session = getattr(self.window, "session", None)
        principal = session.actor() if session is not None else None
        if principal is not None and allows(principal.role, Permission.SET_DRAWER_FLOAT):
            self.ask(principal)

    def signed_in(self, principal: Principal) -> None:
        self.runner.run(self.floats.current_float, lambda found: self.ask(principal) if found is None else None,
                        lambda error: log.error("the drawer float could not be read: %s", type(error).__name__,
                                                exc_info=error))

    def ask(self, principal: Principal) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = FloatDialog(principal, self.floats, self.runner, self.mark, self.window)
        self.dialog.open()
        self.dialog.activateWindow()  # a kiosk till has no window manager to give it the keyboard
        self.dialog.amount.setFocus()
        self.asked.emit(self.dialog)
