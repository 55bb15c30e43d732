"""The JSON return request of the command line and host integrations, checked field by field.

Every problem is one sentence naming the field (`lines[1].reason`) and what to write instead;
nothing is looked up here (see `return_resolver`).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any, TypeVar

from posreturns.domain.contact import ContactChannel, CustomerContact
from posreturns.domain.delivery import Address, DeliveryChoice, Recipient
from posreturns.domain.errors import InvalidReturn
from posreturns.domain.orders import Order
from posreturns.domain.promise import Destination
from posreturns.domain.resale import Grade
from posreturns.domain.returns import Condition, Reason, RefundMethod
from posreturns.services.errors import BadInput
from posreturns.services.input_checks import has_card_number, machine_made, storable
from posreturns.services.json_reader import describe, printable
from posreturns.services.numbering import TILL_ID

E = TypeVar("E", bound=StrEnum)
_TOP = {
    "receipt",
    "till_id",
    "cashier",
    "offline",
    "lines",
    "refund_method",
    "exchange_lines",
    "customer",
    "approval",
    "idempotency_key",
    "cash_for_card",
    "contact",
    "delivery",
    "override",
}
_LINE = {"code", "qty", "reason", "condition", "serial", "note", "claimed_unit_price", "grade"}
MAX_LINES = 200
MAX_TEXT = 500


@dataclass(frozen=True, slots=True)
class LineInput:
    """`code`: a barcode, SKU or order-line id; `order_line_id`: the sold line itself, when the caller
    already knows it (the window, on the sale it holds), so it is not matched again."""

    code: str
    qty: int
    reason: Reason
    condition: Condition
    serial: str | None = None
    note: str = ""
    claimed_unit_price: str | None = None  # receipt-less: what the customer says they paid
    order_line_id: str | None = None
    grade: Grade | None = None  # a unit the policy sends to second hand, graded at the till (grading.py)


@dataclass(frozen=True, slots=True)
class ExchangeInput:
    code: str
    qty: int


@dataclass(frozen=True, slots=True)
class CustomerInput:
    id: str | None = None
    phone: str | None = None
    email: str | None = None


@dataclass(frozen=True, slots=True)
class ApprovalInput:
    manager: str
    pin: str = field(repr=False)


@dataclass(frozen=True, slots=True)
class OverrideInput:
    """A way past a refusal the policy opens (`refusal_paths` of the quote), with the manager's reason."""

    path: str  # "override" or "goodwill"
    reason: str


@dataclass(frozen=True, slots=True)
class ReturnRequest:
    """A parsed request. `fingerprint` identifies it for idempotency (the PIN is left out of it)."""

    receipt: str | None
    lines: tuple[LineInput, ...]
    refund_method: RefundMethod
    fingerprint: str
    till_id: str | None = None
    cashier: str | None = None
    offline: bool = False
    exchange_lines: tuple[ExchangeInput, ...] = ()
    customer: CustomerInput | None = None
    approval: ApprovalInput | None = None
    idempotency_key: str | None = None
    cash_for_card: bool = False
    contact: CustomerContact | None = None
    delivery: DeliveryChoice | None = None  # the replacement comes from another store or the warehouse
    override: OverrideInput | None = None
    # the sale as the caller holds it (the window): quoted on it without looking the receipt up again
    order: Order | None = field(default=None, compare=False, repr=False)


def parse_request(data: Any) -> ReturnRequest:
    """Check a decoded JSON request; raises `BadInput` for the first problem."""
    top = _obj(data, "the request", _TOP)
    if "receipt" not in top:
        raise BadInput(
            'The request has no "receipt"; give the receipt number, or null for a return without receipt.'
        )
    lines = _list(top.get("lines") or [], "lines")
    if not lines:
        raise BadInput('The request has no "lines"; add the items the customer brings back.')
    if len(lines) > MAX_LINES:
        raise BadInput(f"A return has at most {MAX_LINES} lines; split it into several returns.")
    approval = top.get("approval")
    request = ReturnRequest(
        receipt=_text(top.get("receipt"), "receipt", optional=True),
        lines=tuple(_line(item, f"lines[{i}]") for i, item in enumerate(lines)),
        refund_method=_enum(RefundMethod, top.get("refund_method", "original"), "refund_method"),
        fingerprint="",
        till_id=_till_id(top.get("till_id")),
        cashier=_text(top.get("cashier"), "cashier", optional=True),
        offline=_flag(top.get("offline", False), "offline"),
        exchange_lines=tuple(
            _exchange(item, f"exchange_lines[{i}]")
            for i, item in enumerate(_list(top.get("exchange_lines", []), "exchange_lines"))
        ),
        customer=_customer(top.get("customer")),
        approval=None if approval is None else _approval(approval),
        idempotency_key=_text(top.get("idempotency_key"), "idempotency_key", optional=True),
        cash_for_card=_flag(top.get("cash_for_card", False), "cash_for_card"),
        contact=_contact(top.get("contact")),
        delivery=parse_delivery(top.get("delivery")),
        override=_override(top.get("override")),
    )
    # computed once every field is checked, so only a well-formed request is serialised
    return replace(request, fingerprint=fingerprint_of(top))


