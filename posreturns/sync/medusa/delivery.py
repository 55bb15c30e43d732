"""The delivered part of an exchange (`data.exchange.delivery`): the replacement leaves another store
or the warehouse for the customer's home, or for the till's store where the customer collects it.

Before the exchange is made, the source must still hold the replacement in Medusa (stocked less
reserved): a till that promised it offline, from stock it last heard of, may find it gone. Then
nothing is made in Medusa and the return becomes an exception for the manager, who sees the
customer's contact in the exception queue (never in the refusal's text, which is logged). Otherwise
the order's shipping address becomes the customer's (home), the outbound shipping method is the
source's with the delivery in its metadata (home, or the pickup location), and the new lines'
reservations are moved to the source; the source ships them, so the till fulfils nothing.
"""

from __future__ import annotations

from typing import Any

from posreturns.services.sync_ports import Outcome, PendingEvent, PushResult
from posreturns.sync.medusa import mapping
from posreturns.sync.medusa.reference import ReferenceData
from posreturns.sync.medusa.state import Api

DELIVERED_EXCHANGE = "delivered_exchange"  # the plugin's step (0.3.0) that applies them in Medusa itself


def is_delivered(event: PendingEvent) -> bool:
    """A delivered exchange's return, or its stock move (its reservation at the source)."""
    data = event.payload.get("data") or {}
    return delivery_of(data) is not None or any(
        isinstance(d, dict) and d.get("reason") == "exchange_delivery" for d in data.get("deltas") or [])


def delivery_of(data: dict[str, Any]) -> dict[str, Any] | None:
    found = (data.get("exchange") or {}).get("delivery")
    return found if isinstance(found, dict) else None


def source_id(refs: ReferenceData, delivery: dict[str, Any]) -> str | None:
    return refs.location_id(str(delivery.get("source") or ""))


def cannot_deliver(api: Api, refs: ReferenceData, data: dict[str, Any], delivery: dict[str, Any]) -> PushResult | None:
    """REJECTED when the source no longer holds a replacement (or is not in Medusa); None when it can."""
    source = source_id(refs, delivery)
    name = delivery.get("source_name") or delivery.get("source")
    if source is None:
        return _exception(data, delivery, f"Medusa has no stock location {delivery.get('source')} to deliver from")
    for line in (data.get("exchange") or {}).get("lines") or []:
        left = available(api, str(line["sku"]), source)
        if left < int(line["qty"]):
            return _exception(data, delivery, f"{name} no longer has {line['sku']} in Medusa "
                                              f"({left} available, {line['qty']} promised)")
    return None


def available(api: Api, sku: str, location: str) -> int:
    items = api.get("/admin/inventory-items", [("sku", sku), ("fields", "id,sku,*location_levels")]
                    ).get("inventory_items") or []
    for item in items:
        for level in item.get("location_levels") or []:
            if level.get("location_id") == location:
                return mapping.qty(level, "stocked_quantity") - mapping.qty(level, "reserved_quantity")
    return 0


def _exception(data: dict[str, Any], delivery: dict[str, Any], why: str) -> PushResult:
    """The refusal, without the customer's contact (the reason is logged): the exception queue shows the
    contact from the event's delivery."""
    promised = ((delivery.get("promise") or {}).get("when") or {}).get("en") or delivery.get("to")
    message = (f"Exchange {data.get('return_number')}: {why}, so the replacement promised {promised} cannot be "
               "sent. Call the customer (their contact is with this exception) to offer another size, another "
               "source or a refund; nothing was made in Medusa.")
    return PushResult(Outcome.REJECTED, message, detail={"delivery_exception": True, "source": delivery.get("source"),
                                                         "return_number": data.get("return_number")})


def ship_home(api: Api, order_id: str, delivery: dict[str, Any]) -> None:
    """The order's shipping address becomes the customer's (Medusa's exchange ships to the order's)."""
    address = delivery.get("address")
    if delivery.get("to") != "home" or not isinstance(address, dict):
        return
    recipient = delivery.get("recipient") or {}
    first, _, last = str(recipient.get("name") or "").partition(" ")
    api.post(f"/admin/orders/{order_id}", {"shipping_address": {
        "first_name": first, "last_name": last, "phone": recipient.get("phone") or "",
        "address_1": address.get("line1"), "address_2": address.get("line2") or "",
        "postal_code": address.get("postal_code"), "city": address.get("city"),
        "country_code": address.get("country_code") or "fr"}})


def shipping_metadata(delivery: dict[str, Any], pickup_location: str | None) -> dict[str, Any]:
    """Where the replacement goes and when; a key without a value is left out (Medusa reads null as
    "remove this key")."""
    promise = delivery.get("promise") or {}
    found = {"posreturns_delivery": delivery.get("to"), "posreturns_source": delivery.get("source"),
             "posreturns_pickup_location_id": pickup_location if delivery.get("to") == "store" else None,
             "posreturns_arrives_on": promise.get("arrives_on"), "posreturns_before": promise.get("before"),
             "posreturns_provisional": bool(delivery.get("provisional"))}
    return {key: value for key, value in found.items() if value is not None}


def describe_shipping(api: Api, exchange_id: str, shipped: dict[str, Any], delivery: dict[str, Any],
                      pickup_location: str) -> None:
    """The delivery on the exchange's shipping method: Medusa takes no metadata when the method is added,
    only when its action is updated (the action is the one the answer's preview lists for that method)."""
    for method in (shipped.get("order_preview") or {}).get("shipping_methods") or []:
        action = next((a for a in method.get("actions") or []
                       if a.get("action") == "SHIPPING_ADD" and a.get("exchange_id") == exchange_id), None)
        if action is not None:
            promise = ((delivery.get("promise") or {}).get("sentence") or {}).get("en") or "Delivered exchange"
            api.post(f"/admin/exchanges/{exchange_id}/outbound/shipping-method/{action['id']}",
                     {"custom_amount": 0, "internal_note": promise,
                      "metadata": shipping_metadata(delivery, pickup_location)})
            return
