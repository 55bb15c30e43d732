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
from helpers.medusa import ensure_stock, events, make_order, medusa_exchanges, open_store_till, request
from helpers.returns import CASHIER, line

from posreturns.app import Till, open_promises, open_queues
from posreturns.domain.users import Principal, Role
from posreturns.persistence.outbox_exceptions import SqlExceptionQueue

pytestmark = pytest.mark.oms

NETWORK = """
store = "PARIS-01"
timezone = "Europe/Paris"
calendar = "always"

[calendars.always]
weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
holidays = "none"

[[sources]]
location = "PARIS-01"
name = "Paris Rivoli"
kind = "here"
calendar = "always"
cutoff = "23:59"

[[sources]]
location = "LYON-02"
name = "Lyon Bellecour"
kind = "store"
calendar = "always"
cutoff = "23:59"
home = { carrier = "always", transit_days = 1, before = "13:00", cost = "6.90" }
store = { carrier = "always", transit_days = 1, before = "12:00", cost = "3.20" }
"""
HOME = {"source": "LYON-02", "to": "home", "name": "Jeanne Martin", "phone": "06 12 34 56 78",
        "address": {"line1": "3 rue des Lilas", "postal_code": "75011", "city": "Paris"}}
PICKUP = {"source": "LYON-02", "to": "store", "name": "Paul Durand", "email": "paul@example.fr"}
ADMIN = Principal("root", "Root", Role.ADMIN)


@pytest.fixture(params=["plugin", "admin"])
def store(request: pytest.FixtureRequest, tmp_path: Path, medusa: Any) -> Iterator[tuple[Till, Any]]:
    """A PARIS-01 till pushing through the posreturns plugin, or through the stock Admin API."""
    till, engine = open_store_till(tmp_path / "paris", medusa, use_plugin=request.param == "plugin")
    yield till, engine
    assert bool(engine.gateway.batches.timings) is (request.param == "plugin"), "pushed through the other path"
    engine.gateway.close()
    till.close()


def delivered_exchange(till: Till, engine: Any, medusa: Any, delivery: dict[str, Any], key: str,
                       offline: bool = False) -> dict[str, Any]:
    """Sell an M, pull, exchange it for an L delivered from Lyon; the Medusa sale."""
    sale = make_order(medusa, [("TEE-ORG-M", 1)])
    ensure_stock(medusa, "TEE-ORG-L", "LYON-02", at_least=3)
    open_promises(till).load(NETWORK, "network.toml", ADMIN)
    assert engine.run_once().online
    answer = till.returns.complete(request(str(sale["display_id"]), line("TEE-ORG-M"), method="exchange",
                                           exchange_lines=[{"code": "TEE-ORG-L", "qty": 1}], key=key,
                                           delivery=delivery, offline=offline), CASHIER)
    assert answer["delivery"]["source"] == "LYON-02" and answer["delivery"]["provisional"] is offline
    return sale


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


def assert_delivered(medusa: Any, sale: dict[str, Any], to: str) -> dict[str, Any]:
    """One exchange of M for L delivered from Lyon: Lyon's shipping method carrying the delivery, the
    returned M received in Paris, the L reserved in Lyon and not handed over here; the Medusa order."""
    (exchange,) = medusa_exchanges(medusa, sale["id"])
    assert [(i["item"]["variant_sku"], i["quantity"]) for i in exchange["additional_items"]] == [("TEE-ORG-L", 1)]
    assert (exchange["metadata"]["posreturns_delivery"], exchange["metadata"]["posreturns_source"]) == (to, "LYON-02")
    order = medusa.admin.get(f"/admin/orders/{sale['id']}",
                             fields="id,*items,*shipping_address,*shipping_methods")["order"]
    method = next(m for m in order["shipping_methods"] if (m.get("metadata") or {}).get("posreturns_delivery"))
    assert (method["metadata"]["posreturns_delivery"], method["metadata"]["posreturns_source"]) == (to, "LYON-02")
    assert method["metadata"]["posreturns_arrives_on"] == exchange["metadata"]["posreturns_arrives_on"]
    assert method["metadata"].get("posreturns_pickup_location_id") == (
        medusa.location_id("PARIS-01") if to == "store" else None)
    assert method["shipping_option_id"] == medusa.seed["shipping_options"]["LYON-02"]["outbound"]
    returned = medusa.admin.get(f"/admin/returns/{exchange['return_id']}", fields="id,status,location_id")["return"]
    assert returned["status"] == "received" and returned["location_id"] == medusa.location_id("PARIS-01")
    new_line = next(i for i in order["items"] if i["variant_sku"] == "TEE-ORG-L")
    assert int(new_line["detail"]["fulfilled_quantity"]) == 0                  # Lyon ships it, Paris hands nothing
    reservations = medusa.admin.get("/admin/reservations", line_item_id=new_line["id"],
                                    fields="id,location_id")["reservations"]
    assert {r["location_id"] for r in reservations} == {medusa.location_id("LYON-02")}
    return dict(order)


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
