"""Plain-JSON views of domain objects, for the command line and host integrations."""

from __future__ import annotations

from typing import Any

from posreturns.domain.orders import Order, OrderLine
from posreturns.services.ports import OrderSummary


def order_json(order: Order) -> dict[str, Any]:
    return {
        "id": order.id,
        "number": order.number,
        "channel": order.channel.value,
        "store_id": order.store_id,
        "placed_at": order.placed_at.isoformat().replace("+00:00", "Z"),
        "currency": order.currency,
        "prices_include_tax": order.prices_include_tax,
        "customer_id": order.customer_id,
        "customer_name": order.customer_name,
        "order_discount": str(order.order_discount),
        "shipping": str(order.shipping),
        "total": str(order.total),
        "lines": [line_json(line) for line in order.lines],
        "tenders": [
            {"id": t.id, "method": t.method.value, "amount": str(t.amount), "refunded": str(t.refunded),
             "refundable": str(t.refundable), "reference": t.reference, "card_last4": t.card_last4}
            for t in order.tenders
        ],
    }


def line_json(line: OrderLine) -> dict[str, Any]:
    return {
        "id": line.id,
        "sku": line.sku,
        "title": line.title,
        "sold": line.qty,
        "returned": line.returned_qty,
        "returnable": line.returnable_qty,
        "unit_price": str(line.unit_price),
        "discount": str(line.discount),
        "order_discount_share": str(line.order_discount_share),
        "tax_rate": format(line.tax_rate.normalize(), "f"),
        "tax": str(line.tax),
        "paid": str(line.paid),
        "unit_paid": str(line.unit_paid),
        "refunded": str(line.refunded),
        "serials": list(line.serials),
        "category": line.category,
        "final_sale": line.final_sale,
    }


def summary_json(summary: OrderSummary) -> dict[str, Any]:
    return {
        "id": summary.id,
        "number": summary.number,
        "channel": summary.channel,
        "placed_at": summary.placed_at.isoformat().replace("+00:00", "Z"),
        "total": str(summary.total),
        "currency": summary.total.currency,
        "customer_name": summary.customer_name,
        "store_id": summary.store_id,
    }
