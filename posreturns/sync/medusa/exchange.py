"""A `ReturnCompleted` with refund method `exchange` -> a Medusa exchange at the store.

Create the exchange (`metadata.posreturns_event_id`), inbound items at the store's location,
outbound variants, a 0 € outbound shipping method from the store (without it Medusa reserves
nothing and the hand-over fails), request; receive the inbound return like a return; fulfil the new
lines from the store (the customer leaves with them; their reservations, which Medusa may have made in
another store, are moved to this one first); refund any difference owed to the customer.

An exchange delivered from the network (`exchange.delivery`, delivery.py) ships from its source
instead: the source's outbound shipping method, the customer's address on the order (home) or the
pickup location in the method's metadata, the new lines reserved at the source and not fulfilled here.

Resumable from any point: an exchange found by its marker whose request was never confirmed (its
`exchange` order change still pending, even when its return already exists) is dropped, its shipping
method with it, and made again; a receive begun and never confirmed is cancelled and made again; new
lines already fulfilled and refunds already made are not made twice.
"""

from __future__ import annotations

import logging
from typing import Any

from posreturns.services.sync_ports import OmsRefused, Outcome, PendingEvent, PushResult
from posreturns.sync.medusa import mapping
from posreturns.sync.medusa.delivery import (
    cannot_deliver,
    delivery_of,
    describe_shipping,
    ship_home,
    shipping_metadata,
    source_id,
)
from posreturns.sync.medusa.markers import event_metadata, other_content
from posreturns.sync.medusa.notes import Notes
from posreturns.sync.medusa.receiving import Receiver
from posreturns.sync.medusa.reference import ReferenceData
from posreturns.sync.medusa.returned_units import ORDER_FIELDS, over_return, wanted_units
from posreturns.sync.medusa.state import Api, OrderState

log = logging.getLogger(__name__)
SHORT = "not enough stock available"  # Medusa's refusal to reserve where its count is short


class ExchangePusher:
    def __init__(self, receiver: Receiver, refs: ReferenceData, notes: Notes) -> None:
        self.receiver = receiver
        self.refs = refs
        self.notes = notes

    def push(self, api: Api, event: PendingEvent, data: dict[str, Any], order: dict[str, Any], location: str,
             state: OrderState | None) -> PushResult:
        return push_exchange(self, api, event, data, order, location, state)


def push_exchange(pusher: ExchangePusher, api: Api, event: PendingEvent, data: dict[str, Any], order: dict[str, Any],
                  location: str, state: OrderState | None) -> PushResult:
    wanted = wanted_units(data)
    delivery = delivery_of(data)
    found = state.exchange_of(event.event_id) if state else None
    if found is not None and other_content(found, event):
        return PushResult(Outcome.REJECTED, other_content(found, event), detail={"medusa_exchange_id": found["id"]})
    if found is not None and state is not None and (state.pending("exchange", exchange_id=found["id"])
                                                    or not found.get("return_id")):
        drop_exchange(api, order["id"], found["id"])  # created but never requested: start again
        found = None
        order = api.get(f"/admin/orders/{order['id']}", [("fields", ORDER_FIELDS)])["order"]
    resumed = found is not None
    received_before = False
    if found is None:
        problem = over_return(order, wanted)
        if problem:
            return pusher.notes.refused(api, event, data, order, problem, state)
        if delivery is not None:
            blocked = cannot_deliver(api, pusher.refs, data, delivery)
            if blocked is not None:
                return blocked
            ship_home(api, order["id"], delivery)
        found = _create(pusher, api, event, data, order, location, wanted)
    else:
        ret = api.get(f"/admin/returns/{found['return_id']}", [("fields", "id,status")])["return"]
        received_before = ret.get("status") == "received"
        if state is not None and state.pending("return_receive", return_id=found["return_id"]):
            api.delete(f"/admin/returns/{found['return_id']}/receive")
    if not received_before:
        pusher.receiver.receive(api, found["return_id"], wanted, data)
    fresh = api.get(f"/admin/orders/{order['id']}", [("fields", ORDER_FIELDS)])["order"]
    own = _new_lines(api, found["id"])
    if delivery is None:
        handed = _fulfil(api, fresh, data, own, location, not pusher.refs.notify_customers)
    else:  # the source ships it: its units are reserved there, and nothing is handed over here
        lines = [i["id"] for i in _unfulfilled(fresh, data, own)]
        handed = bool(lines) and _reserve_here(api, lines, source_id(pusher.refs, delivery) or location)
    refunded = pusher.receiver.refund(api, event, data, fresh)
    duplicate = resumed and received_before and not handed and not refunded
    return PushResult(Outcome.DUPLICATE if duplicate else Outcome.APPLIED,
                      detail={"medusa_exchange_id": found["id"], "medusa_return_id": found["return_id"]})


