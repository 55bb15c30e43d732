"""The upload lease of one uploader: renewed by a heartbeat while it works, checked before every step.

* A heartbeat thread renews the lease every `heartbeat` seconds, so a slow OMS (a long backlog,
  a request taking its full timeout) never lets another uploader take over a live one. It stops
  renewing when the uploader has started no step for `stall` seconds (a hung uploader must not hold
  the till's sync forever).
* The fence (`Lease.__call__`) is called before every step that changes the OMS: it raises
  `LeaseLost` unless the lease is still this uploader's with at least `margin` seconds left, more
  than one request can last (connect + read timeouts). A step therefore always ends before another
  uploader can take over, and an uploader that lost the lease applies nothing more.
* The fencing token grows with every new holder; connectors that can (the Medusa plugin) send it
  with each request, so the OMS itself refuses a stale uploader.
"""

from __future__ import annotations

import logging
import threading
import time
from types import TracebackType

from posreturns.services.ports import Clock
from posreturns.services.sync_ports import LeaseLost, Outbox

log = logging.getLogger(__name__)
LEASE_SECONDS = 90.0
HEARTBEAT_SECONDS = 10.0
MARGIN_SECONDS = 30.0    # > connect (3.05 s) + read (20 s) timeouts of one request
STALL_SECONDS = 300.0


class Lease:
    def __init__(self, outbox: Outbox, owner: str, token: int, clock: Clock, seconds: float = LEASE_SECONDS,
                 margin: float = MARGIN_SECONDS, heartbeat: float = HEARTBEAT_SECONDS,
                 stall: float = STALL_SECONDS) -> None:
        self.outbox, self.owner, self.token, self.clock = outbox, owner, token, clock
        self.seconds, self.margin, self.heartbeat, self.stall = seconds, min(margin, seconds / 2), heartbeat, stall
        self.lost = False
        self.scope = outbox.fencing_scope(clock.now())
        self._last_step = time.monotonic()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __call__(self) -> None:
        """The fence: may this uploader apply one more step?"""
        self._last_step = time.monotonic()
        if self.lost:
            raise LeaseLost(f"the upload lease of {self.owner} was lost")
        left = self.outbox.lease_left(self.owner, self.token, self.clock.now())
        if left is not None and left < self.margin:
            left = self.renew()
        if left is None or left < self.margin:
            self.lost = True
            raise LeaseLost(f"the upload lease of {self.owner} was taken over or ran out")

    def renew(self) -> float | None:
        """Renew now; seconds left, or None (and `lost`) when this lease is no longer ours: a lease
        that ran out is never taken again under its old token."""
        if self.outbox.renew(self.owner, self.token, self.clock.now(), self.seconds):
            return self.seconds
        self.lost = True
        return None

    def __enter__(self) -> Lease:
        self._thread = threading.Thread(target=self._beat, name="posreturns upload lease", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def _beat(self) -> None:
        while not self._stop.wait(self.heartbeat):
            if self.lost or time.monotonic() - self._last_step > self.stall:
                continue  # lost for good, or the uploader is stuck: let the lease run out
            try:
                self.renew()
            except Exception:  # the database busy or failing: the next beat tries again
                log.exception("the upload lease could not be renewed")
