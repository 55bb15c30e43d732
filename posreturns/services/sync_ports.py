"""Ports of the sync with the central OMS: the OMS itself (`OmsGateway`), the till's outbox
(`Outbox`) and what the sync remembers between runs (`SyncState`).

The sync layer drives these; persistence implements `Outbox` and `SyncState` over SQLite, and each
OMS connector (Medusa v2 first) implements `OmsGateway`. Pulled data crosses the port as canonical
`posreturns/1` documents (docs/data-format.md), so a connector never sees our tables.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from posreturns.domain.errors import UserFacingError

if TYPE_CHECKING:  # an annotation only: the command line's lookups never load the import's rules
    from posreturns.services.canonical import Document

STREAMS = ("stores", "return_reasons", "products", "customers", "orders", "stock")


class OmsUnavailable(UserFacingError):
    """The OMS cannot be reached, timed out, or answered 5xx / 429: try again later."""

    def __init__(self, message: str, retry_after: float | None = None, status: int | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after
        self.status = status


class OmsProtocolError(OmsUnavailable):
    """The OMS answered something we cannot read (malformed JSON, missing fields)."""


class OmsRefused(UserFacingError):
    """The OMS refused a request (4xx) with its own message."""

    def __init__(self, message: str, status: int, kind: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.kind = kind


class CursorInvalid(Exception):
    """The OMS no longer knows a stream's cursor: that stream (all of them) is pulled again."""


class OmsNotConfigured(UserFacingError):
    """No OMS URL or API key on this till."""


class LeaseLost(Exception):
    """This uploader no longer holds the till's upload lease (it expired, another took it over):
    it must not apply another step in the OMS nor mark anything. `newest`: the largest fencing
    token the OMS has seen for this till, when it said so."""

    def __init__(self, message: str, newest: int | None = None) -> None:
        super().__init__(message)
        self.newest = newest


class Fence(Protocol):
    """The uploader's right to act, checked before every step that changes the OMS."""

    token: int  # the lease's fencing token: grows with every new holder of the lease
    scope: str  # whose tokens: one identity per till database

    def __call__(self) -> None:
        """Raise `LeaseLost` unless the lease is still held, with time to spare for one request."""
        ...


class Outcome(StrEnum):
    """What the OMS made of one event."""

    APPLIED = "applied"      # done now
    DUPLICATE = "duplicate"  # already done earlier (its marker was found): nothing done again
    REJECTED = "rejected"    # refused for a business reason: to the exception queue
    RETRY = "retry"          # not done, try again later (transport error, timeout, 5xx, 429)


@dataclass(frozen=True, slots=True)
class PushResult:
    outcome: Outcome
    reason: str | None = None          # the OMS's own words, for a cashier or manager to read
    retry_after: float | None = None   # seconds the OMS asked us to wait (Retry-After)
    detail: dict[str, Any] = field(default_factory=dict)  # e.g. {"medusa_return_id": "return_…"}

    @classmethod
    def retry(cls, reason: str, retry_after: float | None = None) -> PushResult:
        return cls(Outcome.RETRY, reason, retry_after)


@dataclass(frozen=True, slots=True)
class PendingEvent:
    """One outbox row on its way to the OMS; `payload` is the envelope (services/return_events.py)."""

    seq: int
    event_id: str
    till_id: str
    aggregate_type: str
    aggregate_id: str
    event_type: str
    schema_version: int
    payload: dict[str, Any]
    attempts: int
    order_key: str = ""            # the OMS order: events of one order are applied in `seq` order
    first_attempt: bool = False    # never sent before: the OMS cannot hold anything of it yet
    context: Mapping[str, Any] = field(default_factory=dict)  # e.g. {"released_by": {...}} after a dismissal


@dataclass(frozen=True, slots=True)
class PulledPage:
    """One page of a stream: canonical rows, the cursor to store with them, and whether more follow."""

    stream: str
    document: dict[str, Any]  # a `posreturns/1` JSON object
    next_cursor: str | None
    has_more: bool
    total: int | None = None   # how many rows the whole pull has, when the OMS says (progress bars)
    fetched: int = 0           # rows in this page


@dataclass(frozen=True, slots=True)
class ExceptionItem:
    """An event the OMS refused (`rejected`) or that waits behind one (`held`)."""

    seq: int
    event_id: str
    event_type: str
    aggregate_type: str
    aggregate_id: str
    status: str
    reason: str | None
    created_at: str
    payload: dict[str, Any]
    detail: dict[str, Any] = field(default_factory=dict)  # the OMS's answer: conflict, competing return…
    order_key: str = ""


@dataclass(frozen=True, slots=True)
class OutboxStats:
    pending: int       # waiting to be sent (due now or later)
    due: int
    rejected: int      # refused by the OMS: a manager must resolve them
    held: int          # waiting behind a refused event of the same order
    delivered: int
    oldest_pending_at: str | None
    next_attempt_at: str | None


class OmsGateway(Protocol):
    """The central OMS as the sync sees it. Every method raises `OmsUnavailable` when the OMS
    cannot be reached (or answers 5xx/429) and `OmsProtocolError` when its answer makes no sense."""

    name: str

    def streams(self) -> tuple[str, ...]: ...

    def pull(self, stream: str, cursor: str | None, limit: int) -> PulledPage:
        """The next page after `cursor` (None = from the start). Raises `CursorInvalid` when the
        OMS no longer knows the cursor: the caller starts the stream again from None."""
        ...

    def fetch_order(self, number: str) -> dict[str, Any] | None:
        """One sale by receipt/order number as a canonical document (with its products and
        customer), or None when the OMS has no such sale."""
        ...

    def push(self, event: PendingEvent, fence: Fence | None = None) -> PushResult:
        """Apply one event at most once, resuming whatever an earlier attempt left half-done;
        `fence()` is called before every step that changes the OMS."""
        ...

    def close(self) -> None:
        """Let go of the connections kept for the next requests."""
        ...


