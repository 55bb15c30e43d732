"""A `ReturnCompleted` with refund method `exchange` -> a Medusa exchange at the store.

Create the exchange (`metadata.posreturns_event_id`), inbound items at the store's location,
outbound variants, a 0 € outbound shipping method from the store (without it Medusa reserves
nothing and the hand-over fails), request; receive the inbound return like a return; fulfil the new
lines from the store (the customer leaves with them); refund any difference owed to the customer.
Every step is skipped when already done, so a replay finishes the exchange instead of repeating it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from posreturns.services.sync_ports import OmsRefused, Outcome, PendingEvent, PushResult
from posreturns.sync.connectors import medusa_mapping as mapping
from posreturns.sync.connectors.medusa_markers import event_metadata, other_content

if TYPE_CHECKING:
    from posreturns.sync.connectors.medusa_returns import ReturnPusher


def push_exchange(pusher: ReturnPusher, event: PendingEvent, data: dict[str, Any], order: dict[str, Any],
                  location: str) -> PushResult:
    from posreturns.sync.connectors.medusa_returns import LOCKED, ORDER_FIELDS, _wanted, over_return

    client = pusher.client
    wanted = _wanted(data)
    found = pusher.find(order["id"], event.event_id, "/admin/exchanges", "exchanges")
    if found is not None and other_content(found, event):
        return PushResult(Outcome.REJECTED, other_content(found, event), detail={"medusa_exchange_id": found["id"]})
    if found is not None and not found.get("return_id"):
        client.delete(f"/admin/exchanges/{found['id']}/request")  # created but never requested: start again
        found = None
    resumed = found is not None
    try:
        if found is None:
            problem = over_return(order, wanted)
            if problem:
                return PushResult(Outcome.REJECTED, problem)
            found = _create(pusher, event, data, order, location, wanted)
        ret = client.get(f"/admin/returns/{found['return_id']}", [("fields", "id,status")])["return"]
        received_before = ret.get("status") == "received"
        if not received_before:
            pusher.receive(ret["id"], wanted, data)
        fresh = client.get(f"/admin/orders/{order['id']}", [("fields", ORDER_FIELDS)])["order"]
        handed = _fulfil(pusher, fresh, data, location)
        refunded = pusher.refund(event, data, fresh)
    except OmsRefused as error:
        if LOCKED in str(error):
            return PushResult.retry(f"Medusa: {error} (another change of this order is in progress)")
        return PushResult(Outcome.REJECTED, f"Medusa refused the exchange: {error}")
    duplicate = resumed and received_before and not handed and not refunded
    return PushResult(Outcome.DUPLICATE if duplicate else Outcome.APPLIED,
                      detail={"medusa_exchange_id": found["id"], "medusa_return_id": found["return_id"]})


def _create(pusher: ReturnPusher, event: PendingEvent, data: dict[str, Any], order: dict[str, Any], location: str,
            wanted: dict[str, dict[str, Any]]) -> dict[str, Any]:
    client = pusher.client
    exchange = client.post("/admin/exchanges", {"order_id": order["id"], "metadata": event_metadata(event, data),
                                                "description": f"In-store exchange {data.get('return_number')}"})["exchange"]
    xid = exchange["id"]
    try:
        inbound = []
        for line_id, w in wanted.items():
            reason = pusher.refs.reason_id(w["reason"])
            inbound.append({"id": line_id, "quantity": w["qty"], **({"reason_id": reason} if reason else {})})
        client.post(f"/admin/exchanges/{xid}/inbound/items", {"location_id": location, "items": inbound})
        outbound = [{"variant_id": _variant_id(pusher, x["sku"]), "quantity": int(x["qty"])}
                    for x in (data.get("exchange") or {}).get("lines") or []]
        client.post(f"/admin/exchanges/{xid}/outbound/items", {"items": outbound})
        client.post(f"/admin/exchanges/{xid}/outbound/shipping-method",
                    {"shipping_option_id": _outbound_option(pusher, location), "custom_amount": 0})
    except OmsRefused:
        client.delete(f"/admin/exchanges/{xid}/request")  # an open exchange locks the order
        raise
    requested = client.post(f"/admin/exchanges/{xid}/request", {})["exchange"]
    return {"id": xid, "return_id": requested.get("return_id")}


def _variant_id(pusher: ReturnPusher, sku: str) -> str:
    variants = pusher.client.get("/admin/product-variants", [("sku", sku), ("fields", "id,sku")]).get("variants") or []
    if not variants:
        raise OmsRefused(f"Medusa has no variant with SKU {sku}", 404)
    return str(variants[0]["id"])


def _outbound_option(pusher: ReturnPusher, location: str) -> str:
    options = pusher.client.get("/admin/shipping-options", [("stock_location_id", location),
                                                            ("fields", "id,name,*rules")]).get("shipping_options") or []
    for option in options:
        rules = {r.get("attribute"): r.get("value") for r in option.get("rules") or []}
        if rules.get("is_return") != "true":
            return str(option["id"])
    raise OmsRefused("the store has no outbound shipping option in Medusa (needed to hand an exchange over)", 400)


def _fulfil(pusher: ReturnPusher, order: dict[str, Any], data: dict[str, Any], location: str) -> bool:
    """Fulfil the exchange's new lines still unfulfilled; True when something was handed over now."""
    skus = {x["sku"]: int(x["qty"]) for x in (data.get("exchange") or {}).get("lines") or []}
    items = []
    for item in order.get("items") or []:
        sku = item.get("variant_sku")
        d = item.get("detail") or {}
        left = mapping.qty(d, "quantity") - mapping.qty(d, "fulfilled_quantity")
        if sku in skus and left > 0 and skus[sku] > 0:
            take = min(left, skus[sku])
            skus[sku] -= take
            items.append({"id": item["id"], "quantity": take})
    if items:
        pusher.client.post(f"/admin/orders/{order['id']}/fulfillments",
                           {"items": items, "location_id": location, "no_notification": True})
    return bool(items)
