"""Ports of signing in and of the till's users: the user store (whose `attempt` runs one PIN check
inside the write transaction that records its outcome), the audit log and the PIN pepper."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from posreturns.domain.errors import PinError
from posreturns.domain.lockout import Lockout
from posreturns.domain.pins import Pepper
from posreturns.domain.users import Principal, User
from posreturns.services.returns.ports import AuditEntry


@dataclass(frozen=True, slots=True)
class Attempt:
    """The outcome of one PIN check, decided while the user's row is locked for writing."""

    audit: AuditEntry | None  # None: a right PIN asked ahead of the action that signs in with it
    lockout: Lockout | None = None  # the state to store (None: unchanged)
    pin_hash: str | None = None  # a stronger hash of the same PIN to store
    principal: Principal | None = None
    error: PinError | None = None


class UserRepository(Protocol):
    def get(self, user_id: str) -> tuple[User, Lockout] | None: ...
    def add(self, user: User, audit: AuditEntry) -> None: ...
    def all(self) -> list[User]: ...
    def attempt(self, user_id: str, decide: Callable[[tuple[User, Lockout] | None], Attempt]) -> Attempt:
        """Read the user in a write transaction, let `decide` check the PIN, store what it decided
        (lockout, new hash, audit row) and commit: two attempts never count as one."""
        ...
    def update(self, user_id: str, audit: AuditEntry, *, pin_hash: str | None = None,
               lockout: Lockout | None = None, disabled: bool | None = None) -> None: ...


class AuditLog(Protocol):
    def record(self, entry: AuditEntry) -> None: ...


class PepperStore(Protocol):
    """The till's PIN peppers, outside the database."""

    def find(self, pepper_id: str) -> Pepper | None: ...
    def current(self) -> Pepper:
        """The pepper for new hashes, created on first use."""
        ...
