"""What `quote_return` answers: the decision, the money per line and per tender, and the stock moves."""

from __future__ import annotations

from dataclasses import dataclass

from posreturns.domain.allocation import TenderDebit, TenderPayout
from posreturns.domain.decision import Alert, DecisionStatus, TraceEntry
from posreturns.domain.exchange import ExchangeQuote
from posreturns.domain.money import Money
from posreturns.domain.refunds import BreakdownStep
from posreturns.domain.returns import Condition, Disposition, Reason, RefundMethod, StockBucket
from posreturns.domain.stock import StockMove
from posreturns.domain.vouchers import Voucher


@dataclass(frozen=True, slots=True)
class LineQuote:
    """One returned row: decision, money (value - fee = refund; tax is contained in value), where it goes."""

    order_line_id: str | None
    sku: str
    qty: int
    reason: Reason
    condition: Condition
    serial: str | None
    status: DecisionStatus
    unit_paid: Money
    value: Money  # add to OrderLine.refunded when the return completes
    fee: Money
    tax: Money
    refund: Money
    disposition: Disposition
    alerts: tuple[Alert, ...]
    breakdown: tuple[BreakdownStep, ...]
    trace: tuple[TraceEntry, ...]

    @property
    def bucket(self) -> StockBucket:
        return self.disposition.bucket


@dataclass(frozen=True, slots=True)
class Quote:
    """Everything a return screen, a receipt and the completion step need."""

    status: DecisionStatus  # after any manager approval in the context
    approval_required: bool
    policy_version: str
    currency: str
    refund_method: RefundMethod
    allowed_methods: tuple[RefundMethod, ...]
    offline: bool
    trace: tuple[TraceEntry, ...]  # return-level rules, allocation notes
    lines: tuple[LineQuote, ...]
    shipping: Money  # shipping refunded with this return
    refund_total: Money  # Σ line refunds + shipping (the value of the return)
    tenders: tuple[TenderPayout, ...]  # what leaves the till / the host's terminal
    ledger: tuple[TenderDebit, ...]  # add to Tender.refunded when the return completes
    voucher: Voucher | None
    cash_rounding: Money
    exchange: ExchangeQuote | None
    stock_moves: tuple[StockMove, ...]
    incentive_offer: Money | None  # bonus the customer would get by taking store credit
    refusal_paths: tuple[str, ...] = ()  # refused: what a manager may do instead ("override", "goodwill")

    @property
    def fee_total(self) -> Money:
        return Money.total((line.fee for line in self.lines), self.currency)

    @property
    def tax_total(self) -> Money:
        return Money.total((line.tax for line in self.lines), self.currency)

    @property
    def key_line(self) -> TraceEntry | None:
        """The sentence printed on the receipt: a manager's lifting of a refusal, else the first rule
        that decided, else the first entry."""
        entries = [*self.trace, *(e for line in self.lines for e in line.trace)]
        lifted = next((e for e in entries if e.rule == "refusal_override"), None)
        if lifted is not None and self.status is not DecisionStatus.REFUSED:
            return lifted
        deciding = [e for e in entries if e.effect is not None and e.effect is not DecisionStatus.ALLOWED]
        chosen = deciding or entries
        return chosen[0] if chosen else None

    def reason_for(self, status: DecisionStatus) -> TraceEntry | None:
        """Why the return has `status` (e.g. why a manager must approve it): the first rule with that
        effect, else the key line. The service's refusal and approval messages and the window read it."""
        entries = [*self.trace, *(e for line in self.lines for e in line.trace)]
        return next((e for e in entries if e.effect is status), self.key_line)
