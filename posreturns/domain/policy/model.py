"""A versioned return policy: plain data parsed from TOML (`toml.parse_policy`), evaluated by `engine`.

Every value has a default (see `defaults.DEFAULT_POLICY_TOML` and docs/policy.md); a policy file
only states what it changes. `parse_policy` refuses unknown keys and wrong types with a
`PolicyError` naming the key, so a typo never silently turns a rule off.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from posreturns.domain.decision import Alert, DecisionStatus
from posreturns.domain.money import Money
from posreturns.domain.orders import Channel, TenderMethod
from posreturns.domain.resale import ResaleRules
from posreturns.domain.returns import Condition, Disposition, Reason, RefundMethod


@dataclass(frozen=True, slots=True)
class HolidayExtension:
    """Sales made between `sold_from` and `sold_to` (inclusive) are returnable until `until`."""

    name: str
    sold_from: date
    sold_to: date
    until: date


@dataclass(frozen=True, slots=True)
class WindowRules:
    days: int
    categories: Mapping[str, int]
    channels: Mapping[str, int]
    extensions: tuple[HolidayExtension, ...]
    outside: DecisionStatus  # refused, or needs_approval for a softer policy


@dataclass(frozen=True, slots=True)
class SaleItemRules:
    enabled: bool
    min_discount_percent: Decimal
    methods: frozenset[RefundMethod]


@dataclass(frozen=True, slots=True)
class ReceiptlessRules:
    allowed: bool
    contact_required: bool
    methods: frozenset[RefundMethod]
    approval_above: Money
    lowest_price_days: int  # valued at the lowest shelf price of these last days (0: today's price)


class RefusalPath(StrEnum):
    """What a manager may do with a refused return."""

    OVERRIDE = "override"  # complete it as asked, signed with the manager's PIN and a reason
    GOODWILL = "goodwill"  # store credit as a goodwill gesture, signed the same way


@dataclass(frozen=True, slots=True)
class RefusalRules:
    paths: frozenset[RefusalPath]
    rules: frozenset[str]  # the refusing rules a manager may lift; any other refusal stays final


@dataclass(frozen=True, slots=True)
class SerialReturnerRules:
    enabled: bool
    max_returns: int  # counting the return being quoted
    days: int
    max_amount: Money | None  # refunded in `days`, counting this return; None: no amount rule


@dataclass(frozen=True, slots=True)
class ApprovalRules:
    enabled: bool
    refund_above: Money


@dataclass(frozen=True, slots=True)
class Selector:
    """Matches a line by reason, condition and category; an empty set matches anything."""

    reasons: frozenset[Reason] = frozenset()
    conditions: frozenset[Condition] = frozenset()
    categories: frozenset[str] = frozenset()

    def matches(self, reason: Reason, condition: Condition, category: str) -> bool:
        return (
            (not self.reasons or reason in self.reasons)
            and (not self.conditions or condition in self.conditions)
            and (not self.categories or category in self.categories)
        )


@dataclass(frozen=True, slots=True)
class FeeRule:
    name: str
    selector: Selector
    percent: Decimal
    en: str
    fr: str


@dataclass(frozen=True, slots=True)
class OfflineRules:
    return_above: Money
    till_day_above: Money
    foreign_store_methods: frozenset[RefundMethod]
    receiptless_methods: frozenset[RefundMethod]
    max_cache_age_hours: int | None
    stale_cache_methods: frozenset[RefundMethod]


@dataclass(frozen=True, slots=True)
class IncentiveRules:
    enabled: bool
    percent: Decimal
    methods: frozenset[RefundMethod]  # store_credit and/or exchange


@dataclass(frozen=True, slots=True)
class CashRules:
    allow_without_cash_tender: bool


class RoundingMode(StrEnum):
    NEAREST = "nearest"  # half up to the step, as the sale was rounded
    DOWN = "down"  # never pay out more than the exact amount


@dataclass(frozen=True, slots=True)
class CashRounding:
    step: Decimal
    mode: RoundingMode


@dataclass(frozen=True, slots=True)
class ShippingRules:
    reasons: frozenset[Reason]
    channels: frozenset[Channel]


@dataclass(frozen=True, slots=True)
class DispositionRule:
    name: str
    selector: Selector
    disposition: Disposition
    alerts: tuple[Alert, ...]


@dataclass(frozen=True, slots=True)
class Policy:
    """One version of the return policy; every amount is in `currency`."""

    version: str
    currency: str
    window: WindowRules
    final_sale: DecisionStatus
    sale_items: SaleItemRules
    receiptless: ReceiptlessRules
    refusals: RefusalRules
    serial_returners: SerialReturnerRules
    approval: ApprovalRules
    fees: tuple[FeeRule, ...]
    offline: OfflineRules
    incentive: IncentiveRules
    cash: CashRules
    cash_rounding: Mapping[str, CashRounding]
    shipping: ShippingRules
    tender_order: tuple[TenderMethod, ...]
    dispositions: tuple[DispositionRule, ...]
    default_disposition: Disposition
    resale: ResaleRules
    handling_costs: Mapping[Disposition, Money]  # per unit, by disposition: the returns report's cost estimate
