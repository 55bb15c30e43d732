"""Notes the till leaves in Medusa where head office looks: the metadata of the order and of the
customer (Medusa merges the keys sent with the ones already there).

* `posreturns_voucher_<code>`: a store-credit voucher issued at a till (Medusa has no store credit);
  a voucher a manager voided (`VoucherVoided`) is marked `"status": "void"` in the same note, with
  who voided it, when and why (`voided`).
* `posreturns_refused_<return number>`: an in-store return Medusa refused — money that left a till
  without Medusa recording it, typically the same line refunded at two tills while offline — with
  the amount and tenders, the till and store, and the returns that took the units first
  (`competing`). A manager's resolution (`ExceptionResolved`) is added to the same note.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from posreturns.services.sync_ports import OmsRefused, Outcome, PendingEvent, PushResult
from posreturns.sync.medusa.mapping import major
from posreturns.sync.medusa.reference import ReferenceData
from posreturns.sync.medusa.state import Api, OrderState
from posreturns.sync.wire import NotFoundAtOms

LOCKED = "active order change"


def _on_targets(data: dict[str, Any], what: str, detail: dict[str, Any],
                write: Callable[[str, str], str]) -> PushResult:
    """`write(path, kind)` on the event's order and customer (each answers "already there" or what it did):
    DUPLICATE when every note was there, a retry while the order is locked by another change."""
    targets = _targets(data.get("order_id"), data.get("customer_id"))
    if not targets:
        return PushResult(Outcome.APPLIED, detail={"recorded": "on the till only: no Medusa order or customer"})
    done: dict[str, str] = {}
    try:
        for path, kind in targets:
            done[kind] = write(path, kind)
    except OmsRefused as error:
        if LOCKED in str(error):
            return PushResult.retry(f"Medusa: {error} (another change of this order is in progress)")
        return PushResult(Outcome.REJECTED, f"Medusa refused to record {what}: {error}")
    already = all(state == "already there" for state in done.values())
    return PushResult(Outcome.DUPLICATE if already else Outcome.APPLIED, detail={**detail, **done})


def _major(minor: int, currency: str) -> str:
    return format(major(minor, currency), "f")


class Notes:
    def __init__(self, currency: str, refs: ReferenceData) -> None:
        self.currency = currency
        self.refs = refs

    # -- a refused return --------------------------------------------------------------------------------
    def refused(self, api: Api, event: PendingEvent, data: dict[str, Any], order: dict[str, Any],
                problem: dict[str, Any], state: OrderState | None) -> PushResult:
        """The refusal of a return, noted on the order and the customer; REJECTED with the conflict."""
        currency = str(data.get("currency") or self.currency)
        device = event.payload.get("device") or {}
        competing = self.competing(api, order["id"], problem.get("line"), event.event_id, state)
        note = {"status": "refused", "reason": problem["message"], "return_number": data.get("return_number"),
                "event_id": event.event_id, "till": device.get("till_id") or event.till_id,
                "store": device.get("store_id"), "occurred_at": event.payload.get("occurred_at"),
                "offline": bool(event.payload.get("offline")),
                "amount": _major(int(data.get("refund_total_minor") or 0), currency), "currency": currency,
                "tenders": [{"method": t.get("method"), "amount": _major(int(t.get("amount_minor") or 0), currency)}
                            for t in data.get("tenders") or []],
                "line": {"sku": problem.get("sku"), "asked": problem.get("asked"), "left": problem.get("left")}
                if problem.get("line") else None,
                "competing": competing}
        key = f"posreturns_refused_{data.get('return_number') or event.event_id}"
        noted = {kind: self.note(api, path, kind, key, note) for path, kind in _targets(order.get("id"),
                                                                                       order.get("customer_id"))}
        return PushResult(Outcome.REJECTED, problem["message"],
                          detail={"conflict": note, "noted": noted, "customer_id": order.get("customer_id"),
                                  "customer_email": order.get("email")})

    def competing(self, api: Api, order_id: str, line_id: str | None, event_id: str,
                  state: OrderState | None) -> list[dict[str, Any]]:
        """The order's returns that hold units of `line_id` (the first to take them), newest last."""
        if not line_id:
            return []
        returns = state.returns if state is not None else OrderState(api, order_id).returns
        found = []
        for ret in returns:
            items = [i for i in ret.get("items") or [] if i.get("item_id") == line_id]
            meta = ret.get("metadata") or {}
            if not items or ret.get("canceled_at") or meta.get("posreturns_event_id") == event_id:
                continue
            found.append({"medusa_return_id": ret.get("id"), "medusa_display_id": ret.get("display_id"),
                          "return_number": meta.get("posreturns_return_number"), "till": meta.get("posreturns_till"),
                          "store": self.refs.store_of_location(ret.get("location_id")), "status": ret.get("status"),
                          "at": ret.get("received_at") or ret.get("created_at"),
                          "qty": sum(int(i.get("quantity") or 0) for i in items)})
        return found

    # -- a manager's resolution --------------------------------------------------------------------------
    def resolved(self, api: Api, event: PendingEvent, data: dict[str, Any]) -> PushResult:
        """Add the resolution to the refusal's note (order and customer), once."""
        key = f"posreturns_refused_{data.get('return_number') or data.get('refused_event_id')}"
        resolution = {"resolution": data.get("resolution"), "by": data.get("resolved_by"), "note": data.get("note"),
                      "at": event.payload.get("occurred_at"), "event_id": event.event_id}
        refused_event = data.get("refused_event_id")
        return _on_targets(data, "the resolution", {},
                           lambda path, kind: self.amend(api, path, kind, key, resolution, refused_event))

    # -- a voucher ---------------------------------------------------------------------------------------
    def voucher(self, api: Api, event: PendingEvent, data: dict[str, Any]) -> PushResult:
        """Note the voucher on the original order and on the customer (each once); events written
        before `order_id` was added go to the customer only."""
        code = str(data.get("code") or event.aggregate_id)
        currency = str(data.get("currency") or self.currency)
        value = {"amount": _major(int(data.get("amount_minor") or 0), currency), "currency": currency,
                 "return_number": data.get("return_number"), "event_id": event.event_id}
        return _on_targets(data, f"voucher {code}", {"voucher": code},
                           lambda path, kind: self.note(api, path, kind, f"posreturns_voucher_{code}", value))

    def voided(self, api: Api, event: PendingEvent, data: dict[str, Any]) -> PushResult:
        """Mark the voucher's note void on the order and the customer (each once); a voucher whose
        issue Medusa never recorded gets a note saying it is void."""
        code = str(data.get("code") or event.aggregate_id)
        voiding = {"by": data.get("voided_by"), "at": event.payload.get("occurred_at"), "note": data.get("note"),
                   "event_id": event.event_id}
        return _on_targets(data, f"that voucher {code} is void", {"voucher": code},
                           lambda path, kind: self.void(api, path, kind, code, data.get("return_number"), voiding))

    def void(self, api: Api, path: str, kind: str, code: str, return_number: Any, voiding: dict[str, Any]) -> str:
        try:
            record = api.get(path, [("fields", "id,metadata")]).get(kind) or {}
        except NotFoundAtOms:
            return "not in Medusa"
        metadata = record.get("metadata") or {}
        key = voucher_key(metadata, code, return_number, str(voiding["event_id"]))
        current = metadata.get(key)
        note = dict(current) if isinstance(current, dict) else {"return_number": return_number}
        if (note.get("voided") or {}).get("event_id") == voiding["event_id"]:
            return "already there"
        api.post(path, {"metadata": {key: {**note, "status": "void", "voided": voiding}}})
        return "recorded"

    # -- writing -----------------------------------------------------------------------------------------
    def note(self, api: Api, path: str, kind: str, key: str, value: dict[str, Any]) -> str:
        """Write `key` in the record's metadata unless this event's note is there; what happened, in
        words. A key taken by another event's note (a number given again by a reinstalled till)
        gets the event's id added."""
        try:
            record = api.get(path, [("fields", "id,metadata")]).get(kind) or {}
        except NotFoundAtOms:
            return "not in Medusa"
        metadata = record.get("metadata") or {}
        if _key_of(metadata, key, value.get("event_id")) is not None:
            return "already there"
        if key in metadata:
            key = f"{key}_{str(value.get('event_id'))[:8]}"
        api.post(path, {"metadata": {key: value}})
        return "recorded"

    def amend(self, api: Api, path: str, kind: str, key: str, resolution: dict[str, Any],
              refused_event_id: Any = None) -> str:
        try:
            record = api.get(path, [("fields", "id,metadata")]).get(kind) or {}
        except NotFoundAtOms:
            return "not in Medusa"
        metadata = record.get("metadata") or {}
        key = _key_of(metadata, key, refused_event_id) or key
        current = metadata.get(key)
        note = dict(current) if isinstance(current, dict) else {"status": "refused", "event_id": refused_event_id}
        if any(r.get("event_id") == resolution["event_id"] for r in note.get("resolutions") or []):
            return "already there"
        note["resolutions"] = [*(note.get("resolutions") or []), resolution]
        note["status"] = {"dismiss": "dismissed", "retry": "sent again"}.get(str(resolution["resolution"]), "resolved")
        api.post(path, {"metadata": {key: note}})
        return "recorded"


