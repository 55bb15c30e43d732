"""One uploader, provably, with a slow OMS (the scripted one, every request slowed down): the lease is
renewed by a heartbeat while a long upload goes on, so a second uploader never gets in; and an
uploader frozen in the middle of a push (SIGSTOP) past its lease is taken over, after which it
applies no further step and marks nothing, while every event is applied exactly once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from helpers.fake_medusa import KEY, FakeMedusa
from helpers.sync import add_return, outbox_rows

from posreturns.app import Till
from posreturns.persistence.outbox import SqlOutbox
from posreturns.services.clock import SystemClock
from posreturns.sync.backoff import Backoff
from posreturns.sync.medusa.gateway import MedusaConfig, MedusaGateway
from posreturns.sync.uploader import Uploader, UploadReport
from posreturns.sync.wire import HttpJsonClient

HERE = Path(__file__).parent
ROOT = HERE.parents[1]


def uploader(till: Till, oms: FakeMedusa, owner: str, lease: float, heartbeat: float = 10.0) -> Uploader:
    gateway = MedusaGateway(MedusaConfig(oms.url, KEY), SystemClock(), HttpJsonClient(oms.url, (KEY, "")))
    return Uploader(SqlOutbox(till.engine), gateway, SystemClock(), Backoff(random=lambda: 0.0), owner,
                    lease_seconds=lease, heartbeat_seconds=heartbeat)


def assert_exactly_once(till: Till, oms: FakeMedusa, events: list[str]) -> None:
    for event in events:
        returns = oms.returns_for(event)
        assert len(returns) == 1 and returns[0]["status"] == "received", event
        assert len(oms.refunds_for(event)) == 1, event
    assert {r.status for r in outbox_rows(till.engine)} <= {"applied", "duplicate"}


def test_a_slow_upload_keeps_its_lease_and_a_second_uploader_never_gets_in(till: Till, oms: FakeMedusa) -> None:
    events = [add_return(till.engine, line=f"l{i}") for i in range(1, 7)]
    oms.delay = 0.1                      # ~8 requests per return: the upload lasts several leases of 1.5 s
    report: list[UploadReport] = []
    first = threading.Thread(target=lambda: report.append(uploader(till, oms, "host:1:a", 1.5, 0.25).run()))
    first.start()
    while not oms.log:
        time.sleep(0.01)
    refused = 0
    while first.is_alive():
        second = uploader(till, oms, "host:1:b", 1.5).run()
        assert second.locked_out and second.sent == 0
        refused += 1
        time.sleep(0.3)
    first.join()
    assert refused >= 5, "the upload was not slow enough to outlast the lease several times"
    assert report[0].counts["applied"] == len(events) and not report[0].lost_lock
    assert_exactly_once(till, oms, events)


def test_a_frozen_uploader_is_taken_over_and_then_applies_nothing(till: Till, oms: FakeMedusa, tmp_path: Path) -> None:
    events = [add_return(till.engine, line=f"l{i}") for i in range(1, 5)]
    oms.delay = 0.05
    oms.fault("POST", "receive-items", "hold")   # the first uploader's answer waits while it is frozen
    # no heartbeat in the frozen one: frozen in the middle of a heartbeat's write it would hold SQLite's
    # write lock, and nobody could take anything over (the slow-upload test covers the heartbeat)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(HERE.parent), str(ROOT)]),
           "SYNC_CHILD_LEASE": "3", "SYNC_CHILD_HEARTBEAT": "600", "SYNC_CHILD_READ_TIMEOUT": "120"}
    child = subprocess.Popen([sys.executable, str(HERE / "sync_child.py"), str(tmp_path / "data"), oms.url],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert oms.committed.wait(60), "the first uploader never reached the held step"
        os.kill(child.pid, signal.SIGSTOP)            # frozen mid-push: no heartbeat any more
        time.sleep(3.5)                               # its lease runs out
        taken = uploader(till, oms, "host:2:b", 30).run()
        assert not taken.locked_out and taken.counts["applied"] + taken.counts["duplicate"] == len(events)
        assert_exactly_once(till, oms, events)
        after = len(oms.log)
    finally:
        oms.release.set()
        os.kill(child.pid, signal.SIGCONT)
    out, errors = child.communicate(timeout=60)
    frozen = json.loads(out.strip().splitlines()[-1])
    assert frozen["lost_lock"] and frozen["counts"]["retry"] == 1, errors      # its answer came, then the fence
    assert [m for m, _ in oms.log[after:] if m != "GET"] == [], oms.log[after - 3:]   # and applied no further step
    assert_exactly_once(till, oms, events)
    assert SqlOutbox(till.engine).holder() is None
