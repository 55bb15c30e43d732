"""`ReturnCompleted` -> a Medusa return received at the store, and the refund recorded.

Steps (oms/README.md): create the return at the store's location with `metadata.posreturns_event_id`,
request the items with their reasons, request, receive (restocked units with receive-items, held /
RTV / scrapped units with dismiss-items so they do not go back into stock), confirm; then refund each
tender on the payment (note = marker) or, for store credit, a credit line on the order.

Resumable from any point. A first attempt (the event was never sent) creates everything. Any later
attempt first reads what Medusa holds of the order (medusa_state.py): its return found by the
marker is resumed from its status — a request never confirmed is dropped and made again, a receive
never confirmed is cancelled and made again — and refunds and credit lines already there (matched
on their note / reference) are not made twice. An over-return is refused before anything is
created (Medusa's own check ignores dismissed units), with the returns that took the units.
"""

from __future__ import annotations

import contextlib
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from posreturns.domain.money import exponent
from posreturns.services.sync_ports import OmsRefused, Outcome, PendingEvent, PushResult
from posreturns.sync.connectors import medusa_mapping as mapping
from posreturns.sync.connectors.medusa_exchange import push_exchange
from posreturns.sync.connectors.medusa_markers import event_metadata, other_content
from posreturns.sync.connectors.medusa_state import Api, OrderState, finish_or_drop_return

if TYPE_CHECKING:
    from posreturns.sync.connectors.medusa_push import MedusaPusher

ORDER_FIELDS = ("id,display_id,currency_code,customer_id,email,*items,items.detail.*,*payment_collections,"
                "*payment_collections.payments,*payment_collections.payments.refunds,*credit_lines,*summary")
LOCKED = "active order change"


def major(minor: int, currency: str) -> Decimal:
    return Decimal(minor).scaleb(-exponent(currency.upper()))


