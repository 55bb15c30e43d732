"""Ports of the returns use cases: reading what the policy needs, recording a completed return,
policies, and the audit log's entries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from posreturns.services.errors import AlreadyUsedKey

if TYPE_CHECKING:  # names in annotations only: the audit log and the settings import this module at every start
    from posreturns.domain.contact import CustomerContact
    from posreturns.domain.drawer import DrawerCash
    from posreturns.domain.orders import Order
    from posreturns.domain.quote_model import Quote
    from posreturns.services.returns.request import OverrideInput


@dataclass(frozen=True, slots=True)
class CustomerMatch:
    id: str | None
    has_contact: bool


@dataclass(frozen=True, slots=True)
class StoredReturn:
    """A completed return found by its idempotency key."""

    request_sha256: str | None
    result: dict[str, Any]


@dataclass(frozen=True, slots=True)
class AuditEntry:
    action: str
    actor: str | None
    subject: str | None
    detail: dict[str, Any]
    at: datetime


@dataclass(frozen=True, slots=True)
class ActivitySnapshot:
    """The counts the policy's limits were computed from: the customer's recent returns (serial
    returners), this till's offline refunds today and the cash its drawer paid out since the float.
    The recorder counts them again inside its transaction; a difference means another till or process
    completed a return meanwhile, and the return is quoted again (it may now need a manager's approval,
    or get store credit for the cash the drawer no longer holds)."""

    customer_id: str | None = None
    customer_since: datetime | None = None
    customer_returns: int = 0
    customer_refunded_minor: int = 0
    offline_till_id: str | None = None
    offline_since: datetime | None = None
    offline_refunded_minor: int = 0
    drawer: DrawerCash | None = None


@dataclass(frozen=True, slots=True)
class Completion:
    """Everything the recorder writes for one return, decided before its transaction starts.

    `order` is the snapshot the quote was computed from: the recorder re-reads the ledgers in its
    transaction and raises `LedgerChanged` when another till or process changed them meanwhile.
    """

    return_id: str
    idempotency_key: str
    request_sha256: str
    created_at: datetime
    store_id: str
    till_id: str
    cashier: str | None
    approved_by: str | None
    clock_overridden: bool
    training: bool
    order: Order | None
    customer_id: str | None
    quote: Quote
    notes: tuple[str, ...]  # one per quote line
    response: dict[str, Any]  # the answer, without return_number / return_id
    cache_as_of: datetime | None = None  # when the orders were last pulled from the OMS (None: never)
    contact: CustomerContact | None = None  # how the customer wants to hear from the store; e-receipt
    activity: ActivitySnapshot = ActivitySnapshot()
    delivery: dict[str, Any] | None = None  # an exchange delivered from the network, with its promise
    override: OverrideInput | None = None  # the refusal the approving manager lifted, and why


def replay(stored: StoredReturn, request_sha256: str, key: str) -> dict[str, Any]:
    """The first answer for an idempotency key, if the request is the same one."""
    if stored.request_sha256 is not None and stored.request_sha256 != request_sha256:
        raise AlreadyUsedKey(
            f'The idempotency key "{key}" was already used for another return '
            f"({stored.result.get('return_number')}); use a new key for a new return."
        )
    return stored.result


class ReturnQueries(Protocol):
    """Read-only questions; none of them writes."""

    def customer(
        self, customer_id: str | None, phone_key: str | None, email_key: str | None
    ) -> CustomerMatch | None: ...
    def customer_activity(self, customer_id: str, since: datetime) -> tuple[int, int]: ...
    def offline_refunded(self, till_id: str, since: datetime) -> int: ...
    def sellable(self, sku: str, location: str) -> int: ...
    def prices_since(self, sku: str, since: datetime) -> list[tuple[datetime, int]]:
        """(moment, price in minor units) of each shelf price of `sku` from `since` on, the first
        being the one already in effect at `since`."""
        ...
    def cache_as_of(self) -> datetime | None: ...
    def by_idempotency_key(self, key: str) -> StoredReturn | None: ...
    def show(self, number_or_id: str) -> dict[str, Any] | None: ...
    def outbox(self, status: str | None, limit: int) -> list[dict[str, Any]]: ...


class ReturnRecorder(Protocol):
    def record(self, completion: Completion) -> dict[str, Any]:
        """Write the return in one transaction and give its response; the same idempotency key
        again gives the stored response and writes nothing."""
        ...


@dataclass(frozen=True, slots=True)
class StoredPolicy:
    version: str
    text: str
    sha256: str
    loaded_at: str


class PolicyRepository(Protocol):
    def active(self) -> StoredPolicy | None: ...
    def get(self, version: str) -> StoredPolicy | None: ...
    def activate(self, version: str, text: str, sha256: str, audit: AuditEntry) -> None: ...
