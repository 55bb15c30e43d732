"""Return-level limits: receipt-less contact and amount, serial returners, offline caps and restrictions.

Each function adds `TraceEntry`s (English and French) to the return's verdict; `policy_engine`
calls them in the documented order.
"""

from __future__ import annotations

from datetime import timedelta

from posreturns.domain.context import PolicyContext
from posreturns.domain.decision import DecisionStatus, TraceEntry, money_text
from posreturns.domain.messages import Text, Worded, translate
from posreturns.domain.money import Money
from posreturns.domain.policy.model import Policy
from posreturns.domain.policy.rules import LineVerdict, methods_text
from posreturns.domain.returns import RefundMethod, ReturnDraft

_APPROVAL = DecisionStatus.NEEDS_APPROVAL
_REFUSED = DecisionStatus.REFUSED


def receiptless_limits(draft: ReturnDraft, policy: Policy, total: Money, verdict: LineVerdict) -> None:
    rules = policy.receiptless
    if rules.contact_required and not draft.customer.has_contact:
        verdict.add(
            TraceEntry(
                "receiptless_contact",
                translate("domain.policy.limits", "No receipt: the customer's phone or e-mail is required."),
                _REFUSED,
            )
        )
    if rules.allowed and total > rules.approval_above:
        limit = rules.approval_above
        verdict.add(
            TraceEntry(
                "receiptless_limit",
                translate("domain.policy.limits", "No receipt and above {0}: manager approval.")
                .format(Worded(money_text, limit)),
                _APPROVAL,
            )
        )


def serial_returner(
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
                translate("domain.policy.limits", "Return number {0} in {1} days: manager approval.")
                .format(count, rules.days),
                _APPROVAL,
            )
        )
    recent, limit = context.customer_recent_refunded, rules.max_amount
    if limit is not None and recent is not None and recent + total > limit:
        verdict.add(
            TraceEntry(
                "serial_returner_amount",
                translate("domain.policy.limits", "Over {0} refunded in {1} days: manager approval.")
                .format(Worded(money_text, limit), rules.days),
                _APPROVAL,
            )
        )


def offline_limits(
    draft: ReturnDraft, policy: Policy, context: PolicyContext, total: Money, verdict: LineVerdict
) -> None:
    rules, fired = policy.offline, False
    if total > rules.return_above:
        fired = True
        verdict.add(
            TraceEntry(
                "offline_return",
                translate("domain.policy.limits", "Offline return above {0}: manager approval.")
                .format(Worded(money_text, rules.return_above)),
                _APPROVAL,
            )
        )
    today = context.offline_refunded_today or Money.zero(policy.currency)
    if today + total > rules.till_day_above:
        fired = True
        verdict.add(
            TraceEntry(
                "offline_till",
                translate("domain.policy.limits", "Offline refunds at this till today would pass {0}: "
                                                  "manager approval.")
                .format(Worded(money_text, rules.till_day_above)),
                _APPROVAL,
            )
        )
    if draft.order is None:
        fired = _restrict(
            verdict,
            rules.receiptless_methods,
            "offline_receiptless",
            translate("domain.policy.limits", "Offline without a receipt"),
        )
    elif draft.order.store_id != context.store_id:
        fired = _restrict(
            verdict,
            rules.foreign_store_methods,
            "offline_foreign_store",
            translate("domain.policy.limits", "Offline, order from another store or the web"),
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
            translate("domain.policy.limits", "Offline with order data older than {0} h").format(hours),
        )
    if not fired:
        verdict.add(
            TraceEntry(
                "offline",
                translate("domain.policy.limits", "Offline return within the offline limits; it will sync "
                                                  "later."),
            )
        )


def _restrict(verdict: LineVerdict, methods: frozenset[RefundMethod], rule: str, why: Text) -> bool:
    only = translate("domain.policy.limits", "{0}: {1} only.").format(why, Worded(methods_text, methods))
    verdict.restrict(methods, TraceEntry(rule, only))
    return True
