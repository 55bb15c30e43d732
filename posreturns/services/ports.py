"""Ports: what the use cases need from the outside world, as Protocols with role names."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Protocol

from posreturns.domain.money import Money

if TYPE_CHECKING:  # names in annotations only
    from posreturns.domain.orders import Order
    from posreturns.domain.resale import Grade
    from posreturns.services.canonical import Document


class Clock(Protocol):
    def now(self) -> datetime: ...


@dataclass(frozen=True, slots=True)
class OrderSummary:
    """One row of a search result: enough for the cashier to pick the right sale."""

    id: str
    number: str
    channel: str
    placed_at: datetime
    total: Money
    customer_name: str | None
    store_id: str | None


@dataclass(frozen=True, slots=True)
class VariantInfo:
    sku: str
    product_id: str
    title: str
    category: str
    price: Money
    final_sale: bool
    serial_tracked: bool
    tax_rate: Decimal = Decimal(0)  # percent
    second_hand: Grade | None = None


class OrderRepository(Protocol):
    def get(self, order_id: str) -> Order | None: ...
    def by_number_keys(self, keys: list[str]) -> Order | None: ...
    def summaries_by_number_keys(self, keys: list[str]) -> list[OrderSummary]: ...
    def sku_for_barcode(self, code_key: str) -> str | None: ...
    def variant(self, sku: str) -> VariantInfo | None: ...
    def by_customer_email(self, prefix: str, limit: int) -> list[OrderSummary]: ...
    def by_customer_phone(self, key: str, limit: int) -> list[OrderSummary]: ...
    def by_customer_name(self, tokens: list[str], limit: int) -> list[OrderSummary]: ...
    def by_card(self, last4: str, start: datetime, end: datetime, limit: int) -> list[OrderSummary]: ...
    def by_amount(self, total_minor: int, start: datetime, end: datetime, limit: int) -> list[OrderSummary]: ...


class CacheWriter(Protocol):
    def write(self, document: Document, source: str) -> dict[str, int]: ...
