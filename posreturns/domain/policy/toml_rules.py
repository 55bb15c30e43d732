"""Parsers for the rule lists of a policy file: window, fees, alerts and dispositions."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

from posreturns.domain.decision import Alert, DecisionStatus
from posreturns.domain.errors import UserFacingError
from posreturns.domain.messages import translate
from posreturns.domain.money import Money, exponent
from posreturns.domain.orders import Channel
from posreturns.domain.policy.model import DispositionRule, FeeRule, HolidayExtension, Selector, WindowRules
from posreturns.domain.policy.reader import Table
from posreturns.domain.resale import Grade, ResaleRules, check_prefix
from posreturns.domain.returns import Condition, Disposition, Reason, RefundMethod

ACTIONS = ("refused", "needs_approval")


def parse_day_map(table: Table, channels: bool) -> Mapping[str, int]:
    result = {}
    for key in table.data:
        if channels and key not in {c.value for c in Channel}:
            raise table.fail(key, 'a channel name: "store" or "web"')
        result[key] = table.integer(key, minimum=0)
    return result


def parse_window(table: Table) -> WindowRules:
    extensions = []
    for ext in table.tables("extensions"):
        item = HolidayExtension(ext.text("name"), ext.day("sold_from"), ext.day("sold_to"), ext.day("until"))
        if item.sold_to < item.sold_from or item.until < item.sold_to:
            raise ext.fail("until", "on or after sold_to, itself on or after sold_from")
        ext.finish()
        extensions.append(item)
    outside = table.raw("outside")
    if outside not in ACTIONS:
        raise table.fail("outside", '"refused" or "needs_approval"')
    rules = WindowRules(
        days=table.integer("days"),
        categories=parse_day_map(table.table("categories"), channels=False),
        channels=parse_day_map(table.table("channels"), channels=True),
        extensions=tuple(extensions),
        outside=DecisionStatus(outside),
    )
    table.finish()
    return rules


def parse_selector(t: Table) -> Selector:
    return Selector(
        reasons=t.choices("reasons", Reason) if t.has("reasons") else frozenset(),
        conditions=t.choices("conditions", Condition) if t.has("conditions") else frozenset(),
        categories=frozenset(t.strings("categories")) if t.has("categories") else frozenset(),
    )


def parse_fee(t: Table) -> FeeRule:
    name = t.text("name")
    unnamed = translate("domain.policy.toml_rules", "Restocking fee of {{percent}} (rule {0}).").format(name)
    en = t.text("en") if t.has("en") else unnamed.in_language("en")
    fr = t.text("fr") if t.has("fr") else unnamed.in_language("fr")
    rule = FeeRule(name, parse_selector(t), t.percent("percent"), en, fr)
    t.finish()
    return rule


def parse_alerts(t: Table) -> Mapping[str, Alert]:
    result = {}
    for code in t.data:
        entry = t.table(code)
        result[code] = Alert(code, entry.text("en"), entry.text("fr"))
        entry.finish()
    return result


def parse_disposition(t: Table, alerts: Mapping[str, Alert]) -> DispositionRule:
    codes = t.strings("alerts") if t.has("alerts") else ()
    for code in codes:
        if code not in alerts:
            raise t.fail("alerts", f"a list of alerts defined under [alerts] (no '{code}' there)")
    rule = DispositionRule(
        t.text("name"),
        parse_selector(t),
        t.choice("disposition", Disposition),
        tuple(alerts[c] for c in codes),
    )
    t.finish()
    return rule


def parse_default_disposition(t: Table) -> Disposition:
    value = t.choice("disposition", Disposition)
    t.finish()
    return value


def parse_resale(t: Table, currency: str) -> ResaleRules:
    grades = t.table("grades")
    percent = {grade: grades.percent(grade.value) for grade in Grade}
    grades.finish()
    ending_text = t.raw("price_ending")
    expected = f'a decimal string below 1 with at most {exponent(currency)} decimals, such as "0.90" or "0.00"'
    try:
        ending = Decimal(ending_text) if isinstance(ending_text, str) else Decimal("NaN")
    except InvalidOperation:
        raise t.fail("price_ending", expected) from None
    if not ending.is_finite() or not 0 <= ending < 1 or -ending.as_tuple().exponent > exponent(currency):  # type: ignore[operator]
        raise t.fail("price_ending", expected)
    try:
        prefix = check_prefix(t.text("ean_prefix"))
    except UserFacingError:
        raise t.fail("ean_prefix", '"2" followed by up to two digits (GS1 restricted circulation)') from None
    methods = t.choices("return_methods", RefundMethod)
    if not methods:
        raise t.fail("return_methods", 'at least one of "original", "store_credit" and "exchange" (to refuse '
                                       'every second-hand item, list its grades in sold_as_is)')
    as_is = t.choices("sold_as_is", Grade)
    t.finish()
    return ResaleRules(percent, ending, prefix, methods, as_is)


def parse_costs(t: Table, currency: str) -> dict[Disposition, Money]:
    """The handling cost of one returned unit by disposition (a disposition left out costs nothing)."""
    handling = t.table("handling")
    costs = {d: handling.money(d.value, currency) for d in Disposition if handling.has(d.value)}
    handling.finish()
    t.finish()
    return costs
