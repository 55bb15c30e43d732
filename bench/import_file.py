"""A canonical import file of N orders (with its own small catalogue) for the throughput benchmark."""

from __future__ import annotations

import random
from typing import Any

from posreturns.demo.scale import ean13


def import_document(orders: int, skus: int = 2000, seed: int = 3) -> dict[str, Any]:
    rng = random.Random(seed)
    products = [{"sku": f"B{i:05d}", "product_id": f"BP{i // 3:05d}", "title": f"Bench product {i}",
                 "options": {"size": "SML"[i % 3]}, "barcodes": [ean13(f"29{i:09d}0")],
                 "price": f"{rng.randrange(5, 300)}.{rng.randrange(100):02d}", "tax_rate": "20",
                 "category": "apparel", "final_sale": False, "serial_tracked": False} for i in range(skus)]
    prices = {p["sku"]: int(p["price"].replace(".", "")) for p in products}
    customers = [{"id": f"BC{i:05d}", "name": f"Client {i}", "email": f"client{i}@example.fr",
                  "phone": f"07{i:08d}"} for i in range(1000)]
    out = []
    for n in range(orders):
        lines, total = [], 0
        for k in range(rng.choice((1, 2, 3, 3, 4, 5))):
            sku = f"B{rng.randrange(skus):05d}"
            qty = rng.choice((1, 1, 2))
            total += prices[sku] * qty
            lines.append({"id": f"BO{n:07d}-{k}", "sku": sku, "qty": qty, "unit_price": _dec(prices[sku]),
                          "discount": "0.00", "tax_rate": "20", "serials": []})
        out.append({"id": f"BO{n:07d}", "number": f"BI-{n:07d}", "channel": "store", "store_id": "BENCH",
                    "placed_at": "2026-11-20T10:00:00+01:00", "currency": "EUR", "prices_include_tax": True,
                    "customer_id": f"BC{n % 1000:05d}", "lines": lines, "order_discount": "0.00", "shipping": "0.00",
                    "tenders": [{"method": "card", "amount": _dec(total), "reference": None, "card_last4": "4242"}]})
    return {"format": "posreturns/1",
            "stores": [{"id": "BENCH", "name": "Bench", "currency": "EUR", "prices_include_tax": True,
                        "timezone": "Europe/Paris"}],
            "products": products, "customers": customers, "orders": out, "stock": [], "returns": []}


def _dec(minor: int) -> str:
    return f"{minor // 100}.{minor % 100:02d}"
