"""Held units in Medusa: each store has a quarantine stock location (reference.py: in no sales channel,
so what it holds is visible in Medusa and never sold), holding the units the till's restock queue holds.

Medusa only sets absolute levels, and the quarantine level of a SKU may be moved by every till of the
store. So it is never incremented: each unit is noted on its inventory item (`posreturns_held_<unit>` =
{store, location, held, state, event}; Medusa merges metadata keys, so two tills never overwrite each
other's notes) and the level is set to the count of units noted as held there. A retried push
notes the same thing and counts again: nothing is ever counted twice, and a count two tills raced on
is set right by the next one.

* a return pushed to Medusa (`ReturnCompleted`): its INSPECT / REFURBISH / RESALE units are noted
  held (the receive dismissed them: they never went into the store's sellable level); a unit graded
  at the till leaves again with its own `HeldUnitMoved`, right after;
* `HeldUnitMoved` (after its return: the same outbox chain): the unit is noted with its new state and
  the count set again; a unit released to sale is also added to the store's sellable level, once
  (stock.py's intent note); refurbished units stay held, and so do units for the vendor until their
  batch ships (`RtvBatchShipped`, rtv_shipments.py); second hand and scrap leave the quarantine. A
  unit another event already took out of the queue (a manager at another till of the store acted
  first) is refused with who did what: one action, one exception.

Each held unit is also noted on its Medusa order (`posreturns_held_<unit>`: return, till, SKU, reason,
state, who acted): head office sees it there, and the other tills of the store pull it with the order
and show it in their restock queue (mapping.held_units).
"""

from __future__ import annotations

from typing import Any

from posreturns.domain.held_units import unit_ids
from posreturns.domain.returns import Disposition, StockBucket
from posreturns.services.sync_ports import OmsRefused, Outcome, PendingEvent, PushResult
from posreturns.sync.medusa import mapping
from posreturns.sync.medusa.reference import ReferenceData
from posreturns.sync.medusa.state import Api
from posreturns.sync.medusa.stock import move

HELD_KEY = "posreturns_held_"
STILL_HELD = ("held", "refurbishing")  # a manager may still act on it
IN_QUARANTINE = (*STILL_HELD, "rtv")  # still in the store: a unit for the vendor leaves when its batch ships
LOCKED = "active order change"
ACTED_ELSEWHERE = "acted_elsewhere"
ITEM_FIELDS = "id,sku,metadata,*location_levels"


class HeldStock:
    name = "held_stock"  # the posreturns plugin names the steps it makes itself (plugin.py)

    def __init__(self, refs: ReferenceData) -> None:
        self.refs = refs

    def concerns(self, event: PendingEvent) -> bool:
        return event.event_type == "HeldUnitMoved" or (
            event.event_type == "ReturnCompleted" and bool(held_lines(event.payload.get("data") or {})))

    def after(self, api: Api, event: PendingEvent, done: PushResult) -> PushResult:
        """The held-stock part of an event Medusa has applied (`done`), made or found made."""
        if done.outcome not in (Outcome.APPLIED, Outcome.DUPLICATE) or not self.concerns(event):
            return done
        data = event.payload.get("data") or {}
        try:
            if event.event_type == "ReturnCompleted":
                detail = self._held_at_return(api, event, data)
            else:
                detail = self._moved(api, event, data)
                if done.detail.get("not_sent"):
                    return PushResult(Outcome.APPLIED, detail=detail)
        except OmsRefused as error:
            if LOCKED in str(error):
                return PushResult.retry(f"Medusa: {error} (another change of this order is in progress)")
            if error.kind == ACTED_ELSEWHERE:
                return PushResult(Outcome.REJECTED, f"Medusa: {error}")
            return PushResult(Outcome.REJECTED, f"Medusa refused to move the held unit(s) of this event in its "
                                                f"quarantine location: {error}")
        return PushResult(done.outcome, done.reason, done.retry_after, {**done.detail, **detail})

    def _held_at_return(self, api: Api, event: PendingEvent, data: dict[str, Any]) -> dict[str, Any]:
        store = str((event.payload.get("device") or {}).get("store_id") or "")
        quarantine = self._quarantine(store)
        noted = 0
        for sku, units in held_lines(data).items():
            item = _item(api, sku)
            if item is None:
                continue  # not in Medusa's catalogue: nothing to show there
            fresh = {f"{HELD_KEY}{u}": _note(store, quarantine, "held", event.event_id) for u in units
                     if f"{HELD_KEY}{u}" not in (item.get("metadata") or {})}  # a later move is never undone
            if fresh:
                api.post(f"/admin/inventory-items/{item['id']}", {"metadata": fresh})
            noted += len(fresh)
            _set_count(api, (_item(api, sku) if fresh else None) or item, quarantine)
        order_id = str((data.get("original_order") or {}).get("id") or "")
        if order_id.startswith("order_"):
            _note_on_order(api, order_id, {f"{HELD_KEY}{unit}": {
                "unit_id": unit, "return_id": data.get("return_id"), "return_number": data.get("return_number"),
                "till": event.till_id, "store": store, "sku": line.get("sku"), "serial": line.get("serial"),
                "reason": line.get("reason"), "condition": line.get("condition"),
                "disposition": line.get("disposition"), "note": line.get("note"), "state": "held",
                "held_at": event.payload.get("occurred_at"), "event_id": event.event_id}
                for unit, line in held_units_of(data)}, only_new=True)
        return {"held_in_medusa": noted, "quarantine_location": quarantine}

    def _moved(self, api: Api, event: PendingEvent, data: dict[str, Any]) -> dict[str, Any]:
        store, sku, unit = str(data.get("location") or ""), str(data.get("sku") or ""), str(data.get("unit_id"))
        quarantine = self._quarantine(store)
        item = _item(api, sku)
        if item is None:
            return {"not_sent": f"Medusa has no inventory item with SKU {sku}"}
        state = str(data.get("to") or data.get("action") or "")
        key = f"{HELD_KEY}{unit}"
        noted = (item.get("metadata") or {}).get(key)
        if (isinstance(noted, dict) and noted.get("event_id") != event.event_id
                and noted.get("state") not in STILL_HELD):
            raise OmsRefused(f"unit {unit} was already {noted.get('state')} by {noted.get('by') or 'someone'} at till "
                             f"{noted.get('till') or '?'} ({noted.get('at') or 'earlier'}); this action was not "
                             "applied in Medusa.", 409, ACTED_ELSEWHERE)
        if not (isinstance(noted, dict) and noted.get("event_id") == event.event_id):
            api.post(f"/admin/inventory-items/{item['id']}", {"metadata": {key: _note(
                store, quarantine, state, event.event_id, by=event.payload.get("operator_id"), till=event.till_id,
                at=event.payload.get("occurred_at"))}})
            item = _item(api, sku) or item  # with the notes other tills wrote meanwhile
        held = _set_count(api, item, quarantine)
        detail: dict[str, Any] = {"quarantine_location": quarantine, "held_at_quarantine": held, "unit_state": state}
        if data.get("to_bucket") == StockBucket.SELLABLE.value:
            location = self.refs.location_id(store)
            if location is None:
                raise OmsRefused(f"Medusa has no stock location for store {store}", 404)
            detail["released_to_sale"] = move(api, f"posreturns_stock_{event.event_id}_0", sku, location, 1)
        order_id = str(data.get("order_id") or "")
        if order_id.startswith("order_"):
            _note_on_order(api, order_id, {key: {
                "state": state, "action": data.get("action"), "by": event.payload.get("operator_id"),
                "acted_till": event.till_id, "at": event.payload.get("occurred_at"), "event_id": event.event_id,
                "acted_note": data.get("note")}}, only_new=False)
        return detail

    def _quarantine(self, store: str) -> str:
        quarantine = self.refs.quarantine_id(store)
        if quarantine is None:
            raise OmsRefused(f"Medusa has no stock location for store {store}", 404)
        return quarantine


