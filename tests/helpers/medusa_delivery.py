"""Exchanges delivered from another store (Lyon) against the real Medusa, shared by the delivered-exchange
tests, their fault walks and the plugin's: the delivery network of the Paris till, a sale exchanged for a
size Lyon ships, and the end state both push paths must leave in Medusa."""

from __future__ import annotations

from typing import Any

from helpers.medusa import ensure_stock, make_order, medusa_exchanges, request
from helpers.returns import CASHIER, line
from posreturns.app import Till, open_promises
from posreturns.domain.users import Principal, Role

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


def delivering_till(till: Till, engine: Any, medusa: Any, units: int = 3) -> None:
    """The Paris till knows Lyon as a source, with `units` of the L there (pulled, so it can promise)."""
    ensure_stock(medusa, "TEE-ORG-L", "LYON-02", at_least=units)
    ensure_stock(medusa, "TEE-ORG-L", at_least=units)   # Medusa may reserve it in Paris first
    open_promises(till).load(NETWORK, "network.toml", ADMIN)
    assert engine.run_once().online


def exchange_delivered(till: Till, sale: dict[str, Any], delivery: dict[str, Any], key: str,
                       offline: bool = False) -> None:
    """One M of `sale` exchanged at the Paris till for an L delivered from Lyon."""
    till.lookup.find_receipt(str(sale["display_id"]))
    answer = till.returns.complete(request(str(sale["display_id"]), line("TEE-ORG-M"), method="exchange",
                                           exchange_lines=[{"code": "TEE-ORG-L", "qty": 1}], key=key,
                                           delivery=delivery, offline=offline), CASHIER)
    assert answer["delivery"]["source"] == "LYON-02" and answer["delivery"]["provisional"] is offline


def delivered_exchange(till: Till, engine: Any, medusa: Any, delivery: dict[str, Any], key: str,
                       offline: bool = False) -> dict[str, Any]:
    """Sell an M, pull, exchange it for an L delivered from Lyon; the Medusa sale."""
    sale = make_order(medusa, [("TEE-ORG-M", 1)])
    delivering_till(till, engine, medusa)
    exchange_delivered(till, sale, delivery, key, offline)
    return sale


def assert_delivered(medusa: Any, sale: dict[str, Any], to: str, count: int = 1) -> dict[str, Any]:
    """`count` exchanges of an M for an L delivered from Lyon, each once: Lyon's shipping method carrying
    the delivery, the returned M received in Paris, the L reserved in Lyon and not handed over here, and no
    change left pending on the order; the Medusa order."""
    exchanges = medusa_exchanges(medusa, sale["id"])
    assert len(exchanges) == count, exchanges
    order = medusa.admin.get(f"/admin/orders/{sale['id']}",
                             fields="id,*items,*shipping_address,*shipping_methods")["order"]
    methods = [m for m in order["shipping_methods"] if (m.get("metadata") or {}).get("posreturns_delivery")]
    assert len(methods) == count, methods                             # one shipping method per exchange
    for exchange in exchanges:
        assert [(i["item"]["variant_sku"], i["quantity"]) for i in exchange["additional_items"]] == [("TEE-ORG-L", 1)]
        meta = exchange["metadata"]
        assert (meta["posreturns_delivery"], meta["posreturns_source"]) == (to, "LYON-02")
        returned = medusa.admin.get(f"/admin/returns/{exchange['return_id']}", fields="id,status,location_id")["return"]
        assert returned["status"] == "received" and returned["location_id"] == medusa.location_id("PARIS-01")
    for method in methods:
        assert (method["metadata"]["posreturns_delivery"], method["metadata"]["posreturns_source"]) == (to, "LYON-02")
        assert method["metadata"]["posreturns_arrives_on"] == exchanges[0]["metadata"]["posreturns_arrives_on"]
        assert method["metadata"].get("posreturns_pickup_location_id") == (
            medusa.location_id("PARIS-01") if to == "store" else None)
        assert method["shipping_option_id"] == medusa.seed["shipping_options"]["LYON-02"]["outbound"]
    new_lines = [i for i in order["items"] if i["variant_sku"] == "TEE-ORG-L"]
    assert sum(int(i["quantity"]) for i in new_lines) == count
    for new_line in new_lines:
        assert int(new_line["detail"]["fulfilled_quantity"]) == 0          # Lyon ships it, Paris hands nothing
        reservations = medusa.admin.get("/admin/reservations", line_item_id=new_line["id"],
                                        fields="id,location_id,quantity")["reservations"]
        assert {r["location_id"] for r in reservations} == {medusa.location_id("LYON-02")}, reservations
        assert sum(int(r["quantity"]) for r in reservations) == int(new_line["quantity"])
    changes = medusa.admin.get(f"/admin/orders/{sale['id']}/changes", fields="id,change_type,status")["order_changes"]
    assert [c for c in changes if c["status"] == "pending" and c["change_type"]] == []
    return dict(order)


def reserve_in(medusa: Any, sale: dict[str, Any], store: str) -> None:
    """The newest exchange's new line reserved in `store` (Medusa reserves in any store with stock)."""
    order = medusa.admin.get(f"/admin/orders/{sale['id']}", fields="id,*items")["order"]
    newest = max((i for i in order["items"] if i["variant_sku"] == "TEE-ORG-L"), key=lambda i: i["created_at"])
    for found in medusa.admin.get("/admin/reservations", line_item_id=newest["id"],
                                  fields="id,location_id")["reservations"]:
        if found["location_id"] != medusa.location_id(store):
            medusa.admin.post(f"/admin/reservations/{found['id']}", {"location_id": medusa.location_id(store)})
