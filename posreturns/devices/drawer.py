"""The cash drawer, apart from any receipt: opened once when a committed return pays cash out at this
till, or by a manager on purpose; every opening and every failure is in the audit log.

It is never part of a print job, so a receipt retried later never opens it. Profiles with the
real-time pulse (DLE DC4) open it even while the printer is out of paper or its cover is open.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from posdrivers import PosDriverError, Printer

from posreturns.devices.driver_problem import DriverProblem
from posreturns.devices.printer_thread import PrinterThread
from posreturns.devices.printing import PrinterProblem, PrinterSettings, profile_for
from posreturns.domain.messages import Text, translate
from posreturns.services.printing_ports import PrintJobStore

log = logging.getLogger(__name__)
CASH_REFUND, MANAGER = "cash refund", "opened by a manager"


@dataclass(frozen=True)
class DrawerOutcome:
    opened: bool
    said: Text | None = None  # why it did not open

    @property
    def message(self) -> str:
        """In English, for the command line and the logs."""
        return "" if self.said is None else str(self.said)

    def in_language(self, language: str) -> str:
        return "" if self.said is None else self.said.in_language(language)


def pays_cash_at_till(result: dict[str, Any]) -> bool:
    return any(t.get("method") == "cash" and t.get("executed_by", "till") == "till" for t in result.get("tenders", []))


class CashDrawer:
    def __init__(self, jobs: PrintJobStore, settings: Callable[[], PrinterSettings], device: PrinterThread) -> None:
        self.jobs, self.settings, self.device = jobs, settings, device

    def open_for_return(self, return_number: str, pays_cash: bool, actor: str | None) -> DrawerOutcome | None:
        """Open it for a committed return that pays cash out here (`pays_cash`), once; None when it pays
        no cash."""
        if not pays_cash:
            return None
        return self.device.call(lambda: self._once(return_number, actor))

    def _once(self, number: str, actor: str | None) -> DrawerOutcome:
        # checked on the printer thread, where openings run one at a time: two callers never both open it
        if self.jobs.drawer_opened_for(number):
            return DrawerOutcome(False, translate("devices.drawer", "The cash drawer was already opened for this "
                                                                    "return; it does not open twice."))
        return self._pulse(number, actor, CASH_REFUND)

    def open(self, actor: str | None, reason: str = MANAGER) -> DrawerOutcome:
        """A deliberate opening (a manager's test, a float count): audited with who asked."""
        return self.device.call(lambda: self._pulse(None, actor, reason))

    def _pulse(self, reference: str | None, actor: str | None, reason: str) -> DrawerOutcome:
        try:
            settings = self.settings()
            with Printer.from_url(settings.url, profile_for(settings)) as printer:
                printer.open_drawer()
        except (PosDriverError, PrinterProblem) as error:
            self.jobs.record_drawer(reference, actor, reason, False, str(error))
            log.info("cash drawer did not open: %s", type(error).__name__)
            problem = DriverProblem(error) if isinstance(error, PosDriverError) else error.message
            return DrawerOutcome(False, translate("devices.drawer", "The cash drawer did not open ({0}). Open it with "
                                                                    "its key and tell a manager; it will not open by "
                                                                    "itself later.").format(problem))
        self.jobs.record_drawer(reference, actor, reason, True)
        return DrawerOutcome(True)
