"""Runs the sync engine on a background thread for the window: start, stop, and its last state."""

from __future__ import annotations

import logging
import threading
from typing import Any

from posreturns.sync.engine import SyncEngine

log = logging.getLogger(__name__)


class SyncWorker:
    """One thread per window: upload and pull until stopped; a failed run never stops the loop."""

    def __init__(self, engine: SyncEngine) -> None:
        self.engine = engine
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="posreturns sync", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def status(self) -> dict[str, Any]:
        return self.engine.status()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.engine.run_forever(self._stop.is_set, sleep=self._stop.wait)
            except Exception as error:  # a bug in one run must not end the till's sync for the day
                log.error("sync run failed (%s); retrying in 30 s", type(error).__name__)
                self._stop.wait(30)
