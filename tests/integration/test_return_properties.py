"""Property: random sales (discounts, tax modes, split tenders, shipping) returned in random steps
through the real service and SQLite store never refund more than was paid — per line, per tender,
per order — and refund exactly the total once everything is back."""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from helpers.returns import CASHIER, check_whole, open_shop, rows
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from posreturns.domain.pricing import LineCharge, price_lines
from posreturns.services.importing import import_bytes

SKUS = ["TSH-WHT-S", "JEAN-SLIM-38", "ROBE-LIN-40", "BASK-CUIR-42", "CHAUSS-PACK", "LIVRE-MODE", "ENC-PORT"]
RATES = ["0", "5.5", "20", "8.875"]
PERMISSIVE = (
    'version = "prop"\n[sale_items]\nenabled = false\n[approval]\nenabled = false\n'
    "[serial_returners]\nenabled = false\n"
)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("template")
    till = open_shop(folder)
    till.policies.install(PERMISSIVE, "permissive.toml")
    till.close()
    yield folder / "posreturns.db"


def _euros(minor: int) -> str:
    return f"{minor // 100}.{minor % 100:02d}"


@st.composite
def sales(draw: st.DrawFn) -> dict[str, Any]:
    inclusive, web = draw(st.booleans()), draw(st.booleans())
    specs = []
    for i, sku in enumerate(draw(st.lists(st.sampled_from(SKUS), min_size=1, max_size=4, unique=True))):
        qty, unit = draw(st.integers(1, 4)), draw(st.integers(1, 50_000))
        specs.append(
            (f"L{i}", sku, qty, unit, draw(st.integers(0, unit * qty // 2)), draw(st.sampled_from(RATES)))
        )
    net = sum(qty * unit - discount for _, _, qty, unit, discount, _ in specs)
    order_discount = draw(st.integers(0, net // 3))
    shipping = draw(st.sampled_from([0, 490])) if web else 0
    priced = price_lines(
        [LineCharge(q, u, d, Decimal(r)) for _, _, q, u, d, r in specs], order_discount, inclusive
    )
    total = sum(p.paid for p in priced) + shipping
    methods = draw(
        st.lists(
            st.sampled_from(["card", "cash", "gift_card", "store_credit"]),
            min_size=1,
            max_size=3,
            unique=True,
        )
    )
    cuts = sorted(draw(st.lists(st.integers(0, total), min_size=len(methods) - 1, max_size=len(methods) - 1)))
    amounts = [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]
    return {
        "id": "P-1",
        "number": "PROP-1",
        "channel": "web" if web else "store",
        "store_id": None if web else "PARIS-01",
        "placed_at": "2026-11-20T10:00:00+01:00",
        "currency": "EUR",
        "prices_include_tax": inclusive,
        "customer_id": None,
        "order_discount": _euros(order_discount),
        "shipping": _euros(shipping),
        "lines": [
            {"id": lid, "sku": sku, "qty": q, "unit_price": _euros(u), "discount": _euros(d), "tax_rate": r}
            for lid, sku, q, u, d, r in specs
        ],
        "tenders": [
            {"method": m, "amount": _euros(a), "reference": f"REF-{m}"}
            for m, a in zip(methods, amounts, strict=True)
        ],
    }


def _ledgers(db: Path) -> tuple[list[Any], list[Any], int]:
    lines = rows(
        db, "SELECT qty, returned_qty, paid_minor, refunded_minor FROM order_lines WHERE order_id = 'P-1'"
    )
    tenders = rows(db, "SELECT amount_minor, refunded_minor FROM tenders WHERE order_id = 'P-1'")
    shipping = rows(db, "SELECT shipping_refunded_minor FROM orders WHERE id = 'P-1'")[0][0]
    return lines, tenders, shipping


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(sale=sales(), data=st.data())
def test_random_return_sequences_through_the_store_refund_exactly_what_was_paid(
    template: Path, sale: dict[str, Any], data: st.DataObject
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        shutil.copy(template, Path(folder) / "posreturns.db")
        till = open_shop(Path(folder), setup=False)
        try:
            import_bytes(
                json.dumps({"format": "posreturns/1", "orders": [sale]}).encode(), "sale", till.cache_writer
            )
            db = Path(folder) / "posreturns.db"
            refunded_total, step = 0, 0
            order_total = sum(
                t["amount_minor"] for t in rows(db, "SELECT amount_minor FROM tenders WHERE order_id = 'P-1'")
            )
            everything = data.draw(st.booleans(), label="return everything")
            while True:
                open_lines = [
                    (r["id"], r["qty"] - r["returned_qty"])
                    for r in rows(
                        db,
                        "SELECT id, qty, returned_qty FROM order_lines "
                        "WHERE order_id = 'P-1' AND returned_qty < qty",
                    )
                ]
                if not open_lines or (not everything and step >= 3):
                    break
                chosen = data.draw(
                    st.lists(st.sampled_from(open_lines), min_size=1, unique=True), label="lines"
                )
                body = {
                    "receipt": "PROP-1",
                    "cashier": "alice",
                    "idempotency_key": f"k{step}",
                    "refund_method": data.draw(st.sampled_from(["original", "store_credit"]), label="method"),
                    "lines": [
                        {
                            "code": lid,
                            "qty": data.draw(st.integers(1, left), label="qty"),
                            "reason": data.draw(st.sampled_from(["WRONG_SIZE", "CHANGED_MIND", "DEFECTIVE"])),
                            "condition": "NEW_WITH_TAGS",
                        }
                        for lid, left in chosen
                    ],
                }
                answer = till.returns.complete(body, CASHIER)
                refunded_total += int(Decimal(answer["refund_total"]) * 100)
                step += 1
                lines, tenders, shipping = _ledgers(db)
                assert all(
                    r["refunded_minor"] <= r["paid_minor"] and r["returned_qty"] <= r["qty"] for r in lines
                )
                assert all(t["refunded_minor"] <= t["amount_minor"] for t in tenders)
                assert refunded_total == sum(t["refunded_minor"] for t in tenders) <= order_total
            lines, tenders, shipping = _ledgers(db)
            if everything:
                assert all(r["refunded_minor"] == r["paid_minor"] for r in lines)
                assert (
                    sum(t["refunded_minor"] for t in tenders)
                    == sum(r["paid_minor"] for r in lines) + shipping
                )
                assert refunded_total == order_total - int(Decimal(sale["shipping"]) * 100) + shipping
            check_whole(db)
        finally:
            till.close()
