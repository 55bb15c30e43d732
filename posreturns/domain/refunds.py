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

import functools
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from posreturns.domain.context import PolicyContext
from posreturns.domain.decision import percent_text
from posreturns.domain.messages import InBothLanguages, Localized, Worded, translate
from posreturns.domain.money import Money, div_half_up
from posreturns.domain.orders import OrderLine
from posreturns.domain.policy.model import CashRounding, RoundingMode
from posreturns.domain.pricing import tax_minor
from posreturns.domain.resale import Grade, grade_of
from posreturns.domain.returns import ReturnDraft, ReturnLineRequest

# the steps every returned row may have, one message each (so the JSON of a quote words each once)
_LINE_DISCOUNT = translate("domain.refunds", "Line discount share")
_ORDER_DISCOUNT = translate("domain.refunds", "Order discount share")
_ROUNDING = translate("domain.refunds", "Rounding to the amount paid")
_REFUND = translate("domain.refunds", "Refund")


@dataclass(frozen=True, slots=True)
class BreakdownStep(InBothLanguages):
    """One line of "why this amount", worded when read (as a `TraceEntry`); `counted` steps add up to the
    refund, others only inform."""

    key: str
    said: Localized
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
    serial_tracked: bool = False  # receipt-less rows only: the unit's serial is asked for
    second_hand: Grade | None = None


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
        result.append(_price_linked(draft.order.prices_include_tax, line, request, before))
    return result


# A pure function of frozen values, and most of a quote's cost: the window quotes its basket again at every
# change, and a host quotes the same sale as it is built, so the rows that did not change are not priced again.
# One sale's rows are what it needs: each entry keeps its sale's line alive, and a shift's soak counts them.
@functools.lru_cache(maxsize=64)
def _price_linked(prices_include_tax: bool, line: OrderLine, request: ReturnLineRequest, before: int) -> LineAmounts:
    # in minor units, as `Money.of` rounds (half away from zero, once per share): a 20-line quote prices
    # every line, and a `Money` per intermediate sum was most of its cost
    qty, currency = request.qty, line.paid.currency
    # the first row of a line starts from nothing (what `paid_for_next(0)` says of a returnable line; on a
    # line with nothing left the next call raises either way): one ledger computation per row, not two
    paid_before = line.paid_for_next_minor(before) if before else 0
    value = line.paid_for_next_minor(before + qty) - paid_before
    consumed, paid, line_tax = line.refunded.minor + paid_before, line.paid.minor, line.tax.minor
    tax = _share(line_tax, consumed + value, paid) - _share(line_tax, consumed, paid)
    units_before, units_after = line.returned_qty + before, line.returned_qty + before + qty

    def share(total: Money) -> int:
        whole = total.minor
        return _share(whole, units_after, line.qty) - _share(whole, units_before, line.qty)

    def money(minor: int) -> Money:
        return Money.from_minor(minor, currency)

    gross = line.unit_price.minor * qty
    steps = [
        _step("price", translate("domain.refunds", "Unit price {0} × {1}")
                       .format(Worded(price_text, line.unit_price), qty), money(gross))
    ]
    line_discount, order_discount = share(line.discount), share(line.order_discount_share)
    if line_discount:
        steps.append(_step("line_discount", _LINE_DISCOUNT, money(-line_discount)))
    if order_discount:
        steps.append(
            _step("order_discount", _ORDER_DISCOUNT, money(-order_discount))
        )
    rate, tax_amount = Worded(percent_text, line.tax_rate), money(tax)
    expected = gross - line_discount - order_discount
    if prices_include_tax:
        steps.append(_step("tax", translate("domain.refunds", "Of which tax ({0})").format(rate), tax_amount, False))
    else:
        steps.append(_step("tax", translate("domain.refunds", "Tax added ({0})").format(rate), tax_amount))
        expected += tax
    if expected != value:  # a cent of rounding between unit shares and the exact amount paid
        steps.append(
            _step("rounding", _ROUNDING, money(value - expected))
        )
    return LineAmounts(
        request, line, line.sku, line.category, line.final_sale, line.unit_paid, money(value), tax_amount,
        tuple(steps), second_hand=grade_of(line.second_hand),
    )


