"""The steps a return and an exchange share once Medusa has the return: receive its units (restocked
ones with receive-items, held / RTV / scrapped ones with dismiss-items so they do not go back into
stock) and record each tender's refund once (matched on its note, or for store credit on the credit
line's reference)."""

from __future__ import annotations

import contextlib
from decimal import Decimal
from typing import Any

from posreturns.services.sync_ports import OmsRefused, PendingEvent
from posreturns.sync.medusa.mapping import major
from posreturns.sync.medusa.reference import ReferenceData
from posreturns.sync.medusa.state import Api


class UnbookedRefund(Exception):
    """A refund of the till's is on the payment but not on the order's balance: Medusa stopped inside its
    refund workflow, between the two, and only the posreturns plugin can write the missing half."""


class Receiver:
    def __init__(self, currency: str, refs: ReferenceData) -> None:
        self.currency = currency
        self.refs = refs

    def receive(self, api: Api, rid: str, wanted: dict[str, dict[str, Any]], data: dict[str, Any],
                mark: dict[str, Any] | None = None) -> None:
        """Receive the return whole (restocked units back in stock, the others dismissed), writing `mark` on
        it meanwhile: Medusa updates a return only while one of its changes is open."""
        api.post(f"/admin/returns/{rid}/receive",
                 {"internal_note": f"Received in store, return {data.get('return_number')}"})
        back = [{"id": line, "quantity": w["restock"]} for line, w in wanted.items() if w["restock"]]
        held = [{"id": line, "quantity": w["qty"] - w["restock"]}
                for line, w in wanted.items() if w["qty"] > w["restock"]]
        try:
            if mark:
                api.post(f"/admin/returns/{rid}", {"metadata": mark})
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
        made = {str(r.get("note") or ""): r for p in payments for r in p.get("refunds") or []}
        credits = {str(c.get("reference_id") or "") for c in order.get("credit_lines") or []}
        done = 0
        for index, tender in enumerate(data.get("tenders") or []):
            marker = f"posreturns:{event.event_id}:{index}"
            amount = major(int(tender.get("amount_minor") or 0), currency)
            if amount <= 0 or marker in credits:
                continue
            if marker in made:
                if not booked(order, str(made[marker].get("id"))):
                    raise UnbookedRefund(unbooked(order, amount, currency))
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


def booked(order: dict[str, Any], refund_id: str) -> bool:
    """The refund's transaction is on the order (Medusa's refund workflow writes it after the refund)."""
    return any(t.get("reference") == "refund" and t.get("reference_id") == refund_id
               for t in order.get("transactions") or [])


def unbooked(order: dict[str, Any], amount: Decimal, currency: str) -> str:
    return (f"Medusa recorded the refund of {amount} {currency.upper()} on the payment of order "
            f"#{order.get('display_id')} but stopped before writing it on the order, whose balance still shows it "
            "owed to the customer. The customer was refunded once: do not refund again. The stock Admin API cannot "
            "write the missing part; install the posreturns plugin in Medusa, then retry this event "
            "(posreturns sync resolve SEQ --retry): the plugin completes it.")
