"""An exchange delivered from another store becomes one Medusa exchange (against a real Medusa): the
size is shipped from Lyon to the customer's home or to this store (Paris), with the order's shipping
address, the Lyon shipping method carrying the delivery, the new line reserved in Lyon and not
handed over here, and the returned item received in Paris. Promised offline from stock that is gone
when the till reconnects, it becomes an exception for the manager with the customer's contact, and
nothing is made in Medusa. Each test runs through the posreturns plugin (0.3.0 applies delivered
exchanges in Medusa itself) and through the stock Admin API, to the same end state in Medusa."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers.medusa import ensure_stock, events, medusa_exchanges, open_store_till
from helpers.medusa_delivery import HOME, PICKUP, assert_delivered, delivered_exchange

from posreturns.app import Till, open_queues
from posreturns.domain.users import Principal, Role
from posreturns.persistence.outbox_exceptions import SqlExceptionQueue

pytestmark = pytest.mark.oms


@pytest.fixture(params=["plugin", "admin"])
def store(request: pytest.FixtureRequest, tmp_path: Path, medusa: Any) -> Iterator[tuple[Till, Any]]:
    """A PARIS-01 till pushing through the posreturns plugin, or through the stock Admin API."""
    till, engine = open_store_till(tmp_path / "paris", medusa, use_plugin=request.param == "plugin")
    yield till, engine
    assert bool(engine.gateway.batches.timings) is (request.param == "plugin"), "pushed through the other path"
    engine.gateway.close()
    till.close()


def test_a_size_delivered_home_from_another_store_is_one_medusa_exchange(store: tuple[Till, Any],
                                                                         medusa: Any) -> None:
    till, engine = store
    sale = delivered_exchange(till, engine, medusa, HOME, "dx-home")
    lyon = medusa.stock("TEE-ORG-L", "LYON-02")
    report = engine.run_once()
    assert report.online and report.upload.counts["rejected"] == 0, report.error
    order = assert_delivered(medusa, sale, "home")
    address = order["shipping_address"]
    assert (address["address_1"], address["postal_code"], address["city"], address["first_name"],
            address["last_name"], address["phone"]) == ("3 rue des Lilas", "75011", "Paris", "Jeanne", "Martin",
                                                        "06 12 34 56 78")
    assert medusa.stock("TEE-ORG-L", "LYON-02")["stocked_quantity"] == lyon["stocked_quantity"]
    assert engine.run_once().upload.counts["rejected"] == 0                      # nothing more to send
    assert len(medusa_exchanges(medusa, sale["id"])) == 1
    assert {r.status for r in events(till)} == {"applied"}                      # the return and its stock move


def test_a_pickup_here_carries_the_pickup_location(store: tuple[Till, Any], medusa: Any) -> None:
    till, engine = store
    sale = delivered_exchange(till, engine, medusa, PICKUP, "dx-store")
    assert engine.run_once().upload.counts["rejected"] == 0
    assert_delivered(medusa, sale, "store")


@pytest.mark.allow_warning_logs  # the uploader logs the refusal
def test_promised_offline_from_stock_gone_since_becomes_an_exception_with_the_contact(
        store: tuple[Till, Any], medusa: Any) -> None:
    till, engine = store
    sale = delivered_exchange(till, engine, medusa, PICKUP, "dx-gone", offline=True)
    level = medusa.stock("TEE-ORG-L", "LYON-02")                   # meanwhile Lyon sold the last ones
    item = medusa.variant("TEE-ORG-L")["inventory_item_id"]
    medusa.admin.post(f"/admin/inventory-items/{item}/location-levels/{medusa.location_id('LYON-02')}",
                      {"stocked_quantity": int(level["reserved_quantity"])})
    try:
        report = engine.run_once()
        assert report.upload.counts["rejected"] == 1
        assert medusa_exchanges(medusa, sale["id"]) == []         # nothing made in Medusa
        (refused,) = [e for e in SqlExceptionQueue(till.engine).exceptions() if e.status == "rejected"]
        assert "Lyon Bellecour no longer has TEE-ORG-L" in (refused.reason or "")
        assert "paul" not in (refused.reason or "").lower()         # the reason is logged: no personal data
        (summary,) = [s for s in open_queues(till).sync_exceptions() if s["status"] == "rejected"]
        assert summary["customer"] == {"name": "Paul Durand", "email": "paul@example.fr"}
        assert summary["delivery"]["source"] == "LYON-02" and summary["offline"] is True
        manager = Principal("mgr1", "Marie Manager", Role.MANAGER)
        assert open_queues(till).customer_contact(manager, refused.seq) == {"name": "Paul Durand",
                                                                           "email": "paul@example.fr"}
    finally:
        ensure_stock(medusa, "TEE-ORG-L", "LYON-02", at_least=3)