class ReturnPusher:
    def __init__(self, currency: str, refs: MedusaPusher) -> None:
        self.currency = currency
        self.refs = refs

    def push(self, api: Api, event: PendingEvent, data: dict[str, Any]) -> PushResult:
        original = data.get("original_order") or {}
        if not original.get("id"):
            return PushResult(Outcome.APPLIED, detail={"not_sent": "a return without a sale: Medusa has no returns "
                                                                   "without an order; it stays on the till's reports"})
        store = (event.payload.get("device") or {}).get("store_id")
        location = self.refs.location_id(store)
        if location is None:
            return PushResult(Outcome.REJECTED, f"Medusa has no stock location for store {store}; add it or fix "
                                                "the till's store.id.")
        order = api.get(f"/admin/orders/{original['id']}", [("fields", ORDER_FIELDS)])["order"]
        state = None if event.first_attempt else OrderState(api, order["id"])
        try:
            if data.get("refund_method") == "exchange" and (data.get("exchange") or {}).get("lines"):
                return push_exchange(self, api, event, data, order, location, state)
            return self._return(api, event, data, order, location, state)
        except OmsRefused as error:
            if LOCKED in str(error):
                return PushResult.retry(f"Medusa: {error} (another change of this order is in progress)")
            return self.refs.notes.refused(api, event, data, order, {"message": f"Medusa refused the return: {error}"},
                                           state)

    def _return(self, api: Api, event: PendingEvent, data: dict[str, Any], order: dict[str, Any], location: str,
                state: OrderState | None) -> PushResult:
        wanted = _wanted(data)
        found = state.return_of(event.event_id) if state else None
        if found is not None and other_content(found, event):
            return PushResult(Outcome.REJECTED, other_content(found, event), detail={"medusa_return_id": found["id"]})
        received_before = found is not None and found.get("status") == "received"
        if found is not None and state is not None:
            found = finish_or_drop_return(api, state, found)
            if found is None:  # dropped: its units are returnable again
                order = api.get(f"/admin/orders/{order['id']}", [("fields", ORDER_FIELDS)])["order"]
        if found is None:
            problem = over_return(order, wanted)
            if problem:
                return self.refs.notes.refused(api, event, data, order, problem, state)
            found = self.open(api, event, data, order, location, wanted)
        if found["status"] != "received":
            self.receive(api, found["id"], wanted, data)
        refunded = self.refund(api, event, data, order)
        done_before = received_before and refunded == 0
        return PushResult(Outcome.DUPLICATE if done_before else Outcome.APPLIED,
                          detail={"medusa_return_id": found["id"], "refunds": refunded})

    def open(self, api: Api, event: PendingEvent, data: dict[str, Any], order: dict[str, Any], location: str,
             wanted: dict[str, dict[str, Any]]) -> dict[str, Any]:
        created = api.post("/admin/returns", {
            "order_id": order["id"], "location_id": location, "no_notification": True,
            "metadata": event_metadata(event, data),
            "description": f"In-store return {data.get('return_number')}",
            "internal_note": f"posreturns event {event.event_id}"})["return"]
        rid = created["id"]
        items = []
        for line_id, w in wanted.items():
            reason = self.refs.reason_id(w["reason"])
            items.append({"id": line_id, "quantity": w["qty"], **({"reason_id": reason} if reason else {}),
                          **({"internal_note": w["note"]} if w["note"] else {})})
        try:
            api.post(f"/admin/returns/{rid}/request-items", {"items": items})
        except OmsRefused:
            api.delete(f"/admin/returns/{rid}/request")  # else the open return locks the order
            raise
        api.post(f"/admin/returns/{rid}/request", {"no_notification": True})
        return {**created, "status": "requested"}

    def receive(self, api: Api, rid: str, wanted: dict[str, dict[str, Any]], data: dict[str, Any]) -> None:
        api.post(f"/admin/returns/{rid}/receive",
                 {"internal_note": f"Received in store, return {data.get('return_number')}"})
        back = [{"id": line, "quantity": w["restock"]} for line, w in wanted.items() if w["restock"]]
        held = [{"id": line, "quantity": w["qty"] - w["restock"]} for line, w in wanted.items()
                if w["qty"] > w["restock"]]
        try:
            if back:
                api.post(f"/admin/returns/{rid}/receive-items", {"items": back})
            if held:
                api.post(f"/admin/returns/{rid}/dismiss-items", {"items": held})
            api.post(f"/admin/returns/{rid}/receive/confirm", {})
        except OmsRefused:
            api.delete(f"/admin/returns/{rid}/receive")  # a receive left open would lock the order
            raise

    def refund(self, api: Api, event: PendingEvent, data: dict[str, Any], order: dict[str, Any]) -> int:
        """Record each tender once; returns how many were recorded now."""
        currency = str(data.get("currency") or order.get("currency_code") or self.currency)
        payments = [p for c in order.get("payment_collections") or [] for p in c.get("payments") or []
                    if p.get("captured_at") and not p.get("canceled_at")]
        notes = {str(r.get("note") or "") for p in payments for r in p.get("refunds") or []}
        credits = {str(c.get("reference_id") or "") for c in order.get("credit_lines") or []}
        done = 0
        for index, tender in enumerate(data.get("tenders") or []):
            marker = f"posreturns:{event.event_id}:{index}"
            amount = major(int(tender.get("amount_minor") or 0), currency)
            if amount <= 0 or marker in notes or marker in credits:
                continue
            if tender.get("method") == "store_credit":
                self._credit_line(api, order["id"], marker, amount, data)
            else:
                payment = next((p for p in payments if p["id"] == tender.get("reference")),
                               payments[0] if payments else None)
                if payment is None:
                    continue
                body = {"amount": amount, "note": marker}
                if self.refs.refund_reason():
                    body["refund_reason_id"] = self.refs.refund_reason()
                try:
                    api.post(f"/admin/payments/{payment['id']}/refund", body)
                except OmsRefused as error:
                    raise OmsRefused(f"the return is received in Medusa but the refund of {amount} was refused: "
                                     f"{error}", error.status, error.kind) from None
            done += 1
        return done

    def _credit_line(self, api: Api, order_id: str, marker: str, amount: Decimal, data: dict[str, Any]) -> None:
        voucher = (data.get("voucher") or {}).get("code")
        # Medusa allows a credit line only while the order owes money back; the voucher stands
        with contextlib.suppress(OmsRefused):
            api.post(f"/admin/orders/{order_id}/credit-lines", {
                "amount": -amount, "reference": "posreturns_store_credit", "reference_id": marker,
                "metadata": {"voucher": voucher, "return_number": data.get("return_number")}})


def _wanted(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Returned units per Medusa line item: total, restocked, first reason and note."""
    wanted: dict[str, dict[str, Any]] = {}
    for line in data.get("lines") or []:
        line_id = line.get("order_line_id")
        if not line_id:
            continue
        entry = wanted.setdefault(line_id, {"qty": 0, "restock": 0, "reason": line.get("reason"),
                                            "note": line.get("note"), "sku": line.get("sku")})
        entry["qty"] += int(line.get("qty") or 0)
        if line.get("disposition") == "RESTOCK":
            entry["restock"] += int(line.get("qty") or 0)
    return wanted


def over_return(order: dict[str, Any], wanted: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    """The line that has fewer returnable units than asked, with Medusa's message, else None."""
    items = {i["id"]: i for i in order.get("items") or []}
    for line_id, w in wanted.items():
        item = items.get(line_id)
        if item is None:
            return {"line": line_id, "sku": w["sku"], "asked": w["qty"], "left": 0,
                    "message": f"Medusa: order {order.get('display_id')} has no line {line_id} ({w['sku']})."}
        d = item.get("detail") or {}
        left = (mapping.qty(d, "fulfilled_quantity") - mapping.qty(d, "return_requested_quantity")
                - mapping.qty(d, "return_received_quantity") - mapping.qty(d, "return_dismissed_quantity"))
        if w["qty"] > left:
            return {"line": line_id, "sku": w["sku"], "asked": w["qty"], "left": max(left, 0),
                    "message": f"Medusa: cannot return {w['qty']} × {w['sku']} from order {order.get('display_id')}: "
                               f"only {max(left, 0)} unit(s) can still be returned (already returned elsewhere?)."}
    return None