class BatchGateway(OmsGateway, Protocol):
    """An OMS that applies many events per request (Medusa with the posreturns plugin)."""

    def batch_limit(self) -> int:
        """How many events one request may carry; 0 when the OMS takes them one by one."""
        ...

    def push_batch(self, events: list[PendingEvent], fence: Fence | None = None) -> dict[str, PushResult]:
        """Apply `events` (in `seq` order per order); the result of each event attempted, by event
        id. An event missing from the answer was not attempted (an earlier one of its order failed)."""
        ...


@dataclass(frozen=True)
class NumbersHeld:
    """What this till database holds of the chain-wide numbering (sync/numbers.py)."""

    store_id: str
    till_id: str
    install_id: str
    ean_block: int | None     # the block of second-hand codes claimed in the OMS
    ean_block_full: bool      # most of its codes issued: time to claim the next one
    return_seq: int           # the till's last return number
    return_range: tuple[str, int] | None  # the range of return numbers claimed: (store-till codes, range)


@dataclass(frozen=True)
class ClaimHolder:
    """Who holds a claim in the OMS."""

    install_id: str
    store_id: str
    till_id: str


@runtime_checkable
class ClaimingGateway(OmsGateway, Protocol):
    """An OMS where a till claims what no other till may hold (its numbers), first come first served."""

    def claimed(self, kind: str) -> dict[str, str]:
        """The claims of `kind` made so far (by every till): name -> the install id of its holder."""
        ...

    def claim(self, kind: str, name: str, holder: ClaimHolder) -> ClaimHolder:
        """Claim `name`; the holder: `holder` when the claim is ours (now or before), another one when not."""
        ...


class TillNumbers(Protocol):
    """The till database's side of the chain-wide numbering."""

    def held(self) -> NumbersHeld: ...

    def hold_ean_block(self, block: int) -> None:
        """Issue second-hand codes from `block` from now on (from its first code)."""
        ...

    def hold_return_range(self, till_id: str, stem: str, number_range: int, first_seq: int) -> None:
        """Issue `till_id`'s return numbers (`R<stem>-…`) from `number_range`, from `first_seq` at least."""
        ...


class Outbox(Protocol):
    """The till's outbox as the uploader sees it."""

    def acquire(self, owner: str, now: datetime, lease_seconds: float) -> int | None:
        """Take (or renew) the till's upload lease; its fencing token, or None when another live
        uploader holds it."""
        ...

    def renew(self, owner: str, token: int, now: datetime, lease_seconds: float) -> bool:
        """Extend `owner`'s lease of that token; False when it no longer holds exactly that lease."""
        ...

    def lease_left(self, owner: str, token: int, now: datetime) -> float | None:
        """Seconds left on `owner`'s lease of that token; None when it does not hold it so."""
        ...

    def fencing_scope(self, now: datetime) -> str:
        """This till database's identity for the OMS's fencing tokens."""
        ...

    def raise_token(self, at_least: int, now: datetime) -> None:
        """Make the next lease's token larger than `at_least` (the OMS has seen that one)."""
        ...

    def release(self, owner: str) -> None: ...

    def due(self, now: datetime, limit: int, skip: frozenset[str] = frozenset()) -> list[PendingEvent]:
        """Pending events whose time has come, in sequence order, only the first open event of
        each order (later ones wait for it; none behind a rejected or held one); none of the
        orders in `skip`."""
        ...

    def chains(self, now: datetime, limit: int) -> list[PendingEvent]:
        """Like `due`, with each order's later pending events after its first (for an OMS that
        applies them in order itself)."""
        ...

    def begin(self, owner: str, events: list[PendingEvent], now: datetime) -> bool:
        """Note that `events` are being sent (before anything is sent); False when `owner` no
        longer holds the lease."""
        ...

    def record(self, owner: str, results: Iterable[tuple[PendingEvent, PushResult, datetime | None]],
               now: datetime) -> bool:
        """Record each event's outcome in one transaction: applied / duplicate / rejected (holding
        the order's later events), or retry at the time given with it. False, writing nothing,
        when `owner` no longer holds the lease."""
        ...

    def stats(self, now: datetime) -> OutboxStats: ...


class SyncState(Protocol):
    """Cursors, pulled rows and the sync's memory between runs."""

    def cursor(self, stream: str) -> str | None: ...

    def write_page(self, stream: str, document: Document, source: str, cursor: str | None,
                   now: datetime) -> dict[str, int]:
        """Write the page's rows and the stream's new cursor in ONE transaction."""
        ...

    def reset_streams(self, now: datetime) -> None:
        """Forget every cursor (a full re-pull follows); the outbox is kept."""
        ...

    def record_run(self, online: bool, error: str | None, now: datetime) -> None: ...

    def record_contact(self, online: bool, reason: str | None, now: datetime) -> None:
        """Whether the OMS answered just now (a probe, an on-demand fetch)."""
        ...

    def contact(self) -> dict[str, Any]:
        """The last contact with the OMS: {"online", "at", "reason"}; {} when none yet."""
        ...

    def pull_from(self, identity: str, now: datetime) -> bool:
        """Pull from `identity` (OMS and store); True when the cursors of another one were forgotten."""
        ...

    def status(self) -> dict[str, Any]:
        """online, last_success_at, last_attempt_at, last_error, streams {name: {cursor, last_pulled_at}},
        cache_as_of."""
        ...
