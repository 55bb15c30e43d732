"""Asks for the drawer float after a sign-in, when none was entered today at this till (read off
the GUI thread). The dialog is window-modal but does not block: the cashier may also press Later,
and enter it later from the home screen's "Drawer float" button, shown while today's float is missing
(a recount goes through the command line or the next day's float)."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from posreturns.domain.permissions import Permission, allows
from posreturns.domain.users import Principal
from posreturns.ui.ports import DrawerFloats
from posreturns.ui.views.fitting import ready_to_show
from posreturns.ui.views.float_dialog import FloatDialog
from posreturns.ui.views.widgets import big_button

log = logging.getLogger(__name__)


class FloatPrompt(QObject):
    """Signals: asked(object) the dialog, once it shows."""

    asked = Signal(object)

    def __init__(self, window: QWidget, floats: DrawerFloats, runner: Any, language: str) -> None:
        super().__init__(window)
        self.window, self.floats, self.runner = window, floats, runner
        self.language = language
        self.dialog: FloatDialog | None = None
        # the home screen's: shown only while today's float is missing, so the tools row fits 1024 px
        self.button = big_button(self.tr("Drawer float"), icon_name="drawer")
        self.button.setObjectName("floatButton")
        self.button.hide()
        self.button.clicked.connect(self.ask_now)

    def ask_now(self) -> None:
        """For whoever is signed in (the service checks the permission again when it saves)."""
        session = getattr(self.window, "session", None)
        principal = session.actor() if session is not None else None
        if principal is not None and allows(principal.role, Permission.SET_DRAWER_FLOAT):
            self.ask(principal)

    def signed_in(self, principal: Principal) -> None:
        self.runner.run(self.floats.current_float, lambda found: self._found(principal, found),
                        lambda error: log.error("the drawer float could not be read: %s", type(error).__name__,
                                                exc_info=error))

    def _found(self, principal: Principal, found: object) -> None:
        self.button.setVisible(found is None)
        if found is None:
            self.ask(principal)

    def ask(self, principal: Principal) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        language = getattr(self.window, "language", self.language)  # the window's, after a live switch too
        self.dialog = FloatDialog(principal, self.floats, self.runner, "," if language == "fr" else ".", self.window)
        self.dialog.saved.connect(self.button.hide)
        ready_to_show(self.dialog)  # cut to the screen, its content scrolling, as every dialog
        self.dialog.open()
        self.dialog.activateWindow()  # a kiosk till has no window manager to give it the keyboard
        self.dialog.amount.setFocus()
        self.asked.emit(self.dialog)
