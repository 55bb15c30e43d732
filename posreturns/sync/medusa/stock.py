"""`StockAdjusted` -> Medusa.

Stock moved by a return or an exchange is moved in Medusa by the return's receive and the
exchange's fulfilment, or its reservation at the source that delivers it (or lies in a bucket Medusa
does not hold): nothing to send. The till makes no other stock moves; one would be refused rather
than silently dropped.

Except when the return never reached Medusa: a manager dismissed it (Medusa refused it, e.g. the
line had been returned at another till) and the event was released by that dismissal. The units
are nevertheless on the store's shelf, so the sellable ones are added to the store's level in Medusa.
Medusa only sets absolute levels, so each move is written in two steps made resumable by an intent
note on the inventory item (`posreturns_stock_<event>_<n>`: location, level before, level after):
the note first, then the level; a resumed move finds the note and sets the level only if it still
reads the level before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from posreturns.services.sync_ports import OmsRefused, Outcome, PendingEvent, PushResult
from posreturns.sync.medusa import mapping
from posreturns.sync.medusa.state import Api

COVERED_REASONS = ("return", "exchange", "exchange_delivery")


def push_stock(api: Api, location_id: Callable[[str | None], str | None], event: PendingEvent,
               data: dict[str, Any]) -> PushResult:
    deltas = data.get("deltas") or []
    other = next((d for d in deltas if d.get("reason") not in COVERED_REASONS), None)
    if other is not None:
        return PushResult(Outcome.REJECTED, f"Medusa is only sent stock moves of returns and exchanges, not "
                                            f"{other.get('reason')!r} for {other.get('sku')}; set that level in "
                                            "Medusa by hand.")
    if not (event.context or {}).get("released_by"):
        return PushResult(Outcome.APPLIED, detail={"covered_by_returns": len(deltas)})
    moved, already = 0, 0
    try:
        for index, delta in enumerate(deltas):
            if delta.get("bucket") != "sellable" or not int(delta.get("delta") or 0):
                continue
            if delta.get("reason") == "exchange_delivery":  # reserved at its source by the exchange, never made
                continue
            location = location_id(delta.get("location"))
            if location is None:
                return PushResult(Outcome.REJECTED, f"Medusa has no stock location for store {delta.get('location')}.")
            if move(api, f"posreturns_stock_{event.event_id}_{index}", str(delta["sku"]), location,
                     int(delta["delta"])):
                moved += 1
            else:
                already += 1
    except OmsRefused as error:
        return PushResult(Outcome.REJECTED, f"Medusa refused the stock move of a dismissed return: {error}")
    outcome = Outcome.DUPLICATE if already and not moved else Outcome.APPLIED
    return PushResult(outcome, detail={"moved_in_medusa": moved, "already_moved": already,
                                       "why": "its return was dismissed, so Medusa never received it"})


def move(api: Api, key: str, sku: str, location: str, delta: int) -> bool:
    """Add `delta` to the level of `sku` at `location`, once; True when moved now."""
    items = api.get("/admin/inventory-items", [("sku", sku), ("fields", "id,sku,metadata,*location_levels")]
                    ).get("inventory_items") or []
    if not items:
        raise OmsRefused(f"Medusa has no inventory item with SKU {sku}", 404)
    item = items[0]
    level = next((lv for lv in item.get("location_levels") or [] if lv.get("location_id") == location), None)
    current = mapping.qty(level, "stocked_quantity") if level else 0
    intent = (item.get("metadata") or {}).get(key)
    if isinstance(intent, dict):
        if current != intent.get("before"):
            return False  # set already (or moved by someone since): never add it twice
        after = int(intent["after"])
    else:
        after = max(current + delta, 0)
        api.post(f"/admin/inventory-items/{item['id']}", {"metadata": {
            key: {"location_id": location, "before": current, "after": after, "delta": delta}}})
    if level is None:
        api.post(f"/admin/inventory-items/{item['id']}/location-levels",
                 {"location_id": location, "stocked_quantity": after})
    else:
        api.post(f"/admin/inventory-items/{item['id']}/location-levels/{location}", {"stocked_quantity": after})
    return True
