"""The open queues a manager clears before closing the day: events the OMS refused (retry, or
accept the write-off: the event is closed by hand and never sent again), and card refunds the host's
payment terminal has not confirmed (confirm with the terminal's reference, or mark failed). Every
decision needs a manager and is audited (by the stores underneath)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from posreturns.domain.messages import translate
from posreturns.domain.permissions import Permission
from posreturns.domain.users import Principal
from posreturns.services.access import AccessService
from posreturns.services.errors import BadInput, NotFound
from posreturns.services.exception_events import exception_summary, voucher_of, voucher_voided
from posreturns.services.host_answers import HostAnswers
from posreturns.services.ports import Clock
from posreturns.services.refund_replacement import FailedCardRefund, RefundReplacements, Replacement
from posreturns.services.restock import clean_note
from posreturns.services.returns.events import OutboxEvent
from posreturns.services.returns.ports import AuditEntry
from posreturns.services.returns.service import TillIdentity
from posreturns.services.sync_ports import ExceptionItem


@dataclass(frozen=True, slots=True)
class PendingCardRefund:
    return_number: str
    created_at: datetime
    cashier: str
    currency: str
    card_minor: int  # what the terminal was asked to refund


class ExceptionStore(Protocol):
    def exceptions(self) -> list[ExceptionItem]: ...

    def contacts(self, customer_ids: set[str]) -> dict[str, dict[str, Any]]: ...

    def resolve(self, seq: int, action: str, manager: str, now: datetime, note: str | None = None) -> ExceptionItem: ...

    def void_voucher(self, seq: int, code: str, manager: str, now: datetime, note: str,
                     voided: OutboxEvent) -> ExceptionItem: ...

    def relabel(self, seq: int, manager: str, now: datetime, prefix: str, note: str | None = None) -> str: ...


class CardRefundStore(Protocol):
    def pending(self, till_id: str, training: bool) -> list[PendingCardRefund]: ...


class OpenQueues:
    def __init__(self, exceptions: ExceptionStore, cards: CardRefundStore, host_answers: HostAnswers,
                 access: AccessService, clock: Clock, identity: Callable[[], TillIdentity],
                 replacements: RefundReplacements | None = None,
                 audit: Callable[[AuditEntry], None] | None = None,
                 resale_prefix: Callable[[], str] | None = None) -> None:
        self.exception_store, self.cards, self.host_answers = exceptions, cards, host_answers
        self.resale_prefix = resale_prefix  # the policy's in-store EAN prefix, for a new second-hand label
        self.replacements, self.audit = replacements, audit
        self.access, self.clock, self.identity = access, clock, identity

    def sync_exceptions(self) -> list[dict[str, Any]]:
        """Each refused (or held) event with what a manager needs: return, amount, why, customer contact."""
        items = self.exception_store.exceptions()

        def customer(item: ExceptionItem) -> str | None:
            found = (item.payload.get("data") or {}).get("customer_id")
            return str(found) if found else None

        contacts = self.exception_store.contacts({c for c in map(customer, items) if c})
        return [exception_summary(item, contacts.get(customer(item) or "")) for item in items]

    def resolve_sync(self, actor: Principal, seq: int, retry: bool, note: str = "") -> None:
        """Send the event again (`retry`), or accept the write-off: closed by hand, never sent again."""
        self.access.require(actor, Permission.RESOLVE_SYNC, subject=str(seq))
        note = clean_note(note, translate("services.notes", "note"), required=not retry)
        self.exception_store.resolve(seq, "retry" if retry else "dismiss", actor.user_id, self.clock.now(),
                                     note or None)

    def relabel(self, actor: Principal, seq: int, note: str = "") -> str:
        """A second-hand item whose label code the OMS gives to another product: the unit's new code (the
        refused event is closed and the item sent again with it); its label is printed again by the caller."""
        self.access.require(actor, Permission.RESOLVE_SYNC, subject=str(seq))
        if self.resale_prefix is None:
            raise BadInput(translate("services.open_queues", "This till gives no second-hand labels."))
        return self.exception_store.relabel(seq, actor.user_id, self.clock.now(), self.resale_prefix(),
                                            clean_note(note, translate("services.notes", "note"), required=False)
                                            or None)

    def void_voucher(self, actor: Principal, seq: int, note: str) -> str:
        """Void the store-credit voucher the refused event issued and close the event by hand (the
        OMS is told both); the voucher's code."""
        self.access.require(actor, Permission.RESOLVE_SYNC, subject=str(seq))
        note = clean_note(note, translate("services.notes", "why the voucher is voided"), required=True)
        item = self._open_exception(seq)
        code = voucher_of(item.payload)
        if code is None:
            raise BadInput(translate("services.open_queues", "Event {0} issued no store-credit voucher; send it "
                                                             "again or accept the write-off.").format(seq))
        now = self.clock.now()
        self.exception_store.void_voucher(seq, code, actor.user_id, now, note,
                                          voucher_voided(item.payload, code, actor.user_id, note, now))
        return code

    def customer_contact(self, actor: Principal, seq: int) -> dict[str, Any]:
        """How to reach the customer of a refused event (name, e-mail, phone from the cache). Who looked
        is audited, with the customer's id only: the contact itself stays out of the log."""
        self.access.require(actor, Permission.RESOLVE_SYNC, subject=str(seq))
        summary = exception_summary(self._open_exception(seq), None)
        customer_id = summary["customer_id"]
        contact = self.exception_store.contacts({customer_id}).get(customer_id) if customer_id else None
        if summary["delivery"]:  # a delivered exchange: the contact the customer gave for it at the till
            contact = summary["customer"] or contact
        contact = contact or summary["customer"]
        if not contact:
            raise NotFound(translate("services.open_queues", "Event {0} names no customer the till knows; look "
                                                             "the sale up in the OMS.").format(seq))
        if self.audit is not None:
            self.audit(AuditEntry("sync.exception.contact_shown", actor.user_id, str(seq),
                                  {"customer_id": customer_id}, self.clock.now()))
        return {key: value for key, value in contact.items() if value}

    def _open_exception(self, seq: int) -> ExceptionItem:
        found = next((i for i in self.exception_store.exceptions() if i.seq == seq and i.status == "rejected"), None)
        if found is None:
            raise NotFound(translate("services.open_queues", "Event {0} is not an open exception; list them with "
                                                             "`posreturns sync exceptions`.").format(seq))
        return found

    def card_refunds(self) -> list[PendingCardRefund]:
        till = self.identity()
        return self.cards.pending(till.till_id, till.training)

    def settle_card_refund(self, actor: Principal, return_number: str, paid: bool, detail: str) -> None:
        """The terminal's reference (paid) or why it failed, audited as the host's answer."""
        self.access.require(actor, Permission.RESOLVE_SYNC, subject=return_number)
        what = (translate("services.notes", "the terminal's reference") if paid
                else translate("services.notes", "why the refund failed"))
        detail = clean_note(detail, what, required=True)
        self.host_answers.record(return_number, paid, detail, actor)

    def failed_card_refunds(self) -> list[FailedCardRefund]:
        """Card refunds marked failed that the customer has not been paid another way yet."""
        return self.replacements.failed() if self.replacements is not None else []

    def pay_failed_card_refund(self, actor: Principal, return_number: str, method: str) -> Replacement:
        """As store credit (a voucher to print) or cash (the drawer to open), once; see refund_replacement."""
        if self.replacements is None:
            raise RuntimeError("this till was opened without the failed card refunds")
        return self.replacements.pay(actor, return_number, method)
