"""A batch through the posreturns plugin is one request when the plugin makes the held-stock and alert
steps itself (it names them in `steps`): the till tells it which units a return holds. An older plugin
(no `steps`) still gets those parts made by the till after the batch. A delivered exchange goes in the
batch only to a plugin that names `delivered_exchange` (0.3.0). The client is a recording fake:
the plugin's own behaviour is tested against the real Medusa (tests/oms)."""

from __future__ import annotations

import json
from typing import Any

from helpers.clock import SettableClock

from posreturns.services.sync_ports import Outcome, PendingEvent
from posreturns.sync.medusa.gateway import MedusaConfig, MedusaGateway
from posreturns.sync.wire import HttpJsonClient, NotFoundAtOms

HELD_RETURN = {"return_id": "r1", "return_number": "RPARIS-01-T1-7", "original_order": {"id": "order_1"},
               "lines": [{"sku": "SHOE-RUN-43", "qty": 2, "disposition": "INSPECT", "reason": "DEFECTIVE",
                          "condition": "USED", "note": "heel"},
                         {"sku": "TEE-ORG-S", "qty": 1, "disposition": "RESTOCK", "reason": "WRONG_SIZE"}]}


class Medusa(HttpJsonClient):
    """Answers the plugin's routes, applies every event; logs each request and any other call."""

    def __init__(self, offer: dict[str, Any]) -> None:
        super().__init__("http://127.0.0.1:9", None)
        self.offer = offer
        self.log: list[tuple[str, str]] = []
        self.batches: list[dict[str, Any]] = []

    def request(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        self.calls += 1
        self.log.append((method, path))
        if path == "/admin/posreturns":
            return self.offer
        if path == "/admin/posreturns/events":
            body = json.loads(kwargs["data"])
            self.batches.append(body)
            return {"results": [{"event_id": e["event_id"], "outcome": "applied", "detail": {}}
                                for e in body["events"]],
                    "timings": {"createReturnWorkflow": {"runs": len(body["events"]), "ms": 12}}}
        raise NotFoundAtOms(f"no {path} here", 404)


def held_return() -> PendingEvent:
    payload = {"event_id": "e1", "event_type": "ReturnCompleted", "device": {"store_id": "PARIS-01"},
               "data": HELD_RETURN}
    return PendingEvent(1, "e1", "T1", "return", "r1", "ReturnCompleted", 1, payload, 0, order_key="order_1")


def gateway(offer: dict[str, Any]) -> tuple[MedusaGateway, Medusa]:
    client = Medusa({"api": 1, "max_batch": 200, **offer})
    return MedusaGateway(MedusaConfig("http://127.0.0.1:9", "k"), SettableClock(), client=client), client


def test_a_plugin_that_makes_the_held_stock_step_gets_the_batch_in_one_request_with_the_held_units() -> None:
    medusa, client = gateway({"steps": ["held_stock", "staff_alerts"]})
    results = medusa.push_batch([held_return()])
    assert results["e1"].outcome is Outcome.APPLIED
    assert [path for method, path in client.log if method == "POST"] == ["/admin/posreturns/events"]
    (sent,) = client.batches[0]["events"]
    assert [(u["unit_id"], u["sku"], u["disposition"], u["note"]) for u in sent["context"]["held_units"]] == [
        ("UPARIS-01-T1-7-1", "SHOE-RUN-43", "INSPECT", "heel"),
        ("UPARIS-01-T1-7-2", "SHOE-RUN-43", "INSPECT", "heel")]
    assert medusa.batches.timings == {"createReturnWorkflow": {"runs": 1, "ms": 12}}


def test_an_older_plugin_gets_the_held_stock_step_made_by_the_till_after_the_batch() -> None:
    medusa, client = gateway({})
    medusa.push_batch([held_return()])
    after = [path for _, path in client.log if path not in ("/admin/posreturns", "/admin/posreturns/events")]
    assert after, "the till made no held-stock call after an older plugin's batch"


DELIVERED = {"return_id": "r2", "return_number": "RPARIS-01-T1-8", "original_order": {"id": "order_2"},
             "refund_method": "exchange", "lines": [{"sku": "TEE-ORG-M", "qty": 1, "disposition": "RESTOCK"}],
             "exchange": {"lines": [{"sku": "TEE-ORG-L", "qty": 1}],
                          "delivery": {"source": "LYON-02", "to": "store"}}}
DELIVERY_STOCK = {"deltas": [{"sku": "TEE-ORG-L", "location": "LYON-02", "bucket": "sellable", "delta": -1,
                              "reason": "exchange_delivery"}]}


def delivered(event_type: str, data: dict[str, Any], seq: int) -> PendingEvent:
    payload = {"event_id": f"d{seq}", "event_type": event_type, "device": {"store_id": "PARIS-01"}, "data": data}
    return PendingEvent(seq, f"d{seq}", "T1", "return", "r2", event_type, seq, payload, 0, order_key="order_2")


def test_a_delivered_exchange_goes_in_the_batch_to_a_plugin_that_applies_them() -> None:
    medusa, client = gateway({"steps": ["held_stock", "staff_alerts", "delivered_exchange"]})
    results = medusa.push_batch([delivered("ReturnCompleted", DELIVERED, 1),
                                 delivered("StockAdjusted", DELIVERY_STOCK, 2)])
    assert {r.outcome for r in results.values()} == {Outcome.APPLIED}
    assert [path for method, path in client.log if method == "POST"] == ["/admin/posreturns/events"]
    assert [e["event_id"] for e in client.batches[0]["events"]] == ["d1", "d2"]


def test_an_older_plugin_never_gets_a_delivered_exchange_nor_its_stock_move() -> None:
    medusa, client = gateway({"steps": ["held_stock", "staff_alerts"]})
    medusa.push_batch([delivered("ReturnCompleted", DELIVERED, 1)])   # through the Admin API (refused by the fake)
    stock = medusa.push_batch([delivered("StockAdjusted", DELIVERY_STOCK, 2)])
    assert ("POST", "/admin/posreturns/events") not in client.log
    assert ("GET", "/admin/stock-locations") in client.log           # the Admin API path's first read
    assert stock["d2"].detail == {"covered_by_returns": 1}
