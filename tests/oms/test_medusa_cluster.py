"""The posreturns plugin in a Medusa started with `--cluster 2` (two Node processes, PostgreSQL locking), on
the session's database: a replaced uploader is refused by both processes, also while its batch is under
way in one of them; two tills returning lines of one sale at once through the two processes are applied
one after the other (one unit returned once, restocked once, refunded once)."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from helpers.medusa import make_order, medusa_returns, open_store_till, refunds, request, resent, stocked
from helpers.returns import CASHIER, line

from oms import harness
from posreturns.persistence.outbox import SqlOutbox
from posreturns.services.sync_ports import LeaseLost, Outcome, PendingEvent, PushResult
from posreturns.sync.medusa.plugin import PluginBatches
from posreturns.sync.wire import HttpJsonClient

pytestmark = [pytest.mark.oms, pytest.mark.allow_warning_logs]


@pytest.fixture(scope="module")
def processes(medusa: Any) -> Iterator[list[PluginBatches]]:
    """The plugin's batch route in each of the two processes of a cluster Medusa (a client's connection
    stays with the process that accepted it; the cluster hands new ones out in turn)."""
    cluster = harness.start_cluster(medusa.state, workers=2)
    found: dict[int, PluginBatches] = {}
    try:
        for _ in range(20):
            client = HttpJsonClient(cluster["medusa"]["base_url"], (medusa.api_key, ""))
            pid = int(client.get("/admin/posreturns")["process_id"])
            if pid in found:
                client.close()
                continue
            found[pid] = PluginBatches(client, "EUR")
            if len(found) == 2:
                break
        assert len(found) == 2, "the cluster Medusa answered from one process only"
        yield list(found.values())
    finally:
        for batches in found.values():
            batches.client.close()
        harness.stop_medusa(cluster["medusa"])


@dataclass
class Fence:
    """An uploader's lease as the plugin sees it: the till database's scope and the holder's token."""

    scope: str
    token: int

    def __call__(self) -> None:
        """The local lease is not what is tested here."""


def returned(tmp_path: Path, medusa: Any, till_id: str, sales: list[tuple[dict[str, Any], str]]) -> list[PendingEvent]:
    """A till of PARIS-01 that returned one unit of each (sale, SKU): its events waiting in the outbox."""
    till, engine = open_store_till(tmp_path / till_id, medusa, till_id=till_id)
    for n, (sale, sku) in enumerate(sales):
        till.lookup.find_receipt(str(sale["display_id"]))
        till.returns.complete(request(str(sale["display_id"]), line(sku), key=f"{till_id}-{n}", till_id=till_id),
                              CASHIER)
    pending = SqlOutbox(till.engine).chains(till.clock.now(), 100)
    engine.gateway.close()
    till.close()
    return pending


def returns_of(medusa: Any, sale: dict[str, Any]) -> list[str]:
    return [r["status"] for r in medusa_returns(medusa, sale["id"]) if r["status"] != "canceled"]


def test_a_replaced_uploader_is_refused_by_every_process_even_with_its_batch_under_way(
        tmp_path: Path, medusa: Any, processes: list[PluginBatches]) -> None:
    sales = [make_order(medusa, [("TEE-ORG-M", 4)]) for _ in range(2)]
    # each unit returned alone: each sale's events are applied one after the other
    events = returned(tmp_path, medusa, "T1", [(sale, "TEE-ORG-M") for sale in sales for _ in range(4)])
    before = stocked(medusa, "TEE-ORG-M")
    scope = f"cluster-{uuid.uuid4()}"
    old, new = processes
    answer: dict[str, PushResult] = {}
    pushing = threading.Thread(target=lambda: answer.update(old.push(events, Fence(scope, 1))))
    pushing.start()
    try:
        while not any(returns_of(medusa, sale) for sale in sales) and pushing.is_alive():
            threading.Event().wait(0.2)
        # a newer uploader of the till, admitted once the events under way end
        new.client.post("/admin/posreturns/events", {"till_id": "T1", "uploader": scope, "fence": 2, "events": []})
        made_before_the_new_one = sum(len(returns_of(medusa, sale)) for sale in sales)
    finally:
        pushing.join(timeout=300)
    assert 0 < len(answer) < len(events), answer                  # it stopped between events...
    assert {r.outcome for r in answer.values()} == {Outcome.APPLIED}
    assert sum(len(returns_of(medusa, sale)) for sale in sales) == made_before_the_new_one  # ...none after
    for process in processes:                                     # and neither process takes it back
        with pytest.raises(LeaseLost) as refused:
            process.push(events, Fence(scope, 1))
        assert refused.value.newest == 2
    caught_up = old.push([resent(e) for e in events], Fence(scope, 2))  # the new uploader sends them all again
    assert {r.outcome for r in caught_up.values()} <= {Outcome.APPLIED, Outcome.DUPLICATE}
    assert len(caught_up) == len(events)
    assert all(returns_of(medusa, sale) == ["received"] * 4 for sale in sales)
    assert stocked(medusa, "TEE-ORG-M") == before + 8             # each unit restocked once


def test_two_tills_returning_one_sale_through_two_processes_at_once_are_applied_one_after_the_other(
        tmp_path: Path, medusa: Any, processes: list[PluginBatches]) -> None:
    contested = make_order(medusa, [("TEE-ORG-L", 1)])
    shared = make_order(medusa, [("TEE-ORG-L", 1), ("SHOE-RUN-42", 1)])
    first = returned(tmp_path, medusa, "T7", [(contested, "TEE-ORG-L"), (shared, "TEE-ORG-L")])
    second = returned(tmp_path, medusa, "T8", [(contested, "TEE-ORG-L"), (shared, "SHOE-RUN-42")])
    tees, shoes = stocked(medusa, "TEE-ORG-L"), stocked(medusa, "SHOE-RUN-42")
    answers: list[dict[str, PushResult]] = [{}, {}]
    start = threading.Barrier(2)

    def push(n: int, events: list[PendingEvent]) -> None:
        start.wait()
        answers[n].update(processes[n].push(events, Fence(f"cluster-{uuid.uuid4()}", 1)))

    tills = [threading.Thread(target=push, args=(n, events)) for n, events in enumerate([first, second])]
    for till in tills:
        till.start()
    for till in tills:
        till.join(timeout=300)
    (contested_1, shared_1), (contested_2, shared_2) = (
        [answers[n][e.event_id].outcome for e in events if e.event_type == "ReturnCompleted"]
        for n, events in enumerate([first, second]))
    assert sorted([contested_1.value, contested_2.value]) == ["applied", "rejected"], answers
    assert shared_1 == shared_2 == Outcome.APPLIED, answers
    assert returns_of(medusa, contested) == ["received"]          # the unit returned once...
    assert sorted(returns_of(medusa, shared)) == ["received", "received"]
    assert len(refunds(medusa, contested["id"])) == 1             # ...refunded once...
    assert stocked(medusa, "TEE-ORG-L") == tees + 2               # ...and restocked once
    assert stocked(medusa, "SHOE-RUN-42") == shoes + 1
