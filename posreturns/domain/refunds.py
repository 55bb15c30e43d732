"""What each returned line is worth, from the sale snapshot, with a "why this amount" breakdown.

The value of returned units is `OrderLine.paid_for_next`, so partial returns in any order and
number add up exactly to what was paid. Several draft rows on the same order line are priced one
after the other. Tax, line discount and order discount shares are cumulative: the share of the
first k units is rounded once, and each return takes the difference, so the shares of all the
returns of a line add up exactly to the line's tax and discounts.

Ledger rule for the caller: after completing a return add `LineAmounts.value` (fees included)
to `OrderLine.refunded`, and the allocation's ledger to `Tender.refunded`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from posreturns.domain.context import PolicyContext
from posreturns.domain.money import Money
from posreturns.domain.orders import Order, OrderLine
from posreturns.domain.policy.model import CashRounding, RoundingMode
from posreturns.domain.pricing import tax_minor
from posreturns.domain.resale import Grade, grade_of
from posreturns.domain.returns import ReturnDraft, ReturnLineRequest


@dataclass(frozen=True, slots=True)
class BreakdownStep:
    """One line of "why this amount"; `counted` steps add up to the refund, others only inform."""

    key: str
    en: str
    fr: str
    amount: Money
    counted: bool = True


@dataclass(frozen=True, slots=True)
class LineAmounts:
    """The money side of one returned row, before the policy's fee."""

    request: ReturnLineRequest
    line: OrderLine | None  # None for a receipt-less row
    sku: str
    category: str
    final_sale: bool
    unit_paid: Money
    value: Money  # share of what was paid (or capped current price) taken back by this row
    tax: Money  # tax contained in `value`
    steps: tuple[BreakdownStep, ...]
    price_known: bool = True
    second_hand: Grade | None = None


def _cumulative(total: Money, part: int | Decimal, whole: int | Decimal) -> Money:
    """Share of `total` for the first `part` of `whole`, rounded once (exact when part == whole)."""
    if whole == 0:
        return Money.zero(total.currency)
    return Money.of(total.amount * Decimal(part) / Decimal(whole), total.currency)


def price_draft(draft: ReturnDraft, context: PolicyContext, currency: str) -> list[LineAmounts]:
    """Value every row of a validated draft, in draft order."""
    taken: dict[str, int] = {}
    result = []
    for request in draft.lines:
        if draft.order is None:
            result.append(_price_receiptless(request, context, currency))
            continue
        line = draft.order.line(request.order_line_id or "")
        before = taken.get(line.id, 0)
        taken[line.id] = before + request.qty
        result.append(_price_linked(draft.order, line, request, before))
    return result


def _price_linked(order: Order, line: OrderLine, request: ReturnLineRequest, before: int) -> LineAmounts:
    qty = request.qty
    paid_before = line.paid_for_next(before)
    value = line.paid_for_next(before + qty) - paid_before
    consumed = line.refunded + paid_before
    tax = _cumulative(line.tax, (consumed + value).amount, line.paid.amount) - _cumulative(
        line.tax, consumed.amount, line.paid.amount
    )
    units_before, units_after = line.returned_qty + before, line.returned_qty + before + qty

    def share(total: Money) -> Money:
        return _cumulative(total, units_after, line.qty) - _cumulative(total, units_before, line.qty)

    gross = line.unit_price * qty
    steps = [
        _step(
            "price",
            f"Unit price {line.unit_price} × {qty}",
            f"Prix unitaire {_fr(line.unit_price)} × {qty}",
            gross,
        )
    ]
    line_discount, order_discount = share(line.discount), share(line.order_discount_share)
    if not line_discount.is_zero():
        steps.append(
            _step("line_discount", "Line discount share", "Part de la remise sur la ligne", -line_discount)
        )
    if not order_discount.is_zero():
        steps.append(
            _step(
                "order_discount", "Order discount share", "Part de la remise sur la commande", -order_discount
            )
        )
    rate = format(line.tax_rate.normalize(), "f")
    if order.prices_include_tax:
        steps.append(
            _step("tax", f"Of which tax ({rate} %)", f"Dont TVA ({rate.replace('.', ',')} %)", tax, False)
        )
        expected = gross - line_discount - order_discount
    else:
        steps.append(_step("tax", f"Tax added ({rate} %)", f"Taxe ajoutée ({rate.replace('.', ',')} %)", tax))
        expected = gross - line_discount - order_discount + tax
    if expected != value:  # a cent of rounding between unit shares and the exact amount paid
        steps.append(
            _step("rounding", "Rounding to the amount paid", "Arrondi au montant payé", value - expected)
        )
    return LineAmounts(
        request, line, line.sku, line.category, line.final_sale, line.unit_paid, value, tax, tuple(steps),
        second_hand=grade_of(line.second_hand),
    )


def _price_receiptless(request: ReturnLineRequest, context: PolicyContext, currency: str) -> LineAmounts:
    sku = request.sku or ""
    info = context.prices.get(sku)
    if info is None or info.price.currency != currency:
        zero = Money.zero(currency)
        return LineAmounts(request, None, sku, "", False, zero, zero, zero, (), price_known=False)
    unit = info.price
    steps = [
        _step(
            "current_price",
            f"Current price {unit} × {request.qty}",
            f"Prix actuel {_fr(unit)} × {request.qty}",
            unit * request.qty,
        )
    ]
    if request.claimed_unit_price is not None and request.claimed_unit_price < unit:
        steps.append(
            _step(
                "price_cap",
                "Limited to the price the customer paid",
                "Limité au prix payé par le client",
                (request.claimed_unit_price - unit) * request.qty,
            )
        )
        unit = request.claimed_unit_price
    value = unit * request.qty
    tax = Money.from_minor(tax_minor(value.minor, info.tax_rate, prices_include_tax=True), currency)
    rate = format(info.tax_rate.normalize(), "f")
    steps.append(
        _step("tax", f"Of which tax ({rate} %)", f"Dont TVA ({rate.replace('.', ',')} %)", tax, False)
    )
    return LineAmounts(request, None, sku, info.category, info.final_sale, unit, value, tax, tuple(steps),
                       second_hand=info.second_hand)


def apply_fee(amounts: LineAmounts, fee_rate: Decimal) -> tuple[Money, Money, tuple[BreakdownStep, ...]]:
    """The restocking fee (rounded once with `Money.of`), the refund, and the finished breakdown."""
    fee = Money.of(amounts.value.amount * fee_rate / 100, amounts.value.currency)
    steps = list(amounts.steps)
    if not fee.is_zero():
        pct = format(fee_rate.normalize(), "f")
        steps.append(
            _step(
                "fee",
                f"Restocking fee ({pct} %)",
                f"Frais de remise en stock ({pct.replace('.', ',')} %)",
                -fee,
            )
        )
    refund = amounts.value - fee
    steps.append(_step("refund", "Refund", "Remboursement", refund, False))
    return fee, refund, tuple(steps)


def cash_round(amount: Money, rounding: CashRounding | None) -> Money:
    """Round a cash payout to the currency's cash step (e.g. CHF 0.05); other tenders never are."""
    if rounding is None:
        return amount
    mode = ROUND_HALF_UP if rounding.mode is RoundingMode.NEAREST else ROUND_DOWN
    steps = (amount.amount / rounding.step).quantize(Decimal(1), rounding=mode)
    return Money.of(steps * rounding.step, amount.currency)


def _step(key: str, en: str, fr: str, amount: Money, counted: bool = True) -> BreakdownStep:
    return BreakdownStep(key, en, fr, amount, counted)


def _fr(amount: Money) -> str:
    return str(amount.amount).replace(".", ",")
