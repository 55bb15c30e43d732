"""Stock buckets and vouchers against a real Medusa 2.21: a restocked unit goes back into the store's
stock, a defective one is received as dismissed and stays out of it (the till's quarantine has no
Medusa counterpart); the return carries the event's fingerprint and cache age; a store-credit
voucher is noted on the original order and on the customer, once, and marked void there, once, when a
manager voids it."""

from __future__ import annotations

import json
from typing import Any

import pytest
from helpers.medusa import events, local_stock, make_order, medusa_returns, request, resent, stocked
from helpers.returns import CASHIER, MANAGER, line

import posreturns
from posreturns.app import Till
from posreturns.persistence.outbox import SqlOutbox
from posreturns.services.exception_events import voucher_voided
from posreturns.services.sync_ports import PendingEvent
from posreturns.sync.medusa.gateway import MedusaConfig, MedusaGateway

pytestmark = pytest.mark.oms



def payload(till: Till, event_type: str) -> dict[str, Any]:
    (found,) = [json.loads(e.payload_json) for e in events(till) if e.event_type == event_type]
    return dict(found)


def test_a_defective_item_is_received_as_dismissed_and_not_put_back_in_stock(
        store: tuple[Till, Any], medusa: Any) -> None:
    till, engine = store
    sale = make_order(medusa, [("TEE-ORG-S", 1), ("SHOE-RUN-43", 1)])
    engine.run_once()
    tee, shoe = stocked(medusa, "TEE-ORG-S"), stocked(medusa, "SHOE-RUN-43")
    answer = till.returns.complete(request(str(sale["display_id"]), line("TEE-ORG-S"),
                                           line("SHOE-RUN-43", reason="DEFECTIVE", condition="USED"),
                                           key="defect-1"), CASHIER)
    assert [(li["sku"], li["disposition"], li["bucket"]) for li in answer["lines"]] == [
        ("TEE-ORG-S", "RESTOCK", "sellable"), ("SHOE-RUN-43", "INSPECT", "quarantine")]
    report = engine.run_once()
    assert report.online and report.upload.counts["rejected"] == 0, report.error
    (returned,) = medusa_returns(medusa, sale["id"])
    assert returned["status"] == "received"
    order = medusa.admin.get(f"/admin/orders/{sale['id']}", fields="id,*items,items.detail.*")["order"]
    detail = {i["variant_sku"]: i["detail"] for i in order["items"]}
    assert (detail["TEE-ORG-S"]["return_received_quantity"], detail["TEE-ORG-S"]["return_dismissed_quantity"]) == (1, 0)
    assert (detail["SHOE-RUN-43"]["return_received_quantity"],
            detail["SHOE-RUN-43"]["return_dismissed_quantity"]) == (0, 1)
    assert stocked(medusa, "TEE-ORG-S") == tee + 1          # back on sale at the store
    assert stocked(medusa, "SHOE-RUN-43") == shoe           # NOT back in Medusa's stock
    stock_event = next(e for e in events(till) if e.event_type == "StockAdjusted")
    assert stock_event.status == "applied"
    # after the pull the till agrees with Medusa on sellable stock and keeps its own quarantine
    reserved = medusa.stock("SHOE-RUN-43")["reserved_quantity"]
    assert local_stock(till, "SHOE-RUN-43") == stocked(medusa, "SHOE-RUN-43") - reserved
    with till.engine.connect() as connection:  # the store's queue: this till's unit, and other tills' ones
        held = dict(connection.exec_driver_sql(
            "SELECT r.origin, count(*) FROM held_units h JOIN returns r ON r.id = h.return_id "
            "WHERE h.sku = 'SHOE-RUN-43' AND h.state IN ('held', 'refurbishing') GROUP BY r.origin").all())
    assert held.get("till") == 1
    assert local_stock(till, "SHOE-RUN-43", bucket="quarantine") == sum(held.values())
    completed = payload(till, "ReturnCompleted")
    assert returned["metadata"]["posreturns_payload_sha256"] == completed["payload_sha256"]
    assert returned["metadata"]["posreturns_cache_as_of"] == completed["cache_as_of"] is not None
    app_version = returned["metadata"]["posreturns_app_version"]
    assert app_version == completed["device"]["app_version"] == posreturns.__version__


