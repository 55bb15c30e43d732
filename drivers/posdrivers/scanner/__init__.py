"""Barcode scanner input: serial framing and reader, keyboard-wedge detection, scan interpretation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from posdrivers._lazy import lazy_names

if TYPE_CHECKING:
    from posdrivers.scanner.framing import LineFramer, RawScan, ScanItem, UnreadableScan
    from posdrivers.scanner.parsing import ScannedCode, parse_scan
    from posdrivers.scanner.serial_reader import ScannerStatus, SerialScannerReader
    from posdrivers.scanner.wedge import Decision, WedgeConfig, WedgeDetector

__all__ = [
    "Decision",
    "LineFramer",
    "RawScan",
    "ScanItem",
    "ScannedCode",
    "ScannerStatus",
    "SerialScannerReader",
    "UnreadableScan",
    "WedgeConfig",
    "WedgeDetector",
    "parse_scan",
]

# each name is imported from its module when first asked (PEP 562): the wedge rules without pyserial
_HOMES = {
    "Decision": "posdrivers.scanner.wedge",
    "LineFramer": "posdrivers.scanner.framing",
    "RawScan": "posdrivers.scanner.framing",
    "ScanItem": "posdrivers.scanner.framing",
    "ScannedCode": "posdrivers.scanner.parsing",
    "ScannerStatus": "posdrivers.scanner.serial_reader",
    "SerialScannerReader": "posdrivers.scanner.serial_reader",
    "UnreadableScan": "posdrivers.scanner.framing",
    "WedgeConfig": "posdrivers.scanner.wedge",
    "WedgeDetector": "posdrivers.scanner.wedge",
    "parse_scan": "posdrivers.scanner.parsing",
}


__getattr__ = lazy_names(__name__, _HOMES, globals())
