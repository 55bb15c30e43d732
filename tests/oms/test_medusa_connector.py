"""The Medusa connector against a real Medusa 2.21 (the `medusa` fixture): pull the seeded data;
return an item offline, reconnect, sync, and find the return received and the stock back; the same
event sent twice makes one return; a line already returned elsewhere becomes an exception and the
queue goes on; two tills return the same line offline.

Each test makes its own orders (the harness's tests use the seeded ones), so the order of the
tests does not matter."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from helpers.medusa import (
    make_order,
    mark_sent,
    medusa_returns,
    open_store_till,
    refunds,
    request,
    resent,
    stocked,
)
from helpers.returns import CASHIER, line

from posreturns.app import Till
from posreturns.persistence.outbox import SqlOutbox
from posreturns.persistence.outbox_exceptions import SqlExceptionQueue
from posreturns.services.exception_events import exception_summary

pytestmark = pytest.mark.oms



def events(till: Till) -> list[Any]:
    with till.engine.connect() as connection:
        return connection.exec_driver_sql("SELECT seq, event_type, status, last_error, payload_json FROM outbox "
                                          "ORDER BY seq").all()


def test_the_pull_brings_orders_products_customers_and_stock(store: tuple[Till, Any], medusa: Any) -> None:
    till, engine = store
    report = engine.run_once()
    assert report.online and report.error is None, report.error
    seeded = medusa.order("two_lines_discount")
    order = till.lookup.find_receipt(str(seeded["display_id"]))
    assert order.id == seeded["id"] and order.total.minor == 10341           # 114.90 − 10 % = 103.41
    assert {li.sku: li.paid.minor for li in order.lines} == {"TEE-ORG-M": 2250, "SHOE-RUN-42": 8091}
    assert order.customer_name == "Camille Martin" and order.store_id == "PARIS-01"
    assert till.orders.sku_for_barcode(medusa.variant("TEE-ORG-L")["barcode"].zfill(14)) == "TEE-ORG-L"
    assert till.orders.sku_for_barcode(medusa.variant("TEE-ORG-L")["upc"].zfill(14)) == "TEE-ORG-L"
    with till.engine.connect() as connection:
        level = connection.exec_driver_sql("SELECT qty FROM stock_levels WHERE location = 'LYON-02' "
                                           "AND sku = 'TEE-ORG-L' AND bucket = 'sellable'").scalar()
    # what can be sold there: an exchange elsewhere in the suite may hold a reservation on it
    assert level == stocked(medusa, "TEE-ORG-L", "LYON-02") - medusa.stock("TEE-ORG-L", "LYON-02")["reserved_quantity"]
    status = engine.status()
    assert status["online"] and status["last_success_at"] and status["outbox_size"] == 0
    assert set(status["streams"]) == {"stores", "return_reasons", "products", "customers", "orders", "stock"}
    again = engine.run_once()
    assert again.pull.pulled.get("orders", 0) <= 6   # a delta: only what changed since (the boundary instant)
    assert again.pull.pulled.get("stock", 0) <= 2    # the stock too (the posreturns plugin lists the changes)
    item = medusa.variant("HP-STUDIO-BLK")["inventory_item_id"]
    medusa.admin.post(f"/admin/inventory-items/{item}/location-levels/{medusa.location_id('LYON-02')}",
                      {"stocked_quantity": 3 + stocked(medusa, "HP-STUDIO-BLK", "LYON-02")})
    third = engine.run_once()
    assert 1 <= third.pull.pulled.get("stock", 0) <= 3
    with till.engine.connect() as connection:
        lyon = connection.exec_driver_sql("SELECT qty FROM stock_levels WHERE location = 'LYON-02' AND "
                                          "sku = 'HP-STUDIO-BLK' AND bucket = 'sellable'").scalar()
    reserved = medusa.stock("HP-STUDIO-BLK", "LYON-02")["reserved_quantity"]
    assert lyon == stocked(medusa, "HP-STUDIO-BLK", "LYON-02") - reserved


def test_a_receipt_missing_from_the_cache_is_fetched_on_demand(store: tuple[Till, Any], medusa: Any) -> None:
    till, _ = store
    fresh = make_order(medusa, [("TEE-ORG-L", 1)])
    order = till.lookup.find_receipt(str(fresh["display_id"]))   # never pulled: fetched from Medusa
    assert order.id == fresh["id"] and [li.sku for li in order.lines] == ["TEE-ORG-L"]


def test_an_offline_return_reaches_medusa_received_with_the_stock_back(store: tuple[Till, Any], medusa: Any) -> None:
    till, engine = store
    sale = make_order(medusa, [("TEE-ORG-S", 2), ("HP-STUDIO-BLK", 1)])
    engine.run_once()
    before = stocked(medusa, "TEE-ORG-S")
    answer = till.returns.complete(request(str(sale["display_id"]), line("TEE-ORG-S"), offline=True,
                                           key="off-1"), CASHIER)
    assert answer["refund_total"] == "25.00" if "refund_total" in answer else True
    report = engine.run_once()                                       # the network is back
    assert report.upload.counts["applied"] >= 1 and report.online
    returns = medusa_returns(medusa, sale["id"])
    assert len(returns) == 1 and returns[0]["status"] == "received"
    assert returns[0]["location_id"] == medusa.location_id("PARIS-01")
    assert returns[0]["items"][0]["reason_id"] == medusa.reason_id("wrong_size")
    assert stocked(medusa, "TEE-ORG-S") == before + 1
    detail = medusa.admin.get(f"/admin/orders/{sale['id']}", fields="id,payment_status,*summary")["order"]
    assert detail["payment_status"] == "partially_refunded" and detail["summary"]["refunded_total"] == 25
    assert {e.status for e in events(till)} <= {"applied", "duplicate"}
    engine.run_once()
    local = till.lookup.find_receipt(str(sale["display_id"]))
    assert {li.sku: li.returned_qty for li in local.lines}["TEE-ORG-S"] == 1  # not counted twice


def test_the_same_event_sent_twice_makes_one_return(store: tuple[Till, Any], medusa: Any) -> None:
    till, engine = store
    sale = make_order(medusa, [("SHOE-RUN-43", 1)])
    engine.run_once()
    till.returns.complete(request(str(sale["display_id"]), line("SHOE-RUN-43"), offline=True, key="dup-1"), CASHIER)
    event = SqlOutbox(till.engine).due(till.clock.now(), 10)[0]
    mark_sent(till, event)
    first = engine.gateway.push(event)          # applied, but say the answer was lost on the way back
    second = engine.gateway.push(resent(event))
    assert (first.outcome.value, second.outcome.value) == ("applied", "duplicate")
    engine.run_once()
    assert len(medusa_returns(medusa, sale["id"])) == 1
    assert len(refunds(medusa, sale["id"])) == 1


@pytest.mark.allow_warning_logs
def test_a_line_already_returned_elsewhere_becomes_an_exception_and_the_queue_goes_on(
        tmp_path: Path, medusa: Any) -> None:
    sale = make_order(medusa, [("TEE-ORG-M", 1), ("SHOE-RUN-42", 1)])
    other = make_order(medusa, [("TEE-ORG-L", 1)])
    paris, paris_sync = open_store_till(tmp_path / "paris", medusa)
    try:
        paris_sync.run_once()
        paris.returns.complete(request(str(sale["display_id"]), line("TEE-ORG-M"), offline=True, key="p-1"), CASHIER)
        paris.returns.complete(request(str(other["display_id"]), line("TEE-ORG-L"), offline=True, key="p-2"), CASHIER)
        # meanwhile the same T-shirt was returned in another store, straight in Medusa
        rid = medusa.admin.post("/admin/returns", {"order_id": sale["id"],
                                                   "location_id": medusa.location_id("LYON-02")})["return"]["id"]
        item = next(i["id"] for i in sale["items"] if i["variant_sku"] == "TEE-ORG-M")
        medusa.admin.post(f"/admin/returns/{rid}/request-items", {"items": [{"id": item, "quantity": 1}]})
        medusa.admin.post(f"/admin/returns/{rid}/request", {})
        medusa.admin.post(f"/admin/returns/{rid}/receive", {})
        medusa.admin.post(f"/admin/returns/{rid}/receive-items", {"items": [{"id": item, "quantity": 1}]})
        medusa.admin.post(f"/admin/returns/{rid}/receive/confirm", {})
        report = paris_sync.run_once()
        assert report.upload.counts["rejected"] == 1 and report.upload.counts["applied"] >= 1
        exceptions = SqlExceptionQueue(paris.engine).exceptions()
        assert [e.event_type for e in exceptions if e.status == "rejected"] == ["ReturnCompleted"]
        assert "can still be returned" in (exceptions[0].reason or "")
        assert len(medusa_returns(medusa, other["id"])) == 1             # the queue went on
        assert len(medusa_returns(medusa, sale["id"])) == 1              # only the other store's
    finally:
        paris_sync.gateway.close()
        paris.close()


@pytest.mark.allow_warning_logs
def test_two_tills_return_the_same_line_offline(tmp_path: Path, medusa: Any) -> None:
    sale = make_order(medusa, [("SHOE-RUN-42", 1)])
    tills = [open_store_till(tmp_path / "paris", medusa, "PARIS-01", "T1"),
             open_store_till(tmp_path / "lyon", medusa, "LYON-02", "T7")]
    try:
        for till, _engine in tills:
            till.lookup.find_receipt(str(sale["display_id"]))                 # both had the sale cached
        paris, lyon = tills[0][0], tills[1][0]
        paris.returns.complete(request(str(sale["display_id"]), line("SHOE-RUN-42"), offline=True,
                                       key="two-T1"), CASHIER)
        with pytest.raises(Exception, match="only store credit"):   # a foreign store's sale, offline
            lyon.returns.complete(request(str(sale["display_id"]), line("SHOE-RUN-42"), offline=True, key="two-T7",
                                          till_id="T7"), CASHIER)
        answer = lyon.returns.complete(request(str(sale["display_id"]), line("SHOE-RUN-42"), offline=True,
                                               key="two-T7", till_id="T7", method="store_credit"), CASHIER)
        assert answer["refund_method"] == "store_credit"
        with lyon.engine.connect() as connection:                                   # no cash or card left the till
            methods = {m for (m,) in connection.exec_driver_sql(
                "SELECT t.method FROM return_tenders t JOIN returns r ON r.id = t.return_id WHERE r.origin = 'till'")}
        assert methods == {"store_credit"}
        reports = [engine.run_once() for _, engine in tills]
        assert reports[0].upload.counts["rejected"] == 0 and reports[1].upload.counts["rejected"] == 1
        returns = medusa_returns(medusa, sale["id"])
        assert len(returns) == 1 and returns[0]["status"] == "received"
        lyon_exceptions = SqlExceptionQueue(tills[1][0].engine).exceptions()
        assert lyon_exceptions and lyon_exceptions[0].status == "rejected"
        assert SqlExceptionQueue(tills[0][0].engine).exceptions() == []
        # the double refund is visible where the money is: on the exception and in Medusa
        paris_number = next(json.loads(e.payload_json)["data"]["return_number"] for e in events(paris)
                            if e.event_type == "ReturnCompleted")
        conflict = lyon_exceptions[0].detail["conflict"]
        assert (conflict["amount"], conflict["tenders"], conflict["till"], conflict["store"]) == (
            "89.90", [{"method": "store_credit", "amount": "89.90"}], "T7", "LYON-02")
        assert [(c["return_number"], c["till"], c["store"]) for c in conflict["competing"]] == [
            (paris_number, "T1", "PARIS-01")]
        order = medusa.admin.get(f"/admin/orders/{sale['id']}", fields="id,customer_id,metadata")["order"]
        customer = medusa.admin.get(f"/admin/customers/{order['customer_id']}", fields="id,metadata")["customer"]
        for noted in (order["metadata"], customer["metadata"]):          # found by its event, whatever its key
            (note,) = [v for k, v in noted.items() if k.startswith("posreturns_refused_")
                       and v.get("event_id") == conflict["event_id"]]
            assert note == conflict
        summary = exception_summary(lyon_exceptions[0], SqlExceptionQueue(lyon.engine).contacts({order["customer_id"]})
                                    .get(order["customer_id"]))
        assert summary["customer"]["name"] == "Camille Martin" and summary["competing"][0]["till"] == "T1"
    finally:
        for till, engine in tills:
            engine.gateway.close()
            till.close()
