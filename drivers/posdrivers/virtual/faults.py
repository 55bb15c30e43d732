"""Faults the virtual printer can simulate, and the status it reports in each.

=================  ==========================================================================
fault              behaviour
=================  ==========================================================================
``none``           ready: answers status, prints
``paper_near_end`` answers "paper near end", prints
``paper_out``      answers "paper end" (offline); received data is discarded, not printed
``cover_open``     answers "cover open" (offline); received data is discarded
``error``          answers "unrecoverable error" (offline); received data is discarded
``no_answer``      accepts connections and data but never answers status and prints nothing
``slow``           answers status after ``slow_delay`` seconds, prints
``hang``           accepts connections but never reads (the sender's writes eventually block)
``refuse``         closes its listening socket: connections are refused
``drop``           answers status, then resets the connection when a job arrives (prints nothing)
=================  ==========================================================================

Process-ID requests (``GS ( H``) are answered once the job before them is printed, so never while
the printer discards; ``GS r`` is answered in order like a printer that processed what came before.

The drawer sensor is separate state (``drawer_open``), as on a real printer.
"""

from __future__ import annotations

from posdrivers.escpos.status import PrinterStatus, status_bytes

FAULTS = ("none", "paper_near_end", "paper_out", "cover_open", "error", "no_answer", "slow", "hang", "refuse",
          "drop")
#: Faults in which the printer is offline and throws received data away.
DISCARDING = frozenset({"paper_out", "cover_open", "error", "no_answer", "hang", "drop"})
#: Faults in which the real-time drawer pulse (DLE DC4) still works, as on an Epson printer.
REALTIME_WHILE_OFFLINE = frozenset({"paper_out", "cover_open"})


def check_fault(name: str) -> str:
    if name not in FAULTS:
        raise ValueError(f"Unknown fault {name!r}: use one of {', '.join(FAULTS)}.")
    return name


def status_for(fault: str, drawer_open: bool) -> PrinterStatus:
    """The status a printer in ``fault`` reports."""
    return PrinterStatus(
        online=fault not in ("paper_out", "cover_open", "error"),
        cover_open=fault == "cover_open",
        paper_out=fault == "paper_out",
        paper_near_end=fault == "paper_near_end",
        drawer_open=drawer_open,
        error=fault == "error",
    )


def reply_byte(fault: str, drawer_open: bool, n: int) -> int:
    """The byte answered to ``DLE EOT n``."""
    return status_bytes(status_for(fault, drawer_open)).get(n, 0x12)