def fingerprint_of(data: dict[str, Any]) -> str:
    """What identifies a request for its idempotency key: its JSON, the manager's PIN left out."""
    approval = data.get("approval")
    unpinned = {**data, "approval": None if approval is None else {**approval, "pin": None}}
    return hashlib.sha256(json.dumps(unpinned, sort_keys=True).encode()).hexdigest()


def check_request(request: ReturnRequest) -> None:
    """The checks of `parse_request`, for a request built in code (the window): `BadInput` for the
    first problem (a note holding a card number, an empty return, a quantity of zero…)."""
    if not request.lines:
        raise BadInput('The request has no "lines"; add the items the customer brings back.')
    if len(request.lines) > MAX_LINES:
        raise BadInput(f"A return has at most {MAX_LINES} lines; split it into several returns.")
    for name in ("receipt", "cashier", "idempotency_key"):
        _text(getattr(request, name), name, optional=True)
    if request.override is not None:
        _text(request.override.reason, "override.reason")
    _till_id(request.till_id)
    for i, line in enumerate(request.lines):
        path = f"lines[{i}]"
        _text(line.code, f"{path}.code")
        _count(line.qty, f"{path}.qty")
        for name in ("serial", "note", "claimed_unit_price"):
            _text(getattr(line, name) or None, f"{path}.{name}", optional=True)
    for i, item in enumerate(request.exchange_lines):
        _text(item.code, f"exchange_lines[{i}].code")
        _count(item.qty, f"exchange_lines[{i}].qty")
    if request.customer is not None:
        for name in ("id", "phone", "email"):
            _text(getattr(request.customer, name), f"customer.{name}", optional=True)


def _line(item: Any, path: str) -> LineInput:
    raw = _obj(item, path, _LINE)
    price = raw.get("claimed_unit_price")
    return LineInput(
        code=_text(raw.get("code"), f"{path}.code"),
        qty=_count(raw.get("qty", 1), f"{path}.qty"),
        reason=_enum(Reason, raw.get("reason"), f"{path}.reason"),
        condition=_enum(Condition, raw.get("condition"), f"{path}.condition"),
        serial=_text(raw.get("serial"), f"{path}.serial", optional=True),
        note=_text(raw.get("note"), f"{path}.note", optional=True) or "",
        claimed_unit_price=None if price is None else _text(price, f"{path}.claimed_unit_price"),
        grade=None if raw.get("grade") is None else _enum(Grade, raw.get("grade"), f"{path}.grade"),
    )


def _exchange(item: Any, path: str) -> ExchangeInput:
    raw = _obj(item, path, {"code", "qty"})
    return ExchangeInput(_text(raw.get("code"), f"{path}.code"), _count(raw.get("qty", 1), f"{path}.qty"))


def _customer(value: Any) -> CustomerInput | None:
    if value is None:
        return None
    raw = _obj(value, "customer", {"id", "phone", "email"})
    found = CustomerInput(
        *(_text(raw.get(k), f"customer.{k}", optional=True) for k in ("id", "phone", "email"))
    )
    if not (found.id or found.phone or found.email):
        raise BadInput('"customer" needs an "id", a "phone" or an "email"; give one or set it to null.')
    return found


def _contact(value: Any) -> CustomerContact | None:
    if value is None:
        return None
    raw = _obj(value, "contact", {"channel", "email", "phone", "consent", "e_receipt", "language"})
    try:
        return CustomerContact(
            channel=_enum(ContactChannel, raw.get("channel", "none"), "contact.channel"),
            email=_text(raw.get("email"), "contact.email", optional=True),
            phone=_text(raw.get("phone"), "contact.phone", optional=True),
            consent=_flag(raw.get("consent", False), "contact.consent"),
            e_receipt=_flag(raw.get("e_receipt", False), "contact.e_receipt"),
            language=_text(raw.get("language", "fr"), "contact.language"),
        )
    except InvalidReturn as error:
        raise BadInput(f'"contact": {error}') from None


