"""Fault tests of the sync without Medusa: a scripted OMS on loopback (helpers/fake_medusa.py) that drops
responses after committing, answers 500 / 429 with Retry-After, hangs past the timeout or sends
malformed JSON; two uploaders at once; kill -9 between sending and marking; a restart mid-backoff.
After every scenario: each event applied exactly once, nothing lost, the queue drained."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from helpers.clock import SettableClock
from helpers.fake_medusa import KEY, FakeMedusa, order
from helpers.sync import add_return, outbox_rows

from posreturns.app import Till, open_till
from posreturns.persistence.outbox import SqlOutbox
from posreturns.persistence.outbox_exceptions import SqlExceptionQueue
from posreturns.sync.backoff import Backoff
from posreturns.sync.medusa.gateway import MedusaConfig, MedusaGateway
from posreturns.sync.uploader import Uploader, UploadReport
from posreturns.sync.wire import HttpJsonClient

HERE = Path(__file__).parent
ROOT = HERE.parents[1]


def upload(till: Till, oms: FakeMedusa, clock: SettableClock, owner: str = "tester") -> UploadReport:
    client = HttpJsonClient(oms.url, (KEY, ""), timeout=(0.5, 0.3), now=clock.now)
    gateway = MedusaGateway(MedusaConfig(oms.url, KEY), clock, client)
    try:
        return Uploader(SqlOutbox(till.engine), gateway, clock, Backoff(random=lambda: 1.0), owner).run()
    finally:
        client.close()


def drain(till: Till, oms: FakeMedusa, clock: SettableClock, runs: int = 20) -> None:
    for _ in range(runs):
        upload(till, oms, clock)
        if SqlOutbox(till.engine).stats(clock.now()).pending == 0:
            return
        clock.advance(400)  # past the largest backoff window


def assert_exactly_once(till: Till, oms: FakeMedusa, events: list[str]) -> None:
    for event in events:
        returns = oms.returns_for(event)
        assert len(returns) == 1 and returns[0]["status"] == "received", event
        assert len(oms.refunds_for(event)) == 1, event
    rows = outbox_rows(till.engine)
    assert [r.event_id for r in rows] == events                         # nothing lost
    assert {r.status for r in rows} <= {"applied", "duplicate"}        # every one acknowledged
    assert SqlOutbox(till.engine).stats(SettableClock().now()).pending == 0  # the queue is drained


@pytest.mark.parametrize("step", ["/admin/returns$", "request-items", "/request$", "receive-items",
                                  "receive/confirm", "/refund$"])
def test_a_response_dropped_after_the_oms_committed_changes_nothing(till: Till, oms: FakeMedusa, step: str) -> None:
    events = [add_return(till.engine, line="l1"), add_return(till.engine, line="l2")]
    oms.fault("POST", step, "drop")
    clock = SettableClock()
    first = upload(till, oms, clock)
    assert not first.online and first.counts["retry"] == 1
    drain(till, oms, clock)
    assert_exactly_once(till, oms, events)


def test_500_then_429_with_retry_after_then_success(till: Till, oms: FakeMedusa) -> None:
    events = [add_return(till.engine)]
    oms.fault("POST", "/admin/returns$", "500")
    oms.fault("POST", "/admin/returns$", "429:90")
    clock = SettableClock()
    upload(till, oms, clock)
    assert outbox_rows(till.engine)[0].attempts == 1
    clock.advance(1)
    upload(till, oms, clock)                      # 429, Retry-After: 90
    clock.advance(89)
    upload(till, oms, clock)                      # too early: nothing is sent
    assert [p for m, p in oms.log if m == "POST"].count("/admin/returns") == 2
    clock.advance(1)
    upload(till, oms, clock)
    assert_exactly_once(till, oms, events)


def test_a_hang_past_the_timeout_then_a_resend_applies_once(till: Till, oms: FakeMedusa) -> None:
    events = [add_return(till.engine)]
    oms.fault("POST", "receive/confirm", "hang:0.6")
    clock = SettableClock()
    report = upload(till, oms, clock)
    assert "did not answer in time" in (report.error or "")
    drain(till, oms, clock)
    assert_exactly_once(till, oms, events)


def test_malformed_json_is_a_clear_retry_not_a_crash(till: Till, oms: FakeMedusa) -> None:
    events = [add_return(till.engine)]
    oms.fault("POST", "/admin/returns$", "malformed")
    oms.fault("GET", "/admin/orders/", "malformed")
    clock = SettableClock()
    upload(till, oms, clock)
    assert "unreadable answer" in (outbox_rows(till.engine)[0].last_error or "")
    drain(till, oms, clock)
    assert_exactly_once(till, oms, events)


def test_a_restart_in_the_middle_of_a_backoff_keeps_the_schedule(till: Till, oms: FakeMedusa, tmp_path: Path) -> None:
    events = [add_return(till.engine)]
    oms.fault("GET", "/admin/orders/", "500", times=3)
    clock = SettableClock()
    for wait in (0, 10, 10):
        clock.advance(wait)
        upload(till, oms, clock)
    scheduled = outbox_rows(till.engine)[0]
    assert scheduled.attempts == 3
    till.close()
    reopened = open_till(tmp_path / "data")  # a new process would see the same row
    try:
        before = len(oms.log)
        upload(reopened, oms, clock)
        assert len(oms.log) == before       # still inside the 4 s window: nothing sent
        clock.advance(4)
        upload(reopened, oms, clock)
        assert_exactly_once(reopened, oms, events)
    finally:
        reopened.close()


@pytest.mark.allow_warning_logs
def test_a_refused_event_goes_to_the_exception_queue_and_the_queue_goes_on(till: Till, oms: FakeMedusa) -> None:
    oms.state.orders["order_1"]["items"][0]["detail"]["return_received_quantity"] = 1  # returned elsewhere
    for other in ("order_2", "order_3"):
        oms.state.orders[other] = order(other, {"l2": 1})
    refused = add_return(till.engine, line="l1", return_id="A")
    held = add_return(till.engine, line="l2", return_id="B")      # a later return of the same sale waits
    events = [add_return(till.engine, line="l2", order_id=o) for o in ("order_2", "order_3")]
    upload(till, oms, SettableClock())
    assert oms.returns_for(refused) == [] and oms.returns_for(held) == []
    items = SqlExceptionQueue(till.engine).exceptions()
    assert [(i.event_id, i.status) for i in items] == [(refused, "rejected"), (held, "held")]
    assert "only 0 unit(s)" in (items[0].reason or "")
    assert all(len(oms.returns_for(e)) == 1 for e in events)
    note = oms.state.orders["order_1"]["metadata"]["posreturns_refused_R-A"]   # head office sees it on the order
    assert (note["status"], note["amount"], note["till"]) == ("refused", "25.00", "T1")


def _child(data_dir: Path, url: str, *extra: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(HERE.parent), str(ROOT)])}
    return subprocess.Popen([sys.executable, str(HERE / "sync_child.py"), str(data_dir), url, *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def test_two_uploaders_started_at_once_never_send_the_same_event(till: Till, oms: FakeMedusa, tmp_path: Path) -> None:
    events = [add_return(till.engine, line=f"l{i}") for i in range(1, 9)]
    start = tmp_path / "go"
    children = [_child(tmp_path / "data", oms.url, str(start)) for _ in range(2)]
    start.touch()
    reports = [json.loads(child.communicate(timeout=60)[0]) for child in children]
    assert sum(r["counts"]["applied"] for r in reports) == len(events)
    assert sum(1 for m, p in oms.log if m == "POST" and p == "/admin/returns") == len(events)
    assert_exactly_once(till, oms, events)


def test_kill_9_between_sending_and_marking(till: Till, oms: FakeMedusa, tmp_path: Path) -> None:
    events = [add_return(till.engine, line="l1"), add_return(till.engine, line="l2")]
    oms.fault("POST", "/refund$", "block")
    child = _child(tmp_path / "data", oms.url)
    committed = oms.committed.wait(30)
    os.kill(child.pid, signal.SIGKILL)      # the OMS has done it; the till never heard back
    _, errors = child.communicate(timeout=10)
    assert committed, errors
    oms.release.set()
    assert [r.status for r in outbox_rows(till.engine)] == ["pending", "pending"]
    assert SqlOutbox(till.engine).holder() is not None   # the dead uploader's lock is still there
    drain(till, oms, SettableClock())                      # taken over at once: its process is gone
    assert_exactly_once(till, oms, events)
    assert [r.status for r in outbox_rows(till.engine)] == ["duplicate", "applied"]
