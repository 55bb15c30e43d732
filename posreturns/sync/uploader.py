"""The outbox uploader: one per till (a lease lock in the database), events in sequence order, in
batches; per event applied / duplicate / rejected / retry.

* A retry (transport error, timeout, 5xx, 429, unreadable answer) keeps the event pending with a
  capped, fully jittered backoff stored in its row (it survives a restart); `Retry-After` is a
  floor. When the OMS is unreachable the run stops: the next events would fail the same way.
* A rejection goes to the exception queue with the OMS's reason, and holds back the later events
  of the same aggregate only; every other aggregate goes on.
* An event whose stored payload no longer matches its fingerprint (`payload_sha256`, written with
  it) was changed after the return was recorded: it is refused, never sent. Older events have no
  fingerprint and are sent as they are.
* An event of a training return (`"training": true`) is refused, never sent: training tills do not
  sync at all, so one can only get here from a copied database.
* The lock is renewed before each batch and checked at every mark: an uploader that lost it (its
  lease expired, another took over) stops without marking anything.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from posreturns.services.ports import Clock
from posreturns.services.return_events import fingerprint
from posreturns.services.sync_ports import (
    OmsGateway,
    OmsUnavailable,
    Outbox,
    Outcome,
    PendingEvent,
    PushResult,
)
from posreturns.sync.backoff import Backoff

log = logging.getLogger(__name__)
BATCH = 50
LEASE_SECONDS = 120.0


@dataclass
class UploadReport:
    locked_out: bool = False
    lost_lock: bool = False
    online: bool = True
    counts: dict[str, int] = field(default_factory=lambda: {o.value: 0 for o in Outcome})
    error: str | None = None

    @property
    def sent(self) -> int:
        return sum(self.counts.values())


class Uploader:
    def __init__(self, outbox: Outbox, gateway: OmsGateway, clock: Clock, backoff: Backoff, owner: str,
                 batch: int = BATCH, lease_seconds: float = LEASE_SECONDS, max_batches: int | None = None) -> None:
        self.outbox = outbox
        self.gateway = gateway
        self.clock = clock
        self.backoff = backoff
        self.owner = owner
        self.batch = batch
        self.lease_seconds = lease_seconds
        self.max_batches = max_batches

    def run(self) -> UploadReport:
        report = UploadReport()
        if not self.outbox.acquire(self.owner, self.clock.now(), self.lease_seconds):
            report.locked_out = True
            return report
        tried: set[int] = set()  # an event is sent at most once per run, whatever its schedule says
        try:
            batches = 0
            while self.max_batches is None or batches < self.max_batches:
                if batches and not self.outbox.acquire(self.owner, self.clock.now(), self.lease_seconds):
                    report.lost_lock = True
                    break
                events = [e for e in self.outbox.due(self.clock.now(), self.batch) if e.seq not in tried]
                tried.update(e.seq for e in events)
                if not events or not self._send(events, report):
                    break
                batches += 1
        finally:
            self.outbox.release(self.owner)
        return report

    def _send(self, events: list[PendingEvent], report: UploadReport) -> bool:
        """Push one batch; False when the run must stop (OMS unreachable, lock lost)."""
        waiting: set[str] = set()  # aggregates with an event postponed in this batch
        for event in events:
            if event.aggregate_id in waiting:
                continue
            result, reachable = self._push(event)
            report.counts[result.outcome.value] += 1
            now = self.clock.now()
            if result.outcome is Outcome.RETRY:
                failures = event.attempts + 1
                when = self.backoff.next_attempt(now, failures, result.retry_after)
                ok = self.outbox.postpone(self.owner, event, failures, when, result.reason or "retry")
                waiting.add(event.aggregate_id)
                if not reachable:
                    report.online, report.error = False, result.reason
                    return False
            else:
                ok = self.outbox.settle(self.owner, event, result, now)
                if result.outcome is Outcome.REJECTED:
                    log.warning("event %s (%s) refused by the OMS: %s", event.seq, event.event_type, result.reason)
            if not ok:
                report.lost_lock = True
                return False
        return True

    def _push(self, event: PendingEvent) -> tuple[PushResult, bool]:
        """The gateway's answer; (result, OMS reachable). Nothing raised here stops the till."""
        if event.payload.get("training") is True:
            return PushResult(Outcome.REJECTED, f"Event {event.seq} belongs to a training return; it is never sent "
                                                "to the OMS."), True
        stored = event.payload.get("payload_sha256")
        if stored and stored != fingerprint(event.payload):
            return PushResult(Outcome.REJECTED, f"Event {event.seq} was changed after it was written (its fingerprint "
                                                "no longer matches), so it was not sent."), True
        try:
            return self.gateway.push(event), True
        except OmsUnavailable as error:
            return PushResult.retry(str(error), error.retry_after), False
        except Exception as error:  # a connector bug must not stop the queue nor lose the event
            log.exception("event %s (%s) could not be sent", event.seq, event.event_type)
            return PushResult.retry(f"{type(error).__name__}: {error}"[:300]), True
