"""Printing return receipts and other documents: lay out, store the job, then send it on the printer
thread; a failure leaves it waiting, visibly, for a retry.

The return is committed before this runs (the caller prints only completed returns). A job keeps its
document, not only bytes: each attempt lays it out for the printer configured at that moment (a till
whose printer was replaced prints its waiting receipts on the new one). A job counts as printed only
when the printer confirmed it (see posdrivers' Printer); on printers that cannot confirm it is 'sent'
and the receipt preview is the proof. A second print of a return is marked DUPLICATA / COPY, and
replaces any job of that return still waiting, so a later retry never prints it twice. The cash
drawer is not part of any job: see `drawer.py`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from posdrivers import (
    PosDriverError,
    Printer,
    PrinterProfile,
    load_profile,
    load_profile_file,
)

from posreturns.devices.documents import Block, from_json, render_text, to_json
from posreturns.devices.driver_problem import DriverProblem
from posreturns.devices.escpos_output import EncodedDocument, encode_document
from posreturns.devices.printer_thread import PrinterThread
from posreturns.devices.receipt_layout import ReturnReceipt, StoreHeader, pickup_slip_of, receipt_of, return_receipt
from posreturns.domain.errors import UserFacingError
from posreturns.domain.messages import Localized, in_language, translate
from posreturns.services.printing_ports import PrintJob, PrintJobStore

log = logging.getLogger(__name__)
DEFAULT_COLUMNS = 48


class PrinterProblem(UserFacingError):
    """The printer could not print; the job is kept and can be printed again."""


@dataclass(frozen=True)
class PrinterSettings:
    url: str
    profile: str = "epson-tm-t20iii"
    language: str = "fr"
    profile_file: str = ""  # an integrator's own profile; wins over `profile`

    @property
    def profile_name(self) -> str:
        return self.profile_file or self.profile


@dataclass(frozen=True)
class PrintOutcome:
    job_id: int
    printed: bool  # confirmed by the printer, or sent to one that cannot confirm (see `confirmed`)
    said: str | Localized  # what to tell the cashier ("" when all went well)
    preview_text: str
    drawer_opened: bool = False  # the drawer opens apart from receipts now; kept for callers of the JSON
    confirmed: bool = False
    copy: bool = False
    degraded: dict[str, str] = field(default_factory=dict)

    @property
    def message(self) -> str:
        """In English, for the command line's JSON and the logs."""
        return in_language(self.said, "en")

    def in_language(self, language: str) -> str:
        return in_language(self.said, language)


def profile_for(settings: PrinterSettings) -> PrinterProfile:
    """The profile of the printer configured now (an integrator's file, or a shipped one)."""
    try:
        return load_profile_file(settings.profile_file) if settings.profile_file else load_profile(settings.profile)
    except PosDriverError as error:
        raise PrinterProblem(str(error)) from None


class ReturnReader(Protocol):
    def show(self, number_or_id: str) -> dict[str, Any] | None: ...


