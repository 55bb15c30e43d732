"""The one entry point: `quote_return(draft, policy, context) -> Quote`.

Pure and deterministic: the only randomness (voucher codes) is injected. The steps are
validate → value each row from the sale snapshot → policy (lines, then the return) → fees and
shipping → allocation to tenders / voucher / exchange → stock moves. A refused return has no
allocation and no stock moves; a return that needs approval is quoted in full so the cashier and
the manager see what the approval would allow.
"""

from __future__ import annotations

from decimal import Decimal

from posreturns.domain.allocation import Allocation, allocate_refund
from posreturns.domain.context import PolicyContext
from posreturns.domain.decision import DecisionStatus, ReturnDecision, TraceEntry, money_text
from posreturns.domain.exchange import ExchangeQuote, quote_exchange, replacement_moves
from posreturns.domain.messages import Worded, translate
from posreturns.domain.money import Money
from posreturns.domain.policy.engine import evaluate
from posreturns.domain.policy.model import Policy
from posreturns.domain.quote_model import LineQuote, Quote
from posreturns.domain.refunds import apply_fee, price_draft
from posreturns.domain.returns import RefundMethod, ReturnDraft
from posreturns.domain.stock import StockMove
from posreturns.domain.validation import validate_draft
from posreturns.domain.vouchers import VoucherCodeSource

__all__ = ["LineQuote", "Quote", "quote_return"]


def quote_return(
    draft: ReturnDraft,
    policy: Policy,
    context: PolicyContext,
    *,
    voucher_codes: VoucherCodeSource | None = None,
) -> Quote:
    """Decide and price a return. Raises `InvalidReturn` for impossible input and
    `RefundExceedsTenders` if the sale's ledger is inconsistent; policy outcomes are statuses."""
    currency = policy.currency
    validate_draft(draft, currency)
    amounts = price_draft(draft, context, currency)
    decision = evaluate(draft, policy, context, amounts)
    lines = []
    for row, verdict in zip(amounts, decision.lines, strict=True):
        fee, refund, steps = apply_fee(row, verdict.fee_rate)
        r = row.request
        lines.append(
            LineQuote(
                r.order_line_id,
                row.sku,
                r.qty,
                r.reason,
                r.condition,
                r.serial,
                verdict.status,
                row.unit_paid,
                row.value,
                fee,
                row.tax,
                refund,
                verdict.disposition,
                verdict.alerts,
                steps,
                verdict.trace,
            )
        )
    zero = Money.zero(currency)
    shipping = draft.order.shipping_refundable if decision.shipping_refundable and draft.order else zero
    total = Money.total((line.refund for line in lines), currency) + shipping
    trace = list(decision.trace)
    allocation, exchange, moves = Allocation((), (), None, zero, ()), None, []
    if decision.final_status is not DecisionStatus.REFUSED:
        allocation, exchange = _settle(draft, policy, context, decision, total, voucher_codes)
        moves = [
            StockMove(line.sku, context.store_id, line.bucket, line.qty, "return", line.serial)
            for line in lines
        ]
        moves += replacement_moves(draft.exchange_lines, context.store_id)
        trace += allocation.trace
    offer = _incentive_offer(draft, policy, decision, total)
    if offer is not None:
        trace.append(
            TraceEntry("incentive_offer", translate("domain.quote", "Offer: store credit would add {0}.")
                                          .format(Worded(money_text, offer)))
        )
    return Quote(
        status=decision.final_status,
        approval_required=decision.approval_required,
        policy_version=policy.version,
        currency=currency,
        refund_method=draft.refund_method,
        allowed_methods=tuple(m for m in RefundMethod if m in decision.methods),
        offline=draft.offline or context.offline,
        trace=tuple(trace),
        lines=tuple(lines),
        shipping=shipping,
        refund_total=total,
        tenders=allocation.payouts,
        ledger=allocation.ledger,
        voucher=allocation.voucher,
        cash_rounding=allocation.cash_rounding,
        exchange=exchange,
        stock_moves=tuple(moves),
        incentive_offer=offer,
        refusal_paths=decision.refusal_paths if decision.final_status is DecisionStatus.REFUSED else (),
    )


def _settle(
    draft: ReturnDraft,
    policy: Policy,
    context: PolicyContext,
    decision: ReturnDecision,
    total: Money,
    codes: VoucherCodeSource | None,
) -> tuple[Allocation, ExchangeQuote | None]:
    method = draft.refund_method
    if method is RefundMethod.EXCHANGE:
        exchange = quote_exchange(draft.exchange_lines, total, decision.bonus_rate)
        to_voucher = RefundMethod.ORIGINAL not in decision.methods
        allocation = allocate_refund(
            draft.order,
            exchange.to_refund,
            policy,
            context,
            to_voucher=to_voucher,
            via_host=True,
            voucher_codes=codes,
        )
        return allocation, exchange
    if method is RefundMethod.STORE_CREDIT:
        bonus = Money.of(total.amount * decision.bonus_rate / 100, total.currency)
        return allocate_refund(
            draft.order, total, policy, context, to_voucher=True, bonus=bonus, voucher_codes=codes
        ), None
    return allocate_refund(
        draft.order,
        total,
        policy,
        context,
        to_voucher=False,
        cash_for_card=draft.cash_for_card,
        voucher_codes=codes,
    ), None


def _incentive_offer(
    draft: ReturnDraft, policy: Policy, decision: ReturnDecision, total: Money
) -> Money | None:
    rules = policy.incentive
    if (
        not rules.enabled
        or draft.refund_method is not RefundMethod.ORIGINAL
        or RefundMethod.STORE_CREDIT not in rules.methods
        or RefundMethod.STORE_CREDIT not in decision.methods
        or decision.final_status is DecisionStatus.REFUSED
    ):
        return None
    offer = Money.of(total.amount * rules.percent / Decimal(100), total.currency)
    return None if offer.is_zero() else offer
