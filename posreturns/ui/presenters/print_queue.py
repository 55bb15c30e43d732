"""The print queue: receipts and documents waiting for the printer, with retry and cancel.

Reading and cancelling are database work (task runner); a retry is printer work (the printer's
own thread). Each action reloads the list, so what the dialog shows is what is stored."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Signal

from posreturns.domain.errors import UserFacingError
from posreturns.ui.messages import cashier_text
from posreturns.ui.ports import Printing, Runner

log = logging.getLogger(__name__)


class PrintQueuePresenter(QObject):
    """Signals: listed(list): the waiting jobs as dicts; outcome(str): one sentence after an action."""

    listed = Signal(list)
    outcome = Signal(str)

    def __init__(self, printing: Printing, runner: Runner, printer_runner: Runner | None = None) -> None:
        super().__init__()
        self.printing, self.runner = printing, runner
        self.printer_runner = printer_runner or runner

    def load(self) -> None:
        self.runner.run(lambda: [_row(job) for job in self.printing.waiting()], self.listed.emit, self._failed)

    def retry(self, job_id: int) -> None:
        self.outcome.emit(self.tr("Printing…"))
        self.printer_runner.run(lambda: self.printing.retry(job_id), self._retried, self._failed)

    def retry_all(self) -> None:
        self.outcome.emit(self.tr("Printing…"))
        self.printer_runner.run(self.printing.retry_unprinted, self._retried_all, self._failed)

    def cancel(self, job_id: int) -> None:
        # a tuple, not a bare bool: some PySide6 releases mishandle Python singletons in queued signals
        self.runner.run(lambda: (self.printing.cancel(job_id),), self._cancelled, self._failed)

    def _retried(self, outcome: Any) -> None:
        self.outcome.emit(self.tr("Printed.") if outcome.printed else cashier_text(outcome))
        self.load()

    def _retried_all(self, outcomes: list[Any]) -> None:
        printed = sum(1 for outcome in outcomes if outcome.printed)
        self.outcome.emit(self.tr("{0} printed, {1} still waiting.").replace("{0}", str(printed))
                          .replace("{1}", str(len(outcomes) - printed)))
        self.load()

    def _cancelled(self, result: tuple[bool]) -> None:
        self.outcome.emit(self.tr("Cancelled: it will not print. The receipt can still be reprinted from the return.")
                          if result[0] else self.tr("That job was no longer waiting."))
        self.load()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, UserFacingError):
            self.outcome.emit(cashier_text(error))
        else:
            log.error("print queue action failed: %s", type(error).__name__, exc_info=error)
            sentence = self.tr("Something went wrong ({0}); nothing was changed.")
            self.outcome.emit(sentence.replace("{0}", type(error).__name__))
        self.load()


def _row(job: Any) -> dict[str, Any]:
    return {"id": job.id, "kind": job.kind, "reference": job.reference or "", "created_at": job.created_at,
            "attempts": job.attempts, "copy": job.copy, "problem": job.last_error or ""}
