"""Runs the sync engine on a background thread for the window: start, stop, and its last state.

The thread runs `SyncEngine.run_forever`, which never ends on an OMS problem or a bug in one run;
its waits between runs are `threading.Event.wait`, so `stop()` wakes it at once and joins it
(an HTTP call in progress still finishes, bounded by the client's timeouts).
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from posreturns.sync.engine import IDLE_SECONDS, OFFLINE_PROBE_SECONDS, SyncEngine

log = logging.getLogger(__name__)
RESTART_SECONDS = 30.0


class SyncWorker:
    """One thread per window: upload and pull until stopped; a failed run never stops the loop."""

    def __init__(self, engine: SyncEngine, idle_seconds: float = IDLE_SECONDS,
                 offline_seconds: float = OFFLINE_PROBE_SECONDS, restart_seconds: float = RESTART_SECONDS) -> None:
        self.engine = engine
        self.idle_seconds = idle_seconds
        self.offline_seconds = offline_seconds
        self.restart_seconds = restart_seconds
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._progress: dict[str, Any] | None = None  # what the run under way has done, for the status bar

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        if not self.running:
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name="posreturns sync", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Wake the thread and wait for it (at most `timeout` seconds: a request may be under way)."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            if not self._thread.is_alive():
                self._thread = None

    def status(self) -> dict[str, Any]:
        progress = self._progress
        return {**self.engine.status(), "progress": dict(progress) if progress else None}

    def _track(self, stream: str, done: int, total: int | None) -> None:
        self._progress = {"stream": stream, "done": done, "total": total}

    def nudge(self) -> None:
        """Sync now rather than at the end of the idle wait (e.g. a return was just completed)."""
        self._wake.set()

    def _sleep(self, seconds: float) -> None:
        self._progress = None  # a run has ended
        self._wake.wait(seconds)
        self._wake.clear()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.engine.run_forever(self._stop.is_set, sleep=self._sleep, idle_seconds=self.idle_seconds,
                                        offline_seconds=self.offline_seconds, progress=self._track)
            except Exception:  # e.g. the database failing while a failure is recorded: start again later
                log.exception("the sync loop stopped; it starts again in %.0f s", self.restart_seconds)
                self._stop.wait(self.restart_seconds)
