"""Decode ``DLE EOT n`` replies into a :class:`PrinterStatus`.

Each reply is one byte whose fixed bits match ``0xx1xx10`` (mask ``0x93`` == ``0x12``). Bits used
(Epson ESC/POS):

* n=1 printer: bit 2 drawer kick-out connector pin 3 level, bit 3 offline
* n=2 offline cause: bit 2 cover open, bit 3 paper fed by button, bit 5 paper end stop, bit 6 error
* n=3 error cause: bit 2 mechanical error, bit 3 auto-cutter error, bit 5 unrecoverable, bit 6
  auto-recoverable (e.g. head too hot)
* n=4 paper roll sensor: bits 2-3 paper near end, bits 5-6 paper end
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from posdrivers.errors import BadStatusReply

STATUS_QUERIES = (1, 2, 3, 4)


def _bit(value: int, bit: int) -> bool:
    return bool(value >> bit & 1)


def check_reply(n: int, value: int) -> None:
    """Raise :class:`BadStatusReply` unless ``value`` has the fixed bits of a status byte."""
    if value & 0x93 != 0x12:
        raise BadStatusReply(
            f"The printer answered status request {n} with 0x{value:02X}, which is not a status byte: "
            "check that the printer profile and connection are right (is it an ESC/POS printer?)."
        )


@dataclass(frozen=True)
class PrinterStatus:
    """What the printer reported. ``ready`` is True when a job can be printed now."""

    online: bool
    cover_open: bool = False
    paper_out: bool = False
    paper_near_end: bool = False
    drawer_open: bool = False
    error: bool = False
    error_detail: str = ""

    @property
    def ready(self) -> bool:
        return self.online and not (self.cover_open or self.paper_out or self.error)

    @property
    def sentence(self) -> str:
        """One sentence for a cashier: what is wrong and what to do (or that all is well)."""
        if self.cover_open:
            return "The printer cover is open: close it firmly and try again."
        if self.paper_out:
            return "The printer is out of paper: put in a new roll and try again."
        if self.error:
            detail = f" ({self.error_detail})" if self.error_detail else ""
            return f"The printer reports an error{detail}: switch it off and on again, then try again."
        if not self.online:
            return "The printer is offline: check that it is switched on and not paused, then try again."
        if self.paper_near_end:
            return "The printer is ready, but the paper roll is nearly finished: replace it soon."
        return "The printer is ready."


def parse_status(replies: Mapping[int, int], *, drawer_open_when_high: bool = True) -> PrinterStatus:
    """Build a status from ``{n: reply byte}`` for the four ``DLE EOT n`` requests.

    Missing requests count as "nothing to report". ``drawer_open_when_high`` is the drawer sensor
    polarity from the profile.
    """
    for n, value in replies.items():
        check_reply(n, value)
    printer, offline, errors, paper = (replies.get(n, 0x12) for n in STATUS_QUERIES)
    details = [
        label
        for bit, label in (
            (2, "mechanical error"),
            (3, "auto-cutter error"),
            (5, "unrecoverable error"),
            (6, "print head too hot or other recoverable error"),
        )
        if _bit(errors, bit)
    ]
    paper_out = _bit(paper, 5) or _bit(paper, 6) or _bit(offline, 5)
    return PrinterStatus(
        online=not _bit(printer, 3),
        cover_open=_bit(offline, 2),
        paper_out=paper_out,
        paper_near_end=not paper_out and (_bit(paper, 2) or _bit(paper, 3)),
        drawer_open=_bit(printer, 2) == drawer_open_when_high,
        error=bool(details) or _bit(offline, 6),
        error_detail=", ".join(details),
    )


def status_bytes(status: PrinterStatus, *, drawer_open_when_high: bool = True) -> dict[int, int]:
    """The reply bytes a printer in ``status`` sends (used by the virtual printer and tests)."""
    drawer_high = status.drawer_open == drawer_open_when_high
    offline = not status.ready
    return {
        1: 0x12 | drawer_high << 2 | offline << 3,
        2: 0x12 | status.cover_open << 2 | status.paper_out << 5 | status.error << 6,
        3: 0x12 | status.error << 5,
        4: 0x12
        | (0x0C if status.paper_near_end or status.paper_out else 0)
        | (0x60 if status.paper_out else 0),
    }
