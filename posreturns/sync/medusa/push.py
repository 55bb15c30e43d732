"""Pushing outbox events to Medusa, each at most once and resumable from any point: what an earlier
attempt left in Medusa is found by the event's marker (its event id) and finished, or cancelled and
made again; every step that changes Medusa is fenced (the uploader must still hold its lease).

* `ReturnCompleted`   -> returns.py (return / refund / exchange).
* `StockAdjusted`     -> stock.py (moved by the return itself, unless its return was dismissed).
* `VoucherIssued`     -> Medusa has no store credit: the voucher is recorded in the metadata
  (`posreturns_voucher_<code>`) of the original order and of the customer (notes.py); the
  money side is a credit line written with the return.
* `VoucherVoided`     -> the same notes marked void, with who voided the voucher, when and why (notes.py).
* `ExceptionResolved` -> a manager's resolution added to the refusal's note (notes.py).
* `HeldUnitMoved`     -> the unit leaves the store's quarantine location (held_stock.py), which a
  return's held units entered when the return was pushed; a unit graded for second hand becomes a
  product in the second-hand sales channel (resale_items.py).
* `ResaleRelabelled`  -> the second-hand item made (or its code changed) with the new code a manager gave
  its unit after the OMS refused its label (resale_items.py).
* `RtvBatchShipped`   -> the batch's units leave the store's quarantine location, and the orders
  concerned are noted with the batch (rtv_shipments.py).
* `StaffAlertSettled` -> added to the note of the return's alerts on its order (alert_notes.py), which
  the return's push wrote.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from posreturns.services.sync_ports import OmsUnavailable, Outcome, PendingEvent, PushResult
from posreturns.sync.medusa.alert_notes import AlertNotes
from posreturns.sync.medusa.held_stock import HeldStock
from posreturns.sync.medusa.notes import Notes
from posreturns.sync.medusa.reference import ReferenceData
from posreturns.sync.medusa.resale_items import ResaleItems
from posreturns.sync.medusa.returns import ReturnPusher
from posreturns.sync.medusa.rtv_shipments import RtvShipments
from posreturns.sync.medusa.state import Api
from posreturns.sync.medusa.stock import push_stock
from posreturns.sync.wire import HttpJsonClient, NotFoundAtOms

AfterStep = HeldStock | ResaleItems | RtvShipments | AlertNotes  # what Medusa's own steps do not do


class MedusaPusher:
    def __init__(self, client: HttpJsonClient, currency: str, refs: ReferenceData) -> None:
        self.client = client
        self.refs = refs
        self.notes = Notes(currency, refs)
        self.returns = ReturnPusher(currency, refs, self.notes)
        # what Medusa's own steps do not do, after them
        self.steps = (HeldStock(refs), ResaleItems(refs), RtvShipments(refs), AlertNotes())

    # -- events ------------------------------------------------------------------------------------------
    def push(self, event: PendingEvent, fence: Callable[[], None] | None = None) -> PushResult:
        data = event.payload.get("data")
        if not isinstance(data, dict):
            return PushResult(Outcome.REJECTED, f"Event {event.seq} has no readable data; it cannot be sent.")
        api = self.client.fenced(fence)
        try:
            return self._after(api, event, self._push(api, event, data))
        except NotFoundAtOms as error:
            return PushResult(Outcome.REJECTED, f"Medusa: {error}")

    def _after(self, api: Api, event: PendingEvent, result: PushResult,
               steps: Sequence[AfterStep] | None = None) -> PushResult:
        for step in self.steps if steps is None else steps:
            result = step.after(api, event, result)
        return result

    def _push(self, api: Api, event: PendingEvent, data: dict[str, Any]) -> PushResult:
        if event.event_type == "ReturnCompleted":
            return self.returns.push(api, event, data)
        if event.event_type == "StockAdjusted":
            return push_stock(api, self.refs.location_id, event, data)
        if event.event_type == "VoucherIssued":
            return self.notes.voucher(api, event, data)
        if event.event_type == "VoucherVoided":
            return self.notes.voided(api, event, data)
        if event.event_type == "ExceptionResolved":
            return self.notes.resolved(api, event, data)
        return PushResult(Outcome.APPLIED, detail={"not_sent": f"Medusa has no use for {event.event_type} events"})

    def one_by_one(self, events: list[PendingEvent], fence: Callable[[], None] | None = None) -> dict[str, PushResult]:
        """A batch pushed through the Admin API, event by event, as the plugin answers one: an order's
        events after one that could not be applied are left out."""
        results: dict[str, PushResult] = {}
        stopped: set[str | None] = set()
        for event in events:
            if event.order_key in stopped:
                continue
            try:
                results[event.event_id] = self.push(event, fence)
            except OmsUnavailable as error:
                results[event.event_id] = PushResult.retry(str(error), error.retry_after)
            if results[event.event_id].outcome not in (Outcome.APPLIED, Outcome.DUPLICATE):
                stopped.add(event.order_key)
        return results

    def after_plugin(self, events: list[PendingEvent], results: dict[str, PushResult],
                     fence: Callable[[], None] | None = None,
                     made_by_plugin: frozenset[str] = frozenset()) -> dict[str, PushResult]:
        """A plugin older than 0.2 applies the return and acknowledges a held unit's move or an alert's
        settlement; the held-stock and alert parts of each applied event are then made here, in order per
        order: an order's events after one whose part could not be made now are left out (not attempted),
        as the plugin does. The steps the plugin names (`made_by_plugin`) it made itself."""
        steps = [step for step in self.steps if step.name not in made_by_plugin]
        if not steps:
            return results
        api = self.client.fenced(fence)
        stopped: set[str | None] = set()
        for event in events:
            done = results.get(event.event_id)
            if done is None or not any(step.concerns(event) for step in steps):
                continue
            if event.order_key in stopped:
                results.pop(event.event_id)
                continue
            try:
                results[event.event_id] = self._after(api, event, done, steps)
            except NotFoundAtOms as error:
                results[event.event_id] = PushResult(Outcome.REJECTED, f"Medusa: {error}")
            except OmsUnavailable as error:
                results[event.event_id] = PushResult.retry(str(error), error.retry_after)
            if results[event.event_id].outcome not in (Outcome.APPLIED, Outcome.DUPLICATE):
                stopped.add(event.order_key)
        return results
