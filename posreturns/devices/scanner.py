"""What a scan means to the till: a product (GTIN, maybe with its serial) or one of our numbers."""

from __future__ import annotations

from dataclasses import dataclass

from posreturns.domain.messages import translate
from posreturns.services.errors import BadInput


@dataclass(frozen=True, slots=True)
class Scan:
    kind: str  # "item" (a product barcode) or "text" (a receipt, return or voucher number, a URL…)
    code: str  # the GTIN-14 of an item, or the text without its AIM prefix
    serial: str | None = None


__all__ = ["Scan", "interpret", "prepare_scans"]


def prepare_scans() -> None:
    """Load the drivers' scan reader and its GS1 tables now (the window does it off the GUI thread once it
    has shown), not at the first scan."""
    from posdrivers.scanner.parsing import prepare

    prepare()


def interpret(raw: str, gs_substitute: str | None = None) -> Scan:
    """One scan from a wedge or serial scanner; garbage gives one clear sentence, never a crash."""
    from posdrivers import ScanError, parse_scan  # loaded after the window's first paint (`prepare_scans`)

    try:
        scanned = parse_scan(raw, gs_substitute=gs_substitute)
    except ScanError as error:
        raise BadInput(translate("devices.scanner", "Unreadable scan ({0}); scan it again or type the number.")
                       .format(error)) from None
    if scanned.gtin:
        return Scan("item", scanned.gtin, scanned.serial)
    return Scan("text", scanned.text.strip())
