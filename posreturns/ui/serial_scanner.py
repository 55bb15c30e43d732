"""A serial / USB-CDC scanner in Qt: the driver's reader thread, its callbacks re-emitted as signals."""

from __future__ import annotations

from posdrivers import SerialScannerReader
from posdrivers.scanner import RawScan
from PySide6.QtCore import QObject, Signal


class SerialScannerBridge(QObject):
    """Signals (queued to the GUI thread): scanned(str); unreadable(str); status(str)."""

    scanned = Signal(str)
    unreadable = Signal(str)
    status = Signal(str)

    def __init__(self, port: str, baudrate: int = 9600, terminator: str = "ANY", parity: str = "N") -> None:
        super().__init__()
        self.reader = SerialScannerReader(port, self._on_scan, self._on_status, baudrate=baudrate,
                                          terminator=terminator, parity=parity)

    def start(self) -> None:
        self.reader.start()

    def stop(self) -> None:
        self.reader.stop()

    def _on_scan(self, item: object) -> None:
        if isinstance(item, RawScan):
            self.scanned.emit(item.text)
        else:
            self.unreadable.emit(self.tr("Unreadable scan: scan the code again or type it."))

    def _on_status(self, status: object) -> None:
        state = getattr(status, "state", "")
        texts = {"connected": self.tr("Scanner connected"), "disconnected": self.tr("Scanner disconnected"),
                 "reconnecting": self.tr("Scanner reconnecting…")}
        self.status.emit(texts.get(str(getattr(state, "value", state)), str(state)))
