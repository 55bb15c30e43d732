"""Parse a policy TOML text over the built-in defaults into a `Policy`."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping

from posreturns.domain.decision import DecisionStatus
from posreturns.domain.errors import PolicyError
from posreturns.domain.money import exponent
from posreturns.domain.orders import Channel, TenderMethod
from posreturns.domain.policy.defaults import DEFAULT_POLICY_TOML
from posreturns.domain.policy.model import (
    ApprovalRules,
    CashRounding,
    CashRules,
    IncentiveRules,
    OfflineRules,
    Policy,
    ReceiptlessRules,
    RefusalPath,
    RefusalRules,
    RoundingMode,
    SaleItemRules,
    SerialReturnerRules,
    ShippingRules,
)
from posreturns.domain.policy.reader import Table, deep_merge
from posreturns.domain.policy.toml_rules import (
    ACTIONS,
    parse_alerts,
    parse_costs,
    parse_default_disposition,
    parse_disposition,
    parse_fee,
    parse_resale,
    parse_window,
)
from posreturns.domain.returns import Reason, RefundMethod


def default_policy() -> Policy:
    """The built-in policy: every rule at its documented default."""
    return parse_policy(DEFAULT_POLICY_TOML)


def _load(text: str | bytes, what: str) -> dict[str, object]:
    try:
        return tomllib.loads(text.decode("utf-8") if isinstance(text, bytes) else text)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise PolicyError(f"The {what} is not valid TOML ({exc}); fix the file and load it again.") from None


def parse_policy(text: str | bytes) -> Policy:
    data = _load(text, "policy")
    if "version" not in data:
        raise PolicyError("Policy key 'version' is missing; give every policy a version such as \"2026-11\".")
    root = Table(deep_merge(_load(DEFAULT_POLICY_TOML, "built-in policy"), data), "")
    currency = root.text("currency")
    if len(currency) != 3 or not currency.isalpha() or not currency.isupper():
        raise root.fail("currency", 'an ISO 4217 code such as "EUR"')
    alerts = parse_alerts(root.table("alerts"))
    policy = Policy(
        version=root.text("version"),
        currency=currency,
        window=parse_window(root.table("window")),
        final_sale=_action(root.table("final_sale"), "action"),
        sale_items=_sale_items(root.table("sale_items")),
        receiptless=_receiptless(root.table("receiptless"), currency),
        refusals=_refusals(root.table("refusals")),
        serial_returners=_serial_returners(root.table("serial_returners"), currency),
        approval=_approval(root.table("approval"), currency),
        fees=tuple(parse_fee(t) for t in root.tables("fees")),
        offline=_offline(root.table("offline"), currency),
        incentive=_incentive(root.table("incentive")),
        cash=_cash(root.table("cash")),
        cash_rounding=_cash_rounding(root.table("cash_rounding")),
        shipping=_shipping(root.table("shipping")),
        tender_order=_tender_order(root.table("tenders")),
        dispositions=tuple(parse_disposition(t, alerts) for t in root.tables("dispositions")),
        default_disposition=parse_default_disposition(root.table("disposition_default")),
        resale=parse_resale(root.table("resale"), currency),
        handling_costs=parse_costs(root.table("costs"), currency),
    )
    root.finish()
    return policy


def _action(table: Table, key: str) -> DecisionStatus:
    value = table.raw(key)
    if value not in ACTIONS:
        raise table.fail(key, '"refused" or "needs_approval"')
    table.finish()
    return DecisionStatus(value)


def _sale_items(t: Table) -> SaleItemRules:
    rules = SaleItemRules(
        t.boolean("enabled"), t.percent("min_discount_percent"), t.choices("methods", RefundMethod)
    )
    t.finish()
    return rules


def _receiptless(t: Table, currency: str) -> ReceiptlessRules:
    rules = ReceiptlessRules(
        allowed=t.boolean("allowed"),
        contact_required=t.boolean("contact_required"),
        methods=t.choices("methods", RefundMethod),
        approval_above=t.money("approval_above", currency),
        lowest_price_days=t.integer("lowest_price_days", minimum=0),
    )
    t.finish()
    return rules


# the refusing rules a manager may be allowed to lift (a price the till does not know, a method the
# cashier can change or a limit of offline work are not among them)
LIFTABLE = ("window", "final_sale", "receiptless", "receiptless_contact", "serial_returner", "serial_returner_amount")


def _refusals(t: Table) -> RefusalRules:
    rules = t.strings("rules")
    if not set(rules) <= set(LIFTABLE):
        raise t.fail("rules", "a list of " + ", ".join(f'"{rule}"' for rule in LIFTABLE))
    lifted = RefusalRules(t.choices("paths", RefusalPath), frozenset(rules))
    t.finish()
    return lifted


def _serial_returners(t: Table, currency: str) -> SerialReturnerRules:
    rules = SerialReturnerRules(
        enabled=t.boolean("enabled"),
        max_returns=t.integer("max_returns", minimum=1),
        days=t.integer("days", minimum=1),
        max_amount=t.money("max_amount", currency) if t.has("max_amount") else None,
    )
    t.finish()
    return rules


def _approval(t: Table, currency: str) -> ApprovalRules:
    rules = ApprovalRules(t.boolean("enabled"), t.money("refund_above", currency))
    t.finish()
    return rules


def _offline(t: Table, currency: str) -> OfflineRules:
    rules = OfflineRules(
        return_above=t.money("return_above", currency),
        till_day_above=t.money("till_day_above", currency),
        foreign_store_methods=t.choices("foreign_store_methods", RefundMethod),
        receiptless_methods=t.choices("receiptless_methods", RefundMethod),
        max_cache_age_hours=t.integer("max_cache_age_hours", 1) if t.has("max_cache_age_hours") else None,
        stale_cache_methods=t.choices("stale_cache_methods", RefundMethod),
    )
    t.finish()
    return rules


def _incentive(t: Table) -> IncentiveRules:
    rules = IncentiveRules(t.boolean("enabled"), t.percent("percent"), t.choices("methods", RefundMethod))
    if rules.methods - {RefundMethod.STORE_CREDIT, RefundMethod.EXCHANGE}:
        raise t.fail("methods", 'a list of "store_credit" and "exchange"')
    t.finish()
    return rules


def _cash(t: Table) -> CashRules:
    rules = CashRules(t.boolean("allow_without_cash_tender"))
    t.finish()
    return rules


def _cash_rounding(t: Table) -> Mapping[str, CashRounding]:
    result = {}
    for code in t.data:
        entry = t.table(code)
        step = entry.decimal("step")
        if step.as_tuple().exponent < -exponent(code):  # type: ignore[operator]
            raise entry.fail("step", f"a multiple of the smallest {code} unit")
        result[code] = CashRounding(step, entry.choice("mode", RoundingMode))
        entry.finish()
    return result


def _shipping(t: Table) -> ShippingRules:
    rules = ShippingRules(t.choices("reasons", Reason), t.choices("channels", Channel))
    t.finish()
    return rules


def _tender_order(t: Table) -> tuple[TenderMethod, ...]:
    order = t.raw("order")
    try:
        methods = tuple(TenderMethod(m) for m in order) if isinstance(order, list) else ()
    except ValueError:
        methods = ()
    if sorted(methods) != sorted(TenderMethod):
        raise t.fail("order", "a list naming each of card, cash, gift_card and store_credit once")
    t.finish()
    return methods
