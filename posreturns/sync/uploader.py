"""The outbox uploader: one per till (a lease with a heartbeat and a fence, sync/lease.py); events of
one OMS order in sequence order, independent orders in parallel; per event applied / duplicate /
rejected / retry.

* With an OMS that applies batches (Medusa with the posreturns plugin) the events go in requests
  of up to `batch_limit()` events, each order's events in order, and `batches_at_once()` of them side
  by side (one per process of a Medusa in cluster mode), an order's events always in one batch;
  otherwise one event per request from a small pool of workers, at most one event of an order at a time.
* A retry (transport error, timeout, 5xx, 429, unreadable answer) keeps the event pending with a
  capped, fully jittered backoff stored in its row (it survives a restart); `Retry-After` is a
  floor. When the OMS is unreachable no new event is started: the next ones would fail the same way.
* A rejection goes to the exception queue with the OMS's reason, and holds back the later events
  of the same order only; every other order goes on.
* An event whose stored payload no longer matches its fingerprint (`payload_sha256`, written with
  it) was changed after the return was recorded: it is refused, never sent. Older events have no
  fingerprint and are sent as they are.
* An event of a training return (`"training": true`) is refused, never sent: training tills do not
  sync at all, so one can only get here from a copied database.
* Before an event is sent its row says so (`sent_at`): a first attempt lets the connector skip
  looking for what an earlier attempt left in the OMS. An uploader that lost its lease starts
  nothing more and marks nothing.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from typing import Any, cast

from posreturns.services.ports import Clock
from posreturns.services.returns.events import fingerprint
from posreturns.services.sync_ports import (
    BatchGateway,
    LeaseLost,
    OmsGateway,
    OmsUnavailable,
    Outbox,
    Outcome,
    PendingEvent,
    PushResult,
)
from posreturns.sync.backoff import Backoff
from posreturns.sync.lease import HEARTBEAT_SECONDS, LEASE_SECONDS, Lease

log = logging.getLogger(__name__)
BATCH = 100
MIN_BATCH = 20
WORKERS = 4
Progress = Callable[[str, int, int | None], None]


@dataclass
class UploadReport:
    locked_out: bool = False
    lost_lock: bool = False
    online: bool = True
    counts: dict[str, int] = field(default_factory=lambda: {o.value: 0 for o in Outcome})
    error: str | None = None
    requests: int = 0

    @property
    def sent(self) -> int:
        return sum(self.counts.values())


class Uploader:
    def __init__(self, outbox: Outbox, gateway: OmsGateway, clock: Clock, backoff: Backoff, owner: str,
                 batch: int = BATCH, lease_seconds: float = LEASE_SECONDS, workers: int = WORKERS,
                 heartbeat_seconds: float = HEARTBEAT_SECONDS, progress: Progress | None = None) -> None:
        self.outbox = outbox
        self.gateway = gateway
        self.clock = clock
        self.backoff = backoff
        self.owner = owner
        self.batch = batch
        self.lease_seconds = lease_seconds
        self.workers = max(1, workers)
        self.heartbeat_seconds = heartbeat_seconds
        self.progress = progress
        # a gateway written before fencing existed takes the event alone (it then applies unfenced)
        self.fenced = "fence" in inspect.signature(gateway.push).parameters

    def run(self, progress: Progress | None = None) -> UploadReport:
        report = UploadReport()
        token = self.outbox.acquire(self.owner, self.clock.now(), self.lease_seconds)
        if token is None:
            report.locked_out = True
            return report
        run = _Run(self, report, progress or self.progress)
        if run.total == 0:  # nothing due: no need to ask the OMS anything
            self.outbox.release(self.owner)
            return report
        calls = int(getattr(getattr(self.gateway, "client", None), "calls", 0) or 0)
        try:
            with Lease(self.outbox, self.owner, token, self.clock, self.lease_seconds,
                       heartbeat=self.heartbeat_seconds) as lease:
                limit = _batch_limit(self.gateway)
                if limit > 0:  # about ten requests for a backlog, so that its progress shows as it goes
                    at_once = _batches_at_once(self.gateway)
                    run.batches(lease, max(1, min(limit, self.batch, max(MIN_BATCH, run.total // (10 * at_once)))),
                                at_once)
                else:
                    run.pool(lease)
        finally:
            self.outbox.release(self.owner)
            report.requests = int(getattr(getattr(self.gateway, "client", None), "calls", 0) or 0) - calls
        return report


def _batch_limit(gateway: OmsGateway) -> int:
    probe = getattr(gateway, "batch_limit", None)
    if probe is None:
        return 0
    try:
        return int(probe())
    except OmsUnavailable:
        return 0  # the pool's first request says whether the OMS is there at all


def _batches_at_once(gateway: OmsGateway) -> int:
    """How many batches the OMS takes at once (one per process of a Medusa in cluster mode)."""
    probe = getattr(gateway, "batches_at_once", None)
    try:
        return max(1, int(probe())) if probe is not None else 1
    except OmsUnavailable:
        return 1


def _whole_orders(events: list[PendingEvent], parts: int) -> list[list[PendingEvent]]:
    """`events` in up to `parts` batches of about as many events, each order's events in one, in order."""
    chains: dict[str, list[PendingEvent]] = {}
    for event in events:
        chains.setdefault(event.order_key, []).append(event)
    batches: list[list[PendingEvent]] = [[] for _ in range(parts)]
    for chain in sorted(chains.values(), key=len, reverse=True):
        min(batches, key=len).extend(chain)
    return [sorted(b, key=lambda e: e.seq) for b in batches if b]


