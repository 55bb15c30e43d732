"""The always-visible status: online, events waiting, cache age, printer, scanner, who and where."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal


class StatusPresenter(QObject):
    """Polls `probe` off the GUI thread every few seconds. Signals: updated(dict)."""

    updated = Signal(object)

    def __init__(self, probe: Callable[[], dict[str, Any]], runner: Any, interval_ms: int = 5000) -> None:
        super().__init__()
        self.probe, self.runner = probe, runner
        self.state: dict[str, Any] = {}
        self._running = False
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self.refresh)

    def start(self) -> None:
        self.refresh()
        self.timer.start()

    def refresh(self) -> None:
        if self._running:
            return
        self._running = True
        self.runner.run(self.probe, self._done, self._failed)

    def merge(self, **values: Any) -> None:
        """Push a change known at once (e.g. the scanner was unplugged)."""
        self.state.update(values)
        self.updated.emit(dict(self.state))

    def _done(self, state: dict[str, Any]) -> None:
        self._running = False
        self.merge(**state)

    def _failed(self, error: BaseException) -> None:
        self._running = False
        self.merge(probe_error=type(error).__name__)
