"""Returns a cashier parked for a manager's approval, from the till's side: park the return on the
screen (the draft is cleared, the till serves the next customer), list this till's parked returns
with the manager's answer, complete an approved one, or drop a refused one. Work runs off the GUI
thread through the services (services/pending_approvals.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from posreturns.domain.errors import UserFacingError
from posreturns.domain.users import Principal
from posreturns.services.pending_approvals import PendingApprovals
from posreturns.ui.messages import cashier_text
from posreturns.ui.ports import Runner


class ParkedReturnsPresenter(QObject):
    """Signals: listed(list of PendingApproval); completed(CompletedReturn); message(str); refused(str)."""

    listed = Signal(list)
    completed = Signal(object)
    message = Signal(str)
    refused = Signal(str)

    def __init__(self, approvals: PendingApprovals, runner: Runner, actor: Callable[[], Principal | None]) -> None:
        super().__init__()
        self.approvals, self.runner, self.actor = approvals, runner, actor

    def park(self, request: dict[str, Any], why: str, then: Callable[[], None]) -> None:
        """`then` runs once the return is safely kept (the window clears the screen)."""
        actor = self.actor()
        if actor is None:
            self.refused.emit(self.tr("Sign in to park the return."))
            return

        def parked(_approval: Any) -> None:
            then()
            self.message.emit(self.tr("The return waits for a manager; serve the next customer. Resume it from "
                                      "\"Waiting for a manager\" once they have answered."))
            self.refresh()

        self.runner.run(lambda: self.approvals.park(actor, request, why), parked, self._failed)

    def refresh(self) -> None:
        self.runner.run(self.approvals.for_till, self.listed.emit, self._failed)

    def resume(self, approval_id: str) -> None:
        actor = self.actor()
        if actor is None:
            self.refused.emit(self.tr("Sign in to complete the return."))
            return

        def done(completed: Any) -> None:
            self.completed.emit(completed)
            self.refresh()

        self.runner.run(lambda: self.approvals.resume(actor, approval_id), done, self._failed)

    def drop(self, approval_id: str) -> None:
        actor = self.actor()
        if actor is not None:
            self.runner.run(lambda: self.approvals.drop(actor, approval_id), lambda _none: self.refresh(),
                            self._failed)

    def _failed(self, error: BaseException) -> None:
        self.refused.emit(cashier_text(error) if isinstance(error, UserFacingError) else
                          self.tr("That did not work; nothing was changed. Try again, and call a manager if it "
                                  "persists."))
