"""Checks that a draft describes a possible return before the policy looks at it.

These are input errors (`InvalidReturn`, said to the cashier as is), not policy decisions: a
quantity above what is still returnable, a serial that was not sold, a missing note.
"""

from __future__ import annotations

from collections import Counter

from posreturns.domain.errors import InvalidReturn, ReplacementNotInStock
from posreturns.domain.messages import translate
from posreturns.domain.money import Money
from posreturns.domain.orders import Order, OrderLine
from posreturns.domain.returns import Reason, RefundMethod, ReturnDraft, ReturnLineRequest


def validate_draft(draft: ReturnDraft, currency: str) -> None:
    """Raise `InvalidReturn` (one sentence, what to do next) for the first problem found."""
    if not draft.lines:
        raise InvalidReturn(translate("domain.validation", "No item is in this return; scan the items the "
                                                           "customer brings back."))
    if draft.order is not None and draft.order.currency != currency:
        raise InvalidReturn(
            f"This order was paid in {draft.order.currency} but this store refunds in {currency}; "
            "send the customer to a store that uses that currency."
        )
    for request in draft.lines:
        _check_request(request, currency)
    if draft.order is not None:
        _check_against_order(draft.order, draft.lines)
    _check_exchange(draft, currency)


def _check_request(request: ReturnLineRequest, currency: str) -> None:
    if request.qty < 1:
        raise InvalidReturn("A returned quantity must be at least 1; correct the quantity.")
    if request.reason is Reason.OTHER and not request.note.strip():
        raise InvalidReturn(translate("domain.validation", 'The reason "other" needs a note; type what the '
                                                           "customer said."))
    if request.claimed_unit_price is not None:
        _check_money(request.claimed_unit_price, currency)


def _check_money(amount: Money, currency: str) -> None:
    if amount.currency != currency or amount.amount < 0:
        raise InvalidReturn(f"The price {amount.format()} is not a {currency} amount; enter it again.")


def _check_against_order(order: Order, requests: tuple[ReturnLineRequest, ...]) -> None:
    per_line: Counter[str] = Counter()
    serials_seen: set[str] = set()
    for request in requests:
        if request.order_line_id is None:
            raise InvalidReturn("An item is not linked to a line of the receipt; scan it again.")
        try:
            line = order.line(request.order_line_id)
        except KeyError:
            raise InvalidReturn(
                f"Item line {request.order_line_id} is not on receipt {order.number}; scan the item again."
            ) from None
        if request.sku is not None and request.sku != line.sku:
            raise InvalidReturn(
                f"Item {request.sku} is not on receipt {order.number} at that line; rescan it."
            )
        per_line[line.id] += request.qty
        if line.serial_tracked:
            _check_serial(line, request, serials_seen)
    for line_id, qty in per_line.items():
        line = order.line(line_id)
        if qty > line.returnable_qty:
            raise InvalidReturn(
                translate("domain.validation", 'Only {0} of "{1}" can still be returned ({2} of {3} already '
                                               "returned); lower the quantity.")
                .format(line.returnable_qty, line.title, line.returned_qty, line.qty),
            )


def _check_serial(line: OrderLine, request: ReturnLineRequest, seen: set[str]) -> None:
    if request.qty != 1 or not request.serial:
        raise InvalidReturn(translate("domain.validation", '"{0}" is serial-tracked; scan the serial number of '
                                                           "each unit.").format(line.title))
    if request.serial not in line.serials:
        raise InvalidReturn(
            translate("domain.validation", "Serial {0} was not sold on this line; check the unit and scan again.")
            .format(request.serial),
        )
    if request.serial in line.returned_serials or request.serial in seen:
        raise InvalidReturn(
            translate("domain.validation", "Serial {0} has already been returned; it cannot be returned twice.")
            .format(request.serial),
        )
    seen.add(request.serial)


def _check_exchange(draft: ReturnDraft, currency: str) -> None:
    if draft.refund_method is RefundMethod.EXCHANGE and not draft.exchange_lines:
        raise InvalidReturn(translate("domain.validation", "An exchange needs a replacement item; scan it or "
                                                           "choose another refund method."))
    if draft.refund_method is not RefundMethod.EXCHANGE and draft.exchange_lines:
        raise InvalidReturn(
            "Replacement items were added but the refund method is not exchange; choose exchange."
        )
    for item in draft.exchange_lines:
        if item.qty < 1:
            raise InvalidReturn("A replacement quantity must be at least 1; correct the quantity.")
        _check_money(item.unit_price, currency)
        if not item.in_stock_here and item.source:
            raise ReplacementNotInStock(translate("domain.validation", "{0} is no longer in stock at {1}; choose "
                                                                       "another source or another size.")
                                        .format(item.title or item.sku, item.source))
        if not item.in_stock_here:
            raise ReplacementNotInStock(
                translate("domain.validation", "{0} is not in stock in this store; pick another variant or "
                                               "promise a delivery instead.").format(item.title or item.sku),
            )
