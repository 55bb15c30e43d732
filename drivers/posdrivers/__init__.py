"""Standalone POS device drivers (imports nothing from posreturns, and no Qt).

The names most callers need are re-exported here; see ``drivers/README.md``.
"""

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
