"""The return being built at the till: plain data, saved as a draft after every change.

No Qt here, so the draft survives a crash or a closed app as JSON; the request it becomes is typed,
and the same as the one the command line takes as JSON (docs/cli.md).
"""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass, field
from typing import Any

from posreturns.domain.contact import ContactChannel, CustomerContact
from posreturns.domain.errors import InvalidReturn
from posreturns.domain.orders import Order
from posreturns.domain.resale import Grade
from posreturns.domain.returns import Condition, Reason, RefundMethod
from posreturns.services.returns.request import (
    ApprovalInput,
    CustomerInput,
    ExchangeInput,
    LineInput,
    OverrideInput,
    ReturnRequest,
    fingerprint_of,
    parse_delivery,
)

REASONS = ("WRONG_SIZE", "CHANGED_MIND", "DEFECTIVE", "DAMAGED_IN_TRANSIT", "NOT_AS_DESCRIBED", "LATE_DELIVERY",
           "WRONG_ITEM", "OTHER")
CONDITIONS = ("NEW_WITH_TAGS", "OPENED", "USED", "DAMAGED", "MISSING_PARTS")
METHODS = ("original", "store_credit", "exchange")


@dataclass
class BasketLine:
    """One returned item: which sold line (or SKU for a return without receipt), and why."""

    sku: str
    title: str
    max_qty: int
    order_line_id: str | None = None
    product_id: str = ""
    qty: int = 1
    reason: str | None = None
    condition: str | None = None
    serial: str | None = None
    serial_choices: list[str] = field(default_factory=list)
    note: str = ""
    unit_paid: str = ""
    serial_required: bool = False  # a serial-tracked item without a receipt: its serial is typed or scanned
    second_hand: bool = False  # the last quote sends it to second hand: the cashier may grade it now
    grade: str | None = None   # A, B or C; None: the unit waits for a manager's grade

    def reason_and_condition(self) -> tuple[Reason, Condition]:
        if self.reason is None or self.condition is None:
            raise ValueError(f"{self.sku} has no reason or condition yet: only a ready basket makes a request")
        return Reason(self.reason), Condition(self.condition)

    @property
    def missing(self) -> str | None:
        """What the cashier still has to pick for this line, or None when it is complete."""
        if self.reason is None:
            return "reason"
        if self.condition is None:
            return "condition"
        if self.reason == "OTHER" and not self.note.strip():
            return "note"
        if (self.serial_choices or self.serial_required) and not (self.serial or "").strip():
            return "serial"
        return None


@dataclass
class ExchangeItem:
    sku: str
    title: str
    price: str
    qty: int = 1