class _Run:
    """One upload run: what was tried, what is left, the report."""

    def __init__(self, uploader: Uploader, report: UploadReport, progress: Progress | None) -> None:
        self.up = uploader
        self.report = report
        self.progress = progress
        self.tried: set[int] = set()  # an event is sent at most once per run, whatever its schedule says
        stats = uploader.outbox.stats(uploader.clock.now())
        self.total = stats.due
        self.done = 0
        self.stop = False

    # -- one event per request, a few orders at a time -----------------------------------------------
    def pool(self, lease: Lease) -> None:
        running: dict[Future[tuple[PushResult, bool]], PendingEvent] = {}
        with ThreadPoolExecutor(self.up.workers, thread_name_prefix="posreturns upload") as pool:
            while True:
                if not self.stop and len(running) < self.up.workers:
                    busy = frozenset(e.order_key for e in running.values())
                    fresh = [e for e in self.up.outbox.due(self.up.clock.now(), self.up.workers * 4, busy)
                             if e.seq not in self.tried][: self.up.workers - len(running)]
                    if fresh and not self._begin(fresh):
                        fresh = []
                    for event in fresh:
                        self.tried.add(event.seq)
                        running[pool.submit(self._push, event, lease)] = event
                if not running:
                    return
                finished, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in finished:
                    event = running.pop(future)
                    result, reachable = future.result()
                    self._record([(event, result)], reachable)

    # -- many events per request, a batch or (an OMS of several processes) a few at once ----------------
    def batches(self, lease: Lease, size: int, at_once: int = 1) -> None:
        with ThreadPoolExecutor(at_once, thread_name_prefix="posreturns batch") as pool:
            while not self.stop:
                events = [e for e in self.up.outbox.chains(self.up.clock.now(), size * at_once)
                          if e.seq not in self.tried]
                sealed, refused, stopped = [], [], set()
                for event in events:  # a changed event is refused here; its order's later events wait for it
                    if event.order_key in stopped:
                        continue
                    if _tampered(event):
                        refused.append((event, _tamper_refusal(event)))
                        stopped.add(event.order_key)
                    else:
                        sealed.append(event)
                if not events or not self._begin(sealed + [e for e, _ in refused]):
                    return
                sent = [pool.submit(self._push_batch, batch, lease) for batch in _whole_orders(sealed, at_once)]
                attempted, reachable = list(refused), True
                for batch_sent in sent:
                    answers, ok = batch_sent.result()
                    reachable = reachable and ok
                    attempted += [(e, answers[e.event_id]) for e in sealed if e.event_id in answers]
                if self.stop:  # a newer uploader holds the lease: mark nothing
                    return
                self.tried.update(e.seq for e, _ in attempted)
                self._record(attempted, reachable)
                if not attempted:
                    return

    def _push_batch(self, sealed: list[PendingEvent], lease: Lease) -> tuple[dict[str, PushResult], bool]:
        """The OMS's answers to one batch by event id; (answers, OMS reachable). A lost lease stops the run."""
        # only called when `_batch_limit` found that the gateway takes batches
        push_batch: Callable[..., dict[str, PushResult]] = cast(BatchGateway, self.up.gateway).push_batch
        try:
            lease()
            return push_batch(sealed, lease), True
        except LeaseLost as error:
            if error.newest is not None:  # a till database older than what the OMS saw: catch up
                self.up.outbox.raise_token(error.newest, self.up.clock.now())
            self.report.lost_lock, self.stop = True, True
            return {}, True
        except OmsUnavailable as error:
            heads = {e.order_key: e for e in reversed(sealed)}  # the first event of each order
            return {e.event_id: PushResult.retry(str(error), error.retry_after) for e in heads.values()}, False
        except Exception as error:  # a connector bug must not stop the queue nor lose the events
            log.exception("a batch of %d events could not be sent", len(sealed))
            heads = {e.order_key: e for e in reversed(sealed)}
            return {e.event_id: PushResult.retry(f"{type(error).__name__}: {error}"[:300])
                    for e in heads.values()}, True

    # -- shared ---------------------------------------------------------------------------------------
    def _begin(self, events: list[PendingEvent]) -> bool:
        if self.up.outbox.begin(self.up.owner, events, self.up.clock.now()):
            return True
        self.report.lost_lock, self.stop = True, True
        return False

    def _push(self, event: PendingEvent, lease: Lease) -> tuple[PushResult, bool]:
        """The gateway's answer; (result, OMS reachable). Nothing raised here stops the till."""
        if _tampered(event):
            return _tamper_refusal(event), True
        try:
            lease()
            if self.up.fenced:
                return self.up.gateway.push(event, fence=lease), True
            return self.up.gateway.push(event), True
        except LeaseLost as error:
            return PushResult.retry(f"not sent: {error}"), True
        except OmsUnavailable as error:
            return PushResult.retry(str(error), error.retry_after), False
        except Exception as error:  # a connector bug must not stop the queue nor lose the event
            log.exception("event %s (%s) could not be sent", event.seq, event.event_type)
            return PushResult.retry(f"{type(error).__name__}: {error}"[:300]), True

    def _record(self, results: list[tuple[PendingEvent, PushResult]], reachable: bool) -> None:
        now = self.up.clock.now()
        rows: list[tuple[PendingEvent, PushResult, Any]] = []
        for event, result in results:
            self.report.counts[result.outcome.value] += 1
            when = None
            if result.outcome is Outcome.RETRY:
                when = self.up.backoff.next_attempt(now, event.attempts + 1, result.retry_after)
                if not reachable:
                    self.report.online, self.report.error, self.stop = False, result.reason, True
            elif result.outcome is Outcome.REJECTED:
                log.warning("event %s (%s) refused by the OMS: %s", event.seq, event.event_type, result.reason)
            rows.append((event, result, when))
        if not self.up.outbox.record(self.up.owner, rows, now):
            self.report.lost_lock, self.stop = True, True
            return
        self.done += len(rows)
        if self.progress:
            self.progress("upload", self.done, max(self.total, self.done))


def _tampered(event: PendingEvent) -> bool:
    """Never to be sent: changed after it was written, or practised on a training till."""
    stored = event.payload.get("payload_sha256")
    return event.payload.get("training") is True or (bool(stored) and stored != fingerprint(event.payload))


def _tamper_refusal(event: PendingEvent) -> PushResult:
    if event.payload.get("training") is True:
        return PushResult(Outcome.REJECTED, f"Event {event.seq} belongs to a training return; it is never sent "
                                            "to the OMS.")
    return PushResult(Outcome.REJECTED, f"Event {event.seq} was changed after it was written (its fingerprint "
                                        "no longer matches), so it was not sent.")