def _share(total: int, part: int, whole: int) -> int:
    """Share of `total` minor units for the first `part` of `whole`, rounded once as `Money.of` rounds
    (exact when part == whole)."""
    if whole == 0:
        return 0
    return div_half_up(total * part, whole) if whole > 0 else div_half_up(-total * part, -whole)


def _price_receiptless(request: ReturnLineRequest, context: PolicyContext, currency: str) -> LineAmounts:
    sku = request.sku or ""
    info = context.prices.get(sku)
    if info is None or info.price.currency != currency:
        zero = Money.zero(currency)
        return LineAmounts(request, None, sku, "", False, zero, zero, zero, (), price_known=False)
    unit = info.price
    steps = [
        _step("current_price", translate("domain.refunds", "Current price {0} × {1}")
                               .format(Worded(price_text, unit), request.qty), unit * request.qty)
    ]
    if info.lowest is not None and info.lowest < unit and info.lowest_from is not None:
        days, day = info.lowest_days, info.lowest_from
        steps.append(
            _step("lowest_price", translate("domain.refunds", "Lowest price of the last {0} days: {1} since {2}")
                                  .format(days, Worded(price_text, info.lowest), Worded(day_text, day)),
                  (info.lowest - unit) * request.qty)
        )
        unit = info.lowest
    if request.claimed_unit_price is not None and request.claimed_unit_price < unit:
        steps.append(
            _step(
                "price_cap",
                translate("domain.refunds", "Limited to the price the customer paid"),
                (request.claimed_unit_price - unit) * request.qty,
            )
        )
        unit = request.claimed_unit_price
    value = unit * request.qty
    tax = Money.from_minor(tax_minor(value.minor, info.tax_rate, prices_include_tax=True), currency)
    rate = Worded(percent_text, info.tax_rate)
    steps.append(_step("tax", translate("domain.refunds", "Of which tax ({0})").format(rate), tax, False))
    return LineAmounts(request, None, sku, info.category, info.final_sale, unit, value, tax, tuple(steps),
                       serial_tracked=info.serial_tracked, second_hand=info.second_hand)


def restocking_fee(amounts: LineAmounts, fee_rate: Decimal) -> Money:
    """The restocking fee of a row: `fee_rate` percent of its value, rounded once with `Money.of`."""
    if not fee_rate:
        return Money.zero(amounts.value.currency)
    return Money.of(amounts.value.amount * fee_rate / 100, amounts.value.currency)


def apply_fee(amounts: LineAmounts, fee_rate: Decimal) -> tuple[Money, Money, tuple[BreakdownStep, ...]]:
    """The restocking fee, the refund, and the finished breakdown."""
    fee = restocking_fee(amounts, fee_rate)
    steps = list(amounts.steps)
    if not fee.is_zero():
        fee_text = translate("domain.refunds", "Restocking fee ({0})").format(Worded(percent_text, fee_rate))
        steps.append(_step("fee", fee_text, -fee))
    refund = amounts.value - fee
    steps.append(_step("refund", _REFUND, refund, False))
    return fee, refund, tuple(steps)


def cash_round(amount: Money, rounding: CashRounding | None) -> Money:
    """Round a cash payout to the currency's cash step (e.g. CHF 0.05); other tenders never are."""
    if rounding is None:
        return amount
    mode = ROUND_HALF_UP if rounding.mode is RoundingMode.NEAREST else ROUND_DOWN
    steps = (amount.amount / rounding.step).quantize(Decimal(1), rounding=mode)
    return Money.of(steps * rounding.step, amount.currency)


def _step(key: str, said: Localized, amount: Money, counted: bool = True) -> BreakdownStep:
    return BreakdownStep(key, said, amount, counted)


def day_text(day: date, language: str) -> str:
    """A day in a breakdown step: '2026-11-16' in English, '16/11/2026' in French."""
    return f"{day:%d/%m/%Y}" if language.startswith("fr") else day.isoformat()


def price_text(amount: Money, language: str) -> str:
    """A price in a breakdown step: '25.00 EUR' in English, '25,00' in French (the amount column says the rest)."""
    return str(amount.amount).replace(".", ",") if language.startswith("fr") else str(amount)