class ReceiptPrinting:
    """Use case: print (or reprint) a completed return's receipt; retry, cancel and list waiting jobs."""

    def __init__(self, jobs: PrintJobStore, returns: ReturnReader, settings: Callable[[], PrinterSettings],
                 header: Callable[[], StoreHeader], titles: Callable[[list[str]], dict[str, str]],
                 order_placed_at: Callable[[str], datetime | None], local_time: Callable[[datetime], datetime],
                 device: PrinterThread | None = None) -> None:
        self.jobs, self.returns, self.settings, self.header = jobs, returns, settings, header
        self.titles, self.order_placed_at, self.local_time = titles, order_placed_at, local_time
        self.device = device or PrinterThread()
        self.control = PrinterControl(settings, self.device)
        # the inspection tags of the units a return holds, printed after its first receipt (restock_labels)
        # and the labels of the units graded for second hand with it: (kind, reference, blocks)
        self.held_tags: Callable[[str], list[tuple[str, str, list[Block]]]] | None = None

    def status(self) -> dict[str, Any]:
        return self.control.status()

    def print_return(self, return_number: str) -> PrintOutcome:
        """The receipt of a completed return: the original the first time, DUPLICATA / COPY after."""
        result = self.returns.show(return_number)
        if result is None:
            raise PrinterProblem(f'No return "{return_number}" is on this till; check the number.')
        number = result["return_number"]
        settings = self.settings()
        copy = any(job.status in ("printed", "sent") for job in self.jobs.for_reference(number))
        receipt = self._receipt(result)
        blocks = return_receipt(receipt, DEFAULT_COLUMNS, settings.language, copy=copy)
        job = self._store("return_receipt", number, blocks, settings, copy)
        self.jobs.supersede(number, job.id)
        outcome = self.send(job)
        slip = pickup_slip_of(receipt, settings.language)
        if not copy and slip is not None:  # the replacement comes to this store: the customer's slip
            self.send(self._store("pickup_slip", f"{number}/pickup", slip, settings, False))
        if not copy and self.held_tags is not None:
            for kind, reference, blocks in self.held_tags(number):
                self.send(self._store(kind, reference, blocks, settings, False))
        return outcome

    def print_document(self, kind: str, reference: str | None, blocks: list[Block]) -> PrintOutcome:
        job = self._store(kind, reference, blocks, self.settings(), False)
        if reference is not None:
            self.jobs.supersede(reference, job.id)
        return self.send(job)

    def send(self, job: PrintJob) -> PrintOutcome:
        """One attempt, on the printer thread, to the printer configured now."""
        return self.device.call(lambda: self._send(job))

    def retry(self, job_id: int) -> PrintOutcome:
        job = self.jobs.get(job_id)
        if job is None or not job.waiting:
            raise PrinterProblem(f"Print job {job_id} is not waiting to be printed (printed, cancelled or replaced).")
        return self.send(job)

    def retry_unprinted(self) -> list[PrintOutcome]:
        return [self.send(job) for job in self.jobs.unprinted()]

    def cancel(self, job_id: int) -> bool:
        """Never print this waiting job (the receipt can still be reprinted from the return)."""
        return self.jobs.cancel(job_id)

    def waiting(self) -> list[PrintJob]:
        return self.jobs.unprinted()

    def _send(self, job: PrintJob) -> PrintOutcome:
        settings = self.settings()
        try:
            profile = profile_for(settings)
            encoded = (encode_document(from_json(job.document), profile) if job.document
                       else EncodedDocument(job.payload))
            with Printer.from_url(settings.url, profile) as printer:
                confirmed = printer.print_job(encoded.data) is not None
                proof = printer.confirms
        except (PosDriverError, PrinterProblem) as error:
            self.jobs.mark(job.id, "failed", str(error), printer_url=settings.url, profile=settings.profile_name)
            log.info("print job %s kept for later: %s", job.id, type(error).__name__)
            problem = DriverProblem(error) if isinstance(error, PosDriverError) else error.message
            kept = translate("devices.printing", "{0} The receipt is kept; reprint it when the printer is "
                                                 "ready.").format(problem)
            return PrintOutcome(job.id, False, kept, job.preview_text, copy=job.copy)
        self.jobs.mark(job.id, "printed" if confirmed else "sent", None, printer_url=settings.url,
                       profile=settings.profile_name, payload=encoded.data, proof=proof)
        if encoded.degraded:
            log.info("print job %s: %d character(s) printed as stand-ins", job.id, len(encoded.degraded))
        unconfirmed = translate("devices.printing", "Sent to a printer that cannot confirm it printed: check that the "
                                "receipt came out (its preview is on the screen) and reprint it if not.")
        return PrintOutcome(job.id, True, "" if confirmed else unconfirmed, job.preview_text, confirmed=confirmed,
                            copy=job.copy, degraded=encoded.degraded)

    def _store(self, kind: str, reference: str | None, blocks: list[Block], settings: PrinterSettings,
               copy: bool) -> PrintJob:
        """The job is written first, whatever the printer: even one that cannot be laid out now is kept."""
        try:
            profile: PrinterProfile | None = profile_for(settings)
        except PrinterProblem:
            profile = None
        width = profile.columns("A") if profile else DEFAULT_COLUMNS
        preview = render_text(blocks, width, profile.dots_per_line if profile else None)
        return self.jobs.add(kind, reference, settings.url, settings.profile_name, b"", preview, False,
                             to_json(blocks), copy)

    def _receipt(self, result: dict[str, Any]) -> ReturnReceipt:
        return receipt_of(result, self.header(), self.titles, self.order_placed_at, self.local_time)


class PrinterControl:
    """Status of the configured printer (status bar, settings screen, `device status`), asked on the
    printer thread so it never cuts into a receipt."""

    def __init__(self, settings: Callable[[], PrinterSettings], device: PrinterThread) -> None:
        self.settings, self.device = settings, device

    def status(self) -> dict[str, Any]:
        return self.device.call(self._status)

    def _status(self) -> dict[str, Any]:
        settings = self.settings()
        try:
            with Printer.from_url(settings.url, profile_for(settings)) as printer:
                if not printer.can_read_status:
                    return {"ready": True, "known": False,
                            "sentence": "This printer cannot report its status: check the receipts come out."}
                status = printer.status()
        except (PosDriverError, PrinterProblem) as error:
            return {"ready": False, "known": True, "sentence": str(error)}
        return {"ready": status.ready, "known": True, "sentence": status.sentence, "paper_out": status.paper_out,
                "cover_open": status.cover_open, "drawer_open": status.drawer_open, "online": status.online}
