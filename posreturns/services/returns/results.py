"""What the returns use cases answer, typed: a `QuotedReturn` (the quote and what it was computed
for) and a `CompletedReturn` (the committed return). `quoted_json` is the one place a quote becomes
the JSON of docs/cli.md; the completed return keeps the JSON it was stored with (`document`), so a
replayed completion answers byte for byte what the first one did."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from posreturns.domain.contact import CustomerContact
from posreturns.domain.decision import DecisionStatus
from posreturns.domain.orders import Order
from posreturns.domain.quote import Quote
from posreturns.domain.quote_json import quote_to_dict

APPROVAL, REFUSAL = DecisionStatus.NEEDS_APPROVAL, DecisionStatus.REFUSED


@dataclass(frozen=True)
class QuotedReturn:
    quote: Quote
    order: Order | None  # the sale the return is against (None: without receipt)
    customer_id: str | None  # whose returns the serial-returner rule counted
    store_id: str
    till_id: str
    cashier: str | None
    approved_by: str | None = None
    contact: CustomerContact | None = None
    training: bool = False
    delivery: dict[str, Any] | None = None  # an exchange delivered from the network (returns/delivery.py)

    def reason(self, language: str, status: DecisionStatus = APPROVAL) -> str:
        """Why the return has `status`, in `language` ("fr" or "en"); "" when no rule says."""
        entry = self.quote.reason_for(status)
        return "" if entry is None else entry.fr if language == "fr" else entry.en


def quoted_json(quoted: QuotedReturn) -> dict[str, Any]:
    """The answer of `posreturns return quote` (docs/cli.md); `return complete` adds the number and id."""
    order, key = quoted.order, quoted.quote.key_line
    return {
        "return_number": None,
        "return_id": None,
        **quote_to_dict(quoted.quote),
        "receipt": order.number if order else None,
        "order_id": order.id if order else None,
        "customer_id": quoted.customer_id,
        "store_id": quoted.store_id,
        "till_id": quoted.till_id,
        "cashier": quoted.cashier,
        "approved_by": quoted.approved_by,
        "key_line": None if key is None else {"en": key.en, "fr": key.fr},
        **({"contact": quoted.contact.summary()} if quoted.contact else {}),
        "training": quoted.training,
        **({"delivery": quoted.delivery} if quoted.delivery else {}),
    }


@dataclass(frozen=True)
class RefundTender:
    method: str  # card | cash | gift_card | store_credit | …
    amount: Decimal
    executed_by: str  # host (the host POS's payment terminal) | till
    reference: str | None = None


@dataclass(frozen=True)
class CompletedReturn:
    """A committed return: what the cashier and the host must do, and the stored answer (`document`)."""

    return_number: str
    return_id: str
    currency: str
    refund_total: Decimal
    tenders: tuple[RefundTender, ...]
    voucher_code: str | None
    to_collect: Decimal  # an exchange dearer than the return: the customer pays this
    document: dict[str, Any]

    @property
    def pays_cash_at_till(self) -> bool:
        return any(t.method == "cash" and t.executed_by == "till" for t in self.tenders)

    @classmethod
    def from_document(cls, document: dict[str, Any]) -> CompletedReturn:
        """From the stored answer of a completed return (what `return complete` printed)."""
        tenders = tuple(RefundTender(t["method"], Decimal(t["amount"]), t.get("executed_by") or "till",
                                     t.get("reference")) for t in document.get("tenders", []))
        exchange, voucher = document.get("exchange") or {}, document.get("voucher") or {}
        return cls(document["return_number"], document.get("return_id") or "", document.get("currency", "EUR"),
                   Decimal(document.get("refund_total") or "0"), tenders, voucher.get("code"),
                   Decimal(exchange.get("to_collect") or "0"), document)
