"""Small builders for domain tests: orders priced like the real import, drafts, contexts, snapshots."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from decimal import Decimal

from posreturns.domain.context import PolicyContext, PriceInfo
from posreturns.domain.money import Money, allocate_minor
from posreturns.domain.orders import Channel, Order, OrderLine, Tender, TenderMethod
from posreturns.domain.policy.model import Policy
from posreturns.domain.policy.toml import parse_policy
from posreturns.domain.pricing import LineCharge, price_lines
from posreturns.domain.quote import Quote
from posreturns.domain.returns import (
    Condition,
    CustomerInfo,
    Reason,
    RefundMethod,
    ReturnDraft,
    ReturnLineRequest,
)
from posreturns.domain.vouchers import format_code

PARIS = timezone(timedelta(hours=1))
NOW = datetime(2026, 11, 26, 10, 0, tzinfo=PARIS)
STORE = "PARIS-01"


def eur(text: str) -> Money:
    return Money.parse(text, "EUR")


@dataclass(frozen=True)
class LineSpec:
    """A sold line in minor units, as the host POS would send it."""

    unit: int
    qty: int = 1
    discount: int = 0
    tax_rate: Decimal = Decimal(20)
    category: str = ""
    final_sale: bool = False
    serials: tuple[str, ...] = ()


def make_order(
    lines: Sequence[LineSpec],
    *,
    tenders: Sequence[tuple[TenderMethod, int]] = ((TenderMethod.CARD, 1),),
    order_discount: int = 0,
    shipping: int = 0,
    inclusive: bool = True,
    channel: Channel = Channel.STORE,
    store_id: str | None = STORE,
    placed_at: datetime = NOW - timedelta(days=5),
    currency: str = "EUR",
    customer_id: str | None = "C1",
) -> Order:
    """An order priced by `price_lines`; tenders split the total by the given weights."""
    charges = [LineCharge(s.qty, s.unit, s.discount, s.tax_rate) for s in lines]
    priced = price_lines(charges, order_discount, inclusive)
    zero = Money.zero(currency)
    order_lines = tuple(
        OrderLine(
            id=f"L{i + 1}",
            sku=f"SKU-{i + 1}",
            title=f"Item {i + 1}",
            qty=s.qty,
            unit_price=Money.from_minor(s.unit, currency),
            discount=Money.from_minor(s.discount, currency),
            order_discount_share=Money.from_minor(p.order_discount_share, currency),
            tax_rate=s.tax_rate,
            tax=Money.from_minor(p.tax, currency),
            paid=Money.from_minor(p.paid, currency),
            returned_qty=0,
            refunded=zero,
            serials=s.serials,
            category=s.category,
            final_sale=s.final_sale,
            serial_tracked=bool(s.serials),
        )
        for i, (s, p) in enumerate(zip(lines, priced, strict=True))
    )
    total = sum(p.paid for p in priced) + shipping
    amounts = allocate_minor(total, [w for _, w in tenders])
    order_tenders = tuple(
        Tender(i + 1, method, Money.from_minor(a, currency), zero, reference=f"T{i + 1}")
        for i, ((method, _), a) in enumerate(zip(tenders, amounts, strict=True))
    )
    return Order(
        id="O1",
        number="R-0001",
        channel=channel,
        store_id=store_id,
        placed_at=placed_at,
        currency=currency,
        prices_include_tax=inclusive,
        customer_id=customer_id,
        lines=order_lines,
        tenders=order_tenders,
        order_discount=Money.from_minor(order_discount, currency),
        shipping=Money.from_minor(shipping, currency),
    )


def req(
    line_id: str | None = "L1",
    qty: int = 1,
    reason: Reason = Reason.CHANGED_MIND,
    condition: Condition = Condition.NEW_WITH_TAGS,
    **kw: object,
) -> ReturnLineRequest:
    return ReturnLineRequest(qty=qty, reason=reason, condition=condition, order_line_id=line_id, **kw)  # type: ignore[arg-type]


def draft(
    order: Order | None,
    *lines: ReturnLineRequest,
    method: RefundMethod = RefundMethod.ORIGINAL,
    contact: bool = True,
    **kw: object,
) -> ReturnDraft:
    """A draft; with an order and no rows given, one unit of line L1 comes back."""
    customer = CustomerInfo(customer_id="C1", has_contact=contact)
    if not lines and order is not None:
        lines = (req("L1"),)
    return ReturnDraft(order, tuple(lines), refund_method=method, customer=customer, **kw)  # type: ignore[arg-type]


def ctx(**kw: object) -> PolicyContext:
    values: dict[str, object] = {"now": NOW, "store_id": STORE}
    values.update(kw)
    return PolicyContext(**values)  # type: ignore[arg-type]


def prices(**skus: str) -> dict[str, PriceInfo]:
    return {sku: PriceInfo(eur(price)) for sku, price in skus.items()}


def codes() -> Callable[[], str]:
    """Deterministic voucher codes: V-0000-001?, V-0000-002?, ..."""
    counter = itertools.count(1)
    return lambda: format_code(f"{next(counter):07d}")


def policy(extra: str = "") -> Policy:
    return parse_policy(f'version = "2026-11"\n{extra}')


def after(order: Order, quote: Quote) -> Order:
    """The order snapshot once `quote` has been completed (what the ledger update must do)."""
    lines = []
    for line in order.lines:
        mine = [q for q in quote.lines if q.order_line_id == line.id]
        lines.append(
            replace(
                line,
                returned_qty=line.returned_qty + sum(q.qty for q in mine),
                refunded=Money.total((q.value for q in mine), order.currency) + line.refunded,
                returned_serials=line.returned_serials + tuple(q.serial for q in mine if q.serial),
            )
        )
    debits = {d.tender_id: d.amount for d in quote.ledger}
    tenders = tuple(
        replace(t, refunded=t.refunded + debits.get(t.id, Money.zero(order.currency))) for t in order.tenders
    )
    shipped = (order.shipping_refunded or Money.zero(order.currency)) + quote.shipping
    return replace(order, lines=tuple(lines), tenders=tenders, shipping_refunded=shipped)
