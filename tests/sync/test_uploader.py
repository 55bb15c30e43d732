"""The uploader over a real SQLite outbox and a hand-written fake OMS: order, batches, results,
backoff kept in the row, held aggregates, the exception queue, the lock."""

from __future__ import annotations

import threading

import pytest
from helpers.clock import SettableClock
from helpers.sync import add_event, add_return, outbox_rows, return_payload

from posreturns.app import Till
from posreturns.domain.utc import format_utc
from posreturns.persistence.outbox import SqlOutbox
from posreturns.persistence.outbox_exceptions import SqlExceptionQueue
from posreturns.services.returns.events import fingerprint
from posreturns.services.sync_ports import OmsUnavailable, Outcome, PendingEvent, PushResult
from posreturns.sync.backoff import Backoff
from posreturns.sync.uploader import Uploader


class FakeOms:
    """Answers from a script per event id (default: applied); records what it was sent."""

    name = "fake"

    def __init__(self) -> None:
        self.sent: list[PendingEvent] = []
        self.script: dict[str, list[PushResult | Exception]] = {}

    def push(self, event: PendingEvent, fence: object = None) -> PushResult:
        self.sent.append(event)
        answers = self.script.get(event.event_id) or []
        answer = answers.pop(0) if answers else PushResult(Outcome.APPLIED)
        if isinstance(answer, Exception):
            raise answer
        return answer


def uploader(till: Till, oms: FakeOms, clock: SettableClock, owner: str = "me", batch: int = 50) -> Uploader:
    return Uploader(SqlOutbox(till.engine), oms, clock, Backoff(random=lambda: 1.0), owner, batch=batch)  # type: ignore[arg-type]


def test_events_go_in_sequence_order_in_batches_and_are_marked(till: Till) -> None:
    ids = [add_return(till.engine) for _ in range(7)]
    oms, clock = FakeOms(), SettableClock()
    report = uploader(till, oms, clock, batch=3).run()
    assert [e.event_id for e in oms.sent] == ids
    assert report.counts["applied"] == 7
    assert {r.status for r in outbox_rows(till.engine)} == {"applied"}
    assert uploader(till, oms, clock).run().sent == 0


def test_an_unreachable_oms_stops_the_run_and_the_schedule_is_kept_in_the_row(till: Till) -> None:
    first, second = add_return(till.engine), add_return(till.engine)
    oms, clock = FakeOms(), SettableClock()
    oms.script[first] = [OmsUnavailable("down"), OmsUnavailable("down")]
    report = uploader(till, oms, clock).run()
    assert not report.online and [e.event_id for e in oms.sent] == [first]
    row = outbox_rows(till.engine)[0]
    assert (row.status, row.attempts, row.next_attempt_at) == ("pending", 1, format_utc(clock.moment.timestamp() + 1))
    clock.advance(1)
    uploader(till, oms, clock).run()
    assert outbox_rows(till.engine)[0].next_attempt_at == format_utc(clock.moment.timestamp() + 2)  # doubled
    clock.advance(2)
    uploader(till, oms, clock).run()
    assert [r.status for r in outbox_rows(till.engine)] == ["applied", "applied"]
    assert [e.event_id for e in oms.sent] == [first, first, first, second]


def test_retry_after_from_the_oms_is_honoured(till: Till) -> None:
    event = add_return(till.engine)
    oms, clock = FakeOms(), SettableClock()
    oms.script[event] = [OmsUnavailable("busy", retry_after=120)]
    uploader(till, oms, clock).run()
    clock.advance(119)
    uploader(till, oms, clock).run()
    assert len(oms.sent) == 1
    clock.advance(1)
    uploader(till, oms, clock).run()
    assert len(oms.sent) == 2 and outbox_rows(till.engine)[0].status == "applied"


