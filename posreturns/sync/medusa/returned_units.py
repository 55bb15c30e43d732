"""What a `ReturnCompleted` takes back from a Medusa order: the units per line item (`wanted_units`)
and whether the order still has them (`over_return`). Shared by returns and exchanges."""

from __future__ import annotations

from typing import Any

from posreturns.sync.medusa import mapping

ORDER_FIELDS = ("id,display_id,currency_code,customer_id,email,*items,items.detail.*,*payment_collections,"
                "*payment_collections.payments,*payment_collections.payments.refunds,*credit_lines,*summary,"
                "*transactions")


def wanted_units(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
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