def test_a_voucher_is_noted_on_the_order_and_the_customer_once(store: tuple[Till, Any], medusa: Any) -> None:
    till, engine = store
    sale = make_order(medusa, [("TEE-ORG-M", 1)])
    engine.run_once()
    answer = till.returns.complete(request(str(sale["display_id"]), line("TEE-ORG-M"), method="store_credit",
                                           key="voucher-1"), CASHIER)
    code = answer["voucher"]["code"]
    voucher_event = next(e for e in SqlOutbox(till.engine).chains(till.clock.now(), 10)
                         if e.event_type == "VoucherIssued")
    report = engine.run_once()
    assert report.online and report.upload.counts["rejected"] == 0, report.error
    key = f"posreturns_voucher_{code}"
    order = medusa.admin.get(f"/admin/orders/{sale['id']}", fields="id,metadata,customer_id")["order"]
    customer = medusa.admin.get(f"/admin/customers/{order['customer_id']}", fields="id,metadata")["customer"]
    for noted in (order["metadata"][key], customer["metadata"][key]):
        assert noted == {"amount": "25.00", "currency": "EUR", "return_number": answer["return_number"],
                         "event_id": voucher_event.event_id}
    again = engine.gateway.push(resent(voucher_event))      # sent again (an answer lost): nothing more
    assert again.outcome.value == "duplicate"
    assert {e.status for e in events(till)} <= {"applied", "duplicate"}


def _voucher_sold_and_noted(till: Till, engine: Any, medusa: Any, key: str) -> tuple[dict[str, Any], dict[str, Any]]:
    sale = make_order(medusa, [("TEE-ORG-M", 1)])
    engine.run_once()
    answer = till.returns.complete(request(str(sale["display_id"]), line("TEE-ORG-M"), method="store_credit",
                                           key=key), CASHIER)
    assert engine.run_once().upload.counts["rejected"] == 0
    return sale, answer


def _void_notes(medusa: Any, sale: dict[str, Any], code: str) -> list[dict[str, Any]]:
    order = medusa.admin.get(f"/admin/orders/{sale['id']}", fields="id,metadata,customer_id")["order"]
    customer = medusa.admin.get(f"/admin/customers/{order['customer_id']}", fields="id,metadata")["customer"]
    return [order["metadata"][f"posreturns_voucher_{code}"], customer["metadata"][f"posreturns_voucher_{code}"]]


def test_a_voided_voucher_is_marked_void_in_its_notes_once(store: tuple[Till, Any], medusa: Any) -> None:
    """The `VoucherVoided` a manager's void queues (the open queues) marks the voucher's notes void: sent
    through the plugin with the till's outbox, or one by one through the Admin API; sent again, nothing more."""
    till, engine = store
    admin_api = MedusaGateway(MedusaConfig(medusa.base_url, medusa.api_key, use_plugin=False), till.clock)
    try:
        for n, path in enumerate(("plugin", "admin api")):
            sale, answer = _voucher_sold_and_noted(till, engine, medusa, f"voucher-void-{n}")
            code = answer["voucher"]["code"]
            completed = [json.loads(e.payload_json) for e in events(till) if e.event_type == "ReturnCompleted"][-1]
            voided = voucher_voided(completed, code, MANAGER, "refunded twice; taken back", till.clock.now())
            with till.engine.connect() as connection, connection.begin():
                seq = connection.exec_driver_sql(
                    "INSERT INTO outbox (event_id, till_id, aggregate_type, aggregate_id, event_type, schema_version, "
                    "payload_json, created_at, status, attempts, order_key) VALUES (?,?,?,?,?,?,?,?,?,0,?)",
                    (voided.event_id, "T1", voided.aggregate_type, code, voided.event_type, 1,
                     json.dumps(voided.payload), "2026-01-01T00:00:00Z",
                     "pending" if path == "plugin" else "applied", code)).lastrowid
            pending = PendingEvent(int(seq or 0), voided.event_id, "T1", voided.aggregate_type, code,
                                   voided.event_type, 1, voided.payload, 0, code, first_attempt=True)
            if path == "plugin":
                report = engine.run_once()
                assert report.online and report.upload.counts["rejected"] == 0, report.error
                assert [e.status for e in events(till) if e.event_type == "VoucherVoided"] == ["applied"]
            else:
                assert admin_api.push(pending).outcome.value == "applied"
            for noted in _void_notes(medusa, sale, code):
                assert (noted["status"], noted["amount"], noted["return_number"]) == (
                    "void", "25.00", answer["return_number"])
                assert noted["voided"] == {"by": MANAGER, "at": voided.payload["occurred_at"],
                                           "note": "refunded twice; taken back", "event_id": voided.event_id}
            again = admin_api.push(resent(pending))
            assert again.outcome.value == "duplicate" and again.detail == {
                "voucher": code, "order": "already there", "customer": "already there"}
    finally:
        admin_api.close()
