"""The window's sync thread (`SyncWorker`) with a fake OMS over a real till database: it runs,
the status it shows is the engine's, `stop()` wakes it from its idle wait and joins it, and a
gateway that raises an unexpected exception does not end the loop."""

from __future__ import annotations

import threading

import pytest
from helpers.sync import add_return, outbox_rows

from posreturns.app import Till, open_sync
from posreturns.services.canonical import FORMAT
from posreturns.services.sync_ports import Outcome, PendingEvent, PulledPage, PushResult
from posreturns.sync.worker import SyncWorker

WAIT = 30.0  # generous bound for a thread to get going on a loaded machine; never reached when it works


class FakeGateway:
    """One empty stream; `failures` pulls raise a RuntimeError first; `pulled` is set after the
    first pull that worked."""

    name = "fake"

    def __init__(self, failures: int = 0) -> None:
        self.failures = failures
        self.pulls = 0
        self.pushed: list[str] = []
        self.pulled = threading.Event()

    def streams(self) -> tuple[str, ...]:
        return ("stores",)

    def pull(self, stream: str, cursor: str | None, limit: int) -> PulledPage:
        self.pulls += 1
        if self.failures:
            self.failures -= 1
            raise RuntimeError("a bug in the connector")
        self.pulled.set()
        return PulledPage(stream, {"format": FORMAT}, None, False, 0, 0)

    def fetch_order(self, number: str) -> None:
        return None

    def push(self, event: PendingEvent) -> PushResult:
        self.pushed.append(event.event_id)
        return PushResult(Outcome.APPLIED)


def test_the_worker_runs_shows_online_and_stops_at_once(till: Till) -> None:
    event = add_return(till.engine)
    gateway = FakeGateway()
    worker = SyncWorker(open_sync(till, gateway=gateway))   # idle 60 s between runs: stop() must wake it
    worker.start()
    worker.start()                                          # a second start does not add a thread
    try:
        assert gateway.pulled.wait(WAIT), "no sync run happened"
        assert [t.name for t in threading.enumerate()].count("posreturns sync") == 1
    finally:
        worker.stop(timeout=WAIT)
    assert not worker.running                               # woken from its idle wait and joined
    assert gateway.pushed == [event] and outbox_rows(till.engine)[0].status == "applied"
    status = worker.status()
    assert status["online"] is True and status["oms"] == "fake" and status["outbox_size"] == 0
    assert status["last_error"] is None and gateway.pulls == 1


@pytest.mark.allow_warning_logs
def test_a_gateway_that_raises_does_not_end_the_loop(till: Till) -> None:
    gateway = FakeGateway(failures=2)
    worker = SyncWorker(open_sync(till, gateway=gateway), offline_seconds=0.01)
    worker.start()
    try:
        assert gateway.pulled.wait(WAIT), "the loop ended after the failures"
    finally:
        worker.stop(timeout=WAIT)
    assert not worker.running and gateway.pulls == 3       # two failed runs, then one that worked
    assert worker.status()["online"] is True


@pytest.mark.allow_warning_logs
def test_a_failed_run_is_recorded_for_the_status_bar(till: Till) -> None:
    gateway = FakeGateway(failures=1)
    engine = open_sync(till, gateway=gateway)
    runs = iter([False, True])                              # one run, then stop
    engine.run_forever(lambda: next(runs), sleep=lambda seconds: None)
    status = engine.status()
    assert status["online"] is False and "RuntimeError: a bug in the connector" in (status["last_error"] or "")


def test_a_nudge_sends_a_new_return_without_waiting_for_the_idle_time(till: Till) -> None:
    gateway = FakeGateway()
    worker = SyncWorker(open_sync(till, gateway=gateway))   # idle 60 s between runs
    worker.start()
    try:
        assert gateway.pulled.wait(WAIT), "no sync run happened"
        event = add_return(till.engine, line="l2")
        gateway.pulled.clear()
        worker.nudge()                                      # what the window does after a return
        assert gateway.pulled.wait(WAIT), "the nudge did not start a run"
    finally:
        worker.stop(timeout=WAIT)
    assert event in gateway.pushed
