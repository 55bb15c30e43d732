"""Barcode scanner input: serial framing and reader, keyboard-wedge detection, scan interpretation."""

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
