"""A card refund the host's terminal failed, paid another way by a manager: as store credit (a new
voucher, printed after the commit, and sent to the OMS like any voucher) or in cash (the drawer
opens once, after the commit) when the policy allows cash for that sale. One payment per return:
a second attempt is refused. The payment is audited and counts in the report's and the day's tenders."""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any, Protocol

from posreturns import __version__
from posreturns.domain.messages import translate
from posreturns.domain.permissions import Permission
from posreturns.domain.users import Principal
from posreturns.domain.vouchers import new_voucher_code
from posreturns.services.access import AccessService
from posreturns.services.errors import BadInput, NotFound
from posreturns.services.policies import PolicyService
from posreturns.services.ports import Clock
from posreturns.services.returns.events import SCHEMA_VERSION, OutboxEvent, fingerprint
from posreturns.services.returns.service import TillIdentity

METHODS = ("store_credit", "cash")


@dataclass(frozen=True, slots=True)
class FailedCardRefund:
    """A return of this till whose card refund the terminal failed and nobody has paid since."""

    return_number: str
    return_id: str
    created_at: datetime
    cashier: str
    currency: str
    card_minor: int
    customer_id: str | None
    order_id: str | None
    order_paid_cash: bool
    failure: str  # what the manager wrote when marking it failed
    cash_allowed: bool = False  # by the policy's cash rule (set by RefundReplacements.failed)


@dataclass(frozen=True, slots=True)
class Replacement:
    return_number: str
    method: str
    amount_minor: int
    currency: str
    voucher_code: str | None
    settled_by: str
    settled_at: datetime


class ReplacementStore(Protocol):
    def failed(self, till_id: str, training: bool) -> list[FailedCardRefund]: ...

    def record(self, replacement: Replacement, till_id: str, event: OutboxEvent | None) -> None:
        """The payment, its voucher, its audit row and event in one transaction; BadInput when paid already."""


class RefundReplacements:
    def __init__(self, store: ReplacementStore, access: AccessService, policies: PolicyService, clock: Clock,
                 identity: Callable[[], TillIdentity], voucher_codes: Callable[[], str] | None = None) -> None:
        self.store, self.access, self.policies, self.clock, self.identity = store, access, policies, clock, identity
        self.voucher_codes = voucher_codes or (lambda: new_voucher_code(secrets.token_bytes))

    def failed(self) -> list[FailedCardRefund]:
        till = self.identity()
        return [replace(r, cash_allowed=self.cash_allowed(r)) for r in self.store.failed(till.till_id, till.training)]

    def cash_allowed(self, refund: FailedCardRefund) -> bool:
        """The policy's cash rule for card sales: cash only when the sale had a cash part, or the
        policy allows cash without one."""
        return refund.order_paid_cash or self.policies.active().cash.allow_without_cash_tender

    def pay(self, actor: Principal, return_number: str, method: str) -> Replacement:
        self.access.require(actor, Permission.RESOLVE_SYNC, subject=return_number)
        if method not in METHODS:
            raise BadInput(translate("services.refund_replacement", 'Pay a failed card refund as "store_credit" '
                                                                    'or "cash".'))
        till = self.identity()
        refund = next((r for r in self.store.failed(till.till_id, till.training) if r.return_number == return_number),
                      None)
        if refund is None:
            raise NotFound(translate("services.refund_replacement", "Return {0} has no failed card refund left "
                                                                    "to pay at this till; mark the card refund "
                                                                    "failed first, or it was paid already.")
                           .format(return_number))
        if method == "cash" and not self.cash_allowed(refund):
            raise BadInput(translate("services.refund_replacement", "The policy refunds this card sale in cash "
                                                                    "only when it was partly paid in cash; pay "
                                                                    "{0} as store credit instead.")
                           .format(return_number))
        now = self.clock.now()
        code = self.voucher_codes() if method == "store_credit" else None
        replacement = Replacement(return_number, method, refund.card_minor, refund.currency, code, actor.user_id, now)
        event = None if code is None else _voucher_issued(replacement, refund, till, actor)
        self.store.record(replacement, till.till_id, event)
        return replacement


def _voucher_issued(paid: Replacement, refund: FailedCardRefund, till: TillIdentity, actor: Principal) -> OutboxEvent:
    """The same `VoucherIssued` a store-credit return writes, so the OMS notes the voucher on the order."""
    event_id = str(uuid.uuid4())
    payload: dict[str, Any] = {
        "event_id": event_id,
        "event_type": "VoucherIssued",
        "schema_version": SCHEMA_VERSION,
        "aggregate": {"type": "store_credit", "id": paid.voucher_code},
        "device": {"store_id": till.store_id, "till_id": till.till_id, "app_version": __version__},
        "occurred_at": paid.settled_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "operator_id": actor.user_id,
        "approved_by": actor.user_id,
        "offline": False,
        "data": {"code": paid.voucher_code, "amount_minor": paid.amount_minor, "bonus_minor": 0,
                 "currency": paid.currency, "return_id": refund.return_id, "return_number": paid.return_number,
                 "customer_id": refund.customer_id, "order_id": refund.order_id, "replaces": "failed_card_refund"},
    }
    if till.training:
        payload["training"] = True
    payload["payload_sha256"] = fingerprint(payload)
    return OutboxEvent(event_id, "VoucherIssued", "store_credit", str(paid.voucher_code), payload)