def _create(pusher: ExchangePusher, api: Api, event: PendingEvent, data: dict[str, Any], order: dict[str, Any],
            location: str, wanted: dict[str, dict[str, Any]]) -> dict[str, Any]:
    outbound = [{"variant_id": _variant_id(api, x["sku"]), "quantity": int(x["qty"])}
                for x in (data.get("exchange") or {}).get("lines") or []]
    delivery = delivery_of(data)
    option = _outbound_option(api, (source_id(pusher.refs, delivery) if delivery else None) or location)
    marked = event_metadata(event, data)
    if delivery is not None:
        marked |= shipping_metadata(delivery, location)
    exchange = api.post("/admin/exchanges", {
        "order_id": order["id"], "metadata": marked,
        "description": f"{'Delivered' if delivery else 'In-store'} exchange {data.get('return_number')}"})["exchange"]
    xid = exchange["id"]
    try:
        inbound = []
        for line_id, w in wanted.items():
            reason = pusher.refs.reason_id(w["reason"])
            inbound.append({"id": line_id, "quantity": w["qty"], **({"reason_id": reason} if reason else {})})
        api.post(f"/admin/exchanges/{xid}/inbound/items", {"location_id": location, "items": inbound})
        api.post(f"/admin/exchanges/{xid}/outbound/items", {"items": outbound})
        shipped = api.post(f"/admin/exchanges/{xid}/outbound/shipping-method",
                           {"shipping_option_id": option, "custom_amount": 0})
        if delivery is not None:
            describe_shipping(api, xid, shipped, delivery, location)
    except OmsRefused:
        drop_exchange(api, order["id"], xid)  # an open exchange locks the order
        raise
    requested = api.post(f"/admin/exchanges/{xid}/request", {})["exchange"]
    return {"id": xid, "return_id": requested.get("return_id")}


def drop_exchange(api: Api, order_id: str, exchange_id: str, dry_run: bool = False) -> list[str]:
    """Cancel an exchange never requested, as the requests made (or, `dry_run`, that would be). Medusa
    2.21's cancel leaves the exchange's shipping methods on the order (it deletes them by their action's
    id), where a delivery's would read as a second parcel: they are removed first."""
    changes = api.get(f"/admin/orders/{order_id}/changes", [("fields", "id,status,exchange_id,*actions")]
                      ).get("order_changes") or []
    paths = [f"/admin/exchanges/{exchange_id}/outbound/shipping-method/{action['id']}" for change in changes
             if change.get("exchange_id") == exchange_id and change.get("status") in ("pending", "requested")
             for action in change.get("actions") or [] if action.get("action") == "SHIPPING_ADD"]
    paths.append(f"/admin/exchanges/{exchange_id}/request")
    if not dry_run:
        for path in paths:
            api.delete(path)
    return [f"DELETE {path}" for path in paths]


def _variant_id(api: Api, sku: str) -> str:
    variants = api.get("/admin/product-variants", [("sku", sku), ("fields", "id,sku")]).get("variants") or []
    if not variants:
        raise OmsRefused(f"Medusa has no variant with SKU {sku}", 404)
    return str(variants[0]["id"])


def _outbound_option(api: Api, location: str) -> str:
    options = api.get("/admin/shipping-options", [("stock_location_id", location),
                                                  ("fields", "id,name,*rules")]).get("shipping_options") or []
    for option in options:
        rules = {r.get("attribute"): r.get("value") for r in option.get("rules") or []}
        if rules.get("is_return") != "true":
            return str(option["id"])
    raise OmsRefused("the store has no outbound shipping option in Medusa (needed to hand an exchange over)", 400)


def _new_lines(api: Api, exchange_id: str) -> set[str]:
    """The order lines this exchange added (a delivered exchange's stay unfulfilled: another exchange of
    the same size on the order must not take them for its own)."""
    exchange = api.get(f"/admin/exchanges/{exchange_id}", [("fields", "id,*additional_items")])["exchange"]
    return {str(i.get("item_id")) for i in exchange.get("additional_items") or []}


def _fulfil(api: Api, order: dict[str, Any], data: dict[str, Any], own: set[str], location: str,
            quiet: bool) -> bool:
    """Fulfil the exchange's new lines still unfulfilled; True when something was handed over now."""
    items = _unfulfilled(order, data, own)
    if items:
        _reserve_here(api, [i["id"] for i in items], location)
        api.post(f"/admin/orders/{order['id']}/fulfillments",
                 {"items": items, "location_id": location, "no_notification": quiet})
    return bool(items)


def _unfulfilled(order: dict[str, Any], data: dict[str, Any], own: set[str]) -> list[dict[str, Any]]:
    """The exchange's new lines (`own`, by SKU) not yet fulfilled, with the quantity left of each."""
    skus = {x["sku"]: int(x["qty"]) for x in (data.get("exchange") or {}).get("lines") or []}
    items = []
    for item in order.get("items") or []:
        sku = item.get("variant_sku")
        d = item.get("detail") or {}
        left = mapping.qty(d, "quantity") - mapping.qty(d, "fulfilled_quantity")
        if item.get("id") in own and sku in skus and left > 0 and skus[sku] > 0:
            take = min(left, skus[sku])
            skus[sku] -= take
            items.append({"id": item["id"], "quantity": take})
    return items


def _reserve_here(api: Api, line_ids: list[str], location: str) -> bool:
    """Move the new lines' reservations to `location` (the till's store, or a delivery's source): Medusa
    reserves them in any store with stock. Medusa refuses to move one into a location whose count is
    already short ("Not enough stock available", e.g. a unit sold there that Medusa did not know of):
    it is then left where it is — a fulfilment from the store still takes the unit from the store's level
    and releases the reservation wherever it sits. True when one was moved now."""
    found = api.get("/admin/reservations", [*(("line_item_id", i) for i in line_ids),
                                            ("fields", "id,location_id")]).get("reservations") or []
    moved = False
    for reservation in found:
        if reservation.get("location_id") != location:
            try:
                api.post(f"/admin/reservations/{reservation['id']}", {"location_id": location})
            except OmsRefused as error:
                if SHORT not in str(error).lower():
                    raise
                log.warning("reservation %s left at %s: Medusa counts no stock left at %s", reservation["id"],
                            reservation.get("location_id"), location)
                continue
            moved = True
    return moved
