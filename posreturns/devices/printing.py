"""Printing return receipts: lay out, store the job, then send it; a failure leaves it pending.

The return is committed before this runs (the caller prints only completed returns). The cash
drawer opens with the first print of a return that paid cash out, never on a reprint.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from posdrivers import PosDriverError, Printer, PrinterOffline, PrinterProfile, PrinterTimeout, load_profile

from posreturns import __version__
from posreturns.devices.documents import Block, render_text
from posreturns.devices.escpos_output import encode_document
from posreturns.devices.receipt_layout import ReturnReceipt, StoreHeader, return_receipt
from posreturns.domain.errors import UserFacingError
from posreturns.services.printing_ports import PrintJob, PrintJobStore

log = logging.getLogger(__name__)


class PrinterProblem(UserFacingError):
    """The printer could not print; the job is kept and can be printed again."""


@dataclass(frozen=True)
class PrinterSettings:
    url: str
    profile: str = "epson-tm-t20iii"
    language: str = "fr"


@dataclass(frozen=True)
class PrintOutcome:
    job_id: int
    printed: bool
    message: str
    preview_text: str
    drawer_opened: bool
    message_fr: str = ""

    def in_language(self, language: str) -> str:
        return self.message_fr if language == "fr" and self.message_fr else self.message


def french_problem(error: PosDriverError) -> str:
    """The printer's problem in French, from what the driver found (its sentences are English)."""
    status = getattr(error, "status", None)
    if status is not None and status.paper_out:
        return "L'imprimante n'a plus de papier : remettez un rouleau."
    if status is not None and status.cover_open:
        return "Le capot de l'imprimante est ouvert : refermez-le."
    if isinstance(error, PrinterTimeout):
        return "L'imprimante ne répond pas : vérifiez qu'elle est allumée et prête."
    if isinstance(error, PrinterOffline):
        return "L'imprimante est injoignable : vérifiez qu'elle est allumée et branchée."
    return "L'imprimante est en erreur : vérifiez-la."


class ReturnReader(Protocol):
    def show(self, number_or_id: str) -> dict[str, Any] | None: ...


class ReceiptPrinting:
    """Use case: print (or reprint) a completed return's receipt, and retry pending jobs."""

    def __init__(self, jobs: PrintJobStore, returns: ReturnReader, settings: Callable[[], PrinterSettings],
                 header: Callable[[], StoreHeader], titles: Callable[[list[str]], dict[str, str]],
                 order_placed_at: Callable[[str], datetime | None], local_time: Callable[[datetime], datetime]) -> None:
        self.jobs, self.returns, self.settings, self.header = jobs, returns, settings, header
        self.titles, self.order_placed_at, self.local_time = titles, order_placed_at, local_time
        self.control = PrinterControl(settings)

    def status(self) -> dict[str, Any]:
        return self.control.status()

    def open_drawer(self) -> None:
        self.control.open_drawer()

    def print_return(self, return_number: str) -> PrintOutcome:
        result = self.returns.show(return_number)
        if result is None:
            raise PrinterProblem(f'No return "{return_number}" is on this till; check the number.')
        settings = self.settings()
        profile = _profile(settings.profile)
        blocks = return_receipt(self._receipt(result), profile.columns("A"), settings.language)
        pays_cash = any(t.get("method") == "cash" and t.get("executed_by", "till") == "till" for t in result.get("tenders", []))
        first_print = not self.jobs.for_reference(result["return_number"])
        job = self._store("return_receipt", result["return_number"], blocks, settings, profile, pays_cash and first_print)
        return self.send(job)

    def print_document(self, kind: str, reference: str | None, blocks: list[Block]) -> PrintOutcome:
        settings = self.settings()
        return self.send(self._store(kind, reference, blocks, settings, _profile(settings.profile), False))

    def send(self, job: PrintJob) -> PrintOutcome:
        try:
            with Printer.from_url(job.printer_url, _profile(job.profile)) as printer:
                printer.print_job(job.payload)
        except PosDriverError as error:
            self.jobs.mark(job.id, "failed", str(error))
            log.info("print job %s kept for later: %s", job.id, type(error).__name__)
            return PrintOutcome(job.id, False, f"{error} The receipt is kept; reprint it when the printer is ready.",
                                job.preview_text, False,
                                f"{french_problem(error)} Le ticket est conservé ; réimprimez-le quand l'imprimante est prête.")
        self.jobs.mark(job.id, "printed")
        return PrintOutcome(job.id, True, "", job.preview_text, job.open_drawer)

    def retry_unprinted(self) -> list[PrintOutcome]:
        return [self.send(job) for job in self.jobs.unprinted()]

    def _store(self, kind: str, reference: str | None, blocks: list[Block], settings: PrinterSettings,
               profile: PrinterProfile, open_drawer: bool) -> PrintJob:
        try:
            payload = encode_document(blocks, profile, open_drawer=open_drawer)
        except PosDriverError as error:
            raise PrinterProblem(f"The receipt cannot be printed on a {profile.display_name}: {error}") from None
        return self.jobs.add(kind, reference, settings.url, profile.name, payload,
                             render_text(blocks, profile.columns("A")), open_drawer)

    def _receipt(self, result: dict[str, Any]) -> ReturnReceipt:
        skus = [line["sku"] for line in result.get("lines", [])] + [x["sku"] for x in (result.get("exchange") or {}).get("lines", [])]
        created = datetime.fromisoformat(result["created_at"].replace("Z", "+00:00")) if result.get("created_at") else None
        placed = self.order_placed_at(result["order_id"]) if result.get("order_id") else None
        return ReturnReceipt(self.header(), result["return_number"], self.local_time(created or datetime.now(UTC)),
                             result.get("cashier"), result, result.get("receipt"), placed, self.titles(skus),
                             result.get("approved_by"), software=f"posreturns {__version__}")


def _profile(name: str) -> PrinterProfile:
    try:
        return load_profile(name)
    except PosDriverError as error:
        raise PrinterProblem(str(error)) from None


class PrinterControl:
    """Status and drawer of the configured printer (settings screen, `device status|open-drawer`)."""

    def __init__(self, settings: Callable[[], PrinterSettings]) -> None:
        self.settings = settings

    def status(self) -> dict[str, Any]:
        settings = self.settings()
        try:
            with Printer.from_url(settings.url, _profile(settings.profile)) as printer:
                if not printer.can_read_status:
                    return {"ready": True, "known": False, "sentence": "This printer connection cannot report its status."}
                status = printer.status()
        except PosDriverError as error:
            return {"ready": False, "known": True, "sentence": str(error)}
        return {"ready": status.ready, "known": True, "sentence": status.sentence, "paper_out": status.paper_out,
                "cover_open": status.cover_open, "drawer_open": status.drawer_open, "online": status.online}

    def open_drawer(self) -> None:
        settings = self.settings()
        try:
            with Printer.from_url(settings.url, _profile(settings.profile)) as printer:
                printer.open_drawer()
        except PosDriverError as error:
            raise PrinterProblem(str(error)) from None
