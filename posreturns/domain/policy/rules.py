"""Line-level policy rules: window, final sale, sale items, receipt-less items, fees, disposition.

Each rule looks at one returned row and adds a `TraceEntry` (English and French) when it fires,
including the rules that explain why a line is allowed (e.g. within the window).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from posreturns.domain.context import PolicyContext
from posreturns.domain.decision import DecisionStatus, LineDecision, TraceEntry, money_text, percent_text, worst
from posreturns.domain.disposition import DispositionResult, decide_disposition
from posreturns.domain.messages import Worded, translate
from posreturns.domain.orders import Order
from posreturns.domain.policy.model import FeeRule, Policy
from posreturns.domain.refunds import LineAmounts, day_text
from posreturns.domain.resale import GRADE_WORDS, Grade
from posreturns.domain.returns import Condition, Disposition, Reason, RefundMethod

ALL_METHODS = frozenset(RefundMethod)
_METHODS = {
    RefundMethod.ORIGINAL: translate("domain.policy.rules", "refund to the original payment"),
    RefundMethod.STORE_CREDIT: translate("domain.policy.rules", "store credit"),
    RefundMethod.EXCHANGE: translate("domain.policy.rules", "exchange"),
}


def methods_text(methods: frozenset[RefundMethod], language: str) -> str:
    separator = translate("domain.policy.rules", " or ").in_language(language)
    joined = separator.join(_METHODS[m].in_language(language) for m in RefundMethod if m in methods)
    return joined or translate("domain.policy.rules", "no refund method").in_language(language)


def fee_text(fee: FeeRule, language: str) -> str:
    """The policy's own sentence for a restocking fee, e.g. "Opened electronics: 10 % restocking fee."."""
    pattern = fee.fr if language.startswith("fr") else fee.en
    return pattern.format(percent=percent_text(fee.percent, language))


@dataclass
class LineVerdict:
    """Mutable collector while the rules of one line run."""

    statuses: list[DecisionStatus] = field(default_factory=list)
    methods: frozenset[RefundMethod] = ALL_METHODS
    trace: list[TraceEntry] = field(default_factory=list)

    def add(self, entry: TraceEntry) -> None:
        self.trace.append(entry)
        if entry.effect is not None:
            self.statuses.append(entry.effect)

    def restrict(self, methods: frozenset[RefundMethod], entry: TraceEntry) -> None:
        self.methods = self.methods & methods
        self.add(entry)


@dataclass
class SharedRules:
    """What the rules conclude alike for every line of one quote that has the same inputs, worked out once:
    the return window by category, the disposition by reason, condition and category."""

    windows: dict[str, TraceEntry] = field(default_factory=dict)
    dispositions: dict[tuple[Reason, Condition, str], DispositionResult] = field(default_factory=dict)


def decide_line(
    amounts: LineAmounts, order: Order | None, policy: Policy, context: PolicyContext,
    shared: SharedRules | None = None,
) -> LineDecision:
    """Run the line rules in their documented order and combine them (worst status wins). `shared`: what
    the quote's other lines already worked out."""
    verdict = LineVerdict()
    v = policy.version
    known = shared or SharedRules()
    category = amounts.category
    if order is None:
        _receiptless_item(amounts, policy, verdict)
    else:
        window = known.windows.get(category)
        if window is None:
            window = known.windows[category] = _window(order, category, policy, context.now)
        verdict.add(window)
    if amounts.final_sale:
        verdict.add(
            TraceEntry(
                "final_sale",
                translate("domain.policy.rules", "Final-sale item: it cannot be returned (policy {0}).")
                .format(v),
                policy.final_sale,
            )
        )
    if amounts.second_hand is not None:
        _second_hand(amounts.second_hand, policy, verdict)
    if amounts.line is not None and policy.sale_items.enabled:
        off = amounts.line.discount_rate * 100
        rate = off.quantize(Decimal(1))
        if off >= policy.sale_items.min_discount_percent:
            m = policy.sale_items.methods
            verdict.restrict(
                m,
                TraceEntry(
                    "sale_item",
                    translate("domain.policy.rules", "Sale item ({0} % off): {1} only.")
                    .format(rate, Worded(methods_text, m)),
                ),
            )
    fee_rate = Decimal(0)
    req = amounts.request
    for fee in policy.fees:
        if fee.selector.matches(req.reason, req.condition, amounts.category):
            fee_rate = fee.percent
            verdict.add(TraceEntry("fee", Worded(fee_text, fee)))
            break
    disposition = known.dispositions.get((req.reason, req.condition, category))
    if disposition is None:
        disposition = decide_disposition(policy, req.reason, req.condition, category)
        known.dispositions[(req.reason, req.condition, category)] = disposition
    verdict.add(disposition.trace)
    where = disposition.disposition
    if amounts.serial_tracked and not req.serial and where is Disposition.RESTOCK:
        where = Disposition.INSPECT  # which unit came back is unknown: checked before it is sold again
        verdict.add(
            TraceEntry(
                "serial_missing",
                translate("domain.policy.rules", "Serial-tracked item returned without its serial: held for "
                                                 "inspection, not put back on sale."),
            )
        )
    return LineDecision(
        worst(verdict.statuses),
        verdict.methods,
        fee_rate,
        where,
        disposition.alerts,
        tuple(verdict.trace),
    )


