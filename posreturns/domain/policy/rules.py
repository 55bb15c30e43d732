"""Line-level policy rules: window, final sale, sale items, receipt-less items, fees, disposition.

Each rule looks at one returned row and adds a `TraceEntry` (English and French) when it fires,
including the rules that explain why a line is allowed (e.g. within the window).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from posreturns.domain.context import PolicyContext
from posreturns.domain.decision import DecisionStatus, LineDecision, TraceEntry, percent_text, worst
from posreturns.domain.disposition import decide_disposition
from posreturns.domain.orders import Order
from posreturns.domain.policy.model import Policy
from posreturns.domain.refunds import LineAmounts
from posreturns.domain.resale import GRADE_WORDS, Grade
from posreturns.domain.returns import RefundMethod

ALL_METHODS = frozenset(RefundMethod)
_METHODS_EN = {
    RefundMethod.ORIGINAL: "refund to the original payment",
    RefundMethod.STORE_CREDIT: "store credit",
    RefundMethod.EXCHANGE: "exchange",
}
_METHODS_FR = {
    RefundMethod.ORIGINAL: "remboursement sur le paiement d'origine",
    RefundMethod.STORE_CREDIT: "avoir",
    RefundMethod.EXCHANGE: "échange",
}


def methods_text(methods: frozenset[RefundMethod], language: str) -> str:
    names = _METHODS_FR if language == "fr" else _METHODS_EN
    joined = (" ou " if language == "fr" else " or ").join(names[m] for m in RefundMethod if m in methods)
    return joined or ("aucun mode de remboursement" if language == "fr" else "no refund method")


def day_text(day: date, language: str) -> str:
    return day.strftime("%d/%m/%Y") if language == "fr" else day.isoformat()


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


def decide_line(
    amounts: LineAmounts, order: Order | None, policy: Policy, context: PolicyContext
) -> LineDecision:
    """Run the line rules in their documented order and combine them (worst status wins)."""
    verdict = LineVerdict()
    v = policy.version
    if order is None:
        _receiptless_item(amounts, policy, verdict)
    else:
        _window(order, amounts.category, policy, context.now, verdict)
    if amounts.final_sale:
        verdict.add(
            TraceEntry(
                "final_sale",
                f"Final-sale item: it cannot be returned (policy {v}).",
                f"Article vendu en soldes définitives : il ne peut pas être repris (politique {v}).",
                policy.final_sale,
            )
        )
    if amounts.second_hand is not None:
        _second_hand(amounts.second_hand, policy, verdict)
    if amounts.line is not None and policy.sale_items.enabled:
        rate = (amounts.line.discount_rate * 100).quantize(Decimal(1))
        if amounts.line.discount_rate * 100 >= policy.sale_items.min_discount_percent:
            m = policy.sale_items.methods
            verdict.restrict(
                m,
                TraceEntry(
                    "sale_item",
                    f"Sale item ({rate} % off): {methods_text(m, 'en')} only.",
                    f"Article soldé (-{rate} %) : {methods_text(m, 'fr')} uniquement.",
                ),
            )
    fee_rate = Decimal(0)
    req = amounts.request
    for fee in policy.fees:
        if fee.selector.matches(req.reason, req.condition, amounts.category):
            fee_rate = fee.percent
            verdict.add(
                TraceEntry(
                    "fee",
                    fee.en.format(percent=percent_text(fee.percent, "en")),
                    fee.fr.format(percent=percent_text(fee.percent, "fr")),
                )
            )
            break
    disposition = decide_disposition(policy, req.reason, req.condition, amounts.category)
    verdict.add(disposition.trace)
    return LineDecision(
        worst(verdict.statuses),
        verdict.methods,
        fee_rate,
        disposition.disposition,
        disposition.alerts,
        tuple(verdict.trace),
    )


def _second_hand(grade: Grade, policy: Policy, verdict: LineVerdict) -> None:
    rules, v = policy.resale, policy.version
    words_en, words_fr = GRADE_WORDS[grade]
    if grade in rules.sold_as_is:
        verdict.add(TraceEntry(
            "second_hand_as_is",
            f"Second-hand item sold as is (grade {grade.value}, {words_en}): it cannot be returned (policy {v}).",
            f"Article de seconde main vendu en l'état (note {grade.value}, {words_fr}) : il ne peut pas être "
            f"repris (politique {v}).",
            DecisionStatus.REFUSED))
        return
    m = rules.return_methods
    if m != ALL_METHODS:
        verdict.restrict(m, TraceEntry(
            "second_hand",
            f"Second-hand item (grade {grade.value}): {methods_text(m, 'en')} only.",
            f"Article de seconde main (note {grade.value}) : {methods_text(m, 'fr')} uniquement."))


def _receiptless_item(amounts: LineAmounts, policy: Policy, verdict: LineVerdict) -> None:
    rules, v = policy.receiptless, policy.version
    if not rules.allowed:
        verdict.add(
            TraceEntry(
                "receiptless",
                f"Returns without a receipt are not accepted (policy {v}).",
                f"Les retours sans ticket ne sont pas acceptés (politique {v}).",
                DecisionStatus.REFUSED,
            )
        )
        return
    if not amounts.price_known:
        verdict.add(
            TraceEntry(
                "receiptless_price",
                f"No current price is known for {amounts.sku}: it cannot be taken back without a receipt.",
                f"Aucun prix actuel connu pour {amounts.sku} : reprise sans ticket impossible.",
                DecisionStatus.REFUSED,
            )
        )
        return
    m = rules.methods
    verdict.restrict(
        m,
        TraceEntry(
            "receiptless",
            f"No receipt: {methods_text(m, 'en')} only, at most the current price ({amounts.unit_paid}).",
            f"Sans ticket : {methods_text(m, 'fr')} uniquement, au plus le prix actuel "
            f"({str(amounts.unit_paid.amount).replace('.', ',')}).",
        ),
    )


def window_deadline(
    order: Order, category: str, policy: Policy, now: datetime
) -> tuple[date, int, str | None]:
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


def _window(order: Order, category: str, policy: Policy, now: datetime, verdict: LineVerdict) -> None:
    deadline, days, extension = window_deadline(order, category, policy, now)
    v = policy.version
    if now.date() > deadline:
        verdict.add(
            TraceEntry(
                "window",
                f"Past the {days}-day return window, which ended on {day_text(deadline, 'en')} (policy {v}).",
                f"Hors du délai de retour de {days} jours, "
                f"terminé le {day_text(deadline, 'fr')} (politique {v}).",
                policy.window.outside,
            )
        )
    elif extension is not None:
        verdict.add(
            TraceEntry(
                "window",
                f'Holiday extension "{extension}": returnable until {day_text(deadline, "en")} (policy {v}).',
                f"Prolongation « {extension} » : "
                f"reprise possible jusqu'au {day_text(deadline, 'fr')} (politique {v}).",
            )
        )
    else:
        verdict.add(
            TraceEntry(
                "window",
                f"Within the {days}-day return window (policy {v}).",
                f"Dans le délai de retour de {days} jours (politique {v}).",
            )
        )
