"""The manager's workspace without widgets: who is signed in, the queue, second-hand items and alerts
read and acted on off the GUI thread, labels printed on the printer thread after each commit."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Signal

from posreturns.domain.errors import UserFacingError
from posreturns.domain.held_units import UnitAction
from posreturns.domain.resale import Grade
from posreturns.domain.users import Principal, Role
from posreturns.services.restock import RestockService
from posreturns.ui.manager.ports import LabelPrinter
from posreturns.ui.messages import cashier_text
from posreturns.ui.ports import Runner

log = logging.getLogger(__name__)


class ManagerPresenter(QObject):
    """Signals: loaded(dict) {"units", "resale", "alerts", "batches"}; message(str) one sentence (ok);
    refused(str) one sentence (nothing changed); signed_out(); busy(bool)."""

    loaded = Signal(dict)
    message = Signal(str)
    refused = Signal(str)
    signed_out = Signal()
    busy = Signal(bool)

    def __init__(self, restock: RestockService, labels: LabelPrinter | None, runner: Runner,
                 printer_runner: Runner | None = None) -> None:
        """`labels`: the label printing, or None when no printer is set up."""
        super().__init__()
        self.restock, self.labels, self.runner = restock, labels, runner
        self.printer_runner = printer_runner or runner
        self.manager: Principal | None = None
        self.snapshot: dict[str, Any] = {"units": [], "resale": [], "alerts": [], "batches": []}

    # -- who -------------------------------------------------------------------------------------------
    @staticmethod
    def may_manage(principal: Principal | None) -> bool:
        return principal is not None and principal.role in (Role.MANAGER, Role.ADMIN)

    def sign_in(self, principal: Principal) -> None:
        self.manager = principal
        self.refresh()

    def sign_out(self) -> None:
        if self.manager is not None:
            self.manager = None
            self.signed_out.emit()

    # -- reading ---------------------------------------------------------------------------------------
    def refresh(self) -> None:
        restock = self.restock

        def read() -> dict[str, Any]:
            return {"units": restock.queue(), "resale": restock.resale_items(), "alerts": restock.alerts(),
                    "batches": restock.batches("open")}

        self.runner.run(read, self._loaded, self._failed)

    def _loaded(self, snapshot: dict[str, Any]) -> None:
        self.snapshot = snapshot
        self.loaded.emit(snapshot)

    def unit_of_scan(self, code: str) -> Any | None:
        key = code.strip().upper()
        return next((u for u in self.snapshot["units"] if u.id == key), None)

    # -- actions ---------------------------------------------------------------------------------------
    def act(self, action: UnitAction, unit_ids: Sequence[str], note: str = "", vendor: str = "") -> None:
        actor = self._actor()
        if actor is None:
            return
        ids = list(unit_ids)
        if not ids:
            self.refused.emit(self.tr("Select one or more units first (or scan their tags)."))
            return
        done = self.tr("{0} unit(s) done.").replace("{0}", str(len(ids)))
        self._run(lambda: self.restock.act(actor, action, ids, note=note, vendor=vendor), done)

    def resell(self, unit_ids: Sequence[str], grade: Grade) -> None:
        actor = self._actor()
        if actor is None:
            return
        if len(unit_ids) != 1:
            self.refused.emit(self.tr("Grade one unit at a time: each gets its own label."))
            return
        unit_id = unit_ids[0]

        def work() -> Any:
            return self.restock.resell(actor, unit_id, grade)

        self._run(work, self.tr("Now a second-hand item; its label is printing."),
                  lambda item: self._print(lambda labels: labels.print_resale(item.unit_id)))

    def ship(self, batch_id: str, reference: str) -> None:
        actor = self._actor()
        if actor is not None:
            self._run(lambda: self.restock.ship(actor, batch_id, reference),
                      self.tr("Batch shipped; its slip is printing."),
                      lambda batch: self._print(lambda labels: labels.print_slip(batch.id)))

    def settle(self, alert_id: int, resolve: bool, note: str) -> None:
        actor = self._actor()
        if actor is not None:
            self._run(lambda: self.restock.settle_alert(actor, alert_id, resolve, note),
                      self.tr("Alert resolved.") if resolve else self.tr("Alert acknowledged."))

    def reprint_tags(self, unit_ids: Sequence[str]) -> None:
        if not unit_ids:
            self.refused.emit(self.tr("Select one or more units first (or scan their tags)."))
            return
        for unit_id in unit_ids:
            self._print(partial(_tag, unit_id=unit_id))
        self.message.emit(self.tr("Tag(s) sent to the printer."))

    def print_resale_label(self, unit_id: str) -> None:
        self._print(lambda labels: labels.print_resale(unit_id))

    def _actor(self) -> Principal | None:
        if self.manager is None:
            self.refused.emit(self.tr("Sign in as a manager first."))
        return self.manager

    def _run(self, work: Callable[[], Any], sentence: str, then: Callable[[Any], None] | None = None) -> None:
        self.busy.emit(True)

        def done(result: Any) -> None:
            self.busy.emit(False)
            self.message.emit(sentence)
            if then is not None:
                then(result)
            self.refresh()

        self.runner.run(work, done, self._failed)

    def _print(self, job: Callable[[LabelPrinter], object]) -> None:
        """After the commit, on the printer thread: a printer problem never undoes the action."""
        labels = self.labels
        if labels is None:
            self.message.emit(self.tr("No printer is set up: nothing was printed."))
            return
        self.printer_runner.run(lambda: job(labels), self._printed, self._failed)

    def _printed(self, outcome: Any) -> None:
        if outcome is not None and not outcome.printed:
            self.refused.emit(cashier_text(outcome))

    def _failed(self, error: BaseException) -> None:
        self.busy.emit(False)
        if isinstance(error, UserFacingError):
            self.refused.emit(cashier_text(error))
        else:
            log.error("a restock action failed: %s", type(error).__name__, exc_info=error)
            self.refused.emit(self.tr("That did not work; nothing was changed. Try again, and call support if it "
                                      "persists."))
        self.refresh()


def _tag(labels: LabelPrinter, unit_id: str) -> object:
    return labels.print_tag(unit_id)
