"""Evaluate a whole return: line rules first, then return-level rules, then combine.

The return's status is the worst of its lines and of the return-level rules (customer contact,
receipt-less limit, serial returners, high value, offline limits, refund method). A manager
approval in the context turns `needs_approval` into `allowed`. A refusal stays final unless the
policy lets a manager lift the rules that refused (`[refusals]`) and the context asks for one of
its paths: the return then needs that manager's approval.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from posreturns.domain.context import PolicyContext
from posreturns.domain.decision import (
    DecisionStatus,
    LineDecision,
    ReturnDecision,
    TraceEntry,
    money_text,
    percent_text,
    worst,
)
from posreturns.domain.messages import Worded, translate
from posreturns.domain.money import Money
from posreturns.domain.policy.limits import offline_limits, receiptless_limits, serial_returner
from posreturns.domain.policy.model import Policy, RefusalPath
from posreturns.domain.policy.rules import ALL_METHODS, LineVerdict, SharedRules, decide_line, methods_text
from posreturns.domain.refunds import LineAmounts, restocking_fee
from posreturns.domain.returns import RefundMethod, ReturnDraft

_APPROVAL = DecisionStatus.NEEDS_APPROVAL
_REFUSED = DecisionStatus.REFUSED


def evaluate(
    draft: ReturnDraft, policy: Policy, context: PolicyContext, amounts: Sequence[LineAmounts]
) -> ReturnDecision:
    shared = SharedRules()
    lines = tuple(decide_line(a, draft.order, policy, context, shared) for a in amounts)
    currency = policy.currency
    refund = Money.total((a.value - restocking_fee(a, d.fee_rate) for a, d in zip(amounts, lines, strict=True)),
                         currency)
    shipping = _shipping_refundable(draft, policy)
    total = refund + (draft.order.shipping_refundable if shipping and draft.order else Money.zero(currency))
    verdict = LineVerdict()
    verdict.methods = ALL_METHODS.intersection(*(d.methods for d in lines))
    if draft.order is None:
        receiptless_limits(draft, policy, total, verdict)
    serial_returner(draft, policy, context, total, verdict)
    if policy.approval.enabled and total > policy.approval.refund_above:
        limit = policy.approval.refund_above
        verdict.add(
            TraceEntry(
                "high_value",
                translate("domain.policy.engine", "Refund above {0}: manager approval.")
                .format(Worded(money_text, limit)),
                _APPROVAL,
            )
        )
    if draft.offline or context.offline:
        offline_limits(draft, policy, context, total, verdict)
    if shipping:
        verdict.add(
            TraceEntry(
                "shipping",
                translate("domain.policy.engine", "Shipping refunded: the item was wrong, defective, "
                                                  "damaged or late."),
            )
        )
    if draft.refund_method not in verdict.methods:
        verdict.add(
            TraceEntry(
                "refund_method",
                translate("domain.policy.engine", "This return allows only {0}: change the refund method.")
                .format(Worded(methods_text, verdict.methods)),
                _REFUSED,
            )
        )
    bonus = _incentive(draft, policy, verdict)
    status = worst([*(d.status for d in lines), *verdict.statuses])
    final = status
    paths = _refusal_paths(policy, lines, verdict) if status is _REFUSED else ()
    goodwill = context.refusal_path == RefusalPath.GOODWILL
    if context.refusal_path in paths and (not goodwill or draft.refund_method is RefundMethod.STORE_CREDIT):
        if goodwill:
            verdict.methods = frozenset({RefundMethod.STORE_CREDIT})
        final = _APPROVAL  # the refusal is lifted only by a manager, who signs for it
        lifted = (translate("domain.policy.engine", "Refusal lifted by a manager: goodwill store credit.") if goodwill
                  else translate("domain.policy.engine", "Refusal lifted by a manager (override)."))
        verdict.add(TraceEntry("refusal_override", lifted))
    if final is _APPROVAL and context.manager_approval:
        final = DecisionStatus.ALLOWED
        verdict.add(TraceEntry("approval", translate("domain.policy.engine", "Approved by a manager.")))
    return ReturnDecision(status, final, verdict.methods, lines, tuple(verdict.trace), shipping, bonus, paths)


def _refusal_paths(policy: Policy, lines: Sequence[LineDecision],
                   verdict: LineVerdict) -> tuple[str, ...]:
    """The ways past this refusal the policy opens: none when a rule it does not let managers lift
    refused too (goodwill is then asked with store credit as the refund method)."""
    entries = [*verdict.trace, *(entry for line in lines for entry in line.trace)]
    if not {entry.rule for entry in entries if entry.effect is _REFUSED} <= policy.refusals.rules:
        return ()
    return tuple(path.value for path in RefusalPath if path in policy.refusals.paths)


def _shipping_refundable(draft: ReturnDraft, policy: Policy) -> bool:
    order = draft.order
    if order is None or order.shipping_refundable.is_zero() or order.channel not in policy.shipping.channels:
        return False
    return any(r.reason in policy.shipping.reasons for r in draft.lines)


def _incentive(draft: ReturnDraft, policy: Policy, verdict: LineVerdict) -> Decimal:
    rules = policy.incentive
    if not rules.enabled or draft.refund_method not in rules.methods:
        return Decimal(0)
    bonus = translate("domain.policy.engine", "Bonus of {0} for choosing {1}.").format(
        Worded(percent_text, rules.percent), Worded(methods_text, frozenset({draft.refund_method})))
    verdict.add(TraceEntry("incentive", bonus))
    return rules.percent