def _second_hand(grade: Grade, policy: Policy, verdict: LineVerdict) -> None:
    rules, v = policy.resale, policy.version
    if grade in rules.sold_as_is:
        verdict.add(TraceEntry(
            "second_hand_as_is",
            translate("domain.policy.rules", "Second-hand item sold as is (grade {0}, {1}): it cannot be "
                                             "returned (policy {2}).")
            .format(grade.value, GRADE_WORDS[grade], v),
            DecisionStatus.REFUSED))
        return
    m = rules.return_methods
    if m != ALL_METHODS:
        verdict.restrict(m, TraceEntry(
            "second_hand",
            translate("domain.policy.rules", "Second-hand item (grade {0}): {1} only.")
            .format(grade.value, Worded(methods_text, m))))


def _receiptless_item(amounts: LineAmounts, policy: Policy, verdict: LineVerdict) -> None:
    rules, v = policy.receiptless, policy.version
    if not rules.allowed:
        verdict.add(
            TraceEntry(
                "receiptless",
                translate("domain.policy.rules", "Returns without a receipt are not accepted (policy {0}).")
                .format(v),
                DecisionStatus.REFUSED,
            )
        )
        return
    if not amounts.price_known:
        verdict.add(
            TraceEntry(
                "receiptless_price",
                translate("domain.policy.rules", "No current price is known for {0}: it cannot be taken "
                                                 "back without a receipt.").format(amounts.sku),
                DecisionStatus.REFUSED,
            )
        )
        return
    m, days = rules.methods, rules.lowest_price_days
    price = Worded(money_text, amounts.unit_paid)
    verdict.restrict(
        m,
        TraceEntry(
            "receiptless",
            translate("domain.policy.rules", "No receipt: {0} only, at most the lowest price of the last {1} "
                                             "days ({2}).").format(Worded(methods_text, m), days, price)
            if days else
            translate("domain.policy.rules", "No receipt: {0} only, at most the current price ({1}).")
            .format(Worded(methods_text, m), price),
        ),
    )


def window_deadline(order: Order, category: str, policy: Policy, now: datetime) -> tuple[date, int, str | None]:
    """Last calendar day (store's timezone) the line is returnable, its window in days, and the
    holiday extension that applied, if any. Category overrides win over channel overrides."""
    rules = policy.window
    days = rules.categories.get(category, rules.channels.get(order.channel.value, rules.days))
    placed = order.placed_at if order.placed_at.tzinfo else order.placed_at.replace(tzinfo=now.tzinfo)
    sold = placed.astimezone(now.tzinfo).date()
    deadline, extension = sold + timedelta(days=days), None
    for ext in rules.extensions:
        if ext.sold_from <= sold <= ext.sold_to and ext.until > deadline:
            deadline, extension = ext.until, ext.name
    return deadline, days, extension


def _window(order: Order, category: str, policy: Policy, now: datetime) -> TraceEntry:
    deadline, days, extension = window_deadline(order, category, policy, now)
    v = policy.version
    if now.date() > deadline:
        return TraceEntry(
            "window",
            translate("domain.policy.rules", "Past the {0}-day return window, which ended on {1} "
                                             "(policy {2}).").format(days, Worded(day_text, deadline), v),
            policy.window.outside,
        )
    if extension is not None:
        return TraceEntry(
            "window",
            translate("domain.policy.rules", 'Holiday extension "{0}": returnable until {1} (policy {2}).')
            .format(extension, Worded(day_text, deadline), v),
        )
    return TraceEntry(
        "window",
        translate("domain.policy.rules", "Within the {0}-day return window (policy {1}).").format(days, v),
    )
