"""`ReturnCompleted` -> a Medusa return received at the store, and the refund recorded.

Steps (oms/README.md): create the return at the store's location with `metadata.posreturns_event_id`,
request the items with their reasons, request, receive (restocked units with receive-items, held /
RTV / scrapped units with dismiss-items so they do not go back into stock), confirm; then refund each
tender on the payment (note = marker) or, for store credit, a credit line on the order.

At most once: the order's returns are listed and matched on the marker first (Medusa refuses
metadata filters); a return found half-way is resumed from its status; refunds and credit lines
are matched on their note / reference. An over-return is refused before anything is created
(Medusa's own check ignores dismissed units), and Medusa's refusals come back with its message.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from posreturns.domain.money import exponent
from posreturns.services.sync_ports import OmsRefused, Outcome, PendingEvent, PushResult
from posreturns.sync.connectors import medusa_mapping as mapping
from posreturns.sync.connectors.medusa_exchange import push_exchange
from posreturns.sync.connectors.medusa_markers import event_metadata, other_content
from posreturns.sync.wire import HttpJsonClient

if TYPE_CHECKING:
    from posreturns.sync.connectors.medusa_push import MedusaPusher

ORDER_FIELDS = ("id,display_id,currency_code,*items,items.detail.*,*payment_collections,"
                "*payment_collections.payments,*payment_collections.payments.refunds,*credit_lines,*summary")
RETURN_FIELDS = "id,status,metadata,location_id,received_at,canceled_at,*items"
LOCKED = "active order change"


def major(minor: int, currency: str) -> Decimal:
    return Decimal(minor).scaleb(-exponent(currency.upper()))


class ReturnPusher:
    def __init__(self, client: HttpJsonClient, currency: str, refs: MedusaPusher) -> None:
        self.client = client
        self.currency = currency
        self.refs = refs
        self._refund_reason: str | None = None

    def push(self, event: PendingEvent, data: dict[str, Any]) -> PushResult:
        original = data.get("original_order") or {}
        if not original.get("id"):
            return PushResult(Outcome.APPLIED, detail={"not_sent": "a return without a sale: Medusa has no returns "
                                                                   "without an order; it stays on the till's reports"})
        store = (event.payload.get("device") or {}).get("store_id")
        location = self.refs.location_id(store)
        if location is None:
            return PushResult(Outcome.REJECTED, f"Medusa has no stock location for store {store}; add it or fix "
                                                "the till's store.id.")
        order = self.client.get(f"/admin/orders/{original['id']}", [("fields", ORDER_FIELDS)])["order"]
        if data.get("refund_method") == "exchange" and (data.get("exchange") or {}).get("lines"):
            return push_exchange(self, event, data, order, location)
        wanted = _wanted(data)
        found = self.find(order["id"], event.event_id, "/admin/returns", "returns")
        resumed = found is not None
        if found is not None and other_content(found, event):
            return PushResult(Outcome.REJECTED, other_content(found, event), detail={"medusa_return_id": found["id"]})
        if found is None:
            problem = over_return(order, wanted)
            if problem:
                return PushResult(Outcome.REJECTED, problem)
            try:
                found = self.open(event, data, order, location, wanted)
            except OmsRefused as error:
                if LOCKED in str(error):
                    return PushResult.retry(f"Medusa: {error} (another change of this order is in progress)")
                return PushResult(Outcome.REJECTED, f"Medusa refused the return: {error}")
        try:
            if found["status"] != "received":
                self.receive(found["id"], wanted, data)
            refunded = self.refund(event, data, order)
        except OmsRefused as error:
            return PushResult(Outcome.REJECTED, f"Medusa: {error}", detail={"medusa_return_id": found["id"]})
        done_before = resumed and found["status"] == "received" and refunded == 0
        return PushResult(Outcome.DUPLICATE if done_before else Outcome.APPLIED,
                          detail={"medusa_return_id": found["id"], "refunds": refunded})

    def find(self, order_id: str, event_id: str, path: str, key: str) -> dict[str, Any] | None:
        answer = self.client.get(path, [("order_id", order_id), ("fields", RETURN_FIELDS if key == "returns"
                                                                  else "id,return_id,metadata,canceled_at"), ("limit", 200)])
        for record in answer.get(key) or []:
            if (record.get("metadata") or {}).get(mapping.MARKER) == event_id and not record.get("canceled_at"):
                return dict(record)
        return None

    def open(self, event: PendingEvent, data: dict[str, Any], order: dict[str, Any], location: str,
             wanted: dict[str, dict[str, Any]]) -> dict[str, Any]:
        created = self.client.post("/admin/returns", {
            "order_id": order["id"], "location_id": location, "no_notification": True,
            "metadata": event_metadata(event, data),
            "description": f"In-store return {data.get('return_number')}",
            "internal_note": f"posreturns event {event.event_id}"})["return"]
        rid = created["id"]
        items = []
        for line_id, w in wanted.items():
            w["reason_id"] = self.refs.reason_id(w["reason"])
            items.append({"id": line_id, "quantity": w["qty"], **({"reason_id": w["reason_id"]} if w["reason_id"] else {}),
                          **({"internal_note": w["note"]} if w["note"] else {})})
        try:
            self.client.post(f"/admin/returns/{rid}/request-items", {"items": items})
        except OmsRefused:
            self.client.delete(f"/admin/returns/{rid}/request")  # else the open return locks the order
            raise
        self.client.post(f"/admin/returns/{rid}/request", {"no_notification": True})
        return {**created, "status": "requested"}

    def receive(self, rid: str, wanted: dict[str, dict[str, Any]], data: dict[str, Any]) -> None:
        note = f"Received in store, return {data.get('return_number')}"
        try:
            self.client.post(f"/admin/returns/{rid}/receive", {"internal_note": note})
        except OmsRefused as error:
            if LOCKED not in str(error):
                raise
            self.client.delete(f"/admin/returns/{rid}/receive")  # a receive left half-done by a lost response
            self.client.post(f"/admin/returns/{rid}/receive", {"internal_note": note})
        back = [{"id": line, "quantity": w["restock"]} for line, w in wanted.items() if w["restock"]]
        held = [{"id": line, "quantity": w["qty"] - w["restock"]} for line, w in wanted.items() if w["qty"] > w["restock"]]
        if back:
            self.client.post(f"/admin/returns/{rid}/receive-items", {"items": back})
        if held:
            self.client.post(f"/admin/returns/{rid}/dismiss-items", {"items": held})
        self.client.post(f"/admin/returns/{rid}/receive/confirm", {})

    def refund(self, event: PendingEvent, data: dict[str, Any], order: dict[str, Any]) -> int:
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
                self._credit_line(order["id"], marker, amount, data)
            else:
                payment = next((p for p in payments if p["id"] == tender.get("reference")), payments[0] if payments else None)
                if payment is None:
                    continue
                body = {"amount": amount, "note": marker}
                if self.refund_reason():
                    body["refund_reason_id"] = self.refund_reason()
                try:
                    self.client.post(f"/admin/payments/{payment['id']}/refund", body)
                except OmsRefused as error:
                    raise OmsRefused(f"the return is received in Medusa but the refund of {amount} was refused: "
                                     f"{error}", error.status, error.kind) from None
            done += 1
        return done

    def _credit_line(self, order_id: str, marker: str, amount: Decimal, data: dict[str, Any]) -> None:
        voucher = (data.get("voucher") or {}).get("code")
        try:
            self.client.post(f"/admin/orders/{order_id}/credit-lines", {
                "amount": -amount, "reference": "posreturns_store_credit", "reference_id": marker,
                "metadata": {"voucher": voucher, "return_number": data.get("return_number")}})
        except OmsRefused:
            pass  # Medusa allows a credit line only while the order owes money back; the voucher stands

    def refund_reason(self) -> str | None:
        if self._refund_reason is None:
            reasons = self.client.get("/admin/refund-reasons", [("limit", 100)]).get("refund_reasons") or []
            self._refund_reason = next((r["id"] for r in reasons if r.get("code") == "return"), "")
        return self._refund_reason or None


def _wanted(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Returned units per Medusa line item: total, restocked, first reason and note."""
    wanted: dict[str, dict[str, Any]] = {}
    for line in data.get("lines") or []:
        line_id = line.get("order_line_id")
        if not line_id:
            continue
        entry = wanted.setdefault(line_id, {"qty": 0, "restock": 0, "reason": line.get("reason"), "reason_id": None,
                                            "note": line.get("note"), "sku": line.get("sku")})
        entry["qty"] += int(line.get("qty") or 0)
        if line.get("disposition") == "RESTOCK":
            entry["restock"] += int(line.get("qty") or 0)
    return wanted


def over_return(order: dict[str, Any], wanted: dict[str, dict[str, Any]]) -> str | None:
    """Medusa's message when a line has fewer returnable units than asked, else None."""
    items = {i["id"]: i for i in order.get("items") or []}
    for line_id, w in wanted.items():
        item = items.get(line_id)
        if item is None:
            return f"Medusa: order {order.get('display_id')} has no line {line_id} ({w['sku']})."
        d = item.get("detail") or {}
        left = (mapping.qty(d, "fulfilled_quantity") - mapping.qty(d, "return_requested_quantity")
                - mapping.qty(d, "return_received_quantity") - mapping.qty(d, "return_dismissed_quantity"))
        if w["qty"] > left:
            return (f"Medusa: cannot return {w['qty']} × {w['sku']} from order {order.get('display_id')}: "
                    f"only {max(left, 0)} unit(s) can still be returned (already returned elsewhere?).")
    return None