def _key_of(metadata: dict[str, Any], key: str, event_id: Any) -> str | None:
    """The key under which the note of `event_id` is (`key` or `key_<id prefix>`), if it is there."""
    for candidate in (key, f"{key}_{str(event_id)[:8]}"):
        value = metadata.get(candidate)
        if isinstance(value, dict) and value.get("event_id") == event_id:
            return candidate
    return None


def voucher_key(metadata: dict[str, Any], code: str, return_number: Any, event_id: str) -> str:
    """The key of the voucher's note: `posreturns_voucher_<code>`, or the one with an event id added
    (a code given again by a reinstalled till) that the same return wrote; a key another return's
    voucher holds is never overwritten."""
    key = f"posreturns_voucher_{code}"
    for candidate, value in metadata.items():
        if ((candidate == key or candidate.startswith(f"{key}_")) and isinstance(value, dict) and return_number
                and value.get("return_number") == return_number):
            return str(candidate)
    return f"{key}_{event_id[:8]}" if key in metadata else key


def _targets(order_id: Any, customer_id: Any) -> list[tuple[str, str]]:
    targets = [(f"/admin/orders/{order_id}", "order")] if str(order_id or "").startswith("order_") else []
    if str(customer_id or "").startswith("cus_"):
        targets.append((f"/admin/customers/{customer_id}", "customer"))
    return targets
