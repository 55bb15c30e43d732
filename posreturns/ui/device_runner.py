"""Work for the printer and the cash drawer, run on their one thread; results come back to the GUI
thread as Qt signals (the `TaskRunner` interface, so presenters do not care where work runs)."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QObject, Signal

from posreturns.ui.ports import Device


class _Relay(QObject):
    """Tells the GUI thread, through a queued signal, that the device's thread left an outcome for it."""

    finished = Signal()


class DeviceTaskRunner:
    """One relay for every job and outcomes waiting in a queue, as `TaskRunner` does: a relay per job
    stayed in memory for the whole shift (Qt's connection held its callback, which held the relay)."""

    def __init__(self, device: Device) -> None:
        self.device = device
        self._relay = _Relay()
        self._relay.finished.connect(self._deliver)  # queued: emitted on the device's thread
        self._outcomes: deque[tuple[Callable[[Any], None], Any]] = deque()

    def run(self, work: Callable[[], Any], on_done: Callable[[Any], None],
            on_error: Callable[[BaseException], None]) -> None:
        def report(future: Future[Any]) -> None:
            error = future.exception()
            self._outcomes.append((on_error, error) if error is not None else (on_done, future.result()))
            self._relay.finished.emit()

        self.device.submit(work).add_done_callback(report)

    def _deliver(self) -> None:
        callback, value = self._outcomes.popleft()
        callback(value)

    def wait(self, timeout: float = 5.0) -> bool:
        """Wait for the work queued so far (tests, closing the window)."""
        return bool(self.device.submit(lambda: True).result(timeout))
