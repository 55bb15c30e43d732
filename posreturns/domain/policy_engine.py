"""Evaluate a whole return: line rules first, then return-level rules, then combine.

The return's status is the worst of its lines and of the return-level rules (customer contact,
receipt-less limit, serial returners, high value, offline limits, refund method). A manager
approval in the context turns `needs_approval` into `allowed`; nothing turns `refused` around.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from decimal import Decimal

from posreturns.domain.context import PolicyContext
from posreturns.domain.decision import DecisionStatus, ReturnDecision, TraceEntry, money_text, worst
from posreturns.domain.money import Money
from posreturns.domain.policy import Policy
from posreturns.domain.policy_rules import ALL_METHODS, LineVerdict, decide_line, methods_text
from posreturns.domain.refunds import LineAmounts, apply_fee
from posreturns.domain.returns import RefundMethod, ReturnDraft

_APPROVAL = DecisionStatus.NEEDS_APPROVAL
_REFUSED = DecisionStatus.REFUSED


def evaluate(
    draft: ReturnDraft, policy: Policy, context: PolicyContext, amounts: Sequence[LineAmounts]
) -> ReturnDecision:
    lines = tuple(decide_line(a, draft.order, policy, context) for a in amounts)
    currency = policy.currency
    refund = Money.total((apply_fee(a, d.fee_rate)[1] for a, d in zip(amounts, lines, strict=True)), currency)
    shipping = _shipping_refundable(draft, policy)
    total = refund + (draft.order.shipping_refundable if shipping and draft.order else Money.zero(currency))
    verdict = LineVerdict()
    verdict.methods = ALL_METHODS.intersection(*(d.methods for d in lines))
    if draft.order is None:
        _receiptless(draft, policy, total, verdict)
    _serial_returner(draft, policy, context, total, verdict)
    if policy.approval.enabled and total > policy.approval.refund_above:
        limit = policy.approval.refund_above
        verdict.add(
            TraceEntry(
                "high_value",
                f"Refund above {money_text(limit, 'en')}: manager approval.",
                f"Remboursement supérieur à {money_text(limit, 'fr')} : accord d'un responsable.",
                _APPROVAL,
            )
        )
    if draft.offline or context.offline:
        _offline(draft, policy, context, total, verdict)
    if shipping:
        verdict.add(
            TraceEntry(
                "shipping",
                "Shipping refunded: the item was wrong, defective, damaged or late.",
                "Livraison remboursée : article erroné, défectueux, abîmé ou livré en retard.",
            )
        )
    if draft.refund_method not in verdict.methods:
        verdict.add(
            TraceEntry(
                "refund_method",
                f"This return allows only {methods_text(verdict.methods, 'en')}: change the refund method.",
                f"Ce retour n'autorise que : {methods_text(verdict.methods, 'fr')} ; changez de mode de remboursement.",
                _REFUSED,
            )
        )
    bonus = _incentive(draft, policy, verdict)
    status = worst([*(d.status for d in lines), *verdict.statuses])
    final = status
    if status is _APPROVAL and context.manager_approval:
        final = DecisionStatus.ALLOWED
        verdict.add(TraceEntry("approval", "Approved by a manager.", "Accordé par un responsable."))
    return ReturnDecision(status, final, verdict.methods, lines, tuple(verdict.trace), shipping, bonus)


def _shipping_refundable(draft: ReturnDraft, policy: Policy) -> bool:
    order = draft.order
    if order is None or order.shipping_refundable.is_zero() or order.channel not in policy.shipping.channels:
        return False
    return any(r.reason in policy.shipping.reasons for r in draft.lines)


def _receiptless(draft: ReturnDraft, policy: Policy, total: Money, verdict: LineVerdict) -> None:
    rules = policy.receiptless
    if rules.contact_required and not draft.customer.has_contact:
        verdict.add(
            TraceEntry(
                "receiptless_contact",
                "No receipt: the customer's phone or e-mail is required.",
                "Sans ticket : le téléphone ou l'e-mail du client est obligatoire.",
                _REFUSED,
            )
        )
    if rules.allowed and total > rules.approval_above:
        limit = rules.approval_above
        verdict.add(
            TraceEntry(
                "receiptless_limit",
                f"No receipt and above {money_text(limit, 'en')}: manager approval.",
                f"Sans ticket et plus de {money_text(limit, 'fr')} : accord d'un responsable.",
                _APPROVAL,
            )
        )


def _serial_returner(
    draft: ReturnDraft, policy: Policy, context: PolicyContext, total: Money, verdict: LineVerdict
) -> None:
    rules = policy.serial_returners
    customer = draft.customer.customer_id or (draft.order.customer_id if draft.order else None)
    if not rules.enabled or customer is None:
        return
    count = context.customer_recent_returns + 1
    if count >= rules.max_returns:
        verdict.add(
            TraceEntry(
                "serial_returner",
                f"Return number {count} in {rules.days} days: manager approval.",
                f"{count}e retour en {rules.days} jours : accord d'un responsable.",
                _APPROVAL,
            )
        )
    recent, limit = context.customer_recent_refunded, rules.max_amount
    if limit is not None and recent is not None and recent + total > limit:
        verdict.add(
            TraceEntry(
                "serial_returner_amount",
                f"Over {money_text(limit, 'en')} refunded in {rules.days} days: manager approval.",
                f"Plus de {money_text(limit, 'fr')} remboursés en {rules.days} jours : accord d'un responsable.",
                _APPROVAL,
            )
        )


def _offline(
    draft: ReturnDraft, policy: Policy, context: PolicyContext, total: Money, verdict: LineVerdict
) -> None:
    rules, fired = policy.offline, False
    if total > rules.return_above:
        fired = True
        verdict.add(
            TraceEntry(
                "offline_return",
                f"Offline return above {money_text(rules.return_above, 'en')}: manager approval.",
                f"Retour hors ligne de plus de {money_text(rules.return_above, 'fr')}"
                " : accord d'un responsable.",
                _APPROVAL,
            )
        )
    today = context.offline_refunded_today or Money.zero(policy.currency)
    if today + total > rules.till_day_above:
        fired = True
        verdict.add(
            TraceEntry(
                "offline_till",
                f"Offline refunds at this till today would pass "
                f"{money_text(rules.till_day_above, 'en')}: manager approval.",
                f"Les remboursements hors ligne de cette caisse dépasseraient "
                f"{money_text(rules.till_day_above, 'fr')} aujourd'hui : accord d'un responsable.",
                _APPROVAL,
            )
        )
    if draft.order is None:
        fired = _restrict(
            verdict,
            rules.receiptless_methods,
            "offline_receiptless",
            "Offline without a receipt",
            "Hors ligne sans ticket",
        )
    elif draft.order.store_id != context.store_id:
        fired = _restrict(
            verdict,
            rules.foreign_store_methods,
            "offline_foreign_store",
            "Offline, order from another store or the web",
            "Hors ligne, commande d'un autre magasin ou du web",
        )
    hours, as_of = rules.max_cache_age_hours, context.cache_as_of
    if (
        draft.order is not None
        and hours is not None
        and as_of is not None
        and context.now - as_of > timedelta(hours=hours)
    ):
        fired = _restrict(
            verdict,
            rules.stale_cache_methods,
            "offline_stale_cache",
            f"Offline with order data older than {hours} h",
            f"Hors ligne avec des données de plus de {hours} h",
        )
    if not fired:
        verdict.add(
            TraceEntry(
                "offline",
                "Offline return within the offline limits; it will sync later.",
                "Retour hors ligne dans les limites ; il sera synchronisé plus tard.",
            )
        )


def _restrict(verdict: LineVerdict, methods: frozenset[RefundMethod], rule: str, en: str, fr: str) -> bool:
    verdict.restrict(
        methods,
        TraceEntry(
            rule,
            f"{en}: {methods_text(methods, 'en')} only.",
            f"{fr} : {methods_text(methods, 'fr')} uniquement.",
        ),
    )
    return True


def _incentive(draft: ReturnDraft, policy: Policy, verdict: LineVerdict) -> Decimal:
    rules = policy.incentive
    if not rules.enabled or draft.refund_method not in rules.methods:
        return Decimal(0)
    pct = format(rules.percent.normalize(), "f")
    verdict.add(
        TraceEntry(
            "incentive",
            f"Bonus of {pct} % for choosing {methods_text(frozenset({draft.refund_method}), 'en')}.",
            f"Bonus de {pct.replace('.', ',')} % pour le choix : {methods_text(frozenset({draft.refund_method}), 'fr')}.",
        )
    )
    return rules.percent
