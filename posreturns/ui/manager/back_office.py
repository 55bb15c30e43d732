"""The end-of-day half of the manager's workspace without widgets: the returns report (and the
returns behind a figure, CSV export), the open queues (unconfirmed card refunds, sync exceptions)
and the close of day with its Z summary. Reads and writes run off the GUI thread; the Z summary
prints on the printer thread after the close is committed."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from posreturns.domain.day_close import DayClose
from posreturns.domain.errors import UserFacingError
from posreturns.domain.money import parse_minor
from posreturns.domain.returns_report import ReturnsReport
from posreturns.domain.users import Principal
from posreturns.services.day_close import DayCloseService
from posreturns.services.open_queues import OpenQueues
from posreturns.services.pending_approvals import PendingApprovals
from posreturns.services.refund_replacement import Replacement
from posreturns.services.report_export import report_csv
from posreturns.services.reports import ReportService
from posreturns.ui.messages import cashier_text
from posreturns.ui.ports import Runner

log = logging.getLogger(__name__)


class BackOfficePresenter(QObject):
    """Signals: report_loaded(ReturnsReport); behind_loaded(str trace, list); queues_loaded(dict
    {"cards", "sync", "failed", "approvals"}); day_loaded(dict {"window", "totals", "items", "closes", "currency",
    "drawer"}); message(str); contact(str) (a customer's contact, shown, never logged); refused(str); busy(bool)."""

    report_loaded = Signal(object)
    behind_loaded = Signal(str, list)
    queues_loaded = Signal(dict)
    day_loaded = Signal(dict)
    message = Signal(str)
    contact = Signal(str)
    refused = Signal(str)
    busy = Signal(bool)

    def __init__(self, reports: ReportService, days: DayCloseService, queues: OpenQueues, runner: Runner,
                 manager: Callable[[], Principal | None], print_z: Callable[[DayClose], object] | None = None,
                 printer_runner: Runner | None = None, currency: Callable[[], str] = lambda: "EUR",
                 print_voucher: Callable[[Replacement], object] | None = None,
                 open_drawer: Callable[[Replacement], object] | None = None,
                 approvals: PendingApprovals | None = None) -> None:
        super().__init__()
        self.reports, self.days, self.queues, self.runner, self.manager = reports, days, queues, runner, manager
        self.print_z, self.printer_runner, self.currency = print_z, printer_runner or runner, currency
        self.print_voucher, self.open_drawer, self.approvals = print_voucher, open_drawer, approvals
        self.period: tuple[date, date, bool] | None = None
        self.report: ReturnsReport | None = None

    # -- the report ------------------------------------------------------------------------------------
    def load_report(self, start: date, end: date, store_wide: bool) -> None:
        self.period = (start, end, store_wide)
        self.runner.run(lambda: self.reports.report(start, end, store_wide), self._report, self._failed)

    def _report(self, report: ReturnsReport) -> None:
        self.report = report
        self.report_loaded.emit(report)

    def open_figure(self, trace: str) -> None:
        if self.period is None:
            return
        start, end, store_wide = self.period
        self.runner.run(lambda: self.reports.behind(start, end, trace, store_wide),
                        lambda rows: self.behind_loaded.emit(trace, rows), self._failed)

    def export_csv(self, path: Path, language: str) -> None:
        report = self.report
        if report is None:
            return

        def write() -> None:
            try:
                path.write_bytes(report_csv(report, language))
            except OSError as error:
                raise ExportFailed(self.tr("Cannot write {0}: {1}").replace("{0}", str(path)).replace(
                    "{1}", error.strerror or "")) from None

        self._run(write, self.tr("Exported to {0}.").replace("{0}", str(path)))

    def export_pdf(self, path: Path, language: str) -> None:
        """On the GUI thread: the charts are widgets, drawn offscreen into the document."""
        if self.report is None:
            return
        from posreturns.ui.report_pdf import pdf_bytes

        try:
            path.write_bytes(pdf_bytes(self.report, language))
        except OSError as error:
            self.refused.emit(self.tr("Cannot write {0}: {1}").replace("{0}", str(path)).replace(
                "{1}", error.strerror or ""))
            return
        self.message.emit(self.tr("Exported to {0}.").replace("{0}", str(path)))

    # -- the open queues -------------------------------------------------------------------------------
    def refresh_queues(self) -> None:
        queues, approvals = self.queues, self.approvals
        self.runner.run(lambda: {"cards": queues.card_refunds(), "sync": queues.sync_exceptions(),
                                 "failed": queues.failed_card_refunds(),
                                 "approvals": approvals.waiting() if approvals is not None else []},
                        self.queues_loaded.emit, self._failed)

    def decide_approval(self, approval_id: str, approve: bool, note: str) -> None:
        """The waiting cashier sees the answer on the home screen."""
        actor, approvals = self._actor(), self.approvals
        if actor is not None and approvals is not None:
            self._run(lambda: approvals.decide(actor, approval_id, approve, note),
                      self.tr("Approved; the cashier can complete the return.") if approve else
                      self.tr("Refused; the cashier will see your reason."))

    def settle_card(self, return_number: str, paid: bool, detail: str) -> None:
        actor = self._actor()
        if actor is not None:
            self._run(lambda: self.queues.settle_card_refund(actor, return_number, paid, detail),
                      self.tr("Card refund confirmed.") if paid else self.tr("Card refund marked failed."))

    def pay_failed_card(self, return_number: str, method: str) -> None:
        """Store credit (its voucher prints) or cash (the drawer opens once), after the payment is committed."""
        actor = self._actor()
        if actor is not None:
            self._run(lambda: self.queues.pay_failed_card_refund(actor, return_number, method),
                      self.tr("Paid as store credit; the voucher is printing.") if method == "store_credit" else
                      self.tr("Paid in cash; the drawer opens."), self._hand_over)

    def _hand_over(self, paid: Replacement) -> None:
        print_voucher, open_drawer = self.print_voucher, self.open_drawer
        if paid.voucher_code is not None:
            if print_voucher is None:
                self.refused.emit(self.tr("No printer is set up: write the voucher code {0} down for the customer.")
                                  .replace("{0}", paid.voucher_code))
                return
            self.printer_runner.run(lambda: print_voucher(paid), self._printed, self._failed)
        elif open_drawer is not None:
            self.printer_runner.run(lambda: open_drawer(paid), self._printed, self._failed)
        else:
            self.refused.emit(self.tr("No cash drawer is set up: open it with its key to pay the customer."))

    def resolve_sync(self, seq: int, retry: bool, note: str) -> None:
        actor = self._actor()
        if actor is not None:
            self._run(lambda: self.queues.resolve_sync(actor, seq, retry, note),
                      self.tr("The event will be sent again.") if retry else
                      self.tr("Write-off accepted; the event is closed."))

    def relabel(self, seq: int, note: str) -> None:
        """A new code for a second-hand unit whose label the OMS gives to another product, then its label."""
        actor = self._actor()
        if actor is not None:
            self._run(lambda: self.queues.relabel(actor, seq, note),
                      self.tr("The unit has a new code: print its label (Second hand, Print label) and stick it over "
                              "the old one."))

    def void_voucher(self, seq: int, note: str) -> None:
        actor = self._actor()
        if actor is not None:
            self._run(lambda: self.queues.void_voucher(actor, seq, note),
                      self.tr("The voucher is void and the event closed."))

    def show_contact(self, seq: int) -> None:
        """The customer's name, e-mail and phone as a message (never logged)."""
        actor = self._actor()
        if actor is not None:
            self.runner.run(lambda: self.queues.customer_contact(actor, seq),
                            lambda contact: self.contact.emit(" · ".join(contact.values())), self._failed)

    # -- the close of day ------------------------------------------------------------------------------
    def refresh_day(self) -> None:
        days = self.days

        def read() -> dict[str, Any]:
            window, totals, items = days.preview()
            return {"window": window, "totals": totals, "items": items, "closes": days.closes(),
                    "currency": self.currency(), "drawer": days.drawer_cash(window.business_day)}

        self.runner.run(read, self.day_loaded.emit, self._failed)

    def close_day(self, counted_text: str, override_reason: str) -> None:
        actor = self._actor()
        if actor is None:
            return
        try:
            counted = parse_minor(counted_text.strip().replace(",", "."), self.currency())
        except UserFacingError:
            self.refused.emit(self.tr("Enter the cash counted as an amount, such as 29.90."))
            return
        self._run(lambda: self.days.close(actor, counted, None, override_reason),
                  self.tr("The day is closed; its Z summary is printing."), self._print_z)

    def reprint_z(self, z_number: int) -> None:
        self.runner.run(lambda: self.days.by_z(z_number), self._print_z, self._failed)

    def _print_z(self, close: DayClose) -> None:
        print_z = self.print_z
        if print_z is None:
            self.message.emit(self.tr("No printer is set up: nothing was printed."))
            return
        self.printer_runner.run(lambda: print_z(close), self._printed, self._failed)

    def _printed(self, outcome: object) -> None:
        """A print's or the drawer's outcome: only a problem is worth a sentence."""
        if outcome is not None and not getattr(outcome, "printed", getattr(outcome, "opened", True)):
            self.refused.emit(cashier_text(outcome))

    # -- shared ----------------------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.period is not None:
            self.load_report(*self.period)
        self.refresh_queues()
        self.refresh_day()

    def _actor(self) -> Principal | None:
        actor = self.manager()
        if actor is None:
            self.refused.emit(self.tr("Sign in as a manager first."))
        return actor

    def _run(self, work: Callable[[], Any], sentence: str, then: Callable[[Any], None] | None = None) -> None:
        self.busy.emit(True)

        def done(result: Any) -> None:
            self.busy.emit(False)
            self.message.emit(sentence)
            if then is not None:
                then(result)
            self.refresh_queues()
            self.refresh_day()

        self.runner.run(work, done, self._failed)

    def _failed(self, error: BaseException) -> None:
        self.busy.emit(False)
        if isinstance(error, UserFacingError):
            self.refused.emit(cashier_text(error))
        else:
            log.error("a back-office action failed: %s", type(error).__name__, exc_info=error)
            self.refused.emit(self.tr("That did not work; nothing was changed. Try again, and call support if it "
                                      "persists."))


class ExportFailed(UserFacingError):
    """A file the manager chose could not be written (one sentence, shown as it is)."""
