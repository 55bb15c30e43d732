"""A serial / USB-CDC scanner in Qt: what its reader thread queued is taken on the GUI thread and
re-emitted as signals. The reader (`devices.scanner_reader.ScannerReader`) owns the port; this only
listens, so no scan is ever handled on the reader's thread."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import QObject, Signal


class ScannerEvent(Protocol):
    @property
    def kind(self) -> str: ...  # scan | unreadable | status
    @property
    def text(self) -> str: ...


class ScannerSource(Protocol):
    notify: Callable[[], None]

    def start(self) -> None: ...
    def stop(self) -> None: ...
    def take(self) -> Sequence[ScannerEvent]: ...


class SerialScannerBridge(QObject):
    """Signals (on the GUI thread): scanned(str); unreadable(str); status(str)."""

    scanned = Signal(str)
    unreadable = Signal(str)
    status = Signal(str)
    _waiting = Signal()  # emitted on the reader's thread, delivered on ours (queued)

    def __init__(self, source: ScannerSource) -> None:
        super().__init__()
        self.source = source
        self._waiting.connect(self._take)
        source.notify = self._waiting.emit

    def start(self) -> None:
        self.source.start()

    def stop(self) -> None:
        self.source.stop()
        self.source.notify = lambda: None

    def _take(self) -> None:
        for event in self.source.take():
            if event.kind == "scan":
                self.scanned.emit(event.text)
            elif event.kind == "unreadable":
                self.unreadable.emit(self.tr("Unreadable scan: scan the code again or type it."))
            else:
                texts = {"connected": self.tr("Scanner connected"), "disconnected": self.tr("Scanner disconnected"),
                         "reconnecting": self.tr("Scanner reconnecting…")}
                self.status.emit(texts.get(event.text, event.text))
