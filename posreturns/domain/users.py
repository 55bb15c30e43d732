"""Till users, manager PINs and PIN lockout (pure: the clock and the salt are passed in).

PINs are hashed with scrypt (a slow, memory-hard KDF) and a random salt; the hash string carries
its parameters (`scrypt$n$r$p$salt$hash`, base64) so they can be raised later without breaking
stored hashes. Comparison is constant-time. After `MAX_FAILURES` wrong PINs in a row the account
is locked for `LOCKOUT`; a right PIN while locked is refused too.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from posreturns.domain.errors import PinError

MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=5)
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
_MIN_LEN, _MAX_LEN = 4, 8


class Role(StrEnum):
    CASHIER = "cashier"
    MANAGER = "manager"
    ADMIN = "admin"

    @property
    def can_approve(self) -> bool:
        """Managers and admins approve returns that need approval."""
        return self is not Role.CASHIER


@dataclass(frozen=True, slots=True)
class User:
    id: str
    name: str
    role: Role
    pin_hash: str | None = None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_pin(
    pin: str, *, salt: bytes | None = None, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P
) -> str:
    """Hash a 4–8 digit PIN; raises `PinError` for anything else."""
    if not (pin.isascii() and pin.isdigit() and _MIN_LEN <= len(pin) <= _MAX_LEN):
        raise PinError(f"A PIN is {_MIN_LEN} to {_MAX_LEN} digits; choose another PIN.")
    salt = secrets.token_bytes(16) if salt is None else salt
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=n, r=r, p=p, maxmem=256 * 1024 * 1024, dklen=32)
    return f"scrypt${n}${r}${p}${_b64(salt)}${_b64(digest)}"


def verify_pin(pin: str, stored: str) -> bool:
    """True when `pin` matches `stored`; a malformed hash never matches."""
    try:
        scheme, n, r, p, salt_b64, digest_b64 = stored.split("$")
        if scheme != "scrypt":
            return False
        salt, expected = (
            base64.b64decode(salt_b64, validate=True),
            base64.b64decode(digest_b64, validate=True),
        )
        actual = hashlib.scrypt(
            pin.encode(),
            salt=salt,
            n=int(n),
            r=int(r),
            p=int(p),
            maxmem=256 * 1024 * 1024,
            dklen=len(expected),
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


@dataclass(frozen=True, slots=True)
class Lockout:
    """Consecutive wrong PINs of one user and, once there are too many, when the lock ends."""

    failures: int = 0
    locked_until: datetime | None = None

    def is_locked(self, now: datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until

    def failed(self, now: datetime) -> Lockout:
        if self.is_locked(now):
            return self
        failures = (0 if self.locked_until is not None else self.failures) + 1
        if failures >= MAX_FAILURES:
            return Lockout(failures, now + LOCKOUT)
        return Lockout(failures, None)

    def succeeded(self) -> Lockout:
        return Lockout()


def check_manager_pin(user: User, pin: str, lockout: Lockout, now: datetime) -> Lockout:
    """Verify a manager's PIN for an approval; returns the new lockout state.

    Raises `PinError` when the account is locked or the user may not approve, and `WrongPin`
    (carrying the new lockout state, which the caller must store) when the PIN is wrong.
    """
    if lockout.is_locked(now):
        assert lockout.locked_until is not None  # is_locked said so
        minutes = max(1, -(-int((lockout.locked_until - now).total_seconds()) // 60))
        raise PinError(
            f"Too many wrong PINs: {user.name} is locked for {minutes} more minute(s); "
            "wait or ask another manager.",
            f"Trop de codes erronés : {user.name} est bloqué(e) encore {minutes} minute(s) ; "
            "patientez ou appelez un autre responsable.",
        )
    if not user.role.can_approve:
        raise PinError(f"{user.name} is not a manager and cannot approve; ask a manager.",
                       f"{user.name} n'est pas responsable et ne peut pas valider ; appelez un responsable.")
    if user.pin_hash is None or not verify_pin(pin, user.pin_hash):
        state = lockout.failed(now)
        left = MAX_FAILURES - state.failures
        minutes = int(LOCKOUT.total_seconds() // 60)
        if state.is_locked(now):
            raise WrongPin(f"Wrong PIN; {user.name} is locked for {minutes} minutes.", state,
                           f"Code erroné ; {user.name} est bloqué(e) pendant {minutes} minutes.")
        raise WrongPin(f"Wrong PIN; {left} tries left before the account locks.", state,
                       f"Code erroné ; encore {left} essai(s) avant le blocage du compte.")
    return lockout.succeeded()


class WrongPin(PinError):
    """A wrong PIN; carries the lockout state to store."""

    def __init__(self, message: str, lockout: Lockout, fr: str | None = None) -> None:
        super().__init__(message, fr)
        self.lockout = lockout
