"""The sync worker and receipt printing over thousands of events and print jobs, with the OMS and the
printer coming and going (bench/soak_services.py in a child process, see conftest.py): nothing lost,
nothing twice, memory, threads and file descriptors flat."""

from __future__ import annotations

import json
from typing import Any

import pytest

from posreturns.sync.uploader import WORKERS

EVENTS, JOBS = 2_000, 1_000  # conftest.SOAKS["services"]
# measured 4-12 MB, Python objects flat: allocator arenas of the threads (less with MALLOC_ARENA_MAX=1)
RSS_GROWTH_MB = 16
PYTHON_OBJECTS_GROWTH = 2_000


@pytest.mark.slow
@pytest.mark.soak("services")
@pytest.mark.timeout(1900)
def test_thousands_of_events_and_print_jobs_through_outages_leave_nothing_behind(soak_report: dict[str, Any]) -> None:
    report = soak_report
    print(json.dumps({key: value for key, value in report.items() if key != "samples"}))
    assert report["drained"] and report["outbox_pending"] == 0 and report["outbox_rejected"] == 0
    assert report["events"] == EVENTS and report["applied_once"] == EVENTS  # none lost, none twice
    assert report["outages"]["oms"] >= 10 and report["outages"]["printer"] >= 10
    assert report["kept_then_retried"] > 0 and report["unprinted"] == 0
    # Every document reached the printer. A second copy is allowed only for a job the till kept because
    # the printer never proved it printed (its answer lost in an outage or late on a loaded machine):
    # a duplicate receipt then, never a missing one, and never a copy of a job the printer confirmed.
    assert JOBS <= report["received_by_printer"] <= JOBS + report["kept_then_retried"]
    grew = report["growth_after_warm_up"]
    assert report["rss_mb"]["growth_after_warm_up"] < RSS_GROWTH_MB
    assert grew["python_threads"] == 0 and grew["os_threads"] == 0
    # A leak shows at rest: once drained, only the OMS keep-alive and the printer connection may be open.
    # While busy, each upload worker may hold its own keep-alive connection (one session per thread).
    fds = [reading["fds"] for reading in report["samples"][report["warm_up_samples"]:]]
    assert fds[-1] - fds[0] <= 2
    assert grew["fds"] <= WORKERS + 1
    assert grew["python_objects"] < PYTHON_OBJECTS_GROWTH
