"""From a return request to a domain `ReturnDraft`: the sale, its lines, replacements, customer.

Each scanned `code` is a barcode, a SKU or an order-line id. On a receipt it designates order
lines through `OrderLookup.match_item`; when several lines match, the first one with enough left
to return is taken (a serial picks the line it was sold on). Without a receipt, codes name
catalogue items, valued at their lowest shelf price over the policy's last N days (today's at most).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from posreturns.domain.context import PriceInfo
from posreturns.domain.errors import InvalidAmount
from posreturns.domain.messages import translate
from posreturns.domain.money import Money, allocate_minor
from posreturns.domain.orders import Order, OrderLine
from posreturns.domain.returns import CustomerInfo, ExchangeLine, ReturnDraft, ReturnLineRequest
from posreturns.services.errors import BadInput
from posreturns.services.lookup import OrderLookup
from posreturns.services.normalize import barcode_key, email_key, phone_key
from posreturns.services.ports import OrderRepository, VariantInfo
from posreturns.services.returns.ports import ReturnQueries
from posreturns.services.returns.request import CustomerInput, LineInput, ReturnRequest


@dataclass(frozen=True, slots=True)
class Resolved:
    draft: ReturnDraft
    notes: tuple[str, ...]
    customer_id: str | None  # whose returns the serial-returner rule counts
    prices: dict[str, PriceInfo]


class ReturnResolver:
    """Turns requests into drafts against the local cache (reads only)."""

    def __init__(self, lookup: OrderLookup, orders: OrderRepository, queries: ReturnQueries) -> None:
        self.lookup, self.orders, self.queries = lookup, orders, queries

    def resolve(self, request: ReturnRequest, store_id: str, currency: str, now: datetime | None = None,
                lowest_price_days: int = 0) -> Resolved:
        """`now` (in the store's time zone) and `lowest_price_days`: a receipt-less item is valued at
        its lowest shelf price over these last days (0 or no `now`: today's price)."""
        order = request.order or (self.lookup.find_receipt(request.receipt) if request.receipt else None)
        prices: dict[str, PriceInfo] = {}
        if order is not None:
            taken: Counter[str] = Counter()
            lines = tuple(self._linked(order, item, i, taken) for i, item in enumerate(request.lines))
        else:
            lines = tuple(
                self._receiptless(item, i, currency, prices, now, lowest_price_days)
                for i, item in enumerate(request.lines)
            )
        source = request.delivery.source if request.delivery else ""
        exchange = tuple(
            self._replacement(x.code, x.qty, i, store_id, source) for i, x in enumerate(request.exchange_lines)
        )
        if order is not None:
            exchange = self._swaps_at_price_paid(order, lines, exchange)
        customer = self._customer(request.customer)
        draft = ReturnDraft(
            order, lines, request.refund_method, exchange, customer, request.offline, request.cash_for_card
        )
        who = customer.customer_id or (order.customer_id if order else None)
        return Resolved(draft, tuple(item.note for item in request.lines), who, prices)

    def _linked(self, order: Order, item: LineInput, index: int, taken: Counter[str]) -> ReturnLineRequest:
        candidates: tuple[OrderLine, ...] = self._sold_lines(order, item, index)
        if item.serial:
            candidates = tuple(line for line in candidates if item.serial in line.serials)
            if not candidates:
                raise BadInput(
                    f"Line {index + 1}: serial {item.serial} was not sold on receipt {order.number} "
                    "for this item; check the unit and scan its serial again."
                )
        left = {line.id: line.returnable_qty - taken[line.id] for line in candidates}
        chosen = next((ln for ln in candidates if left[ln.id] >= item.qty), None)
        chosen = chosen or next((ln for ln in candidates if left[ln.id] > 0), candidates[0])
        taken[chosen.id] += item.qty
        return ReturnLineRequest(
            item.qty, item.reason, item.condition, order_line_id=chosen.id, serial=item.serial, note=item.note
        )

    def _sold_lines(self, order: Order, item: LineInput, index: int) -> tuple[OrderLine, ...]:
        """The sold lines `item` may be: the one the caller picked, or those its code matches."""
        if item.order_line_id is not None:
            found = next((line for line in order.lines if line.id == item.order_line_id), None)
            if found is None:
                raise BadInput(f"Line {index + 1}: this item is not on receipt {order.number}; scan the receipt again.")
            return (found,)
        match = self.lookup.match_item(order, item.code)
        if match.problem:
            raise BadInput(translate("services.returns.resolver", "Line {0}: {1}").format(index + 1, match.message))
        return tuple(match.lines)

    def _receiptless(
        self, item: LineInput, index: int, currency: str, prices: dict[str, PriceInfo], now: datetime | None,
        days: int,
    ) -> ReturnLineRequest:
        variant = self._variant(item.code, f"Line {index + 1}")
        if variant.sku not in prices:
            prices[variant.sku] = self._price(variant, now, days)
        claimed = None
        if item.claimed_unit_price is not None:
            try:
                claimed = Money.parse(item.claimed_unit_price, currency)
            except InvalidAmount as error:
                raise BadInput(f"Line {index + 1}: {error}") from None
        return ReturnLineRequest(
            item.qty,
            item.reason,
            item.condition,
            sku=variant.sku,
            serial=item.serial,
            note=item.note,
            claimed_unit_price=claimed,
        )

    def _price(self, variant: VariantInfo, now: datetime | None, days: int) -> PriceInfo:
        """Today's price, and the lowest the price history knows over the last `days` days (from the
        window's first day, in the store's time zone): the price in effect then, and each one since."""
        info = PriceInfo(variant.price, variant.tax_rate, variant.category, variant.final_sale,
                         variant.serial_tracked, second_hand=variant.second_hand)
        if now is None or days <= 0:
            return info
        opened = datetime.combine(now.date() - timedelta(days=days), datetime.min.time(), now.tzinfo)
        lowest, since = variant.price, now.date()
        for moment, minor in self.queries.prices_since(variant.sku, opened):
            price = Money.from_minor(minor, variant.price.currency)
            if price < lowest:
                lowest, since = price, max(moment, opened).astimezone(now.tzinfo).date()
        return replace(info, lowest=lowest, lowest_from=since, lowest_days=days)

    def _replacement(self, code: str, qty: int, index: int, store_id: str, source: str) -> ExchangeLine:
        """`source`: the location a delivered replacement comes from ("": the shelf here)."""
        variant = self._variant(code, f"Replacement {index + 1}")
        there = self.queries.sellable(variant.sku, source or store_id)
        return ExchangeLine(variant.sku, qty, variant.price, variant.product_id, there >= qty, variant.title, source)

    def _swaps_at_price_paid(self, order: Order, lines: tuple[ReturnLineRequest, ...],
                             exchange: tuple[ExchangeLine, ...]) -> tuple[ExchangeLine, ...]:
        """Another size or colour of a returned item costs what the customer paid for it (never more
        than today's price): swapping the size of a discounted item is an even exchange, not a bill
        for the discount. Each returned unit pays for one such replacement unit."""
        if not exchange:
            return exchange  # nothing to price: no catalogue read per returned line
        units: dict[str, list[Money]] = {}  # product -> the price paid for each returned unit
        for line in lines:
            sold = order.line(line.order_line_id) if line.order_line_id else None
            variant = self.orders.variant(sold.sku) if sold is not None else None
            if sold is None or variant is None or not variant.product_id or not 0 < line.qty <= sold.returnable_qty:
                continue  # not a sold unit of a known product (the policy says what is wrong with it)
            paid = sold.paid_for_next(line.qty)
            shares = [Money.from_minor(minor, paid.currency) for minor in allocate_minor(paid.minor, [1] * line.qty)]
            units.setdefault(variant.product_id, []).extend(shares)
        priced = []
        for replacement in exchange:
            left = units.get(replacement.product_id, [])
            if not replacement.product_id or len(left) < replacement.qty:
                priced.append(replacement)
                continue
            paid = Money.total((left.pop(0) for _ in range(replacement.qty)), replacement.unit_price.currency)
            if paid < replacement.unit_price * replacement.qty:
                # the average paid, for several units (to the cent: the credit they bring is the same)
                priced.append(replace(replacement, unit_price=Money.of(paid.amount / replacement.qty, paid.currency)))
            else:
                priced.append(replacement)
        return tuple(priced)

    def _variant(self, code: str, where: str) -> VariantInfo:
        sku = self.orders.sku_for_barcode(barcode_key(code)) or code.strip()
        variant = self.orders.variant(sku)
        if variant is None:
            raise BadInput(
                f'{where}: "{code}" is not a product this till knows; scan the barcode again or type its SKU.'
            )
        return variant

    def _customer(self, given: CustomerInput | None) -> CustomerInfo:
        if given is None:
            return CustomerInfo()
        match = self.queries.customer(
            given.id,
            phone_key(given.phone) if given.phone else None,
            email_key(given.email) if given.email else None,
        )
        if match is None and given.id:
            raise BadInput(f'No customer "{given.id}" is on this till; search by phone or e-mail instead.')
        if match is None:  # a contact we do not know yet still counts as a way to reach the customer
            return CustomerInfo(None, has_contact=True)
        return CustomerInfo(match.id, match.has_contact or bool(given.phone or given.email))
