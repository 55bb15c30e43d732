"""The sync engine: one run = upload the outbox, then pull every stream. No Qt here; the app runs
it in a worker thread (or `posreturns sync`) and shows `status()`.

Upload comes first so that what we pull already contains our own returns (the OMS's stock and
"already returned" numbers then agree with the till's). A run never raises for an OMS problem: it
reports it, records the till as offline, and the next run starts where this one stopped.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from posreturns.services.ports import Clock
from posreturns.services.sync_ports import (
    ClaimingGateway,
    OmsGateway,
    OmsRefused,
    OmsUnavailable,
    Outbox,
    SyncState,
)
from posreturns.sync.backoff import Backoff
from posreturns.sync.numbers import NumberClaims
from posreturns.sync.puller import Progress, Puller, PullReport
from posreturns.sync.uploader import Uploader, UploadReport

log = logging.getLogger(__name__)
IDLE_SECONDS = 60.0  # between runs while online and idle
OFFLINE_PROBE_SECONDS = 30.0


@dataclass
class SyncReport:
    online: bool
    upload: UploadReport
    pull: PullReport = field(default_factory=PullReport)
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"online": self.online, "error": self.error, "upload": asdict(self.upload), "pull": asdict(self.pull)}


class SyncEngine:
    def __init__(self, gateway: OmsGateway, outbox: Outbox, state: SyncState, clock: Clock, owner: str,
                 backoff: Backoff | None = None, page_size: int = 100,
                 identity: Callable[[], str] | None = None, numbers: NumberClaims | None = None) -> None:
        self.gateway = gateway
        self.numbers = numbers  # what this till must claim in the OMS before it numbers anything (numbers.py)
        self.identity = identity  # the OMS and store pulled from: another one means other cursors
        self.outbox = outbox
        self.state = state
        self.clock = clock
        self.owner = owner
        self.backoff = backoff or Backoff()
        self.uploader = Uploader(outbox, gateway, clock, self.backoff, owner)
        self.puller = Puller(gateway, state, clock, page_size)

    def run_once(self, progress: Progress | None = None, pull: bool = True) -> SyncReport:
        if self.identity is not None and self.state.pull_from(self.identity(), self.clock.now()):
            log.warning("the OMS or the store changed: its cursors were reset, everything is pulled again")
        self._claim_numbers()
        upload = self.uploader.run(progress)
        report = SyncReport(online=upload.online, upload=upload, error=upload.error)
        if upload.online and pull:
            try:
                report.pull = self.puller.run(progress)
            except (OmsUnavailable, OmsRefused) as error:
                report.online = isinstance(error, OmsRefused)
                report.error = str(error)
        if upload.lost_lock:
            report.error = report.error or "another uploader took the upload lock over; this one stopped"
        self.state.record_run(report.online, report.error, self.clock.now())
        return report

    def _claim_numbers(self) -> None:
        if self.numbers is None or not isinstance(self.gateway, ClaimingGateway):
            return
        try:
            for claimed in self.numbers.ensure(self.gateway):
                log.info("claimed in the OMS: %s", claimed)
        except OmsUnavailable:
            return  # the upload finds the OMS unreachable too, and says so
        except OmsRefused as error:
            log.warning("the OMS refused this till's claim of its numbers (%s); it numbers as before", error)

    def status(self) -> dict[str, Any]:
        """What the status bar and `posreturns sync status` show."""
        now = self.clock.now()
        state = self.state.status()
        stats = self.outbox.stats(now)
        return {**state, "oms": self.gateway.name, "cache_age_seconds": _age(state.get("cache_as_of"), now),
                "outbox": asdict(stats), "outbox_size": stats.pending + stats.held + stats.rejected}

    def run_forever(self, stop: Callable[[], bool], sleep: Callable[[float], object] = time.sleep,
                    progress: Progress | None = None, idle_seconds: float = IDLE_SECONDS,
                    offline_seconds: float = OFFLINE_PROBE_SECONDS) -> None:
        """Run until `stop()`; idle between runs, probe more often while offline. A run that fails
        with an unexpected exception (a bug) is logged and recorded, and the next one comes as if
        offline: nothing ends the loop but `stop()`."""
        while not stop():
            try:
                online = self.run_once(progress).online
            except Exception as error:  # a bug in one run must not end the till's sync for the day
                log.exception("a sync run failed; the next one starts in %.0f s", offline_seconds)
                online = False
                self._record_failure(error)
            sleep(idle_seconds if online else offline_seconds)

    def _record_failure(self, error: Exception) -> None:
        try:
            self.state.record_run(False, f"The sync failed ({type(error).__name__}: {error})"[:300], self.clock.now())
        except Exception:  # the database itself failing: already logged above, try again next run
            log.exception("the failed sync run could not be recorded")


def _age(stamp: str | None, now: datetime) -> float | None:
    if not stamp:
        return None
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return None
    return max((now - moment).total_seconds(), 0.0)
