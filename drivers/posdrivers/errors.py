"""The one error hierarchy of posdrivers.

Every third-party or OS exception (``OSError``, ``serial.SerialException``, ``biip.ParseError``, …) is
caught at the edge where it happens and re-raised as one of these, with the original as ``__cause__``.
Messages are full sentences that say what happened and what to do next, so the application can show
``str(error)`` to a cashier or an integrator as is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from posdrivers.escpos.status import PrinterStatus


class PosDriverError(Exception):
    """Base of every error raised by posdrivers."""


# --- configuration -------------------------------------------------------------------------------


class ProfileNotFound(PosDriverError, LookupError):
    """No printer profile has the requested name."""


class BadProfile(PosDriverError, ValueError):
    """A printer profile file is missing a field or has a wrong value."""


class BadPrinterUrl(PosDriverError, ValueError):
    """A printer or device URL could not be understood."""


# --- encoding ------------------------------------------------------------------------------------


class EncodingError(PosDriverError, ValueError):
    """Something cannot be turned into printer bytes."""


class UnprintableText(EncodingError):
    """Text holds characters that the printer's code page cannot print, even after transliteration."""

    def __init__(self, characters: list[str], code_page: str) -> None:
        self.characters = characters
        self.code_page = code_page
        shown = ", ".join(f"{c!r} (U+{ord(c):04X})" for c in characters)
        super().__init__(
            f"The printer's code page {code_page} cannot print {shown}: "
            "rephrase the text or choose a printer profile with a code page that has these characters."
        )


class BarcodeDataError(EncodingError):
    """Barcode or QR data is not valid for its symbology."""


# --- printer I/O ---------------------------------------------------------------------------------


class PrinterError(PosDriverError):
    """The receipt printer could not be reached or used."""


class PrinterOffline(PrinterError):
    """The printer cannot be reached (refused, unplugged, missing device)."""


class PrinterTimeout(PrinterError):
    """The printer did not answer or accept data in time."""


class StatusUnavailable(PrinterError):
    """The connection to the printer cannot read status (write-only transport)."""


class BadStatusReply(PrinterError):
    """The printer answered a status request with bytes that are not a valid status."""


class PrinterNotReady(PrinterError):
    """The printer reports a state (paper out, cover open, offline, error) in which it cannot print."""

    def __init__(self, status: PrinterStatus) -> None:
        self.status = status
        super().__init__(f"{status.sentence} Nothing was printed.")


# --- scanner -------------------------------------------------------------------------------------


class ScanError(PosDriverError, ValueError):
    """A scan could not be read or interpreted ("unreadable scan")."""

    def __init__(self, message: str, raw: bytes | str = b"") -> None:
        self.raw = raw
        super().__init__(message)