@pytest.mark.allow_warning_logs
def test_a_rejection_holds_later_events_of_its_order_only(till: Till) -> None:
    refused = add_return(till.engine, return_id="R1", order_id="order_1")
    follower = add_return(till.engine, return_id="R2", order_id="order_1")   # a later return of the same sale
    other = add_return(till.engine, return_id="R3", order_id="order_2")
    oms, clock = FakeOms(), SettableClock()
    oms.script[refused] = [PushResult(Outcome.REJECTED, "Cannot request to return more items than what was fulfilled")]
    report = uploader(till, oms, clock).run()
    assert sorted(e.event_id for e in oms.sent) == sorted([refused, other])
    assert report.counts["rejected"] == 1 and report.counts["applied"] == 1
    assert [r.status for r in outbox_rows(till.engine)] == ["rejected", "held", "applied"]
    items = SqlExceptionQueue(till.engine).exceptions()
    assert [(i.event_id, i.status) for i in items] == [(refused, "rejected"), (follower, "held")]
    assert "more items than what was fulfilled" in (items[0].reason or "")


@pytest.mark.allow_warning_logs
def test_resolving_an_exception_by_retry_or_dismiss_releases_the_order_and_tells_the_oms(till: Till) -> None:
    refused = add_return(till.engine, return_id="R1")
    follower = add_return(till.engine, return_id="R2")
    oms, clock = FakeOms(), SettableClock()
    oms.script[refused] = [PushResult(Outcome.REJECTED, "no"), PushResult(Outcome.REJECTED, "still no")]
    uploader(till, oms, clock).run()
    queue = SqlExceptionQueue(till.engine)
    queue.resolve(1, "retry", "mgr1", clock.now())
    uploader(till, oms, clock).run()
    assert [r.status for r in outbox_rows(till.engine)] == ["rejected", "held", "held"]
    queue.resolve(1, "dismiss", "mgr1", clock.now(), note="customer called, voucher voided")
    uploader(till, oms, clock).run()
    assert [e.event_type for e in oms.sent] == ["ReturnCompleted"] * 3 + ["ExceptionResolved"] * 2
    assert [e.event_id for e in oms.sent][:3] == [refused, refused, follower]
    retried, dismissed = (e.payload["data"] for e in oms.sent[3:])
    assert (retried["resolution"], dismissed["resolution"]) == ("retry", "dismiss")
    assert dismissed["refused_event_id"] == refused and dismissed["note"] == "customer called, voucher voided"
    assert dismissed["resolved_by"] == "mgr1" and dismissed["return_number"] == "R-R1"
    assert oms.sent[2].context == {"released_by": {"seq": 1, "event_id": refused,
                                                   "event_type": "ReturnCompleted", "resolution": "dismiss"}}
    assert [r.status for r in outbox_rows(till.engine)] == ["rejected", "applied", "applied", "applied"]
    assert queue.exceptions() == [] and SqlOutbox(till.engine).stats(clock.now()).pending == 0


def test_a_postponed_event_holds_its_order_but_not_the_others(till: Till) -> None:
    slow = add_return(till.engine, return_id="R1", order_id="order_1")
    behind = add_return(till.engine, return_id="R2", order_id="order_1")
    other = add_return(till.engine, return_id="R3", order_id="order_2")
    oms, clock = FakeOms(), SettableClock()
    oms.script[slow] = [PushResult.retry("order locked by another change")]
    uploader(till, oms, clock).run()
    assert sorted(e.event_id for e in oms.sent) == sorted([slow, other])
    clock.advance(1)
    uploader(till, oms, clock).run()
    assert [e.event_id for e in oms.sent][2:] == [slow, behind]


@pytest.mark.allow_warning_logs
def test_a_connector_bug_is_a_retry_not_a_crash(till: Till) -> None:
    event = add_return(till.engine)
    oms, clock = FakeOms(), SettableClock()
    oms.script[event] = [KeyError("items")]
    report = uploader(till, oms, clock).run()
    assert report.online and report.counts["retry"] == 1
    assert "KeyError" in (outbox_rows(till.engine)[0].last_error or "")


def test_only_one_uploader_holds_the_lock_until_its_lease_ends(till: Till) -> None:
    add_return(till.engine)
    outbox, clock = SqlOutbox(till.engine), SettableClock()
    assert outbox.acquire("host-a:1:x", clock.now(), 60)
    report = uploader(till, FakeOms(), clock, owner="host-b:2:y").run()
    assert report.locked_out and outbox_rows(till.engine)[0].status == "pending"
    clock.advance(61)
    assert uploader(till, FakeOms(), clock, owner="host-b:2:y").run().counts["applied"] == 1


