"""`RtvBatchShipped` -> Medusa: the units of a return-to-vendor batch leave the store.

A unit a manager puts in a vendor's batch (`HeldUnitMoved`, action `rtv`) stays in the store's
quarantine location (held_stock.py): it is still on the store's back shelf. When the batch ships,
each unit is noted `rtv_shipped` on its inventory item and the quarantine level is counted again
(the same notes and count as held_stock.py, so a retried push moves nothing twice), and each order
concerned gets the batch noted (`posreturns_rtv_<batch id>`: vendor, tracking reference, its units,
who shipped it and when), and the unit's own note there gets `shipped` with the same.

A unit whose `HeldUnitMoved` has not reached Medusa yet (the batch's event is in no order's chain)
makes the event wait and be sent again; a unit another till acted on first (it is not in a batch in
Medusa) is left as it is and named in the result.
"""

from __future__ import annotations

from typing import Any

from posreturns.services.sync_ports import OmsRefused, Outcome, PendingEvent, PushResult
from posreturns.sync.medusa.held_stock import HELD_KEY, _item, _note, _note_on_order, _set_count
from posreturns.sync.medusa.reference import ReferenceData
from posreturns.sync.medusa.state import Api

RTV_KEY = "posreturns_rtv_"
SHIPPED = "rtv_shipped"
WAIT_SECONDS = 60.0


class NotYetInBatch(Exception):
    """A unit of the batch is not noted in a vendor batch in Medusa yet."""


class RtvShipments:
    name = "rtv_shipments"  # made here after the plugin too: the plugin does not list it (plugin.py)

    def __init__(self, refs: ReferenceData) -> None:
        self.refs = refs

    def concerns(self, event: PendingEvent) -> bool:
        return event.event_type == "RtvBatchShipped" and bool((event.payload.get("data") or {}).get("lines"))

    def after(self, api: Api, event: PendingEvent, done: PushResult) -> PushResult:
        if done.outcome not in (Outcome.APPLIED, Outcome.DUPLICATE) or not self.concerns(event):
            return done
        data = event.payload.get("data") or {}
        try:
            detail = self._shipped(api, event, data)
        except NotYetInBatch as waiting:
            return PushResult.retry(str(waiting), WAIT_SECONDS)
        except OmsRefused as error:
            if "active order change" in str(error):
                return PushResult.retry(f"Medusa: {error} (another change of this order is in progress)")
            return PushResult(Outcome.REJECTED, f"Medusa refused to take RTV batch {data.get('batch_id')} out of "
                                                f"the store's quarantine: {error}")
        return PushResult(Outcome.APPLIED, detail=detail)

    def _shipped(self, api: Api, event: PendingEvent, data: dict[str, Any]) -> dict[str, Any]:
        store = str(data.get("location") or "")
        quarantine = self.refs.quarantine_id(store)
        if quarantine is None:
            raise OmsRefused(f"Medusa has no stock location for store {store}", 404)
        lines = [line for line in data["lines"] if isinstance(line, dict) and line.get("unit_id")]
        shipped: list[str] = []
        not_ours: list[str] = []
        by_order: dict[str, list[str]] = {}
        who = {"shipped_by": event.payload.get("operator_id"), "shipped_till": event.till_id,
               "shipped_at": event.payload.get("occurred_at"), "batch_id": data.get("batch_id"),
               "vendor": data.get("vendor"), "reference": data.get("reference")}
        for sku in sorted({str(line.get("sku")) for line in lines}):
            item = _item(api, sku)
            if item is None:
                continue  # not in Medusa's catalogue: never held there
            fresh = {}
            for line in (line for line in lines if line.get("sku") == sku):
                key = f"{HELD_KEY}{line['unit_id']}"
                noted = (item.get("metadata") or {}).get(key)
                noted = noted if isinstance(noted, dict) else {}
                state, by_event = noted.get("state"), noted.get("event_id")
                if state == SHIPPED and by_event == event.event_id:
                    shipped.append(line["unit_id"])
                elif state == "rtv":
                    fresh[key] = _note(store, quarantine, SHIPPED, event.event_id, **who)
                    shipped.append(line["unit_id"])
                elif state in (None, "held", "refurbishing"):
                    raise NotYetInBatch(f"unit {line['unit_id']} is not in a vendor batch in Medusa yet (its move "
                                        "is still to be sent); the batch's shipment is sent again after it.")
                else:
                    not_ours.append(line["unit_id"])
                    continue
                by_order.setdefault(str(line.get("order_id") or ""), []).append(line["unit_id"])
            if fresh:
                api.post(f"/admin/inventory-items/{item['id']}", {"metadata": fresh})
                item = _item(api, sku) or item
            _set_count(api, item, quarantine)
        for order_id, units in by_order.items():
            if order_id.startswith("order_"):
                # the unit's state there stays `rtv` (what the other tills' queues read): the shipment is beside it
                _note_on_order(api, order_id, {**{f"{HELD_KEY}{unit}": {"shipped": who, "event_id": event.event_id}
                                                  for unit in units},
                                               f"{RTV_KEY}{data.get('batch_id')}": {
                                                   **who, "store": store, "units": units, "event_id": event.event_id}},
                               only_new=False)
        return {"rtv_shipped_in_medusa": shipped, "not_in_this_batch_in_medusa": not_ours,
                "quarantine_location": quarantine}
