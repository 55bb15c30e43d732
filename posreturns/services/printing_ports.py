"""Ports of printing: stored print jobs (a job is written before it is sent)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class PrintJob:
    id: int
    kind: str  # return_receipt | voucher | resale_label | inspection_tag | test
    reference: str | None
    printer_url: str
    profile: str
    payload: bytes
    preview_text: str
    open_drawer: bool
    status: str  # pending | printed | failed
    attempts: int
    last_error: str | None


class PrintJobStore(Protocol):
    def add(self, kind: str, reference: str | None, printer_url: str, profile: str, payload: bytes,
            preview_text: str, open_drawer: bool) -> PrintJob: ...
    def mark(self, job_id: int, status: str, error: str | None = None) -> None: ...
    def get(self, job_id: int) -> PrintJob | None: ...
    def unprinted(self, limit: int = 50) -> list[PrintJob]: ...
    def for_reference(self, reference: str) -> list[PrintJob]: ...
