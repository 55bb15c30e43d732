"""An exchange made at the till becomes one Medusa exchange (against a real Medusa 2.21): the till
pulls, exchanges size M for size L (in stock here thanks to the pulled stock), syncs; Medusa holds
one exchange for the order, found again by its marker, with M received back into the store's stock
and L handed over from it. An answer lost at any step, or the event sent again, changes nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from integration.returns_support import line
from medusa_support import events, local_stock, make_order, open_store_till, mark_sent, refunds, request, resent, stocked

from posreturns.app import Till
from posreturns.persistence.outbox import SqlOutbox
from posreturns.services.sync_ports import OmsUnavailable

pytestmark = pytest.mark.oms
EXCHANGE_FIELDS = "id,return_id,metadata,canceled_at,*additional_items,additional_items.item.*"


def exchange_at_the_till(till: Till, engine: Any, medusa: Any, key: str) -> tuple[dict[str, Any], tuple[int, int]]:
    """Sell an M, pull, exchange it for an L at the till; (the Medusa sale, stock of M and L before)."""
    sale = make_order(medusa, [("TEE-ORG-M", 1)])
    before = stocked(medusa, "TEE-ORG-M"), stocked(medusa, "TEE-ORG-L")
    assert engine.run_once().online
    assert local_stock(till, "TEE-ORG-L") == stocked(medusa, "TEE-ORG-L") - medusa.stock("TEE-ORG-L")["reserved_quantity"]
    answer = till.returns.complete(request(str(sale["display_id"]), line("TEE-ORG-M"), method="exchange",
                                           exchange_lines=[{"code": "TEE-ORG-L", "qty": 1}], key=key))
    assert answer["refund_method"] == "exchange" and answer["exchange"]["difference"] == "0.00"
    return sale, before


def medusa_exchanges(medusa: Any, order_id: str) -> list[dict[str, Any]]:
    return list(medusa.admin.get("/admin/exchanges", order_id=order_id, fields=EXCHANGE_FIELDS)["exchanges"])


def assert_one_exchange(medusa: Any, till: Till, sale: dict[str, Any], before: tuple[int, int]) -> None:
    m_before, l_before = before
    (completed,) = [e for e in events(till) if e.event_type == "ReturnCompleted"]
    found = medusa_exchanges(medusa, sale["id"])
    assert len(found) == 1, found
    exchange = found[0]
    assert exchange["metadata"]["posreturns_event_id"] in completed.payload_json   # found again by its marker
    assert [(i["item"]["variant_sku"], i["quantity"]) for i in exchange["additional_items"]] == [("TEE-ORG-L", 1)]
    returned = medusa.admin.get(f"/admin/returns/{exchange['return_id']}", fields="id,status,location_id,*items")["return"]
    m_line = next(i["id"] for i in sale["items"] if i["variant_sku"] == "TEE-ORG-M")
    assert returned["status"] == "received" and returned["location_id"] == medusa.location_id("PARIS-01")
    assert [(i["item_id"], i["received_quantity"]) for i in returned["items"]] == [(m_line, 1)]
    order = medusa.admin.get(f"/admin/orders/{sale['id']}", fields="id,*items,items.detail.*,*summary")["order"]
    new_line = next(i for i in order["items"] if i["variant_sku"] == "TEE-ORG-L")
    assert new_line["detail"]["fulfilled_quantity"] == 1                       # handed over at the store
    assert stocked(medusa, "TEE-ORG-M") == m_before + 1
    assert stocked(medusa, "TEE-ORG-L") == l_before - 1
    assert medusa.stock("TEE-ORG-L")["reserved_quantity"] == 0
    assert order["summary"]["pending_difference"] == 0 and refunds(medusa, sale["id"]) == []
    assert {e.status for e in events(till)} <= {"applied", "duplicate"}



def test_an_exchange_at_the_till_becomes_one_medusa_exchange(store: tuple[Till, Any], medusa: Any) -> None:
    till, engine = store
    sale, before = exchange_at_the_till(till, engine, medusa, "x-1")
    event = SqlOutbox(till.engine).due(till.clock.now(), 10)[0]
    mark_sent(till, event)
    assert event.event_type == "ReturnCompleted"
    first = engine.gateway.push(event)     # applied, but say the answer was lost on the way back
    second = engine.gateway.push(resent(event))
    assert (first.outcome.value, second.outcome.value) == ("applied", "duplicate")
    assert second.detail["medusa_exchange_id"] == first.detail["medusa_exchange_id"]
    report = engine.run_once()
    assert report.online and report.upload.counts["rejected"] == 0, report.error
    assert_one_exchange(medusa, till, sale, before)
    local = till.lookup.find_receipt(str(sale["display_id"]))      # pulled back: counted once
    assert {li.sku: li.returned_qty for li in local.lines}.get("TEE-ORG-M") == 1


@pytest.mark.parametrize("step", [r"/admin/exchanges$", r"/exchanges/[^/]+/request$", r"/receive/confirm$",
                                  r"/fulfillments$"])
def test_an_answer_lost_at_any_step_of_an_exchange_changes_nothing(tmp_path: Path, medusa: Any, step: str) -> None:
    till, engine = open_store_till(tmp_path / "paris", medusa, lose=step)
    try:
        sale, before = exchange_at_the_till(till, engine, medusa, f"x-lost-{step}")
        event = SqlOutbox(till.engine).due(till.clock.now(), 10)[0]
        mark_sent(till, event)
        with pytest.raises(OmsUnavailable):
            engine.gateway.push(event)                   # Medusa did it; the till never heard back
        assert engine.gateway.client.lost, "the step was never reached"
        again = engine.gateway.push(resent(event))       # the uploader's resend
        assert again.outcome.value in ("applied", "duplicate"), again.reason
        engine.run_once()
        assert_one_exchange(medusa, till, sale, before)
    finally:
        engine.gateway.close()
        till.close()


def test_an_exchange_waits_while_another_change_locks_the_order(store: tuple[Till, Any], medusa: Any) -> None:
    till, engine = store
    sale, before = exchange_at_the_till(till, engine, medusa, "x-locked")
    blocking = medusa.admin.post("/admin/returns", {"order_id": sale["id"],          # opened in Medusa, left open
                                                    "location_id": medusa.location_id("LYON-02")})["return"]["id"]
    event = SqlOutbox(till.engine).due(till.clock.now(), 10)[0]
    mark_sent(till, event)
    waiting = engine.gateway.push(event)
    assert waiting.outcome.value == "retry" and "active order change" in (waiting.reason or "")
    assert medusa_exchanges(medusa, sale["id"]) == []
    medusa.admin.delete(f"/admin/returns/{blocking}/request")                          # the other change ends
    assert engine.gateway.push(resent(event)).outcome.value == "applied"
    engine.run_once()
    assert_one_exchange(medusa, till, sale, before)
