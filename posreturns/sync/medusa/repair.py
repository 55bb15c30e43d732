"""`posreturns oms repair ORDER`: unlock a Medusa order that an older version of the till left locked.

Before every push became resumable, a push broken half-way could leave a return (or an exchange) of
the till open in Medusa, its order change still pending: Medusa then refuses any other change of the
order. Repair lists the order's pending changes and cancels those of the till's own records (a
return or exchange carrying `metadata.posreturns_event_id`, or the return of such an exchange): a
receive begun is cancelled, then a request never confirmed (an exchange's shipping methods first:
Medusa's own cancel leaves them on the order). Changes made by anyone else are left
alone and listed. Nothing the till sent is lost: its event is sent again (`sync resolve SEQ --retry`)
and makes the return whole.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from posreturns.services.errors import NotFound
from posreturns.sync.medusa import mapping
from posreturns.sync.medusa.exchange import drop_exchange
from posreturns.sync.medusa.state import Api, OrderState
from posreturns.sync.wire import NotFoundAtOms


@dataclass
class Repair:
    order_id: str
    display_id: Any
    cancelled: list[dict[str, Any]] = field(default_factory=list)
    left_alone: list[dict[str, Any]] = field(default_factory=list)


def find_order(api: Api, reference: str) -> dict[str, Any]:
    text = reference.strip().lstrip("#")
    found: dict[str, Any] | None = None
    if text.startswith("order_"):
        try:
            found = api.get(f"/admin/orders/{text}", [("fields", "id,display_id")]).get("order")
        except NotFoundAtOms:
            found = None
    elif text.isdigit():
        found = by_display_id(api, int(text))
    if not found or not found.get("id"):
        raise NotFound(f'Medusa has no order "{reference}"; give its number (e.g. 1042) or its id (order_…).')
    return found


def by_display_id(api: Api, number: int, page: int = 50) -> dict[str, Any] | None:
    """The order numbered `number`. Medusa cannot filter on display_id (and its `q` matches far more),
    but numbers are given in sequence: the order sits near offset number - 1 of the list sorted by
    number, and a few pages around it find it whatever the gaps."""
    offset = max(number - 1 - page // 2, 0)
    for _ in range(12):
        orders = api.get("/admin/orders", [("order", "display_id"), ("offset", offset), ("limit", page),
                                           ("fields", "id,display_id")]).get("orders") or []
        numbers = [int(o.get("display_id") or 0) for o in orders]
        if number in numbers:
            return dict(orders[numbers.index(number)])
        if numbers and numbers[0] > number and offset > 0:
            offset = max(offset - (numbers[0] - number) - page // 2, 0)
        elif numbers and numbers[-1] < number and len(orders) == page:
            offset += len(orders) + (number - numbers[-1] - 1)
        else:
            return None
    return None


def repair(api: Api, reference: str, dry_run: bool = False) -> Repair:
    order = find_order(api, reference)
    state = OrderState(api, order["id"])
    ours_returns = {r["id"] for r in state.returns if (r.get("metadata") or {}).get(mapping.MARKER)}
    exchanges = state.exchange_records()
    ours_exchanges = {x["id"] for x in exchanges if (x.get("metadata") or {}).get(mapping.MARKER)}
    ours_returns |= {x["return_id"] for x in exchanges if x["id"] in ours_exchanges and x.get("return_id")}
    report = Repair(order["id"], order.get("display_id"))
    # receives first: a return's request cannot be cancelled while a receive of it is pending
    pending = sorted(state.pending_changes(), key=lambda c: c.get("change_type") != "return_receive")
    for change in pending:
        kind, rid, xid = change.get("change_type"), change.get("return_id"), change.get("exchange_id")
        if kind == "return_receive" and rid in ours_returns:
            path = f"/admin/returns/{rid}/receive"
        elif kind == "return_request" and rid in ours_returns:
            path = f"/admin/returns/{rid}/request"
        elif kind == "exchange" and xid in ours_exchanges:  # its shipping method too, else left on the order
            report.cancelled.append({"change": change.get("id"), "type": kind, "return_id": rid, "exchange_id": xid,
                                     "request": "; ".join(drop_exchange(api, order["id"], str(xid), dry_run))})
            continue
        else:
            report.left_alone.append({"change": change.get("id"), "type": kind, "return_id": rid, "exchange_id": xid})
            continue
        if not dry_run:
            api.delete(path)
        report.cancelled.append({"change": change.get("id"), "type": kind, "return_id": rid, "exchange_id": xid,
                                 "request": f"DELETE {path}"})
    dropped = {c["return_id"] for c in report.cancelled if c["type"] == "return_request"}
    for shell in (r for r in state.returns if r["id"] in ours_returns and r.get("status") == "open"
                  and not r.get("canceled_at") and r["id"] not in dropped and not r.get("exchange_id")):
        if not dry_run:  # open, with no request left: it locks nothing but would be found again by its marker
            api.post(f"/admin/returns/{shell['id']}/cancel", {})
        report.cancelled.append({"change": None, "type": "empty_return", "return_id": shell["id"], "exchange_id": None,
                                 "request": f"POST /admin/returns/{shell['id']}/cancel"})
    return report
