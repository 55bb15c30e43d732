"""Work for the printer and the cash drawer, run on their one thread; results come back to the GUI
thread as Qt signals (the `TaskRunner` interface, so presenters do not care where work runs)."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal


class Device(Protocol):
    """The printer's thread (posreturns.devices.printer_thread.PrinterThread)."""

    def submit(self, work: Callable[[], Any]) -> Future[Any]: ...


class _Relay(QObject):
    """Carries a result back to the GUI thread. The payload is always a tuple, never a bare Python
    singleton (None, True), which some PySide6 releases mishandle in queued signals."""

    done = Signal(object)


class DeviceTaskRunner:
    def __init__(self, device: Device) -> None:
        self.device = device
        self._relays: set[_Relay] = set()

    def run(self, work: Callable[[], Any], on_done: Callable[[Any], None], on_error: Callable[[BaseException], None]) -> None:
        relay = _Relay()
        self._relays.add(relay)

        def finish(outcome: tuple[bool, Any]) -> None:
            self._relays.discard(relay)
            succeeded, value = outcome
            (on_done if succeeded else on_error)(value)

        relay.done.connect(finish)

        def report(future: Future[Any]) -> None:
            error = future.exception()
            relay.done.emit((False, error) if error is not None else (True, future.result()))

        self.device.submit(work).add_done_callback(report)

    def wait(self, timeout: float = 5.0) -> bool:
        """Wait for the work queued so far (tests, closing the window)."""
        return self.device.submit(lambda: True).result(timeout)
