"""Split a refund over the sale's tenders, capped per tender, in the policy's order.

Default order: gift cards and store credit first (they cost nothing to give back), then cards,
then cash; several tenders of one method in sale order. The *ledger* says how much each original
tender gives back (add it to `Tender.refunded`); the *payouts* say what actually leaves the till:
card refunds are executed by the host POS, cash, gift cards and store credit by the till. A card
part the customer wants otherwise (`cash_for_card`) becomes cash when the sale had a cash tender
or the policy allows it, else store credit; cash the drawer cannot cover becomes store credit.
Cash payouts are rounded to the currency's cash step; the ledger keeps the exact amounts.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from posreturns.domain.context import PolicyContext
from posreturns.domain.decision import TraceEntry, money_text
from posreturns.domain.errors import RefundExceedsTenders
from posreturns.domain.messages import Worded, translate
from posreturns.domain.money import Money
from posreturns.domain.orders import Order, TenderMethod
from posreturns.domain.policy.model import Policy
from posreturns.domain.refunds import cash_round
from posreturns.domain.returns import RefundMethod, ReturnDraft
from posreturns.domain.vouchers import Voucher, VoucherCodeSource


class ExecutedBy(StrEnum):
    HOST = "host"  # the host POS runs it (card terminal, or any exchange difference)
    TILL = "till"  # the plugin's till does it (drawer, gift card reload, voucher)


@dataclass(frozen=True, slots=True)
class TenderPayout:
    method: TenderMethod
    amount: Money
    executed_by: ExecutedBy
    reference: str | None = None  # card/gift card reference, or the voucher code
    tender_id: int | None = None  # the original tender, when the money goes back to it


@dataclass(frozen=True, slots=True)
class TenderDebit:
    """How much of one original tender this refund consumes (add to `Tender.refunded`)."""

    tender_id: int
    amount: Money


@dataclass(frozen=True, slots=True)
class Allocation:
    payouts: tuple[TenderPayout, ...]
    ledger: tuple[TenderDebit, ...]
    voucher: Voucher | None
    cash_rounding: Money  # rounded cash payout minus exact cash amount
    trace: tuple[TraceEntry, ...]


def tender_ledger(order: Order, amount: Money, policy: Policy) -> list[TenderDebit]:
    """Take `amount` from the tenders in policy order, each at most its refundable amount."""
    rank = {method: i for i, method in enumerate(policy.tender_order)}
    remaining, ledger = amount, []
    for tender in sorted(order.tenders, key=lambda t: (rank[t.method], t.id)):
        take = remaining.min(tender.refundable).max(Money.zero(amount.currency))
        if not take.is_zero():
            ledger.append(TenderDebit(tender.id, take))
            remaining = remaining - take
    if remaining.amount > 0:
        raise RefundExceedsTenders(
            f"The refund of {amount.format()} is more than the payments of order {order.number} "
            "can give back; "
            "check the order's refund history."
        )
    return ledger


def may_pay_cash_at_till(draft: ReturnDraft) -> bool:
    """Whether the refund could take cash out of this till's drawer, so that the drawer's cash matters: a
    refund to the original payments of a sale paid partly in cash, or whose card part is asked in cash.
    (Store credit, exchanges, which the host settles, and returns without a receipt never do.)"""
    order = draft.order
    return order is not None and draft.refund_method is RefundMethod.ORIGINAL and (
        draft.cash_for_card or any(t.method is TenderMethod.CASH for t in order.tenders))


def allocate_refund(
    order: Order | None,
    amount: Money,
    policy: Policy,
    context: PolicyContext,
    *,
    to_voucher: bool,
    cash_for_card: bool = False,
    via_host: bool = False,
    bonus: Money | None = None,
    voucher_codes: VoucherCodeSource | None = None,
) -> Allocation:
    """Allocate `amount`: to one voucher (`to_voucher`, plus `bonus`) or to the original tenders."""
    zero = Money.zero(amount.currency)
    ledger = tender_ledger(order, amount, policy) if order is not None else []
    if amount.is_zero():
        return Allocation((), (), None, zero, ())
    trace: list[TraceEntry] = []
    if to_voucher or order is None:
        return _voucher_only(amount, bonus or zero, ledger, voucher_codes)
    tenders = {t.id: t for t in order.tenders}
    payouts: list[TenderPayout] = []
    cash, credit, cash_ids = zero, zero, list[int]()
    cash_allowed = policy.cash.allow_without_cash_tender or any(
        t.method is TenderMethod.CASH for t in order.tenders
    )
    for debit in ledger:
        tender = tenders[debit.tender_id]
        if tender.method is TenderMethod.CASH:
            cash, cash_ids = cash + debit.amount, [*cash_ids, tender.id]
        elif tender.method is TenderMethod.CARD and cash_for_card and not via_host:
            cash, credit = (cash + debit.amount, credit) if cash_allowed else (cash, credit + debit.amount)
            if not cash_allowed:
                trace.append(_no_cash_tender(debit.amount))
        elif tender.method is TenderMethod.STORE_CREDIT:
            credit += debit.amount  # paid with a voucher: a new voucher, with a code the customer can use
        else:
            by = ExecutedBy.HOST if via_host or tender.method is TenderMethod.CARD else ExecutedBy.TILL
            payouts.append(TenderPayout(tender.method, debit.amount, by, tender.reference, tender.id))
    rounding = zero
    if not cash.is_zero():
        paid = cash if via_host else cash_round(cash, policy.cash_rounding.get(amount.currency))
        if context.drawer_cash is not None and not via_host and paid > context.drawer_cash:
            trace.append(_drawer_short(context.drawer_cash))
            credit, paid = credit + cash, zero
        else:
            rounding = paid - cash
            if not rounding.is_zero():
                trace.append(_rounded(cash, paid))
            by = ExecutedBy.HOST if via_host else ExecutedBy.TILL
            source = cash_ids[0] if len(cash_ids) == 1 else None
            payouts.append(TenderPayout(TenderMethod.CASH, paid, by, None, source))
    voucher = None
    if not credit.is_zero():
        voucher = Voucher(_code(voucher_codes), credit, zero)
        payouts.append(TenderPayout(TenderMethod.STORE_CREDIT, credit, ExecutedBy.TILL, voucher.code))
    return Allocation(tuple(payouts), tuple(ledger), voucher, rounding, tuple(trace))


def _voucher_only(
    amount: Money, bonus: Money, ledger: list[TenderDebit], codes: VoucherCodeSource | None
) -> Allocation:
    voucher = Voucher(_code(codes), amount + bonus, bonus)
    payout = TenderPayout(TenderMethod.STORE_CREDIT, voucher.amount, ExecutedBy.TILL, voucher.code)
    return Allocation((payout,), tuple(ledger), voucher, Money.zero(amount.currency), ())


def _code(codes: VoucherCodeSource | None) -> str:
    if codes is None:
        raise ValueError("a voucher code source must be given to quote a store-credit refund")
    return codes()


def _no_cash_tender(amount: Money) -> TraceEntry:
    return TraceEntry(
        "cash",
        translate("domain.allocation", "No cash was paid on this sale: the card part ({0}) is given as "
                                       "store credit.").format(Worded(money_text, amount)),
    )


def _drawer_short(drawer: Money) -> TraceEntry:
    return TraceEntry(
        "cash_drawer",
        translate("domain.allocation", "Not enough cash in the drawer ({0}): the cash part is given as "
                                       "store credit.").format(Worded(money_text, drawer)),
    )


def _rounded(exact: Money, paid: Money) -> TraceEntry:
    return TraceEntry(
        "cash_rounding",
        translate("domain.allocation", "Cash rounded from {0} to {1}.")
        .format(Worded(money_text, exact), Worded(money_text, paid)),
    )
