"""Signing in with an id and a PIN, and checking a permission: the one gate every front end uses.

`sign_in` checks the PIN inside the write transaction that stores its outcome, so parallel wrong
PINs are all counted; unknown ids, wrong PINs and users whose role may not do the thing asked get
the same sentence after the same amount of work (a locked account is told it is locked).
`require` refuses a principal whose role lacks a permission. Every refusal is audited.

For a command or a service that needs a role (e.g. resolving a sync exception needs a manager):
    principal = till.access.sign_in(user_id, pin, Permission.RESOLVE_SYNC)   # window / command line
    till.access.require(principal, Permission.RESOLVE_SYNC, subject=str(seq))  # inside the service
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta

from posreturns.domain.errors import PinError
from posreturns.domain.lockout import LOCKOUT, Lockout, Moment
from posreturns.domain.messages import translate
from posreturns.domain.permissions import WHAT, Permission, allows, least_role
from posreturns.domain.pins import (
    Pepper,
    PepperMissing,
    hash_pin,
    needs_rehash,
    pepper_id_of,
    spend_a_check,
    verify_pin,
)
from posreturns.domain.users import Principal, Role, User
from posreturns.services.access_ports import Attempt, AuditLog, PepperStore, UserRepository
from posreturns.services.errors import PermissionDenied
from posreturns.services.returns.ports import AuditEntry

REFUSED = translate("services.access", "Wrong ID or PIN, or this user may not do this; check them and try again.")


def refused() -> PinError:
    return PinError(REFUSED)


class AccessService:
    def __init__(self, users: UserRepository, audit: AuditLog, peppers: PepperStore,
                 moments: Callable[[], Moment]) -> None:
        self.users, self.audit, self.peppers, self.moments = users, audit, peppers, moments

    def sign_in(self, user_id: str, pin: str, permission: Permission) -> Principal:
        """The user, once their PIN is right and their role holds `permission`; `PinError` otherwise."""
        now = self.moments()
        attempt = self.users.attempt(user_id.strip(), lambda found: self._decide(found, pin, permission, now))
        if attempt.error is not None:
            raise attempt.error
        assert attempt.principal is not None  # no error: signed in
        return attempt.principal

    def check_pin(self, user_id: str, pin: str, permission: Permission) -> Principal:
        """As `sign_in`, for a PIN asked just before the action that signs in with it (the approval
        dialog, then the completion): wrong PINs count and are audited here, the right one once, by
        that action, so a manager's approval is one sign-in in the audit log, not two."""
        now = self.moments()
        attempt = self.users.attempt(user_id.strip(), lambda found: _unsaid_success(
            self._decide(found, pin, permission, now)))
        if attempt.error is not None:
            raise attempt.error
        assert attempt.principal is not None  # no error: the PIN is right
        return attempt.principal

    def require(self, principal: Principal, permission: Permission, subject: str | None = None) -> None:
        """Raise `PermissionDenied` (audited) unless `principal`'s role holds `permission`."""
        if allows(principal.role, permission):
            return
        detail = {"permission": permission.value, "role": principal.role.value, "vouched_by": principal.vouched_by}
        self.audit.record(AuditEntry("access.denied", principal.user_id, subject, detail, self.moments().wall))
        raise denied(permission)

    def _decide(self, found: tuple[User, Lockout] | None, pin: str, permission: Permission, now: Moment) -> Attempt:
        wanted: dict[str, object] = {"for": permission.value}
        if found is None:  # the typed id is not stored: it might be a PIN typed in the wrong field
            spend_a_check()
            return Attempt(AuditEntry("signin.refused", None, None, {**wanted, "reason": "unknown_id"}, now.wall),
                           error=refused())
        user, stored = found
        if user.disabled:  # refused like an unknown id: a disabled account reveals nothing
            spend_a_check()
            return Attempt(self._entry("signin.refused", user, now, {**wanted, "reason": "disabled"}), error=refused())
        lockout = stored.observed(now)
        moved = lockout if lockout != stored else None
        remaining = lockout.remaining(now)
        if remaining is not None:
            spend_a_check()
            return Attempt(self._entry("signin.refused", user, now, {**wanted, "reason": "locked"}), moved,
                           error=locked(remaining))
        try:
            right = user.pin_hash is not None and self._verify(pin, user.pin_hash)
        except PepperMissing as error:
            return Attempt(self._entry("signin.refused", user, now, {**wanted, "reason": "pepper_missing"}), moved,
                           error=error)
        if not right:
            if user.pin_hash is None:
                spend_a_check()
            state = lockout.failed(now)
            detail = {**wanted, "reason": "wrong_pin", "failures": state.failures}
            refusal = locked(state.remaining(now)) if state.locked_at == now else refused()
            return Attempt(self._entry("signin.refused", user, now, detail), state, error=refusal)
        reset = Lockout() if lockout != Lockout() else None
        rehash = self._rehash(pin, user)
        if not allows(user.role, permission):
            detail = {**wanted, "reason": "role", "role": user.role.value}
            return Attempt(self._entry("access.denied", user, now, detail), reset, rehash, error=refused())
        return Attempt(self._entry("user.signed_in", user, now, wanted), reset, rehash, Principal.of(user))

    def _verify(self, pin: str, stored: str) -> bool:
        wanted = pepper_id_of(stored)
        pepper: Pepper | None = self.peppers.find(wanted) if wanted else None
        return verify_pin(pin, stored, pepper)

    def _rehash(self, pin: str, user: User) -> str | None:
        pepper = self.peppers.current()
        assert user.pin_hash is not None  # the PIN was just checked against it
        return hash_pin(pin, pepper) if needs_rehash(user.pin_hash, pepper) else None

    @staticmethod
    def _entry(action: str, user: User, now: Moment, detail: dict[str, object]) -> AuditEntry:
        return AuditEntry(action, user.id, user.id, detail, now.wall)


def _unsaid_success(attempt: Attempt) -> Attempt:
    return replace(attempt, audit=None) if attempt.principal is not None else attempt


def locked(remaining: timedelta | None) -> PinError:
    if remaining is None or remaining == timedelta.max:
        return PinError(translate("services.access", "Too many wrong PINs: this account stays locked until an "
                                                     "administrator unlocks it (posreturns user unlock ID)."))
    minutes = max(1, math.ceil(min(remaining, LOCKOUT).total_seconds() / 60))
    return PinError(translate("services.access", "Too many wrong PINs: this account is locked for {0} more "
                                                 "minute(s); wait or ask someone else.").format(minutes))


def denied(permission: Permission) -> PermissionDenied:
    what = WHAT[permission]
    role = least_role(permission)
    if role is Role.ADMIN:
        return PermissionDenied(translate("services.access", "Only an administrator may {0}; ask one to sign in.")
                                .format(what))
    if role is Role.MANAGER:
        return PermissionDenied(translate("services.access", "Only a manager or an administrator may {0}; ask one to "
                                                             "sign in.").format(what))
    return PermissionDenied(translate("services.access", "Sign in to {0}.").format(what))