def parse_delivery(value: Any) -> DeliveryChoice | None:
    """The request's `"delivery"` (also what the window's basket holds), checked; `BadInput` if wrong."""
    if value is None:
        return None
    raw = _obj(value, "delivery", {"source", "to", "name", "phone", "email", "address"})
    address = raw.get("address")
    try:
        recipient = Recipient(_text(raw.get("name"), "delivery.name"),
                              _text(raw.get("phone"), "delivery.phone", optional=True),
                              _text(raw.get("email"), "delivery.email", optional=True))
        return DeliveryChoice(_text(raw.get("source"), "delivery.source"),
                              _enum(Destination, raw.get("to"), "delivery.to"), recipient,
                              None if address is None else _address(address))
    except InvalidReturn as error:
        raise BadInput(f'"delivery": {error}') from None


def _address(value: Any) -> Address:
    raw = _obj(value, "delivery.address", {"line1", "line2", "postal_code", "city", "country_code"})
    return Address(_text(raw.get("line1"), "delivery.address.line1"),
                   _text(raw.get("postal_code"), "delivery.address.postal_code"),
                   _text(raw.get("city"), "delivery.address.city"),
                   _text(raw.get("country_code", "fr"), "delivery.address.country_code").lower(),
                   _text(raw.get("line2"), "delivery.address.line2", optional=True))


def _approval(value: Any) -> ApprovalInput:
    raw = _obj(value, "approval", {"manager", "pin"})
    return ApprovalInput(_text(raw.get("manager"), "approval.manager"), _text(raw.get("pin"), "approval.pin"))


def _override(value: Any) -> OverrideInput | None:
    if value is None:
        return None
    raw = _obj(value, "override", {"path", "reason"})
    path = _text(raw.get("path"), "override.path")
    if path not in ("override", "goodwill"):
        raise BadInput('"override.path" must be "override" or "goodwill" (see the quote\'s "refusal_paths").')
    reason = _text(raw.get("reason"), "override.reason", optional=True)
    if not reason or not reason.strip():
        raise BadInput('"override.reason" is missing; a manager lifting a refusal says why, in a few words.')
    return OverrideInput(path, reason.strip())


def _till_id(value: Any) -> str | None:
    text: str | None = _text(value, "till_id", optional=True)
    if text is not None and not TILL_ID.fullmatch(text):
        raise BadInput('"till_id" must be 1 to 16 letters, digits, "-", "_" or "."; use the till\'s id (e.g. T1).')
    return text


def _obj(value: Any, path: str, allowed: set[str]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise BadInput(f"{_name(path)} must be a JSON object; see docs/cli.md for the request format.")
    unknown = sorted(set(value) - allowed)
    if unknown:
        where = "" if path == "the request" else f" in {path}"
        raise BadInput(f'"{printable(str(unknown[0]))[:40]}"{where} is not a request field; '
                       'check its spelling in docs/cli.md.')
    return value


def _name(path: str) -> str:
    return "The request" if path == "the request" else f'"{path}"'


def _list(value: Any, path: str) -> list[Any]:
    if not isinstance(value, list):
        raise BadInput(f'"{path}" must be a list; see docs/cli.md for the request format.')
    return value


def _text(value: Any, path: str, optional: bool = False) -> Any:
    """A non-empty, storable string, without a card number unless its field is machine-made."""
    if value is None and optional:
        return None
    if not isinstance(value, str) or not value.strip():
        raise BadInput(f'"{path}" is missing or empty; give it as a string.')
    if len(value) > MAX_TEXT:
        raise BadInput(f'"{path}" is {len(value)} characters long; at most {MAX_TEXT} are allowed.')
    if not storable(value):
        raise BadInput(f'"{path}" holds control characters or invalid Unicode (a lone surrogate); remove them.')
    if not machine_made(path.rsplit(".", 1)[-1]) and has_card_number(value):
        raise BadInput(f'"{path}" looks like a full payment card number, which a till never stores; '
                       "remove it (the card's last four digits are enough).")
    return value.strip()


def _count(value: Any, path: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1 or value > 9999:
        raise BadInput(f'"{path}" must be a whole number of at least 1; correct the quantity.')
    return value


def _flag(value: Any, path: str) -> bool:
    if not isinstance(value, bool):
        raise BadInput(f'"{path}" must be true or false.')
    return value


def _enum(kind: type[E], value: Any, path: str) -> E:
    try:
        return kind(value)
    except ValueError:
        choices = ", ".join(m.value for m in kind)
        raise BadInput(f'"{path}" is {describe(value)}, which is not allowed; use one of {choices}.') from None
