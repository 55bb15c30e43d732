"""Sends the e-receipts (and the SMS receipts) on a background thread while the window is open.

Every `interval` seconds (or at once when nudged) the thread runs `MailSender.run_once`, which sends
only what is due: the backoff lives in the queue, not here. A failed run is logged and the loop
goes on; `stop()` wakes the thread and joins it (a message under way still ends, bounded by the
relay's timeout).
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from posreturns.sync.mail_sender import MailReport, MailSender

log = logging.getLogger(__name__)
INTERVAL_SECONDS = 20.0


class MailWorker:
    def __init__(self, sender: MailSender[Any], interval: float = INTERVAL_SECONDS, name: str = "mail") -> None:
        self.sender, self.interval, self.name = sender, interval, name
        self.last: MailReport | None = None
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name=f"posreturns {self.name}", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def nudge(self) -> None:
        """Send now (a return with an e-receipt was just completed)."""
        self._wake.set()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.last = self.sender.run_once()
            except Exception:  # e.g. the database busy beyond its timeout: try again at the next turn
                log.exception("the e-receipt run failed; the next one is in %.0f s", self.interval)
            self._wake.wait(self.interval)
            self._wake.clear()
