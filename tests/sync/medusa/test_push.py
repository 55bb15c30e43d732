"""What the Medusa connector does with events that need no call: stock moved by returns and
exchanges, a stock move of another kind (refused, never silently dropped), a voucher without a
Medusa order or customer. The client points at a closed port: any call would fail the test."""

from __future__ import annotations

from typing import Any

from posreturns.services.sync_ports import Outcome, PendingEvent
from posreturns.sync.medusa.push import MedusaPusher
from posreturns.sync.medusa.reference import ReferenceData
from posreturns.sync.wire import HttpJsonClient


def event(event_type: str, data: dict[str, Any]) -> PendingEvent:
    payload = {"event_id": "e1", "event_type": event_type, "device": {"store_id": "PARIS-01"}, "data": data}
    return PendingEvent(1, "e1", "T1", "stock_adjustment", "r1", event_type, 1, payload, 0)


def pusher() -> MedusaPusher:
    client = HttpJsonClient("http://127.0.0.1:9", None, timeout=(0.01, 0.01))
    return MedusaPusher(client, "EUR", ReferenceData(client))


def test_stock_moved_by_returns_and_exchanges_needs_no_call() -> None:
    deltas = [{"sku": "TEE-ORG-S", "location": "PARIS-01", "bucket": "sellable", "delta": 1, "reason": "return"},
              {"sku": "SHOE-RUN-43", "location": "PARIS-01", "bucket": "quarantine", "delta": 1, "reason": "return"},
              {"sku": "TEE-ORG-L", "location": "PARIS-01", "bucket": "sellable", "delta": -1, "reason": "exchange"}]
    result = pusher().push(event("StockAdjusted", {"deltas": deltas}))
    assert (result.outcome, result.detail) == (Outcome.APPLIED, {"covered_by_returns": 3})


def test_any_other_stock_move_is_refused_not_dropped() -> None:
    deltas = [{"sku": "TEE-ORG-S", "location": "PARIS-01", "bucket": "sellable", "delta": -2, "reason": "count"}]
    result = pusher().push(event("StockAdjusted", {"deltas": deltas}))
    assert result.outcome is Outcome.REJECTED
    assert result.reason == ("Medusa is only sent stock moves of returns and exchanges, not 'count' for TEE-ORG-S; "
                             "set that level in Medusa by hand.")


def test_a_voucher_without_a_medusa_order_or_customer_stays_on_the_till() -> None:
    result = pusher().push(event("VoucherIssued", {"code": "V-AAAA-BBBB", "amount_minor": 1000, "currency": "EUR",
                                                   "customer_id": None, "order_id": None}))
    assert result.outcome is Outcome.APPLIED and "on the till only" in result.detail["recorded"]