def test_an_uploader_that_lost_its_lock_marks_nothing(till: Till) -> None:
    event = add_return(till.engine)
    outbox, clock = SqlOutbox(till.engine), SettableClock()
    assert outbox.acquire("a", clock.now(), 60)
    clock.advance(61)
    assert outbox.acquire("b", clock.now(), 60)
    pending = outbox.due(clock.now(), 10)[0]
    assert not outbox.settle("a", pending, PushResult(Outcome.APPLIED), clock.now())
    assert outbox_rows(till.engine)[0].status == "pending" and pending.event_id == event


@pytest.mark.allow_warning_logs
def test_an_event_changed_after_it_was_written_is_refused_not_sent(till: Till) -> None:
    sealed = return_payload("e-sealed", "R1", order_id="order_1")
    sealed["payload_sha256"] = fingerprint(sealed)
    tampered = return_payload("e-tampered", "R2", order_id="order_2")
    tampered["payload_sha256"] = fingerprint(tampered)
    tampered["data"]["refund_total_minor"] += 100                 # edited in the database afterwards
    legacy = return_payload("e-legacy", "R3", order_id="order_3")  # written before fingerprints existed
    for payload in (sealed, tampered, legacy):
        add_event(till.engine, payload)
    oms, clock = FakeOms(), SettableClock()
    report = uploader(till, oms, clock).run()
    assert sorted(e.event_id for e in oms.sent) == ["e-legacy", "e-sealed"]
    assert report.counts["rejected"] == 1
    (item,) = SqlExceptionQueue(till.engine).exceptions()
    assert item.event_id == "e-tampered" and "changed after it was written" in (item.reason or "")


@pytest.mark.allow_warning_logs  # the refusal is logged like any other
def test_an_event_of_a_training_return_is_never_sent(till: Till) -> None:
    import uuid

    training = str(uuid.uuid4())
    add_event(till.engine, {**return_payload(training, "ret-training"), "training": True})
    real = add_return(till.engine, order_id="order_2")  # another order: not held behind the refused one
    oms, clock = FakeOms(), SettableClock()
    report = uploader(till, oms, clock).run()
    assert [e.event_id for e in oms.sent] == [real]
    assert report.counts["rejected"] == 1
    (refused,) = [e for e in SqlExceptionQueue(till.engine).exceptions() if e.event_id == training]
    assert "training return" in (refused.reason or "")


class FakeBatchOms(FakeOms):
    """Takes batches, and says it runs `at_once` processes: the batches of one round must be in flight
    together (each waits for the others, else the barrier breaks and the batch is answered with an error)."""

    def __init__(self, at_once: int) -> None:
        super().__init__()
        self.at_once = at_once
        self.batches: list[list[PendingEvent]] = []
        self.together = threading.Barrier(at_once, timeout=20)

    def batch_limit(self) -> int:
        return 100

    def batches_at_once(self) -> int:
        return self.at_once

    def push_batch(self, events: list[PendingEvent], fence: object = None) -> dict[str, PushResult]:
        self.batches.append(list(events))
        self.together.wait()
        return {e.event_id: PushResult(Outcome.APPLIED) for e in events}


def test_an_oms_of_two_processes_gets_two_batches_at_once_each_with_whole_orders_in_order(till: Till) -> None:
    orders = [f"order_{n}" for n in range(6)]
    ids = {order: [add_return(till.engine, order_id=order) for _ in range(2)] for order in orders}
    oms = FakeBatchOms(at_once=2)
    report = uploader(till, oms, SettableClock()).run()
    assert report.counts["applied"] == 12 and len(oms.batches) == 2
    assert sorted(len(batch) for batch in oms.batches) == [6, 6]
    for batch in oms.batches:
        sent = [e.event_id for e in batch]
        for order in {e.order_key for e in batch}:
            assert [i for i in sent if i in ids[order]] == ids[order]   # the whole order, in order
    assert {r.status for r in outbox_rows(till.engine)} == {"applied"}