@dataclass
class Basket:
    """A draft return. `key` is the idempotency key: a retry after a crash never completes it twice."""

    key: str = field(default_factory=lambda: str(uuid.uuid4()))
    order_id: str | None = None
    order_number: str | None = None
    receiptless: bool = False
    lines: list[BasketLine] = field(default_factory=list)
    refund_method: str = "original"
    exchange: list[ExchangeItem] = field(default_factory=list)
    customer_contact: str = ""
    customer_id: str | None = None
    # the replacement delivered from another store or the warehouse: the request's "delivery" (docs/cli.md)
    delivery: dict[str, Any] | None = None
    # how the customer gets the receipt and hears from the store: "paper" (nothing recorded), "email"
    # (the receipt by e-mail too) or "sms"; the address or number, and their consent
    receipt_by: str = "paper"
    receipt_address: str = ""
    contact_consent: bool = False
    language: str = "fr"

    @property
    def ready(self) -> bool:
        return bool(self.lines) and all(line.missing is None for line in self.lines) and (
            not self.receiptless or bool(self.customer_contact.strip() or self.customer_id)) and (
            self.contact_problem is None)

    @property
    def contact_problem(self) -> InvalidReturn | None:
        """Why the customer's contact choice cannot be recorded yet (no address, no consent), or None."""
        try:
            self.contact()
        except InvalidReturn as problem:
            return problem
        return None

    def contact(self) -> CustomerContact | None:
        """The contact choice as the request records it; None for a paper receipt only."""
        if self.receipt_by == "paper":
            return None
        address = self.receipt_address.strip() or None
        by_mail = self.receipt_by == "email"
        return CustomerContact(ContactChannel(self.receipt_by), email=address if by_mail else None,
                               phone=None if by_mail else address, consent=self.contact_consent,
                               e_receipt=by_mail, language=self.language)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Basket:
        lines = [BasketLine(**line) for line in data.get("lines", [])]
        exchange = [ExchangeItem(**item) for item in data.get("exchange", [])]
        return cls(**{**data, "lines": lines, "exchange": exchange})

    def return_request(self, cashier: str, till_id: str, offline: bool, order: Order | None,
                       approval: tuple[str, str] | None = None,
                       override: tuple[str, str] | None = None) -> ReturnRequest:
        """The typed request for this draft, on the sale the window holds (`order`, whose sold lines the
        basket names, so nothing is looked up or matched again). Only a `ready` basket makes one.

        Its fingerprint (what the idempotency key is checked against) is that of the same request as
        JSON (`request`), so a draft left by an earlier version completes as the same return."""
        customer = _customer(self.customer_id, self.customer_contact)
        document = self.request(cashier, till_id, offline, approval, override)
        return ReturnRequest(
            receipt=document["receipt"],
            lines=tuple(LineInput(line.order_line_id or line.sku, line.qty, *line.reason_and_condition(),
                                  line.serial, line.note, order_line_id=line.order_line_id if order else None,
                                  grade=Grade(line.grade) if line.grade else None)
                        for line in self.lines),
            refund_method=RefundMethod(document["refund_method"]),
            fingerprint=fingerprint_of(document),
            till_id=till_id, cashier=cashier or None, offline=offline,
            exchange_lines=tuple(ExchangeInput(item["code"], item["qty"]) for item in document["exchange_lines"]),
            customer=CustomerInput(**customer) if customer else None,
            approval=ApprovalInput(*approval) if approval else None,
            idempotency_key=self.key, order=order, delivery=parse_delivery(document.get("delivery")),
            override=OverrideInput(*override) if override else None, contact=self.contact())

    def request(self, cashier: str, till_id: str, offline: bool, approval: tuple[str, str] | None = None,
                override: tuple[str, str] | None = None) -> dict[str, Any]:
        """The same request as the JSON of `posreturns return quote|complete` (docs/cli.md)."""
        request: dict[str, Any] = {
            "receipt": None if self.receiptless else self.order_number,
            "till_id": till_id, "cashier": cashier or None, "offline": offline,
            # a grade only when given, so a draft of an earlier version keeps its fingerprint
            "lines": [{"code": line.order_line_id or line.sku, "qty": line.qty, "reason": line.reason,
                       "condition": line.condition, "serial": line.serial, "note": line.note or None,
                       **({"grade": line.grade} if line.grade else {})}
                      for line in self.lines],
            "refund_method": ("store_credit" if self.receiptless and self.refund_method == "original"
                              else self.refund_method),
            "exchange_lines": [{"code": item.sku, "qty": item.qty} for item in self.exchange]
            if self.refund_method == "exchange" else [],
            "idempotency_key": self.key,
        }
        customer = _customer(self.customer_id, self.customer_contact)
        if customer:
            request["customer"] = customer
        contact = self.contact()
        if contact is not None:
            request["contact"] = {**{k: v for k, v in (("email", contact.email), ("phone", contact.phone)) if v},
                                  "channel": contact.channel.value, "consent": contact.consent,
                                  "e_receipt": contact.e_receipt, "language": contact.language}
        if approval:
            request["approval"] = {"manager": approval[0], "pin": approval[1]}
        if override:
            request["override"] = {"path": override[0], "reason": override[1]}
            if override[0] == "goodwill":  # goodwill is store credit, whatever was picked
                request["refund_method"], request["exchange_lines"] = "store_credit", []
        if self.delivery and request["refund_method"] == "exchange" and request["exchange_lines"]:
            request["delivery"] = self.delivery
        return request


def _customer(customer_id: str | None, contact: str) -> dict[str, str] | None:
    if customer_id:
        return {"id": customer_id}
    contact = contact.strip()
    if not contact:
        return None
    return {"email": contact} if "@" in contact else {"phone": contact}
