"""The scanner set-up page: what the last scan produced (raw keys, timing, parsed result, what to
change), and the set-up sheet to print. While the page is open, scans are described, not acted on."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from posreturns.domain.errors import UserFacingError
from posreturns.ui.messages import cashier_text, current_language
from posreturns.ui.ports import Runner

log = logging.getLogger(__name__)


class ScannerSetupPresenter(QObject):
    """Signals: observed(dict): the last scan described (see `describe`); outcome(str): one sentence."""

    observed = Signal(dict)
    outcome = Signal(str)

    def __init__(self, wedge: Any, describe: Callable[[str, bool], dict[str, Any]],
                 print_sheet: Callable[[], Any] | None, printer_runner: Runner) -> None:
        super().__init__()
        self.wedge, self.describe, self.print_sheet, self.printer_runner = wedge, describe, print_sheet, printer_runner
        if wedge is not None:
            wedge.observed.connect(self.show_record)

    def start(self) -> None:
        """Show the last scan seen before the page opened, and hold scans back from the window."""
        if self.wedge is None:
            self.outcome.emit(self.tr("No keyboard scanner is watched here: scans from a serial scanner show in the "
                                      "window as usual."))
            return
        self.wedge.scans_paused = True
        if self.wedge.last_record is not None:
            self.show_record(self.wedge.last_record)

    def stop(self) -> None:
        if self.wedge is not None:
            self.wedge.scans_paused = False
            self.wedge.observed.disconnect(self.show_record)

    def show_record(self, record: Any) -> None:
        keys = [{"at_ms": key.at_ms, "event": "↓" if key.pressed else "↑", "key": key.key, "modifiers": key.modifiers,
                 "text": key.text} for key in record.keys]
        described = self.describe(record.text, record.completed)
        language = "fr" if current_language() == "fr" else "en"
        self.observed.emit({"text": record.text, "completed": record.completed, "ended_by": record.ended_by,
                            "duration_ms": record.duration_ms, "longest_gap_ms": record.longest_gap_ms,
                            "keys": keys, "parsed": described[f"parsed_{language}"],
                            "check": described[f"check_{language}"], "state": described["state"]})

    def print_setup_sheet(self) -> None:
        if self.print_sheet is None:
            self.outcome.emit(self.tr("No receipt printer is set up: set its address first."))
            return
        self.outcome.emit(self.tr("Printing the set-up sheet…"))
        self.printer_runner.run(self.print_sheet, self._printed, self._failed)

    def _printed(self, outcome: Any) -> None:
        self.outcome.emit(self.tr("Set-up sheet printed: scan its codes here.") if outcome.printed
                          else cashier_text(outcome))

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, UserFacingError):
            self.outcome.emit(cashier_text(error))
        else:
            log.error("scanner sheet failed: %s", type(error).__name__, exc_info=error)
            sentence = self.tr("Something went wrong ({0}); nothing was changed.")
            self.outcome.emit(sentence.replace("{0}", type(error).__name__))
