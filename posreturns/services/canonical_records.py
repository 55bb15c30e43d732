"""The records of a canonical `posreturns/1` document: plain values, amounts in minor units.

NamedTuples whose field order is the column order of the cache writer's statements, so a million
orders go to SQLite without being copied again.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple, Protocol

FORMAT = "posreturns/1"
TENDER_METHODS = frozenset({"card", "cash", "gift_card", "store_credit"})
REFUND_METHODS = frozenset({"original", "store_credit", "exchange"})
DECISIONS = frozenset({"allowed", "needs_approval"})
TILL_RECORD_FIELDS = ("cashier", "approved_by", "decision", "refund_method", "bonus", "paid", "paid_more", "delivery")
DELIVERIES = frozenset({"home", "store"})
# the fields of each object of the format (docs/data-format.schema.json); any other is refused by name
FIELDS = {
    "document": frozenset({"format", "catalog_currency", "stores", "products", "customers", "orders", "stock",
                           "returns", "held_units"}),
    "store": frozenset({"id", "name", "currency", "prices_include_tax", "timezone"}),
    "product": frozenset({"sku", "product_id", "title", "options", "barcodes", "price", "tax_rate", "category",
                          "final_sale", "serial_tracked"}),
    "customer": frozenset({"id", "name", "email", "phone"}),
    "order": frozenset({"id", "number", "channel", "store_id", "placed_at", "currency", "prices_include_tax",
                        "customer_id", "lines", "order_discount", "shipping", "tenders"}),
    "line": frozenset({"id", "sku", "qty", "unit_price", "discount", "tax_rate", "tax", "serials"}),
    "tender": frozenset({"method", "amount", "reference", "card_last4"}),
    "stock": frozenset({"sku", "location", "sellable"}),
    "return": frozenset({"id", "order_id", "currency", "created_at", "lines", "tenders", "number", "till_id",
                         *TILL_RECORD_FIELDS}),
    "return_line": frozenset({"order_line_id", "qty", "amount", "reason", "disposition"}),
    "return_tender": frozenset({"method", "amount"}),
    "held_unit": frozenset({"id", "return_id", "return_number", "till_id", "store_id", "sku", "serial", "reason",
                            "condition", "disposition", "note", "state", "held_at", "acted_by", "acted_at"}),
}
UNIT_STATES = frozenset({"held", "refurbishing", "released", "resale", "rtv", "scrapped"})


class StoreRecord(NamedTuple):
    id: str
    name: str
    currency: str
    prices_include_tax: bool
    timezone: str


class ProductRecord(NamedTuple):
    sku: str
    product_id: str
    title: str
    options_json: str
    price_minor: int
    tax_rate: str
    final_sale: bool
    serial_tracked: bool
    category: str
    barcodes: tuple[str, ...]
    path: str


class CustomerRecord(NamedTuple):
    id: str
    name: str | None
    email: str | None
    phone: str | None


class LineRecord(NamedTuple):
    id: str
    order_id: str
    position: int
    sku: str
    qty: int
    unit_price_minor: int
    discount_minor: int
    order_discount_share_minor: int
    tax_rate: str
    tax_minor: int
    paid_minor: int
    serials_json: str


class TenderRecord(NamedTuple):
    order_id: str
    position: int
    method: str
    amount_minor: int
    reference: str | None
    card_last4: str | None


class OrderRecord(NamedTuple):
    id: str
    number: str
    channel: str
    store_id: str | None
    placed_at: str
    currency: str
    prices_include_tax: bool
    customer_id: str | None
    order_discount_minor: int
    shipping_minor: int
    total_minor: int
    lines: list[LineRecord]
    tenders: list[TenderRecord]
    path: str


class StockRecord(NamedTuple):
    location: str
    sku: str
    sellable: int
    path: str


class ReturnLineRecord(NamedTuple):
    order_line_id: str
    qty: int
    amount_minor: int
    path: str
    reason: str | None = None  # as the till that made the return recorded them, for the store-wide report
    disposition: str | None = None


class ReturnTenderRecord(NamedTuple):
    method: str
    amount_minor: int
    path: str


class TillRecord(NamedTuple):
    """What the till that made a return recorded of it, for the store-wide report."""

    cashier: str | None
    approved_by: str | None
    decision: str | None
    refund_method: str | None
    bonus_minor: int
    paid: list[ReturnTenderRecord]  # how the refund was paid out (the tenders are what it took from the sale)
    paid_more_minor: int = 0  # an exchange dearer than the returned items: what the customer paid on top
    delivery: str | None = None  # an exchange delivered from the network: home | store


class ReturnRecord(NamedTuple):
    id: str
    order_id: str
    currency: str | None  # None: the order's, which is in the store already
    created_at: str | None
    lines: list[ReturnLineRecord]
    tenders: list[ReturnTenderRecord]
    path: str
    number: str | None = None  # the till's return number, when a till of the store made it
    till_id: str | None = None
    till_record: TillRecord | None = None


class OrderChunks(Protocol):
    """A big file's orders, built a chunk at a time as they are written (`canonical_stream.OrderStream`)."""

    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[OrderRecord]: ...
    def chunks(self) -> Iterator[list[OrderRecord]]: ...


class HeldUnitRecord(NamedTuple):
    """A unit a till of the store holds (returned defective, to inspect...), and what became of it."""
    id: str
    return_id: str
    return_number: str | None
    till_id: str | None
    store_id: str
    sku: str
    serial: str | None
    reason: str | None
    condition: str | None
    disposition: str | None
    note: str | None
    state: str
    held_at: str | None
    acted_by: str | None
    acted_at: str | None
    path: str


class Document(NamedTuple):
    catalog_currency: str
    stores: list[StoreRecord]
    products: list[ProductRecord]
    customers: list[CustomerRecord]
    orders: list[OrderRecord] | OrderChunks
    stock: list[StockRecord]
    returns: list[ReturnRecord]
    held_units: list[HeldUnitRecord] = []

    @property
    def counts(self) -> dict[str, int]:
        return {name: len(getattr(self, name))
                for name in ("stores", "products", "customers", "orders", "stock", "returns")}
