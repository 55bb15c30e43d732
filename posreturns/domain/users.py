"""Till users and their roles. PIN hashing lives in `pins`, the lockout in `lockout`."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    CASHIER = "cashier"
    MANAGER = "manager"
    ADMIN = "admin"

    @property
    def rank(self) -> int:
        """Each role holds every permission of the roles below it."""
        return _RANKS[self]

    @property
    def can_approve(self) -> bool:
        """Managers and admins approve returns that need approval."""
        return self is not Role.CASHIER


_RANKS = {Role.CASHIER: 0, Role.MANAGER: 1, Role.ADMIN: 2}


@dataclass(frozen=True, slots=True)
class User:
    id: str
    name: str
    role: Role
    pin_hash: str | None = None
    disabled: bool = False  # kept (with its history) but may not sign in


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is acting: a user who signed in with their PIN, or a cashier the host POS vouches for
    (`vouched_by` names the host; such a cashier may have no account on this till)."""

    user_id: str
    name: str
    role: Role
    vouched_by: str | None = None

    @classmethod
    def of(cls, user: User) -> Principal:
        return cls(user.id, user.name, user.role)

    @classmethod
    def vouched(cls, cashier_id: str, by: str) -> Principal:
        return cls(cashier_id, cashier_id, Role.CASHIER, by)