def held_units_of(data: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(unit id, its return line) of each unit the return holds: the same ids as the till's restock queue."""
    lines = [line for line in data.get("lines") or [] if isinstance(line, dict)]
    if not data.get("return_number") or not lines:
        return []
    ids = unit_ids(str(data["return_number"]), [int(line.get("qty") or 0) for line in lines])
    held = []
    for line, units in zip(lines, ids, strict=True):
        try:
            bucket = Disposition(str(line.get("disposition"))).bucket
        except ValueError:
            continue
        if bucket is StockBucket.QUARANTINE:
            held += [(unit, line) for unit in units]
    return held


def held_lines(data: dict[str, Any]) -> dict[str, list[str]]:
    """SKU -> the ids of the return's held units."""
    by_sku: dict[str, list[str]] = {}
    for unit, line in held_units_of(data):
        by_sku.setdefault(str(line.get("sku")), []).append(unit)
    return by_sku


def _note(store: str, location: str, state: str, event_id: str, **who: Any) -> dict[str, Any]:
    return {"store": store, "location_id": location, "state": state, "held": state in IN_QUARANTINE,
            "event_id": event_id, **who}


def _note_on_order(api: Api, order_id: str, notes: dict[str, dict[str, Any]], only_new: bool) -> None:
    """Write the units' notes in the order's metadata (Medusa merges keys); an existing note is kept
    (`only_new`) or updated with the move, so the order reads the unit's whole story."""
    order = api.get(f"/admin/orders/{order_id}", [("fields", "id,metadata")]).get("order") or {}
    metadata = order.get("metadata") or {}
    fresh = {}
    for key, value in notes.items():
        old = metadata.get(key)
        if isinstance(old, dict) and (only_new or old.get("event_id") == value.get("event_id")):
            continue
        fresh[key] = {**(old if isinstance(old, dict) else {}), **value}
    if fresh:
        api.post(f"/admin/orders/{order_id}", {"metadata": fresh})


def _item(api: Api, sku: str) -> dict[str, Any] | None:
    items = api.get("/admin/inventory-items", [("sku", sku), ("fields", ITEM_FIELDS)]).get("inventory_items") or []
    return dict(items[0]) if items else None


def _set_count(api: Api, item: dict[str, Any], quarantine: str) -> int:
    """Set the quarantine level to the number of units noted as held there; returns it."""
    held = sum(1 for key, note in (item.get("metadata") or {}).items()
               if key.startswith(HELD_KEY) and isinstance(note, dict) and note.get("held")
               and note.get("location_id") == quarantine)
    level = next((lv for lv in item.get("location_levels") or [] if lv.get("location_id") == quarantine), None)
    if level is None:
        api.post(f"/admin/inventory-items/{item['id']}/location-levels",
                 {"location_id": quarantine, "stocked_quantity": held})
    elif mapping.qty(level, "stocked_quantity") != held:
        api.post(f"/admin/inventory-items/{item['id']}/location-levels/{quarantine}", {"stocked_quantity": held})
    return held
