"""Ports of printing: stored print jobs (a job is written before it is sent) and the drawer log."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

#: Jobs still to print: shown in the window with retry and cancel, sent again by `print retry`.
WAITING = ("pending", "failed")


@dataclass(frozen=True, slots=True)
class PrintJob:
    id: int
    kind: str  # return_receipt | voucher | resale_label | inspection_tag | test | scanner_sheet
    reference: str | None
    printer_url: str  # where the last attempt went
    profile: str
    payload: bytes  # the bytes of the last attempt
    preview_text: str
    open_drawer: bool  # always False since the drawer opens apart from the receipt (kept for old rows)
    status: str  # pending | printed | sent (no confirmation possible) | failed | superseded | cancelled
    attempts: int
    last_error: str | None
    document: str | None = None  # the blocks as JSON: each attempt encodes them for the printer set then
    copy: bool = False
    created_at: str = ""

    @property
    def waiting(self) -> bool:
        return self.status in WAITING


class PrintJobStore(Protocol):
    def add(self, kind: str, reference: str | None, printer_url: str, profile: str, payload: bytes,
            preview_text: str, open_drawer: bool, document: str | None = None, copy: bool = False) -> PrintJob: ...
    def mark(self, job_id: int, status: str, error: str | None = None, *, printer_url: str | None = None,
             profile: str | None = None, payload: bytes | None = None, proof: str | None = None) -> None: ...
    def get(self, job_id: int) -> PrintJob | None: ...
    def unprinted(self, limit: int = 50) -> list[PrintJob]: ...
    def for_reference(self, reference: str) -> list[PrintJob]: ...
    def supersede(self, reference: str, by: int) -> int: ...
    def cancel(self, job_id: int) -> bool: ...
    def drawer_opened_for(self, reference: str) -> bool: ...
    def record_drawer(self, reference: str | None, actor: str | None, reason: str, opened: bool,
                      error: str | None = None) -> None: ...
