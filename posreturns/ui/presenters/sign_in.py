"""Signing in at the till: the ID and PIN are checked off the GUI thread (the check is slow on purpose)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from posreturns.domain.errors import UserFacingError
from posreturns.domain.users import Principal
from posreturns.ui.messages import cashier_text
from posreturns.ui.ports import Runner

log = logging.getLogger(__name__)


class SignInPresenter(QObject):
    """Signals: signed_in(object) the `Principal`; refused(str) one sentence; busy(bool)."""

    signed_in = Signal(object)
    refused = Signal(str)
    busy = Signal(bool)

    def __init__(self, sign_in: Callable[[str, str], Principal], runner: Runner) -> None:
        super().__init__()
        self.sign_in, self.runner = sign_in, runner

    def submit(self, user_id: str, pin: str) -> None:
        if not user_id.strip() or not pin:
            self.refused.emit(self.tr("Enter your ID and your PIN."))
            return
        self.busy.emit(True)
        self.runner.run(lambda: self.sign_in(user_id.strip(), pin), self._done, self._failed)

    def _done(self, principal: Principal) -> None:
        self.busy.emit(False)
        self.signed_in.emit(principal)

    def _failed(self, error: BaseException) -> None:
        self.busy.emit(False)
        if isinstance(error, UserFacingError):
            self.refused.emit(cashier_text(error))
        else:
            log.error("sign-in failed: %s", type(error).__name__, exc_info=error)
            self.refused.emit(self.tr("Signing in failed; try again, and call support if it persists."))
