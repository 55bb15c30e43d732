"""Standalone POS device drivers (imports nothing from posreturns, and no Qt).

The names most callers need are re-exported here; see ``drivers/README.md``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from posdrivers._lazy import lazy_names

if TYPE_CHECKING:
    from posdrivers.errors import (
        BadPrinterUrl,
        BadProfile,
        BadStatusReply,
        BarcodeDataError,
        EncodingError,
        PosDriverError,
        PrinterError,
        PrinterNotReady,
        PrinterOffline,
        PrinterTimeout,
        ProfileNotFound,
        ScanError,
        StatusUnavailable,
        UnprintableText,
    )
    from posdrivers.escpos import (
        EscPosEncoder,
        PrinterProfile,
        PrinterStatus,
        list_profiles,
        load_profile,
        load_profile_file,
        unprintable_characters,
    )
    from posdrivers.printer import Printer
    from posdrivers.scanner import (
        RawScan,
        ScannedCode,
        ScannerStatus,
        SerialScannerReader,
        UnreadableScan,
        WedgeConfig,
        WedgeDetector,
        parse_scan,
    )
    from posdrivers.transports import Transport, open_transport, transport_from_url

__all__ = [
    "BadPrinterUrl",
    "BadProfile",
    "BadStatusReply",
    "BarcodeDataError",
    "EncodingError",
    "EscPosEncoder",
    "PosDriverError",
    "Printer",
    "PrinterError",
    "PrinterNotReady",
    "PrinterOffline",
    "PrinterProfile",
    "PrinterStatus",
    "PrinterTimeout",
    "ProfileNotFound",
    "RawScan",
    "ScanError",
    "ScannedCode",
    "ScannerStatus",
    "SerialScannerReader",
    "StatusUnavailable",
    "Transport",
    "UnprintableText",
    "UnreadableScan",
    "WedgeConfig",
    "WedgeDetector",
    "list_profiles",
    "load_profile",
    "load_profile_file",
    "open_transport",
    "parse_scan",
    "transport_from_url",
    "unprintable_characters",
]

# each name is imported from its module when first asked (PEP 562): a caller of the keyboard-wedge
# rules does not load the printers, the serial port and the GS1 tables
_HOMES = {
    "BadPrinterUrl": "posdrivers.errors",
    "BadProfile": "posdrivers.errors",
    "BadStatusReply": "posdrivers.errors",
    "BarcodeDataError": "posdrivers.errors",
    "EncodingError": "posdrivers.errors",
    "EscPosEncoder": "posdrivers.escpos",
    "PosDriverError": "posdrivers.errors",
    "Printer": "posdrivers.printer",
    "PrinterError": "posdrivers.errors",
    "PrinterNotReady": "posdrivers.errors",
    "PrinterOffline": "posdrivers.errors",
    "PrinterProfile": "posdrivers.escpos",
    "PrinterStatus": "posdrivers.escpos",
    "PrinterTimeout": "posdrivers.errors",
    "ProfileNotFound": "posdrivers.errors",
    "RawScan": "posdrivers.scanner",
    "ScanError": "posdrivers.errors",
    "ScannedCode": "posdrivers.scanner",
    "ScannerStatus": "posdrivers.scanner",
    "SerialScannerReader": "posdrivers.scanner",
    "StatusUnavailable": "posdrivers.errors",
    "Transport": "posdrivers.transports",
    "UnprintableText": "posdrivers.errors",
    "UnreadableScan": "posdrivers.scanner",
    "WedgeConfig": "posdrivers.scanner",
    "WedgeDetector": "posdrivers.scanner",
    "list_profiles": "posdrivers.escpos",
    "load_profile": "posdrivers.escpos",
    "load_profile_file": "posdrivers.escpos",
    "open_transport": "posdrivers.transports",
    "parse_scan": "posdrivers.scanner",
    "transport_from_url": "posdrivers.transports",
    "unprintable_characters": "posdrivers.escpos",
}


__getattr__ = lazy_names(__name__, _HOMES, globals())
